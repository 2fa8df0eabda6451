"""Resolutions inside a minute, the log of decisions, and the actions arising."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from store.errors import ClerkError, InvalidInput, NotFound

NOTE = "That the report be noted."
UPDATE = "That a further update be brought to the Commission's next meeting."
SHARE = "That the report be shared with the Health and Wellbeing Board."


@pytest.fixture
def asc(store, committee):
    committee = store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    jan, mar, jun = (store.meetings.add(committee.id, day) for day in ("2021-01-19", "2021-03-09", "2021-06-22"))
    lccl_item = store.agenda.add(jan.id, "LCCL - verbal update")
    store.agenda.add(jan.id, "Contract award", exempt_paragraph=3)
    store.agenda.add(mar.id, "Safeguarding annual report")
    lccl, private = store.minutes.take_agenda(jan.id)
    (safeguarding,) = store.minutes.take_agenda(mar.id)
    return SimpleNamespace(committee=committee, jan=jan, mar=mar, jun=jun, lccl_item=lccl_item,
                           lccl=lccl, private=private, safeguarding=safeguarding)


def texts(store, minute):
    return [r.text for r in store.resolutions.list_for(minute.id)]


def positions(store, minute):
    return [r.position for r in store.resolutions.list_for(minute.id)]


# resolutions -------------------------------------------------------------------------------
def test_resolutions_are_numbered_1_to_n(store, asc):
    first = store.resolutions.add(asc.lccl.id, f"  {NOTE}\n")
    assert (first.text, first.position, first.minute_id) == (NOTE, 1, asc.lccl.id)
    store.resolutions.add(asc.lccl.id, UPDATE)
    third = store.resolutions.add(asc.lccl.id, SHARE)
    assert texts(store, asc.lccl) == [NOTE, UPDATE, SHARE]
    assert positions(store, asc.lccl) == [1, 2, 3]
    assert third.position == 3
    # Each minute numbers its own.
    assert store.resolutions.add(asc.safeguarding.id, NOTE).position == 1


def test_update(store, asc):
    resolution = store.resolutions.add(asc.lccl.id, NOTE)
    updated = store.resolutions.update(resolution.id, UPDATE)
    assert (updated.id, updated.text, updated.position) == (resolution.id, UPDATE, 1)


def test_move_keeps_positions_1_to_n(store, asc):
    a, b, c = (store.resolutions.add(asc.lccl.id, text) for text in (NOTE, UPDATE, SHARE))
    store.resolutions.move(c.id, -1)
    assert texts(store, asc.lccl) == [NOTE, SHARE, UPDATE]
    store.resolutions.move(a.id, +1)
    assert texts(store, asc.lccl) == [SHARE, NOTE, UPDATE]
    store.resolutions.move(c.id, -1)  # already first
    store.resolutions.move(b.id, +1)  # already last
    assert texts(store, asc.lccl) == [SHARE, NOTE, UPDATE]
    assert positions(store, asc.lccl) == [1, 2, 3]


def test_remove_closes_up_and_takes_its_actions(store, asc):
    a, b, c = (store.resolutions.add(asc.lccl.id, text) for text in (NOTE, UPDATE, SHARE))
    store.actions.add(asc.committee.id, "Bring an update", resolution_id=b.id, owner="KG")
    other = store.actions.add(asc.committee.id, "Circulate the report", resolution_id=c.id)
    store.resolutions.remove(b.id)
    assert texts(store, asc.lccl) == [NOTE, SHARE]
    assert positions(store, asc.lccl) == [1, 2]
    assert [a.id for a in store.actions.open_for(asc.committee.id)] == [other.id]
    store.resolutions.remove(a.id)
    assert positions(store, asc.lccl) == [1]
    assert store.resolutions.add(asc.lccl.id, NOTE).position == 2
    with pytest.raises(NotFound):
        store.resolutions.get(b.id)


def test_withdrawing_a_minute_takes_its_resolutions_and_actions(store, asc, count):
    resolution = store.resolutions.add(asc.lccl.id, NOTE)
    store.actions.add(asc.committee.id, "Bring an update", resolution_id=resolution.id)
    unattached = store.actions.add(asc.committee.id, "Arrange a visit")
    store.minutes.withdraw(asc.lccl.id)
    assert count("resolutions") == 0
    assert [a.id for a in store.actions.open_for(asc.committee.id)] == [unattached.id]


# the log of decisions ------------------------------------------------------------------------
def test_decisions_newest_first_without_exempt_minutes(store, asc):
    store.resolutions.add(asc.lccl.id, NOTE)
    store.resolutions.add(asc.lccl.id, UPDATE)
    store.resolutions.add(asc.private.id, "That the contract be awarded.")
    store.resolutions.add(asc.safeguarding.id, SHARE)
    decisions = store.resolutions.decisions_for(asc.committee.id)
    assert [(day, number, title, r.text) for day, number, title, r in decisions] == [
        ("2021-03-09", 88, "SAFEGUARDING ANNUAL REPORT", SHARE),
        ("2021-01-19", 86, "LCCL - VERBAL UPDATE", NOTE),
        ("2021-01-19", 86, "LCCL - VERBAL UPDATE", UPDATE),
    ]
    assert asc.private.exempt_paragraph == 3 and asc.private.number == 87
    assert len(store.resolutions.decisions_for(asc.committee.id, limit=1)) == 1
    other = store.committees.add("Health Scrutiny Commission", council="Leicester City Council")
    assert store.resolutions.decisions_for(other.id) == []


# actions ----------------------------------------------------------------------------------------
def test_actions_add_update_and_overdue(store, asc):
    resolution = store.resolutions.add(asc.lccl.id, UPDATE)
    due_march = store.actions.add(asc.committee.id, "  Bring an update on LCCL ", resolution_id=resolution.id,
                                  owner="KG", target_meeting_id=asc.mar.id)
    assert (due_march.description, due_march.owner, due_march.status) == ("Bring an update on LCCL", "KG", "open")
    assert due_march.target_date == date(2021, 3, 9)
    due_june = store.actions.add(asc.committee.id, "Report on day care", target_meeting_id=asc.jun.id)
    no_target = store.actions.add(asc.committee.id, "Arrange a visit")
    assert store.actions.list_for(resolution.id) == [due_march]

    assert store.actions.overdue(asc.committee.id, date(2021, 3, 9)) == []  # due today: not yet overdue
    assert [a.id for a in store.actions.overdue(asc.committee.id, date(2021, 3, 10))] == [due_march.id]
    assert [a.id for a in store.actions.overdue(asc.committee.id, date(2022, 1, 1))] == [due_march.id, due_june.id]

    done = store.actions.update(due_march.id, status="done", progress="Update given on 9 March.")
    assert (done.status, done.progress) == ("done", "Update given on 9 March.")
    assert [a.id for a in store.actions.overdue(asc.committee.id, date(2022, 1, 1))] == [due_june.id]
    store.actions.update(due_june.id, status="dropped")
    assert store.actions.overdue(asc.committee.id, date(2022, 1, 1)) == []
    assert [a.id for a in store.actions.open_for(asc.committee.id)] == [no_target.id]

    moved = store.actions.update(no_target.id, target_meeting_id=asc.mar.id, owner="  ", description="Visit")
    assert (moved.target_date, moved.owner, moved.description) == (date(2021, 3, 9), None, "Visit")
    store.actions.remove(no_target.id)
    with pytest.raises(NotFound):
        store.actions.get(no_target.id)


def test_bad_action_changes_are_refused(store, asc):
    action = store.actions.add(asc.committee.id, "Bring an update", target_meeting_id=asc.mar.id)
    for fields, match in (
        (dict(status="closed"), "not an action status"),
        (dict(status=None), "not an action status"),
        (dict(colour="red"), "no field called colour"),
        (dict(description=""), "empty"),
        (dict(description="a\x00b"), "NUL"),
        (dict(progress="a\x00b"), "NUL"),
        (dict(status="done", description=""), "empty"),
        (dict(target_meeting_id=9999), "no meeting"),
        (dict(owner_officer_id=9999), "no officer"),
    ):
        with pytest.raises(ClerkError, match=match):
            store.actions.update(action.id, **fields)
        assert store.actions.get(action.id) == action
    with pytest.raises(NotFound):
        store.actions.update(9999, status="done")
    with pytest.raises(NotFound):
        store.actions.remove(9999)


def test_bad_actions_are_not_added(store, asc, count):
    resolution = store.resolutions.add(asc.lccl.id, UPDATE)
    for kwargs, error in (
        (dict(description=""), InvalidInput),
        (dict(description="  "), InvalidInput),
        (dict(description="a\x00b"), InvalidInput),
        (dict(description="x" * 2001), InvalidInput),
        (dict(description="Update", owner="K\x00G"), InvalidInput),
        (dict(description="Update", resolution_id=9999), NotFound),
        (dict(description="Update", target_meeting_id=9999), NotFound),
        (dict(description="Update", owner_officer_id=9999), NotFound),
    ):
        with pytest.raises(error):
            store.actions.add(asc.committee.id, **kwargs)
    with pytest.raises(NotFound):
        store.actions.add(9999, "Update", resolution_id=resolution.id)
    assert count("actions") == 0


# bad input -------------------------------------------------------------------------------------
def test_bad_resolution_text_is_refused(store, asc, count):
    resolution = store.resolutions.add(asc.lccl.id, NOTE)
    for text in ("", "   ", None, "That\x00", "x" * 10_001):
        with pytest.raises(InvalidInput):
            store.resolutions.add(asc.lccl.id, text)
        with pytest.raises(InvalidInput):
            store.resolutions.update(resolution.id, text)
    assert count("resolutions") == 1
    assert store.resolutions.get(resolution.id) == resolution


def test_unknown_ids_are_refused(store, asc, count):
    for call in (
        lambda: store.resolutions.add(9999, NOTE),
        lambda: store.resolutions.update(9999, NOTE),
        lambda: store.resolutions.move(9999, 1),
        lambda: store.resolutions.remove(9999),
        lambda: store.resolutions.get(9999),
        lambda: store.resolutions.confirm_previous_minutes(9999, None),
        lambda: store.actions.get(9999),
    ):
        with pytest.raises(NotFound):
            call()
    assert count("resolutions") == count("actions") == 0
