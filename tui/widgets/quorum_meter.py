"""The quorum meter: voting members in the room against the number the committee needs."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.meeting_models import QuorumState


class QuorumMeter(Static):
    """Shows a QuorumState; the class `-inquorate` turns it red (see attendance.tcss)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.border_title = "Quorum"
        self.state: QuorumState | None = None

    def show(self, state: QuorumState | None) -> None:
        self.state = state
        self.set_class(state is not None and not state.quorate, "-inquorate")
        self.update(self._text(state))

    @staticmethod
    def _text(state: QuorumState | None) -> Text:
        if state is None:
            return Text("No meeting chosen (ctrl+o).", style="italic")
        text = Text()
        if state.quorate:
            text.append(" QUORATE ", style="bold reverse")
        else:
            text.append(" INQUORATE ", style="bold reverse")
        text.append("  ")
        # one block per voting member: in the room, or not
        text.append("█" * state.present, style="bold")
        text.append("░" * max(state.voting_members - state.present, 0))
        text.append(f"  {state.present} of {state.voting_members} voting members in the room; {state.required} needed")
        if not state.quorate:
            text.append(f": {state.required - state.present} more to be quorate", style="bold")
        return text
