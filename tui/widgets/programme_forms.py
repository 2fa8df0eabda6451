"""The fields of the Work programme pane's forms (the dialog itself is tui/dialogs/form.py)."""

from __future__ import annotations

from datetime import date

from store.meeting_models import Action
from store.models import Meeting
from store.programme_models import ProgrammeItem

from tui.dialogs.form import Field

UNSCHEDULED = "unscheduled"  # the meeting select's value for "no meeting yet" (not 0: Select.BLANK == 0)

LIST_OPTIONS = [
    ("Programme (to schedule)", "programme"),
    ("Possible items", "possible"),
    ("Watching brief", "watching"),
]
LEADS_HELP = "Initials or names of officers known in the Members pane (9): KG, TR/KG, Martin Samuels."


def meeting_heading(day: date, agenda_setting: date | None) -> str:
    """'9 March 2021 (Agenda mtg 22 Feb)', as the fixture's work programme heads a meeting."""
    text = f"{day.day} {day:%B %Y}"
    if agenda_setting:
        text += f" (Agenda mtg {agenda_setting.day} {agenda_setting:%b})"
    return text


def meeting_options(meetings: list[Meeting], today: date) -> list[tuple[str, int | str]]:
    """The meetings a topic can go to (from today on, not cancelled), then 'Unscheduled'."""
    options = [(f"{m.date:%a} {m.date.day} {m.date:%B %Y}", m.id)
               for m in meetings if not m.cancelled and m.date >= today]
    return options + [("Unscheduled (a list below)", UNSCHEDULED)]


def topic_fields(options: list[tuple[str, int | str]], meeting_id: int | None, list_name: str,
                 item: ProgrammeItem | None = None) -> list[Field]:
    """New topic: every field; editing: the meeting is left to m, < and >."""
    fields = [Field("topic", "Topic", item.topic if item else "", placeholder="e.g. Dementia Strategy update")]
    if item is None:
        values = [value for _, value in options]
        chosen = meeting_id if meeting_id in values else values[0]
        fields.append(Field("meeting", "Meeting", chosen, kind="select", options=options))
    fields += [
        Field("list", "List (while the topic has no meeting)", item.list if item else list_name,
              kind="select", options=LIST_OPTIONS),
        Field("lead_officers", "Lead officer(s)", item.lead_officer_text if item else "",
              placeholder="KG, TR/KG or a name", help=LEADS_HELP),
        Field("actions_arising", "Actions arising", (item.actions_arising or "") if item else "",
              placeholder="What the committee asked for"),
        Field("progress", "Progress", (item.progress or "") if item else "", placeholder="Where it has got to"),
    ]
    return fields


def move_fields(options: list[tuple[str, int | str]], item: ProgrammeItem) -> list[Field]:
    values = [value for _, value in options]
    current = item.meeting_id if item.meeting_id in values else UNSCHEDULED
    return [Field("meeting", "Move to", current, kind="select", options=options,
                  help="Only meetings from today on that are not cancelled.")]


def progress_fields(action: Action) -> list[Field]:
    return [Field("progress", "Progress notes", action.progress or "", placeholder="What has happened so far")]


def chosen_meeting(value: int | str) -> int | None:
    """The meeting id picked in a meeting select, or None for 'Unscheduled'."""
    return None if value == UNSCHEDULED else int(value)
