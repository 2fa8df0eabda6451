"""Closing a meeting: the time it closed ("the meeting closed at 8:11 pm"), and that it was held."""

from datetime import date, datetime, time

import pytest

from store import InvalidInput, NotFound


def test_closing_records_the_time_and_the_meeting_is_held(store, committee, count):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    closed = store.meetings.close(meeting.id, "8:11 pm")
    assert closed.closed_at == time(20, 11)
    assert closed.status == "held"
    assert count("meetings", "closed_at = '20:11'") == 1


def test_closing_keeps_a_later_status(store, committee):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    for _ in range(3):
        store.meetings.advance_status(meeting.id, date(2021, 3, 10))
    assert store.meetings.get(meeting.id).status == "minutes-confirmed"
    closed = store.meetings.close(meeting.id, "20:11")
    assert (closed.status, closed.closed_at) == ("minutes-confirmed", time(20, 11))


def test_closing_can_be_corrected(store, committee):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    store.meetings.close(meeting.id, "20:11")
    assert store.meetings.close(meeting.id, "20:20").closed_at == time(20, 20)


@pytest.mark.parametrize("value, message", [("", "closing time is empty"), ("25:00", "is not a closing time")])
def test_a_bad_closing_time_is_refused(store, committee, value, message):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    with pytest.raises(InvalidInput, match=message):
        store.meetings.close(meeting.id, value)
    assert store.meetings.get(meeting.id).status == "scheduled"


def test_a_cancelled_meeting_cannot_close(store, committee):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    store.meetings.cancel(meeting.id)
    with pytest.raises(InvalidInput, match="cancelled"):
        store.meetings.close(meeting.id, "20:11")


def test_an_unknown_meeting(store):
    with pytest.raises(NotFound):
        store.meetings.close(999, "20:11")


def test_a_meeting_with_confirmed_minutes_keeps_its_date_and_is_not_cancelled(store, committee):
    """Even if its status was set back by another client: the store says why (m010 refuses it too)."""
    meeting = store.meetings.add(committee.id, "2021-01-19")
    store.agenda.start_from_standard_items(meeting.id)
    store.minutes.take_agenda(meeting.id)
    store.meetings.close(meeting.id, "20:11")
    store.minutes.confirm_meeting(meeting.id, datetime(2021, 3, 9, 18, 5))
    store.db.execute("UPDATE meetings SET status = 'agenda-published' WHERE id = ?", [meeting.id])
    with pytest.raises(InvalidInput, match="minutes of this meeting are confirmed, so its date cannot move"):
        store.meetings.update(meeting.id, date="2021-01-20")
    with pytest.raises(InvalidInput, match="minutes of this meeting are confirmed, so it cannot be cancelled"):
        store.meetings.cancel(meeting.id)
    assert store.meetings.update(meeting.id, place="Town Hall").place == "Town Hall"
    assert (store.meetings.get(meeting.id).date, store.meetings.get(meeting.id).status) == (
        date(2021, 1, 19), "agenda-published")
