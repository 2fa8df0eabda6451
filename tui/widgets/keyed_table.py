"""The rows both kinds of list share: (key, cells) pairs shown in one go, fitted to the width.

RecordList (rows keyed by record id, columns as wide as their cells up to a cap) and
FittedTable (rows keyed by text, columns sharing out the width) differ only in how they size
their columns and name their keys; filling, refilling on resize, keeping the cursor on its
row and cutting cells with '…' are here.
"""

from __future__ import annotations

from typing import Hashable, Sequence

from rich.text import Text
from textual import events

from tui.widgets.quick_table import QuickTable

Cell = str | Text


class KeyedTable(QuickTable):
    """Subclasses say what their columns are called (`_labels`) and how wide (`_widths`)."""

    def __init__(self, *, title: str = "", id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self._rows: list[tuple[Hashable, Sequence[Cell]]] = []

    def _labels(self) -> list[str]:
        raise NotImplementedError

    def _widths(self) -> list[int]:
        raise NotImplementedError

    def _show_keyed(self, rows: Sequence[tuple[Hashable, Sequence[Cell]]], wanted: Hashable | None) -> None:
        """Show `rows`; the cursor goes to the row keyed `wanted`, else stays where it was."""
        previous = self.cursor_row
        rows = list(rows)
        # Refilling repaints the whole table: only when it shows something else. Text's own
        # equality leaves out its base style, so a row that only turns dim would be missed.
        if _looks(rows) != _looks(self._rows):
            self._rows = rows
            self._fill()
        keys = self._keys()
        if wanted in keys:
            self.move_cursor(row=keys.index(wanted))
        elif keys:
            self.move_cursor(row=min(max(previous, 0), len(keys) - 1))

    def _keys(self) -> list:
        return [key for key, _ in self._rows]

    def _cursor_key(self) -> str | None:
        """The key of the row under the cursor, as text."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _fill(self) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        for label, width in zip(self._labels(), self._widths()):
            self.add_column(label, width=width)
        for key, cells in self._rows:
            self.add_row(*(fitted_cell(value) for value in cells), key=str(key))
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1), scroll=False)
        self.settle()

    def on_resize(self, event: events.Resize) -> None:
        self._fill()


def _looks(rows: Sequence[tuple[Hashable, Sequence[Cell]]]) -> list:
    """Rows as they would be drawn: every cell's words, base style and spans."""
    return [(key, [(cell.plain, str(cell.style), cell.spans) if isinstance(cell, Text) else cell for cell in cells])
            for key, cells in rows]


def fitted_cell(value: Cell) -> Text:
    """Database text as a plain Text (never markup), cut with an ellipsis when too long."""
    text = value.copy() if isinstance(value, Text) else Text(str(value))
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text
