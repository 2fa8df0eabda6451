"""Frozen dataclasses for the work programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PROGRAMME_LISTS = ("programme", "possible", "watching")
PROGRAMME_LIST_LABELS = {
    "programme": "Scheduled programme",
    "possible": "Possible items",
    "watching": "Watching brief",
}
TOPIC_STATUSES = ("proposed", "scheduled", "on-agenda", "considered", "dropped")
TOPIC_STATUS_LABELS = {
    "proposed": "Proposed",
    "scheduled": "Scheduled",
    "on-agenda": "On agenda",
    "considered": "Considered",
    "dropped": "Dropped",
}


@dataclass(frozen=True)
class ProgrammeItem:
    """A work-programme topic; `status` is worked out from the agenda and minutes it reached."""

    id: int
    committee_id: int
    topic: str
    list: str = "programme"
    status: str = "proposed"
    meeting_id: int | None = None
    meeting_date: date | None = None
    municipal_year: int | None = None
    position: int = 0
    lead_officers: tuple[str, ...] = ()
    actions_arising: str | None = None
    progress: str | None = None
    agenda_item_id: int | None = None
    minute_number: int | None = None

    @property
    def lead_officer_text(self) -> str:
        return "/".join(self.lead_officers)
