"""Resolutions inside a minute, and the actions arising from them."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlite_utils import Database

from store.errors import Conflict, InvalidInput, NotFound
from store.meeting_models import ACTION_STATUSES, Action, Resolution
from store.minutes import MinuteStore
from store.values import optional_text, required_text, stored_date

LOCKED = "confirmed minutes cannot be changed"


class ResolutionStore:
    def __init__(self, db: Database, minutes: MinuteStore):
        self.db = db
        self.minutes = minutes

    def list_for(self, minute_id: int) -> list[Resolution]:
        rows = self.db.query("SELECT * FROM resolutions WHERE minute_id = ? ORDER BY position", [minute_id])
        return [Resolution(**row) for row in rows]

    def counts_for_meeting(self, meeting_id: int) -> dict[int, int]:
        """{minute id: how many resolutions it has} for the meeting's minutes that have any."""
        rows = self.db.execute(
            "SELECT r.minute_id, count(*) FROM resolutions r JOIN minutes m ON m.id = r.minute_id "
            "WHERE m.meeting_id = ? GROUP BY r.minute_id", [meeting_id]).fetchall()
        return dict(rows)

    def get(self, resolution_id: int) -> Resolution:
        rows = list(self.db.query("SELECT * FROM resolutions WHERE id = ?", [resolution_id]))
        if not rows:
            raise NotFound(f"There is no resolution with id {resolution_id}.")
        return Resolution(**rows[0])

    def add(self, minute_id: int, text: str) -> Resolution:
        text = required_text(text, "resolution", 10_000)
        with _locked_message(), self.db.atomic():  # count and insert under one write lock: no shared position
            self.minutes.get(minute_id)
            position = len(self.list_for(minute_id)) + 1
            resolution_id = self.db.table("resolutions").insert(
                dict(minute_id=minute_id, position=position, text=text)
            ).last_pk
        return self.get(resolution_id)

    def update(self, resolution_id: int, text: str) -> Resolution:
        text = required_text(text, "resolution", 10_000)
        self.get(resolution_id)
        with _locked_message():
            self.db.execute("UPDATE resolutions SET text = ? WHERE id = ?", [text, resolution_id])
        return self.get(resolution_id)

    def move(self, resolution_id: int, delta: int) -> None:
        # The neighbours are read inside the write transaction, so another clerk cannot move them between.
        with _locked_message(), self.db.atomic():
            resolution = self.get(resolution_id)
            siblings = self.list_for(resolution.minute_id)
            index = [r.id for r in siblings].index(resolution_id)
            target = index + delta
            if not 0 <= target < len(siblings):
                return
            other = siblings[target]
            self.db.execute("UPDATE resolutions SET position = ? WHERE id = ?", [other.position, resolution.id])
            self.db.execute("UPDATE resolutions SET position = ? WHERE id = ?", [resolution.position, other.id])

    def remove(self, resolution_id: int) -> None:
        resolution = self.get(resolution_id)
        with _locked_message(), self.db.atomic():
            self.db.execute("DELETE FROM actions WHERE resolution_id = ?", [resolution_id])
            self.db.execute("DELETE FROM resolutions WHERE id = ?", [resolution_id])
            self.db.execute(
                "UPDATE resolutions SET position = position - 1 WHERE minute_id = ? AND position > ?",
                [resolution.minute_id, resolution.position],
            )

    def confirm_previous_minutes(self, minute_id: int, when) -> Resolution:
        """At the 'minutes of the previous meeting' item: resolve, and lock the previous minutes."""
        minute = self.minutes.get(minute_id)
        meetings = self.minutes.meetings
        meeting = meetings.get(minute.meeting_id)
        previous = meetings.previous(meeting)
        if previous is None:
            raise InvalidInput("This committee has no earlier meeting whose minutes could be confirmed.")
        committee = meetings.committees.get(meeting.committee_id)
        held_on = f"{previous.date.day} {previous.date:%B %Y}"
        text = f"That the minutes of the meeting of the {committee.name} held on {held_on} be confirmed as a correct record."
        with self.db.atomic():
            if previous.status != "minutes-confirmed":
                if self.minutes.list_for(previous.id):
                    self.minutes.confirm_meeting(previous.id, when)
                else:
                    self.db.execute("UPDATE meetings SET status = 'minutes-confirmed' WHERE id = ?", [previous.id])
            existing = [r for r in self.list_for(minute_id) if r.text == text]
            return existing[0] if existing else self.add(minute_id, text)

    def decisions_for(self, committee_id: int, limit: int = 500) -> list[tuple[str, int | None, str, Resolution]]:
        """The log of decisions: (meeting date, minute number, minute title, resolution), newest first."""
        rows = self.db.query(
            "SELECT m.date, n.number, n.title, r.* FROM resolutions r JOIN minutes n ON n.id = r.minute_id "
            "JOIN meetings m ON m.id = n.meeting_id WHERE n.committee_id = ? AND n.exempt_paragraph IS NULL "
            "ORDER BY m.date DESC, n.position, r.position LIMIT ?",
            [committee_id, limit],
        )
        return [
            (row.pop("date"), row.pop("number"), row.pop("title"), Resolution(**row))
            for row in (dict(r) for r in rows)
        ]


class ActionStore:
    def __init__(self, db: Database):
        self.db = db

    def list_for(self, resolution_id: int) -> list[Action]:
        return self._query("a.resolution_id = ?", [resolution_id])

    def open_for(self, committee_id: int) -> list[Action]:
        return self._query("a.committee_id = ? AND a.status = 'open'", [committee_id])

    def overdue(self, committee_id: int, today: date) -> list[Action]:
        return [a for a in self.open_for(committee_id) if a.target_date is not None and a.target_date < today]

    def for_topic(self, work_programme_item_id: int) -> list[Action]:
        return self._query("a.work_programme_item_id = ?", [work_programme_item_id])

    def log_for(self, committee_id: int) -> list[tuple[Action, int | None]]:
        """Every action of the committee with the number of the minute it arose from, oldest first."""
        actions = self._query("a.committee_id = ?", [committee_id])
        numbers = {
            row["id"]: row["number"]
            for row in self.db.query(
                "SELECT a.id, n.number FROM actions a JOIN resolutions r ON r.id = a.resolution_id "
                "JOIN minutes n ON n.id = r.minute_id WHERE a.committee_id = ?",
                [committee_id],
            )
        }
        return [(action, numbers.get(action.id)) for action in actions]

    def get(self, action_id: int) -> Action:
        found = self._query("a.id = ?", [action_id])
        if not found:
            raise NotFound(f"There is no action with id {action_id}.")
        return found[0]

    def add(self, committee_id: int, description: str, resolution_id: int | None = None, owner: str | None = None,
            target_meeting_id: int | None = None, owner_officer_id: int | None = None) -> Action:
        self._check_refs(committee_id=committee_id, resolution_id=resolution_id,
                         target_meeting_id=target_meeting_id, owner_officer_id=owner_officer_id)
        action_id = self.db.table("actions").insert(dict(
            committee_id=committee_id, resolution_id=resolution_id,
            description=required_text(description, "action", 2000), owner=optional_text(owner, "owner", 200),
            owner_officer_id=owner_officer_id, target_meeting_id=target_meeting_id,
        )).last_pk
        return self.get(action_id)

    def update(self, action_id: int, **fields) -> Action:
        self.get(action_id)
        values = {}
        for key, value in fields.items():
            if key == "description":
                values[key] = required_text(value, "action", 2000)
            elif key == "status":
                if value not in ACTION_STATUSES:
                    raise InvalidInput(f"'{value}' is not an action status: choose {', '.join(ACTION_STATUSES)}.")
                values[key] = value
            elif key in ("owner", "progress"):
                values[key] = optional_text(value, key, 5000)
            elif key in ("target_meeting_id", "owner_officer_id"):
                self._check_refs(**{key: value})
                values[key] = value
            else:
                raise InvalidInput(f"Actions have no field called {key}.")
        if values:
            self.db.table("actions").update(action_id, values)
        return self.get(action_id)

    def remove(self, action_id: int) -> None:
        self.get(action_id)
        self.db.execute("DELETE FROM actions WHERE id = ?", [action_id])

    def _check_refs(self, **ids) -> None:
        """Refuse ids of rows that do not exist, in words rather than a foreign key error."""
        for key, row_id in ids.items():
            if row_id is None:
                continue
            table, what = _REFERENCES[key]
            if not list(self.db.query(f"SELECT 1 FROM {table} WHERE id = ?", [row_id])):
                raise NotFound(f"There is no {what} with id {row_id}.")

    def _query(self, where: str, params: list) -> list[Action]:
        rows = self.db.query(
            "SELECT a.*, m.date AS target_date FROM actions a LEFT JOIN meetings m ON m.id = a.target_meeting_id "
            f"WHERE {where} ORDER BY a.id",
            params,
        )
        return [Action(**{**row, "target_date": stored_date(row["target_date"])}) for row in rows]


_REFERENCES = {
    "committee_id": ("committees", "committee"),
    "resolution_id": ("resolutions", "resolution"),
    "target_meeting_id": ("meetings", "meeting"),
    "owner_officer_id": ("officers", "officer"),
}


class _locked_message:
    """Turn the database's refusal to touch confirmed minutes into a clerk's message."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, sqlite3.IntegrityError) and LOCKED in str(error):
            raise Conflict("These minutes are confirmed, so their resolutions cannot change; "
                           "record an amendment instead.") from error
        return False
