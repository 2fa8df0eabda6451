"""People and their memberships of committees (chair, vice-chair, member, ...)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from store.dates import long_date
from store.errors import InvalidInput, NotFound
from store.models import ROLE_LABELS, ROLES, Member, Person
from store.values import as_date, choice, date_text, optional_text, required_text, stored_date

ROLE_ORDER = {role: index for index, role in enumerate(ROLES)}


class PeopleStore:
    def __init__(self, db: Database):
        self.db = db

    def get(self, person_id: int) -> Person:
        rows = list(self.db.query("SELECT * FROM people WHERE id = ?", [person_id]))
        if not rows:
            raise NotFound(f"There is no person with id {person_id}.")
        return Person(**rows[0])

    def find(self, name: str, title: str = "Councillor") -> Person | None:
        rows = list(
            self.db.query(
                "SELECT * FROM people WHERE name = ? COLLATE NOCASE AND title = ? ORDER BY id LIMIT 1",
                [name.strip(), title.strip()],
            )
        )
        return Person(**rows[0]) if rows else None

    def ensure(self, name: str, title: str = "Councillor") -> Person:
        name = required_text(name, "member's name", 120)
        title = (optional_text(title, "title", 40) or "")
        found = self.find(name, title)
        if found:
            return found
        return self.get(self.db.table("people").insert(dict(name=name, title=title)).last_pk)

    def update(self, person_id: int, **fields) -> Person:
        self.get(person_id)
        values = {}
        if "name" in fields:
            values["name"] = required_text(fields.pop("name"), "member's name", 120)
        if "title" in fields:
            values["title"] = optional_text(fields.pop("title"), "title", 40) or ""
        for key in ("full_name", "party", "email"):
            if key in fields:
                values[key] = optional_text(fields.pop(key), key.replace("_", " "), 200)
        if fields:
            raise InvalidInput(f"People have no field called {', '.join(sorted(fields))}.")
        if values:
            self.db.table("people").update(person_id, values)
        return self.get(person_id)


class MemberStore:
    def __init__(self, db: Database):
        self.db = db
        self.people = PeopleStore(db)

    def list_for(self, committee_id: int, on: date | None = None) -> list[Member]:
        """The committee's members, chair first; only those serving `on` that day if given."""
        rows = self.db.query(
            "SELECT m.*, p.name, p.title, p.full_name, p.party, p.email FROM memberships m "
            "JOIN people p ON p.id = m.person_id WHERE m.committee_id = ?",
            [committee_id],
        )
        members = [_member(row) for row in rows]
        if on is not None:
            members = [m for m in members if m.serves_on(on)]
        return sorted(members, key=lambda m: (ROLE_ORDER[m.role], m.person.name.casefold()))

    def get(self, membership_id: int) -> Member:
        rows = list(
            self.db.query(
                "SELECT m.*, p.name, p.title, p.full_name, p.party, p.email FROM memberships m "
                "JOIN people p ON p.id = m.person_id WHERE m.id = ?",
                [membership_id],
            )
        )
        if not rows:
            raise NotFound(f"There is no membership with id {membership_id}.")
        return _member(rows[0])

    def add(
        self,
        committee_id: int,
        name: str,
        role: str = "member",
        title: str = "Councillor",
        start_date: date | str | None = None,
        end_date: date | str | None = None,
        voting: bool | None = None,
    ) -> Member:
        role = _role(role)
        start, end = _dates(start_date, end_date)
        with self.db.atomic():
            person = self.people.ensure(name, title)
            self._check_single_office(committee_id, role, start, end, exclude=None)
            membership_id = self.db.table("memberships").insert(
                dict(
                    person_id=person.id,
                    committee_id=committee_id,
                    role=role,
                    voting=int(_voting(role, voting)),
                    start_date=date_text(start),
                    end_date=date_text(end),
                )
            ).last_pk
        return self.get(membership_id)

    def update(self, membership_id: int, **fields) -> Member:
        member = self.get(membership_id)
        person_fields = {k: fields.pop(k) for k in ("name", "title") if k in fields}
        role = _role(fields.pop("role")) if "role" in fields else member.role
        start, end = _dates(
            fields.pop("start_date", member.start_date), fields.pop("end_date", member.end_date)
        )
        voting = _voting(role, fields.pop("voting", None if role != member.role else member.voting))
        if fields:
            raise InvalidInput(f"Memberships have no field called {', '.join(sorted(fields))}.")
        with self.db.atomic():
            self._check_single_office(member.committee_id, role, start, end, exclude=membership_id)
            if person_fields:
                self.people.update(member.person.id, **person_fields)
            self.db.table("memberships").update(
                membership_id,
                dict(role=role, voting=int(voting), start_date=date_text(start), end_date=date_text(end)),
            )
        return self.get(membership_id)

    def remove(self, membership_id: int) -> None:
        self.get(membership_id)
        self.db.execute("DELETE FROM memberships WHERE id = ?", [membership_id])

    def _check_single_office(self, committee_id, role, start, end, exclude) -> None:
        """A committee has one chair and one vice-chair at a time."""
        if role not in ("chair", "vice-chair"):
            return
        for other in self.list_for(committee_id):
            if other.id == exclude or other.role != role:
                continue
            if _overlap(start, end, other.start_date, other.end_date):
                raise InvalidInput(
                    f"{other.display_name} is already {ROLE_LABELS[role]} for that time; "
                    f"end their term or change their role first."
                )


def _member(row: dict) -> Member:
    person = Person(
        id=row["person_id"],
        name=row["name"],
        title=row["title"],
        full_name=row["full_name"],
        party=row["party"],
        email=row["email"],
    )
    return Member(
        id=row["id"],
        committee_id=row["committee_id"],
        person=person,
        role=row["role"],
        voting=bool(row["voting"]),
        start_date=stored_date(row["start_date"]),
        end_date=stored_date(row["end_date"]),
    )


def _role(role: str) -> str:
    return choice(role, ROLES, "role")


def _voting(role: str, voting: bool | None) -> bool:
    if role == "standing-invitee":
        if voting:
            raise InvalidInput("A standing invitee does not vote.")
        return False
    return True if voting is None else bool(voting)


def _dates(start, end) -> tuple[date | None, date | None]:
    start, end = as_date(start, "start date"), as_date(end, "end date")
    if start and end and end < start:
        raise InvalidInput(f"The end date {long_date(end)} is before the start date {long_date(start)}.")
    return start, end


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    low, high = date.min, date.max
    return (a_start or low) <= (b_end or high) and (b_start or low) <= (a_end or high)
