"""The look of the Work programme pane on the demo database with a programme, seen on 2 March 2021."""

from __future__ import annotations

from datetime import date

from store import Store
from store.demo import build_demo
from tui.app import ClerkApp

JANUARY, MARCH, MAY = date(2021, 1, 19), date(2021, 3, 9), date(2021, 5, 4)


def plan(store: Store, committee_id: int, today: date) -> None:
    """On top of the demo's Appendix F: one topic on its agenda, January's actions, a brought-back report.

    The demo holds the minutes of 19 January 2021 (86-97): minute 93's request for a report
    becomes a possible item, and two of its resolutions have actions.
    """
    march, may = (store.meetings.on(committee_id, day).id for day in (MARCH, MAY))
    covid = next(t for t in store.programme.list_for(committee_id, 2020) if t.topic == "Covid19 update")
    store.programme.place_on_agenda(covid.id)
    store.programme.add(committee_id, "Tackling isolation [BCF]", today, list="possible",
                        actions_arising="Planning beyond May 2021")
    january = store.meetings.on(committee_id, JANUARY).id
    minutes = {m.number: m for m in store.minutes.list_for(january)}
    debt = store.resolutions.list_for(minutes[91].id)[-1]
    report = store.resolutions.list_for(minutes[93].id)[-1]
    store.actions.add(committee_id, "Resolve the financial debt by the end of the financial year",
                      resolution_id=debt.id, owner="LCCL", target_meeting_id=may)
    store.actions.add(committee_id, "A detailed report on the increasing cost of packages of £12.5 million",
                      resolution_id=report.id, owner="Director of Finance", target_meeting_id=march)
    store.programme.topic_from_resolution(report.id, today)


def test_programme_pane(snap_compare, tmp_path, frozen_today):
    store = Store(tmp_path / "demo.db")
    committee = build_demo(store, today=frozen_today)
    plan(store, committee.id, frozen_today)
    app = ClerkApp(store, today=lambda: frozen_today)
    assert snap_compare(app, press=["7"], terminal_size=(120, 40))
