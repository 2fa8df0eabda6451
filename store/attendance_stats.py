"""Attendance statistics: per member of a committee, per municipal year.

The rules, all applied in one SQL query over memberships, meetings and attendance:

- The meetings that count are the committee's meetings of the municipal year that were
  held (status held or minutes-confirmed); cancelled and future meetings do not count.
- A member is expected at such a meeting when one of their memberships with a seat
  (chair, vice-chair, member) covers its date: a member who joined mid-year is expected
  only from joining, one who left only until leaving. Substitutes and standing invitees
  hold no seat, so nobody expects them; a substitute's attendance counts for the member
  they replaced.
- At a meeting whose attendance was recorded (any row), each expected member is counted
  once: attended (present, or sitting as a substitute for someone else), apologies,
  or absent. A member with no row who sent a substitute sent apologies (the Attendance
  pane records it so); one with no row and no substitute was absent.
- At a meeting with no attendance recorded at all, nobody is counted absent: the
  member's meeting is "not recorded".
- "Substitutes sent" counts the meetings at which someone sat in for the member.

So expected = attended + apologies + absent + not recorded, for every member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store.numbering import municipal_year_bounds, municipal_year_label

if TYPE_CHECKING:
    from store.api import Store

# The roles that hold a seat, in the order the tables list them (the query ranks them so too).
SEATS = ("chair", "vice-chair", "member")
_SEATED = "m.role IN ('chair', 'vice-chair', 'member')"

_QUERY = f"""
WITH year_meetings AS (
    SELECT g.id, g.date,
        EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = g.id) AS recorded
    FROM meetings g
    WHERE g.committee_id = :committee AND g.status IN ('held', 'minutes-confirmed')
      AND g.date BETWEEN :first AND :last
),
members AS (
    SELECT m.person_id,
        min(CASE m.role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END) AS role_rank
    FROM memberships m
    WHERE m.committee_id = :committee AND {_SEATED}
      AND (m.start_date IS NULL OR m.start_date <= :last)
      AND (m.end_date IS NULL OR m.end_date >= :first)
    GROUP BY m.person_id
),
expected AS (
    SELECT DISTINCT m.person_id, y.id AS meeting_id, y.recorded
    FROM memberships m
    JOIN year_meetings y
      ON (m.start_date IS NULL OR m.start_date <= y.date) AND (m.end_date IS NULL OR m.end_date >= y.date)
    WHERE m.committee_id = :committee AND {_SEATED}
),
outcomes AS (
    SELECT e.person_id, e.recorded, a.status,
        EXISTS (SELECT 1 FROM attendance s WHERE s.meeting_id = e.meeting_id
                AND s.status = 'substitute' AND s.substitute_for_id = e.person_id) AS substituted
    FROM expected e
    LEFT JOIN attendance a ON a.meeting_id = e.meeting_id AND a.person_id = e.person_id
)
SELECT p.id AS person_id, p.title, p.name, mb.role_rank,
    count(o.person_id) AS expected,
    coalesce(sum(o.recorded AND o.status IN ('present', 'substitute')), 0) AS attended,
    coalesce(sum(o.recorded AND (o.status = 'apologies' OR (o.status IS NULL AND o.substituted))), 0) AS apologies,
    coalesce(sum(o.recorded AND (o.status = 'absent' OR (o.status IS NULL AND NOT o.substituted))), 0) AS absent,
    coalesce(sum(o.substituted), 0) AS substituted,
    coalesce(sum(NOT o.recorded), 0) AS not_recorded
FROM members mb
JOIN people p ON p.id = mb.person_id
LEFT JOIN outcomes o ON o.person_id = mb.person_id
GROUP BY p.id
ORDER BY mb.role_rank, p.name COLLATE NOCASE, p.id
"""

_MEETINGS = """
SELECT g.date, EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = g.id) AS recorded
FROM meetings g
WHERE g.committee_id = :committee AND g.status IN ('held', 'minutes-confirmed')
  AND g.date BETWEEN :first AND :last
ORDER BY g.date
"""

@dataclass(frozen=True)
class MemberAttendance:
    """One member's year: expected = attended + apologies + absent + not_recorded."""

    person_id: int
    name: str
    role: str
    expected: int
    attended: int
    apologies: int
    absent: int
    substitutes_sent: int
    not_recorded: int


@dataclass(frozen=True)
class CountedMeeting:
    date: date
    recorded: bool


@dataclass(frozen=True)
class AttendanceYear:
    committee: str
    year: int
    meetings: tuple[CountedMeeting, ...]
    members: tuple[MemberAttendance, ...]

    @property
    def label(self) -> str:
        return municipal_year_label(self.year)


def attendance_for_year(store: Store, committee_id: int, year: int) -> AttendanceYear:
    """Every seated member's attendance at the committee's held meetings of municipal year `year`."""
    committee = store.committees.get(committee_id)
    first, last = municipal_year_bounds(year, committee.year_start_month, committee.year_start_day)
    params = {"committee": committee_id, "first": first.isoformat(), "last": last.isoformat()}
    meetings = tuple(
        CountedMeeting(date.fromisoformat(row["date"]), bool(row["recorded"]))
        for row in store.db.query(_MEETINGS, params)
    )
    members = tuple(
        MemberAttendance(
            person_id=row["person_id"],
            name=f"{row['title']} {row['name']}".strip() if row["title"] else row["name"],
            role=SEATS[row["role_rank"]],
            expected=row["expected"], attended=row["attended"], apologies=row["apologies"],
            absent=row["absent"], substitutes_sent=row["substituted"], not_recorded=row["not_recorded"],
        )
        for row in store.db.query(_QUERY, params)
    )
    return AttendanceYear(committee.name, year, meetings, members)
