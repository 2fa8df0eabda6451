"""The Resolutions pane's lists: a minute's resolutions and actions, and the log across meetings.

They show what they are given; the screen (tui/screens/resolutions.py) calls the store.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from store.meeting_models import Action, Resolution
from tui.widgets.record_list import RecordList


def day(value: date | None) -> Text:
    return Text(f"{value.day} {value:%b %Y}") if value else Text("—", style="dim")


class ResolutionList(RecordList):
    COLUMNS = (("No.", 4), ("Resolution", None), ("Actions", 7))

    def show_resolutions(self, resolutions: list[Resolution], actions: dict[int, int], can_add: bool,
                         select: int | None = None) -> None:
        rows = [
            (r.id, [Text(f"{r.position:>2})", style="bold"), Text(r.text),
                    Text(f"{actions.get(r.id) or '·':>7}", style="" if actions.get(r.id) else "dim")])
            for r in resolutions
        ]
        empty = "none yet: n adds one" if can_add else "no item being taken"
        self.show(rows, select=select, empty=empty, count=f"{len(rows)} agreed" if rows else "")


class ActionList(RecordList):
    COLUMNS = (("Action", None), ("Owner", 18), ("Target meeting", 14), ("Status", 8), ("Progress", 30))

    def show_actions(self, actions: list[Action], has_resolution: bool, select: int | None = None) -> None:
        rows = [
            (a.id, [Text(a.description), Text(a.owner or "—"), day(a.target_date),
                    Text(a.status, style="green" if a.status == "done" else ""), Text(a.progress or "")])
            for a in actions
        ]
        empty = "none: a adds one" if has_resolution else "highlight a resolution to see its actions"
        self.show(rows, select=select, empty=empty, count=f"{len(rows)} arising" if rows else "")


class DecisionList(RecordList):
    """Decisions across meetings, newest first: (meeting date, minute number, minute title, resolution)."""

    COLUMNS = (("Meeting", 11), ("Min.", 5), ("Item", 34), ("Resolution", None))

    def show_decisions(self, decisions: list[tuple]) -> None:
        rows = [
            (resolution.id, [day(date.fromisoformat(held)), Text(f"{number or '':>4}"),
                             Text(title), Text(f"{resolution.position}) {resolution.text}")])
            for held, number, title, resolution in decisions
        ]
        self.show(rows, empty="no decisions recorded yet", count=f"{len(rows)} decisions" if rows else "")


class ActionLog(RecordList):
    """The committee's open actions; the overdue ones in red."""

    COLUMNS = (("Action", None), ("Owner", 18), ("Target meeting", 14), ("", 7), ("Progress", 30))

    def show_open(self, actions: list[Action], overdue: set[int]) -> None:
        rows = []
        for action in actions:
            late = action.id in overdue
            style = "bold red" if late else ""
            rows.append((action.id, [
                Text(action.description, style=style), Text(action.owner or "—", style=style),
                Text(day(action.target_date).plain, style=style), Text("OVERDUE" if late else "", style=style),
                Text(action.progress or "", style=style),
            ]))
        count = f"{len(rows)} open" + (f", {len(overdue)} overdue" if overdue else "")
        self.show(rows, empty="no open actions", count=count if rows else "")
