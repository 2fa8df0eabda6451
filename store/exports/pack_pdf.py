"""The agenda pack as one PDF: the front sheet and agenda, then every appendix, page-numbered.

The front sheet and agenda (agenda_markdown rendered to PDF) carry no pack page numbers,
as in councils' packs. Each appendix follows with its own pages, each stamped "Page N" at
the bottom centre, N running on from the appendix's first page, so the stamps match the
agenda's "Pages x - y"; an appendix's first page also carries its label at the top right.

- The public pack leaves out every exempt item's appendices: they are filtered out of the
  layout before any file is read, so no exempt page can reach the public pack.
- Appendices go in page order. Before publication that is the agenda's order; after it, a
  report added or lengthened later sits in the supplementary pages at the end, as numbered.
- A report to follow (no pages yet) adds nothing.
- If a file's real page count differs from the pages the agenda gives it, or two appendices
  claim the same page, the pack is not made: ClerkError says which appendix and why.

The stamps are drawn by fpdf2 on overlay pages the size of each appendix page (its visible
box, so A3, A5 and landscape pages are stamped at their own bottom centre) and merged with pypdf.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Callable

from fpdf import FPDF
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError

from store.appendix_layout import AgendaEntry, Appendix, page_range
from store.errors import ClerkError
from store.exports.agenda_markdown import agenda_markdown
from store.pdf_render import latin1, markdown_to_pdf

if TYPE_CHECKING:
    from store.api import Store

Progress = Callable[[int, int, str], None]

A4_WIDTH = 595.28  # points; stamps are sized for A4 and scaled with smaller or larger pages
STAMP_SIZE = 9
LABEL_SIZE = 10


def pack_pdf(store: Store, meeting_id: int, private: bool = False, progress: Progress | None = None) -> bytes:
    """The meeting's agenda pack as PDF bytes; `private` includes the exempt items' appendices.

    `progress(done, total, label)` is called after each appendix ("Appendix B") is added."""
    store.meetings.get(meeting_id)  # NotFound for a meeting that does not exist
    appendices = pack_appendices(store.appendices.layout(meeting_id), private)
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(markdown_to_pdf(agenda_markdown(store, meeting_id, private=private)))).pages:
        writer.add_page(page)
    for done, appendix in enumerate(appendices, start=1):
        pages = _appendix_pages(appendix, store.appendices.pdf(meeting_id, appendix.document))
        overlay = _overlay(appendix, pages)
        for page, stamp in zip(pages, overlay):
            _stamp(writer.add_page(page), stamp)
        if progress is not None:
            progress(done, len(appendices), f"Appendix {appendix.label}")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pack_appendices(layout: list[AgendaEntry], private: bool) -> list[Appendix]:
    """The appendices the pack holds, in page order: exempt items' only in the private pack,
    reports to follow (no pages) not at all. Two appendices claiming one page is an error."""
    entries = [entry for entry in layout if private or not entry.private]
    appendices = [a for entry in entries for a in entry.appendices if a.last_page is not None]
    appendices.sort(key=lambda a: a.first_page)
    for before, after in zip(appendices, appendices[1:]):
        if after.first_page <= before.last_page:
            raise ClerkError(
                f"Appendix {before.label} ({page_range(before.first_page, before.last_page)}) and Appendix "
                f"{after.label} ({page_range(after.first_page, after.last_page)}) claim the same pages; "
                "the pack cannot be numbered.")
    return appendices


def _appendix_pages(appendix: Appendix, data: bytes | None) -> list[PageObject]:
    """The appendix's pages, checked against the pages the agenda gives it."""
    name = f"Appendix {appendix.label} ('{appendix.document.title}')"
    pages_text = page_range(appendix.first_page, appendix.last_page)
    if not data:
        raise ClerkError(f"{name} has no file to put in the pack, but the agenda gives it {pages_text}; "
                         "attach the report first.")
    try:
        pages = list(PdfReader(io.BytesIO(data)).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise ClerkError(f"{name} could not be read as a PDF ({error}); attach the report again.") from error
    if len(pages) != appendix.pages:
        raise ClerkError(
            f"{name} has {len(pages)} page{'s' if len(pages) != 1 else ''} but the agenda gives it "
            f"{appendix.pages} ({pages_text}); the pack's page numbers would be wrong. "
            "Replace the document so clerk counts its pages again.")
    for page in pages:
        if page.rotation:
            # Stamp the page as it is seen: turn its content instead of the viewer.
            page.transfer_rotation_to_content()
    return pages


def _overlay(appendix: Appendix, pages: list[PageObject]) -> list[PageObject]:
    """One overlay page per appendix page, the same size, holding 'Page N' (and the label on the first)."""
    pdf = FPDF(unit="pt")
    pdf.set_compression(False)  # a few bytes per page: compressing costs more than it saves
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for offset, page in enumerate(pages):
        width, height = float(page.cropbox.width), float(page.cropbox.height)
        scale = min(max(min(width, height) / A4_WIDTH, 0.5), 2.0)
        pdf.add_page(format=(width, height))
        pdf.set_font("Helvetica", size=STAMP_SIZE * scale)
        pdf.set_xy(0, height - 24 * scale)
        pdf.cell(width, STAMP_SIZE * scale, f"Page {appendix.first_page + offset}", align="C")
        if offset == 0:
            pdf.set_font("Helvetica", style="B", size=LABEL_SIZE * scale)
            pdf.set_xy(0, 16 * scale)
            pdf.cell(width - 28 * scale, LABEL_SIZE * scale, latin1(f"Appendix {appendix.label}"), align="R")
    return list(PdfReader(io.BytesIO(bytes(pdf.output()))).pages)


def _stamp(page: PageObject, overlay: PageObject) -> None:
    """Draw the overlay on the page, placed on the page's visible box wherever its origin is."""
    left, bottom = float(page.cropbox.left), float(page.cropbox.bottom)
    if left or bottom:
        page.merge_transformed_page(overlay, Transformation().translate(left, bottom))
    else:
        page.merge_page(overlay)
