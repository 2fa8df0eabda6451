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
DPI_WARNING = ("A Disclosable Pecuniary Interest: the member must not take part; "
               "record whether they withdrew")


def must_withdraw(category: str) -> bool:
    """A Disclosable Pecuniary Interest: by law (Localism Act 2011 s.31) the member must not take part.

    They normally withdraw for the item; the clerk records what happened, so "remained" is
    accepted, and the app warns (`warning_for`).
    """
    return category.strip().casefold() == DPI.casefold()


def warning_for(declaration: Declaration) -> str | None:
    """What the clerk should be told about a declaration as recorded: a DPI the member did not withdraw for."""
    if must_withdraw(declaration.category) and declaration.action != "withdrew":
        return DPI_WARNING
    return None


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
            self._movements_follow(None, self.get(declaration_id))
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
            self._movements_follow(declaration, self.get(declaration_id))
        return self.get(declaration_id)

    def remove(self, declaration_id: int) -> None:
        """Delete the declaration, and the withdrawal and return it recorded in Attendance."""
        declaration = self.get(declaration_id)
        with self.db.atomic():
            self.refuse_if_locked(self.meetings.get(declaration.meeting_id))
            self._movements_follow(declaration, None)
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

    # the withdrawal a declaration records in Attendance ------------------------------------
    def _movements_follow(self, before: Declaration | None, after: Declaration | None) -> None:
        """Keep the member's withdrawal and return in step with the declaration, as it was and is now.

        A declaration "withdrew" for an item records the member leaving during its minute and
        returning after it; changed to another action, item or category, or deleted, its
        movements go (and the new ones come). Unchanged, the recorded movements stay as they are.
        """
        old, new = _withdrawal(before), _withdrawal(after)
        if old == new:
            return
        if old is not None:
            self._unwithdraw(before.meeting_id, *old)
        if new is not None:
            self._withdraw_for_item(after.meeting_id, *new)

    def _withdraw_for_item(self, meeting_id: int, person_id: int, agenda_item_id: int, category: str) -> None:
        """A member who withdraws for an item leaves during its minute and returns after it."""
        minute = self.minutes.for_item(agenda_item_id)
        minute_id = minute.id if minute else None
        self.attendance.record_movement(meeting_id, person_id, "withdrew", minute_id, reason=_reason(category))
        self.attendance.record_movement(meeting_id, person_id, "returned", minute_id)

    def _unwithdraw(self, meeting_id: int, person_id: int, agenda_item_id: int, category: str) -> None:
        """Delete the withdrawal and return `_withdraw_for_item` recorded (if the clerk has not already)."""
        minute = self.minutes.for_item(agenda_item_id)
        reasons = {_reason(category), f"declared a {category}"}  # the older wording: always "a"
        rows = list(self.db.query(
            "SELECT id, kind, minute_id, reason FROM movements WHERE meeting_id = ? AND person_id = ? ORDER BY id",
            [meeting_id, person_id],
        ))
        pairs = [
            (row, rows[index + 1] if index + 1 < len(rows) else None)
            for index, row in enumerate(rows) if row["kind"] == "withdrew" and row["reason"] in reasons
        ]
        # At the item's minute if it has one, else one recorded before the minute was opened.
        for wanted in ([minute.id] if minute else []) + [None]:
            for withdrew, back in pairs:
                if withdrew["minute_id"] == wanted:
                    ids = [withdrew["id"]]
                    if back is not None and back["kind"] == "returned" and back["minute_id"] == wanted:
                        ids.append(back["id"])
                    self.db.execute(f"DELETE FROM movements WHERE id IN ({', '.join('?' * len(ids))})", ids)
                    return

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


def _withdrawal(declaration: Declaration | None) -> tuple[int, int, str] | None:
    """(person, item, category) of a declaration whose member withdrew for an item, else None."""
    if declaration is None or declaration.action != "withdrew" or declaration.agenda_item_id is None:
        return None
    return declaration.person_id, declaration.agenda_item_id, declaration.category


def _reason(category: str) -> str:
    """Why the member withdrew, as the minutes say it: "…, having declared a Disclosable Pecuniary Interest"."""
    article = "an" if category[:1].lower() in "aeiou" else "a"
    return f"declared {article} {category}"


def _declaration(row: dict) -> Declaration:
    return Declaration(
        id=row["id"], meeting_id=row["meeting_id"], person_id=row["person_id"],
        name=f"{row['title']} {row['name']}".strip(), category=row["category"], nature=row["nature"],
        action=row["action"], agenda_item_id=row["agenda_item_id"], item_title=row["item_title"],
        interest_id=row["interest_id"],
    )
