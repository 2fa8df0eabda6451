"""Every key of the app and of each pane, read from the bindings themselves."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close"), Binding("f1", "dismiss", "Close", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="dialog help"):
            yield Static(self._keys(), id="help-keys")

    def _keys(self) -> Text:
        from tui.app import ClerkApp
        from tui.panes import PANES

        text = Text()
        self._section(text, "Everywhere", ClerkApp.BINDINGS)
        text.append(f"  {'ctrl+p':<12}The command palette: every verb by name\n")
        text.append(f"  {'ctrl+q':<12}Quit (everything is already saved)\n")
        for pane in PANES:
            help_sections = getattr(pane.screen_class, "help_sections", None)
            for title, bindings in help_sections() if help_sections else ():
                self._section(text, f"{title} ({pane.key})", bindings)
        self._section(text, "In a form", [Binding("ctrl+s", "", "Save"), Binding("escape", "", "Cancel"),
                                           Binding("tab", "", "Next field")])
        text.append("\nEscape closes this screen.", style="italic")
        return text

    @staticmethod
    def _section(text: Text, title: str, bindings) -> None:
        text.append(f"\n{title}\n", style="bold")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                text.append(f"  {binding.key_display or binding.key:<12}{binding.description}")
                if binding.tooltip:
                    text.append(f" — {binding.tooltip}", style="dim")
                text.append("\n")
