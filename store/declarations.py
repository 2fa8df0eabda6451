"""Declarations of interest at a meeting, with the register and last meeting as suggestions."""

from __future__ import annotations

from sqlite_utils import Database

from store.attendance import AttendanceStore
from store.errors import InvalidInput, NotFound
from store.interests import InterestStore
from store.meeting_models import DECLARATION_ACTIONS, Declaration, DeclarationSuggestion
from store.minutes import MinuteStore
from store.models import Meeting
from store.values import required_text

DPI = "Disclosable Pecuniary Interest"
SIGNED = "declarations of interest are"  # …part of the signed record, once the minutes are confirmed


class DeclarationStore:
    def __init__(self, db: Database, attendance: AttendanceStore, interests: InterestStore, minutes: MinuteStore):
        self.db = db
        self.attendance = attendance
        self.interests = interests
        self.minutes = minutes
        self.meetings = minutes.meetings

    def list_for(self, meeting_id: int) -> list[Declaration]:
        rows = self.db.query(
            "SELECT d.*, p.title, p.name, i.title AS item_title FROM declarations d "
            "JOIN people p ON p.id = d.person_id LEFT JOIN agenda_items i ON i.id = d.agenda_item_id "
            "WHERE d.meeting_id = ? ORDER BY d.position, d.id",
            [meeting_id],
        )
        return [_declaration(row) for row in rows]

    def get(self, declaration_id: int) -> Declaration:
        rows = list(self.db.query(
            "SELECT d.*, p.title, p.name, i.title AS item_title FROM declarations d "
            "JOIN people p ON p.id = d.person_id LEFT JOIN agenda_items i ON i.id = d.agenda_item_id "
            "WHERE d.id = ?",
            [declaration_id],
        ))
        if not rows:
            raise NotFound(f"There is no declaration with id {declaration_id}.")
        return _declaration(rows[0])

    def add(self, meeting_id: int, person_id: int, category: str, nature: str, action: str = "remained",
            agenda_item_id: int | None = None, interest_id: int | None = None) -> Declaration:
        meeting = self.meetings.get(meeting_id)
        committee = self.meetings.committees.get(meeting.committee_id)
        values = _checked(category, nature, action, committee.declaration_categories)
        self.attendance.members.people.get(person_id)
        self._check_item(meeting_id, agenda_item_id)
        if interest_id is not None:
            self.interests.get(interest_id)
        with self.db.atomic():
            self.refuse_if_locked(meeting)
            position = len(self.list_for(meeting_id))
            declaration_id = self.db.table("declarations").insert(dict(
                meeting_id=meeting_id, person_id=person_id, agenda_item_id=agenda_item_id,
                interest_id=interest_id, position=position, **values,
            )).last_pk
            if values["action"] == "withdrew" and agenda_item_id is not None:
                self._withdraw_for_item(meeting_id, person_id, agenda_item_id, values["category"])
        return self.get(declaration_id)

    def update(self, declaration_id: int, category: str, nature: str, action: str,
               agenda_item_id: int | None = None) -> Declaration:
        declaration = self.get(declaration_id)
        meeting = self.meetings.get(declaration.meeting_id)
        committee = self.meetings.committees.get(meeting.committee_id)
        values = _checked(category, nature, action, committee.declaration_categories)
        self._check_item(meeting.id, agenda_item_id)
        with self.db.atomic():
            self.refuse_if_locked(meeting)
            self.db.table("declarations").update(declaration_id, dict(agenda_item_id=agenda_item_id, **values))
        return self.get(declaration_id)

    def remove(self, declaration_id: int) -> None:
        declaration = self.get(declaration_id)
        with self.db.atomic():
            self.refuse_if_locked(self.meetings.get(declaration.meeting_id))
            self.db.execute("DELETE FROM declarations WHERE id = ?", [declaration_id])

    def refuse_if_locked(self, meeting: Meeting) -> None:
        """Refuse a change to the declarations of a meeting whose minutes are confirmed (and m008 does)."""
        self.attendance.refuse_if_locked(meeting, SIGNED)

    def suggestions(self, meeting_id: int) -> list[DeclarationSuggestion]:
        """Standing interests of the members, then last meeting's declarations not yet made today."""
        meeting = self.meetings.get(meeting_id)
        made = {(d.person_id, d.nature.casefold()) for d in self.list_for(meeting_id)}
        offered: list[DeclarationSuggestion] = []
        seen = set(made)
        for entry in self.attendance.list_for(meeting_id):
            for interest in self.interests.list_for(entry.person_id):
                key = (entry.person_id, interest.nature.casefold())
                if key not in seen:
                    seen.add(key)
                    offered.append(DeclarationSuggestion(entry.person_id, entry.name, interest.category,
                                                         interest.nature, "register", interest.id))
        previous = self.meetings.previous(meeting)
        if previous is not None:
            for declaration in self.list_for(previous.id):
                key = (declaration.person_id, declaration.nature.casefold())
                if key not in seen:
                    seen.add(key)
                    offered.append(DeclarationSuggestion(declaration.person_id, declaration.name,
                                                         declaration.category, declaration.nature, "last meeting"))
        return offered

    def _check_item(self, meeting_id: int, agenda_item_id: int | None) -> None:
        if agenda_item_id is not None and self.minutes.agenda.get(agenda_item_id).meeting_id != meeting_id:
            raise InvalidInput("That agenda item belongs to another meeting.")

    def _withdraw_for_item(self, meeting_id: int, person_id: int, agenda_item_id: int, category: str) -> None:
        """A member who withdraws for an item leaves during its minute and returns after it."""
        minute = self.minutes.for_item(agenda_item_id)
        minute_id = minute.id if minute else None
        self.attendance.record_movement(meeting_id, person_id, "withdrew", minute_id, reason=f"declared a {category}")
        self.attendance.record_movement(meeting_id, person_id, "returned", minute_id)

    def history_for(self, person_id: int, committee_id: int) -> list[tuple[Meeting, Declaration]]:
        """Every declaration the person made at the committee's meetings, newest meeting first."""
        rows = self.db.query(
            "SELECT d.*, p.title, p.name, i.title AS item_title FROM declarations d "
            "JOIN meetings m ON m.id = d.meeting_id JOIN people p ON p.id = d.person_id "
            "LEFT JOIN agenda_items i ON i.id = d.agenda_item_id "
            "WHERE d.person_id = ? AND m.committee_id = ? ORDER BY m.date DESC, d.position, d.id",
            [person_id, committee_id],
        )
        meetings: dict[int, Meeting] = {}
        history = []
        for row in rows:
            if row["meeting_id"] not in meetings:
                meetings[row["meeting_id"]] = self.meetings.get(row["meeting_id"])
            history.append((meetings[row["meeting_id"]], _declaration(row)))
        return history


def _checked(category: str, nature: str, action: str, categories) -> dict:
    category = required_text(category, "category", 120)
    if category not in categories:
        raise InvalidInput(f"'{category}' is not one of this committee's categories: {'; '.join(categories)}.")
    if action not in DECLARATION_ACTIONS:
        raise InvalidInput(f"'{action}' is not what a member can do: choose {', '.join(DECLARATION_ACTIONS)}.")
    return dict(category=category, nature=required_text(nature, "nature of the interest", 2000), action=action)


def _declaration(row: dict) -> Declaration:
    return Declaration(
        id=row["id"], meeting_id=row["meeting_id"], person_id=row["person_id"],
        name=f"{row['title']} {row['name']}".strip(), category=row["category"], nature=row["nature"],
        action=row["action"], agenda_item_id=row["agenda_item_id"], item_title=row["item_title"],
        interest_id=row["interest_id"],
    )
