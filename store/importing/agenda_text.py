"""The agenda a pack is for: front sheet (committee, date, time, place, members) and numbered items.

Items are numbered 1, 2, 3 … with upper-case titles; each may list its appendices
("Appendix B (Pages 9 - 14)", sometimes garbled into the title line) and has
description and recommendation paragraphs ("The … submits a report …"; "Members are
recommended to …"). The agenda ends at the first page of an appendix it listed.
"""

from __future__ import annotations

import re

from store.importing import people
from store.importing.clean import (
    APPENDIX_REF,
    APPENDIX_START,
    committee_name,
    find_date,
    flat,
    is_upper,
    long_day,
    numbered_heading,
    read_time,
    without_appendix_refs,
)
from store.importing.models import ParsedAgenda, ParsedAppendix, ParsedItem

MEETING_OF = re.compile(r"^(?:#{1,6}\s*)?(?:(?:a|the)\s+)?meeting\s+of\s+(?:the\s+)?(?P<name>.+)$", re.IGNORECASE)
_FIELD = re.compile(r"\b(?P<key>DATE|TIME|PLACE|VENUE|LOCATION)(?:\s+of\s+(?:the\s+)?meeting)?\s*:\s*(?P<value>.*?)"
                    r"(?=\s+(?:DATE|TIME|PLACE|VENUE|LOCATION)\s*:|$)", re.IGNORECASE)
_MEMBERS_HEADING = re.compile(r"^(?:members of the \w+|membership|committee members)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(r"\b(?:submits?|will (?:provide|give|present|update|report)|to report\b|"
                          r"(?:is|are) attached|asked to declare|will be (?:presented|circulated|tabled))", re.I)
_RECOMMENDATION = re.compile(r"\b(?:recommended|recommendations?|be confirmed as a correct record|"
                             r"(?:is|are|be) (?:asked|requested|invited) to)\b", re.IGNORECASE)
_EXEMPT = re.compile(r"paragraphs?\s+([1-7])\b[^.]{0,80}schedule\s+12A|(?:schedule\s+12A|exempt)[^.]{0,80}?"
                     r"paragraphs?\s+([1-7])\b", re.IGNORECASE)
# Standard items recognised by their usual wording when the committee's own titles differ.
_STANDARD_WORDING = (
    ("apologies", r"^apologies\b"),
    ("declarations", r"^declarations?\s+of\s+interest"),
    ("previous-minutes", r"^minutes\b|\bprevious meeting\b"),
    ("petitions", r"^petitions?\b"),
    ("questions", r"^questions\b"),
    ("work-programme", r"\bwork programme\b"),
    ("urgent-business", r"\burgent business\b"),
)


def parse_agenda(paras: list[str], warnings: list[str], found: list[str]) -> ParsedAgenda | None:
    """The agenda of the meeting the pack is for; None (with a warning) when it has no date."""
    header = next((i for i, p in enumerate(paras) if len(p) < 200 and MEETING_OF.match(flat(p))), None)
    committee = committee_name(MEETING_OF.match(flat(paras[header]))["name"]) if header is not None else None
    fields: dict[str, str] = {}
    first_item = _first_item(paras, header or 0)
    for para in paras[:first_item]:
        for match in _FIELD.finditer(flat(para)):
            fields.setdefault(match["key"].lower(), match["value"].strip())
    day = find_date(fields.get("date", ""))
    if day is None:
        if header is not None or first_item < len(paras):
            warnings.append(
                f"Found {'the front sheet of ' + committee if committee else 'an agenda'} but no date "
                "(a line 'DATE: TUESDAY, 9 MARCH 2021'), so no agenda was imported.")
        return None
    items = _items(paras, first_item)
    found.append(f"the agenda of {long_day(day)} with {len(items)} items")
    return ParsedAgenda(
        committee=committee, date=day, start_time=read_time(fields.get("time", "")),
        place=fields.get("place") or fields.get("venue") or fields.get("location") or None,
        livestream_url=_livestream(paras[:first_item]), members=_front_sheet_members(paras[:first_item]),
        items=tuple(items),
    )


def _first_item(paras: list[str], start: int) -> int:
    for index in range(start, len(paras)):
        heading = numbered_heading(flat(paras[index]))
        if heading and heading[0] == 1:
            return index
    return len(paras)


def _items(paras: list[str], start: int) -> list[ParsedItem]:
    """Items numbered 1, 2, 3 … until the first page of an appendix the agenda listed."""
    gathered: list[tuple[int, str, list[str]]] = []
    labels: set[str] = set()
    for para in paras[start:]:
        text = flat(para)
        heading = numbered_heading(text)
        if heading and heading[0] == len(gathered) + 1:
            gathered.append((heading[0], heading[1], []))
            labels.update(a.label[:1] for a in _appendices(heading[1]))
            continue
        begins, ref = APPENDIX_START.match(text), APPENDIX_REF.search(text)
        if begins and not (ref and ref["first"]) and begins["label"][:1] in labels:
            break  # the first page of an appendix: the agenda is over
        if gathered:
            gathered[-1][2].append(text)
            labels.update(a.label[:1] for a in _appendices(text) if _only_appendix(text))
    return [_item(number, title, texts) for number, title, texts in gathered]


def _item(number: int, raw_title: str, texts: list[str]) -> ParsedItem:
    appendices = _appendices(raw_title)
    description: list[str] = []
    recommendation: list[str] = []
    last = description
    for text in texts:
        if _only_appendix(text):
            appendices += _appendices(text)
        elif is_upper(text) and len(text.split()) <= 8:
            continue  # a heading such as "PRIVATE SESSION"
        elif _DESCRIPTION.search(text):
            description.append(text)
            last = description
        elif _RECOMMENDATION.search(text):
            recommendation.append(text)
            last = recommendation
        else:
            last.append(text)
    title = without_appendix_refs(raw_title).strip(" .")
    everything = " ".join([title, *texts])
    exempt = _EXEMPT.search(everything)
    return ParsedItem(
        number=number, title=title, description="\n\n".join(description) or None,
        recommendation="\n\n".join(recommendation) or None,
        verbal_update=bool(re.search(r"verbal (?:update|report)", " ".join([title, *description]), re.I)),
        exempt_paragraph=int(exempt[1] or exempt[2]) if exempt else None, appendices=tuple(appendices),
    )


def _appendices(text: str) -> list[ParsedAppendix]:
    found = []
    for match in APPENDIX_REF.finditer(text):
        label = ", ".join(re.split(r"\s*(?:,|and|&)\s*", match["labels"].strip()))
        first = int(match["first"]) if match["first"] else None
        last = int(match["last"]) if match["last"] else first
        found.append(ParsedAppendix(label, first, last if first is not None and last >= first else first))
    return found


def _only_appendix(text: str) -> bool:
    match = APPENDIX_REF.match(text)
    return bool(match) and not text[match.end():].strip(" .;")


def _livestream(paras: list[str]) -> str | None:
    for index, para in enumerate(paras):
        if re.search(r"live\s*stream|webcast", para, re.I):
            for candidate in paras[index: index + 3]:
                url = re.search(r"https?://\S+", candidate)
                if url:
                    return url[0].rstrip(".,;)")
    return None


def _front_sheet_members(paras: list[str]) -> tuple:
    members = []
    for index, para in enumerate(paras):
        if _MEMBERS_HEADING.match(para):
            for following in paras[index + 1:]:
                found = people.councillors(flat(following))
                if not found:
                    break
                members += found
            break
    return tuple(members)


def standard_key(title: str, standard_items) -> str | None:
    """The key of the committee's standard item this title is ("APOLOGIES FOR ABSENCE" → "apologies")."""
    plain = " ".join(title.casefold().split())
    for item in standard_items:
        if " ".join(item.title.casefold().split()) == plain:
            return item.key
    keys = {item.key for item in standard_items}
    return next((key for key, pattern in _STANDARD_WORDING if key in keys and re.search(pattern, plain)), None)
