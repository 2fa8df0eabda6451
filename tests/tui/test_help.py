"""The F1 help screen: every key once, in words a clerk reads at a glance."""

from __future__ import annotations

from textual.binding import Binding

from tui.dialogs.help import HelpScreen, help_sections, rows


def _section(title: str) -> list[tuple[str, str, str | None]]:
    return dict(help_sections())[title]


def test_f5_refresh_is_listed_with_the_keys_that_work_everywhere():
    everywhere = _section("Everywhere")
    assert ("f5", "Refresh", "Read the pane again from the database, with other clerks' changes") in everywhere
    assert [key for key, _, _ in everywhere][-2:] == ["ctrl+p", "ctrl+q"]


def test_the_minutes_pane_names_ctrl_up_and_ctrl_down_once_in_words():
    minutes = _section("Minutes pane (5)")
    keys = [key for key, _, _ in minutes]
    assert ("ctrl+↑ / ctrl+↓", "Take the item earlier / later", "also [ / ]") in minutes
    assert not any("^" in key for key in keys)
    assert "[" not in keys and "]" not in keys  # the row above names them
    assert not any(description in ("Order", "Later", "Earlier") for _, description, _ in minutes)


def test_every_pane_with_a_ctrl_arrow_pair_gets_one_clear_row():
    shown = {title: section for title, section in help_sections()}
    assert ("ctrl+↑ / ctrl+↓", "Move the resolution up / down", "also [ / ]") in shown["Resolutions pane (6)"]
    assert ("ctrl+↑ / ctrl+↓", "Move the item up / down within its part", "also [ / ]") in \
        shown["Agenda pane: items (2)"]
    for section in shown.values():
        assert not any(key.startswith("^") for key, _, _ in section)


def test_rows_leaves_lone_keys_and_unpaired_ctrl_arrows_alone():
    lone = [Binding("ctrl+up", "go(-1)", "Up", tooltip="Go up"), Binding("n", "new", "New"),
            Binding("x", "hidden", "")]
    assert rows(lone) == [("ctrl+up", "Up", "Go up"), ("n", "New", None)]


async def test_the_help_screen_shows_the_sections(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        assert "  f5          Refresh — Read the pane again" in text
        assert "  ctrl+↑ / ctrl+↓  Take the item earlier / later — also [ / ]" in text
        assert "^↑↓" not in text and "^↓" not in text
