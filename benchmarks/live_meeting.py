"""Live-meeting benchmarks: keystroke-to-saved in the notes editor, and exporting a meeting's minutes.

Each figure is a ratio against a baseline measured in the same run on the same machine:
- notes keystroke: clerk's Minutes pane (type a key, until the database row holds it) against a
  bare Textual app with one TextArea (type a key, until the widget holds it): what saving costs;
- store save: MinuteStore.update against a raw UPDATE on the same connection;
- minutes export: the house-style Markdown of a 12-item meeting against the bare SQL that reads
  the same minutes and resolutions and joins them into text.
"""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from textual.app import App
from textual.widgets import TextArea

from benchmarks.figures import row
from store import Store
from store.demo import build_demo
from store.exports.minutes_markdown import minutes_markdown
from tui.app import ClerkApp

KEYS = "the commission noted the report "  # typed over and over
MEETING_DAY = date(2021, 3, 9)




async def _bare_keystrokes(count: int) -> list[float]:
    class Bare(App):
        def compose(self):
            yield TextArea(id="notes")

    samples = []
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        area = app.query_one(TextArea)
        area.focus()
        await pilot.pause()
        for index in range(count):
            key = KEYS[index % len(KEYS)]
            start = time.perf_counter()
            await pilot.press(key)
            while len(area.text) <= index:
                await asyncio.sleep(0)
            samples.append(time.perf_counter() - start)
    return samples


async def _clerk_keystrokes(folder: Path, count: int) -> list[float]:
    path = folder / "keys.db"
    store = Store(path)
    committee = build_demo(store, today=MEETING_DAY)
    meeting = store.meetings.on(committee.id, MEETING_DAY)
    store.agenda.start_from_standard_items(meeting.id)
    minute = store.minutes.take_agenda(meeting.id)[5]
    reader = sqlite3.connect(path)  # another connection: the row a crash would leave behind
    samples = []
    app = ClerkApp(store, today=lambda: MEETING_DAY, now=lambda: datetime(2021, 3, 9, 18, 0))
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(committee.id, meeting.id)
        app.set_minute(minute.id)
        await pilot.press("5", "enter")
        await pilot.pause()
        for index in range(count):
            key = KEYS[index % len(KEYS)]
            start = time.perf_counter()
            await pilot.press(key)
            while len(reader.execute("SELECT body FROM minutes WHERE id = ?", [minute.id]).fetchone()[0]) <= index:
                await asyncio.sleep(0)
            samples.append(time.perf_counter() - start)
    reader.close()
    store.close()
    return samples


def _store_saves(folder: Path, count: int) -> tuple[list[float], list[float]]:
    store = Store(folder / "saves.db")
    committee = build_demo(store, today=MEETING_DAY)
    meeting = store.meetings.on(committee.id, MEETING_DAY)
    store.agenda.start_from_standard_items(meeting.id)
    minute = store.minutes.take_agenda(meeting.id)[5]
    clerk, raw = [], []
    text = ""
    for index in range(count):
        text += KEYS[index % len(KEYS)]
        start = time.perf_counter()
        store.minutes.update(minute.id, body=text)
        clerk.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.db.execute("UPDATE minutes SET body = ? WHERE id = ?", [text, minute.id])
        raw.append(time.perf_counter() - start)
    store.close()
    return clerk, raw


def _exports(folder: Path, repeats: int) -> tuple[list[float], list[float]]:
    store = Store(folder / "export.db")
    committee = build_demo(store, today=MEETING_DAY)
    january = store.meetings.on(committee.id, date(2021, 1, 19))
    assert len(store.minutes.list_for(january.id)) == 12
    conn = store.db.conn
    clerk, raw = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        minutes_markdown(store, january.id)
        clerk.append(time.perf_counter() - start)
        start = time.perf_counter()
        parts = []
        for number, title, body, minute_id in conn.execute(
            "SELECT number, title, body, id FROM minutes WHERE meeting_id = ? ORDER BY position", [january.id]
        ):
            parts.append(f"## {number}. {title}\n\n{body}")
            parts.extend(text for (text,) in conn.execute(
                "SELECT text FROM resolutions WHERE minute_id = ? ORDER BY position", [minute_id]))
        "\n\n".join(parts)
        raw.append(time.perf_counter() - start)
    store.close()
    return clerk, raw


def run(keystrokes: int = 150, saves: int = 300, exports: int = 50) -> list[dict]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare = asyncio.run(_bare_keystrokes(keystrokes))
        clerk_keys = asyncio.run(_clerk_keystrokes(folder, keystrokes))
        clerk_saves, raw_saves = _store_saves(folder, saves)
        clerk_export, raw_export = _exports(folder, exports)
    return [
        row("Notes keystroke to saved row (Minutes pane vs bare TextArea)", clerk_keys, bare, 1.5),
        row("Store save of a minute's notes (MinuteStore.update vs raw UPDATE)", clerk_saves, raw_saves, None),
        row("Minutes of a 12-item meeting as Markdown (house style vs bare SQL join)", clerk_export, raw_export,
             None),
    ]


