"""The strip above every meeting pane: item being taken, next minute number, clock, quorum."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from rich.text import Text
from textual.widgets import Static

from store.meeting_models import Minute, QuorumState


class LiveStrip(Static):
    def __init__(self, now: Callable[[], datetime], **kwargs) -> None:
        super().__init__(**kwargs)
        self.now = now
        self._state: tuple[Minute | None, int | None, QuorumState | None, int] = (None, None, None, 0)

    def on_mount(self) -> None:
        self.set_interval(1.0, self._redraw)

    def show(self, minute: Minute | None, next_number: int | None, quorum: QuorumState | None, items: int) -> None:
        self._state = (minute, next_number, quorum, items)
        self._redraw()

    def _redraw(self) -> None:
        minute, next_number, quorum, items = self._state
        text = Text()
        if minute is None:
            text.append(" No item being taken" if items else " No minutes opened yet", style="italic")
        else:
            number = f"{minute.number}. " if minute.number is not None else ""
            text.append(f" Taking: {number}", style="bold")
            title = minute.title if len(minute.title) <= 44 else minute.title[:43] + "…"
            text.append(title, style="bold")
            if minute.confirmed:
                text.append("  (confirmed)", style="italic")
        if next_number is not None:
            text.append(f"  │ next minute {next_number}")
        text.append(f"  │ {self.now():%H:%M:%S}")
        if quorum is not None:
            text.append("  │ ")
            style = "bold green" if quorum.quorate else "bold reverse red"
            label = "quorate" if quorum.quorate else "INQUORATE"
            text.append(f" {quorum.present} of {quorum.required} needed · {label} ", style=style)
        self.update(text)
