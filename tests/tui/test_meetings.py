"""The Meetings pane, driven by keys alone."""

from __future__ import annotations

from datetime import date, time

from textual.widgets import DataTable, Static

from tui.dialogs.form import FormDialog


def _table_dates(app) -> list[str]:
    table = app.screen.query_one("#meetings-table", DataTable)
    return [str(table.get_row_at(index)[1]) for index in range(table.row_count)]


async def _fill(pilot, text: str) -> None:
    """Replace the focused input's text."""
    pilot.app.screen.focused.value = ""
    await pilot.press(*text)


async def test_create_a_meeting_by_keyboard(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"9 March 2021")
        await pilot.press("tab")
        await _fill(pilot, "5:30 pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert _table_dates(app) == ["Tue 9 Mar 2021"]
    meeting = tui_store.meetings.list_for(committee.id)[0]
    assert meeting.date == date(2021, 3, 9)
    assert meeting.start_time == time(17, 30)
    assert meeting.place == "Virtual Meeting using Zoom"


async def test_impossible_date_keeps_the_form_open_and_stores_nothing(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", *"2021-02-30", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "not a real meeting date" in error
        await pilot.press("escape")
        await pilot.pause()
    assert tui_store.meetings.list_for(committee.id) == []


async def test_second_meeting_on_a_date_is_refused(make_app, committee, tui_store):
    tui_store.meetings.add(committee.id, "2021-03-09")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", *"2021-03-09", "enter")
        await pilot.pause()
        assert "already has a meeting on Tuesday 9 March 2021" in str(
            app.screen.query_one("#form-error", Static).render()
        )
    assert len(tui_store.meetings.list_for(committee.id)) == 1


async def test_edit_move_and_cancel(make_app, committee, tui_store):
    meeting = tui_store.meetings.add(committee.id, "2021-03-09")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await _fill(pilot, "City Hall, Meeting Room G.01")
        await pilot.press("ctrl+s", "m")
        await pilot.pause()
        await _fill(pilot, "2021-03-16")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _table_dates(app) == ["Tue 16 Mar 2021"]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"Business deferred", "ctrl+s")
        await pilot.pause()
    stored = tui_store.meetings.get(meeting.id)
    assert stored.place == "City Hall, Meeting Room G.01"
    assert stored.date == date(2021, 3, 16)
    assert stored.status == "cancelled"
    assert stored.cancelled_reason == "Business deferred"


async def test_status_moves_forward_with_confirmation(make_app, committee, tui_store):
    meeting = tui_store.meetings.add(committee.id, "2021-03-09")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "n")  # asked, and answered no
        await pilot.pause()
        assert tui_store.meetings.get(meeting.id).status == "scheduled"
        await pilot.press("s", "y")
        await pilot.pause()
        assert tui_store.meetings.get(meeting.id).status == "agenda-published"
        await pilot.press("s", "y")  # held: refused before the meeting date
        await pilot.pause()
        assert tui_store.meetings.get(meeting.id).status == "agenda-published"
    assert tui_store.meetings.get(meeting.id).published_at == "2021-03-02"


async def test_missed_deadline_is_flagged(make_app, committee, tui_store):
    tui_store.meetings.add(committee.id, "2021-03-05")  # last publication day 25 Feb: passed on 2 March
    tui_store.meetings.add(committee.id, "2021-03-23")  # last publication day 15 March: still to come
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings-table", DataTable)
        missed, due = table.get_row_at(0)[5], table.get_row_at(1)[5]
        assert str(missed) == "Thu 25 Feb 2021 MISSED" and "red" in str(missed.style)
        assert str(due) == "Mon 15 Mar 2021"


async def test_years_and_opening_a_meeting(make_app, committee, tui_store):
    tui_store.meetings.add(committee.id, "2021-03-09")
    june = tui_store.meetings.add(committee.id, "2021-06-22")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _table_dates(app) == ["Tue 9 Mar 2021"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _table_dates(app) == ["Tue 22 Jun 2021"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting_id == june.id
    assert tui_store.ui_state.get_int("meeting_id") == june.id


def _row_text(app, row: int) -> list[str]:
    table = app.screen.query_one("#meetings-table", DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


async def test_an_agenda_published_after_its_deadline_shows_as_late(make_app, committee, tui_store):
    """The last day for 9 March 2021 is Monday 1 March; published on Wednesday 3 March, it is 2 days late."""
    on_time = tui_store.meetings.add(committee.id, "2021-02-09")
    late = tui_store.meetings.add(committee.id, "2021-03-09")
    tui_store.meetings.advance_status(on_time.id, date(2021, 1, 29))
    tui_store.meetings.advance_status(late.id, date(2021, 3, 3))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        table = app.screen.query_one("#meetings-table", DataTable)
        assert _row_text(app, 0)[5].endswith("✓")
        cell = table.get_row_at(1)[5]
        assert str(cell) == "Mon 1 Mar 2021 LATE"
        assert "yellow" in str(cell.style) and "✓" not in str(cell)
        assert table.virtual_size.width <= table.size.width  # the wider cell still fits 120 columns
        table.move_cursor(row=1)
        await pilot.pause()
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
        assert "published Wednesday 3 March 2021, 2 days late" in detail


async def test_the_year_bar_keeps_its_spaces(make_app, committee, tui_store):
    tui_store.meetings.add(committee.id, "2021-03-09")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        bar = str(app.screen.query_one("#year-bar", Static).render())
        assert bar.startswith("Municipal year 2020/21   [ previous · ] next")
