"""The Minutes pane, driven by keys alone: store first, then widgets."""

from __future__ import annotations

from datetime import time

import pytest
from textual.widgets import Static

from tests.notices import listen
from tui.dialogs.amend import AmendDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.widgets.minute_panels import MinuteList, NotesEditor

STANDARD = [
    "APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "MINUTES OF THE PREVIOUS MEETING", "PETITIONS",
    "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE", "WORK PROGRAMME", "ANY OTHER URGENT BUSINESS",
]


@pytest.fixture
def meeting(tui_store, committee):
    """9 March 2021, the committee's next meeting on 2 March: the one every pane follows."""
    return tui_store.meetings.add(committee.id, "2021-03-09")


def _minutes(store, meeting):
    return [(m.number, m.title) for m in store.minutes.list_for(meeting.id)]


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _open(pilot) -> None:
    """Go to the Minutes pane and open the minutes from the agenda."""
    await pilot.press("5", "t")
    await pilot.pause()


async def test_t_opens_the_minutes_from_the_standard_items(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        assert _minutes(tui_store, meeting) == list(enumerate(STANDARD, 1))
        assert [i.title for i in tui_store.agenda.list_for(meeting.id)] == STANDARD
        first = tui_store.minutes.list_for(meeting.id)[0]
        assert app.minute_id == first.id
        minutes = app.screen.query_one(MinuteList)
        assert minutes.row_count == 7 and minutes.has_focus
        assert "1. APOLOGIES FOR ABSENCE" in _text(app, "#minute-heading")
        await pilot.press("t")  # again: nothing new to open
        await pilot.pause()
        assert len(tui_store.minutes.list_for(meeting.id)) == 7


async def test_notes_are_in_the_database_after_every_keystroke(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("down", "enter")  # take the second item and type its notes
        await pilot.pause()
        notes = app.screen.query_one(NotesEditor)
        assert notes.has_focus
        minute = tui_store.minutes.list_for(meeting.id)[1]
        typed = ""
        for key in "No [x] 5t":
            await pilot.press(key)
            await pilot.pause()
            typed += key
            assert tui_store.minutes.get(minute.id).body == typed
        await pilot.press("escape")  # back to the list: now letters are keys again
        await pilot.pause()
        assert app.screen.query_one(MinuteList).has_focus
        assert app.current_mode == "minutes" and notes.text == typed


async def test_f8_moves_the_item_being_taken_while_typing(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("enter", "a", "f8", "b")
        await pilot.pause()
        first, second = tui_store.minutes.list_for(meeting.id)[:2]
        assert (first.body, second.body) == ("a", "b")
        assert app.minute_id == second.id
        assert app.screen.query_one(MinuteList).selected_id() == second.id
    assert tui_store.ui_state.get_int("minute_id") == second.id
    app = make_app()  # reopening returns to the same meeting and item
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "minutes" and app.minute_id == second.id
        assert app.screen.query_one(MinuteList).selected_id() == second.id
        assert app.screen.query_one(NotesEditor).text == "b"


async def test_varying_the_order_and_the_numbers_follow(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("down", "down", "down")  # PETITIONS, minute 4
        await pilot.press("ctrl+up", "ctrl+up")
        await pilot.pause()
        assert _minutes(tui_store, meeting)[:4] == [
            (1, "APOLOGIES FOR ABSENCE"), (2, "PETITIONS"), (3, "DECLARATIONS OF INTEREST"),
            (4, "MINUTES OF THE PREVIOUS MEETING")]
        assert app.screen.query_one(MinuteList).selected_id() == app.minute_id
        assert tui_store.minutes.get(app.minute_id).title == "PETITIONS"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _minutes(tui_store, meeting)[2] == (3, "PETITIONS")
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert _minutes(tui_store, meeting)[:4] == list(enumerate(STANDARD[:4], 1))


async def test_withdraw_or_defer_an_item_gives_up_its_number(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("down", "down", "down", "w")  # PETITIONS
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "gives up its number" in _text(app, ".dialog-title")
        await pilot.press("enter", "down", "enter", "ctrl+s")  # choose 'Deferred', save
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert [n for n, _ in _minutes(tui_store, meeting)] == [1, 2, 3, 4, 5, 6]
        assert "PETITIONS" not in [t for _, t in _minutes(tui_store, meeting)]
        petitions = next(i for i in tui_store.agenda.list_for(meeting.id) if i.title == "PETITIONS")
        assert petitions.status == "deferred"
        assert tui_store.minutes.get(app.minute_id).title.startswith("QUESTIONS")  # the next item is taken
        assert app.screen.query_one(MinuteList).row_count == 6
        assert "PETITIONS (deferred)" in _text(app, "#minutes-footnote")


async def test_urgent_item_with_the_chairs_reasons(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press(*"Flu jabs", "tab", *"Due 1 April", "ctrl+s")
        await pilot.pause()
        urgent = tui_store.minutes.get(app.minute_id)
        assert (urgent.number, urgent.title) == (8, "FLU JABS")
        item = tui_store.agenda.get(urgent.agenda_item_id)
        assert item.kind == "urgent" and item.urgency_reasons == "Due 1 April"
        assert "The Chair's reasons for urgency: Due 1 April" in _text(app, "#minute-heading")
        assert app.screen.query_one(MinuteList).selected_id() == urgent.id


async def test_urgent_item_without_reasons_is_refused(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("u", *"Flu", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "reasons for urgency" in _text(app, "#form-error")
    assert len(tui_store.minutes.list_for(meeting.id)) == 7


async def test_exempt_item_taken_in_private(make_app, tui_store, meeting):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("down", "p")
        await pilot.pause()
        await pilot.press("enter", "down", "down", "down", "enter", "ctrl+s")  # paragraph 3
        await pilot.pause()
        assert tui_store.minutes.get(app.minute_id).exempt_paragraph == 3
        assert "Schedule 12A paragraph 3" in _text(app, "#minute-heading")


async def test_closing_time_then_confirm_locks_and_amendments_are_recorded(make_app, tui_store, meeting):
    app = make_app()
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("enter", *"Noted", "escape", "x")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s")  # prefilled with the clock: 18:42
        await pilot.pause()
        stored = tui_store.meetings.get(meeting.id)
        assert stored.closed_at == time(18, 42) and stored.status == "held"
        assert "closed at 6:42" in _text(app, "#minutes-footnote")

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        minutes = tui_store.minutes.list_for(meeting.id)
        assert all(m.confirmed for m in minutes)
        assert tui_store.meetings.get(meeting.id).status == "minutes-confirmed"

        await pilot.press("enter", *"xyz")  # typing into confirmed notes is refused
        await pilot.pause()
        notes = app.screen.query_one(NotesEditor)
        assert notes.read_only and notes.text == "Noted"
        assert tui_store.minutes.get(minutes[0].id).body == "Noted"
        assert any("confirmed" in message for message in said)

        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, AmendDialog)
        await pilot.press("tab", "end", *" and agreed", "tab", *"Typo", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, AmendDialog)
        first = tui_store.minutes.get(minutes[0].id)
        assert first.body == "Noted"  # the confirmed original stays
        [amendment] = first.amendments
        assert (amendment.field, amendment.old_value, amendment.new_value) == ("body", "Noted", "Noted and agreed")
        assert amendment.reason == "Typo" and amendment.amended_at == "2021-03-09T18:42:05"
        assert "Typo" in _text(app, "#minute-amendments")


async def test_amend_is_only_for_confirmed_minutes(make_app, tui_store, meeting):
    app = make_app()
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AmendDialog)
        await pilot.press("c", "y")  # the meeting has not been held: refused
        await pilot.pause()
        assert not any(m.confirmed for m in tui_store.minutes.list_for(meeting.id))
        assert any("has not been held" in message for message in said)


async def test_reopening_returns_to_the_cursor_place_in_the_notes(tmp_path, frozen_today, frozen_now):
    from store import Store
    from store.demo import build_demo
    from tui.app import ClerkApp
    from tui.widgets.minute_panels import NotesEditor

    store = Store(tmp_path / "demo.db")
    committee = build_demo(store, today=frozen_today)
    january = store.meetings.on(committee.id, "2021-01-19")
    minute = store.minutes.by_number(committee.id, 2020, 91)

    def make():
        return ClerkApp(store, today=lambda: frozen_today, now=lambda: frozen_now)

    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(committee.id, january.id)
        app.set_minute(minute.id)
        await pilot.press("5", "enter", "up", "up", "up", "left", "left")
        await pilot.pause()
        where = app.screen.query_one(NotesEditor).cursor_location
        assert where != app.screen.query_one(NotesEditor).document.end
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "minutes" and app.minute_id == minute.id
        assert app.screen.query_one(NotesEditor).cursor_location == where
    store.close()
