"""Committees, their council, their settings and their standard items."""

from __future__ import annotations

import json
from datetime import time

import pytest

from store import Conflict, InvalidInput, NotFound
from store.models import DEFAULT_DECLARATION_CATEGORIES

ASC = "Adult Social Care Scrutiny Commission"
LEICESTER = "Leicester City Council"

OPENING = [
    ("apologies", "APOLOGIES FOR ABSENCE"),
    ("declarations", "DECLARATIONS OF INTEREST"),
    ("previous-minutes", "MINUTES OF THE PREVIOUS MEETING"),
    ("petitions", "PETITIONS"),
    ("questions", "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE"),
]
CLOSING = [("work-programme", "WORK PROGRAMME"), ("urgent-business", "ANY OTHER URGENT BUSINESS")]


def test_add_stores_the_committee_with_its_council_and_settings(store, committee, count):
    assert committee.name == ASC
    assert store.committees.body(committee.body_id).name == LEICESTER
    assert committee.default_time == time(17, 30)
    assert committee.default_place == "Virtual Meeting using Zoom"
    assert committee.agenda_setting_days == 15
    row = store.db.execute("SELECT name, default_time, agenda_setting_days FROM committees").fetchone()
    assert row == (ASC, "17:30", 15)
    assert count("bodies") == 1


def test_a_new_committee_has_the_default_settings(store):
    committee = store.committees.add("Audit and Risk Committee", council=LEICESTER)
    assert committee.quorum_rule == "quarter-min-3"
    assert committee.quorum_number is None
    assert (committee.year_start_month, committee.year_start_day) == (5, 1)
    assert committee.clear_days == 5
    assert committee.holiday_region == "england-wales"
    assert committee.skip_weekends is True
    assert committee.resolution_word == "AGREED"
    assert committee.declaration_categories == DEFAULT_DECLARATION_CATEGORIES
    assert committee.default_time is None
    assert committee.starting_minute_number is None


def test_add_creates_the_standard_items_in_order(store, committee, count):
    items = store.standard_items.list_for(committee.id)
    assert [(i.placement, i.key, i.title) for i in items] == [
        *(("opening", key, title) for key, title in OPENING),
        *(("closing", key, title) for key, title in CLOSING),
    ]
    assert count("standard_items", "committee_id = ? AND placement = 'opening'", [committee.id]) == 5
    assert count("standard_items", "committee_id = ? AND placement = 'closing'", [committee.id]) == 2
    previous = items[2]
    assert "{previous_date}" in previous.recommendation
    assert items[1].description == (
        "Members are asked to declare any interests they may have in the business to be discussed."
    )


def test_two_committees_of_one_council_share_the_body_row(store, committee, count):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    assert other.body_id == committee.body_id
    assert count("bodies") == 1
    assert [c.name for c in store.committees.list()] == [ASC, "Health Scrutiny Commission"]
    assert count("standard_items") == 14


def test_a_duplicate_name_is_a_conflict_and_writes_nothing(store, committee, count):
    with pytest.raises(Conflict, match=f"Leicester City Council already has a committee called '{ASC}'"):
        store.committees.add(ASC, council=LEICESTER)
    assert count("committees") == 1
    assert count("standard_items") == 7


def test_the_same_name_in_another_council_is_allowed(store, committee, count):
    other = store.committees.add(ASC, council="Leicestershire County Council")
    assert other.body_id != committee.body_id
    assert count("committees") == 2


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_name_is_refused(store, name, count):
    with pytest.raises(InvalidInput, match="The committee's name is empty"):
        store.committees.add(name, council=LEICESTER)
    assert count("committees") == 0


def test_an_empty_council_is_refused(store, count):
    with pytest.raises(InvalidInput, match="The council's name is empty"):
        store.committees.add(ASC, council="  ")
    assert count("bodies") == 0


def test_add_with_bad_settings_writes_nothing(store, count):
    with pytest.raises(InvalidInput, match="fixed quorum needs its number"):
        store.committees.add(ASC, council=LEICESTER, quorum_rule="fixed")
    assert count("committees") == 0
    assert count("standard_items") == 0


def test_rename(store, committee):
    renamed = store.committees.rename(committee.id, "  Adult Social Care Scrutiny  ")
    assert renamed.name == "Adult Social Care Scrutiny"
    assert store.committees.get(committee.id).name == "Adult Social Care Scrutiny"
    # Renaming to its own name is not a clash with itself.
    assert store.committees.rename(committee.id, "Adult Social Care Scrutiny").id == committee.id


def test_rename_onto_another_committee_is_a_conflict(store, committee):
    store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    with pytest.raises(Conflict, match="There is already a committee called 'Health Scrutiny Commission'"):
        store.committees.rename(committee.id, "Health Scrutiny Commission")
    assert store.committees.get(committee.id).name == ASC


def test_rename_refuses_an_empty_name_and_a_missing_committee(store, committee):
    with pytest.raises(InvalidInput, match="is empty"):
        store.committees.rename(committee.id, " ")
    with pytest.raises(NotFound, match="There is no committee with id 999"):
        store.committees.rename(999, "Anything")


def test_get_a_missing_committee(store):
    with pytest.raises(NotFound, match="There is no committee with id 42."):
        store.committees.get(42)
    with pytest.raises(NotFound, match="There is no council with id 42."):
        store.committees.body(42)


# settings -------------------------------------------------------------------


def test_update_settings_stores_and_returns_them(store, committee):
    updated = store.committees.update_settings(
        committee.id,
        quorum_rule="fixed",
        quorum_number="4",
        clear_days=3,
        holiday_region="scotland",
        skip_weekends=False,
        resolution_word="Resolved:",
        declaration_categories=["Disclosable Pecuniary Interest", "Other Interest"],
        default_time="6 pm",
        starting_minute_number=86,
        starting_minute_year=2020,
        public_information="  Meetings are open to the public.  ",
    )
    assert updated.quorum_rule == "fixed"
    assert updated.quorum_number == 4
    assert updated.clear_days == 3
    assert updated.holiday_region == "scotland"
    assert updated.skip_weekends is False
    assert updated.resolution_word == "Resolved"
    assert updated.declaration_categories == ("Disclosable Pecuniary Interest", "Other Interest")
    assert updated.default_time == time(18, 0)
    assert (updated.starting_minute_number, updated.starting_minute_year) == (86, 2020)
    assert updated.public_information == "Meetings are open to the public."
    row = store.db.execute(
        "SELECT skip_weekends, declaration_categories, default_time FROM committees WHERE id = ?", [committee.id]
    ).fetchone()
    assert row[0] == 0
    assert json.loads(row[1]) == ["Disclosable Pecuniary Interest", "Other Interest"]
    assert row[2] == "18:00"
    # Settings not named are left as they were.
    assert updated.default_place == "Virtual Meeting using Zoom"
    assert updated.agenda_setting_days == 15


def test_clearing_an_optional_setting(store, committee):
    updated = store.committees.update_settings(committee.id, default_place="", agenda_setting_days=None)
    assert updated.default_place is None
    assert updated.agenda_setting_days is None


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"quorum_rule": "two-thirds"},
         "'two-thirds' is not a quorum rule: choose one of quarter-min-3, third, half, fixed."),
        ({"quorum_rule": "fixed"}, "A fixed quorum needs its number of voting members."),
        ({"quorum_rule": "fixed", "quorum_number": ""}, "A fixed quorum needs its number of voting members."),
        ({"quorum_number": 0}, "The quorum must be from 1 to 100, not 0."),
        ({"clear_days": 31}, "The number of clear days must be from 0 to 30, not 31."),
        ({"clear_days": -1}, "The number of clear days must be from 0 to 30, not -1."),
        ({"clear_days": "five"}, "The number of clear days must be a whole number, not 'five'."),
        ({"holiday_region": "wales"}, "'wales' is not a holiday region: choose one of england-wales, scotland, "
                                      "northern-ireland, none."),
        ({"year_start_month": 13}, "The month the municipal year starts must be from 1 to 12, not 13."),
        ({"year_start_day": 29}, "The day the municipal year starts must be from 1 to 28, not 29."),
        ({"agenda_setting_days": 0},
         "The days between the agenda-setting meeting and the meeting must be from 1 to 90, not 0."),
        ({"resolution_word": "  "}, "The word that introduces resolutions is empty: type one in."),
        ({"declaration_categories": []}, "A committee needs at least one declaration category."),
        ({"declaration_categories": ["Pecuniary", " "]}, "The declaration category is empty: type one in."),
        ({"default_time": "25:00"}, "'25:00' is not a usual start time: type it as 17:30 or 5:30 pm."),
        ({"starting_minute_number": 0}, "The starting minute number must be from 1 to 100000, not 0."),
        ({"colour": "blue"}, "Committees have no setting called colour."),
        ({"colour": "blue", "mascot": "owl"}, "Committees have no setting called colour, mascot."),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(store, committee, settings, message):
    before = store.committees.get(committee.id)
    with pytest.raises(InvalidInput) as raised:
        store.committees.update_settings(committee.id, **settings)
    assert str(raised.value) == message
    assert store.committees.get(committee.id) == before


def test_a_fixed_quorum_keeps_its_stored_number(store, committee):
    store.committees.update_settings(committee.id, quorum_rule="fixed", quorum_number=4)
    # Later changes need not repeat the number...
    assert store.committees.update_settings(committee.id, clear_days=3).quorum_number == 4
    # ...but cannot take it away while the rule is fixed.
    with pytest.raises(InvalidInput, match="fixed quorum needs its number"):
        store.committees.update_settings(committee.id, quorum_number=None)
    assert store.committees.update_settings(committee.id, quorum_rule="half", quorum_number=None).quorum_rule == "half"


def test_update_settings_of_a_missing_committee(store):
    with pytest.raises(NotFound):
        store.committees.update_settings(999, clear_days=3)


# finding by name ------------------------------------------------------------------


@pytest.fixture
def three(store):
    return [
        store.committees.add(name, council=LEICESTER)
        for name in ("Adult Social Care Scrutiny Commission", "Health Scrutiny Commission", "Licensing Committee")
    ]


def test_by_name_exact_ignores_case_and_spaces(store, three):
    assert store.committees.by_name("  licensing committee ").id == three[2].id
    assert store.committees.by_name("Health Scrutiny Commission").id == three[1].id


def test_by_name_takes_a_unique_part(store, three):
    assert store.committees.by_name("adult").id == three[0].id
    assert store.committees.by_name("Licens").id == three[2].id


def test_by_name_exact_wins_over_partial(store, three):
    short = store.committees.add("Health", council=LEICESTER)
    assert store.committees.by_name("health").id == short.id


def test_by_name_ambiguous(store, three):
    with pytest.raises(InvalidInput) as raised:
        store.committees.by_name("scrutiny")
    assert str(raised.value) == (
        "'scrutiny' matches 2 committees: Adult Social Care Scrutiny Commission; "
        "Health Scrutiny Commission. Be more precise."
    )


def test_by_name_missing_lists_the_committees(store, three):
    with pytest.raises(NotFound) as raised:
        store.committees.by_name("Planning")
    assert str(raised.value) == (
        "No committee is called 'Planning'. Committees: Adult Social Care Scrutiny Commission; "
        "Health Scrutiny Commission; Licensing Committee."
    )
    with pytest.raises(NotFound, match="No committee is called ''"):
        store.committees.by_name("")


def test_by_name_with_no_committees(store):
    with pytest.raises(NotFound, match="Committees: none yet."):
        store.committees.by_name("Planning")


# standard items ---------------------------------------------------------------


def test_replace_titles_keeps_the_wording_of_kept_items(store, committee, count):
    before = {item.key: item for item in store.standard_items.list_for(committee.id)}
    store.standard_items.replace_titles(
        committee.id,
        opening=["Declarations of Interest", "apologies for absence", "Chair's announcements",
                 "Minutes of the previous meeting"],
        closing=["Any other urgent business"],
    )
    items = store.standard_items.list_for(committee.id)
    assert [(i.placement, i.position, i.key, i.title) for i in items] == [
        ("opening", 0, "declarations", "DECLARATIONS OF INTEREST"),
        ("opening", 1, "apologies", "APOLOGIES FOR ABSENCE"),
        ("opening", 2, "chair's-announcements", "CHAIR'S ANNOUNCEMENTS"),
        ("opening", 3, "previous-minutes", "MINUTES OF THE PREVIOUS MEETING"),
        ("closing", 0, "urgent-business", "ANY OTHER URGENT BUSINESS"),
    ]
    by_key = {item.key: item for item in items}
    assert by_key["declarations"].description == before["declarations"].description
    assert by_key["previous-minutes"].recommendation == before["previous-minutes"].recommendation
    assert by_key["chair's-announcements"].description is None
    assert count("standard_items", "committee_id = ?", [committee.id]) == 5


def test_replace_titles_leaves_other_committees_alone(store, committee, count):
    other = store.committees.add("Health Scrutiny Commission", council=LEICESTER)
    store.standard_items.replace_titles(committee.id, opening=["Apologies for absence"], closing=[])
    assert count("standard_items", "committee_id = ?", [committee.id]) == 1
    assert len(store.standard_items.list_for(other.id)) == 7


def test_replace_titles_with_an_empty_title_changes_nothing(store, committee):
    before = store.standard_items.list_for(committee.id)
    with pytest.raises(InvalidInput, match="The standard item title is empty"):
        store.standard_items.replace_titles(committee.id, opening=["Apologies for absence", "  "], closing=[])
    assert store.standard_items.list_for(committee.id) == before


def test_declaration_categories_from_lines_of_text(store, committee):
    updated = store.committees.update_settings(
        committee.id, declaration_categories="Pecuniary\n\nOther Registrable Interest\n"
    )
    assert updated.declaration_categories == ("Pecuniary", "Other Registrable Interest")


def test_a_starting_minute_number_needs_its_year(store, committee):
    with pytest.raises(InvalidInput, match="which municipal year"):
        store.committees.update_settings(committee.id, starting_minute_number=86)
    assert store.committees.get(committee.id).starting_minute_number is None
