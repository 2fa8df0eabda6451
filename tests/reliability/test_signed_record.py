"""Attendance and declarations are part of the signed minutes: once confirmed, no path changes them.

The minutes say who was present, who sent apologies, who substituted for whom, who else
attended, who came and went during which minute, and what interests were declared. Schema
step m008 and the store refuse to change any of it for a meeting whose minutes are confirmed
(19 January 2021 in the demo), and the same calls still work for a meeting whose minutes are
not (9 March 2021). It also closes INSERT OR REPLACE, which deletes a row without its DELETE
triggers on a connection without PRAGMA recursive_triggers (any SQLite client but clerk).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, time
from types import SimpleNamespace

import pytest

from store import Store
from store.declarations import DPI
from store.demo import build_demo
from store.errors import Conflict
from tests.notices import listen

CONFIRMED_ON = datetime(2021, 3, 9, 18, 5)
OTHER = "Other Disclosable Interest"
JANUARY = "The minutes of Tuesday 19 January 2021 are confirmed: "
ATTENDANCE_REFUSED = JANUARY + "attendance is part of the signed record and cannot be changed."
DECLARATIONS_REFUSED = JANUARY + "declarations of interest are part of the signed record and cannot be changed."


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo on 2 March 2021, January given an officer present and a departure, then confirmed.

    March (not held yet) has its minutes opened and the same kinds of record. Built once."""
    path = tmp_path_factory.mktemp("signed") / "clerk.db"
    with Store(path) as store:
        committee = build_demo(store, today=date(2021, 3, 2))
        people = {name: store.people.find(name).id for name in ("Joshi", "March", "Batool", "Kitterick")}
        store.interests.add(people["Batool"], OTHER, "she is a governor of Ash Field Academy")
        ids = dict(committee=committee.id, people=people)
        for key, day in (("january", "2021-01-19"), ("march", "2021-03-09")):
            meeting = store.meetings.on(committee.id, day)
            minutes = store.minutes.list_for(meeting.id) or store.minutes.take_agenda(meeting.id)
            for name in ("Joshi", "March", "Batool"):
                store.attendance.set(meeting.id, people[name], "present")
            other = store.attendance.add_other(meeting.id, "Angie Smith", "Democratic Support Officer")
            movement = store.attendance.record_movement(meeting.id, people["March"], "left", minutes[2].id,
                                                        time(19, 0))
            declaration = store.declarations.add(meeting.id, people["Kitterick"], "Non-registrable Interest",
                                                 "a close family member receives home care")
            ids[key] = dict(meeting=meeting.id, other=other.id, movement=movement.id, declaration=declaration.id,
                            minute=minutes[2].id, attendance=store.db.execute(
                                "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?",
                                [meeting.id, people["Batool"]]).fetchone()[0])
        january = ids["january"]["meeting"]
        store.minutes.confirm_meeting(january, CONFIRMED_ON)
        minute = store.minutes.get(ids["january"]["minute"])
        ids["january"]["number"] = minute.number
        ids["january"]["amendment"] = store.minutes.amend(minute.id, "body", "Corrected.", "A typo.", CONFIRMED_ON).id
        ids["january"]["resolution"] = store.db.execute(
            "SELECT r.id FROM resolutions r JOIN minutes n ON n.id = r.minute_id WHERE n.meeting_id = ? LIMIT 1",
            [january]).fetchone()[0]
        ids["march"]["resolution"] = store.resolutions.add(ids["march"]["minute"], "That the report be noted.").id
    return path, ids


@pytest.fixture
def record(template, tmp_path):
    source, ids = template
    path = tmp_path / "clerk.db"
    shutil.copyfile(source, path)
    store = Store(path)
    r = SimpleNamespace(store=store, path=path, committee=ids["committee"], people=ids["people"],
                        january=SimpleNamespace(**ids["january"]), march=SimpleNamespace(**ids["march"]))
    yield r
    r.store.close()


def snapshot(conn, meeting_id: int) -> tuple:
    """The meeting's record as the minutes print it: attendance, others, movements, declarations, minutes."""
    rows = conn.execute
    return tuple(
        rows(f"SELECT * FROM {table} WHERE meeting_id = ? ORDER BY id", [meeting_id]).fetchall()
        for table in ("attendance", "others_present", "movements", "declarations", "minutes")
    ) + (rows("SELECT r.* FROM resolutions r JOIN minutes n ON n.id = r.minute_id WHERE n.meeting_id = ? "
              "ORDER BY r.id", [meeting_id]).fetchall(),
         rows("SELECT * FROM amendments ORDER BY id").fetchall(),
         rows("SELECT count(*) FROM people").fetchall())


# ---------------------------------------------------------------- the store's API
# Each write, given the store, the people and one meeting's ids. On January each is refused with
# the message; on March each is saved.
WRITES = {
    "mark present": lambda s, p, m: s.attendance.set(m.meeting, p["Kitterick"], "present"),
    "mark apologies": lambda s, p, m: s.attendance.set(m.meeting, p["Joshi"], "apologies"),
    "mark absent": lambda s, p, m: s.attendance.set(m.meeting, p["Batool"], "absent"),
    "mark substitute": lambda s, p, m: s.attendance.set(m.meeting, p["Kitterick"], "substitute", p["Batool"]),
    "name a substitute": lambda s, p, m: s.attendance.add_substitute(m.meeting, "Cassidy", p["Batool"]),
    "clear": lambda s, p, m: s.attendance.clear(m.meeting, p["Joshi"]),
    "add someone present": lambda s, p, m: s.attendance.add_other(m.meeting, "Martin Samuels"),
    "remove someone present": lambda s, p, m: s.attendance.remove_other(m.other),
    "record a departure": lambda s, p, m: s.attendance.record_movement(m.meeting, p["Joshi"], "left"),
    "remove a departure": lambda s, p, m: s.attendance.remove_movement(m.movement),
    "add a declaration": lambda s, p, m: s.declarations.add(m.meeting, p["March"], DPI, "she is a director of LCCL"),
    "add a withdrawal": lambda s, p, m: s.declarations.add(m.meeting, p["March"], DPI, "a director", "withdrew",
                                                           s.minutes.get(m.minute).agenda_item_id),
    "change a declaration": lambda s, p, m: s.declarations.update(m.declaration, OTHER, "Reworded.", "withdrew"),
    "delete a declaration": lambda s, p, m: s.declarations.remove(m.declaration),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_the_store_refuses_each_write_to_a_confirmed_meeting(record, write):
    before = snapshot(record.store.db, record.january.meeting)
    with pytest.raises(Conflict) as refused:
        WRITES[write](record.store, record.people, record.january)
    expected = DECLARATIONS_REFUSED if "declaration" in write or "withdrawal" in write else ATTENDANCE_REFUSED
    assert str(refused.value) == expected
    assert snapshot(record.store.db, record.january.meeting) == before


@pytest.mark.parametrize("write", sorted(WRITES))
def test_the_same_write_to_an_unconfirmed_meeting_is_saved(record, write):
    before = snapshot(record.store.db, record.march.meeting)
    WRITES[write](record.store, record.people, record.march)
    assert snapshot(record.store.db, record.march.meeting) != before


def test_the_register_entry_a_signed_declaration_quoted_can_still_be_removed(record):
    """The declaration keeps its own words; only its link to the register goes (m008 allows that column)."""
    store, joshi = record.store, record.people["Joshi"]
    [signed] = [d for d in store.declarations.list_for(record.january.meeting) if d.person_id == joshi]
    assert signed.interest_id is not None
    store.interests.remove(signed.interest_id)
    after = store.declarations.get(signed.id)
    assert (after.interest_id, after.nature, after.category) == (None, signed.nature, signed.category)


def test_the_panes_know_which_record_is_locked(record):
    assert record.store.attendance.record_locked(record.january.meeting)
    assert not record.store.attendance.record_locked(record.march.meeting)


# ---------------------------------------------------------------- raw SQL from another client
RAW_SQL = [
    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (:jan, :kitterick, 'present')",
    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (:jan, :kitterick, 'present') "
    "ON CONFLICT DO NOTHING",
    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (:jan, :batool, 'absent') "
    "ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status",
    "UPDATE attendance SET status = 'apologies' WHERE meeting_id = :jan",
    "UPDATE attendance SET meeting_id = :jan WHERE id = :mar_att",
    "UPDATE attendance SET meeting_id = :mar WHERE meeting_id = :jan",
    "DELETE FROM attendance WHERE meeting_id = :jan",
    "INSERT OR REPLACE INTO attendance (id, meeting_id, person_id, status) VALUES (:att, :mar, :kitterick, 'absent')",
    "UPDATE OR REPLACE attendance SET id = :att WHERE id = :mar_att",
    "INSERT INTO others_present (meeting_id, name) VALUES (:jan, 'A stranger')",
    "UPDATE others_present SET name = 'Someone else' WHERE id = :other",
    "DELETE FROM others_present WHERE id = :other",
    "REPLACE INTO others_present (id, meeting_id, name) VALUES (:other, :mar, 'Nobody')",
    "INSERT INTO movements (meeting_id, person_id, kind) VALUES (:jan, :joshi, 'left')",
    "UPDATE movements SET kind = 'arrived' WHERE id = :movement",
    "DELETE FROM movements WHERE id = :movement",
    "REPLACE INTO movements (id, meeting_id, person_id, kind) VALUES (:movement, :mar, :joshi, 'left')",
    "INSERT INTO declarations (meeting_id, person_id, category, nature) VALUES (:jan, :march, 'DPI', 'x')",
    "UPDATE declarations SET nature = 'nothing at all' WHERE id = :decl",
    "UPDATE declarations SET action = 'withdrew' WHERE meeting_id = :jan",
    "UPDATE declarations SET meeting_id = :mar WHERE id = :decl",
    "UPDATE declarations SET meeting_id = :jan WHERE id = :mar_decl",
    "DELETE FROM declarations WHERE meeting_id = :jan",
    "INSERT OR REPLACE INTO declarations (id, meeting_id, person_id, category, nature) "
    "VALUES (:decl, :mar, :march, 'DPI', 'x')",
    "UPDATE OR REPLACE declarations SET id = :decl WHERE id = :mar_decl",
]
# A REPLACE whose new row (or a draft's new id or number) clashes with a confirmed minute, its
# resolution or an amendment deletes that row, and without recursive_triggers no DELETE trigger sees it.
REPLACE_SQL = [
    "INSERT OR REPLACE INTO minutes (id, meeting_id, committee_id, municipal_year, position, title) "
    "VALUES (:minute, :mar, :committee, 2020, 99, 'FORGED')",
    "REPLACE INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
    "VALUES (:mar, :committee, 2020, 99, :number, 'FORGED')",
    "UPDATE OR REPLACE minutes SET number = :number WHERE id = :mar_minute",
    "UPDATE OR REPLACE minutes SET id = :minute WHERE id = :mar_minute",
    "INSERT OR REPLACE INTO resolutions (id, minute_id, position, text) VALUES (:resolution, :mar_minute, 1, 'X')",
    "UPDATE OR REPLACE resolutions SET id = :resolution WHERE id = :mar_resolution",
    "INSERT OR REPLACE INTO amendments (id, table_name, row_id, field, reason, amended_at) "
    "VALUES (:amendment, 'minutes', :mar_minute, 'body', 'gone', '2030-01-01')",
]


def _params(r) -> dict:
    p, jan, mar = r.people, r.january, r.march
    return dict(jan=jan.meeting, mar=mar.meeting, committee=r.committee, joshi=p["Joshi"], march=p["March"],
                batool=p["Batool"], kitterick=p["Kitterick"], att=jan.attendance, mar_att=mar.attendance,
                other=jan.other, movement=jan.movement, decl=jan.declaration, mar_decl=mar.declaration,
                minute=jan.minute, number=jan.number, resolution=jan.resolution, amendment=jan.amendment,
                mar_minute=mar.minute, mar_resolution=mar.resolution)


@pytest.mark.parametrize("sql", RAW_SQL + REPLACE_SQL)
def test_raw_sql_from_a_plain_sqlite_client_is_refused(record, sql):
    """As the sqlite3 shell or a DB browser would run it: no recursive_triggers, no foreign keys."""
    params = _params(record)  # sqlite3 reads the names the statement uses
    record.store.close()
    raw = sqlite3.connect(record.path)
    try:
        assert raw.execute("PRAGMA recursive_triggers").fetchone() == (0,)
        before = snapshot(raw, record.january.meeting)
        with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes|amendments are a permanent record"):
            raw.execute(sql, params)
        raw.rollback()
        assert snapshot(raw, record.january.meeting) == before
    finally:
        raw.close()
    record.store = Store(record.path)  # for the fixture's teardown


@pytest.mark.parametrize("sql", RAW_SQL)
def test_raw_sql_through_the_apps_own_connection_is_refused(record, sql):
    params = _params(record)
    before = snapshot(record.store.db, record.january.meeting)
    with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes cannot be changed"):
        record.store.db.execute(sql, params)
    assert snapshot(record.store.db, record.january.meeting) == before


def test_raw_sql_on_an_unconfirmed_meeting_still_works(record):
    raw = sqlite3.connect(record.path)
    try:
        with raw:
            raw.execute("UPDATE attendance SET status = 'absent' WHERE id = ?", [record.march.attendance])
            raw.execute("DELETE FROM declarations WHERE id = ?", [record.march.declaration])
            raw.execute("INSERT OR REPLACE INTO movements (id, meeting_id, person_id, kind) VALUES (?, ?, ?, 'left')",
                        [record.march.movement, record.march.meeting, record.people["Joshi"]])
    finally:
        raw.close()
    assert record.store.attendance.list_for(record.march.meeting)[2].status == "absent"
    assert record.store.declarations.list_for(record.march.meeting) == []


# ---------------------------------------------------------------- importing
def test_imported_minutes_keep_their_attendance_and_declaration_and_lock_them(tmp_path):
    """The importer writes attendance and declarations before it confirms the minutes it brings in."""
    from store.importing import import_file
    from tests.importing.test_parse import FIXTURE

    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    with Store(tmp_path / "clerk.db") as store:
        import_file(store, FIXTURE, now=datetime(2024, 6, 3, 9, 0))
        committee = store.committees.by_name("Adult Social Care Scrutiny Commission")
        january = store.meetings.on(committee.id, "2021-01-19")
        entries = store.attendance.list_for(january.id)
        assert [e.status for e in entries if e.status] == ["present"] * 6
        [declaration] = store.declarations.list_for(january.id)
        assert (declaration.name, declaration.category) == ("Councillor Joshi", OTHER)
        assert store.attendance.record_locked(january.id)
        with pytest.raises(Conflict, match="attendance is part of the signed record"):
            store.attendance.set(january.id, entries[0].person_id, "absent")
        with pytest.raises(Conflict, match="declarations of interest are part of the signed record"):
            store.declarations.remove(declaration.id)


# ---------------------------------------------------------------- the keyboard
async def test_the_attendance_pane_says_why_and_changes_nothing(record):
    from tests.reliability.test_legal_record import _press_and_accept
    from tui.app import ClerkApp
    from tui.widgets.attendance_lists import AttendanceList

    store = record.store
    before = snapshot(store.db, record.january.meeting)
    app = ClerkApp(store, today=lambda: CONFIRMED_ON.date(), now=lambda: CONFIRMED_ON)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(record.committee, record.january.meeting)
        await pilot.press("3")
        await pilot.pause()
        members = app.screen.query_one(AttendanceList)
        assert members.border_title == "Members (minutes confirmed, read-only)"
        # present, apologies, absent (on three rows), clear, substitute, left, arrived, others present
        await _press_and_accept(pilot, "p", "a", "x", "c", "s", "l", "down", "r", "o")
        await _press_and_accept(pilot, "tab", "d", "tab", "d")  # a departure, then someone present
    assert snapshot(store.db, record.january.meeting) == before
    assert said.count(ATTENDANCE_REFUSED) >= 8, said


async def test_the_declarations_pane_says_why_and_changes_nothing(record):
    from tests.reliability.test_legal_record import _press_and_accept
    from tui.app import ClerkApp
    from tui.widgets.declaration_lists import DeclarationList, SuggestionList

    store = record.store
    before = snapshot(store.db, record.january.meeting)
    app = ClerkApp(store, today=lambda: CONFIRMED_ON.date(), now=lambda: CONFIRMED_ON)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(record.committee, record.january.meeting)
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one(DeclarationList).border_title == (
            "Declarations at this meeting (minutes confirmed, read-only)")
        assert app.screen.query_one(SuggestionList).row_count  # Batool's governorship: y would take it
        await _press_and_accept(pilot, "n", "e", "enter", "d", "tab", "y", "enter")
    assert snapshot(store.db, record.january.meeting) == before
    assert said.count(DECLARATIONS_REFUSED) >= 5, said


# ---------------------------------------------------------------- the meeting itself (m010)
# The signed minutes print the committee, the date and time the meeting began and the time it
# closed: a plain client can neither change them nor delete the meeting, nor REPLACE it away.
MEETING_SQL = [
    "DELETE FROM meetings WHERE id = :jan",
    "DELETE FROM meetings WHERE committee_id = :committee",
    "UPDATE meetings SET date = '2021-01-20' WHERE id = :jan",
    "UPDATE meetings SET start_time = '18:00' WHERE id = :jan",
    "UPDATE meetings SET closed_at = '21:00' WHERE id = :jan",
    "UPDATE meetings SET committee_id = committee_id + 1 WHERE id = :jan",
    "UPDATE meetings SET id = 9999 WHERE id = :jan",
    "UPDATE meetings SET status = 'cancelled' WHERE id = :jan",
    "INSERT OR REPLACE INTO meetings (id, committee_id, date) VALUES (:jan, :committee, '2030-01-01')",
    "REPLACE INTO meetings (committee_id, date) VALUES (:committee, '2021-01-19')",
    "UPDATE OR REPLACE meetings SET date = '2021-01-19' WHERE id = :mar",
    "UPDATE OR REPLACE meetings SET id = :jan WHERE id = :mar",
]


def _meeting_row(conn, meeting_id: int) -> list:
    return conn.execute("SELECT * FROM meetings WHERE id = ?", [meeting_id]).fetchall()


@pytest.mark.parametrize("sql", MEETING_SQL)
def test_a_confirmed_meeting_cannot_be_deleted_or_redated_by_a_plain_client(record, sql):
    params = _params(record)
    record.store.close()
    raw = sqlite3.connect(record.path)
    try:
        before = _meeting_row(raw, record.january.meeting), snapshot(raw, record.january.meeting)
        assert before[0]  # the meeting is there to be protected
        with pytest.raises(sqlite3.IntegrityError, match="the meeting is part of the signed record"):
            raw.execute(sql, params)
        raw.rollback()
        assert (_meeting_row(raw, record.january.meeting), snapshot(raw, record.january.meeting)) == before
    finally:
        raw.close()
    record.store = Store(record.path)


def test_what_the_minutes_do_not_print_can_still_change(record):
    """Place, livestream and publication fields are free; unchanged values may be written again."""
    store, jan = record.store, record.january.meeting
    meeting = store.meetings.get(jan)
    moved = store.meetings.update(jan, place="Town Hall", livestream_url="https://example.org/live",
                                  start_time=meeting.start_time)
    assert (moved.place, moved.date, moved.start_time) == ("Town Hall", meeting.date, meeting.start_time)
    assert meeting.closed_at is not None
    assert store.meetings.close(jan, meeting.closed_at).closed_at == meeting.closed_at
    spare = store.meetings.add(record.committee, "2030-06-01")
    raw = sqlite3.connect(record.path)
    try:
        with raw:
            raw.execute("UPDATE meetings SET status = 'minutes-confirmed', published_at = '2021-01-08' "
                        "WHERE id = ?", [jan])
            raw.execute("UPDATE meetings SET date = '2021-03-10' WHERE id = ?", [record.march.meeting])
            raw.execute("DELETE FROM meetings WHERE id = ?", [spare.id])
    finally:
        raw.close()
    assert store.meetings.get(record.march.meeting).date == date(2021, 3, 10)  # not confirmed: free
    assert [m.id for m in store.meetings.list_for(record.committee) if m.id == spare.id] == []
