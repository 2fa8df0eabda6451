"""What the Work programme pane shows, read from the store: the groups of topics and the detail lines."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from store.dates import long_date
from store.programme_models import TOPIC_STATUS_LABELS, ProgrammeItem
from tui.widgets.programme_forms import meeting_heading
from tui.widgets.programme_lists import LIST_PREFIX, MEETING_PREFIX, Group

# The unscheduled lists under the meetings, as the fixture's programme ends; "Not yet
# scheduled" is shown only when it holds a topic.
LISTS = (("watching", "Watching brief"), ("possible", "Possible items"), ("programme", "Not yet scheduled"))
LIST_TITLES = dict(LISTS)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def groups(store, committee_id: int, year: int, today: date) -> list[Group]:
    """Every meeting of the year with its topics (empty ones too), then the unscheduled lists."""
    items = store.programme.list_for(committee_id, year)
    found = []
    for meeting in store.meetings.list_for(committee_id, year):
        topics = [i for i in items if i.meeting_id == meeting.id]
        note = Text(plural(len(topics), "topic") if topics else "no topics yet", style="dim")
        if meeting.cancelled:
            note = Text("meeting cancelled", style="bold red") if topics else Text("cancelled", style="dim")
        elif meeting.date < today:
            note.append(", passed")
        title = meeting_heading(meeting.date, store.meetings.agenda_setting_for(meeting))
        found.append(Group(f"{MEETING_PREFIX}{meeting.id}", title, note, topics))
    for name, title in LISTS:
        topics = [i for i in items if i.meeting_id is None and i.list == name]
        if topics or name != "programme":
            found.append(Group(f"{LIST_PREFIX}{name}", title, Text(plural(len(topics), "topic"), style="dim"), topics))
    return found


def detail(store, item: ProgrammeItem | None, group: str | None) -> Text:
    """The highlighted topic in full (the table cuts long cells), or what its heading is for."""
    text = Text()
    if item is not None:
        where = long_date(item.meeting_date) if item.meeting_date else LIST_TITLES[item.list]
        text.append(item.topic + "\n", style="bold")
        text.append(f"{where}  ·  lead {item.lead_officer_text or 'not set'}  ·  {TOPIC_STATUS_LABELS[item.status]}")
        if item.minute_number is not None:
            text.append(f" (minute {item.minute_number})")
        text.append(f"\nActions arising: {item.actions_arising or '—'}\nProgress: {item.progress or '—'}")
        actions = store.actions.for_topic(item.id)
        if actions:
            still_open = sum(a.status == "open" for a in actions)
            text.append(f"\nFrom resolutions: {plural(len(actions), 'action')}, {still_open} open (in the action log)")
    elif group and group.startswith(MEETING_PREFIX):
        meeting = store.meetings.get(int(group.removeprefix(MEETING_PREFIX)))
        setting = store.meetings.agenda_setting_for(meeting)
        text.append(long_date(meeting.date), style="bold")
        text.append(f"  ·  agenda-setting meeting {long_date(setting)}" if setting else "")
        text.append("\nn adds a topic to this meeting; g on a topic puts it on the meeting's agenda.")
    elif group:
        text.append(LIST_TITLES[group.removeprefix(LIST_PREFIX)], style="bold")
        text.append("\nTopics without a meeting: m or > schedules the highlighted one.")
    return text
