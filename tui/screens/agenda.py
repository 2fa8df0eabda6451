"""Agenda pane: the meeting's numbered agenda as it prints, the highlighted item, its documents.

Two lists, tab between them. The items list declares the item verbs (n e d ^↑↓ w a f) and the
documents list its own (a f r l x e ^↑↓), so the footer shows the verbs of the list with focus;
the screen adds s t P E. Every verb runs here and every change is committed by the store at
once; the export runs in a thread worker with its own connection, so keys never wait.
"""

from __future__ import annotations

from functools import partial
from typing import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, OptionList, Static

from store.appendix_layout import AgendaEntry, Appendix, page_range
from store.dates import long_date
from store.errors import ClerkError
from store.models import Meeting
from store.programme_models import ProgrammeItem
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.screens import agenda_forms as forms
from tui.screens.agenda_documents import AgendaDocumentVerbs
from tui.screens.base import PaneScreen
from tui.widgets.agenda_lists import AgendaList, DocumentList, detail, header

ITEM_VERBS = {"item_edit", "item_remove", "item_move", "item_withdraw", "document_attach", "document_follow"}
DOCUMENT_VERBS = {"document_replace", "document_label", "document_rename", "document_remove", "document_move"}


class AgendaScreen(AgendaDocumentVerbs, PaneScreen):
    PANE_TITLE = "Agenda"
    CSS_PATH = "agenda.tcss"
    BINDINGS = [
        # tab is named under the items list ("tab: documents") and t in the header when topics wait.
        Binding("tab", "app.focus_next", "Lists", show=False, tooltip="Items ↔ the highlighted item's documents"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
        Binding("s", "start", "Standard items", tooltip="Start the agenda from the committee's standard items"),
        Binding("t", "topic", "Topic", show=False, tooltip="Add a topic the work programme scheduled for this meeting"),
        Binding("P", "publish", "Publish", tooltip="Publish the agenda: letters and pages are fixed"),
        Binding("E", "export", "Export", tooltip="Agenda or pack, public or private, Markdown or PDF"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._meeting: Meeting | None = None
        self._entries: list[AgendaEntry] = []
        self._topics: list[ProgrammeItem] = []
        self._leads: dict[int, str] = {}
        self._exporting: forms.ExportRequest | None = None
        self._verbs_state: tuple | None = None

    def compose_body(self) -> ComposeResult:
        yield Static("", id="agenda-header")
        yield Static("", id="agenda-progress")
        with Horizontal(id="agenda-body"):
            agenda = AgendaList(id="agenda-list")
            agenda.border_title = "Agenda"
            yield agenda
            with Vertical(id="agenda-side"):
                with VerticalScroll(id="item-detail-scroll") as scroll:
                    scroll.can_focus = False  # tab goes from the items straight to the documents
                    yield Static("", id="item-detail")
                yield DocumentList(title="Documents", id="document-list")

    def on_mount(self) -> None:
        self.query_one("#agenda-progress", Static).display = False
        self.query_one(AgendaList).focus()

    # loading ------------------------------------------------------------------------------
    def refresh_pane(self, select: int | None = None, select_document: int | None = None) -> None:
        app, store = self.app, self.app.store
        committee, meeting = app.current_committee(), app.current_meeting()
        self._meeting = meeting
        self._entries, self._topics = [], []
        head = self.query_one("#agenda-header", Static)
        self.query_one("#agenda-body").display = meeting is not None
        if committee is None:
            head.update("No committee yet: press 9 for Members, then n to create one.")
        elif meeting is None:
            head.update(Text.assemble(("No meeting chosen. ", "bold"),
                                      "Pick one in Meetings (key 1) and press Enter, or press ctrl+o to switch."))
        else:
            self._entries = store.appendices.layout(meeting.id)
            self._topics = store.programme.suggestions_for(meeting.id)
            self._leads = {o.id: f"{o.name}{f' ({o.initials})' if o.initials else ''}"
                           f"{f', {o.job_title}' if o.job_title else ''}" for o in store.officers.list(committee.body_id)}
            head.update(header(meeting, store, app.today(), self._entries, len(self._topics)))
            agenda = self.query_one(AgendaList)
            agenda.border_subtitle = "tab: documents" if self._entries else ""
            agenda.show_entries(self._entries, select)
        self._show_item(select_document)

    def _show_item(self, select_document: int | None = None) -> None:
        entry = self._entry()
        documents = self.query_one(DocumentList)
        documents.show_appendices(entry.appendices if entry else (),
                                  select=str(select_document) if select_document is not None else None)
        documents.display = entry is not None
        documents.border_title = f"Documents of item {entry.number}" if entry else "Documents"
        documents.border_subtitle = "" if not entry or entry.appendices else "none: a attaches a report"
        shown = detail(entry, self._leads.get(entry.item.lead_officer_id) if entry else None)
        if entry is None and self._meeting is not None:
            shown = self._empty_hint()
        self.query_one("#item-detail", Static).update(shown)
        self._footer_follows()

    def _empty_hint(self) -> Text:
        standard = self.app.store.standard_items.list_for(self._meeting.committee_id)
        text = Text()
        text.append("This agenda has no items yet.\n\n", style="bold")
        text.append("s  ", style="bold")
        text.append("start from the committee's standard items: " + ", ".join(s.title.capitalize() for s in standard)
                    + ".\n" if standard else "start from the committee's standard items.\n")
        text.append("n  ", style="bold")
        text.append("add an item of business.\n")
        if self._topics:
            text.append("t  ", style="bold")
            text.append(f"add one of the {len(self._topics)} topics the work programme set for this meeting.\n")
        return text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_item()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_item_edit()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._footer_follows()

    def _footer_follows(self) -> None:
        """Redraw the footer when the verbs on offer change (it rebuilds itself each time, so only then)."""
        meeting = self._meeting
        state = (meeting.status if meeting else None, bool(self._entries), bool(self._topics),
                 self._appendix() is not None)
        if state != self._verbs_state:
            self._verbs_state = state
            self.refresh_bindings()

    # what is selected ---------------------------------------------------------------------
    def _entry(self) -> AgendaEntry | None:
        item_id = self.query_one(AgendaList).selected_id()
        return next((e for e in self._entries if e.item.id == item_id), None)

    def _appendix(self) -> Appendix | None:
        entry, document_id = self._entry(), self.query_one(DocumentList).selected_id()
        return next((a for a in entry.appendices if a.document.id == document_id), None) if entry else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meeting = self._meeting
        if action == "start":
            return meeting is not None and not self._entries
        if action == "item_new":
            return meeting is not None
        if action in ITEM_VERBS:
            return bool(self._entries)
        if action in DOCUMENT_VERBS:
            return True if self._appendix() is not None else None
        if action == "topic":
            return bool(self._topics)
        if action == "publish":
            return meeting is not None and meeting.status == "scheduled" and bool(self._entries)
        if action == "export":
            return bool(self._entries)
        return True

    # after a change -----------------------------------------------------------------------
    def _form(self, title: str, fields, save, message, select_document: bool = False,
              notify_errors: bool = False) -> None:
        """A form whose `save(values)` returns the item or document it wrote; then show it."""
        saved: list = []

        def submit(values: dict) -> None:
            try:
                saved.append(save(values))
            except ClerkError as error:
                if notify_errors:  # a file the clerk named: say so out loud as well as in the form
                    self.notify(str(error), severity="error", markup=False)
                raise

        def done(ok: bool | None) -> None:
            if ok and saved:
                self._changed(saved[-1], message, select_document)

        self.app.push_screen(FormDialog(title, fields, submit), done)

    def _changed(self, record, message, document: bool = False) -> None:
        """Reload with the cursor on `record` (an item, or a document), then say what happened."""
        if document:
            self.refresh_pane(select=record.agenda_item_id, select_document=record.id)
        else:
            self.refresh_pane(select=record.id if record is not None else None)
        if callable(message):
            message = message(record)
        if message:
            self.notify(message, markup=False)

    def _reference(self, document) -> str:
        """Where a document now sits: 'Appendix B (Pages 9 - 14)'."""
        for entry in self._entries:
            for appendix in entry.appendices:
                if appendix.document.id == document.id:
                    pages = page_range(appendix.first_page, appendix.last_page)
                    return f"Appendix {appendix.label}" + (f" ({pages})" if pages else "")
        return ""

    def _ask(self, question: str, label: str, then) -> None:
        self.app.push_screen(ConfirmDialog(question, label), lambda yes: then() if yes else None)

    # the agenda ---------------------------------------------------------------------------
    def action_start(self) -> None:
        if self._meeting is None:
            return
        items = self.run_store(self.app.store.agenda.start_from_standard_items, self._meeting.id)
        if items:
            self.refresh_pane(select=items[0].id)
            self.notify(f"The agenda starts from the {len(items)} standard items.")

    def action_item_new(self, topic: ProgrammeItem | None = None) -> None:
        """The item form; for a `topic` of the work programme, filled in from it."""
        if (meeting := self._meeting) is None:
            return
        store = self.app.store
        published = meeting.status == "agenda-published"
        committee = self.app.current_committee()

        def save(values: dict):
            v = forms.item_values(values)
            item = store.agenda.add(meeting.id, v["title"], description=v["description"],
                                    recommendation=v["recommendation"], exempt_paragraph=v["exempt_paragraph"],
                                    urgency_reasons=v.get("urgency_reasons"), lead_officer_id=v["lead_officer_id"],
                                    work_programme_item_id=topic.id if topic else None)
            return store.agenda.update(item.id, verbal_update=True) if v["verbal_update"] else item

        lead = None
        if topic is not None and topic.lead_officers:
            try:
                lead = store.officers.find(topic.lead_officers[0], committee.body_id).id
            except ClerkError:
                lead = None  # initials the officer list does not know: the clerk chooses
        fields = forms.item_fields(store.officers.list(committee.body_id), published,
                                   title=topic.topic.upper() if topic else "", lead_officer_id=lead)
        title = "New item from the work programme" if topic else "New item of business"
        self._form(title + (" (supplementary agenda)" if published else ""), fields, save, "Item added.")

    def action_item_edit(self) -> None:
        if (entry := self._entry()) is None:
            return
        store, item = self.app.store, entry.item
        fields = forms.item_fields(store.officers.list(self.app.current_committee().body_id),
                                   self._meeting.status == "agenda-published", item)
        self._form(f"Edit item {entry.number}", fields,
                   lambda values: store.agenda.update(item.id, **forms.item_values(values)), "Item saved.")

    def action_item_remove(self) -> None:
        if (entry := self._entry()) is None:
            return
        store, item = self.app.store, entry.item
        if store.agenda.is_published(item.meeting_id):
            if item.status == "withdrawn":
                self.notify("The agenda is published and this item is already withdrawn.", severity="warning")
                return
            self._ask(f"The agenda is published, so item {entry.number} stays on it.\n\nWithdraw "
                      f"'{item.title}' instead? It keeps its number, marked withdrawn.", "Withdraw",
                      partial(self._set_status, item.id, "withdrawn"))
            return
        documents = len(entry.appendices)
        question = f"Remove item {entry.number}, '{item.title}', from the agenda?"
        if documents:
            question += f"\n\nIts {documents} document{'s' * (documents != 1)} go{'es' * (documents == 1)} with it."

        def remove() -> None:
            if self.run_store(lambda: store.agenda.remove(item.id) or True):
                self.refresh_pane()
                self.notify(f"Item {entry.number} removed; the items below move up.")

        self._ask(question, "Remove", remove)

    def action_item_move(self, delta: int) -> None:
        if (entry := self._entry()) is not None:
            self._changed(self.run_store(self.app.store.agenda.move, entry.item.id, delta) or entry.item, None)

    def action_item_withdraw(self) -> None:
        if (entry := self._entry()) is not None:
            self._set_status(entry.item.id, "listed" if entry.item.status != "listed" else "withdrawn")

    def _set_status(self, item_id: int, status: str) -> None:
        if (item := self.run_store(self.app.store.agenda.set_status, item_id, status)) is None:
            return
        self._changed(item, "Item reinstated." if status == "listed" else "Item withdrawn; w reinstates it.")

    def action_topic(self) -> None:
        if not self._topics:
            self.notify("No work-programme topic for this meeting is waiting: plan topics in the Work programme (7).",
                        severity="warning")
            return

        def chosen(topic_id: int | None) -> None:
            if topic_id is not None and self._meeting.status == "agenda-published":
                # A supplementary item needs the Chair's reasons for urgency: the form asks for them.
                self.action_item_new(next(t for t in self._topics if t.id == topic_id))
            elif topic_id is not None:
                item = self.run_store(self.app.store.programme.place_on_agenda, topic_id)
                if item is not None:
                    self._changed(item, f"Added from the work programme: {item.title}.")

        self.app.push_screen(forms.TopicDialog(self._topics), chosen)

    def action_publish(self) -> None:
        if (meeting := self._meeting) is None:
            return
        today = self.app.today()
        deadline = self.app.store.meetings.deadline(meeting, today)
        question = (f"Publish the agenda of {long_date(meeting.date)} today, {long_date(today)}?\n\n"
                    f"The last day to publish it is {long_date(deadline.last_day)} ({deadline.rule}).")
        if deadline.missed:
            question += " That day has passed: the agenda is late."
        question += ("\n\nPublishing fixes the item numbers, appendix letters and page numbers; a later change "
                     "is a supplementary agenda, and a new item (numbered after the item it follows: 10A) "
                     "needs the Chair's reasons for urgency.")

        def publish() -> None:
            if self.run_store(lambda: self.app.store.appendices.publish(meeting.id, today) or True):
                self.reload()
                self.notify(f"Agenda published on {long_date(today)}.")

        self._ask(question, "Publish", publish)

    # documents ----------------------------------------------------------------------------
    # help and the palette -----------------------------------------------------------------
    @classmethod
    def help_sections(cls) -> list[tuple[str, list]]:
        return [("Agenda pane", cls.BINDINGS), ("Agenda pane: items", AgendaList.BINDINGS),
                ("Agenda pane: documents", DocumentList.BINDINGS)]

    def pane_commands(self) -> Iterable[SystemCommand]:
        yield from super().pane_commands()
        for kind, noun in ((AgendaList, "item"), (DocumentList, "document")):
            for binding in kind.BINDINGS:
                if binding.show:
                    yield SystemCommand(f"{self.PANE_TITLE}: {binding.description} ({noun})",
                                        binding.tooltip or binding.key,
                                        partial(self._run_in_list, kind, binding.action.removeprefix("screen.")))

    def _run_in_list(self, kind, action: str) -> None:
        self.query_one(kind).focus()
        self.run_action(action)

