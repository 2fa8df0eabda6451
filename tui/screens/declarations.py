"""Declarations pane (being built)."""

from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen


class DeclarationsScreen(LivePaneScreen):
    PANE_TITLE = "Declarations"
    BINDINGS = [*LIVE_BINDINGS]
