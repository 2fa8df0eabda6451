"""Documents attached to agenda items (store/documents.py): reading files, labels, bad input.

A file that cannot be used is refused with a message that says what is wrong with it, and
nothing changes: the tests count the rows and read the item back.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest

from store.errors import InvalidInput, NotFound
from tests.store.test_agenda_builder import blank_pdf

NOW = datetime(2021, 2, 25, 9, 0)


@pytest.fixture
def meeting(store, committee):
    meeting = store.meetings.add(committee.id, "2021-03-09")
    store.agenda.start_from_standard_items(meeting.id)
    return meeting


@pytest.fixture
def item(store, meeting):
    return store.agenda.add(meeting.id, "Procurement plan for 2021/23")


@pytest.fixture
def other(store, meeting):
    return store.agenda.add(meeting.id, "Adult social care annual complaints report")


def test_a_pdf_is_copied_in_with_its_page_count(store, item, tmp_path):
    path = blank_pdf(tmp_path / "procurement_plan-2021.pdf", 6)
    document = store.documents.attach(item.id, path, now=NOW)
    assert (document.kind, document.pages, document.title, document.added_at) == (
        "pdf", 6, "Procurement plan 2021", "2021-02-25T09:00:00")
    assert document.path == str(path.resolve())
    data = path.read_bytes()
    assert store.documents.content(document.id) == data
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    # The pack never depends on the file staying where it was.
    path.unlink()
    assert store.documents.content(document.id) == data


def test_markdown_and_text_are_rendered_to_count_their_pages(store, item, tmp_path):
    markdown = tmp_path / "report.md"
    markdown.write_text("# Report\n\n" + "A paragraph of the report.\n\n" * 200, encoding="utf-8")
    text = tmp_path / "notes.txt"
    text.write_text("One short note.\n", encoding="utf-8")
    long, short = store.documents.attach(item.id, markdown, "Report"), store.documents.attach(item.id, text, "Notes")
    assert (long.kind, short.kind) == ("markdown", "text")
    assert long.pages > 1 and short.pages == 1
    assert [a.label for a in store.appendices.layout(item.meeting_id)[5].appendices] == ["A", "A1"]


def test_a_text_file_with_a_byte_order_mark_is_read(store, item, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffA report saved by Notepad.".encode("utf-8"))
    document = store.documents.attach(item.id, path, "Report")
    assert store.appendices.markdown(item.meeting_id, document) == "A report saved by Notepad."


# ---------------------------------------------------------------- bad input
def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _empty_pdf(path):
    """A valid PDF whose page tree holds no pages, written by hand."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return _write(path, bytes(out))


@pytest.mark.parametrize("make, message", [
    (lambda d: _write(d / "report.pdf", b"This is a Word document renamed to .pdf"),
     "report.pdf is not a PDF (it does not start with %PDF-)"),
    (lambda d: _empty_pdf(d / "empty.pdf"), "empty.pdf is a PDF with no pages"),
    (lambda d: _write(d / "cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "cut.pdf could not be read as a PDF"),
    (lambda d: d / "missing.pdf", "missing.pdf does not exist"),
    (lambda d: d, "is a folder, not a file"),
    (lambda d: _write(d / "latin1.txt", "Caf\u00e9 budget".encode("latin-1")),
     "latin1.txt is not UTF-8 text (byte 3 cannot be read)"),
    (lambda d: _write(d / "blank.txt", b"  \n\n"), "blank.txt is empty"),
    (lambda d: _write(d / "report.docx", b"PK\x03\x04 a zip"), "report.docx is not a PDF, Markdown (.md) or text"),
    (lambda d: _write(d / "binary.txt", b"text\x00with a NUL"), "binary.txt holds binary data"),
])
def test_a_file_that_cannot_be_used_is_refused_and_nothing_changes(store, item, tmp_path, count, make, message):
    path = make(tmp_path)
    before = count("documents")
    with pytest.raises(InvalidInput) as raised:
        store.documents.attach(item.id, path, "Report")
    assert message in str(raised.value)
    assert count("documents") == before
    assert store.agenda.get(item.id) == item


def test_the_empty_pdf_helper_is_a_readable_pdf(tmp_path):
    """The hand-written PDF is refused for having no pages, not for being broken."""
    from pypdf import PdfReader

    assert len(PdfReader(_empty_pdf(tmp_path / "empty.pdf")).pages) == 0


def test_replacing_with_a_bad_file_keeps_the_old_one(store, item, tmp_path):
    document = store.documents.attach(item.id, blank_pdf(tmp_path / "six.pdf", 6), "Plan")
    with pytest.raises(InvalidInput, match="does not exist"):
        store.documents.replace(document.id, tmp_path / "gone.pdf")
    assert store.documents.get(document.id) == document


def test_attaching_to_an_item_that_does_not_exist(store, tmp_path, count):
    with pytest.raises(NotFound):
        store.documents.attach(999, blank_pdf(tmp_path / "one.pdf", 1), "Plan")
    assert count("documents") == 0


# ---------------------------------------------------------------- labels
def test_two_items_cannot_claim_the_same_appendix(store, item, other, tmp_path):
    mine = store.documents.attach(item.id, blank_pdf(tmp_path / "a.pdf", 2), "Plan")
    theirs = store.documents.attach(other.id, blank_pdf(tmp_path / "b.pdf", 3), "Complaints")
    store.documents.set_label(mine.id, "b")
    with pytest.raises(InvalidInput, match="Appendix B is already 'PROCUREMENT PLAN FOR 2021/23's"):
        store.documents.set_label(theirs.id, "B")
    with pytest.raises(InvalidInput, match="two items cannot share an appendix letter"):
        store.documents.set_label(theirs.id, "B1")
    assert store.documents.get(theirs.id).appendix_label is None
    labels = store.db.execute("SELECT id, appendix_label FROM documents WHERE agenda_item_id IN (?, ?) ORDER BY id",
                              [item.id, other.id]).fetchall()
    assert labels == [(mine.id, "B"), (theirs.id, None)]
    # Clerk's letters go round the chosen one: the other item gets A.
    layout = store.appendices.layout(item.meeting_id)
    assert [(e.item.title, e.reference) for e in layout if e.item.id in (item.id, other.id)] == [
        ("PROCUREMENT PLAN FOR 2021/23", "Appendix B (Pages 1 - 2)"),
        ("ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", "Appendix A (Pages 3 - 5)"),
    ]


def test_one_item_may_have_b_and_b1(store, item, tmp_path):
    first = store.documents.attach(item.id, blank_pdf(tmp_path / "a.pdf", 2), "Plan")
    second = store.documents.attach(item.id, blank_pdf(tmp_path / "b.pdf", 1), "Annex")
    store.documents.set_label(first.id, "B")
    store.documents.set_label(second.id, "B1")
    assert store.appendices.layout(item.meeting_id)[5].reference == "Appendices B and B1 (Pages 1 - 3)"
    assert store.documents.set_label(second.id, "").appendix_label is None


@pytest.mark.parametrize("label", ["1", "B-2", "Appendix B", "b 1"])
def test_a_label_must_be_a_letter_then_a_number(store, item, tmp_path, label):
    document = store.documents.attach(item.id, blank_pdf(tmp_path / "a.pdf", 1), "Plan")
    with pytest.raises(InvalidInput, match="is not an appendix label"):
        store.documents.set_label(document.id, label)
    assert store.documents.get(document.id).appendix_label is None


# ---------------------------------------------------------------- the other kinds and changes
def test_a_report_to_follow_gets_its_pages_when_it_arrives(store, item, tmp_path):
    to_follow = store.documents.add_to_follow(item.id, "Procurement plan")
    assert (to_follow.kind, to_follow.pages) == ("to-follow", None)
    assert store.appendices.layout(item.meeting_id)[5].reference == "Appendix A"
    arrived = store.documents.replace(to_follow.id, blank_pdf(tmp_path / "plan.pdf", 6))
    assert (arrived.kind, arrived.pages, arrived.title) == ("pdf", 6, "Procurement plan")
    assert store.appendices.layout(item.meeting_id)[5].reference == "Appendix A (Pages 1 - 6)"


def test_generated_documents_are_not_files(store, meeting, item, tmp_path):
    with pytest.raises(InvalidInput, match="not a document clerk writes itself"):
        store.documents.add_generated(item.id, "report", "Report")
    work_programme = store.agenda.list_for(meeting.id)[-1 - 1]
    generated = store.documents.list_for(work_programme.id)[0]
    assert generated.kind == "work-programme"
    with pytest.raises(InvalidInput, match="is not a file"):
        store.documents.replace(generated.id, blank_pdf(tmp_path / "wp.pdf", 1))


def test_rename_move_and_remove(store, item, tmp_path, count):
    first = store.documents.attach(item.id, blank_pdf(tmp_path / "a.pdf", 2), "Plan")
    second = store.documents.attach(item.id, blank_pdf(tmp_path / "b.pdf", 5), "Annex")
    assert store.documents.rename(first.id, "  Procurement plan ").title == "Procurement plan"
    with pytest.raises(InvalidInput, match="document title is empty"):
        store.documents.rename(first.id, " ")
    store.documents.move(second.id, -1)
    appendices = store.appendices.layout(item.meeting_id)[5].appendices
    assert [(a.document.title, a.label, a.first_page) for a in appendices] == [
        ("Annex", "A", 1), ("Procurement plan", "A1", 6)]
    assert store.documents.move(second.id, -1).position == store.documents.get(second.id).position
    store.documents.remove(second.id)
    assert count("documents", "agenda_item_id = ?", [item.id]) == 1


def test_after_publication_an_attachment_marks_the_item_and_moves_are_refused(store, meeting, item, other,
                                                                             tmp_path):
    plan = store.documents.attach(item.id, blank_pdf(tmp_path / "a.pdf", 2), "Plan")
    store.documents.attach(item.id, blank_pdf(tmp_path / "b.pdf", 1), "Annex")
    store.appendices.publish(meeting.id, date(2021, 3, 1))
    with pytest.raises(InvalidInput, match="keep their order"):
        store.documents.move(plan.id, 1)
    with pytest.raises(InvalidInput, match="label is fixed"):
        store.documents.set_label(plan.id, "Z")
    late = store.documents.attach(other.id, blank_pdf(tmp_path / "c.pdf", 4), "Complaints")
    assert store.agenda.get(other.id).supplementary and not store.agenda.get(item.id).supplementary
    entry = next(e for e in store.appendices.layout(meeting.id) if e.item.id == other.id)
    assert entry.reference == "Appendix C (Pages 5 - 8)"  # the work programme (generated) is B, page 4
    assert [a.document.id for a in entry.appendices] == [late.id]


def test_an_imported_appendix_keeps_the_label_and_pages_it_was_published_with(store, item):
    imported = store.documents.record_published(item.id, "B", "Procurement plan", 9, 6)
    assert (imported.kind, imported.appendix_label, imported.first_page, imported.pages) == ("imported", "B", 9, 6)
    assert store.appendices.layout(item.meeting_id)[5].reference == "Appendix B (Pages 9 - 14)"
    with pytest.raises(InvalidInput, match="not an appendix label"):
        store.documents.record_published(item.id, "b2x", "Annex", None, None)
