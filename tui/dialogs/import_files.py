"""Import published minutes and agenda packs (i in the Meetings pane).

The clerk types one path or several (separated by ; or new lines) and presses Enter. The
import runs in a thread worker with its own Store connection (a connection made on the
main thread cannot be used there); the progress bar follows the importer's progress
callback, and each file's summary line and warnings, or its error, are listed below. The
dialog stays open, so the next file can be typed straight away; Escape closes it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import get_current_worker

from store.errors import ClerkError

if TYPE_CHECKING:
    from store.importing.models import ImportReport
    from store.models import Committee

FROM_FILE = ""  # the Select value for "the committee each file names"
PROGRESS_EVERY = 0.05  # seconds between progress updates sent to the screen


@dataclass(frozen=True)
class Outcome:
    """What importing one path gave: a report, or the message of the error that stopped it."""

    path: Path
    report: ImportReport | None = None
    error: str | None = None


def split_paths(text: str) -> list[Path]:
    """'a.txt; ~/b.pdf' (or one per line) → the paths, quotes from a drag-and-drop removed."""
    paths = []
    for part in text.replace("\n", ";").split(";"):
        part = part.strip()
        if len(part) >= 2 and part[0] == part[-1] and part[0] in "'\"":
            part = part[1:-1].strip()
        if part:
            paths.append(Path(part).expanduser())
    return paths


def import_paths(db_path, paths: list[Path], committee_name: str | None, now, progress, cancelled) -> list[Outcome]:
    """Import each path with a Store of its own; `progress(index, path, done, total, stage)`.
    A file that fails leaves nothing behind and the next is still imported; never raises."""
    from store import Store
    from store.importing import import_file

    try:
        store = Store(db_path)
    except ClerkError as error:
        return [Outcome(path, error=str(error)) for path in paths]
    outcomes = []
    try:
        for index, path in enumerate(paths):
            if cancelled():
                break

            def step(done: int, total: int, stage: str, index=index, path=path) -> None:
                progress(index, path, done, total, stage)

            try:
                report = import_file(store, path, committee_name=committee_name, progress=step, now=now)
                outcomes.append(Outcome(path, report=report))
            except ClerkError as error:
                outcomes.append(Outcome(path, error=str(error)))
            except Exception as error:  # a file unlike any seen: say so, never a traceback
                outcomes.append(Outcome(path, error=f"{path.name} could not be imported "
                                                     f"({error.__class__.__name__}: {error}); nothing from it was stored."))
    finally:
        store.close()
    return outcomes


class ImportDialog(ModalScreen[bool]):
    """Dismissed with True when any file changed the database; `imported(report)` is called on the
    main thread for each file that did, so the pane underneath can show it straight away."""

    CSS = """
    ImportDialog #dialog.import {
        width: 100;
    }
    ImportDialog #import-paths, ImportDialog #import-committee {
        margin: 0 0 0 1;
    }
    ImportDialog #import-paths {
        background: $boost;
    }
    ImportDialog #import-progress-row {
        height: auto;
        margin-top: 1;
    }
    ImportDialog #import-progress {
        width: auto;
        margin-right: 2;
    }
    ImportDialog #import-status {
        width: 1fr;
        height: auto;
    }
    ImportDialog #import-results {
        height: auto;
        max-height: 14;
        margin-top: 1;
    }
    ImportDialog .import-changed {
        text-style: bold;
    }
    ImportDialog .import-warning {
        color: $text-warning;
        padding-left: 2;
    }
    ImportDialog .import-error {
        color: $text-error;
        text-style: bold;
    }
    """
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, committees: list[Committee], current: Committee | None,
                 imported: Callable[[ImportReport], None] | None = None) -> None:
        super().__init__()
        self.committees = committees
        self.current = current
        self.imported = imported
        self.changed_any = False
        self.running = False
        self._last_progress = 0.0

    def compose(self) -> ComposeResult:
        options = [(c.name, c.name) for c in self.committees]
        options.append(("The committee each file names (created when new)", FROM_FILE))
        with VerticalGroup(id="dialog", classes="dialog import"):
            yield Static("Import minutes or an agenda pack", classes="dialog-title")
            yield Label("File: a .txt, .md or .pdf as the council published it (several: separate them with ;)",
                        classes="field-label")
            yield Input(placeholder="~/Downloads/agenda-pack.pdf", id="import-paths", compact=True)
            yield Label("Into committee", classes="field-label")
            yield Select(options, value=self.current.name if self.current else FROM_FILE,
                         allow_blank=False, compact=True, id="import-committee")
            with HorizontalGroup(id="import-progress-row"):
                yield ProgressBar(show_eta=False, id="import-progress")
                yield Static("", id="import-status", markup=False)
            yield VerticalScroll(id="import-results")
            with HorizontalGroup(classes="buttons"):
                yield Button("Import (enter)", variant="primary", id="import")
                yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import-paths", Input).focus()

    # starting -------------------------------------------------------------------------
    @on(Input.Submitted, "#import-paths")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_import()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "import":
            self.action_import()
        else:
            self.action_close()

    def action_import(self) -> None:
        status = self.query_one("#import-status", Static)
        if self.running:
            status.update("Still importing: wait for it to finish.")
            return
        paths = split_paths(self.query_one("#import-paths", Input).value)
        if not paths:
            status.update("Type the path of a file to import first.")
            return
        chosen = self.query_one("#import-committee", Select).value
        committee = chosen if isinstance(chosen, str) and chosen != FROM_FILE else None
        self.running = True
        self.query_one("#import", Button).disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        status.update(f"Importing {paths[0].name}…")
        self.run_import(paths, committee, self.app.store.path, self.app.now())

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, paths: list[Path], committee: str | None, db_path, now) -> None:
        worker = get_current_worker()
        call = self.app.call_from_thread

        def progress(index: int, path: Path, done: int, total: int, stage: str) -> None:
            moment = time.monotonic()
            if worker.is_cancelled or (done < total and moment - self._last_progress < PROGRESS_EVERY):
                return
            self._last_progress = moment
            call(self._show_progress, index, len(paths), path, done, total, stage)

        outcomes = import_paths(db_path, paths, committee, now, progress, lambda: worker.is_cancelled)
        call(self._show_outcomes, outcomes, paths)

    # showing --------------------------------------------------------------------------
    def _show_progress(self, index: int, count: int, path: Path, done: int, total: int, stage: str) -> None:
        if not self.is_attached:
            return
        self.query_one("#import-progress", ProgressBar).update(total=max(total, 1), progress=done)
        which = f"file {index + 1} of {count}: " if count > 1 else ""
        self.query_one("#import-status", Static).update(f"{which}{path.name}: {stage} {done}/{total}")

    def _show_outcomes(self, outcomes: list[Outcome], paths: list[Path]) -> None:
        self.running = False
        for outcome in outcomes:
            if outcome.report is not None and outcome.report.changed:
                self.changed_any = True
                if self.imported is not None:
                    self.imported(outcome.report)
        if not self.is_attached:  # closed while importing: say what happened all the same
            for outcome in outcomes:
                self.app.notify(outcome.error or outcome.report.summary_line(), markup=False,
                                severity="error" if outcome.error else "information")
            if len(outcomes) < len(paths):
                left = ", ".join(path.name for path in paths[len(outcomes):])
                self.app.notify(f"The import was closed before {left}: not imported.", markup=False,
                                severity="warning")
            return
        results = self.query_one("#import-results", VerticalScroll)
        lines = []
        for outcome in outcomes:
            if outcome.error is not None:
                lines.append(Static(outcome.error, markup=False, classes="import-error"))
                continue
            report = outcome.report
            lines.append(Static(report.summary_line(), markup=False,
                                classes="import-changed" if report.changed else "import-same"))
            lines.extend(Static(warning, markup=False, classes="import-warning") for warning in report.warnings)
        results.mount_all(lines)
        results.scroll_end(animate=False)
        failed = [o for o in outcomes if o.error is not None]
        self.query_one("#import-progress", ProgressBar).display = False
        self.query_one("#import", Button).disabled = False
        self.query_one("#import-status", Static).update(_said(outcomes, failed))
        paths = self.query_one("#import-paths", Input)
        paths.value = "; ".join(str(o.path) for o in failed)  # only what needs fixing is left to retype
        paths.focus()

    def action_close(self) -> None:
        self.dismiss(self.changed_any)


def _said(outcomes: list[Outcome], failed: list[Outcome]) -> str:
    changed = sum(1 for o in outcomes if o.report is not None and o.report.changed)
    if len(outcomes) == 1:
        if failed:
            return "Nothing was stored. Correct the path or choose another file, or Escape to close."
        if changed:
            return "Done. Type another file to import, or Escape to close."
        return "Nothing changed. Type another file to import, or Escape to close."
    text = f"{len(outcomes)} files: {changed} imported"
    if len(outcomes) - changed - len(failed):
        text += f", {len(outcomes) - changed - len(failed)} with nothing new"
    if failed:
        text += f", {len(failed)} could not be imported (left in the box to correct)"
    return text + ". Escape closes."
