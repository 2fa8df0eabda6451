"""One minute's paragraphs → its text, resolutions (with the actions arising) and declarations.

Resolutions follow "AGREED:", "RESOLVED:", "Agreed:" or "Resolved that …", optionally
introduced by "that:"; they are numbered "1)", "- 1)", "- 1.", "1.", "(a)" or not at all
(one paragraph, or several each starting "That …"); a bullet "- That, …" is one too.
The numbering is dropped: the store keeps the order and the export writes the numbers.
"""

from __future__ import annotations

import re

from store.importing import people
from store.importing.clean import MARKER, RESOLUTION_WORD, flat
from store.importing.models import ParsedAction, ParsedDeclaration, ParsedMinute, ParsedResolution

_BARE_THAT = re.compile(r"^that\s*[:\-–]?$", re.IGNORECASE)
_INNER_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s+")
_ANOTHER = re.compile(r"^(?:and\s+)?that\b", re.IGNORECASE)
_ACTION = re.compile(r"^Action:\s*(?P<text>.*?)(?:\s+\(Owner:\s*(?P<owner>[^;)]*)[^)]*\))?\.?$")
_EXEMPT = re.compile(r"Paragraph\s+([1-7])\s+of\s+Part\s+1\s+of\s+Schedule\s+12A", re.IGNORECASE)
_EXCLUSION = re.compile(r"press and public be excluded", re.IGNORECASE)
_MD_ESCAPE = re.compile(r"^(\s{0,3})\\([#>+*|:-]|```|~~~|=|_)|^(\s{0,3}\d{1,9})\\([.)])")


class _Resolutions:
    """Gathers one minute's resolutions as the paragraphs after a resolution word come."""

    def __init__(self):
        self.texts: list[str] = []
        self.actions: dict[int, list[ParsedAction]] = {}
        self.block_start = 0
        self.style: str | None = None
        self.intro = ""

    def open_block(self, rest: str) -> None:
        self.block_start, self.style, self.intro = len(self.texts), None, ""
        if rest and rest.endswith(":") and not _BARE_THAT.match(rest):
            self.intro = rest[:-1].strip()
        elif rest and not _BARE_THAT.match(rest):
            self.take(rest)

    def take(self, text: str) -> bool:
        """Take a paragraph of the block; False when it is not a resolution (the minute's text goes on)."""
        if _BARE_THAT.match(text):
            return True
        action = _ACTION.match(text)
        if action:
            if self.texts:
                self.actions.setdefault(len(self.texts) - 1, []).append(
                    ParsedAction(action["text"].strip(), (action["owner"] or "").strip() or None))
            return True
        if text.startswith("Amended on "):
            return True  # an amendment our export printed: it is not part of the record imported
        marker = MARKER.match(text)
        in_block = len(self.texts) > self.block_start
        if marker:
            style = "bullet" if marker["bullet"] else "number" if marker["number"] else "letter"
            body = text[marker.end():]
            if style == "bullet":
                body = _INNER_NUMBER.sub("", body)
            if self.style is None:
                self.style = style
            elif style != self.style and in_block:
                self.texts[-1] += "\n" + text  # a sub-item: "(a)" under "1)"
                return True
            self._add(body)
        elif not in_block or _ANOTHER.match(text):
            self._add(text)
        elif text[:1].islower():
            self.texts[-1] += " " + text
        else:
            return False
        return True

    def _add(self, text: str) -> None:
        self.texts.append(f"{self.intro} {text}" if self.intro else text)

    def parsed(self) -> tuple[ParsedResolution, ...]:
        return tuple(ParsedResolution(text.strip(), tuple(self.actions.get(i, ())))
                     for i, text in enumerate(self.texts) if text.strip())


def parse_minute(number: int, title: str, paras: list[str], markdown: bool
                 ) -> tuple[ParsedMinute, str | None, list[ParsedDeclaration]]:
    """The minute, the word its resolutions follow ("AGREED"), and the declarations it records."""
    body: list[str] = []
    resolutions = _Resolutions()
    word = None
    in_resolutions = False
    for para in paras:
        text = flat("\n".join(_unescape(line) for line in para.split("\n"))) if markdown else flat(para)
        opening = _resolution_word(text)
        if opening:
            if not _EXCLUSION.search(opening[1]):
                word = word or opening[0]  # the committee's own word, not the exclusion's "RESOLVED"
            in_resolutions = True
            resolutions.open_block(opening[1])
            continue
        if in_resolutions and resolutions.take(text):
            continue
        in_resolutions = False
        body.append(text)
    declarations, kept = [], []
    for text in body:
        found, remaining = people.declarations_in(text, number)
        declarations += found
        if remaining:
            kept.append(remaining)
    if _is_declarations_minute(title):
        declarations = [_for_meeting(d, number) for d in declarations]
    parsed = resolutions.parsed()
    exempt = _EXEMPT.search(" ".join([*kept, *(r.text for r in parsed)]))
    if exempt and not re.search(r"exclusion|private session", title, re.IGNORECASE):
        # Taken in private: the exclusion and "considered in private" are what the export writes for it.
        parsed = tuple(r for r in parsed if not _EXCLUSION.search(r.text))
        kept = [text for text in kept if text != "This item was considered in private."]
    else:
        exempt = None
    minute = ParsedMinute(number, " ".join(title.split()), "\n\n".join(kept), parsed,
                          int(exempt[1]) if exempt else None)
    return minute, word, declarations


def _resolution_word(text: str) -> tuple[str, str] | None:
    """('AGREED', what follows on the line) for "AGREED:", "Resolved: that …", "RESOLVED that …"."""
    match = RESOLUTION_WORD.match(text)
    if not match:
        return None
    word = match["upper"] or match["mixed"] or "Resolved"
    rest = match["rest"].strip()
    if match["that"]:
        rest = "That " + rest
    elif rest.startswith("that ") and not rest.endswith(":"):
        rest = "T" + rest[1:]  # "RESOLVED that the report be noted." → "That the report be noted."
    if match["upper"] and rest and not re.match(r"^(?:that\b|[:\-–(])", rest, re.IGNORECASE) and \
            not text[len(match["upper"]):].lstrip().startswith((":", "-", "–")):
        return None  # "RESOLVED BY THE COMMITTEE …" or a capitalised sentence, not a resolution word
    return word.upper(), rest


def _is_declarations_minute(title: str) -> bool:
    return bool(re.match(r"^declarations?\s+of\s+interests?", title.strip(), re.IGNORECASE))


def _for_meeting(declaration: ParsedDeclaration, number: int) -> ParsedDeclaration:
    """A declaration in the 'Declarations of interest' minute is about the meeting, unless it names a minute."""
    if declaration.minute_number != number:
        return declaration
    return ParsedDeclaration(declaration.member, declaration.category, declaration.nature, None, declaration.action)


def _unescape(line: str) -> str:
    """Undo the backslash our Markdown export puts before a line's leading "-", "#" or "3." marker
    (and the like: "```", "===", "|") and before every "<"."""
    return _MD_ESCAPE.sub(lambda m: m[1] + m[2] if m[2] else m[3] + m[4], line).replace("\\<", "<")
