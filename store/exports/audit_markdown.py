"""The audit trail of a committee's confirmed minutes as Markdown: every amendment, oldest first.

Confirmed minutes are never edited (schema step m002); a correction is an amendment kept
beside the original with who made it, when and why (store.minutes.amend). This document
lists them all, each with the confirmed text and the text as amended, quoted so that nothing
the clerk typed can change the document's structure. A minute taken in private keeps its
heading and who/when in the public trail; its text, the amendment and the reason are only in
the private one.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from store.exports.front_sheet import heading_text, prose
from store.exports.minutes_markdown import _PRIVATE_TITLE, _line, _plain_date

if TYPE_CHECKING:
    from store.api import Store

INTRODUCTION = ("Every change made to minutes after they were confirmed as a correct record, oldest first. "
                "The confirmed text is never changed: each amendment is kept beside it with who made it, "
                "when and why.")
NONE = "No confirmed minute of this committee has been amended."
NOT_RECORDED = "(not recorded)"


def audit_markdown(store: Store, committee_id: int, private: bool = False) -> str:
    """The committee's amendments to confirmed minutes; `private` includes exempt minutes in full."""
    committee = store.committees.get(committee_id)
    title = f"# Audit trail of the confirmed minutes of the {heading_text(committee.name)}"
    blocks = [f"{title} {_PRIVATE_TITLE}" if private else title, INTRODUCTION]
    trail = sorted(store.minutes.audit_trail(committee_id), key=lambda pair: (pair[1].amended_at, pair[1].id))
    if not trail:
        blocks.append(NONE)
    meetings: dict[int, object] = {}
    for index, (minute, amendment) in enumerate(trail, start=1):
        if minute.meeting_id not in meetings:
            meetings[minute.meeting_id] = store.meetings.get(minute.meeting_id)
        meeting = meetings[minute.meeting_id]
        paragraph = minute.exempt_paragraph or _item_paragraph(store, minute.agenda_item_id)
        number = f"Minute {minute.number}" if minute.number is not None else "Unnumbered minute"
        blocks.append(f"## {index}. {number}, {heading_text(minute.title)}")
        facts = [
            f"Meeting: {_plain_date(meeting.date)}",
            f"Confirmed: {_moment(minute.confirmed_at)}" if minute.confirmed_at else "Confirmed: (no time recorded)",
            f"Amended: {_moment(amendment.amended_at)} by {prose(_line(amendment.amended_by)) or NOT_RECORDED}",
            f"Field: {'text' if amendment.field == 'body' else amendment.field}",
        ]
        if paragraph and not private:
            blocks.append("\\\n".join(facts))
            blocks.append(f"Confirmed text and amendment withheld: the minute was taken in private (Schedule 12A "
                          f"paragraph {paragraph}). The private audit trail (--private) holds them.")
            continue
        facts.append(f"Reason: {prose(_line(amendment.reason))}")
        blocks.append("\\\n".join(facts))
        blocks += ["Confirmed text:", _quoted(amendment.old_value), "Amended to read:", _quoted(amendment.new_value)]
    return "\n\n".join(blocks) + "\n"


def _item_paragraph(store: Store, agenda_item_id: int | None) -> int | None:
    return store.agenda.get(agenda_item_id).exempt_paragraph if agenda_item_id is not None else None


def _moment(iso: str) -> str:
    """'2021-03-10T09:30:00' as '10 March 2021 at 09:30'."""
    moment = datetime.fromisoformat(iso)
    return f"{_plain_date(moment.date())} at {moment:%H:%M}"


def _quoted(text: str | None) -> str:
    """The text as a block quote, every line escaped so it stays text inside the quote."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    body = prose("\n".join(lines).strip("\n")) or "(empty)"
    return "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))
