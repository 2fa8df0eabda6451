"""A pane that shows one municipal year of the current committee; [ and ] change the year."""

from __future__ import annotations

from tui.screens.base import PaneScreen


class YearPaneScreen(PaneScreen):
    def __init__(self) -> None:
        super().__init__()
        self.year: int | None = None
        self._committee_shown: int | None = None

    def follow_committee(self) -> None:
        """Start from the current meeting's year whenever the committee changes."""
        if self.app.committee_id != self._committee_shown or self.year is None:
            self._committee_shown = self.app.committee_id
            self.year = self.app.current_year()

    def action_year(self, delta: int) -> None:
        if self.year is not None:
            self.year += delta
            self.show_year()

    def show_year(self) -> None:
        """Redraw for a new `self.year`."""
        self.refresh_pane()
