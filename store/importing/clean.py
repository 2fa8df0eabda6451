"""From a file's pages to paragraphs (page furniture dropped, page-broken lines joined), and small readers.

Page furniture is what a printed pack repeats on every page: running headers and
footers ("Adult Social Care Scrutiny Commission 19 January 2021"), page numbers
("Page 12", "12", "- 12 -"), form feeds. A paragraph is the lines between blank lines,
kept as lines ("\n" between them) so that lists of names stay apart; a line that starts
something new (a numbered heading, "AGREED:", "- 1)", "Appendix B …") starts a new
paragraph even without a blank line, as a PDF's text often has none. The readers at the
end (dates, times, committee names) serve the agenda and the minutes alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, time

from store.dates import parse_time
from store.errors import InvalidInput

_SPACES = str.maketrans({
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\v": " ",
    "\u00ad": "", "\u200b": "", "\ufeff": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
})
_TAGS = re.compile(r"</?u>", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)

# "Appendix B (Pages 9 - 14)", "Appendices B1 and B2 (Page 9)", also garbled into a title line.
APPENDIX_REF = re.compile(
    r"(?i:\bappendi(?:x|ces))\s+(?P<labels>[A-Z]{1,2}\d{0,2}(?:\s*(?:,|and|&)\s*[A-Z]{1,2}\d{0,2})*)\b"
    r"(?:\s*\(\s*(?i:pages?)\s*(?P<first>\d{1,4})(?:\s*(?:-|–|—|to)\s*(?P<last>\d{1,4}))?\s*\))?"
)
# A line that is only an appendix's label (the first page of an appendix in the pack).
APPENDIX_START = re.compile(
    r"^(?:Appendix|APPENDIX)\s+(?P<label>[A-Z]{1,2}\d{0,2})(?:\s*(?:[-–—:]\s*\S.{0,90})?)?$")
NUMBERED = re.compile(r"^(?:#{1,6}\s*)?(?P<number>\d{1,4})(?:\.\s*|\s+)(?P<title>\S.*)$")
RESOLUTION_WORD = re.compile(
    r"^(?:(?P<upper>AGREED|RESOLVED|DECIDED|RECOMMENDED)\b|(?P<mixed>Agreed|Resolved|Decided)\s*[:\-–]|"
    r"(?P<that>Resolved,?\s+that\b))\s*[:\-–]?\s*(?P<rest>.*)$"
)
MARKER = re.compile(
    r"^(?:(?P<bullet>[-•*▪●■–])\s+|\(?(?P<number>\d{1,2})[.)]\s+|\(?(?P<letter>[a-h]|[ivx]{1,4})\)\s+|"
    r"(?P<dotted>[a-h])\.\s+)"
)
_STARTS = re.compile(
    r"^(?:#{1,6}\s|\d{1,4}\.$|\*{3}|(?-i:(?:Appendi(?:x|ces)|APPENDI(?:X|CES))\s+[A-Z])|held\b|minutes of\b|present\b|"
    r"(?:also present|in attendance|officers? present|officers in attendance)\b|"
    r"(?:date|time|place|venue)\s*:|status:|action:|amended on\b|(?:councillor|cllr)\s[^.]{0,60}\bdeclared\b)",
    re.IGNORECASE,
)
_STANDALONE = re.compile(
    r"^(?:\*{3}.*|(?-i:(?:Appendi(?:x|ces)|APPENDI(?:X|CES))\s+[A-Z].{0,60})|held\b.*|present\s*:?|"
    r"(?:also present|in attendance|officers? present|officers in attendance)\s*:?|"
    r"(?:date|time|place|venue)\s*:.*|status:.*|(?:AGREED|RESOLVED|DECIDED|Agreed|Resolved|Decided)\s*:?|that\s*:?)$",
    re.IGNORECASE,
)
_CLOSED = ".!?:;\"')’”"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?,?\s+(\d{4})\b",
                  re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?"


def clean_pages(pages: Sequence[str]) -> str:
    """The pages' text without furniture: pages joined by a blank line, or none where a sentence runs on."""
    pages = [[_normal(line) for line in page.split("\n")] for page in pages]
    if len(pages) == 1:
        pages = _split_at_page_numbers(pages[0])
    pages = _without_furniture(pages) if len(pages) > 1 else pages
    texts = ["\n".join(line for line in lines if not PAGE_NUMBER.match(line)).strip("\n") for lines in pages]
    joined = ""
    for text in filter(None, texts):
        joined += ("\n" if joined and _runs_on(joined, text) else "\n\n") + text if joined else text
    return joined


def _runs_on(before: str, page: str) -> bool:
    """Does the page go on with the paragraph (or the long title) the previous page ended with?"""
    last = re.split(r"\n\s*\n", before)[-1]
    first = page.split("\n", 1)[0]
    if _structural(first):
        return False
    return _open_ended(last) or (_heading(last.split("\n", 1)[0]) and last.count("\n") < 2 and is_upper(first))


def _split_at_page_numbers(lines: list[str]) -> list[list[str]]:
    """Text with no form feeds: its "Page 7" lines mark where its pages ended."""
    pages, current = [], []
    for line in lines:
        current.append(line)
        if PAGE_NUMBER.match(line):
            pages.append(current)
            current = []
    return [*pages, current] if current else pages or [[]]


def paragraphs(text: str) -> list[str]:
    """Blocks of lines; a structural line starts its own paragraph; page-broken paragraphs joined."""
    result: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            result.append("\n".join(current))
            current.clear()

    for raw in text.split("\n"):
        line = _normal(raw).rstrip("\\").rstrip()
        if not line:
            flush()
            continue
        if current and _breaks(current, line):
            flush()
        current.append(line)
    flush()
    return _join_broken(result)


def flat(paragraph: str) -> str:
    """A paragraph's lines as one line of text."""
    return " ".join(paragraph.split())


def is_upper(text: str) -> bool:
    """Mostly capitals, as agenda and minute titles are ("IMPACT OF COVID-19 ON DAY CARE")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def without_appendix_refs(title: str) -> str:
    return " ".join(APPENDIX_REF.sub(" ", title).split())


def numbered_heading(line: str) -> tuple[int, str] | None:
    """(number, title) for "86. APOLOGIES FOR ABSENCE" (an upper-case title); None otherwise."""
    match = NUMBERED.match(line)
    if not match or not is_upper(without_appendix_refs(match["title"])) or len(match["title"]) > 400:
        return None
    return int(match["number"]), match["title"]


def _normal(line: str) -> str:
    return " ".join(_TAGS.sub("", line.translate(_SPACES)).split())


def _heading(line: str) -> bool:
    return bool(numbered_heading(line) or re.match(r"^(?:#{1,6}\s|minutes of\b|meeting of\b)", line, re.I))


def _breaks(current: list[str], line: str) -> bool:
    """Does `line` start a new paragraph after the lines gathered so far?"""
    first = current[0]
    if len(current) == 1 and re.fullmatch(r"\d{1,4}\.", first):
        return False  # "86." on a line of its own: the title follows
    starts = bool(_STARTS.match(line) or MARKER.match(line) or RESOLUTION_WORD.match(line) or numbered_heading(line))
    head = " ".join(current[:2]) if re.fullmatch(r"\d{1,4}\.", first) else first
    if _heading(head) and len(current) <= 3:
        return starts or not is_upper(line)  # a long title wraps onto a second line in capitals
    return starts or bool(_STANDALONE.match(current[-1]))


def _join_broken(paras: list[str]) -> list[str]:
    """A paragraph cut off mid-sentence by a page break continues in the next, which starts in lower case."""
    joined: list[str] = []
    for para in paras:
        if joined and _open_ended(joined[-1]) and para[:1].islower() and not MARKER.match(para):
            joined[-1] += "\n" + para
        else:
            joined.append(para)
    return joined


def _open_ended(para: str) -> bool:
    last_line = para.rsplit("\n", 1)[-1]
    return (
        not para.endswith(tuple(_CLOSED))
        and not _heading(para.split("\n", 1)[0])
        and not _STANDALONE.match(last_line)
    )


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _structural(line: str) -> bool:
    return bool(numbered_heading(line) or RESOLUTION_WORD.match(line) or _STARTS.match(line))


def _slots(lines: list[str]) -> dict[int, str]:
    """The first three and last three lines of a page that hold text, by where they stand ("top 0", "foot 1")."""
    filled = [i for i, line in enumerate(lines) if line and not PAGE_NUMBER.match(line)]
    slots = {i: f"foot {n}" for n, i in enumerate(reversed(filled[-3:]))}
    slots.update({i: f"top {n}" for n, i in enumerate(filled[:3])})
    return slots


def _without_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop a line standing in the same place at the top or foot of several pages: a running header or footer.

    What only the record holds (a minute's heading, "AGREED:", "- 1) That …") never counts. A
    heading that repeats as a running header ("Minutes of the Meeting of …", "Appendix A") is kept
    where it first stands, so the minutes still begin there.
    """
    seen: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        seen.update({(slot, _key(lines[i])) for i, slot in _slots(lines).items() if not _content(lines[i])})
    needed = 2 if len(pages) <= 5 else 3
    running = {place for place, count in seen.items() if count >= needed}
    kept: set[str] = set()
    cleaned = []
    for lines in pages:
        slots = _slots(lines)
        page = []
        for i, line in enumerate(lines):
            if i in slots and (slots[i], _key(line)) in running:
                if not _heading_once(line) or _key(line) in kept:
                    continue
                kept.add(_key(line))
            page.append(line)
        cleaned.append(page)
    return cleaned


def _content(line: str) -> bool:
    return bool(numbered_heading(line) or RESOLUTION_WORD.match(line) or MARKER.match(line)
                or re.match(r"^(?:present|held|also present|in attendance)\b", line, re.IGNORECASE))


def _heading_once(line: str) -> bool:
    return bool(APPENDIX_START.match(line) or re.match(r"^(?:minutes of|meeting of)\b", line, re.IGNORECASE))


# ---------------------------------------------------------------- dates, times and names
def find_date(text: str) -> date | None:
    """The first date written as '19 JANUARY 2021', '19th January 2021' or '19/01/2021'."""
    for match in DATE.finditer(text):
        try:
            return date(int(match[3]), [m[:3] for m in _MONTHS].index(match[2][:3].lower()) + 1, int(match[1]))
        except ValueError:
            continue
    for match in NUMERIC_DATE.finditer(text):
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            continue
    return None


def read_time(text: str) -> time | None:
    """'5:30 pm', '08:11pm', '8.20 p.m.', '17:30'; None when it is not a time."""
    cleaned = re.sub(r"([ap])\.?\s?m\.?", r"\1m", text.strip().lower()).strip(" .")
    try:
        return parse_time(cleaned)
    except InvalidInput:
        return None


def long_day(day: date) -> str:
    """'19 January 2021'."""
    return f"{day.day} {day:%B %Y}"


def committee_name(text: str) -> str | None:
    name = re.sub(r"\s*\((?:PRIVATE|NOT FOR PUBLICATION)[^)]*\)\s*$", "", text, flags=re.I).strip(" .:-–")
    return " ".join(name.split()) or None
