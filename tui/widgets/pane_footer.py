"""The footer of every pane: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys (a dozen widgets, styled and laid out afresh) every
time the screen's bindings may have changed: on every focus change and twice on every
switch back to a pane, although the keys are nearly always the same. That rebuilding was
a third of the time of switching panes (benchmarks/app_scale.py); this footer skips it when
the keys on offer are the ones it already shows.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class PaneFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown_keys: tuple | None = None

    def _keys_on_offer(self) -> tuple:
        return tuple((binding.key, binding.action, binding.description, binding.show, enabled, tooltip)
                     for _, binding, enabled, tooltip in self.screen.active_bindings.values())

    def compose(self) -> ComposeResult:
        self._shown_keys = self._keys_on_offer()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self.children and screen is self.screen and self._keys_on_offer() == self._shown_keys:
            return
        super().bindings_changed(screen)
