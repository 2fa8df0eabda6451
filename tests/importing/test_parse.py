"""Reading packs without a database: the fixture, variants from other councils, page furniture."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest

from store.importing.clean import clean_pages, find_date, paragraphs, read_time
from store.importing.models import ParsedAppendix, ParsedPerson
from store.importing.parse import parse_pages, parse_text
from tests.importing.variants import (
    LICENSING_MINUTES,
    LICENSING_RESOLUTIONS,
    NO_MEETING,
    PLACE_PACK,
    PLACE_RESOLUTIONS,
    PLACE_TITLES,
)

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "asc-2021-03-09-agenda-pack.txt"
AGENDA_TITLES = [
    "APOLOGIES FOR ABSENCE",
    "DECLARATIONS OF INTEREST",
    "MINUTES OF THE PREVIOUS MEETING",
    "PETITIONS",
    "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE",
    "PROCUREMENT PLAN FOR 2021/23",
    "IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES",
    "ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT",
    "SUPPORTED LIVING AND EXTRA CARE HOUSING",
    "COVID-19 UPDATE",
    "WORK PROGRAMME",
    "ANY OTHER URGENT BUSINESS",
]
MINUTE_TITLES = {
    86: "APOLOGIES FOR ABSENCE",
    87: "DECLARATIONS OF INTEREST",
    88: "MINUTES OF THE PREVIOUS MEETING",
    89: "PETITIONS",
    90: "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE",
    91: "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE",
    92: "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20",
    93: "DRAFT GENERAL FUND BUDGET AND DRAFT CAPITAL BUDGET 2021/21",
    94: "COVID-19 RECOVERY PLANS UPDATE",
    95: "RESPONSE TO THE ADULT SOCIAL CARE SCRUTINY COMMISSION TASK GROUP REVIEW INTO SOCIAL CARE EXTERNAL WORKFORCE",
    96: "WORK PROGRAMME",
    97: "ANY OTHER URGENT BUSINESS",
}
RESOLUTION_COUNTS = {86: 0, 87: 0, 88: 1, 89: 0, 90: 0, 91: 3, 92: 1, 93: 2, 94: 0, 95: 1, 96: 0, 97: 0}


@pytest.fixture(scope="module")
def fixture_pack():
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    return parse_text(FIXTURE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the fixture: agenda of 9 March 2021
def test_fixture_agenda_meeting(fixture_pack):
    agenda = fixture_pack.agenda
    assert agenda.committee == "ADULT SOCIAL CARE SCRUTINY COMMISSION"
    assert (agenda.date, agenda.start_time) == (date(2021, 3, 9), time(17, 30))
    assert agenda.place == "Virtual Meeting using Zoom"
    assert agenda.livestream_url == "https://www.youtube.com/results?search_query=leicester+democracy"
    assert [item.title for item in agenda.items] == AGENDA_TITLES
    assert [item.number for item in agenda.items] == list(range(1, 13))
    assert agenda.members[:2] == (ParsedPerson("Joshi", "chair"), ParsedPerson("March", "vice-chair"))
    assert [m.name for m in agenda.members[2:]] == ["Batool", "Kaur Saini", "Kitterick", "Thalukdar"]


def test_fixture_appendices_and_the_garbled_title(fixture_pack):
    appendices = {item.number: item.appendices for item in fixture_pack.agenda.items if item.appendices}
    assert appendices == {
        3: (ParsedAppendix("A", 1, 8),),
        6: (ParsedAppendix("B", 9, 14),),
        7: (ParsedAppendix("C", None, None),),
        8: (ParsedAppendix("D", 15, 52),),
        9: (ParsedAppendix("E", 53, 114),),
        11: (ParsedAppendix("F", 115, 118),),
    }
    assert [a.pages for item in fixture_pack.agenda.items for a in item.appendices] == [8, 6, None, 38, 62, 4]


def test_fixture_descriptions_recommendations_and_verbal_updates(fixture_pack):
    items = {item.number: item for item in fixture_pack.agenda.items}
    assert items[6].description.startswith("The Strategic Director for Social Care and Education submits a report")
    assert items[6].recommendation.startswith("Members of the Commission are recommended to note the report")
    assert items[3].recommendation.endswith("held on 19 January 2021 be confirmed as a correct record.")
    assert items[3].description is None
    assert items[2].description.startswith("Members are asked to declare") and items[2].recommendation is None
    assert items[11].description.startswith("The current work programme") and items[11].recommendation is None
    assert [n for n, item in items.items() if item.verbal_update] == [10]
    assert items[1].description is None and items[12].description is None


# ---------------------------------------------------------------- the fixture: minutes of 19 January 2021
def test_fixture_minutes_head(fixture_pack):
    minutes = fixture_pack.minutes
    assert minutes.committee == "ADULT SOCIAL CARE SCRUTINY COMMISSION"
    assert (minutes.date, minutes.start_time, minutes.closed_at) == (date(2021, 1, 19), time(17, 30), time(20, 11))
    assert minutes.present == (
        ParsedPerson("Joshi", "chair"), ParsedPerson("March", "vice-chair"), ParsedPerson("Batool"),
        ParsedPerson("Kaur Saini"), ParsedPerson("Kitterick"), ParsedPerson("Thalukdar"),
    )
    assert minutes.apologies == () and minutes.others_present == ()
    assert minutes.resolution_word == "AGREED"
    assert fixture_pack.warnings == ()


def test_fixture_minutes_numbers_titles_and_resolutions(fixture_pack):
    minutes = fixture_pack.minutes.minutes
    assert {m.number: m.title for m in minutes} == MINUTE_TITLES
    assert {m.number: len(m.resolutions) for m in minutes} == RESOLUTION_COUNTS
    by_number = {m.number: m for m in minutes}
    assert [r.text for r in by_number[91].resolutions] == [
        "That, the company consider the comments made by the Commission and provide good working conditions "
        "for frontline staff;",
        "That the company restore business relationships with Leicester City Council;",
        "And that, the company ensure that the financial debt is resolved by the end of the financial year.",
    ]
    assert [r.text for r in by_number[93].resolutions] == [
        "The Commission note the report,",
        "And that, a detailed report be brought back to the Adult Social Care Scrutiny Commission on the "
        "increasing cost of packages of £12.5 million.",
    ]
    # The paragraph the pack breaks across a page is one paragraph again.
    assert "central government funding and £3.6m would be raised" in by_number[93].body
    assert by_number[97].body == ("There being no items of urgent business, the Chair declared the meeting "
                                  "closed at 08:11pm.")
    # The reports after the minutes ("1. Purpose of report", "2. Summary") are not minutes.
    assert "Purpose of report" not in by_number[97].body


def test_fixture_declaration(fixture_pack):
    (declaration,) = fixture_pack.minutes.declarations
    assert declaration.member == "Joshi"
    assert declaration.category == "Other Disclosable Interest"
    assert declaration.nature == "his wife worked for the Reablement Team at Leicester City Council"
    assert declaration.minute_number is None and declaration.action == "remained"
    # The sentence is kept as a declaration, not also as the minute's text (the export words it).
    assert next(m for m in fixture_pack.minutes.minutes if m.number == 87).body == ""


# ---------------------------------------------------------------- another council, RESOLVED style
def test_other_council_agenda():
    agenda = parse_text(PLACE_PACK).agenda
    assert agenda.committee == "PLACE SCRUTINY COMMITTEE"
    assert (agenda.date, agenda.start_time) == (date(2022, 5, 12), time(10, 0))
    assert agenda.place == "Council Chamber, County Hall, Felpersham"
    assert [item.title for item in agenda.items] == PLACE_TITLES
    assert agenda.items[3].appendices == (ParsedAppendix("B1", 7, 20), ParsedAppendix("B2", 21, 21))
    assert agenda.items[5].appendices == (ParsedAppendix("C", 22, 30),)
    assert [item.verbal_update for item in agenda.items] == [False] * 4 + [True] + [False] * 3
    assert agenda.members[1] == ParsedPerson("Brennan", "vice-chair")


def test_other_council_minutes():
    minutes = parse_text(PLACE_PACK).minutes
    assert minutes.committee == "PLACE SCRUTINY COMMITTEE"
    assert (minutes.date, minutes.start_time, minutes.closed_at) == (date(2022, 4, 6), time(14, 0), time(15, 47))
    assert minutes.resolution_word == "RESOLVED"
    assert [m.number for m in minutes.minutes] == [41, 42, 43, 44, 45, 46]
    assert {m.number: [r.text for r in m.resolutions] for m in minutes.minutes if m.resolutions} == PLACE_RESOLUTIONS
    by_number = {m.number: m for m in minutes.minutes}
    # Back to the minute's text after the resolutions; a numbered sentence is not a minute.
    assert by_number[44].body.endswith("The Chair thanked officers for the report.")
    assert "1. Purpose of the allocations" in by_number[45].body
    assert "RECOMMENDATIONS" not in by_number[46].body


def test_other_council_people():
    minutes = parse_text(PLACE_PACK).minutes
    assert minutes.present == (
        ParsedPerson("Okafor", "chair"), ParsedPerson("Brennan", "vice-chair"), ParsedPerson("Ahmed"),
        ParsedPerson("Ellis-Jones"), ParsedPerson("O'Neill"), ParsedPerson("Hale", substitute_for="Dunn"),
    )
    assert minutes.apologies == (ParsedPerson("Whitfield"), ParsedPerson("Dunn"))
    assert minutes.others_present == (("Councillor Price", "Cabinet Member for Highways"),
                                      ("Sarah Lund", "Democratic Services Officer"))
    first, second = minutes.declarations
    assert (first.member, first.category, first.minute_number, first.action) == (
        "Ahmed", "Disclosable Pecuniary Interest", 45, "withdrew")
    assert first.nature == "she owned land adjoining one of the sites"
    assert (second.member, second.category, second.minute_number, second.action) == (
        "Ellis-Jones", "Non-registrable Interest", 45, "remained")
    assert second.nature == "he is a member of the Felpersham Civic Society"


# ---------------------------------------------------------------- minutes only, with page furniture
def test_minutes_only_file_with_running_headers_and_page_numbers():
    pack = parse_text(LICENSING_MINUTES)
    assert pack.agenda is None
    minutes = pack.minutes
    assert minutes.committee == "LICENSING AND REGULATORY COMMITTEE"
    assert (minutes.date, minutes.start_time, minutes.closed_at) == (date(2022, 11, 14), time(18, 0), time(19, 5))
    assert [m.number for m in minutes.minutes] == [23, 24, 25, 26, 27]
    assert minutes.present[0] == ParsedPerson("Patel", "chair")
    assert minutes.present[1] == ParsedPerson("Moreau", "vice-chair")
    assert [p.name for p in minutes.present[2:]] == ["Kowalski", "Lindqvist", "Obi"]
    assert minutes.apologies == (ParsedPerson("Grant"), ParsedPerson("Yusuf"))
    resolutions = {m.number: [r.text for r in m.resolutions] for m in minutes.minutes if m.resolutions}
    assert resolutions == LICENSING_RESOLUTIONS
    body = minutes.minutes[2].body
    assert "twelve weeks ending in September. Members welcomed" in body  # one paragraph across the page break
    assert "Page 7" not in body and "Licensing and Regulatory Committee -" not in body
    assert "2. THE COMMITTEE NOTED THE CONSULTATION RESPONSES IN DETAIL." in body
    assert minutes.minutes[4].title == "ANY OTHER URGENT BUSINESS"


def test_a_report_is_no_meeting():
    pack = parse_text(NO_MEETING)
    assert pack.agenda is None and pack.minutes is None and pack.found == ()


def test_minutes_without_a_date_or_numbers_say_so():
    no_date = parse_text("Minutes of the Meeting of the PLANNING COMMITTEE\n\nPRESENT:\n\nCouncillor Ali\n\n"
                         "1. APOLOGIES\n\nNone.\n")
    assert no_date.minutes is None and "no date" in no_date.warnings[0]
    no_numbers = parse_text("Minutes of the Meeting of the PLANNING COMMITTEE\n\nHeld: 3 March 2023\n\n"
                            "The committee met and talked.\n")
    assert no_numbers.minutes is None and "no numbered minutes" in no_numbers.warnings[0]


def test_resolution_styles():
    text = ("Minutes of the Meeting of the AUDIT COMMITTEE\n\nHeld: 1 June 2023 at 10.30 am\n\n"
            "PRESENT:\n\nCouncillor Fox (Chair)\n\n"
            "5. RISK REGISTER\n\nRESOLVED that the risk register be noted.\n\n"
            "6. INTERNAL AUDIT PLAN\n\nResolved:\n\nThat the plan be approved.\n\nThat the Head of Audit report "
            "progress in December.\n\n"
            "7. TREASURY MANAGEMENT\n\nAGREED:\n\n1) That the strategy be noted:\n\n(a) borrowing limits;\n\n"
            "(b) investment limits.\n\n2) That the report go to Council.\n\n"
            "8. ANY OTHER BUSINESS\n\nThe meeting closed at 11.55am.\n")
    minutes = parse_text(text).minutes
    resolutions = {m.number: [r.text for r in m.resolutions] for m in minutes.minutes}
    assert resolutions[5] == ["That the risk register be noted."]
    assert resolutions[6] == ["That the plan be approved.", "That the Head of Audit report progress in December."]
    assert resolutions[7] == ["That the strategy be noted:\n(a) borrowing limits;\n(b) investment limits.",
                              "That the report go to Council."]
    assert minutes.closed_at == time(11, 55) and minutes.start_time == time(10, 30)


# ---------------------------------------------------------------- cleaning and the small readers
def test_running_lines_at_page_edges_go_and_structural_lines_stay():
    pages = [
        "Audit Committee 1 June 2023\n\n5. RISK REGISTER\n\nText one.\n\nPage 1",
        "Audit Committee 1 June 2023\n\nAGREED:\n\nThat it be noted.\n\nPage 2",
        "Audit Committee 1 June 2023\n\nAGREED:\n\nThat it be noted again.\n\n- 3 -",
    ]
    text = clean_pages(pages)
    assert "Audit Committee" not in text and "Page" not in text and "- 3 -" not in text
    assert text.count("AGREED:") == 2


def test_a_title_that_wraps_and_a_number_on_its_own_line():
    paras = paragraphs("86.\nAPOLOGIES FOR\nABSENCE\nThere were none.\nAGREED:\nThat it be noted.")
    assert paras == ["86.\nAPOLOGIES FOR\nABSENCE", "There were none.", "AGREED:", "That it be noted."]


def test_pdf_pages_of_the_same_minutes_parse_the_same():
    pages = re.split(r"Page [78]\n", LICENSING_MINUTES.replace("\f", ""))  # as a PDF's pages come
    assert len(pages) == 3
    assert parse_pages(pages).minutes == parse_text(LICENSING_MINUTES).minutes


@pytest.mark.parametrize("text, expected", [
    ("08:11pm", time(20, 11)), ("8:20pm", time(20, 20)), ("8.20 pm", time(20, 20)), ("8.20 p.m.", time(20, 20)),
    ("17:30", time(17, 30)), ("6pm", time(18, 0)), ("10.00 am", time(10, 0)), ("teatime", None),
])
def test_read_time(text, expected):
    assert read_time(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("DATE: TUESDAY, 9 MARCH 2021", date(2021, 3, 9)), ("Held: Monday, 14th November 2022 at 6pm", date(2022, 11, 14)),
    ("on 3 Sept 2021", date(2021, 9, 3)), ("09/03/2021", date(2021, 3, 9)), ("31 February 2021", None), ("soon", None),
])
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_a_running_heading_and_appendix_stamp_on_every_page():
    head = "Appendix A\nMinutes of the Meeting of the AUDIT COMMITTEE\n"
    pages = [
        head + "Held: 1 June 2023 at 10.30 am\n\nPRESENT:\n\nCouncillor Fox (Chair)\n\n5. RISK REGISTER\n\n"
               "That the report be noted.\n\nPage 1",
        head + "AGREED:\n\nThat the report be noted.\n\n6. INTERNAL AUDIT PLAN\n\nThe plan was presented.\n\nPage 2",
        head + "AGREED:\n\nThat the plan be approved.\n\nThe meeting closed at 11.55am.\n\nPage 3",
    ]
    pack = parse_pages(pages)
    minutes = pack.minutes
    assert minutes.committee == "AUDIT COMMITTEE" and pack.warnings == ()
    assert [(m.number, m.body, [r.text for r in m.resolutions]) for m in minutes.minutes] == [
        (5, "That the report be noted.", ["That the report be noted."]),
        (6, "The plan was presented.\n\nThe meeting closed at 11.55am.", ["That the plan be approved."]),
    ]
    assert minutes.closed_at == time(11, 55)


def test_an_agenda_only_pack_with_other_conventions():
    text = ("Felpersham Borough Council\n\nMEETING OF THE LICENSING SUB-COMMITTEE\n\n"
            "Date of meeting: Tuesday 3 October 2023\n\nTime: 7.00 pm\n\nLocation: Committee Room 2\n\n"
            "1. APOLOGIES\n\n2. MINUTES\n\nAppendix A (Pages 1 - 4)\n\n"
            "3. PREMISES LICENCE REVIEW\n\nAppendices B1 and B2 (Pages 5 - 20)\n\n"
            "The Licensing Manager submits a report on the review.\n\nPRIVATE SESSION\n\n"
            "4. CONTRACT AWARD\n\nAppendix C (Page 21)\n\nThe Director submits a report. The item is exempt "
            "under Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.\n\n"
            "Appendix A\n\nReport of the Licensing Manager\n\n1. PURPOSE\n\n2. BACKGROUND\n")
    pack = parse_text(text)
    assert pack.minutes is None
    agenda = pack.agenda
    assert (agenda.committee, agenda.date, agenda.start_time, agenda.place) == (
        "LICENSING SUB-COMMITTEE", date(2023, 10, 3), time(19, 0), "Committee Room 2")
    assert [item.title for item in agenda.items] == ["APOLOGIES", "MINUTES", "PREMISES LICENCE REVIEW",
                                                    "CONTRACT AWARD"]
    assert agenda.items[2].appendices == (ParsedAppendix("B1, B2", 5, 20),)
    assert agenda.items[2].description == "The Licensing Manager submits a report on the review."
    assert [item.exempt_paragraph for item in agenda.items] == [None, None, None, 3]
    assert agenda.items[3].appendices == (ParsedAppendix("C", 21, 21),)


def test_the_minutes_own_appendix_label_does_not_end_them():
    text = ("Appendix A\n\nMinutes of the Meeting of the AUDIT COMMITTEE\n\nHeld: 1 June 2023\n\n"
            "5. RISK REGISTER\n\nNoted.\n\nAppendix A\n\n6. INTERNAL AUDIT PLAN\n\nApproved.\n\n"
            "Appendix B\n\n7. TREASURY REPORT\n\nThis is the next appendix, not a minute.\n")
    minutes = parse_text(text).minutes
    assert [(m.number, m.body) for m in minutes.minutes] == [(5, "Noted."), (6, "Approved.")]


def test_minutes_with_titles_in_title_case():
    text = ("Minutes of the Meeting of the Standards Committee\n\nHeld: Wednesday 8 March 2023 at 2pm\n\n"
            "PRESENT:\n\nCouncillor Reid (Chair)\n\n"
            "12. Apologies for Absence\n\nThere were no apologies.\n\n"
            "13. Declarations of Interest\n\nThere were none.\n\n"
            "14. Code of Conduct Complaints\n\nThe Monitoring Officer reported:\n\n"
            "1. Three complaints were received.\n\n2. Two were closed\n\n"
            "Resolved:\n\n1. That the report be noted\n\n"
            "15. Date of Next Meeting\n\nThe meeting closed at 3.10pm.\n\n"
            "1. Purpose of Report\n\nThis is a report, not a minute.\n")
    minutes = parse_text(text).minutes
    assert [(m.number, m.title) for m in minutes.minutes] == [
        (12, "Apologies for Absence"), (13, "Declarations of Interest"), (14, "Code of Conduct Complaints"),
        (15, "Date of Next Meeting")]
    assert "2. Two were closed" in minutes.minutes[2].body
    assert [r.text for r in minutes.minutes[2].resolutions] == ["That the report be noted"]
    assert minutes.minutes[3].body == "The meeting closed at 3.10pm."
    assert minutes.closed_at == time(15, 10)
