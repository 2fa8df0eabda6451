"""Backups and restores of the database file, with SQLite's online backup API.

A backup is a consistent copy of what was committed when it began, rows still in the
-wal file included, and never anything uncommitted: it is safe while the app has the file
open. It is written to a hidden file beside the destination, checked with `PRAGMA
integrity_check`, and only then given its name, so a failed backup leaves nothing behind.
A restore checks its source the way opening it would (a clerk database, not damaged, not
from a newer clerk) before anything is touched, then moves the current file aside (it is
never deleted) and puts a checked copy of the source in its place.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Callable
from urllib.parse import quote

from store.db_file import SQLITE_BUSY, SQLITE_FULL, describe
from store.errors import DatabaseError

Clock = Callable[[], datetime]
# A backup or a restore waits this long for a writer to finish before giving up.
BUSY_TIMEOUT_SECONDS = 5.0


def backup(store_or_path, destination: str | Path, *, overwrite: bool = False,
           now: Clock = datetime.now) -> Path:
    """Copy the database (a Store, or the path of its file) to `destination`; return the path written.

    `destination` may be a folder: the copy is then `<name>.backup-YYYYmmdd-HHMMSS.db` in it.
    """
    source = Path(getattr(store_or_path, "path", store_or_path))
    destination = Path(destination)
    if destination.is_dir():
        destination = destination / f"{source.stem}.backup-{now():%Y%m%d-%H%M%S}.db"
    if str(source) == ":memory:" or not source.is_file():
        raise DatabaseError(f"There is no database file at {source} to back up.")
    if not destination.parent.is_dir():
        raise DatabaseError(f"The folder {destination.parent} does not exist, so no backup was written.")
    if destination.exists() and not overwrite:
        raise DatabaseError(f"{destination} already exists; choose another name (clerk does not overwrite "
                            "a backup unless asked to).")
    if destination.exists() and destination.resolve() == source.resolve():
        raise DatabaseError(f"{destination} is the database itself; choose another name for the backup.")
    # mode=rw: read through SQLite's locks and the -wal file, and never create a missing source.
    _copy_checked(_open(source, "mode=rw"), source, destination, overwrite=overwrite)
    return destination


def backup_before_migrating(conn: sqlite3.Connection, path: Path, pending: list[str]) -> Path | None:
    """Before schema steps change an existing file: `<name>.before-<first step>.bak` beside it, once."""
    has_data = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if not pending or not has_data or str(path) == ":memory:":
        return None
    destination = path.with_name(f"{path.name}.before-{pending[0]}.bak")
    if destination.exists():
        return None
    try:
        return backup(path, destination)
    except DatabaseError as error:
        if destination.exists():  # another clerk opening the same file took it a moment ago
            return None
        raise DatabaseError(f"This version of clerk must update {path} to open it, and backs it up first, but "
                            f"the backup failed, so nothing was changed. {error}") from error


def kept_name(target: Path, keep_dir: Path | None, when: datetime) -> Path:
    """Where restore puts the file it replaces: `<name>.replaced-YYYYmmdd-HHMMSS.db`."""
    folder = Path(keep_dir) if keep_dir is not None else target.parent
    return folder / f"{target.stem}.replaced-{when:%Y%m%d-%H%M%S}.db"


def restore(source: str | Path, target_path: str | Path, keep_dir: str | Path | None = None, *,
            now: Clock = datetime.now, confirm: Callable[[Path], bool] | None = None) -> Path | None:
    """Replace the database at `target_path` with the backup `source`; return where the old file is kept.

    `confirm(kept_path)` is asked once the source has been checked, if there is a file to replace;
    False leaves everything as it was and returns None. None is also returned when there was no
    file to replace.
    """
    source, target = Path(source), Path(target_path)
    keep_dir = Path(keep_dir) if keep_dir is not None else None
    if not source.is_file():
        raise DatabaseError(f"There is no backup at {source}.")
    if not target.parent.is_dir():
        raise DatabaseError(f"The folder {target.parent} does not exist, so nothing was restored there.")
    if keep_dir is not None and not keep_dir.is_dir():
        raise DatabaseError(f"The folder {keep_dir} does not exist, so nothing was restored.")
    if target.exists() and target.resolve() == source.resolve():
        raise DatabaseError(f"{source} is the database itself: name a backup to restore from.")
    try:
        staged = _copy_checked(_open_untouched(source), source, target, install=False)
    except DatabaseError as error:
        raise DatabaseError(f"{error} Nothing was restored: {target} is unchanged.") from error
    try:
        _check_clerk_database(staged, source, target)
        kept = _unused(kept_name(target, keep_dir, now())) if target.exists() else None
        if kept is not None and confirm is not None and not confirm(kept):
            return None
        if kept is not None:
            _move_aside(target, kept)
        try:
            os.replace(staged, target)
        except OSError as error:
            if kept is not None:
                _move(kept, target)  # put the old file back rather than leave no database at all
            raise DatabaseError(f"{source} could not be put in place of {target} ({error.strerror}); "
                                f"{target} is unchanged.") from error
        _sync_folder(target.parent)
    finally:
        staged.unlink(missing_ok=True)
    return kept


# copying ---------------------------------------------------------------------------


def _open(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"file:{quote(str(path.absolute()))}?{mode}"
    try:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as error:
        raise _clear(error, path) from error


def _open_untouched(source: Path) -> sqlite3.Connection:
    """A connection that cannot change `source`, nor leave -wal/-shm files beside it."""
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return _open(source, "mode=ro")  # committed rows may be in the -wal: read it
    return _open(source, "mode=ro&immutable=1")


def _copy_checked(src: sqlite3.Connection, source: Path, destination: Path, *,
                  install: bool = True, overwrite: bool = False) -> Path:
    """Back `src` up into a hidden file beside `destination` and check it.

    With `install`, the checked copy is renamed to `destination`; without, the hidden
    file is returned for the caller to place (or delete).
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".partial", dir=destination.parent)
    except OSError as error:
        src.close()
        raise DatabaseError(f"clerk cannot write in {destination.parent} ({error.strerror}), so no copy "
                            "was written.") from error
    os.close(fd)
    staged = Path(name)
    try:
        dst = sqlite3.connect(staged)
        try:
            try:
                src.backup(dst)
                # One self-contained file: opening the copy needs no -wal beside it.
                dst.execute("PRAGMA journal_mode = DELETE")
                problems = [row[0] for row in dst.execute("PRAGMA integrity_check(20)")]
            except sqlite3.Error as error:
                raise _clear(error, source, destination) from error
            finally:
                dst.close()
        finally:
            src.close()
        if problems != ["ok"]:
            raise DatabaseError(f"{source} is damaged (SQLite's check says: {'; '.join(problems[:3])}), "
                                "so it was not copied.")
        # The copy is as private as the file it copies (or replaces): exempt reports are in it.
        shutil.copymode(destination if destination.exists() else source, staged)
        if not install:
            return staged
        _install(staged, destination, overwrite)
        return destination
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _install(staged: Path, destination: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(staged, destination)
    else:
        try:
            os.link(staged, destination)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            raise DatabaseError(f"{destination} already exists; choose another name.") from None
        except OSError:  # a file system without hard links
            if destination.exists():
                raise DatabaseError(f"{destination} already exists; choose another name.") from None
            os.replace(staged, destination)
        staged.unlink(missing_ok=True)
    _sync_folder(destination.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (a crash right after it cannot lose the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _clear(error: sqlite3.Error, source: Path, destination: Path | None = None) -> DatabaseError:
    """A file-level SQLite error during a copy, said about the file it concerns."""
    if destination is not None and getattr(error, "sqlite_errorcode", 0) & 0xFF == SQLITE_FULL:
        return DatabaseError(f"The disk holding {destination.parent} is full, so no copy was written "
                             f"({source} is unchanged). Free some space on that disk, then try again.")
    return DatabaseError(describe(error, source) or f"{source} cannot be copied (SQLite says: {error}).")


# restoring ---------------------------------------------------------------------------


def _check_clerk_database(staged: Path, source: Path, target: Path) -> None:
    """DatabaseError unless `staged` (the copy of `source`) is a clerk database this version can open."""
    from sqlite_utils import Database

    from store.db import _refuse_newer
    from store.migrations import migrations

    conn = sqlite3.connect(staged)
    try:
        try:
            applied = migrations.applied(Database(conn))
        except sqlite3.Error as error:
            raise DatabaseError(f"{_clear(error, source)} Nothing was restored: {target} is unchanged.") from error
        if not applied:
            raise DatabaseError(f"{source} is an SQLite database, but not one of clerk's. Nothing was restored: "
                                f"{target} is unchanged.")
        try:
            _refuse_newer(Database(conn), source)
        except DatabaseError as error:
            raise DatabaseError(f"{error} Nothing was restored: {target} is unchanged.") from None
    finally:
        conn.close()


def _unused(path: Path) -> Path:
    """`path`, or `<stem>-2<suffix>`, … if a file of that name is already there."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _move_aside(target: Path, kept: Path) -> None:
    """Move the database (with any -wal still holding committed rows) to `kept`; refuse if it is open."""
    try:
        conn = sqlite3.connect(target, timeout=0, isolation_level=None)
    except sqlite3.Error:
        conn = None
    if conn is not None:
        try:
            # Exclusive: fails at once while the app (or anything else) has the file open.
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the -wal's committed rows into the file
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF == SQLITE_BUSY:
                raise DatabaseError(f"{target} is open in clerk (or another program): close it, then "
                                    "restore again. Nothing was changed.") from error
        except sqlite3.DatabaseError:
            pass  # damaged or not a database: it is moved aside as it is
        finally:
            conn.close()
    _move(target, kept)
    for suffix in ("-wal", "-journal"):
        # Left over only when the file could not be checkpointed: kept with it, never replayed into the new one.
        companion = target.with_name(target.name + suffix)
        if companion.exists():
            _move(companion, kept.with_name(kept.name + suffix))
    target.with_name(target.name + "-shm").unlink(missing_ok=True)  # an index of the -wal, rebuilt on opening


def _move(path: Path, to: Path) -> None:
    try:
        os.replace(path, to)
    except OSError as error:
        if error.errno != errno.EXDEV:  # moving to another disk is a copy
            raise DatabaseError(f"{path} could not be moved to {to} ({error.strerror}); nothing was restored.") \
                from error
        shutil.copy2(path, to)
        path.unlink()
