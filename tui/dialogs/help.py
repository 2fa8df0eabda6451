"""Every key of the app and of each pane, read from the bindings themselves.

`help_sections()` is what the F1 screen lists; scripts/readme_reference.py writes README.md's key
reference from it too, so the two never differ.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

Row = tuple[str, str, "str | None"]  # (key as shown, what it does, the longer words or None)

# The keys the help screen names in words: they are Textual's own or every form's, not clerk's bindings.
PALETTE_AND_QUIT: list[Row] = [("ctrl+p", "The command palette: every verb by name", None),
                               ("ctrl+q", "Quit (everything is already saved)", None)]
FORM_KEYS: list[Row] = [("ctrl+s", "Save", None), ("escape", "Cancel", None), ("tab", "Next field", None)]
KEY_WIDTH = 12  # the key column; a longer key gets two spaces after it


def help_sections() -> list[tuple[str, list[Row]]]:
    """(title, rows) in the order the F1 screen shows them: everywhere, each pane's, then forms."""
    from tui.app import ClerkApp
    from tui.panes import PANES
    from tui.screens.base import PaneScreen

    # F5 is every pane's (PaneScreen), not the app's, but it works on every pane alike.
    sections = [("Everywhere", rows(ClerkApp.BINDINGS) + rows(PaneScreen.BINDINGS) + PALETTE_AND_QUIT)]
    for pane in PANES:
        pane_sections = getattr(pane.screen_class, "help_sections", None)
        for title, bindings in pane_sections() if pane_sections else ():
            sections.append((f"{title} ({pane.key})", rows(bindings)))
    sections.append(("In a form", FORM_KEYS))
    return sections


def rows(bindings) -> list[Row]:
    """A row for each binding that has words, but one row for a ctrl+up / ctrl+down pair.

    The footer shows such a pair as one key ("^↑↓ Order"), with the second binding hidden; here
    each key is named once, in full: "ctrl+↑ / ctrl+↓  Take the item earlier / later".
    """
    bindings = [b for b in bindings if isinstance(b, Binding) and b.description]
    pairs = _ctrl_arrow_pairs(bindings)
    stood_for = _paired_away(bindings, pairs)
    found: list[Row] = []
    for binding in bindings:
        if binding.key in pairs:
            found.append(pairs[binding.key])
        elif not any(binding is other for other in stood_for):
            found.append((binding.key_display or binding.key, binding.description, binding.tooltip or None))
    return found


def _ctrl_arrow_pairs(bindings: list[Binding]) -> dict[str, Row]:
    """{"ctrl+up": its row} when ctrl+up and ctrl+down are one verb (`move(-1)` and `move(1)`)."""
    by_key = {b.key: b for b in bindings}
    up, down = by_key.get("ctrl+up"), by_key.get("ctrl+down")
    if up is None or down is None or _verb(up.action) != _verb(down.action):
        return {}
    return {"ctrl+up": ("ctrl+↑ / ctrl+↓", _both_ways(up, down), _also(bindings, up, down))}


def _paired_away(bindings: list[Binding], pairs: dict[str, Row]) -> list[Binding]:
    """The bindings a pair's row stands for: ctrl+down, and the other keys of the same two actions."""
    if not pairs:
        return []
    by_key = {b.key: b for b in bindings}
    actions = {by_key["ctrl+up"].action, by_key["ctrl+down"].action}
    return [b for b in bindings if b.action in actions and b.key != "ctrl+up"]


def _verb(action: str) -> str:
    return action.split("(", 1)[0]


def _words(binding: Binding) -> str:
    """The binding's tooltip without its "(also …)" note, else its description."""
    return re.sub(r"\s*\(also [^)]*\)\s*$", "", binding.tooltip or "").strip() or binding.description


def _both_ways(up: Binding, down: Binding) -> str:
    """One phrase for the two: "Move the item up within its part" and "Move the item down within its
    part" → "Move the item up / down within its part"; "Move the resolution up" and "Move it down" →
    "Move the resolution up / down" (the second's last differing word)."""
    first, second = _words(up).split(), _words(down).split()
    start = 0
    while start < min(len(first), len(second)) and first[start] == second[start]:
        start += 1
    end = 0
    while end < min(len(first), len(second)) - start and first[-1 - end] == second[-1 - end]:
        end += 1
    middle, other = first[start:len(first) - end], second[start:len(second) - end]
    if not middle or not other:
        return " ".join(first)
    return " ".join([*first[:start], *middle, "/", other[-1], *first[len(first) - end:]])


def _also(bindings: list[Binding], up: Binding, down: Binding) -> str | None:
    """"also [ / ]" when other keys do the same two things."""
    earlier = [b.key_display or b.key for b in bindings if b.action == up.action and b is not up]
    later = [b.key_display or b.key for b in bindings if b.action == down.action and b is not down]
    if earlier and later:
        return f"also {earlier[0]} / {later[0]}"
    return None


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close"), Binding("f1", "dismiss", "Close", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="dialog help"):
            yield Static(self._keys(), id="help-keys")

    def _keys(self) -> Text:
        return help_text()


def help_text() -> Text:
    """The F1 screen's words: each section's title, then a line for each key."""
    text = Text()
    for title, section_rows in help_sections():
        text.append(f"\n{title}\n", style="bold")
        for key, description, tooltip in section_rows:
            text.append(f"  {key:<{KEY_WIDTH}}" if len(key) < KEY_WIDTH else f"  {key}  ")
            text.append(description)
            if tooltip:
                text.append(f" — {tooltip}", style="dim")
            text.append("\n")
    text.append("\nEscape closes this screen.", style="italic")
    return text
