"""Attendance pane (being built)."""

from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen


class AttendanceScreen(LivePaneScreen):
    PANE_TITLE = "Attendance"
    BINDINGS = [*LIVE_BINDINGS]
