"""`clerk export attendance`: members' attendance in a municipal year, Markdown (house style) or CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from store import Store
from store.demo import build_demo
from store.exports.attendance import attendance_export
from tui.cli import main

DEMO_2020_21 = """\
# Adult Social Care Scrutiny Commission

## Attendance 2020/21

Meetings held: 10 November 2020 (attendance not recorded), 19 January 2021, 9 March 2021 (attendance not recorded).

| Member | Role | Expected | Attended | Apologies | Absent | Substitutes sent | Not recorded |
|---|---|---:|---:|---:|---:|---:|---:|
| Councillor Joshi | Chair | 3 | 1 | 0 | 0 | 0 | 2 |
| Councillor March | Vice-Chair | 3 | 1 | 0 | 0 | 0 | 2 |
| Councillor Batool | Member | 3 | 1 | 0 | 0 | 0 | 2 |
| Councillor Kaur Saini | Member | 3 | 1 | 0 | 0 | 0 | 2 |
| Councillor Kitterick | Member | 3 | 1 | 0 | 0 | 0 | 2 |
| Councillor Thalukdar | Member | 3 | 1 | 0 | 0 | 0 | 2 |

Not recorded: meetings held with no attendance recorded in clerk. They are not counted as absences.
"""


def test_demo_2020_21_as_markdown(store):
    committee = build_demo(store, today=date(2021, 3, 10))
    assert attendance_export(store, committee.id, 2020, "md") == DEMO_2020_21


def test_a_year_without_meetings_says_so(store):
    committee = build_demo(store, today=date(2021, 3, 10))
    text = attendance_export(store, committee.id, 2019, "md")
    assert "No meeting of the committee was held in 2019/20." in text
    assert "No member held a seat on the committee in the year." in text  # seats begin 1 May 2020
    assert "Not recorded:" not in text


def test_csv_has_one_row_per_member_with_the_committee_and_year(store):
    committee = build_demo(store, today=date(2021, 3, 10))
    rows = list(csv.reader(io.StringIO(attendance_export(store, committee.id, 2020, "csv"))))
    assert rows[0] == ["Committee", "Municipal year", "Member", "Role", "Expected", "Attended", "Apologies",
                       "Absent", "Substitutes sent", "Not recorded"]
    assert rows[1] == ["Adult Social Care Scrutiny Commission", "2020/21", "Councillor Joshi", "Chair",
                       "3", "1", "0", "0", "0", "2"]
    assert len(rows) == 7


def test_cli_export_attendance(tmp_path, capsys):
    db = tmp_path / "demo.db"
    with Store(db) as store:
        build_demo(store, today=date(2021, 3, 10))
    assert main(["--db", str(db), "export", "attendance", "--year", "2020/21"]) == 0
    assert capsys.readouterr().out == DEMO_2020_21
    out = tmp_path / "attendance.csv"
    assert main(["--db", str(db), "export", "attendance", "--year", "2020", "--format", "csv", "-o", str(out),
                 "--committee", "Adult Social"]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[2].startswith(
        "Adult Social Care Scrutiny Commission,2020/21,Councillor March,Vice-Chair,3,1,")
    assert main(["--db", str(db), "export", "attendance", "--year", "last year"]) == 1
    assert "is not a municipal year" in capsys.readouterr().err
