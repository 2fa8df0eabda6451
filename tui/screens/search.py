"""Search pane: type and the hits update as you type; Enter opens the minute.

The search runs in a thread worker on the pane's own database connection (opened by the first
search, kept while the pane lives, one search at a time). Every key starts a search at once
and interrupts the one still running (sqlite3 interrupt), so the hits follow the last key
without a pause and fast typing never queues searches. "97", "minute 97" or "97/2020" jumps
straight to that minute.
Keys here never clash with typing: ctrl+r switches the order, ctrl+t the committee filter,
ctrl+f sets the date filter (kept for the session only) and ctrl+l clears it.
The pane opens with the hits focused, so the number keys still change pane; a letter or
/ starts typing in the search box (where digits type), and Escape leaves it again.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store import Store
from store.date_ranges import date_range, range_text
from store.dates import short_date
from store.meeting_models import Minute
from store.search import CLOSE, OPEN, SearchHit
from tui.dialogs.form import Field, FormDialog
from tui.screens.base import PaneScreen

KIND_LABELS = {"minute": "minute", "resolution": "resolution", "agenda": "agenda item",
               "declaration": "declaration", "programme": "work programme"}


@dataclass(frozen=True)
class Results:
    text: str
    hits: list[SearchHit]
    jump: Minute | None


def highlighted(snippet: str) -> Text:
    """The snippet as plain Text, the words between « and » in bold reverse; never markup."""
    text = Text(no_wrap=False)
    rest = " ".join(snippet.split())
    while rest:
        start = rest.find(OPEN)
        if start < 0:
            text.append(rest)
            break
        text.append(rest[:start])
        end = rest.find(CLOSE, start + 1)
        if end < 0:
            text.append(rest[start + 1:], style="bold reverse")
            break
        text.append(rest[start + 1:end], style="bold reverse")
        rest = rest[end + 1:]
    return text


def hit_text(hit: SearchHit) -> Text:
    when = short_date(hit.date) if hit.date else "no meeting yet"
    number = f"Minute {hit.number}" if hit.number is not None else KIND_LABELS.get(hit.kind, hit.kind).capitalize()
    text = Text()
    text.append(number, style="bold")
    text.append(f"  {when}  ", style="")
    text.append(hit.committee, style="dim")
    if hit.exempt:
        text.append("  PRIVATE", style="bold red")
    text.append("\n")
    snippet = highlighted(hit.snippet)
    # When the words matched are the title itself (a topic has no other text), light them up in
    # the title rather than print the title twice.
    title_matched = snippet.plain == " ".join(hit.title.split())
    if title_matched:
        snippet.stylize("bold")
        text.append_text(snippet)
    else:
        text.append(hit.title, style="bold")
    if hit.kind != "minute":
        text.append(f"  ({KIND_LABELS.get(hit.kind, hit.kind)})", style="dim italic")
    if not title_matched:
        text.append("\n")
        text.append_text(snippet)
    return text


class SearchScreen(PaneScreen):
    PANE_TITLE = "Search"
    CSS_PATH = "search.tcss"
    BINDINGS = [
        Binding("ctrl+r", "toggle_order", "Order", tooltip="Newest first or most relevant first"),
        Binding("ctrl+t", "toggle_committee", "All/this committee",
                tooltip="Search every committee or only the current one"),
        Binding("ctrl+f", "dates", "Dates",
                tooltip="Only meetings from / to a date: 2021-03-09, 9/3/2021, 9 March 2021, March 2021 or 2021"),
        Binding("ctrl+l", "clear_dates", "Clear dates", show=False, tooltip="Search meetings of any date again"),
        Binding("slash", "to_input", "Type", key_display="/", tooltip="Type in the search box (or any letter)"),
        Binding("down", "to_hits", "Hits", show=False, tooltip="Move from the search box to the hits"),
        Binding("escape", "leave_input", "Leave", show=False,
                tooltip="Leave the search box, so number keys change pane again"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.order = "newest"
        self.only_committee = False
        self.since: date | None = None
        self.until: date | None = None
        self.dates_typed = ("", "")  # what the clerk typed, shown again when the form reopens
        self.hits: list[SearchHit] = []
        self.jump_to: Minute | None = None
        self.searched = ""
        self._reader: Store | None = None  # the searches' connection
        self._reading = threading.Lock()

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="Search minutes, resolutions, agenda items… or a minute number: 97, 97/2020",
                    id="search-input", select_on_focus=False)
        yield Static("", id="search-status")
        yield OptionList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-hits", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """A letter typed outside the search box goes into it (digits stay pane keys)."""
        search = self.query_one("#search-input", Input)
        character = event.character
        if search.has_focus or not character or not character.isprintable():
            return
        if character.isdigit() or character in " /[]":
            return
        event.stop()
        event.prevent_default()
        search.focus()
        search.insert_text_at_cursor(character)

    def refresh_pane(self) -> None:
        self._start()

    # searching ------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self._start()

    def _start(self) -> None:
        app = self.app
        committee = app.committee_id if self.only_committee else None
        if self._reader is not None:
            self._reader.db.conn.interrupt()  # the search still running is for older text
        self.run_search(self.query_one("#search-input", Input).value, committee, app.committee_id,
                        self.order, app.today(), self.since, self.until)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str, committee_id: int | None, current_committee: int | None,
                   order: str, today, since: date | None = None, until: date | None = None) -> None:
        worker = get_current_worker()
        with self._reading:
            if worker.is_cancelled:
                return
            if self._reader is None:
                self._reader = Store(self.app.store.path)
            try:
                hits = self._reader.search.search(text, committee_id=committee_id, since=since, until=until,
                                                  order=order)
                jump = self._reader.search.jump(text, current_committee, today)
            except sqlite3.OperationalError:
                if worker.is_cancelled:
                    return  # interrupted by the next key
                raise
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_results, Results(text, hits, jump))

    def on_unmount(self) -> None:
        if self._reader is not None:
            self._reader.db.conn.interrupt()
            with self._reading:
                self._reader.close()
                self._reader = None

    def show_results(self, results: Results) -> None:
        self.hits, self.jump_to, self.searched = results.hits, results.jump, results.text
        items: list[Option | None] = []
        if results.jump is not None:
            minute = results.jump
            items.append(Option(Text.assemble(
                (f"Go to minute {minute.number}", "bold"), "  ", (minute.title, ""),
            ), id="jump"))
        for index, hit in enumerate(results.hits):
            if items:
                items.append(None)  # a rule between hits
            items.append(Option(hit_text(hit), id=str(index)))
        options = self.query_one("#search-hits", OptionList)
        options.clear_options()
        options.add_options(items)  # in one go: each add_option(None) would measure every hit again
        if options.option_count:
            options.highlighted = 0
        self.query_one("#search-status", Static).update(self._status(results))

    def _status(self, results: Results) -> Text:
        order = "newest first" if self.order == "newest" else "most relevant first"
        scope = "this committee" if self.only_committee else "every committee"
        dates = range_text(self.since, self.until)
        when = (f" {dates}", "bold") if dates else ""
        text = results.text.strip()
        if not text:
            said = Text.assemble("Type a word to search every minute, resolution, agenda item, declaration "
                                 "and topic", (" of meetings", "") if dates else "", when, ".")
        elif not results.hits and results.jump is None:
            said = Text.assemble(f"No minute mentions '{text}'", when, ".")
            if self.only_committee:
                said.append(" (Only this committee is searched: ctrl+t searches every committee.)")
            if dates:
                said.append(" (ctrl+l searches meetings of any date.)")
        else:
            count = len(results.hits)
            said = Text.assemble(f"{count} hit{'s' if count != 1 else ''} for '{text}'", when)
            if results.jump is not None:
                said.append(f"; Enter goes to minute {results.jump.number}")
            said.append(".")
        dates_keys = "dates: ctrl+f changes, ctrl+l clears" if dates else "any date (ctrl+f)"
        return Text.assemble(said, (f"   {order} (ctrl+r) · {scope} (ctrl+t) · {dates_keys}", "dim"))

    # opening ------------------------------------------------------------------------
    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self.searched != event.value:
            return  # the search for what is typed has not come back yet
        if self.jump_to is not None:
            self.open_minute(self.jump_to.committee_id, self.jump_to.meeting_id, self.jump_to.id)
        elif self.hits:
            self.open_hit(self.hits[0])

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id == "jump" and self.jump_to is not None:
            self.open_minute(self.jump_to.committee_id, self.jump_to.meeting_id, self.jump_to.id)
        elif event.option_id is not None and event.option_id.isdigit():
            index = int(event.option_id)
            if index < len(self.hits):
                self.open_hit(self.hits[index])

    def open_hit(self, hit: SearchHit) -> None:
        if hit.meeting_id is None or hit.committee_id is None:
            self.notify("This work-programme topic is not planned for a meeting yet.", severity="warning")
            return
        self.open_minute(hit.committee_id, hit.meeting_id, hit.minute_id)

    def open_minute(self, committee_id: int, meeting_id: int, minute_id: int | None) -> None:
        app = self.app
        app.set_context(committee_id, meeting_id)
        if minute_id is not None:
            app.set_minute(minute_id)
        app.action_pane("minutes")

    # keys ---------------------------------------------------------------------------
    def action_toggle_order(self) -> None:
        self.order = "relevance" if self.order == "newest" else "newest"
        self._start()

    def action_toggle_committee(self) -> None:
        self.only_committee = not self.only_committee
        self._start()

    def action_dates(self) -> None:
        since, until = self.dates_typed
        fields = [
            Field("since", "From (meetings on or after)", since,
                  placeholder="2021-03-09, 9/3/2021, 9 March 2021, March 2021 or 2021"),
            Field("until", "To (meetings on or before)", until, placeholder="blank: no end",
                  help="A month or a year means all of it: 'to 2021' is to 31 December 2021."),
        ]
        self.app.push_screen(FormDialog("Search only meetings between these dates", fields, self._set_dates))

    def _set_dates(self, values: dict) -> None:
        """Raises InvalidInput (the form shows it, the filter stays as it was) for a date it cannot read."""
        self.since, self.until = date_range(values["since"], values["until"])
        self.dates_typed = (values["since"].strip(), values["until"].strip())
        self._start()

    def action_clear_dates(self) -> None:
        if self.since is None and self.until is None:
            self.notify("Meetings of any date are searched already: ctrl+f sets a date filter.")
            return
        self.since = self.until = None
        self.dates_typed = ("", "")
        self._start()

    def action_to_hits(self) -> None:
        options = self.query_one("#search-hits", OptionList)
        if options.option_count and not options.has_focus:
            options.focus()

    def action_to_input(self) -> None:
        search = self.query_one("#search-input", Input)
        search.focus()
        search.cursor_position = len(search.value)

    def action_leave_input(self) -> None:
        self.query_one("#search-hits", OptionList).focus()
