"""The register of members' standing interests."""

from __future__ import annotations

from sqlite_utils import Database

from store.errors import InvalidInput, NotFound
from store.models import Interest
from store.values import as_date, date_text, required_text, stored_date


class InterestStore:
    def __init__(self, db: Database):
        self.db = db

    def list_for(self, person_id: int, include_removed: bool = False) -> list[Interest]:
        sql = "SELECT * FROM interests WHERE person_id = ?"
        if not include_removed:
            sql += " AND removed_on IS NULL"
        return [_interest(row) for row in self.db.query(sql + " ORDER BY id", [person_id])]

    def get(self, interest_id: int) -> Interest:
        rows = list(self.db.query("SELECT * FROM interests WHERE id = ?", [interest_id]))
        if not rows:
            raise NotFound(f"There is no registered interest with id {interest_id}.")
        return _interest(rows[0])

    def add(self, person_id: int, category: str, nature: str, registered_on=None, categories=None) -> Interest:
        values = _checked(category, nature, registered_on, categories)
        interest_id = self.db.table("interests").insert(dict(person_id=person_id, **values)).last_pk
        return self.get(interest_id)

    def update(self, interest_id: int, category: str, nature: str, registered_on=None, categories=None) -> Interest:
        self.get(interest_id)
        self.db.table("interests").update(interest_id, _checked(category, nature, registered_on, categories))
        return self.get(interest_id)

    def remove(self, interest_id: int) -> None:
        """Delete the entry; declarations that quoted it keep their own wording."""
        self.get(interest_id)
        with self.db.atomic():
            self.db.execute("UPDATE declarations SET interest_id = NULL WHERE interest_id = ?", [interest_id])
            self.db.execute("DELETE FROM interests WHERE id = ?", [interest_id])


def _checked(category, nature, registered_on, categories) -> dict:
    category = required_text(category, "category", 120)
    if categories and category not in categories:
        raise InvalidInput(f"'{category}' is not one of this committee's categories: {'; '.join(categories)}.")
    return dict(
        category=category,
        nature=required_text(nature, "nature of the interest", 2000),
        registered_on=date_text(as_date(registered_on, "date registered")),
    )


def _interest(row: dict) -> Interest:
    row = dict(row)
    row["registered_on"] = stored_date(row["registered_on"])
    row["removed_on"] = stored_date(row["removed_on"])
    return Interest(**row)
