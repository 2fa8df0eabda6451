"""What every pane shares: the context strip, the footer, and reloading on context change."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.errors import ClerkError
from tui.widgets.context_bar import ContextBar
from tui.widgets.pane_bar import PaneBar
from tui.widgets.pane_footer import PaneFooter

if TYPE_CHECKING:
    from tui.app import ClerkApp


class PaneScreen(Screen):
    """A pane: subclasses give `PANE_TITLE`, `compose_body()` and `refresh_pane()`."""

    PANE_TITLE = ""
    # Another clerk may be writing to the same file: F5 shows what they have saved (so does returning to a pane).
    BINDINGS = [Binding("f5", "reload", "Refresh", show=False, id="refresh",
                        tooltip="Read the pane again from the database, with other clerks' changes")]
    app: ClerkApp

    def compose(self) -> ComposeResult:
        yield ContextBar(id="context-bar")
        yield from self.compose_body()
        yield PaneBar(id="pane-bar")
        yield PaneFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    _showing = False  # from a resume to the next suspend

    def on_screen_resume(self) -> None:
        # Textual resumes a mode's screen twice when it is first made: read the store once.
        if not self._showing:
            self._showing = True
            self.reload()

    def on_screen_suspend(self) -> None:
        self._showing = False

    def reload(self) -> None:
        """Show the app's current committee and meeting."""
        app = self.app
        committee = app.current_committee()
        meeting = app.current_meeting()
        year = app.current_year()
        self.query_one(ContextBar).show(self.PANE_TITLE, committee, meeting, year)
        self.query_one(PaneBar).show(app.current_mode)
        self.refresh_pane()

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
