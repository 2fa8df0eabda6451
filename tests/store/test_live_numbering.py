"""Minute numbers taken live, through the store API (design.md: minute numbering).

The fixture pack's year: 19 January 2021 holds minutes 86-97, 9 March 2021 holds 98-109,
the meeting after that starts at 110, and June 2021 (a new municipal year) starts at 1.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from store.errors import Conflict, InvalidInput, NotFound

TODAY = date(2021, 12, 31)
WHEN = datetime(2021, 12, 31, 10, 0)
DATES = ("2020-11-10", "2021-01-19", "2021-03-09", "2021-06-22")
# Items 6-10 of the 19 January 2021 agenda, between the 5 opening and 2 closing standard items.
BUSINESS = (
    "Leicestershire County Care Limited (LCCL) - verbal update",
    "Leicester Safeguarding Adults Board annual report 2019/20",
    "Draft General Fund budget and draft capital budget 2021/21",
    "COVID-19 recovery plans update",
    "Response to the task group review into social care external workforce",
)


@pytest.fixture
def asc(store, committee):
    committee = store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    nov, jan, mar, jun = (store.meetings.add(committee.id, day) for day in DATES)
    return SimpleNamespace(committee=committee, nov=nov, jan=jan, mar=mar, jun=jun)


def hold(store, meeting):
    while store.meetings.get(meeting.id).status in ("scheduled", "agenda-published"):
        store.meetings.advance_status(meeting.id, TODAY)


def take_twelve(store, meeting):
    """The shape of the 19 January agenda: 5 opening standard items, 5 of business, 2 closing."""
    store.agenda.start_from_standard_items(meeting.id)
    for title in BUSINESS:
        store.agenda.add(meeting.id, title)
    return store.minutes.take_agenda(meeting.id)


def numbers(store, meeting):
    return [m.number for m in store.minutes.list_for(meeting.id)]


def year_numbers(store, committee_id, year):
    rows = store.db.execute(
        "SELECT n.number FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
        "WHERE n.committee_id = ? AND n.municipal_year = ? ORDER BY m.date, n.position",
        [committee_id, year],
    ).fetchall()
    return [row[0] for row in rows]


# the fixture pack's year -------------------------------------------------------------
def test_three_meetings_in_one_year(store, asc):
    january = take_twelve(store, asc.jan)
    assert [m.number for m in january] == list(range(86, 98))
    assert january[5].title == "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE"
    assert january[5].number == 91  # agenda item 6 became minute 91
    assert [m.title for m in january[-2:]] == ["WORK PROGRAMME", "ANY OTHER URGENT BUSINESS"]

    assert store.minutes.next_number(asc.mar.id) == 98
    march = take_twelve(store, asc.mar)
    assert [m.number for m in march] == list(range(98, 110))

    april = store.meetings.add(asc.committee.id, "2021-04-13")
    assert store.minute_numbers.first_for(april.id) == 110
    assert store.minutes.next_number(april.id) == 110
    assert store.minutes.next_number(asc.mar.id) == 110
    assert store.minutes.by_number(asc.committee.id, 2020, 97).meeting_id == asc.jan.id
    assert store.minutes.by_number(asc.committee.id, 2020, 98).meeting_id == asc.mar.id


def test_the_meeting_before_takes_the_starting_number_if_minuted_first(store, asc):
    # Minutes of 10 November taken after January's drafts: November comes first in the year.
    take_twelve(store, asc.jan)
    store.agenda.add(asc.nov.id, "Budget")
    november = store.minutes.take_agenda(asc.nov.id)
    assert [m.number for m in november] == [86]
    assert numbers(store, asc.jan) == list(range(87, 99))


def test_a_new_municipal_year_starts_at_1(store, asc):
    take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    assert store.minutes.next_number(asc.jun.id) == 1
    june = take_twelve(store, asc.jun)
    assert [m.number for m in june] == list(range(1, 13))
    assert {m.municipal_year for m in june} == {2021}
    # The two years share numbers 86... without a clash: the unique index is per year.
    assert numbers(store, asc.jan) == list(range(86, 98))


def test_a_year_starting_in_september(store, committee):
    committee = store.committees.update_settings(
        committee.id, year_start_month=9, starting_minute_number=86, starting_minute_year=2020
    )
    june = store.meetings.add(committee.id, "2021-06-22")
    august = store.meetings.add(committee.id, "2021-08-31")
    september = store.meetings.add(committee.id, "2021-09-01")
    assert [m.number for m in take_twelve(store, june)] == list(range(86, 98))
    assert [m.number for m in take_twelve(store, august)] == list(range(98, 110))
    assert [m.number for m in take_twelve(store, september)] == list(range(1, 13))
    assert store.minutes.list_for(june.id)[0].municipal_year == 2020
    assert store.minutes.list_for(september.id)[0].municipal_year == 2021


def test_a_starting_number_applies_only_to_its_year(store, committee):
    store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2019)
    january = store.meetings.add(committee.id, "2021-01-19")
    assert [m.number for m in take_twelve(store, january)] == list(range(1, 13))
    earlier = store.meetings.add(committee.id, "2020-01-14")  # municipal year 2019
    assert [m.number for m in take_twelve(store, earlier)] == list(range(86, 98))


def test_other_committees_number_their_own_minutes(store, asc):
    other = store.committees.add("Health Scrutiny Commission", council="Leicester City Council")
    theirs = store.meetings.add(other.id, "2021-01-19")
    take_twelve(store, asc.jan)
    assert [m.number for m in take_twelve(store, theirs)] == list(range(1, 13))


# varying the order, withdrawing, reinstating ---------------------------------------
def test_moving_a_draft_keeps_numbers_in_the_order_taken(store, asc):
    january = take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    lccl = january[5]
    assert lccl.number == 91
    moved = store.minutes.move(lccl.id, -1)
    assert moved.number == 90
    after = store.minutes.list_for(asc.jan.id)
    assert [m.number for m in after] == list(range(86, 98))
    assert [m.position for m in after] == sorted(m.position for m in after)
    assert after[4].id == lccl.id and after[5].id == january[4].id
    moved = store.minutes.move(lccl.id, +2)
    assert moved.number == 92
    assert numbers(store, asc.mar) == list(range(98, 110))


def test_moving_past_either_end_changes_nothing(store, asc):
    january = take_twelve(store, asc.jan)
    assert store.minutes.move(january[0].id, -1).number == 86
    assert store.minutes.move(january[-1].id, +1).number == 97
    assert [m.id for m in store.minutes.list_for(asc.jan.id)] == [m.id for m in january]


def test_withdrawn_items_take_no_number_and_later_numbers_close_up(store, asc):
    january = take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    store.minutes.withdraw(january[6].id)
    store.minutes.withdraw(january[8].id, "deferred")
    assert numbers(store, asc.jan) == list(range(86, 96))
    # The later meeting of the same year closes up too.
    assert numbers(store, asc.mar) == list(range(96, 108))
    assert year_numbers(store, asc.committee.id, 2020) == list(range(86, 108))
    assert store.agenda.get(january[6].agenda_item_id).status == "withdrawn"
    assert store.agenda.get(january[8].agenda_item_id).status == "deferred"
    with pytest.raises(NotFound):
        store.minutes.get(january[6].id)
    # A withdrawn item is not minuted when the agenda is taken again.
    store.minutes.take_agenda(asc.jan.id)
    assert len(store.minutes.list_for(asc.jan.id)) == 10


def test_reinstating_an_item_appends_it(store, asc):
    january = take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    store.minutes.withdraw(january[6].id)
    again = store.minutes.take_item(january[6].agenda_item_id)
    assert store.agenda.get(january[6].agenda_item_id).status == "listed"
    after = store.minutes.list_for(asc.jan.id)
    assert after[-1].id == again.id and again.number == 97
    assert [m.number for m in after] == list(range(86, 98))
    assert numbers(store, asc.mar) == list(range(98, 110))
    # Taking it again returns the same minute.
    assert store.minutes.take_item(january[6].agenda_item_id).id == again.id


def test_an_urgent_item_is_minuted_at_the_end_with_its_reasons(store, asc, count):
    take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    urgent = store.minutes.add_urgent_item(asc.jan.id, "Care home closure", "The provider gave notice today.")
    assert urgent.number == 98 and urgent.title == "CARE HOME CLOSURE"
    item = store.agenda.get(urgent.agenda_item_id)
    assert item.kind == "urgent" and item.urgency_reasons == "The provider gave notice today."
    assert numbers(store, asc.mar) == list(range(99, 111))

    before = count("agenda_items"), count("minutes")
    with pytest.raises(InvalidInput, match="reasons for urgency"):
        store.minutes.add_urgent_item(asc.jan.id, "Another", "  ")
    with pytest.raises(InvalidInput, match="empty"):
        store.minutes.add_urgent_item(asc.jan.id, "", "Because.")
    with pytest.raises(InvalidInput, match="NUL"):
        store.minutes.add_urgent_item(asc.jan.id, "Care\x00home", "Because.")
    with pytest.raises(InvalidInput, match="NUL"):
        store.minutes.add_urgent_item(asc.jan.id, "Care home", "Because\x00.")
    assert (count("agenda_items"), count("minutes")) == before


def test_taking_the_agenda_twice_adds_nothing(store, asc, count):
    take_twelve(store, asc.jan)
    store.minutes.take_agenda(asc.jan.id)
    assert count("minutes") == 12


def test_renumbering_is_idempotent(store, asc):
    take_twelve(store, asc.jan)
    store.minutes.renumber_year(asc.committee.id, 2020)
    store.minutes.renumber_year(asc.committee.id, 2020)
    assert numbers(store, asc.jan) == list(range(86, 98))


# confirmed numbers ---------------------------------------------------------------
def test_confirmed_numbers_never_change(store, asc, count):
    january = take_twelve(store, asc.jan)
    hold(store, asc.jan)
    store.minutes.confirm_meeting(asc.jan.id, WHEN)
    march = take_twelve(store, asc.mar)
    store.minutes.withdraw(march[0].id)
    assert numbers(store, asc.jan) == list(range(86, 98))
    assert numbers(store, asc.mar) == list(range(98, 109))
    # An earlier meeting's minutes would need numbers the confirmed ones hold: refused whole.
    store.agenda.add(asc.nov.id, "Budget")
    before = count("minutes"), count("agenda_items")
    with pytest.raises(Conflict, match="confirmed"):
        store.minutes.take_agenda(asc.nov.id)
    with pytest.raises(Conflict, match="confirmed"):
        store.minutes.add_urgent_item(asc.nov.id, "Urgent", "Because.")
    assert (count("minutes"), count("agenda_items")) == before
    assert [m.id for m in store.minutes.list_for(asc.jan.id)] == [m.id for m in january]


def test_no_gap_opens_before_a_later_meeting_already_confirmed(store, asc, count):
    # Minutes confirmed out of order: January's drafts are fixed in number by March's.
    january = take_twelve(store, asc.jan)
    take_twelve(store, asc.mar)
    hold(store, asc.mar)
    store.minutes.confirm_meeting(asc.mar.id, WHEN)
    before = count("minutes")
    with pytest.raises(Conflict, match="confirmed"):
        store.minutes.withdraw(january[3].id)
    with pytest.raises(Conflict, match="confirmed"):
        store.minutes.add_urgent_item(asc.jan.id, "Urgent", "Because.")
    assert count("minutes") == before
    assert year_numbers(store, asc.committee.id, 2020) == list(range(86, 110))
    # Varying the order of January's drafts is still allowed.
    store.minutes.move(january[3].id, 1)
    assert numbers(store, asc.jan) == list(range(86, 98))


# the database's own guard -------------------------------------------------------------
def test_a_number_is_unique_in_a_committee_year(store, asc):
    january = take_twelve(store, asc.jan)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        store.db.execute(
            "INSERT INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
            "VALUES (?, ?, 2020, 99, 91, 'DUPLICATE')",
            [asc.mar.id, asc.committee.id],
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        store.db.execute("UPDATE minutes SET number = 86 WHERE id = ?", [january[1].id])
    assert numbers(store, asc.jan) == list(range(86, 98))
    # The same number in another year, or another committee, is fine.
    store.db.execute(
        "INSERT INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
        "VALUES (?, ?, 2021, 1, 91, 'ANOTHER YEAR')",
        [asc.jun.id, asc.committee.id],
    )


# bad inputs -------------------------------------------------------------------------
def test_unknown_ids_are_refused_plainly(store, asc, count):
    take_twelve(store, asc.jan)
    before = count("minutes")
    for call in (
        lambda: store.minutes.get(9999),
        lambda: store.minutes.take_item(9999),
        lambda: store.minutes.take_agenda(9999),
        lambda: store.minutes.add_urgent_item(9999, "Urgent", "Because."),
        lambda: store.minutes.move(9999, 1),
        lambda: store.minutes.withdraw(9999),
        lambda: store.minutes.next_number(9999),
        lambda: store.minutes.by_number(asc.committee.id, 2020, 500),
        lambda: store.minutes.renumber_year(9999, 2020),
    ):
        with pytest.raises(NotFound):
            call()
    assert count("minutes") == before


def test_a_bad_withdrawal_status_writes_nothing(store, asc, count):
    january = take_twelve(store, asc.jan)
    store.resolutions.add(january[6].id, "That the update be noted.")
    before = count("minutes"), count("resolutions")
    with pytest.raises(InvalidInput):
        store.minutes.withdraw(january[6].id, "postponed")
    assert (count("minutes"), count("resolutions")) == before
    assert numbers(store, asc.jan) == list(range(86, 98))


def test_a_cancelled_meeting_has_no_minutes(store, asc, count):
    store.agenda.add(asc.jan.id, "Budget")
    store.meetings.cancel(asc.jan.id, "No business")
    with pytest.raises(InvalidInput, match="cancelled"):
        store.minutes.take_agenda(asc.jan.id)
    assert count("minutes") == 0
