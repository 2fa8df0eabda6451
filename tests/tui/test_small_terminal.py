"""Every pane fits the classic 80×24 terminal: the pane never scrolls as a whole (which would
push the context line off the top), and the Minutes pane leaves the notes half the width."""

from __future__ import annotations

from store.demo import build_demo
from tui.panes import PANES
from tui.widgets.context_bar import ContextBar


async def test_every_pane_fits_80_by_24(tui_store, frozen_today, make_app):
    build_demo(tui_store, today=frozen_today)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for pane in PANES:
            await pilot.press(pane.key)
            await pilot.pause()
            screen = app.screen
            assert screen.max_scroll_y == 0, pane.title
            assert screen.query_one(ContextBar).region.y == 0, pane.title
            bottom = max(widget.region.bottom for widget in screen.walk_children() if widget.display)
            assert bottom <= 24, pane.title
        await pilot.press("5")
        await pilot.pause()
        assert app.screen.query_one("#minutes-right").region.width >= 38  # the notes' side


async def test_the_meetings_list_fits_without_sideways_scrolling(tui_store, frozen_today, make_app):
    """At 80 columns every column still shows (no sideways scrolling); at 100 only the place,
    which the detail below gives in full, is cut."""
    build_demo(tui_store, today=frozen_today)
    app = make_app()
    for width in (80, 100):
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.press("1")
            await pilot.pause()
            table = app.screen.query_one("#meetings-table")
            assert table.max_scroll_x == 0
            lines = [table.render_line(y).text for y in range(table.size.height)]
            assert "Agend" in lines[0]  # the last column, cut but there
            if width == 100:
                assert "Tue 19 Jan 2021" in "\n".join(lines) and "Virtual Meeting using Zoom" not in "\n".join(lines)
        app = make_app()


async def test_a_long_form_keeps_its_buttons_in_view(tui_store, frozen_today, make_app):
    """The agenda item's form (title, description, recommendation, …) on 24 rows: its fields
    scroll in what is left, and Save stays on the screen."""
    from tui.dialogs.form import FormDialog

    build_demo(tui_store, today=frozen_today)
    for rows in (24, 40):
        app = make_app()
        async with app.run_test(size=(80, rows)) as pilot:
            await pilot.press("2", "e")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            save = app.screen.query_one("#save").region
            assert save.height and save.bottom <= rows
            assert app.screen.query_one("#form-fields").styles.max_height.value == (26 if rows == 40 else 10)


async def test_the_live_strip_keeps_the_quorum_whole_on_80_columns(tui_store, frozen_today, make_app):
    """The quorum is what the clerk must never lose sight of: on a narrow terminal the item's
    title is cut and the confirmed mark and the clock give way before it does."""
    from store.demo import open_on_january_minutes
    from tui.widgets.live_strip import LiveStrip

    committee = build_demo(tui_store, today=frozen_today)
    open_on_january_minutes(tui_store, committee)
    for width in (80, 120):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            strip = app.screen.query_one(LiveStrip)
            line = strip.render_line(0).text
            assert "present," in line and "needed ·" in line and line.rstrip().endswith(("quorate", "INQUORATE"))
            assert "Taking: 91. LEICESTERSHIR" in line
            assert ("18:42:05" in line) == (width == 120)  # the clock gives way before the quorum
