"""Textual alone showing a meeting's minutes: the floor under clerk's "open a meeting's minutes".

A bare Textual app laid out as the Minutes pane (a context line and a strip above; the
numbered minutes in a DataTable on the left, the heading and the notes in a TextArea on the
right; a line and a Footer below) with a second screen to come from. Key 5 fills the minutes
screen with the next meeting's rows, heading and notes while it is hidden, then shows it:
what clerk does on the same key, with none of clerk's code, its store or its widgets. The
meetings and their text are read from the same archive, so both draw the same words.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rich.text import Text

Page = tuple[list[tuple[str, str, str, str]], str, str]  # rows, heading, notes


def pages(db: Path, meetings: list[tuple[int, int]]) -> list[Page]:
    """Each meeting's minutes as clerk lists them, the first minute's heading and its notes."""
    with sqlite3.connect(db) as conn:
        result = []
        for _, meeting_id in meetings:
            minutes = conn.execute(
                "SELECT m.number, m.title, m.status, m.body, (SELECT count(*) FROM resolutions r "
                "WHERE r.minute_id = m.id) FROM minutes m WHERE m.meeting_id = ? ORDER BY m.position",
                [meeting_id]).fetchall()
            rows = [(f"{number or '':>3}", title, status, f"{count or '·':>4}")
                    for number, title, status, _, count in minutes]
            number, title, status, body, _ = minutes[0] if minutes else ("", "", "", "", 0)
            result.append((rows, f"{number}. {title}\n{status}", body or ""))
    return result


def make_app(shown: list[Page]):
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Static, TextArea

    class Other(Screen):
        def compose(self) -> ComposeResult:
            yield Static("Meetings")
            yield Static("Some words of a paragraph. " * 40)
            yield Footer()

    class Minutes(Screen):
        CSS = """
        #left { width: 60; }
        DataTable, TextArea { border: round $foreground 25%; }
        DataTable { height: 1fr; }
        TextArea { height: 1fr; }
        #heading { height: auto; padding: 0 1; }
        """

        def compose(self) -> ComposeResult:
            yield Static("Adult Social Care Scrutiny Commission · Tuesday 9 March 2021", id="context")
            yield Static("LIVE 18:00", id="strip")
            with Horizontal():
                with Vertical(id="left"):
                    yield DataTable(cursor_type="row", zebra_stripes=True)
                with Vertical():
                    yield Static(id="heading")
                    yield TextArea(soft_wrap=True, show_line_numbers=False)
            yield Static("1 Meetings 2 Agenda 3 Attendance 4 Declarations 5 Minutes", id="panes")
            yield Footer()

        def show(self, page: Page) -> None:
            rows, heading, notes = page
            table = self.query_one(DataTable)
            table.clear(columns=True)
            for label, width in (("No.", 4), ("Item", 30), ("Status", 12), ("Res.", 4)):
                table.add_column(label, width=width)
            for number, title, status, count in rows:
                table.add_row(Text(number, style="bold"), Text(title), Text(status), Text(count))
            self.query_one("#heading", Static).update(Text(heading))
            self.query_one(TextArea).load_text(notes)

    class BareMinutes(App):
        MODES = {"other": Other, "minutes": Minutes}
        BINDINGS = [Binding("1", "switch_mode('other')", "Meetings"), Binding("5", "open", "Minutes")]

        def __init__(self) -> None:
            super().__init__()
            self.next_page = 0

        def on_mount(self) -> None:
            self.switch_mode("minutes")

        def action_open(self) -> None:
            minutes = self.get_screen_stack("minutes")[-1]
            minutes.show(shown[self.next_page % len(shown)])
            self.next_page += 1
            self.switch_mode("minutes")

    return BareMinutes()
