"""Attendance pane: who is present, apologies and substitutes; arrivals and departures; others present; quorum.

Three lists, tab and shift+tab between them. The member keys (p a x s c l r) act on the
highlighted member while the members list has focus; d removes the highlighted row of the
arrivals and departures list or the others list, whichever has focus; o works anywhere. Every key is saved at once,
then the lists, the quorum meter and the live strip are redrawn from the store.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer

from store.errors import ClerkError, InvalidInput
from store.meeting_models import AttendanceEntry
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen
from tui.widgets.attendance_lists import MOVED, AttendanceList, MovementList, OthersList, minute_label
from tui.widgets.quorum_meter import QuorumMeter

MEMBER_ACTIONS = ("mark", "substitute", "clear", "left", "arrived")
SOMEONE_ELSE = 0  # the officer choice meaning "not an officer on record"
MEMBERS_TITLE = "Members"
READ_ONLY = " (minutes confirmed, read-only)"


class AttendanceScreen(LivePaneScreen):
    PANE_TITLE = "Attendance"
    CSS_PATH = "attendance.tcss"
    BINDINGS = [
        *LIVE_BINDINGS,
        Binding("p", "mark('present')", "Present", tooltip="Mark the member present and move to the next"),
        Binding("a", "mark('apologies')", "Apologies", tooltip="Record the member's apologies and move to the next"),
        Binding("x", "mark('absent')", "Absent", tooltip="Mark the member absent (no apologies) and move to the next"),
        Binding("s", "substitute", "Sub", tooltip="Name the councillor substituting for the highlighted member"),
        Binding("c", "clear", "Clear", show=False, tooltip="Forget the member's attendance (back to not recorded)"),
        Binding("l", "left", "Left", tooltip="The member left the meeting during the minute being taken"),
        Binding("r", "arrived", "Arrived", tooltip="The member arrived (or came back) during the minute being taken"),
        Binding("o", "other_add", "Others", tooltip="Add an officer or someone else present"),
        Binding("d", "remove", "Remove", tooltip="Remove the highlighted movement or person present"),
        Binding("tab", "app.focus_next", "Next list", show=False,
                tooltip="Members → arrivals and departures → others present"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield QuorumMeter(id="quorum-meter")
        yield AttendanceList(title=MEMBERS_TITLE, id="attendance-list")
        with Horizontal(id="attendance-lower"):
            yield MovementList(title="Arrivals and departures", id="movement-list")
            yield OthersList(title="Officers and others present", id="others-list")

    def on_mount(self) -> None:
        self.query_one(Footer).compact = True  # thirteen keys fit 120 columns only without the padding

    # loading ------------------------------------------------------------------
    def refresh_pane(self) -> None:
        meeting = self.app.current_meeting()
        attendance = self.app.store.attendance
        # Who is in the room while the item being taken is taken: a member who withdrew for it is out.
        taking = self.app.current_minute()
        minute_id = taking.id if taking else None
        entries = attendance.list_for(meeting.id, minute_id) if meeting else []
        movements = attendance.movements_for(meeting.id) if meeting else []
        members = self.query_one(AttendanceList)
        members.show_entries(entries, movements)
        # Like the Minutes pane's notes: once the minutes are signed, say so where the keys would act.
        locked = meeting is not None and attendance.record_locked(meeting.id)
        members.border_title = MEMBERS_TITLE + (READ_ONLY if locked else "")
        self.query_one(MovementList).show_movements(movements)
        self.query_one(OthersList).show_others(attendance.others_for(meeting.id) if meeting else [])
        self.query_one(QuorumMeter).show(attendance.quorum(meeting.id, minute_id) if meeting else None)
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the footer shows the keys of the list with focus

    def _changed(self) -> None:
        """After a write: redraw the lists, the meter and the live strip's quorum."""
        self.reload()

    # what is selected -----------------------------------------------------------
    def _entry(self) -> AttendanceEntry | None:
        meeting = self.app.current_meeting()
        person_id = self.query_one(AttendanceList).selected_id()
        if meeting is None or person_id is None:
            return None
        return next((e for e in self.app.store.attendance.list_for(meeting.id) if e.person_id == person_id), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meeting = self.app.meeting_id is not None
        focused = self.focused
        if action in MEMBER_ACTIONS:  # shown while the members list has focus
            if not isinstance(focused, AttendanceList):
                return False
            return True if meeting and focused.row_count else None
        if action == "other_add":
            return True if meeting else None
        if action == "remove":  # shown while the movements or others list has focus
            if not isinstance(focused, (MovementList, OthersList)):
                return False
            return True if focused.row_count else None
        return True

    # members ----------------------------------------------------------------------
    def action_mark(self, status: str) -> None:
        entry = self._entry()
        if entry is None:
            return
        meeting_id = self.app.meeting_id
        if entry.status == "substitute" and status != "substitute":
            # keep the record of whom they replaced unless the clerk clears it first
            self.notify(f"{entry.name} is a substitute: press c to clear, then mark again.", severity="warning",
                        markup=False)
            return
        saved = self._save(self.app.store.attendance.set, meeting_id, entry.person_id, status)
        self._changed()
        if saved:
            table = self.query_one(AttendanceList)
            table.move_cursor(row=table.cursor_row + 1)

    def action_clear(self) -> None:
        entry = self._entry()
        if entry is not None:
            self._save(self.app.store.attendance.clear, self.app.meeting_id, entry.person_id)
            self._changed()

    def action_substitute(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        if entry.status == "substitute":
            self.notify("Highlight the member being replaced, not the substitute.", severity="warning")
            return
        if not self._changeable():
            return
        meeting_id = self.app.meeting_id
        added: list[int] = []

        def submit(values: dict) -> None:
            added.append(self.app.store.attendance.add_substitute(
                meeting_id, values["name"], entry.person_id, values["title"]))

        def done(ok: bool | None) -> None:
            if ok and added:
                self._changed()
                self.query_one(AttendanceList).select(added[0])
                self.notify(f"Substitute recorded for {entry.name}.", markup=False)

        fields = [
            Field("name", "Name of the substitute", "", placeholder="e.g. Cassidy"),
            Field("title", "Title", "Councillor"),
        ]
        self.app.push_screen(FormDialog(f"Substitute for {entry.name}", fields, submit), done)

    def action_left(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        if not entry.in_room:
            self.notify(f"{entry.name} is not in the room.", severity="warning", markup=False)
            return
        self._move(entry, "left")

    def action_arrived(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        if entry.in_room:
            self.notify(f"{entry.name} is already in the room.", severity="warning", markup=False)
            return
        self._move(entry, "returned" if entry.status in ("present", "substitute") else "arrived")

    def _move(self, entry: AttendanceEntry, kind: str) -> None:
        """Record a movement against the minute being taken; a late arrival is present from now on."""
        store, meeting_id, minute = self.app.store, self.app.meeting_id, self.app.current_minute()

        def record():
            with store.db.atomic():
                if kind == "arrived":
                    store.attendance.set(meeting_id, entry.person_id, "present")
                return store.attendance.record_movement(
                    meeting_id, entry.person_id, kind, minute.id if minute else None, self.app.now().time())

        movement = self.run_store(record)
        if movement is not None:
            when = minute_label(movement.minute_number, movement.minute_id)
            self.notify(f"{entry.name} {MOVED[kind]} {when}.", markup=False)
        self._changed()

    def _changeable(self) -> bool:
        """Before a form opens: False, with the store's reason shown, once the minutes are confirmed."""
        meeting = self.app.current_meeting()
        return meeting is not None and self._save(self.app.store.attendance.refuse_if_locked, meeting)

    def _save(self, call, *args) -> bool:
        """Run a store write; show a ClerkError and say whether it was saved."""
        try:
            call(*args)
        except ClerkError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        return True

    # officers and others present ------------------------------------------------------
    def action_other_add(self) -> None:
        meeting, committee = self.app.current_meeting(), self.app.current_committee()
        if meeting is None or committee is None or not self._changeable():
            return
        store = self.app.store
        contacts = store.officers.contacts_for(committee.id)
        roles = {c.officer.id: c.role for c in contacts}
        officers = {o.id: o for o in store.officers.list(committee.body_id)}
        options = [("Not an officer on record: type the name above", SOMEONE_ELSE)]
        options += [(f"{c.officer.name} ({c.role})", c.officer.id) for c in contacts]
        options += [(o.name + (f" ({o.job_title})" if o.job_title else ""), o.id)
                    for o in officers.values() if o.id not in roles]
        added: list[int] = []

        def submit(values: dict) -> None:
            officer = officers.get(values["officer"])
            name, role = values["name"].strip(), values["role"].strip()
            if officer is None and not name:
                raise InvalidInput("Type the person's name, or pick an officer from the list.")
            if officer is not None:
                name = name or officer.name
                role = role or roles.get(officer.id) or officer.job_title or ""
            added.append(store.attendance.add_other(meeting.id, name, role or None,
                                                    officer.id if officer else None).id)

        def done(ok: bool | None) -> None:
            if ok and added:
                self._changed()
                self.query_one(OthersList).select(added[0])

        fields = [
            Field("name", "Name", "", placeholder="blank when you pick an officer below"),
            Field("role", "Role", "", placeholder="e.g. Director of Adult Social Care; blank: the officer's own"),
            Field("officer", "Or pick an officer", SOMEONE_ELSE, kind="select", options=options),
        ]
        self.app.push_screen(FormDialog("Officer or other person present", fields, submit), done)

    def action_remove(self) -> None:
        focused = self.focused
        if not self._changeable():
            return
        if isinstance(focused, MovementList):
            movement = next((m for m in self.app.store.attendance.movements_for(self.app.meeting_id)
                             if m.id == focused.selected_id()), None)
            if movement is not None:
                when = minute_label(movement.minute_number, movement.minute_id)
                self._confirm(f"Remove the record that {movement.name} {MOVED[movement.kind]} {when}?",
                              self.app.store.attendance.remove_movement, movement.id)
        elif isinstance(focused, OthersList):
            other = next((o for o in self.app.store.attendance.others_for(self.app.meeting_id)
                          if o.id == focused.selected_id()), None)
            if other is not None:
                self._confirm(f"Take {other.name} off the list of those present?",
                              self.app.store.attendance.remove_other, other.id)

    def _confirm(self, question: str, call, record_id: int) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                if self._save(call, record_id):
                    self.notify("Removed.")
                self._changed()

        self.app.push_screen(ConfirmDialog(question, "Remove"), answered)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()
