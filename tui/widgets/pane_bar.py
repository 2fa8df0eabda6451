"""The line above the footer: every pane's key, the current one lit."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class PaneBar(Static):
    def show(self, current_mode: str) -> None:
        from tui.panes import PANES

        text = Text()
        for pane in PANES:
            lit = pane.mode == current_mode
            text.append(pane.key, style="bold reverse" if lit else "bold")
            text.append(f" {pane.title}", style="bold reverse" if lit else "")
            text.append("  ")
        self.update(text)
