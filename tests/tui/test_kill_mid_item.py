"""Kill the app mid-item (SIGKILL, no chance to clean up): every acknowledged keystroke is on disk."""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Store

DRIVER = Path(__file__).with_name("kill_driver.py")
ROOT = Path(__file__).parents[2]
TEXT = "The Commission noted the report and asked for the costs [by ward] in 2021-22, by 4 May."
# Three different moments to kill the app, somewhere between the 5th and the 40th keystroke.
COUNTS = random.Random().sample(range(5, 41), 3)


def _read_until(process: subprocess.Popen, wanted: str, deadline: float) -> str:
    """The first line of the driver's output that starts with `wanted`."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    while time.monotonic() < deadline:
        if selector.select(timeout=max(0.0, deadline - time.monotonic())):
            line = process.stdout.readline()
            if not line:
                raise AssertionError(f"The driver ended early: {process.stderr.read()}")
            if line.startswith(wanted):
                return line.strip()
    raise AssertionError(f"No '{wanted}' from the driver in time.")


def _kill_after(db: Path, acks: int) -> int:
    """Run the driver, kill it once it has acknowledged `acks` keystrokes; return its minute's id."""
    process = subprocess.Popen([sys.executable, str(DRIVER), str(db), TEXT], cwd=ROOT, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        minute_id = int(_read_until(process, "minute ", deadline).split()[1])
        _read_until(process, f"ack {acks}", deadline)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.stderr.close()
    return minute_id


@pytest.mark.parametrize("run", range(3))
def test_every_acknowledged_keystroke_survives_sigkill(tmp_path, run):
    db = tmp_path / "clerk.db"
    with Store(db) as store:
        committee = store.committees.add("Adult Social Care Scrutiny Commission", council="Leicester City Council")
        store.meetings.add(committee.id, "2021-03-09")
    acks = COUNTS[run]
    minute_id = _kill_after(db, acks)
    with Store(db) as store:
        body = store.minutes.get(minute_id).body
        assert body.startswith(TEXT[:acks]), f"killed after {acks} acks, found {body!r}"
        assert TEXT.startswith(body), f"killed after {acks} acks, found {body!r}"
        assert [row[0] for row in store.db.execute("PRAGMA integrity_check").fetchall()] == ["ok"]
