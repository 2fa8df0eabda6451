"""The nine panes, each one key away (design.md, "The panes")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual.screen import Screen

from tui.screens.agenda import AgendaScreen
from tui.screens.attendance import AttendanceScreen
from tui.screens.declarations import DeclarationsScreen
from tui.screens.meetings import MeetingsScreen
from tui.screens.members import MembersScreen
from tui.screens.minutes import MinutesScreen
from tui.screens.programme import ProgrammeScreen
from tui.screens.resolutions import ResolutionsScreen
from tui.screens.search import SearchScreen


@dataclass(frozen=True)
class Pane:
    key: str
    mode: str
    title: str
    make: Callable[[], Screen]


PANES = (
    Pane("1", "meetings", "Meetings", MeetingsScreen),
    Pane("2", "agenda", "Agenda", AgendaScreen),
    Pane("3", "attendance", "Attendance", AttendanceScreen),
    Pane("4", "declarations", "Declarations", DeclarationsScreen),
    Pane("5", "minutes", "Minutes", MinutesScreen),
    Pane("6", "resolutions", "Resolutions", ResolutionsScreen),
    Pane("7", "programme", "Work programme", ProgrammeScreen),
    Pane("8", "search", "Search", SearchScreen),
    Pane("9", "members", "Members", MembersScreen),
)
PANE_BY_MODE = {pane.mode: pane for pane in PANES}
