"""The strip at the top of every pane: which committee and meeting the clerk is on."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from store.dates import clock_time, short_date
from store.meetings import status_label
from store.models import Committee, Meeting
from store.numbering import municipal_year_label


class ContextBar(Static):
    def show(self, pane_title: str, committee: Committee | None, meeting: Meeting | None, year: int | None) -> None:
        text = Text()
        text.append(f" {pane_title} ", style="bold reverse")
        text.append("  ")
        if committee is None:
            text.append("No committee yet: press 9 for Members and n to create one.", style="italic")
        else:
            text.append(committee.name, style="bold")
            if year is not None:
                text.append(f"  {municipal_year_label(year)}")
            if meeting is None:
                text.append("  · no meeting chosen (ctrl+o to switch)", style="italic")
            else:
                when = short_date(meeting.date)
                if meeting.start_time:
                    when += f", {clock_time(meeting.start_time)}"
                text.append(f"  · {when} · {status_label(meeting.status)}")
        self.update(text, layout=False)  # one line always (app.tcss): no layout needed
