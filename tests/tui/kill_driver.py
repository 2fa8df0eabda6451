"""Driven by test_kill_mid_item.py in a subprocess: take an item and type its notes until killed.

Usage: python kill_driver.py DB TEXT. Opens the real ClerkApp headless on DB, goes to the
Minutes pane, opens the minutes from the agenda, takes the first item, and types TEXT one key
at a time. It prints "minute <id>" once the item is taken, then "ack <n>" (flushed) after the n-th
keystroke has been handled; the test kills it with SIGKILL at a moment of its choosing.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date, datetime

from store import Store
from tui.app import ClerkApp


async def drive(path: str, text: str) -> None:
    store = Store(path)
    app = ClerkApp(store, today=lambda: date(2021, 3, 2), now=lambda: datetime(2021, 3, 9, 18, 42, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "t", "enter")
        await pilot.pause()
        print(f"minute {app.minute_id}", flush=True)
        for count, key in enumerate(text, 1):
            await pilot.press(key)
            await pilot.pause()
            print(f"ack {count}", flush=True)
        await asyncio.sleep(60)  # the test kills it before this ends


if __name__ == "__main__":
    asyncio.run(drive(sys.argv[1], sys.argv[2]))
