"""The Search pane: hits as you type (in a worker), Enter opens the minute, "91" jumps."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from store.demo import build_demo
from tui.screens.search import SearchScreen, highlighted


@pytest.fixture
def demo(tui_store, frozen_today):
    return build_demo(tui_store, today=frozen_today)


async def _settle(app, pilot) -> None:
    """Let the debounced search worker finish and its results arrive."""
    for _ in range(3):
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause()


def _status(app) -> str:
    return str(app.screen.query_one("#search-status", Static).render())


def _options(app) -> list[str]:
    hits = app.screen.query_one("#search-hits", OptionList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def test_typing_shows_hits_and_enter_opens_the_minute(make_app, demo, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "Type a word" in _status(app)
        await pilot.press(*"lccl")  # a letter starts typing in the search box
        assert app.screen.query_one("#search-input", Input).value == "lccl"
        await _settle(app, pilot)
        assert "3 hits for 'lccl'" in _status(app)
        options = _options(app)
        assert "Minute 91" in options[0] and "LEICESTERSHIRE COUNTY CARE LIMITED" in options[0]
        assert "Tue 19 Jan 2021" in options[0] and demo.name in options[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "minutes"
        minute = tui_store.minutes.get(app.minute_id)
        assert minute.number == 91
        assert app.meeting_id == minute.meeting_id and app.committee_id == demo.id


async def test_down_then_enter_opens_the_chosen_hit(make_app, demo, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"safeguard")
        await _settle(app, pilot)
        await pilot.press("down")
        assert app.screen.query_one("#search-hits", OptionList).has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_mode == "minutes"
        assert tui_store.minutes.get(app.minute_id).number == 92


async def test_a_minute_number_jumps_there(make_app, demo, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", "slash", "9", "1")
        await _settle(app, pilot)
        assert "Enter goes to minute 91" in _status(app)
        assert _options(app)[0].startswith("Go to minute 91")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "minutes"
        assert tui_store.minutes.get(app.minute_id).number == 91


async def test_no_hits_says_why_and_odd_text_is_safe(make_app, demo):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"xyzzy")
        await _settle(app, pilot)
        assert "No minute mentions 'xyzzy'." in _status(app)
        search = app.screen.query_one("#search-input", Input)
        for text in ['"', "NEAR(", "mental-health (", "*", "[Chair]"]:
            search.value = text
            await _settle(app, pilot)
            assert "'" + text.strip() + "'" in _status(app)


async def test_ctrl_r_switches_the_order_and_escape_frees_the_pane_keys(make_app, demo):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"care")
        await _settle(app, pilot)
        newest = _options(app)
        assert "newest first" in _status(app)
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        assert "most relevant first" in _status(app)
        assert sorted(_options(app)) == sorted(newest) and _options(app) != newest
        await pilot.press("escape", "9")
        await pilot.pause()
        assert app.current_mode == "members"


def test_snippets_are_highlighted_from_the_markers_never_markup():
    text = highlighted("the [Chair] said «LCCL» and «care")
    assert text.plain == "the [Chair] said LCCL and care"
    assert [text.plain[span.start:span.end] for span in text.spans] == ["LCCL", "care"]
