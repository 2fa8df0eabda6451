"""Frozen dataclasses the store hands to its callers (the TUI, the CLI, the exports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

ROLES = ("chair", "vice-chair", "member", "substitute", "standing-invitee")
ROLE_LABELS = {
    "chair": "Chair",
    "vice-chair": "Vice-Chair",
    "member": "Member",
    "substitute": "Substitute",
    "standing-invitee": "Standing invitee (non-voting)",
}
MEETING_STATUSES = ("scheduled", "agenda-published", "held", "minutes-confirmed")
MEETING_STATUS_LABELS = {
    "scheduled": "Scheduled",
    "agenda-published": "Agenda published",
    "held": "Held",
    "minutes-confirmed": "Minutes confirmed",
    "cancelled": "Cancelled",
}
QUORUM_RULES = {
    "quarter-min-3": "A quarter of the voting members, never fewer than three",
    "third": "A third of the voting members",
    "half": "Half of the voting members",
    "fixed": "A fixed number of voting members",
}
DEFAULT_DECLARATION_CATEGORIES = (
    "Disclosable Pecuniary Interest",
    "Other Disclosable Interest",
    "Non-registrable Interest",
)


@dataclass(frozen=True)
class Body:
    id: int
    name: str
    website: str | None = None


@dataclass(frozen=True)
class Committee:
    id: int
    body_id: int
    name: str
    quorum_rule: str = "quarter-min-3"
    quorum_number: int | None = None
    year_start_month: int = 5
    year_start_day: int = 1
    clear_days: int = 5
    holiday_region: str = "england-wales"
    skip_weekends: bool = True
    agenda_setting_days: int | None = None
    resolution_word: str = "AGREED"
    declaration_categories: tuple[str, ...] = DEFAULT_DECLARATION_CATEGORIES
    default_time: time | None = None
    default_place: str | None = None
    livestream_url: str | None = None
    public_information: str | None = None
    starting_minute_number: int | None = None
    starting_minute_year: int | None = None


@dataclass(frozen=True)
class StandardItem:
    id: int
    committee_id: int
    position: int
    placement: str  # 'opening' or 'closing'
    key: str
    title: str
    description: str | None = None
    recommendation: str | None = None


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    title: str = "Councillor"
    full_name: str | None = None
    party: str | None = None
    email: str | None = None

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}".strip() if self.title else self.name


@dataclass(frozen=True)
class Member:
    """A person's membership of a committee."""

    id: int
    committee_id: int
    person: Person
    role: str
    voting: bool
    start_date: date | None = None
    end_date: date | None = None

    @property
    def display_name(self) -> str:
        return self.person.display_name

    def serves_on(self, day: date) -> bool:
        started = self.start_date is None or self.start_date <= day
        not_ended = self.end_date is None or self.end_date >= day
        return started and not_ended


@dataclass(frozen=True)
class Officer:
    id: int
    body_id: int
    name: str
    initials: str | None = None
    job_title: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class OfficerContact:
    """An officer named as a committee's contact (the front sheet's 'Officer contacts')."""

    id: int
    committee_id: int
    officer: Officer
    role: str
    position: int = 0


@dataclass(frozen=True)
class Interest:
    """A standing interest in the register of members' interests."""

    id: int
    person_id: int
    category: str
    nature: str
    registered_on: date | None = None
    removed_on: date | None = None


@dataclass(frozen=True)
class Meeting:
    id: int
    committee_id: int
    date: date
    start_time: time | None = None
    place: str | None = None
    livestream_url: str | None = None
    status: str = "scheduled"
    agenda_setting_date: date | None = None
    published_at: str | None = None
    closed_at: time | None = None
    cancelled_reason: str | None = None

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"


@dataclass(frozen=True)
class PublicationDeadline:
    """When a meeting's agenda must be published, and whether that has been missed."""

    last_day: date
    clear_days: int
    rule: str
    missed: bool
    agenda_setting: date | None = None


@dataclass(frozen=True)
class MinuteSummary:
    """The least the foundation knows about a minute; the live-meeting work adds more."""

    id: int
    number: int | None
    title: str
    body: str
    status: str
    exempt_paragraph: int | None = None
    resolutions: tuple[str, ...] = field(default_factory=tuple)
