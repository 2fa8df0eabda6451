"""The schema, one function per step (its SQL in store/schema/). Never edit a step that has shipped: add one."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database, Migrations

MIGRATION_SET = "clerk"
migrations = Migrations(MIGRATION_SET)


SCHEMA = Path(__file__).parent / "schema"
STEP_NAMES: list[str] = []


def _sql(step_name: str) -> str:
    """A step's SQL, kept in store/schema/<step>.sql."""
    return (SCHEMA / f"{step_name}.sql").read_text(encoding="utf-8")


def step(function):
    """Register a schema step; its name is how a database records that it ran."""
    STEP_NAMES.append(function.__name__)
    return migrations()(function)


@step
def m001_initial_schema(db: Database) -> None:
    db.executescript(_sql("m001_initial_schema"))


@step
def m002_confirmed_minutes_locked(db: Database) -> None:
    db.executescript(_sql("m002_confirmed_minutes_locked"))


@step
def m003_programme_lead_officers(db: Database) -> None:
    db.executescript(_sql("m003_programme_lead_officers"))


# Full-text search (issue 6). One row per searchable record; its rowid is the record's id
# times 8 plus a code for its table, so a trigger finds the row to replace without a scan.
# Where a hit belongs (committee, meeting, date, minute, exempt or not) is looked up when
# searching, so moving a meeting or marking a minute exempt never leaves the index stale.
# The plain unicode61 tokenizer keeps prefix search working (porter breaks `accommodat*`).
_SEARCH_SOURCES = (
    # (code, kind, table, title expression, body expression, columns whose change re-indexes)
    (1, "minute", "minutes", "{r}.title", "{r}.body", "title, body"),
    (2, "resolution", "resolutions", "''", "{r}.text", "text"),
    (3, "agenda", "agenda_items", "{r}.title",
     "coalesce({r}.description, '') || char(10) || coalesce({r}.recommendation, '')",
     "title, description, recommendation"),
    (4, "declaration", "declarations", "''", "{r}.nature", "nature"),
    (5, "programme", "work_programme_items", "{r}.topic", "''", "topic"),
)


def _search_index_sql() -> str:
    parts = [
        ("CREATE VIRTUAL TABLE search_index USING fts5("
         "kind UNINDEXED, title, body, row_id UNINDEXED, "
         "tokenize = 'unicode61 remove_diacritics 2');")
    ]
    for code, kind, table, title, body, columns in _SEARCH_SOURCES:
        def values(r: str, code=code, kind=kind, title=title, body=body) -> str:
            return (f"{r}.id * 8 + {code}, '{kind}', {title.format(r=r)}, "
                    f"{body.format(r=r)}, {r}.id")

        insert = f"INSERT INTO search_index (rowid, kind, title, body, row_id) VALUES ({values('NEW')});"
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code};"
        parts.append(f"INSERT INTO search_index (rowid, kind, title, body, row_id) "
                     f"SELECT {values(table)} FROM {table};")
        parts.append(f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END;")
        parts.append(f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {columns} ON {table} "
                     f"BEGIN {delete} {insert} END;")
        parts.append(f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {delete} END;")
    return "\n".join(parts)


@step
def m004_search_index(db: Database) -> None:
    db.executescript(_search_index_sql())


@step
def m005_documents_and_imports(db: Database) -> None:
    db.executescript(_sql("m005_documents_and_imports"))


@step
def m006_lookup_indexes(db: Database) -> None:
    db.executescript(_sql("m006_lookup_indexes"))


@step
def m007_search_placing_indexes(db: Database) -> None:
    db.executescript(_sql("m007_search_placing_indexes"))


@step
def m008_confirmed_record_locked(db: Database) -> None:
    db.executescript(_sql("m008_confirmed_record_locked"))


@step
def m009_published_agenda_numbers(db: Database) -> None:
    # ALTER TABLE … ADD COLUMN has no IF NOT EXISTS: a file that has the column but lost the
    # step's record (a partial restore) gets the rest of the step rather than an error.
    if "published_number" not in db["agenda_items"].columns_dict:
        db.execute("ALTER TABLE agenda_items ADD COLUMN published_number TEXT CHECK (trim(published_number) <> '')")
    db.executescript(_sql("m009_published_agenda_numbers"))


@step
def m010_confirmed_meeting_locked(db: Database) -> None:
    db.executescript(_sql("m010_confirmed_meeting_locked"))
