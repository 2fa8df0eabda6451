"""Members' attendance in a municipal year (t in the Members pane); [ and ] change the year.

The dialog shows what it is given: the screen passes a function that reads one year's
figures from the store (store.attendance_stats), and the dialog asks it again for another year.
"""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from store.attendance_stats import AttendanceYear
from store.exports.attendance import HEADER, meetings_line, rows

NOT_RECORDED = ("Not recorded: meetings held with no attendance recorded; they are not counted as absences. "
                "Substitutes and standing invitees hold no seat, so nobody expects them.")


class AttendanceStatsDialog(ModalScreen[None]):
    CSS = """
    AttendanceStatsDialog #dialog.attendance-stats {
        width: 112;
    }
    AttendanceStatsDialog DataTable {
        height: auto;
        max-height: 20;
        margin-top: 1;
    }
    AttendanceStatsDialog #attendance-note {
        margin-top: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("t", "dismiss", "Close", show=False),
        Binding("left_square_bracket", "year(-1)", "Prev year", key_display="["),
        Binding("right_square_bracket", "year(1)", "Next year", key_display="]"),
    ]

    def __init__(self, year: int, load: Callable[[int], AttendanceYear]) -> None:
        super().__init__()
        self.year = year
        self.load = load

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog attendance-stats"):
            yield Static("", id="attendance-title", classes="dialog-title", markup=False)
            yield Static("", id="attendance-meetings", markup=False)
            yield DataTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
            yield Static(NOT_RECORDED, id="attendance-note", classes="field-help", markup=False)
            yield Static("[ and ] change the year. Escape closes.", classes="field-help", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in HEADER:
            table.add_column(Text(label))
        self.show_year()
        table.focus()

    def action_year(self, delta: int) -> None:
        self.year += delta
        self.show_year()

    def show_year(self) -> None:
        report = self.load(self.year)
        self.query_one("#attendance-title", Static).update(f"Attendance {report.label}: {report.committee}")
        self.query_one("#attendance-meetings", Static).update(meetings_line(report))
        table = self.query_one(DataTable)
        table.clear()
        for row in rows(report):
            name, role, *counts = row  # counts right-aligned under their headings
            table.add_row(Text(name), Text(role), *(Text(count.rjust(len(label)))
                                                    for count, label in zip(counts, HEADER[2:])))
        if not report.members:
            table.add_row(Text("No member held a seat in the year.", style="dim"), *([""] * (len(HEADER) - 1)))
