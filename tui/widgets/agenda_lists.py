"""The Agenda pane's pieces: the numbered agenda as it prints, the item's documents, the header, the detail.

They show what they are given and declare their verbs; the verbs run on the screen
(`screen.<action>`, tui/screens/agenda.py), so the footer shows the verbs of the list with focus.
"""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.appendix_layout import AgendaEntry, Appendix, page_range
from store.dates import clock_time, long_date, short_date
from store.meetings import status_label
from store.models import Meeting
from tui.widgets.fitted_table import FittedTable
from tui.widgets.minute_panels import EXEMPT_PARAGRAPHS

KIND_LABELS = {"pdf": "PDF", "markdown": "Markdown", "text": "Text", "to-follow": "to follow",
               "minutes": "minutes", "work-programme": "programme", "imported": "published"}
PRIVATE_DIVIDER = "private-session"


def _bindings(rows) -> list[Binding]:
    """Bindings that run the screen's verbs: (key, action, description, key shown, in footer, tooltip)."""
    return [Binding(key, f"screen.{action}", text, key_display=shown, show=show, tooltip=tip)
            for key, action, text, shown, show, tip in rows]


class AgendaList(OptionList):
    """The items in agenda order: number, title, flags, and the reference line under the title."""

    BINDINGS = _bindings([
        ("n", "item_new", "New", None, True, "Add an item of business before the closing standard items"),
        ("e", "item_edit", "Edit", None, True, "Title, description, recommendation, lead officer, exempt…"),
        ("d", "item_remove", "Remove", None, True, "Take the item off the agenda (after publication: withdraw)"),
        ("ctrl+up", "item_move(-1)", "Order", "^↑↓", True, "Move the item up within its part (also [)"),
        ("ctrl+down", "item_move(1)", "Later", "^↓", False, "Move the item down within its part (also ])"),
        ("left_square_bracket", "item_move(-1)", "Earlier", "[", False, "Move the item up"),
        ("right_square_bracket", "item_move(1)", "Later", "]", False, "Move the item down"),
        ("w", "item_withdraw", "Withdraw", None, True, "Withdraw the item, or reinstate a withdrawn one"),
        ("a", "document_attach", "Attach", None, True, "Attach a report: PDF, Markdown or text"),
        ("f", "document_follow", "To follow", None, False, "List a report to follow: it takes a letter now"),
    ])

    # Moving the cursor repaints the two items it leaves and reaches, not every line of the list
    # (OptionList repaints all of them: a third of what a cursor move cost).
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(new)
        for index in (old, new):
            line = self._index_to_line.get(index) if index is not None else None
            if line is not None:
                self.refresh(Region(0, line, self.size.width, self._heights[index]).translate(-self.scroll_offset))

    def show_entries(self, entries: list[AgendaEntry], select: int | None = None) -> None:
        """Show the agenda; the cursor goes to item `select`, else stays on the item it was on."""
        wanted = select if select is not None else self.selected_id()
        previous = self.highlighted or 0
        options: list[Option] = []
        # "12." fits in 3 columns; a supplementary "10A." needs one more, only when there is one.
        width = max([3, *(len(entry.number) + 1 for entry in entries)])
        for entry in entries:
            if entry.private and not any(o.id == PRIVATE_DIVIDER for o in options):
                options.append(Option(Text("PRIVATE SESSION: the press and public excluded", style="bold"),
                                      id=PRIVATE_DIVIDER, disabled=True))
            options.append(Option(entry_prompt(entry, width), id=str(entry.item.id)))
        self.set_options(options)
        ids = [o.id for o in options]
        if str(wanted) in ids:
            self.highlighted = ids.index(str(wanted))
        elif options:
            index = min(previous, len(options) - 1)
            self.highlighted = index if not options[index].disabled else min(index + 1, len(options) - 1)

    def selected_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id != PRIVATE_DIVIDER else None


class DocumentList(FittedTable):
    """The highlighted item's documents: appendix label, title, kind and pages."""

    COLUMNS = (("Appx", 4, 0), ("Title", None, 1), ("Kind", 9, 0), ("Pages", 9, 0))
    BINDINGS = _bindings([
        ("a", "document_attach", "Attach", None, True, "Attach a report: PDF, Markdown or text"),
        ("f", "document_follow", "To follow", None, True, "List a report to follow: it takes a letter now"),
        ("r", "document_replace", "Replace", None, True, "A new file for it (or the report that was to follow)"),
        ("l", "document_label", "Label", None, True, "The appendix label (B1…); blank lets clerk letter it"),
        ("e", "document_rename", "Rename", None, False, "Change the document's title"),
        ("x", "document_remove", "Remove", None, True, "Take the document off the item"),
        ("ctrl+up", "document_move(-1)", "Order", "^↑↓", True, "Move the document up (also [)"),
        ("ctrl+down", "document_move(1)", "Later", "^↓", False, "Move the document down (also ])"),
        ("left_square_bracket", "document_move(-1)", "Earlier", "[", False, "Move the document up"),
        ("right_square_bracket", "document_move(1)", "Later", "]", False, "Move the document down"),
    ])

    def show_appendices(self, appendices: tuple[Appendix, ...], select: str | None = None) -> None:
        rows = []
        for appendix in appendices:
            document = appendix.document
            to_follow = document.kind == "to-follow"
            kind = Text(KIND_LABELS.get(document.kind, document.kind), style="italic bold" if to_follow else "")
            pages = page_range(appendix.first_page, appendix.last_page)
            rows.append((str(document.id), [
                Text(appendix.label, style="bold"), document.title, kind,
                Text("to follow", style="italic") if to_follow else (pages or "—").removeprefix("Pages ")
                .removeprefix("Page "),
            ]))
        self.show_rows(rows, select=select)

    def selected_id(self) -> int | None:
        key = self.selected_key()
        return int(key) if key else None


def entry_prompt(entry: AgendaEntry, width: int = 3) -> Table:
    """'6.  PROCUREMENT PLAN FOR 2021/23' with its flags, and 'Appendix B (Pages 9 - 14)' below;
    the number ("6", or "10A" if added after publication) right-aligned in `width` columns."""
    item = entry.item
    listed = item.status == "listed"
    body = Text(item.title, style="bold" if listed else "dim strike")
    for flag, style in flags(entry):
        body.append("  ")
        body.append(flag, style=style)
    if entry.reference:
        body.append("\n" + entry.reference, style="italic" if listed else "dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=width, justify="right")
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{entry.number}.", style="bold"), body)
    return grid


def flags(entry: AgendaEntry) -> list[tuple[str, str]]:
    item = entry.item
    found = []
    if item.status != "listed":
        found.append((item.status.upper(), "bold"))
    if item.verbal_update:
        found.append(("verbal update", "italic"))
    if item.exempt_paragraph is not None:
        found.append((f"exempt ¶{item.exempt_paragraph}", "bold"))
    if item.supplementary:
        found.append(("supplementary", "bold reverse"))
    if any(a.document.kind == "to-follow" for a in entry.appendices):
        found.append(("report to follow", "italic"))
    return found


def header(meeting: Meeting, store, today: date, entries: list[AgendaEntry], topics: int) -> Text:
    """The meeting, its status and publication day, and what the agenda holds."""
    text = Text()
    when = long_date(meeting.date) + (f" at {clock_time(meeting.start_time)}" if meeting.start_time else "")
    text.append(when, style="bold")
    text.append(f"  ·  {meeting.place or 'place not set'}\n")
    text.append(status_label(meeting.status), style="bold")
    deadline = store.meetings.deadline(meeting, today)
    if meeting.cancelled:
        text.append("  ·  its agenda cannot change")
    elif meeting.published_at:
        text.append(f"  ·  Published {date.fromisoformat(meeting.published_at):%d %b %Y}".replace(" 0", " "),
                    style="green")
        if meeting.status == "agenda-published":
            text.append("  ·  changes are supplementary", style="bold")
    else:
        text.append(f"  ·  Publish by {short_date(deadline.last_day)}")
        if deadline.missed:
            text.append(" MISSED", style="bold red")
    pages = [a.last_page for e in entries for a in e.appendices if a.last_page]
    labels = [a.label for e in entries for a in e.appendices]
    if entries:
        text.append(f"  ·  {len(entries)} item{'s' * (len(entries) != 1)}")
    if labels:
        text.append(f", appendices {labels[0]}-{labels[-1]}" if len(labels) > 1 else f", appendix {labels[0]}")
    if pages:
        text.append(f", {max(pages)} pages")
    if topics:
        text.append(f"\nWork programme: {topics} topic{'s' * (topics != 1)} for this meeting not on the agenda "
                    "yet. Press t to add.", style="italic")
    return text


def detail(entry: AgendaEntry | None, lead: str | None) -> Text:
    """The highlighted item as the agenda words it, with what the clerk needs to know about it."""
    if entry is None:
        return Text()
    item = entry.item
    text = Text()
    text.append(f"{entry.number}. {item.title}\n", style="bold")
    if entry.reference:
        text.append(entry.reference + "\n", style="italic")
    shown = flags(entry)
    for index, (flag, style) in enumerate(shown):
        text.append(flag, style=style)
        text.append("  " if index < len(shown) - 1 else "\n")
    if lead or item.kind != "standard":
        text.append(f"Lead officer: {lead or 'none named (e to choose)'}\n", style="dim")
    if item.description:
        text.append(f"\n{item.description}\n")
    if item.recommendation:
        text.append("\nRecommendation: ", style="bold")
        text.append(item.recommendation + "\n")
    if item.exempt_paragraph is not None:
        text.append(f"\nExempt, Schedule 12A paragraph {item.exempt_paragraph}: ", style="bold")
        text.append(EXEMPT_PARAGRAPHS.get(item.exempt_paragraph, "") + ".\n")
    if item.urgency_reasons:
        text.append("\nReasons for urgency: ", style="bold")
        text.append(item.urgency_reasons + "\n")
    if item.work_programme_item_id is not None:
        text.append("\nFrom the work programme.\n", style="dim")
    return text
