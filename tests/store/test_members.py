"""People and their memberships of committees."""

from __future__ import annotations

from datetime import date

import pytest

from store import InvalidInput, NotFound
from store.models import ROLES

LEICESTER = "Leicester City Council"
YEAR_START, YEAR_END = date(2020, 5, 1), date(2021, 4, 30)


@pytest.mark.parametrize("role", ROLES)
def test_add_with_each_role(store, committee, role, count):
    member = store.members.add(committee.id, "Joshi", role=role, start_date="1 May 2020")
    assert member.role == role
    assert member.committee_id == committee.id
    assert member.person.name == "Joshi"
    assert member.display_name == "Councillor Joshi"
    assert member.start_date == YEAR_START
    assert member.voting is (role != "standing-invitee")
    row = store.db.execute("SELECT role, voting, start_date, end_date FROM memberships").fetchone()
    assert row == (role, int(role != "standing-invitee"), "2020-05-01", None)
    assert count("people") == 1


def test_role_is_read_whatever_the_case(store, committee):
    assert store.members.add(committee.id, "Joshi", role=" Vice-Chair ").role == "vice-chair"


@pytest.mark.parametrize("role", ["treasurer", "", "Chairman"])
def test_a_role_outside_the_list_is_refused_and_nothing_written(store, committee, role, count):
    with pytest.raises(InvalidInput) as raised:
        store.members.add(committee.id, "Joshi", role=role)
    assert str(raised.value) == (
        f"'{role}' is not a role: choose one of chair, vice-chair, member, substitute, standing-invitee."
    )
    assert count("memberships") == 0
    assert count("people") == 0


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_name_is_refused(store, committee, name, count):
    with pytest.raises(InvalidInput, match=r"^The member's name is empty: type one in\.$"):
        store.members.add(committee.id, name)
    assert count("memberships") == 0
    assert count("people") == 0


def test_an_end_before_the_start_is_refused(store, committee, count):
    with pytest.raises(InvalidInput) as raised:
        store.members.add(committee.id, "Joshi", start_date="2021-05-01", end_date="2021-04-30")
    assert str(raised.value) == "The end date Friday 30 April 2021 is before the start date Saturday 1 May 2021."
    assert count("memberships") == 0


def test_a_bad_start_date_is_refused(store, committee, count):
    with pytest.raises(InvalidInput, match="'2021-02-30' is not a real start date"):
        store.members.add(committee.id, "Joshi", start_date="2021-02-30")
    assert count("memberships") == 0


def test_a_second_chair_for_the_same_time_is_refused(store, committee, count):
    store.members.add(committee.id, "Joshi", role="chair", start_date=YEAR_START, end_date=YEAR_END)
    with pytest.raises(InvalidInput) as raised:
        store.members.add(committee.id, "Kitterick", role="chair", start_date="2021-01-01")
    assert str(raised.value) == (
        "Councillor Joshi is already Chair for that time; end their term or change their role first."
    )
    # Kitterick's person row was written inside the same transaction: rolled back too.
    assert count("memberships") == 1
    assert count("people") == 1
    assert store.people.find("Kitterick") is None


def test_an_open_ended_chair_overlaps_everything_after_its_start(store, committee, count):
    store.members.add(committee.id, "Joshi", role="chair")
    with pytest.raises(InvalidInput, match="already Chair"):
        store.members.add(committee.id, "Kitterick", role="chair", start_date="2030-01-01", end_date="2030-12-31")
    assert count("memberships") == 1


def test_chairs_one_after_another_are_allowed(store, committee):
    store.members.add(committee.id, "Joshi", role="chair", start_date=YEAR_START, end_date=YEAR_END)
    later = store.members.add(committee.id, "Kitterick", role="chair", start_date="2021-05-01")
    assert later.role == "chair"
    assert [m.person.name for m in store.members.list_for(committee.id) if m.role == "chair"] == [
        "Joshi",
        "Kitterick",
    ]


def test_a_second_vice_chair_is_refused_but_chair_and_vice_chair_coexist(store, committee, count):
    store.members.add(committee.id, "Joshi", role="chair")
    store.members.add(committee.id, "March", role="vice-chair")
    with pytest.raises(InvalidInput, match="Councillor March is already Vice-Chair"):
        store.members.add(committee.id, "Batool", role="vice-chair")
    assert count("memberships") == 2


def test_a_chair_of_another_committee_does_not_clash(store, committee):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    store.members.add(committee.id, "Joshi", role="chair")
    assert store.members.add(other.id, "Kitterick", role="chair").role == "chair"


def test_a_standing_invitee_does_not_vote(store, committee, count):
    invitee = store.members.add(
        committee.id, "Representative of Healthwatch Leicester", role="standing-invitee", title=""
    )
    assert invitee.voting is False
    assert invitee.display_name == "Representative of Healthwatch Leicester"
    with pytest.raises(InvalidInput, match=r"^A standing invitee does not vote\.$"):
        store.members.add(committee.id, "Healthwatch", role="standing-invitee", voting=True, title="")
    assert count("memberships") == 1


def test_a_member_can_be_made_non_voting(store, committee):
    assert store.members.add(committee.id, "Joshi", voting=False).voting is False


def test_the_same_person_on_two_committees_is_one_person(store, committee, count):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    first = store.members.add(committee.id, "Joshi", role="chair")
    second = store.members.add(other.id, "joshi")  # case does not make a new person
    assert first.person.id == second.person.id
    assert count("people") == 1
    assert count("memberships") == 2
    # A different title is a different person (an officer with a councillor's surname).
    third = store.members.add(other.id, "Joshi", title="Mr")
    assert third.person.id != first.person.id
    assert count("people") == 2


def test_update_role_dates_and_name(store, committee):
    member = store.members.add(committee.id, "Kaur Saini", start_date=YEAR_START)
    updated = store.members.update(
        member.id, role="vice-chair", end_date="30/4/2021", name="Kaur-Saini", title="Cllr"
    )
    assert updated.role == "vice-chair"
    assert (updated.start_date, updated.end_date) == (YEAR_START, YEAR_END)
    assert updated.display_name == "Cllr Kaur-Saini"
    assert store.people.get(member.person.id).name == "Kaur-Saini"
    row = store.db.execute("SELECT role, start_date, end_date FROM memberships WHERE id = ?", [member.id]).fetchone()
    assert row == ("vice-chair", "2020-05-01", "2021-04-30")


def test_update_to_standing_invitee_turns_voting_off_and_back(store, committee):
    member = store.members.add(committee.id, "Healthwatch")
    assert store.members.update(member.id, role="standing-invitee").voting is False
    assert store.members.update(member.id, role="member").voting is True
    with pytest.raises(InvalidInput, match="does not vote"):
        store.members.update(member.id, role="standing-invitee", voting=True)


def test_update_clears_an_end_date(store, committee):
    member = store.members.add(committee.id, "Batool", start_date=YEAR_START, end_date=YEAR_END)
    assert store.members.update(member.id, end_date=None).end_date is None


def test_update_refuses_a_second_chair_but_not_the_chair_itself(store, committee):
    chair = store.members.add(committee.id, "Joshi", role="chair")
    other = store.members.add(committee.id, "Kitterick")
    # The chair's own row is not a clash with itself.
    assert store.members.update(chair.id, start_date=YEAR_START).start_date == YEAR_START
    with pytest.raises(InvalidInput, match="Councillor Joshi is already Chair"):
        store.members.update(other.id, role="chair")
    assert store.members.get(other.id).role == "member"


def test_update_refuses_bad_values_and_leaves_the_row(store, committee):
    member = store.members.add(committee.id, "Batool", start_date=YEAR_START)
    with pytest.raises(InvalidInput, match="is before the start date"):
        store.members.update(member.id, end_date="2020-04-30")
    with pytest.raises(InvalidInput, match="Memberships have no field called colour"):
        store.members.update(member.id, colour="red")
    with pytest.raises(InvalidInput, match="is not a role"):
        store.members.update(member.id, role="boss")
    with pytest.raises(InvalidInput, match="The member's name is empty"):
        store.members.update(member.id, name=" ")
    assert store.members.get(member.id) == member


def test_update_and_remove_a_missing_membership(store, committee):
    with pytest.raises(NotFound, match="There is no membership with id 7"):
        store.members.update(7, role="member")
    with pytest.raises(NotFound, match="There is no membership with id 7"):
        store.members.remove(7)


def test_remove_deletes_the_membership_and_keeps_the_person(store, committee, count):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    member = store.members.add(committee.id, "Thalukdar")
    store.members.add(other.id, "Thalukdar")
    store.members.remove(member.id)
    assert count("memberships", "committee_id = ?", [committee.id]) == 0
    assert count("memberships", "committee_id = ?", [other.id]) == 1
    assert count("people") == 1
    with pytest.raises(NotFound):
        store.members.get(member.id)


def test_list_for_puts_the_chair_first_then_by_role_then_name(store, committee):
    for name, role in [
        ("Thalukdar", "member"),
        ("Healthwatch", "standing-invitee"),
        ("batool", "member"),
        ("March", "vice-chair"),
        ("Kitterick", "member"),
        ("Dawood", "substitute"),
        ("Joshi", "chair"),
        ("Kaur Saini", "member"),
    ]:
        store.members.add(committee.id, name, role=role)
    listed = [(m.role, m.person.name) for m in store.members.list_for(committee.id)]
    assert listed == [
        ("chair", "Joshi"),
        ("vice-chair", "March"),
        ("member", "batool"),
        ("member", "Kaur Saini"),
        ("member", "Kitterick"),
        ("member", "Thalukdar"),
        ("substitute", "Dawood"),
        ("standing-invitee", "Healthwatch"),
    ]


def test_list_for_only_shows_this_committee(store, committee):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    store.members.add(other.id, "Joshi")
    assert store.members.list_for(committee.id) == []


def test_list_for_on_a_day(store, committee):
    store.members.add(committee.id, "Joshi", role="chair")  # no dates: always
    store.members.add(committee.id, "Cutkelvin", start_date=YEAR_START, end_date="2020-12-31")
    store.members.add(committee.id, "Batool", start_date="2021-01-01")
    store.members.add(committee.id, "Aldred", end_date="2020-05-01")

    def names(on):
        return [m.person.name for m in store.members.list_for(committee.id, on=on)]

    assert names(None) == ["Joshi", "Aldred", "Batool", "Cutkelvin"]
    assert names(date(2020, 5, 1)) == ["Joshi", "Aldred", "Cutkelvin"]  # first and last days count
    assert names(date(2020, 12, 31)) == ["Joshi", "Cutkelvin"]
    assert names(date(2021, 1, 1)) == ["Joshi", "Batool"]
    assert names(date(2021, 3, 9)) == ["Joshi", "Batool"]


def test_people_ensure_update_and_get(store, count):
    person = store.people.ensure("  Joshi ")
    assert person.name == "Joshi"
    assert person.title == "Councillor"
    assert store.people.ensure("JOSHI").id == person.id
    assert count("people") == 1
    updated = store.people.update(person.id, full_name="Rashmikant Joshi", party="Labour", email=" ")
    assert (updated.full_name, updated.party, updated.email) == ("Rashmikant Joshi", "Labour", None)
    with pytest.raises(InvalidInput, match="People have no field called age"):
        store.people.update(person.id, age=50)
    with pytest.raises(NotFound, match="There is no person with id 99"):
        store.people.get(99)
