"""Write a published pack into the store: one transaction per file, so an error leaves nothing behind.

The minutes it carries go in as confirmed history with their numbers kept exactly, so the
committee's numbering continues from them; the meeting it is the agenda for gets its
items and appendices with their page ranges. A file imported before (same SHA-256)
changes nothing; neither does a meeting whose minutes or agenda clerk already holds.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time
from pathlib import Path

from store.errors import Conflict, DatabaseError, InvalidInput, NotFound
from store.importing.agenda_text import standard_key
from store.importing.clean import long_day
from store.importing.models import (
    AgendaReport,
    ImportReport,
    MinutesReport,
    ParsedAgenda,
    ParsedMinutes,
    ParsedPack,
    ParsedPerson,
)
from store.importing.parse import parse_pages
from store.importing.pdf_text import Progress, read_source
from store.models import Committee
from store.numbering import municipal_year_bounds, municipal_year_label

DEFAULT_COUNCIL = "Imported"
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with"}


def import_file(store, path: str | Path, committee_name: str | None = None, council: str | None = None,
                progress: Progress | None = None, now: datetime | None = None) -> ImportReport:
    """Import one file; InvalidInput (nothing stored) when it holds no meeting clerk can read."""
    now = now or datetime.now()
    source = read_source(path, progress)
    earlier = list(store.db.query("SELECT imported_at FROM imports WHERE sha256 = ?", [source.sha256]))
    if earlier:
        return ImportReport(source.name, source.sha256, already_imported_on=earlier[0]["imported_at"][:10])
    if progress:
        progress(0, 1, "parsing")
    pack = parse_pages(source.pages, markdown=source.kind == "markdown")
    if pack.agenda is None and pack.minutes is None:
        raise InvalidInput(_unreadable(source.name, pack))
    try:
        with store.db.atomic():
            writer = _Writer(store, [*source.warnings, *pack.warnings], progress, pack)
            committee = writer.committee(committee_name, council, source.name)
            minutes = writer.minutes(committee, pack.minutes, pack.agenda, now) if pack.minutes else None
            agenda = writer.agenda(committee, pack.agenda) if pack.agenda else None
            report = ImportReport(source.name, source.sha256, committee=committee.name, minutes=minutes,
                                  agenda=agenda, warnings=tuple(writer.warnings))
            store.db.table("imports").insert(dict(
                sha256=source.sha256, file_name=source.name, committee_id=committee.id,
                imported_at=now.isoformat(timespec="seconds"), summary=report.summary_line(),
            ))
            writer.step()
    except sqlite3.IntegrityError as error:
        raise Conflict(f"{source.name} could not be imported ({error}); nothing from it was stored.") from error
    except sqlite3.Error as error:
        raise DatabaseError(
            f"{source.name} could not be stored (SQLite says: {error}); nothing from it was stored.") from error
    return report


def _unreadable(name: str, pack: ParsedPack) -> str:
    found = "; ".join(pack.found) or (
        "no agenda ('MEETING OF THE …' with a 'DATE:' line and numbered items) and no minutes "
        "('Minutes of the Meeting of the …', 'Held: …', numbered minutes)")
    problems = " ".join(pack.warnings)
    return " ".join(f"{name} holds no meeting clerk can import. Found: {found}. {problems} Nothing was stored.".split())


class _Writer:
    def __init__(self, store, warnings: list[str], progress: Progress | None, pack: ParsedPack):
        self.store = store
        self.db = store.db
        self.warnings = warnings
        self.progress = progress
        self.pack = pack
        self.done = 0
        minutes, items = pack.minutes.minutes if pack.minutes else (), pack.agenda.items if pack.agenda else ()
        self.total = len(minutes) + len(items) + 1  # and recording the import

    def step(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, "storing")

    # ------------------------------------------------------------ committee and people
    def committee(self, name: str | None, council: str | None, file_name: str) -> Committee:
        named = self.pack.committee
        if name:
            try:
                committee = self.store.committees.by_name(name)
            except NotFound:
                committee = self._new_committee(name.strip(), council)
            if named and _plain(named) != _plain(committee.name):
                self.warnings.append(f"The file is for '{named}'; it was imported into {committee.name} as asked.")
            return committee
        if not named:
            raise InvalidInput(f"{file_name} does not say which committee it is for: name it with --committee NAME.")
        same = [c for c in self.store.committees.list() if _plain(c.name) == _plain(named)]
        return same[0] if same else self._new_committee(_title_case(named), council)

    def _new_committee(self, name: str, council: str | None) -> Committee:
        word = self.pack.minutes.resolution_word if self.pack.minutes else None
        settings = {"resolution_word": word} if word else {}
        return self.store.committees.add(name, council or DEFAULT_COUNCIL, **settings)

    def member(self, committee: Committee, person: ParsedPerson, day: date) -> int:
        """The councillor's person id; a membership for that municipal year when they had none on the day."""
        for member in self.store.members.list_for(committee.id, on=day):
            if member.person.title == "Councillor" and member.person.name.casefold() == person.name.casefold():
                return member.person.id
        year = self.store.meetings.year_of(committee, day)
        first, last = municipal_year_bounds(year, committee.year_start_month, committee.year_start_day)
        role = person.role or "member"
        try:
            added = self.store.members.add(committee.id, person.name, role=role, start_date=first, end_date=last)
        except InvalidInput:
            self.warnings.append(f"Councillor {person.name} is named {role} on {long_day(day)}, but clerk already "
                                 f"has one for that year; recorded as a member.")
            added = self.store.members.add(committee.id, person.name, start_date=first, end_date=last)
        return added.person.id

    # ------------------------------------------------------------ meetings
    def meeting_on(self, committee: Committee, day: date) -> dict | None:
        rows = list(self.db.query(
            "SELECT * FROM meetings WHERE committee_id = ? AND date = ? AND status <> 'cancelled'",
            [committee.id, day.isoformat()]))
        return rows[0] if rows else None

    def new_meeting(self, committee: Committee, day: date, status: str, **values) -> int:
        values = {k: v for k, v in values.items() if v is not None}
        return self.db.table("meetings").insert(dict(committee_id=committee.id, date=day.isoformat(),
                                                     status=status, **values)).last_pk

    def fill_in(self, meeting: dict, **values) -> None:
        """Give an existing meeting what the pack knows and clerk did not (its time, place, …)."""
        missing = {k: v for k, v in values.items() if v is not None and meeting.get(k) is None}
        if missing:
            self.db.table("meetings").update(meeting["id"], missing)

    # ------------------------------------------------------------ the minutes
    def minutes(self, committee: Committee, parsed: ParsedMinutes, agenda: ParsedAgenda | None,
                now: datetime) -> MinutesReport:
        numbers = tuple(parsed.numbers)
        report = MinutesReport(parsed.date, numbers, len(parsed.present), len(parsed.declarations), stored=True)
        meeting = self.meeting_on(committee, parsed.date)
        if meeting is not None:
            held = [r["number"] for r in self.db.query("SELECT number FROM minutes WHERE meeting_id = ?",
                                                       [meeting["id"]])]
            if held:
                if not set(numbers) <= set(held):
                    self.warnings.append(f"The meeting of {long_day(parsed.date)} already has minutes in clerk; "
                                         "the minutes in this file were left out.")
                return MinutesReport(parsed.date, numbers, report.present, report.declarations, stored=False)
        year = self.store.meetings.year_of(committee, parsed.date)
        self._check_numbers_free(committee, year, numbers)
        closed_at = _clock(parsed.closed_at)
        if meeting is None:
            meeting_id = self.new_meeting(committee, parsed.date, "minutes-confirmed",
                                          start_time=_clock(parsed.start_time), closed_at=closed_at)
        else:
            meeting_id = meeting["id"]
            self.fill_in(meeting, start_time=_clock(parsed.start_time), closed_at=closed_at)
            self.db.execute("UPDATE meetings SET status = 'minutes-confirmed' WHERE id = ?", [meeting_id])
        self._attendance(committee, meeting_id, parsed)
        items = self._items_for_minutes(committee, meeting_id, parsed)
        minute_ids = {}
        for position, minute in enumerate(parsed.minutes, start=1):
            minute_ids[minute.number] = self.db.table("minutes").insert(dict(
                meeting_id=meeting_id, agenda_item_id=items.get(minute.number), committee_id=committee.id,
                municipal_year=year, position=position, number=minute.number, title=minute.title, body=minute.body,
                status="draft", exempt_paragraph=minute.exempt_paragraph,
            )).last_pk
            for index, resolution in enumerate(minute.resolutions, start=1):
                resolution_id = self.db.table("resolutions").insert(dict(
                    minute_id=minute_ids[minute.number], position=index, text=resolution.text)).last_pk
                for action in resolution.actions:
                    self.db.table("actions").insert(dict(committee_id=committee.id, resolution_id=resolution_id,
                                                         description=action.description, owner=action.owner))
            self.step()
        self._declarations(committee, meeting_id, parsed, items)
        # Nothing can be added to confirmed minutes, their resolutions (schema step m002), attendance
        # or declarations (m008): confirm them last.
        self.db.execute(
            "UPDATE minutes SET status = 'confirmed', confirmed_at = ? WHERE meeting_id = ? AND status = 'draft'",
            [_confirmed_at(parsed, agenda, now), meeting_id])
        return report

    def _check_numbers_free(self, committee: Committee, year: int, numbers: tuple[int, ...]) -> None:
        if not numbers:
            return
        marks = ", ".join("?" for _ in numbers)
        for row in self.db.query(
                "SELECT n.number, m.date FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
                f"WHERE n.committee_id = ? AND n.municipal_year = ? AND n.number IN ({marks}) "
                "ORDER BY n.number LIMIT 1", [committee.id, year, *numbers]):
            held_on = long_day(date.fromisoformat(row["date"]))
            raise Conflict(f"Minute {row['number']} of {municipal_year_label(year)} is already the meeting of "
                           f"{held_on}'s; these minutes cannot have the same numbers.")

    def _attendance(self, committee: Committee, meeting_id: int, parsed: ParsedMinutes) -> None:
        here = set()
        for person in parsed.present:
            if person.substitute_for:
                absent = self.member(committee, ParsedPerson(person.substitute_for), parsed.date)
                substitute = self.store.people.ensure(person.name).id
                self.store.attendance.set(meeting_id, substitute, "substitute", absent)
                here.add(substitute)
                if not self._recorded(meeting_id, absent):
                    self.store.attendance.set(meeting_id, absent, "apologies")
            else:
                person_id = self.member(committee, person, parsed.date)
                self.store.attendance.set(meeting_id, person_id, "present")
                here.add(person_id)
        for person in parsed.apologies:
            person_id = self.member(committee, person, parsed.date)
            if person_id not in here:
                self.store.attendance.set(meeting_id, person_id, "apologies")
        for name, role in parsed.others_present:
            if name and not list(self.db.query("SELECT 1 FROM others_present WHERE meeting_id = ? AND name = ?",
                                               [meeting_id, name])):
                self.db.table("others_present").insert(dict(meeting_id=meeting_id, name=name, role=role))

    def _recorded(self, meeting_id: int, person_id: int) -> bool:
        return bool(list(self.db.query("SELECT 1 FROM attendance WHERE meeting_id = ? AND person_id = ?",
                                       [meeting_id, person_id])))

    def _items_for_minutes(self, committee: Committee, meeting_id: int, parsed: ParsedMinutes) -> dict[int, int]:
        """Each minute's agenda item: the meeting's own items by title, else items made from the minutes."""
        existing = list(self.db.query("SELECT id, title FROM agenda_items WHERE meeting_id = ? ORDER BY position",
                                      [meeting_id]))
        if existing:
            by_title = {_plain(row["title"]): row["id"] for row in existing}
            return {m.number: by_title[_plain(m.title)] for m in parsed.minutes if _plain(m.title) in by_title}
        standard = self.store.standard_items.list_for(committee.id)
        return {
            minute.number: self._insert_item(meeting_id, position, minute.title, standard)
            for position, minute in enumerate(parsed.minutes, start=1)
        }

    def _insert_item(self, meeting_id: int, position: int, title: str, standard, **values) -> int:
        key = standard_key(title, standard)
        return self.db.table("agenda_items").insert(dict(
            meeting_id=meeting_id, position=position, title=title, kind="standard" if key else "business",
            standard_key=key, **values)).last_pk

    def _declarations(self, committee: Committee, meeting_id: int, parsed: ParsedMinutes, items: dict) -> None:
        categories = {c.casefold(): c for c in committee.declaration_categories}
        for position, declaration in enumerate(parsed.declarations):
            person_id = self.member(committee, ParsedPerson(declaration.member), parsed.date)
            self.db.table("declarations").insert(dict(
                meeting_id=meeting_id, person_id=person_id, agenda_item_id=items.get(declaration.minute_number),
                position=position, category=categories.get(declaration.category.casefold(), declaration.category),
                nature=declaration.nature, action=declaration.action,
            ))

    # ------------------------------------------------------------ the agenda
    def agenda(self, committee: Committee, parsed: ParsedAgenda) -> AgendaReport:
        labels = tuple(parsed.appendix_labels)
        meeting = self.meeting_on(committee, parsed.date)
        values = dict(start_time=_clock(parsed.start_time), place=parsed.place, livestream_url=parsed.livestream_url)
        if meeting is not None:
            held = [_plain(r["title"]) for r in self.db.query(
                "SELECT title FROM agenda_items WHERE meeting_id = ? ORDER BY position", [meeting["id"]])]
            if held:
                if held != [_plain(item.title) for item in parsed.items]:
                    self.warnings.append(f"The meeting of {long_day(parsed.date)} already has another agenda in "
                                         "clerk; the agenda in this file was left out.")
                return AgendaReport(parsed.date, len(parsed.items), labels, stored=False)
            meeting_id = meeting["id"]
            self.fill_in(meeting, **values)
            self.db.execute("UPDATE meetings SET status = 'agenda-published' WHERE id = ? AND status = 'scheduled'",
                            [meeting_id])
        else:
            meeting_id = self.new_meeting(committee, parsed.date, "agenda-published", **values)
        for person in parsed.members:
            self.member(committee, person, parsed.date)
        standard = self.store.standard_items.list_for(committee.id)
        for position, item in enumerate(parsed.items, start=1):
            item_id = self._insert_item(
                meeting_id, position, item.title, standard, description=item.description,
                recommendation=item.recommendation, verbal_update=int(item.verbal_update),
                exempt_paragraph=item.exempt_paragraph, published_number=str(item.number))
            for index, appendix in enumerate(item.appendices, start=1):
                self.db.table("documents").insert(dict(
                    agenda_item_id=item_id, position=index, kind="imported", appendix_label=appendix.label,
                    first_page=appendix.first_page, title=item.title, pages=appendix.pages,
                ))
            self.step()
        return AgendaReport(parsed.date, len(parsed.items), labels, stored=True)


def _confirmed_at(parsed: ParsedMinutes, agenda: ParsedAgenda | None, now: datetime) -> str:
    """When the minutes were confirmed: as our export says, else at the meeting the pack is for, else now."""
    if parsed.confirmed_on:
        when = datetime.combine(parsed.confirmed_on, time(0))
    elif agenda is not None and agenda.date > parsed.date:
        when = datetime.combine(agenda.date, agenda.start_time or time(0))
    else:
        when = now
    return when.isoformat(timespec="seconds")


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _title_case(name: str) -> str:
    """'ADULT SOCIAL CARE SCRUTINY COMMISSION' → 'Adult Social Care Scrutiny Commission'."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None
