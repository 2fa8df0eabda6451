"""Meetings: the committee's calendar, statuses and publication deadlines."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlite_utils import Database

from store import deadlines
from store.committees import CommitteeStore
from store.dates import long_date
from store.errors import Conflict, InvalidInput, NotFound
from store.models import MEETING_STATUS_LABELS, MEETING_STATUSES, Committee, Meeting, PublicationDeadline
from store.numbering import municipal_year, municipal_year_bounds
from store.values import (
    as_date,
    as_time,
    date_text,
    optional_text,
    stored_date,
    stored_time,
    time_text,
)

EDITABLE = ("date", "start_time", "place", "livestream_url", "agenda_setting_date")


class MeetingStore:
    def __init__(self, db: Database, committees: CommitteeStore):
        self.db = db
        self.committees = committees

    def list_for(self, committee_id: int, year: int | None = None) -> list[Meeting]:
        """The committee's meetings in date order; only municipal year `year` if given."""
        sql, params = "SELECT * FROM meetings WHERE committee_id = ?", [committee_id]
        if year is not None:
            committee = self.committees.get(committee_id)
            first, last = municipal_year_bounds(year, committee.year_start_month, committee.year_start_day)
            sql += " AND date BETWEEN ? AND ?"
            params += [first.isoformat(), last.isoformat()]
        return [_meeting(row) for row in self.db.query(sql + " ORDER BY date, start_time", params)]

    def years_for(self, committee_id: int) -> list[int]:
        """The municipal years in which the committee has meetings, oldest first."""
        committee = self.committees.get(committee_id)
        rows = self.db.query("SELECT DISTINCT date FROM meetings WHERE committee_id = ?", [committee_id])
        return sorted({self.year_of(committee, date.fromisoformat(row["date"])) for row in rows})

    @staticmethod
    def year_of(committee: Committee, day: date) -> int:
        return municipal_year(day, committee.year_start_month, committee.year_start_day)

    def get(self, meeting_id: int) -> Meeting:
        rows = list(self.db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
        if not rows:
            raise NotFound(f"There is no meeting with id {meeting_id}.")
        return _meeting(rows[0])

    def on(self, committee_id: int, day: date | str) -> Meeting:
        day = as_date(day, "meeting date")
        if day is None:
            raise InvalidInput("The meeting date is empty: type it as 2021-03-09 or 9 March 2021.")
        rows = list(
            self.db.query(
                "SELECT * FROM meetings WHERE committee_id = ? AND date = ? ORDER BY status = 'cancelled' LIMIT 1",
                [committee_id, day.isoformat()],
            )
        )
        if not rows:
            committee = self.committees.get(committee_id)
            raise NotFound(f"{committee.name} has no meeting on {long_date(day)}.")
        return _meeting(rows[0])

    def previous(self, meeting: Meeting) -> Meeting | None:
        """The committee's last meeting before this one that was not cancelled."""
        rows = list(
            self.db.query(
                "SELECT * FROM meetings WHERE committee_id = ? AND date < ? AND status <> 'cancelled' "
                "ORDER BY date DESC LIMIT 1",
                [meeting.committee_id, meeting.date.isoformat()],
            )
        )
        return _meeting(rows[0]) if rows else None

    def add(self, committee_id: int, date, start_time=None, place=None, livestream_url=None,
            agenda_setting_date=None) -> Meeting:
        committee = self.committees.get(committee_id)
        values = _checked(
            dict(date=date, start_time=start_time, place=place, livestream_url=livestream_url,
                 agenda_setting_date=agenda_setting_date)
        )
        if values["date"] is None:
            raise InvalidInput("The meeting date is empty: type it as 2021-03-09 or 9 March 2021.")
        values.setdefault("start_time", None)
        values["start_time"] = values["start_time"] or time_text(committee.default_time)
        values["place"] = values.get("place") or committee.default_place
        values["livestream_url"] = values.get("livestream_url") or committee.livestream_url
        return self.get(self._write(committee, None, values))

    def update(self, meeting_id: int, **fields) -> Meeting:
        meeting = self.get(meeting_id)
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise InvalidInput(f"Meetings have no field called {', '.join(sorted(unknown))}.")
        if meeting.cancelled:
            raise InvalidInput("This meeting is cancelled; add a new meeting instead of editing it.")
        values = _checked(fields)
        if "date" in values and values["date"] is None:
            raise InvalidInput("The meeting date is empty: type it as 2021-03-09 or 9 March 2021.")
        if "date" in values and values["date"] != date_text(meeting.date) and meeting.status in ("held", "minutes-confirmed"):
            raise InvalidInput("This meeting has been held, so its date cannot move.")
        if "date" in values and values["date"] != date_text(meeting.date) and self._minutes_confirmed(meeting_id):
            # whatever its status says: the date heads the confirmed minutes (schema step m010 refuses it too)
            raise InvalidInput("The minutes of this meeting are confirmed, so its date cannot move.")
        if ("start_time" in values and values["start_time"] != time_text(meeting.start_time)
                and self._minutes_confirmed(meeting_id)):
            # "Held: … at 5:30 pm" is part of the confirmed minutes.
            raise InvalidInput("The minutes of this meeting are confirmed, so the time it began cannot change.")
        self._write(self.committees.get(meeting.committee_id), meeting_id, values)
        return self.get(meeting_id)

    def move(self, meeting_id: int, new_date, new_time=None) -> Meeting:
        fields = {"date": new_date}
        if new_time:
            fields["start_time"] = new_time
        return self.update(meeting_id, **fields)

    def cancel(self, meeting_id: int, reason: str | None = None) -> Meeting:
        meeting = self.get(meeting_id)
        if meeting.status in ("held", "minutes-confirmed"):
            raise InvalidInput("This meeting has been held, so it cannot be cancelled.")
        if meeting.cancelled:
            raise InvalidInput("This meeting is already cancelled.")
        if self._minutes_confirmed(meeting_id):  # held, whatever its status says (m010 refuses it too)
            raise InvalidInput("The minutes of this meeting are confirmed, so it cannot be cancelled.")
        self.db.execute(
            "UPDATE meetings SET status = 'cancelled', cancelled_reason = ? WHERE id = ?",
            [optional_text(reason, "reason", 500), meeting_id],
        )
        return self.get(meeting_id)

    def advance_status(self, meeting_id: int, today: date) -> Meeting:
        """Scheduled → agenda published → held → minutes confirmed."""
        meeting = self.get(meeting_id)
        if meeting.cancelled:
            raise InvalidInput("This meeting is cancelled.")
        index = MEETING_STATUSES.index(meeting.status)
        if index == len(MEETING_STATUSES) - 1:
            raise InvalidInput("The minutes of this meeting are already confirmed.")
        following = MEETING_STATUSES[index + 1]
        if following == "held" and today < meeting.date:
            raise InvalidInput(f"This meeting is on {long_date(meeting.date)}; it cannot be held before then.")
        values = {"status": following}
        if following == "agenda-published":
            values["published_at"] = today.isoformat()
        self.db.table("meetings").update(meeting_id, values)
        return self.get(meeting_id)

    def close(self, meeting_id: int, at_time) -> Meeting:
        """Record when the meeting closed ("the meeting closed at 8:11 pm"); a closed meeting has been held."""
        meeting = self.get(meeting_id)
        if meeting.cancelled:
            raise InvalidInput("This meeting was cancelled, so it has no closing time.")
        closed = as_time(at_time, "closing time")
        if closed is None:
            raise InvalidInput("The closing time is empty: type it as 20:11 or 8:11 pm.")
        if closed != meeting.closed_at and self._minutes_confirmed(meeting_id):
            # "The meeting closed at 8:11 pm." is part of the confirmed minutes.
            raise InvalidInput("The minutes of this meeting are confirmed, so the time it closed cannot change.")
        values = {"closed_at": time_text(closed)}
        if meeting.status in ("scheduled", "agenda-published"):
            values["status"] = "held"
        self.db.table("meetings").update(meeting_id, values)
        return self.get(meeting_id)

    def _minutes_confirmed(self, meeting_id: int) -> bool:
        """Does the meeting have confirmed minutes (whose "Held: … at" and closing time are the record)?"""
        return bool(self.db.execute("SELECT 1 FROM minutes WHERE meeting_id = ? AND status = 'confirmed' LIMIT 1",
                                    [meeting_id]).fetchone())

    def deadline(self, meeting: Meeting, today: date) -> PublicationDeadline:
        committee = self.committees.get(meeting.committee_id)
        last_day = deadlines.last_publication_date(
            meeting.date, committee.clear_days, committee.holiday_region, committee.skip_weekends
        )
        rule = f"{committee.clear_days} clear {'working ' if committee.skip_weekends else ''}days; " + \
            deadlines.HOLIDAY_REGION_LABELS[committee.holiday_region] + " left out"
        published = meeting.status != "scheduled"
        return PublicationDeadline(
            last_day=last_day,
            clear_days=committee.clear_days,
            rule=rule,
            missed=not published and not meeting.cancelled and deadlines.deadline_passed(last_day, today),
            agenda_setting=meeting.agenda_setting_date
            or deadlines.agenda_setting_date(meeting.date, committee.agenda_setting_days),
        )

    def agenda_setting_for(self, meeting: Meeting) -> date | None:
        """The meeting's own agenda-setting date, else the committee's rule."""
        committee = self.committees.get(meeting.committee_id)
        return meeting.agenda_setting_date or deadlines.agenda_setting_date(meeting.date, committee.agenda_setting_days)

    def _write(self, committee: Committee, meeting_id: int | None, values: dict) -> int:
        if meeting_id is not None:
            stored = self.get(meeting_id)
            merged = dict(date=date_text(stored.date), agenda_setting_date=date_text(stored.agenda_setting_date))
            merged.update(values)
        else:
            merged = values
        if merged.get("agenda_setting_date") and merged["agenda_setting_date"] >= merged["date"]:
            raise InvalidInput("The agenda-setting date must come before the meeting.")
        table = self.db.table("meetings")
        try:
            if meeting_id is None:
                return table.insert(dict(committee_id=committee.id, **values)).last_pk
            table.update(meeting_id, values)
            return meeting_id
        except sqlite3.IntegrityError as error:
            day = date.fromisoformat(values["date"])
            raise Conflict(f"{committee.name} already has a meeting on {long_date(day)}.") from error


def status_label(status: str) -> str:
    return MEETING_STATUS_LABELS[status]


def _checked(fields: dict) -> dict:
    values = {}
    for key, value in fields.items():
        if key == "date":
            values[key] = date_text(as_date(value, "meeting date"))
        elif key == "agenda_setting_date":
            values[key] = date_text(as_date(value, "agenda-setting date"))
        elif key == "start_time":
            values[key] = time_text(as_time(value, "start time"))
        else:
            values[key] = optional_text(value, key.replace("_", " "), 500)
    return values


def _meeting(row: dict) -> Meeting:
    row = dict(row)
    row["date"] = stored_date(row["date"])
    row["agenda_setting_date"] = stored_date(row["agenda_setting_date"])
    row["start_time"] = stored_time(row["start_time"])
    row["closed_at"] = stored_time(row["closed_at"])
    return Meeting(**row)
