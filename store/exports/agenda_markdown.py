"""A meeting's agenda as Markdown, in the layout of the fixture's agenda of 9 March 2021.

The front sheet, then PUBLIC SESSION, AGENDA and the live stream, then the numbered items
(as published: an item added after publication is "10A", the published ones keep their numbers):
each with its appendices and pages ("Appendix B (Pages 9 - 14)"), its description and its
recommendation, as the pack prints them. Exempt items come last, under PRIVATE SESSION,
after the resolution to exclude the press and public that they need.

Public and private agendas are separate by construction: for the public agenda every exempt
entry of the layout is replaced, before anything is written, by one that holds only its
number, title, Schedule 12A paragraph and status, so no description, recommendation, reason
for urgency or appendix of an exempt item can reach it. The same data always gives the same
bytes: no dates but the meeting's own, no clock.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.appendix_layout import AgendaEntry, Appendix, page_range
from store.exports.front_sheet import front_sheet, header, item_heading, one_line, paragraphs, prose
from store.exports.minutes_markdown import _plain_date
from store.meeting_models import AgendaItem
from store.models import Committee, Meeting

if TYPE_CHECKING:
    from store.api import Store

# Local Government Act 1972, Schedule 12A, Part 1 (England).
SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
       "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
       "negotiations, in connection with any labour relations matter arising between the authority or a "
       "Minister of the Crown and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be maintained in "
       "legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any enactment a notice under "
       "or by virtue of which requirements are imposed on a person; or (b) to make an order or direction "
       "under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
       "investigation or prosecution of crime.",
}
EXCLUSION = (
    "Members are recommended to resolve that the press and public be excluded during consideration of "
    "the following {items} in accordance with Section 100A(4) of the Local Government Act 1972, as {involve} "
    "the likely disclosure of exempt information as defined in {paragraphs} of Part 1 of Schedule 12A of the Act."
)
URGENCY = ("The Chair is of the opinion that this item should be considered at the meeting as a matter of "
           "urgency for the following reasons: ")
_STATUS_MARKS = {"withdrawn": "(Withdrawn)", "deferred": "(Deferred)"}


def agenda_markdown(store: Store, meeting_id: int, private: bool = False) -> str:
    """The agenda with its front sheet; `private` includes the exempt items in full."""
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    return render_agenda(store, meeting, committee, agenda_entries(store, meeting_id, private), private)


def supplementary_markdown(store: Store, meeting_id: int, private: bool = False) -> str:
    """Only the items added or changed after publication, with the Chair's reasons for urgency."""
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    entries = [e for e in agenda_entries(store, meeting_id, private) if e.item.supplementary]
    blocks = header(store, meeting, committee, private) + ["## SUPPLEMENTARY AGENDA"]
    if meeting.published_at:
        published = date.fromisoformat(meeting.published_at[:10])
        blocks.append(f"The agenda was published on {_plain_date(published)}. The items "
                      "below were added or changed after that.")
    blocks += items_blocks(entries) if entries else ["There are no supplementary items."]
    return "\n\n".join(blocks) + "\n"


def agenda_entries(store: Store, meeting_id: int, private: bool) -> list[AgendaEntry]:
    """The numbered layout as this agenda may show it (the public one withholds exempt items)."""
    layout = store.appendices.layout(meeting_id)
    return layout if private else [withheld(e) if e.private else e for e in layout]


def withheld(entry: AgendaEntry) -> AgendaEntry:
    """An exempt entry as the public may see it: number, title, paragraph and status only."""
    item = entry.item
    bare = AgendaItem(id=item.id, meeting_id=item.meeting_id, position=item.position, title=item.title,
                      kind=item.kind, exempt_paragraph=item.exempt_paragraph,
                      supplementary=item.supplementary, status=item.status,
                      published_number=item.published_number)
    return AgendaEntry(entry.number, bare, ())


def render_agenda(store: Store, meeting: Meeting, committee: Committee, entries: list[AgendaEntry],
                  private: bool) -> str:
    blocks = front_sheet(store, meeting, committee, private)
    blocks += ["## PUBLIC SESSION", "## AGENDA"]
    livestream = meeting.livestream_url or committee.livestream_url
    if livestream:
        blocks += ["LIVE STREAM OF MEETING", one_line(livestream)]
    blocks += items_blocks(entries) if entries else ["No items are on the agenda yet."]
    return "\n\n".join(blocks) + "\n"


def items_blocks(entries: list[AgendaEntry]) -> list[str]:
    """The public items in order, then PRIVATE SESSION with the exclusion and the exempt items."""
    blocks = [block for entry in entries if not entry.private for block in _item(entry)]
    exempt = [entry for entry in entries if entry.private]
    if exempt:
        blocks += ["## PRIVATE SESSION", exclusion(sorted({e.item.exempt_paragraph for e in exempt}), len(exempt))]
        blocks += [block for entry in exempt for block in _item(entry)]
    return blocks


def exclusion(paragraph_numbers: list[int], count: int) -> str:
    numbers = [str(n) for n in paragraph_numbers]
    paragraphs_text = (f"Paragraph {numbers[0]}" if len(numbers) == 1
                       else "Paragraphs " + ", ".join(numbers[:-1]) + " and " + numbers[-1])
    return EXCLUSION.format(items="item" if count == 1 else "items",
                            involve="it involves" if count == 1 else "they involve", paragraphs=paragraphs_text)


def reference(entry: AgendaEntry) -> str | None:
    """'Appendix B (Pages 9 - 14)'; appendices whose pages do not run on are each given their own."""
    appendices = entry.appendices
    if len(appendices) <= 1 or _run_on(appendices):
        return entry.reference
    return ", ".join(f"Appendix {a.label} ({page_range(a.first_page, a.last_page)})" if a.last_page
                     else f"Appendix {a.label}" for a in appendices)


def _run_on(appendices: tuple[Appendix, ...]) -> bool:
    if any(a.last_page is None for a in appendices):
        return False
    return all(after.first_page == before.last_page + 1 for before, after in zip(appendices, appendices[1:]))


def _item(entry: AgendaEntry) -> list[str]:
    item = entry.item
    blocks = [item_heading(entry.number, item)]
    if item.status in _STATUS_MARKS:
        blocks.append(_STATUS_MARKS[item.status])
    if item.supplementary:
        blocks.append("(Supplementary item)")
    if item.exempt_paragraph is not None:
        blocks.append(f"Not for publication: Paragraph {item.exempt_paragraph} of Part 1 of Schedule 12A of "
                      f"the Local Government Act 1972. {SCHEDULE_12A[item.exempt_paragraph]}")
    line = reference(entry)
    if line:
        blocks.append(line)
    if item.verbal_update:
        blocks.append("(Verbal update)")
    if item.urgency_reasons:
        reasons = prose(" ".join(item.urgency_reasons.split()))
        blocks.append(URGENCY + (reasons if reasons.endswith((".", "!", "?")) else reasons + "."))
    blocks += paragraphs(item.description)
    blocks += paragraphs(item.recommendation)
    return blocks
