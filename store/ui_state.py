"""Where the clerk was (committee, meeting, pane), so reopening returns there."""

from __future__ import annotations

from sqlite_utils import Database


class UiStateStore:
    def __init__(self, db: Database):
        self.db = db
        self.rows_written = 0  # by this connection: Store.change_stamp leaves them out

    def get(self, key: str) -> str | None:
        rows = list(self.db.query("SELECT value FROM ui_state WHERE key = ?", [key]))
        return rows[0]["value"] if rows else None

    def get_int(self, key: str) -> int | None:
        value = self.get(key)
        return int(value) if value and value.isdigit() else None

    def set(self, key: str, value) -> None:
        before = self.db.conn.total_changes
        self.db.execute(
            "INSERT INTO ui_state (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, None if value is None else str(value)],
        )
        self.rows_written += self.db.conn.total_changes - before
