"""The look of the Minutes pane during the meeting of 9 March 2021, seen at 18:42."""

from __future__ import annotations

from store import Store
from tui.app import ClerkApp


def _meeting_under_way(store: Store, today) -> None:
    """Minutes 98 onwards opened from the agenda, notes typed, one item deferred, one urgent, one private."""
    committee = store.committees.add(
        "Adult Social Care Scrutiny Commission", council="Leicester City Council", default_time="17:30",
        default_place="Virtual Meeting using Zoom", starting_minute_number=98, starting_minute_year=2020,
    )
    members = [store.members.add(committee.id, name, role=role, start_date="2020-05-01") for name, role in (
        ("Joshi", "chair"), ("March", "vice-chair"), ("Batool", "member"), ("Kitterick", "member"))]
    store.meetings.add(committee.id, "2021-01-19")
    meeting = store.meetings.add(committee.id, "2021-03-09")
    for member in members[:3]:
        store.attendance.set(meeting.id, member.person.id, "present")
    store.agenda.start_from_standard_items(meeting.id)
    store.agenda.add(meeting.id, "Procurement plan 2021-23")
    store.agenda.add(meeting.id, "Day care review [verbal update]")
    minutes = {m.title: m for m in store.minutes.take_agenda(meeting.id)}
    store.minutes.withdraw(minutes["PETITIONS"].id, "deferred")
    store.minutes.update(minutes["APOLOGIES FOR ABSENCE"].id, body="Apologies were received from Councillor Kitterick.")
    store.minutes.update(minutes["DECLARATIONS OF INTEREST"].id, body=(
        "Councillor Joshi declared an Other Disclosable Interest in that his wife worked for the "
        "Reablement Team at Leicester City Council."))
    plan = minutes["PROCUREMENT PLAN 2021-23"]
    store.minutes.update(plan.id, body=(
        "The Head of Commissioning presented the plan [Appendix B1].\n\n"
        "Members asked how social value would be weighed in each tender, and were told that it "
        "carries ten per cent of the score."))
    store.resolutions.add(plan.id, "That the report be noted.")
    store.resolutions.add(plan.id, "That the Commission's comments be taken into account.")
    store.minutes.set_exempt(minutes["DAY CARE REVIEW [VERBAL UPDATE]"].id, 3)
    store.minutes.add_urgent_item(meeting.id, "Winter pressures", "A decision is needed before 1 April.")
    store.ui_state.set("minute_id", plan.id)


def test_minutes_pane(snap_compare, tmp_path, frozen_today, frozen_now):
    store = Store(tmp_path / "snap.db")
    _meeting_under_way(store, frozen_today)
    app = ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)
    assert snap_compare(app, press=["5"], terminal_size=(120, 40))
