"""Full-text search over minutes, resolutions, agenda items, declarations and programme topics.

The index is the FTS5 table `search_index` (schema step m004), kept in step by triggers.
Each of its rows names only its record (kind, row_id); where a hit belongs (committee,
meeting, date, minute, exempt or not) is read from the records themselves when searching.

Any text the clerk types is turned into a safe query by `clean_query`: each word becomes
a quoted FTS5 phrase (so quotes, `NEAR`, `AND`, `*`, brackets and colons are just text), a
hyphenated word such as `mental-health` becomes the phrase "mental health", and the LAST
word is a prefix (`accommodat` finds "accommodation"), which is what search-as-you-type
needs. Earlier words must match whole words.
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


_RESOLVED = """
WITH hits AS (
    -- The rowid is the record's id times 8 plus its table's code (store/migrations.py), so the
    -- kind and id come without reading the index's stored columns; rank only when ordered by it.
    SELECT s.rowid AS sid, s.rowid / 8 AS row_id, {score} AS score,
           CASE s.rowid % 8 WHEN 1 THEN 'minute' WHEN 2 THEN 'resolution' WHEN 3 THEN 'agenda'
                            WHEN 4 THEN 'declaration' ELSE 'programme' END AS kind
    FROM search_index s WHERE search_index MATCH :query
),
placed AS (
    SELECT h.*,
        CASE h.kind
            WHEN 'minute' THEN h.row_id
            WHEN 'resolution' THEN (SELECT minute_id FROM resolutions WHERE id = h.row_id)
            WHEN 'agenda' THEN (SELECT id FROM minutes WHERE agenda_item_id = h.row_id)
            WHEN 'declaration' THEN coalesce(
                (SELECT mi.id FROM declarations d JOIN minutes mi
                 ON mi.agenda_item_id = d.agenda_item_id WHERE d.id = h.row_id),
                (SELECT mi.id FROM declarations d JOIN agenda_items a ON a.meeting_id = d.meeting_id
                 JOIN minutes mi ON mi.agenda_item_id = a.id
                 WHERE d.id = h.row_id AND a.standard_key = 'declarations'))
        END AS minute_id,
        CASE h.kind
            WHEN 'agenda' THEN (SELECT meeting_id FROM agenda_items WHERE id = h.row_id)
            WHEN 'declaration' THEN (SELECT meeting_id FROM declarations WHERE id = h.row_id)
            WHEN 'programme' THEN (SELECT meeting_id FROM work_programme_items WHERE id = h.row_id)
        END AS other_meeting_id,
        CASE h.kind
            WHEN 'agenda' THEN (SELECT title FROM agenda_items WHERE id = h.row_id)
            WHEN 'programme' THEN (SELECT topic FROM work_programme_items WHERE id = h.row_id)
            WHEN 'declaration' THEN (SELECT 'Declaration of interest: ' || p.title || ' ' || p.name
                                     FROM declarations d JOIN people p ON p.id = d.person_id
                                     WHERE d.id = h.row_id)
        END AS other_title,
        CASE h.kind
            WHEN 'agenda' THEN (SELECT exempt_paragraph FROM agenda_items WHERE id = h.row_id)
        END AS item_exempt,
        CASE h.kind
            WHEN 'programme' THEN (SELECT committee_id FROM work_programme_items WHERE id = h.row_id)
        END AS programme_committee
    FROM hits h
)
SELECT p.kind, p.sid, p.score, p.minute_id,
       coalesce(mi.meeting_id, p.other_meeting_id) AS meeting_id,
       coalesce(m.committee_id, p.programme_committee) AS committee_id,
       c.name AS committee, m.date AS date, mi.number AS number,
       coalesce(mi.title, p.other_title, '') AS title,
       (mi.exempt_paragraph IS NOT NULL OR p.item_exempt IS NOT NULL) AS exempt
FROM placed p
LEFT JOIN minutes mi ON mi.id = p.minute_id
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
        where, params = [], {"query": query, "open": OPEN, "close": CLOSE, "limit": max(0, int(limit))}
        if committee_id is not None:
            where.append("committee_id = :committee_id")
            params["committee_id"] = committee_id
        if since:
            where.append("date >= :since")
            params["since"] = _iso(since)
        if until:
            where.append("date <= :until")
            params["until"] = _iso(until)
        if public:
            where.append("NOT exempt")
        if order == "relevance":
            ordering = "score, date DESC, number DESC"
        else:
            ordering = "date IS NULL, date DESC, number DESC, score"
        resolved = _RESOLVED.replace("{score}", "s.rank" if order == "relevance" else "0")
        sql = (f"SELECT * FROM ({resolved}) {'WHERE ' + ' AND '.join(where) if where else ''} "
               f"ORDER BY {ordering} LIMIT :limit")
        try:
            rows = self.db.execute(sql, params).fetchall()
            snippets = self._snippets(query, [row[1] for row in rows])
        except sqlite3.OperationalError:
            return []
        return [_hit(row, snippets.get(row[1], "")) for row in rows]

    def _snippets(self, query: str, sids: list[int]) -> dict[int, str]:
        """Snippets for the hits shown only: snippet() over every match of a common word in a
        large archive would cost seconds."""
        if not sids:
            return {}
        marks = ",".join("?" * len(sids))
        return dict(self.db.execute(
            f"SELECT rowid, snippet(search_index, -1, ?, ?, '…', 14) FROM search_index "
            f"WHERE search_index MATCH ? AND rowid IN ({marks})", [OPEN, CLOSE, query, *sids]).fetchall())

    def count(self, text: str | None) -> int:
        query = clean_query(text)
        if query is None:
            return 0
        try:
            return self.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?",
                                   [query]).fetchone()[0]
        except sqlite3.OperationalError:
            return 0

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


def _iso(day: date | str) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def _hit(row, snippet: str) -> SearchHit:
    kind, _sid, _score, minute_id, meeting_id, committee_id, committee, day, number, title, exempt = row
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
