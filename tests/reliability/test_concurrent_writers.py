"""Eight clerks write to one database file at once: nothing is lost, nobody sees "database is locked",
and the year's minute numbers stay gapless and unique.

Each clerk is a process (writer.py) with its own Store: two on the attendance of meeting A; two
taking and editing minutes on B; one on C, in the next municipal year, whose numbers start again;
agenda edits on D; and two taking, editing and resolving the minutes of the same meeting E. B and E
share a municipal year after meeting Z's confirmed minutes 40-41, so every minute taken at B
renumbers E's drafts while E's two clerks are taking theirs. Each process logs what the store
acknowledged and every exception it met; the test then holds each acknowledgement to the file.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

from store import Store
from store.numbering import municipal_year

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).parents[2]
# The processes run this checkout's code, whatever an installed clerk points at.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
SECONDS = 5.0
STARTING_NUMBER = 40  # the committee continues 2021/22's numbering from records kept elsewhere
ITEMS_PER_MEETING = 150
SQLITE_ERRORS = {name for name in dir(sqlite3) if name.endswith("Error")}
MEMBERS = ("Joshi", "March", "Batool", "Kaur Saini", "Kitterick", "Thalukdar")
DAYS = {"Z": date(2021, 6, 1), "A": date(2021, 6, 15), "B": date(2021, 7, 6), "D": date(2021, 9, 7),
        "E": date(2021, 10, 5), "C": date(2022, 6, 7)}
# (role, meeting, share) of each of the eight processes.
CLERKS = (("attendance", "A", 0), ("attendance", "A", 1), ("minutes", "B", 0), ("minutes", "B", 1),
          ("minutes", "C", 0), ("agenda", "D", 0), ("shared", "E", 0), ("shared", "E", 1))


def _build(path: Path) -> dict[str, int]:
    """A committee with six meetings; Z's two minutes are confirmed as 40 and 41."""
    with Store(path) as store, store.db.atomic():
        committee = store.committees.add("Adult Social Care Scrutiny Commission", "Leicester City Council",
                                         starting_minute_number=STARTING_NUMBER, starting_minute_year=2021)
        for name in MEMBERS:
            store.members.add(committee.id, name, start_date=date(2021, 5, 1))
        meetings = {key: store.meetings.add(committee.id, day).id for key, day in DAYS.items()}
        for key, count in (("Z", 2), ("B", ITEMS_PER_MEETING), ("C", ITEMS_PER_MEETING), ("D", 4),
                           ("E", ITEMS_PER_MEETING)):
            for number in range(1, count + 1):
                store.agenda.add(meetings[key], f"Report {key}{number}")
        store.minutes.take_agenda(meetings["Z"])
        store.meetings.advance_status(meetings["Z"], DAYS["Z"])
        store.meetings.advance_status(meetings["Z"], DAYS["Z"])
        store.minutes.confirm_meeting(meetings["Z"], datetime(2021, 7, 6, 17, 30))
    return meetings


def _run_clerks(db: Path, meetings: dict[str, int], folder: Path, seed: int) -> dict[tuple, list[dict]]:
    """Start the eight together, let them write for SECONDS; each one's log, by (role, meeting, share)."""
    logs, processes = [], []
    for number, (role, key, share) in enumerate(CLERKS):
        logs.append(folder / f"clerk-{number}-{role}-{key}.log")
        processes.append(subprocess.Popen(
            [sys.executable, str(WRITER), str(db), role, str(meetings[key]), str(logs[-1]), str(SECONDS),
             str(seed + number), str(share)],
            cwd=ROOT, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    try:
        for process in processes:  # each has opened its Store and read its meeting
            assert process.stdout.readline() == "ready\n", process.communicate(timeout=30)[1][-3000:]
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            _, errors = process.communicate(timeout=SECONDS + 60)
            assert process.returncode == 0, errors[-3000:]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return {clerk: [json.loads(line) for line in log.read_text().splitlines()] for clerk, log in zip(CLERKS, logs)}


def _last(entries, key: str, field: str) -> dict:
    """The last acknowledged value of `field` for each `key`."""
    return {entry[key]: entry[field] for entry in entries}


def _ops(log: list[dict], *ops: str) -> list[dict]:
    return [entry for entry in log if entry["op"] in ops]


class File:
    """The database, read back after the clerks have gone."""

    def __init__(self, path: Path, where: str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.where = where

    def value(self, sql: str, *args):
        row = self.conn.execute(sql, args).fetchone()
        return row[0] if row else None

    def rows(self, sql: str, *args) -> list[tuple]:
        return [tuple(row) for row in self.conn.execute(sql, args)]


def _check_errors(logs: dict[tuple, list[dict]], where: str) -> None:
    """No clerk met an exception, bar a Conflict from a real clash of their business (counted)."""
    errors = [(clerk, entry) for clerk, log in logs.items() for entry in _ops(log, "error")]
    domain = [(clerk, e) for clerk, e in errors if e["clerk_error"] and e["cause"] not in SQLITE_ERRORS]
    print(f"{sum(len(log) for log in logs.values())} log lines, {len(errors)} exceptions, "
          f"{len(domain)} of them domain conflicts; slowest calls "
          f"{[next(e['slowest'] for e in _ops(log, 'end')) for log in logs.values()]} s")
    wrong = Counter((e["call"], e["type"], e["message"][:80], e["cause"]) for clerk, e in errors
                    if (clerk, e) not in domain)
    assert not wrong, f"exceptions that reached a clerk: {wrong.most_common(5)} {where}"
    for clerk, log in logs.items():
        assert log[-1]["op"] == "end", f"{clerk} did not finish {where}"
        assert len(log) - len(_ops(log, "error", "end", "order")) >= 10, f"{clerk} barely wrote {where}"


def _check_attendance(file: File, logs, meeting_id: int) -> None:
    """Each clerk keeps half the members' record: the last status it set is there, and so is every
    arrival, departure and person present it recorded."""
    for share in (0, 1):
        log = logs[("attendance", "A", share)]
        for person, status in _last(_ops(log, "attendance"), "person", "status").items():
            stored = file.value("SELECT status FROM attendance WHERE meeting_id = ? AND person_id = ?",
                                meeting_id, person)
            assert stored == status, f"member {person} holds {stored}, acknowledged {status} {file.where}"
        for entry in _ops(log, "movement", "other"):
            table = "movements" if entry["op"] == "movement" else "others_present"
            assert file.value(f"SELECT count(*) FROM {table} WHERE id = ?", entry["id"]) == 1, (
                f"lost {entry} {file.where}")


def _check_minutes(file: File, logs, key: str, meeting_id: int) -> None:
    """Every minute taken is there, one per agenda item, with the notes last acknowledged for it."""
    mine = [log for (_, k, _), log in logs.items() if k == key]
    taken = defaultdict(set)
    for entry in (e for log in mine for e in _ops(log, "take", "urgent")):
        taken[entry["item"]].add(entry["minute"])
        row = file.rows("SELECT meeting_id, agenda_item_id, title FROM minutes WHERE id = ?", entry["minute"])
        assert row and row[0][:2] == (meeting_id, entry["item"]), f"lost {entry} {file.where}"
        assert entry["op"] == "take" or row[0][2] == entry["title"], f"{entry}: {row} {file.where}"
    twice = {item: ids for item, ids in taken.items() if len(ids) > 1}
    assert not twice, f"meeting {key}: one agenda item, several minutes {twice} {file.where}"
    twice = file.rows("SELECT agenda_item_id, count(*) FROM minutes WHERE meeting_id = ? GROUP BY agenda_item_id "
                      "HAVING count(*) > 1", meeting_id)
    assert not twice, f"meeting {key}: agenda items minuted twice {twice} {file.where}"
    for log in mine:
        for minute_id, body in _last(_ops(log, "body"), "minute", "body").items():
            stored = file.value("SELECT body FROM minutes WHERE id = ?", minute_id)
            assert stored == body, f"minute {minute_id} holds {stored!r}, acknowledged {body!r} {file.where}"
        for entry in _ops(log, "resolution"):
            stored = file.value("SELECT text FROM resolutions WHERE id = ? AND minute_id = ?", entry["id"],
                                entry["minute"])
            assert stored == entry["text"], f"lost {entry} {file.where}"


def _check_agenda(file: File, log: list[dict], meeting_id: int) -> None:
    """Every item added is there, with the description last acknowledged, in the order the clerk made."""
    for entry in _ops(log, "add"):
        assert file.value("SELECT title FROM agenda_items WHERE id = ?", entry["id"]) == entry["title"], (
            f"lost {entry} {file.where}")
    for item_id, description in _last(_ops(log, "update"), "id", "description").items():
        stored = file.value("SELECT description FROM agenda_items WHERE id = ?", item_id)
        assert stored == description, f"item {item_id} holds {stored!r}, acknowledged {description!r} {file.where}"
    order = [row[0] for row in file.rows("SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
                                         meeting_id)]
    assert order == _ops(log, "order")[0]["ids"], file.where


def _check_order_and_numbers(file: File) -> None:
    """No two items or minutes of a meeting, nor two resolutions of a minute, share a position; minute
    numbers run gapless and unique through each municipal year in meeting order, then order taken:
    2021/22 continues from 40 (Z's confirmed 40-41 first), 2022/23 starts again at 1."""
    for table, parent in (("agenda_items", "meeting_id"), ("minutes", "meeting_id"), ("resolutions", "minute_id")):
        shared = file.rows(f"SELECT {parent}, position FROM {table} GROUP BY {parent}, position HAVING count(*) > 1")
        assert not shared, f"{table} share positions: {shared} {file.where}"
    years = defaultdict(list)
    for year, number, day in file.rows(
            "SELECT n.municipal_year, n.number, m.date FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
            "ORDER BY n.municipal_year, m.date, m.start_time, n.position"):
        assert year == municipal_year(date.fromisoformat(day)), file.where
        years[year].append(number)
    assert set(years) == {2021, 2022}, file.where
    for year, numbers in years.items():
        first = STARTING_NUMBER if year == 2021 else 1
        assert numbers == list(range(first, first + len(numbers))), f"{year}: {numbers} {file.where}"
    assert file.rows("SELECT number FROM minutes WHERE status = 'confirmed' ORDER BY number") == [(40,), (41,)]


def test_eight_clerks_at_once_lose_nothing_and_never_see_locked(tmp_path):
    db = tmp_path / "clerk.db"
    meetings = _build(db)
    seed = random.randrange(2**32)
    where = f"(seed {seed}, logs in {tmp_path})"
    logs = _run_clerks(db, meetings, tmp_path, seed)
    _check_errors(logs, where)
    file = File(db, where)
    try:
        assert file.rows("PRAGMA integrity_check") == [("ok",)], where
        _check_attendance(file, logs, meetings["A"])
        for key in ("B", "C", "E"):
            _check_minutes(file, logs, key, meetings[key])
        shared = [{e["item"] for e in _ops(logs[("shared", "E", share)], "take")} for share in (0, 1)]
        assert len(shared[0] & shared[1]) >= 5, f"E's two clerks hardly took the same items {where}"
        _check_agenda(file, logs[("agenda", "D", 0)], meetings["D"])
        _check_order_and_numbers(file)
    finally:
        file.conn.close()
