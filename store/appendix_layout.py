"""Appendix letters and page ranges, computed from the order of items and the documents' pages.

A pure function of the agenda: no database, so the rules are easy to read and to test.

- Items are numbered 1..n in agenda order (a withdrawn item keeps its number) until the agenda
  is published. Publication writes each item's number (`published_number`), so it never moves;
  an item added later takes the number of the item it follows with a letter, "10A", "10B", as
  clerks number a supplementary item, and is given it at once (store/agenda.py).
- Each item with documents gets the next free letter (A, B, C…); its first document is
  "B", the next ones "B1", "B2"…  A label the clerk chose, or one frozen by publication,
  is kept and its letter is never given to another item.
- Pages run continuously through the pack in agenda order. Once the agenda is published,
  its documents keep their pages; a document added later goes after the last published page
  (the supplementary pack), so the published page numbers never move.
- A document whose length is not known (a report to follow) gets a letter but no pages.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from store.meeting_models import AgendaItem


@dataclass(frozen=True)
class Document:
    id: int
    agenda_item_id: int
    position: int
    kind: str
    title: str
    appendix_label: str | None = None
    first_page: int | None = None
    path: str | None = None
    pages: int | None = None
    sha256: str | None = None
    added_at: str | None = None

    @property
    def frozen(self) -> bool:
        """Published with this label and first page; they never change."""
        return self.first_page is not None and self.appendix_label is not None


@dataclass(frozen=True)
class Appendix:
    document: Document
    label: str
    first_page: int | None
    pages: int | None

    @property
    def last_page(self) -> int | None:
        if self.first_page is None or not self.pages:
            return None
        return self.first_page + self.pages - 1


@dataclass(frozen=True)
class AgendaEntry:
    number: str  # "6", or "10A" for an item added after publication
    item: AgendaItem
    appendices: tuple[Appendix, ...]

    @property
    def private(self) -> bool:
        return self.item.exempt_paragraph is not None

    @property
    def first_page(self) -> int | None:
        pages = [a.first_page for a in self.appendices if a.last_page is not None]
        return min(pages) if pages else None

    @property
    def last_page(self) -> int | None:
        pages = [a.last_page for a in self.appendices if a.last_page is not None]
        return max(pages) if pages else None

    @property
    def reference(self) -> str | None:
        """'Appendix B (Pages 9 - 14)', as the agenda prints it under the item's title."""
        if not self.appendices:
            return None
        if not self._contiguous():
            # A report added after publication sits in the supplementary pages: name each range.
            return ", ".join(_reference([a.label], a.first_page, a.last_page) for a in self.appendices)
        return _reference([a.label for a in self.appendices], self.first_page, self.last_page)

    def _contiguous(self) -> bool:
        paged = sorted((a.first_page, a.last_page) for a in self.appendices if a.last_page is not None)
        return all(later[0] == earlier[1] + 1 for earlier, later in zip(paged, paged[1:]))


def _reference(labels: list[str], first: int | None, last: int | None) -> str:
    named = f"Appendix {labels[0]}" if len(labels) == 1 else \
        "Appendices " + ", ".join(labels[:-1]) + " and " + labels[-1]
    pages = page_range(first, last)
    return f"{named} ({pages})" if pages else named


def page_range(first: int | None, last: int | None) -> str | None:
    if first is None or last is None:
        return None
    return f"Page {first}" if first == last else f"Pages {first} - {last}"


_LABEL = re.compile(r"^([A-Z]+)(\d*)$")


def letter_of(label: str) -> str:
    match = _LABEL.match(label)
    return match.group(1) if match else label


def valid_label(label: str) -> bool:
    return bool(_LABEL.match(label))


def lay_out(items: list[AgendaItem], documents: dict[int, list[Document]],
            page_counts: dict[int, int | None] | None = None) -> list[AgendaEntry]:
    """The numbered agenda with each item's appendices; `page_counts` overrides documents' own pages."""
    counts = {d.id: d.pages for docs in documents.values() for d in docs}
    counts.update(page_counts or {})
    taken = {d.appendix_label for docs in documents.values() for d in docs if d.appendix_label}
    taken_letters = {letter_of(label) for label in taken}
    letters = (letter for letter in _letters() if letter not in taken_letters)

    frozen_end = max((d.first_page + (counts[d.id] or 0) for docs in documents.values()
                      for d in docs if d.frozen), default=1)
    next_page = frozen_end
    entries = []
    for number, item in zip(agenda_numbers(items), items):
        docs = sorted(documents.get(item.id, []), key=lambda d: (d.position, d.id))
        own = [letter_of(d.appendix_label) for d in docs if d.appendix_label]
        letter = own[0] if own else (next(letters) if docs else None)
        appendices = []
        for document in docs:
            label = document.appendix_label or _next_label(letter, taken)
            taken.add(label)
            pages = counts[document.id]
            if document.frozen:
                first = document.first_page
            elif pages:
                first, next_page = next_page, next_page + pages
            else:
                first = None
            appendices.append(Appendix(document, label, first, pages))
        entries.append(AgendaEntry(number, item, tuple(appendices)))
    return entries


def agenda_numbers(items: list[AgendaItem]) -> list[str]:
    """Each item's number, the items in agenda order.

    Before publication (no item has a published number) 1..n. After it, an item keeps the
    number it was published with; one that has none yet (added since) takes the number of the
    item before it with the next free letter: after 10, "10A", then "10B". An item added ahead
    of every published one (an agenda that had none before it) is "0A"."""
    if all(item.published_number is None for item in items):
        return [str(number) for number in range(1, len(items) + 1)]
    taken = {item.published_number for item in items if item.published_number is not None}
    numbers, previous = [], "0"
    for item in items:
        number = item.published_number
        if number is None:
            base = _NUMBER.match(previous)[1]
            number = next(f"{base}{letter}" for letter in _letters() if f"{base}{letter}" not in taken)
            taken.add(number)
        numbers.append(number)
        previous = number
    return numbers


_NUMBER = re.compile(r"^(\d*)")


def _next_label(letter: str, taken: set[str]) -> str:
    if letter not in taken:
        return letter
    n = 1
    while f"{letter}{n}" in taken:
        n += 1
    return f"{letter}{n}"


def _letters():
    """A … Z, then AA, AB … for the rare pack with more than 26 appendices."""
    yield from string.ascii_uppercase
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            yield first + second
