"""The Work programme pane's two lists: topics grouped by meeting, and the action log.

Each list shows what it is given and declares its own verbs; the verbs run on the screen
(`screen.<action>`), so the footer shows the verbs of the list that has focus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.text import Text
from textual.binding import Binding

from store.meeting_models import Action
from store.programme_models import TOPIC_STATUS_LABELS, ProgrammeItem
from tui.widgets.fitted_table import FittedTable

TOPIC_PREFIX, MEETING_PREFIX, LIST_PREFIX = "topic:", "meeting:", "list:"


@dataclass
class Group:
    """A heading and its topics: one meeting, or one of the unscheduled lists."""

    key: str  # "meeting:<id>" or "list:<name>"
    title: str
    note: Text = field(default_factory=Text)
    items: list[ProgrammeItem] = field(default_factory=list)


def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def status_cell(item: ProgrammeItem) -> Text:
    if item.status == "considered" and item.minute_number is not None:
        return Text(f"Considered, minute {item.minute_number}", style="green")
    style = {"proposed": "dim", "on-agenda": "bold", "dropped": "dim italic"}.get(item.status, "")
    return Text(TOPIC_STATUS_LABELS[item.status], style=style)


class ProgrammeTable(FittedTable):
    COLUMNS = (("Topic", None, 2), ("Lead officer", 12, 0), ("Status", 22, 0),
               ("Actions arising", None, 1), ("Progress", None, 1))
    BINDINGS = [
        Binding("n", "screen.topic_new", "New", tooltip="Add a topic to a meeting or to a list"),
        Binding("e", "screen.topic_edit", "Edit", tooltip="Topic, list, lead officers, actions arising, progress"),
        Binding("d", "screen.topic_remove", "Remove", tooltip="Delete the topic (drop it instead to keep it on record)"),
        Binding("m", "screen.topic_move", "Move", tooltip="Move to another meeting, or back to unscheduled"),
        Binding("less_than_sign,ctrl+up", "screen.topic_step(-1)", "Earlier", key_display="<",
                tooltip="Move the topic to the previous meeting (also ctrl+up)"),
        Binding("greater_than_sign,ctrl+down", "screen.topic_step(1)", "Later", key_display=">",
                tooltip="Move the topic to the next meeting (also ctrl+down)"),
        Binding("g", "screen.topic_agenda", "Agenda", tooltip="Put the scheduled topic on its meeting's agenda"),
        Binding("x", "screen.topic_drop", "Drop", tooltip="Drop the topic, or take a dropped one back"),
    ]

    def show_groups(self, groups: list[Group], select: str | None = None) -> None:
        rows = []
        for group in groups:
            rows.append((group.key, [Text(group.title, style="bold"), "", group.note, "", ""]))
            for item in group.items:
                dropped = item.status == "dropped"
                rows.append((f"{TOPIC_PREFIX}{item.id}", [
                    Text("  " + item.topic, style="dim strike" if dropped else ""),
                    item.lead_officer_text,
                    status_cell(item),
                    item.actions_arising or "",
                    item.progress or "",
                ]))
        self.show_rows(rows, select=select)

    def selected_topic_id(self) -> int | None:
        key = self.selected_key()
        return int(key.removeprefix(TOPIC_PREFIX)) if key and key.startswith(TOPIC_PREFIX) else None

    def selected_group(self) -> str | None:
        """The key of the group the cursor is in (its heading, or one of its topics)."""
        keys = self.keys
        key = self.selected_key()
        if key is None:
            return None
        for index in range(keys.index(key), -1, -1):
            if not keys[index].startswith(TOPIC_PREFIX):
                return keys[index]
        return None


ACTION_STATUS_STYLES = {"open": "", "done": "green", "dropped": "dim italic"}


class ActionLog(FittedTable):
    COLUMNS = (("Minute", 6, 0), ("Action", None, 5), ("Owner", 16, 0), ("Target meeting", 14, 0),
               ("Status", 14, 0), ("Progress", None, 4))
    BINDINGS = [
        Binding("s", "screen.action_status", "Status", tooltip="Open → done → dropped → open"),
        Binding("p", "screen.action_progress", "Progress", tooltip="Write the progress notes of the action"),
    ]

    def show_actions(self, log: list[tuple[Action, int | None]], today: date) -> int:
        """Show the log; returns how many actions are overdue (target meeting passed, still open)."""
        rows, overdue = [], 0
        for action, number in log:
            late = action.status == "open" and action.target_date is not None and action.target_date < today
            overdue += late
            status = Text("open — overdue", style="bold red") if late else \
                Text(action.status, style=ACTION_STATUS_STYLES.get(action.status, ""))
            target = Text(short_day(action.target_date), style="red" if late else "") if action.target_date \
                else Text("—", style="dim")
            rows.append((str(action.id), [
                str(number) if number is not None else Text("—", style="dim"),
                action.description, action.owner or "", target, status, action.progress or "",
            ]))
        self.show_rows(rows)
        return overdue

    def selected_action_id(self) -> int | None:
        key = self.selected_key()
        return int(key) if key else None
