"""The minutes of 19 January 2021 (minutes 86-97) in the demo, from the fixture's Appendix A.

The text is the pack's own: each minute's paragraphs as printed (the long minutes 91,
92 and 93 are cut to their first three paragraphs; the third of minute 93 runs across
a page break in the pack and is joined here), the resolutions word for word, the six
councillors present, Councillor Joshi's declaration, and the closing time. It goes in
through the Store's API, as a clerk taking the meeting would put it in. Minute 87 has
no text of its own: the export words it from the declaration.
"""

from __future__ import annotations

from datetime import date, datetime

from store.api import Store
from store.deadlines import deadline_passed
from store.models import Committee

JANUARY = date(2021, 1, 19)
MARCH = date(2021, 3, 9)
# The 9 March 2021 meeting confirmed these minutes (its item 3) as a correct record.
CONFIRMED_AT = datetime(2021, 3, 9, 17, 30)
CLOSED_AT = "20:11"

PRESENT = ("Joshi", "March", "Batool", "Kaur Saini", "Kitterick", "Thalukdar")

# Agenda items 6-10, taken as minutes 91-95, between the standard opening and closing items.
BUSINESS = (
    "LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE",
    "LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20",
    "DRAFT GENERAL FUND BUDGET AND DRAFT CAPITAL BUDGET 2021/21",
    "COVID-19 RECOVERY PLANS UPDATE",
    "RESPONSE TO THE ADULT SOCIAL CARE SCRUTINY COMMISSION TASK GROUP REVIEW INTO SOCIAL CARE "
    "EXTERNAL WORKFORCE",
)

# Each minute's paragraphs, by minute number.
TEXT = {
    86: (
        'There were no apologies for absence.',
        'The Chair welcomed everyone to the meeting, and reminded everyone it was a virtual meeting, as '
        'permitted under Section 78 of the Coronavirus Act 2020 to enable meetings to take place whilst '
        'observing social distancing measures. The procedure for the meeting was outlined to those '
        'present. At the invitation of the Chair, all Members and officers present at the meeting '
        'introduced themselves.',
    ),
    89: (
        'The Monitoring Officer reported that none were received.',
    ),
    90: (
        'The Monitoring Officer reported that that none were received.',
    ),
    91: (
        'The Director of Social Care and Education gave context into the agenda item and the reason for '
        'inviting a representative from Leicestershire County Care Limited. The Chair thanked the '
        'Director for his update and was pleased to hear that an agreement had been reached between the '
        'Council and Leicestershire County Care Limited. The Chair then invited the representative from '
        'Leicestershire County Care Limited to address the commission to help reassure members. It was '
        'noted that the company was resolute on paying the outstanding £200,000 due to the ongoing '
        'pandemic there had been delays and occupancy within the care home was down by 20% and the '
        'Government grants and support aided the company to stay afloat.',
        'Following the bad press in the media, the representative reassured Members that the company '
        'still provided the highest quality of care as reported by the compliance team and no areas of '
        'concern were raised and the Care Quality Commission were also kept updated.',
        'It was reported that the cost of running the Care homes were going up whilst occupancy had '
        'decreased resulting in a decrease in income. Grants provided were going towards staffing, '
        'training and visiting pods.',
    ),
    92: (
        'The Chair of the Leicester Safeguarding Adults Board (LSAB) delivered the annual report for '
        "2019/20 and shared her condolences with those who's lives had been touched by the pandemic.",
        'It was noted that the board held short focussed meetings with statutory partners focussed on '
        'adults with care and support needs. The board were exploring areas of domestic abuse, the '
        'implications of the lockdown, governance in the most efficient forms and the Local Resilience '
        'Forum.',
        'The board had also tried to engage with prisons, the justice system and housing providers and '
        'were focussing on developing further to continue functioning by trying to reach all communities '
        'and gather data around inequalities and the Black Lives Matter movement.',
    ),
    93: (
        "The Director of Finance submitted a report setting out the City Mayor's proposed budget for "
        '2021/22. The Commission was recommended to consider and comment on the Adult Social Care element'
        " of the budget. The Commission's comments would be forwarded to the Overview Select Committee as"
        ' part of its consideration of the report before presentation to the meeting of Council in '
        'February 2021.',
        'Martin Judson the Head of Finance presented the report to the Commission and noted that the '
        'draft budget was a stop gap one-year budget with minimal changes and that finances were to be '
        'reviewed again this year in the light of greater certainty over government funding and the '
        'impact of the pandemic.',
        'It was noted that an additional £10 Million had been allocated to the adult social care budget, '
        '£3 Million of which was funded through central government funding and £3.6m would be raised from'
        ' the social care precept on the Council Tax. The overall council budget has been balanced in '
        '2021/22 by using £20 million from reserves.',
    ),
    94: (
        'The Director of Social Care and Education provided a verbal update on the Covid-19 recovery '
        'plans.',
        'It was noted that there were currently high levels of infection resulting on significant '
        "pressures on the NHS and the intensive care units (ICU's), where operating theatres had to be "
        "converted into ICU's.",
        'It was noted that the government had allocated £149 million to support the infection control '
        'work and a further £120 million for additional testing. Free PPE was also available from a range'
        ' of suppliers.',
        'Staff within care homes were being tested twice weekly and residents every four weeks. It was '
        'suggested that staff of the working age of 30-59 were bringing the virus into care homes which '
        'resulted in an increase in cases within the care home settings across the country.',
        "The Commission were made Aware that all over 65's would be vaccinated by the end of Sunday 24 "
        'January 2021 and the government were on track to achieve this.',
        'It was noted that the vaccination programme was an NHS service and that it was being delivered '
        'in phases to ensure they were ready to deliver. There would be 24 sites in Leicester, '
        'Leicestershire and Rutland with additional hospital sites and vaccination centres.',
        'Members of the Commission asked whether re-admission figures were kept. It was noted that '
        'hospitals did track and monitor these figures and this could be provided.',
        'Members of the Commission thanked the Director of Social Care and Education for the update and '
        'thanked everyone for their input and ongoing work. Members suggested that people appreciated the'
        ' work being carried out by the authorities.',
    ),
    95: (
        'The Deputy City Mayor for Social Care and Anti-Poverty addressed the Commission and on a '
        'response from the Adult Social Care Scrutiny Commission Task Group Review. It was suggested that'
        ' as a result of the task group areas had been identified that required further work to be '
        'carried out on specific areas but was positive with the long term aspirations.',
        'The Vice Chair of the Adult Social Care Scrutiny Commission suggested that the areas that had '
        'been responded to, should be bought to the scrutiny commission to move the recommendations '
        'forward.',
    ),
    96: (
        'It was noted that the Scrutiny Policy Officer would share an updated list of items to be '
        'considered for future Commissions with Members.',
    ),
    97: (
        'There being no items of urgent business, the Chair declared the meeting closed at 08:11pm.',
    ),
}

# Each minute's resolutions, in order (the pack numbers them "1)", "2)", ...; the store
# keeps the order, the export writes the numbers).
RESOLUTIONS = {
    88: (
        "That the minutes of the Adult Social Care Scrutiny Commission Meeting held on 10 November 2020 "
        "be confirmed as a correct record.",
    ),
    91: (
        "That, the company consider the comments made by the Commission and provide good working "
        "conditions for frontline staff;",
        "That the company restore business relationships with Leicester City Council;",
        "And that, the company ensure that the financial debt is resolved by the end of the financial year.",
    ),
    92: ("That the members of the Commission be requested to note the report.",),
    93: (
        # The pack reads "AGREED: that: 1. The Commission note the report, 2. And that, ...".
        "The Commission note the report,",
        "And that, a detailed report be brought back to the Adult Social Care Scrutiny Commission on the "
        "increasing cost of packages of £12.5 million.",
    ),
    95: (
        "That the responses from the Adult Social Care Scrutiny Commission Task Group Review be brought to "
        "the Adult Social Care Scrutiny Commission for discussions on particular subjects.",
    ),
}

# Minute 87.
DECLARATION = dict(
    member="Joshi",
    category="Other Disclosable Interest",
    nature="his wife worked for the Reablement Team at Leicester City Council",
)


def add_january_agenda(store: Store, committee: Committee, today: date) -> None:
    """The agenda of 19 January 2021 (the standard items and the business the minutes record),
    once `today` is past its last publication day: the agenda is built before it is published."""
    meeting = store.meetings.on(committee.id, JANUARY)
    if not deadline_passed(store.meetings.deadline(meeting, today).last_day, today):
        return
    store.agenda.start_from_standard_items(meeting.id)
    for title in BUSINESS:
        store.agenda.add(meeting.id, title)


def add_january_minutes(store: Store, committee: Committee) -> None:
    """Record the meeting of 19 January 2021 as far as its status allows.

    Attendance, the declaration, minutes 86-97
    and the closing time once the meeting is held; confirmation once the 9 March 2021
    meeting, which confirmed them, is held.
    """
    meeting = store.meetings.on(committee.id, JANUARY)
    if meeting.status in ("scheduled", "agenda-published"):
        return
    for name in PRESENT:
        store.attendance.set(meeting.id, store.people.find(name).id, "present")
    joshi = store.people.find(DECLARATION["member"])
    interest = next(i for i in store.interests.list_for(joshi.id) if i.nature == DECLARATION["nature"])
    store.declarations.add(meeting.id, joshi.id, DECLARATION["category"], DECLARATION["nature"],
                           interest_id=interest.id)
    for minute in store.minutes.take_agenda(meeting.id):
        paragraphs = TEXT.get(minute.number, ())
        if paragraphs:
            store.minutes.update(minute.id, body="\n\n".join(paragraphs))
        for text in RESOLUTIONS.get(minute.number, ()):
            store.resolutions.add(minute.id, text)
    store.meetings.close(meeting.id, CLOSED_AT)


def confirm_january_minutes(store: Store, committee: Committee) -> None:
    """The meeting of 9 March 2021, once held, confirmed the minutes of 19 January."""
    meeting = store.meetings.on(committee.id, JANUARY)
    march = store.meetings.on(committee.id, MARCH)
    if march.status in ("held", "minutes-confirmed") and store.minutes.list_for(meeting.id):
        store.minutes.confirm_meeting(meeting.id, CONFIRMED_AT)
