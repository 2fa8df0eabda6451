"""The front sheet of an agenda, in the layout of the fixture's pack of 9 March 2021, and the
text helpers the agenda and the pack share.

The council, "MEETING OF THE …", the date, time and place; the members serving on the day
(Chair and Vice-Chair first, then "Councillors A, B and C"), the standing invitees; the
invitation; the committee's officer contacts; and the committee's "Information for members
of the public". Everything the clerk typed is escaped the way the minutes escape it, so no
name or paragraph can turn into a heading, a list or a code block when the file is rendered.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.dates import clock_time
from store.exports.minutes_markdown import _DAYS, _PRIVATE_TITLE, _escape, _heading, _line, _plain_date
from store.meeting_models import AgendaItem
from store.models import Committee, Meeting, Member

if TYPE_CHECKING:
    from store.api import Store

INVITATION = ("Members of the Committee are invited to attend the above meeting to consider the items of "
              "business listed overleaf.")
SIGNED = "For Monitoring Officer"
TO_BE_CONFIRMED = "to be confirmed"

# Beyond the minutes' escaping: lines that would open a code block, an HTML block or turn the
# line above into a heading ("====" underlines), or draw a rule ("___"); "-" and "*" are escaped already.
_FENCE_OR_HTML = re.compile(r"^( {0,3})(```|~~~|<)", re.MULTILINE)
_UNDERLINE = re.compile(r"^( {0,3})((?:=+|_[ _]*)[ \t]*)$", re.MULTILINE)


def prose(text: str) -> str:
    """The clerk's text, every line kept literal when the Markdown is rendered."""
    text = _escape(text)
    text = _FENCE_OR_HTML.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _UNDERLINE.sub(r"\1\\\2", text)


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a multi-line field as written, escaped; blank lines split them."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [prose(p) for p in re.split(r"\n{2,}", "\n".join(lines).strip("\n")) if p.strip()]


def one_line(text: str | None) -> str:
    """A title or name on one line, escaped."""
    return prose(_line(text))


def heading_text(text: str | None) -> str:
    """A title inside a heading: a trailing '#' would be read as the heading's closing marks, a '<' as HTML."""
    return _heading(text)


def item_heading(number: str, item: AgendaItem) -> str:
    """'### 10A. TITLE': the number as the agenda gives it (store/appendix_layout.py agenda_numbers)."""
    return f"### {number}. {heading_text(item.title)}"


# ---------------------------------------------------------------- the sheet
def header(store: Store, meeting: Meeting, committee: Committee, private: bool) -> list[str]:
    """Council, meeting title, date, time and place: the top of every agenda."""
    council = store.committees.body(committee.body_id).name
    title = f"# MEETING OF THE {heading_text(committee.name).upper()}"
    day = meeting.date
    return [
        one_line(council),
        f"{title} {_PRIVATE_TITLE}" if private else title,
        f"DATE: {_DAYS[day.weekday()]}, {_plain_date(day).upper()}",
        f"TIME: {clock_time(meeting.start_time) if meeting.start_time else TO_BE_CONFIRMED}",
        f"PLACE: {one_line(meeting.place) if meeting.place else TO_BE_CONFIRMED}",
    ]


def front_sheet(store: Store, meeting: Meeting, committee: Committee, private: bool) -> list[str]:
    """The front sheet's blocks, from the council's name to the information for the public."""
    members = store.members.list_for(committee.id, on=meeting.date)
    blocks = header(store, meeting, committee, private)
    blocks += ["## Members of the Committee", *_members(members)]
    invitees = [one_line(m.display_name) for m in members if m.role == "standing-invitee"]
    if invitees:
        plural = "Standing Invitees" if len(invitees) > 1 else "Standing Invitee"
        blocks += [f"## {plural} (Non-voting)", "\\\n".join(invitees)]
    blocks += [INVITATION, SIGNED]
    contacts = store.officers.contacts_for(committee.id)
    if contacts:
        blocks += ["## Officer contacts", *(_contact(c) for c in contacts)]
    if committee.public_information:
        blocks += ["## Information for members of the public", *paragraphs(committee.public_information)]
    return blocks


def _members(members: list[Member]) -> list[str]:
    """'Councillor Joshi (Chair)' / 'Councillor March (Vice-Chair)', then 'Councillors A, B and C'."""
    chairs = [f"{one_line(m.display_name)} (Chair)" for m in members if m.role == "chair"]
    chairs += [f"{one_line(m.display_name)} (Vice-Chair)" for m in members if m.role == "vice-chair"]
    ordinary = [m for m in members if m.role == "member"]
    councillors = [one_line(m.person.name) for m in ordinary if m.person.title == "Councillor"]
    others = [one_line(m.display_name) for m in ordinary if m.person.title != "Councillor"]
    blocks = ["\\\n".join(chairs)] if chairs else []
    if councillors:
        blocks.append(("Councillors " if len(councillors) > 1 else "Councillor ") + _and(councillors))
    if others:
        blocks.append(_and(others))
    return blocks or ["No members are recorded for this date."]


def _contact(contact) -> str:
    """'Angie Smith (Democratic Support Officer)' and, on the next line, phone and email."""
    officer = contact.officer
    role = contact.role or officer.job_title
    name = f"{one_line(officer.name)} ({one_line(role)})" if role else one_line(officer.name)
    reach = [f"Tel: {one_line(officer.phone)}"] if officer.phone else []
    reach += [f"e-mail: {one_line(officer.email)}"] if officer.email else []
    return f"{name}\\\n{', '.join(reach)}" if reach else name


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
