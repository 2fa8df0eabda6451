"""What every pane shares: the context strip, the footer, and reloading on context change."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.errors import ClerkError
from tui import startup
from tui.widgets.context_bar import ContextBar
from tui.widgets.pane_bar import PaneBar
from tui.widgets.pane_footer import PaneFooter

if TYPE_CHECKING:
    from tui.app import ClerkApp


class PaneScreen(Screen):
    """A pane: subclasses give `PANE_TITLE`, `compose_body()` and `refresh_pane()`."""

    PANE_TITLE = ""
    pane_mode = ""  # set by tui.panes.Pane.make
    # Another clerk may be writing to the same file: F5 shows what they have saved (so does returning to a pane).
    BINDINGS = [Binding("f5", "reload", "Refresh", show=False, id="refresh",
                        tooltip="Read the pane again from the database, with other clerks' changes")]
    app: ClerkApp

    def compose(self) -> ComposeResult:
        yield ContextBar(id="context-bar")
        yield from self.compose_body()
        yield PaneBar(self.pane_mode, id="pane-bar")
        yield PaneFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def _on_mount(self) -> None:
        self.call_after_refresh(startup.pane_made)

    _showing = False  # from a resume to the next suspend
    _shown_state: tuple | None = None  # what the pane showed when it last read the store

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (and stands for this class's on_screen_resume: Textual
        # calls one of the two per class). Textual restyles every widget of a screen that comes
        # back, which empties the tables' rendered lines: most of the cost of switching panes. A
        # hidden pane's styles cannot go stale: class changes restyle at once, and switch_mode
        # refreshes the CSS itself when the theme or the stylesheet changed meanwhile.
        event.refresh_styles = False
        # Textual resumes a mode's screen twice when it is first made: read the store once.
        if not self._showing:
            self._showing = True
            self.bring_up_to_date()

    def on_screen_suspend(self) -> None:
        self._showing = False

    def bring_up_to_date(self) -> None:
        """Returning to a pane shows other clerks' changes, and reads the store only if there are any."""
        if self._shown_state != self._state_now():
            self.reload()

    def _state_now(self) -> tuple:
        app = self.app
        return app.committee_id, app.meeting_id, app.minute_id, app.today(), app.store.change_stamp()

    def reload(self) -> None:
        """Show the app's current committee and meeting."""
        app = self.app
        others_before, _ = app.store.change_stamp()
        committee = app.current_committee()
        meeting = app.current_meeting()
        year = app.current_year()
        self.query_one(ContextBar).show(self.PANE_TITLE, committee, meeting, year)
        self.refresh_pane()
        # Other clerks' commits counted from before reading, the pane's own writes after.
        *context, (_, own) = self._state_now()
        self._shown_state = (*context, (others_before, own))

    def refresh_pane(self) -> None:
        """Reload the pane's own widgets from the store."""

    def action_reload(self) -> None:
        self.reload()

    def run_store(self, call, *args, success: str | None = None, **kwargs):
        """Call the store; show a ClerkError to the clerk instead of raising it."""
        try:
            result = call(*args, **kwargs)
        except ClerkError as error:
            self.notify(str(error), severity="error", markup=False)
            return None
        if success:
            self.notify(success, markup=False)
        return result

    @classmethod
    def help_sections(cls) -> list[tuple[str, list]]:
        """(title, bindings) for the help screen; a pane whose lists have keys of their own adds them."""
        own = cls.__dict__.get("BINDINGS", [])
        return [(f"{cls.PANE_TITLE} pane", own)] if own else []

    def pane_commands(self) -> Iterable[SystemCommand]:
        """The pane's verbs for the command palette, taken from its key bindings."""
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                yield SystemCommand(
                    f"{self.PANE_TITLE}: {binding.description}",
                    binding.tooltip or f"Key {binding.key}",
                    partial(self.run_action, binding.action),
                )
