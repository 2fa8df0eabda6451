"""Meetings: the calendar, moving and cancelling, statuses and publication deadlines."""

from __future__ import annotations

from datetime import date, time

import pytest

from store import Conflict, InvalidInput, NotFound
from store.meetings import status_label

LEICESTER = "Leicester City Council"
ZOOM = "Virtual Meeting using Zoom"
YOUTUBE = "https://www.youtube.com/results?search_query=leicester+democracy"
NINTH_OF_MARCH = date(2021, 3, 9)


def test_add_takes_time_place_and_livestream_from_the_committee(store, committee, count):
    meeting = store.meetings.add(committee.id, "Tuesday 9 March 2021")
    assert meeting.committee_id == committee.id
    assert meeting.date == NINTH_OF_MARCH
    assert meeting.start_time == time(17, 30)
    assert meeting.place == ZOOM
    assert meeting.livestream_url == YOUTUBE
    assert meeting.status == "scheduled"
    assert meeting.published_at is None
    row = store.db.execute("SELECT date, start_time, place, status FROM meetings").fetchone()
    assert row == ("2021-03-09", "17:30", ZOOM, "scheduled")
    assert count("meetings") == 1


def test_add_with_its_own_time_and_place(store, committee):
    meeting = store.meetings.add(
        committee.id, NINTH_OF_MARCH, start_time="6 pm", place="Meeting Room G.01, City Hall", livestream_url=""
    )
    assert meeting.start_time == time(18, 0)
    assert meeting.place == "Meeting Room G.01, City Hall"
    assert meeting.livestream_url == YOUTUBE  # blank means the committee's


def test_add_for_a_committee_without_defaults(store):
    bare = store.committees.add("Licensing Committee", council=LEICESTER)
    meeting = store.meetings.add(bare.id, "2021-03-09")
    assert (meeting.start_time, meeting.place, meeting.livestream_url) == (None, None, None)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2021-02-30", "'2021-02-30' is not a real meeting date: type it as 2021-03-09 or 9 March 2021."),
        ("31/04/2021", "'31/04/2021' is not a real meeting date: type it as 2021-03-09 or 9 March 2021."),
        ("", "The meeting date is empty: type it as 2021-03-09 or 9 March 2021."),
        (None, "The meeting date is empty: type it as 2021-03-09 or 9 March 2021."),
    ],
)
def test_add_refuses_an_impossible_date(store, committee, day, message, count):
    with pytest.raises(InvalidInput) as raised:
        store.meetings.add(committee.id, day)
    assert str(raised.value) == message
    assert count("meetings") == 0


def test_add_refuses_a_bad_time(store, committee, count):
    with pytest.raises(InvalidInput, match="'25:00' is not a start time"):
        store.meetings.add(committee.id, "2021-03-09", start_time="25:00")
    assert count("meetings") == 0


def test_add_to_a_missing_committee(store, count):
    with pytest.raises(NotFound, match="There is no committee with id 5"):
        store.meetings.add(5, "2021-03-09")
    assert count("meetings") == 0


def test_a_second_meeting_on_the_same_day_is_a_conflict(store, committee, count):
    store.meetings.add(committee.id, "2021-03-09")
    with pytest.raises(Conflict) as raised:
        store.meetings.add(committee.id, "9 March 2021", start_time="10am")
    assert str(raised.value) == (
        "Adult Social Care Scrutiny Commission already has a meeting on Tuesday 9 March 2021."
    )
    assert count("meetings") == 1
    assert store.meetings.on(committee.id, NINTH_OF_MARCH).start_time == time(17, 30)


def test_another_committee_may_meet_the_same_day(store, committee, count):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    store.meetings.add(committee.id, "2021-03-09")
    store.meetings.add(other.id, "2021-03-09")
    assert count("meetings") == 2


def test_the_agenda_setting_date_must_come_before_the_meeting(store, committee, count):
    with pytest.raises(InvalidInput, match="The agenda-setting date must come before the meeting."):
        store.meetings.add(committee.id, "2021-03-09", agenda_setting_date="2021-03-09")
    assert count("meetings") == 0
    meeting = store.meetings.add(committee.id, "2021-03-09", agenda_setting_date="2021-02-23")
    assert meeting.agenda_setting_date == date(2021, 2, 23)
    with pytest.raises(InvalidInput, match="agenda-setting date must come before"):
        store.meetings.move(meeting.id, "2021-02-22")
    assert store.meetings.get(meeting.id).date == NINTH_OF_MARCH


# cancel, move, update -------------------------------------------------------------


def test_cancel_records_the_reason_and_frees_the_date(store, committee, count):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    cancelled = store.meetings.cancel(meeting.id, "  No business  ")
    assert cancelled.status == "cancelled"
    assert cancelled.cancelled is True
    assert cancelled.cancelled_reason == "No business"
    again = store.meetings.add(committee.id, "2021-03-09")
    assert again.id != meeting.id
    assert count("meetings", "date = '2021-03-09'") == 2
    # The live meeting is the one found on that day.
    assert store.meetings.on(committee.id, "2021-03-09").id == again.id


def test_cancel_twice_or_after_the_meeting_is_refused(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    store.meetings.cancel(meeting.id)
    with pytest.raises(InvalidInput, match="already cancelled"):
        store.meetings.cancel(meeting.id)
    held = store.meetings.add(committee.id, "2021-01-19")
    store.meetings.advance_status(held.id, today=date(2021, 1, 19))
    store.meetings.advance_status(held.id, today=date(2021, 1, 19))
    with pytest.raises(InvalidInput, match="has been held, so it cannot be cancelled"):
        store.meetings.cancel(held.id)
    assert store.meetings.get(held.id).status == "held"


def test_a_cancelled_meeting_cannot_be_edited_or_advanced(store, committee):
    meeting = store.meetings.cancel(store.meetings.add(committee.id, "2021-03-09").id)
    with pytest.raises(InvalidInput, match="This meeting is cancelled; add a new meeting"):
        store.meetings.update(meeting.id, place="City Hall")
    with pytest.raises(InvalidInput, match="This meeting is cancelled."):
        store.meetings.advance_status(meeting.id, today=date(2021, 3, 1))


def test_move_changes_date_and_time(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    moved = store.meetings.move(meeting.id, "16/3/2021", "6pm")
    assert (moved.date, moved.start_time) == (date(2021, 3, 16), time(18, 0))
    assert store.db.execute("SELECT date, start_time FROM meetings").fetchone() == ("2021-03-16", "18:00")
    # Without a new time the time is kept.
    assert store.meetings.move(meeting.id, "2021-03-23").start_time == time(18, 0)


def test_move_onto_a_taken_date_is_refused(store, committee):
    first = store.meetings.add(committee.id, "2021-01-19")
    second = store.meetings.add(committee.id, "2021-03-09")
    with pytest.raises(Conflict, match="already has a meeting on Tuesday 19 January 2021"):
        store.meetings.move(second.id, "2021-01-19")
    assert store.meetings.get(second.id).date == NINTH_OF_MARCH
    assert store.meetings.get(first.id).date == date(2021, 1, 19)


def test_move_onto_a_cancelled_meetings_date_is_allowed(store, committee):
    store.meetings.cancel(store.meetings.add(committee.id, "2021-01-19").id)
    second = store.meetings.add(committee.id, "2021-03-09")
    assert store.meetings.move(second.id, "2021-01-19").date == date(2021, 1, 19)


def test_move_refuses_an_impossible_date(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    with pytest.raises(InvalidInput, match="is not a real meeting date"):
        store.meetings.move(meeting.id, "2021-02-30")
    with pytest.raises(InvalidInput, match="The meeting date is empty"):
        store.meetings.update(meeting.id, date="")
    assert store.meetings.get(meeting.id).date == NINTH_OF_MARCH


def test_update_fields(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    updated = store.meetings.update(meeting.id, place="City Hall", livestream_url=None, start_time="5pm")
    assert (updated.place, updated.livestream_url, updated.start_time) == ("City Hall", None, time(17, 0))
    with pytest.raises(InvalidInput, match="Meetings have no field called status"):
        store.meetings.update(meeting.id, status="held")
    assert store.meetings.get(meeting.id).status == "scheduled"


def test_a_held_meeting_keeps_its_date(store, committee):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    store.meetings.advance_status(meeting.id, today=date(2021, 1, 11))
    store.meetings.advance_status(meeting.id, today=date(2021, 1, 19))
    with pytest.raises(InvalidInput, match="This meeting has been held, so its date cannot move."):
        store.meetings.move(meeting.id, "2021-01-26")
    assert store.meetings.get(meeting.id).date == date(2021, 1, 19)
    # Other details can still be put right, and the same date is not a move.
    assert store.meetings.update(meeting.id, place="City Hall", date="19 January 2021").place == "City Hall"


def test_get_and_on_a_missing_meeting(store, committee):
    with pytest.raises(NotFound, match="There is no meeting with id 3"):
        store.meetings.get(3)
    with pytest.raises(NotFound) as raised:
        store.meetings.on(committee.id, "2021-03-16")
    assert str(raised.value) == "Adult Social Care Scrutiny Commission has no meeting on Tuesday 16 March 2021."


def test_on_finds_by_date_in_any_form(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    assert store.meetings.on(committee.id, NINTH_OF_MARCH).id == meeting.id
    assert store.meetings.on(committee.id, "9 March 2021").id == meeting.id


# statuses ---------------------------------------------------------------------------


def test_advance_status_step_by_step(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")

    published = store.meetings.advance_status(meeting.id, today=date(2021, 3, 1))
    assert published.status == "agenda-published"
    assert published.published_at == "2021-03-01"

    with pytest.raises(InvalidInput) as raised:
        store.meetings.advance_status(meeting.id, today=date(2021, 3, 8))
    assert str(raised.value) == "This meeting is on Tuesday 9 March 2021; it cannot be held before then."
    assert store.meetings.get(meeting.id).status == "agenda-published"

    held = store.meetings.advance_status(meeting.id, today=NINTH_OF_MARCH)
    assert held.status == "held"
    assert held.published_at == "2021-03-01"  # publication day kept

    confirmed = store.meetings.advance_status(meeting.id, today=date(2021, 4, 20))
    assert confirmed.status == "minutes-confirmed"

    with pytest.raises(InvalidInput, match="already confirmed"):
        store.meetings.advance_status(meeting.id, today=date(2021, 5, 1))
    row = store.db.execute("SELECT status, published_at FROM meetings").fetchone()
    assert row == ("minutes-confirmed", "2021-03-01")


def test_status_labels():
    assert status_label("agenda-published") == "Agenda published"
    assert status_label("cancelled") == "Cancelled"


# lists ---------------------------------------------------------------------------------


@pytest.fixture
def calendar(store, committee):
    """Two municipal years of meetings, added out of order, one cancelled."""
    days = ["2021-03-09", "2020-06-16", "2021-01-19", "2021-06-29", "2020-11-10", "2021-04-30", "2021-05-01"]
    meetings = {day: store.meetings.add(committee.id, day) for day in days}
    store.meetings.cancel(meetings["2021-01-19"].id, "Covid")
    return meetings


def test_list_for_in_date_order(store, committee, calendar):
    assert [m.date.isoformat() for m in store.meetings.list_for(committee.id)] == [
        "2020-06-16", "2020-11-10", "2021-01-19", "2021-03-09", "2021-04-30", "2021-05-01", "2021-06-29",
    ]


def test_list_for_a_municipal_year(store, committee, calendar):
    assert [m.date.isoformat() for m in store.meetings.list_for(committee.id, 2020)] == [
        "2020-06-16", "2020-11-10", "2021-01-19", "2021-03-09", "2021-04-30",
    ]
    assert [m.date.isoformat() for m in store.meetings.list_for(committee.id, 2021)] == ["2021-05-01", "2021-06-29"]
    assert store.meetings.list_for(committee.id, 2019) == []


def test_list_for_a_municipal_year_with_another_start(store, committee, calendar):
    store.committees.update_settings(committee.id, year_start_month=6, year_start_day=1)
    assert [m.date.isoformat() for m in store.meetings.list_for(committee.id, 2021)] == ["2021-06-29"]
    assert store.meetings.years_for(committee.id) == [2020, 2021]


def test_years_for(store, committee, calendar):
    assert store.meetings.years_for(committee.id) == [2020, 2021]
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    assert store.meetings.years_for(other.id) == []


def test_previous_skips_cancelled_meetings(store, committee, calendar):
    march = calendar["2021-03-09"]
    assert store.meetings.previous(march).date == date(2020, 11, 10)  # 19 January was cancelled
    assert store.meetings.previous(calendar["2020-11-10"]).date == date(2020, 6, 16)
    assert store.meetings.previous(calendar["2020-06-16"]) is None


def test_previous_is_this_committees(store, committee):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    store.meetings.add(other.id, "2021-01-19")
    assert store.meetings.previous(store.meetings.add(committee.id, "2021-03-09")) is None


# deadlines -----------------------------------------------------------------------------


def test_deadline_for_the_fixture_meeting(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    deadline = store.meetings.deadline(meeting, today=date(2021, 2, 20))
    assert deadline.last_day == date(2021, 3, 1)
    assert deadline.clear_days == 5
    assert deadline.rule == "5 clear working days; England and Wales bank holidays left out"
    assert deadline.missed is False
    # agenda_setting_days=15: 9 March 2021 - 15 days = 22 February 2021.
    assert deadline.agenda_setting == date(2021, 2, 22)


def test_deadline_missed_only_after_the_last_day_while_unpublished(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    assert store.meetings.deadline(meeting, today=date(2021, 3, 1)).missed is False
    assert store.meetings.deadline(meeting, today=date(2021, 3, 2)).missed is True
    published = store.meetings.advance_status(meeting.id, today=date(2021, 3, 3))
    assert store.meetings.deadline(published, today=date(2021, 3, 4)).missed is False
    other = store.meetings.cancel(store.meetings.add(committee.id, "2021-03-16").id)
    assert store.meetings.deadline(other, today=date(2021, 3, 15)).missed is False


def test_deadline_follows_the_committee_settings(store, committee):
    store.committees.update_settings(
        committee.id, clear_days=3, skip_weekends=False, holiday_region="none", agenda_setting_days=None
    )
    meeting = store.meetings.add(committee.id, "2021-03-09")
    deadline = store.meetings.deadline(meeting, today=date(2021, 3, 1))
    # Counting every day: Mon 8, Sun 7, Sat 6 are the clear days; published Friday 5 March.
    assert deadline.last_day == date(2021, 3, 5)
    assert deadline.rule == "3 clear days; no bank holidays left out"
    assert deadline.agenda_setting is None


def test_deadline_uses_the_meetings_own_agenda_setting_date(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09", agenda_setting_date="2021-02-23")
    assert store.meetings.deadline(meeting, today=date(2021, 2, 1)).agenda_setting == date(2021, 2, 23)
