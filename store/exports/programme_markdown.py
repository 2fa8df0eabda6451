"""The work programme and the action log as Markdown tables, in the layout of the agenda pack's Appendix F."""

from __future__ import annotations

from datetime import date

from store.dates import long_date
from store.exports.minutes_markdown import _heading, _less_than
from store.numbering import municipal_year_label
from store.programme_models import ProgrammeItem

PROGRAMME_HEADER = ("Meeting Date", "Topic", "Lead Officer", "Actions Arising", "Progress")
UNSCHEDULED_HEADER = ("Topic", "Lead Officer", "Actions Arising", "Progress")
ACTION_HEADER = ("Minute", "Action", "Owner", "Target meeting", "Status", "Progress")
WITHHELD = "Arising from a minute taken in private: not for publication"


def programme_markdown(store, committee_id: int, year: int) -> str:
    committee = store.committees.get(committee_id)
    items = [i for i in store.programme.list_for(committee_id, year) if i.status != "dropped"]
    lines = [f"# {_heading(committee.name)}", "", f"## Work Programme {municipal_year_label(year)}", ""]
    scheduled = [i for i in items if i.meeting_id is not None]
    lines += _table(PROGRAMME_HEADER, _scheduled_rows(store, scheduled))
    for list_name, heading in (("watching", "To keep a watching brief on"), ("possible", "Possible items")):
        unscheduled = [i for i in items if i.meeting_id is None and i.list == list_name]
        if unscheduled:
            lines += ["", f"## {heading}", ""]
            lines += _table(UNSCHEDULED_HEADER, [_topic_cells(i) for i in unscheduled])
    proposed = [i for i in items if i.meeting_id is None and i.list == "programme"]
    if proposed:
        lines += ["", "## Not yet scheduled", ""]
        lines += _table(UNSCHEDULED_HEADER, [_topic_cells(i) for i in proposed])
    return "\n".join(lines) + "\n"


def actions_markdown(store, committee_id: int, today: date) -> str:
    """The action log: every action arising from a resolution, overdue ones marked.

    The log is published with the work programme: an action arising from a minute taken in
    private keeps its minute number, target and status, but not its words."""
    committee = store.committees.get(committee_id)
    exempt = _exempt_actions(store, committee_id)
    rows = []
    for action, minute_number in store.actions.log_for(committee_id):
        target = long_date(action.target_date) if action.target_date else ""
        status = action.status
        if status == "open" and action.target_date and action.target_date < today:
            status = "open — OVERDUE"
        if action.id in exempt:
            rows.append((str(minute_number or ""), WITHHELD, "", target, status, ""))
            continue
        rows.append((str(minute_number or ""), action.description, action.owner or "", target, status,
                     action.progress or ""))
    lines = [f"# {_heading(committee.name)}", "", "## Action log", ""]
    return "\n".join(lines + _table(ACTION_HEADER, rows)) + "\n"


def _exempt_actions(store, committee_id: int) -> set[int]:
    """The actions arising from exempt minutes (the minute's or its agenda item's paragraph)."""
    return {row["id"] for row in store.db.query(
        "SELECT a.id FROM actions a JOIN resolutions r ON r.id = a.resolution_id "
        "JOIN minutes n ON n.id = r.minute_id LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
        "WHERE a.committee_id = ? AND coalesce(n.exempt_paragraph, i.exempt_paragraph) IS NOT NULL",
        [committee_id])}


def _scheduled_rows(store, items: list[ProgrammeItem]) -> list[tuple[str, ...]]:
    rows = []
    shown_meeting = None
    for item in items:
        first_cell = ""
        if item.meeting_id != shown_meeting:
            shown_meeting = item.meeting_id
            first_cell = _meeting_cell(store, item)
        rows.append((first_cell, *_topic_cells(item)))
    return rows


def _meeting_cell(store, item: ProgrammeItem) -> str:
    """'9 March 2021 (Agenda mtg 22 Feb)', as the fixture's programme writes it."""
    meeting = store.meetings.get(item.meeting_id)
    text = f"{meeting.date.day} {meeting.date:%B %Y}"
    setting = store.meetings.agenda_setting_for(meeting)
    if setting:
        text += f" (Agenda mtg {setting.day} {setting:%b})"
    return text


def _topic_cells(item: ProgrammeItem) -> tuple[str, str, str, str]:
    progress = item.progress or ""
    if item.status == "considered" and item.minute_number:
        progress = (progress + " " if progress else "") + f"Considered (minute {item.minute_number})"
    elif item.status == "on-agenda" and not progress:
        progress = "On the agenda"
    return item.topic, item.lead_officer_text, item.actions_arising or "", progress


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(value) for value in row) + " |")
    return lines


def _cell(text: str) -> str:
    """A table cell: a pipe or a line break in the clerk's text would break the table, a '<' open HTML."""
    return _less_than(" ".join(text.replace("|", "\\|").split()))
