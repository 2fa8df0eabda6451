"""The strip above every meeting pane: item being taken, next minute number, clock, quorum."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from rich.text import Text
from textual.widgets import Static

from store.meeting_models import Minute, QuorumState


class LiveStrip(Static):
    TITLE_WIDTH = 44  # at most, in characters: less when the strip is narrower
    NARROWEST_TITLE = 12

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
        # What follows the item, each part ranked by when it gives way on a narrow terminal: the
        # confirmed mark (1), the clock (2), the next minute number (3); the quorum (0) never does.
        # The parts shown show whole; the item's title is cut to the room they leave.
        parts: list[tuple[int, Text]] = []
        if minute is not None and minute.confirmed:
            parts.append((1, Text("  (confirmed)", style="italic")))
        if next_number is not None:
            parts.append((3, Text(f"  │ next minute {next_number}")))
        parts.append((2, Text(f"  │ {self.now():%H:%M:%S}")))
        if quorum is not None:
            style = "bold green" if quorum.quorate else "bold reverse red"
            label = "quorate" if quorum.quorate else "INQUORATE"
            parts.append((0, Text.assemble("  │ ", (f" {quorum.present} present, {quorum.required} needed · {label} ",
                                                  style))))
        text = Text()
        if minute is None:
            text.append(" No item being taken" if items else " No minutes opened yet", style="italic")
        else:
            number = f"{minute.number}. " if minute.number is not None else ""
            text.append(f" Taking: {number}", style="bold")
        width = self.size.width
        if width:
            fewest = text.cell_len + (self.NARROWEST_TITLE if minute is not None else 0)
            for rank in (1, 2, 3):
                if fewest + sum(part.cell_len for _, part in parts) <= width:
                    break
                parts = [(order, part) for order, part in parts if order != rank]
        tail = Text().join(part for _, part in parts)
        if minute is not None:
            room = width - text.cell_len - tail.cell_len if width else self.TITLE_WIDTH
            title_width = max(min(self.TITLE_WIDTH, room), self.NARROWEST_TITLE)
            title = minute.title if len(minute.title) <= title_width else minute.title[:title_width - 1] + "…"
            text.append(title, style="bold")
        text.append_text(tail)
        self.update(text, layout=False)  # one line always (app.tcss): the clock ticks without a layout
