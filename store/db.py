"""Open the database: pragmas, schema steps, and a refusal of files we cannot trust."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from store.backup import backup_before_migrating
from store.db_file import GuardedConnection, refuse_read_only, translated
from store.errors import DatabaseError
from store.migrations import MIGRATION_SET, STEP_NAMES, migrations
from store.transactions import ClerkDatabase

BUSY_TIMEOUT_SECONDS = 5.0


def connect(path: str | Path) -> Database:
    """Open (creating if needed) the clerk database at `path`, migrated to this version."""
    path = Path(path)
    if str(path) != ":memory:" and not path.parent.exists():
        raise DatabaseError(f"The folder {path.parent} does not exist, so {path.name} cannot be opened there.")
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False,
                               factory=GuardedConnection)
        conn.execute("PRAGMA schema_version").fetchone()
    except DatabaseError:  # already in words a clerk can act on (store/db_file.py)
        if conn is not None:
            conn.close()
        raise
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        clear = translated(error, path)  # from sqlite3.connect itself, e.g. a read-only folder
        if clear is not error:
            raise clear from error
        raise DatabaseError(f"{path} is not a clerk database (SQLite says: {error}).") from error
    # atomic() begins IMMEDIATE: see store/transactions.py. No sqlite-utils plugins on the minutes'
    # connection (looking for installed ones costs 30 ms of every start).
    db = ClerkDatabase(conn, strict=True, execute_plugins=False)
    try:
        # Refuse first: even a pragma (journal_mode) would change a newer clerk's file.
        _refuse_newer(db, path)
        refuse_read_only(conn, path)
        _set_pragmas(db)
        backup_before_migrating(conn, path, [step.name for step in migrations.pending(db)])
        migrations.apply(db)
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        raise DatabaseError(f"{path} cannot be used (SQLite says: {error}).") from error
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
