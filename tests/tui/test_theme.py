"""Light and dark themes: F2 (or the palette) switches, and the choice outlives a restart."""

from __future__ import annotations

from textual.app import SystemCommand

from tui.app import DARK_THEME, LIGHT_THEME
from tui.dialogs.help import HelpScreen


async def test_f2_switches_theme_and_the_choice_persists_across_restarts(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DARK_THEME  # the default, as the snapshots show it
        assert tui_store.ui_state.get("theme") is None  # nothing chosen, nothing written
        await pilot.press("8")  # from the Search pane, whose input has focus: F2 still works
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == LIGHT_THEME and not app.current_theme.dark
    assert tui_store.ui_state.get("theme") == LIGHT_THEME

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == LIGHT_THEME
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == DARK_THEME
    assert tui_store.ui_state.get("theme") == DARK_THEME

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DARK_THEME


async def test_a_theme_chosen_in_the_palette_is_remembered_too(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.theme = "nord"  # what the palette's Theme command sets
        await pilot.pause()
    assert tui_store.ui_state.get("theme") == "nord"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("f2")  # a dark theme: F2 goes to the light one
        await pilot.pause()
        assert app.theme == LIGHT_THEME


async def test_an_unknown_saved_theme_falls_back_to_dark(make_app, committee, tui_store):
    tui_store.ui_state.set("theme", "no-such-theme")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == DARK_THEME


async def test_the_palette_and_the_help_screen_offer_the_switch(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen) if isinstance(c, SystemCommand)}
        commands["Light or dark theme"].callback()
        await pilot.pause()
        assert app.theme == LIGHT_THEME
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Light/dark" in str(app.screen.query_one("#help-keys").render())
