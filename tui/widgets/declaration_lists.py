"""The Declarations pane's lists: the meeting's declarations, the suggestions, a member's history.

Each shows what it is given; `items` maps an agenda item id to its label ("92. TITLE"),
which the screen builds from the meeting's minutes.
"""

from __future__ import annotations

from rich.text import Text

from store.dates import short_date
from store.meeting_models import Declaration, DeclarationSuggestion
from store.models import Meeting
from tui.widgets.record_list import RecordList

ACTIONS = {"remained": "remained", "withdrew": "withdrew", "did-not-vote": "did not vote"}
WHOLE_MEETING = "whole meeting"


def item_label(declaration: Declaration, items: dict[int, str]) -> Text:
    if declaration.agenda_item_id is None:
        return Text(WHOLE_MEETING, style="italic")
    return Text(items.get(declaration.agenda_item_id) or declaration.item_title or "")


def action_label(action: str) -> Text:
    return Text(ACTIONS.get(action, action), style="bold yellow" if action == "withdrew" else "")


class DeclarationList(RecordList):
    """The meeting's declarations, keyed by declaration id."""

    COLUMNS = (("Member", 26), ("Item", 22), ("Category", 24), ("Nature of the interest", None), ("Action", None))

    def show_declarations(self, declarations: list[Declaration], items: dict[int, str], has_meeting: bool) -> None:
        rows = [(d.id, [d.name, item_label(d, items), d.category, d.nature, action_label(d.action)])
                for d in declarations]
        count = "1 declaration" if len(rows) == 1 else f"{len(rows)} declarations"
        self.show(rows, empty="none yet: n records one, y takes the highlighted suggestion" if has_meeting
                  else "choose a meeting (ctrl+o)", count=count)

    def person_of(self, declarations: list[Declaration]) -> int | None:
        chosen = self.selected_id()
        return next((d.person_id for d in declarations if d.id == chosen), None)


class SuggestionList(RecordList):
    """Standing interests and last meeting's declarations not yet made today, keyed by their index."""

    COLUMNS = (("Member", 26), ("Category", 30), ("Nature of the interest", None), ("From", None))

    def show_suggestions(self, suggestions: list[DeclarationSuggestion]) -> None:
        rows = [(index, [s.name, s.category, s.nature, Text(s.source, style="dim")])
                for index, s in enumerate(suggestions)]
        count = "1 suggestion: y or Enter records it" if len(rows) == 1 else \
            f"{len(rows)} suggestions: y or Enter records the highlighted one"
        self.show(rows, empty="nothing to suggest: no standing interests, nothing left from last meeting",
                  count=count)


class HistoryList(RecordList):
    """One member's declarations across the committee's meetings, newest first."""

    COLUMNS = (("Meeting", None), ("Item", 30), ("Category", 30), ("Nature of the interest", None), ("Action", None))

    def show_history(self, history: list[tuple[Meeting, Declaration]], items: dict[int, str]) -> None:
        rows = [(d.id, [short_date(meeting.date), item_label(d, items), d.category, d.nature, action_label(d.action)])
                for meeting, d in history]
        self.show(rows, empty="no declarations at this committee's meetings",
                  count="1 declaration" if len(rows) == 1 else f"{len(rows)} declarations")
