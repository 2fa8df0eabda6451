"""The Minutes pane's pieces: the numbered list, the notes editor, the heading and the amendments.

They show what they are given; the screen (tui/screens/minutes.py) calls the store.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import TextArea

from store.meeting_models import AgendaItem, Minute
from tui.widgets.record_list import RecordList

# Local Government Act 1972, Schedule 12A, Part 1 (England), in short.
EXEMPT_PARAGRAPHS = {
    1: "information relating to any individual",
    2: "information likely to reveal the identity of an individual",
    3: "the financial or business affairs of any particular person",
    4: "labour relations consultations or negotiations",
    5: "legal professional privilege",
    6: "notices, orders or directions under an enactment",
    7: "the prevention, investigation or prosecution of crime",
}


def stamp(iso: str) -> str:
    """'2021-03-09T17:45:00' as '9 Mar 2021 17:45'."""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {moment:%b %Y %H:%M}"


class MinuteList(RecordList):
    """The meeting's minutes in the order taken; the cursor is the item being taken."""

    COLUMNS = (("No.", 4), ("Item", None), ("Status", 12), ("Res.", 4))

    def show_minutes(self, minutes: list[Minute], items: dict[int, AgendaItem], resolutions: dict[int, int],
                     current: int | None) -> None:
        rows = []
        for minute in minutes:
            item = items.get(minute.agenda_item_id)
            status = Text("confirmed", style="green") if minute.confirmed else Text("draft")
            if minute.exempt_paragraph:
                status.append(f" ¶{minute.exempt_paragraph}", style="bold")
            elif item is not None and item.kind == "urgent":
                status.append(" urgent", style="bold")
            count = resolutions.get(minute.id, 0)
            rows.append((minute.id, [
                Text(f"{'' if minute.number is None else minute.number:>3}", style="bold"),
                Text(minute.title),
                status,
                Text(f"{count or '·':>4}", style="" if count else "dim"),
            ]))
        numbers = [m.number for m in minutes if m.number is not None]
        count = f"minutes {numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else (
            f"minute {numbers[0]}" if numbers else "")
        self.show(rows, select=current, empty="none yet: t opens them from the agenda", count=count)


class NotesEditor(TextArea):
    """The notes of the minute being taken. Read-only once confirmed: typing is refused, not lost silently."""

    class TypingRefused(Message):
        """A printable key was pressed while the notes are read-only."""

    def on_key(self, event: events.Key) -> None:
        if self.read_only and event.is_printable:
            event.stop()
            event.prevent_default()
            self.post_message(self.TypingRefused())


def heading(minute: Minute | None, item: AgendaItem | None, has_meeting: bool, has_minutes: bool) -> Text:
    """The lines above the notes: number and title, status, private session, urgency."""
    text = Text()
    if not has_meeting:
        text.append("No meeting chosen: ctrl+o switches to one.", style="italic")
        return text
    if minute is None:
        text.append("No item being taken." if has_minutes else
                    "No minutes opened yet: t opens them from the agenda, u adds an urgent item.", style="italic")
        return text
    number = f"{minute.number}. " if minute.number is not None else ""
    text.append(f"{number}{minute.title}\n", style="bold")
    if minute.confirmed:
        when = f" {stamp(minute.confirmed_at)}" if minute.confirmed_at else ""
        text.append(f"Confirmed{when}: read-only. ", style="green")
        text.append("a (on the list) records an amendment.", style="dim")
    else:
        text.append("Draft: every keystroke is saved. ", style="dim")
        text.append("Esc returns to the list.", style="dim")
    if minute.exempt_paragraph:
        reason = EXEMPT_PARAGRAPHS.get(minute.exempt_paragraph, "")
        text.append(f"\nTaken in private: Schedule 12A paragraph {minute.exempt_paragraph} ({reason}).",
                    style="bold")
    if item is not None and item.urgency_reasons:
        text.append("\nUrgent business. The Chair's reasons for urgency: ", style="bold")
        text.append(item.urgency_reasons)
    elif item is not None and item.recommendation:
        text.append("\nRecommendation: ", style="dim")
        text.append(item.recommendation, style="dim")
    return text


def amendments(minute: Minute | None) -> Text:
    """A confirmed minute's amendments, each with its reason and time: the original text stays above."""
    text = Text()
    if minute is None or not minute.amendments:
        return text
    text.append("Amendments since confirmation\n", style="bold")
    for amendment in minute.amendments:
        when = stamp(amendment.amended_at)
        by = f" by {amendment.amended_by}" if amendment.amended_by else ""
        text.append(f"{when}{by}, {amendment.field}: ", style="bold")
        text.append(f"{amendment.reason}\n", style="italic")
        text.append(f"  now reads: {amendment.new_value}\n")
    return text
