"""Coming back to a pane: it reads the store again only when something changed, and looks right.

Switching panes is a single key, so it must cost less than a frame: a pane that was drawn from
the store keeps what it shows until the committee's records, the meeting in view or the day
change (another clerk's commit included); then it reads them again before it is shown.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from store import Store
from tui.app import DARK_THEME
from tui.widgets.context_bar import ContextBar


def _count_reads(app) -> list[str]:
    """The modes of the panes (those made so far) that read the store, in order, from now on."""
    reads: list[str] = []
    for mode, screen in app._panes.items():
        def counted(mode=mode, own=screen.refresh_pane) -> None:
            reads.append(mode)
            own()

        screen.refresh_pane = counted
    return reads


async def test_returning_to_an_unchanged_pane_reads_nothing(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", start_date=date(2020, 5, 1))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "91":
            await pilot.press(key)
            await pilot.pause()
        reads = _count_reads(app)
        for key in "9191":
            await pilot.press(key)
            await pilot.pause()
        assert reads == []


async def test_a_change_made_elsewhere_is_read_on_return(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "91":
            await pilot.press(key)
            await pilot.pause()
        reads = _count_reads(app)
        # Another clerk, another connection, adds a member while this clerk is on the Meetings pane.
        with Store(tui_store.path) as other:
            other.members.add(committee.id, "Kitterick", start_date=date(2020, 5, 1))
        await pilot.press("9")
        await pilot.pause()
        assert reads == ["members"]
        members = app.screen.query_one(DataTable)
        assert any("Kitterick" in str(members.get_row_at(row)) for row in range(members.row_count))
        # This clerk's own change, made on another pane, is read on return too (and the other
        # clerk's commit had come after the Meetings pane was drawn).
        await pilot.press("1")
        await pilot.pause()
        tui_store.members.add(committee.id, "Batool", start_date=date(2020, 5, 1))
        await pilot.press("9")
        await pilot.pause()
        assert reads == ["members", "meetings", "members"]
        members = app.screen.query_one(DataTable)
        assert any("Batool" in str(members.get_row_at(row)) for row in range(members.row_count))
        # Where the clerk is looking (the pane remembered for the next start) is not a change.
        await pilot.press("1", "9")
        await pilot.pause()
        assert reads == ["members", "meetings", "members", "meetings"]  # Batool came after it was drawn
        await pilot.press("1", "9", "1")
        await pilot.pause()
        assert reads == ["members", "meetings", "members", "meetings"]


async def test_a_new_meeting_in_view_is_read_on_return(make_app, committee, tui_store):
    january = tui_store.meetings.add(committee.id, "2021-01-19")
    tui_store.meetings.add(committee.id, "2021-03-09")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "31":
            await pilot.press(key)
            await pilot.pause()
        app.set_context(committee.id, january.id)
        await pilot.press("3")
        await pilot.pause()
        assert "Tue 19 Jan 2021" in str(app.screen.query_one(ContextBar).render())


async def test_a_theme_changed_on_another_pane_reaches_the_pane_on_return(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "91":
            await pilot.press(key)
            await pilot.pause()
        members_bar = app._panes["members"].query_one(ContextBar)
        dark_background = members_bar.styles.background
        await pilot.press("f2")  # to the light theme, on the Meetings pane
        await pilot.pause()
        assert app.theme != DARK_THEME
        await pilot.press("9")
        await pilot.pause()
        assert app.screen.query_one(ContextBar).styles.background != dark_background
