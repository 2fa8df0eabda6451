"""A DataTable of stored records: one row per record, keyed by its id, columns fitted to the width."""

from __future__ import annotations

from typing import ClassVar, Sequence

from rich.text import Text
from textual import events
from tui.widgets.quick_table import QuickTable

Cell = str | Text
Row = tuple[int, Sequence[Cell]]


class RecordList(QuickTable):
    """Rows are shown as given (`show`) and never parsed as markup.

    Subclasses set `COLUMNS`: (label, widest) pairs, where `widest` caps a column that can
    grow long (None: no cap). Columns are fitted to the widget's width, long cells end
    with an ellipsis, so the table never needs sideways scrolling.
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None], ...]] = ()
    NARROWEST = 6

    def __init__(self, *, title: str = "", id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self._rows: list[Row] = []

    # data down ----------------------------------------------------------------
    def show(self, rows: Sequence[Row], *, select: int | None = None, empty: str = "", count: str = "") -> None:
        """Show `rows`; keep the cursor on `select`, else on the record it was on."""
        wanted = select if select is not None else self.selected_id()
        previous_row = self.cursor_row
        rows = list(rows)
        if rows != self._rows:  # refilling repaints the whole table: only when it shows something else
            self._rows = rows
            self._fill()
        ids = [key for key, _ in self._rows]
        if wanted in ids:
            self.move_cursor(row=ids.index(wanted))
        elif ids:
            self.move_cursor(row=min(max(previous_row, 0), len(ids) - 1))
        self.border_subtitle = count if ids else empty

    def selected_id(self) -> int | None:
        if self.row_count == 0:
            return None
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(row_key.value)

    def select(self, record_id: int) -> None:
        """Put the cursor on a record, if it is shown."""
        ids = self.ids
        if record_id in ids:
            self.move_cursor(row=ids.index(record_id))

    @property
    def ids(self) -> list[int]:
        return [key for key, _ in self._rows]

    # drawing ------------------------------------------------------------------
    def _fill(self) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        for (label, _), width in zip(self.COLUMNS, self._widths()):
            self.add_column(label, width=width)
        for key, cells in self._rows:
            self.add_row(*(_cell(value) for value in cells), key=str(key))
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1), scroll=False)
        self.settle()

    def _widths(self) -> list[int]:
        widths = []
        for index, (label, widest) in enumerate(self.COLUMNS):
            longest = max([len(label), *(_cell(cells[index]).cell_len for _, cells in self._rows)])
            widths.append(min(longest, widest) if widest else longest)
        width = self.size.width
        scrollbar = self.styles.scrollbar_size_vertical if len(self._rows) + 1 > self.size.height else 0
        room = width - 2 * self.cell_padding * len(widths) - scrollbar
        if width:
            while sum(widths) > room:
                widest = max(range(len(widths)), key=widths.__getitem__)
                if widths[widest] <= self.NARROWEST:
                    break
                widths[widest] -= 1
        return widths

    def on_resize(self, event: events.Resize) -> None:
        self._fill()


def _cell(value: Cell) -> Text:
    """Database text as a plain Text (never markup), cut with an ellipsis when too long."""
    text = value.copy() if isinstance(value, Text) else Text(str(value))
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text
