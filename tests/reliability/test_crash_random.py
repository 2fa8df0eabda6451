"""Kill the app with SIGKILL at random moments of a live meeting: nothing it acknowledged is lost.

live_driver.py drives the real ClerkApp (headless, pilot) through the 9 March 2021 meeting of the
demo database: the roll call, opening the minutes, notes typed word by word, a resolution per item,
F8 to the next item. It acknowledges a change only once a second connection reads it from the file.
The test kills it at a random acknowledgement plus a random 0-150 ms, so the kill often lands in the
middle of the next keystroke's write, then starts it again on the same file, which carries on.
After every kill: the file passes `PRAGMA integrity_check`; every acknowledged change is there, whole;
the year's minute numbers are gapless and unique; ui_state holds the minute the clerk was on; and
the reopened app lands on that meeting, minute and pane. Four meetings are taken side by side (one
file each, the driver mostly waits on the pilot), each from a random point of the meeting reached
through the store, so the kills fall all through it. The seed is in every failure message.

What SIGKILL cannot show: the operating system keeps a killed process's writes, so WAL and
synchronous=FULL (which guard against power loss) make no difference here; tests/store/test_db.py
pins those settings.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from store import Store
from store.demo import build_demo
from tui.app import ClerkApp
from tui.widgets.minute_panels import NotesEditor

DRIVER = Path(__file__).with_name("live_driver.py")
ROOT = Path(__file__).parents[2]
# The processes run this checkout's code, whatever an installed clerk points at.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
MEETING_DAY = date(2021, 3, 9)
FIRST_NUMBER = 86  # the demo's year 2020/21 starts at minute 86 (19 January 2021)
CHAINS = 4  # meetings taken side by side, one file each: the driver mostly waits on the pilot
KILLS_PER_CHAIN = 2  # 8 kills in all
MOST_ACKS_PER_RUN = 8
RUN_DEADLINE = 60.0  # seconds for one run to reach its kill point


def _plan():
    """The driver's script of the meeting (roll call, notes, resolutions), read from the driver itself."""
    spec = importlib.util.spec_from_file_location("live_driver", DRIVER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PLAN = _plan()


@dataclass
class Chain:
    """One meeting taken over and over on one file, with everything acknowledged so far."""

    db: Path
    rng: random.Random
    seed: int
    at: int | None = None  # the minute the clerk was on at the last acknowledged change
    acks: list[dict] = field(default_factory=list)
    kills: list[str] = field(default_factory=list)

    def where(self) -> str:
        return f"(seed {self.seed}, {'; '.join(self.kills) or 'no kill yet'})"


def _fast_forward(chain: Chain) -> None:
    """Start somewhere in the meeting, as far as the clerk would have got with the app, through the store."""
    stage = chain.rng.randint(0, len(PLAN.NOTES) + 1)  # 0 fresh, 1 roll call taken, 2+ minutes open
    chain.kills.append(f"started at stage {stage}")
    if stage == 0:
        return
    with Store(chain.db) as store:
        committee = store.committees.list()[0]
        meeting = store.meetings.on(committee.id, MEETING_DAY)
        store.ui_state.set("committee_id", committee.id)
        store.ui_state.set("meeting_id", meeting.id)
        store.ui_state.set("pane", "attendance")
        for entry, status in zip(store.attendance.list_for(meeting.id), PLAN.ROLL_CALL):
            store.attendance.set(meeting.id, entry.person_id, status)
        if stage == 1:
            return
        minutes = store.minutes.take_agenda(meeting.id)
        current = stage - 2
        for minute, notes, resolution in zip(minutes[:current], PLAN.NOTES, PLAN.RESOLUTIONS):
            store.minutes.update(minute.id, body=notes)
            store.resolutions.add(minute.id, resolution)
        if current < len(minutes):
            text = PLAN.NOTES[current]
            store.minutes.update(minutes[current].id, body=text[:chain.rng.randint(0, len(text))])
        chain.at = minutes[min(current, len(minutes) - 1)].id
        store.ui_state.set("minute_id", chain.at)
        store.ui_state.set("pane", chain.rng.choice(["attendance", "minutes", "resolutions"]))


class _Output:
    """The driver's stdout, read line by line straight from the pipe (no buffer hiding a line from select)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.fd = process.stdout.fileno()
        self.pending = b""

    def lines(self, deadline: float):
        """Each complete line until end of output or `deadline`."""
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                yield line.decode()
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return
            self.pending += chunk


def _parse(line: str, chain: Chain, acks: list[dict]) -> str:
    """Record an ack; fail on anything the driver reports as lost."""
    kind, _, rest = line.partition(" ")
    assert kind != "lost", f"a change never reached the database: {rest} {chain.where()}"
    if kind == "ack":
        acks.append(json.loads(rest.partition(" ")[2]))
    return kind


def _run_and_kill(chain: Chain, target: int, delay: float) -> dict:
    """Start the driver, kill it `delay` seconds after its `target`-th ack; return where it opened."""
    errors = chain.db.with_suffix(".stderr")
    with open(errors, "wb") as stderr:
        process = subprocess.Popen([sys.executable, str(DRIVER), str(chain.db)], cwd=ROOT, env=ENV,
                                   stdout=subprocess.PIPE, stderr=stderr)
    acks: list[dict] = []
    landed = None
    reached = False
    try:
        output = _Output(process)
        for line in output.lines(time.monotonic() + RUN_DEADLINE):
            kind = _parse(line, chain, acks)
            if kind == "landed":
                landed = json.loads(line.partition(" ")[2])
            if len(acks) >= target or kind == "done":
                reached = True
                break
        if reached:
            time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL, errors.read_text()[-3000:]
        for line in output.lines(time.monotonic() + 5):  # acks printed before it died count too
            _parse(line, chain, acks)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
    assert reached, f"the driver stopped after {len(acks)} acks: {errors.read_text()[-3000:]} {chain.where()}"
    chain.acks.extend(acks)
    chain.at = acks[-1]["at"] if acks else chain.at
    chain.kills.append(f"killed {delay * 1000:.0f} ms after ack {target}, {len(acks)} acked")
    assert landed is not None, f"the driver never said where the app opened {chain.where()}"
    return landed


def _check_file(chain: Chain) -> None:
    """Everything acknowledged is in the file, whole, and the year's minute numbers are sound."""
    conn = sqlite3.connect(chain.db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], chain.where()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], chain.where()
        meeting_id = conn.execute("SELECT id FROM meetings WHERE date = ?", [MEETING_DAY.isoformat()]).fetchone()[0]
        for ack in chain.acks:
            kind = ack["kind"]
            if kind == "attendance":
                status = conn.execute("SELECT status FROM attendance WHERE meeting_id = ? AND person_id = ?",
                                      [meeting_id, ack["person"]]).fetchone()
                assert status == (ack["status"],), f"attendance {ack} lost: {status} {chain.where()}"
            elif kind == "opened":
                count = conn.execute("SELECT count(*) FROM minutes WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
                assert count == ack["count"], f"{count} minutes, acknowledged {ack} {chain.where()}"
            elif kind == "notes":
                body = conn.execute("SELECT body FROM minutes WHERE id = ?", [ack["minute"]]).fetchone()[0]
                assert body.startswith(ack["prefix"]) and ack["text"].startswith(body), (
                    f"minute {ack['minute']} holds {body!r}, acknowledged {ack['prefix']!r} {chain.where()}")
            elif kind == "resolution":
                count = conn.execute("SELECT count(*) FROM resolutions WHERE minute_id = ? AND text = ?",
                                     [ack["minute"], ack["text"]]).fetchone()[0]
                assert count == 1, f"resolution {ack} found {count} times {chain.where()}"
        shared = conn.execute("SELECT minute_id, position FROM resolutions GROUP BY minute_id, position "
                              "HAVING count(*) > 1").fetchall()
        assert shared == [], f"resolutions share a position: {shared} {chain.where()}"
        # The year 2020/21: January's minutes 86-97 (confirmed), then this meeting's, no gap, no repeat.
        numbers = [row[0] for row in conn.execute(
            "SELECT n.number FROM minutes n JOIN meetings m ON m.id = n.meeting_id WHERE n.municipal_year = 2020 "
            "ORDER BY m.date, n.position")]
        assert numbers == list(range(FIRST_NUMBER, FIRST_NUMBER + len(numbers))), f"{numbers} {chain.where()}"
    finally:
        conn.close()


def _in_progress(chain: Chain) -> dict:
    """Where the clerk was, as ui_state recorded it: the reopened app must land there."""
    conn = sqlite3.connect(chain.db)
    try:
        meeting_id = conn.execute("SELECT id FROM meetings WHERE date = ?", [MEETING_DAY.isoformat()]).fetchone()[0]
        ids = [row[0] for row in conn.execute("SELECT id FROM minutes WHERE meeting_id = ? ORDER BY position",
                                              [meeting_id])]
        state = dict(conn.execute("SELECT key, value FROM ui_state").fetchall())
    finally:
        conn.close()
    minute = int(state["minute_id"]) if (state.get("minute_id") or "").isdigit() else None
    # The minute of the last acknowledged change, or the next one if F8 was under way at the kill.
    following = ids[ids.index(chain.at) + 1:][:1] if chain.at in ids else ids[:1]
    assert minute == chain.at or minute in following, (
        f"ui_state holds minute {minute}, the clerk was on {chain.at} {chain.where()}")
    return {"pane": state.get("pane", "meetings"), "meeting": meeting_id,
            "minute": minute if minute is not None else (ids[0] if ids else None)}


def _take_meeting(chain: Chain) -> dict:
    _fast_forward(chain)
    expected = _in_progress(chain)
    for _ in range(KILLS_PER_CHAIN):
        target = chain.rng.randint(1, MOST_ACKS_PER_RUN)
        landed = _run_and_kill(chain, target, chain.rng.uniform(0, 0.15))
        assert landed == expected, f"reopened at {landed}, the meeting was at {expected} {chain.where()}"
        _check_file(chain)
        expected = _in_progress(chain)
    return expected


async def test_sigkill_at_random_moments_of_a_live_meeting_loses_nothing_acknowledged(tmp_path):
    seed = random.randrange(2**32)
    template = tmp_path / "demo.db"
    with Store(template) as store:
        build_demo(store, today=MEETING_DAY)
    assert not Path(f"{template}-wal").exists()
    chains = []
    for number in range(CHAINS):
        db = tmp_path / f"meeting-{number}.db"
        shutil.copy(template, db)
        chains.append(Chain(db, random.Random(seed + number), seed + number))
    with ThreadPoolExecutor(CHAINS) as pool:
        where = list(pool.map(_take_meeting, chains))
    # The clerk reopens the app the next morning: it returns to the meeting and minute in progress
    # (not to the committee's next meeting, which is what "today" alone would choose).
    chain, expected = chains[0], where[0]
    with Store(chain.db) as store:
        app = ClerkApp(store, today=lambda: date(2021, 3, 10))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert (app.current_mode, app.meeting_id, app.minute_id) == (
                expected["pane"], expected["meeting"], expected["minute"]), chain.where()
            if app.current_mode == "minutes" and app.minute_id is not None:
                notes = app.screen.query_one(NotesEditor)
                assert notes.text == store.minutes.get(app.minute_id).body, chain.where()
