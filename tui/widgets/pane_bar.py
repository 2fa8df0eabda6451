"""The line above the footer: every pane's key, this pane's lit."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class PaneBar(Static):
    def __init__(self, lit_mode: str, **kwargs) -> None:
        super().__init__(_keys(lit_mode), **kwargs)


def _keys(lit_mode: str) -> Text:
    from tui.panes import PANES

    text = Text()
    for pane in PANES:
        lit = pane.mode == lit_mode
        text.append(pane.key, style="bold reverse" if lit else "bold")
        text.append(f" {pane.title}", style="bold reverse" if lit else "")
        text.append("  ")
    return text
