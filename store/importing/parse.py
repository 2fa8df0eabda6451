"""Read a published agenda pack (or a minutes file) into a ParsedPack: pure functions, no database.

A pack holds up to two meetings: the meeting it is the agenda for ("MEETING OF THE …",
"DATE:", numbered items with "Appendix B (Pages 9 - 14)") and an earlier meeting whose
minutes it carries ("Minutes of the Meeting of the …", "Held: …", "PRESENT:", numbered
minutes). The agenda ends where the first appendix begins; the minutes end where the
next appendix begins, where the meeting closed, or at the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time

from store.importing import people
from store.importing.agenda_text import parse_agenda
from store.importing.clean import (
    APPENDIX_START,
    DATE,
    NUMBERED,
    NUMERIC_DATE,
    TIME,
    clean_pages,
    committee_name,
    find_date,
    flat,
    long_day,
    numbered_heading,
    paragraphs,
    read_time,
    without_appendix_refs,
)
from store.importing.minutes_text import parse_minute
from store.importing.models import ParsedMinutes, ParsedPack

_MINUTES_OF = re.compile(
    r"^(?:#{1,6}\s*)?minutes\s+of\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?meeting\s+of\s+(?:the\s+)?(?P<name>.+?)"
    r"(?:\s+held\b.*)?$", re.IGNORECASE)
_CLOSED_AT = re.compile(r"meeting\s+(?:was\s+)?(?:declared\s+)?(?:closed|ended|finished|concluded|terminated|rose)"
                        r"\s+at\s+(?P<time>" + TIME + ")", re.IGNORECASE)
_STATUS = re.compile(r"^Status:\s*(?P<text>.*)$", re.IGNORECASE)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}


class _Notes:
    def __init__(self):
        self.warnings: list[str] = []
        self.found: list[str] = []


def parse_text(text: str, markdown: bool = False) -> ParsedPack:
    """Parse a whole file's text (pages split by form feeds)."""
    return parse_pages(text.split("\f"), markdown)


def parse_pages(pages: Sequence[str], markdown: bool = False) -> ParsedPack:
    paras = paragraphs(clean_pages(pages))
    markdown = markdown or any(re.match(r"#{1,6}\s", p) for p in paras[:3])
    notes = _Notes()
    start = _minutes_start(paras)
    agenda = parse_agenda(paras[:start] if start is not None else paras, notes.warnings, notes.found)
    minutes = _minutes(paras[start:], notes, markdown, _label_before(paras, start)) if start is not None else None
    return ParsedPack(agenda, minutes, tuple(notes.warnings), tuple(notes.found))


# ---------------------------------------------------------------- the minutes
def _minutes_start(paras: list[str]) -> int | None:
    for index, para in enumerate(paras):
        if _MINUTES_OF.match(flat(para)):
            return index
    for index, para in enumerate(paras):  # no heading: minutes that begin "Held: …" then "PRESENT:"
        if re.match(r"^held\b", para, re.I) and find_date(para) and any(
                re.match(r"^present\b", p, re.I) for p in paras[index + 1: index + 4]):
            return index
    return None


def _label_before(paras: list[str], start: int | None) -> str | None:
    """"A" when the minutes are the pack's Appendix A."""
    for para in paras[max(0, (start or 0) - 2): start]:
        begins = APPENDIX_START.match(flat(para))
        if begins:
            return begins["label"]
    return None


def _minutes(paras: list[str], notes: _Notes, markdown: bool, label: str | None) -> ParsedMinutes | None:
    """The minutes, from their heading to the next appendix, the meeting's close or the end of the file."""
    heading = _MINUTES_OF.match(flat(paras[0]))
    committee = committee_name(heading["name"]) if heading else None
    described = f"the minutes of {committee}" if committee else "minutes"
    day = start_time = confirmed_on = closing = None
    preamble: list[str] = []
    sections: list[tuple[int, str, list[str]]] = []
    title_case = not any(numbered_heading(flat(p)) for p in paras[1:])
    for index, para in enumerate(paras):
        text = flat(para)
        begins = APPENDIX_START.match(text)
        if begins and label and begins["label"] == label:
            continue  # the pack stamps the minutes' own appendix label on their pages
        if index > 0 and (begins or _MINUTES_OF.match(text)):
            if _MINUTES_OF.match(text):
                notes.warnings.append(f"A second set of minutes ('{text[:80]}') was not imported: "
                                      "one file, one set of minutes.")
            break
        if not sections and day is None and find_date(text) and (len(text) < 150 or re.match(r"held\b", text, re.I)):
            day, start_time = find_date(text), _time_after_date(text)
            continue
        heading = _minute_heading(text, sections, markdown, title_case)
        if heading:
            sections.append((heading[0], heading[1], []))
            continue
        status = _STATUS.match(text)
        if status and not sections:
            confirmed_on = find_date(status["text"]) if "confirmed" in status["text"].lower() else None
            if "draft" in status["text"].lower():
                notes.warnings.append("The file says these minutes are drafts; clerk imports them as confirmed.")
            continue
        (sections[-1][2] if sections else preamble).append(para)
        closed = _CLOSED_AT.search(text)
        if closed and sections:
            closing = (len(sections), len(sections[-1][2]), read_time(closed["time"]))
    if day is None:
        notes.warnings.append(f"Found {described} but no date (a line 'Held: TUESDAY, 19 JANUARY 2021 at "
                              "5:30 pm'), so the minutes were not imported.")
        return None
    if not sections:
        notes.warnings.append(f"Found {described} of {long_day(day)} but no numbered minutes "
                              "(such as '86. APOLOGIES FOR ABSENCE'), so the minutes were not imported.")
        return None
    closed_at = None
    if closing and closing[0] == len(sections):  # the meeting closed in the last minute: what follows is not minutes
        del sections[-1][2][closing[1]:]
        closed_at = closing[2]
        last = sections[-1][2]
        if markdown and len(last) > 1 and re.fullmatch(r"The meeting closed at [^.]*\.", flat(last[-1])):
            last.pop()  # the closing line our own export adds after the last minute
    attendance = people.attendance(preamble, notes.warnings)
    minutes, declarations, apologies, substitutes, word = [], [], list(attendance.apologies), [], None
    for number, title, body in sections:
        minute, used, found = parse_minute(number, title, body, markdown)
        minutes.append(minute)
        word = word or used
        declarations += found
        apologies += people.apologies_in(minute.body)
        substitutes += people.substitutes_in(minute.body)
    before = people.declarations_in(" ".join(flat(p) for p in preamble), None)[0]
    notes.found.append(f"minutes {sections[0][0]}-{sections[-1][0]} of {long_day(day)}")
    return ParsedMinutes(
        committee=committee, date=day, start_time=start_time, closed_at=closed_at, confirmed_on=confirmed_on,
        resolution_word=word, present=people.merge_present(attendance.present, substitutes),
        apologies=tuple(dict.fromkeys(apologies)), others_present=attendance.others,
        declarations=tuple(before + declarations), minutes=tuple(minutes),
    )


def _time_after_date(text: str) -> time | None:
    """The start time in "Held: TUESDAY, 19 JANUARY 2021 at 5:30 pm"."""
    day = DATE.search(text) or NUMERIC_DATE.search(text)
    at = re.search(r"\bat\s+(" + TIME + ")", text[day.end():] if day else text, re.IGNORECASE)
    return read_time(at[1]) if at else None


def _minute_heading(text: str, sections: list, markdown: bool, title_case: bool) -> tuple[int, str] | None:
    """A minute's number and title.

    Numbers only go up (86, 87, …), so numbered paragraphs of reports ("1. Purpose") are not minutes.
    Titles are in capitals; minutes with no capitalised title at all may use "87. Declarations of
    Interest" instead, when the number follows the last one.
    """
    heading = numbered_heading(text)
    match = NUMBERED.match(text)
    if heading is None and match and (markdown and text.startswith("#") or title_case and _title_like(match["title"])):
        heading = int(match["number"]), match["title"]
        if title_case and sections and heading[0] != sections[-1][0] + 1:
            return None
    if heading is None:
        return None
    if sections and not sections[-1][0] < heading[0] <= sections[-1][0] + 3:
        return None
    return heading[0], without_appendix_refs(heading[1]).strip()


def _title_like(title: str) -> bool:
    """ "Declarations of Interest": short, capitalised words, no sentence ending."""
    words = title.split()
    if not 1 <= len(words) <= 15 or title.endswith((".", ";", ",", ":")) or not title[:1].isupper():
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return sum(w[:1].isupper() or not w[:1].isalpha() for w in big) >= 0.75 * len(big)
