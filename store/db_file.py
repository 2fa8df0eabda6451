"""What can go wrong with the database file itself, said so that a clerk can act on it.

SQLite reports a full disk, a read-only file or folder, a damaged file or a disk error as
`sqlite3` exceptions, from whichever statement happens to meet the problem. The connection
clerk opens (`GuardedConnection`, made by `store.db.connect`) turns those into
`DatabaseFileError` or `DamagedDatabaseError`: a `store.errors.DatabaseError` (so the CLI
and the panes show its message like any ClerkError) that is still the `sqlite3` exception
it replaces (so code that catches `sqlite3.OperationalError`, sqlite-utils included,
behaves as before).
Errors about the SQL itself (constraints, syntax, a busy database) pass through unchanged.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote

from store.errors import DatabaseError

# Primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_READONLY_DIRECTORY = SQLITE_READONLY | (6 << 8)


class DatabaseFileError(DatabaseError, sqlite3.OperationalError):
    """The file cannot take a change or be read (full disk, read-only, disk error)."""


class DamagedDatabaseError(DatabaseError, sqlite3.DatabaseError):
    """The file is damaged or is not a database at all."""


def describe(error: sqlite3.Error, path: str | Path) -> str | None:
    """A clerk's sentence for a file-level SQLite error at `path`; None for any other error."""
    path = Path(path)
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    if code == SQLITE_READONLY_DIRECTORY:
        return (f"The folder {path.parent} is read-only, so clerk cannot use {path.name} there "
                f"(SQLite keeps {path.name}-wal and {path.name}-shm beside it). Make the folder "
                "writable, or copy the file to a folder you can write to; clerk has not changed it.")
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return (f"The disk holding {path} is full, so the last change was not saved (everything "
                "saved before it is safe). Free some space on that disk, then try again.")
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return (f"{path} is read-only, so the last change was not saved. Make the file (and its "
                "folder) writable, or copy it to a folder you can write to.")
    if primary == SQLITE_CORRUPT:
        return (f"{path} is damaged (SQLite says: {error}). Restore the latest backup with "
                "`clerk restore BACKUP` (the damaged file is kept beside it, not deleted).")
    if primary == SQLITE_NOTADB:
        return f"{path} is not a clerk database (SQLite says: {error})."
    if primary == SQLITE_IOERR:
        return (f"The disk reported an error while clerk was using {path} (SQLite says: {error}); the "
                "last change may not have been saved. Check the disk or network drive, then try again.")
    if primary == SQLITE_CANTOPEN:
        if path.is_dir():
            return f"{path} is a folder, not a database file."
        if not path.exists():
            return (f"clerk cannot create {path.name} in {path.parent}: the folder is read-only or "
                    "you may not write to it. Choose another folder.")
        return (f"clerk cannot open {path}: check that you may read and write the file and its folder "
                f"(SQLite says: {error}).")
    return None


def translated(error: sqlite3.Error, path: str | Path) -> Exception:
    """`error` as a DatabaseFileError/DamagedDatabaseError when it is about the file, else itself."""
    if isinstance(error, DatabaseError):
        return error
    message = describe(error, path)
    if message is None:
        return error
    kind = DatabaseFileError if isinstance(error, sqlite3.OperationalError) else DamagedDatabaseError
    clear = kind(message)
    clear.sqlite_errorcode = error.sqlite_errorcode
    clear.sqlite_errorname = error.sqlite_errorname
    return clear


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose file-level errors, when running or fetching, come out as DatabaseFileError."""

    def _raise(self, error: sqlite3.Error):
        clear = translated(error, self.connection.clerk_path)
        if clear is error:
            raise error
        raise clear from error

    def execute(self, *args):
        try:
            return super().execute(*args)
        except sqlite3.Error as error:
            self._raise(error)

    def executemany(self, *args):
        try:
            return super().executemany(*args)
        except sqlite3.Error as error:
            self._raise(error)

    def executescript(self, *args):
        try:
            return super().executescript(*args)
        except sqlite3.Error as error:
            self._raise(error)

    def fetchone(self):
        try:
            return super().fetchone()
        except sqlite3.Error as error:
            self._raise(error)

    def fetchmany(self, *args, **kwargs):
        try:
            return super().fetchmany(*args, **kwargs)
        except sqlite3.Error as error:
            self._raise(error)

    def fetchall(self):
        try:
            return super().fetchall()
        except sqlite3.Error as error:
            self._raise(error)

    def __next__(self):
        try:
            return super().__next__()
        except sqlite3.Error as error:
            self._raise(error)


class GuardedConnection(sqlite3.Connection):
    """`sqlite3.connect(path, factory=GuardedConnection)`: every cursor is a GuardedCursor."""

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        name = str(database)
        if name.startswith("file:"):  # a URI: its path, for messages
            name = unquote(name[len("file:"):].split("?")[0])
        self.clerk_path = Path(name)

    def cursor(self, factory=GuardedCursor):
        return super().cursor(factory)

    def execute(self, *args):
        return self.cursor().execute(*args)

    def executemany(self, *args):
        return self.cursor().executemany(*args)

    def executescript(self, *args):
        return self.cursor().executescript(*args)

    def commit(self):
        try:
            return super().commit()
        except sqlite3.Error as error:
            clear = translated(error, self.clerk_path)
            if clear is error:
                raise
            raise clear from error


def refuse_read_only(conn: sqlite3.Connection, path: str | Path) -> None:
    """DatabaseFileError now, rather than at the clerk's first change, if the file cannot be written.

    The probe is a change rolled back before it reaches the disk. It does not wait: when
    another connection is writing (SQLite says busy), the file is plainly writable.
    """
    if conn.in_transaction:
        return
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        code = error.sqlite_errorcode
        if code & 0xFF == SQLITE_BUSY:  # another connection is writing to it: it can be written
            return
        if code & 0xFF == SQLITE_READONLY and code != SQLITE_READONLY_DIRECTORY:
            raise DatabaseFileError(
                f"{path} is read-only, and clerk opens a database only where it can save changes. Make "
                "the file writable, or copy it to a folder you can write to; clerk has not changed it."
            ) from error
        clear = translated(error, path)
        if clear is error:
            raise
        raise clear from error
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
