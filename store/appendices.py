"""A meeting's appendices as the pack will hold them: letters, pages, and each one's text and PDF.

The previous minutes and the work programme are rendered from the store when asked for, so
their page counts are measured on what the pack will really contain (cached by content).
Publishing writes every item's number and every appendix's label and first page, so the
published pack never moves.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from store.appendix_layout import AgendaEntry, Document, lay_out
from store.documents import render_text
from store.errors import InvalidInput
from store.pdf_render import markdown_to_pdf

if TYPE_CHECKING:
    from store.api import Store


class AppendixStore:
    def __init__(self, store: Store):
        self.store = store

    def layout(self, meeting_id: int) -> list[AgendaEntry]:
        """The numbered agenda, every item with its appendices, letters and page ranges."""
        items = self.store.agenda.list_for(meeting_id)
        documents = self.store.documents.for_meeting(meeting_id)
        counts = {d.id: self._generated_pages(meeting_id, d)
                  for docs in documents.values() for d in docs
                  if d.kind in ("minutes", "work-programme") and not d.frozen}
        return lay_out(items, documents, counts)

    def markdown(self, meeting_id: int, document: Document) -> str | None:
        """The appendix's text: Markdown as written, plain text, a PDF's extracted text; None if none."""
        if document.kind == "minutes":
            previous = self.store.meetings.previous(self.store.meetings.get(meeting_id))
            return _minutes_text(self.store, previous.id) if previous else None
        if document.kind == "work-programme":
            return _programme_text(self.store, meeting_id)
        data = self.store.documents.content(document.id)
        if data is None:
            return None
        if document.kind == "pdf":
            return _pdf_text(data)
        return data.decode("utf-8-sig")

    def pdf(self, meeting_id: int, document: Document) -> bytes | None:
        """The appendix as PDF pages, or None when it has none (a report to follow)."""
        if document.kind == "pdf":
            return self.store.documents.content(document.id)
        if document.kind in ("markdown", "text"):
            data = self.store.documents.content(document.id)
            return render_text(document.kind, data.decode("utf-8-sig")) if data else None
        if document.kind in ("minutes", "work-programme"):
            text = self.markdown(meeting_id, document)
            return _render_markdown(text) if text else None
        return None

    def freeze(self, meeting_id: int) -> None:
        """Write each appendix's label and first page, as published (idempotent)."""
        with self.store.db.atomic():
            for entry in self.layout(meeting_id):
                for appendix in entry.appendices:
                    document = appendix.document
                    if document.frozen:
                        continue
                    self.store.db.table("documents").update(document.id, dict(
                        appendix_label=appendix.label, first_page=appendix.first_page,
                        pages=appendix.pages,
                    ))

    def publish(self, meeting_id: int, today: date) -> None:
        """Publish the agenda: freeze its numbers and its pack and record the day; the meeting shows
        as published."""
        meeting = self.store.meetings.get(meeting_id)
        if meeting.cancelled:
            raise InvalidInput("This meeting is cancelled; there is no agenda to publish.")
        if meeting.status != "scheduled":
            raise InvalidInput("This agenda is already published.")
        if not self.store.agenda.list_for(meeting_id):
            raise InvalidInput("The agenda has no items yet; nothing to publish.")
        with self.store.db.atomic():
            self.store.agenda.freeze_numbers(meeting_id)
            self.freeze(meeting_id)
            self.store.db.table("meetings").update(
                meeting_id, {"status": "agenda-published", "published_at": today.isoformat()})

    def advance_meeting(self, meeting_id: int, today: date):
        """The meeting's next status; publishing an agenda that has items freezes its pack."""
        meeting = self.store.meetings.get(meeting_id)
        if meeting.status == "scheduled" and self.store.agenda.list_for(meeting_id):
            self.publish(meeting_id, today)
            return self.store.meetings.get(meeting_id)
        return self.store.meetings.advance_status(meeting_id, today)

    def _generated_pages(self, meeting_id: int, document: Document) -> int | None:
        text = self.markdown(meeting_id, document)
        return _rendered_pages(text) if text else None


def _minutes_text(store: Store, meeting_id: int) -> str | None:
    from store.exports.minutes_markdown import minutes_markdown

    if not store.minutes.list_for(meeting_id):
        return None
    return minutes_markdown(store, meeting_id)


def _programme_text(store: Store, meeting_id: int) -> str:
    from store.exports.programme_markdown import programme_markdown

    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    return programme_markdown(store, committee.id, store.meetings.year_of(committee, meeting.date))


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader  # on first use: the app starts without it (store/pdf_render.py)

    reader = PdfReader(io.BytesIO(data))
    return "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()


@lru_cache(maxsize=256)
def _render_cached(digest: str, text: str) -> bytes:
    return markdown_to_pdf(text)


def _render_markdown(text: str) -> bytes:
    return _render_cached(hashlib.sha256(text.encode()).hexdigest(), text)


def _rendered_pages(text: str) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(_render_markdown(text))).pages)
