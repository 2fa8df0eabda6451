"""Panes whose capability is still to be built: they say plainly what will come."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.screens.base import PaneScreen

PLANNED = {
    "agenda": (
        "Agenda",
        "The agenda builder is not built yet. It will start each agenda from the committee's "
        "standard items, offer the work programme's topics for the meeting, attach reports as "
        "lettered appendices with page ranges, and publish the agenda pack as Markdown and PDF.",
    ),
}


class PlannedPane(PaneScreen):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.PANE_TITLE, self.description = PLANNED[mode]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="pane-body"):
            yield Static(self.description, classes="planned", markup=False)
