"""The nine panes, each one key away (design.md, "The panes")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

from textual.screen import Screen

from tui.screens.meetings import MeetingsScreen
from tui.screens.members import MembersScreen
from tui.screens.planned import PlannedPane


@dataclass(frozen=True)
class Pane:
    key: str
    mode: str
    title: str
    make: Callable[[], Screen]


PANES = (
    Pane("1", "meetings", "Meetings", MeetingsScreen),
    Pane("2", "agenda", "Agenda", partial(PlannedPane, "agenda")),
    Pane("3", "attendance", "Attendance", partial(PlannedPane, "attendance")),
    Pane("4", "declarations", "Declarations", partial(PlannedPane, "declarations")),
    Pane("5", "minutes", "Minutes", partial(PlannedPane, "minutes")),
    Pane("6", "resolutions", "Resolutions", partial(PlannedPane, "resolutions")),
    Pane("7", "programme", "Work programme", partial(PlannedPane, "programme")),
    Pane("8", "search", "Search", partial(PlannedPane, "search")),
    Pane("9", "members", "Members", MembersScreen),
)
PANE_BY_MODE = {pane.mode: pane for pane in PANES}
