"""The demo's work programme: the agenda pack's Appendix F ("Draft Work Programme Planning 2021")."""

from __future__ import annotations

from datetime import date

from store.api import Store
from store.models import Committee

PLANNED_ON = date(2020, 12, 1)  # before every meeting of the programme, so none has passed
JANUARY, MARCH, MAY = date(2021, 1, 19), date(2021, 3, 9), date(2021, 5, 4)

# Appendix F, meeting by meeting: (topic, lead officers) as the fixture writes them.
PROGRAMME = {
    JANUARY: [
        ("Covid-19 Recovery Plans – update", None),
        ("Leicestershire County Care Ltd (LCCL) - update", None),
        ("Response to the ASC Scrutiny Commission Task Group review into the Social Care external workforce.", None),
        ("Draft General Fund Revenue Budget 2021/22 members to scrutinise / comments on ASC service impacts", None),
        ("Annual Safeguarding Report", None),
    ],
    MARCH: [
        ("Procurement plan for 2021/22", "KG"),
        ("Community Opportunities / Day care Review", "TR"),
        ("ASC Annual Complaints Report", "TR"),
        ("Supported Living and Extra Care Housing", "KG"),
        ("Covid19 update", "MS"),
    ],
    MAY: [
        ("Leicester City Joint Integrated Commissioning Strategy for Adult Mental Health", "MS"),
        ("Dementia Strategy update", "KG"),
        ("Update on the development of an integrated Autism Strategy", "KG"),
        ("Executive response (fuller report) re: 'ASC Workforce Scrutiny Review report' – and to invite LSDG "
         "to talk about their supporting work and future plans", "TR/KG"),
    ],
}
# "Planning beyond May 2021 – possible items" (the text extraction split the words at the start
# of each line: "Care|rs Strategy", "Tacl|kling isolation", ...).
POSSIBLE = [
    "Carers Strategy",
    "Tackling isolation",
    "Unison's Ethical Care Charter",
    "Better Care Fund (BCF) Annual Report",
    "Contracts and Assurance Annual Quality Report",
    "Age UK Leicester, Leicestershire & Rutland",
    "Learning Disabilities Strategy",
]
# The heading "To keep a watching brief on:" lost its lines in the extraction; the two bulleted
# subjects at the end of the appendix are read as the watching brief.
WATCHING = ["Transitions", "Leicestershire Care Company Ltd updates"]


# January's topics became these items of its agenda (minutes 91-95).
JANUARY_AGENDA = {
    "Covid-19 Recovery Plans – update": "COVID-19 RECOVERY PLANS UPDATE",
    "Leicestershire County Care Ltd (LCCL) - update": "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE",
    "Annual Safeguarding Report": "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20",
    "Draft General Fund Revenue Budget 2021/22 members to scrutinise / comments on ASC service impacts":
        "DRAFT GENERAL FUND BUDGET AND DRAFT CAPITAL BUDGET 2021/21",
    "Response to the ASC Scrutiny Commission Task Group review into the Social Care external workforce.":
        "RESPONSE TO THE ADULT SOCIAL CARE SCRUTINY COMMISSION TASK GROUP REVIEW INTO SOCIAL CARE EXTERNAL WORKFORCE",
}


def plan_appendix_f(store: Store, committee: Committee) -> None:
    """The programme as planned on 1 December 2020, before any of its meetings."""
    for day, topics in PROGRAMME.items():
        meeting = store.meetings.on(committee.id, day)
        for topic, leads in topics:
            store.programme.add(committee.id, topic, PLANNED_ON, meeting_id=meeting.id, lead_officers=leads)
    for topic in WATCHING:
        store.programme.add(committee.id, topic, PLANNED_ON, list="watching")
    for topic in POSSIBLE:
        store.programme.add(committee.id, topic, PLANNED_ON, list="possible")


def link_january_agenda(store: Store, committee: Committee) -> None:
    """Tie January's topics to the agenda items they became, once that agenda exists."""
    meeting = store.meetings.on(committee.id, JANUARY)
    items = {item.title: item.id for item in store.agenda.list_for(meeting.id)}
    for topic in store.programme.list_for(committee.id, store.meetings.year_of(committee, JANUARY)):
        title = JANUARY_AGENDA.get(topic.topic)
        if topic.meeting_id == meeting.id and title in items:
            store.programme.link_agenda_item(topic.id, items[title])
