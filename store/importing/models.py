"""Frozen dataclasses for what a published pack holds, and for what an import did with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True)
class ParsedPerson:
    """A councillor named in the pack: "Councillor March (Vice Chair)" → name "March", role "vice-chair"."""

    name: str
    role: str | None = None  # "chair", "vice-chair" or None (an ordinary member)
    substitute_for: str | None = None


@dataclass(frozen=True)
class ParsedAppendix:
    """ "Appendix B (Pages 9 - 14)": label "B", pages 9 to 14; no range gives None for both."""

    label: str
    first_page: int | None = None
    last_page: int | None = None

    @property
    def pages(self) -> int | None:
        if self.first_page is None:
            return None
        return (self.last_page or self.first_page) - self.first_page + 1


@dataclass(frozen=True)
class ParsedItem:
    number: int
    title: str
    description: str | None = None
    recommendation: str | None = None
    verbal_update: bool = False
    exempt_paragraph: int | None = None
    appendices: tuple[ParsedAppendix, ...] = ()


@dataclass(frozen=True)
class ParsedAgenda:
    """The meeting the pack is the agenda for."""

    committee: str | None
    date: date
    start_time: time | None = None
    place: str | None = None
    livestream_url: str | None = None
    members: tuple[ParsedPerson, ...] = ()
    items: tuple[ParsedItem, ...] = ()

    @property
    def appendix_labels(self) -> list[str]:
        return [a.label for item in self.items for a in item.appendices]


@dataclass(frozen=True)
class ParsedDeclaration:
    member: str
    category: str
    nature: str
    minute_number: int | None = None  # the minute it is about; None for the meeting as a whole
    action: str = "remained"


@dataclass(frozen=True)
class ParsedAction:
    description: str
    owner: str | None = None


@dataclass(frozen=True)
class ParsedResolution:
    text: str
    actions: tuple[ParsedAction, ...] = ()


@dataclass(frozen=True)
class ParsedMinute:
    number: int
    title: str
    body: str = ""
    resolutions: tuple[ParsedResolution, ...] = ()
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class ParsedMinutes:
    """The earlier meeting whose minutes the pack carries (or the only meeting of a minutes file)."""

    committee: str | None
    date: date
    start_time: time | None = None
    closed_at: time | None = None
    confirmed_on: date | None = None  # our own Markdown export says when they were confirmed
    resolution_word: str | None = None  # "AGREED", "RESOLVED", ... as the minutes write it
    present: tuple[ParsedPerson, ...] = ()
    apologies: tuple[ParsedPerson, ...] = ()
    others_present: tuple[tuple[str, str | None], ...] = ()  # (name, role)
    declarations: tuple[ParsedDeclaration, ...] = ()
    minutes: tuple[ParsedMinute, ...] = ()

    @property
    def numbers(self) -> list[int]:
        return [m.number for m in self.minutes]


@dataclass(frozen=True)
class ParsedPack:
    agenda: ParsedAgenda | None = None
    minutes: ParsedMinutes | None = None
    warnings: tuple[str, ...] = ()
    found: tuple[str, ...] = ()  # what the parser recognised, for a message when nothing can be imported

    @property
    def committee(self) -> str | None:
        for part in (self.minutes, self.agenda):
            if part is not None and part.committee:
                return part.committee
        return None


@dataclass(frozen=True)
class MinutesReport:
    date: date
    numbers: tuple[int, ...]
    present: int
    declarations: int
    stored: bool  # False: the meeting already had these minutes, nothing was written


@dataclass(frozen=True)
class AgendaReport:
    date: date
    items: int
    appendices: tuple[str, ...]
    stored: bool  # False: the meeting already had an agenda, nothing was written


@dataclass(frozen=True)
class ImportReport:
    """What importing one file found, stored and could not parse."""

    file_name: str
    sha256: str
    committee: str | None = None
    already_imported_on: str | None = None  # the date of the earlier import of the same file
    minutes: MinutesReport | None = None
    agenda: AgendaReport | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return any(part is not None and part.stored for part in (self.minutes, self.agenda))

    def summary_line(self) -> str:
        """'Imported pack.txt: minutes 86-97 of 19 January 2021 (6 present, 1 declaration), agenda of …'."""
        if self.already_imported_on:
            return f"Skipped {self.file_name}: already imported on {self.already_imported_on}; nothing changed."
        parts = []
        if self.minutes is not None:
            m = self.minutes
            details = f"{m.present} present, {_count(m.declarations, 'declaration')}" if m.stored else "already in clerk"
            parts.append(f"{_numbers(m.numbers)} of {_day(m.date)} ({details})")
        if self.agenda is not None:
            a = self.agenda
            details = [_count(a.items, "item")] + ([_labels(a.appendices)] if a.appendices else [])
            if not a.stored:
                details = ["already in clerk"]
            parts.append(f"agenda of {_day(a.date)} ({', '.join(details)})")
        verb = "Imported" if self.changed else "Nothing new in"
        return f"{verb} {self.file_name}: {', '.join(parts)}"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _numbers(numbers: tuple[int, ...]) -> str:
    if not numbers:
        return "no numbered minutes"
    if len(numbers) == 1:
        return f"minute {numbers[0]}"
    return f"minutes {numbers[0]}-{numbers[-1]}"


def _labels(labels: tuple[str, ...]) -> str:
    if len(labels) == 1:
        return f"appendix {labels[0]}"
    return f"appendices {labels[0]}-{labels[-1]}"
