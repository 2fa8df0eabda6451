"""Two clerks, two copies of the app, one database file: each sees the other's changes on refresh.

Both apps run at once in one event loop, each with its own Store (its own connection) on the file,
as two clerks on a shared drive would. A pane shows what it read when it was last drawn; F5 (or
going to another pane and back) reads it again.
"""

from __future__ import annotations

from datetime import date, datetime

from store import Store
from tui.app import ClerkApp
from tui.widgets.attendance_lists import AttendanceList
from tui.widgets.minute_panels import NotesEditor
from tui.widgets.quorum_meter import QuorumMeter

MEETING_DAY = date(2021, 3, 9)
MEMBERS = ("Joshi", "March", "Batool", "Kaur Saini", "Kitterick", "Thalukdar")
NOTES = "Welcome."


def _meeting(path) -> None:
    """Six voting members (quorum three) and 9 March 2021 with its minutes opened."""
    with Store(path) as store:
        committee = store.committees.add("Adult Social Care Scrutiny Commission", "Leicester City Council")
        for name in MEMBERS:
            store.members.add(committee.id, name, start_date=date(2020, 5, 1))
        meeting = store.meetings.add(committee.id, MEETING_DAY)
        store.agenda.start_from_standard_items(meeting.id)
        store.minutes.take_agenda(meeting.id)


def _clerk(path) -> ClerkApp:
    return ClerkApp(Store(path), today=lambda: MEETING_DAY, now=lambda: datetime(2021, 3, 9, 17, 35))


def _statuses(app: ClerkApp) -> list[str]:
    """The Status column of the members list as this clerk's screen shows it."""
    table = app.screen.query_one(AttendanceList)
    return [str(table.get_row_at(row)[3]) for row in range(table.row_count)]


async def test_two_clerks_see_each_others_changes_when_they_refresh(tmp_path):
    path = tmp_path / "clerk.db"
    _meeting(path)
    first, second = _clerk(path), _clerk(path)
    try:
        async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
            for pilot in (one, two):
                await pilot.press("3")  # both on the Attendance pane of 9 March
                await pilot.pause()
            assert first.meeting_id == second.meeting_id is not None
            blank = _statuses(second)

            # The first clerk takes the roll call; the second still shows the list as it was.
            await one.press("p", "p", "a")
            await one.pause()
            assert [e.status for e in second.store.attendance.list_for(second.meeting_id)][:3] == \
                ["present", "present", "apologies"]  # on file, for any connection
            assert _statuses(second) == blank
            await two.press("f5")
            await two.pause()
            shown = _statuses(second)
            assert [s.split()[0].lower() for s in shown[:3]] == ["present", "present", "apologies"], shown
            assert "2 of 6 voting members" in str(second.screen.query_one(QuorumMeter).render())

            # The second clerk writes the first minute's notes; the first sees them on coming back
            # to the Minutes pane, and on F5 when they change again.
            await one.press("5")
            await one.pause()
            await two.press("5", "enter", *NOTES)
            await two.pause()
            assert second.store.minutes.get(second.minute_id).body == NOTES
            assert first.minute_id == second.minute_id
            await one.press("3", "5")  # away and back
            await one.pause()
            assert first.screen.query_one(NotesEditor).text == NOTES
            await two.press(*" Noted.")
            await two.pause()
            assert first.screen.query_one(NotesEditor).text == NOTES
            await one.press("f5")
            await one.pause()
            assert first.screen.query_one(NotesEditor).text == NOTES + " Noted."
    finally:
        first.store.close()
        second.store.close()
