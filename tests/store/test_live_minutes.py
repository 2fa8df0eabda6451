"""Confirmation locks minutes, in SQLite itself; corrections after that are amendments.

design.md: "Minutes of the previous meeting are confirmed as a correct record by a
resolution at the next meeting; confirmation locks them. A correction after that is an
amendment with a reason and a timestamp, never a silent edit."
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from store.errors import ClerkError, Conflict, InvalidInput, NotFound

TODAY = date(2021, 12, 31)
CONFIRMED_ON = datetime(2021, 3, 9, 18, 5)
DATES = ("2020-11-10", "2021-01-19", "2021-03-09", "2021-06-22")
FIXTURE_RESOLUTION = (
    "That the minutes of the meeting of the Adult Social Care Scrutiny Commission held on "
    "19 January 2021 be confirmed as a correct record."
)


@pytest.fixture
def asc(store, committee):
    committee = store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    nov, jan, mar, jun = (store.meetings.add(committee.id, day) for day in DATES)
    return SimpleNamespace(committee=committee, nov=nov, jan=jan, mar=mar, jun=jun)


def hold(store, meeting):
    while store.meetings.get(meeting.id).status in ("scheduled", "agenda-published"):
        store.meetings.advance_status(meeting.id, TODAY)


def take(store, meeting, business=("LCCL - verbal update", "Safeguarding annual report")):
    store.agenda.start_from_standard_items(meeting.id)
    for title in business:
        store.agenda.add(meeting.id, title)
    return store.minutes.take_agenda(meeting.id)


@pytest.fixture
def confirmed(store, asc):
    """January's minutes (86-94), with a resolution, held and confirmed."""
    minutes = take(store, asc.jan)
    lccl = minutes[5]
    store.minutes.update(lccl.id, body="The Commission received a verbal update.")
    resolution = store.resolutions.add(lccl.id, "That the update be noted.")
    hold(store, asc.jan)
    store.minutes.confirm_meeting(asc.jan.id, CONFIRMED_ON)
    return SimpleNamespace(minutes=minutes, lccl=store.minutes.get(lccl.id), resolution=resolution)


def row(store, table, row_id):
    return store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id]).fetchone()


# confirmation --------------------------------------------------------------------------
def test_confirming_locks_every_minute_of_the_meeting(store, asc, confirmed):
    minutes = store.minutes.list_for(asc.jan.id)
    assert {m.status for m in minutes} == {"confirmed"}
    assert {m.confirmed_at for m in minutes} == {"2021-03-09T18:05:00"}
    assert store.meetings.get(asc.jan.id).status == "minutes-confirmed"
    assert [m.number for m in minutes] == list(range(86, 95))


def test_an_unheld_meeting_cannot_be_confirmed(store, asc, count):
    take(store, asc.jan)
    with pytest.raises(InvalidInput, match="not been held"):
        store.minutes.confirm_meeting(asc.jan.id, CONFIRMED_ON)
    assert count("minutes", "status = 'confirmed'") == 0
    assert store.meetings.get(asc.jan.id).status == "scheduled"


def test_a_meeting_without_minutes_cannot_be_confirmed(store, asc):
    hold(store, asc.jan)
    with pytest.raises(InvalidInput, match="no minutes"):
        store.minutes.confirm_meeting(asc.jan.id, CONFIRMED_ON)
    with pytest.raises(NotFound):
        store.minutes.confirm_meeting(9999, CONFIRMED_ON)


@pytest.mark.parametrize(
    ("sql", "value"),
    [
        ("UPDATE minutes SET body = ? WHERE id = ?", "x"),
        ("UPDATE minutes SET title = ? WHERE id = ?", "ANOTHER TITLE"),
        ("UPDATE minutes SET number = ? WHERE id = ?", 500),
        ("UPDATE minutes SET status = ? WHERE id = ?", "draft"),
        ("UPDATE minutes SET position = ? WHERE id = ?", 99),
    ],
)
def test_sqlite_refuses_to_change_a_confirmed_minute(store, confirmed, sql, value):
    before = row(store, "minutes", confirmed.lccl.id)
    with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes cannot be changed"):
        store.db.execute(sql, [value, confirmed.lccl.id])
    assert row(store, "minutes", confirmed.lccl.id) == before


def test_sqlite_refuses_to_delete_a_confirmed_minute(store, confirmed, count):
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        store.db.execute("DELETE FROM minutes WHERE id = ?", [confirmed.lccl.id])
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("DELETE FROM minutes")
    assert count("minutes") == 9


def test_sqlite_refuses_to_touch_a_confirmed_minutes_resolutions(store, confirmed, count):
    lccl, resolution = confirmed.lccl, confirmed.resolution
    with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes cannot be changed"):
        store.db.execute(
            "INSERT INTO resolutions (minute_id, position, text) VALUES (?, 2, 'Sneaked in')", [lccl.id]
        )
    with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes cannot be changed"):
        store.db.execute("UPDATE resolutions SET text = 'x' WHERE id = ?", [resolution.id])
    with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes cannot be changed"):
        store.db.execute("DELETE FROM resolutions WHERE id = ?", [resolution.id])
    assert store.resolutions.list_for(lccl.id) == [resolution]
    assert count("resolutions") == 1


def test_a_draft_resolution_cannot_be_moved_onto_a_confirmed_minute(store, asc, confirmed):
    march = take(store, asc.mar)
    draft = store.resolutions.add(march[5].id, "That the report be noted.")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE resolutions SET minute_id = ? WHERE id = ?", [confirmed.lccl.id, draft.id])
    assert store.resolutions.get(draft.id).minute_id == march[5].id


def test_the_api_refuses_changes_to_confirmed_minutes_plainly(store, asc, confirmed):
    lccl, resolution = confirmed.lccl, confirmed.resolution
    before = store.db.execute("SELECT * FROM minutes ORDER BY id").fetchall()
    refusals = [
        lambda: store.minutes.update(lccl.id, body="x"),
        lambda: store.minutes.update(lccl.id, title="Another"),
        lambda: store.minutes.move(lccl.id, 1),
        lambda: store.minutes.withdraw(lccl.id),
        lambda: store.minutes.take_item(store.agenda.add(asc.jan.id, "Late item").id),
        lambda: store.minutes.add_urgent_item(asc.jan.id, "Urgent", "Because."),
        lambda: store.resolutions.add(lccl.id, "Another resolution"),
        lambda: store.resolutions.update(resolution.id, "Changed"),
        lambda: store.resolutions.remove(resolution.id),
    ]
    for refuse in refusals:
        with pytest.raises(Conflict) as caught:
            refuse()
        message = str(caught.value)
        assert "confirmed" in message
        assert "sqlite" not in message.lower() and "integrity" not in message.lower()
    assert store.db.execute("SELECT * FROM minutes ORDER BY id").fetchall() == before
    assert store.resolutions.list_for(lccl.id) == [resolution]


def test_moving_a_confirmed_minutes_resolutions_is_refused(store, asc):
    minutes = take(store, asc.jan)
    first = store.resolutions.add(minutes[5].id, "That the update be noted.")
    second = store.resolutions.add(minutes[5].id, "That a further update be brought.")
    hold(store, asc.jan)
    store.minutes.confirm_meeting(asc.jan.id, CONFIRMED_ON)
    with pytest.raises(Conflict, match="confirmed"):
        store.resolutions.move(second.id, -1)
    assert [r.id for r in store.resolutions.list_for(minutes[5].id)] == [first.id, second.id]


# amendments ----------------------------------------------------------------------------
def test_an_amendment_keeps_the_original_and_says_who_when_why(store, asc, confirmed):
    lccl = confirmed.lccl
    when = datetime(2021, 3, 10, 9, 30)
    amendment = store.minutes.amend(
        lccl.id, "body", "The Commission received a verbal update from the Director.",
        "The Director's name was left out.", when, by="Jerry Connolly",
    )
    assert amendment.field == "body"
    assert amendment.old_value == "The Commission received a verbal update."
    assert amendment.new_value == "The Commission received a verbal update from the Director."
    assert amendment.reason == "The Director's name was left out."
    assert amendment.amended_at == "2021-03-10T09:30:00"
    assert amendment.amended_by == "Jerry Connolly"
    minute = store.minutes.get(lccl.id)
    assert minute.body == "The Commission received a verbal update."  # never a silent edit
    assert minute.amendments == (amendment,)

    title = store.minutes.amend(lccl.id, "title", "LCCL - VERBAL UPDATE", "Shorter title.", when)
    assert store.minutes.get(lccl.id).amendments == (amendment, title)
    trail = store.minutes.audit_trail(asc.committee.id)
    assert [(m.id, a.id) for m, a in trail] == [(lccl.id, amendment.id), (lccl.id, title.id)]
    assert trail[0][0].number == lccl.number


def test_amendments_are_permanent_in_sqlite(store, confirmed, count):
    amendment = store.minutes.amend(confirmed.lccl.id, "body", "Corrected.", "Typo.", datetime(2021, 3, 10))
    before = row(store, "amendments", amendment.id)
    with pytest.raises(sqlite3.IntegrityError, match="permanent"):
        store.db.execute("UPDATE amendments SET reason = 'none' WHERE id = ?", [amendment.id])
    with pytest.raises(sqlite3.IntegrityError, match="permanent"):
        store.db.execute("DELETE FROM amendments WHERE id = ?", [amendment.id])
    assert row(store, "amendments", amendment.id) == before
    assert count("amendments") == 1


def test_amending_is_refused_for_drafts_and_bad_input(store, asc, confirmed, count):
    march = take(store, asc.mar)
    when = datetime(2021, 3, 10)
    with pytest.raises(InvalidInput, match="draft"):
        store.minutes.amend(march[0].id, "body", "Corrected.", "Typo.", when)
    with pytest.raises(InvalidInput, match="title or body"):
        store.minutes.amend(confirmed.lccl.id, "number", "99", "Wrong number.", when)
    with pytest.raises(InvalidInput, match="reason"):
        store.minutes.amend(confirmed.lccl.id, "body", "Corrected.", "   ", when)
    with pytest.raises(InvalidInput, match="corrected text"):
        store.minutes.amend(confirmed.lccl.id, "body", "", "Typo.", when)
    with pytest.raises(InvalidInput, match="NUL"):
        store.minutes.amend(confirmed.lccl.id, "body", "bad\x00text", "Typo.", when)
    with pytest.raises(NotFound):
        store.minutes.amend(9999, "body", "Corrected.", "Typo.", when)
    assert count("amendments") == 0
    assert store.minutes.audit_trail(asc.committee.id) == []


# confirming the previous meeting's minutes ---------------------------------------------
def test_the_previous_minutes_item_confirms_them_once(store, asc, count):
    january = take(store, asc.jan)
    hold(store, asc.jan)
    march = take(store, asc.mar)
    previous_minutes = march[2]
    assert previous_minutes.title == "MINUTES OF THE PREVIOUS MEETING"

    resolution = store.resolutions.confirm_previous_minutes(previous_minutes.id, CONFIRMED_ON)
    assert resolution.text == FIXTURE_RESOLUTION
    assert resolution.position == 1
    assert {m.status for m in store.minutes.list_for(asc.jan.id)} == {"confirmed"}
    assert store.meetings.get(asc.jan.id).status == "minutes-confirmed"
    # The agenda's recommendation says the same (the fixture pack's wording).
    item = store.agenda.get(previous_minutes.agenda_item_id)
    assert FIXTURE_RESOLUTION == "That t" + item.recommendation[1:]

    again = store.resolutions.confirm_previous_minutes(previous_minutes.id, CONFIRMED_ON)
    assert again == resolution
    assert count("resolutions", "minute_id = ?", [previous_minutes.id]) == 1
    assert [m.number for m in store.minutes.list_for(asc.jan.id)] == [m.number for m in january]
    assert [m.number for m in store.minutes.list_for(asc.mar.id)] == list(range(95, 104))


def test_confirming_previous_minutes_needs_a_held_previous_meeting(store, asc, count):
    take(store, asc.jan)
    march = take(store, asc.mar)
    with pytest.raises(InvalidInput, match="not been held"):
        store.resolutions.confirm_previous_minutes(march[2].id, CONFIRMED_ON)
    assert count("resolutions") == 0
    assert count("minutes", "status = 'confirmed'") == 0


def test_the_first_meeting_has_no_previous_minutes(store, asc, count):
    november = take(store, asc.nov)
    with pytest.raises(InvalidInput, match="no earlier meeting"):
        store.resolutions.confirm_previous_minutes(november[2].id, CONFIRMED_ON)
    assert count("resolutions") == 0


# bad input ------------------------------------------------------------------------------
def test_bad_minute_text_is_refused_and_nothing_changes(store, asc):
    minute = take(store, asc.jan)[5]
    for kwargs, match in (
        (dict(title=""), "empty"),
        (dict(title="   "), "empty"),
        (dict(title="bad\x00title"), "NUL"),
        (dict(body="bad\x00body"), "NUL"),
        (dict(title="x" * 301), "characters long"),
        (dict(title="Fine", body="bad\x00body"), "NUL"),
    ):
        with pytest.raises(InvalidInput, match=match):
            store.minutes.update(minute.id, **kwargs)
        assert store.minutes.get(minute.id) == minute
    with pytest.raises(NotFound):
        store.minutes.update(9999, body="x")


def test_a_draft_can_be_edited(store, asc):
    minute = take(store, asc.jan)[5]
    edited = store.minutes.update(minute.id, title="  LCCL  ", body="Notes.\n\nMore notes.")
    assert (edited.title, edited.body, edited.number) == ("LCCL", "Notes.\n\nMore notes.", minute.number)


def test_errors_are_clerk_errors_never_sqlite_errors(store, confirmed):
    for call in (
        lambda: store.minutes.update(confirmed.lccl.id, body="x"),
        lambda: store.minutes.amend(confirmed.lccl.id, "body", "", "", CONFIRMED_ON),
        lambda: store.minutes.get(-1),
    ):
        with pytest.raises(ClerkError):
            call()
