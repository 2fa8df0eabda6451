"""Meetings pane: the committee's calendar by municipal year, statuses and deadlines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from store.dates import clock_time, long_date, short_date
from store.errors import ClerkError
from store.meetings import status_label
from store.models import MEETING_STATUSES, Meeting
from store.numbering import municipal_year_label
from store.values import time_text
from tui.screens.year_pane import YearPaneScreen
from tui.widgets.meeting_lists import MeetingList

if TYPE_CHECKING:
    from store.importing.models import ImportReport
    from tui.dialogs.form import Field

# The dialogs (and the form widgets they need) load when first opened: this is the pane the
# app usually starts on (benchmarks/app_scale.py).


def published_on(meeting: Meeting) -> date | None:
    """The day the agenda was published, if the store knows it."""
    return date.fromisoformat(meeting.published_at[:10]) if meeting.published_at else None


def days_late(meeting: Meeting, last_day: date) -> int | None:
    """How many days after its last publication day the agenda was published; None if on time or not known."""
    published = published_on(meeting)
    if published is None or meeting.status == "scheduled" or published <= last_day:
        return None
    return (published - last_day).days


class MeetingsScreen(YearPaneScreen):
    PANE_TITLE = "Meetings"
    BINDINGS = [
        Binding("n", "new", "New", tooltip="Add a meeting to the calendar"),
        Binding("e", "edit", "Edit", tooltip="Change date, time, place or livestream"),
        Binding("m", "move", "Move", tooltip="Move the meeting to another date or time"),
        Binding("x", "cancel_meeting", "Cancel", tooltip="Mark the meeting cancelled"),
        Binding("s", "advance", "Status", tooltip="Scheduled → agenda published → held → minutes confirmed"),
        Binding("o", "open", "Open", tooltip="Make this the meeting every pane follows (or Enter)"),
        Binding("i", "import_files", "Import", tooltip="Import minutes or an agenda pack"),
        Binding("left_square_bracket", "year(-1)", "Prev year", key_display="["),
        Binding("right_square_bracket", "year(1)", "Next year", key_display="]"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="year-bar")
        yield MeetingList(id="meetings-table")
        yield Static("", id="meeting-detail")

    # loading ----------------------------------------------------------------
    def refresh_pane(self) -> None:
        self.follow_committee()
        self._fill_table()

    def _fill_table(self, keep_meeting: int | None = None) -> None:
        table = self.query_one(MeetingList)
        committee = self.app.current_committee()
        if committee is None:
            table.show([])
            self.query_one("#year-bar", Static).update("No committee yet: press 9 for Members, then n to create one.")
            self.query_one("#meeting-detail", Static).update("")
            return
        years = self.app.store.meetings.years_for(committee.id)
        label = municipal_year_label(self.year)
        span = (f"  ({len(years)} year{'s' if len(years) != 1 else ''} with meetings: "
                f"{municipal_year_label(years[0])} to {municipal_year_label(years[-1])})" if years else "")
        self.query_one("#year-bar", Static).update(
            Text.assemble(("Municipal year ", ""), (label, "bold"), ("   [ previous · ] next" + span, "dim"))
        )
        today = self.app.today()
        meetings = self.app.store.meetings.list_for(committee.id, self.year)
        target = keep_meeting if keep_meeting is not None else self.app.meeting_id
        table.show([(meeting.id, self._cells(meeting, today)) for meeting in meetings], select=target)
        if not meetings:
            self.query_one("#meeting-detail", Static).update(
                Text(f"No meetings in {label}. Press n to add one, i to import minutes or an agenda pack, "
                     "or [ and ] to see other years.")
            )
            return
        self._show_detail()

    def _cells(self, meeting: Meeting, today) -> list:
        deadline = self.app.store.meetings.deadline(meeting, today)
        current = "▶" if meeting.id == self.app.meeting_id else ""
        dim = "dim strike" if meeting.cancelled else ""
        if meeting.cancelled:
            publish = Text("—", style="dim")
        elif deadline.missed:
            publish = Text(f"{short_date(deadline.last_day)} MISSED", style="bold red")
        elif days_late(meeting, deadline.last_day) is not None:
            # as wide as "MISSED" at most: the detail line below says when it was published and how late
            publish = Text(f"{short_date(deadline.last_day)} LATE", style="bold yellow")
        elif meeting.status != "scheduled":
            publish = Text(f"{short_date(deadline.last_day)} ✓", style="green")
        else:
            publish = Text(short_date(deadline.last_day))
        return [
            Text(current, style="bold"),
            Text(short_date(meeting.date), style=dim),
            Text(clock_time(meeting.start_time) if meeting.start_time else "", style=dim),
            Text(meeting.place or "", style=dim),
            Text(status_label(meeting.status), style="italic" if meeting.cancelled else ""),
            publish,
            Text(short_date(deadline.agenda_setting) if deadline.agenda_setting else ""),
        ]

    def _selected(self) -> Meeting | None:
        meeting_id = self.query_one(MeetingList).selected_id()
        return self.app.store.meetings.get(meeting_id) if meeting_id is not None else None

    def _show_detail(self) -> None:
        meeting = self._selected()
        detail = self.query_one("#meeting-detail", Static)
        if meeting is None:
            detail.update("")
            return
        store = self.app.store
        deadline = store.meetings.deadline(meeting, self.app.today())
        when = long_date(meeting.date) + (f" at {clock_time(meeting.start_time)}" if meeting.start_time else "")
        text = Text()
        text.append(when, style="bold")
        text.append(f"  ·  {meeting.place or 'place not set'}\n")
        if meeting.cancelled:
            text.append(f"Cancelled{': ' + meeting.cancelled_reason if meeting.cancelled_reason else ''}\n", style="italic")
        else:
            text.append(f"Livestream: {meeting.livestream_url or 'none'}\n")
            text.append(f"Agenda to be published by {long_date(deadline.last_day)} ({deadline.rule})")
            if deadline.missed:
                text.append("  — the deadline has passed and the agenda is not published", style="bold red")
            elif (late := days_late(meeting, deadline.last_day)) is not None:
                text.append(f"  — published {long_date(published_on(meeting))}, "
                            f"{late} day{'s' if late != 1 else ''} late", style="bold yellow")
            elif meeting.published_at:
                text.append(f"  — published {long_date(published_on(meeting))}", style="green")
            text.append("\n")
            if deadline.agenda_setting:
                text.append(f"Agenda-setting meeting: {long_date(deadline.agenda_setting)}\n")
            text.append(f"First minute number: {store.minute_numbers.first_for(meeting.id)}\n")
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    # actions ----------------------------------------------------------------
    def show_year(self) -> None:
        self._fill_table()

    def action_open(self) -> None:
        meeting = self._selected()
        if meeting is not None:
            self.app.set_context(meeting.committee_id, meeting.id)
            self.notify(f"Every pane now follows the meeting of {long_date(meeting.date)}.")

    def action_new(self) -> None:
        committee = self.app.current_committee()
        if committee is None:
            self.notify("Create a committee first: press 9 for Members, then n.", severity="warning")
            return
        fields = _meeting_fields("", committee.default_time, committee.default_place, committee.livestream_url, None)
        self._open_form(f"New meeting of the {committee.name}", fields,
                        lambda values: self.app.store.meetings.add(committee.id, **values))

    def action_edit(self) -> None:
        meeting = self._selected()
        if meeting is None:
            return
        fields = _meeting_fields(meeting.date.isoformat(), meeting.start_time, meeting.place,
                                 meeting.livestream_url, meeting.agenda_setting_date)
        self._open_form(f"Edit the meeting of {long_date(meeting.date)}", fields,
                        lambda values: self.app.store.meetings.update(meeting.id, **values))

    def action_move(self) -> None:
        from tui.dialogs.form import Field

        meeting = self._selected()
        if meeting is None:
            return
        fields = [
            Field("new_date", "New date", meeting.date.isoformat()),
            Field("new_time", "New start time", time_text(meeting.start_time) or ""),
        ]
        self._open_form(f"Move the meeting of {long_date(meeting.date)}", fields,
                        lambda values: self.app.store.meetings.move(meeting.id, **values))

    def action_cancel_meeting(self) -> None:
        from tui.dialogs.form import Field

        meeting = self._selected()
        if meeting is None:
            return
        fields = [Field("reason", "Reason (shown in the calendar)", "")]
        self._open_form(
            f"Cancel the meeting of {long_date(meeting.date)}? It stays in the calendar, marked cancelled.",
            fields,
            lambda values: self.app.store.meetings.cancel(meeting.id, values["reason"]),
        )

    def _open_form(self, title: str, fields: list[Field], save) -> None:
        """A form whose `save(values)` returns the meeting it wrote; then show that meeting."""
        from tui.dialogs.form import FormDialog

        saved: list[Meeting] = []

        def done(ok: bool | None) -> None:
            if ok and saved:
                meeting = saved[0]
                committee = self.app.store.committees.get(meeting.committee_id)
                self.year = self.app.store.meetings.year_of(committee, meeting.date)
                self.reload()
                self._fill_table(keep_meeting=meeting.id)
                self.notify("Saved.")

        self.app.push_screen(FormDialog(title, fields, lambda values: saved.append(save(values))), done)

    def action_import_files(self) -> None:
        from tui.dialogs.import_files import ImportDialog

        self.app.push_screen(ImportDialog(self.app.store.committees.list(), self.app.current_committee(),
                                          self._imported))

    def _imported(self, report: ImportReport) -> None:
        """Show what an import stored: the year of its meetings, and its committee and meeting when
        nothing was current."""
        store, app = self.app.store, self.app
        try:
            committee = store.committees.by_name(report.committee or "")
            day = max(part.date for part in (report.minutes, report.agenda) if part is not None and part.stored)
            meeting = store.meetings.on(committee.id, day)
        except (ClerkError, ValueError):
            self.reload()
            return
        if app.committee_id is None or (app.committee_id == committee.id and app.meeting_id is None):
            app.set_context(committee.id, meeting.id)
        self.reload()
        if committee.id == app.committee_id:
            self.year = store.meetings.year_of(committee, day)
            self._fill_table(keep_meeting=meeting.id)

    def action_advance(self) -> None:
        from tui.dialogs.confirm import ConfirmDialog

        meeting = self._selected()
        if meeting is None:
            return
        if meeting.cancelled:
            self.notify("This meeting is cancelled.", severity="warning")
            return
        if meeting.status == MEETING_STATUSES[-1]:
            self.notify("The minutes of this meeting are already confirmed.", severity="warning")
            return
        following = MEETING_STATUSES[MEETING_STATUSES.index(meeting.status) + 1]

        def answered(yes: bool | None) -> None:
            if yes and self.run_store(self.app.store.appendices.advance_meeting, meeting.id, self.app.today()):
                self.reload()
                self._fill_table(keep_meeting=meeting.id)

        self.app.push_screen(
            ConfirmDialog(f"Mark the meeting of {long_date(meeting.date)} as '{status_label(following)}'?"),
            answered,
        )


def _meeting_fields(day: str, start_time, place, livestream_url, agenda_setting_date) -> list[Field]:
    from tui.dialogs.form import Field

    return [
        Field("date", "Date", day, placeholder="2021-03-09 or 9 March 2021"),
        Field("start_time", "Start time", time_text(start_time) or "", placeholder="17:30 or 5:30 pm"),
        Field("place", "Place", place or ""),
        Field("livestream_url", "Livestream link", livestream_url or ""),
        Field("agenda_setting_date", "Agenda-setting date (blank: the committee's rule)",
              agenda_setting_date.isoformat() if agenda_setting_date else ""),
    ]
