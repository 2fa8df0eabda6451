"""One meeting as JSON: design.md's "A meeting as JSON", for scripts and other systems.

The export is public: an exempt item is listed with its Schedule 12A paragraph, but
its minute's text and resolutions are left out, and its reports take no pages in
the public pack. Every field of the design is always present (null or empty when
unknown); the extra fields (livestream_url, agenda_setting_date,
last_publication_date, and a few inside the lists) come after them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from store import deadlines
from store.members import ROLE_ORDER
from store.values import date_text, time_text

if TYPE_CHECKING:
    from store.api import Store


def meeting_as_json(store: Store, meeting_id: int) -> str:
    """The meeting as indented JSON text; the same data always gives the same text."""
    return json.dumps(meeting_as_dict(store, meeting_id), indent=2, ensure_ascii=False)


def meeting_as_dict(store: Store, meeting_id: int) -> dict:
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    return {
        "committee": committee.name,
        "date": meeting.date.isoformat(),
        "start": time_text(meeting.start_time),
        "place": meeting.place,
        "status": meeting.status,
        "first_minute_number": store.minute_numbers.first_for(meeting_id),
        "closed_at": time_text(meeting.closed_at),
        "attendance": _attendance(store, meeting_id, committee.id, meeting.date.isoformat()),
        "declarations": _declarations(store, meeting_id),
        "agenda": _agenda(store, meeting_id),
        "minutes": _minutes(store, meeting_id),
        "livestream_url": meeting.livestream_url,
        "agenda_setting_date": date_text(
            meeting.agenda_setting_date
            or deadlines.agenda_setting_date(meeting.date, committee.agenda_setting_days)
        ),
        "last_publication_date": deadlines.last_publication_date(
            meeting.date, committee.clear_days, committee.holiday_region, committee.skip_weekends
        ).isoformat(),
    }


def _attendance(store: Store, meeting_id: int, committee_id: int, day: str) -> list[dict]:
    """Who was recorded, with the role their membership gave them on the day."""
    rows = store.db.query(
        """
        SELECT a.id, p.name, a.status, s.name AS substitute_for,
            (SELECT m.role FROM memberships m
             WHERE m.person_id = a.person_id AND m.committee_id = :committee
               AND (m.start_date IS NULL OR m.start_date <= :day)
               AND (m.end_date IS NULL OR m.end_date >= :day)
             ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'member' THEN 2
                      WHEN 'substitute' THEN 3 ELSE 4 END, m.id
             LIMIT 1) AS role
        FROM attendance a
        JOIN people p ON p.id = a.person_id
        LEFT JOIN people s ON s.id = a.substitute_for_id
        WHERE a.meeting_id = :meeting
        """,
        {"meeting": meeting_id, "committee": committee_id, "day": day},
    )
    ordered = sorted(
        rows, key=lambda r: (ROLE_ORDER.get(r["role"], len(ROLE_ORDER)), r["name"].casefold(), r["id"])
    )
    return [
        {"name": r["name"], "role": r["role"], "status": r["status"], "substitute_for": r["substitute_for"]}
        for r in ordered
    ]


def _declarations(store: Store, meeting_id: int) -> list[dict]:
    """Each declaration with the minute it belongs to.

    A declaration about one item belongs to that item's minute; one about the meeting
    as a whole is recorded in the minute of the "Declarations of interest" item (as
    Councillor Joshi's is in minute 87 of 19 January 2021).
    """
    rows = store.db.query(
        """
        SELECT p.name AS member, d.category, d.nature, d.action,
            (SELECT n.number FROM minutes n
             WHERE n.meeting_id = d.meeting_id AND n.agenda_item_id = d.agenda_item_id
             ORDER BY n.position, n.id LIMIT 1) AS item_minute,
            (SELECT n.number FROM minutes n JOIN agenda_items i ON i.id = n.agenda_item_id
             WHERE n.meeting_id = d.meeting_id AND i.standard_key = 'declarations'
             ORDER BY n.position, n.id LIMIT 1) AS declarations_minute,
            d.agenda_item_id
        FROM declarations d
        JOIN people p ON p.id = d.person_id
        WHERE d.meeting_id = ?
        ORDER BY d.position, d.id
        """,
        [meeting_id],
    )
    return [
        {
            "member": r["member"],
            "category": r["category"],
            "nature": r["nature"],
            "minute": r["item_minute"] if r["agenda_item_id"] is not None else r["declarations_minute"],
            "action": r["action"],
        }
        for r in rows
    ]


def _agenda(store: Store, meeting_id: int) -> list[dict]:
    """The items numbered as the agenda numbers them (exempt items last), with their appendix
    labels and pages as the agenda pack gives them (store.appendices.layout).

    The export is public: an exempt item shows its title and Schedule 12A paragraph, but no
    appendix or pages, as its reports are not in the public pack. A report to follow has a
    label but no pages yet.
    """
    agenda = []
    for entry in store.appendices.layout(meeting_id):
        item = entry.item
        shown = not entry.private
        agenda.append(
            {
                "number": str(entry.number),
                "title": item.title,
                "appendix": (", ".join(a.label for a in entry.appendices) or None) if shown else None,
                "pages": _pages(entry) if shown else None,
                "exempt_paragraph": item.exempt_paragraph,
                "status": item.status,
                "supplementary": item.supplementary,
            }
        )
    return agenda


def _pages(entry) -> str | None:
    """'9 - 14'; pages that do not run on (a report added after publication) as '9 - 14, 119 - 121'."""
    runs: list[list[int]] = []
    for appendix in sorted((a for a in entry.appendices if a.last_page is not None), key=lambda a: a.first_page):
        if runs and appendix.first_page == runs[-1][1] + 1:
            runs[-1][1] = appendix.last_page
        else:
            runs.append([appendix.first_page, appendix.last_page])
    return ", ".join(str(a) if a == b else f"{a} - {b}" for a, b in runs) or None


def _minutes(store: Store, meeting_id: int) -> list[dict]:
    """The minutes in the order taken; an exempt minute keeps its number and title only."""
    rows = list(
        store.db.query(
            """
            SELECT n.id, n.number, n.title, n.body, n.status,
                coalesce(n.exempt_paragraph, i.exempt_paragraph) AS exempt_paragraph
            FROM minutes n
            LEFT JOIN agenda_items i ON i.id = n.agenda_item_id
            WHERE n.meeting_id = ?
            ORDER BY n.position, n.id
            """,
            [meeting_id],
        )
    )
    resolutions: dict[int, list[str]] = {row["id"]: [] for row in rows}
    for row in store.db.query(
        "SELECT r.minute_id, r.text FROM resolutions r JOIN minutes n ON n.id = r.minute_id "
        "WHERE n.meeting_id = ? ORDER BY r.position, r.id",
        [meeting_id],
    ):
        resolutions[row["minute_id"]].append(row["text"])
    minutes = []
    for row in rows:
        exempt = row["exempt_paragraph"] is not None
        minutes.append(
            {
                "number": row["number"],
                "title": row["title"],
                "text": None if exempt else row["body"],
                "resolutions": [] if exempt else resolutions[row["id"]],
                "status": row["status"],
                "exempt_paragraph": row["exempt_paragraph"],
            }
        )
    return minutes
