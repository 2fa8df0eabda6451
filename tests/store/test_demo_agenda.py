"""The demo's agenda of 9 March 2021 (store/demo_agenda.py).

The demo writes each report's page count instead of rendering four reports on every build;
these tests render them, so the numbers written there can never drift from the reports.
"""

from __future__ import annotations

from datetime import date

import pytest

from store.demo import build_demo
from store.demo_agenda import BUSINESS, MARCH, REPORTS
from store.pdf_render import page_count, text_to_pdf

REPORTED = [(report, pages) for _title, _topic, _d, _r, report, pages, _verbal in BUSINESS if report]


@pytest.mark.parametrize("report, pages", REPORTED, ids=[r for r, _ in REPORTED])
def test_each_reports_page_count_is_its_rendered_length(report, pages):
    text = (REPORTS / report).read_text(encoding="utf-8")
    assert page_count(text_to_pdf(text)) == pages


def test_every_item_of_business_is_either_a_report_or_a_verbal_update():
    for title, _topic, description, recommendation, report, pages, verbal in BUSINESS:
        assert (report is None) == verbal, title
        assert (pages is None) == (report is None), title
        assert description, title


@pytest.fixture
def march(store):
    committee = build_demo(store, today=date(2021, 3, 2))
    return store.meetings.on(committee.id, MARCH)


def test_the_demo_agenda_has_the_packs_items_and_appendices_a_to_f(store, march):
    layout = store.appendices.layout(march.id)
    assert len(layout) == 12
    assert [(e.number, [a.label for a in e.appendices]) for e in layout if e.appendices] == [
        ("3", ["A"]), ("6", ["B"]), ("7", ["C"]), ("8", ["D"]), ("9", ["E"]), ("11", ["F"])]
    assert [e.item.title for e in layout[5:10]] == [title for title, *_ in BUSINESS]
    assert layout[9].item.verbal_update


def test_the_demo_reports_are_held_word_for_word_with_their_pages(store, march):
    layout = store.appendices.layout(march.id)
    for entry, (_title, _topic, _d, _r, report, pages, _v) in zip(layout[5:9], BUSINESS):
        appendix = entry.appendices[0]
        assert appendix.pages == pages
        assert store.appendices.markdown(march.id, appendix.document) == (REPORTS / report).read_text(encoding="utf-8")


def test_the_demo_pages_run_on_and_the_agenda_is_published_frozen(store, march):
    assert march.status == "agenda-published" and march.published_at == "2021-03-01"
    appendices = [a for e in store.appendices.layout(march.id) for a in e.appendices]
    assert appendices[0].first_page == 1
    for before, after in zip(appendices, appendices[1:]):
        assert after.first_page == before.last_page + 1
    assert all(a.document.frozen for a in appendices)


def test_before_its_publication_day_the_demo_has_no_march_agenda(store):
    committee = build_demo(store, today=date(2021, 2, 26))
    assert store.agenda.list_for(store.meetings.on(committee.id, MARCH).id) == []
