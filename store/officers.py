"""Officers (council staff) and the ones each committee names as its contacts."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from store.errors import Conflict, InvalidInput, NotFound
from store.models import Officer, OfficerContact
from store.values import optional_text, required_text

FIELDS = ("name", "initials", "job_title", "phone", "email")


class OfficerStore:
    def __init__(self, db: Database):
        self.db = db

    def list(self, body_id: int | None = None) -> list[Officer]:
        if body_id is None:
            rows = self.db.query("SELECT * FROM officers ORDER BY name")
        else:
            rows = self.db.query("SELECT * FROM officers WHERE body_id = ? ORDER BY name", [body_id])
        return [Officer(**row) for row in rows]

    def get(self, officer_id: int) -> Officer:
        rows = list(self.db.query("SELECT * FROM officers WHERE id = ?", [officer_id]))
        if not rows:
            raise NotFound(f"There is no officer with id {officer_id}.")
        return Officer(**rows[0])

    def find(self, text: str, body_id: int | None = None) -> Officer:
        """An officer by initials (KG) or name, as clerks write them in work programmes."""
        wanted = (text or "").strip().casefold()
        officers = self.list(body_id)
        for officer in officers:
            if officer.initials and officer.initials.casefold() == wanted:
                return officer
        matches = [o for o in officers if wanted and wanted in o.name.casefold()]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFound(f"No officer has the initials or name '{text}'.")
        raise InvalidInput(f"'{text}' matches {len(matches)} officers: {', '.join(o.name for o in matches)}.")

    def add(self, body_id: int, name: str, **fields) -> Officer:
        values = _checked(dict(name=name, **fields))
        officer_id = self.db.table("officers").insert(dict(body_id=body_id, **values)).last_pk
        return self.get(officer_id)

    def update(self, officer_id: int, **fields) -> Officer:
        self.get(officer_id)
        values = _checked(fields)
        if values:
            self.db.table("officers").update(officer_id, values)
        return self.get(officer_id)

    def remove(self, officer_id: int) -> None:
        officer = self.get(officer_id)
        try:
            with self.db.atomic():
                self.db.execute("DELETE FROM committee_officers WHERE officer_id = ?", [officer_id])
                self.db.execute("DELETE FROM officers WHERE id = ?", [officer_id])
        except sqlite3.IntegrityError as error:
            raise Conflict(
                f"{officer.name} is named on agenda items, actions or the work programme, "
                "so the record stays; change those first."
            ) from error

    # contacts -------------------------------------------------------------
    def contacts_for(self, committee_id: int) -> list[OfficerContact]:
        rows = self.db.query(
            "SELECT c.id AS contact_id, c.committee_id, c.role, c.position, o.* "
            "FROM committee_officers c JOIN officers o ON o.id = c.officer_id "
            "WHERE c.committee_id = ? ORDER BY c.position, o.name",
            [committee_id],
        )
        return [
            OfficerContact(
                id=row.pop("contact_id"),
                committee_id=row.pop("committee_id"),
                role=row.pop("role"),
                position=row.pop("position"),
                officer=Officer(**row),
            )
            for row in rows
        ]

    def add_contact(self, committee_id: int, officer_id: int, role: str) -> OfficerContact:
        role = required_text(role, "contact's role", 120)
        self.get(officer_id)
        position = len(self.contacts_for(committee_id))
        try:
            self.db.table("committee_officers").insert(
                dict(committee_id=committee_id, officer_id=officer_id, role=role, position=position)
            )
        except sqlite3.IntegrityError as error:
            raise Conflict("That officer is already a contact for this committee.") from error
        return next(c for c in self.contacts_for(committee_id) if c.officer.id == officer_id)

    def update_contact(self, contact_id: int, role: str) -> None:
        role = required_text(role, "contact's role", 120)
        self.db.execute("UPDATE committee_officers SET role = ? WHERE id = ?", [role, contact_id])

    def remove_contact(self, contact_id: int) -> None:
        self.db.execute("DELETE FROM committee_officers WHERE id = ?", [contact_id])


def _checked(fields: dict) -> dict:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise InvalidInput(f"Officers have no field called {', '.join(sorted(unknown))}.")
    values = {}
    for key, value in fields.items():
        if key == "name":
            values[key] = required_text(value, "officer's name", 120)
        elif key == "initials":
            values[key] = (optional_text(value, "initials", 10) or "").upper() or None
        else:
            values[key] = optional_text(value, key.replace("_", " "), 200)
    return values
