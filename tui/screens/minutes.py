"""Minutes pane: the meeting's numbered minutes, and the notes of the item being taken.

The list on the left is the order of business; its cursor is the item being taken (so are
F7/F8). The notes on the right save on every change. Single-letter keys work on the list;
in the notes every printable key types, and Escape returns to the list.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static, TextArea

from store.dates import clock_time, long_date
from store.meeting_models import Minute
from tui.dialogs.amend import AmendDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen
from tui.widgets.minute_panels import EXEMPT_PARAGRAPHS, MinuteList, NotesEditor, amendments, heading


class MinutesScreen(LivePaneScreen):
    PANE_TITLE = "Minutes"
    CSS_PATH = "minutes.tcss"
    BINDINGS = [
        *LIVE_BINDINGS,
        Binding("t", "take_agenda", "Open",
                tooltip="Open the minutes from the agenda: one for every item, in order"),
        Binding("u", "urgent", "Urgent", tooltip="Add urgent business with the Chair's reasons"),
        Binding("w", "withdraw", "Withdraw", tooltip="Withdraw or defer the item: it gives up its number"),
        Binding("ctrl+up", "move(-1)", "Order", key_display="^↑↓",
                tooltip="Take the item earlier (also [; ctrl+down or ] later)"),
        Binding("ctrl+down", "move(1)", "Later", key_display="^↓", show=False,
                tooltip="Take the item later (also ])"),
        Binding("left_square_bracket", "move(-1)", "Earlier", key_display="[", show=False),
        Binding("right_square_bracket", "move(1)", "Later", key_display="]", show=False),
        Binding("p", "exempt", "Private", tooltip="Taken in private: Schedule 12A paragraph 1-7"),
        Binding("x", "close_meeting", "Closed at", show=False, tooltip="Record the time the meeting closed"),
        Binding("c", "confirm", "Confirm", show=False,
                tooltip="Confirm the meeting's minutes as a correct record (locks them)"),
        Binding("a", "amend", "Amend", tooltip="Correct a confirmed minute, with a reason"),
        Binding("escape", "leave_notes", "List", show=False, tooltip="Leave the notes for the list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._editing_id: int | None = None  # the minute whose notes the editor holds
        self._saved_body = ""  # what the database holds for it
        self._shown: Minute | None = None  # the minute on show, for the footer's verbs

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="minutes-body"):
            with Vertical(id="minutes-left"):
                yield MinuteList(title="Order of business", id="minute-list")
                yield Static("", id="minutes-footnote")
            with Vertical(id="minutes-right"):
                yield Static("", id="minute-heading")
                notes = NotesEditor(id="minute-notes", soft_wrap=True, show_line_numbers=False)
                notes.border_title = "Notes"
                yield notes
                yield Static("", id="minute-amendments")

    # loading ------------------------------------------------------------------
    def refresh_pane(self) -> None:
        app, store = self.app, self.app.store
        meeting = app.current_meeting()
        minutes = store.minutes.list_for(meeting.id) if meeting else []
        agenda = store.agenda.list_for(meeting.id) if meeting else []
        items = {item.id: item for item in agenda}
        counts = store.resolutions.counts_for_meeting(meeting.id) if meeting else {}
        current = app.current_minute()
        self.query_one(MinuteList).show_minutes(minutes, items, counts, current.id if current else None)
        self._show_footnote(meeting, [item for item in agenda if item.status != "listed"])
        self._show_minute(current, meeting is not None, bool(minutes))

    def _show_footnote(self, meeting, put_aside) -> None:
        """Under the list: the items withdrawn or deferred, and when the meeting closed."""
        text = Text()
        if put_aside:
            text.append("Not minuted: ", style="bold")
            text.append("; ".join(f"{item.title} ({item.status})" for item in put_aside))
        if meeting is not None and meeting.closed_at is not None:
            text.append("\n" if put_aside else "")
            text.append(f"The meeting closed at {clock_time(meeting.closed_at)}.", style="bold")
        footnote = self.query_one("#minutes-footnote", Static)
        footnote.display = bool(text)
        footnote.update(text)

    def _show_minute(self, minute: Minute | None, has_meeting: bool = True, has_minutes: bool = True) -> None:
        self._save_notes()
        if bool(minute and minute.confirmed) != bool(self._shown and self._shown.confirmed):
            self.refresh_bindings()  # only when the footer's verbs change: it rebuilds itself each time
        self._shown = minute
        item = self.app.store.agenda.get(minute.agenda_item_id) if minute and minute.agenda_item_id else None
        self.query_one("#minute-heading", Static).update(heading(minute, item, has_meeting, has_minutes))
        notes = self.query_one(NotesEditor)
        notes.display = minute is not None
        shown = amendments(minute)
        box = self.query_one("#minute-amendments", Static)
        box.display = bool(shown)
        box.update(shown)
        if minute is None:
            self._editing_id, self._saved_body = None, ""
            return
        notes.read_only = minute.confirmed
        if minute.id != self._editing_id or minute.body != self._saved_body:
            self._editing_id, self._saved_body = minute.id, minute.body
            notes.load_text(minute.body)
            notes.move_cursor(self._saved_cursor(minute.id) or notes.document.end)
        number = f"minute {minute.number}" if minute.number is not None else "this item"
        notes.border_title = f"Notes of {number}" + (" (confirmed, read-only)" if minute.confirmed else "")

    def _saved_cursor(self, minute_id: int) -> tuple[int, int] | None:
        """Where the cursor was in this minute's notes when the app last ran."""
        saved = (self.app.store.ui_state.get("notes_cursor") or "").split(":")
        if len(saved) == 3 and all(part.isdigit() for part in saved) and int(saved[0]) == minute_id:
            return int(saved[1]), int(saved[2])
        return None

    def _save_notes(self) -> None:
        """Write the editor's text to its minute if it differs from what is stored."""
        notes = self.query_one(NotesEditor)
        if self._editing_id is None or notes.read_only or notes.text == self._saved_body:
            return
        text = notes.text
        if self.run_store(self.app.store.minutes.update, self._editing_id, body=text) is not None:
            self._saved_body = text

    def _highlighted(self) -> Minute | None:
        minute_id = self.query_one(MinuteList).selected_id()
        return self.app.store.minutes.get(minute_id) if minute_id is not None else None

    def _take(self, minute_id: int | None) -> None:
        """Make a minute the one being taken, then show it everywhere."""
        self._save_notes()
        self.app.set_minute(minute_id)
        self.reload()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The footer offers only what fits the minute on show: drafts change, confirmed minutes amend."""
        minute = self._shown
        if action in ("take_agenda", "urgent", "withdraw", "move", "exempt", "confirm"):
            return minute is None or not minute.confirmed
        if action == "amend":
            return minute is not None and minute.confirmed
        return True

    # events -------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "minute-notes":
            self._save_notes()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if event.text_area.id == "minute-notes" and self._editing_id is not None:
            row, column = event.selection.end
            self.app.store.ui_state.set("notes_cursor", f"{self._editing_id}:{row}:{column}")

    def on_notes_editor_typing_refused(self, event: NotesEditor.TypingRefused) -> None:
        self.notify("These minutes are confirmed, so their notes cannot change. "
                    "Press Escape, then a to record an amendment.", severity="warning")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Read the list as it is now: refilling it sends highlights of rows since replaced.
        chosen = self.query_one(MinuteList).selected_id()
        if chosen is not None and chosen != self.app.minute_id:
            self._save_notes()
            self.app.set_minute(chosen)
            self._show_minute(self.app.current_minute())
            self.refresh_strip()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter takes the highlighted item and puts the cursor in its notes."""
        if self.app.minute_id is not None:
            self.query_one(NotesEditor).focus()

    # actions ------------------------------------------------------------------
    def action_item(self, delta: int) -> None:
        self._save_notes()
        super().action_item(delta)

    def action_leave_notes(self) -> None:
        self._save_notes()
        self.query_one(MinuteList).focus()

    def action_take_agenda(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        store = self.app.store
        before = len(store.minutes.list_for(meeting.id))
        if not store.agenda.list_for(meeting.id) and self.run_store(
                store.agenda.start_from_standard_items, meeting.id) is None:
            return
        minutes = self.run_store(store.minutes.take_agenda, meeting.id)
        if minutes is None:
            return
        opened = len(minutes) - before
        if opened:
            numbers = [m.number for m in minutes]
            self.notify(f"Opened {opened} minutes from the agenda: {numbers[0]} to {numbers[-1]}.")
        else:
            self.notify("Every listed agenda item already has its minute.")
        self._take(self.app.minute_id or (minutes[0].id if minutes else None))
        self.query_one(MinuteList).focus()

    def action_urgent(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        fields = [
            Field("title", "Title of the urgent item", ""),
            Field("reasons", "The Chair's reasons for urgency (s100B(4)(b)); they go into the minute", "",
                  kind="textarea"),
        ]
        added: list[Minute] = []
        self._form("Urgent business, taken with the Chair's agreement", fields, lambda v: added.append(
            self.app.store.minutes.add_urgent_item(meeting.id, v["title"], v["reasons"])),
            lambda: self._take(added[0].id))

    def action_withdraw(self) -> None:
        minute = self._highlighted()
        if minute is None:
            return
        ids = self.query_one(MinuteList).ids
        index = ids.index(minute.id)
        neighbour = (ids[index + 1:] + ids[:index][-1:] or [None])[0]
        fields = [Field("status", "The item is", "withdrawn", kind="select",
                        options=[("Withdrawn", "withdrawn"), ("Deferred to a later meeting", "deferred")])]
        self._form(
            f"Withdraw or defer minute {minute.number}, {minute.title}? It is not minuted: it gives up its "
            "number, the minutes after it move up, and its notes and resolutions are deleted.",
            fields, lambda v: self.app.store.minutes.withdraw(minute.id, v["status"]),
            lambda: self._take(neighbour))

    def action_move(self, delta: int) -> None:
        minute = self._highlighted()
        if minute is not None and self.run_store(self.app.store.minutes.move, minute.id, delta):
            self._take(minute.id)

    def action_exempt(self) -> None:
        minute = self._highlighted()
        if minute is None:
            return
        options = [("Public: not exempt", 0)] + [
            (f"Paragraph {number}: {label}", number) for number, label in EXEMPT_PARAGRAPHS.items()]
        fields = [Field("paragraph", "Press and public excluded under Schedule 12A", minute.exempt_paragraph or 0,
                        kind="select", options=options)]
        self._form(f"Minute {minute.number}, {minute.title}: taken in private?", fields,
                   lambda v: self.app.store.minutes.set_exempt(minute.id, v["paragraph"] or None),
                   self.reload)

    def action_close_meeting(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        fields = [Field("at_time", "The meeting closed at", f"{self.app.now():%H:%M}", placeholder="20:11 or 8:11 pm")]
        self._form(f"Closing time of the meeting of {long_date(meeting.date)}", fields,
                   lambda v: self.app.store.meetings.close(meeting.id, v["at_time"]), self.reload)

    def action_confirm(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        minutes = self.app.store.minutes.list_for(meeting.id)
        numbers = [m.number for m in minutes if m.number is not None]
        span = f" (minutes {numbers[0]} to {numbers[-1]})" if len(numbers) > 1 else ""

        def answered(yes: bool | None) -> None:
            if yes and self.run_store(self.app.store.minutes.confirm_meeting, meeting.id, self.app.now(),
                                      success="Confirmed as a correct record: these minutes are now locked."):
                self.reload()

        self.app.push_screen(ConfirmDialog(
            f"Confirm the minutes of the meeting of {long_date(meeting.date)}{span} as a correct record? "
            "They and their numbers are then locked; a correction becomes an amendment with a reason.",
            confirm_label="Confirm"), answered)

    def action_amend(self) -> None:
        minute = self._highlighted()
        if minute is None:
            return
        if not minute.confirmed:
            self.notify(f"Minute {minute.number} is a draft: edit its notes directly (Enter).", severity="warning")
            return

        def submit(values: dict) -> None:
            self.app.store.minutes.amend(minute.id, values["field"], values["new_value"], values["reason"],
                                         self.app.now(), by=values["by"].strip() or None)

        self.app.push_screen(AmendDialog(minute, submit), lambda ok: self.reload() if ok else None)

    # helpers ------------------------------------------------------------------
    def _meeting(self):
        meeting = self.app.current_meeting()
        if meeting is None:
            self.notify("Choose a meeting first: ctrl+o.", severity="warning")
        return meeting

    def _form(self, title: str, fields: list[Field], submit, then) -> None:
        """A form that calls the store; after a successful save, `then()` refreshes."""
        self._save_notes()

        def done(ok: bool | None) -> None:
            if ok:
                then()
                self.query_one(MinuteList).focus()

        self.app.push_screen(FormDialog(title, fields, submit), done)
