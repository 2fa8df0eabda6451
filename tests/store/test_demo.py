"""The demo database: the real facts of the Adult Social Care Scrutiny Commission pack."""

from datetime import date, time

import pytest

from store import Conflict, Store
from store.demo import build_demo

# A day long after the last demo meeting (4 May 2021), so every status is settled.
LATER = date(2026, 1, 15)


@pytest.fixture
def demo_store(tmp_path):
    store = Store(tmp_path / "demo.db")
    yield store
    store.close()


@pytest.fixture
def demo(demo_store):
    return demo_store, build_demo(demo_store, today=LATER)


def _meeting(store, committee, day):
    return store.meetings.on(committee.id, day)


def test_the_council_and_committee_are_leicesters(demo):
    store, committee = demo
    body = store.committees.body(committee.body_id)
    assert body.name == "Leicester City Council"
    assert body.website == "www.cabinet.leicester.gov.uk"
    assert committee.name == "Adult Social Care Scrutiny Commission"
    assert [c.name for c in store.committees.list()] == ["Adult Social Care Scrutiny Commission"]


def test_the_committee_settings_come_from_the_pack(demo):
    _, committee = demo
    assert committee.default_time == time(17, 30)
    assert committee.default_place == "Virtual Meeting using Zoom"
    assert committee.livestream_url == "https://www.youtube.com/results?search_query=leicester+democracy"
    assert committee.agenda_setting_days == 15
    assert committee.resolution_word == "AGREED"
    assert committee.starting_minute_number == 86
    assert committee.starting_minute_year == 2020
    assert committee.clear_days == 5
    assert committee.holiday_region == "england-wales"


def test_public_information_is_the_front_sheets_text(demo):
    _, committee = demo
    text = committee.public_information
    assert text.startswith("PLEASE NOTE that any member of the press and public may listen in")
    assert text.endswith("For Press Enquiries - please phone the Communications Unit on 0116 454 4151")
    paragraphs = text.split("\n\n")
    assert "Attending meetings and access to information" in paragraphs
    assert any("www.cabinet.leicester.gov.uk" in p for p in paragraphs)
    assert any("contact Angie Smith, Democratic Support on (0116) 454 6354" in p for p in paragraphs)
    assert len(paragraphs) == 9
    assert "<u>" not in text


def test_the_standard_items_are_leicesters_defaults(demo):
    store, committee = demo
    titles = [item.title for item in store.standard_items.list_for(committee.id)]
    assert titles[0] == "APOLOGIES FOR ABSENCE"
    assert titles[-1] == "ANY OTHER URGENT BUSINESS"
    assert len(titles) == 7


def test_members_are_those_on_the_front_sheet(demo):
    store, committee = demo
    members = store.members.list_for(committee.id)
    assert [(m.role, m.display_name) for m in members] == [
        ("chair", "Councillor Joshi"),
        ("vice-chair", "Councillor March"),
        ("member", "Councillor Batool"),
        ("member", "Councillor Kaur Saini"),
        ("member", "Councillor Kitterick"),
        ("member", "Councillor Thalukdar"),
        ("standing-invitee", "Representative of Healthwatch Leicester"),
    ]
    assert {m.start_date for m in members} == {date(2020, 5, 1)}
    assert {m.end_date for m in members} == {None}
    assert len(store.members.list_for(committee.id, on=date(2021, 3, 9))) == 7
    assert store.members.list_for(committee.id, on=date(2020, 4, 30)) == []


def test_the_chair_is_joshi_and_votes(demo):
    store, committee = demo
    chair = store.members.list_for(committee.id)[0]
    assert chair.role == "chair"
    assert chair.person.name == "Joshi"
    assert chair.person.title == "Councillor"
    assert chair.voting is True


def test_the_healthwatch_representative_is_a_non_voting_invitee(demo):
    store, committee = demo
    invitee = next(m for m in store.members.list_for(committee.id) if m.role == "standing-invitee")
    assert invitee.person.name == "Representative of Healthwatch Leicester"
    assert invitee.person.title == ""
    assert invitee.voting is False
    voting = [m.person.name for m in store.members.list_for(committee.id) if m.voting]
    assert len(voting) == 6


def test_angie_smith_is_the_committee_contact(demo):
    store, committee = demo
    contacts = store.officers.contacts_for(committee.id)
    assert len(contacts) == 1
    contact = contacts[0]
    assert contact.role == "Democratic Support Officer"
    assert contact.officer.name == "Angie Smith"
    assert contact.officer.job_title == "Democratic Support Officer"
    assert contact.officer.phone == "(0116) 454 6354"
    assert contact.officer.email == "angie.smith@leicester.gov.uk"


def test_work_programme_initials_find_their_officers(demo):
    store, committee = demo
    assert store.officers.find("KG", committee.body_id).name == "Kate Galoppi"
    samuels = store.officers.find("MS", committee.body_id)
    assert samuels.name == "Martin Samuels"
    assert samuels.job_title == "Strategic Director Social Care and Education"
    # The pack never writes out TR's name, so the officer is known by the initials only.
    tr = store.officers.find("TR", committee.body_id)
    assert (tr.name, tr.initials) == ("TR", "TR")
    assert sorted(o.name for o in store.officers.list(committee.body_id)) == [
        "Angie Smith",
        "Kate Galoppi",
        "Martin Samuels",
        "TR",
    ]


def test_joshis_standing_interest_is_registered(demo):
    store, _ = demo
    joshi = store.people.find("Joshi")
    [interest] = store.interests.list_for(joshi.id)
    assert interest.category == "Other Disclosable Interest"
    assert interest.nature == "his wife worked for the Reablement Team at Leicester City Council"
    assert store.interests.list_for(store.people.find("March").id) == []


def test_the_meetings_are_the_real_ones(demo):
    store, committee = demo
    meetings = store.meetings.list_for(committee.id)
    assert [m.date for m in meetings] == [
        date(2020, 11, 10),
        date(2021, 1, 19),
        date(2021, 3, 9),
        date(2021, 5, 4),
    ]
    for meeting in meetings:
        assert meeting.start_time == time(17, 30)
        assert meeting.place == "Virtual Meeting using Zoom"
        assert meeting.livestream_url == committee.livestream_url
    assert [m.date for m in store.meetings.list_for(committee.id, year=2020)] == [
        date(2020, 11, 10),
        date(2021, 1, 19),
        date(2021, 3, 9),
    ]
    assert store.meetings.years_for(committee.id) == [2020, 2021]


def test_deadlines_match_the_pack(demo):
    store, committee = demo
    march = store.meetings.deadline(_meeting(store, committee, "2021-03-09"), LATER)
    assert march.last_day == date(2021, 3, 1)
    assert march.agenda_setting == date(2021, 2, 22)  # "Agenda mtg 22 Feb"
    assert march.missed is False
    january = store.meetings.deadline(_meeting(store, committee, "2021-01-19"), LATER)
    assert january.agenda_setting == date(2021, 1, 4)  # "Agenda meeting 4th Jan"
    may = store.meetings.deadline(_meeting(store, committee, "2021-05-04"), LATER)
    assert may.agenda_setting == date(2021, 4, 19)  # "Agenda mtg 19 April"


def test_first_minute_numbers(demo):
    store, committee = demo
    january = _meeting(store, committee, "2021-01-19")
    assert store.minute_numbers.first_for(january.id) == 86
    # January holds minutes 86-97, so the next meeting continues at 98.
    march = _meeting(store, committee, "2021-03-09")
    assert store.minute_numbers.first_for(march.id) == 98
    # 4 May 2021 falls in municipal year 2021/22, where numbering restarts.
    may = _meeting(store, committee, "2021-05-04")
    assert store.minute_numbers.first_for(may.id) == 1


def test_statuses_long_after_the_meetings(demo):
    store, committee = demo
    statuses = {m.date.isoformat(): m.status for m in store.meetings.list_for(committee.id)}
    assert statuses == {
        "2020-11-10": "minutes-confirmed",
        "2021-01-19": "minutes-confirmed",
        "2021-03-09": "held",  # the demo holds no minutes of 9 March: they are the clerk's to take
        "2021-05-04": "held",
    }


def test_published_at_is_the_last_publication_day_not_today(demo):
    store, committee = demo
    march = _meeting(store, committee, "2021-03-09")
    assert march.published_at == "2021-03-01"


def test_statuses_follow_today(demo_store):
    committee = build_demo(demo_store, today=date(2021, 3, 5))
    statuses = {m.date.isoformat(): m.status for m in demo_store.meetings.list_for(committee.id)}
    assert statuses == {
        "2020-11-10": "minutes-confirmed",
        "2021-01-19": "held",
        "2021-03-09": "agenda-published",
        "2021-05-04": "scheduled",
    }
    may = demo_store.meetings.on(committee.id, "2021-05-04")
    assert demo_store.meetings.deadline(may, date(2021, 3, 5)).missed is False


def test_on_the_last_publication_day_the_agenda_is_not_yet_marked_published(demo_store):
    committee = build_demo(demo_store, today=date(2021, 3, 1))
    march = demo_store.meetings.on(committee.id, "2021-03-09")
    assert march.status == "scheduled"
    assert demo_store.meetings.deadline(march, date(2021, 3, 1)).missed is False


def test_a_meeting_is_not_held_on_its_own_day(demo_store):
    committee = build_demo(demo_store, today=date(2021, 3, 9))
    march = demo_store.meetings.on(committee.id, "2021-03-09")
    assert march.status == "agenda-published"
    assert demo_store.meetings.on(committee.id, "2021-01-19").status == "held"


def test_before_any_meeting_everything_is_scheduled(demo_store):
    committee = build_demo(demo_store, today=date(2020, 6, 1))
    assert {m.status for m in demo_store.meetings.list_for(committee.id)} == {"scheduled"}


def test_today_defaults_to_the_real_date(demo_store):
    committee = build_demo(demo_store)
    # Every demo meeting is years in the past.
    assert demo_store.meetings.on(committee.id, "2021-05-04").status == "held"


def test_building_twice_is_refused_and_changes_nothing(demo):
    store, committee = demo
    with pytest.raises(Conflict, match="already holds the demo"):
        build_demo(store, today=LATER)
    assert len(store.committees.list()) == 1
    assert len(store.committees.bodies()) == 1
    assert len(store.meetings.list_for(committee.id)) == 4
    assert len(store.members.list_for(committee.id)) == 7
    assert len(store.officers.list()) == 4


def test_the_demo_survives_reopening(tmp_path):
    path = tmp_path / "demo.db"
    with Store(path) as store:
        build_demo(store, today=LATER)
    with Store(path) as store:
        committee = store.committees.by_name("Adult Social Care")
        assert store.members.list_for(committee.id)[0].person.name == "Joshi"
        assert len(store.meetings.list_for(committee.id)) == 4


def test_january_has_agenda_and_minutes_and_march_its_published_agenda(demo):
    store, committee = demo
    january = _meeting(store, committee, "2021-01-19")
    march = _meeting(store, committee, "2021-03-09")
    assert len(store.agenda.list_for(march.id)) == 12
    assert store.db.execute("SELECT count(*) FROM agenda_items").fetchone()[0] == 24
    for table, rows in (("minutes", 12), ("attendance", 6), ("declarations", 1)):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == rows
        assert store.db.execute(f"SELECT count(*) FROM {table} WHERE meeting_id = ?", [january.id]).fetchone()[0] == rows
    minutes = store.minutes.list_for(january.id)
    assert [m.number for m in minutes] == list(range(86, 98))
    assert {m.status for m in minutes} == {"confirmed"}
    assert january.closed_at == time(20, 11)


def test_before_9_march_the_january_minutes_are_drafts(demo_store):
    committee = build_demo(demo_store, today=date(2021, 3, 5))
    january = demo_store.meetings.on(committee.id, "2021-01-19")
    minutes = demo_store.minutes.list_for(january.id)
    assert [m.number for m in minutes] == list(range(86, 98))
    assert {m.status for m in minutes} == {"draft"}


def test_demo_programme_is_appendix_f_with_january_considered():
    with Store(":memory:") as store:
        committee = build_demo(store, today=date(2021, 3, 2))
        topics = store.programme.list_for(committee.id, 2020)
        january = [t for t in topics if t.meeting_date == date(2021, 1, 19)]
        assert sorted(t.minute_number for t in january) == [91, 92, 93, 94, 95]
        assert all(t.status == "considered" for t in january)
        march = [t for t in topics if t.meeting_date == date(2021, 3, 9)]
        assert [t.lead_officer_text for t in march] == ["KG", "TR", "TR", "KG", "MS"]
        assert {t.list for t in topics if t.meeting_id is None} == {"possible", "watching"}

