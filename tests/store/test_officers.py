"""Officers, committee contacts, and the register of members' interests."""

from __future__ import annotations

from datetime import date

import pytest

from store import Conflict, InvalidInput, NotFound


@pytest.fixture
def body_id(committee):
    return committee.body_id


def test_add_an_officer(store, body_id, count):
    officer = store.officers.add(
        body_id, "  Kate Galoppi ", initials="kg", job_title="Head of Commissioning", email="kate@example.org"
    )
    assert officer.name == "Kate Galoppi"
    assert officer.initials == "KG"
    assert officer.job_title == "Head of Commissioning"
    assert officer.phone is None
    row = store.db.execute("SELECT body_id, name, initials FROM officers WHERE id = ?", [officer.id]).fetchone()
    assert row == (body_id, "Kate Galoppi", "KG")
    assert count("officers") == 1


def test_blank_initials_are_stored_as_none(store, body_id):
    assert store.officers.add(body_id, "Angie Smith", initials="  ").initials is None
    assert store.officers.add(body_id, "Martin Samuels").initials is None


def test_add_refuses_bad_fields(store, body_id, count):
    with pytest.raises(InvalidInput, match="The officer's name is empty"):
        store.officers.add(body_id, " ")
    with pytest.raises(InvalidInput, match="Officers have no field called grade"):
        store.officers.add(body_id, "Angie Smith", grade=7)
    with pytest.raises(InvalidInput, match="The initials is 11 characters long; the most is 10"):
        store.officers.add(body_id, "Angie Smith", initials="ABCDEFGHIJK")
    assert count("officers") == 0


def test_update_an_officer(store, body_id):
    officer = store.officers.add(body_id, "Angie Smith", initials="AS")
    updated = store.officers.update(officer.id, job_title="Democratic Support Officer", initials="as2", phone="")
    assert updated.job_title == "Democratic Support Officer"
    assert updated.initials == "AS2"
    assert updated.phone is None
    assert updated.name == "Angie Smith"
    with pytest.raises(InvalidInput, match="The officer's name is empty"):
        store.officers.update(officer.id, name="")
    assert store.officers.get(officer.id) == updated
    with pytest.raises(NotFound, match="There is no officer with id 99"):
        store.officers.update(99, name="Someone")


def test_list_is_by_name_and_by_council(store, committee, body_id):
    other_body = store.committees.add("Cabinet", council="Leicestershire County Council").body_id
    store.officers.add(body_id, "Martin Samuels")
    store.officers.add(body_id, "Angie Smith")
    store.officers.add(other_body, "Jane Doe")
    assert [o.name for o in store.officers.list()] == ["Angie Smith", "Jane Doe", "Martin Samuels"]
    assert [o.name for o in store.officers.list(body_id)] == ["Angie Smith", "Martin Samuels"]


def test_find_by_initials_and_name(store, body_id):
    kate = store.officers.add(body_id, "Kate Galoppi", initials="KG")
    martin = store.officers.add(body_id, "Martin Samuels", initials="MS")
    angie = store.officers.add(body_id, "Angie Smith")
    assert store.officers.find("KG").id == kate.id
    assert store.officers.find(" ms ").id == martin.id
    assert store.officers.find("galoppi").id == kate.id
    assert store.officers.find("Angie").id == angie.id
    assert store.officers.find("KG", body_id).id == kate.id


def test_initials_win_over_a_name_containing_them(store, body_id):
    # "sam" is also part of "Martin Samuels": initials are looked at first.
    sam = store.officers.add(body_id, "Sarah Anne Mills", initials="SAM")
    store.officers.add(body_id, "Martin Samuels", initials="MS")
    assert store.officers.find("sam").id == sam.id


def test_find_ambiguous_and_missing(store, body_id):
    store.officers.add(body_id, "Martin Samuels")
    store.officers.add(body_id, "Angie Smith")
    with pytest.raises(InvalidInput) as raised:
        store.officers.find("s")
    assert str(raised.value) == "'s' matches 2 officers: Angie Smith, Martin Samuels."
    with pytest.raises(NotFound, match="No officer has the initials or name 'XY'"):
        store.officers.find("XY")
    with pytest.raises(NotFound):
        store.officers.find("")


def test_remove_an_officer_and_their_contacts(store, committee, body_id, count):
    officer = store.officers.add(body_id, "Angie Smith")
    store.officers.add_contact(committee.id, officer.id, "Democratic Support")
    store.officers.remove(officer.id)
    assert count("officers") == 0
    assert count("committee_officers") == 0
    with pytest.raises(NotFound):
        store.officers.get(officer.id)
    with pytest.raises(NotFound):
        store.officers.remove(officer.id)


def test_an_officer_named_on_an_agenda_item_stays(store, committee, body_id, count):
    officer = store.officers.add(body_id, "Kate Galoppi", initials="KG")
    store.officers.add_contact(committee.id, officer.id, "Lead officer")
    meeting = store.meetings.add(committee.id, "2021-03-09")
    store.db.execute(
        "INSERT INTO agenda_items (meeting_id, position, title, lead_officer_id) VALUES (?, 6, 'PROCUREMENT PLAN', ?)",
        [meeting.id, officer.id],
    )
    with pytest.raises(Conflict) as raised:
        store.officers.remove(officer.id)
    assert str(raised.value) == (
        "Kate Galoppi is named on agenda items, actions or the work programme, so the record stays; "
        "change those first."
    )
    # The contact deleted before the refusal came back with the rollback.
    assert count("officers") == 1
    assert count("committee_officers") == 1


# contacts ---------------------------------------------------------------------


def test_contacts_in_the_order_added(store, committee, body_id):
    angie = store.officers.add(body_id, "Angie Smith")
    kate = store.officers.add(body_id, "Kate Galoppi")
    first = store.officers.add_contact(committee.id, angie.id, " Democratic Support ")
    second = store.officers.add_contact(committee.id, kate.id, "Scrutiny Support")
    assert (first.role, first.position, first.officer) == ("Democratic Support", 0, angie)
    assert (second.position, second.committee_id) == (1, committee.id)
    assert [c.officer.name for c in store.officers.contacts_for(committee.id)] == ["Angie Smith", "Kate Galoppi"]


def test_a_duplicate_contact_is_a_conflict(store, committee, body_id, count):
    angie = store.officers.add(body_id, "Angie Smith")
    store.officers.add_contact(committee.id, angie.id, "Democratic Support")
    with pytest.raises(Conflict, match="That officer is already a contact for this committee."):
        store.officers.add_contact(committee.id, angie.id, "Clerk")
    assert count("committee_officers") == 1
    assert store.officers.contacts_for(committee.id)[0].role == "Democratic Support"


def test_add_contact_checks_the_role_and_the_officer(store, committee, body_id, count):
    angie = store.officers.add(body_id, "Angie Smith")
    with pytest.raises(InvalidInput, match="The contact's role is empty"):
        store.officers.add_contact(committee.id, angie.id, "")
    with pytest.raises(NotFound, match="There is no officer with id 99"):
        store.officers.add_contact(committee.id, 99, "Clerk")
    assert count("committee_officers") == 0


def test_update_and_remove_a_contact(store, committee, body_id, count):
    angie = store.officers.add(body_id, "Angie Smith")
    contact = store.officers.add_contact(committee.id, angie.id, "Democratic Support")
    store.officers.update_contact(contact.id, "Clerk to the Commission")
    assert store.officers.contacts_for(committee.id)[0].role == "Clerk to the Commission"
    with pytest.raises(InvalidInput):
        store.officers.update_contact(contact.id, "  ")
    store.officers.remove_contact(contact.id)
    assert store.officers.contacts_for(committee.id) == []
    assert count("officers") == 1  # the officer stays


# interests --------------------------------------------------------------------


@pytest.fixture
def joshi(store, committee):
    return store.members.add(committee.id, "Joshi", role="chair").person


NATURE = "his wife worked for the Reablement Team at Leicester City Council"


def test_add_an_interest(store, committee, joshi, count):
    interest = store.interests.add(
        joshi.id,
        "Other Disclosable Interest",
        f"  {NATURE} ",
        registered_on="19 January 2021",
        categories=committee.declaration_categories,
    )
    assert interest.person_id == joshi.id
    assert interest.category == "Other Disclosable Interest"
    assert interest.nature == NATURE
    assert interest.registered_on == date(2021, 1, 19)
    assert interest.removed_on is None
    row = store.db.execute("SELECT category, nature, registered_on FROM interests").fetchone()
    assert row == ("Other Disclosable Interest", NATURE, "2021-01-19")
    assert store.interests.list_for(joshi.id) == [interest]
    assert count("interests") == 1


def test_a_category_outside_the_committees_is_refused(store, committee, joshi, count):
    with pytest.raises(InvalidInput) as raised:
        store.interests.add(joshi.id, "Hobby", NATURE, categories=committee.declaration_categories)
    assert str(raised.value) == (
        "'Hobby' is not one of this committee's categories: Disclosable Pecuniary Interest; "
        "Other Disclosable Interest; Non-registrable Interest."
    )
    assert count("interests") == 0
    # Without a list of categories any category is taken.
    assert store.interests.add(joshi.id, "Hobby", "Chess club").category == "Hobby"


def test_an_interest_needs_category_and_nature(store, joshi, count):
    with pytest.raises(InvalidInput, match="The category is empty"):
        store.interests.add(joshi.id, " ", NATURE)
    with pytest.raises(InvalidInput, match="The nature of the interest is empty"):
        store.interests.add(joshi.id, "Other Disclosable Interest", "")
    with pytest.raises(InvalidInput, match="is not a real date registered"):
        store.interests.add(joshi.id, "Other Disclosable Interest", NATURE, registered_on="31/04/2021")
    assert count("interests") == 0


def test_update_an_interest(store, committee, joshi):
    interest = store.interests.add(joshi.id, "Other Disclosable Interest", NATURE)
    updated = store.interests.update(
        interest.id, "Disclosable Pecuniary Interest", "Shares in a care provider", "2021-03-09",
        categories=committee.declaration_categories,
    )
    assert (updated.category, updated.nature, updated.registered_on) == (
        "Disclosable Pecuniary Interest",
        "Shares in a care provider",
        date(2021, 3, 9),
    )
    with pytest.raises(InvalidInput, match="is not one of this committee's categories"):
        store.interests.update(interest.id, "Hobby", NATURE, categories=committee.declaration_categories)
    assert store.interests.get(interest.id) == updated
    with pytest.raises(NotFound, match="There is no registered interest with id 99"):
        store.interests.update(99, "Hobby", NATURE)


def test_remove_an_interest_keeps_the_declarations_that_quoted_it(store, committee, joshi, count):
    interest = store.interests.add(joshi.id, "Other Disclosable Interest", NATURE)
    meeting = store.meetings.add(committee.id, "2021-01-19")
    store.db.execute(
        "INSERT INTO declarations (meeting_id, person_id, interest_id, category, nature) VALUES (?, ?, ?, ?, ?)",
        [meeting.id, joshi.id, interest.id, interest.category, interest.nature],
    )
    store.interests.remove(interest.id)
    assert count("interests") == 0
    assert store.db.execute("SELECT interest_id, nature FROM declarations").fetchone() == (None, NATURE)
    assert store.interests.list_for(joshi.id) == []
    with pytest.raises(NotFound):
        store.interests.remove(interest.id)


def test_list_for_leaves_out_removed_entries_unless_asked(store, joshi):
    kept = store.interests.add(joshi.id, "Other Disclosable Interest", NATURE)
    old = store.interests.add(joshi.id, "Non-registrable Interest", "Governor of a school")
    store.db.execute("UPDATE interests SET removed_on = '2020-12-31' WHERE id = ?", [old.id])
    assert [i.id for i in store.interests.list_for(joshi.id)] == [kept.id]
    listed = store.interests.list_for(joshi.id, include_removed=True)
    assert [i.id for i in listed] == [kept.id, old.id]
    assert listed[1].removed_on == date(2020, 12, 31)

