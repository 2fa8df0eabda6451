"""`clerk backup` / `clerk restore` and the backup taken before every migration.

A backup holds exactly what was committed (rows still in the -wal included, another
connection's open transaction not), and restores to the same table dump line for line.
A restore keeps the file it replaces, refuses a damaged, foreign or newer source before
touching anything, refuses while the database is open, and never replays the old file's
-wal into the new one. Opening an older database backs it up first, once.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

import store.backup
from store import ClerkError, DatabaseError, Store
from store.backup import backup, restore
from store.migrations import MIGRATION_SET, STEP_NAMES, migrations
from tests.reliability.databases import (  # noqa: F401
    ASC,
    LEICESTER,
    digest,
    make_database,
    one_database_built_per_module,
)
from tui.cli import main

# helpers ---------------------------------------------------------------------------------


def dump(path: Path) -> list[str]:
    """Every table's SQL and rows, as `iterdump` writes them (read-only: the file is not changed)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM committees ORDER BY id")]
    finally:
        conn.close()


def last_step_objects() -> set[tuple[str, str]]:
    """(type, name) of what the last schema step creates: the schema with it, less the schema without."""
    conn = sqlite3.connect(":memory:")
    try:
        def schema() -> set[tuple[str, str]]:
            return set(conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))

        migrations.apply(Database(conn), stop_before=STEP_NAMES[-1])
        before = schema()
        migrations.apply(Database(conn))
        return schema() - before
    finally:
        conn.close()


def make_older(path: Path) -> None:
    """Turn a current database into one from the clerk before the last schema step."""
    conn = sqlite3.connect(path)
    order = {"trigger": 0, "view": 1, "index": 2, "table": 3}
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?",
                     [MIGRATION_SET, STEP_NAMES[-1]])
        for kind, name in sorted(last_step_objects(), key=lambda o: order[o[0]]):
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    conn.close()


def steps_and_objects(path: Path) -> tuple[list[str], set[tuple[str, str]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        objects = set(conn.execute("SELECT type, name FROM sqlite_master"))
    finally:
        conn.close()
    return steps, objects


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# backup ------------------------------------------------------------------------------------


def test_a_backup_holds_the_rows_still_in_the_wal_and_not_another_connections_open_transaction(tmp_path):
    path = tmp_path / "clerk.db"
    with Store(path) as app:
        committee = app.committees.add(ASC, council=LEICESTER)
        app.db.execute("PRAGMA wal_autocheckpoint = 0")  # as in a busy app: committed rows wait in the -wal
        for day in ("2021-01-19", "2021-03-09", "2021-06-15"):
            app.meetings.add(committee.id, day)
        app.ui_state.set("pane", "minutes")
        # The rows really are only in the -wal: the main file alone does not have them.
        assert path.with_name("clerk.db-wal").stat().st_size > 0
        main_file_only = tmp_path / "main-file-only.db"
        main_file_only.write_bytes(path.read_bytes())
        assert "INSERT INTO \"meetings\"" not in "".join(dump(main_file_only))

        other = sqlite3.connect(path)
        other.execute("BEGIN")
        other.execute("INSERT INTO ui_state (key, value) VALUES ('uncommitted', 'must not be backed up')")
        committed = dump(path)  # what a fresh reader sees now: the committed state
        written = backup(app, tmp_path / "backup.db")
        other.rollback()
        other.close()

    assert written == tmp_path / "backup.db"
    assert dump(written) == committed
    restored = tmp_path / "restored.db"
    assert restore(written, restored) is None  # nothing was there to keep
    assert dump(restored) == committed
    text = "\n".join(dump(restored))
    assert "2021-06-15" in text and "minutes" in text
    assert "must not be backed up" not in text
    with Store(restored) as s:
        assert [m.date.isoformat() for m in s.meetings.list_for(s.committees.list()[0].id)] == [
            "2021-01-19", "2021-03-09", "2021-06-15"]


def test_a_backup_leaves_out_the_apps_own_open_transaction(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    with Store(path) as app:
        with app.db.atomic():
            app.ui_state.set("half", "typed")
            written = backup(app, tmp_path / "backup.db")
    assert "typed" not in "\n".join(dump(written))
    assert names(written) == [ASC]


def test_a_backup_never_overwrites_unless_asked(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    destination = tmp_path / "backup.db"
    destination.write_bytes(b"an earlier backup")
    with pytest.raises(DatabaseError, match="already exists"):
        backup(path, destination)
    assert destination.read_bytes() == b"an earlier backup"
    assert backup(path, destination, overwrite=True) == destination
    assert names(destination) == [ASC]
    assert folder_listing(tmp_path) == ["backup.db", "clerk.db"]  # no hidden .partial left


def test_a_backup_into_a_folder_is_named_by_the_clock(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    (tmp_path / "backups").mkdir()
    written = backup(path, tmp_path / "backups", now=lambda: datetime(2021, 3, 9, 17, 30, 5))
    assert written == tmp_path / "backups" / "clerk.backup-20210309-173005.db"
    assert dump(written) == dump(path)


@pytest.mark.parametrize("damage", ["pages overwritten", "index out of step"])
def test_a_backup_of_a_damaged_database_is_refused_and_leaves_nothing(tmp_path, damage):
    path = bad_source(damage, tmp_path / "clerk.db")
    before = digest(path)
    with pytest.raises(DatabaseError, match="is damaged"):
        backup(path, tmp_path / "backup.db")
    assert folder_listing(tmp_path) == ["clerk.db"]  # no backup, no half-written hidden file
    assert digest(path) == before


def test_a_backup_of_a_missing_database_or_into_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="no database file"):
        backup(tmp_path / "none.db", tmp_path / "backup.db")
    assert not (tmp_path / "none.db").exists()
    path = tmp_path / "clerk.db"
    make_database(path)
    with pytest.raises(DatabaseError, match="does not exist"):
        backup(path, tmp_path / "no such folder" / "backup.db")


# restore -----------------------------------------------------------------------------------


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_file(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    with Store(path) as s:
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    replaced = dump(path)
    saved_hash = digest(saved)

    kept = restore(saved, path, now=lambda: datetime(2021, 3, 9, 17, 30, 5))

    assert kept == tmp_path / "clerk.replaced-20210309-173005.db"
    assert dump(path) == dump(saved)
    assert names(path) == [ASC]
    assert dump(kept) == replaced  # nothing lost: the replaced file, whole
    assert names(kept) == [ASC, "Health Scrutiny Commission"]
    assert digest(saved) == saved_hash  # the source is never changed ...
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == ["backup.db"]  # ... nor littered
    with Store(path) as s:  # and clerk opens the restored file as usual
        assert [c.name for c in s.committees.list()] == [ASC]


def test_restore_never_replays_the_old_files_wal_into_the_new_one(tmp_path):
    # A database left with committed rows only in its -wal (the app was killed): restore keeps
    # those rows with the replaced file and the restored file gets none of them.
    good = tmp_path / "good.db"
    make_database(good)
    with Store(good) as s:
        s.committees.rename(s.committees.by_name(ASC).id, "Restored Committee")
    saved = backup(good, tmp_path / "backup.db")

    crashed = tmp_path / "crashed"
    crashed.mkdir()
    live = tmp_path / "live.db"
    with Store(live) as app:
        app.db.execute("PRAGMA wal_autocheckpoint = 0")
        for n in range(10):
            app.committees.add(f"Only in the wal {n}", council=LEICESTER)
        in_the_wal = list(app.db.conn.iterdump())
        (crashed / "clerk.db").write_bytes(live.read_bytes())
        (crashed / "clerk.db-wal").write_bytes(live.with_name("live.db-wal").read_bytes())
    assert (crashed / "clerk.db-wal").stat().st_size > 0

    kept = restore(saved, crashed / "clerk.db", now=lambda: datetime(2021, 3, 9, 17, 30, 5))

    assert dump(crashed / "clerk.db") == dump(saved)
    assert names(crashed / "clerk.db") == ["Restored Committee"]
    assert dump(kept) == in_the_wal
    assert not (crashed / "clerk.db-wal").exists() or (crashed / "clerk.db-wal").stat().st_size == 0


def test_restore_refuses_while_the_database_is_open(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    with Store(path) as app:
        app.committees.add("Health Scrutiny Commission", council=LEICESTER)
        before = dump(path)
        with pytest.raises(DatabaseError, match="is open in clerk"):
            restore(saved, path)
        assert [c.name for c in app.committees.list()] == ["Adult Social Care Scrutiny Commission",
                                                          "Health Scrutiny Commission"]
    assert dump(path) == before
    assert not [name for name in folder_listing(tmp_path) if "replaced" in name or "partial" in name]


def overwrite_pages(path: Path, *, keep_first: bool) -> None:
    """Random bytes over every page after the first: the header and the schema stay readable."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    noise = hashlib.sha256(b"noise").digest() * (len(data) // 32 + 1)
    start = page if keep_first else 100
    data[start:] = noise[: len(data) - start]
    path.write_bytes(bytes(data))


def bad_source(kind: str, path: Path) -> Path:
    if kind == "random bytes":
        path.write_bytes(os.urandom(8192))
    elif kind == "pages overwritten":
        make_database(path)
        overwrite_pages(path, keep_first=True)
    elif kind == "index out of step":
        # One byte of a committee's name changed in the table, not in its index: SQLite reads
        # the file happily, and only the integrity check finds the damage.
        make_database(path)
        conn = sqlite3.connect(path)
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'committees'").fetchone()[0]
        conn.close()
        data = bytearray(path.read_bytes())
        size = int.from_bytes(data[16:18], "big")
        at = data.find(ASC.encode(), (root - 1) * size, root * size)
        assert at > 0
        data[at] = ord("X")
        path.write_bytes(bytes(data))
    elif kind == "newer clerk":
        make_database(path)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES (?, 'm999_from_the_future', 'x')", [MIGRATION_SET])
        conn.close()
    elif kind == "not clerk's":
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("CREATE TABLE bookmarks (url TEXT)")
        conn.close()
    return path


@pytest.mark.parametrize("kind, message", [
    ("random bytes", "not a clerk database"),
    ("pages overwritten", "damaged"),
    ("index out of step", "is damaged .SQLite's check says: row 1 missing from index"),
    ("newer clerk", "newer version of clerk"),
    ("not clerk's", "not one of clerk's"),
])
def test_restore_refuses_a_bad_source_and_touches_nothing(tmp_path, kind, message):
    path = tmp_path / "clerk.db"
    make_database(path)
    target_hash = digest(path)
    source = bad_source(kind, tmp_path / "source.db")
    source_hash = digest(source)
    listing = folder_listing(tmp_path)

    with pytest.raises(DatabaseError, match=message) as raised:
        restore(source, path)

    assert "Nothing was restored" in str(raised.value)
    assert digest(path) == target_hash
    assert digest(source) == source_hash
    assert folder_listing(tmp_path) == listing  # no replaced file, no half-copied hidden file


# the backup before a migration ------------------------------------------------------------------


def test_opening_an_older_database_backs_it_up_before_updating_it(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    make_older(path)
    older = dump(path)

    with Store(path) as s:
        assert [c.name for c in s.committees.list()] == [ASC]

    bak = tmp_path / f"clerk.db.before-{STEP_NAMES[-1]}.bak"
    assert bak.exists()
    assert dump(bak) == older
    new_objects = last_step_objects()
    assert new_objects  # the last step creates something, or this test proves nothing
    steps, objects = steps_and_objects(bak)
    assert steps == STEP_NAMES[:-1]  # the backup opens at the old schema
    assert not objects & new_objects
    steps, objects = steps_and_objects(path)
    assert steps == STEP_NAMES  # and the database itself was updated
    assert new_objects <= objects


def test_the_backup_before_a_migration_is_taken_once_and_never_overwritten(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    make_older(path)
    Store(path).close()
    bak = tmp_path / f"clerk.db.before-{STEP_NAMES[-1]}.bak"
    first = digest(bak)
    listing = folder_listing(tmp_path)
    with Store(path) as s:  # up to date: no new backup
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    assert folder_listing(tmp_path) == listing
    make_older(path)  # older again, with other data: the first backup stays as it was
    Store(path).close()
    assert digest(bak) == first
    assert names(bak) == [ASC]


def test_a_new_database_is_not_backed_up(tmp_path):
    Store(tmp_path / "clerk.db").close()
    assert not [p for p in tmp_path.iterdir() if ".bak" in p.name or ".partial" in p.name]


def test_no_schema_step_runs_when_the_backup_before_it_fails(tmp_path, monkeypatch):
    path = tmp_path / "clerk.db"
    make_database(path)
    make_older(path)
    older = dump(path)

    def failing_backup(*args, **kwargs):
        raise DatabaseError("The disk holding it is full, so no copy was written.")

    monkeypatch.setattr(store.backup, "backup", failing_backup)
    with pytest.raises(DatabaseError, match="the backup failed, so nothing was changed"):
        Store(path)
    assert dump(path) == older
    assert steps_and_objects(path)[0] == STEP_NAMES[:-1]


# the CLI ---------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """A stdin that is a terminal, with the clerk's answer typed in."""

    def isatty(self) -> bool:
        return True


def test_clerk_backup_writes_a_checked_copy(tmp_path, capsys):
    path = tmp_path / "clerk.db"
    make_database(path)
    assert main(["--db", str(path), "backup", str(tmp_path / "backup.db")]) == 0
    out = capsys.readouterr().out
    assert f"Backed up {path} to {tmp_path / 'backup.db'}" in out and "checked" in out
    assert dump(tmp_path / "backup.db") == dump(path)

    assert main(["--db", str(path), "backup", str(tmp_path / "backup.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("clerk: ") and "already exists" in err and "Traceback" not in err


def test_clerk_restore_without_a_terminal_or_yes_refuses(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    with Store(path) as s:
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    before, listing = digest(path), folder_listing(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # piped input is not a confirmation

    assert main(["--db", str(path), "restore", str(saved)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("clerk: restore replaces") and "add --yes" in err and "Nothing was changed" in err
    assert digest(path) == before
    assert folder_listing(tmp_path) == listing


def test_clerk_restore_asks_and_a_no_changes_nothing(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    with Store(path) as s:
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    before, listing = digest(path), folder_listing(tmp_path)
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))

    assert main(["--db", str(path), "restore", str(saved)]) == 1

    err = capsys.readouterr().err
    assert f"Replace {path} with {saved}? The current file is kept as {tmp_path}/clerk.replaced-" in err
    assert "[y/N]" in err and "Nothing was changed." in err
    assert digest(path) == before
    assert folder_listing(tmp_path) == listing


def test_clerk_restore_asks_and_a_yes_restores_keeping_the_old_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    with Store(path) as s:
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    replaced = dump(path)
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))

    assert main(["--db", str(path), "restore", str(saved)]) == 0

    captured = capsys.readouterr()
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith("clerk.replaced-")]
    assert f"kept as {kept}" in captured.err  # the question named the file that was kept
    assert f"Restored {path} from {saved}; the file it replaced is kept as {kept}." in captured.out
    assert dump(path) == dump(saved)
    assert dump(kept) == replaced


def test_clerk_restore_yes_needs_no_terminal_and_errors_are_one_line(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clerk.db"
    make_database(path)
    saved = backup(path, tmp_path / "backup.db")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--db", str(path), "restore", str(saved), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    fresh = tmp_path / "fresh.db"  # nothing to replace: nothing to confirm
    assert main(["--db", str(fresh), "restore", str(saved)]) == 0
    assert capsys.readouterr().out == f"Restored {fresh} from {saved}.\n"
    assert dump(fresh) == dump(saved)

    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    assert main(["--db", str(path), "restore", str(junk), "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"clerk: {junk} is not a clerk database") and "Traceback" not in err
    assert err.count("\n") == 1

    assert main(["--db", str(path), "restore", str(tmp_path / "missing.db"), "--yes"]) == 1
    assert capsys.readouterr().err == f"clerk: There is no backup at {tmp_path / 'missing.db'}.\n"


def test_restore_errors_are_clerk_errors():
    assert issubclass(DatabaseError, ClerkError)
