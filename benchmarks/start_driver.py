"""Start an app headlessly, report when its first screen is mounted and idle, then exit.

    python benchmarks/start_driver.py clerk DB_PATH SPAWN_TIME
    python benchmarks/start_driver.py bare - SPAWN_TIME

`clerk` runs exactly what `clerk --db DB_PATH` runs (tui.cli.main); `bare` runs a plain Textual
app with 5 tabs (TabbedContent), a 200-row DataTable and a Footer. Either way `App.run` is made
headless (120x40) with an autopilot that waits for the first screen, then prints
`READY <seconds since SPAWN_TIME>` (SPAWN_TIME is the parent's time.time() just before it
started this process, so interpreter start-up and every import are counted) and exits; last it
prints `PEAK <bytes>`, the process's peak resident memory (VmHWM: ru_maxrss of a child would
also count the parent's memory at the fork). benchmarks/app_scale.py runs it in a fresh
process each time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _patch_run(spawned: float, first_screen) -> None:
    """Every App.run in this process goes headless and exits once `first_screen(app)` is true and idle."""
    from textual.app import App

    original = App.run

    async def autopilot(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        while not first_screen(app):
            await pilot.pause(0.001)
        await pilot.pause()
        print(f"READY {time.time() - spawned:.6f}", flush=True)
        app.exit()

    def run(self, *args, **kwargs):
        kwargs.update(headless=True, size=(120, 40), auto_pilot=autopilot)
        return original(self, *args, **kwargs)

    App.run = run


def make_bare_app():
    """The bare app: 5 tabs, a 200-row DataTable in the first, a Footer; n, e and x do nothing."""
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

    class BareApp(App):
        BINDINGS = [Binding("n", "noop", "New"), Binding("e", "noop", "Edit"), Binding("x", "noop", "Cancel")]

        def compose(self):
            with TabbedContent():
                for number in range(1, 6):
                    with TabPane(f"Tab {number}"):
                        if number == 1:
                            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
                        else:
                            yield Static(f"Tab {number}")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("", "Date", "Time", "Place", "Status", "Publish by", "Agenda setting")
            for index in range(200):
                table.add_row("", f"{index % 28 + 1} Mar 2021", "17:30", "City Hall", "Held", "1 Mar 2021",
                              "15 Feb 2021", key=str(index))

        def action_noop(self) -> None:
            pass

    return BareApp()


def bare() -> int:
    make_bare_app().run()
    return 0


def clerk(db: str) -> int:
    from tui.cli import main

    return main(["--db", db])


def main() -> int:
    which, db, spawned = sys.argv[1], sys.argv[2], float(sys.argv[3])
    if which == "bare":
        _patch_run(spawned, lambda app: app.screen.is_mounted and app.query("DataTable"))
        return bare()

    def first_pane(app) -> bool:
        from tui.screens.base import PaneScreen

        return isinstance(app.screen, PaneScreen) and app.screen.is_mounted

    _patch_run(spawned, first_pane)
    return clerk(db)


def peak_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


if __name__ == "__main__":
    code = main()
    print(f"PEAK {peak_bytes()}", flush=True)
    sys.exit(code)
