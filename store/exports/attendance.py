"""Members' attendance in a municipal year, as a Markdown table in the house style or as CSV.

Pure functions of store.attendance_stats.AttendanceYear; the rules (who is expected, what
counts as absent) are explained there.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from store.attendance_stats import AttendanceYear, attendance_for_year
from store.errors import InvalidInput
from store.models import ROLE_LABELS

if TYPE_CHECKING:
    from store.api import Store

HEADER = ("Member", "Role", "Expected", "Attended", "Apologies", "Absent", "Substitutes sent", "Not recorded")
FORMATS = ("md", "csv")


def attendance_export(store: Store, committee_id: int, year: int, format: str = "md") -> str:
    if format not in FORMATS:
        raise InvalidInput(f"'{format}' is not an attendance format: choose md or csv.")
    report = attendance_for_year(store, committee_id, year)
    return attendance_csv(report) if format == "csv" else attendance_markdown(report)


def rows(report: AttendanceYear) -> list[tuple[str, ...]]:
    return [
        (m.name, ROLE_LABELS[m.role], str(m.expected), str(m.attended), str(m.apologies), str(m.absent),
         str(m.substitutes_sent), str(m.not_recorded))
        for m in report.members
    ]


def meetings_line(report: AttendanceYear) -> str:
    """'Meetings held: 10 November 2020 (attendance not recorded), 19 January 2021.'"""
    if not report.meetings:
        return f"No meeting of the committee was held in {report.label}."
    days = [f"{m.date.day} {m.date:%B %Y}" + ("" if m.recorded else " (attendance not recorded)")
            for m in report.meetings]
    return "Meetings held: " + ", ".join(days) + "."


def attendance_markdown(report: AttendanceYear) -> str:
    lines = [f"# {report.committee}", "", f"## Attendance {report.label}", "", meetings_line(report), ""]
    lines.append("| " + " | ".join(HEADER) + " |")
    lines.append("|---|---|" + "---:|" * (len(HEADER) - 2))
    for row in rows(report):
        lines.append("| " + " | ".join(_cell(value) for value in row) + " |")
    if not report.members:
        lines += ["", "No member held a seat on the committee in the year."]
    if any(not m.recorded for m in report.meetings):
        lines += ["", "Not recorded: meetings held with no attendance recorded in clerk. They are not "
                      "counted as absences."]
    return "\n".join(lines) + "\n"


def attendance_csv(report: AttendanceYear) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("Committee", "Municipal year", *HEADER))
    for row in rows(report):
        writer.writerow((report.committee, report.label, *row))
    return out.getvalue()


def _cell(text: str) -> str:
    """A table cell: a pipe or a line break in a name would break the table."""
    return " ".join(text.replace("|", "\\|").split())
