"""A member's declarations of interest across the committee's meetings (h in the Declarations pane)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from store.meeting_models import Declaration
from store.models import Meeting
from tui.widgets.declaration_lists import HistoryList


class DeclarationHistoryDialog(ModalScreen[None]):
    """Shows the history it is given; the screen asks the store for it."""

    CSS = """
    DeclarationHistoryDialog #dialog.history {
        width: 116;
    }
    DeclarationHistoryDialog HistoryList {
        height: auto;
        max-height: 20;
        overflow-x: hidden;
    }
    DeclarationHistoryDialog #history-detail {
        margin-top: 1;
    }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close"), Binding("h", "dismiss", "Close", show=False)]

    def __init__(self, title: str, history: list[tuple[Meeting, Declaration]], items: dict[int, str]) -> None:
        super().__init__()
        self.title_text = title
        self.history = history
        self.items = items

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog history"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield HistoryList(id="history-list")
            yield Static("", id="history-detail", markup=False)
            yield Static("Escape closes.", classes="field-help")

    def on_mount(self) -> None:
        history = self.query_one(HistoryList)
        history.show_history(self.history, self.items)
        history.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted declaration's nature in full (the table cuts it short)."""
        chosen = self.query_one(HistoryList).selected_id()
        nature = next((d.nature for _, d in self.history if d.id == chosen), "")
        self.query_one("#history-detail", Static).update(f"In that {nature}" if nature else "")
