"""A meeting as JSON (design.md): the shape, the values, the public-only rule."""

import json
from datetime import date

import pytest

from store import NotFound, Store
from store.demo import build_demo
from store.exports import meeting_as_dict, meeting_as_json

LATER = date(2026, 1, 15)
DESIGN_KEYS = [
    "committee",
    "date",
    "start",
    "place",
    "status",
    "first_minute_number",
    "closed_at",
    "attendance",
    "declarations",
    "agenda",
    "minutes",
]
EXTRA_KEYS = ["livestream_url", "agenda_setting_date", "last_publication_date"]

# The meeting of 19 January 2021 as the pack's Appendix A records it: agenda item
# (standard key or None, title), minute number = 86 + index.
JANUARY_ITEMS = [
    ("apologies", "APOLOGIES FOR ABSENCE"),
    ("declarations", "DECLARATIONS OF INTEREST"),
    ("previous-minutes", "MINUTES OF THE PREVIOUS MEETING"),
    ("petitions", "PETITIONS"),
    ("questions", "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE"),
    (None, "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE"),
    (None, "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20"),
    (None, "DRAFT GENERAL FUND BUDGET AND DRAFT CAPITAL BUDGET 2021/21"),
    (None, "COVID-19 RECOVERY PLANS UPDATE"),
    (
        None,
        "RESPONSE TO THE ADULT SOCIAL CARE SCRUTINY COMMISSION TASK GROUP REVIEW INTO "
        "SOCIAL CARE EXTERNAL WORKFORCE",
    ),
    ("work-programme", "WORK PROGRAMME"),
    ("urgent-business", "ANY OTHER URGENT BUSINESS"),
]
# Words from each minute's text (minute 87's text is worded from the declaration by
# the Markdown export, so the minute itself holds none).
JANUARY_TEXT = {
    86: "There were no apologies for absence.",
    89: "The Monitoring Officer reported that none were received.",
    91: "It was noted that the company was resolute on paying the outstanding £200,000",
    97: "There being no items of urgent business, the Chair declared the meeting closed at 08:11pm.",
}
JANUARY_RESOLUTIONS = {
    88: [
        "That the minutes of the Adult Social Care Scrutiny Commission Meeting held on "
        "10 November 2020 be confirmed as a correct record."
    ],
    91: [
        "That, the company consider the comments made by the Commission and provide good working "
        "conditions for frontline staff;",
        "That the company restore business relationships with Leicester City Council;",
        "And that, the company ensure that the financial debt is resolved by the end of the "
        "financial year.",
    ],
    92: ["That the members of the Commission be requested to note the report."],
}


# ---------------------------------------------------------------- helpers (raw SQL)
def _insert(db, table: str, **values) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())).lastrowid


def _item(db, meeting_id, position, title, **values) -> int:
    return _insert(db, "agenda_items", meeting_id=meeting_id, position=position, title=title, **values)


def _minute(db, meeting, position, number, title, body="", **values) -> int:
    return _insert(
        db,
        "minutes",
        meeting_id=meeting.id,
        committee_id=meeting.committee_id,
        municipal_year=2020 if meeting.date < date(2021, 5, 1) else 2021,
        position=position,
        number=number,
        title=title,
        body=body,
        **values,
    )


def _resolution(db, minute_id, position, text) -> int:
    return _insert(db, "resolutions", minute_id=minute_id, position=position, text=text)


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def json_store(tmp_path):
    store = Store(tmp_path / "export.db")
    yield store
    store.close()


@pytest.fixture
def demo(json_store):
    return json_store, build_demo(json_store, today=LATER)


@pytest.fixture
def january(demo):
    """The demo's 19 January 2021 meeting, which the demo records through the store as its minutes do."""
    store, committee = demo
    return store, committee, store.meetings.on(committee.id, "2021-01-19")


@pytest.fixture
def march(json_store):
    """The demo's 9 March 2021 meeting, as on 1 February 2021 (no agenda yet), given the pack's
    agenda and appendices with the pack's page counts."""
    store = json_store
    committee = build_demo(store, today=date(2021, 2, 1))
    db = store.db
    meeting = store.meetings.on(committee.id, "2021-03-09")
    agenda = [
        ("APOLOGIES FOR ABSENCE", []),
        ("DECLARATIONS OF INTEREST", []),
        ("MINUTES OF THE PREVIOUS MEETING", [("A", 8)]),
        ("PETITIONS", []),
        ("QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE", []),
        ("PROCUREMENT PLAN FOR 2021/23", [("B", 6)]),
        ("IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES", [("C", None)]),
        ("ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", [("D", 38)]),
        ("SUPPORTED LIVING AND EXTRA CARE HOUSING", [("E", 62)]),
        ("COVID-19 UPDATE", []),
        ("WORK PROGRAMME", [("F", 4)]),
        ("ANY OTHER URGENT BUSINESS", []),
    ]
    for position, (title, documents) in enumerate(agenda):
        item_id = _item(db, meeting.id, position, title)
        for doc_position, (label, pages) in enumerate(documents):
            _insert(
                db,
                "documents",
                agenda_item_id=item_id,
                position=doc_position,
                kind="pdf",
                appendix_label=label,
                title=title.title(),
                pages=pages,
            )
    return store, committee, meeting


@pytest.fixture
def private(json_store):
    """A made-up committee whose meeting has an exempt item and a substitute."""
    store = json_store
    committee = store.committees.add("Test Committee", "Test Council", default_time="10:00")
    chair = store.members.add(committee.id, "Able", role="chair", start_date="2020-05-01")
    store.members.add(committee.id, "Baker", role="member", start_date="2020-05-01")
    store.members.add(committee.id, "Cole", role="substitute", start_date="2020-05-01")
    # Dee chaired last year and sits as a member this year.
    store.members.add(committee.id, "Dee", role="vice-chair", start_date="2019-05-01", end_date="2020-04-30")
    store.members.add(committee.id, "Dee", role="member", start_date="2020-05-01")
    meeting = store.meetings.add(committee.id, "2020-09-01")
    db = store.db
    people = {name: store.people.find(name).id for name in ("Able", "Baker", "Cole", "Dee")}
    _insert(db, "attendance", meeting_id=meeting.id, person_id=people["Dee"], status="present")
    _insert(db, "attendance", meeting_id=meeting.id, person_id=chair.person.id, status="present")
    _insert(db, "attendance", meeting_id=meeting.id, person_id=people["Baker"], status="apologies")
    _insert(
        db, "attendance", meeting_id=meeting.id, person_id=people["Cole"], status="substitute",
        substitute_for_id=people["Baker"],
    )
    public_id = _item(db, meeting.id, 0, "PUBLIC REPORT")
    _insert(db, "documents", agenda_item_id=public_id, position=0, kind="pdf", appendix_label="A",
            title="Public report", pages=3)
    _insert(db, "documents", agenda_item_id=public_id, position=1, kind="pdf", appendix_label="A1",
            title="Its annex", pages=2)
    exempt_id = _item(db, meeting.id, 1, "PRIVATE CONTRACT", exempt_paragraph=3)
    _insert(db, "documents", agenda_item_id=exempt_id, position=0, kind="pdf", appendix_label="B",
            title="Private report", pages=10)
    late_id = _item(db, meeting.id, 2, "LATE REPORT", supplementary=1)
    _insert(db, "documents", agenda_item_id=late_id, position=0, kind="pdf", appendix_label="C",
            title="Late report", pages=4)
    after_id = _item(db, meeting.id, 3, "LAST REPORT")
    _insert(db, "documents", agenda_item_id=after_id, position=0, kind="pdf", appendix_label="D",
            title="Last report", pages=5)
    withdrawn_id = _item(db, meeting.id, 4, "WITHDRAWN ITEM", status="withdrawn")
    _minute(db, meeting, 0, 1, "PUBLIC REPORT", "Open discussion.", agenda_item_id=public_id)
    _minute(db, meeting, 1, 2, "EXCLUSION OF THE PRESS AND PUBLIC", "Paragraph 3 applies.")
    secret = _minute(db, meeting, 2, 3, "PRIVATE CONTRACT", "SECRET bid prices were discussed.",
                     agenda_item_id=exempt_id)
    _resolution(db, secret, 0, "That the SECRET bid be accepted.")
    marked = _minute(db, meeting, 3, 4, "ANOTHER PRIVATE MATTER", "SECRET staffing matter.",
                     exempt_paragraph=1)
    _resolution(db, marked, 0, "That the SECRET matter be noted.")
    _insert(db, "declarations", meeting_id=meeting.id, person_id=people["Dee"], agenda_item_id=exempt_id,
            position=1, category="Disclosable Pecuniary Interest", nature="she owns a bidder", action="withdrew")
    _insert(db, "declarations", meeting_id=meeting.id, person_id=people["Able"], position=2,
            category="Non-registrable Interest", nature="he knows a bidder", action="remained")
    _insert(db, "declarations", meeting_id=meeting.id, person_id=people["Baker"],
            agenda_item_id=withdrawn_id, position=0, category="Other Disclosable Interest",
            nature="a governor of a school", action="did-not-vote")
    return store, committee, meeting


# ---------------------------------------------------------------- shape
def test_every_field_is_present_in_the_designs_order(demo):
    store, committee = demo
    meeting = store.meetings.on(committee.id, "2021-05-04")
    data = meeting_as_dict(store, meeting.id)
    assert list(data) == DESIGN_KEYS + EXTRA_KEYS


def test_a_meeting_with_nothing_recorded(demo):
    store, committee = demo
    meeting = store.meetings.on(committee.id, "2021-05-04")
    assert meeting_as_dict(store, meeting.id) == {
        "committee": "Adult Social Care Scrutiny Commission",
        "date": "2021-05-04",
        "start": "17:30",
        "place": "Virtual Meeting using Zoom",
        "status": "held",
        "first_minute_number": 1,
        "closed_at": None,
        "attendance": [],
        "declarations": [],
        "agenda": [],
        "minutes": [],
        "livestream_url": "https://www.youtube.com/results?search_query=leicester+democracy",
        "agenda_setting_date": "2021-04-19",
        "last_publication_date": "2021-04-23",
    }


def test_march_deadlines(demo):
    store, committee = demo
    data = meeting_as_dict(store, store.meetings.on(committee.id, "2021-03-09").id)
    assert data["last_publication_date"] == "2021-03-01"
    assert data["agenda_setting_date"] == "2021-02-22"


def test_a_stored_agenda_setting_date_wins(demo):
    store, committee = demo
    meeting = store.meetings.on(committee.id, "2021-03-09")
    store.meetings.update(meeting.id, agenda_setting_date="2021-02-23")
    assert meeting_as_dict(store, meeting.id)["agenda_setting_date"] == "2021-02-23"


def test_an_unknown_meeting_is_not_found(demo):
    store, _ = demo
    with pytest.raises(NotFound):
        meeting_as_dict(store, 999)


# ---------------------------------------------------------------- 19 January 2021
def test_january_header(january):
    store, _, meeting = january
    data = meeting_as_dict(store, meeting.id)
    assert data["committee"] == "Adult Social Care Scrutiny Commission"
    assert data["date"] == "2021-01-19"
    assert data["start"] == "17:30"
    assert data["place"] == "Virtual Meeting using Zoom"
    assert data["status"] == "minutes-confirmed"
    assert data["first_minute_number"] == 86
    assert data["closed_at"] == "20:11"


def test_january_attendance_in_role_order(january):
    store, _, meeting = january
    assert meeting_as_dict(store, meeting.id)["attendance"] == [
        {"name": "Joshi", "role": "chair", "status": "present", "substitute_for": None},
        {"name": "March", "role": "vice-chair", "status": "present", "substitute_for": None},
        {"name": "Batool", "role": "member", "status": "present", "substitute_for": None},
        {"name": "Kaur Saini", "role": "member", "status": "present", "substitute_for": None},
        {"name": "Kitterick", "role": "member", "status": "present", "substitute_for": None},
        {"name": "Thalukdar", "role": "member", "status": "present", "substitute_for": None},
    ]


def test_january_declaration_belongs_to_minute_87(january):
    store, _, meeting = january
    assert meeting_as_dict(store, meeting.id)["declarations"] == [
        {
            "member": "Joshi",
            "category": "Other Disclosable Interest",
            "nature": "his wife worked for the Reablement Team at Leicester City Council",
            "minute": 87,
            "action": "remained",
        }
    ]


def test_january_agenda_numbers_and_titles(january):
    store, _, meeting = january
    agenda = meeting_as_dict(store, meeting.id)["agenda"]
    assert [item["number"] for item in agenda] == [str(n) for n in range(1, 13)]
    assert [item["title"] for item in agenda] == [title for _, title in JANUARY_ITEMS]
    assert agenda[5] == {
        "number": "6",
        "title": "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE",
        "appendix": None,
        "pages": None,
        "exempt_paragraph": None,
        "status": "listed",
        "supplementary": False,
    }
    # The previous minutes (10 November 2020, none recorded) have no pages; the work programme one.
    assert [(a["number"], a["appendix"], a["pages"]) for a in agenda if a["appendix"]] == [
        ("3", "A", None), ("11", "B", "1")]


def test_january_minutes_are_86_to_97_with_resolutions(january):
    store, _, meeting = january
    minutes = meeting_as_dict(store, meeting.id)["minutes"]
    assert [m["number"] for m in minutes] == list(range(86, 98))
    assert {m["status"] for m in minutes} == {"confirmed"}
    by_number = {m["number"]: m for m in minutes}
    # Agenda item 6 became minute 91.
    assert by_number[91]["title"] == "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE"
    assert by_number[91]["resolutions"] == JANUARY_RESOLUTIONS[91]
    assert by_number[92]["text"].startswith("The Chair of the Leicester Safeguarding Adults Board (LSAB)")
    assert {k: v for k, v in by_number[92].items() if k != "text"} == {
        "number": 92,
        "title": "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20",
        "resolutions": ["That the members of the Commission be requested to note the report."],
        "status": "confirmed",
        "exempt_paragraph": None,
    }
    for number, words in JANUARY_TEXT.items():
        assert words in by_number[number]["text"]
    assert by_number[87]["text"] == ""
    assert by_number[89]["resolutions"] == []


def test_minutes_follow_the_order_taken_not_the_number(json_store):
    # Before 9 March 2021 the January minutes are drafts, so the chair's varied order
    # (item 7 taken before item 6) can still be recorded; the numbers follow the order.
    committee = build_demo(json_store, today=date(2021, 3, 5))
    meeting = json_store.meetings.on(committee.id, "2021-01-19")
    safeguarding = next(m for m in json_store.minutes.list_for(meeting.id) if m.number == 92)
    json_store.minutes.move(safeguarding.id, -1)
    minutes = meeting_as_dict(json_store, meeting.id)["minutes"]
    assert [m["number"] for m in minutes] == list(range(86, 98))
    assert minutes[5]["title"] == "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20"
    assert minutes[6]["title"] == "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE"
    assert [m["title"] for m in minutes] == [m.title for m in json_store.minutes.list_for(meeting.id)]


def test_the_next_meeting_continues_the_numbers(january):
    store, committee, _ = january
    march = store.meetings.on(committee.id, "2021-03-09")
    assert meeting_as_dict(store, march.id)["first_minute_number"] == 98


def test_the_json_is_deterministic_and_keeps_pound_signs(january):
    store, _, meeting = january
    first = meeting_as_json(store, meeting.id)
    second = meeting_as_json(store, meeting.id)
    assert first == second
    assert first.encode("utf-8") == second.encode("utf-8")
    assert "£200,000" in first
    assert "\\u00a3" not in first
    assert first.startswith('{\n  "committee": "Adult Social Care Scrutiny Commission",\n  "date": "2021-01-19"')
    assert json.loads(first) == meeting_as_dict(store, meeting.id)


def test_the_json_round_trips_with_all_keys(january):
    store, _, meeting = january
    data = json.loads(meeting_as_json(store, meeting.id))
    assert list(data) == DESIGN_KEYS + EXTRA_KEYS
    for row in data["attendance"]:
        assert {"name", "role", "status"} <= set(row)
    for row in data["declarations"]:
        assert {"member", "category", "nature", "minute", "action"} <= set(row)
    for row in data["agenda"]:
        assert {"number", "title", "appendix", "pages", "exempt_paragraph"} <= set(row)
    for row in data["minutes"]:
        assert {"number", "title", "text", "resolutions", "status"} <= set(row)


# ---------------------------------------------------------------- 9 March 2021 pages
def test_march_appendices_and_pages_match_the_pack(march):
    store, _, meeting = march
    agenda = meeting_as_dict(store, meeting.id)["agenda"]
    assert [(a["number"], a["appendix"], a["pages"]) for a in agenda] == [
        ("1", None, None),
        ("2", None, None),
        ("3", "A", "1 - 8"),
        ("4", None, None),
        ("5", None, None),
        ("6", "B", "9 - 14"),
        ("7", "C", None),  # the pack gives no pages for Appendix C
        ("8", "D", "15 - 52"),
        ("9", "E", "53 - 114"),
        ("10", None, None),
        ("11", "F", "115 - 118"),
        ("12", None, None),
    ]
    assert agenda[5]["title"] == "PROCUREMENT PLAN FOR 2021/23"
    assert {a["supplementary"] for a in agenda} == {False}


def test_the_json_agenda_is_the_agendas_layout(march):
    """Numbers, labels and pages are the ones the agenda and the pack print."""
    store, _, meeting = march
    agenda = meeting_as_dict(store, meeting.id)["agenda"]
    layout = store.appendices.layout(meeting.id)
    assert [(a["number"], a["title"]) for a in agenda] == [(str(e.number), e.item.title) for e in layout]
    assert [a["appendix"] for a in agenda] == [", ".join(x.label for x in e.appendices) or None for e in layout]


def test_a_report_added_after_publication_is_supplementary(march, tmp_path):
    from pypdf import PdfWriter

    store, _, meeting = march
    store.appendices.publish(meeting.id, date(2021, 3, 1))
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "late.pdf"
    writer.write(path)
    item = store.agenda.list_for(meeting.id)[5]
    store.documents.attach(item.id, path, "Late annex")
    row = meeting_as_dict(store, meeting.id)["agenda"][5]
    # Appendix B kept pages 9 - 14; its new annex B1 follows the last published page (118).
    assert (row["appendix"], row["pages"], row["supplementary"]) == ("B, B1", "9 - 14, 119 - 121", True)


# ---------------------------------------------------------------- private business
def test_exempt_text_and_resolutions_never_leave(private):
    store, _, meeting = private
    text = meeting_as_json(store, meeting.id)
    assert "SECRET" not in text
    minutes = {m["number"]: m for m in meeting_as_dict(store, meeting.id)["minutes"]}
    assert minutes[3] == {
        "number": 3,
        "title": "PRIVATE CONTRACT",
        "text": None,
        "resolutions": [],
        "status": "draft",
        "exempt_paragraph": 3,
    }
    assert minutes[4]["text"] is None
    assert minutes[4]["resolutions"] == []
    assert minutes[4]["exempt_paragraph"] == 1
    assert minutes[1]["text"] == "Open discussion."
    assert minutes[2]["text"] == "Paragraph 3 applies."


def test_exempt_items_stay_on_the_agenda_with_their_paragraph(private):
    store, _, meeting = private
    agenda = meeting_as_dict(store, meeting.id)["agenda"]
    assert [(a["number"], a["title"], a["appendix"], a["pages"], a["exempt_paragraph"], a["status"],
             a["supplementary"]) for a in agenda] == [
        ("1", "PUBLIC REPORT", "A, A1", "1 - 5", None, "listed", False),
        ("2", "LATE REPORT", "C", "6 - 9", None, "listed", True),
        ("3", "LAST REPORT", "D", "10 - 14", None, "listed", False),
        ("4", "WITHDRAWN ITEM", None, None, None, "withdrawn", False),
        # Exempt items come last, and their reports are not in the public pack.
        ("5", "PRIVATE CONTRACT", None, None, 3, "listed", False),
    ]


def test_attendance_roles_are_those_held_on_the_day(private):
    store, _, meeting = private
    assert meeting_as_dict(store, meeting.id)["attendance"] == [
        {"name": "Able", "role": "chair", "status": "present", "substitute_for": None},
        {"name": "Baker", "role": "member", "status": "apologies", "substitute_for": None},
        {"name": "Dee", "role": "member", "status": "present", "substitute_for": None},
        {"name": "Cole", "role": "substitute", "status": "substitute", "substitute_for": "Baker"},
    ]


def test_declarations_point_at_their_minutes(private):
    store, _, meeting = private
    assert meeting_as_dict(store, meeting.id)["declarations"] == [
        # About an item that was withdrawn, so never minuted.
        {"member": "Baker", "category": "Other Disclosable Interest", "nature": "a governor of a school",
         "minute": None, "action": "did-not-vote"},
        {"member": "Dee", "category": "Disclosable Pecuniary Interest", "nature": "she owns a bidder",
         "minute": 3, "action": "withdrew"},
        # About the meeting as a whole, with no "Declarations of interest" minute to hold it.
        {"member": "Able", "category": "Non-registrable Interest", "nature": "he knows a bidder",
         "minute": None, "action": "remained"},
    ]


def test_a_cancelled_meeting_says_so(private):
    store, committee, _ = private
    meeting = store.meetings.add(committee.id, "2020-10-06")
    store.meetings.cancel(meeting.id, "No business")
    data = meeting_as_dict(store, meeting.id)
    assert data["status"] == "cancelled"
    assert data["start"] == "10:00"
    assert data["place"] is None
    assert data["first_minute_number"] == 5
    assert data["livestream_url"] is None
    assert data["agenda_setting_date"] is None
