"""Building an agenda (store/agenda.py): standard items, business, order, publication.

The fixture test builds the agenda of 9 March 2021 as the pack prints it: the standard items,
items 6-10, and appendices with the pack's page counts (8, 6, a report to follow, 38, 62, 4),
which must give the pack's letters and page ranges. `build_fixture_agenda` is shared with the
export tests.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter

from store.demo_agenda import BUSINESS
from store.errors import Conflict, InvalidInput

MARCH = date(2021, 3, 9)
FIXTURE_TITLES = [
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
# The agenda's reference line under each item, as the pack prints it, by item number.
FIXTURE_REFERENCES = {
    "3": "Appendix A (Pages 1 - 8)",
    "6": "Appendix B (Pages 9 - 14)",
    "7": "Appendix C",
    "8": "Appendix D (Pages 15 - 52)",
    "9": "Appendix E (Pages 53 - 114)",
    "11": "Appendix F (Pages 115 - 118)",
}


# ---------------------------------------------------------------- helpers shared with the export tests
def blank_pdf(path: Path, pages: int) -> Path:
    """A PDF of `pages` blank A4 pages (instant to make, whatever its length)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    writer.write(path)
    return path


def build_fixture_agenda(store, committee, folder: Path):
    """The 9 March 2021 agenda, its appendices having the pack's page counts; returns the meeting."""
    store.meetings.add(committee.id, "2021-01-19")
    meeting = store.meetings.add(committee.id, MARCH)
    store.agenda.start_from_standard_items(meeting.id)
    for title, _topic, description, recommendation, _report, _pages, verbal in BUSINESS:
        item = store.agenda.add(meeting.id, title, description=description, recommendation=recommendation)
        if verbal:
            store.agenda.update(item.id, verbal_update=True)
    items = {item.title: item for item in store.agenda.list_for(meeting.id)}
    # The pack's previous minutes and work programme are PDFs of 8 and 4 pages here, not generated.
    for title, pages in (("MINUTES OF THE PREVIOUS MEETING", 8), ("WORK PROGRAMME", 4)):
        for generated in store.documents.list_for(items[title].id):
            store.documents.remove(generated.id)
        store.documents.attach(items[title].id, blank_pdf(folder / f"{pages}.pdf", pages), title.capitalize())
    for title, pages in (("PROCUREMENT PLAN FOR 2021/23", 6), ("ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", 38),
                         ("SUPPORTED LIVING AND EXTRA CARE HOUSING", 62)):
        store.documents.attach(items[title].id, blank_pdf(folder / f"{pages}.pdf", pages), title.capitalize())
    store.documents.add_to_follow(items["IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES"].id,
                                  "Impact of Covid-19 on day care")
    return store.meetings.get(meeting.id)


def references(store, meeting_id: int) -> dict[str, str]:
    return {e.number: e.reference for e in store.appendices.layout(meeting_id) if e.reference}


def titles(store, meeting_id: int) -> list[str]:
    return [item.title for item in store.agenda.list_for(meeting_id)]


@pytest.fixture
def fixture_meeting(store, committee, tmp_path):
    return build_fixture_agenda(store, committee, tmp_path)


@pytest.fixture
def meeting(store, committee):
    """A meeting of 9 March 2021 with only its standard items (no previous meeting)."""
    meeting = store.meetings.add(committee.id, MARCH)
    store.agenda.start_from_standard_items(meeting.id)
    return meeting


# ---------------------------------------------------------------- the fixture's agenda
def test_the_fixtures_agenda_gives_the_fixtures_titles_letters_and_pages(store, fixture_meeting):
    layout = store.appendices.layout(fixture_meeting.id)
    assert [e.item.title for e in layout] == FIXTURE_TITLES
    assert [e.number for e in layout] == [str(n) for n in range(1, 13)]
    assert references(store, fixture_meeting.id) == FIXTURE_REFERENCES
    item_10 = layout[9].item
    assert item_10.verbal_update and not layout[9].appendices


def test_moving_an_item_recomputes_letters_and_pages(store, fixture_meeting):
    complaints = store.agenda.list_for(fixture_meeting.id)[7]
    store.agenda.move(complaints.id, -1)
    assert titles(store, fixture_meeting.id)[6:8] == [
        "ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", "IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES"]
    assert references(store, fixture_meeting.id) == {
        "3": "Appendix A (Pages 1 - 8)",
        "6": "Appendix B (Pages 9 - 14)",
        "7": "Appendix C (Pages 15 - 52)",
        "8": "Appendix D",
        "9": "Appendix E (Pages 53 - 114)",
        "11": "Appendix F (Pages 115 - 118)",
    }
    store.agenda.move(store.agenda.list_for(fixture_meeting.id)[5].id, +1)
    assert titles(store, fixture_meeting.id)[5:7] == [
        "ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", "PROCUREMENT PLAN FOR 2021/23"]
    assert references(store, fixture_meeting.id) == {
        "3": "Appendix A (Pages 1 - 8)",
        "6": "Appendix B (Pages 9 - 46)",
        "7": "Appendix C (Pages 47 - 52)",
        "8": "Appendix D",
        "9": "Appendix E (Pages 53 - 114)",
        "11": "Appendix F (Pages 115 - 118)",
    }


def test_replacing_a_document_with_a_longer_one_recomputes(store, fixture_meeting, tmp_path):
    procurement = store.agenda.list_for(fixture_meeting.id)[5]
    document = store.documents.list_for(procurement.id)[0]
    store.documents.replace(document.id, blank_pdf(tmp_path / "ten.pdf", 10))
    assert references(store, fixture_meeting.id) == {
        "3": "Appendix A (Pages 1 - 8)",
        "6": "Appendix B (Pages 9 - 18)",
        "7": "Appendix C",
        "8": "Appendix D (Pages 19 - 56)",
        "9": "Appendix E (Pages 57 - 118)",
        "11": "Appendix F (Pages 119 - 122)",
    }


def test_a_report_that_arrives_takes_its_pages(store, fixture_meeting, tmp_path):
    day_care = store.agenda.list_for(fixture_meeting.id)[6]
    to_follow = store.documents.list_for(day_care.id)[0]
    store.documents.replace(to_follow.id, blank_pdf(tmp_path / "three.pdf", 3))
    assert references(store, fixture_meeting.id)["7"] == "Appendix C (Pages 15 - 17)"
    assert references(store, fixture_meeting.id)["11"] == "Appendix F (Pages 118 - 121)"


# ---------------------------------------------------------------- standard items
def test_a_new_agenda_starts_from_the_standard_items(store, committee):
    store.meetings.add(committee.id, "2021-01-19")
    meeting = store.meetings.add(committee.id, MARCH)
    items = store.agenda.start_from_standard_items(meeting.id)
    assert [i.title for i in items] == FIXTURE_TITLES[:5] + FIXTURE_TITLES[10:]
    assert {i.kind for i in items} == {"standard"}
    minutes_item = items[2]
    assert minutes_item.recommendation == ("The minutes of the meeting of the Adult Social Care Scrutiny Commission "
                                           "held on 19 January 2021 be confirmed as a correct record.")
    generated = {i.title: [(d.kind, d.title) for d in store.documents.list_for(i.id)] for i in items}
    assert generated["MINUTES OF THE PREVIOUS MEETING"] == [
        ("minutes", "Minutes of the meeting held on 19 January 2021")]
    assert generated["WORK PROGRAMME"] == [("work-programme", "Work programme")]
    # Starting again changes nothing.
    assert store.agenda.start_from_standard_items(meeting.id) == items


def test_with_no_previous_meeting_there_are_no_previous_minutes(store, meeting, count):
    minutes_item = store.agenda.list_for(meeting.id)[2]
    assert "(no previous meeting recorded)" in minutes_item.recommendation
    assert count("documents", "agenda_item_id = ?", [minutes_item.id]) == 0


# ---------------------------------------------------------------- add, update, remove, move
def test_business_goes_before_the_closing_items_in_the_order_added(store, meeting):
    store.agenda.add(meeting.id, "First report")
    store.agenda.add(meeting.id, "  second   report ", description="A report.")
    assert titles(store, meeting.id)[5:] == ["FIRST REPORT", "SECOND   REPORT", "WORK PROGRAMME",
                                             "ANY OTHER URGENT BUSINESS"]
    assert [i.position for i in store.agenda.list_for(meeting.id)] == list(range(1, 10))


@pytest.mark.parametrize("values, message", [
    (dict(title="  "), "The item title is empty"),
    (dict(title="X", exempt_paragraph=8), "Schedule 12A paragraph must be from 1 to 7"),
    (dict(title="X", exempt_paragraph="three"), "must be a whole number"),
    (dict(title="X", kind="urgent"), "needs the Chair's reasons for urgency"),
])
def test_bad_items_are_refused_and_nothing_is_added(store, meeting, count, values, message):
    before = count("agenda_items")
    with pytest.raises(InvalidInput, match=message):
        store.agenda.add(meeting.id, **values)
    assert count("agenda_items") == before


def test_a_cancelled_meetings_agenda_cannot_change(store, committee, count):
    meeting = store.meetings.add(committee.id, "2021-04-06")
    store.meetings.cancel(meeting.id, "No business")
    with pytest.raises(InvalidInput, match="cancelled"):
        store.agenda.add(meeting.id, "Anything")
    assert count("agenda_items", "meeting_id = ?", [meeting.id]) == 0


def test_update_changes_wording_and_flags(store, meeting):
    item = store.agenda.add(meeting.id, "Report")
    updated = store.agenda.update(item.id, title="Better title", description="The Director submits a report.",
                                  recommendation="Members are recommended to note it.", verbal_update=True)
    assert (updated.title, updated.description, updated.recommendation, updated.verbal_update) == (
        "BETTER TITLE", "The Director submits a report.", "Members are recommended to note it.", True)
    assert store.agenda.update(item.id, description="  ").description is None
    assert not updated.supplementary


def test_update_refuses_unknown_fields_and_bad_values(store, meeting):
    item = store.agenda.add(meeting.id, "Report")
    with pytest.raises(InvalidInput, match="no field position"):
        store.agenda.update(item.id, position=1)
    with pytest.raises(InvalidInput, match="from 1 to 7"):
        store.agenda.update(item.id, exempt_paragraph=0)
    with pytest.raises(InvalidInput, match="no officer"):
        store.agenda.update(item.id, lead_officer_id=999)
    assert store.agenda.get(item.id) == item


def test_an_exempt_item_sorts_into_the_private_part(store, meeting):
    secret = store.agenda.add(meeting.id, "Contract award")
    store.agenda.add(meeting.id, "Open report")
    store.agenda.update(secret.id, exempt_paragraph=3)
    assert titles(store, meeting.id)[-3:] == ["WORK PROGRAMME", "ANY OTHER URGENT BUSINESS", "CONTRACT AWARD"]
    assert [e.number for e in store.appendices.layout(meeting.id)][-1] == "9"


def test_remove_closes_up_the_numbers(store, meeting, count):
    item = store.agenda.add(meeting.id, "Report")
    store.agenda.remove(item.id)
    assert "REPORT" not in titles(store, meeting.id)
    assert [i.position for i in store.agenda.list_for(meeting.id)] == list(range(1, 8))
    assert count("agenda_items", "id = ?", [item.id]) == 0


def test_an_item_with_a_minute_cannot_be_removed(store, committee, count):
    meeting = store.meetings.add(committee.id, "2020-09-01")
    store.agenda.start_from_standard_items(meeting.id)
    store.minutes.take_agenda(meeting.id)
    item = store.agenda.list_for(meeting.id)[0]
    assert store.meetings.get(meeting.id).status == "scheduled"
    with pytest.raises(Conflict, match="has a minute"):
        store.agenda.remove(item.id)
    assert count("agenda_items", "id = ?", [item.id]) == 1


def test_move_stays_within_its_part(store, meeting):
    first = store.agenda.add(meeting.id, "First")
    store.agenda.add(meeting.id, "Second")
    store.agenda.move(first.id, +1)
    assert titles(store, meeting.id)[5:7] == ["SECOND", "FIRST"]
    store.agenda.move(first.id, +1)  # the closing items stay at the end
    assert titles(store, meeting.id)[5:] == ["SECOND", "FIRST", "WORK PROGRAMME", "ANY OTHER URGENT BUSINESS"]
    apologies = store.agenda.list_for(meeting.id)[0]
    assert store.agenda.move(apologies.id, -1) == apologies
    work_programme = store.agenda.list_for(meeting.id)[7]
    store.agenda.move(work_programme.id, -1)  # not among the business
    assert titles(store, meeting.id)[7] == "WORK PROGRAMME"


# ---------------------------------------------------------------- publication
@pytest.fixture
def published(store, fixture_meeting):
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    return store.meetings.get(fixture_meeting.id)


def test_publishing_freezes_letters_and_pages(store, published):
    assert published.status == "agenda-published" and published.published_at == "2021-03-01"
    assert store.agenda.is_published(published.id)
    rows = store.db.execute(
        "SELECT d.appendix_label, d.first_page, d.pages FROM documents d "
        "JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = ? ORDER BY d.appendix_label",
        [published.id]).fetchall()
    assert rows == [("A", 1, 8), ("B", 9, 6), ("C", None, None), ("D", 15, 38), ("E", 53, 62), ("F", 115, 4)]
    with pytest.raises(InvalidInput, match="already published"):
        store.appendices.publish(published.id, date(2021, 3, 2))


def test_a_document_added_after_publication_is_supplementary_and_follows_the_last_page(store, published, tmp_path):
    procurement = store.agenda.list_for(published.id)[5]
    store.documents.attach(procurement.id, blank_pdf(tmp_path / "annex.pdf", 3), "Annex")
    layout = store.appendices.layout(published.id)
    assert [(a.label, a.first_page, a.last_page) for a in layout[5].appendices] == [("B", 9, 14), ("B1", 119, 121)]
    # The two ranges do not run on, so the agenda names each one.
    assert layout[5].reference == "Appendix B (Pages 9 - 14), Appendix B1 (Pages 119 - 121)"
    assert store.agenda.get(procurement.id).supplementary
    # The published pages of the others never move.
    assert references(store, published.id)["8"] == "Appendix D (Pages 15 - 52)"
    assert references(store, published.id)["11"] == "Appendix F (Pages 115 - 118)"


def test_a_new_item_after_publication_needs_the_chairs_reasons(store, published, count, tmp_path):
    before = count("agenda_items")
    with pytest.raises(InvalidInput, match="reasons for urgency"):
        store.agenda.add(published.id, "Care home closure")
    assert count("agenda_items") == before
    item = store.agenda.add(published.id, "Care home closure", urgency_reasons="The provider closes on 10 March.")
    assert item.supplementary and item.urgency_reasons == "The provider closes on 10 March."
    assert titles(store, published.id)[10] == "CARE HOME CLOSURE"  # before the closing items
    store.documents.attach(item.id, blank_pdf(tmp_path / "closure.pdf", 2), "Closure report")
    entry = store.appendices.layout(published.id)[10]
    assert entry.reference == "Appendix G (Pages 119 - 120)"
    # It is 10A, after item 10: the work programme keeps its number 11, its letter and its pages.
    assert entry.number == "10A"
    assert references(store, published.id)["11"] == "Appendix F (Pages 115 - 118)"


def test_publishing_freezes_the_item_numbers(store, fixture_meeting):
    def frozen():
        return [row[0] for row in store.db.execute(
            "SELECT published_number FROM agenda_items WHERE meeting_id = ? ORDER BY position", [fixture_meeting.id])]

    assert frozen() == [None] * 12  # numbered from the order while the agenda is built
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    assert frozen() == [str(n) for n in range(1, 13)]
    # The database itself refuses to change a published number.
    with pytest.raises(sqlite3.IntegrityError, match="published agenda number cannot be changed"):
        store.db.execute("UPDATE agenda_items SET published_number = '13' WHERE meeting_id = ? AND "
                         "published_number = '12'", [fixture_meeting.id])
    assert frozen() == [str(n) for n in range(1, 13)]


def test_an_item_added_after_publication_is_numbered_after_the_item_it_follows(store, published):
    first = store.agenda.add(published.id, "Care home closure", urgency_reasons="The provider closes on 10 March.")
    second = store.agenda.add(published.id, "Flu vaccination", urgency_reasons="The programme starts on 8 March.")
    layout = store.appendices.layout(published.id)
    numbers = [(e.number, e.item.title) for e in layout]
    assert numbers == [(str(n), title) for n, title in enumerate(FIXTURE_TITLES[:10], 1)] + [
        ("10A", "CARE HOME CLOSURE"), ("10B", "FLU VACCINATION"),
        ("11", "WORK PROGRAMME"), ("12", "ANY OTHER URGENT BUSINESS")]
    assert (store.agenda.get(first.id).published_number, store.agenda.get(second.id).published_number) == (
        "10A", "10B")
    # Withdrawing one later takes no number from the other.
    store.agenda.set_status(first.id, "withdrawn")
    assert [e.number for e in store.appendices.layout(published.id)] == [e for e, _ in numbers]


def test_published_by_the_status_key_the_numbers_freeze_at_the_first_change(store, fixture_meeting):
    store.meetings.advance_status(fixture_meeting.id, date(2021, 3, 1))  # the Meetings pane: no freeze yet
    item = store.agenda.add(fixture_meeting.id, "Care home closure", urgency_reasons="It closes on 10 March.")
    assert [e.number for e in store.appendices.layout(fixture_meeting.id)][9:] == ["10", "10A", "11", "12"]
    # An item made exempt moves to the private part and keeps its number there.
    supported_living = store.agenda.list_for(fixture_meeting.id)[8]
    store.agenda.update(supported_living.id, exempt_paragraph=3)
    assert [(e.number, e.private) for e in store.appendices.layout(fixture_meeting.id)][8:] == [
        ("10", False), ("10A", False), ("11", False), ("12", False), ("9", True)]
    assert store.agenda.get(item.id).published_number == "10A"


def test_a_change_after_publication_marks_the_item_supplementary(store, published):
    item = store.agenda.list_for(published.id)[8]
    assert not item.supplementary
    changed = store.agenda.update(item.id, recommendation="Members are recommended to note the strategy.")
    assert changed.supplementary
    untouched = store.agenda.update(store.agenda.list_for(published.id)[7].id,
                                    title="ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT")
    assert not untouched.supplementary  # nothing changed, nothing marked


def test_after_publication_removing_and_moving_are_refused(store, published, count):
    items = store.agenda.list_for(published.id)
    positions = [(i.id, i.position) for i in items]
    with pytest.raises(InvalidInput, match="withdraw the item instead"):
        store.agenda.remove(items[5].id)
    with pytest.raises(InvalidInput, match="numbering is fixed"):
        store.agenda.move(items[5].id, 1)
    document = store.documents.list_for(items[5].id)[0]
    with pytest.raises(InvalidInput, match="cannot be taken out of the pack"):
        store.documents.remove(document.id)
    assert [(i.id, i.position) for i in store.agenda.list_for(published.id)] == positions
    assert count("documents", "id = ?", [document.id]) == 1


def test_withdrawing_after_publication_keeps_the_number_and_pages(store, published):
    item = store.agenda.list_for(published.id)[5]
    assert store.agenda.set_status(item.id, "withdrawn").status == "withdrawn"
    assert references(store, published.id) == FIXTURE_REFERENCES
    assert [e.item.status for e in store.appendices.layout(published.id)][5] == "withdrawn"
    with pytest.raises(InvalidInput, match="not an agenda item status"):
        store.agenda.set_status(item.id, "gone")


def test_a_refused_change_freezes_nothing(store, fixture_meeting, count):
    """Published by the Meetings pane's status key, the pack is frozen at the first change, not
    by a change that is refused."""
    store.meetings.advance_status(fixture_meeting.id, date(2021, 3, 1))
    with pytest.raises(InvalidInput, match="reasons for urgency"):
        store.agenda.add(fixture_meeting.id, "Care home closure")
    assert count("documents", "first_page IS NOT NULL") == 0
    store.agenda.add(fixture_meeting.id, "Care home closure", urgency_reasons="The provider closes on 10 March.")
    assert count("documents", "first_page IS NOT NULL") == 5


def test_advancing_a_meeting_with_an_agenda_publishes_and_freezes_it(store, fixture_meeting, count):
    meeting = store.appendices.advance_meeting(fixture_meeting.id, date(2021, 3, 1))
    assert meeting.status == "agenda-published" and meeting.published_at == "2021-03-01"
    assert count("documents", "first_page IS NOT NULL") == 5


def test_a_report_added_after_publication_can_be_taken_out_again(store, published, tmp_path, count):
    procurement = store.agenda.list_for(published.id)[5]
    annex = store.documents.attach(procurement.id, blank_pdf(tmp_path / "annex.pdf", 3), "Annex")
    store.documents.remove(annex.id)
    published_b = store.documents.list_for(procurement.id)[0]
    with pytest.raises(InvalidInput, match="published with the agenda"):
        store.documents.remove(published_b.id)
    assert count("documents", "agenda_item_id = ?", [procurement.id]) == 1


def test_withdrawing_after_publication_is_supplementary(store, published):
    item = store.agenda.list_for(published.id)[6]
    assert store.agenda.set_status(item.id, "withdrawn").supplementary


def test_an_unknown_lead_officer_is_refused_plainly(store, meeting, count):
    before = count("agenda_items")
    with pytest.raises(InvalidInput, match="no officer with id 999"):
        store.agenda.add(meeting.id, "Budget", lead_officer_id=999)
    assert count("agenda_items") == before
    assert store.agenda.add(meeting.id, "Covid update", verbal_update=True).verbal_update
