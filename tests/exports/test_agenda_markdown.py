"""A meeting's agenda as Markdown (the fixture's front sheet and agenda of 9 March 2021).

The golden file is the demo's agenda of 9 March 2021 (built as on 2 March 2021, the day after
it was published) exported once, read line by line against the fixture's lines 1-120, and
frozen: a change in the export shows here as a diff. To write it again after a deliberate
change, run with CLERK_UPDATE_GOLDEN=1 and read the diff before committing.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from store import Store
from store.demo import build_demo
from store.exports.agenda_markdown import agenda_markdown, supplementary_markdown
from store.exports.pack_markdown import pack_markdown
from tests.store.test_agenda_builder import FIXTURE_REFERENCES, FIXTURE_TITLES, blank_pdf, build_fixture_agenda
from tui.cli import main

GOLDEN = Path(__file__).parent / "golden" / "agenda-2021-03-09.md"
FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "asc-2021-03-09-agenda-pack.txt"
PUBLISHED = date(2021, 3, 2)
SECRET = "ZEBRAQUOTA"
HEADING = re.compile(r"^### (\d+[A-Z]*)\. (.*)$", re.MULTILINE)


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def demo(store):
    committee = build_demo(store, today=PUBLISHED)
    return store, store.meetings.on(committee.id, "2021-03-09")


@pytest.fixture
def committee(store):
    """A committee like the fixture's, with members, an invitee, a contact and public information."""
    committee = store.committees.add(
        "Adult Social Care Scrutiny Commission", "Leicester City Council", default_time="17:30",
        default_place="Virtual Meeting using Zoom",
        livestream_url="https://www.youtube.com/results?search_query=leicester+democracy",
        public_information="PLEASE NOTE that the meeting is virtual.\n\nFurther information",
    )
    for name, role in (("Joshi", "chair"), ("March", "vice-chair"), ("Batool", "member"),
                       ("Kaur Saini", "member"), ("Kitterick", "member"), ("Thalukdar", "member")):
        store.members.add(committee.id, name, role=role, start_date="2020-05-01")
    store.members.add(committee.id, "Representative of Healthwatch Leicester", role="standing-invitee", title="",
                      start_date="2020-05-01")
    officer = store.officers.add(committee.body_id, "Angie Smith", phone="(0116) 454 6354",
                                 email="angie.smith@leicester.gov.uk")
    store.officers.add_contact(committee.id, officer.id, "Democratic Support Officer")
    return committee


@pytest.fixture
def fixture_meeting(store, committee, tmp_path):
    return build_fixture_agenda(store, committee, tmp_path)


@pytest.fixture
def exempt(store, fixture_meeting, tmp_path):
    """The fixture's agenda with an exempt item whose every word of substance is SECRET."""
    item = store.agenda.add(fixture_meeting.id, "Care home contract award", exempt_paragraph=3,
                            description=f"The Director submits a report on the {SECRET} bids.",
                            recommendation=f"Members are recommended to accept the {SECRET} tender.")
    report = tmp_path / "contract.md"
    report.write_text(f"# Contract award\n\nThe {SECRET} prices are as follows.\n", encoding="utf-8")
    store.documents.attach(item.id, report, f"{SECRET} tender report")
    return fixture_meeting, item


def items_of(text: str) -> list[tuple[str, str, str | None]]:
    """(number, title, reference line or None) for each item of the Markdown; numbers as printed ("10A")."""
    found = []
    for match in HEADING.finditer(text):
        following = text[match.end():].split("\n\n")[1:2]
        line = following[0] if following and following[0].startswith("Appendix") else None
        found.append((match.group(1), match.group(2), line))
    return found


def section(text: str, number: int | str) -> str:
    start = text.index(f"### {number}. ")
    following = re.search(r"\n#{1,3} ", text[start + 1:])
    return text[start:] if following is None else text[start:start + 2 + following.start()]


# ---------------------------------------------------------------- the golden file
def test_the_demo_agenda_matches_the_golden_file(demo):
    store, meeting = demo
    text = agenda_markdown(store, meeting.id)
    if os.environ.get("CLERK_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == GOLDEN.read_bytes()


def test_the_golden_agenda_is_the_fixtures_words_in_the_fixtures_order():
    """Every block of the golden agenda is printed in the fixture's front sheet and agenda, in
    the same order, bar the lines the pack lost or the demo's page counts change."""
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")[:120]
    fixture = "\n".join(lines).replace("<u>", "").replace("</u>", "")
    # The pack's PDF text put item 7's appendix letter inside its title.
    fixture = fixture.replace("COMMUNITY Appendix C OPPORTUNITY", "COMMUNITY OPPORTUNITY")
    not_in_pack = {
        "Leicester City Council",  # the council's logo in the pack
        "Angie Smith (Democratic Support Officer)", "Tel: (0116) 454 6354, e-mail: angie.smith@leicester.gov.uk",
        "(Verbal update)",
    }
    golden = GOLDEN.read_text(encoding="utf-8")
    position = 0
    for block in golden.strip().split("\n\n"):
        for line in block.split("\\\n"):
            words = re.sub(r"^#+ ", "", line)
            if words in not_in_pack:
                continue
            if re.fullmatch(r"Appendix [A-F] \(Pages? \d+( - \d+)?\)", words):
                continue  # the demo's reports are shorter than the pack's
            found = fixture.find(words, position)
            assert found >= 0, words
            position = found + len(words)


def test_the_demo_agenda_is_the_fixtures_agenda_with_the_demos_pages(demo):
    store, meeting = demo
    found = items_of(agenda_markdown(store, meeting.id))
    assert [(n, t) for n, t, _ in found] == [(str(n), t) for n, t in enumerate(FIXTURE_TITLES, start=1)]
    assert [n for n, _, line in found if line] == ["3", "6", "7", "8", "9", "11"]


def test_the_same_data_gives_the_same_bytes(demo, tmp_path):
    store, meeting = demo
    first = agenda_markdown(store, meeting.id)
    assert agenda_markdown(store, meeting.id) == first
    with Store(tmp_path / "again.db") as again:
        committee = build_demo(again, today=PUBLISHED)
        assert agenda_markdown(again, again.meetings.on(committee.id, "2021-03-09").id) == first
    assert first.endswith("### 12. ANY OTHER URGENT BUSINESS\n")
    assert "\r" not in first and " \n" not in first and "\n\n\n" not in first


# ---------------------------------------------------------------- the fixture's agenda, page for page
def test_the_fixtures_agenda_gives_the_fixtures_references(store, fixture_meeting):
    text = agenda_markdown(store, fixture_meeting.id)
    assert items_of(text) == [(str(n), title, FIXTURE_REFERENCES.get(str(n)))
                              for n, title in enumerate(FIXTURE_TITLES, 1)]
    assert section(text, 6) == (
        "### 6. PROCUREMENT PLAN FOR 2021/23\n\nAppendix B (Pages 9 - 14)\n\n"
        "The Strategic Director for Social Care and Education submits a report providing the Commission with an "
        "overview on the anticipated procurement activities to be undertaken by the Social Care and Education (SCE) "
        "department during 2021-23.\n\n"
        "Members of the Commission are recommended to note the report and pass any comments to the Strategic "
        "Director for Social Care and Education.\n\n")
    assert section(text, 10).startswith("### 10. COVID-19 UPDATE\n\n(Verbal update)\n\nThe Strategic Director")
    assert section(text, 3).endswith("held on 19 January 2021 be confirmed as a correct record.\n\n")


def test_the_fixtures_references_are_the_packs_own_words(store, fixture_meeting):
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    fixture = FIXTURE.read_text(encoding="utf-8")
    for reference in FIXTURE_REFERENCES.values():
        assert reference in fixture


def test_the_front_sheet(store, fixture_meeting):
    text = agenda_markdown(store, fixture_meeting.id)
    front = text[:text.index("## PUBLIC SESSION")]
    assert front.split("\n\n")[:5] == [
        "Leicester City Council", "# MEETING OF THE ADULT SOCIAL CARE SCRUTINY COMMISSION",
        "DATE: TUESDAY, 9 MARCH 2021", "TIME: 5:30 pm", "PLACE: Virtual Meeting using Zoom"]
    assert ("## Members of the Committee\n\nCouncillor Joshi (Chair)\\\nCouncillor March (Vice-Chair)\n\n"
            "Councillors Batool, Kaur Saini, Kitterick and Thalukdar\n\n"
            "## Standing Invitee (Non-voting)\n\nRepresentative of Healthwatch Leicester\n\n"
            "Members of the Committee are invited to attend the above meeting to consider the items of business "
            "listed overleaf.\n\nFor Monitoring Officer\n\n## Officer contacts\n\n"
            "Angie Smith (Democratic Support Officer)\\\nTel: (0116) 454 6354, e-mail: angie.smith@leicester.gov.uk"
            "\n\n## Information for members of the public\n\nPLEASE NOTE that the meeting is virtual.\n\n"
            "Further information\n\n") in front
    assert text[text.index("## PUBLIC SESSION"):].startswith(
        "## PUBLIC SESSION\n\n## AGENDA\n\nLIVE STREAM OF MEETING\n\n"
        "https://www.youtube.com/results?search_query=leicester+democracy\n\n### 1. APOLOGIES FOR ABSENCE\n\n")


def test_the_front_sheet_lists_those_serving_on_the_day(store, committee, fixture_meeting):
    store.members.add(committee.id, "Gone", start_date="2019-05-01", end_date="2021-03-08")
    store.members.add(committee.id, "Later", start_date="2021-03-10")
    store.members.add(committee.id, "Cole", role="substitute", start_date="2020-05-01")
    store.members.add(committee.id, "Dr Who", title="", start_date="2020-05-01")
    text = agenda_markdown(store, fixture_meeting.id)
    assert "Councillors Batool, Kaur Saini, Kitterick and Thalukdar\n\nDr Who\n\n" in text
    for name in ("Gone", "Later", "Cole"):
        assert name not in text


def test_a_meeting_without_time_place_or_people_says_so(store):
    committee = store.committees.add("Test Committee", "Test Council")
    meeting = store.meetings.add(committee.id, "2021-03-09")
    text = agenda_markdown(store, meeting.id)
    assert text == (
        "Test Council\n\n# MEETING OF THE TEST COMMITTEE\n\nDATE: TUESDAY, 9 MARCH 2021\n\n"
        "TIME: to be confirmed\n\nPLACE: to be confirmed\n\n## Members of the Committee\n\n"
        "No members are recorded for this date.\n\n"
        "Members of the Committee are invited to attend the above meeting to consider the items of business "
        "listed overleaf.\n\nFor Monitoring Officer\n\n## PUBLIC SESSION\n\n## AGENDA\n\n"
        "No items are on the agenda yet.\n")


def test_the_meetings_own_livestream_wins(store, fixture_meeting):
    store.meetings.update(fixture_meeting.id, livestream_url="https://example.org/live/9-march")
    text = agenda_markdown(store, fixture_meeting.id)
    assert "LIVE STREAM OF MEETING\n\nhttps://example.org/live/9-march\n\n" in text


# ---------------------------------------------------------------- private business
def test_the_public_agenda_lists_an_exempt_item_by_title_and_paragraph_only(store, exempt):
    meeting, item = exempt
    text = agenda_markdown(store, meeting.id)
    assert SECRET not in text
    assert SECRET.lower() not in text.lower()
    assert text.count("Appendix G") == 0  # its report is not named either
    private = text[text.index("## PRIVATE SESSION"):]
    assert private == (
        "## PRIVATE SESSION\n\n"
        "Members are recommended to resolve that the press and public be excluded during consideration of the "
        "following item in accordance with Section 100A(4) of the Local Government Act 1972, as it involves the "
        "likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Act.\n\n"
        "### 13. CARE HOME CONTRACT AWARD\n\n"
        "Not for publication: Paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972. Information "
        "relating to the financial or business affairs of any particular person (including the authority holding "
        "that information).\n")
    # The exempt item comes after the closing items.
    assert text.index("### 12. ANY OTHER URGENT BUSINESS") < text.index("## PRIVATE SESSION")


def test_the_private_agenda_holds_the_exempt_item_in_full(store, exempt):
    meeting, _ = exempt
    text = agenda_markdown(store, meeting.id, private=True)
    assert text.split("\n\n")[1] == "# MEETING OF THE ADULT SOCIAL CARE SCRUTINY COMMISSION " \
                                    "(PRIVATE — NOT FOR PUBLICATION)"
    exempt_item = section(text, 13)
    assert "Appendix G (Pages 119 - 119)" not in exempt_item
    assert "\n\nAppendix G (Page 119)\n\n" in exempt_item
    assert f"The Director submits a report on the {SECRET} bids." in exempt_item
    assert f"Members are recommended to accept the {SECRET} tender." in exempt_item
    # The public items are the same in both.
    public = agenda_markdown(store, meeting.id)
    assert section(text, 6) == section(public, 6)


def test_several_exempt_items_cite_every_paragraph(store, exempt):
    meeting, _ = exempt
    store.agenda.add(meeting.id, "Staffing matter", exempt_paragraph=1)
    text = agenda_markdown(store, meeting.id)
    assert ("consideration of the following items in accordance with Section 100A(4) of the Local Government Act "
            "1972, as they involve the likely disclosure of exempt information as defined in Paragraphs 1 and 3 of "
            "Part 1 of Schedule 12A of the Act.") in text
    assert [n for n, _, _ in items_of(text)][-2:] == ["13", "14"]  # not published: numbered on


# ---------------------------------------------------------------- marks, wording, escaping
def test_withdrawn_deferred_and_verbal_items_are_marked(store, fixture_meeting):
    items = store.agenda.list_for(fixture_meeting.id)
    store.agenda.set_status(items[7].id, "withdrawn")
    store.agenda.set_status(items[8].id, "deferred")
    text = agenda_markdown(store, fixture_meeting.id)
    assert section(text, 8).startswith(
        "### 8. ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT\n\n(Withdrawn)\n\nAppendix D (Pages 15 - 52)\n\n")
    assert section(text, 9).startswith("### 9. SUPPORTED LIVING AND EXTRA CARE HOUSING\n\n(Deferred)\n\n")


def test_a_supplementary_item_shows_its_reasons_for_urgency(store, fixture_meeting, tmp_path):
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    late = store.agenda.add(fixture_meeting.id, "Care home closure",
                            description="The Director will report on the closure of a care home.",
                            urgency_reasons="The provider gave notice on 3 March; the home closes on 10 March")
    store.documents.attach(late.id, blank_pdf(tmp_path / "closure.pdf", 2), "Closure report")
    procurement = store.agenda.list_for(fixture_meeting.id)[5]
    store.documents.attach(procurement.id, blank_pdf(tmp_path / "annex.pdf", 3), "Annex")
    text = agenda_markdown(store, fixture_meeting.id)
    assert section(text, "10A") == (
        "### 10A. CARE HOME CLOSURE\n\n(Supplementary item)\n\nAppendix G (Pages 119 - 120)\n\n"
        "The Chair is of the opinion that this item should be considered at the meeting as a matter of urgency for "
        "the following reasons: The provider gave notice on 3 March; the home closes on 10 March.\n\n"
        "The Director will report on the closure of a care home.\n\n")
    # Its annex does not run on from Appendix B, so each appendix gives its own pages.
    assert section(text, 6).startswith("### 6. PROCUREMENT PLAN FOR 2021/23\n\n(Supplementary item)\n\n"
                                       "Appendix B (Pages 9 - 14), Appendix B1 (Pages 121 - 123)\n\n")
    supplementary = supplementary_markdown(store, fixture_meeting.id)
    assert "## SUPPLEMENTARY AGENDA\n\nThe agenda was published on 1 March 2021." in supplementary
    assert [(n, t) for n, t, _ in items_of(supplementary)] == [
        ("6", "PROCUREMENT PLAN FOR 2021/23"), ("10A", "CARE HOME CLOSURE")]
    assert "The provider gave notice on 3 March" in supplementary
    assert "## Members of the Committee" not in supplementary


def test_published_numbers_never_move_in_the_agenda_the_supplementary_agenda_and_the_pack(store, fixture_meeting):
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    store.agenda.add(fixture_meeting.id, "Care home closure", urgency_reasons="The home closes on 10 March.")
    expected = [(str(n), title) for n, title in enumerate(FIXTURE_TITLES[:10], 1)] + [
        ("10A", "CARE HOME CLOSURE"), ("11", "WORK PROGRAMME"), ("12", "ANY OTHER URGENT BUSINESS")]
    assert [(n, t) for n, t, _ in items_of(agenda_markdown(store, fixture_meeting.id))] == expected
    assert [(n, t) for n, t, _ in items_of(supplementary_markdown(store, fixture_meeting.id))] == [
        ("10A", "CARE HOME CLOSURE")]
    pack = pack_markdown(store, fixture_meeting.id)
    assert [(n, t) for n, t, _ in items_of(pack)] == expected
    assert "### 11. WORK PROGRAMME\n\nAppendix F (Pages 115 - 118)" in pack


def test_a_supplementary_agenda_with_nothing_added(store, fixture_meeting):
    text = supplementary_markdown(store, fixture_meeting.id)
    assert text.endswith("## SUPPLEMENTARY AGENDA\n\nThere are no supplementary items.\n")


def test_an_exempt_supplementary_item_keeps_its_reasons_private(store, fixture_meeting):
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    store.agenda.add(fixture_meeting.id, "Urgent contract", exempt_paragraph=3,
                     urgency_reasons=f"The {SECRET} supplier failed on 3 March.")
    public = supplementary_markdown(store, fixture_meeting.id)
    # Added after publication, after item 12 (the last public one): 12A.
    assert SECRET not in public and "### 12A. URGENT CONTRACT\n\n(Supplementary item)\n\nNot for publication" in public
    assert SECRET in supplementary_markdown(store, fixture_meeting.id, private=True)


def test_the_clerks_text_cannot_change_the_structure(store, fixture_meeting):
    item = store.agenda.add(
        fixture_meeting.id, "Budget #",
        description="# Not a heading\n1. Not a list\n```\nnot code\n\n<!-- not a comment -->\n\n"
                    "Underlined\n=====\n\n> not a quote",
        recommendation="- not a bullet\n___")
    text = agenda_markdown(store, fixture_meeting.id)
    assert section(text, 11) == (
        "### 11. BUDGET \\#\n\n"
        "\\# Not a heading\n1\\. Not a list\n\\```\nnot code\n\n\\<!-- not a comment -->\n\n"
        "Underlined\n\\=====\n\n\\> not a quote\n\n"
        "\\- not a bullet\n\\___\n\n")
    assert store.agenda.get(item.id).title == "BUDGET #"


# ---------------------------------------------------------------- the command line
def test_clerk_export_agenda(tmp_path, capsys):
    db = tmp_path / "demo.db"
    with Store(db) as store:
        build_demo(store, today=PUBLISHED)
    assert main(["--db", str(db), "export", "agenda", "--date", "2021-03-09"]) == 0
    assert capsys.readouterr().out == GOLDEN.read_text(encoding="utf-8")
    out = tmp_path / "agenda.md"
    assert main(["export", "agenda", "--db", str(db), "--date", "9 March 2021", "--private", "-o", str(out)]) == 0
    assert "(PRIVATE — NOT FOR PUBLICATION)" in out.read_text(encoding="utf-8")
    assert f"Wrote {out}." in capsys.readouterr().err
    assert main(["--db", str(db), "export", "agenda", "--date", "2021-03-09", "--supplementary"]) == 0
    assert "There are no supplementary items." in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["--date", "2021-03-10"], "has no meeting on Wednesday 10 March 2021"),
    (["--date", "2021-02-30"], "not a real meeting date"),
    (["--date", "2021-03-09", "--committee", "Planning"], "No committee is called"),
])
def test_clerk_export_agenda_errors_are_plain(tmp_path, capsys, args, message):
    db = tmp_path / "demo.db"
    with Store(db) as store:
        build_demo(store, today=PUBLISHED)
    assert main(["--db", str(db), "export", "agenda", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("clerk: ") and message in err and "Traceback" not in err
