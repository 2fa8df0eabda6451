"""The number a meeting's first minute has, or will have (design.md: minute numbering)."""

from __future__ import annotations

import sqlite3

import pytest

LEICESTER = "Leicester City Council"


def add_minutes(store, meeting, numbers, municipal_year=2020):
    """Minutes as the live-meeting work will write them: one row per item taken."""
    for position, number in enumerate(numbers):
        store.db.execute(
            "INSERT INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [meeting.id, meeting.committee_id, municipal_year, position, number, f"ITEM {position + 1}"],
        )


@pytest.fixture
def january(store, committee):
    return store.meetings.add(committee.id, "2021-01-19")


@pytest.fixture
def march(store, committee):
    return store.meetings.add(committee.id, "2021-03-09")


@pytest.fixture
def june(store, committee):
    return store.meetings.add(committee.id, "2021-06-15")


def test_a_committee_with_no_minutes_starts_at_1(store, january, march):
    assert store.minute_numbers.first_for(january.id) == 1
    assert store.minute_numbers.first_for(march.id) == 1


def test_the_clerks_starting_number_for_its_year(store, committee, january):
    store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    assert store.minute_numbers.first_for(january.id) == 86


def test_the_starting_number_of_another_year_is_ignored(store, committee, january):
    store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2019)
    assert store.minute_numbers.first_for(january.id) == 1


def test_the_fixture_pack_numbers(store, committee, january, march, june):
    # 19 January 2021 holds minutes 86-97, so 9 March 2021 starts at 98 (design.md).
    store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    add_minutes(store, january, range(86, 98))
    assert store.minute_numbers.first_for(january.id) == 86
    assert store.minute_numbers.first_for(march.id) == 98
    # June 2021 is in the next municipal year: numbering restarts.
    assert store.minute_numbers.first_for(june.id) == 1


def test_without_a_starting_number_the_minutes_themselves_decide(store, january, march):
    add_minutes(store, january, range(86, 98))
    assert store.minute_numbers.first_for(march.id) == 98


def test_the_order_items_were_taken_does_not_matter(store, january, march):
    add_minutes(store, january, [86, 87, 91, 88, 89, 90, 92, 93, 94, 95, 96, 97])
    assert store.minute_numbers.first_for(january.id) == 86
    assert store.minute_numbers.first_for(march.id) == 98


def test_a_meeting_with_its_own_minutes_keeps_its_first_number(store, january, march):
    add_minutes(store, january, range(86, 98))
    add_minutes(store, march, range(98, 110))
    assert store.minute_numbers.first_for(march.id) == 98
    # Unnumbered (withdrawn or not yet taken) minutes do not count.
    later = store.meetings.add(march.committee_id, "2021-04-13")
    add_minutes(store, later, [None, None])
    assert store.minute_numbers.first_for(later.id) == 110


def test_only_earlier_meetings_count(store, committee, january, march):
    # Minutes of a later meeting (entered out of order) do not push an earlier one on.
    add_minutes(store, march, range(98, 110))
    assert store.minute_numbers.first_for(january.id) == 1


def test_other_committees_have_their_own_numbers(store, january):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    theirs = store.meetings.add(other.id, "2021-03-09")
    add_minutes(store, january, range(86, 98))
    assert store.minute_numbers.first_for(theirs.id) == 1


def test_a_year_starting_later_keeps_may_meetings_in_the_old_year(store, committee, january):
    store.committees.update_settings(committee.id, year_start_month=5, year_start_day=20)
    add_minutes(store, january, range(86, 98))
    may = store.meetings.add(committee.id, "2021-05-11")
    assert store.minute_numbers.first_for(may.id) == 98


def test_a_number_is_used_once_a_year(store, january, march):
    add_minutes(store, january, [86])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        add_minutes(store, march, [86])
    add_minutes(store, march, [86], municipal_year=2021)  # another year: allowed
