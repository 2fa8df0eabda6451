"""The work programme: topics planned for meetings, possible items, the watching brief."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from store.agenda import AgendaStore
from store.dates import long_date
from store.errors import InvalidInput, NotFound
from store.meetings import MeetingStore
from store.officers import OfficerStore
from store.programme_models import PROGRAMME_LISTS, TOPIC_STATUSES, ProgrammeItem
from store.values import optional_text, required_text, stored_date

_SELECT = """
SELECT w.*, m.date AS meeting_date,
       (SELECT a.id FROM agenda_items a WHERE a.work_programme_item_id = w.id AND a.status = 'listed'
        ORDER BY a.id DESC LIMIT 1) AS agenda_item_id,
       (SELECT n.number FROM agenda_items a JOIN minutes n ON n.agenda_item_id = a.id
        WHERE a.work_programme_item_id = w.id AND n.number IS NOT NULL ORDER BY n.id DESC LIMIT 1) AS minute_number,
       (SELECT group_concat(coalesce(o.initials, o.name), '/') FROM
           (SELECT * FROM work_programme_leads l WHERE l.work_programme_item_id = w.id ORDER BY l.position) l
        JOIN officers o ON o.id = l.officer_id) AS leads
FROM work_programme_items w LEFT JOIN meetings m ON m.id = w.meeting_id
"""


class ProgrammeStore:
    def __init__(self, db: Database, meetings: MeetingStore, officers: OfficerStore, agenda: AgendaStore):
        self.db = db
        self.meetings = meetings
        self.officers = officers
        self.agenda = agenda

    # reading -------------------------------------------------------------------
    def list_for(self, committee_id: int, year: int) -> list[ProgrammeItem]:
        """The year's topics: those of the year's meetings in date order, then the unscheduled lists."""
        committee = self.meetings.committees.get(committee_id)
        meeting_ids = [m.id for m in self.meetings.list_for(committee.id, year)]
        placeholders = ",".join("?" * len(meeting_ids)) or "NULL"
        rows = self.db.query(
            _SELECT + f" WHERE w.committee_id = ? AND (w.meeting_id IN ({placeholders}) "
            "OR (w.meeting_id IS NULL AND (w.municipal_year = ? OR w.municipal_year IS NULL))) "
            "ORDER BY w.meeting_id IS NULL, m.date, w.list, w.position, w.id",
            [committee.id, *meeting_ids, year],
        )
        return [_item(row) for row in rows]

    def get(self, item_id: int) -> ProgrammeItem:
        rows = list(self.db.query(_SELECT + " WHERE w.id = ?", [item_id]))
        if not rows:
            raise NotFound(f"There is no work-programme topic with id {item_id}.")
        return _item(rows[0])

    def suggestions_for(self, meeting_id: int) -> list[ProgrammeItem]:
        """Topics scheduled for the meeting and not yet on its agenda: the agenda builder offers them."""
        rows = self.db.query(_SELECT + " WHERE w.meeting_id = ? ORDER BY w.position, w.id", [meeting_id])
        return [i for i in map(_item, rows) if i.status == "scheduled"]

    # writing -------------------------------------------------------------------
    def add(self, committee_id: int, topic: str, today: date, meeting_id: int | None = None,
            list: str = "programme", lead_officers: str | None = None, actions_arising: str | None = None,
            progress: str | None = None, year: int | None = None) -> ProgrammeItem:
        committee = self.meetings.committees.get(committee_id)
        values = self._checked(committee, dict(topic=topic, list=list, actions_arising=actions_arising,
                                               progress=progress))
        leads = self._officers(committee.body_id, lead_officers)
        if meeting_id is not None:
            self._check_meeting(committee_id, meeting_id, today)
        if year is None:
            anchor = self.meetings.get(meeting_id).date if meeting_id else today
            year = self.meetings.year_of(committee, anchor)
        with self.db.atomic():
            item_id = self.db.table("work_programme_items").insert(dict(
                committee_id=committee_id, meeting_id=meeting_id, municipal_year=year,
                status="scheduled" if meeting_id else "proposed",
                position=self._next_position(committee_id, meeting_id), **values,
            )).last_pk
            self._set_leads(item_id, leads)
        return self.get(item_id)

    def update(self, item_id: int, **fields) -> ProgrammeItem:
        item = self.get(item_id)
        committee = self.meetings.committees.get(item.committee_id)
        leads = fields.pop("lead_officers", None)
        status = fields.pop("status", None)
        values = self._checked(committee, fields)
        with self.db.atomic():
            if values:
                self.db.table("work_programme_items").update(item_id, values)
            if leads is not None:
                self._set_leads(item_id, self._officers(committee.body_id, leads))
            if status is not None:
                self.set_status(item_id, status)
        return self.get(item_id)

    def schedule(self, item_id: int, meeting_id: int | None, today: date) -> ProgrammeItem:
        """Move a topic to a meeting, or back to the unscheduled items (meeting_id None)."""
        item = self.get(item_id)
        if meeting_id is not None:
            self._check_meeting(item.committee_id, meeting_id, today)
        if item.agenda_item_id is not None and meeting_id != item.meeting_id:
            raise InvalidInput("This topic is already on its meeting's agenda; take it off the agenda first.")
        values = dict(meeting_id=meeting_id, position=self._next_position(item.committee_id, meeting_id))
        if item.status != "dropped":
            values["status"] = "scheduled" if meeting_id is not None else "proposed"
        if meeting_id is not None:
            committee = self.meetings.committees.get(item.committee_id)
            values.update(list="programme",
                          municipal_year=self.meetings.year_of(committee, self.meetings.get(meeting_id).date))
        self.db.table("work_programme_items").update(item_id, values)
        return self.get(item_id)

    def set_status(self, item_id: int, status: str) -> ProgrammeItem:
        """Drop a topic or take it back; the other statuses follow the record.

        A topic is proposed until it has a meeting, scheduled once it has one, on agenda once
        placed on that meeting's agenda, and considered once its item is minuted.
        """
        if status not in TOPIC_STATUSES:
            raise InvalidInput(f"'{status}' is not a topic status: choose one of {', '.join(TOPIC_STATUSES)}.")
        item = self.get(item_id)
        if status not in ("dropped", item.status) and status != _undropped(item):
            raise InvalidInput(
                f"A topic becomes '{status}' by what happens to it (scheduling, the agenda, the minutes); "
                "only 'dropped' is set by hand."
            )
        stored = "dropped" if status == "dropped" else ("scheduled" if item.meeting_id else "proposed")
        self.db.execute("UPDATE work_programme_items SET status = ? WHERE id = ?", [stored, item_id])
        return self.get(item_id)

    def remove(self, item_id: int) -> None:
        item = self.get(item_id)
        if item.agenda_item_id is not None or item.minute_number is not None:
            raise InvalidInput("This topic has reached an agenda or the minutes; mark it dropped instead.")
        with self.db.atomic():
            self.db.execute("UPDATE actions SET work_programme_item_id = NULL WHERE work_programme_item_id = ?", [item_id])
            # An agenda item withdrawn or deferred keeps its place in the agenda's record, without the topic.
            self.db.execute("UPDATE agenda_items SET work_programme_item_id = NULL WHERE work_programme_item_id = ?",
                            [item_id])
            self.db.execute("DELETE FROM work_programme_items WHERE id = ?", [item_id])

    def place_on_agenda(self, item_id: int, urgency_reasons: str | None = None):
        """Put a scheduled topic on its meeting's agenda; it then shows as 'on agenda'.
        After the agenda is published it is a supplementary item and needs the Chair's reasons."""
        item = self.get(item_id)
        if item.meeting_id is None:
            raise InvalidInput("Schedule the topic for a meeting before putting it on an agenda.")
        if item.agenda_item_id is not None:
            return self.agenda.get(item.agenda_item_id)
        if item.status == "dropped":
            raise InvalidInput("This topic is dropped; take it back before putting it on an agenda.")
        meeting = self.meetings.get(item.meeting_id)
        if meeting.cancelled:
            raise InvalidInput(f"The meeting of {long_date(meeting.date)} is cancelled; move the topic to another.")
        lead = self._first_lead(item_id)
        return self.agenda.add(item.meeting_id, item.topic, lead_officer_id=lead, work_programme_item_id=item_id,
                               urgency_reasons=urgency_reasons)

    def link_agenda_item(self, item_id: int, agenda_item_id: int) -> ProgrammeItem:
        """Record that an agenda item already on the agenda is this topic."""
        item = self.get(item_id)
        agenda_item = self.agenda.get(agenda_item_id)
        if agenda_item.meeting_id != item.meeting_id:
            raise InvalidInput("That agenda item belongs to another meeting than the topic's.")
        self.db.execute("UPDATE agenda_items SET work_programme_item_id = ? WHERE id = ?", [item_id, agenda_item_id])
        return self.get(item_id)

    def topic_from_resolution(self, resolution_id: int, today: date) -> ProgrammeItem:
        """'That a detailed report be brought back …' becomes a possible item, linked to its actions."""
        rows = list(self.db.query(
            "SELECT r.text, n.committee_id, n.number, m.date, "
            "coalesce(n.exempt_paragraph, i.exempt_paragraph) AS exempt_paragraph FROM resolutions r "
            "JOIN minutes n ON n.id = r.minute_id JOIN meetings m ON m.id = n.meeting_id "
            "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id WHERE r.id = ?",
            [resolution_id],
        ))
        if not rows:
            raise NotFound(f"There is no resolution with id {resolution_id}.")
        row = rows[0]
        if row["exempt_paragraph"] is not None:
            # The work programme is published: an exempt resolution's words must not become its topic.
            raise InvalidInput(
                f"This resolution was taken in private (Schedule 12A paragraph {row['exempt_paragraph']}), so its "
                "words cannot become a work-programme topic, which is published; add the topic by hand.")
        topic = _topic_from(row["text"])
        arising = f"Minute {row['number']} ({long_date(date.fromisoformat(row['date']))})" if row["number"] else None
        already = list(self.db.query(
            "SELECT id FROM work_programme_items WHERE committee_id = ? AND topic = ? AND actions_arising IS ?",
            [row["committee_id"], topic, arising],
        ))
        if already:
            return self.get(already[0]["id"])
        with self.db.atomic():
            item = self.add(row["committee_id"], topic, today, list="possible", actions_arising=arising)
            self.db.execute("UPDATE actions SET work_programme_item_id = ? WHERE resolution_id = ?",
                            [item.id, resolution_id])
        return self.get(item.id)

    # checks --------------------------------------------------------------------
    def _checked(self, committee, fields: dict) -> dict:
        values = {}
        for key, value in fields.items():
            if key == "topic":
                values[key] = required_text(value, "topic", 500)
            elif key == "list":
                if value not in PROGRAMME_LISTS:
                    raise InvalidInput(f"'{value}' is not a list: choose one of {', '.join(PROGRAMME_LISTS)}.")
                values[key] = value
            elif key in ("actions_arising", "progress"):
                values[key] = optional_text(value, key.replace("_", " "), 5000)
            else:
                raise InvalidInput(f"Work-programme topics have no field called {key}.")
        return values

    def _check_meeting(self, committee_id: int, meeting_id: int, today: date) -> None:
        meeting = self.meetings.get(meeting_id)
        if meeting.committee_id != committee_id:
            raise InvalidInput("That meeting belongs to another committee.")
        if meeting.cancelled:
            raise InvalidInput(f"The meeting of {long_date(meeting.date)} is cancelled; choose another.")
        if meeting.date < today:
            raise InvalidInput(f"The meeting of {long_date(meeting.date)} has passed; choose a later one.")

    def _officers(self, body_id: int, text: str | None) -> list[int]:
        """'KG', 'TR/KG', 'Kate Galoppi': each part must name a known officer."""
        if not text or not text.strip():
            return []
        ids = []
        for part in text.replace(",", "/").split("/"):
            if part.strip():
                try:
                    ids.append(self.officers.find(part.strip(), body_id).id)
                except NotFound as error:
                    raise InvalidInput(f"{error} Add them in the Members pane (9) first.") from error
        return list(dict.fromkeys(ids))

    def _set_leads(self, item_id: int, officer_ids: list[int]) -> None:
        self.db.execute("DELETE FROM work_programme_leads WHERE work_programme_item_id = ?", [item_id])
        for position, officer_id in enumerate(officer_ids):
            self.db.table("work_programme_leads").insert(
                dict(work_programme_item_id=item_id, officer_id=officer_id, position=position)
            )
        self.db.execute("UPDATE work_programme_items SET lead_officer_id = ? WHERE id = ?",
                        [officer_ids[0] if officer_ids else None, item_id])

    def _first_lead(self, item_id: int) -> int | None:
        rows = list(self.db.query("SELECT lead_officer_id FROM work_programme_items WHERE id = ?", [item_id]))
        return rows[0]["lead_officer_id"] if rows else None

    def _next_position(self, committee_id: int, meeting_id: int | None) -> int:
        rows = list(self.db.query(
            "SELECT coalesce(max(position), -1) + 1 AS p FROM work_programme_items "
            "WHERE committee_id = ? AND meeting_id IS ?", [committee_id, meeting_id],
        ))
        return rows[0]["p"]


def _undropped(item: ProgrammeItem) -> str:
    """The status a dropped topic returns to."""
    return "scheduled" if item.meeting_id else "proposed"


def _topic_from(text: str) -> str:
    cleaned = text.strip().rstrip(".;")
    for opening in ("That ", "that ", "And that, ", "And that ", "That, "):
        if cleaned.startswith(opening):
            cleaned = cleaned[len(opening):]
            break
    return cleaned[:1].upper() + cleaned[1:]


def _item(row: dict) -> ProgrammeItem:
    if row["status"] == "dropped":
        status = "dropped"
    elif row["minute_number"] is not None:
        status = "considered"
    elif row["agenda_item_id"] is not None:
        status = "on-agenda"
    else:
        status = "scheduled" if row["meeting_id"] is not None else "proposed"
    return ProgrammeItem(
        id=row["id"], committee_id=row["committee_id"], topic=row["topic"], list=row["list"], status=status,
        meeting_id=row["meeting_id"], meeting_date=stored_date(row["meeting_date"]),
        municipal_year=row["municipal_year"], position=row["position"],
        lead_officers=tuple(row["leads"].split("/")) if row["leads"] else (),
        actions_arising=row["actions_arising"], progress=row["progress"],
        agenda_item_id=row["agenda_item_id"], minute_number=row["minute_number"],
    )
