"""What the four meeting panes share: the live strip and moving through the items being taken."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding

from store.meeting_models import Minute
from tui.screens.base import PaneScreen
from tui.widgets.context_bar import ContextBar
from tui.widgets.live_strip import LiveStrip
from tui.widgets.pane_bar import PaneBar
from tui.widgets.pane_footer import PaneFooter

# F7/F8 work everywhere, even while typing notes; they move the item being taken.
LIVE_BINDINGS = [
    Binding("f7", "item(-1)", "Prev item", priority=True, tooltip="Take the previous item"),
    Binding("f8", "item(1)", "Next item", priority=True, tooltip="Take the next item"),
]


class LivePaneScreen(PaneScreen):
    """A meeting pane: subclasses add their own BINDINGS after LIVE_BINDINGS."""

    def compose(self) -> ComposeResult:
        yield ContextBar(id="context-bar")
        yield LiveStrip(self.app.now, id="live-strip")
        yield from self.compose_body()
        yield PaneBar(self.pane_mode, id="pane-bar")
        yield PaneFooter()

    def reload(self) -> None:
        super().reload()
        self.refresh_strip()

    def refresh_strip(self) -> None:
        app = self.app
        meeting = app.current_meeting()
        strip = self.query_one(LiveStrip)
        if meeting is None:
            strip.show(None, None, None, 0)
            return
        store = app.store
        minutes = store.minutes.list_for(meeting.id)
        taking = app.current_minute()
        strip.show(
            taking,
            store.minutes.next_number(meeting.id),
            # The room while this item is taken: a member who withdrew for it is out.
            store.attendance.quorum(meeting.id, taking.id if taking else None),
            len(minutes),
        )

    def action_item(self, delta: int) -> None:
        minute = self.app.step_minute(delta)
        if minute is None:
            self.notify("No minutes are open for this meeting yet: press 5 for Minutes, then t.", severity="warning")
        self.reload()

    def current_minute(self) -> Minute | None:
        return self.app.current_minute()
