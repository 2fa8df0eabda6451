"""The Search pane: hits as you type (in a worker), Enter opens the minute, "91" jumps."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from store.demo import build_demo
from store.search import SearchHit
from tui.dialogs.form import FormDialog
from tui.screens.search import SearchScreen, highlighted, hit_text


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
        assert "2 hits for 'lccl'" in _status(app)  # minute 91 (its agenda item too) and a topic
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
        await pilot.press("8", *"pandemic")  # minutes 93, 92 and 91
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


async def _set_dates(pilot, since: str, until: str = "") -> FormDialog:
    await pilot.press("ctrl+f")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormDialog)
    form.query_one("#field-since", Input).value = since
    form.query_one("#field-until", Input).value = until
    await pilot.press("enter")
    await pilot.pause()
    return form


async def test_a_date_filter_narrows_the_hits_shows_in_the_status_and_clears(make_app, demo):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"care")  # ctrl+f works with the search box focused
        await _settle(app, pilot)
        assert "23 hits for 'care'" in _status(app) and "any date (ctrl+f)" in _status(app)
        await _set_dates(pilot, "1/2/2021")
        assert isinstance(app.screen, SearchScreen)
        await _settle(app, pilot)
        assert "8 hits for 'care' since 1 February 2021." in _status(app)
        assert "dates: ctrl+f changes, ctrl+l clears" in _status(app)
        assert all("9 Mar 2021" in option for option in _options(app) if option.startswith("Minute"))
        await pilot.press("escape", "1", "8")  # kept while the app runs (escape leaves the search box)
        await _settle(app, pilot)
        assert "8 hits for 'care'" in _status(app)
        await pilot.press("ctrl+l")
        await _settle(app, pilot)
        assert "23 hits for 'care'" in _status(app) and "any date (ctrl+f)" in _status(app)


async def test_a_month_or_a_year_means_all_of_it(make_app, demo):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"care")
        await _set_dates(pilot, "", "january 2021")
        await _settle(app, pilot)
        assert "11 hits for 'care' until 31 January 2021." in _status(app)
        await _set_dates(pilot, "2021", "2021")
        await _settle(app, pilot)
        assert "19 hits for 'care' in 2021." in _status(app)
        await _set_dates(pilot, "2022")
        await _settle(app, pilot)
        assert "No minute mentions 'care' since 1 January 2022. (ctrl+l searches meetings of any date.)" \
            in _status(app)


async def test_a_bad_date_says_why_and_leaves_the_filter_as_it_was(make_app, demo):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8", *"care")
        await _set_dates(pilot, "9 March 2021")
        await _settle(app, pilot)
        assert "8 hits" in _status(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-since", Input).value == "9 March 2021"  # what was typed, to correct
        await pilot.press("ctrl+u", *"31/2/21", "enter")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#form-error", Static).render())
        assert "'31/2/21' is not a 'from' date clerk can read" in error
        form.query_one("#field-since", Input).value = "2021-03-01"
        form.query_one("#field-until", Input).value = "2021-01-01"
        await pilot.press("enter")
        await pilot.pause()
        error = str(form.query_one("#form-error", Static).render())
        assert "The 'from' date (1 March 2021) is after the 'to' date (1 January 2021)" in error
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "8 hits for 'care' since 9 March 2021." in _status(app)


async def test_the_date_filter_is_not_remembered_after_the_app_closes(make_app, demo, tui_store):
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await _set_dates(pilot, "2021")
        await _settle(pilot.app, pilot)
        assert "Type a word to search every minute, resolution, agenda item, declaration and topic of " \
            "meetings since 1 January 2021." in _status(pilot.app)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "search"
        await _settle(app, pilot)
        assert "any date (ctrl+f)" in _status(app)


def test_a_hit_whose_match_is_its_title_shows_the_title_once_lit_up():
    topic = SearchHit("programme", "Adult Social Care Scrutiny Commission", None, None,
                      "Community Opportunities / Day care Review", "Community Opportunities / Day «care» Review",
                      None, None)
    text = hit_text(topic)
    assert text.plain.count("Day care Review") == 1
    assert text.plain.splitlines()[1] == "Community Opportunities / Day care Review  (work programme)"
    minute = SearchHit("minute", "Adult Social Care Scrutiny Commission", None, 91, "LCCL - verbal update",
                       "the «LCCL» representative addressed the commission", 7, 3)
    assert hit_text(minute).plain.splitlines()[1:] == ["LCCL - verbal update",
                                                        "the LCCL representative addressed the commission"]
