"""Choose the committee and meeting that every pane follows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import Store
from store.dates import short_date
from store.meetings import status_label


class SwitcherDialog(ModalScreen[tuple[int, int | None] | None]):
    """Type to filter; Enter picks a committee (its nearest meeting) or one meeting."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        # (what the filter matches, what is shown, what is chosen)
        self.choices: list[tuple[str, str, tuple[int, int | None]]] = []
        for committee in store.committees.list():
            self.choices.append((committee.name, committee.name, (committee.id, None)))
            for meeting in reversed(store.meetings.list_for(committee.id)):
                label = f"    {short_date(meeting.date)} · {status_label(meeting.status)}"
                self.choices.append((f"{label} {committee.name}", label, (committee.id, meeting.id)))

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog switcher"):
            yield Static("Switch committee or meeting", classes="dialog-title")
            yield Input(placeholder="Type a committee name or a date (e.g. mar 2021)", id="switch-filter")
            yield OptionList(id="switch-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, text: str) -> None:
        words = text.casefold().split()
        options = self.query_one(OptionList)
        options.clear_options()
        for index, (searched, label, _) in enumerate(self.choices):
            if all(word in searched.casefold() for word in words):
                options.add_option(Option(label, id=str(index)))
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(self.choices[int(option_id)][2])

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()
