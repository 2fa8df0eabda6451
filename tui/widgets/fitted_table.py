"""A DataTable whose columns share out the widget's width: no sideways scrolling, long cells cut with '…'."""

from __future__ import annotations

from typing import ClassVar, Sequence

from rich.text import Text
from textual import events
from tui.widgets.quick_table import QuickTable

Row = tuple[str, Sequence[Text | str]]


class FittedTable(QuickTable):
    """Rows are (key, cells); cells are shown as plain Text, never parsed as markup.

    `COLUMNS` holds (label, width, share): a column with a width keeps it; the others divide
    what is left in proportion to their share (never narrower than `NARROWEST`).
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None, int], ...]] = ()
    NARROWEST = 8

    def __init__(self, *, title: str = "", id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.border_title = title
        self._rows: list[Row] = []

    def show_rows(self, rows: Sequence[Row], select: str | None = None) -> None:
        """Show `rows`; the cursor goes to `select`, else stays on the row it was on."""
        wanted = select if select is not None else self.selected_key()
        previous = self.cursor_row
        rows = list(rows)
        if rows != self._rows:  # refilling repaints the whole table: only when it shows something else
            self._rows = rows
            self._fill()
        keys = self.keys
        if wanted in keys:
            self.move_cursor(row=keys.index(wanted))
        elif keys:
            self.move_cursor(row=min(max(previous, 0), len(keys) - 1))

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self._rows]

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _fill(self) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        for (label, _, _), width in zip(self.COLUMNS, self._widths()):
            self.add_column(label, width=width)
        for key, cells in self._rows:
            self.add_row(*(_cell(value) for value in cells), key=key)
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1), scroll=False)
        self.settle()

    def _widths(self) -> list[int]:
        scrollbar = self.styles.scrollbar_size_vertical if len(self._rows) + 1 > self.size.height else 0
        room = self.size.width - 2 * self.cell_padding * len(self.COLUMNS) - scrollbar
        room -= sum(width for _, width, _ in self.COLUMNS if width)
        shares = sum(share for _, width, share in self.COLUMNS if not width) or 1
        return [
            width if width else max(self.NARROWEST, room * share // shares)
            for _, width, share in self.COLUMNS
        ]

    def on_resize(self, event: events.Resize) -> None:
        self._fill()


def _cell(value: Text | str) -> Text:
    text = value.copy() if isinstance(value, Text) else Text(str(value))
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text
