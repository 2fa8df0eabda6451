"""Resolutions pane: the current minute's numbered resolutions and the actions arising from each.

l switches to the log: the committee's decisions across meetings and its open actions, the
overdue ones in red. Tab moves between the lists; e and d work on the list that has focus.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, DataTable, Static

from store.dates import long_date, short_date
from store.meeting_models import ACTION_STATUSES, Minute
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen
from tui.widgets.resolution_lists import ActionList, ActionLog, DecisionList, ResolutionList

MINUTE_VERBS = {"add", "edit", "delete", "move", "add_action", "bring_back"}


class ResolutionsScreen(LivePaneScreen):
    PANE_TITLE = "Resolutions"
    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        *LIVE_BINDINGS,
        Binding("n", "add", "New", tooltip="Add a resolution to the minute being taken"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted resolution, or an action's status and progress"),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted resolution or action"),
        Binding("ctrl+up", "move(-1)", "Order", key_display="^↑↓", tooltip="Move the resolution up (also [)"),
        Binding("ctrl+down", "move(1)", "Down", key_display="^↓", show=False, tooltip="Move it down (also ])"),
        Binding("left_square_bracket", "move(-1)", "Up", key_display="[", show=False),
        Binding("right_square_bracket", "move(1)", "Down", key_display="]", show=False),
        Binding("a", "add_action", "Action", tooltip="Add an action arising from the highlighted resolution"),
        Binding("v", "confirm_previous", "Confirm previous",
                tooltip="At 'Minutes of the previous meeting': resolve that they are a correct record, and lock them"),
        Binding("b", "bring_back", "To programme",
                tooltip="Make the highlighted resolution a possible topic of the work programme "
                        "(a report to come back)"),
        Binding("l", "log", "Log", tooltip="Decisions across meetings and open actions (l again to return)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._verbs: tuple[bool, bool, bool] | None = None  # what check_action last answered on

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="minute-view", id="resolution-views"):
            with Vertical(id="minute-view"):
                yield Static("", id="resolution-heading")
                yield ResolutionList(title="Resolutions", id="resolution-list")
                yield Static("", id="resolution-text")
                yield ActionList(title="Actions arising", id="action-list")
            with Vertical(id="log-view"):
                yield DecisionList(title="Decisions across meetings", id="decision-list")
                yield ActionLog(title="Open actions", id="action-log")

    @property
    def in_log(self) -> bool:
        return self.query_one(ContentSwitcher).current == "log-view"

    # loading ------------------------------------------------------------------
    def refresh_pane(self, select: int | None = None) -> None:
        if self.in_log:
            self._show_log()
            self._verbs_changed()
            return
        minute = self.app.current_minute()
        self.query_one("#resolution-heading", Static).update(self._heading(minute))
        store = self.app.store
        resolutions = store.resolutions.list_for(minute.id) if minute else []
        counts = {r.id: len(store.actions.list_for(r.id)) for r in resolutions}
        self.query_one(ResolutionList).show_resolutions(resolutions, counts, minute is not None, select)
        self._show_actions()
        self._verbs_changed()

    def _verbs_changed(self) -> None:
        """Refresh the footer only when its verbs change: it rebuilds itself each time."""
        minute = self.app.current_minute()
        state = (self.in_log, self._previous_meeting(minute) is not None, bool(minute and minute.confirmed))
        if state != self._verbs:
            self._verbs = state
            self.refresh_bindings()

    def _show_actions(self, select: int | None = None) -> None:
        resolution_id = self.query_one(ResolutionList).selected_id()
        store = self.app.store
        resolution = store.resolutions.get(resolution_id) if resolution_id else None
        text = self.query_one("#resolution-text", Static)
        # The whole text, when the list has had to cut it short.
        text.display = resolution is not None and len(resolution.text) > self.query_one(ResolutionList).size.width - 20
        if resolution is not None:
            text.update(Text.assemble((f"{resolution.position}) ", "bold"), resolution.text))
        actions = store.actions.list_for(resolution_id) if resolution_id else []
        self.query_one(ActionList).show_actions(actions, resolution is not None, select)

    def _heading(self, minute: Minute | None) -> Text:
        if minute is None:
            return Text("No item being taken: press 5 for Minutes and t to open them.", style="italic")
        committee = self.app.current_committee()
        text = Text()
        number = f"Minute {minute.number}. " if minute.number is not None else ""
        text.append(f"{number}{minute.title}\n", style="bold")
        text.append(f"{committee.resolution_word if committee else 'AGREED'}:", style="bold")
        if minute.confirmed:
            text.append("  (confirmed: the resolutions are locked)", style="green")
        previous = self._previous_meeting(minute)
        if previous is not None:
            text.append(f"  v resolves that the minutes of {long_date(previous.date)} are a correct record "
                        "and locks them.", style="dim")
        return text

    def _previous_meeting(self, minute: Minute | None):
        """The meeting whose minutes this item confirms, when it is 'Minutes of the previous meeting'."""
        if minute is None or minute.agenda_item_id is None:
            return None
        store = self.app.store
        if store.agenda.get(minute.agenda_item_id).standard_key != "previous-minutes":
            return None
        return store.meetings.previous(store.meetings.get(minute.meeting_id))

    def _show_log(self) -> None:
        committee = self.app.current_committee()
        store = self.app.store
        decisions = store.resolutions.decisions_for(committee.id) if committee else []
        actions = store.actions.open_for(committee.id) if committee else []
        overdue = {a.id for a in store.actions.overdue(committee.id, self.app.today())} if committee else set()
        self.query_one(DecisionList).show_decisions(decisions)
        self.query_one(ActionLog).show_open(actions, overdue)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        in_log, previous_minutes, confirmed = self._verbs or (False, False, False)
        if action in ("add", "move"):  # a confirmed minute's resolutions are locked; its actions are not
            return not in_log and not confirmed
        if action in MINUTE_VERBS:
            return not in_log
        if action == "confirm_previous":
            return not in_log and previous_minutes
        return True

    # events -------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if isinstance(event.data_table, ResolutionList):
            self._show_actions()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter edits the highlighted resolution or action."""
        if isinstance(event.data_table, ActionList):
            self._edit_action()
        elif isinstance(event.data_table, ResolutionList):
            self._edit_resolution()

    # actions ------------------------------------------------------------------
    def action_log(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = "minute-view" if self.in_log else "log-view"
        self.refresh_pane()
        self.query_one(DecisionList if self.in_log else ResolutionList).focus()

    def action_add(self) -> None:
        minute = self._minute()
        if minute is None:
            return
        fields = [Field("text", "That …", "", kind="textarea",
                        help="Written as it will read after 'Agreed:', e.g. 'That the report be noted.'")]
        added = []
        self._form(f"New resolution of minute {minute.number}, {minute.title}", fields,
                   lambda v: added.append(self.app.store.resolutions.add(minute.id, v["text"])),
                   lambda: self.refresh_pane(select=added[0].id))

    def action_edit(self) -> None:
        if isinstance(self.focused, ActionList):
            self._edit_action()
        else:
            self._edit_resolution()

    def _edit_resolution(self) -> None:
        resolution_id = self.query_one(ResolutionList).selected_id()
        if resolution_id is None:
            return
        resolution = self.app.store.resolutions.get(resolution_id)
        fields = [Field("text", "That …", resolution.text, kind="textarea")]
        self._form(f"Edit resolution {resolution.position})", fields,
                   lambda v: self.app.store.resolutions.update(resolution.id, v["text"]), self.refresh_pane)

    def _edit_action(self) -> None:
        action_id = self.query_one(ActionList).selected_id()
        if action_id is None:
            return
        action = self.app.store.actions.get(action_id)
        fields = [
            Field("status", "Status", action.status, kind="select", options=[(s, s) for s in ACTION_STATUSES]),
            Field("progress", "Progress", action.progress or "", kind="textarea"),
        ]
        self._form(f"Action: {action.description}", fields,
                   lambda v: self.app.store.actions.update(action.id, **v), lambda: self.refresh_pane())

    def action_delete(self) -> None:
        store = self.app.store
        if isinstance(self.focused, ActionList):
            record_id = self.query_one(ActionList).selected_id()
            if record_id is None:
                return
            question = f"Delete the action '{store.actions.get(record_id).description}'?"
            remove = store.actions.remove
        else:
            record_id = self.query_one(ResolutionList).selected_id()
            if record_id is None:
                return
            resolution = store.resolutions.get(record_id)
            question = (f"Delete resolution {resolution.position}) '{resolution.text}' and its actions? "
                        "The resolutions after it are renumbered.")
            remove = store.resolutions.remove

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_store(remove, record_id)
                self.refresh_pane()

        self.app.push_screen(ConfirmDialog(question, confirm_label="Delete"), answered)

    def action_move(self, delta: int) -> None:
        resolution_id = self.query_one(ResolutionList).selected_id()
        if resolution_id is not None:
            self.run_store(self.app.store.resolutions.move, resolution_id, delta)
            self.refresh_pane(select=resolution_id)

    def action_add_action(self) -> None:
        resolution_id = self.query_one(ResolutionList).selected_id()
        committee = self.app.current_committee()
        if resolution_id is None or committee is None:
            self.notify("Highlight a resolution first: the action arises from it.", severity="warning")
            return
        resolution = self.app.store.resolutions.get(resolution_id)
        # Report back to a later meeting: by default the first after the meeting being minuted.
        store = self.app.store
        minuted_on = store.meetings.get(store.minutes.get(resolution.minute_id).meeting_id).date
        meetings = [m for m in store.meetings.list_for(committee.id)
                    if m.date > minuted_on and m.date >= self.app.today() and not m.cancelled]
        fields = [
            Field("description", "What is to be done", ""),
            Field("owner", "Owner (officer's name or initials)", "", placeholder="e.g. KG"),
            Field("target", "Report back to", meetings[0].id if meetings else 0, kind="select",
                  options=[(short_date(m.date), m.id) for m in meetings] + [("No target meeting", 0)]),
        ]
        added = []
        self._form(f"Action arising from resolution {resolution.position})", fields,
                   lambda v: added.append(self.app.store.actions.add(
                       committee.id, v["description"], resolution.id, v["owner"], v["target"] or None)),
                   lambda: (self.refresh_pane(select=resolution.id), self._show_actions(select=added[0].id)))

    def action_bring_back(self) -> None:
        resolution_id = self.query_one(ResolutionList).selected_id()
        if resolution_id is None:
            self.notify("Highlight the resolution that asks for something to come back.", severity="warning")
            return
        topic = self.run_store(self.app.store.programme.topic_from_resolution, resolution_id, self.app.today())
        if topic is not None:
            self.notify(f"Added to the work programme's possible items: {topic.topic}", markup=False)

    def action_confirm_previous(self) -> None:
        minute = self._minute()
        previous = self._previous_meeting(minute)
        if minute is None or previous is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.run_store(self.app.store.resolutions.confirm_previous_minutes, minute.id,
                                      self.app.now(), success=f"The minutes of {long_date(previous.date)} "
                                      "are confirmed and locked."):
                self.refresh_pane()

        self.app.push_screen(ConfirmDialog(
            f"Resolve that the minutes of the meeting held on {long_date(previous.date)} be confirmed as a "
            "correct record? They are then locked: a correction becomes an amendment with a reason.",
            confirm_label="Confirm"), answered)

    # helpers ------------------------------------------------------------------
    def _minute(self) -> Minute | None:
        minute = self.app.current_minute()
        if minute is None:
            self.notify("No item is being taken: press 5 for Minutes and t to open them.", severity="warning")
        return minute

    def _form(self, title: str, fields: list[Field], submit, then) -> None:
        self.app.push_screen(FormDialog(title, fields, submit), lambda ok: then() if ok else None)
