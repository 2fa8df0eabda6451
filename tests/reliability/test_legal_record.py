"""Confirmed minutes are a legal record: no path changes them, amendments say who, when and why.

design.md: "Minutes of the previous meeting are confirmed as a correct record by a resolution
at the next meeting; confirmation locks them. A correction after that is an amendment with a
reason and a timestamp, never a silent edit."

Each test takes the same record (January's minutes 86-90, confirmed, with resolutions and an
exempt minute, and March's draft minutes after them), tries one family of paths (the store's
API, raw SQL through the app's own connection, the command line, the keyboard) and compares
the record row for row, and as exported, before and after.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from types import SimpleNamespace

import pytest

from store import Store
from store.errors import ClerkError
from store.exports.audit_markdown import audit_markdown
from store.exports.minutes_markdown import minutes_markdown
from tests.notices import listen
from tui.cli import main

CONFIRMED_ON = datetime(2021, 3, 9, 18, 5)
BUSINESS = ("LCCL - verbal update", "Safeguarding annual report", "Care home contract")


# ---------------------------------------------------------------- the record
@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """January (minutes 86-90, one exempt) confirmed at March's meeting, whose minutes are drafts.

    Built once; each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("record") / "clerk.db"
    with Store(path) as store:
        committee = store.committees.add("Adult Social Care Scrutiny Commission", council="Leicester City Council",
                                         starting_minute_number=86, starting_minute_year=2020)
        january = store.meetings.add(committee.id, "2021-01-19", start_time="17:30")
        march = store.meetings.add(committee.id, "2021-03-09", start_time="17:30")
        store.agenda.add(january.id, "Apologies for absence")
        for title in BUSINESS:
            store.agenda.add(january.id, title)
        store.agenda.add(january.id, "Contract award", exempt_paragraph=3)
        minutes = store.minutes.take_agenda(january.id)
        for minute in minutes:
            store.minutes.update(minute.id, body=f"The Commission considered {minute.title.lower()}.")
        lccl = minutes[1]
        first = store.resolutions.add(lccl.id, "That the update be noted.")
        second = store.resolutions.add(lccl.id, "That a further update be brought to the next meeting.")
        store.actions.add(committee.id, "Bring a further update", resolution_id=second.id, owner="KG")
        store.resolutions.add(minutes[4].id, "That the contract be awarded.")
        store.meetings.close(january.id, "20:11")
        store.minutes.confirm_meeting(january.id, CONFIRMED_ON)
        for title in BUSINESS[:2]:
            store.agenda.add(march.id, title)
        drafts = store.minutes.take_agenda(march.id)
        draft_resolution = store.resolutions.add(drafts[0].id, "That the report be noted.")
        ids = dict(committee=committee.id, january=january.id, march=march.id, lccl=lccl.id, exempt=minutes[4].id,
                   resolutions=(first.id, second.id), drafts=[d.id for d in drafts],
                   draft_resolution=draft_resolution.id)
    return path, ids


@pytest.fixture
def record(template, tmp_path):
    source, ids = template
    path = tmp_path / "clerk.db"
    shutil.copyfile(source, path)
    store = Store(path)
    r = SimpleNamespace(
        store=store, path=path, committee=store.committees.get(ids["committee"]),
        january=store.meetings.get(ids["january"]), march=store.meetings.get(ids["march"]),
        minutes=store.minutes.list_for(ids["january"]), lccl=store.minutes.get(ids["lccl"]),
        resolutions=tuple(store.resolutions.get(i) for i in ids["resolutions"]),
        exempt=store.minutes.get(ids["exempt"]), drafts=[store.minutes.get(i) for i in ids["drafts"]],
        draft_resolution=store.resolutions.get(ids["draft_resolution"]),
    )
    yield r
    r.store.close()


def snapshot(store: Store, meeting_id: int) -> tuple:
    """The confirmed record: its rows, every amendment, and the minutes as exported in full."""
    rows = store.db.execute
    return (
        rows("SELECT * FROM minutes WHERE meeting_id = ? ORDER BY id", [meeting_id]).fetchall(),
        rows("SELECT r.* FROM resolutions r JOIN minutes n ON n.id = r.minute_id WHERE n.meeting_id = ? "
             "ORDER BY r.id", [meeting_id]).fetchall(),
        rows("SELECT * FROM amendments ORDER BY id").fetchall(),
        rows("SELECT date, start_time, closed_at, status FROM meetings WHERE id = ?", [meeting_id]).fetchall(),
        minutes_markdown(store, meeting_id, private=True),
    )


def test_the_record_is_what_the_fixture_says(record):
    """The record the other tests try to change: confirmed, numbered 86-90, with resolutions."""
    assert [(m.number, m.status) for m in record.minutes] == [(n, "confirmed") for n in range(86, 91)]
    assert [m.number for m in record.drafts] == [91, 92]
    assert record.exempt.exempt_paragraph == 3
    assert len(snapshot(record.store, record.january.id)[1]) == 3


# ---------------------------------------------------------------- the store's API
def _late_item(r):
    return r.store.agenda.add(r.january.id, "Late item")


# Each call must be refused with a ClerkError in plain words, and change nothing.
REFUSED = {
    "update body": lambda r: r.store.minutes.update(r.lccl.id, body="Rewritten."),
    "update title": lambda r: r.store.minutes.update(r.lccl.id, title="ANOTHER TITLE"),
    "update both": lambda r: r.store.minutes.update(r.lccl.id, title="X", body="Y"),
    "move down": lambda r: r.store.minutes.move(r.lccl.id, 1),
    "move up": lambda r: r.store.minutes.move(r.lccl.id, -1),
    "withdraw": lambda r: r.store.minutes.withdraw(r.lccl.id),
    "defer": lambda r: r.store.minutes.withdraw(r.lccl.id, "deferred"),
    "make exempt": lambda r: r.store.minutes.set_exempt(r.lccl.id, 3),
    "make public": lambda r: r.store.minutes.set_exempt(r.exempt.id, None),
    "take a late item": lambda r: r.store.minutes.take_item(_late_item(r).id),
    "open from the agenda": lambda r: (_late_item(r), r.store.minutes.take_agenda(r.january.id)),
    "urgent business": lambda r: r.store.minutes.add_urgent_item(r.january.id, "Urgent", "Because."),
    "amend the number": lambda r: r.store.minutes.amend(r.lccl.id, "number", "99", "Wrong", CONFIRMED_ON),
    "amend the status": lambda r: r.store.minutes.amend(r.lccl.id, "status", "draft", "Reopen", CONFIRMED_ON),
    "amend without a reason": lambda r: r.store.minutes.amend(r.lccl.id, "body", "New", "  ", CONFIRMED_ON),
    "add a resolution": lambda r: r.store.resolutions.add(r.lccl.id, "That something else be agreed."),
    "change a resolution": lambda r: r.store.resolutions.update(r.resolutions[0].id, "That it be rejected."),
    "move a resolution": lambda r: r.store.resolutions.move(r.resolutions[1].id, -1),
    "remove a resolution": lambda r: r.store.resolutions.remove(r.resolutions[0].id),
    "change the start time": lambda r: r.store.meetings.update(r.january.id, start_time="18:00"),
    "move the meeting": lambda r: r.store.meetings.move(r.january.id, "2021-01-20"),
    "cancel the meeting": lambda r: r.store.meetings.cancel(r.january.id, "Never happened"),
    "change the closing time": lambda r: r.store.meetings.close(r.january.id, "21:00"),
}
# Calls that may succeed (or be refused), as long as they leave the confirmed record as it was.
HARMLESS = {
    "confirm again": lambda r: r.store.minutes.confirm_meeting(r.january.id, datetime(2021, 5, 4)),
    "renumber the year": lambda r: r.store.minutes.renumber_year(r.committee.id, 2020),
    "a new starting number": lambda r: (
        r.store.committees.update_settings(r.committee.id, starting_minute_number=1, starting_minute_year=2020),
        r.store.minutes.renumber_year(r.committee.id, 2020)),
    "confirm previous at March": lambda r: r.store.resolutions.confirm_previous_minutes(r.drafts[0].id,
                                                                                       CONFIRMED_ON),
    "withdraw a March draft": lambda r: r.store.minutes.withdraw(r.drafts[0].id),
    "move March's first draft up": lambda r: r.store.minutes.move(r.drafts[0].id, -1),
    "rename the agenda item": lambda r: r.store.agenda.update(r.lccl.agenda_item_id, title="Renamed item"),
    "withdraw the agenda item": lambda r: r.store.agenda.set_status(r.lccl.agenda_item_id, "withdrawn"),
    "take the withdrawn item again": lambda r: r.store.minutes.take_item(r.lccl.agenda_item_id),
    "close again at the same time": lambda r: r.store.meetings.close(r.january.id, "8:11 pm"),
}


@pytest.mark.parametrize("path", sorted(REFUSED))
def test_the_store_refuses_every_change_plainly(record, path):
    before = snapshot(record.store, record.january.id)
    with pytest.raises(ClerkError) as refused:
        REFUSED[path](record)
    message = str(refused.value)
    assert "sqlite" not in message.lower() and "integrity" not in message.lower() and "constraint" not in message
    assert snapshot(record.store, record.january.id) == before


@pytest.mark.parametrize("path", sorted(HARMLESS))
def test_other_calls_leave_the_record_as_it_was(record, path):
    before = snapshot(record.store, record.january.id)
    try:
        HARMLESS[path](record)
    except ClerkError:
        pass
    assert snapshot(record.store, record.january.id) == before


# ---------------------------------------------------------------- raw SQL on the app's connection
RAW_SQL = [
    "UPDATE minutes SET body = 'x' WHERE id = :m",
    "UPDATE minutes SET title = 'X' WHERE id = :m",
    "UPDATE minutes SET number = 500 WHERE id = :m",
    "UPDATE minutes SET status = 'draft' WHERE id = :m",
    "UPDATE minutes SET position = 99 WHERE id = :m",
    "UPDATE minutes SET exempt_paragraph = 1 WHERE id = :m",
    "UPDATE minutes SET exempt_paragraph = NULL WHERE id = :e",
    "UPDATE minutes SET confirmed_at = '2030-01-01T00:00:00' WHERE id = :m",
    "UPDATE minutes SET meeting_id = :march WHERE id = :m",
    "UPDATE minutes SET agenda_item_id = NULL WHERE id = :m",
    "UPDATE minutes SET body = body || ' (edited)'",
    "UPDATE OR REPLACE minutes SET number = 87 WHERE id = :d",  # would delete 87 to free its number
    "UPDATE OR IGNORE minutes SET body = 'x' WHERE id = :m",  # RAISE(ABORT) is no conflict to ignore
    "UPDATE OR FAIL minutes SET body = 'x' WHERE id = :m",
    "DELETE FROM minutes WHERE id = :m",
    "DELETE FROM minutes",
    "INSERT OR REPLACE INTO minutes (id, meeting_id, committee_id, municipal_year, position, number, title) "
    "VALUES (:m, :march, :c, 2020, 1, 87, 'FORGED')",
    "REPLACE INTO minutes (meeting_id, committee_id, municipal_year, position, number, title) "
    "VALUES (:march, :c, 2020, 9, 87, 'FORGED')",  # the unique number: REPLACE deletes the old row
    "INSERT INTO resolutions (minute_id, position, text) VALUES (:m, 3, 'Sneaked in')",
    "UPDATE resolutions SET text = 'x' WHERE id = :r",
    "UPDATE resolutions SET position = 9 WHERE id = :r",
    "UPDATE resolutions SET minute_id = :d WHERE id = :r",
    "UPDATE resolutions SET minute_id = :m WHERE id = :dr",
    "UPDATE resolutions SET text = text || '!'",
    "DELETE FROM resolutions WHERE id = :r",
    "DELETE FROM resolutions",
    "REPLACE INTO resolutions (id, minute_id, position, text) VALUES (:r, :m, 1, 'FORGED')",
    "DELETE FROM meetings WHERE id = :jan",
    "DELETE FROM agenda_items WHERE id = :item",
    "UPDATE amendments SET reason = 'none'",
    "DELETE FROM amendments",
]


@pytest.mark.parametrize("sql", RAW_SQL)
def test_raw_sql_through_the_apps_own_connection_changes_nothing(record, sql):
    store = record.store
    store.minutes.amend(record.lccl.id, "body", "Corrected.", "A typo.", CONFIRMED_ON, by="J. Connolly")
    before = snapshot(store, record.january.id)
    params = {"m": record.lccl.id, "e": record.exempt.id, "d": record.drafts[1].id, "march": record.march.id,
              "c": record.committee.id, "r": record.resolutions[0].id, "dr": record.draft_resolution.id,
              "jan": record.january.id, "item": record.lccl.agenda_item_id}
    used = {k: v for k, v in params.items() if f":{k}" in sql}
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(sql, used)
    assert snapshot(store, record.january.id) == before
    # The same as a script on that connection (BEGIN … COMMIT, as sqlite3's .read would run it): refused.
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.executescript(_inline(sql, used))
    store.db.conn.rollback()
    assert snapshot(store, record.january.id) == before


def _inline(sql: str, params: dict) -> str:
    for key in sorted(params, key=len, reverse=True):
        sql = sql.replace(f":{key}", str(params[key]))
    return f"BEGIN; {sql}; COMMIT;"


def test_the_locks_hold_on_a_fresh_connection_to_the_file(record):
    """The triggers live in the file, not in the app: any SQLite client meets them when it updates or
    deletes. (An INSERT OR REPLACE from a client without PRAGMA recursive_triggers skips the delete
    trigger; schema step m008 refuses such a REPLACE before it starts: test_signed_record.py.)"""
    record.store.close()
    raw = sqlite3.connect(record.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes"):
            raw.execute("UPDATE minutes SET body = 'x' WHERE id = ?", [record.lccl.id])
        with pytest.raises(sqlite3.IntegrityError, match="confirmed minutes"):
            raw.execute("DELETE FROM resolutions WHERE id = ?", [record.resolutions[0].id])
    finally:
        raw.close()
    record.store = Store(record.path)  # for the fixture's teardown
    assert record.store.minutes.get(record.lccl.id).body == "The Commission considered lccl - verbal update."


# ---------------------------------------------------------------- the command line
def test_no_command_rewrites_confirmed_minutes(record, tmp_path, capsys):
    """Re-importing the minutes (doctored, on their own date or another) and every export leave them alone."""
    store, db = record.store, str(record.path)
    before = snapshot(store, record.january.id)
    exported = tmp_path / "january.md"
    assert main(["--db", db, "export", "minutes", "--date", "2021-01-19", "-o", str(exported)]) == 0
    doctored = exported.read_text(encoding="utf-8").replace("The Commission considered", "The Commission REJECTED")
    assert "REJECTED" in doctored
    same_day = tmp_path / "forged.md"
    same_day.write_text(doctored, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", db, "import", str(same_day)]) == 0  # held already: the file's minutes are left out
    out = capsys.readouterr().out
    assert out.startswith("Nothing new in forged.md: minutes 86-90 of 19 January 2021 (already in clerk)")
    other_day = tmp_path / "other-day.md"
    other_day.write_text(doctored.replace("19 JANUARY 2021", "26 JANUARY 2021"), encoding="utf-8")
    meetings = store.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert main(["--db", db, "import", str(other_day)]) == 1  # the same numbers: refused
    err = capsys.readouterr().err
    assert err.startswith("clerk: ") and "Minute 86 of 2020/21 is already the meeting of" in err
    assert "Traceback" not in err
    assert store.db.execute("SELECT count(*) FROM meetings").fetchone()[0] == meetings
    for args in (["export", "minutes", "--date", "2021-01-19", "--private"], ["export", "meeting", "--date",
                 "2021-01-19"], ["export", "agenda", "--date", "2021-03-09"], ["export", "pack", "--date",
                 "2021-03-09"], ["export", "programme", "--year", "2020"], ["export", "actions"],
                 ["export", "audit"], ["search", "commission"], ["demo"]):
        main(["--db", db, *args])
    capsys.readouterr()
    assert snapshot(store, record.january.id) == before


# ---------------------------------------------------------------- the keyboard
async def _press_and_accept(pilot, *keys: str) -> None:
    """Press each key; whatever dialog it opens is accepted as it stands (the store must refuse)."""
    from tui.dialogs.confirm import ConfirmDialog
    from tui.dialogs.form import FormDialog

    app = pilot.app
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        for _ in range(3):
            if len(app.screen_stack) == 1:
                break
            screen = app.screen
            if isinstance(screen, FormDialog):
                screen.action_save()  # a refusal keeps the form open with its message
                await pilot.pause()
                if app.screen is screen:
                    screen.action_cancel()
            elif isinstance(screen, ConfirmDialog):
                await pilot.press("y")
            else:
                await pilot.press("escape")
            await pilot.pause()
        assert len(app.screen_stack) == 1, f"{key} left {app.screen!r} open"


async def test_the_minutes_pane_refuses_typing_into_confirmed_minutes(record):
    from textual import events

    from tui.app import ClerkApp
    from tui.widgets.minute_panels import NotesEditor

    store = record.store
    before = snapshot(store, record.january.id)
    app = ClerkApp(store, today=lambda: CONFIRMED_ON.date(), now=lambda: CONFIRMED_ON)
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(record.committee.id, record.january.id)
        app.set_minute(record.lccl.id)
        await pilot.press("5")
        await pilot.pause()
        # On the list: withdraw, private, order, open, urgent and the closing time, each accepted if offered.
        await _press_and_accept(pilot, "w", "p", "left_square_bracket", "right_square_bracket", "ctrl+up",
                                "ctrl+down", "t", "u", "x", "c")
        assert app.minute_id == record.lccl.id
        await pilot.press("enter")  # into the notes
        await pilot.pause()
        notes = app.screen.query_one(NotesEditor)
        assert notes.has_focus
        original = notes.text
        assert original == "The Commission considered lccl - verbal update."
        await pilot.press(*"FORGED", "enter", "backspace", "delete", "ctrl+x", "ctrl+v", "ctrl+k", "ctrl+u",
                          "ctrl+w", "ctrl+z")
        notes.post_message(events.Paste("PASTED TEXT"))
        await pilot.pause()
        assert notes.text == original
        assert store.minutes.get(record.lccl.id).body == original
        assert any("confirmed" in m and "amendment" in m for m in said), said
        await pilot.press("escape", "6")  # the Resolutions pane: new, edit, delete, order, action
        await pilot.pause()
        await _press_and_accept(pilot, "n", "e", "d", "left_square_bracket", "right_square_bracket", "ctrl+up")
    assert snapshot(store, record.january.id) == before


# ---------------------------------------------------------------- amendments and the audit trail
def test_amendments_keep_who_when_why_and_show_in_the_minutes(record):
    store, lccl = record.store, record.lccl
    amendment = store.minutes.amend(lccl.id, "body", "The Commission considered the LCCL update from the Director.",
                                    "The Director's name was left out.", datetime(2021, 3, 10, 9, 30),
                                    by="Jerry Connolly")
    assert (amendment.amended_by, amendment.amended_at, amendment.reason) == (
        "Jerry Connolly", "2021-03-10T09:30:00", "The Director's name was left out.")
    assert store.minutes.get(lccl.id).body == "The Commission considered lccl - verbal update."  # the original
    text = minutes_markdown(store, record.january.id)
    assert ("Amended on 10 March 2021 by Jerry Connolly: text — The Commission considered the LCCL update from "
            "the Director. (Reason: The Director's name was left out.)") in text
    assert "The Commission considered lccl - verbal update." in text


async def test_an_amendment_made_in_the_app_says_who_made_it(record, monkeypatch):
    from tui.app import ClerkApp
    from tui.dialogs.amend import AmendDialog

    monkeypatch.setenv("USER", "jconnolly")
    monkeypatch.setenv("LOGNAME", "jconnolly")
    store = record.store
    app = ClerkApp(store, today=lambda: CONFIRMED_ON.date(), now=lambda: CONFIRMED_ON)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(record.committee.id, record.january.id)
        app.set_minute(record.lccl.id)
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AmendDialog)
        await pilot.press("tab", "end", *" in full", "tab", *"Typo", "ctrl+s")
        await pilot.pause()
    [amendment] = store.minutes.get(record.lccl.id).amendments
    assert amendment.amended_by == "jconnolly"
    assert amendment.reason == "Typo" and amendment.amended_at == "2021-03-09T18:05:00"


GOLDEN_AUDIT = """\
# Audit trail of the confirmed minutes of the Adult Social Care Scrutiny Commission

Every change made to minutes after they were confirmed as a correct record, oldest first. The confirmed text is never changed: each amendment is kept beside it with who made it, when and why.

## 1. Minute 87, LCCL - VERBAL UPDATE

Meeting: 19 January 2021\\
Confirmed: 9 March 2021 at 18:05\\
Amended: 10 March 2021 at 09:30 by Jerry Connolly\\
Field: text\\
Reason: The Director's name was left out.

Confirmed text:

> The Commission considered lccl - verbal update.

Amended to read:

> The Commission considered the LCCL update from the Director.
>
> \\# Not a heading

## 2. Minute 90, CONTRACT AWARD

Meeting: 19 January 2021\\
Confirmed: 9 March 2021 at 18:05\\
Amended: 11 March 2021 at 14:00 by (not recorded)\\
Field: title

Confirmed text and amendment withheld: the minute was taken in private (Schedule 12A paragraph 3). The private audit trail (--private) holds them.

## 3. Minute 87, LCCL - VERBAL UPDATE

Meeting: 19 January 2021\\
Confirmed: 9 March 2021 at 18:05\\
Amended: 12 March 2021 at 08:00 by Jerry Connolly\\
Field: title\\
Reason: Title shortened.

Confirmed text:

> LCCL - VERBAL UPDATE

Amended to read:

> LCCL UPDATE
"""


def test_the_audit_trail_export(record, tmp_path, capsys):
    store = record.store
    store.minutes.amend(record.lccl.id, "body",
                        "The Commission considered the LCCL update from the Director.\n\n# Not a heading",
                        "The Director's name was left out.", datetime(2021, 3, 10, 9, 30), by="Jerry Connolly")
    store.minutes.amend(record.exempt.id, "title", "AWARD OF THE CARE HOME CONTRACT TO ACME LTD",
                        "ACME's name was left out.", datetime(2021, 3, 11, 14, 0))
    store.minutes.amend(record.lccl.id, "title", "LCCL UPDATE", "Title shortened.", datetime(2021, 3, 12, 8, 0),
                        by="Jerry Connolly")
    text = audit_markdown(store, record.committee.id)
    assert text == GOLDEN_AUDIT
    assert "ACME" not in text
    private = audit_markdown(store, record.committee.id, private=True)
    assert "> AWARD OF THE CARE HOME CONTRACT TO ACME LTD" in private
    assert private.startswith("# Audit trail of the confirmed minutes of the Adult Social Care Scrutiny Commission "
                              "(PRIVATE — NOT FOR PUBLICATION)\n")
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## 1. Minute 87, LCCL - VERBAL UPDATE", "## 2. Minute 90, CONTRACT AWARD", "## 3. Minute 87, LCCL - VERBAL UPDATE"]

    out = tmp_path / "audit.md"
    assert main(["--db", str(record.path), "export", "audit", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == GOLDEN_AUDIT
    assert main(["--db", str(record.path), "export", "audit", "--committee", "Adult Social"]) == 0
    assert capsys.readouterr().out == GOLDEN_AUDIT
    assert main(["--db", str(record.path), "export", "audit", "--committee", "No such committee"]) == 1
    assert capsys.readouterr().err.startswith("clerk: ")


def test_an_empty_audit_trail_says_so(record):
    assert audit_markdown(record.store, record.committee.id).endswith(
        "\n\nNo confirmed minute of this committee has been amended.\n")
