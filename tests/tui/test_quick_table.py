"""QuickTable draws its rows itself: every line must be what DataTable draws for the same rows."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tui.widgets.quick_table import QuickTable

ROWS = [
    ("1", [Text(" 86", style="bold"), Text("APOLOGIES FOR ABSENCE"), Text("confirmed", style="green"),
           Text("·", style="dim")]),
    ("2", [Text(" 87", style="bold"), Text("A title far too long for its column, cut with an ellipsis"),
           Text("draft ¶3", style="italic"), Text("12")]),
    ("3", [Text(""), Text("Café – 東京 wide characters"), Text("draft"), Text("")]),
    ("4", [Text("88"), Text("base style only", style="bold red"), Text("mixed ", style="dim").append("bold", "bold"),
           Text("4")]),
    ("5", [Text("89"), Text("[not] markup"), Text("withdrawn"), Text("1")]),
]
WIDTHS = (4, 24, 10, 4)


class Tables(App):
    CSS = "DataTable { height: 8; width: 60; }"

    def compose(self) -> ComposeResult:
        for table in (QuickTable(id="quick"), DataTable(id="plain")):
            table.cursor_type = "row"
            table.zebra_stripes = True
            yield table

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            for label, width in zip(("No.", "Item", "Status", "Res."), WIDTHS):
                table.add_column(label, width=width)
            for key, cells in ROWS:
                cell_copies = []
                for cell in cells:
                    copy = cell.copy()
                    copy.no_wrap, copy.overflow = True, "ellipsis"
                    cell_copies.append(copy)
                table.add_row(*cell_copies, key=key)


def lines(table: DataTable) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in table.render_line(y)] for y in range(table.size.height)]


@pytest.mark.parametrize("focus", ["quick-focused", "plain-focused"])
async def test_quick_rows_are_drawn_as_datatable_draws_them(focus):
    app = Tables()
    async with app.run_test(size=(70, 20)) as pilot:
        quick, plain = app.query_one("#quick", QuickTable), app.query_one("#plain", DataTable)
        (quick if focus == "quick-focused" else plain).focus()
        for table in (quick, plain):
            table.move_cursor(row=2)
        await pilot.pause()
        # Focus changes the cursor's colours: compare each table in the same state.
        for has_focus in (True, False):
            if has_focus:
                quick.focus()
                await pilot.pause()
                quick_lines = lines(quick)
                plain.focus()
                await pilot.pause()
                plain_lines = lines(plain)
            else:
                app.set_focus(None)
                await pilot.pause()
                quick_lines, plain_lines = lines(quick), lines(plain)
            assert [text for line in quick_lines for text, _ in line] != []
            assert quick_lines == plain_lines
        assert "A title far too long fo…" in "".join(text for text, _ in lines(quick)[2])


async def test_a_cell_the_quick_path_cannot_draw_is_drawn_by_datatable():
    """A cell holding a line break or a tab goes the long way: it still shows, cut to one line."""
    app = Tables()
    async with app.run_test(size=(70, 20)) as pilot:
        for table in app.query(DataTable):
            table.add_row(Text("90"), Text("two\nlines"), Text("tab\there"), Text("0"), key="6")
        app.set_focus(None)
        await pilot.pause()
        quick, plain = app.query_one("#quick", QuickTable), app.query_one("#plain", DataTable)
        assert lines(quick) == lines(plain)
        assert "two" in "".join(text for text, _ in lines(quick)[6])


async def test_a_row_whose_only_change_is_its_style_is_drawn_again():
    """Text's equality leaves out its base style: a list shown again with a row now dimmed
    must not keep the row as it was."""
    from tui.widgets.record_list import RecordList

    class Names(RecordList):
        COLUMNS = (("Name", None),)

    class OneList(App):
        def compose(self) -> ComposeResult:
            yield Names(id="names")

    app = OneList()
    async with app.run_test(size=(40, 8)) as pilot:
        names = app.query_one(Names)
        names.show([(1, [Text("Joshi")]), (2, [Text("March")])])
        await pilot.pause()
        app.set_focus(None)
        names.show([(1, [Text("Joshi")]), (2, [Text("March", style="dim strike")])])
        await pilot.pause()
        march = [segment for segment in names.render_line(2) if "March" in segment.text][0]
        assert march.style.strike and march.style.dim
