"""The look of the Attendance pane during the meeting of 9 March 2021, at 18:42."""

from __future__ import annotations

from datetime import date, time

from store import Store
from tui.app import ClerkApp

MEMBERS = (("Joshi", "chair", "Councillor"), ("March", "vice-chair", "Councillor"),
           ("Batool", "member", "Councillor"), ("Kaur Saini", "member", "Councillor"),
           ("Kitterick", "member", "Councillor"), ("Thalukdar", "member", "Councillor"),
           ("Representative of Healthwatch Leicester", "standing-invitee", ""))


def _build(store: Store) -> None:
    committee = store.committees.add("Adult Social Care Scrutiny Commission", "Leicester City Council",
                                     default_time="17:30", starting_minute_number=98, starting_minute_year=2020)
    for name, role, title in MEMBERS:
        store.members.add(committee.id, name, role=role, title=title, start_date=date(2020, 5, 1))
    officer = store.officers.add(committee.body_id, name="Angie Smith", job_title="Democratic Support Officer")
    meeting = store.meetings.add(committee.id, date(2021, 3, 9))
    store.agenda.start_from_standard_items(meeting.id)
    minutes = store.minutes.take_agenda(meeting.id)
    people = {name: store.people.find(name, title) for name, _, title in MEMBERS}
    attendance = store.attendance
    for name in ("Joshi", "March", "Kaur Saini"):
        attendance.set(meeting.id, people[name].id, "present")
    attendance.set(meeting.id, people["Batool"].id, "apologies")
    attendance.add_substitute(meeting.id, "Cassidy", people["Thalukdar"].id)
    attendance.record_movement(meeting.id, people["Kitterick"].id, "arrived", minutes[1].id, time(17, 41))
    attendance.set(meeting.id, people["Kitterick"].id, "present")
    attendance.record_movement(meeting.id, people["March"].id, "left", minutes[2].id, time(18, 30))
    attendance.add_other(meeting.id, "Angie Smith", "Democratic Support Officer", officer.id)
    attendance.add_other(meeting.id, "Martin Samuels", "Strategic Director Social Care and Education")
    # Taking the item at which March left: the room as it is now.
    store.ui_state.set("meeting_id", meeting.id)
    store.ui_state.set("minute_id", minutes[2].id)


def test_attendance_pane(snap_compare, tmp_path, frozen_today, frozen_now):
    store = Store(tmp_path / "attendance.db")
    _build(store)
    app = ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)
    assert snap_compare(app, press=["3"], terminal_size=(120, 40))
