"""The Attendance pane, driven by keys alone: statuses, substitutes, movements, others present, quorum."""

from __future__ import annotations

from datetime import date

from textual.widgets import Select, Static

from tui.screens.attendance import AttendanceScreen
from tui.widgets.attendance_lists import AttendanceList, MovementList, OthersList
from tui.widgets.live_strip import LiveStrip
from tui.widgets.quorum_meter import QuorumMeter

MEMBERS = (("Joshi", "chair"), ("March", "vice-chair"), ("Batool", "member"), ("Kaur Saini", "member"),
           ("Kitterick", "member"), ("Thalukdar", "member"))


def _meeting(store, committee):
    """Six voting members (quorum three), an officer contact, 9 March 2021 with its minutes opened."""
    for name, role in MEMBERS:
        store.members.add(committee.id, name, role=role, start_date=date(2020, 5, 1))
    store.members.add(committee.id, "Representative of Healthwatch Leicester", role="standing-invitee", title="")
    officer = store.officers.add(committee.body_id, name="Angie Smith", job_title="Democratic Support Officer")
    store.officers.add_contact(committee.id, officer.id, "Democratic Support Officer")
    meeting = store.meetings.add(committee.id, date(2021, 3, 9))
    store.agenda.start_from_standard_items(meeting.id)
    store.minutes.take_agenda(meeting.id)
    return meeting


def _statuses(store, meeting) -> dict[str, str | None]:
    return {e.name: e.status for e in store.attendance.list_for(meeting.id)}


def _column(app, kind, index: int) -> list[str]:
    table = app.screen.query_one(kind)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def _open(pilot) -> None:
    await pilot.press("3")
    await pilot.pause()


async def test_keys_mark_present_apologies_absent_and_clear(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        assert isinstance(app.screen, AttendanceScreen)
        assert isinstance(app.screen.focused, AttendanceList)
        await pilot.press("p", "a", "x", "p")  # each key saves and moves down a row
        statuses = _statuses(tui_store, meeting)
        assert statuses["Councillor Joshi"] == "present"
        assert statuses["Councillor March"] == "apologies"
        assert statuses["Councillor Batool"] == "absent"
        assert statuses["Councillor Kaur Saini"] == "present"
        assert statuses["Councillor Kitterick"] is None
        await pilot.press("up", "c")
        assert _statuses(tui_store, meeting)["Councillor Kaur Saini"] is None
        assert _column(app, AttendanceList, 0)[:3] == ["Councillor Joshi", "Councillor March", "Councillor Batool"]
        assert _column(app, AttendanceList, 3)[:5] == ["present", "apologies", "absent", "not recorded", "not recorded"]
        assert _column(app, AttendanceList, 4)[0] == "yes"
        meter = app.screen.query_one(QuorumMeter)
        assert meter.state.present == 1 and meter.has_class("-inquorate")


async def test_substitute_names_whom_they_replace(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("down", "down", "s")  # Batool
        await pilot.pause()
        await pilot.press(*"Cassidy", "ctrl+s")
        await pilot.pause()
        entries = {e.name: e for e in tui_store.attendance.list_for(meeting.id)}
        substitute = entries["Councillor Cassidy"]
        assert substitute.status == "substitute"
        assert substitute.substitute_for_name == "Councillor Batool"
        assert entries["Councillor Batool"].status == "apologies"
        names = _column(app, AttendanceList, 0)
        row = names.index("Councillor Cassidy")
        assert _column(app, AttendanceList, 3)[row] == "substitute for Councillor Batool"
        assert app.screen.query_one(AttendanceList).cursor_row == row


async def test_empty_substitute_name_keeps_the_form_open(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "name" in str(app.screen.query_one("#form-error", Static).render())
        assert all(status is None for status in _statuses(tui_store, meeting).values())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)


async def test_departure_during_the_current_minute_makes_the_meeting_inquorate(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    minutes = tui_store.minutes.list_for(meeting.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("p", "p", "p")
        meter = app.screen.query_one(QuorumMeter)
        assert meter.state.present == 3 and meter.state.required == 3
        assert not meter.has_class("-inquorate")
        assert " 3 present, 3 needed · quorate " in str(app.screen.query_one(LiveStrip).render())
        await pilot.press("f8", "f8")  # the clerk is now taking the third minute
        await pilot.press("up", "l")
        movements = tui_store.attendance.movements_for(meeting.id)
        assert [(m.name, m.kind, m.minute_id) for m in movements] == [("Councillor Batool", "left", minutes[2].id)]
        assert movements[0].at_time.strftime("%H:%M") == "18:42"
        assert not tui_store.attendance.quorum(meeting.id).quorate
        assert meter.has_class("-inquorate")
        assert "INQUORATE" in str(meter.render())
        assert " 2 present, 3 needed · INQUORATE " in str(app.screen.query_one(LiveStrip).render())
        assert _column(app, MovementList, 1) == [f"left at minute {minutes[2].number}"]
        assert _column(app, AttendanceList, 4)[2] == f"out since minute {minutes[2].number}"
        await pilot.press("r")  # back in the room
        assert tui_store.attendance.movements_for(meeting.id)[-1].kind == "returned"
        assert not meter.has_class("-inquorate")


async def test_late_arrival_is_present_from_the_current_minute(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("f8", "down", "r")
        assert _statuses(tui_store, meeting)["Councillor March"] == "present"
        movement = tui_store.attendance.movements_for(meeting.id)[0]
        assert movement.kind == "arrived" and movement.minute_number == tui_store.minutes.list_for(meeting.id)[1].number
        await pilot.press("l", "l")  # the second l: not in the room, nothing recorded
        assert [m.kind for m in tui_store.attendance.movements_for(meeting.id)] == ["arrived", "left"]


async def test_officers_and_others_present(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"Ruth Lake", "tab", *"Director of Adult Social Care", "ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#field-officer", Select).focus()
        await pilot.press("enter", "down", "enter")  # pick Angie Smith, the committee's contact
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        others = tui_store.attendance.others_for(meeting.id)
        assert [(o.name, o.role) for o in others] == [
            ("Ruth Lake", "Director of Adult Social Care"), ("Angie Smith", "Democratic Support Officer")]
        assert others[1].officer_id is not None
        assert _column(app, OthersList, 0) == ["Ruth Lake", "Angie Smith"]
        await pilot.press("tab", "tab")
        assert isinstance(app.screen.focused, OthersList)
        await pilot.press("up", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [o.name for o in tui_store.attendance.others_for(meeting.id)] == ["Angie Smith"]
        assert _column(app, OthersList, 0) == ["Angie Smith"]


async def test_an_other_needs_a_name_or_an_officer(make_app, committee, tui_store):
    meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "name" in str(app.screen.query_one("#form-error", Static).render())
        assert tui_store.attendance.others_for(meeting.id) == []


async def test_keys_do_nothing_harmful_without_a_meeting(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("p", "s", "l", "r", "o", "d")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "No meeting" in str(app.screen.query_one(QuorumMeter).render())
