"""Resolutions pane (being built)."""

from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen


class ResolutionsScreen(LivePaneScreen):
    PANE_TITLE = "Resolutions"
    BINDINGS = [*LIVE_BINDINGS]
