"""A meeting's agenda items: what the live meeting minutes. The agenda builder adds more."""

from __future__ import annotations

from sqlite_utils import Database

from store.dates import long_date
from store.errors import InvalidInput, NotFound
from store.meeting_models import AgendaItem
from store.meetings import MeetingStore
from store.values import optional_number, optional_text, required_text


class AgendaStore:
    def __init__(self, db: Database, meetings: MeetingStore):
        self.db = db
        self.meetings = meetings

    def list_for(self, meeting_id: int, include_withdrawn: bool = True) -> list[AgendaItem]:
        sql = "SELECT * FROM agenda_items WHERE meeting_id = ?"
        if not include_withdrawn:
            sql += " AND status = 'listed'"
        return [_item(row) for row in self.db.query(sql + " ORDER BY position", [meeting_id])]

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
                self._insert(meeting_id, dict(
                    title=item.title, kind="standard", standard_key=item.key,
                    description=item.description, recommendation=recommendation,
                ), closing=item.placement == "closing")
        return self.list_for(meeting_id)

    def add(self, meeting_id: int, title: str, kind: str = "business", description: str | None = None,
            recommendation: str | None = None, exempt_paragraph=None, urgency_reasons: str | None = None,
            supplementary: bool = False, lead_officer_id: int | None = None,
            work_programme_item_id: int | None = None) -> AgendaItem:
        """Add an item of business before the closing standard items."""
        self.meetings.get(meeting_id)
        values = dict(
            title=required_text(title, "item title", 300).upper(),
            kind=kind,
            description=optional_text(description, "description"),
            recommendation=optional_text(recommendation, "recommendation"),
            exempt_paragraph=optional_number(exempt_paragraph, "Schedule 12A paragraph", 1, 7),
            urgency_reasons=optional_text(urgency_reasons, "reasons for urgency"),
            supplementary=int(supplementary),
            lead_officer_id=lead_officer_id,
            work_programme_item_id=work_programme_item_id,
        )
        if kind == "urgent" and not values["urgency_reasons"]:
            raise InvalidInput("An urgent item needs the Chair's reasons for urgency (s100B(4)(b)).")
        return self.get(self._insert(meeting_id, values, closing=False))

    def set_status(self, item_id: int, status: str) -> AgendaItem:
        if status not in ("listed", "withdrawn", "deferred"):
            raise InvalidInput(f"'{status}' is not an agenda item status.")
        self.get(item_id)
        self.db.execute("UPDATE agenda_items SET status = ? WHERE id = ?", [status, item_id])
        return self.get(item_id)

    def _insert(self, meeting_id: int, values: dict, closing: bool) -> int:
        """Closing standard items stay at the end; other items go just before them."""
        items = self.list_for(meeting_id)
        meeting = self.meetings.get(meeting_id)
        closing_keys = {
            s.key for s in self.meetings.committees.standard_items.list_for(meeting.committee_id)
            if s.placement == "closing"
        }
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


def _plain_date(day) -> str:
    """'19 January 2021', as a recommendation names the previous meeting."""
    return long_date(day).split(" ", 1)[1]


def _item(row: dict) -> AgendaItem:
    row = dict(row)
    row["verbal_update"] = bool(row["verbal_update"])
    row["supplementary"] = bool(row["supplementary"])
    return AgendaItem(**row)
