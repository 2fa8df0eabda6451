"""The Agenda pane's forms and dialogs: an item, a document, a work-programme topic, an export.

Forms are `Field` lists for FormDialog (tui/dialogs/form.py) and the functions that turn
their values into store arguments; the two dialogs that are not plain forms live here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.dates import long_date
from store.meeting_models import AgendaItem
from store.models import Officer
from store.programme_models import ProgrammeItem
from tui.dialogs.form import Field
from tui.widgets.minute_panels import EXEMPT_PARAGRAPHS

# Select treats a value equal to False (0 included) as blank: the "none" choices are strings.
NO_OFFICER = "none"
PUBLIC = "public"
URGENCY_HELP = ("The agenda is published: a new item is supplementary, and the Chair's reasons for "
                "urgency are required (s100B(4)(b)). They are written into its minute.")


# items ----------------------------------------------------------------------------------
def item_fields(officers: list[Officer], published: bool, item: AgendaItem | None = None, title: str = "",
                lead_officer_id: int | None = None) -> list[Field]:
    """Title, wording, lead officer, verbal update, exempt paragraph; urgency when it matters.

    A new item may start from a `title` and `lead_officer_id` (a work-programme topic's)."""
    officer_options = [("— none named —", NO_OFFICER)] + [
        (f"{o.name} ({o.initials})" if o.initials else o.name, o.id) for o in officers]
    exempt_options = [("Public item (not exempt)", PUBLIC)] + [
        (f"Exempt: paragraph {n}, {text}", n) for n, text in EXEMPT_PARAGRAPHS.items()]
    fields = [Field("title", "Title", item.title if item else title, placeholder="PROCUREMENT PLAN FOR 2021/23")]
    urgency = Field("urgency_reasons", "The Chair's reasons for urgency",
                    (item.urgency_reasons or "") if item else "", help=URGENCY_HELP if published else "")
    if published and item is None:
        fields.append(urgency)  # required: next to the title, where it is seen
    fields += [
        Field("description", "Description", (item.description or "") if item else "", kind="textarea"),
        Field("recommendation", "Recommendation", (item.recommendation or "") if item else "", kind="textarea"),
        Field("lead_officer_id", "Lead officer", (item.lead_officer_id if item else lead_officer_id) or NO_OFFICER,
              kind="select", options=officer_options),
        Field("verbal_update", "Verbal update (no report)", item.verbal_update if item else False,
              kind="checkbox"),
        Field("exempt_paragraph", "Exempt (Schedule 12A): taken in private, after the public items",
              (item.exempt_paragraph or PUBLIC) if item else PUBLIC, kind="select", options=exempt_options),
    ]
    if item is not None and (published or item.urgency_reasons):
        fields.append(urgency)
    return fields


def item_values(values: dict) -> dict:
    """The form's values as AgendaStore arguments (blank officer and paragraph become None)."""
    result = dict(values)
    result["lead_officer_id"] = None if values["lead_officer_id"] == NO_OFFICER else values["lead_officer_id"]
    result["exempt_paragraph"] = None if values["exempt_paragraph"] == PUBLIC else values["exempt_paragraph"]
    result["verbal_update"] = bool(values["verbal_update"])
    return result


# documents ------------------------------------------------------------------------------
def attach_fields() -> list[Field]:
    return [
        Field("path", "File: PDF, Markdown (.md) or text (.txt)", placeholder="~/reports/procurement-plan.pdf"),
        Field("title", "Title (blank: from the file name)"),
    ]


def follow_fields() -> list[Field]:
    return [Field("title", "Title of the report to follow", placeholder="Procurement plan 2021-23",
                  help="It takes the next appendix letter now; r attaches the file when it arrives.")]


def replace_fields(title: str) -> list[Field]:
    return [Field("path", f"New file for '{title}'", placeholder="~/reports/procurement-plan-v2.pdf")]


def label_fields(label: str | None) -> list[Field]:
    return [Field("label", "Appendix label (blank: clerk letters it)", label or "", placeholder="B1")]


def rename_fields(title: str) -> list[Field]:
    return [Field("title", "Title", title)]


# a topic from the work programme ------------------------------------------------------------
class TopicDialog(ModalScreen[int | None]):
    """The topics the work programme scheduled for this meeting; a digit (or Enter) adds one."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        *(Binding(str(n), f"pick({n - 1})", f"Topic {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(self, topics: list[ProgrammeItem]) -> None:
        super().__init__()
        self.topics = topics[:9]

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog topics"):
            yield Static("Add a topic from the work programme", classes="dialog-title")
            options = []
            for n, topic in enumerate(self.topics, start=1):
                prompt = Text.assemble((f"{n}  ", "bold"), topic.topic)
                if topic.lead_officers:
                    prompt.append(f"  · lead {topic.lead_officer_text}", style="dim")
                options.append(Option(prompt, id=str(n - 1)))
            yield OptionList(*options, id="topic-options")
            yield Static("Press the topic's number, or Enter on it; Escape to cancel.", classes="field-help")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(int(event.option.id))

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.topics):
            self.dismiss(self.topics[index].id)


# export ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportRequest:
    what: str  # "agenda" or "pack"
    private: bool
    format: str  # "md" or "pdf"
    path: Path

    @property
    def description(self) -> str:
        name = "agenda pack" if self.what == "pack" else "agenda"
        return f"{'private' if self.private else 'public'} {name} ({'PDF' if self.format == 'pdf' else 'Markdown'})"


def default_export_path(day: date, what: str, private: bool, format: str) -> str:
    """'~/clerk-agenda-2021-03-09.md', '~/clerk-agenda-pack-2021-03-09-private.pdf'."""
    name = "agenda-pack" if what == "pack" else "agenda"
    return f"~/clerk-{name}-{day.isoformat()}{'-private' if private else ''}.{format}"


class ExportDialog(ModalScreen[ExportRequest | None]):
    """What to export, for whom, in which format, and where; the file is written in the background."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel"), Binding("ctrl+s", "export", "Export")]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day
        self.suggested = default_export_path(day, "agenda", False, "md")

    def compose(self) -> ComposeResult:
        with VerticalGroup(id="dialog", classes="dialog form"):
            yield Static(f"Export the agenda of {long_date(self.day)}", classes="dialog-title")
            yield Label("What", classes="field-label")
            yield Select([("The agenda: front sheet and items", "agenda"),
                          ("The agenda pack: agenda, then every appendix", "pack")],
                         value="agenda", allow_blank=False, compact=True, id="export-what")
            yield Label("For whom", classes="field-label")
            yield Select([("Public: exempt items listed by title and paragraph only", "public"),
                          ("Private: with the exempt items' reports", "private")],
                         value="public", allow_blank=False, compact=True, id="export-private")
            yield Label("Format", classes="field-label")
            yield Select([("Markdown", "md"), ("PDF", "pdf")], value="md", allow_blank=False, compact=True,
                         id="export-format")
            yield Label("File", classes="field-label")
            yield Input(self.suggested, id="export-path", compact=True)
            yield Static("", id="form-error", markup=False)
            with HorizontalGroup(classes="buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-what", Select).focus()

    def _choice(self) -> tuple[str, bool, str]:
        return (self.query_one("#export-what", Select).value,
                self.query_one("#export-private", Select).value == "private",
                self.query_one("#export-format", Select).value)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Follow the choices with the suggested file name, unless the clerk typed another."""
        path = self.query_one("#export-path", Input)
        suggested = default_export_path(self.day, *self._choice())
        if path.value == self.suggested:
            path.value = suggested
        self.suggested = suggested

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_export()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#form-error", Static)
        if not text:
            error.update("Type the file to write, e.g. " + self.suggested)
            return
        path = Path(text).expanduser()
        if path.is_dir():
            error.update(f"{path} is a folder: add a file name, e.g. {Path(self.suggested).name}")
            return
        if not path.parent.is_dir():
            error.update(f"The folder {path.parent} does not exist.")
            return
        what, private, format = self._choice()
        self.dismiss(ExportRequest(what, private, format, path))


def render_export(store, meeting_id: int, request: ExportRequest, progress) -> bytes:
    """The file's bytes. The exporters are imported here, when asked for, not when the pane loads."""
    if request.what == "pack" and request.format == "pdf":
        from store.exports.pack_pdf import pack_pdf

        return pack_pdf(store, meeting_id, private=request.private, progress=progress)
    if request.what == "pack":
        from store.exports.pack_markdown import pack_markdown

        text = pack_markdown(store, meeting_id, private=request.private)
    else:
        from store.exports.agenda_markdown import agenda_markdown

        text = agenda_markdown(store, meeting_id, private=request.private)
    if request.format == "pdf":
        from store.pdf_render import markdown_to_pdf

        return markdown_to_pdf(text)
    return text.encode("utf-8")
