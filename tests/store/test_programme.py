"""The work programme: topics per meeting, lead officers, the life cycle to the minutes, actions."""

from __future__ import annotations

from datetime import date

import pytest

from store import InvalidInput, NotFound

TODAY = date(2021, 3, 2)  # a frozen clock: 19 January has passed, 9 March and 4 May have not
JANUARY, MARCH, MAY = date(2021, 1, 19), date(2021, 3, 9), date(2021, 5, 4)


@pytest.fixture
def meetings(store, committee):
    """The three meetings of the fixture's work programme, by date."""
    return {day: store.meetings.add(committee.id, day) for day in (JANUARY, MARCH, MAY)}


@pytest.fixture
def officers(store, committee):
    """The work programme's lead officers, as the fixture writes them."""
    return {
        "KG": store.officers.add(committee.body_id, "Kate Galoppi", initials="KG"),
        "MS": store.officers.add(committee.body_id, "Martin Samuels", initials="MS"),
        "TR": store.officers.add(committee.body_id, "TR", initials="TR"),
    }


def add(store, committee, topic: str, meeting=None, **fields):
    return store.programme.add(committee.id, topic, TODAY, meeting_id=meeting.id if meeting else None, **fields)


# scheduling, moving and unscheduling ----------------------------------------------------
def test_a_topic_for_a_meeting_is_scheduled(store, committee, meetings, officers):
    item = add(store, committee, "Procurement plan for 2021/22", meetings[MARCH], lead_officers="KG")
    assert (item.status, item.meeting_id, item.meeting_date) == ("scheduled", meetings[MARCH].id, MARCH)
    assert item.lead_officers == ("KG",)
    assert item.municipal_year == 2020
    assert store.programme.suggestions_for(meetings[MARCH].id) == [item]


def test_a_topic_without_a_meeting_is_proposed_in_todays_year(store, committee, meetings):
    item = add(store, committee, "Carers Strategy", list="possible")
    assert (item.status, item.meeting_id, item.list, item.municipal_year) == ("proposed", None, "possible", 2020)
    assert [i.topic for i in store.programme.list_for(committee.id, 2020)] == ["Carers Strategy"]


def test_list_for_orders_meetings_by_date_then_the_unscheduled(store, committee, meetings):
    add(store, committee, "Tackling isolation", list="possible")
    add(store, committee, "Dementia Strategy update", meetings[MAY])
    add(store, committee, "ASC Annual Complaints Report", meetings[MARCH])
    add(store, committee, "Covid19 update", meetings[MARCH])
    topics = [i.topic for i in store.programme.list_for(committee.id, 2020)]
    # 4 May 2021 opens the municipal year 2021/22 (the year starts on 1 May)
    assert topics == ["ASC Annual Complaints Report", "Covid19 update", "Tackling isolation"]
    assert [i.topic for i in store.programme.list_for(committee.id, 2021)] == ["Dementia Strategy update"]


def test_move_a_topic_to_another_meeting(store, committee, meetings):
    first = add(store, committee, "Covid19 update", meetings[MARCH])
    moved = store.programme.schedule(first.id, meetings[MAY].id, TODAY)
    assert (moved.meeting_id, moved.status, moved.municipal_year) == (meetings[MAY].id, "scheduled", 2021)
    assert store.programme.suggestions_for(meetings[MARCH].id) == []
    assert [i.id for i in store.programme.suggestions_for(meetings[MAY].id)] == [first.id]


def test_a_moved_topic_goes_to_the_end_of_its_new_meeting(store, committee, meetings):
    already = add(store, committee, "Dementia Strategy update", meetings[MAY])
    moved = add(store, committee, "Covid19 update", meetings[MARCH])
    store.programme.schedule(moved.id, meetings[MAY].id, TODAY)
    assert [i.id for i in store.programme.suggestions_for(meetings[MAY].id)] == [already.id, moved.id]


def test_unschedule_a_topic(store, committee, meetings, count):
    item = add(store, committee, "Supported Living and Extra Care Housing", meetings[MARCH])
    back = store.programme.schedule(item.id, None, TODAY)
    assert (back.meeting_id, back.status, back.list) == (None, "proposed", "programme")
    assert count("work_programme_items", "meeting_id IS NULL") == 1
    again = store.programme.schedule(item.id, meetings[MARCH].id, TODAY)
    assert again.status == "scheduled"


def test_scheduling_a_possible_item_puts_it_in_the_programme(store, committee, meetings):
    item = add(store, committee, "Carers Strategy", list="possible")
    scheduled = store.programme.schedule(item.id, meetings[MAY].id, TODAY)
    assert (scheduled.list, scheduled.status) == ("programme", "scheduled")


# lead officers ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "stored"),
    [("KG", ("KG",)), ("kg", ("KG",)), ("Martin Samuels", ("MS",)), ("Galoppi", ("KG",)),
     ("TR/KG", ("TR", "KG")), ("TR / KG", ("TR", "KG")), ("MS, KG", ("MS", "KG")), ("KG/KG", ("KG",)),
     ("", ()), (None, ())],
)
def test_lead_officers_by_initials_or_name(store, committee, meetings, officers, typed, stored):
    item = add(store, committee, "Executive response re: 'ASC Workforce Scrutiny Review report'",
               meetings[MAY], lead_officers=typed)
    assert item.lead_officers == stored
    assert store.programme.get(item.id).lead_officer_text == "/".join(stored)


def test_unknown_officer_is_refused_and_nothing_is_written(store, committee, meetings, officers, count):
    with pytest.raises(InvalidInput) as raised:
        add(store, committee, "Dementia Strategy update", meetings[MAY], lead_officers="KG/ZZ")
    assert str(raised.value) == (
        "No officer has the initials or name 'ZZ'. Add them in the Members pane (9) first."
    )
    assert count("work_programme_items") == 0
    assert count("work_programme_leads") == 0


def test_changing_lead_officers_to_an_unknown_one_changes_nothing(store, committee, meetings, officers):
    item = add(store, committee, "Dementia Strategy update", meetings[MAY], lead_officers="KG")
    with pytest.raises(InvalidInput):
        store.programme.update(item.id, topic="Dementia Strategy", lead_officers="Nobody")
    assert store.programme.get(item.id) == item


def test_update_topic_leads_and_notes(store, committee, meetings, officers):
    item = add(store, committee, "Dementia Strategy update", meetings[MAY], lead_officers="KG")
    changed = store.programme.update(item.id, topic="Dementia Strategy", lead_officers="TR/KG",
                                     actions_arising="Members to visit a day centre", progress="Report drafted")
    assert (changed.topic, changed.lead_officers) == ("Dementia Strategy", ("TR", "KG"))
    assert (changed.actions_arising, changed.progress) == ("Members to visit a day centre", "Report drafted")
    cleared = store.programme.update(item.id, lead_officers="", progress="")
    assert (cleared.lead_officers, cleared.progress) == ((), None)


# bad input -------------------------------------------------------------------------------
@pytest.mark.parametrize("topic", ["", "   ", None])
def test_empty_topic_is_refused(store, committee, meetings, topic, count):
    with pytest.raises(InvalidInput) as raised:
        add(store, committee, topic, meetings[MARCH])
    assert "topic" in str(raised.value)
    assert count("work_programme_items") == 0


def test_unknown_list_is_refused(store, committee, count):
    with pytest.raises(InvalidInput) as raised:
        add(store, committee, "Carers Strategy", list="someday")
    assert str(raised.value) == "'someday' is not a list: choose one of programme, possible, watching."
    assert count("work_programme_items") == 0


def test_a_topic_for_a_past_meeting_is_refused(store, committee, meetings, count):
    with pytest.raises(InvalidInput) as raised:
        add(store, committee, "Annual Safeguarding Report", meetings[JANUARY])
    assert str(raised.value) == "The meeting of Tuesday 19 January 2021 has passed; choose a later one."
    assert count("work_programme_items") == 0


def test_a_topic_for_a_cancelled_meeting_is_refused(store, committee, meetings, count):
    store.meetings.cancel(meetings[MAY].id, "No business")
    with pytest.raises(InvalidInput) as raised:
        add(store, committee, "Dementia Strategy update", meetings[MAY])
    assert str(raised.value) == "The meeting of Tuesday 4 May 2021 is cancelled; choose another."
    assert count("work_programme_items") == 0


def test_moving_to_a_past_or_cancelled_meeting_changes_nothing(store, committee, meetings):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    store.meetings.cancel(meetings[MAY].id)
    for meeting in (meetings[JANUARY], meetings[MAY]):
        with pytest.raises(InvalidInput):
            store.programme.schedule(item.id, meeting.id, TODAY)
    assert store.programme.get(item.id) == item


def test_a_meeting_of_another_committee_is_refused(store, committee, count):
    other = store.committees.add("Health and Wellbeing Scrutiny Commission", council="Leicester City Council")
    theirs = store.meetings.add(other.id, MARCH)
    with pytest.raises(InvalidInput) as raised:
        store.programme.add(committee.id, "Covid19 update", TODAY, meeting_id=theirs.id)
    assert str(raised.value) == "That meeting belongs to another committee."
    assert count("work_programme_items") == 0


def test_unknown_topic(store):
    with pytest.raises(NotFound):
        store.programme.get(404)


# the life cycle: topic → agenda → minute -------------------------------------------------
def test_topic_to_agenda_to_minute(store, committee, meetings, officers):
    item = add(store, committee, "Procurement plan for 2021/22", meetings[MARCH], lead_officers="KG")
    agenda_item = store.programme.place_on_agenda(item.id)
    assert agenda_item.title == "PROCUREMENT PLAN FOR 2021/22"
    assert agenda_item.lead_officer_id == officers["KG"].id
    on_agenda = store.programme.get(item.id)
    assert (on_agenda.status, on_agenda.agenda_item_id) == ("on-agenda", agenda_item.id)
    assert store.programme.suggestions_for(meetings[MARCH].id) == []
    assert store.programme.place_on_agenda(item.id).id == agenda_item.id  # twice: still one item
    minute = store.minutes.take_item(agenda_item.id)
    considered = store.programme.get(item.id)
    assert (considered.status, considered.minute_number) == ("considered", minute.number)


def test_the_whole_agenda_taken_numbers_the_topics(store, committee, meetings):
    store.committees.update_settings(committee.id, starting_minute_number=98, starting_minute_year=2020)
    store.agenda.start_from_standard_items(meetings[MARCH].id)
    first = add(store, committee, "Procurement plan for 2021/22", meetings[MARCH])
    second = add(store, committee, "Community Opportunities / Day care Review", meetings[MARCH])
    for item in (first, second):
        store.programme.place_on_agenda(item.id)
    store.minutes.take_agenda(meetings[MARCH].id)
    numbers = [store.programme.get(i.id).minute_number for i in (first, second)]
    assert numbers == [103, 104]  # after the five opening standard items, 98-102
    assert {store.programme.get(i.id).status for i in (first, second)} == {"considered"}


def test_an_unscheduled_topic_cannot_go_on_an_agenda(store, committee, count):
    item = add(store, committee, "Carers Strategy", list="possible")
    with pytest.raises(InvalidInput):
        store.programme.place_on_agenda(item.id)
    assert count("agenda_items") == 0


def test_a_topic_on_an_agenda_cannot_move(store, committee, meetings):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    store.programme.place_on_agenda(item.id)
    with pytest.raises(InvalidInput) as raised:
        store.programme.schedule(item.id, meetings[MAY].id, TODAY)
    assert "already on its meeting's agenda" in str(raised.value)
    assert store.programme.get(item.id).meeting_id == meetings[MARCH].id


def test_drop_and_take_back(store, committee, meetings):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    assert store.programme.set_status(item.id, "dropped").status == "dropped"
    assert store.programme.suggestions_for(meetings[MARCH].id) == []
    assert store.programme.set_status(item.id, "scheduled").status == "scheduled"
    unscheduled = add(store, committee, "Tackling isolation", list="possible")
    store.programme.set_status(unscheduled.id, "dropped")
    assert store.programme.set_status(unscheduled.id, "proposed").status == "proposed"


def test_a_dropped_topic_stays_dropped_when_moved(store, committee, meetings):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    store.programme.set_status(item.id, "dropped")
    assert store.programme.schedule(item.id, meetings[MAY].id, TODAY).status == "dropped"


@pytest.mark.parametrize("status", ["considered", "on-agenda", "finished"])
def test_other_statuses_are_not_set_by_hand(store, committee, meetings, status):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    with pytest.raises(InvalidInput):
        store.programme.set_status(item.id, status)
    assert store.programme.get(item.id).status == "scheduled"


def test_remove_a_topic(store, committee, meetings, count):
    item = add(store, committee, "Covid19 update", meetings[MARCH], lead_officers=None)
    store.programme.remove(item.id)
    assert count("work_programme_items") == 0


def test_remove_is_refused_once_on_an_agenda(store, committee, meetings, count):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    store.programme.place_on_agenda(item.id)
    with pytest.raises(InvalidInput) as raised:
        store.programme.remove(item.id)
    assert str(raised.value) == "This topic has reached an agenda or the minutes; mark it dropped instead."
    assert count("work_programme_items") == 1


def test_remove_after_the_agenda_item_was_withdrawn(store, committee, meetings, count):
    item = add(store, committee, "Covid19 update", meetings[MARCH])
    agenda_item = store.programme.place_on_agenda(item.id)
    store.agenda.set_status(agenda_item.id, "withdrawn")
    store.programme.remove(item.id)
    assert count("work_programme_items") == 0
    assert store.agenda.get(agenda_item.id).work_programme_item_id is None


# resolutions, actions and the overdue ones -----------------------------------------------
BROUGHT_BACK = ("And that, a detailed report be brought back to the Adult Social Care Scrutiny Commission "
                "on the increasing cost of packages of £12.5 million.")


@pytest.fixture
def budget_minute(store, committee, meetings):
    """Minute 93 of 19 January 2021: the draft budget, with the report asked to come back."""
    store.committees.update_settings(committee.id, starting_minute_number=93, starting_minute_year=2020)
    item = store.agenda.add(meetings[JANUARY].id, "Draft General Fund Budget and Draft Capital Budget 2021/21")
    return store.minutes.take_item(item.id)


def test_topic_from_resolution(store, committee, meetings, budget_minute):
    store.resolutions.add(budget_minute.id, "The Commission note the report,")
    resolution = store.resolutions.add(budget_minute.id, BROUGHT_BACK)
    action = store.actions.add(committee.id, "A detailed report on the cost of packages",
                               resolution_id=resolution.id, owner="Director of Finance")
    item = store.programme.topic_from_resolution(resolution.id, TODAY)
    assert item.topic == ("A detailed report be brought back to the Adult Social Care Scrutiny Commission "
                          "on the increasing cost of packages of £12.5 million")
    assert (item.list, item.status, item.meeting_id) == ("possible", "proposed", None)
    assert item.actions_arising == "Minute 93 (Tuesday 19 January 2021)"
    assert [a.id for a in store.actions.for_topic(item.id)] == [action.id]


def test_topic_from_an_unknown_resolution(store, count):
    with pytest.raises(NotFound):
        store.programme.topic_from_resolution(404, TODAY)
    assert count("work_programme_items") == 0


def test_removing_a_topic_keeps_its_actions(store, committee, meetings, budget_minute, count):
    resolution = store.resolutions.add(budget_minute.id, BROUGHT_BACK)
    store.actions.add(committee.id, "A detailed report on the cost of packages", resolution_id=resolution.id)
    item = store.programme.topic_from_resolution(resolution.id, TODAY)
    store.programme.remove(item.id)
    assert count("actions", "work_programme_item_id IS NULL") == 1


def test_overdue_actions_against_a_frozen_today(store, committee, meetings, budget_minute):
    resolution = store.resolutions.add(budget_minute.id, BROUGHT_BACK)
    report = store.actions.add(committee.id, "A detailed report on the cost of packages",
                               resolution_id=resolution.id, target_meeting_id=meetings[MARCH].id)
    later = store.actions.add(committee.id, "Benchmarking data", resolution_id=resolution.id,
                              target_meeting_id=meetings[MAY].id)
    no_target = store.actions.add(committee.id, "Re-admission figures", resolution_id=resolution.id)
    assert store.actions.overdue(committee.id, TODAY) == []
    assert store.actions.overdue(committee.id, MARCH) == []  # on the day of the meeting: not yet
    day_after = date(2021, 3, 10)
    assert [a.id for a in store.actions.overdue(committee.id, day_after)] == [report.id]
    store.actions.update(report.id, status="done", progress="Report at the 9 March meeting")
    assert store.actions.overdue(committee.id, day_after) == []
    assert [a.id for a in store.actions.overdue(committee.id, date(2021, 5, 5))] == [later.id]
    log = store.actions.log_for(committee.id)
    assert [(a.id, number) for a, number in log] == [(report.id, 93), (later.id, 93), (no_target.id, 93)]
    assert log[0][0].progress == "Report at the 9 March meeting"


def test_action_status_must_be_known(store, committee, budget_minute):
    action = store.actions.add(committee.id, "Benchmarking data")
    with pytest.raises(InvalidInput):
        store.actions.update(action.id, status="finished")
    assert store.actions.get(action.id).status == "open"


def test_a_dropped_topic_or_one_for_a_cancelled_meeting_stays_off_the_agenda(store, committee, meetings, count):
    dropped = add(store, committee, "Covid19 update", meetings[MARCH])
    store.programme.set_status(dropped.id, "dropped")
    with pytest.raises(InvalidInput) as raised:
        store.programme.place_on_agenda(dropped.id)
    assert str(raised.value) == "This topic is dropped; take it back before putting it on an agenda."
    stranded = add(store, committee, "Dementia Strategy update", meetings[MAY])
    store.meetings.cancel(meetings[MAY].id)
    with pytest.raises(InvalidInput) as raised:
        store.programme.place_on_agenda(stranded.id)
    assert str(raised.value) == "The meeting of Tuesday 4 May 2021 is cancelled; move the topic to another."
    assert count("agenda_items") == 0
