"""Declarations pane: the meeting's declarations of interest, the suggestions, a member's history.

Two lists, tab and shift+tab between them: the declarations made at this meeting, and
below them the register's standing interests and last meeting's declarations not yet
made today. y (or Enter on a suggestion) records the highlighted suggestion for the whole
meeting, the member remaining, in one key. A withdrawal for an item records the member's
departure and return in Attendance, and changing or deleting the declaration changes or
deletes them (the store does it).

A Disclosable Pecuniary Interest means the member must not take part (Localism Act 2011 s.31):
the form offers "withdrew" for one, a DPI suggestion opens the form rather than being
recorded in one key, and a DPI recorded without a withdrawal is accepted (the clerk records
what happened) with a warning.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Select, Static

from store.declarations import must_withdraw, warning_for
from store.errors import ClerkError
from store.meeting_models import DECLARATION_ACTION_LABELS, Declaration, DeclarationSuggestion
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.declaration_history import DeclarationHistoryDialog
from tui.dialogs.form import Field, FormDialog
from tui.screens.live_base import LIVE_BINDINGS, LivePaneScreen
from tui.widgets.declaration_lists import WHOLE_MEETING, DeclarationList, SuggestionList, item_label

WHOLE = 0  # the item choice meaning "the meeting as a whole"
TITLE = "Declarations at this meeting"
READ_ONLY = " (minutes confirmed, read-only)"


class DeclarationForm(FormDialog):
    """The declaration form: choosing a Disclosable Pecuniary Interest makes "withdrew" the action.

    Only a change of category the clerk makes moves the action, and only from "remained" (the
    default); choosing another category again puts back what it replaced.
    """

    def __init__(self, title: str, fields: list[Field], submit) -> None:
        super().__init__(title, fields, submit)
        self._category = next((f.value for f in fields if f.name == "category"), None)
        self._replaced: str | None = None  # the action "withdrew" replaced, while a DPI is chosen

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "field-category" or event.value == self._category:
            return
        self._category = event.value
        action = self.query_one("#field-action", Select)
        if must_withdraw(str(event.value)):
            if action.value == "remained":
                self._replaced, action.value = action.value, "withdrew"
        elif self._replaced is not None and action.value == "withdrew":
            action.value, self._replaced = self._replaced, None


class DeclarationsScreen(LivePaneScreen):
    PANE_TITLE = "Declarations"
    CSS_PATH = "declarations.tcss"
    BINDINGS = [
        *LIVE_BINDINGS,
        Binding("n", "new", "New", tooltip="Record a declaration: member, item, category, nature, action"),
        Binding("e", "edit", "Edit", tooltip="Change the highlighted declaration (or Enter)"),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted declaration"),
        Binding("y", "take", "Take suggestion",
                tooltip="Record the highlighted suggestion for the whole meeting, member remained (or Enter on it)"),
        Binding("h", "history", "History", tooltip="The highlighted member's declarations at this committee"),
        Binding("tab", "app.focus_next", "Next list", show=False, tooltip="Declarations → suggestions"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.declarations: list[Declaration] = []
        self.suggestions: list[DeclarationSuggestion] = []
        self.items: dict[int, str] = {}

    def compose_body(self) -> ComposeResult:
        yield DeclarationList(title=TITLE, id="declaration-list")
        yield Static("", id="declaration-detail")
        yield SuggestionList(title="Suggestions: the register of interests and last meeting", id="suggestion-list")

    # loading ------------------------------------------------------------------
    def refresh_pane(self) -> None:
        meeting = self.app.current_meeting()
        store = self.app.store
        self.declarations = store.declarations.list_for(meeting.id) if meeting else []
        self.suggestions = store.declarations.suggestions(meeting.id) if meeting else []
        self.items = self._item_labels(meeting.id) if meeting else {}
        declarations = self.query_one(DeclarationList)
        declarations.show_declarations(self.declarations, self.items, meeting is not None)
        locked = meeting is not None and store.attendance.record_locked(meeting.id)
        declarations.border_title = TITLE + (READ_ONLY if locked else "")
        self.query_one(SuggestionList).show_suggestions(self.suggestions)
        self._show_detail()
        self.refresh_bindings()

    def _item_labels(self, meeting_id: int) -> dict[int, str]:
        """Agenda item id → '92. TITLE' once minuted, else its title."""
        store = self.app.store
        labels = {item.id: item.title for item in store.agenda.list_for(meeting_id, include_withdrawn=False)}
        for minute in store.minutes.list_for(meeting_id):
            if minute.agenda_item_id is not None and minute.number is not None:
                labels[minute.agenda_item_id] = f"{minute.number}. {minute.title}"
        return labels

    def _show_detail(self) -> None:
        """The highlighted declaration in full, as the minutes will word it."""
        declaration = self._declaration()
        text = Text()
        if declaration is not None:
            category = declaration.category
            article = "an" if category[:1].lower() in "aeiou" else "a"
            nature = declaration.nature.rstrip()
            text.append(f"{declaration.name} declared {article} {category} in that {nature}"
                        f"{'' if nature.endswith(('.', '!', '?')) else '.'}")
            text.append(f"\nFor {'the ' if declaration.agenda_item_id is None else ''}"
                        f"{item_label(declaration, self.items).plain}; "
                        f"{DECLARATION_ACTION_LABELS.get(declaration.action, declaration.action)}.", style="dim")
        self.query_one("#declaration-detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if isinstance(event.data_table, DeclarationList):
            self._show_detail()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter edits a declaration, or records a suggestion."""
        action = "edit" if isinstance(event.data_table, DeclarationList) else "take"
        if self.check_action(action, ()):
            getattr(self, f"action_{action}")()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    # what is selected -------------------------------------------------------------
    def _declaration(self) -> Declaration | None:
        chosen = self.query_one(DeclarationList).selected_id()
        return next((d for d in self.declarations if d.id == chosen), None)

    def _suggestion(self) -> DeclarationSuggestion | None:
        chosen = self.query_one(SuggestionList).selected_id()
        return self.suggestions[chosen] if chosen is not None and chosen < len(self.suggestions) else None

    def _person(self) -> tuple[int, str] | None:
        """The member of the highlighted row in the list with focus (else in either list)."""
        declaration, suggestion = self._declaration(), self._suggestion()
        chosen = [suggestion, declaration] if isinstance(self.focused, SuggestionList) else [declaration, suggestion]
        record = next((r for r in chosen if r is not None), None)
        return (record.person_id, record.name) if record else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meeting = self.app.meeting_id is not None
        if action == "new":
            return True if meeting else None
        if action in ("edit", "delete"):
            return True if meeting and self._declaration() else None
        if action == "take":
            return True if meeting and self._suggestion() else None
        if action == "history":
            return True if self.app.committee_id is not None and self._person() else None
        return True

    # verbs ------------------------------------------------------------------------
    def action_take(self) -> None:
        suggestion = self._suggestion()
        if suggestion is None or self.app.meeting_id is None:
            return
        if must_withdraw(suggestion.category):  # which item, and did they withdraw? One key cannot say.
            self.action_new(suggestion)
            return
        saved = self.run_store(
            self.app.store.declarations.add, self.app.meeting_id, suggestion.person_id, suggestion.category,
            suggestion.nature, "remained", None, suggestion.interest_id,
        )
        if saved is not None:
            self.reload()
            self.query_one(DeclarationList).select(saved.id)
            self._show_detail()
            self.notify(f"{saved.name}: {saved.category} recorded for the whole meeting.", markup=False)

    def action_new(self, suggestion: DeclarationSuggestion | None = None) -> None:
        """The form for a new declaration; from a suggestion, with its member, category and nature."""
        meeting, committee = self.app.current_meeting(), self.app.current_committee()
        if meeting is None or committee is None or not self._changeable():
            return
        store = self.app.store
        entries = store.attendance.list_for(meeting.id)
        if not entries:
            self.notify("No members serve on this committee on the day: press 9 for Members.", severity="warning")
            return
        person = (suggestion.person_id, suggestion.name) if suggestion else self._person()
        present = [e.person_id for e in entries if e.in_room]
        ids = [e.person_id for e in entries]
        default = person[0] if person and person[0] in ids else (present[0] if present else ids[0])
        options = [(e.name, e.person_id) for e in entries]
        if suggestion and suggestion.person_id not in ids:  # last meeting's member, not serving today
            options.append((suggestion.name, suggestion.person_id))
            default = suggestion.person_id
        fields = [Field("person_id", "Member", default, kind="select", options=options)]
        fields += self._declaration_fields(committee.declaration_categories, suggestion=suggestion)
        interest_id = suggestion.interest_id if suggestion else None

        def submit(values: dict) -> int:
            return store.declarations.add(meeting.id, values["person_id"], values["category"], values["nature"],
                                          values["action"], values["item"] or None, interest_id).id

        self._open("New declaration of interest", fields, submit)

    def action_edit(self) -> None:
        declaration, committee = self._declaration(), self.app.current_committee()
        if declaration is None or committee is None or not self._changeable():
            return
        fields = self._declaration_fields(committee.declaration_categories, declaration)

        def submit(values: dict) -> int:
            return self.app.store.declarations.update(declaration.id, values["category"], values["nature"],
                                                      values["action"], values["item"] or None).id

        self._open(f"Declaration by {declaration.name}", fields, submit)

    def _changeable(self) -> bool:
        """Before a form opens: False, with the store's reason shown, once the minutes are confirmed."""
        meeting = self.app.current_meeting()
        if meeting is None:
            return False
        try:
            self.app.store.declarations.refuse_if_locked(meeting)
        except ClerkError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        return True

    def _declaration_fields(self, categories, declaration: Declaration | None = None,
                            suggestion: DeclarationSuggestion | None = None) -> list[Field]:
        labels = dict(self.items)
        if declaration and declaration.agenda_item_id is not None and declaration.agenda_item_id not in labels:
            labels[declaration.agenda_item_id] = declaration.item_title or "an item no longer on the agenda"
        items = [(WHOLE_MEETING.capitalize(), WHOLE)] + [(label[:70], item_id) for item_id, label in labels.items()]
        category = (declaration or suggestion).category if declaration or suggestion else (
            categories[1] if len(categories) > 1 else categories[0])
        if category not in categories:  # a label since renamed in the committee's settings
            categories = (*categories, category)
        item = declaration.agenda_item_id if declaration and declaration.agenda_item_id is not None else WHOLE
        nature = (declaration or suggestion).nature if declaration or suggestion else ""
        # What happened, once recorded; for a new DPI, what should: the member withdraws.
        action = declaration.action if declaration else ("withdrew" if must_withdraw(category) else "remained")
        return [
            Field("item", "Item", item, kind="select", options=items),
            Field("category", "Category", category, kind="select", options=[(c, c) for c in categories]),
            Field("nature", "Nature of the interest (the minutes say: declared … in that …)",
                  nature, placeholder="e.g. his wife worked for the Reablement Team"),
            Field("action", "What the member did", action, kind="select",
                  options=[(label, key) for key, label in DECLARATION_ACTION_LABELS.items()],
                  help="Withdrew, for an item: the departure and return are recorded in Attendance. "
                  "A Disclosable Pecuniary Interest: the member must not take part."),
        ]

    def _open(self, title: str, fields: list[Field], submit) -> None:
        saved: list[int] = []

        def done(ok: bool | None) -> None:
            if ok and saved:
                self.reload()
                self.query_one(DeclarationList).select(saved[0])
                self._show_detail()
                self.notify("Declaration saved.")
                self._warn(saved[0])

        self.app.push_screen(DeclarationForm(title, fields, lambda values: saved.append(submit(values))), done)

    def _warn(self, declaration_id: int) -> None:
        """A DPI recorded without a withdrawal: accepted (it is what happened), but the clerk is told."""
        declaration = next((d for d in self.declarations if d.id == declaration_id), None)
        warning = warning_for(declaration) if declaration else None
        if warning:
            self.notify(warning, severity="warning", markup=False)

    def action_delete(self) -> None:
        declaration = self._declaration()
        if declaration is None or not self._changeable():
            return
        question = f"Delete the declaration by {declaration.name}?\n\n{declaration.category}: {declaration.nature}"
        if declaration.action == "withdrew" and declaration.agenda_item_id is not None:
            question += "\n\nThe withdrawal and return it recorded in Attendance are deleted with it."

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_store(self.app.store.declarations.remove, declaration.id)
                self.reload()

        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def action_history(self) -> None:
        person, committee = self._person(), self.app.current_committee()
        if person is None or committee is None:
            return
        store = self.app.store
        history = store.declarations.history_for(person[0], committee.id)
        items = {}
        for _, declaration in history:
            if declaration.agenda_item_id is not None:
                minute = store.minutes.for_item(declaration.agenda_item_id)
                if minute is not None and minute.number is not None:
                    items[declaration.agenda_item_id] = f"{minute.number}. {minute.title}"
        title = f"Declarations by {person[1]} at meetings of the {committee.name}"
        self.app.push_screen(DeclarationHistoryDialog(title, history, items))
