"""Opening the database: schema steps, pragmas, STRICT tables, and files we refuse."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store import ClerkError, DatabaseError, Store
from store.migrations import MIGRATION_SET, STEP_NAMES

REPO_ROOT = Path(__file__).resolve().parents[2]

# The data model of design.md, one table per noun, plus the clerk's own bookkeeping.
TABLES = (
    "bodies",
    "committees",
    "standard_items",
    "people",
    "memberships",
    "officers",
    "committee_officers",
    "interests",
    "meetings",
    "agenda_items",
    "documents",
    "attendance",
    "others_present",
    "movements",
    "declarations",
    "minutes",
    "resolutions",
    "actions",
    "work_programme_items",
    "amendments",
    "ui_state",
)


def applied_steps(db) -> list[tuple[str, str]]:
    return [
        (row["name"], row["applied_at"])
        for row in db.query(
            "SELECT name, applied_at FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", [MIGRATION_SET]
        )
    ]


# migrations ---------------------------------------------------------------


def test_a_new_file_gets_every_schema_step(tmp_path):
    path = tmp_path / "clerk.db"
    assert not path.exists()
    with Store(path) as store:
        assert [name for name, _ in applied_steps(store.db)] == STEP_NAMES
        assert set(TABLES) <= set(store.db.table_names())
    assert path.exists()


def test_reopening_runs_no_step_twice_and_keeps_the_data(tmp_path):
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.committees.add("Adult Social Care Scrutiny Commission", council="Leicester City Council")
        first = applied_steps(store.db)
    with Store(path) as store:
        again = applied_steps(store.db)
        names = [c.name for c in store.committees.list()]
        standard_items = store.db.execute("SELECT count(*) FROM standard_items").fetchone()[0]
    with Store(path) as store:
        third = applied_steps(store.db)
    # Same rows, same timestamps: nothing re-ran.
    assert again == first
    assert third == first
    assert names == ["Adult Social Care Scrutiny Commission"]
    assert standard_items == 7


@pytest.mark.parametrize("table", TABLES)
def test_every_table_of_the_data_model_is_strict(store, table):
    sql = store.db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    assert sql is not None, f"table {table} is missing"
    assert sql[0].rstrip().endswith("STRICT")
    assert store.db.execute(f"PRAGMA table_list({table})").fetchone()[5] == 1  # the `strict` column


@pytest.mark.parametrize("table", TABLES)
def test_a_wrong_typed_value_is_refused_by_every_table(store, table):
    # Text where a number belongs, bytes where text belongs: a STRICT table refuses both
    # (a plain SQLite table would quietly store them).
    columns = [c for c in store.db[table].columns if not (c.is_pk and c.type == "INTEGER")]
    wrong = ["not a number" if c.type == "INTEGER" else b"\x00\x01" for c in columns]
    names = ", ".join(c.name for c in columns)
    marks = ", ".join("?" for _ in columns)
    with pytest.raises(sqlite3.IntegrityError, match="cannot store"):
        store.db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", wrong)
    assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_wrong_typed_minute_number_is_refused(store, committee):
    meeting = store.meetings.add(committee.id, "2021-01-19")
    with pytest.raises(sqlite3.IntegrityError, match="cannot store TEXT value in INTEGER column minutes.number"):
        store.db.execute(
            "INSERT INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
            "VALUES (?, ?, 2020, 1, 'ninety-one', 'LCCL')",
            [meeting.id, committee.id],
        )


def test_foreign_keys_are_enforced(store, committee):
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.db.execute(
            "INSERT INTO memberships (person_id, committee_id, role) VALUES (999, ?, 'member')", [committee.id]
        )
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.db.execute("INSERT INTO meetings (committee_id, date) VALUES (999, '2021-03-09')")


def test_journal_is_wal_and_writers_wait_for_a_busy_database(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_pragmas_are_set_again_on_reopening(tmp_path):
    path = tmp_path / "clerk.db"
    Store(path).close()
    with Store(path) as store:
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_two_stores_on_one_file_see_each_others_writes(tmp_path):
    path = tmp_path / "clerk.db"
    with Store(path) as first, Store(path) as second:
        first.committees.add("Adult Social Care Scrutiny Commission", council="Leicester City Council")
        assert [c.name for c in second.committees.list()] == ["Adult Social Care Scrutiny Commission"]
        second.ui_state.set("pane", "meetings")
        assert first.ui_state.get("pane") == "meetings"


# files we refuse ------------------------------------------------------------


def test_a_database_from_a_newer_clerk_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "clerk.db"
    with Store(path) as store:
        store.committees.add("Adult Social Care Scrutiny Commission", council="Leicester City Council")
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "m999_from_the_future", "2030-01-01 00:00:00+00:00"],
        )
    before = path.read_bytes()

    with pytest.raises(DatabaseError, match="newer version") as raised:
        Store(path)

    assert "m999_from_the_future" in str(raised.value)
    assert path.read_bytes() == before
    # Still the same database, with the unknown step recorded and the data in place.
    conn = sqlite3.connect(path)
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        committees = [row[0] for row in conn.execute("SELECT name FROM committees")]
    finally:
        conn.close()
    assert names == [*STEP_NAMES, "m999_from_the_future"]
    assert committees == ["Adult Social Care Scrutiny Commission"]


def test_a_newer_clerk_file_in_another_journal_mode_is_not_switched_to_wal(tmp_path):
    # A newer clerk might keep its file in rollback-journal mode: refusing it must not
    # rewrite the header to WAL (the message promises the file has not changed).
    path = tmp_path / "clerk.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, 'm999_from_the_future', 'x')",
            [MIGRATION_SET],
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="has not changed the file"):
        Store(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_steps_of_another_migration_set_are_not_a_newer_clerk(tmp_path):
    path = tmp_path / "clerk.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('plugin', 'm001_other', 'x')"
        )
    conn.close()
    with Store(path) as store:
        assert [name for name, _ in applied_steps(store.db)] == STEP_NAMES


@pytest.mark.parametrize(
    "garbage",
    [b"hello", b"this is not a database at all\n" * 200, bytes(range(256)) * 16],
    ids=["short", "text", "binary"],
)
def test_a_file_that_is_not_a_database_is_refused(tmp_path, garbage):
    path = tmp_path / "minutes.db"
    path.write_bytes(garbage)
    with pytest.raises(DatabaseError, match="is not a clerk database"):
        Store(path)
    assert path.read_bytes() == garbage


def test_a_missing_folder_is_refused_without_creating_it(tmp_path):
    folder = tmp_path / "no such folder"
    with pytest.raises(DatabaseError, match="does not exist"):
        Store(folder / "clerk.db")
    assert not folder.exists()


def test_database_error_is_a_clerk_error():
    assert issubclass(DatabaseError, ClerkError)


# the layering rule ------------------------------------------------------------


def test_importing_the_store_does_not_load_textual():
    result = subprocess.run(
        [sys.executable, "-c", "import store, sys; print('textual' in sys.modules)"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_importing_the_store_opens_no_database(tmp_path):
    # No work at import time: importing from an empty folder leaves it empty.
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(REPO_ROOT)!r}); import store, store.api"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
