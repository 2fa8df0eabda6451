"""Committees, the council (body) they belong to, and their settings."""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database

from store.deadlines import HOLIDAY_REGIONS
from store.errors import Conflict, InvalidInput, NotFound
from store.models import QUORUM_RULES, Body, Committee
from store.standard_items import StandardItemStore
from store.values import (
    as_time,
    optional_number,
    optional_text,
    required_text,
    stored_time,
    time_text,
    whole_number,
)

# The settings a clerk can change, with how each is checked and stored.
SETTINGS = (
    "quorum_rule",
    "quorum_number",
    "year_start_month",
    "year_start_day",
    "clear_days",
    "holiday_region",
    "skip_weekends",
    "agenda_setting_days",
    "resolution_word",
    "declaration_categories",
    "default_time",
    "default_place",
    "livestream_url",
    "public_information",
    "starting_minute_number",
    "starting_minute_year",
)


class CommitteeStore:
    def __init__(self, db: Database):
        self.db = db
        self.standard_items = StandardItemStore(db)

    # bodies ---------------------------------------------------------------
    def bodies(self) -> list[Body]:
        return [Body(**row) for row in self.db.query("SELECT * FROM bodies ORDER BY id")]

    def body(self, body_id: int) -> Body:
        rows = list(self.db.query("SELECT * FROM bodies WHERE id = ?", [body_id]))
        if not rows:
            raise NotFound(f"There is no council with id {body_id}.")
        return Body(**rows[0])

    def ensure_body(self, name: str, website: str | None = None) -> Body:
        name = required_text(name, "council's name")
        rows = list(self.db.query("SELECT * FROM bodies WHERE name = ?", [name]))
        if rows:
            return Body(**rows[0])
        body_id = self.db.table("bodies").insert(dict(name=name, website=website)).last_pk
        return self.body(body_id)

    # committees -----------------------------------------------------------
    def list(self) -> list[Committee]:
        return [_committee(row) for row in self.db.query("SELECT * FROM committees ORDER BY name COLLATE NOCASE")]

    def get(self, committee_id: int) -> Committee:
        rows = list(self.db.query("SELECT * FROM committees WHERE id = ?", [committee_id]))
        if not rows:
            raise NotFound(f"There is no committee with id {committee_id}.")
        return _committee(rows[0])

    def by_name(self, name: str) -> Committee:
        """Find a committee by its name, or a unique part of it (case does not matter)."""
        wanted = (name or "").strip().casefold()
        committees = self.list()
        exact = [c for c in committees if c.name.casefold() == wanted]
        if exact:
            return exact[0]
        partial = [c for c in committees if wanted and wanted in c.name.casefold()]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            names = "; ".join(c.name for c in committees) or "none yet"
            raise NotFound(f"No committee is called '{name}'. Committees: {names}.")
        raise InvalidInput(
            f"'{name}' matches {len(partial)} committees: {'; '.join(c.name for c in partial)}. Be more precise."
        )

    def add(self, name: str, council: str, **settings) -> Committee:
        name = required_text(name, "committee's name")
        body = self.ensure_body(council)
        values = _checked_settings(settings)
        with self.db.atomic():
            try:
                committee_id = self.db.table("committees").insert(dict(body_id=body.id, name=name, **values)).last_pk
            except sqlite3.IntegrityError as error:
                raise Conflict(f"{body.name} already has a committee called '{name}'.") from error
            self.standard_items.add_defaults(committee_id)
        return self.get(committee_id)

    def rename(self, committee_id: int, name: str) -> Committee:
        name = required_text(name, "committee's name")
        self.get(committee_id)
        try:
            self.db.execute("UPDATE committees SET name = ? WHERE id = ?", [name, committee_id])
        except sqlite3.IntegrityError as error:
            raise Conflict(f"There is already a committee called '{name}'.") from error
        return self.get(committee_id)

    def update_settings(self, committee_id: int, **settings) -> Committee:
        current = self.get(committee_id)
        values = _checked_settings(settings, current)
        if values:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.db.execute(
                f"UPDATE committees SET {assignments} WHERE id = ?", [*values.values(), committee_id]
            )
        return self.get(committee_id)


def _committee(row: dict) -> Committee:
    row = dict(row)
    row["skip_weekends"] = bool(row["skip_weekends"])
    row["declaration_categories"] = tuple(json.loads(row["declaration_categories"]))
    row["default_time"] = stored_time(row["default_time"])
    return Committee(**row)


def _checked_settings(settings: dict, current: Committee | None = None) -> dict:
    """Check each setting given; return the columns to store."""
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise InvalidInput(f"Committees have no setting called {', '.join(sorted(unknown))}.")
    values: dict = {}
    for key, value in settings.items():
        values[key] = _check_setting(key, value)
    rule = values.get("quorum_rule", current.quorum_rule if current else "quarter-min-3")
    number = values["quorum_number"] if "quorum_number" in values else (current.quorum_number if current else None)
    if rule == "fixed" and not number:
        raise InvalidInput("A fixed quorum needs its number of voting members.")
    start_number = values.get("starting_minute_number", current.starting_minute_number if current else None)
    start_year = values.get("starting_minute_year", current.starting_minute_year if current else None)
    if start_number and not start_year:
        raise InvalidInput("Say which municipal year the starting minute number is for (e.g. 2020 for 2020/21).")
    return values


def _check_setting(key: str, value):
    if key == "quorum_rule":
        if value not in QUORUM_RULES:
            raise InvalidInput(f"'{value}' is not a quorum rule: choose one of {', '.join(QUORUM_RULES)}.")
        return value
    if key == "quorum_number":
        return optional_number(value, "quorum", 1, 100)
    if key == "year_start_month":
        return whole_number(value, "month the municipal year starts", 1, 12)
    if key == "year_start_day":
        return whole_number(value, "day the municipal year starts", 1, 28)
    if key == "clear_days":
        return whole_number(value, "number of clear days", 0, 30)
    if key == "holiday_region":
        if value not in HOLIDAY_REGIONS:
            raise InvalidInput(f"'{value}' is not a holiday region: choose one of {', '.join(HOLIDAY_REGIONS)}.")
        return value
    if key == "skip_weekends":
        return 1 if value else 0
    if key == "agenda_setting_days":
        return optional_number(value, "days between the agenda-setting meeting and the meeting", 1, 90)
    if key == "resolution_word":
        return required_text(value, "word that introduces resolutions", 40).rstrip(":")
    if key == "declaration_categories":
        if isinstance(value, str):
            value = [line for line in value.splitlines() if line.strip()]
        categories = [required_text(c, "declaration category", 120) for c in value]
        if not categories:
            raise InvalidInput("A committee needs at least one declaration category.")
        return json.dumps(categories)
    if key == "default_time":
        return time_text(as_time(value, "usual start time"))
    if key == "starting_minute_number":
        return optional_number(value, "starting minute number", 1, 100_000)
    if key == "starting_minute_year":
        return optional_number(value, "municipal year of the starting minute number", 1900, 2200)
    return optional_text(value, key.replace("_", " "))
