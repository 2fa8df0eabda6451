"""The agenda items every meeting of a committee opens and closes with."""

from __future__ import annotations

from sqlite_utils import Database

from store.models import StandardItem
from store.values import required_text

# Wording from Leicester's agendas (see the fixture agenda pack).
DEFAULT_STANDARD_ITEMS = (
    ("opening", "apologies", "APOLOGIES FOR ABSENCE", None, None),
    (
        "opening",
        "declarations",
        "DECLARATIONS OF INTEREST",
        "Members are asked to declare any interests they may have in the business to be discussed.",
        None,
    ),
    (
        "opening",
        "previous-minutes",
        "MINUTES OF THE PREVIOUS MEETING",
        None,
        "The minutes of the meeting of the {committee} held on {previous_date} be confirmed as a correct record.",
    ),
    ("opening", "petitions", "PETITIONS", "The Monitoring Officer to report on any petitions received.", None),
    (
        "opening",
        "questions",
        "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE",
        "The Monitoring Officer to report on any questions, representations or statements of case.",
        None,
    ),
    (
        "closing",
        "work-programme",
        "WORK PROGRAMME",
        "The current work programme for the Commission is attached. The Commission is asked to "
        "consider this and make comments and/or amendments as it considers necessary.",
        None,
    ),
    ("closing", "urgent-business", "ANY OTHER URGENT BUSINESS", None, None),
)


class StandardItemStore:
    def __init__(self, db: Database):
        self.db = db

    def list_for(self, committee_id: int) -> list[StandardItem]:
        rows = self.db.query(
            "SELECT * FROM standard_items WHERE committee_id = ? "
            "ORDER BY placement = 'closing', position",
            [committee_id],
        )
        return [StandardItem(**row) for row in rows]

    def add_defaults(self, committee_id: int) -> None:
        for position, (placement, key, title, description, recommendation) in enumerate(DEFAULT_STANDARD_ITEMS):
            self.db.table("standard_items").insert(
                dict(
                    committee_id=committee_id,
                    position=position,
                    placement=placement,
                    key=key,
                    title=title,
                    description=description,
                    recommendation=recommendation,
                )
            )

    def replace_titles(self, committee_id: int, opening: list[str], closing: list[str]) -> None:
        """Set the opening and closing items by title, keeping the wording of items kept."""
        existing = {item.title.casefold(): item for item in self.list_for(committee_id)}
        rows = []
        for placement, titles in (("opening", opening), ("closing", closing)):
            for position, raw in enumerate(titles):
                title = required_text(raw, "standard item title").upper()
                kept = existing.get(title.casefold())
                rows.append(
                    dict(
                        committee_id=committee_id,
                        position=position,
                        placement=placement,
                        key=kept.key if kept else _key_for(title),
                        title=title,
                        description=kept.description if kept else None,
                        recommendation=kept.recommendation if kept else None,
                    )
                )
        with self.db.atomic():
            self.db.execute("DELETE FROM standard_items WHERE committee_id = ?", [committee_id])
            self.db.table("standard_items").insert_all(rows)


def _key_for(title: str) -> str:
    return "-".join(title.lower().split())[:40]
