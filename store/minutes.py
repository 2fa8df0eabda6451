"""Minutes: taken live, numbered through the municipal year, confirmed, then amended only."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlite_utils import Database

from store import numbering
from store.agenda import AgendaStore
from store.dates import long_date
from store.errors import Conflict, InvalidInput, NotFound
from store.meeting_models import Amendment, Minute
from store.meetings import MeetingStore
from store.minute_numbers import MinuteNumberStore
from store.values import optional_number, required_text, storable

AMENDABLE = ("title", "body")


class MinuteStore:
    def __init__(self, db: Database, meetings: MeetingStore, agenda: AgendaStore, numbers: MinuteNumberStore):
        self.db = db
        self.meetings = meetings
        self.agenda = agenda
        self.numbers = numbers

    # reading ------------------------------------------------------------------
    def list_for(self, meeting_id: int) -> list[Minute]:
        rows = self.db.query("SELECT * FROM minutes WHERE meeting_id = ? ORDER BY position", [meeting_id])
        return self._minutes(list(rows))

    def get(self, minute_id: int) -> Minute:
        rows = list(self.db.query("SELECT * FROM minutes WHERE id = ?", [minute_id]))
        if not rows:
            raise NotFound(f"There is no minute with id {minute_id}.")
        return self._minutes(rows)[0]

    def for_item(self, agenda_item_id: int) -> Minute | None:
        rows = list(self.db.query("SELECT * FROM minutes WHERE agenda_item_id = ?", [agenda_item_id]))
        return self._minutes(rows)[0] if rows else None

    def by_number(self, committee_id: int, year: int, number: int) -> Minute:
        rows = list(self.db.query(
            "SELECT * FROM minutes WHERE committee_id = ? AND municipal_year = ? AND number = ?",
            [committee_id, year, number],
        ))
        if not rows:
            raise NotFound(f"There is no minute {number} in {numbering.municipal_year_label(year)}.")
        return self._minutes(rows)[0]

    def next_number(self, meeting_id: int) -> int:
        """The number the next item taken at this meeting will get."""
        numbers = [m.number for m in self.list_for(meeting_id) if m.number is not None]
        if numbers:
            return max(numbers) + 1
        return self.numbers.first_for(meeting_id)

    # taking the meeting -------------------------------------------------------
    def take_agenda(self, meeting_id: int) -> list[Minute]:
        """Open a draft minute for every listed agenda item not yet minuted, in agenda order."""
        with self.db.atomic():
            for item in self.agenda.list_for(meeting_id, include_withdrawn=False):
                if self.for_item(item.id) is None:
                    self._append(meeting_id, item.id, item.title, item.exempt_paragraph)
            self._renumber_year_of(meeting_id)
        return self.list_for(meeting_id)

    def take_item(self, agenda_item_id: int) -> Minute:
        """Minute one agenda item (an urgent item added live, or one reinstated)."""
        with self.db.atomic():  # look and append under one write lock: two clerks take an item once
            item = self.agenda.get(agenda_item_id)
            existing = self.for_item(item.id)
            if existing:
                return existing
            if item.status != "listed":
                self.agenda.set_status(item.id, "listed")
            minute_id = self._append(item.meeting_id, item.id, item.title, item.exempt_paragraph)
            self._renumber_year_of(item.meeting_id)
        return self.get(minute_id)

    def add_urgent_item(self, meeting_id: int, title: str, reasons: str) -> Minute:
        """An item of urgent business taken with the Chair's reasons, which go into its minute."""
        with self.db.atomic():
            item = self.agenda.add(meeting_id, title, kind="urgent", urgency_reasons=reasons, supplementary=True)
            return self.take_item(item.id)

    def move(self, minute_id: int, delta: int) -> Minute:
        """Vary the order of business: swap with the neighbouring draft; numbers follow."""
        minute = self.get(minute_id)
        minutes = self.list_for(minute.meeting_id)
        index = [m.id for m in minutes].index(minute_id)
        target = index + delta
        if not 0 <= target < len(minutes):
            return minute
        other = minutes[target]
        if minute.confirmed or other.confirmed:
            raise Conflict("These minutes are confirmed, so their order cannot change.")
        with self.db.atomic():
            self.db.execute("UPDATE minutes SET position = ? WHERE id = ?", [-1, minute.id])
            self.db.execute("UPDATE minutes SET position = ? WHERE id = ?", [minute.position, other.id])
            self.db.execute("UPDATE minutes SET position = ? WHERE id = ?", [other.position, minute.id])
            self._renumber_year_of(minute.meeting_id)
        return self.get(minute_id)

    def withdraw(self, minute_id: int, status: str = "withdrawn") -> None:
        """The item is withdrawn or deferred: it is not minuted and gives up its number."""
        minute = self.get(minute_id)
        if minute.confirmed:
            raise Conflict("This minute is confirmed; it cannot be withdrawn.")
        with self.db.atomic():
            self._delete_draft(minute)
            if minute.agenda_item_id:
                self.agenda.set_status(minute.agenda_item_id, status)
            self._renumber_year_of(minute.meeting_id)

    def update(self, minute_id: int, title: str | None = None, body: str | None = None) -> Minute:
        minute = self.get(minute_id)
        if minute.confirmed:
            raise Conflict(f"Minute {minute.number} is confirmed; record an amendment instead.")
        values = {}
        if title is not None:
            values["title"] = required_text(title, "minute title", 300)
        if body is not None:
            values["body"] = storable(body)
        if values:
            self.db.table("minutes").update(minute_id, values)
        return self.get(minute_id)

    # confirmation and amendment ----------------------------------------------
    def confirm_meeting(self, meeting_id: int, when: datetime) -> list[Minute]:
        """Confirm a meeting's minutes as a correct record: they and their numbers are locked."""
        meeting = self.meetings.get(meeting_id)
        minutes = self.list_for(meeting_id)
        if not minutes:
            raise InvalidInput(f"The meeting of {long_date(meeting.date)} has no minutes to confirm.")
        if meeting.status in ("scheduled", "agenda-published"):
            raise InvalidInput(f"The meeting of {long_date(meeting.date)} has not been held yet.")
        with self.db.atomic():
            self.db.execute(
                "UPDATE minutes SET status = 'confirmed', confirmed_at = ? WHERE meeting_id = ? AND status = 'draft'",
                [when.isoformat(timespec="seconds"), meeting_id],
            )
            self.db.execute("UPDATE meetings SET status = 'minutes-confirmed' WHERE id = ?", [meeting_id])
        return self.list_for(meeting_id)

    def amend(self, minute_id: int, field: str, new_value: str, reason: str, when: datetime,
              by: str | None = None) -> Amendment:
        """Record a correction to a confirmed minute: the original stays, the amendment is shown with it."""
        minute = self.get(minute_id)
        if not minute.confirmed:
            raise InvalidInput("This minute is still a draft: edit it directly.")
        if field not in AMENDABLE:
            raise InvalidInput(f"Only a minute's {' or '.join(AMENDABLE)} can be amended.")
        reason = required_text(reason, "reason for the amendment", 2000)
        new_value = required_text(new_value, "corrected text", 100_000)
        amendment_id = self.db.table("amendments").insert(dict(
            table_name="minutes", row_id=minute_id, field=field, old_value=getattr(minute, field),
            new_value=new_value, reason=reason, amended_at=when.isoformat(timespec="seconds"), amended_by=by,
        )).last_pk
        return next(a for a in self.get(minute_id).amendments if a.id == amendment_id)

    def audit_trail(self, committee_id: int) -> list[tuple[Minute, Amendment]]:
        rows = self.db.query(
            "SELECT a.row_id FROM amendments a JOIN minutes m ON m.id = a.row_id "
            "WHERE a.table_name = 'minutes' AND m.committee_id = ? GROUP BY a.row_id ORDER BY min(a.id)",
            [committee_id],
        )
        trail = []
        for row in rows:
            minute = self.get(row["row_id"])
            trail.extend((minute, amendment) for amendment in minute.amendments)
        return trail

    # numbering ----------------------------------------------------------------
    def renumber_year(self, committee_id: int, year: int) -> None:
        """Give the year's draft minutes gapless numbers after its confirmed ones."""
        committee = self.meetings.committees.get(committee_id)
        rows = list(self.db.query(
            "SELECT n.id, n.status, n.number FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
            "WHERE n.committee_id = ? AND n.municipal_year = ? ORDER BY m.date, m.start_time, n.position",
            [committee_id, year],
        ))
        starting = committee.starting_minute_number if committee.starting_minute_year == year else None
        try:
            numbers = numbering.allocate([(r["id"], r["status"], r["number"]) for r in rows], starting)
        except ValueError as error:
            raise Conflict(
                "A later meeting's minutes are already confirmed, so numbers cannot be given to these "
                f"minutes without a clash or a gap ({error})."
            ) from error
        changed = [r for r in rows if r["status"] == "draft" and numbers[r["id"]] != r["number"]]
        with self.db.atomic():
            for row in changed:
                self.db.execute("UPDATE minutes SET number = NULL WHERE id = ?", [row["id"]])
            for row in changed:
                self.db.execute("UPDATE minutes SET number = ? WHERE id = ?", [numbers[row["id"]], row["id"]])

    def _renumber_year_of(self, meeting_id: int) -> None:
        meeting = self.meetings.get(meeting_id)
        committee = self.meetings.committees.get(meeting.committee_id)
        self.renumber_year(committee.id, self.meetings.year_of(committee, meeting.date))

    def _append(self, meeting_id: int, agenda_item_id: int | None, title: str, exempt_paragraph) -> int:
        meeting = self.meetings.get(meeting_id)
        if meeting.cancelled:
            raise InvalidInput("This meeting was cancelled; it has no minutes.")
        if meeting.status == "minutes-confirmed":
            raise Conflict("This meeting's minutes are confirmed; nothing can be added to them.")
        committee = self.meetings.committees.get(meeting.committee_id)
        last = list(self.db.query("SELECT max(position) AS p FROM minutes WHERE meeting_id = ?", [meeting_id]))
        try:
            return self.db.table("minutes").insert(dict(
                meeting_id=meeting_id, agenda_item_id=agenda_item_id, committee_id=committee.id,
                municipal_year=self.meetings.year_of(committee, meeting.date),
                position=(last[0]["p"] or 0) + 1, title=title, exempt_paragraph=exempt_paragraph,
            )).last_pk
        except sqlite3.IntegrityError as error:
            raise Conflict(f"The minute could not be opened: {error}.") from error

    def _delete_draft(self, minute: Minute) -> None:
        self.db.execute(
            "UPDATE movements SET minute_id = NULL WHERE minute_id = ?", [minute.id]
        )
        self.db.execute(
            "DELETE FROM actions WHERE resolution_id IN (SELECT id FROM resolutions WHERE minute_id = ?)",
            [minute.id],
        )
        self.db.execute("DELETE FROM resolutions WHERE minute_id = ?", [minute.id])
        self.db.execute("DELETE FROM minutes WHERE id = ?", [minute.id])

    def _minutes(self, rows: list[dict]) -> list[Minute]:
        """Minutes with their amendments, read in one query however many minutes there are."""
        ids = [row["id"] for row in rows]
        amendments: dict[int, list[Amendment]] = {minute_id: [] for minute_id in ids}
        if ids:
            for a in self.db.query(
                f"SELECT * FROM amendments WHERE table_name = 'minutes' AND row_id IN ({','.join('?' * len(ids))}) "
                "ORDER BY id",
                ids,
            ):
                amendments[a["row_id"]].append(Amendment(
                    id=a["id"], field=a["field"], old_value=a["old_value"], new_value=a["new_value"],
                    reason=a["reason"], amended_at=a["amended_at"], amended_by=a["amended_by"],
                ))
        return [Minute(**row, amendments=tuple(amendments[row["id"]])) for row in rows]

    def set_exempt(self, minute_id: int, paragraph: int | None) -> Minute:
        """Mark a draft minute as taken in private (Schedule 12A paragraph 1-7), or None for public."""
        minute = self.get(minute_id)
        if minute.confirmed:
            raise Conflict(f"Minute {minute.number} is confirmed; record an amendment instead.")
        paragraph = optional_number(paragraph, "Schedule 12A paragraph", 1, 7)
        self.db.table("minutes").update(minute_id, {"exempt_paragraph": paragraph})
        return self.get(minute_id)
