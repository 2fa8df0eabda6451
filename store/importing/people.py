"""Councillors named in minutes: who was present, apologies, substitutes and declarations of interest.

"Councillor Joshi (Chair)", "Councillor Kitterick Councillor Thalukdar" (two on a line),
"Councillors Batool, Kaur Saini, Kitterick and Thalukdar", "Apologies for absence were
received from Councillor X", "Councillor Joshi declared an Other Disclosable Interest in
that his wife worked for …". Pure functions of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.importing.clean import flat
from store.importing.models import ParsedDeclaration, ParsedPerson

_TITLE = r"(?:Councillors?|Cllrs?\.?)"
_WORD = r"[A-Z][\w'’\-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|de|van|von|der|la|le|du|da|di|bin|al)){{0,4}}"
_TITLE_AT = re.compile(rf"\b(?P<title>{_TITLE})\s+(?=[A-Z])")
_PIECE = re.compile(rf"^(?P<name>{_NAME})\s*(?:\((?P<paren>[^)]*)\))?(?P<tail>.*)$")
_SEPARATORS = re.compile(r"\s*,\s*|\s+and\s+|\s*&\s*")
_DECLARED = re.compile(
    rf"{_TITLE}\s+(?P<name>{_NAME})\s+declared\s+(?:an?\s+)?(?P<rest>.+?)(?:\.(?=\s|$)|$)"
    rf"(?:\s*{_TITLE}\s+(?P=name)\s+(?:withdrew|left|did not vote|took no part)[^.]*\.)?"
)
_ABOUT = re.compile(r"^(?:in respect of|in relation to|on|in|regarding|for)\s+(?P<what>minute|agenda item|item)\s+"
                    r"(?P<number>\d+)(?:\s*\([^)]*\))?\s*,?\s*", re.IGNORECASE)
_THIS_ITEM = re.compile(r"^(?:in respect of|in relation to|in|on|for)\s+(?:this|the)\s+(?:item|minute)\s*,?\s*",
                        re.IGNORECASE)
_NATURE_START = re.compile(r"^(?:in that|in|as|because|namely|,|:|-|–)\s*", re.IGNORECASE)
_APOLOGIES = re.compile(
    r"apologies(?:\s+for\s+absence)?\s+(?:were|was|had been|have been)\s+(?:received|submitted|given|tendered|noted)\s+"
    r"(?:from|by|on behalf of)\s+(?P<names>[^.]+)|^apologies(?:\s+for\s+absence)?\s*:\s*(?P<listed>[^.]+)",
    re.IGNORECASE,
)
_SUBSTITUTE = re.compile(
    rf"{_TITLE}\s+(?P<name>{_NAME})\s+(?:attended|was present|sat)\s+as\s+(?:a\s+)?substitute\s+for\s+"
    rf"{_TITLE}\s+(?P<for>{_NAME})"
)
_OTHERS = re.compile(r"^(?:also present|in attendance|officers? present|officers in attendance)\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Attendance:
    present: tuple[ParsedPerson, ...] = ()
    apologies: tuple[ParsedPerson, ...] = ()
    others: tuple[tuple[str, str | None], ...] = ()


def councillors(text: str) -> list[ParsedPerson]:
    """Every councillor a line names, with the role or substitution its brackets give."""
    starts = [m for m in _TITLE_AT.finditer(text) if not _inside_brackets(text, m.start())]
    found = []
    for match, following in zip(starts, [*starts[1:], None]):
        chunk = text[match.end(): following.start() if following else len(text)]
        plural = match["title"].lower().startswith(("councillors", "cllrs"))
        pieces = _SEPARATORS.split(chunk.strip(" .;,")) if plural else [chunk.strip(" .;,")]
        for piece in pieces:
            person = _person(piece)
            if person:
                found.append(person)
    return found


def attendance(paras: list[str], warnings: list[str]) -> Attendance:
    """The head of the minutes: PRESENT:, then Also present / In attendance, and any apologies."""
    present: list[ParsedPerson] = []
    apologies: list[ParsedPerson] = []
    others: list[tuple[str, str | None]] = []
    section = None
    for para in paras:
        opening = re.match(r"^present\s*:?\s*", para, re.IGNORECASE)
        if opening or _OTHERS.match(para):
            section = "present" if opening else "others"
            para = para[(opening or _OTHERS.match(para)).end():]
        if para.startswith("***"):
            section = None
            continue
        listed = apologies_in(flat(para))
        if listed:
            apologies += listed
            continue
        for line in filter(None, (line.strip() for line in para.split("\n"))):
            if section == "present":
                named = councillors(line)
                present += named
                if not named:
                    warnings.append(f"PRESENT: '{line[:80]}' names no councillor, so it was not recorded.")
            elif section == "others":
                others.append(_other(line))
    return Attendance(tuple(present), tuple(apologies), tuple(others))


def apologies_in(text: str) -> list[ParsedPerson]:
    """'Apologies for absence were received from Councillor X and Councillor Y.'"""
    names = []
    for match in _APOLOGIES.finditer(text):
        names += [ParsedPerson(p.name) for p in councillors(match["names"] or match["listed"])]
    return names


def substitutes_in(text: str) -> list[ParsedPerson]:
    """'Councillor X attended as a substitute for Councillor Y.'"""
    return [ParsedPerson(m["name"], substitute_for=m["for"]) for m in _SUBSTITUTE.finditer(text)]


def merge_present(present, substitutes) -> tuple[ParsedPerson, ...]:
    """The PRESENT list, with what the minutes say about substitutes added to it."""
    merged = {p.name.casefold(): p for p in present}
    for sub in substitutes:
        merged[sub.name.casefold()] = ParsedPerson(sub.name, None, sub.substitute_for)
    return tuple(merged.values())


def declarations_in(text: str, minute_number: int | None) -> tuple[list[ParsedDeclaration], str]:
    """The declarations a text holds, and the text without them (the export words them again)."""
    found = []
    for match in _DECLARED.finditer(text):
        category, nature, about = _split(match["rest"])
        sentence = match[0]
        action = "remained"
        if re.search(r"\b(?:withdrew|left the (?:meeting|room)|took no part)\b", sentence, re.IGNORECASE):
            action = "withdrew"
        elif re.search(r"\bdid not vote\b", sentence, re.IGNORECASE):
            action = "did-not-vote"
        found.append(ParsedDeclaration(match["name"], category, nature, about or minute_number, action))
    remaining = _DECLARED.sub("", text) if found else text
    return found, " ".join(remaining.split())


def _split(rest: str) -> tuple[str, str, int | None]:
    """'Other Disclosable Interest in that his wife …' → category, nature, the minute it is about."""
    match = re.match(r"(?P<category>.*?\binterests?)\b\s*(?P<after>.*)$", rest, re.IGNORECASE)
    if match is None:
        match = re.match(r"(?P<category>.*?)\s+(?P<after>(?:in|as|because)\b.*)$", rest, re.IGNORECASE)
    if match is None:
        return rest.strip(), rest.strip(), None
    category, after = match["category"].strip(), match["after"].strip()
    about = _ABOUT.match(after)
    number = int(about["number"]) if about and about["what"].lower() == "minute" else None
    if about:
        after = after[about.end():]
    after = _THIS_ITEM.sub("", after, count=1)
    nature = _NATURE_START.sub("", after, count=1).strip().rstrip(".")
    return category, nature or category, number


def _person(piece: str) -> ParsedPerson | None:
    match = _PIECE.match(piece.strip())
    if match is None:
        return None
    words = (match["paren"] or "") + " " + match["tail"]
    role = None
    if re.search(r"\bvice[\s-]*chair", words, re.IGNORECASE):
        role = "vice-chair"
    elif re.search(r"\bchair", words, re.IGNORECASE):
        role = "chair"
    substitute = re.search(rf"\b(?:substitut\w*|sub)\s+for\s+{_TITLE}\s+(?P<for>{_NAME})", words, re.IGNORECASE)
    return ParsedPerson(match["name"], role, substitute["for"] if substitute else None)


def _inside_brackets(text: str, index: int) -> bool:
    return text.rfind("(", 0, index) > text.rfind(")", 0, index)


def _other(line: str) -> tuple[str, str | None]:
    """'Angie Smith, Democratic Support Officer' or 'Angie Smith – Democratic Support Officer'."""
    parts = re.split(r"\s+[-–—]\s+|,\s*", line, maxsplit=1)
    name = parts[0].strip(" .;")
    return name, (parts[1].strip(" .;") or None) if len(parts) > 1 else None
