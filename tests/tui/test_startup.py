"""The collector's passes while clerk runs (tui/startup.py): none in the middle of a key."""

from __future__ import annotations

import asyncio
import gc
import time
from contextlib import contextmanager

import pytest

from tui import app as app_module
from tui import startup


@pytest.fixture
def started_as_clerk(monkeypatch):
    """startup.begin() as `clerk` calls it; the collector and the module as they were afterwards."""
    thresholds = gc.get_threshold()
    monkeypatch.setattr(startup, "_usual", None)
    monkeypatch.setattr(startup, "_began", False)
    startup.begin()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@contextmanager
def collections():
    """The generations of the collections that run inside the block."""
    seen: list[int] = []

    def callback(phase, info):
        if phase == "stop":
            seen.append(info["generation"])

    gc.callbacks.append(callback)
    try:
        yield seen
    finally:
        gc.callbacks.remove(callback)


def test_once_settled_the_collector_makes_no_full_pass_by_itself(started_as_clerk):
    young, middle, _ = gc.get_threshold()
    assert (young, middle) == startup.STARTUP_THRESHOLDS[:2]
    startup.settled()
    assert gc.get_threshold()[2] == startup.NO_FULL_PASSES
    assert gc.get_threshold()[:2] != startup.STARTUP_THRESHOLDS[:2]  # the usual young passes are back


def test_a_quiet_moment_makes_the_full_pass(started_as_clerk):
    startup.settled()
    gc.collect(1)  # something has moved on to the oldest generation
    with collections() as seen:
        startup.quiet_moment()
    assert seen == [2]
    with collections() as seen:
        startup.quiet_moment()  # nothing new since: no pass
    assert seen == []


def test_a_clerk_who_never_pauses_still_gets_a_full_pass_in_the_end(started_as_clerk, monkeypatch):
    startup.settled()
    monkeypatch.setattr(startup, "OVERDUE_AFTER", 3)
    gc.collect()
    assert not startup.overdue()
    for _ in range(3):
        gc.collect(1)  # each younger pass counts towards the oldest generation's
    assert startup.overdue()


def test_an_app_started_by_tests_leaves_the_collector_alone(monkeypatch):
    monkeypatch.setattr(startup, "_began", False)
    gc.collect(1)
    with collections() as seen:
        startup.quiet_moment()
    assert seen == []


async def test_the_app_collects_only_when_no_key_has_been_pressed_for_a_while(started_as_clerk, make_app,
                                                                           monkeypatch):
    moments: list[bool] = []
    monkeypatch.setattr(app_module, "QUIET_SECONDS", 0.2)
    monkeypatch.setattr(startup, "quiet_moment", lambda: moments.append(True))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app._last_input
        await pilot.press("1")
        assert app._last_input > before  # a key counts as the clerk at work
        moments.clear()
        app._last_input = time.monotonic()
        app._collect_when_quiet()
        assert moments == []  # a key just now: no pass
        app._last_input = time.monotonic() - 0.2
        app._collect_when_quiet()
        assert moments == [True]
        moments.clear()
        app._last_input = time.monotonic()
        monkeypatch.setattr(startup, "overdue", lambda: True)
        app._collect_when_quiet()
        assert moments == [True]  # typing without a pause for ever: the pass is overdue, so now
        monkeypatch.setattr(startup, "overdue", lambda: False)
        moments.clear()
        await asyncio.sleep(0.7)  # nobody types: the app's own timer finds the quiet moment
        assert moments
