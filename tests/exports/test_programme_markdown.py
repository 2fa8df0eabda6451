"""The work programme and the action log as Markdown, against golden files built from the fixture.

The programme is the agenda pack's Appendix F ("Draft Work Programme Planning 2021"), typed
into the demo database through the store; the action log holds the actions arising from the
minutes of 19 January 2021 (Appendix A). The golden files were written once, read against
the fixture, and frozen: a change in the export shows here as a diff. To write them again
after a deliberate change, run with CLERK_UPDATE_GOLDEN=1 and read the diff before committing.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from store import Store
from store.demo import build_demo
from store.demo_programme import JANUARY, MARCH, MAY, PLANNED_ON
from store.exports.programme_markdown import actions_markdown, programme_markdown

GOLDEN = Path(__file__).parent / "golden"
@pytest.fixture
def demo(store):
    committee = build_demo(store, today=PLANNED_ON)
    # The appendix plans 4 May 2021 with the year's other meetings, as a council whose annual
    # meeting falls later in May does; with the default start (1 May) it would open 2021/22.
    store.committees.update_settings(committee.id, year_start_month=5, year_start_day=20)
    return store.committees.get(committee.id)


def take_january_minutes(store: Store, committee) -> dict[int, int]:
    """Minutes 86-97 of 19 January 2021 (Appendix A); returns minute number → minute id."""
    meeting = store.meetings.on(committee.id, JANUARY)
    store.agenda.start_from_standard_items(meeting.id)
    for title in ("LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE",
                  "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20",
                  "DRAFT GENERAL FUND BUDGET AND DRAFT CAPITAL BUDGET 2021/21",
                  "COVID-19 RECOVERY PLANS UPDATE",
                  "RESPONSE TO THE ADULT SOCIAL CARE SCRUTINY COMMISSION TASK GROUP REVIEW INTO SOCIAL CARE "
                  "EXTERNAL WORKFORCE"):
        store.agenda.add(meeting.id, title)
    return {m.number: m.id for m in store.minutes.take_agenda(meeting.id)}


def record_actions(store: Store, committee, minutes: dict[int, int]) -> None:
    """The actions arising from the resolutions of minutes 91, 93 and 95."""
    march, may = (store.meetings.on(committee.id, day) for day in (MARCH, MAY))
    debt = store.resolutions.add(minutes[91], "And that, the company ensure that the financial debt is resolved "
                                              "by the end of the financial year.")
    store.actions.add(committee.id, "Resolve the financial debt by the end of the financial year",
                      resolution_id=debt.id, owner="Leicestershire County Care Limited")
    store.resolutions.add(minutes[93], "The Commission note the report,")
    report = store.resolutions.add(minutes[93], "And that, a detailed report be brought back to the Adult Social "
                                                "Care Scrutiny Commission on the increasing cost of packages of "
                                                "£12.5 million.")
    store.actions.add(committee.id, "A detailed report on the increasing cost of packages of £12.5 million",
                      resolution_id=report.id, owner="Director of Finance", target_meeting_id=march.id)
    responses = store.resolutions.add(minutes[95], "That the responses from the Adult Social Care Scrutiny "
                                                   "Commission Task Group Review be brought to the Adult Social "
                                                   "Care Scrutiny Commission for discussions on particular subjects.")
    action = store.actions.add(committee.id, "Bring the responses to the task group review to the Commission",
                               resolution_id=responses.id, owner="TR/KG", target_meeting_id=may.id)
    store.actions.update(action.id, progress="Executive response on the work programme for 4 May 2021")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CLERK_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run with CLERK_UPDATE_GOLDEN=1 once, then read it."
    assert text == path.read_text(encoding="utf-8")


def test_programme_matches_the_golden_file(store, demo):
    check_golden("programme-2020-21.md", programme_markdown(store, demo.id, 2020))


def test_action_log_matches_the_golden_file(store, demo):
    record_actions(store, demo, take_january_minutes(store, demo))
    # the day after 9 March: the report asked for that meeting is overdue
    check_golden("action-log-2021-03-10.md", actions_markdown(store, demo.id, date(2021, 3, 10)))


def test_the_programme_follows_the_life_cycle(store, demo):
    """A topic placed on the January agenda and minuted shows its minute number in Progress."""
    lccl = next(i for i in store.programme.list_for(demo.id, 2020) if i.topic.startswith("Leicestershire County"))
    store.programme.place_on_agenda(lccl.id)
    store.minutes.take_agenda(lccl.meeting_id)
    text = programme_markdown(store, demo.id, 2020)
    assert "| Leicestershire County Care Ltd (LCCL) - update |  |  | Considered (minute 86) |" in text


def test_dropped_topics_and_table_breaking_text(store, demo):
    covid = next(i for i in store.programme.list_for(demo.id, 2020) if i.topic == "Covid19 update")
    store.programme.set_status(covid.id, "dropped")
    store.programme.add(demo.id, "Carers | Strategy", PLANNED_ON, actions_arising="line one\nline two")
    text = programme_markdown(store, demo.id, 2020)
    assert "Covid19 update" not in text
    assert "## Not yet scheduled" in text
    assert "| Carers \\| Strategy |  | line one line two |  |" in text


def test_an_empty_year(store, demo):
    assert programme_markdown(store, demo.id, 2019) == (
        "# Adult Social Care Scrutiny Commission\n\n## Work Programme 2019/20\n\n"
        "| Meeting Date | Topic | Lead Officer | Actions Arising | Progress |\n|---|---|---|---|---|\n"
    )
