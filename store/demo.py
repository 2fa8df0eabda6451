"""A demo database built from the public facts of one real agenda pack.

Every name, date and setting here comes from Leicester City Council's agenda pack for
the Adult Social Care Scrutiny Commission of 9 March 2021 (fixtures/
asc-2021-03-09-agenda-pack.txt): its front sheet, the minutes of 19 January 2021
(minutes 86-97) and the work programme (Appendix F). Nothing is invented: where the
pack gives only initials (the work programme's lead officer "TR"), the officer is
stored under those initials.

Everything is written through the Store's API, so the demo obeys the same rules as
the clerk's own typing.
"""

from __future__ import annotations

from datetime import date

from store.api import Store
from store.deadlines import deadline_passed
from store.demo_agenda import add_march_agenda
from store.demo_minutes import JANUARY, add_january_agenda, add_january_minutes, confirm_january_minutes
from store.demo_programme import link_january_agenda, plan_appendix_f
from store.errors import Conflict
from store.models import Committee, Meeting

BODY = "Leicester City Council"
WEBSITE = "www.cabinet.leicester.gov.uk"
COMMITTEE = "Adult Social Care Scrutiny Commission"

# The front sheet's "Information for members of the public", from "PLEASE NOTE" to
# the press line (the pack's <u>…</u> markup around "Braille/audio tape/translation -"
# is left out).
PUBLIC_INFORMATION = "\n\n".join(
    (
        "PLEASE NOTE that any member of the press and public may listen in to proceedings at "
        "this 'virtual' meeting via a weblink which will be publicised on the Council website at "
        "least 24hrs before the meeting. Members of the press and public may tweet, blog etc. "
        "during the live broadcast as they would be able to during a regular Committee meeting at "
        "City Hall / Town Hall. It is important, however, that Councillors can discuss and take "
        "decisions without disruption, so the only participants in this virtual meeting will be "
        "the Councillors concerned, the officers advising the Committee and any invitees to the "
        "meeting relevant to the reports to be considered.",
        "Attending meetings and access to information",
        "You have the right to attend/observe formal meetings such as full Council, committee "
        "meetings & Scrutiny Commissions and see copies of agendas and minutes. On occasion "
        "however, meetings may, for reasons set out in law, need to consider some items in "
        "private.",
        "Dates of meetings and copies of public agendas and minutes are available on the "
        "Council's website at www.cabinet.leicester.gov.uk, or by contacting us using the details "
        "below.",
        "Making meetings accessible to all",
        "Braille/audio tape/translation - If you require this please contact the Democratic "
        "Support Officer (production times will depend upon equipment/facility availability).",
        "Further information",
        "If you have any queries about any of the above or the business to be discussed, please "
        "contact Angie Smith, Democratic Support on (0116) 454 6354 or email "
        "angie.smith@leicester.gov.uk.",
        "For Press Enquiries - please phone the Communications Unit on 0116 454 4151",
    )
)

SETTINGS = dict(
    default_time="17:30",
    default_place="Virtual Meeting using Zoom",
    livestream_url="https://www.youtube.com/results?search_query=leicester+democracy",
    # 9 March 2021, "Agenda mtg 22 Feb"; 19 January, 4 January; 4 May, 19 April.
    agenda_setting_days=15,
    resolution_word="AGREED",
    public_information=PUBLIC_INFORMATION,
    # The 19 January 2021 meeting's minutes start at 86 (municipal year 2020/21).
    starting_minute_number=86,
    starting_minute_year=2020,
)

# Municipal year 2020/21 began in May 2020.
MEMBERSHIP_START = date(2020, 5, 1)

# (name, role, title): the front sheet's "Members of the Committee".
MEMBERS = (
    ("Joshi", "chair", "Councillor"),
    ("March", "vice-chair", "Councillor"),
    ("Batool", "member", "Councillor"),
    ("Kaur Saini", "member", "Councillor"),
    ("Kitterick", "member", "Councillor"),
    ("Thalukdar", "member", "Councillor"),
    ("Representative of Healthwatch Leicester", "standing-invitee", ""),
)

CONTACT = dict(
    name="Angie Smith",
    job_title="Democratic Support Officer",
    phone="(0116) 454 6354",
    email="angie.smith@leicester.gov.uk",
)
CONTACT_ROLE = "Democratic Support Officer"

OFFICERS = (
    # Report author of "Procurement Plan 2021-23" (Appendix B1), author contact details
    # "(454) 5421"; the work programme's KG for the procurement plan.
    dict(name="Kate Galoppi", initials="KG", phone="(454) 5421"),
    # "Martin Samuels, Strategic Director Social Care and Education" (Appendix E); the
    # work programme's MS for the Covid-19 update he gives as Strategic Director.
    dict(name="Martin Samuels", initials="MS", job_title="Strategic Director Social Care and Education"),
    # The work programme's lead officer for the day care review and the complaints
    # report; the pack never writes out the name, so only the initials are known.
    dict(name="TR", initials="TR"),
)

# Minute 87 of 19 January 2021.
INTEREST = dict(
    member="Joshi",
    category="Other Disclosable Interest",
    nature="his wife worked for the Reablement Team at Leicester City Council",
)

# 10 November 2020 (confirmed by minute 88), 19 January 2021 (the minutes in the pack),
# 9 March 2021 (the pack itself) and 4 May 2021 (the work programme).
MEETING_DATES = (date(2020, 11, 10), date(2021, 1, 19), date(2021, 3, 9), date(2021, 5, 4))


def build_demo(store: Store, today: date | None = None) -> Committee:
    """Fill `store` with the demo committee; its meetings' statuses follow `today`."""
    today = today or date.today()
    with store.db.atomic():
        body = store.committees.ensure_body(BODY, WEBSITE)
        for existing in store.committees.list():
            if existing.body_id == body.id and existing.name == COMMITTEE:
                raise Conflict(
                    f"This database already holds the demo: {BODY} has a committee called '{COMMITTEE}'."
                )
        committee = store.committees.add(COMMITTEE, BODY, **SETTINGS)
        _add_members(store, committee)
        _add_officers(store, committee)
        _add_interest(store, committee)
        meetings = [store.meetings.add(committee.id, day) for day in MEETING_DATES]
        plan_appendix_f(store, committee)
        add_january_agenda(store, committee, today)
        link_january_agenda(store, committee)
        add_march_agenda(store, committee, today)
        for meeting, following in zip(meetings, [*meetings[1:], None]):
            _bring_up_to(store, meeting, following, today)
            if meeting.date == JANUARY:
                # Taken before March's agenda is published: they are its Appendix A.
                add_january_minutes(store, committee)
        confirm_january_minutes(store, committee)
    return store.committees.get(committee.id)


def open_on_january_minutes(store: Store, committee: Committee) -> None:
    """`clerk demo` opens the app where there is most to see: the minutes of 19 January 2021 at
    minute 91 (LCCL), not the last meeting of the year, which has only the work programme."""
    meeting = store.meetings.on(committee.id, JANUARY)
    minute = next((m for m in store.minutes.list_for(meeting.id) if m.number == 91), None)
    for key, value in (("committee_id", committee.id), ("meeting_id", meeting.id),
                       ("minute_id", minute.id if minute else None), ("pane", "minutes")):
        store.ui_state.set(key, value)


def _add_members(store: Store, committee: Committee) -> None:
    for name, role, title in MEMBERS:
        store.members.add(committee.id, name, role=role, title=title, start_date=MEMBERSHIP_START)


def _add_officers(store: Store, committee: Committee) -> None:
    contact = store.officers.add(committee.body_id, **CONTACT)
    store.officers.add_contact(committee.id, contact.id, CONTACT_ROLE)
    for officer in OFFICERS:
        store.officers.add(committee.body_id, **officer)


def _add_interest(store: Store, committee: Committee) -> None:
    person = store.people.find(INTEREST["member"])
    store.interests.add(
        person.id, INTEREST["category"], INTEREST["nature"], categories=committee.declaration_categories
    )


def _bring_up_to(store: Store, meeting: Meeting, following: Meeting | None, today: date) -> None:
    """Advance a meeting as far as `today` allows.

    Its agenda counts as published once the last publication day has gone (and on
    that day, the latest lawful one); it is held once its date has passed. Minutes count
    as confirmed only where the demo holds the confirmation: those of 10 November 2020 by
    minute 88 once 19 January 2021 is held, those of 19 January by confirm_january_minutes.
    The demo has no minutes of 9 March 2021, so that meeting stays held, its minutes the
    clerk's to take.
    """
    last_day = store.meetings.deadline(meeting, today).last_day
    if not deadline_passed(last_day, today):
        return
    store.appendices.advance_meeting(meeting.id, last_day)
    if meeting.date >= today:
        return
    store.meetings.advance_status(meeting.id, today)
    if meeting.date == MEETING_DATES[0] and following is not None and following.date < today:
        store.meetings.advance_status(meeting.id, today)
