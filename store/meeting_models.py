"""Frozen dataclasses for what happens at a meeting: agenda, attendance, declarations, minutes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

ATTENDANCE_STATUSES = ("present", "apologies", "absent", "substitute")
DECLARATION_ACTIONS = ("remained", "withdrew", "did-not-vote")
DECLARATION_ACTION_LABELS = {
    "remained": "remained in the meeting",
    "withdrew": "withdrew from the meeting for the item",
    "did-not-vote": "did not vote",
}
MOVEMENT_KINDS = ("arrived", "left", "withdrew", "returned")
ACTION_STATUSES = ("open", "done", "dropped")


@dataclass(frozen=True)
class AgendaItem:
    id: int
    meeting_id: int
    position: int
    title: str
    kind: str = "business"
    standard_key: str | None = None
    description: str | None = None
    recommendation: str | None = None
    lead_officer_id: int | None = None
    verbal_update: bool = False
    exempt_paragraph: int | None = None
    supplementary: bool = False
    urgency_reasons: str | None = None
    work_programme_item_id: int | None = None
    status: str = "listed"
    # The number it was published with ("10", or "10A" if added later); None before publication,
    # when the agenda numbers items 1..n from their order (store/appendix_layout.py agenda_numbers).
    published_number: str | None = None


@dataclass(frozen=True)
class AttendanceEntry:
    """One member's attendance at a meeting; `status` None means not yet recorded."""

    person_id: int
    name: str
    role: str
    voting: bool
    status: str | None = None
    substitute_for_id: int | None = None
    substitute_for_name: str | None = None
    in_room: bool = False


@dataclass(frozen=True)
class OtherPresent:
    id: int
    meeting_id: int
    name: str
    role: str | None = None
    officer_id: int | None = None


@dataclass(frozen=True)
class Movement:
    id: int
    meeting_id: int
    person_id: int
    name: str
    kind: str
    minute_id: int | None = None
    minute_number: int | None = None
    at_time: time | None = None
    reason: str | None = None


@dataclass(frozen=True)
class QuorumState:
    required: int
    present: int
    voting_members: int

    @property
    def quorate(self) -> bool:
        return self.present >= self.required


@dataclass(frozen=True)
class Declaration:
    id: int
    meeting_id: int
    person_id: int
    name: str
    category: str
    nature: str
    action: str = "remained"
    agenda_item_id: int | None = None
    item_title: str | None = None
    interest_id: int | None = None


@dataclass(frozen=True)
class DeclarationSuggestion:
    """A standing interest or last meeting's declaration, offered again."""

    person_id: int
    name: str
    category: str
    nature: str
    source: str  # 'register' or 'last meeting'
    interest_id: int | None = None


@dataclass(frozen=True)
class Amendment:
    id: int
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    amended_at: str
    amended_by: str | None = None


@dataclass(frozen=True)
class Resolution:
    id: int
    minute_id: int
    position: int
    text: str


@dataclass(frozen=True)
class Action:
    id: int
    committee_id: int
    description: str
    status: str = "open"
    resolution_id: int | None = None
    owner: str | None = None
    owner_officer_id: int | None = None
    target_meeting_id: int | None = None
    target_date: date | None = None
    progress: str | None = None
    work_programme_item_id: int | None = None


@dataclass(frozen=True)
class Minute:
    id: int
    meeting_id: int
    committee_id: int
    municipal_year: int
    position: int
    number: int | None
    title: str
    body: str = ""
    status: str = "draft"
    agenda_item_id: int | None = None
    exempt_paragraph: int | None = None
    confirmed_at: str | None = None
    amendments: tuple[Amendment, ...] = field(default_factory=tuple)

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"
