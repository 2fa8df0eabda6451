"""The agenda pack as one Markdown file: the agenda, then every appendix in page order.

Each appendix is "# Appendix B", its pages ("Pages 9 - 14"), then its text: the previous
minutes and the work programme as clerk writes them, a Markdown report as written, a text
report (or a PDF's extracted text) escaped so it reads as it was written. The headings of
embedded Markdown go down one level, so the pack's own level-one headings are the agenda's
title and the appendices. A report to follow says so.

The public pack is made from the layout with every exempt entry taken out before anything is
read: no exempt item's documents or text can reach it (its agenda lists the item's title and
paragraph only, see agenda_markdown).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Callable

from store.appendix_layout import AgendaEntry, Appendix, page_range
from store.exports.agenda_markdown import render_agenda, withheld
from store.exports.front_sheet import one_line, paragraphs

if TYPE_CHECKING:
    from store.api import Store

Progress = Callable[[int, int, str], None]

_EMBEDDED_MARKDOWN = ("markdown", "minutes", "work-programme")
_HEADING = re.compile(r"^( {0,3})(#{1,5})(?=[ \t]|$)", re.MULTILINE)
_SETEXT_ONE = re.compile(r"^( {0,3})(=+)(?=[ \t]*$)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HTML_START = re.compile(r"^( {0,3})<(script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)", re.IGNORECASE)
_HTML_ENDS = (  # CommonMark's HTML blocks that end only at these, not at a blank line
    (r"script|pre|style|textarea", r"</(?:script|pre|style|textarea)>"), (r"!--", r"-->"), (r"\?", r"\?>"),
    (r"!\[CDATA\[", r"\]\]>"), (r"!", r">"),
)
_NO_TEXT = {
    "minutes": "The minutes of the previous meeting have not been taken yet.",
    "pdf": "This PDF holds no text that can be copied (scanned pages, for example); see the PDF pack.",
    "imported": "This appendix was published in an imported pack; clerk holds no copy of it.",
}


def pack_markdown(store: Store, meeting_id: int, private: bool = False, progress: Progress | None = None) -> str:
    """The agenda and its appendices; `private` includes the exempt items and their reports.

    `progress(done, total, label)` is called after each appendix ("Appendix B"), as pack_pdf does."""
    meeting = store.meetings.get(meeting_id)
    committee = store.committees.get(meeting.committee_id)
    layout = store.appendices.layout(meeting_id)
    entries = layout if private else [e for e in layout if not e.private]
    agenda = layout if private else [withheld(e) if e.private else e for e in layout]
    blocks = [render_agenda(store, meeting, committee, agenda, private).rstrip("\n")]
    appendices = pack_order(entries)
    for done, appendix in enumerate(appendices, start=1):
        blocks += _appendix(store, meeting_id, appendix)
        if progress is not None:
            progress(done, len(appendices), f"Appendix {appendix.label}")
    return "\n\n".join(blocks) + "\n"


def pack_order(entries: list[AgendaEntry]) -> list[Appendix]:
    """The entries' appendices in page order; a report to follow goes just before the next
    appendix with pages in agenda order (at the end if none follows)."""
    appendices = [a for entry in entries for a in entry.appendices]
    keys, anchor = [], math.inf
    for index in reversed(range(len(appendices))):
        if appendices[index].last_page is not None:
            anchor = appendices[index].first_page
        keys.append((anchor, index))
    return [appendices[index] for _, index in sorted(keys)]


def _appendix(store: Store, meeting_id: int, appendix: Appendix) -> list[str]:
    document = appendix.document
    blocks = [f"# Appendix {appendix.label}"]
    pages = page_range(appendix.first_page, appendix.last_page)
    if pages:
        blocks.append(pages)
    if document.kind == "to-follow":
        return blocks + [f"Report to follow: {one_line(document.title)}."]
    text = store.appendices.markdown(meeting_id, document)
    if not text or not text.strip():
        return blocks + [_NO_TEXT.get(document.kind, "This appendix has no text.")]
    if document.kind in _EMBEDDED_MARKDOWN:
        return blocks + [_demoted(text)]
    return blocks + paragraphs(text)


def _demoted(markdown: str) -> str:
    """Embedded Markdown one heading level down, trailing spaces and blank-line runs tidied.

    Kept inside its appendix: a "===" underline (a level-one heading) becomes "---" (level two),
    a code block left open is closed, and raw HTML that would run on to the end of the pack
    (a <script>, <!-- … with no end) is shown as text."""
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    text = _SETEXT_ONE.sub(lambda m: m[1] + "-" * len(m[2]), _HEADING.sub(r"\1#\2", text))
    return _closed_fence(_unended_html(text))


def _unended_html(text: str) -> str:
    """A backslash before the '<' of an HTML block whose end never comes (CommonMark kinds 1-5)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start = _HTML_START.match(line)
        if start is None:
            continue
        end = next(end for begins, end in _HTML_ENDS if re.match(begins, start[2], re.IGNORECASE))
        rest = "\n".join(lines[index:])[len(start[1]) + 1:]
        if not re.search(end, rest, re.IGNORECASE):
            lines[index] = start[1] + "\\" + line[len(start[1]):]
    return "\n".join(lines)


def _closed_fence(text: str) -> str:
    """The text with a closing fence added if a code block it opens never closes."""
    fence = None
    for line in text.split("\n"):
        found = _FENCE.match(line)
        if fence is None:
            if found and not (found[1][0] == "`" and "`" in found[2]):
                fence = found[1]
        elif found and found[1][0] == fence[0] and len(found[1]) >= len(fence) and not found[2].strip():
            fence = None
    return f"{text}\n{fence}" if fence else text
