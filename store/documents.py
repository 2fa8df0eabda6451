"""Documents attached to agenda items: reports (PDF, Markdown, text), reports to follow,
the previous minutes and the work programme (both generated), and those seen in an imported pack.

A file is copied into the database when attached (one SQLite file holds everything, and a
report moved on disk never breaks a pack); its page count is measured then: pypdf for a PDF,
a Markdown or text file is rendered to PDF first and counted.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlite_utils import Database

from store.agenda import AgendaStore
from store.appendix_layout import Document, letter_of, valid_label
from store.errors import InvalidInput, NotFound
from store.files import read_file
from store.pdf_render import markdown_to_pdf, page_count, text_to_pdf
from store.values import required_text

GENERATED_KINDS = ("minutes", "work-programme")
_TEXT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text"}


def read_report(path: str | Path) -> tuple[str, bytes, int]:
    """(kind, bytes, pages) of a report file; InvalidInput saying what is wrong with it."""
    path = Path(path).expanduser()
    data = read_file(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return "pdf", data, page_count(data, path.name)
    if suffix not in _TEXT_SUFFIXES:
        raise InvalidInput(f"{path.name} is not a PDF, Markdown (.md) or text (.txt) file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path.name} is not UTF-8 text (byte {error.start} cannot be read); "
                           "save it as UTF-8 or as PDF.") from error
    if "\x00" in text:
        raise InvalidInput(f"{path.name} holds binary data, not text.")
    kind = _TEXT_SUFFIXES[suffix]
    return kind, data, page_count(render_text(kind, text), path.name)


def render_text(kind: str, text: str) -> bytes:
    return markdown_to_pdf(text) if kind == "markdown" else text_to_pdf(text)


class DocumentStore:
    def __init__(self, db: Database, agenda: AgendaStore):
        self.db = db
        self.agenda = agenda
        # Set by the Store: called before a change to a published agenda, to freeze its pack.
        self.before_change: Callable[[int], None] = lambda meeting_id: None

    # reading -------------------------------------------------------------------
    def get(self, document_id: int) -> Document:
        rows = list(self.db.query(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFound(f"There is no document with id {document_id}.")
        return Document(**rows[0])

    def list_for(self, agenda_item_id: int) -> list[Document]:
        return [Document(**r) for r in self.db.query(
            f"SELECT {_COLUMNS} FROM documents WHERE agenda_item_id = ? ORDER BY position, id", [agenda_item_id])]

    def for_meeting(self, meeting_id: int) -> dict[int, list[Document]]:
        by_item: dict[int, list[Document]] = {}
        for row in self.db.query(
            f"SELECT {_COLUMNS} FROM documents WHERE agenda_item_id IN "
            "(SELECT id FROM agenda_items WHERE meeting_id = ?) ORDER BY position, id", [meeting_id],
        ):
            by_item.setdefault(row["agenda_item_id"], []).append(Document(**row))
        return by_item

    def content(self, document_id: int) -> bytes | None:
        rows = list(self.db.query("SELECT content FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFound(f"There is no document with id {document_id}.")
        return rows[0]["content"]

    # writing -------------------------------------------------------------------
    def attach(self, agenda_item_id: int, path: str | Path, title: str | None = None,
               now: datetime | None = None) -> Document:
        """Copy a report into the database; a missing or unreadable file changes nothing."""
        kind, data, pages = read_report(path)
        title = required_text(title or _title_from(Path(path)), "document title", 300)
        return self._add(agenda_item_id, dict(
            kind=kind, title=title, path=str(Path(path).expanduser().resolve()), pages=pages,
            content=data, sha256=hashlib.sha256(data).hexdigest(),
        ), now)

    def add_to_follow(self, agenda_item_id: int, title: str, now: datetime | None = None) -> Document:
        """A report listed before it arrives: it has a letter, and pages once it is attached."""
        return self._add(agenda_item_id, dict(kind="to-follow", title=required_text(title, "document title", 300)), now)

    def add_generated(self, agenda_item_id: int, kind: str, title: str, now: datetime | None = None) -> Document:
        """The previous minutes or the work programme, rendered from the store when the pack is made."""
        if kind not in GENERATED_KINDS:
            raise InvalidInput(f"'{kind}' is not a document clerk writes itself.")
        return self._add(agenda_item_id, dict(kind=kind, title=title), now)

    def record_published(self, agenda_item_id: int, label: str, title: str,
                         first_page: int | None, pages: int | None) -> Document:
        """An appendix as an imported pack published it: its label and pages, no file."""
        if not valid_label(label):
            raise InvalidInput(f"'{label}' is not an appendix label (A, B, B1…).")
        return self._add(agenda_item_id, dict(kind="imported", title=title, appendix_label=label,
                                              first_page=first_page, pages=pages), None, check=False)

    def replace(self, document_id: int, path: str | Path, now: datetime | None = None) -> Document:
        """A new version of a report (or the report that was to follow): same place, new pages."""
        document = self.get(document_id)
        if document.kind in GENERATED_KINDS or document.kind == "imported":
            raise InvalidInput(f"'{document.title}' is not a file; attach the report as a new document.")
        kind, data, pages = read_report(path)
        if document.first_page is not None and pages != document.pages:
            raise InvalidInput(
                f"Appendix {document.appendix_label} was published with {document.pages} pages and this file has "
                f"{pages}; the published pack cannot change length. Attach the new version as a further document "
                "(it goes in the supplementary pages).")
        self._changing(document.agenda_item_id)
        self.db.table("documents").update(document_id, dict(
            kind=kind, path=str(Path(path).expanduser().resolve()), pages=pages, content=data,
            sha256=hashlib.sha256(data).hexdigest(), added_at=_stamp(now),
        ))
        return self.get(document_id)

    def rename(self, document_id: int, title: str) -> Document:
        document = self.get(document_id)
        self._changing(document.agenda_item_id)
        self.db.table("documents").update(document_id, {"title": required_text(title, "document title", 300)})
        return self.get(document_id)

    def remove(self, document_id: int) -> None:
        document = self.get(document_id)
        # Publication writes every appendix's label; one added later has none until the next change.
        if document.first_page is not None or (document.appendix_label and self._published(document.agenda_item_id)):
            raise InvalidInput("This appendix was published with the agenda; it cannot be taken out of the pack.")
        self.db.execute("DELETE FROM documents WHERE id = ?", [document_id])

    def move(self, document_id: int, delta: int) -> Document:
        """Swap a document with its neighbour on the same item (their labels follow the order)."""
        document = self.get(document_id)
        siblings = self.list_for(document.agenda_item_id)
        index = next(i for i, d in enumerate(siblings) if d.id == document_id)
        target = index + delta
        if not 0 <= target < len(siblings):
            return document
        if self._published(document.agenda_item_id):
            raise InvalidInput("The agenda is published; its appendices keep their order.")
        other = siblings[target]
        with self.db.atomic():
            self.db.execute("UPDATE documents SET position = ? WHERE id = ?", [other.position, document.id])
            self.db.execute("UPDATE documents SET position = ? WHERE id = ?", [document.position, other.id])
        return self.get(document_id)

    def set_label(self, document_id: int, label: str | None) -> Document:
        """The clerk's own appendix label (e.g. 'B1'); None to let clerk compute it."""
        document = self.get(document_id)
        if document.first_page is not None:
            raise InvalidInput(f"Appendix {document.appendix_label} was published; its label is fixed.")
        label = (label or "").strip().upper() or None
        if label is not None:
            if not valid_label(label):
                raise InvalidInput(f"'{label}' is not an appendix label: a letter, then a number if any (B, B1).")
            self._check_label_free(document, label)
        self.db.table("documents").update(document_id, {"appendix_label": label})
        return self.get(document_id)

    # helpers -------------------------------------------------------------------
    def _add(self, agenda_item_id: int, values: dict, now: datetime | None, check: bool = True) -> Document:
        if check:
            self._changing(agenda_item_id)
        else:
            self.agenda.get(agenda_item_id)
        last = self.db.execute("SELECT max(position) FROM documents WHERE agenda_item_id = ?",
                               [agenda_item_id]).fetchone()[0]
        values.setdefault("added_at", _stamp(now))
        row_id = self.db.table("documents").insert(dict(
            agenda_item_id=agenda_item_id, position=(last or 0) + 1, **values)).last_pk
        return self.get(row_id)

    def _changing(self, agenda_item_id: int) -> None:
        """A change to a published agenda freezes the pack first and marks the item supplementary."""
        item = self.agenda.get(agenda_item_id)
        if self._published(agenda_item_id):
            self.before_change(item.meeting_id)
            self.db.execute("UPDATE agenda_items SET supplementary = 1 WHERE id = ?", [agenda_item_id])

    def _published(self, agenda_item_id: int) -> bool:
        item = self.agenda.get(agenda_item_id)
        return self.agenda.is_published(item.meeting_id)

    def _check_label_free(self, document: Document, label: str) -> None:
        letter = letter_of(label)
        for row in self.db.query(
            "SELECT d.id, d.agenda_item_id, d.appendix_label, i.title FROM documents d "
            "JOIN agenda_items i ON i.id = d.agenda_item_id "
            "WHERE i.meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = ?) "
            "AND d.appendix_label IS NOT NULL AND d.id <> ?", [document.agenda_item_id, document.id],
        ):
            if row["appendix_label"] == label:
                raise InvalidInput(f"Appendix {label} is already '{row['title']}'s; choose another label.")
            if letter_of(row["appendix_label"]) == letter and row["agenda_item_id"] != document.agenda_item_id:
                raise InvalidInput(f"Letter {letter} belongs to '{row['title']}'; two items cannot share an appendix letter.")


_COLUMNS = "id, agenda_item_id, position, kind, title, appendix_label, first_page, path, pages, sha256, added_at"


def _title_from(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Report"


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now()).isoformat(timespec="seconds")
