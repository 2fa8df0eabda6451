"""Minutes pane (being built)."""

from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen


class MinutesScreen(LivePaneScreen):
    PANE_TITLE = "Minutes"
    BINDINGS = [*LIVE_BINDINGS]
