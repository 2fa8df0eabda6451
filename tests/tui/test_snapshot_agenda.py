"""The look of the Agenda pane on the demo: the published agenda of 9 March 2021, seen on 2 March 2021."""

from __future__ import annotations

from datetime import date

from store import Store
from store.demo import build_demo
from tui.app import ClerkApp

MARCH = date(2021, 3, 9)


def test_agenda_pane(snap_compare, tmp_path, frozen_today):
    store = Store(tmp_path / "demo.db")
    committee = build_demo(store, today=frozen_today)
    store.ui_state.set("committee_id", committee.id)
    store.ui_state.set("meeting_id", store.meetings.on(committee.id, MARCH).id)
    app = ClerkApp(store, today=lambda: frozen_today)
    # Item 6, the procurement plan: its report is Appendix B.
    assert snap_compare(app, press=["2", *["down"] * 5], terminal_size=(120, 40))
