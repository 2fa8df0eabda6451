"""Driven by test_crash_random.py in a subprocess: take the 9 March 2021 meeting live until killed.

Usage: python live_driver.py DB. Opens the real ClerkApp headless (run_test + pilot) on DB, a
copy of the demo database, and carries on the meeting from wherever the database says it got
to: the roll call (pane 3), opening the minutes from the agenda (pane 5, t), then for each item
its notes typed word by word (pane 5), one resolution (pane 6, n) and the next item (F8).

It prints, flushed, one line per event:
  landed {"pane": ..., "meeting": ..., "minute": ...}   where the reopened app put the clerk
  ack N {"kind": ..., ...}   the N-th change, printed only once a second sqlite3 connection has
                             read it back from the file, so it is on disk for any other process
  lost {...}                 a change the app made that never reached the database (then exits 3)
  done                       the whole meeting is taken (then it waits to be killed)
The keys come from the screens' BINDINGS, so a rebinding does not silently change the test.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
import time
from datetime import date, datetime

from textual.binding import Binding
from textual.widgets import TextArea

from store import Store
from tui.app import ClerkApp
from tui.dialogs.form import FormDialog
from tui.panes import PANE_BY_MODE
from tui.screens.attendance import AttendanceScreen
from tui.screens.live_base import LIVE_BINDINGS
from tui.screens.minutes import MinutesScreen
from tui.screens.resolutions import ResolutionsScreen
from tui.widgets.attendance_lists import AttendanceList
from tui.widgets.minute_panels import MinuteList, NotesEditor

MEETING_DAY = date(2021, 3, 9)
NOW = datetime(2021, 3, 9, 18, 0)
# The roll call, member by member in the order the pane lists them.
ROLL_CALL = ("present", "apologies", "present", "present", "absent", "present", "present")
# The notes and the resolution of each of the meeting's twelve items, in order of business.
NOTES = (
    "Apologies from Cllr March.",
    "No interests were declared.",
    "The minutes were agreed.",
    "No petitions were received.",
    "No questions were received.",
    "The plan was presented.",
    "Day care was discussed.",
    "Complaints were reported.",
    "Housing schemes described.",
    "A Covid-19 update was given.",
    "The programme was noted.",
    "No urgent business.",
)
RESOLUTIONS = tuple(f"Item {n} noted." for n in range(1, len(NOTES) + 1))
SETTLE_SECONDS = 10.0  # how long a change may take to reach the database before it counts as lost


def key_for(bindings, action: str) -> str:
    """The (first) key bound to `action`."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.action == action:
            return binding.key.split(",")[0]
    raise LookupError(f"No key is bound to {action}.")


PANE = {mode: pane.key for mode, pane in PANE_BY_MODE.items()}
MARK = {status: key_for(AttendanceScreen.BINDINGS, f"mark('{status}')") for status in set(ROLL_CALL)}
OPEN_MINUTES = key_for(MinutesScreen.BINDINGS, "take_agenda")
LEAVE_NOTES = key_for(MinutesScreen.BINDINGS, "leave_notes")
NEW_RESOLUTION = key_for(ResolutionsScreen.BINDINGS, "add")
SAVE_FORM = key_for(FormDialog.BINDINGS, "save")
NEXT_ITEM = key_for(LIVE_BINDINGS, "item(1)")
SCREENS = {"attendance": AttendanceScreen, "minutes": MinutesScreen, "resolutions": ResolutionsScreen}


def emit(kind: str, payload=None) -> None:
    print(kind if payload is None else f"{kind} {json.dumps(payload)}", flush=True)


class Witness:
    """A second connection to the file: what it reads, every other process can read."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, timeout=5)
        self.count = 0

    def value(self, sql: str, args) -> object:
        row = self.conn.execute(sql, args).fetchone()
        return row[0] if row else None

    async def ack(self, payload: dict, sql: str, args, expected) -> None:
        """Print the ack once `sql` reads `expected`; a change that never arrives is lost.

        It waits with the event loop running, so a save the app had put off would still happen."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while (found := self.value(sql, args)) != expected:
            if time.monotonic() > deadline:
                emit("lost", {**payload, "found": found})
                sys.exit(3)
            await asyncio.sleep(0.005)
        self.count += 1
        print(f"ack {self.count} {json.dumps(payload)}", flush=True)


class Meeting:
    def __init__(self, app: ClerkApp, pilot, witness: Witness, meeting_id: int) -> None:
        self.app, self.pilot, self.witness, self.meeting_id = app, pilot, witness, meeting_id
        self.store = app.store

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)  # returns once the screen has handled them

    async def until(self, condition, what: str, seconds: float = SETTLE_SECONDS) -> None:
        """Wait for the screen to show `condition` (a loaded machine may take a moment after a key)."""
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, (
                f"the screen never showed {what} (on {self.app.screen}, focus on {self.app.focused})")
            await self.pilot.pause(0.02)

    async def pane(self, mode: str) -> None:
        if isinstance(self.app.focused, TextArea):  # a pane key would be typed into the notes
            await self.press(LEAVE_NOTES)
        await self.press(PANE[mode])
        await self.until(lambda: isinstance(self.app.screen, SCREENS[mode]) and self.app.focused is not None,
                         f"the {mode} pane")

    async def roll_call(self) -> None:
        entries = self.store.attendance.list_for(self.meeting_id)
        todo = [(row, entry) for row, entry in enumerate(entries) if entry.status is None]
        if not todo:
            return
        await self.pane("attendance")
        table = self.app.screen.query_one(AttendanceList)
        await self.until(lambda: self.app.focused is table, "the members list with focus")
        for row, entry in todo:
            while table.cursor_row != row:
                await self.press("down" if table.cursor_row < row else "up")
            status = ROLL_CALL[row]
            await self.press(MARK[status])
            await self.witness.ack(
                {"kind": "attendance", "person": entry.person_id, "status": status, "at": self.app.minute_id},
                "SELECT status FROM attendance WHERE meeting_id = ? AND person_id = ?",
                [self.meeting_id, entry.person_id], status)

    async def open_minutes(self) -> list[int]:
        listed = len(self.store.agenda.list_for(self.meeting_id, include_withdrawn=False))
        if not self.store.minutes.list_for(self.meeting_id):
            await self.pane("minutes")
            await self.press(OPEN_MINUTES)
            await self.witness.ack(
                {"kind": "opened", "count": listed, "at": self.app.minute_id},
                "SELECT count(*) FROM minutes WHERE meeting_id = ?", [self.meeting_id], listed)
        return [m.id for m in self.store.minutes.list_for(self.meeting_id)]

    async def take(self, ids: list[int]) -> None:
        while True:
            minute = self.app.current_minute()
            index = ids.index(minute.id)
            await self.notes(minute.id, minute.body, NOTES[index])
            await self.resolution(minute.id, RESOLUTIONS[index])
            if index == len(ids) - 1:
                return
            await self.press(NEXT_ITEM)
            await self.witness.ack(
                {"kind": "next", "minute": ids[index + 1], "at": self.app.minute_id},
                "SELECT value FROM ui_state WHERE key = 'minute_id'", [], str(ids[index + 1]))

    async def notes(self, minute_id: int, body: str, text: str) -> None:
        if body == text:
            return
        assert text.startswith(body), f"minute {minute_id} holds {body!r}, not a beginning of {text!r}"
        await self.pane("minutes")
        editor = self.app.screen.query_one(NotesEditor)
        if isinstance(self.app.focused, MinuteList):
            await self.press("enter")  # Enter on the item being taken puts the cursor in its notes
        await self.until(lambda: self.app.focused is editor, "the notes with focus")
        assert editor.cursor_location == editor.document.end, (
            f"the notes cursor is at {editor.cursor_location}, not after the saved text {body!r}")
        typed = len(body)
        while typed < len(text):
            end = text.find(" ", typed + 1)
            end = len(text) if end == -1 else end
            await self.press(*text[typed:end])
            typed = end
            await self.witness.ack(
                {"kind": "notes", "minute": minute_id, "prefix": text[:typed], "text": text, "at": self.app.minute_id},
                "SELECT body FROM minutes WHERE id = ?", [minute_id], text[:typed])

    async def resolution(self, minute_id: int, text: str) -> None:
        if any(r.text == text for r in self.store.resolutions.list_for(minute_id)):
            return
        await self.pane("resolutions")
        await self.press(NEW_RESOLUTION)
        await self.until(lambda: isinstance(self.app.screen, FormDialog)
                         and isinstance(self.app.screen.focused, TextArea), "the new resolution form")
        field = self.app.screen.focused
        await self.press(*text)
        await self.until(lambda: field.text == text, f"{text!r} typed into the form")
        await self.press(SAVE_FORM)
        await self.until(lambda: not isinstance(self.app.screen, FormDialog), "the form saved and closed")
        await self.witness.ack(
            {"kind": "resolution", "minute": minute_id, "text": text, "at": self.app.minute_id},
            "SELECT count(*) FROM resolutions WHERE minute_id = ? AND text = ?", [minute_id, text], 1)


async def drive(path: str) -> None:
    store = Store(path)
    app = ClerkApp(store, today=lambda: MEETING_DAY, now=lambda: NOW)
    witness = Witness(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        emit("landed", {"pane": app.current_mode, "meeting": app.meeting_id, "minute": app.minute_id})
        committee = store.committees.list()[0]
        meeting = store.meetings.on(committee.id, MEETING_DAY)
        if store.ui_state.get_int("meeting_id") != meeting.id:
            app.set_context(committee.id, meeting.id)  # the clerk chooses the meeting (ctrl+o)
        live = Meeting(app, pilot, witness, meeting.id)
        await live.roll_call()
        ids = await live.open_minutes()
        await live.take(ids)
        emit("done")
        await asyncio.sleep(600)  # the test kills it before this ends


if __name__ == "__main__":
    asyncio.run(drive(sys.argv[1]))
