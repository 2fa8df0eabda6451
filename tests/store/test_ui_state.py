"""Where the clerk was, kept between sessions."""

from __future__ import annotations

from store import Store


def test_a_key_never_set_is_none(store):
    assert store.ui_state.get("pane") is None
    assert store.ui_state.get_int("committee_id") is None


def test_set_get_and_overwrite(store):
    store.ui_state.set("pane", "meetings")
    assert store.ui_state.get("pane") == "meetings"
    store.ui_state.set("pane", "members")
    assert store.ui_state.get("pane") == "members"
    assert store.db.execute("SELECT count(*) FROM ui_state WHERE key = 'pane'").fetchone()[0] == 1


def test_numbers_are_stored_as_text_and_read_back(store):
    store.ui_state.set("committee_id", 3)
    assert store.db.execute("SELECT value FROM ui_state WHERE key = 'committee_id'").fetchone()[0] == "3"
    assert store.ui_state.get_int("committee_id") == 3
    store.ui_state.set("committee_id", "not a number")
    assert store.ui_state.get_int("committee_id") is None


def test_none_clears_a_value(store):
    store.ui_state.set("meeting_id", 7)
    store.ui_state.set("meeting_id", None)
    assert store.ui_state.get("meeting_id") is None
    assert store.ui_state.get_int("meeting_id") is None


def test_state_survives_reopening(tmp_path):
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.ui_state.set("pane", "minutes")
    with Store(path) as store:
        assert store.ui_state.get("pane") == "minutes"
