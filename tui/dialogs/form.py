"""One dialog for every small form: fields in, a store call out, errors shown in place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from store.errors import ClerkError


@dataclass
class Field:
    name: str
    label: str
    value: Any = ""
    kind: str = "text"  # text, select, checkbox, textarea
    options: list[tuple[str, Any]] = field(default_factory=list)
    placeholder: str = ""
    help: str = ""


class FormDialog(ModalScreen[bool]):
    """Shows `fields`; on save calls `submit(values)`. A ClerkError keeps the form open."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, title: str, fields: list[Field], submit: Callable[[dict], Any]) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.submit = submit

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog form"):
            yield Static(self.form_title, classes="dialog-title", markup=False)
            with VerticalScroll(id="form-fields"):
                for spec in self.fields:
                    yield from self._compose_field(spec)
            yield Static("", id="form-error", markup=False)
            with HorizontalGroup(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def _compose_field(self, spec: Field) -> ComposeResult:
        widget_id = f"field-{spec.name}"
        if spec.kind == "checkbox":
            yield Checkbox(spec.label, bool(spec.value), id=widget_id)
        else:
            yield Label(spec.label, classes="field-label")
            if spec.kind == "select":
                yield Select(spec.options, value=spec.value, allow_blank=False, id=widget_id, compact=True)
            elif spec.kind == "textarea":
                yield TextArea(spec.value or "", id=widget_id, classes="field-textarea")
            else:
                yield Input(
                    "" if spec.value is None else str(spec.value),
                    placeholder=spec.placeholder,
                    id=widget_id,
                    compact=True,
                )
        if spec.help:
            yield Static(spec.help, classes="field-help", markup=False)

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    # The fields scroll within 26 rows (app.tcss), which leaves the error and the buttons in view
    # on a 40-row terminal; on a shorter one they get a row less for every row it lacks.
    FIELDS_ROWS, AT_TERMINAL_ROWS, FEWEST_FIELD_ROWS = 26, 40, 4

    def on_resize(self, event: events.Resize) -> None:
        short_by = max(0, self.AT_TERMINAL_ROWS - event.size.height)
        fields = self.query_one("#form-fields")
        fields.styles.max_height = max(self.FEWEST_FIELD_ROWS, self.FIELDS_ROWS - short_by)

    def values(self) -> dict:
        result = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            else:
                result[spec.name] = widget.value
        return result

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        try:
            self.submit(self.values())
        except ClerkError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
