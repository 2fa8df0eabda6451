"""The app shell: nine panes each one key away, the switcher, help, and remembering where you were."""

from __future__ import annotations

from textual.widgets import OptionList

from tui.dialogs.help import HelpScreen
from tui.dialogs.switcher import SwitcherDialog
from tui.panes import PANES
from tui.widgets.context_bar import ContextBar
from tui.widgets.pane_bar import PaneBar


async def test_every_pane_is_one_key_away(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for pane in PANES:
            await pilot.press(pane.key)
            await pilot.pause()
            assert app.current_mode == pane.mode
            assert app.screen.PANE_TITLE == pane.title
            bar = str(app.screen.query_one(PaneBar).render())
            assert f"{pane.key} {pane.title}" in bar
            assert committee.name in str(app.screen.query_one(ContextBar).render())


async def test_the_pane_is_remembered_across_restarts(make_app, committee, tui_store):
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
    assert tui_store.ui_state.get("pane") == "members"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "members"


async def test_switcher_changes_the_meeting_every_pane_follows(make_app, committee, tui_store):
    tui_store.meetings.add(committee.id, "2021-01-19")
    march = tui_store.meetings.add(committee.id, "2021-03-09")
    other = tui_store.committees.add("Health Scrutiny Commission", council="Leicester City Council")
    health_meeting = tui_store.meetings.add(other.id, "2021-03-16")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.meeting_id == march.id  # the next meeting from today (2 March 2021)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SwitcherDialog)
        await pilot.press(*"health 16 mar")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert (app.committee_id, app.meeting_id) == (other.id, health_meeting.id)
        assert "Health Scrutiny Commission" in str(app.screen.query_one(ContextBar).render())
        await pilot.press("3")
        await pilot.pause()
        assert "Tue 16 Mar 2021" in str(app.screen.query_one(ContextBar).render())
    assert tui_store.ui_state.get_int("meeting_id") == health_meeting.id


async def test_help_lists_every_key(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for pane in PANES:
            assert pane.title in text
        for key in ("ctrl+o", "ctrl+p", "ctrl+q", "Meetings pane (1)", "New", "Cancel"):
            assert key in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_offers_the_panes_verbs(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Go to Members" in titles
        assert "Meetings: New" in titles
        assert "Switch committee or meeting" in titles


async def test_an_empty_database_says_what_to_do(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "No committee yet" in str(app.screen.query_one(ContextBar).render())
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MeetingsScreen"
