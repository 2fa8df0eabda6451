"""A table whose columns share out the widget's width: no sideways scrolling, long cells cut with '…'."""

from __future__ import annotations

from typing import ClassVar, Sequence

from rich.text import Text

from tui.widgets.keyed_table import KeyedTable

Row = tuple[str, Sequence[Text | str]]


class FittedTable(KeyedTable):
    """Rows are (key, cells); cells are shown as plain Text, never parsed as markup.

    `COLUMNS` holds (label, width, share): a column with a width keeps it; the others divide
    what is left in proportion to their share (never narrower than `NARROWEST`).
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None, int], ...]] = ()
    NARROWEST = 8

    def show_rows(self, rows: Sequence[Row], select: str | None = None) -> None:
        """Show `rows`; the cursor goes to `select`, else stays on the row it was on."""
        self._show_keyed(rows, select if select is not None else self.selected_key())

    @property
    def keys(self) -> list[str]:
        return self._keys()

    def selected_key(self) -> str | None:
        return self._cursor_key()

    def _labels(self) -> list[str]:
        return [label for label, _, _ in self.COLUMNS]

    def _widths(self) -> list[int]:
        scrollbar = self.styles.scrollbar_size_vertical if len(self._rows) + 1 > self.size.height else 0
        room = self.size.width - 2 * self.cell_padding * len(self.COLUMNS) - scrollbar
        room -= sum(width for _, width, _ in self.COLUMNS if width)
        shares = sum(share for _, width, share in self.COLUMNS if not width) or 1
        return [
            width if width else max(self.NARROWEST, room * share // shares)
            for _, width, share in self.COLUMNS
        ]
