"""Amend a confirmed minute: which field, the corrected text, and why. The original stays."""

from __future__ import annotations

import getpass
from typing import Any, Callable

from textual.widgets import Select, TextArea

from store.meeting_models import Minute
from tui.dialogs.form import Field, FormDialog

FIELDS = (("Notes (the minute's text)", "body"), ("Title", "title"))


def who() -> str:
    """Who is amending, for the record: the computer's login name, which the clerk may overwrite."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container, a service): the clerk types one
        return ""


def current_value(minute: Minute, field: str) -> str:
    """The field as it now reads: the last amendment's text, else the confirmed original."""
    for amendment in reversed(minute.amendments):
        if amendment.field == field and amendment.new_value is not None:
            return amendment.new_value
    return getattr(minute, field) or ""


class AmendDialog(FormDialog):
    """A FormDialog whose corrected text follows the field chosen."""

    def __init__(self, minute: Minute, submit: Callable[[dict], Any]) -> None:
        number = f"minute {minute.number}" if minute.number is not None else "this minute"
        fields = [
            Field("field", "What to correct", "body", kind="select", options=list(FIELDS)),
            Field("new_value", "Corrected text", current_value(minute, "body"), kind="textarea"),
            Field("reason", "Reason for the amendment", "", placeholder="e.g. agreed at the meeting of 4 May 2021",
                  help="The confirmed text is kept; the amendment is shown with it, with this reason and the time."),
            Field("by", "Amended by", who(), placeholder="your name"),
        ]
        super().__init__(f"Amend confirmed {number}, {minute.title}", fields, submit)
        self.minute = minute

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-field" and isinstance(event.value, str):
            self.query_one("#field-new_value", TextArea).load_text(current_value(self.minute, event.value))
