"""The look of the Resolutions pane during the meeting of 9 March 2021, seen at 18:42."""

from __future__ import annotations

from store import Store
from tui.app import ClerkApp


def _meeting_under_way(store: Store) -> None:
    """Item 'Procurement plan' being taken: three resolutions, two actions arising from the second."""
    committee = store.committees.add(
        "Adult Social Care Scrutiny Commission", council="Leicester City Council", default_time="17:30",
        default_place="Virtual Meeting using Zoom", starting_minute_number=98, starting_minute_year=2020,
    )
    may = store.meetings.add(committee.id, "2021-05-04")
    meeting = store.meetings.add(committee.id, "2021-03-09")
    store.agenda.start_from_standard_items(meeting.id)
    store.agenda.add(meeting.id, "Procurement plan 2021-23")
    plan = next(m for m in store.minutes.take_agenda(meeting.id) if m.title == "PROCUREMENT PLAN 2021-23")
    store.resolutions.add(plan.id, "That the report be noted.")
    comments = store.resolutions.add(plan.id, (
        "That the Commission's comments on the procurement plan be taken into account by the Executive "
        "when the plan is finalised, in particular on the social value to be sought from every provider "
        "[see Appendix B1]."))
    store.resolutions.add(plan.id, "That a progress report be brought to a future meeting.")
    store.actions.add(committee.id, "Circulate the procurement timetable to members", comments.id, "KG", may.id)
    done = store.actions.add(committee.id, "Share the social value weighting", comments.id, "Kate Galoppi")
    store.actions.update(done.id, status="done", progress="Sent to members on 10 March")
    store.ui_state.set("minute_id", plan.id)


def test_resolutions_pane(snap_compare, tmp_path, frozen_today, frozen_now):
    store = Store(tmp_path / "snap.db")
    _meeting_under_way(store)
    app = ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)
    # The second resolution highlighted: its whole text under the list, its two actions below.
    assert snap_compare(app, press=["6", "down"], terminal_size=(120, 40))
