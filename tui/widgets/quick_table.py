"""A DataTable of one-line Text cells that draws its rows itself.

DataTable renders every cell through Rich (Styled(Padding(cell)) and console.render_lines),
which costs about a millisecond a row: a 13-row list took 15 ms to paint each time it showed
new rows, most of the time it took to open a meeting's minutes. A one-line cell needs none
of that: its Text is cut to the column, padded and styled here, in a few microseconds.
Everything else (the rows, the cursor, keys, mouse, messages) stays DataTable's own.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable


class QuickTable(DataTable):
    """Rows of height 1 whose cells are Text (RecordList and FittedTable make them so)."""

    def settle(self) -> None:
        """Size the table for the rows just added now rather than when it is next idle: the
        next paint then draws them once, instead of drawing the screen, laying it out again
        and drawing the rows a second time."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    # DataTable works out its own style (walking up the DOM) for every line, and each row's
    # zebra style for every row: once per paint is enough.
    def render_lines(self, crop):
        self._paint_styles: dict[object, Style] | None = {}
        try:
            return super().render_lines(crop)
        finally:
            self._paint_styles = None

    @property
    def rich_style(self) -> Style:
        styles = getattr(self, "_paint_styles", None)
        if styles is None:
            return super().rich_style
        if "widget" not in styles:
            styles["widget"] = super().rich_style
        return styles["widget"]

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        styles = getattr(self, "_paint_styles", None)
        if styles is None:
            return super()._get_row_style(row_index, base_style)
        kind = "header" if row_index == -1 else "fixed" if row_index < self.fixed_rows else row_index % 2
        key = ("row", kind, base_style)
        if key not in styles:
            styles[key] = super()._get_row_style(row_index, base_style)
        return styles[key]

    def _render_line_in_row(self, row_key, line_no: int, base_style: Style, cursor_location: Coordinate,
                            hover_location: Coordinate):
        if self._labelled_row_exists or self.fixed_columns or self.cursor_type != "row" or line_no:
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        cache_key = (row_key, line_no, base_style, cursor_location, hover_location, self.cursor_type,
                     self.show_cursor, self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        header = row_key is self._header_row_key
        row_index = -1 if header else self._row_locations.get(row_key)
        if not header and self.rows[row_key].height != 1:
            return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        cursor = row_index == cursor_location.row
        hover = row_index == hover_location.row
        component_style, post_style = self._get_styles_to_render_cell(
            header, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        row_style = self._get_row_style(row_index, base_style)
        cells = self._get_row_renderables(row_index).cells
        scrollable = []
        for column_index, (column, cell) in enumerate(zip(self.ordered_columns, cells)):
            width = column.get_render_width(self)
            if not isinstance(cell, Text) or "\n" in cell.plain or "\t" in cell.plain or cell.justify not in (
                    None, "default", "left"):
                scrollable.append(self._render_cell(row_index, column_index, row_style, width, cursor, hover)[0])
                continue
            meta = Style.from_meta({"row": row_index, "column": column_index})
            scrollable.append(self._cell_line(cell, width, row_style + meta + component_style, post_style))
        table_width = sum(column.get_render_width(self) for column in self.ordered_columns)
        extend_style = row_style + component_style + Style.from_meta(
            {"row": row_index, "column": 0, "out_of_bounds": True})
        scrollable.append([Segment(" " * max(0, self.size.width - table_width), extend_style)])
        row_pair = ([], scrollable)
        self._row_render_cache[cache_key] = row_pair
        return row_pair

    def _cell_line(self, cell: Text, width: int, style: Style, post_style: Style) -> list[Segment]:
        """One cell as Rich would draw it: padded both sides, cut with '…' if too long."""
        padding = self.cell_padding
        inner = max(0, width - 2 * padding)
        if cell.cell_len > inner:
            cell = cell.copy()
            cell.truncate(inner, overflow=cell.overflow or "ellipsis")
        console = self.app.console
        words = cell.render(console)
        if cell.style:  # render() leaves the Text's own style to the caller, as Rich's wrap would
            words = Segment.apply_style(words, console.get_style(cell.style))
        line = [Segment(" " * padding), *words, Segment(" " * (inner - cell.cell_len + padding))]
        return list(Segment.apply_style(line, style, post_style))
