"""Attendance, arrivals and departures, and the quorum (design.md: quorum).

The committee is the fixture pack's: six voting councillors and a non-voting standing
invitee (the Healthwatch representative). Default quorum: a quarter of the voting
members, never fewer than three.
"""

from __future__ import annotations

from datetime import time
from types import SimpleNamespace

import pytest

from store import quorum
from store.errors import ClerkError, InvalidInput, NotFound

MEMBERS = (
    ("Joshi", "chair"),
    ("March", "vice-chair"),
    ("Batool", "member"),
    ("Kaur Saini", "member"),
    ("Kitterick", "member"),
    ("Thalukdar", "member"),
)
HEALTHWATCH = "Representative of Healthwatch Leicester"


@pytest.fixture
def asc(store, committee):
    people = {}
    for name, role in MEMBERS:
        people[name] = store.members.add(committee.id, name, role=role, start_date="2020-05-01").person.id
    people["Healthwatch"] = store.members.add(
        committee.id, HEALTHWATCH, role="standing-invitee", title="", start_date="2020-05-01"
    ).person.id
    january = store.meetings.add(committee.id, "2021-01-19")
    return SimpleNamespace(committee=committee, people=people, jan=january)


def present(store, asc, *names):
    for name in names:
        store.attendance.set(asc.jan.id, asc.people[name], "present")


def entry(store, asc, person_id):
    return next(e for e in store.attendance.list_for(asc.jan.id) if e.person_id == person_id)


# the rule ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "voting", "fixed", "needed"),
    [
        ("quarter-min-3", 6, None, 3),
        ("quarter-min-3", 20, None, 5),
        ("quarter-min-3", 12, None, 3),
        ("quarter-min-3", 13, None, 4),
        ("quarter-min-3", 0, None, 3),
        ("third", 6, None, 2),
        ("third", 7, None, 3),
        ("third", 9, None, 3),
        ("third", 1, None, 1),
        ("third", 0, None, 1),
        ("half", 6, None, 3),
        ("half", 7, None, 4),
        ("half", 20, None, 10),
        ("fixed", 6, 4, 4),
        ("fixed", 20, 4, 4),
        ("fixed", 2, 4, 4),
    ],
)
def test_quorum_required(rule, voting, fixed, needed):
    assert quorum.required(rule, voting, fixed) == needed


def test_the_committees_rule_decides(store, asc):
    assert store.attendance.quorum(asc.jan.id).required == 3
    assert store.attendance.quorum(asc.jan.id).voting_members == 6  # the invitee does not vote
    store.committees.update_settings(asc.committee.id, quorum_rule="half")
    assert store.attendance.quorum(asc.jan.id).required == 3
    store.committees.update_settings(asc.committee.id, quorum_rule="fixed", quorum_number=5)
    assert store.attendance.quorum(asc.jan.id).required == 5
    store.committees.update_settings(asc.committee.id, quorum_rule="third")
    assert store.attendance.quorum(asc.jan.id).required == 2


def test_members_serving_on_the_day_count(store, asc):
    store.members.add(asc.committee.id, "Cassidy", start_date="2021-02-01")  # joined later
    store.members.add(asc.committee.id, "Dawood", end_date="2020-12-31")  # left earlier
    assert store.attendance.quorum(asc.jan.id).voting_members == 6
    names = [e.name for e in store.attendance.list_for(asc.jan.id)]
    assert "Councillor Cassidy" not in names and "Councillor Dawood" not in names


# recording attendance ------------------------------------------------------------------
def test_present_apologies_absent(store, asc):
    store.attendance.set(asc.jan.id, asc.people["Joshi"], "present")
    store.attendance.set(asc.jan.id, asc.people["March"], "apologies")
    store.attendance.set(asc.jan.id, asc.people["Batool"], "absent")
    entries = {e.person_id: e for e in store.attendance.list_for(asc.jan.id)}
    assert entries[asc.people["Joshi"]].status == "present" and entries[asc.people["Joshi"]].in_room
    assert entries[asc.people["March"]].status == "apologies" and not entries[asc.people["March"]].in_room
    assert entries[asc.people["Batool"]].status == "absent" and not entries[asc.people["Batool"]].in_room
    assert entries[asc.people["Kitterick"]].status is None
    assert [e.role for e in store.attendance.list_for(asc.jan.id)][:2] == ["chair", "vice-chair"]
    # Changing one's mind replaces the record.
    store.attendance.set(asc.jan.id, asc.people["March"], "present")
    assert entry(store, asc, asc.people["March"]).status == "present"
    store.attendance.clear(asc.jan.id, asc.people["March"])
    assert entry(store, asc, asc.people["March"]).status is None


def test_a_substitute_needs_whom_they_replace(store, asc, count):
    substitute = store.people.ensure("Westley").id
    with pytest.raises(InvalidInput, match="replacing"):
        store.attendance.set(asc.jan.id, substitute, "substitute")
    with pytest.raises(InvalidInput, match="themselves"):
        store.attendance.set(asc.jan.id, asc.people["Batool"], "substitute", asc.people["Batool"])
    with pytest.raises(InvalidInput, match="not an attendance status"):
        store.attendance.set(asc.jan.id, asc.people["Batool"], "late")
    assert count("attendance") == 0


def test_a_substitute_counts_as_present_voting(store, asc):
    present(store, asc, "Joshi", "March")
    assert not store.attendance.quorum(asc.jan.id).quorate
    westley = store.attendance.add_substitute(asc.jan.id, "Westley", asc.people["Batool"])
    sub = entry(store, asc, westley)
    assert (sub.status, sub.role, sub.voting, sub.in_room) == ("substitute", "substitute", True, True)
    assert sub.substitute_for_id == asc.people["Batool"]
    assert sub.substitute_for_name == "Councillor Batool"
    # Nothing was recorded for Councillor Batool: apologies.
    assert entry(store, asc, asc.people["Batool"]).status == "apologies"
    state = store.attendance.quorum(asc.jan.id)
    assert (state.present, state.required, state.quorate) == (3, 3, True)


def test_a_bad_substitute_name_writes_nothing(store, asc, count):
    people = count("people")
    for name in ("", "   ", "West\x00ley", None):
        with pytest.raises(InvalidInput):
            store.attendance.add_substitute(asc.jan.id, name, asc.people["Batool"])
    assert (count("people"), count("attendance")) == (people, 0)


def test_add_substitute_keeps_what_was_recorded_for_the_member(store, asc):
    store.attendance.set(asc.jan.id, asc.people["Batool"], "absent")
    store.attendance.add_substitute(asc.jan.id, "Westley", asc.people["Batool"])
    assert entry(store, asc, asc.people["Batool"]).status == "absent"
    # The same councillor named again is the same person.
    again = store.attendance.add_substitute(asc.jan.id, "westley", asc.people["Batool"])
    assert again == store.people.find("Westley").id


def test_a_standing_invitee_does_not_count(store, asc):
    present(store, asc, "Joshi", "March", "Healthwatch")
    invitee = entry(store, asc, asc.people["Healthwatch"])
    assert invitee.in_room and not invitee.voting
    state = store.attendance.quorum(asc.jan.id)
    assert (state.present, state.quorate) == (2, False)


def test_departures_and_returns_move_the_quorum_meter(store, asc):
    present(store, asc, "Joshi", "March", "Batool")
    meeting = asc.jan.id
    assert store.attendance.quorum(meeting).quorate

    store.attendance.record_movement(meeting, asc.people["Batool"], "left", at_time="19:05")
    state = store.attendance.quorum(meeting)
    assert (state.present, state.quorate) == (2, False)  # inquorate: present < required
    assert not entry(store, asc, asc.people["Batool"]).in_room

    store.attendance.record_movement(meeting, asc.people["Batool"], "arrived", at_time="19:20")
    assert store.attendance.quorum(meeting).present == 3

    store.attendance.record_movement(meeting, asc.people["March"], "withdrew", reason="declared an interest")
    assert store.attendance.quorum(meeting).present == 2
    store.attendance.record_movement(meeting, asc.people["March"], "returned")
    assert store.attendance.quorum(meeting).present == 3

    movements = store.attendance.movements_for(meeting)
    assert [(m.name, m.kind) for m in movements] == [
        ("Councillor Batool", "left"),
        ("Councillor Batool", "arrived"),
        ("Councillor March", "withdrew"),
        ("Councillor March", "returned"),
    ]
    assert movements[0].at_time == time(19, 5) and movements[2].reason == "declared an interest"

    store.attendance.remove_movement(movements[-1].id)
    assert store.attendance.quorum(meeting).present == 2


def test_a_movement_against_a_minute_names_its_number(store, asc):
    store.committees.update_settings(asc.committee.id, starting_minute_number=86, starting_minute_year=2020)
    store.agenda.add(asc.jan.id, "Safeguarding annual report")
    minute = store.minutes.take_agenda(asc.jan.id)[0]
    present(store, asc, "Kitterick")
    movement = store.attendance.record_movement(asc.jan.id, asc.people["Kitterick"], "left", minute.id)
    assert (movement.minute_id, movement.minute_number) == (minute.id, 86)
    # Withdrawing the item unlinks the movement, which stays recorded.
    store.minutes.withdraw(minute.id)
    assert store.attendance.movements_for(asc.jan.id)[0].minute_id is None


def test_an_arrival_does_not_seat_someone_who_sent_apologies(store, asc):
    store.attendance.set(asc.jan.id, asc.people["Batool"], "apologies")
    store.attendance.record_movement(asc.jan.id, asc.people["Batool"], "returned")
    assert store.attendance.quorum(asc.jan.id).present == 0


def test_others_present(store, asc):
    other = store.attendance.add_other(asc.jan.id, "  Kate Galoppi ", "Head of Commissioning")
    assert (other.name, other.role) == ("Kate Galoppi", "Head of Commissioning")
    assert store.attendance.others_for(asc.jan.id) == [other]
    store.attendance.remove_other(other.id)
    assert store.attendance.others_for(asc.jan.id) == []


# bad input -----------------------------------------------------------------------------
def test_bad_movements_are_refused(store, asc, count):
    with pytest.raises(InvalidInput, match="not a movement"):
        store.attendance.record_movement(asc.jan.id, asc.people["Joshi"], "wandered")
    with pytest.raises(InvalidInput):
        store.attendance.record_movement(asc.jan.id, asc.people["Joshi"], "left", at_time="25:99")
    with pytest.raises(InvalidInput, match="NUL"):
        store.attendance.record_movement(asc.jan.id, asc.people["Joshi"], "left", reason="a\x00b")
    assert count("movements") == 0


def test_bad_others_are_refused(store, asc, count):
    with pytest.raises(InvalidInput, match="empty"):
        store.attendance.add_other(asc.jan.id, "  ")
    with pytest.raises(InvalidInput, match="NUL"):
        store.attendance.add_other(asc.jan.id, "Kate\x00")
    assert count("others_present") == 0


def test_unknown_ids_are_clerk_errors(store, asc, count):
    joshi = asc.people["Joshi"]
    for call in (
        lambda: store.attendance.list_for(9999),
        lambda: store.attendance.set(9999, joshi, "present"),
        lambda: store.attendance.set(asc.jan.id, 9999, "present"),
        lambda: store.attendance.set(asc.jan.id, joshi, "substitute", 9999),
        lambda: store.attendance.add_substitute(asc.jan.id, "Westley", 9999),
        lambda: store.attendance.add_substitute(9999, "Westley", joshi),
        lambda: store.attendance.record_movement(9999, joshi, "left"),
        lambda: store.attendance.record_movement(asc.jan.id, 9999, "left"),
        lambda: store.attendance.record_movement(asc.jan.id, joshi, "left", minute_id=9999),
        lambda: store.attendance.add_other(9999, "Kate Galoppi"),
        lambda: store.attendance.add_other(asc.jan.id, "Kate Galoppi", officer_id=9999),
        lambda: store.attendance.quorum(9999),
    ):
        with pytest.raises(NotFound):
            call()
    assert count("attendance") == count("movements") == count("others_present") == 0
    assert store.people.find("Westley") is None


def test_errors_are_clerk_errors(store, asc):
    with pytest.raises(ClerkError):
        store.attendance.set(asc.jan.id, asc.people["Joshi"], "")


def test_a_movement_names_a_minute_of_its_own_meeting(store, asc, count):
    march = store.meetings.add(asc.committee.id, "2021-03-09")
    store.agenda.add(march.id, "Budget")
    (minute,) = store.minutes.take_agenda(march.id)
    with pytest.raises(InvalidInput, match="another meeting"):
        store.attendance.record_movement(asc.jan.id, asc.people["Joshi"], "left", minute.id)
    assert count("movements") == 0
