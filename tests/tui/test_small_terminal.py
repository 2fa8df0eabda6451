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
