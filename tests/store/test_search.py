"""Full-text search: the index kept by triggers, the orders and filters, and safe queries."""

from __future__ import annotations

from datetime import date

import pytest

from store.demo import build_demo
from store.search import clean_query

TODAY = date(2021, 3, 2)
JANUARY = date(2021, 1, 19)


@pytest.fixture
def demo(store):
    committee = build_demo(store, today=TODAY)
    return store, committee


@pytest.fixture
def draft(store):
    """A meeting of our own with one draft minute, free to change and delete (with or without the demo)."""
    committees = store.committees.list()
    committee = committees[0] if committees else store.committees.add(
        "Adult Social Care Scrutiny Commission", council="Leicester City Council")
    meeting = store.meetings.add(committee.id, "2021-04-13")
    minute = store.minutes.add_urgent_item(meeting.id, "Temporary accommodation review", "Time limited")
    return meeting, minute


def _kinds(hits):
    return {hit.kind for hit in hits}


# words from every kind of record ---------------------------------------------------------
def test_a_word_in_a_minute_title_finds_the_minute(demo):
    store, committee = demo
    hits = store.search.search("LCCL")
    minute = next(h for h in hits if h.kind == "minute")
    assert minute.number == 91
    assert minute.date == JANUARY
    assert minute.committee == committee.name
    assert "LEICESTERSHIRE COUNTY CARE" in minute.title
    assert "«LCCL»" in minute.snippet
    assert store.minutes.get(minute.minute_id).number == 91
    # Its agenda item matches too, but shows as the minute: one hit for minute 91.
    assert _kinds(hits) == {"minute", "programme"}
    assert [h.number for h in hits if h.number is not None] == [91]


def test_a_word_in_a_minute_body_is_found(demo):
    store, _ = demo
    hits = store.search.search("occupancy")
    assert [(h.kind, h.number) for h in hits] == [("minute", 91)]
    assert "«occupancy»" in hits[0].snippet


def test_a_declaration_is_found_and_leads_to_the_declarations_minute(demo):
    store, _ = demo
    hits = store.search.search("Reablement")
    assert [h.kind for h in hits] == ["declaration"]
    assert hits[0].number == 87
    assert "«Reablement»" in hits[0].snippet


def test_resolutions_are_found(demo):
    store, _ = demo
    resolution = store.db.execute("SELECT text, minute_id FROM resolutions LIMIT 1").fetchone()
    word = max(resolution[0].split(), key=len).strip(".,;:()")
    hits = [h for h in store.search.search(word) if h.kind == "resolution"]
    assert resolution[1] in {h.minute_id for h in hits}


def test_programme_topics_and_agenda_items_are_found(demo):
    store, _ = demo
    hits = store.search.search("mental-health")
    assert "programme" in _kinds(hits)
    assert any("«Mental Health»" in h.snippet for h in hits)
    # An item of a meeting not yet held (no minute) is found as the agenda item.
    agenda = [h for h in store.search.search("complaints") if h.kind == "agenda"]
    assert [(h.title, h.number, h.date) for h in agenda] == [
        ("ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", None, date(2021, 3, 9))]


def test_prefix_search_on_the_last_word(demo, draft):
    store, _ = demo
    assert {h.number for h in store.search.search("safeguard") if h.kind == "minute"} == {92}
    # The draft's item, and the March agenda's recommendation ("396 additional units of accommodation").
    assert {h.title.lower() for h in store.search.search("accommodat")} == {
        "temporary accommodation review", "supported living and extra care housing"}
    assert store.search.search("reablem")[0].kind == "declaration"
    # Earlier words match whole words only.
    assert store.search.search("reablem team") == []
    assert store.search.search("reablement tea")[0].kind == "declaration"


def test_diacritics_do_not_matter(store, draft):
    _, minute = draft
    store.minutes.update(minute.id, body="The café on the ground floor")
    assert [(h.kind, h.minute_id) for h in store.search.search("cafe")] == [("minute", minute.id)]
    assert [(h.kind, h.minute_id) for h in store.search.search("CAFÉ")] == [("minute", minute.id)]


# the triggers ---------------------------------------------------------------------------------
def test_the_index_follows_updates_and_deletes(store, draft, count):
    _, minute = draft

    def minutes(text):
        return [h.minute_id for h in store.search.search(text) if h.kind == "minute"]

    assert minutes("accommodation") == [minute.id]
    store.minutes.update(minute.id, title="Homelessness review", body="Rough sleeping figures")
    assert minutes("accommodation") == []
    assert store.search.search("homelessness")[0].minute_id == minute.id
    assert store.search.search("sleeping")[0].minute_id == minute.id
    store.db.execute("UPDATE minutes SET status = status WHERE id = ?", [minute.id])
    assert len(store.search.search("sleeping")) == 1
    store.minutes.withdraw(minute.id)
    assert count("minutes", "id = ?", [minute.id]) == 0
    assert store.search.search("homelessness") == []
    assert count("search_index") == sum(count(t) for t in (
        "minutes", "resolutions", "agenda_items", "declarations", "work_programme_items"))


def test_the_index_follows_agenda_and_programme_changes(store, draft):
    meeting, _ = draft
    committee = store.committees.list()[0]
    item = store.agenda.add(meeting.id, "Road safety")
    assert [h.kind for h in store.search.search("road safety")] == ["agenda"]
    store.db.execute("UPDATE agenda_items SET description = 'Zebra crossings' WHERE id = ?", [item.id])
    assert [h.kind for h in store.search.search("zebra")] == ["agenda"]
    store.db.execute("DELETE FROM agenda_items WHERE id = ?", [item.id])
    assert store.search.search("zebra") == []
    wp = store.db.table("work_programme_items").insert(
        {"committee_id": committee.id, "topic": "Dementia friendly city"}).last_pk
    assert [h.kind for h in store.search.search("dementia")] == ["programme"]
    assert store.search.search("dementia")[0].date is None
    store.db.execute("UPDATE work_programme_items SET topic = 'Carers strategy' WHERE id = ?", [wp])
    assert store.search.search("dementia") == []
    assert store.search.search("carers")[0].committee == committee.name


def test_existing_rows_are_indexed_by_the_step(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from store.migrations import m004_search_index, migrations

    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(str(path)))
    for name in ("m001_initial_schema", "m002_confirmed_minutes_locked", "m003_programme_lead_officers"):
        next(m for m in migrations._migrations if m.name == name).fn(db)
    db.execute("INSERT INTO bodies (id, name) VALUES (1, 'Council')")
    db.execute("INSERT INTO committees (id, body_id, name) VALUES (1, 1, 'Planning')")
    db.execute("INSERT INTO meetings (id, committee_id, date) VALUES (1, 1, '2020-06-01')")
    db.execute("INSERT INTO minutes (id, meeting_id, committee_id, municipal_year, position, number, title, body)"
               " VALUES (1, 1, 1, 2020, 1, 5, 'Hedgerows', 'Ancient woodland')")
    db.conn.commit()
    m004_search_index(db)
    hits = db.execute("SELECT row_id FROM search_index WHERE search_index MATCH 'woodland'").fetchall()
    assert hits == [(1,)]


# orders and filters ---------------------------------------------------------------------------
def test_newest_first_and_by_relevance(demo):
    store, _ = demo
    newest = store.search.search("care", limit=100)
    dated = [h.date for h in newest if h.date]
    assert dated == sorted(dated, reverse=True)
    assert all(h.date for h in newest[:len(dated)])  # undated topics come last
    relevant = store.search.search("care", order="relevance", limit=100)
    assert sorted(map(repr, relevant)) == sorted(map(repr, newest))
    assert relevant != newest


def test_limit(demo):
    store, _ = demo
    assert len(store.search.search("care", limit=3)) == 3


def test_committee_and_date_filters(demo):
    store, committee = demo
    other = store.committees.add("Planning and Development Control Committee", council="Leicester City Council")
    meeting = store.meetings.add(other.id, "2021-02-10")
    store.minutes.add_urgent_item(meeting.id, "LCCL land disposal", "Time limited")
    everything = store.search.search("lccl")
    assert {h.committee for h in everything} == {committee.name, other.name}
    assert {h.committee for h in store.search.search("lccl", committee_id=other.id)} == {other.name}
    assert {h.committee for h in store.search.search("lccl", committee_id=committee.id)} == {committee.name}
    since = store.search.search("lccl", since="2021-02-01")
    assert since and all(h.date >= date(2021, 2, 1) for h in since)
    until = store.search.search("lccl", until=date(2021, 1, 31))
    assert until and all(h.date <= date(2021, 1, 31) for h in until)


def test_public_search_leaves_out_exempt_minutes(store, draft):
    _, minute = draft
    store.minutes.set_exempt(minute.id, 3)
    hits = store.search.search("accommodation")
    assert [h.exempt for h in hits] == [True] * len(hits) and hits
    assert store.search.search("accommodation", public=True) == []


# one hit per minute ----------------------------------------------------------------------------
def test_a_minute_and_its_agenda_item_sharing_a_word_are_one_hit_the_minute(store, draft):
    _, minute = draft  # the item "TEMPORARY ACCOMMODATION REVIEW" and its minute of the same title
    for order in ("newest", "relevance"):
        hits = store.search.search("temporary", order=order)
        assert [(h.kind, h.minute_id) for h in hits] == [("minute", minute.id)]


def test_an_agenda_item_with_no_minute_yet_stays_a_hit(store, draft):
    meeting, minute = draft
    later = store.meetings.add(meeting.committee_id, "2021-06-08")
    store.agenda.add(later.id, "Temporary accommodation: six months on")
    hits = store.search.search("temporary")
    assert [(h.kind, h.date, h.minute_id) for h in hits] == [
        ("agenda", date(2021, 6, 8), None), ("minute", date(2021, 4, 13), minute.id)]


def test_the_limit_counts_the_hits_shown(store, draft):
    meeting, _ = draft
    for n in range(3):
        store.minutes.add_urgent_item(meeting.id, f"Temporary closure {n}", "Time limited")
    assert len(store.search.search("temporary")) == 4  # four minutes, each with its agenda item
    for order in ("newest", "relevance"):
        hits = store.search.search("temporary", order=order, limit=3)
        assert [h.kind for h in hits] == ["minute"] * 3 and len({h.minute_id for h in hits}) == 3


def test_by_relevance_the_minute_takes_its_items_place_however_far_down_it_ranks(store, draft):
    meeting, minute = draft
    store.minutes.update(minute.id, title="Zebra", body="The committee discussed the matter at length. " * 40)
    store.agenda.update(minute.agenda_item_id, title="Zebra")
    later = store.meetings.add(meeting.committee_id, "2021-06-08")
    for title in ("Zebra crossing review", "Zebra crossing survey"):
        store.agenda.add(later.id, title)
    # Ranked: the short item, the two longer items of June, then the long minute.
    # With a limit of one, the minute is not among the hits placed, yet it takes the item's place.
    assert [(h.kind, h.minute_id) for h in store.search.search("zebra", order="relevance", limit=1)] == [
        ("minute", minute.id)]
    hits = store.search.search("zebra", order="relevance")
    assert [(h.kind, h.minute_id) for h in hits] == [("minute", minute.id), ("agenda", None), ("agenda", None)]


# any text is safe -----------------------------------------------------------------------------
HOSTILE = ['"', 'mental-health', 'NEAR(', 'NEAR(care, 2)', '*', '()', 'AND OR NOT', 'care AND', 'OR', '',
           '   ', 'x' * 10_000, 'care ' * 500, 'a\x00b', '\x00', 'title:care', 'body:', '^care', 'care"',
           '"care', "'", '[care]', '{title body}: care', '-care', '+', 'café ☕ 日本語', '£200,000', '20%',
           'c++', '\\', ';DROP TABLE minutes;--', 'care*', '**', 'NOT care', '\ud800', '\u0301']


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(demo, text):
    store, committee = demo
    for order in ("newest", "relevance"):
        assert isinstance(store.search.search(text, order=order, public=True), list)
    assert store.search.jump(text, committee.id, TODAY) is None or text.strip().isdigit()
    query = clean_query(text)
    assert query is None or isinstance(query, str)


def test_clean_query():
    assert clean_query("") is None
    assert clean_query('"') is None
    assert clean_query("*") is None
    assert clean_query("accommodat") == '"accommodat"*'
    assert clean_query("mental-health") == '"mental health"*'
    assert clean_query('NEAR( "care" home') == '"NEAR" "care" "home"*'
    assert clean_query("AND OR NOT") == '"AND" "OR" "NOT"*'


def test_hostile_words_are_searched_as_words(demo):
    store, _ = demo
    assert store.search.search("NEAR(lccl") == []
    assert store.search.search('"lccl"')
    assert store.search.search("(LCCL)")
    assert store.search.search("lccl*")


# jumping to a minute ----------------------------------------------------------------------------
def test_jump_to_a_minute_number(demo):
    store, committee = demo
    for text in ("91", "minute 91", "Minute 91", " 91 ", "91/2020", "minute 91/2020"):
        minute = store.search.jump(text, committee.id, TODAY)
        assert minute is not None and minute.number == 91, text
        assert minute.title.startswith("LEICESTERSHIRE COUNTY CARE")
    assert store.search.jump("91/2019", committee.id, TODAY) is None
    assert store.search.jump("91", committee.id, date(2021, 6, 1)) is None  # a new municipal year
    assert store.search.jump("91", None, TODAY) is None
    assert store.search.jump("lccl", committee.id, TODAY) is None
    assert store.search.jump("9999", committee.id, TODAY) is None
