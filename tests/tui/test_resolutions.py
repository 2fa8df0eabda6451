"""The Resolutions pane, driven by keys alone: store first, then widgets."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Static

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.widgets.resolution_lists import ActionList, ActionLog, DecisionList, ResolutionList


@pytest.fixture
def meetings(tui_store, committee):
    """19 January 2021 (held, minuted) and 9 March 2021 (its minutes open, taking item 6)."""
    store = tui_store
    january = store.meetings.add(committee.id, "2021-01-19")
    store.agenda.start_from_standard_items(january.id)
    store.minutes.take_agenda(january.id)
    for _ in range(2):
        store.meetings.advance_status(january.id, date(2021, 3, 2))
    march = store.meetings.add(committee.id, "2021-03-09")
    store.agenda.start_from_standard_items(march.id)
    store.agenda.add(march.id, "Procurement plan 2021-23")
    minutes = store.minutes.take_agenda(march.id)
    store.ui_state.set("minute_id", minutes[5].id)  # PROCUREMENT PLAN 2021-23
    return january, march


def _texts(store, minute_id: int) -> list[tuple[int, str]]:
    return [(r.position, r.text) for r in store.resolutions.list_for(minute_id)]


async def _add(pilot, text: str) -> None:
    await pilot.press("n", *text, "ctrl+s")
    await pilot.pause()


async def test_add_reorder_and_delete_resolutions(make_app, tui_store, meetings):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        minute = app.current_minute()
        assert minute.title == "PROCUREMENT PLAN 2021-23"
        assert "Minute 13. PROCUREMENT PLAN 2021-23" in str(app.screen.query_one("#resolution-heading").render())
        await _add(pilot, "Noted")
        await _add(pilot, "Report back")
        await _add(pilot, "[Draft] 2")
        assert _texts(tui_store, minute.id) == [(1, "Noted"), (2, "Report back"), (3, "[Draft] 2")]
        resolutions = app.screen.query_one(ResolutionList)
        assert resolutions.row_count == 3 and str(resolutions.get_row_at(2)[1]) == "[Draft] 2"
        third = tui_store.resolutions.list_for(minute.id)[2].id
        assert resolutions.selected_id() == third  # the new one is highlighted

        await pilot.press("ctrl+up", "left_square_bracket")
        await pilot.pause()
        assert _texts(tui_store, minute.id) == [(1, "[Draft] 2"), (2, "Noted"), (3, "Report back")]
        assert resolutions.selected_id() == third
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert _texts(tui_store, minute.id) == [(1, "Noted"), (2, "[Draft] 2"), (3, "Report back")]

        await pilot.press("e")  # edit: the form holds the text
        await pilot.pause()
        await pilot.press("end", "backspace", *"3", "ctrl+s")
        await pilot.pause()
        assert _texts(tui_store, minute.id)[1] == (2, "[Draft] 3")

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # asked, and answered no
        await pilot.pause()
        assert len(tui_store.resolutions.list_for(minute.id)) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert _texts(tui_store, minute.id) == [(1, "Noted"), (2, "Report back")]
        assert resolutions.row_count == 2


async def test_an_action_arising_and_its_progress(make_app, tui_store, committee, meetings):
    january, march = meetings
    may = tui_store.meetings.add(committee.id, "2021-05-04")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6")
        await _add(pilot, "Noted")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Send timetable", "tab", *"KG", "ctrl+s")  # report back to the next meeting, the default
        await pilot.pause()
        resolution = tui_store.resolutions.list_for(app.minute_id)[0]
        [action] = tui_store.actions.list_for(resolution.id)
        assert (action.description, action.owner, action.target_meeting_id, action.status) == (
            "Send timetable", "KG", may.id, "open")
        actions = app.screen.query_one(ActionList)
        assert actions.row_count == 1 and str(actions.get_row_at(0)[2]) == "4 May 2021"

        await pilot.press("tab", "enter")  # to the actions, and edit the highlighted one
        await pilot.pause()
        assert actions.has_focus and isinstance(app.screen, FormDialog)
        await pilot.press("enter", "down", "enter", "tab", *"Sent", "ctrl+s")  # status 'done'
        await pilot.pause()
        action = tui_store.actions.get(action.id)
        assert (action.status, action.progress) == ("done", "Sent")
        assert str(actions.get_row_at(0)[3]) == "done"


async def test_v_confirms_the_previous_minutes_and_locks_them(make_app, tui_store, meetings):
    january, march = meetings
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "v")  # not the previous-minutes item: v does nothing
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        await pilot.press("f7", "f7", "f7")  # back to 'Minutes of the previous meeting'
        await pilot.pause()
        assert app.current_minute().title == "MINUTES OF THE PREVIOUS MEETING"
        heading = str(app.screen.query_one("#resolution-heading", Static).render())
        assert "v resolves that the minutes of Tuesday 19 January 2021" in heading
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert tui_store.meetings.get(january.id).status == "minutes-confirmed"
        assert all(m.confirmed for m in tui_store.minutes.list_for(january.id))
        [(position, text)] = _texts(tui_store, app.minute_id)
        assert text.startswith("That the minutes of the meeting of the Adult Social Care Scrutiny Commission "
                               "held on 19 January 2021 be confirmed")
        assert app.screen.query_one(ResolutionList).row_count == 1


async def test_log_shows_decisions_and_flags_overdue_actions(make_app, tui_store, committee, meetings):
    january, march = meetings
    noted = tui_store.resolutions.add(tui_store.minutes.list_for(january.id)[5].id, "That the plan be noted.")
    tui_store.actions.add(committee.id, "Late report", noted.id, "MS", january.id)
    tui_store.actions.add(committee.id, "Next report", noted.id, "TR", march.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("6", "l")
        await pilot.pause()
        decisions = app.screen.query_one(DecisionList)
        assert decisions.has_focus and decisions.row_count == 1
        assert str(decisions.get_row_at(0)[3]) == "1) That the plan be noted."
        log = app.screen.query_one(ActionLog)
        late, due = log.get_row_at(0), log.get_row_at(1)
        assert str(late[0]) == "Late report" and str(late[3]) == "OVERDUE" and "red" in str(late[0].style)
        assert str(due[0]) == "Next report" and str(due[3]) == "" and "red" not in str(due[0].style)
        await pilot.press("n")  # the minute's verbs are off in the log
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.query_one(ResolutionList).has_focus


async def test_a_resolution_becomes_a_programme_topic_by_one_key(tmp_path, frozen_today, frozen_now):
    from store import Store
    from store.demo import build_demo
    from tui.app import ClerkApp

    store = Store(tmp_path / "demo.db")
    committee = build_demo(store, today=frozen_today)
    january = store.meetings.on(committee.id, "2021-01-19")
    minute = store.minutes.by_number(committee.id, 2020, 93)
    app = ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(committee.id, january.id)
        app.set_minute(minute.id)
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("down", "b")
        await pilot.pause()
        await pilot.press("b")  # a second press does not add it twice
        await pilot.pause()
    topics = [t for t in store.programme.list_for(committee.id, 2020) if t.actions_arising == "Minute 93 (Tuesday 19 January 2021)"]
    assert len(topics) == 1
    assert topics[0].list == "possible"
    assert topics[0].topic.startswith("A detailed report be brought back")
    store.close()
