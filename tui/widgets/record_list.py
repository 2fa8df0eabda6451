"""A list of stored records: one row per record, keyed by its id, columns fitted to the width."""

from __future__ import annotations

from typing import ClassVar, Sequence

from tui.widgets.keyed_table import Cell, KeyedTable, fitted_cell

Row = tuple[int, Sequence[Cell]]


class RecordList(KeyedTable):
    """Rows are shown as given (`show`) and never parsed as markup.

    Subclasses set `COLUMNS`: (label, widest) pairs, where `widest` caps a column that can
    grow long (None: no cap). Columns are fitted to the widget's width, long cells end
    with an ellipsis, so the table never needs sideways scrolling.
    """

    COLUMNS: ClassVar[tuple[tuple[str, int | None], ...]] = ()
    NARROWEST = 6

    # data down ----------------------------------------------------------------
    def show(self, rows: Sequence[Row], *, select: int | None = None, empty: str = "", count: str = "") -> None:
        """Show `rows`; keep the cursor on `select`, else on the record it was on."""
        self._show_keyed(rows, select if select is not None else self.selected_id())
        self.border_subtitle = count if self._rows else empty

    def selected_id(self) -> int | None:
        key = self._cursor_key()
        return int(key) if key is not None else None

    def select(self, record_id: int) -> None:
        """Put the cursor on a record, if it is shown."""
        ids = self.ids
        if record_id in ids:
            self.move_cursor(row=ids.index(record_id))

    @property
    def ids(self) -> list[int]:
        return self._keys()

    # drawing ------------------------------------------------------------------
    def _labels(self) -> list[str]:
        return [label for label, _ in self.COLUMNS]

    def _widths(self) -> list[int]:
        widths = []
        for index, (label, widest) in enumerate(self.COLUMNS):
            longest = max([len(label), *(fitted_cell(cells[index]).cell_len for _, cells in self._rows)])
            widths.append(min(longest, widest) if widest else longest)
        width = self.size.width
        scrollbar = self.styles.scrollbar_size_vertical if len(self._rows) + 1 > self.size.height else 0
        if width:
            self._narrow(widths, width - 2 * self.cell_padding * len(widths) - scrollbar)
        return widths

    def _narrow(self, widths: list[int], room: int) -> None:
        """Take columns in until they fit `room`: the widest first, none below NARROWEST."""
        while sum(widths) > room:
            widest = max(range(len(widths)), key=widths.__getitem__)
            if widths[widest] <= self.NARROWEST:
                break
            widths[widest] -= 1
