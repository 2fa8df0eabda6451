"""The look of the Declarations pane during the meeting of 9 March 2021."""

from __future__ import annotations

from datetime import date

from store import Store
from store.declarations import DPI
from tui.app import ClerkApp

INTEREST = "his wife worked for the Reablement Team at Leicester City Council"


def _build(store: Store) -> None:
    committee = store.committees.add("Adult Social Care Scrutiny Commission", "Leicester City Council",
                                     default_time="17:30", starting_minute_number=86, starting_minute_year=2020)
    for name, role in (("Joshi", "chair"), ("March", "vice-chair"), ("Batool", "member"), ("Kitterick", "member")):
        store.members.add(committee.id, name, role=role, start_date=date(2020, 5, 1))
    people = {name: store.people.find(name) for name in ("Joshi", "March", "Batool", "Kitterick")}
    store.interests.add(people["Joshi"].id, "Other Disclosable Interest", INTEREST)
    store.interests.add(people["Batool"].id, "Other Disclosable Interest", "she is a governor of Ash Field Academy")
    previous = store.meetings.add(committee.id, date(2021, 1, 19))
    store.declarations.add(previous.id, people["Kitterick"].id, "Non-registrable Interest",
                           "a close family member received home care")
    meeting = store.meetings.add(committee.id, date(2021, 3, 9))
    store.agenda.start_from_standard_items(meeting.id)
    item = store.agenda.add(meeting.id, "Leicestershire County Care Limited (LCCL) - verbal update")
    store.minutes.take_agenda(meeting.id)
    for person in people.values():
        store.attendance.set(meeting.id, person.id, "present")
    [suggestion] = [s for s in store.declarations.suggestions(meeting.id) if s.person_id == people["Joshi"].id]
    store.declarations.add(meeting.id, suggestion.person_id, suggestion.category, suggestion.nature,
                           interest_id=suggestion.interest_id)
    store.declarations.add(meeting.id, people["March"].id, DPI, "she is a director of LCCL", "withdrew", item.id)


def test_declarations_pane(snap_compare, tmp_path, frozen_today, frozen_now):
    store = Store(tmp_path / "declarations.db")
    _build(store)
    app = ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)
    assert snap_compare(app, press=["4"], terminal_size=(120, 40))
