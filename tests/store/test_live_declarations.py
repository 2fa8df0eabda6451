"""Declarations of interest at a meeting (design.md: declarations).

Minute 87 of 19 January 2021: "Councillor Joshi declared an Other Disclosable Interest
in that his wife worked for the Reablement Team at Leicester City Council."
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from store.errors import ClerkError, InvalidInput, NotFound

DPI = "Disclosable Pecuniary Interest"
ODI = "Other Disclosable Interest"
NRI = "Non-registrable Interest"
REABLEMENT = "his wife worked for the Reablement Team at Leicester City Council"
MEMBERS = (("Joshi", "chair"), ("March", "vice-chair"), ("Batool", "member"), ("Kaur Saini", "member"),
           ("Kitterick", "member"), ("Thalukdar", "member"))


@pytest.fixture
def asc(store, committee):
    committee = store.committees.update_settings(committee.id, starting_minute_number=86, starting_minute_year=2020)
    people = {
        name: store.members.add(committee.id, name, role=role, start_date="2020-05-01").person.id
        for name, role in MEMBERS
    }
    nov, jan, mar = (store.meetings.add(committee.id, day) for day in ("2020-11-10", "2021-01-19", "2021-03-09"))
    store.agenda.start_from_standard_items(jan.id)
    lccl = store.agenda.add(jan.id, "LCCL - verbal update")
    budget = store.agenda.add(jan.id, "Draft General Fund budget")
    return SimpleNamespace(committee=committee, people=people, nov=nov, jan=jan, mar=mar, lccl=lccl, budget=budget)


def test_a_declaration_in_house_terms(store, asc):
    declaration = store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, f"  {REABLEMENT} ")
    assert (declaration.name, declaration.category, declaration.nature, declaration.action) == (
        "Councillor Joshi", ODI, REABLEMENT, "remained"
    )
    assert declaration.agenda_item_id is None  # the meeting as a whole
    on_item = store.declarations.add(asc.jan.id, asc.people["Batool"], NRI, "a friend works at LCCL",
                                     action="did-not-vote", agenda_item_id=asc.lccl.id)
    assert on_item.item_title == "LCCL - VERBAL UPDATE"
    assert store.declarations.list_for(asc.jan.id) == [declaration, on_item]


def test_categories_are_the_committees(store, asc, count):
    for category in ("Pecuniary Interest", "disclosable pecuniary interest", "", "  "):
        with pytest.raises(InvalidInput):
            store.declarations.add(asc.jan.id, asc.people["Joshi"], category, REABLEMENT)
    store.committees.update_settings(asc.committee.id, declaration_categories=["Pecuniary", "Non-pecuniary"])
    with pytest.raises(InvalidInput, match="not one of this committee's categories"):
        store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, REABLEMENT)
    assert count("declarations") == 0
    assert store.declarations.add(asc.jan.id, asc.people["Joshi"], "Non-pecuniary", REABLEMENT).category == "Non-pecuniary"


def test_the_action_is_checked(store, asc, count):
    for action in ("left", "", "Withdrew", None):
        with pytest.raises(InvalidInput, match="not what a member can do"):
            store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, REABLEMENT, action=action)
    assert count("declarations") == 0


def test_a_pecuniary_interest_withdraws_the_member_for_the_items_minute(store, asc):
    minutes = store.minutes.take_agenda(asc.jan.id)
    lccl_minute = store.minutes.for_item(asc.lccl.id)
    for name in ("Joshi", "March", "Batool"):
        store.attendance.set(asc.jan.id, asc.people[name], "present")
    store.declarations.add(asc.jan.id, asc.people["Batool"], DPI, "she owns shares in LCCL",
                           action="withdrew", agenda_item_id=asc.lccl.id)
    movements = store.attendance.movements_for(asc.jan.id)
    assert [(m.name, m.kind, m.minute_id, m.minute_number) for m in movements] == [
        ("Councillor Batool", "withdrew", lccl_minute.id, lccl_minute.number),
        ("Councillor Batool", "returned", lccl_minute.id, lccl_minute.number),
    ]
    assert lccl_minute.number == 91 and len(minutes) == 9
    assert movements[0].reason == f"declared a {DPI}"
    # Back in the room after the item: the meeting stays quorate.
    assert store.attendance.quorum(asc.jan.id).present == 3


def test_withdrawing_before_the_minute_is_taken_or_for_the_whole_meeting(store, asc, count):
    store.declarations.add(asc.jan.id, asc.people["Batool"], DPI, "she owns shares in LCCL",
                           action="withdrew", agenda_item_id=asc.lccl.id)
    assert [(m.kind, m.minute_id) for m in store.attendance.movements_for(asc.jan.id)] == [
        ("withdrew", None), ("returned", None)
    ]
    store.declarations.add(asc.jan.id, asc.people["March"], DPI, "a contract with the council", action="withdrew")
    assert count("movements") == 2  # no item: nothing to withdraw from
    store.declarations.add(asc.jan.id, asc.people["Joshi"], DPI, "a lease", agenda_item_id=asc.budget.id)
    assert count("movements") == 2  # remained


def test_update_and_remove(store, asc, count):
    declaration = store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, REABLEMENT)
    updated = store.declarations.update(declaration.id, NRI, "his wife works for LCCL", "did-not-vote", asc.lccl.id)
    assert (updated.category, updated.nature, updated.action, updated.agenda_item_id) == (
        NRI, "his wife works for LCCL", "did-not-vote", asc.lccl.id
    )
    for category, nature, action in (("Nonsense", REABLEMENT, "remained"), (ODI, "", "remained"),
                                     (ODI, REABLEMENT, "stayed"), (ODI, "a\x00b", "remained")):
        with pytest.raises(InvalidInput):
            store.declarations.update(declaration.id, category, nature, action)
        assert store.declarations.get(declaration.id) == updated
    store.declarations.remove(declaration.id)
    assert count("declarations") == 0
    with pytest.raises(NotFound):
        store.declarations.remove(declaration.id)
    with pytest.raises(NotFound):
        store.declarations.update(declaration.id, ODI, REABLEMENT, "remained")
    with pytest.raises(NotFound):
        store.declarations.get(declaration.id)


# suggestions -------------------------------------------------------------------------------
def test_suggestions_come_from_the_register_and_the_last_meeting(store, asc):
    joshi, batool = asc.people["Joshi"], asc.people["Batool"]
    interest = store.interests.add(joshi, ODI, REABLEMENT)
    outsider = store.people.ensure("Not On The Committee").id
    store.interests.add(outsider, ODI, "owns a care home")
    store.declarations.add(asc.nov.id, batool, NRI, "she is a trustee of Age UK Leicester")
    store.declarations.add(asc.nov.id, joshi, ODI, REABLEMENT)  # also on the register: offered once

    offered = store.declarations.suggestions(asc.jan.id)
    assert [(s.name, s.category, s.nature, s.source, s.interest_id) for s in offered] == [
        ("Councillor Joshi", ODI, REABLEMENT, "register", interest.id),
        ("Councillor Batool", NRI, "she is a trustee of Age UK Leicester", "last meeting", None),
    ]

    # Declared today (whatever the case): no longer offered.
    store.declarations.add(asc.jan.id, joshi, ODI, REABLEMENT.upper(), interest_id=interest.id)
    assert [(s.name, s.source) for s in store.declarations.suggestions(asc.jan.id)] == [
        ("Councillor Batool", "last meeting")
    ]
    # The next meeting offers January's declarations; November's are two meetings back.
    assert [(s.name, s.source) for s in store.declarations.suggestions(asc.mar.id)] == [
        ("Councillor Joshi", "register")
    ]


def test_the_first_meeting_has_only_the_register(store, asc):
    assert store.declarations.suggestions(asc.nov.id) == []


# bad input -------------------------------------------------------------------------------
def test_bad_natures_are_refused(store, asc, count):
    for nature in ("", "   ", None, "wife\x00", "x" * 2001):
        with pytest.raises(InvalidInput):
            store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, nature)
    assert count("declarations") == 0


def test_unknown_ids_are_refused_and_nothing_is_written(store, asc, count):
    joshi = asc.people["Joshi"]
    for call in (
        lambda: store.declarations.add(9999, joshi, ODI, REABLEMENT),
        lambda: store.declarations.add(asc.jan.id, 9999, ODI, REABLEMENT),
        lambda: store.declarations.add(asc.jan.id, joshi, ODI, REABLEMENT, agenda_item_id=9999),
        lambda: store.declarations.add(asc.jan.id, joshi, DPI, REABLEMENT, "withdrew", agenda_item_id=9999),
        lambda: store.declarations.add(asc.jan.id, joshi, ODI, REABLEMENT, interest_id=9999),
        lambda: store.declarations.suggestions(9999),
    ):
        with pytest.raises(NotFound):
            call()
    assert count("declarations") == count("movements") == 0


def test_an_item_of_another_meeting_is_refused(store, asc, count):
    march_item = store.agenda.add(asc.mar.id, "Budget")
    with pytest.raises(InvalidInput, match="another meeting"):
        store.declarations.add(asc.jan.id, asc.people["Joshi"], DPI, REABLEMENT, "withdrew", march_item.id)
    declaration = store.declarations.add(asc.jan.id, asc.people["Joshi"], ODI, REABLEMENT)
    with pytest.raises(InvalidInput, match="another meeting"):
        store.declarations.update(declaration.id, ODI, REABLEMENT, "remained", march_item.id)
    assert count("declarations") == 1 and count("movements") == 0
    assert store.declarations.get(declaration.id).agenda_item_id is None


def test_errors_are_clerk_errors(store, asc):
    with pytest.raises(ClerkError):
        store.declarations.add(asc.jan.id, asc.people["Joshi"], "x", "y")


# withdrawals and the quorum (design.md: a member who withdraws is not present for the item) ----
WITHDRAWING = ("Joshi", "March", "Batool", "Kaur Saini")


def _all_present(store, asc):
    for name, _ in MEMBERS:
        store.attendance.set(asc.jan.id, asc.people[name], "present")


def test_members_who_withdraw_are_out_for_that_minute_only(store, asc):
    first = store.minutes.take_agenda(asc.jan.id)[0]
    lccl, budget = store.minutes.for_item(asc.lccl.id), store.minutes.for_item(asc.budget.id)
    assert (lccl.number, budget.number) == (91, 92)
    _all_present(store, asc)
    for name in WITHDRAWING:
        store.declarations.add(asc.jan.id, asc.people[name], DPI, "shares in LCCL", "withdrew", asc.lccl.id)

    during = store.attendance.quorum(asc.jan.id, lccl.id)
    assert (during.required, during.present, during.quorate) == (3, 2, False)  # six members, quorum three
    in_room = [e.name for e in store.attendance.list_for(asc.jan.id, lccl.id) if e.in_room]
    assert in_room == ["Councillor Kitterick", "Councillor Thalukdar"]
    for minute in (first, budget):  # before the item and after it: all six
        assert (store.attendance.quorum(asc.jan.id, minute.id).present,
                store.attendance.quorum(asc.jan.id, minute.id).quorate) == (6, True)
    assert store.attendance.quorum(asc.jan.id).present == 6  # after everything recorded so far


def test_the_movements_follow_the_declaration(store, asc, count):
    store.minutes.take_agenda(asc.jan.id)
    lccl, budget = store.minutes.for_item(asc.lccl.id), store.minutes.for_item(asc.budget.id)
    _all_present(store, asc)
    kitterick = store.attendance.record_movement(asc.jan.id, asc.people["Kitterick"], "left", budget.id)
    made = [store.declarations.add(asc.jan.id, asc.people[name], DPI, "shares in LCCL", "remained", asc.lccl.id)
            for name in WITHDRAWING]
    assert count("movements") == 1 and store.attendance.quorum(asc.jan.id, lccl.id).quorate

    def withdrawals():
        return [(m.name, m.kind, m.minute_number) for m in store.attendance.movements_for(asc.jan.id)
                if m.id != kitterick.id]

    for declaration in made:  # recorded as "remained", then corrected: now they withdrew
        store.declarations.update(declaration.id, DPI, "shares in LCCL", "withdrew", asc.lccl.id)
    assert len(withdrawals()) == 8 and {n for _, _, n in withdrawals()} == {91}
    assert not store.attendance.quorum(asc.jan.id, lccl.id).quorate

    joshi = made[0]
    store.declarations.update(joshi.id, DPI, "shares in LCCL", "withdrew", asc.budget.id)  # another item
    assert [w for w in withdrawals() if w[0] == "Councillor Joshi"] == [
        ("Councillor Joshi", "withdrew", 92), ("Councillor Joshi", "returned", 92)]
    assert store.attendance.quorum(asc.jan.id, lccl.id).quorate  # Joshi back in for 91: three
    assert store.attendance.quorum(asc.jan.id, budget.id).present == 4  # Kitterick left, Joshi out
    store.declarations.update(joshi.id, DPI, "shares in LCCL", "did-not-vote", asc.budget.id)
    assert [w for w in withdrawals() if w[0] == "Councillor Joshi"] == []

    for declaration in made[1:]:
        store.declarations.remove(declaration.id)
    assert withdrawals() == [] and count("movements") == 1  # the departure nobody declared stays
    assert store.attendance.quorum(asc.jan.id, lccl.id).present == 6


def test_a_withdrawal_declared_before_the_minute_is_opened_still_counts(store, asc):
    _all_present(store, asc)
    kitterick = asc.people["Kitterick"]
    store.attendance.record_movement(asc.jan.id, kitterick, "left")
    for name in WITHDRAWING:
        store.declarations.add(asc.jan.id, asc.people[name], DPI, "shares in LCCL", "withdrew", asc.lccl.id)
    store.declarations.add(asc.jan.id, kitterick, DPI, "a lease", "withdrew", asc.budget.id)
    store.minutes.take_agenda(asc.jan.id)
    lccl, budget = store.minutes.for_item(asc.lccl.id), store.minutes.for_item(asc.budget.id)
    assert store.attendance.quorum(asc.jan.id, lccl.id).present == 1  # Thalukdar
    # Kitterick's withdrawal and return, recorded after he left, do not bring him back.
    assert [e.name for e in store.attendance.list_for(asc.jan.id) if not e.in_room] == ["Councillor Kitterick"]
    assert store.attendance.quorum(asc.jan.id, budget.id).present == 5
    store.declarations.remove(store.declarations.list_for(asc.jan.id)[0].id)
    assert [m.kind for m in store.attendance.movements_for(asc.jan.id)] == ["left"] + ["withdrew", "returned"] * 4
    with pytest.raises(NotFound):
        store.attendance.quorum(asc.jan.id, 9999)


# a Disclosable Pecuniary Interest ------------------------------------------------------------
def test_a_dpi_the_member_did_not_withdraw_for_is_recorded_with_a_warning(store, asc):
    from store.declarations import DPI_WARNING, must_withdraw, warning_for

    assert must_withdraw(DPI) and must_withdraw(" disclosable pecuniary interest ") and not must_withdraw(ODI)
    remained = store.declarations.add(asc.jan.id, asc.people["Joshi"], DPI, "a lease", "remained", asc.lccl.id)
    assert remained.action == "remained"  # the clerk records what happened
    assert warning_for(remained) == DPI_WARNING
    assert warning_for(store.declarations.update(remained.id, DPI, "a lease", "did-not-vote", asc.lccl.id))
    assert warning_for(store.declarations.update(remained.id, DPI, "a lease", "withdrew", asc.lccl.id)) is None
    assert warning_for(store.declarations.add(asc.jan.id, asc.people["March"], ODI, "a friend")) is None
