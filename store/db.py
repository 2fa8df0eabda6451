"""Open the database: pragmas, schema steps, and a refusal of files we cannot trust."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from store.errors import DatabaseError
from store.migrations import MIGRATION_SET, STEP_NAMES, migrations

BUSY_TIMEOUT_SECONDS = 5.0


def connect(path: str | Path) -> Database:
    """Open (creating if needed) the clerk database at `path`, migrated to this version."""
    path = Path(path)
    if str(path) != ":memory:" and not path.parent.exists():
        raise DatabaseError(f"The folder {path.parent} does not exist, so {path.name} cannot be opened there.")
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise DatabaseError(f"{path} is not a clerk database (SQLite says: {error}).") from error
    db = Database(conn, strict=True)
    try:
        # Refuse first: even a pragma (journal_mode) would change a newer clerk's file.
        _refuse_newer(db, path)
        _set_pragmas(db)
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseError(f"{path} cannot be used (SQLite says: {error}).") from error
    except DatabaseError:
        conn.close()
        raise
    return db


def _set_pragmas(db: Database) -> None:
    db.execute("PRAGMA busy_timeout = %d" % int(BUSY_TIMEOUT_SECONDS * 1000))
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    # Minutes are a legal record: every acknowledged commit reaches the disk.
    db.execute("PRAGMA synchronous = FULL")


def _refuse_newer(db: Database, path: Path) -> None:
    applied = {step.name for step in migrations.applied(db)}
    unknown = sorted(applied - set(STEP_NAMES))
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer version of clerk (it has schema step "
            f"{', '.join(unknown)} of set '{MIGRATION_SET}', which this version does not know). "
            "Install the newer clerk to open it; this version has not changed the file."
        )
