"""The demo's agenda of 9 March 2021, as the fixture's pack publishes it: items 1-12, the
reports of items 6-9 attached (their text, from the pack, in store/demo_reports/), the
previous minutes and the work programme as generated appendices."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from store.api import Store
from store.deadlines import deadline_passed
from store.models import Committee

MARCH = date(2021, 3, 9)
REPORTS = Path(__file__).parent / "demo_reports"
SUBMITS = "The Strategic Director for Social Care and Education submits a report "
DIRECTOR = "the Strategic Director for Social Care and Education"

# (title, programme topic, description, recommendation, report file, its pages as rendered, verbal)
BUSINESS = (
    ("PROCUREMENT PLAN FOR 2021/23", "Procurement plan for 2021/22",
     SUBMITS + "providing the Commission with an overview on the anticipated procurement activities to be "
     "undertaken by the Social Care and Education (SCE) department during 2021-23.",
     f"Members of the Commission are recommended to note the report and pass any comments to {DIRECTOR}.",
     "procurement-plan-2021-23.txt", 5, False),
    ("IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES", "Community Opportunities / Day care Review",
     SUBMITS + "with an update on the impact of Covid-19 on day centres and the people who attend them.",
     f"Members of the Commission are recommended to note the reports and provide feedback to {DIRECTOR}.",
     "impact-of-covid-19-on-day-care.txt", 4, False),
    ("ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT", "ASC Annual Complaints Report",
     SUBMITS + "to provide the Adult Social Care Scrutiny Commission with a copy of the 2019/20 Annual Report, "
     "with all complaints and commendations received by Adult Social Care.",
     "Members of the Commission are recommended to note the contents of the report.",
     "asc-complaints-annual-report-2019-20.txt", 19, False),
    ("SUPPORTED LIVING AND EXTRA CARE HOUSING", "Supported Living and Extra Care Housing",
     SUBMITS + "providing the Commission with an overview of the Supported Living and Extra Care Housing "
     "Strategy (2021/2031).",
     "Members of the Adult Social Care Scrutiny Commission are recommended to note the Supported Living and "
     "Extra Care Housing Strategy and note the need for 396 additional units of accommodation over the next "
     "10 years to support a range of vulnerable individuals.",
     "supported-living-and-extra-care-housing.txt", 25, False),
    ("COVID-19 UPDATE", "Covid19 update",
     "The Strategic Director for Social Care and Education will provide a verbal update on the latest "
     "Covid-19 updates.", None, None, None, True),
)


def add_march_agenda(store: Store, committee: Committee, today: date) -> None:
    """Build the agenda once `today` is past its last publication day (it is published then)."""
    meeting = store.meetings.on(committee.id, MARCH)
    if not deadline_passed(store.meetings.deadline(meeting, today).last_day, today):
        return
    store.agenda.start_from_standard_items(meeting.id)
    topics = {t.topic: t for t in store.programme.list_for(committee.id, store.meetings.year_of(committee, MARCH))}
    for title, topic, description, recommendation, report, pages, verbal in BUSINESS:
        item = store.agenda.add(meeting.id, title, description=description, recommendation=recommendation)
        if verbal:
            store.agenda.update(item.id, verbal_update=True)
        if topic in topics:
            store.programme.link_agenda_item(topics[topic].id, item.id)
        if report:
            _attach(store, item.id, REPORTS / report, pages)


def _attach(store: Store, item_id: int, path: Path, pages: int) -> None:
    """Attach a demo report with its known page count (rendering four reports on every demo
    build would slow the tests; tests/store/test_demo_agenda.py checks the counts)."""
    data = path.read_bytes()
    store.db.table("documents").insert(dict(
        agenda_item_id=item_id, position=1, kind="text", title=_title(path), path=path.name, pages=pages,
        content=data, sha256=hashlib.sha256(data).hexdigest(), added_at="2021-02-25T09:00:00",
    ))


def _title(path: Path) -> str:
    return path.stem.replace("-", " ").capitalize()
