"""The current committee's settings at a glance (the Members pane; s changes them)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from store.dates import clock_time
from store.deadlines import HOLIDAY_REGION_LABELS
from store.models import Body, Committee, StandardItem
from store.numbering import municipal_year_label

QUORUM_SHORT = {
    "quarter-min-3": "a quarter of the voting members, at least 3",
    "third": "a third of the voting members",
    "half": "half of the voting members",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


class CommitteeSummary(Static):
    lines: list[tuple[str, str]] = []

    def show(self, committee: Committee | None, council: Body | None, items: list[StandardItem]) -> None:
        if committee is None or council is None:
            self.lines = []
            self.update(Text("No committee chosen: n in the list of committees creates one.", style="italic"))
            return
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        self.lines = _lines(committee, council, items)
        for label, value in self.lines:
            grid.add_row(label, Text(value))  # Text: the clerk's wording is never markup
        self.update(grid)


def _lines(c: Committee, council: Body, items: list[StandardItem]) -> list[tuple[str, str]]:
    quorum = QUORUM_SHORT.get(c.quorum_rule) or f"{c.quorum_number} voting members"
    days = "working days" if c.skip_weekends else "days (weekends count)"
    holidays = HOLIDAY_REGION_LABELS[c.holiday_region]
    publish = f"{c.clear_days} clear {days} before ({holidays})"
    agenda = f"set {c.agenda_setting_days} days before · " if c.agenda_setting_days else ""
    usual = " · ".join(filter(None, [clock_time(c.default_time) if c.default_time else None, c.default_place]))
    minutes = f"{c.resolution_word}: · year from {c.year_start_day} {MONTHS[c.year_start_month - 1]}"
    if c.starting_minute_number:
        year = f" in {municipal_year_label(c.starting_minute_year)}" if c.starting_minute_year else ""
        minutes += f" · numbered from {c.starting_minute_number}{year}"
    opening = sum(1 for item in items if item.placement == "opening")
    return [
        ("Council", council.name),
        ("Quorum", quorum),
        ("Publish", publish),
        ("Meetings", usual or "no usual time or place"),
        ("Minutes", minutes),
        ("Agenda", f"{agenda}{opening} opening and {len(items) - opening} closing standard items"),
        ("Interests", "; ".join(c.declaration_categories)),
    ]
