"""The whole app on the 72,000-minute archive (benchmarks/archive.py), against baselines in the same run.

- Cold start: `clerk --db ARCHIVE` to its first pane, headless, in a fresh process each run
  (benchmarks/start_driver.py), against a bare Textual app with 5 tabs, a 200-row DataTable and a
  Footer started the same way; runs interleaved. Target 1.2x (p95).
- Peak memory of those same processes (VmHWM, reported by each process). Target 1.5x (p95).
- Search as you type, through the pilot: pane 8, type a query, the last key sent as a terminal
  would (App.simulate_key: pilot.press would first sleep until the app is idle); from that key
  until the results widget shows the hits for the text, against the raw FTS5 query (ranked, 50
  rows with snippets) for the same text on the same database, interleaved. Target 1.5x (p95).
- Opening a meeting's minutes (pane 5 with another meeting of the archive in context),
  switching panes (5, 1, 8, ...) and moving the agenda cursor (pane 2, down/up): each key
  through the pilot (press, then pause until the screen is idle). The pilot finds idle by
  sleeping in 20 ms slices until a slice passes with under 1 ms of CPU, so wall times come in
  steps of 20 ms and mostly measure those sleeps; the app's own work is the process CPU time
  (all threads: handlers, queries, workers, rendering) of the press and pause, less the median
  CPU time of the same steps for a key that does nothing on the bare app. Target: within one
  frame, 16 ms (p95). Beside opening the minutes stands what Textual alone costs for the same
  screen change (benchmarks/bare_minutes.py: Textual's own widgets laid out as the pane, filled
  with the same meetings' words, the same key): the floor under it.

The app is started as `clerk` starts it (tui/startup.py: the collector's settings), with a
fixed clock, on a copy of the cached archive (the app writes its ui state).

    python benchmarks/app_scale.py [--starts 10] [--rounds 3] [--actions 150]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bare_minutes  # noqa: E402
from benchmarks.figures import row, work_row  # noqa: E402
from benchmarks.search_latency import QUERIES, RAW, archive  # noqa: E402
from benchmarks.start_driver import make_bare_app  # noqa: E402
from store import Store  # noqa: E402
from store.search import CLOSE, OPEN, clean_query  # noqa: E402

DRIVER = ROOT / "benchmarks" / "start_driver.py"
TODAY = date(2021, 3, 9)  # the archive's last municipal year
FRAME_MS = 16.0


# cold start and memory ----------------------------------------------------------------------
def _start(which: str, db: Path) -> tuple[float, int]:
    """(seconds from spawning to the first screen idle, peak resident bytes) of one fresh process."""
    spawned = time.time()
    process = subprocess.Popen([sys.executable, str(DRIVER), which, str(db), repr(spawned)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, text=True)
    output, _ = process.communicate()
    figures = dict(line.split(maxsplit=1) for line in output.splitlines() if line.startswith(("READY ", "PEAK ")))
    if process.returncode != 0 or len(figures) != 2:
        raise RuntimeError(f"{which} did not start (exit {process.returncode}): {output[-500:]}")
    return float(figures["READY"]), int(figures["PEAK"])


def starts(db: Path, runs: int) -> dict[str, list]:
    samples = {"clerk": [], "bare": [], "clerk_rss": [], "bare_rss": []}
    _start("clerk", db), _start("bare", db)  # warm the page cache and the .pyc files
    for _ in range(runs):
        for which in ("clerk", "bare"):
            seconds, peak = _start(which, db)
            samples[which].append(seconds)
            samples[f"{which}_rss"].append(peak)
    return samples


# through the pilot ------------------------------------------------------------------------------
class PaintClock:
    """Seconds spent in Textual's layout and paint of a screen (Screen._refresh_layout and
    Screen._compositor_refresh, nested calls counted once): the part of an action's work that is
    Textual drawing what the app changed, reported beside the whole."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0

    def install(self) -> None:
        from textual.screen import Screen

        for name in ("_refresh_layout", "_compositor_refresh"):
            setattr(Screen, name, self._timed(getattr(Screen, name)))

    def _timed(self, method):
        def timed(screen, *args, **kwargs):
            self._depth += 1
            start = time.perf_counter()
            try:
                return method(screen, *args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.seconds += time.perf_counter() - start
        return timed


PAINT = PaintClock()


def _clerk(db: Path):
    """The app on the archive, started as `clerk` starts it (tui/startup.py), with a fixed clock."""
    from tui import startup
    from tui.app import ClerkApp

    startup.begin()
    store = Store(db)
    return store, ClerkApp(store, today=lambda: TODAY, now=lambda: datetime(2021, 3, 9, 18, 0))


async def _step(pilot, key: str) -> tuple[float, float, float]:
    """(wall, CPU, Textual's layout and paint) seconds of pressing `key` until the screen is idle."""
    wall, cpu, paint = time.perf_counter(), time.process_time(), PAINT.seconds
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - wall, time.process_time() - cpu, PAINT.seconds - paint


async def _bare_steps(count: int) -> list[tuple[float, float, float]]:
    """A key bound to nothing on the bare app, to idle: what a press and a pause cost by themselves."""
    samples = []
    async with make_bare_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(count):
            samples.append(await _step(pilot, "z"))
    return samples


async def _bare_opens(db: Path, count: int) -> list[tuple[float, float, float]]:
    """Textual alone opening the same meetings' minutes (benchmarks/bare_minutes.py), as _actions does."""
    shown = bare_minutes.pages(db, _meetings(db, count))
    samples = []
    async with bare_minutes.make_app(shown).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(count):
            await _step(pilot, "1")
            samples.append(await _step(pilot, "5"))
    return samples


async def _search(db: Path, rounds: int) -> tuple[list[float], list[float]]:
    from textual.widgets import Input, Static

    raw = sqlite3.connect(db)
    clerk, baseline = [], []
    store, app = _clerk(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#search-input", Input)
        status = screen.query_one("#search-status", Static)

        async def shown(text: str) -> None:
            while screen.searched != text or f"'{text.strip()}'" not in str(status.content):
                await asyncio.sleep(0.0005)

        for _ in range(rounds):
            for query in QUERIES:
                box.value = ""
                while screen.searched != "":
                    await asyncio.sleep(0.001)
                await pilot.pause()
                keys = ["space" if c == " " else c for c in query]
                await pilot.press(*keys[:-1])
                # The last key goes in as the terminal would send it; pilot.press would first
                # sleep until the app is idle (20 ms slices), which is not the app's time.
                start = time.perf_counter()
                app.simulate_key(keys[-1])
                await shown(query)
                clerk.append(time.perf_counter() - start)
                start = time.perf_counter()
                raw.execute(RAW, [OPEN, CLOSE, clean_query(query)]).fetchall()
                baseline.append(time.perf_counter() - start)
    store.close()
    raw.close()
    return clerk, baseline


def _meetings(db: Path, count: int) -> list[tuple[int, int]]:
    """(committee, meeting) of `count` meetings spread over the archive, the same every run."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT committee_id, id FROM meetings ORDER BY id").fetchall()
    return random.Random(2021).sample(rows, count)


async def _actions(db: Path, count: int) -> dict[str, list[tuple[float, float, float]]]:
    samples = {"open": [], "switch": [], "cursor": []}
    store, app = _clerk(db)
    meetings = _meetings(db, count)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Opening a meeting's minutes: another meeting in context, from the Meetings pane.
        for committee_id, meeting_id in meetings:
            await _step(pilot, "1")
            app.set_context(committee_id, meeting_id)
            await pilot.pause()
            samples["open"].append(await _step(pilot, "5"))
        # Switching panes, each pane already visited once.
        for key in "158":
            await _step(pilot, key)
        for index in range(count):
            samples["switch"].append(await _step(pilot, "518"[index % 3]))
        # The agenda cursor, down through a 12-item agenda and back up.
        await _step(pilot, "2")
        for index in range(count):
            samples["cursor"].append(await _step(pilot, "down" if index // 10 % 2 == 0 else "up"))
    store.close()
    return samples


# the rows ---------------------------------------------------------------------------------------
def measure(db: Path, starts_n: int, rounds: int, actions_n: int) -> dict[str, list]:
    samples = starts(db, starts_n)
    PAINT.install()
    samples["bare_steps"] = asyncio.run(_bare_steps(actions_n))
    samples["bare_open"] = asyncio.run(_bare_opens(db, actions_n))
    samples["search"], samples["raw"] = asyncio.run(_search(db, rounds))
    samples.update(asyncio.run(_actions(db, actions_n)))
    samples["bare_steps"] += asyncio.run(_bare_steps(actions_n))
    return samples


def prepared_copy(folder: Path) -> Path:
    """A copy of the cached archive, opened once so any new schema step runs before measuring."""
    db = folder / "archive.db"
    shutil.copyfile(archive(30, 20), db)
    Store(db).close()
    for leftover in folder.glob("archive.db.before-*"):
        leftover.unlink()
    return db


def run(starts_n: int = 10, rounds: int = 3, actions_n: int = 150) -> list[dict]:
    with tempfile.TemporaryDirectory() as name:
        db = prepared_copy(Path(name))
        with sqlite3.connect(db) as conn:
            minutes = conn.execute("SELECT count(*) FROM minutes").fetchone()[0]
        s = measure(db, starts_n, rounds, actions_n)
    scale = f"{minutes:,} minutes"
    floor = statistics.median(cpu for _, cpu, _ in s["bare_steps"])
    bare_wall = [wall for wall, _, _ in s["bare_steps"]]

    def own(key: str) -> list[float]:
        return [max(0.0, cpu - floor) for _, cpu, _ in s[key]]

    def actions(name: str, key: str, alone: str | None = None) -> dict:
        walls = [wall for wall, _, _ in s[key]]
        painting = [paint for _, _, paint in s[key]]
        return work_row(f"{name} (own CPU work; wall vs a no-op key on the bare app)", walls, bare_wall, own(key),
                        FRAME_MS, painting, own(alone) if alone else None)

    return [
        row(f"Cold start of clerk on {scale} to the first pane (vs bare app: 5 tabs, 200-row table, footer)",
            s["clerk"], s["bare"], 1.2),
        row("Peak memory of that start (vs the bare app)", s["clerk_rss"], s["bare_rss"], 1.5, unit="MiB"),
        row(f"Search as you type on {scale}: last key to hits shown (vs raw FTS5 ranked LIMIT 50)",
            s["search"], s["raw"], 1.5),
        actions("Open a meeting's minutes: pane 5 with another meeting in context", "open", "bare_open"),
        actions("Switch panes 5, 1, 8", "switch"),
        actions("Move the agenda cursor (pane 2, down/up)", "cursor"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--actions", type=int, default=150)
    args = parser.parse_args()
    for result in run(args.starts, args.rounds, args.actions):
        m, b = result["measured"], result["baseline"]
        line = (f"{result['name']}\n  median {m['median']:.1f} {m['unit']}, p95 {m['p95']:.1f}; baseline median "
                f"{b['median']:.1f}, p95 {b['p95']:.1f}; ratio {result['ratio_median']:.2f}x median, "
                f"{result['ratio_p95']:.2f}x p95")
        if "own" in result:
            line += (f"; own work median {result['own']['median']:.1f} ms, p95 {result['own']['p95']:.1f} ms, "
                     f"of which Textual's layout and paint median {result['painting']['median']:.1f} ms")
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
