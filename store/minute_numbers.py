"""The store's side of minute numbering: which number a meeting's minutes start at."""

from __future__ import annotations

from sqlite_utils import Database

from store.committees import CommitteeStore
from store.meetings import MeetingStore
from store.numbering import next_minute_number


class MinuteNumberStore:
    def __init__(self, db: Database, committees: CommitteeStore, meetings: MeetingStore):
        self.db = db
        self.committees = committees
        self.meetings = meetings

    def first_for(self, meeting_id: int) -> int:
        """The number the meeting's first minute has, or will have when its minutes are taken."""
        meeting = self.meetings.get(meeting_id)
        own = list(
            self.db.query("SELECT min(number) AS first FROM minutes WHERE meeting_id = ? AND number IS NOT NULL",
                          [meeting_id])
        )
        if own and own[0]["first"] is not None:
            return own[0]["first"]
        committee = self.committees.get(meeting.committee_id)
        year = self.meetings.year_of(committee, meeting.date)
        earlier = [
            row["number"]
            for row in self.db.query(
                "SELECT n.number FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
                "WHERE n.committee_id = ? AND n.municipal_year = ? AND n.number IS NOT NULL AND m.date < ?",
                [committee.id, year, meeting.date.isoformat()],
            )
        ]
        starting = committee.starting_minute_number if committee.starting_minute_year == year else None
        return next_minute_number(earlier, starting)
