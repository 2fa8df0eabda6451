"""A meeting's agenda items, in order: the opening standard items, the business, the closing
standard items, then the private part (exempt items). Publishing freezes the agenda: a later
change marks the item supplementary, and a new item needs the Chair's reasons for urgency.

Items are numbered 1..n from their order until publication, which writes each item's number;
an item added afterwards is numbered at once after the item it follows ("10A"), so a published
number never moves (store/appendix_layout.py agenda_numbers)."""

from __future__ import annotations

from typing import Callable

from sqlite_utils import Database

from store.appendix_layout import agenda_numbers
from store.dates import long_date
from store.errors import Conflict, InvalidInput, NotFound
from store.meeting_models import AgendaItem
from store.meetings import MeetingStore
from store.values import optional_number, optional_text, required_text


class AgendaStore:
    def __init__(self, db: Database, meetings: MeetingStore):
        self.db = db
        self.meetings = meetings
        # Set by the Store: called before a change to a published agenda, to freeze its pack.
        self.before_change: Callable[[int], None] = lambda meeting_id: None

    def list_for(self, meeting_id: int, include_withdrawn: bool = True) -> list[AgendaItem]:
        sql = "SELECT * FROM agenda_items WHERE meeting_id = ?"
        if not include_withdrawn:
            sql += " AND status = 'listed'"
        order = " ORDER BY exempt_paragraph IS NOT NULL, position, id"
        return [_item(row) for row in self.db.query(sql + order, [meeting_id])]

    def is_published(self, meeting_id: int) -> bool:
        return self.meetings.get(meeting_id).status not in ("scheduled", "cancelled")

    def get(self, item_id: int) -> AgendaItem:
        rows = list(self.db.query("SELECT * FROM agenda_items WHERE id = ?", [item_id]))
        if not rows:
            raise NotFound(f"There is no agenda item with id {item_id}.")
        return _item(rows[0])

    def start_from_standard_items(self, meeting_id: int) -> list[AgendaItem]:
        """Give a meeting with no agenda yet the committee's standard opening and closing items."""
        meeting = self.meetings.get(meeting_id)
        if self.list_for(meeting_id):
            return self.list_for(meeting_id)
        committee = self.meetings.committees.get(meeting.committee_id)
        previous = self.meetings.previous(meeting)
        with self.db.atomic():
            for item in self.meetings.committees.standard_items.list_for(committee.id):
                recommendation = item.recommendation
                if recommendation and "{previous_date}" in recommendation:
                    recommendation = recommendation.format(
                        committee=committee.name,
                        previous_date=_plain_date(previous.date) if previous else "(no previous meeting recorded)",
                    )
                item_id = self._insert(meeting_id, dict(
                    title=item.title, kind="standard", standard_key=item.key,
                    description=item.description, recommendation=recommendation,
                ), closing=item.placement == "closing")
                generated = _GENERATED.get(item.key)
                if generated and (item.key != "previous-minutes" or previous):
                    self.db.table("documents").insert(dict(
                        agenda_item_id=item_id, position=1, kind=generated[0], title=generated[1](previous),
                    ))
        return self.list_for(meeting_id)

    def add(self, meeting_id: int, title: str, kind: str = "business", description: str | None = None,
            recommendation: str | None = None, exempt_paragraph=None, urgency_reasons: str | None = None,
            supplementary: bool = False, lead_officer_id: int | None = None,
            work_programme_item_id: int | None = None, verbal_update: bool = False) -> AgendaItem:
        """Add an item of business before the closing standard items."""
        meeting = self.meetings.get(meeting_id)
        if meeting.cancelled:
            raise InvalidInput("This meeting is cancelled; its agenda cannot change.")
        awaiting = meeting.status == "agenda-published"
        values = dict(
            title=required_text(title, "item title", 300).upper(),
            kind=kind,
            description=optional_text(description, "description"),
            recommendation=optional_text(recommendation, "recommendation"),
            exempt_paragraph=optional_number(exempt_paragraph, "Schedule 12A paragraph", 1, 7),
            urgency_reasons=optional_text(urgency_reasons, "reasons for urgency"),
            supplementary=int(supplementary),
            lead_officer_id=self._officer(lead_officer_id),
            work_programme_item_id=work_programme_item_id,
            verbal_update=int(bool(verbal_update)),
        )
        if kind == "urgent" and not values["urgency_reasons"]:
            raise InvalidInput("An urgent item needs the Chair's reasons for urgency (s100B(4)(b)).")
        if awaiting:
            if not values["urgency_reasons"]:
                raise InvalidInput("The agenda is published: an item added now is supplementary and needs "
                                   "the Chair's reasons for urgency (s100B(4)(b)).")
            values["supplementary"] = 1
        published = self.is_published(meeting_id)
        if published:
            self._before_change(meeting_id)
        with self.db.atomic():  # positions read and shifted in one write transaction
            item_id = self._insert(meeting_id, values, closing=False)
            if published:
                self.freeze_numbers(meeting_id)  # its own number, after the item it follows: "10A"
        return self.get(item_id)

    def update(self, item_id: int, **fields) -> AgendaItem:
        """Change an item's wording, lead officer, verbal-update flag or exempt paragraph."""
        item = self.get(item_id)
        unknown = set(fields) - _EDITABLE
        if unknown:
            raise InvalidInput(f"An agenda item has no field {', '.join(sorted(unknown))}.")
        values = {}
        if "title" in fields:
            values["title"] = required_text(fields["title"], "item title", 300).upper()
        for name in ("description", "recommendation", "urgency_reasons"):
            if name in fields:
                values[name] = optional_text(fields[name], name.replace("_", " "))
        if "exempt_paragraph" in fields:
            values["exempt_paragraph"] = optional_number(fields["exempt_paragraph"], "Schedule 12A paragraph", 1, 7)
        if "verbal_update" in fields:
            values["verbal_update"] = int(bool(fields["verbal_update"]))
        if "lead_officer_id" in fields:
            values["lead_officer_id"] = self._officer(fields["lead_officer_id"])
        if item.kind == "urgent" and "urgency_reasons" in values and not values["urgency_reasons"]:
            raise InvalidInput("An urgent item needs the Chair's reasons for urgency (s100B(4)(b)).")
        changed = {k: v for k, v in values.items() if getattr(item, k) != (bool(v) if k == "verbal_update" else v)}
        if not changed:
            return item
        if self.is_published(item.meeting_id):
            self._before_change(item.meeting_id)
        if self.meetings.get(item.meeting_id).status == "agenda-published":
            changed["supplementary"] = 1
        self.db.table("agenda_items").update(item_id, changed)
        return self.get(item_id)

    def remove(self, item_id: int) -> None:
        """Take an item off an agenda not yet published (after publication, withdraw it)."""
        item = self.get(item_id)
        if self.is_published(item.meeting_id):
            raise InvalidInput("The agenda is published; withdraw the item instead of removing it.")
        if self.db.execute("SELECT count(*) FROM minutes WHERE agenda_item_id = ?", [item_id]).fetchone()[0]:
            raise Conflict("This item has a minute; it cannot be removed from the agenda.")
        with self.db.atomic():
            self.db.execute("UPDATE declarations SET agenda_item_id = NULL WHERE agenda_item_id = ?", [item_id])
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
            self._close_up(item.meeting_id)

    def move(self, item_id: int, delta: int) -> AgendaItem:
        """Move an item up (-1) or down (+1) among its own part of the agenda.

        The closing standard items stay at the end of the public part and exempt items
        stay in the private part, so numbering keeps the committee's shape."""
        with self.db.atomic():  # read the neighbours and swap in one write transaction
            return self._move(item_id, delta)

    def _move(self, item_id: int, delta: int) -> AgendaItem:
        item = self.get(item_id)
        if self.is_published(item.meeting_id):
            raise InvalidInput("The agenda is published; its numbering is fixed.")
        items = self.list_for(item.meeting_id)
        closing = self._closing_keys(item.meeting_id)
        group = [i for i in items if _part(i, closing) == _part(item, closing)]
        index = next(n for n, i in enumerate(group) if i.id == item_id)
        target = index + delta
        if not 0 <= target < len(group):
            return item
        other = group[target]
        with self.db.atomic():
            self.db.execute("UPDATE agenda_items SET position = ? WHERE id = ?", [other.position, item.id])
            self.db.execute("UPDATE agenda_items SET position = ? WHERE id = ?", [item.position, other.id])
        return self.get(item_id)

    def set_status(self, item_id: int, status: str) -> AgendaItem:
        if status not in ("listed", "withdrawn", "deferred"):
            raise InvalidInput(f"'{status}' is not an agenda item status.")
        item = self.get(item_id)
        if item.status != status and self.meetings.get(item.meeting_id).status == "agenda-published":
            # Withdrawn after publication: the supplementary agenda says so.
            self._before_change(item.meeting_id)
            self.db.execute("UPDATE agenda_items SET supplementary = 1 WHERE id = ?", [item_id])
        self.db.execute("UPDATE agenda_items SET status = ? WHERE id = ?", [status, item_id])
        return self.get(item_id)

    def freeze_numbers(self, meeting_id: int) -> None:
        """Write each item's number as the agenda shows it now, where none is written yet (idempotent).

        Called on publication, before any change to a published agenda (one published by the
        Meetings pane's status key is frozen then), and for an item added after publication."""
        items = self.list_for(meeting_id)
        with self.db.atomic():
            for item, number in zip(items, agenda_numbers(items)):
                if item.published_number is None:
                    self.db.execute("UPDATE agenda_items SET published_number = ? WHERE id = ?", [number, item.id])

    def _before_change(self, meeting_id: int) -> None:
        """A published agenda is about to change: its numbers and its pack are frozen first."""
        self.freeze_numbers(meeting_id)
        self.before_change(meeting_id)

    def _closing_keys(self, meeting_id: int) -> set[str]:
        meeting = self.meetings.get(meeting_id)
        return {
            s.key for s in self.meetings.committees.standard_items.list_for(meeting.committee_id)
            if s.placement == "closing"
        }

    def _officer(self, officer_id) -> int | None:
        if officer_id in (None, ""):
            return None
        if not self.db.execute("SELECT count(*) FROM officers WHERE id = ?", [officer_id]).fetchone()[0]:
            raise InvalidInput(f"There is no officer with id {officer_id}.")
        return int(officer_id)

    def _close_up(self, meeting_id: int) -> None:
        for position, row in enumerate(self.db.query(
                "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id", [meeting_id]), start=1):
            self.db.execute("UPDATE agenda_items SET position = ? WHERE id = ?", [position, row["id"]])

    def _insert(self, meeting_id: int, values: dict, closing: bool) -> int:
        """Closing standard items stay at the end; other items go just before them."""
        items = sorted(self.list_for(meeting_id), key=lambda i: i.position)
        closing_keys = self._closing_keys(meeting_id)
        closing_items = [i for i in items if i.kind == "standard" and i.standard_key in closing_keys]
        if closing or not closing_items:
            position = (items[-1].position + 1) if items else 1
        else:
            position = closing_items[0].position
            self.db.execute(
                "UPDATE agenda_items SET position = position + 1 WHERE meeting_id = ? AND position >= ?",
                [meeting_id, position],
            )
        return self.db.table("agenda_items").insert(dict(meeting_id=meeting_id, position=position, **values)).last_pk


_EDITABLE = {"title", "description", "recommendation", "urgency_reasons", "exempt_paragraph",
             "verbal_update", "lead_officer_id"}
_GENERATED = {
    "previous-minutes": ("minutes", lambda previous: f"Minutes of the meeting held on {_plain_date(previous.date)}"),
    "work-programme": ("work-programme", lambda previous: "Work programme"),
}


def _part(item: AgendaItem, closing_keys: set[str]) -> int:
    """0 the public business, 1 the closing standard items, 2 the private part."""
    if item.exempt_paragraph is not None:
        return 2
    return 1 if item.kind == "standard" and item.standard_key in closing_keys else 0


def _plain_date(day) -> str:
    """'19 January 2021', as a recommendation names the previous meeting."""
    return long_date(day).split(" ", 1)[1]


def _item(row: dict) -> AgendaItem:
    row = dict(row)
    row["verbal_update"] = bool(row["verbal_update"])
    row["supplementary"] = bool(row["supplementary"])
    return AgendaItem(**row)
