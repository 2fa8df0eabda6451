"""Full-text search over minutes, resolutions, agenda items, declarations and programme topics.

The index is the FTS5 table `search_index` (schema step m004), kept in step by triggers.
Each of its rows names only its record (kind, row_id); where a hit belongs (committee,
meeting, date, minute, exempt or not) is read from the records themselves when searching.

Any text the clerk types is turned into a safe query by `clean_query`: each word becomes
a quoted FTS5 phrase (so quotes, `NEAR`, `AND`, `*`, brackets and colons are just text), a
hyphenated word such as `mental-health` becomes the phrase "mental health", and the LAST
word is a prefix (`accommodat` finds "accommodation"), which is what search-as-you-type
needs. Earlier words must match whole words.

A minute and its agenda item often match the same words (the minute takes the item's title).
The hits show that minute once, as the minute, at the better place of the two: the agenda item
is shown only while it has no minute that matches (a future meeting's item). This is decided
for the hits of the list being shown, not over every match (see `_one_per_minute`), and the
limit counts the hits shown.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from store.errors import NotFound
from store.meeting_models import Minute

OPEN, CLOSE = "«", "»"
ORDERS = ("newest", "relevance")
MAX_WORDS = 16
MAX_CHARS = 1000
_WORD_PIECES = re.compile(r"[^\W_]+")
_JUMP = re.compile(r"^\s*(?:minute|min\.?|m)?\s*(\d{1,4})\s*(?:/\s*(\d{4}|\d{2}))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # minute, resolution, agenda, declaration, programme
    committee: str
    date: date | None
    number: int | None
    title: str
    snippet: str  # matched words between « and »
    minute_id: int | None
    meeting_id: int | None
    committee_id: int | None = None
    exempt: bool = False


def clean_query(text: str | None) -> str | None:
    """A safe FTS5 query for any text, keeping prefix search on the last word; None if no words."""
    if not text:
        return None
    try:
        phrases = []
        for chunk in str(text)[:MAX_CHARS].split():
            pieces = _WORD_PIECES.findall(chunk)
            if pieces:
                phrases.append('"' + " ".join(pieces) + '"')
        if not phrases:
            return None
        phrases = phrases[:MAX_WORDS]
        phrases[-1] += "*"
        return " ".join(phrases)
    except Exception:  # noqa: BLE001 - never let the clerk's typing become an error
        return None


# Where a hit belongs is read from the record it names. The index's rowid is the record's id
# times 8 plus its table's code (store/migrations.py): 1 minute, 2 resolution, 3 agenda item,
# 4 declaration, 5 work-programme topic; so `hits` needs nothing but the rowid.
_HITS = """
hits AS MATERIALIZED (
    SELECT s.rowid AS sid, s.rowid / 8 AS row_id, s.rowid % 8 AS code, {score} AS score{snippet}
    FROM search_index s WHERE search_index MATCH :query{only}
)"""
# The minute a hit leads to, and the meeting of a hit with no minute.
_MINUTE_OF_HIT = """
        CASE h.code
            WHEN 1 THEN h.row_id
            WHEN 2 THEN (SELECT minute_id FROM resolutions INDEXED BY resolutions_placing WHERE id = h.row_id)
            WHEN 3 THEN (SELECT id FROM minutes WHERE agenda_item_id = h.row_id)
            WHEN 4 THEN coalesce(
                (SELECT mi.id FROM declarations d JOIN minutes mi
                 ON mi.agenda_item_id = d.agenda_item_id WHERE d.id = h.row_id),
                (SELECT mi.id FROM declarations d JOIN agenda_items a ON a.meeting_id = d.meeting_id
                 JOIN minutes mi ON mi.agenda_item_id = a.id
                 WHERE d.id = h.row_id AND a.standard_key = 'declarations'))
        END AS minute_id,
        CASE h.code
            WHEN 3 THEN (SELECT meeting_id FROM agenda_items WHERE id = h.row_id)
            WHEN 4 THEN (SELECT meeting_id FROM declarations WHERE id = h.row_id)
            WHEN 5 THEN (SELECT meeting_id FROM work_programme_items WHERE id = h.row_id)
        END AS other_meeting_id"""
_PROGRAMME_COMMITTEE = "CASE h.code WHEN 5 THEN (SELECT committee_id FROM work_programme_items WHERE id = h.row_id) END"
_ITEM_EXEMPT = "CASE h.code WHEN 3 THEN (SELECT exempt_paragraph FROM agenda_items WHERE id = h.row_id) END"

# First pass: which hits, in order. Only what ordering and the filters need is read for every
# match (a common word matches tens of thousands of records): the minute's meeting and number
# come from the covering index minutes_placing, not from the rows with their long bodies.
# By relevance with no filter, only the hits ranked at or above the limit-th are placed at all.
_ORDERED = """
WITH {hits},
placed AS MATERIALIZED (
    SELECT h.sid, h.score, {minute_of_hit},
        {programme_committee} AS programme_committee, {item_exempt} AS item_exempt
    FROM hits h{cut}
)
SELECT p.sid, p.minute_id
FROM placed p
LEFT JOIN minutes mi INDEXED BY minutes_placing ON mi.id = p.minute_id
-- A minute opened before its item was made exempt is private too (as the minutes export has it).
LEFT JOIN agenda_items mi_item ON mi_item.id = mi.agenda_item_id
LEFT JOIN meetings m ON m.id = coalesce(mi.meeting_id, p.other_meeting_id)
{where}
ORDER BY {ordering}, p.sid LIMIT :limit
"""
_FILTERS = {
    "committee_id": "coalesce(m.committee_id, p.programme_committee) = :committee_id",
    "since": "m.date >= :since",
    "until": "m.date <= :until",
    "public": ("NOT (mi.exempt_paragraph IS NOT NULL OR mi_item.exempt_paragraph IS NOT NULL "
               "OR p.item_exempt IS NOT NULL)"),
}
_ORDERINGS = {
    "relevance": "p.score, m.date DESC, mi.number DESC",
    "newest": "m.date IS NULL, m.date DESC, mi.number DESC, p.score",
}

# Second pass: everything shown, for the hits of the first pass only, with their snippets.
# `+s.rowid` keeps the list out of the index lookup: FTS5 would run the whole query again for
# each rowid, while a filter on one scan of the matches costs no more than the match itself.
_RESOLVED = """
WITH {hits},
placed AS (
    SELECT h.*, {minute_of_hit},
        CASE h.code
            WHEN 3 THEN (SELECT title FROM agenda_items WHERE id = h.row_id)
            WHEN 5 THEN (SELECT topic FROM work_programme_items WHERE id = h.row_id)
            WHEN 4 THEN (SELECT 'Declaration of interest: ' || p.title || ' ' || p.name
                         FROM declarations d JOIN people p ON p.id = d.person_id
                         WHERE d.id = h.row_id)
        END AS other_title,
        {item_exempt} AS item_exempt,
        {programme_committee} AS programme_committee
    FROM hits h
)
SELECT CASE p.code WHEN 1 THEN 'minute' WHEN 2 THEN 'resolution' WHEN 3 THEN 'agenda'
                   WHEN 4 THEN 'declaration' ELSE 'programme' END AS kind,
       p.sid, p.snippet, p.minute_id,
       coalesce(mi.meeting_id, p.other_meeting_id) AS meeting_id,
       coalesce(m.committee_id, p.programme_committee) AS committee_id,
       c.name AS committee, m.date AS date, mi.number AS number,
       coalesce(mi.title, p.other_title, '') AS title,
       (mi.exempt_paragraph IS NOT NULL OR mi_item.exempt_paragraph IS NOT NULL
        OR p.item_exempt IS NOT NULL) AS exempt
FROM placed p
LEFT JOIN minutes mi ON mi.id = p.minute_id
LEFT JOIN agenda_items mi_item ON mi_item.id = mi.agenda_item_id
LEFT JOIN meetings m ON m.id = coalesce(mi.meeting_id, p.other_meeting_id)
LEFT JOIN committees c ON c.id = coalesce(m.committee_id, p.programme_committee)
"""


class SearchStore:
    def __init__(self, db: Database, committees=None, minutes=None, meetings=None):
        self.db = db
        self.committees = committees
        self.minutes = minutes
        self.meetings = meetings

    def search(self, text: str | None, committee_id: int | None = None, since: date | str | None = None,
               until: date | str | None = None, order: str = "newest", limit: int = 50,
               public: bool = False) -> list[SearchHit]:
        """Hits for what the clerk typed, newest meeting first or most relevant first; never raises
        for any text (an unusable query gives no hits)."""
        query = clean_query(text)
        if query is None:
            return []
        # An SQLite integer holds 2**63 - 1 at most; no archive has 2**31 hits.
        limit = max(0, min(int(limit), 2**31))
        # Twice the limit is placed: an agenda item and its minute become one hit, so however many
        # pairs there are, `limit` hits are left to show when there are that many.
        params = {"query": query, "open": OPEN, "close": CLOSE, "limit": 2 * limit,
                  "committee_id": committee_id, "since": _iso(since) if since else None,
                  "until": _iso(until) if until else None}
        wanted = {"committee_id": committee_id is not None, "since": bool(since), "until": bool(until),
                  "public": public}
        where = [_FILTERS[name] for name, on in wanted.items() if on]
        relevance = order == "relevance"
        score = "s.rank" if relevance else "0"
        # Ranked with no filter, no hit ranked below the :limit-th placed can be shown: place only the others.
        cut = (" WHERE h.score <= coalesce((SELECT score FROM hits ORDER BY score LIMIT 1 "
               "OFFSET max(:limit - 1, 0)), h.score)" if relevance and not where else "")
        ordered = _ORDERED.format(
            hits=_HITS.format(score=score, snippet="", only=""), cut=cut,
            minute_of_hit=_MINUTE_OF_HIT, programme_committee=_PROGRAMME_COMMITTEE, item_exempt=_ITEM_EXEMPT,
            where="WHERE " + " AND ".join(where) if where else "", ordering=_ORDERINGS[
                "relevance" if relevance else "newest"])
        try:
            shown, probes = _one_per_minute(self.db.execute(ordered, params).fetchall(), limit)
            rows = self._resolved(query, shown + list(probes.values()))
        except sqlite3.OperationalError:
            return []
        hits, seen = [], set()
        for sid in shown:
            if probes.get(sid) in rows:
                sid = probes[sid]  # its minute matches too (ranked further down): show the minute
            if sid not in seen:
                seen.add(sid)
                hits.append(_hit(rows[sid]))
        return hits

    def _resolved(self, query: str, sids: list[int]) -> dict[int, tuple]:
        """What the hits `sids` show, snippets included: snippet() over every match of a common
        word in a large archive would cost seconds."""
        if not sids:
            return {}
        marks = ",".join("?" * len(sids))
        sql = _RESOLVED.format(
            hits=_HITS.format(score="0", snippet=", snippet(search_index, -1, ?, ?, '…', 14) AS snippet",
                              only=f" AND +s.rowid IN ({marks})").replace(":query", "?"),
            minute_of_hit=_MINUTE_OF_HIT, programme_committee=_PROGRAMME_COMMITTEE, item_exempt=_ITEM_EXEMPT)
        return {row[1]: row for row in self.db.execute(sql, [OPEN, CLOSE, query, *sids]).fetchall()}

    def jump(self, text: str | None, committee_id: int | None, today: date) -> Minute | None:
        """The minute meant by "97", "minute 97" (the committee's municipal year of `today`) or
        "97/2020" (the municipal year that began in 2020); None when the text is not that or
        there is no such minute."""
        if not text or committee_id is None:
            return None
        match = _JUMP.match(str(text))
        if match is None:
            return None
        number = int(match.group(1))
        try:
            if match.group(2):
                year = int(match.group(2))
                year = year + 2000 if year < 100 else year
            else:
                committee = self.committees.get(committee_id)
                year = self.meetings.year_of(committee, today)
            return self.minutes.by_number(committee_id, year, number)
        except NotFound:
            return None


def _one_per_minute(placed: list[tuple[int, int | None]], limit: int) -> tuple[list[int], dict[int, int]]:
    """The first `limit` hits to show, from the placed hits (sid, minute_id) in order, and the
    minute to check for each agenda item shown whose minute is not among them.

    An agenda item whose minute is among the placed hits shows as that minute, at the better
    place of the two; the minute's own place is then skipped. Whether the minute of any other
    agenda item shown matches is read with the snippets (`probes`: agenda sid -> minute sid),
    so no more of the matches are read than the list shows."""
    placed_sids = {sid for sid, _ in placed}
    shown: list[int] = []
    taken: set[int] = set()
    probes: dict[int, int] = {}
    for sid, minute_id in placed:
        if len(shown) == limit:
            break
        if sid % 8 == 3 and minute_id is not None:  # an agenda item that has a minute
            minute_sid = minute_id * 8 + 1
            if minute_sid in placed_sids:
                sid = minute_sid
            else:
                probes[sid] = minute_sid
        if sid not in taken:
            taken.add(sid)
            shown.append(sid)
    return shown, probes


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def _hit(row) -> SearchHit:
    kind, _sid, snippet, minute_id, meeting_id, committee_id, committee, day, number, title, exempt = row
    return SearchHit(
        kind=kind,
        committee=committee or "",
        date=date.fromisoformat(day) if day else None,
        number=number,
        title=title or "",
        snippet=snippet or "",
        minute_id=minute_id,
        meeting_id=meeting_id,
        committee_id=committee_id,
        exempt=bool(exempt),
    )
