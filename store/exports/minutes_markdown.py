"""A meeting's minutes as Markdown, in the house style of the fixture's minutes of 19 January 2021.

A pure function of what the store returns: the same data always gives byte-identical
text. The public version (the default) never holds an exempt minute's text,
resolutions or actions, only its heading, the resolution to exclude the press and
public, and "This item was considered in private."; the private version holds
everything and says so in its title.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from store.dates import clock_time
from store.meeting_models import AgendaItem, Minute, Movement

if TYPE_CHECKING:
    from store.api import Store

_DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_SEPARATOR = "*** ** **"
_MOVED = {"arrived": "arrived at", "left": "left", "withdrew": "withdrew from", "returned": "returned to"}
_PRIVATE_TITLE = "(PRIVATE — NOT FOR PUBLICATION)"
_EXCLUSION = (
    "RESOLVED: that the press and public be excluded during consideration of the following item in "
    "accordance with Section 100A(4) of the Local Government Act 1972, as it involves the likely "
    "disclosure of exempt information as defined in Paragraph {paragraph} of Part 1 of Schedule 12A of the Act."
)
# Clerks type prose, not Markdown: a line of theirs that starts "# ", "> ", "- ",
# "* ", "+ " or "3. " would turn into a heading, quote or list when the minutes are
# rendered (to PDF or the web) and change what the record says. A backslash before
# the marker keeps it literal; for "3." / "3)" it goes before the "." or ")",
# because CommonMark cannot escape a digit. So do a line that opens a code block
# ("```", "~~~"), underlines the line above into a heading ("===", "___") or starts
# a table row ("|", ":--"), and every "<", which would otherwise open raw HTML
# (a <script> or <!-- swallows everything after it). Nothing else in the clerk's
# text is touched, so the Markdown file still reads as the clerk wrote it.
_BLOCK_MARKER = re.compile(r"^( {0,3})([#>+*|:-]|```|~~~|(?:=+|_[ _]*)[ \t]*$)", re.MULTILINE)
_NUMBER_MARKER = re.compile(r"^( {0,3}\d{1,9})([.)])", re.MULTILINE)
_LESS_THAN = re.compile(r"(\\*)<")  # an even run of backslashes before it would leave it unescaped
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")


def minutes_markdown(store: Store, meeting_id: int, private: bool = False) -> str:
    """The meeting's minutes in house style; `private` includes the exempt minutes in full."""
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    minutes = store.minutes.list_for(meeting_id)
    items = {item.id: item for item in store.agenda.list_for(meeting_id)}
    attendance = store.attendance.list_for(meeting_id)
    declarations = store.declarations.list_for(meeting_id)
    movements = store.attendance.movements_for(meeting_id)
    numbers = {m.agenda_item_id: m.number for m in minutes if m.agenda_item_id is not None}
    word = committee.resolution_word

    heading = f"# Minutes of the Meeting of the {_heading(committee.name).upper()}"
    blocks = [f"{heading} {_PRIVATE_TITLE}" if private else heading, _held(meeting.date, meeting.start_time)]
    status = _status(minutes)
    if status:
        blocks.append(status)
    blocks += _present(attendance, store.attendance.others_for(meeting_id))
    # Comings and goings recorded against no minute belong with who was present.
    blocks += _movements([v for v in movements if v.minute_id is None])
    blocks.append(_SEPARATOR)

    declarations_minute = next((m for m in minutes if _is(m, items, "declarations")), None)
    if declarations_minute is None:
        blocks += [_declaration(d, numbers) for d in declarations]
    for minute in minutes:
        item = items.get(minute.agenda_item_id)
        blocks.append(f"## {minute.number}. {_heading(minute.title)}" if minute.number else f"## {_heading(minute.title)}")
        paragraph = minute.exempt_paragraph or (item.exempt_paragraph if item else None)
        if paragraph:
            blocks.append(_EXCLUSION.format(paragraph=paragraph))
            if not private:
                blocks.append("This item was considered in private.")
                continue
        if item and item.urgency_reasons:
            blocks.append("The Chair agreed to take this item as urgent business for the following reasons: "
                          + _sentence(_escape(item.urgency_reasons.strip())))
        text = _paragraphs(minute.body)
        if minute is declarations_minute:
            blocks += [_declaration(d, numbers) for d in declarations]
            if not declarations and not text:
                text = ["There were no declarations of interest."]
        elif not text and _is(minute, items, "apologies"):
            text = _apologies(attendance)
        blocks += text
        blocks += _movements([v for v in movements if v.minute_id == minute.id])
        blocks += _resolutions(store, minute, word)
        blocks += [_amendment(a) for a in minute.amendments]

    if meeting.closed_at is not None:
        blocks.append(f"The meeting closed at {clock_time(meeting.closed_at)}.")
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------- the head of the minutes
def _held(day: date, start) -> str:
    held = f"Held: {_DAYS[day.weekday()]}, {_plain_date(day).upper()}"
    return f"{held} at {clock_time(start)}" if start is not None else held


def _status(minutes: list[Minute]) -> str | None:
    if not minutes:
        return None
    if any(not m.confirmed for m in minutes):
        return "Status: draft minutes, not yet confirmed"
    when = max(m.confirmed_at or "" for m in minutes)
    if not when:
        return "Status: confirmed as a correct record"
    return f"Status: confirmed as a correct record on {_plain_date(datetime.fromisoformat(when).date())}"


def _present(attendance, others) -> list[str]:
    """PRESENT: chair and vice chair first, then the others, invitees, and who else attended.

    The names are one to a line; a trailing backslash is CommonMark's hard line break,
    so a rendered copy keeps them on separate lines as the fixture has them.
    """
    here = [e for e in attendance if e.status in ("present", "substitute")]
    chairs = [f"{e.name} (Chair)" for e in here if e.role == "chair" and e.status == "present"]
    chairs += [f"{e.name} (Vice Chair)" for e in here if e.role == "vice-chair" and e.status == "present"]
    members = [e.name for e in here
               if e.status == "present" and e.role not in ("chair", "vice-chair", "standing-invitee")]
    members += [f"{e.name} (substituting for {e.substitute_for_name})" for e in here if e.status == "substitute"]
    invitees = [e.name for e in here if e.role == "standing-invitee" and e.status == "present"]
    groups = [g for g in (chairs, members, invitees) if g]
    blocks = ["PRESENT:", *(_lines(g) for g in groups)] if groups else ["PRESENT:", "No attendance was recorded."]
    if others:
        blocks += ["In attendance:", _lines([_other(o) for o in others])]
    return blocks


def _other(other) -> str:
    return f"{_line(other.name)}, {_line(other.role)}" if other.role else _line(other.name)


def _lines(names: list[str]) -> str:
    return "\\\n".join(_escape(_line(name)) for name in names)


# ---------------------------------------------------------------- generated wording
def _apologies(attendance) -> list[str]:
    away = [e.name for e in attendance if e.status == "apologies"]
    text = [f"Apologies for absence were received from {_and(away)}." if away
            else "There were no apologies for absence."]
    substitutes = [f"{e.name} attended as a substitute for {e.substitute_for_name}."
                   for e in attendance if e.status == "substitute"]
    if substitutes:
        text.append(" ".join(substitutes))
    return text


def _declaration(declaration, numbers: dict) -> str:
    """'Councillor Joshi declared an Other Disclosable Interest in that his wife worked for …'."""
    category = _line(declaration.category)
    article = "an" if category[:1].lower() in "aeiou" else "a"
    where = ""
    if declaration.agenda_item_id is not None:
        title = _line(declaration.item_title or "")
        number = numbers.get(declaration.agenda_item_id)
        where = f" in respect of minute {number} ({title})" if number else f" in respect of the item {title}"
    nature = _escape(declaration.nature.strip()).rstrip(".")
    if not nature.lower().startswith("in that"):
        nature = f"in that {nature}"
    text = f"{declaration.name} declared {article} {category}{where} {nature}."
    if declaration.action == "withdrew":
        text += f" {declaration.name} withdrew from the meeting during consideration of the item."
    elif declaration.action == "did-not-vote":
        text += f" {declaration.name} did not vote on the item."
    return _escape(text)


def _movements(movements: list[Movement]) -> list[str]:
    """'Councillor X left the meeting during minute 92.'; a withdrawal and return make one sentence."""
    lines, skip = [], set()
    for index, movement in enumerate(movements):
        if movement.id in skip:
            continue
        during = f" during minute {movement.minute_number}" if movement.minute_number else ""
        at = f" at {clock_time(movement.at_time)}" if movement.at_time else ""
        reason = ""
        if movement.reason:
            reason = (f", having {_line(movement.reason)}" if movement.reason.startswith("declared ")
                      else f" ({_line(movement.reason)})")
        if movement.kind == "withdrew":
            back = next((v for v in movements[index + 1:] if v.person_id == movement.person_id), None)
            if back is not None and back.kind == "returned" and back.minute_id == movement.minute_id:
                skip.add(back.id)
                if movement.minute_number:
                    item, then = f" during consideration of minute {movement.minute_number}", "returned after it"
                else:
                    item, then = "", "later returned"
                lines.append(f"{movement.name} withdrew from the meeting{item}{at}{reason}, and {then}.")
                continue
        lines.append(f"{movement.name} {_MOVED[movement.kind]} the meeting{during}{at}{reason}.")
    return [_escape(line) for line in lines]


def _resolutions(store: Store, minute: Minute, word: str) -> list[str]:
    """'AGREED:' then the resolution, or '1) That …', '2) That …'; the actions arising after them."""
    resolutions = store.resolutions.list_for(minute.id)
    if not resolutions:
        return []
    blocks = [f"{word}:"]
    if len(resolutions) == 1:
        blocks.append(_escape(resolutions[0].text.strip()))
    else:
        blocks += [f"{n}) {_escape(r.text.strip())}" for n, r in enumerate(resolutions, start=1)]
    for resolution in resolutions:
        blocks += [_action(store, a) for a in store.actions.list_for(resolution.id)]
    return blocks


def _action(store: Store, action) -> str:
    owner = action.owner
    if not owner and action.owner_officer_id is not None:
        owner = store.officers.get(action.owner_officer_id).name
    details = [f"Owner: {_escape(_line(owner))}"] if owner else []
    if action.target_date is not None:
        details.append(f"by {_plain_date(action.target_date)}")
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"Action: {_escape(action.description.strip())}{suffix}"


def _amendment(amendment) -> str:
    when = _plain_date(datetime.fromisoformat(amendment.amended_at).date())
    field = "text" if amendment.field == "body" else amendment.field
    new_value = "\n\n".join(_paragraphs(amendment.new_value or ""))
    by = f" by {_escape(_line(amendment.amended_by))}" if _line(amendment.amended_by) else ""
    return f"Amended on {when}{by}: {field} — {new_value} (Reason: {_escape(amendment.reason.strip())})"


# ---------------------------------------------------------------- text helpers
def _is(minute: Minute, items: dict[int, AgendaItem], key: str) -> bool:
    """Is this the minute of a standard item ('apologies', 'declarations')?"""
    item = items.get(minute.agenda_item_id)
    if item is not None and item.standard_key:
        return item.standard_key == key
    titles = {"apologies": "apologies for absence", "declarations": "declarations of interest"}
    return _line(minute.title).casefold() == titles[key]


def _paragraphs(text: str) -> list[str]:
    """The clerk's paragraphs as written: blank lines split them, trailing spaces go."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    paragraphs = re.split(r"\n{2,}", "\n".join(lines).strip("\n"))
    return [_escape(p) for p in paragraphs if p.strip()]


def _escape(text: str) -> str:
    # CommonMark ends a line at "\r" as well as "\n": a bare one must not hide a marker.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _less_than(_NUMBER_MARKER.sub(r"\1\\\2", _BLOCK_MARKER.sub(r"\1\\\2", text)))


def _less_than(text: str) -> str:
    """Every "<" literal: no raw HTML (a <script>, an <!-- comment -->) from the clerk's text."""
    return _LESS_THAN.sub(lambda m: m[1] + ("" if len(m[1]) % 2 else "\\") + "<", text)


def _heading(text: str | None) -> str:
    """A title inside a heading, on one line: no raw HTML, and a trailing "#" kept as text."""
    return _CLOSING_HASHES.sub(lambda m: m[1] + "\\" + m[2], _less_than(_line(text)))


def _line(text: str | None) -> str:
    """A one-line field (a title, a name): any run of whitespace becomes one space."""
    return " ".join((text or "").split())


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plain_date(day: date) -> str:
    """'9 March 2021'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
