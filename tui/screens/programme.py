"""Work programme pane: the year's topics by meeting, the unscheduled lists, and the action log.

Two lists, tab between them. The topics list declares its verbs (n e d m < > g x) and the
action log its own (s p) in tui/widgets/programme_lists.py, so the footer shows the verbs of
the list with focus; they run here, and every store call goes through `run_store` or a form.
"""

from __future__ import annotations

from functools import partial
from typing import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Static

from store.dates import long_date
from store.errors import NotFound
from store.meeting_models import ACTION_STATUSES, Action
from store.numbering import municipal_year_label
from store.programme_models import ProgrammeItem
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.screens.year_pane import YearPaneScreen
from tui.widgets import programme_forms as forms
from tui.widgets import programme_view as view
from tui.widgets.programme_lists import LIST_PREFIX, MEETING_PREFIX, TOPIC_PREFIX, ActionLog, ProgrammeTable

TOPIC_VERBS = {"topic_edit", "topic_remove", "topic_move", "topic_step", "topic_agenda", "topic_drop"}
ACTION_VERBS = {"action_status", "action_progress"}


class ProgrammeScreen(YearPaneScreen):
    PANE_TITLE = "Work programme"
    CSS_PATH = "programme.tcss"
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next list", tooltip="Topics ↔ action log"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
        Binding("left_square_bracket", "year(-1)", "Prev year", key_display="[", show=False),
        Binding("right_square_bracket", "year(1)", "Next year", key_display="]", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="year-bar")
        yield ProgrammeTable(title="Topics by meeting", id="programme-table")
        yield Static("", id="topic-detail")
        yield ActionLog(title="Action log: every action arising from a resolution", id="action-log")

    # loading ------------------------------------------------------------------------
    def refresh_pane(self, select: str | None = None) -> None:
        app = self.app
        self.follow_committee()
        committee, store = app.current_committee(), app.store
        table, log = self.query_one(ProgrammeTable), self.query_one(ActionLog)
        if committee is None:
            self.query_one("#year-bar", Static).update("No committee yet: press 9 for Members, then n to create one.")
            table.show_groups([])
            log.show_actions([], app.today())
            self._show_detail()
            return
        groups = view.groups(store, committee.id, self.year, app.today())
        if select is None and table.selected_key() is None:
            select = next((f"{TOPIC_PREFIX}{g.items[0].id}" for g in groups if g.items), None)
        table.show_groups(groups, select=select)
        overdue = log.show_actions(store.actions.log_for(committee.id), app.today())
        log.border_subtitle = f"{view.plural(log.row_count, 'action')}, {overdue} overdue" if log.row_count else \
            "none yet: actions are recorded with the resolutions (6)"
        topics = sum(len(g.items) for g in groups)
        self.query_one("#year-bar", Static).update(Text.assemble(
            ("Municipal year ", ""), (municipal_year_label(self.year), "bold"),
            (f"   {view.plural(topics, 'topic')}", ""), ("   [ previous year · ] next", "dim"),
        ))
        self._show_detail()

    def _show_detail(self) -> None:
        item, group = self._topic(), self.query_one(ProgrammeTable).selected_group()
        self.query_one("#topic-detail", Static).update(view.detail(self.app.store, item, group))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if isinstance(event.data_table, ProgrammeTable):
            self._show_detail()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter edits the topic (or adds one to the heading's group); on an action, its progress."""
        if isinstance(event.data_table, ActionLog):
            self.action_action_progress()
        elif self._topic() is not None:
            self.action_topic_edit()
        else:
            self.action_topic_new()

    # what is selected -------------------------------------------------------------------
    def _topic(self) -> ProgrammeItem | None:
        topic_id = self.query_one(ProgrammeTable).selected_topic_id()
        try:
            return self.app.store.programme.get(topic_id) if topic_id is not None else None
        except NotFound:
            return None

    def _action(self) -> Action | None:
        action_id = self.query_one(ActionLog).selected_action_id()
        try:
            return self.app.store.actions.get(action_id) if action_id is not None else None
        except NotFound:
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "topic_new":
            return True if self.app.committee_id is not None else None
        if action in TOPIC_VERBS:
            return True if self.query_one(ProgrammeTable).selected_topic_id() is not None else None
        if action in ACTION_VERBS:
            return True if self.query_one(ActionLog).row_count else None
        return True

    def _options(self) -> list[tuple[str, int | str]]:
        committee_id = self.app.committee_id
        return forms.meeting_options(self.app.store.meetings.list_for(committee_id), self.app.today())

    # after a change --------------------------------------------------------------------
    def _shown(self, item: ProgrammeItem | None, message: str | None = None) -> None:
        """Show the year the topic is now in, with the cursor on it."""
        if item is None:
            return
        self.year = item.municipal_year or self.year
        self.refresh_pane(select=f"{TOPIC_PREFIX}{item.id}")
        if message:
            self.notify(message, markup=False)

    def _form(self, title: str, fields, save, message: str) -> None:
        saved: list = []

        def done(ok: bool | None) -> None:
            if ok and saved:
                self._shown(saved[-1], message)

        self.app.push_screen(FormDialog(title, fields, lambda values: saved.append(save(values))), done)

    # topics ------------------------------------------------------------------------------
    def show_year(self) -> None:
        self.query_one(ProgrammeTable).show_groups([])
        self.refresh_pane()

    def action_topic_new(self) -> None:
        committee = self.app.current_committee()
        if committee is None:
            return
        group = self.query_one(ProgrammeTable).selected_group() or ""
        meeting_id = int(group.removeprefix(MEETING_PREFIX)) if group.startswith(MEETING_PREFIX) else None
        list_name = group.removeprefix(LIST_PREFIX) if group.startswith(LIST_PREFIX) else "programme"
        options = self._options()
        if group.startswith(LIST_PREFIX):
            meeting_id = forms.UNSCHEDULED
        programme, today, year = self.app.store.programme, self.app.today(), self.year

        def save(values: dict) -> ProgrammeItem:
            chosen = forms.chosen_meeting(values["meeting"])
            return programme.add(committee.id, values["topic"], today, meeting_id=chosen, list=values["list"],
                                 lead_officers=values["lead_officers"], actions_arising=values["actions_arising"],
                                 progress=values["progress"], year=None if chosen else year)

        self._form("New work-programme topic", forms.topic_fields(options, meeting_id, list_name), save,
                   "Topic added.")

    def action_topic_edit(self) -> None:
        if item := self._topic():
            fields = forms.topic_fields([], None, item.list, item)
            self._form("Edit the topic", fields, lambda values: self.app.store.programme.update(item.id, **values),
                       "Topic saved.")

    def action_topic_remove(self) -> None:
        if (item := self._topic()) is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.run_store(lambda: self.app.store.programme.remove(item.id) or True):
                self.refresh_pane()
                self.notify("Topic removed.")

        self.app.push_screen(ConfirmDialog(
            f"Remove the topic '{item.topic}' from the work programme?\n\n"
            "To keep it on record, answer No and drop it instead (x).", "Remove"), answered)

    def action_topic_move(self) -> None:
        if (item := self._topic()) is None:
            return
        programme, today = self.app.store.programme, self.app.today()
        self._form(f"Move '{item.topic}'", forms.move_fields(self._options(), item),
                   lambda values: programme.schedule(item.id, forms.chosen_meeting(values["meeting"]), today), "Topic moved.")

    def action_topic_step(self, delta: int) -> None:
        """Move the topic to the meeting before or after its own (skipping cancelled and past ones)."""
        if (item := self._topic()) is None:
            return
        today = self.app.today()
        meetings = [m for m in self.app.store.meetings.list_for(item.committee_id) if not m.cancelled and m.date >= today]
        if item.meeting_date is None:
            candidates = meetings if delta > 0 else []
        elif delta > 0:
            candidates = [m for m in meetings if m.date > item.meeting_date]
        else:
            candidates = [m for m in reversed(meetings) if m.date < item.meeting_date]
        if not candidates:
            self.notify("No later meeting to move to: add one in Meetings (1)." if delta > 0 else
                        "No earlier meeting to move to from today on; m can unschedule the topic.",
                        severity="warning")
            return
        target = candidates[0]
        moved = self.run_store(self.app.store.programme.schedule, item.id, target.id, today)
        self._shown(moved, f"Moved to {long_date(target.date)}.")

    def action_topic_agenda(self) -> None:
        if (item := self._topic()) is None:
            return
        if item.agenda_item_id is not None:
            self.notify("This topic is already on its meeting's agenda.", severity="warning")
            return
        if self.run_store(self.app.store.programme.place_on_agenda, item.id) is not None:
            placed = self.app.store.programme.get(item.id)
            self._shown(placed, f"On the agenda of {long_date(placed.meeting_date)}.")

    def action_topic_drop(self) -> None:
        if (item := self._topic()) is None:
            return
        if item.status == "dropped":
            status, message = ("scheduled" if item.meeting_id else "proposed"), "Topic taken back."
        else:
            status, message = "dropped", "Topic dropped; x takes it back."
        self._shown(self.run_store(self.app.store.programme.set_status, item.id, status), message)

    # the action log ----------------------------------------------------------------------
    def action_action_status(self) -> None:
        if (action := self._action()) is None:
            return
        following = ACTION_STATUSES[(ACTION_STATUSES.index(action.status) + 1) % len(ACTION_STATUSES)]
        if self.run_store(self.app.store.actions.update, action.id, status=following) is not None:
            self.refresh_pane()
            self.notify(f"Action {following}.")

    def action_action_progress(self) -> None:
        if (action := self._action()) is None:
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.refresh_pane()
                self.notify("Progress saved.")

        save = partial(self._save_progress, action.id)
        self.app.push_screen(FormDialog("Progress of the action", forms.progress_fields(action), save), done)

    def _save_progress(self, action_id: int, values: dict) -> None:
        self.app.store.actions.update(action_id, progress=values["progress"])

    # help and the palette --------------------------------------------------------------
    @classmethod
    def help_sections(cls) -> list[tuple[str, list]]:
        return [("Work programme pane: topics", ProgrammeTable.BINDINGS),
                ("Work programme pane: action log", ActionLog.BINDINGS),
                ("Work programme pane: moving", cls.BINDINGS)]

    def pane_commands(self) -> Iterable[SystemCommand]:
        yield from super().pane_commands()
        for kind in (ProgrammeTable, ActionLog):
            for binding in kind.BINDINGS:
                yield SystemCommand(f"{self.PANE_TITLE}: {binding.description}", binding.tooltip or binding.key,
                                    partial(self._run_in_list, kind, binding.action.removeprefix("screen.")))

    def _run_in_list(self, kind, action: str) -> None:
        self.query_one(kind).focus()
        self.run_action(action)
