"""Who is at the meeting: members' attendance, others present, arrivals and departures, quorum."""

from __future__ import annotations

from datetime import time

from sqlite_utils import Database

from store import quorum
from store.dates import long_date
from store.errors import Conflict, InvalidInput, NotFound
from store.meeting_models import ATTENDANCE_STATUSES, MOVEMENT_KINDS, AttendanceEntry, Movement, OtherPresent, QuorumState
from store.meetings import MeetingStore
from store.members import MemberStore
from store.models import Meeting
from store.values import as_time, optional_text, required_text, stored_time, time_text


class AttendanceStore:
    def __init__(self, db: Database, meetings: MeetingStore, members: MemberStore):
        self.db = db
        self.meetings = meetings
        self.members = members

    def list_for(self, meeting_id: int, minute_id: int | None = None) -> list[AttendanceEntry]:
        """The committee's members serving on the day, then anyone else recorded (substitutes).

        `in_room` is who is in the room after every movement recorded so far; with `minute_id`,
        who was in the room while that minute's item was taken (see `_in_room`).
        """
        meeting = self.meetings.get(meeting_id)
        recorded = {
            row["person_id"]: row
            for row in self.db.query(
                "SELECT a.*, p.title, p.name, s.title AS for_title, s.name AS for_name FROM attendance a "
                "JOIN people p ON p.id = a.person_id LEFT JOIN people s ON s.id = a.substitute_for_id "
                "WHERE a.meeting_id = ?",
                [meeting_id],
            )
        }
        in_room = self._in_room(meeting_id, recorded, minute_id)
        entries = []
        seen = set()
        for member in self.members.list_for(meeting.committee_id, on=meeting.date):
            if member.person.id in seen:
                continue
            seen.add(member.person.id)
            row = recorded.get(member.person.id)
            entries.append(_entry(member.person.id, member.display_name, member.role, member.voting, row, in_room))
        for person_id, row in recorded.items():
            if person_id not in seen:
                name = f"{row['title']} {row['name']}".strip()
                entries.append(_entry(person_id, name, "substitute", True, row, in_room))
        return entries

    # the signed record ---------------------------------------------------------------
    def record_locked(self, meeting_id: int) -> bool:
        """Are the meeting's minutes confirmed? Then who attended, came and went, and declared is signed."""
        return bool(self.db.execute(
            "SELECT 1 FROM minutes WHERE meeting_id = ? AND status = 'confirmed' LIMIT 1", [meeting_id]
        ).fetchone())

    def refuse_if_locked(self, meeting: Meeting, record: str = "attendance is") -> None:
        """Refuse a change to a meeting whose minutes are confirmed (schema step m008 refuses it too)."""
        if self.record_locked(meeting.id):
            raise Conflict(f"The minutes of {long_date(meeting.date)} are confirmed: {record} part of the "
                           "signed record and cannot be changed.")

    # members ---------------------------------------------------------------------------
    def set(self, meeting_id: int, person_id: int, status: str, substitute_for_id: int | None = None) -> None:
        if status not in ATTENDANCE_STATUSES:
            raise InvalidInput(f"'{status}' is not an attendance status: choose one of {', '.join(ATTENDANCE_STATUSES)}.")
        if status == "substitute" and substitute_for_id is None:
            raise InvalidInput("Say which member the substitute is replacing.")
        if status == "substitute" and substitute_for_id == person_id:
            raise InvalidInput("A member cannot substitute for themselves.")
        meeting = self.meetings.get(meeting_id)
        self.members.people.get(person_id)
        if status == "substitute":
            self.members.people.get(substitute_for_id)
        with self.db.atomic():  # look and write under one lock: the minutes cannot be confirmed in between
            self.refuse_if_locked(meeting)
            self.db.execute(
                "INSERT INTO attendance (meeting_id, person_id, status, substitute_for_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(meeting_id, person_id) DO UPDATE SET status = excluded.status, "
                "substitute_for_id = excluded.substitute_for_id",
                [meeting_id, person_id, status, substitute_for_id if status == "substitute" else None],
            )

    def add_substitute(self, meeting_id: int, name: str, for_person_id: int, title: str = "Councillor") -> int:
        """A councillor from outside the committee sits in for a member."""
        with self.db.atomic():
            self.refuse_if_locked(self.meetings.get(meeting_id))  # before a new person is added for nothing
            person = self.members.people.ensure(name, title)
            self.set(meeting_id, person.id, "substitute", for_person_id)
            already = list(self.db.query(
                "SELECT status FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, for_person_id]
            ))
            if not already:
                self.set(meeting_id, for_person_id, "apologies")
        return person.id

    def clear(self, meeting_id: int, person_id: int) -> None:
        with self.db.atomic():
            self.refuse_if_locked(self.meetings.get(meeting_id))
            self.db.execute("DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, person_id])

    # others present ---------------------------------------------------------------
    def others_for(self, meeting_id: int) -> list[OtherPresent]:
        rows = self.db.query("SELECT * FROM others_present WHERE meeting_id = ? ORDER BY id", [meeting_id])
        return [OtherPresent(**row) for row in rows]

    def add_other(self, meeting_id: int, name: str, role: str | None = None, officer_id: int | None = None) -> OtherPresent:
        meeting = self.meetings.get(meeting_id)
        if officer_id is not None and not _exists(self.db, "officers", officer_id):
            raise NotFound(f"There is no officer with id {officer_id}.")
        values = dict(meeting_id=meeting_id, name=required_text(name, "name", 200),
                      role=optional_text(role, "role", 200), officer_id=officer_id)
        with self.db.atomic():
            self.refuse_if_locked(meeting)
            other_id = self.db.table("others_present").insert(values).last_pk
        return next(o for o in self.others_for(meeting_id) if o.id == other_id)

    def remove_other(self, other_id: int) -> None:
        with self.db.atomic():
            self._refuse_if_row_locked("others_present", other_id)
            self.db.execute("DELETE FROM others_present WHERE id = ?", [other_id])

    # arrivals and departures --------------------------------------------------------
    def movements_for(self, meeting_id: int) -> list[Movement]:
        rows = self.db.query(
            "SELECT v.*, p.title, p.name, n.number AS minute_number FROM movements v "
            "JOIN people p ON p.id = v.person_id LEFT JOIN minutes n ON n.id = v.minute_id "
            "WHERE v.meeting_id = ? ORDER BY v.id",
            [meeting_id],
        )
        return [
            Movement(id=r["id"], meeting_id=r["meeting_id"], person_id=r["person_id"],
                     name=f"{r['title']} {r['name']}".strip(), kind=r["kind"], minute_id=r["minute_id"],
                     minute_number=r["minute_number"], at_time=stored_time(r["at_time"]), reason=r["reason"])
            for r in rows
        ]

    def record_movement(self, meeting_id: int, person_id: int, kind: str, minute_id: int | None = None,
                        at_time: time | str | None = None, reason: str | None = None) -> Movement:
        if kind not in MOVEMENT_KINDS:
            raise InvalidInput(f"'{kind}' is not a movement: choose one of {', '.join(MOVEMENT_KINDS)}.")
        meeting = self.meetings.get(meeting_id)
        self.members.people.get(person_id)
        if minute_id is not None:
            minute = list(self.db.query("SELECT meeting_id FROM minutes WHERE id = ?", [minute_id]))
            if not minute:
                raise NotFound(f"There is no minute with id {minute_id}.")
            if minute[0]["meeting_id"] != meeting_id:
                raise InvalidInput("That minute belongs to another meeting.")
        values = dict(meeting_id=meeting_id, person_id=person_id, kind=kind, minute_id=minute_id,
                      at_time=time_text(as_time(at_time)), reason=optional_text(reason, "reason", 500))
        with self.db.atomic():
            self.refuse_if_locked(meeting)
            movement_id = self.db.table("movements").insert(values).last_pk
        return next(m for m in self.movements_for(meeting_id) if m.id == movement_id)

    def remove_movement(self, movement_id: int) -> None:
        with self.db.atomic():
            self._refuse_if_row_locked("movements", movement_id)
            self.db.execute("DELETE FROM movements WHERE id = ?", [movement_id])

    def quorum(self, meeting_id: int, minute_id: int | None = None) -> QuorumState:
        """Voting members in the room against the quorum: now, or while minute `minute_id` was taken.

        A member who withdrew for an item (a declaration of interest) is out for that item's
        minute and back for the next, so pass the minute being taken to see the meeting as it is.
        """
        meeting = self.meetings.get(meeting_id)
        committee = self.meetings.committees.get(meeting.committee_id)
        voting_members = [m for m in self.members.list_for(committee.id, on=meeting.date) if m.voting]
        voting_ids = {m.person.id for m in voting_members}
        present = [
            e for e in self.list_for(meeting_id, minute_id)
            if e.in_room and (e.person_id in voting_ids or e.status == "substitute")
        ]
        return QuorumState(
            required=quorum.required(committee.quorum_rule, len(voting_ids), committee.quorum_number),
            present=len(present),
            voting_members=len(voting_ids),
        )

    def _refuse_if_row_locked(self, table: str, row_id: int) -> None:
        row = self.db.execute(f"SELECT meeting_id FROM {table} WHERE id = ?", [row_id]).fetchone()
        if row is not None:
            self.refuse_if_locked(self.meetings.get(row[0]))

    def _in_room(self, meeting_id: int, recorded: dict, minute_id: int | None = None) -> set[int]:
        """Present (or substituting) members, less those whose movements took them out.

        Movements are replayed in the order recorded. A withdrawal followed by the member's
        return at the same minute (what a declaration of interest records) takes them out for
        that minute's item only: after it they are where they were before it. With `minute_id`,
        only the movements of that minute and those before it (or against no minute) count,
        and whoever withdrew for that minute's item (by a movement or a declaration) is out.
        """
        inside = {pid for pid, row in recorded.items() if row["status"] in ("present", "substitute")}
        rows = list(self.db.query(
            "SELECT v.person_id, v.kind, v.minute_id, n.position FROM movements v "
            "LEFT JOIN minutes n ON n.id = v.minute_id WHERE v.meeting_id = ? ORDER BY v.id",
            [meeting_id],
        ))
        withdrawn_for_item: set[int] = set()
        if minute_id is not None:
            minute = self.db.execute("SELECT meeting_id, position, agenda_item_id FROM minutes WHERE id = ?",
                                     [minute_id]).fetchone()
            if minute is None:
                raise NotFound(f"There is no minute with id {minute_id}.")
            if minute[0] != meeting_id:
                raise InvalidInput("That minute belongs to another meeting.")
            rows = [r for r in rows if r["position"] is None or r["position"] <= minute[1]]
            if minute[2] is not None:
                withdrawn_for_item = {r["person_id"] for r in self.db.query(
                    "SELECT person_id FROM declarations WHERE meeting_id = ? AND agenda_item_id = ? "
                    "AND action = 'withdrew'", [meeting_id, minute[2]])}
        last: dict[int, dict] = {}  # each person's previous movement
        was_inside: dict[int, bool] = {}  # before their withdrawal
        for row in rows:
            pid, kind, previous = row["person_id"], row["kind"], last.get(row["person_id"])
            last[pid] = row
            if kind == "withdrew":
                was_inside[pid] = pid in inside
                inside.discard(pid)
            elif kind == "left":
                inside.discard(pid)
            elif (kind == "returned" and previous is not None and previous["kind"] == "withdrew"
                  and previous["minute_id"] == row["minute_id"]):
                # back after the item they withdrew for: as they were before it
                if was_inside.get(pid):
                    inside.add(pid)
                if minute_id is not None and row["minute_id"] == minute_id:
                    withdrawn_for_item.add(pid)
            elif pid in recorded and recorded[pid]["status"] in ("present", "substitute"):
                inside.add(pid)
        return inside - withdrawn_for_item


def _exists(db: Database, table: str, row_id: int) -> bool:
    return bool(list(db.query(f"SELECT 1 FROM {table} WHERE id = ?", [row_id])))


def _entry(person_id, name, role, voting, row, in_room) -> AttendanceEntry:
    for_name = None
    if row and row["for_name"]:
        for_name = f"{row['for_title']} {row['for_name']}".strip()
    return AttendanceEntry(
        person_id=person_id, name=name, role=role, voting=voting,
        status=row["status"] if row else None,
        substitute_for_id=row["substitute_for_id"] if row else None,
        substitute_for_name=for_name, in_room=person_id in in_room,
    )
