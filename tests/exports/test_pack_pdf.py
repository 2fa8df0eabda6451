"""The agenda pack as PDF, read back with pypdf: its pages and stamps match the agenda's page ranges.

Reports are small PDFs of known page counts whose first page holds a unique marker, so each
appendix can be found in the pack; the rest of their pages are blank, which keeps the tests fast.
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from store.demo import build_demo
from store.errors import ClerkError, InvalidInput
from store.exports.agenda_markdown import agenda_markdown
from store.exports.pack_pdf import pack_pdf
from store.pdf_render import markdown_to_pdf

DAY = date(2021, 3, 9)
STAMP = re.compile(r"^Page (\d+)$")


# ---------------------------------------------------------------- helpers
def report(path, marker: str, pages: int, size=(595, 842)):
    """A PDF of `pages` pages of `size` points; the first page says `marker`."""
    pdf = FPDF(unit="pt", format=size)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 100, marker)
    for _ in range(pages - 1):
        pdf.add_page()
    pdf.output(str(path))
    return path


def read(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def stamps(text: str) -> list[int]:
    return [int(m.group(1)) for line in text.splitlines() if (m := STAMP.match(line.strip()))]


def agenda_pages(store, meeting_id: int, private: bool = False) -> int:
    """How many pages the front sheet and agenda take, rendered on their own."""
    return len(PdfReader(io.BytesIO(markdown_to_pdf(agenda_markdown(store, meeting_id, private=private)))).pages)


def laid_out(store, meeting_id: int, private: bool = False):
    return [a for e in store.appendices.layout(meeting_id) if private or not e.private
            for a in e.appendices if a.last_page is not None]


def assert_matches_layout(store, meeting_id: int, data: bytes, markers: dict[str, str], private: bool = False):
    """Every appendix page sits at (agenda pages + its number - 1) and is stamped with its number."""
    texts = read(data)
    front = agenda_pages(store, meeting_id, private)
    appendices = laid_out(store, meeting_id, private)
    assert len(texts) == front + sum(a.pages for a in appendices)
    # The front sheet and agenda come first and carry no pack page numbers.
    assert "AGENDA" in texts[0] + texts[front - 1] and not any(stamps(text) for text in texts[:front])
    for appendix in appendices:
        for number in range(appendix.first_page, appendix.last_page + 1):
            assert stamps(texts[front + number - 1]) == [number]
        first = texts[front + appendix.first_page - 1]
        assert f"Appendix {appendix.label}" in first
        if appendix.document.title in markers:
            assert markers[appendix.document.title] in first
    assert stamps(texts[-1]) == [appendices[-1].last_page]
    return texts, front


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def meeting(store):
    committee = store.committees.add("Test Scrutiny Commission", "Test Council", default_time="17:30")
    store.members.add(committee.id, "Able", role="chair", start_date="2020-05-01")
    meeting = store.meetings.add(committee.id, DAY)
    store.agenda.start_from_standard_items(meeting.id)
    return meeting


@pytest.fixture
def business(store, meeting, tmp_path):
    """Three reports of 2, 3 and 4 pages on items 6-8; item 9 has a report to follow."""
    items = {}
    for title, pages in (("Budget", 2), ("Housing", 3), ("Care homes", 4)):
        item = store.agenda.add(meeting.id, f"{title} report")
        store.documents.attach(item.id, report(tmp_path / f"{title}.pdf", f"MARKER-{title.upper()}", pages),
                               title=title)
        items[title] = item
    later = store.agenda.add(meeting.id, "Transport report")
    store.documents.add_to_follow(later.id, "Transport")
    return items


MARKERS = {"Budget": "MARKER-BUDGET", "Housing": "MARKER-HOUSING", "Care homes": "MARKER-CARE HOMES"}


# ---------------------------------------------------------------- page numbers
def test_pack_pages_and_stamps_match_the_agenda(store, meeting, business):
    data = pack_pdf(store, meeting.id)
    texts, front = assert_matches_layout(store, meeting.id, data, MARKERS)
    layout = [(a.label, a.document.kind, a.first_page, a.pages) for a in laid_out(store, meeting.id)]
    # The report to follow (D) adds nothing; the work programme, rendered, is the last appendix.
    assert layout == [("A", "pdf", 1, 2), ("B", "pdf", 3, 3), ("C", "pdf", 6, 4), ("E", "work-programme", 10, 1)]
    assert len(texts) == front + 10 and "WORK PROGRAMME" in texts[-1].upper()
    # Only the first page of an appendix carries its label.
    assert "Appendix" not in texts[front + 1]


def test_page_numbers_follow_a_moved_item(store, meeting, business):
    store.agenda.move(business["Care homes"].id, -2)
    data = pack_pdf(store, meeting.id)
    assert_matches_layout(store, meeting.id, data, MARKERS)
    labels = {a.document.title: (a.label, a.first_page) for a in laid_out(store, meeting.id)}
    # Care homes swaps places with Budget: it takes letter A and pages 1-4.
    assert [labels[t] for t in ("Care homes", "Housing", "Budget")] == [("A", 1), ("B", 5), ("C", 8)]


def test_page_numbers_follow_a_longer_replacement(store, meeting, business, tmp_path):
    budget = store.documents.list_for(business["Budget"].id)[0]
    store.documents.replace(budget.id, report(tmp_path / "budget-v2.pdf", "MARKER-BUDGET", 5))
    data = pack_pdf(store, meeting.id)
    texts, front = assert_matches_layout(store, meeting.id, data, MARKERS)
    assert "MARKER-HOUSING" in texts[front + 5] and stamps(texts[front + 5]) == [6]


def test_a_new_version_after_publication_goes_to_the_supplementary_pages(store, meeting, business, tmp_path):
    store.appendices.publish(meeting.id, date(2021, 2, 22))
    housing = store.documents.list_for(business["Housing"].id)[0]
    longer = report(tmp_path / "housing-v2.pdf", "MARKER-HOUSING-V2", 4)
    # The published pack never changes length: replacing in place is refused, nothing changes.
    with pytest.raises(InvalidInput, match="cannot change length"):
        store.documents.replace(housing.id, longer)
    assert store.documents.get(housing.id) == housing
    added = store.documents.attach(business["Housing"].id, longer, title="Housing v2")
    appendix = next(a for a in laid_out(store, meeting.id) if a.document.id == added.id)
    last_published = max(a.last_page for a in laid_out(store, meeting.id) if a.document.id != added.id)
    assert appendix.first_page == last_published + 1

    texts = read(pack_pdf(store, meeting.id))
    numbers = [n for text in texts for n in stamps(text)]
    assert numbers == sorted(numbers) and numbers[-1] == appendix.last_page
    first = next(text for text in texts if "MARKER-HOUSING-V2" in text)
    assert stamps(first) == [appendix.first_page] and f"Appendix {appendix.label}" in first


# ---------------------------------------------------------------- public and private
def test_public_pack_holds_none_of_an_exempt_report(store, meeting, business, tmp_path):
    exempt = store.agenda.add(meeting.id, "Contract award", exempt_paragraph=3)
    words = tmp_path / "contract.md"
    words.write_text("# Contract award\n\nZEBRAQUOTA tender prices from QUOKKAFEN Limited.\n\n"
                     "- ZEBRAQUOTA bid one\n- ZEBRAQUOTA bid two\n", encoding="utf-8")
    store.documents.attach(exempt.id, words, title="Contract award")
    assert [e.private for e in store.appendices.layout(meeting.id)][-1] is True

    public = pack_pdf(store, meeting.id)
    texts, _ = assert_matches_layout(store, meeting.id, public, MARKERS)
    assert not any("ZEBRAQUOTA" in text or "QUOKKAFEN" in text for text in texts)

    private = pack_pdf(store, meeting.id, private=True)
    private_texts, _ = assert_matches_layout(store, meeting.id, private, MARKERS, private=True)
    assert sum("ZEBRAQUOTA" in text for text in private_texts) == 1
    exempt_appendix = laid_out(store, meeting.id, private=True)[-1]
    assert exempt_appendix.document.title == "Contract award"
    assert len(private_texts) - len(texts) == exempt_appendix.pages + (
        agenda_pages(store, meeting.id, private=True) - agenda_pages(store, meeting.id))


# ---------------------------------------------------------------- errors, progress, page sizes
def test_a_stored_page_count_that_is_wrong_stops_the_pack(store, meeting, business):
    housing = store.documents.list_for(business["Housing"].id)[0]
    store.db.table("documents").update(housing.id, {"pages": 5})
    with pytest.raises(ClerkError, match=r"Appendix B \('Housing'\) has 3 pages but the agenda gives it 5"):
        pack_pdf(store, meeting.id)


def test_an_appendix_with_pages_but_no_file_stops_the_pack(store, meeting):
    item = store.agenda.add(meeting.id, "Imported item")
    store.documents.record_published(item.id, "B", "Old report", first_page=None, pages=3)
    with pytest.raises(ClerkError, match=r"Appendix B \('Old report'\) has no file"):
        pack_pdf(store, meeting.id)


def test_progress_is_reported_per_appendix(store, meeting, business):
    calls = []
    pack_pdf(store, meeting.id, progress=lambda done, total, label: calls.append((done, total, label)))
    labels = [f"Appendix {a.label}" for a in laid_out(store, meeting.id)]
    assert calls == [(n, len(labels), label) for n, label in enumerate(labels, start=1)]


def test_pages_of_other_sizes_are_stamped_at_their_own_bottom_centre(store, meeting, tmp_path):
    item = store.agenda.add(meeting.id, "Plans")
    store.documents.attach(item.id, report(tmp_path / "plans.pdf", "MARKER-A3", 2, size=(1191, 842)), title="Plans")
    writer = PdfWriter()
    writer.add_blank_page(595, 842).mediabox = RectangleObject([100, 200, 695, 1042])
    writer.add_blank_page(420, 595)
    writer.add_blank_page(595, 842).rotate(90)
    offset = tmp_path / "offset.pdf"
    writer.write(offset)
    store.documents.attach(store.agenda.add(meeting.id, "Odd pages").id, offset, title="Odd")

    reader = PdfReader(io.BytesIO(pack_pdf(store, meeting.id)))
    checked = []
    for page in reader.pages:
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if STAMP.match(text.strip()):
                found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
        if not found:
            continue
        box = page.cropbox
        (x, y), = found
        width = float(box.width)
        # The stamp starts left of the centre and near the bottom, inside the visible box.
        assert float(box.left) + width * 0.35 < x < float(box.left) + width / 2
        assert float(box.bottom) < y < float(box.bottom) + 60
        checked.append((round(width), round(float(box.height))))
    # Two A3 landscape pages, an A4 page whose box starts at (100, 200), an A5 page, an A4 page
    # turned on its side (its rotation moved into its content), and the one-page work programme.
    assert checked == [(1191, 842), (1191, 842), (595, 842), (420, 595), (842, 595), (595, 842)]


def test_the_pack_is_the_same_bytes_every_time(store, meeting, business):
    assert pack_pdf(store, meeting.id) == pack_pdf(store, meeting.id)


# ---------------------------------------------------------------- the demo
def test_demo_pack_of_9_march_2021(store):
    committee = build_demo(store, today=date(2021, 3, 2))
    march = store.meetings.on(committee.id, DAY)
    texts = read(pack_pdf(store, march.id))
    front = agenda_pages(store, march.id)
    appendices = laid_out(store, march.id)
    assert [a.label for a in appendices] == list("ABCDEF")
    assert len(texts) == front + appendices[-1].last_page
    for appendix in appendices:
        first = texts[front + appendix.first_page - 1]
        assert stamps(first) == [appendix.first_page] and f"Appendix {appendix.label}" in first
    assert "PROCUREMENT PLAN" in texts[front + 3].upper()  # Appendix B, Pages 4 - 8
