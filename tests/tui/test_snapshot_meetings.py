"""The look of the Meetings pane on the demo database, seen on 2 March 2021."""

from __future__ import annotations

from store import Store
from store.demo import build_demo
from tui.app import ClerkApp


def test_meetings_pane(snap_compare, tmp_path, frozen_today):
    store = Store(tmp_path / "demo.db")
    build_demo(store, today=frozen_today)
    app = ClerkApp(store, today=lambda: frozen_today)
    assert snap_compare(app, press=["1"], terminal_size=(120, 40))
