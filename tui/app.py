"""ClerkApp: the panes as modes, the global keys, the palette, the current context."""

from __future__ import annotations

import time
from datetime import date, datetime
from functools import partial
from typing import Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store import Store
from store.errors import NotFound
from store.meeting_models import Minute
from store.models import Committee, Meeting
from tui import startup
from tui.dialogs.help import HelpScreen
from tui.dialogs.switcher import SwitcherDialog
from tui.panes import PANE_BY_MODE, PANES, Pane
from tui.screens.base import PaneScreen


QUIET_SECONDS = 2.0  # no key or click for this long: a moment for the collector's full pass (tui/startup.py)

# Textual's own pair; the panes' styles use theme variables only, so both read well.
DARK_THEME, LIGHT_THEME = "textual-dark", "textual-light"


class ClerkApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "clerk"
    BINDINGS = [
        # The pane keys are shown by the PaneBar above the footer, which has no room for nine more.
        *(Binding(pane.key, f"pane('{pane.mode}')", pane.title, show=False, id=f"pane-{pane.mode}")
          for pane in PANES),
        Binding("ctrl+o", "switch_context", "Switch", id="switch", tooltip="Switch committee or meeting"),
        Binding("f1", "help", "Keys", id="help", tooltip="Every key of every pane"),
        Binding("f2", "toggle_theme", "Light/dark", show=False, id="theme",
                tooltip="Switch between the light and the dark theme; clerk remembers the choice"),
    ]

    def __init__(self, store: Store, today: Callable[[], date] = date.today,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._panes: dict[str, PaneScreen] = {}  # each pane's screen, once made
        for pane in PANES:
            self.add_mode(pane.mode, partial(self._make_pane, pane))
        self.store = store
        self.today = today
        self.now = now or (lambda: datetime.combine(today(), datetime.now().time()))
        self.committee_id: int | None = None
        self.meeting_id: int | None = None
        self.minute_id: int | None = None

    # context ----------------------------------------------------------------
    def on_mount(self) -> None:
        self._restore_theme()
        self._restore_context()
        mode = self.store.ui_state.get("pane")
        self.switch_mode(mode if mode in PANE_BY_MODE else "meetings")
        self.call_after_refresh(startup.settled)
        if startup.began():
            self._last_input = time.monotonic()
            self.set_interval(QUIET_SECONDS, self._collect_when_quiet)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _collect_when_quiet(self) -> None:
        if time.monotonic() - self._last_input >= QUIET_SECONDS or startup.overdue():
            startup.quiet_moment()

    def _restore_theme(self) -> None:
        """The theme chosen last time (F2 or the palette's Theme), and remember every change."""
        saved = self.store.ui_state.get("theme")
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, lambda theme: self.store.ui_state.set("theme", theme.name))

    def _restore_context(self) -> None:
        committees = self.store.committees.list()
        saved = self.store.ui_state.get_int("committee_id")
        known = {c.id for c in committees}
        self.committee_id = saved if saved in known else (committees[0].id if committees else None)
        meeting_id = self.store.ui_state.get_int("meeting_id")
        meeting = self._meeting_or_none(meeting_id)
        if meeting is None or meeting.committee_id != self.committee_id:
            meeting = self._nearest_meeting()
        self.meeting_id = meeting.id if meeting else None
        self.minute_id = self._minute_in_meeting(self.store.ui_state.get_int("minute_id"))

    def _minute_in_meeting(self, minute_id: int | None) -> int | None:
        """`minute_id` if it belongs to the current meeting, else the meeting's first minute."""
        if self.meeting_id is None:
            return None
        minutes = self.store.minutes.list_for(self.meeting_id)
        ids = [m.id for m in minutes]
        if minute_id in ids:
            return minute_id
        return ids[0] if ids else None

    def _meeting_or_none(self, meeting_id: int | None) -> Meeting | None:
        if meeting_id is None:
            return None
        try:
            return self.store.meetings.get(meeting_id)
        except NotFound:
            return None

    def _nearest_meeting(self) -> Meeting | None:
        """The committee's next meeting from today, else its last one."""
        if self.committee_id is None:
            return None
        meetings = [m for m in self.store.meetings.list_for(self.committee_id) if not m.cancelled]
        upcoming = [m for m in meetings if m.date >= self.today()]
        if upcoming:
            return upcoming[0]
        return meetings[-1] if meetings else None

    def set_context(self, committee_id: int | None, meeting_id: int | None = None) -> None:
        """Make a committee (and meeting) current for every pane, and remember it."""
        changed_committee = committee_id != self.committee_id
        self.committee_id = committee_id
        if changed_committee and meeting_id is None:
            self.meeting_id = None
            meeting = self._nearest_meeting()
            meeting_id = meeting.id if meeting else None
        self.meeting_id = meeting_id
        self.minute_id = self._minute_in_meeting(None)
        self.store.ui_state.set("committee_id", committee_id)
        self.store.ui_state.set("meeting_id", meeting_id)
        self.store.ui_state.set("minute_id", self.minute_id)
        if isinstance(self.screen, PaneScreen):
            self.screen.reload()

    def current_committee(self) -> Committee | None:
        if self.committee_id is None:
            return None
        try:
            return self.store.committees.get(self.committee_id)
        except NotFound:
            return None

    def current_meeting(self) -> Meeting | None:
        return self._meeting_or_none(self.meeting_id)

    def current_minute(self) -> Minute | None:
        """The minute being taken, if it still belongs to the current meeting."""
        self.minute_id = self._minute_in_meeting(self.minute_id)
        return self.store.minutes.get(self.minute_id) if self.minute_id else None

    def set_minute(self, minute_id: int | None) -> None:
        self.minute_id = self._minute_in_meeting(minute_id)
        self.store.ui_state.set("minute_id", self.minute_id)

    def step_minute(self, delta: int) -> Minute | None:
        """Move the item being taken to the next (1) or previous (-1) minute of the meeting."""
        if self.meeting_id is None:
            return None
        ids = [m.id for m in self.store.minutes.list_for(self.meeting_id)]
        if not ids:
            return None
        index = ids.index(self.minute_id) if self.minute_id in ids else 0
        self.set_minute(ids[max(0, min(len(ids) - 1, index + delta))])
        return self.current_minute()

    def current_year(self) -> int | None:
        committee = self.current_committee()
        if committee is None:
            return None
        meeting = self.current_meeting()
        return self.store.meetings.year_of(committee, meeting.date if meeting else self.today())

    # actions ----------------------------------------------------------------
    def _make_pane(self, pane: Pane) -> Screen:
        screen = self._panes[pane.mode] = pane.make()
        return screen

    def action_pane(self, mode: str) -> None:
        self.store.ui_state.set("pane", mode)
        hidden = self._panes.get(mode)
        if hidden is not None and mode != self.current_mode:
            # Read the store while the pane is still hidden: it never shows a frame of what it showed before.
            hidden.bring_up_to_date()
        self.switch_mode(mode)

    def action_switch_context(self) -> None:
        def chosen(choice: tuple[int, int | None] | None) -> None:
            if choice is not None:
                self.set_context(*choice)

        self.push_screen(SwitcherDialog(self.store), chosen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for pane in PANES:
            yield SystemCommand(f"Go to {pane.title}", f"Open the {pane.title} pane (key {pane.key})",
                                lambda mode=pane.mode: self.action_pane(mode))
        yield SystemCommand("Switch committee or meeting", "Choose what every pane shows (ctrl+o)",
                            self.action_switch_context)
        yield SystemCommand("Keys", "Every key of every pane (F1)", self.action_help)
        yield SystemCommand("Light or dark theme", "Switch between the light and the dark theme (F2)",
                            self.action_toggle_theme)
        if isinstance(screen, PaneScreen):
            yield from screen.pane_commands()
