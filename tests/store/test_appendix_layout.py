"""Appendix letters and page ranges as a pure function of the agenda (store/appendix_layout.py)."""

from __future__ import annotations

from itertools import count

import pytest

from store.appendix_layout import (
    AgendaEntry, Appendix, Document, agenda_numbers, lay_out, letter_of, page_range, valid_label,
)
from store.meeting_models import AgendaItem

_ids = count(1)


def items(*titles: str) -> list[AgendaItem]:
    return [AgendaItem(id=n, meeting_id=1, position=n, title=t) for n, t in enumerate(titles, start=1)]


def doc(item_id: int, pages: int | None, position: int = 1, label: str | None = None,
        first_page: int | None = None, kind: str = "pdf") -> Document:
    return Document(id=next(_ids), agenda_item_id=item_id, position=position, kind=kind, title=f"Report {item_id}",
                    appendix_label=label, first_page=first_page, pages=pages)


def by_item(*documents: Document) -> dict[int, list[Document]]:
    grouped: dict[int, list[Document]] = {}
    for d in documents:
        grouped.setdefault(d.agenda_item_id, []).append(d)
    return grouped


def summary(entries: list[AgendaEntry]) -> list[tuple]:
    """(number, appendices) of each entry; numbered 1..n, as an agenda not yet published is."""
    return [(int(e.number), [(a.label, a.first_page, a.last_page) for a in e.appendices]) for e in entries]


def test_the_fixtures_page_counts_give_the_fixtures_ranges():
    agenda = items(*"ABCDEFGHIJKL")
    documents = by_item(doc(3, 8), doc(6, 6), doc(7, None, kind="to-follow"), doc(8, 38), doc(9, 62), doc(11, 4))
    entries = lay_out(agenda, documents)
    assert [e.number for e in entries] == [str(n) for n in range(1, 13)]
    assert [e.reference for e in entries] == [
        None, None, "Appendix A (Pages 1 - 8)", None, None, "Appendix B (Pages 9 - 14)", "Appendix C",
        "Appendix D (Pages 15 - 52)", "Appendix E (Pages 53 - 114)", None, "Appendix F (Pages 115 - 118)", None,
    ]


def test_several_documents_on_one_item_are_b_b1_b2_and_run_on():
    agenda = items("ONE", "TWO", "THREE")
    documents = by_item(doc(1, 2), doc(2, 3, position=1), doc(2, 1, position=2), doc(2, 4, position=3), doc(3, 5))
    entries = lay_out(agenda, documents)
    assert summary(entries) == [
        (1, [("A", 1, 2)]),
        (2, [("B", 3, 5), ("B1", 6, 6), ("B2", 7, 10)]),
        (3, [("C", 11, 15)]),
    ]
    assert entries[1].reference == "Appendices B, B1 and B2 (Pages 3 - 10)"
    assert (entries[1].first_page, entries[1].last_page) == (3, 10)


def test_documents_on_an_item_follow_their_position_not_their_id():
    agenda = items("ONE")
    second, first = doc(1, 5, position=2), doc(1, 1, position=1)
    entry = lay_out(agenda, by_item(second, first))[0]
    assert [(a.document.id, a.label, a.first_page) for a in entry.appendices] == [
        (first.id, "A", 1), (second.id, "A1", 2)]


def test_a_report_to_follow_has_a_letter_but_takes_no_pages():
    agenda = items("ONE", "TWO", "THREE")
    entries = lay_out(agenda, by_item(doc(1, 3), doc(2, None, kind="to-follow"), doc(3, 2)))
    assert summary(entries) == [(1, [("A", 1, 3)]), (2, [("B", None, None)]), (3, [("C", 4, 5)])]
    assert entries[1].reference == "Appendix B"
    assert entries[1].appendices[0].last_page is None


def test_a_one_page_appendix_says_page():
    entry = lay_out(items("ONE"), by_item(doc(1, 1)))[0]
    assert entry.reference == "Appendix A (Page 1)"


def test_items_without_documents_take_no_letter():
    entries = lay_out(items("ONE", "TWO", "THREE"), by_item(doc(3, 2)))
    assert summary(entries) == [(1, []), (2, []), (3, [("A", 1, 2)])]


def test_a_label_the_clerk_chose_keeps_its_letter_from_the_others():
    agenda = items("ONE", "TWO", "THREE")
    entries = lay_out(agenda, by_item(doc(1, 1), doc(2, 1, label="C"), doc(3, 1)))
    # Item 2 has C; A goes to item 1 and item 3 skips C.
    assert [[a.label for a in e.appendices] for e in entries] == [["A"], ["C"], ["B"]]


def test_a_chosen_sub_label_gives_the_item_its_letter():
    agenda = items("ONE", "TWO")
    entries = lay_out(agenda, by_item(doc(1, 1), doc(2, 1, position=1), doc(2, 1, position=2, label="D2")))
    assert [[a.label for a in e.appendices] for e in entries] == [["A"], ["D", "D2"]]


def test_published_documents_keep_their_pages_and_later_ones_follow_the_last_page():
    agenda = items("ONE", "TWO", "THREE")
    documents = by_item(
        doc(1, 8, label="A", first_page=1),
        doc(2, 6, position=1, label="B", first_page=9),
        doc(2, 3, position=2),  # added after publication
        doc(3, 4, label="C", first_page=15),
    )
    entries = lay_out(agenda, documents)
    assert summary(entries) == [
        (1, [("A", 1, 8)]),
        (2, [("B", 9, 14), ("B1", 19, 21)]),
        (3, [("C", 15, 18)]),
    ]


def test_a_new_item_after_publication_gets_the_next_free_letter():
    agenda = items("ONE", "LATE", "TWO")
    documents = by_item(doc(1, 2, label="A", first_page=1), doc(2, 5), doc(3, 3, label="B", first_page=3))
    assert summary(lay_out(agenda, documents)) == [(1, [("A", 1, 2)]), (2, [("C", 6, 10)]), (3, [("B", 3, 5)])]


def test_page_counts_passed_in_override_the_documents_own():
    agenda = items("ONE", "TWO")
    generated, report = doc(1, None, kind="minutes"), doc(2, 5)
    entries = lay_out(agenda, by_item(generated, report), {generated.id: 3})
    assert summary(entries) == [(1, [("A", 1, 3)]), (2, [("B", 4, 8)])]


def test_more_than_26_appendices_go_on_to_aa():
    agenda = items(*(f"ITEM {n}" for n in range(1, 29)))
    entries = lay_out(agenda, by_item(*(doc(n, 1) for n in range(1, 29))))
    labels = [e.appendices[0].label for e in entries]
    assert labels[:3] == ["A", "B", "C"] and labels[25:] == ["Z", "AA", "AB"]
    assert entries[-1].appendices[0].first_page == 28


def test_every_item_keeps_its_number_even_withdrawn():
    agenda = items("ONE", "TWO", "THREE")
    agenda[1] = AgendaItem(id=2, meeting_id=1, position=2, title="TWO", status="withdrawn")
    assert [e.number for e in lay_out(agenda, {})] == ["1", "2", "3"]


def numbered(*published: str | None) -> list[AgendaItem]:
    """Items in agenda order with these published numbers (None: not published with the agenda)."""
    return [AgendaItem(id=n, meeting_id=1, position=n, title=f"ITEM {n}", published_number=number)
            for n, number in enumerate(published, start=1)]


def test_published_numbers_stay_and_a_later_item_takes_the_number_before_it_with_a_letter():
    assert agenda_numbers(numbered(None, None, None)) == ["1", "2", "3"]  # not published: from the order
    assert agenda_numbers(numbered("1", "2", None, None, "3")) == ["1", "2", "2A", "2B", "3"]
    assert agenda_numbers(numbered("1", "2", "2A", None, "3")) == ["1", "2", "2A", "2B", "3"]
    # Item 2 made exempt sorts last and keeps its number; an item added after it follows it.
    assert agenda_numbers(numbered("1", "3", "2", None)) == ["1", "3", "2", "2A"]
    assert agenda_numbers(numbered(None, "1")) == ["0A", "1"]  # nothing published before it
    entries = lay_out(numbered("1", None, "2"), {})
    assert [e.number for e in entries] == ["1", "1A", "2"]


def test_an_exempt_entry_is_private():
    agenda = [AgendaItem(id=1, meeting_id=1, position=1, title="OPEN"),
              AgendaItem(id=2, meeting_id=1, position=2, title="CLOSED", exempt_paragraph=3)]
    assert [e.private for e in lay_out(agenda, {})] == [False, True]


def test_an_appendix_without_pages_has_no_last_page():
    appendix = Appendix(doc(1, 0), "A", 5, 0)
    assert appendix.last_page is None
    assert Appendix(doc(1, 4), "A", 5, 4).last_page == 8


@pytest.mark.parametrize("first, last, text", [(9, 14, "Pages 9 - 14"), (57, 57, "Page 57"), (None, 4, None),
                                               (3, None, None)])
def test_page_range(first, last, text):
    assert page_range(first, last) == text


@pytest.mark.parametrize("label, ok, letter", [("A", True, "A"), ("B1", True, "B"), ("AA12", True, "AA"),
                                               ("b", False, "b"), ("1B", False, "1B"), ("B-1", False, "B-1"),
                                               ("", False, "")])
def test_labels(label, ok, letter):
    assert valid_label(label) is ok
    assert letter_of(label) == letter
