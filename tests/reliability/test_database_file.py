"""The database file: a newer clerk's file, a damaged file, a read-only file or folder, a full
disk and a missing folder each get a clear one-line message and leave the file as it was.

Read-only: clerk refuses to open a file it cannot write (every pane records where the clerk
is, so a read-only file would fail at the first keystroke, not at opening). Tests run as root
here and perhaps in CI, where chmod stops nobody: the in-process test simulates a read-only
file with SQLite's `mode=ro`, and the real-permission test runs clerk in a child process that is not root.
A full disk is simulated with `PRAGMA max_page_count` (SQLite's SQLITE_FULL).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

import store.api
from store import ClerkError, DatabaseError, Store
from store.migrations import MIGRATION_SET
from tests.reliability.databases import (  # noqa: F401
    ASC,
    LEICESTER,
    digest,
    make_database,
    one_database_built_per_module,
)
from tui.cli import main

NOBODY = 65534


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def run_cli(capsys, *args) -> tuple[int, str]:
    code = main([str(a) for a in args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


# a newer clerk, a damaged file ---------------------------------------------------------------


@pytest.mark.parametrize("command", [["search", "minutes"], ["export", "actions"]])
def test_a_newer_clerks_database_is_refused_by_the_cli_and_left_alone(tmp_path, capsys, command):
    path = tmp_path / "clerk.db"
    make_database(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES (?, 'm999_from_the_future', 'x')", [MIGRATION_SET])
    conn.close()
    before = digest(path)

    code, err = run_cli(capsys, "--db", path, *command)

    assert code == 1
    assert err.startswith(f"clerk: {path} was written by a newer version of clerk")
    assert "has not changed the file" in err
    assert digest(path) == before


def test_random_bytes_are_refused_by_the_cli_and_left_alone(tmp_path, capsys):
    path = tmp_path / "clerk.db"
    path.write_bytes(os.urandom(16384))
    before = digest(path)
    code, err = run_cli(capsys, "--db", path, "search", "minutes")
    assert code == 1
    assert err.startswith(f"clerk: {path} is not a clerk database")
    assert digest(path) == before


def overwrite(path: Path, first_page: int, last_page: int | None = None) -> None:
    """Random bytes over pages first_page..last_page (1-based; to the end if None); the header stays."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start, end = (first_page - 1) * size, len(data) if last_page is None else last_page * size
    noise = (hashlib.sha256(b"noise").digest() * (end // 32 + 1))[: end - start]
    data[start:end] = noise
    path.write_bytes(bytes(data))


def test_a_database_with_its_pages_overwritten_is_refused_as_damaged(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    overwrite(path, 2)  # page 1 (header and schema) intact, every other page noise
    before = digest(path)
    with pytest.raises(DatabaseError, match=r"is damaged \(SQLite says: database disk image is malformed\)"):
        Store(path)
    assert digest(path) == before


def test_a_damaged_table_is_a_clear_message_when_it_is_read_not_a_raw_sqlite_error(tmp_path, capsys):
    path = tmp_path / "clerk.db"
    make_database(path)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'committees'").fetchone()[0]
    conn.close()
    overwrite(path, root, root)
    before = digest(path)

    with Store(path) as s:  # the damage is not where opening looks
        with pytest.raises(DatabaseError, match="is damaged") as raised:
            s.committees.list()
        # Still the sqlite3 exception it replaces, for code that catches those.
        assert isinstance(raised.value, sqlite3.DatabaseError)
        with pytest.raises(DatabaseError, match="is damaged"):
            s.committees.add("Health Scrutiny Commission", council=LEICESTER)
    code, err = run_cli(capsys, "--db", path, "export", "actions")
    assert code == 1
    assert err.startswith(f"clerk: {path} is damaged") and "clerk restore BACKUP" in err
    assert digest(path) == before


# read-only ------------------------------------------------------------------------------------


@pytest.fixture
def read_only(monkeypatch):
    """Make a database file read-only: chmod when that stops us, else SQLite's mode=ro."""
    changed: list[tuple[Path, int]] = []

    def make(path: Path) -> None:
        if os.geteuid() != 0:
            changed.append((path, path.stat().st_mode))
            path.chmod(0o444)
            return
        real_connect = sqlite3.connect

        def connect(database, *args, **kwargs):
            if str(database) == str(path):
                database, kwargs["uri"] = f"file:{quote(str(path))}?mode=ro", True
            return real_connect(database, *args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect)

    yield make
    for path, mode in changed:
        path.chmod(stat.S_IMODE(mode))


def test_a_read_only_database_is_refused_at_opening_and_not_changed(tmp_path, capsys, read_only):
    path = tmp_path / "clerk.db"
    make_database(path)
    before = digest(path)
    read_only(path)

    with pytest.raises(DatabaseError, match="is read-only, and clerk opens a database only where it can save"):
        Store(path)
    code, err = run_cli(capsys, "--db", path, "search", "minutes")

    assert code == 1
    assert err.startswith(f"clerk: {path} is read-only") and "copy it to a folder you can write to" in err
    assert digest(path) == before


@pytest.fixture
def open_folder():
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="clerk-permissions-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def run_clerk_unprivileged(runs: list[list[str]]) -> list[tuple[int, str]]:
    """`clerk ARGS` for each entry, in a forked child that is not root (uid 65534 if we are root).

    A fork, not a new interpreter: the interpreter may live where an unprivileged user cannot
    read it (here, under /root). Returns (status, stderr) for each run.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 99
        try:
            os.close(read)
            signal.alarm(30)
            sys.stderr = os.fdopen(write, "w")
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            for args in runs:
                code = main(args)
                print(f"status={code}", file=sys.stderr, flush=True)
            status = 0
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which fails the test
            print(f"CHILD FAILED {error.__class__.__name__}: {error}", file=sys.stderr, flush=True)
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Traceback" not in text
    outputs = []
    for _ in runs:
        message, _, text = text.partition("status=")
        code, _, text = text.partition("\n")
        outputs.append((int(code), message))
    return outputs


def test_real_permissions_a_read_only_file_and_a_read_only_folder_get_clear_messages(open_folder):
    # The OS, not a simulation: a 0444 file in a writable folder, a writable file in a 0555
    # folder, and a new database in a 0555 folder, each opened by a user who is not root.
    ro_file = open_folder / "file" / "clerk.db"
    ro_folder = open_folder / "folder" / "clerk.db"
    for path in (ro_file, ro_folder):
        path.parent.mkdir()
        make_database(path)
    ro_file.chmod(0o444)
    ro_file.parent.chmod(0o777)
    ro_folder.chmod(0o666)
    ro_folder.parent.chmod(0o555)
    hashes = digest(ro_file), digest(ro_folder)

    outputs = run_clerk_unprivileged([
        ["--db", str(ro_file), "search", "minutes"],
        ["--db", str(ro_folder), "search", "minutes"],
        ["--db", str(ro_folder.with_name("new.db")), "search", "minutes"],
    ])

    (file_code, file_err), (folder_code, folder_err), (new_code, new_err) = outputs
    assert file_code == 1 and file_err.startswith(f"clerk: {ro_file} is read-only, and clerk opens a database")
    assert folder_code == 1 and folder_err.startswith(f"clerk: The folder {ro_folder.parent} is read-only")
    assert new_code == 1 and new_err.startswith(f"clerk: clerk cannot create new.db in {ro_folder.parent}")
    assert (digest(ro_file), digest(ro_folder)) == hashes
    assert not ro_folder.with_name("new.db").exists()


# a full disk ---------------------------------------------------------------------------------------


def test_a_full_disk_is_a_clear_message_and_nothing_is_stored_half_way(tmp_path):
    path = tmp_path / "clerk.db"
    make_database(path)
    added = []
    with Store(path) as s:
        pages = s.db.execute("PRAGMA page_count").fetchone()[0]
        s.db.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up after a few pages
        with pytest.raises(DatabaseError, match=f"The disk holding {path} is full, so the last change was not saved"
                           ) as raised:
            for n in range(200):
                s.committees.add(f"Committee {n:03d}", council=LEICESTER, public_information="x" * 1500)
                added.append(n)
        assert isinstance(raised.value, ClerkError)
        assert isinstance(raised.value, sqlite3.OperationalError)  # what sqlite-utils catches, still
        s.db.execute("PRAGMA max_page_count = 1073741823")
        s.committees.add("After space was freed", council=LEICESTER)  # the store goes on working
    assert 0 < len(added) < 200
    assert integrity(path) == "ok"
    with Store(path) as s:
        committees = s.committees.list()
        assert len(committees) == len(added) + 2
        # A committee is stored with its seven standard items, or not at all.
        for committee in committees:
            assert len(s.standard_items.list_for(committee.id)) == 7
        assert [m.date.isoformat() for m in s.meetings.list_for(s.committees.by_name(ASC).id)] == ["2021-01-19"]


def test_a_full_disk_in_the_cli_is_one_line_and_the_data_already_there_is_intact(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clerk.db"
    with Store(path) as s:
        s.committees.add("Health Scrutiny Commission", council=LEICESTER)
        pages = s.db.execute("PRAGMA page_count").fetchone()[0]
    real_connect = store.api.connect

    def connect_to_a_full_disk(where):
        db = real_connect(where)
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        return db

    monkeypatch.setattr(store.api, "connect", connect_to_a_full_disk)
    code, err = run_cli(capsys, "--db", path, "demo")
    assert code == 1
    assert err.startswith(f"clerk: The disk holding {path} is full") and err.count("\n") == 1
    monkeypatch.undo()
    assert integrity(path) == "ok"
    with Store(path) as s:
        assert "Health Scrutiny Commission" in [c.name for c in s.committees.list()]


# a missing folder ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command, message", [
    (["search", "minutes"], "The folder {folder} does not exist, so clerk.db cannot be opened there."),
    (["backup", "copy.db"], "There is no database file at {folder}/clerk.db to back up."),
])
def test_a_missing_folder_is_one_line_and_is_not_created(tmp_path, capsys, command, message):
    folder = tmp_path / "no such folder"
    code, err = run_cli(capsys, "--db", folder / "clerk.db", *command)
    assert code == 1
    assert err == f"clerk: {message.format(folder=folder)}\n"
    assert not folder.exists()
