"""Attendance statistics in the Members pane: t opens them for the pane's year, [ and ] change year."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Static

from tui.dialogs.attendance_stats import AttendanceStatsDialog
from tui.screens.members import MembersScreen


def _rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell).strip() for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_t_shows_the_years_attendance_and_brackets_change_year(make_app, committee, tui_store):
    joshi = tui_store.members.add(committee.id, "Joshi", role="chair", start_date="2020-05-01").person
    patel = tui_store.members.add(committee.id, "Patel", start_date="2020-05-01").person
    tui_store.members.add(committee.id, "Healthwatch", role="standing-invitee", title="", start_date="2020-05-01")
    january = tui_store.meetings.add(committee.id, "2021-01-19")
    for _ in range(2):
        tui_store.meetings.advance_status(january.id, date(2021, 1, 20))
    tui_store.attendance.set(january.id, joshi.id, "present")
    tui_store.attendance.add_substitute(january.id, "Cole", patel.id)
    tui_store.meetings.add(committee.id, "2021-03-09")  # the current meeting (today is 2 March 2021)

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceStatsDialog)
        title = str(app.screen.query_one("#attendance-title", Static).render())
        assert title == "Attendance 2020/21: Adult Social Care Scrutiny Commission"
        assert "Meetings held: 19 January 2021." in str(app.screen.query_one("#attendance-meetings").render())
        assert _rows(app) == [
            ["Councillor Joshi", "Chair", "1", "1", "0", "0", "0", "0"],
            ["Councillor Patel", "Member", "1", "0", "1", "0", "1", "0"],
        ]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "2019/20" in str(app.screen.query_one("#attendance-title", Static).render())
        assert _rows(app)[0][0] == "No member held a seat in the year."
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert "2021/22" in str(app.screen.query_one("#attendance-title", Static).render())
        assert "No meeting of the committee was held in 2021/22." in str(
            app.screen.query_one("#attendance-meetings").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)


async def test_the_palette_offers_attendance_and_without_a_committee_it_says_so(make_app, tui_store):
    app = make_app()
    told = []
    app.notify = lambda message, *args, **kwargs: told.append(message)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Members: Attendance" in titles
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)  # no committee yet: no dialog
        assert told == ["Choose or create a committee first."]
