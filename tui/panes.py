"""The nine panes, each one key away (design.md, "The panes").

A pane's module is imported when the pane is first shown (Textual makes a mode's screen
only then too), so the app starts with the code of its first pane only.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from textual.screen import Screen


@dataclass(frozen=True)
class Pane:
    key: str
    mode: str
    title: str
    screen: str  # "module:ClassName" of its screen

    @property
    def screen_class(self) -> type[Screen]:
        module, name = self.screen.split(":")
        return getattr(import_module(module), name)

    def make(self) -> Screen:
        screen = self.screen_class()
        screen.pane_mode = self.mode
        return screen


PANES = (
    Pane("1", "meetings", "Meetings", "tui.screens.meetings:MeetingsScreen"),
    Pane("2", "agenda", "Agenda", "tui.screens.agenda:AgendaScreen"),
    Pane("3", "attendance", "Attendance", "tui.screens.attendance:AttendanceScreen"),
    Pane("4", "declarations", "Declarations", "tui.screens.declarations:DeclarationsScreen"),
    Pane("5", "minutes", "Minutes", "tui.screens.minutes:MinutesScreen"),
    Pane("6", "resolutions", "Resolutions", "tui.screens.resolutions:ResolutionsScreen"),
    Pane("7", "programme", "Work programme", "tui.screens.programme:ProgrammeScreen"),
    Pane("8", "search", "Search", "tui.screens.search:SearchScreen"),
    Pane("9", "members", "Members", "tui.screens.members:MembersScreen"),
)
PANE_BY_MODE = {pane.mode: pane for pane in PANES}
