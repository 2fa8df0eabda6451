"""The Attendance pane's three lists: members, arrivals and departures, officers and others present.

Each shows the records it is given (rows keyed by person, movement or record id); the
verbs live on the screen, which calls the store.
"""

from __future__ import annotations

from rich.text import Text

from store.meeting_models import AttendanceEntry, Movement, OtherPresent
from store.models import ROLE_LABELS
from tui.widgets.record_list import RecordList

SHORT_ROLES = {**ROLE_LABELS, "standing-invitee": "Standing invitee"}
STATUS_STYLES = {"present": "bold green", "apologies": "yellow", "absent": "red", "substitute": "cyan"}
MOVED = {"arrived": "arrived", "left": "left", "withdrew": "withdrew", "returned": "returned"}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def minute_label(number: int | None, minute_id: int | None) -> str:
    """When a movement happened: 'at minute 92'."""
    if number is not None:
        return f"at minute {number}"
    return "at an unnumbered item" if minute_id else "before the first item"


class AttendanceList(RecordList):
    """One row per member (and substitute), keyed by person id."""

    COLUMNS = (("Name", 30), ("Role", None), ("Voting", None), ("Status", 44), ("In the room", 26))

    def show_entries(self, entries: list[AttendanceEntry], movements: list[Movement]) -> None:
        last_move = {m.person_id: m for m in movements}
        rows = []
        for entry in entries:
            rows.append((entry.person_id, [
                Text(entry.name, style="bold" if entry.in_room else ""),
                SHORT_ROLES.get(entry.role, entry.role),
                "yes" if entry.voting else "no",
                _status(entry),
                _room(entry, last_move.get(entry.person_id)),
            ]))
        recorded = sum(1 for e in entries if e.status)
        inside = sum(1 for e in entries if e.in_room)
        self.show(rows, empty="no members serve on this committee on the day: press 9 for Members",
                  count=f"{recorded} of {len(entries)} recorded · {inside} in the room")


class MovementList(RecordList):
    """Arrivals, departures and withdrawals in the order they happened, keyed by movement id."""

    COLUMNS = (("Member", 34), ("Movement", None), ("Time", None), ("Reason", None))

    def show_movements(self, movements: list[Movement]) -> None:
        rows = [(m.id, [
            m.name,
            Text(f"{MOVED.get(m.kind, m.kind)} {minute_label(m.minute_number, m.minute_id)}",
                 style="green" if m.kind in ("arrived", "returned") else "yellow"),
            m.at_time.strftime("%H:%M") if m.at_time else "",
            m.reason or "",
        ]) for m in movements]
        self.show(rows, empty="none: l (left) and r (arrived) record them against the minute being taken",
                  count=plural(len(movements), "movement"))


class OthersList(RecordList):
    """Officers and others present, keyed by their record id."""

    COLUMNS = (("Name", 28), ("Role", None))

    def show_others(self, others: list[OtherPresent]) -> None:
        rows = [(o.id, [o.name, Text(o.role or "—", style="" if o.role else "dim")]) for o in others]
        count = "1 person" if len(others) == 1 else f"{len(others)} people"
        self.show(rows, empty="none yet: o adds one", count=count)


def _status(entry: AttendanceEntry) -> Text:
    if entry.status is None:
        return Text("not recorded", style="dim italic")
    label = entry.status
    if entry.status == "substitute" and entry.substitute_for_name:
        label = f"substitute for {entry.substitute_for_name}"
    return Text(label, style=STATUS_STYLES.get(entry.status, ""))


def _room(entry: AttendanceEntry, last: Movement | None) -> Text:
    since = f" minute {last.minute_number}" if last is not None and last.minute_number is not None else ""
    if entry.in_room:
        if last is not None and last.kind == "arrived" and since:
            return Text(f"yes, from{since}", style="green")
        return Text("yes", style="green")
    if entry.status in ("present", "substitute") and last is not None:
        word = "withdrawn" if last.kind == "withdrew" else "out"
        return Text(f"{word} since{since}" if since else word, style="bold yellow")
    return Text("—", style="dim")
