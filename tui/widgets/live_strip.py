"""The strip above every meeting pane: item being taken, next minute number, clock, quorum."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from rich.text import Text
from textual.widgets import Static

from store.meeting_models import Minute, QuorumState


class LiveStrip(Static):
    TITLE_WIDTH = 44  # at most, in characters: less when the strip is narrower

    def __init__(self, now: Callable[[], datetime], **kwargs) -> None:
        super().__init__(**kwargs)
        self.now = now
        self._state: tuple[Minute | None, int | None, QuorumState | None, int] = (None, None, None, 0)

    def on_mount(self) -> None:
        self.set_interval(1.0, self._redraw)

    def on_resize(self) -> None:
        self._redraw()  # the title's room changes with the width

    def show(self, minute: Minute | None, next_number: int | None, quorum: QuorumState | None, items: int) -> None:
        self._state = (minute, next_number, quorum, items)
        self._redraw()

    def _redraw(self) -> None:
        minute, next_number, quorum, items = self._state
        tail = Text()  # what follows the item: it always shows whole; the item's title gives way
        if minute is not None and minute.confirmed:
            tail.append("  (confirmed)", style="italic")
        if next_number is not None:
            tail.append(f"  │ next minute {next_number}")
        tail.append(f"  │ {self.now():%H:%M:%S}")
        if quorum is not None:
            tail.append("  │ ")
            style = "bold green" if quorum.quorate else "bold reverse red"
            label = "quorate" if quorum.quorate else "INQUORATE"
            tail.append(f" {quorum.present} present, {quorum.required} needed · {label} ", style=style)
        text = Text()
        if minute is None:
            text.append(" No item being taken" if items else " No minutes opened yet", style="italic")
        else:
            number = f"{minute.number}. " if minute.number is not None else ""
            text.append(f" Taking: {number}", style="bold")
            room = self.size.width - text.cell_len - tail.cell_len if self.size.width else self.TITLE_WIDTH
            width = max(min(self.TITLE_WIDTH, room), 12)
            title = minute.title if len(minute.title) <= width else minute.title[:width - 1] + "…"
            text.append(title, style="bold")
        text.append_text(tail)
        self.update(text, layout=False)  # one line always (app.tcss): the clock ticks without a layout
