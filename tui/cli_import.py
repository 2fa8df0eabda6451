"""`clerk import FILE… [--committee NAME] [--council NAME]`: published packs and minutes into the database.

One line per file on stdout, what could not be parsed indented under it, errors as
"clerk: …" on stderr (never a traceback), and a progress bar on stderr when it is a
terminal. A file that fails leaves nothing behind and the others are still imported;
the exit status is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from store.errors import ClerkError


def add_parser(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "import", epilog=epilog,
        help="import published agenda packs and minutes (text, Markdown or PDF)",
        description="Import agenda packs and minutes as councils publish them: the minutes they carry become "
                    "confirmed history (numbers kept), the agenda gets its items and appendix page ranges.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="a .pdf, .txt or .md file")
    parser.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    parser.add_argument("--committee", metavar="NAME",
                        help="import into this committee (created when there is none of that name; "
                             "default: the committee the file names)")
    parser.add_argument("--council", metavar="NAME",
                        help="the council of a committee created by the import (default: Imported)")


def run(store, args: argparse.Namespace) -> int:
    from store.importing import import_file

    failed = False
    with store:
        for path in args.files:
            bar = ProgressBar(sys.stderr, path.name) if sys.stderr.isatty() else None
            try:
                report = import_file(store, path, committee_name=args.committee, council=args.council, progress=bar)
            except ClerkError as error:
                failed = True
                _clear(bar)
                print(f"clerk: {error}", file=sys.stderr)
                continue
            except Exception as error:  # a file unlike any seen: say so, never a traceback
                failed = True
                _clear(bar)
                print(f"clerk: {path.name} could not be imported ({error.__class__.__name__}: {error}); "
                      "nothing from it was stored.", file=sys.stderr)
                continue
            _clear(bar)
            print(report.summary_line())
            for warning in report.warnings:
                print(f"  {warning}")
    return 1 if failed else 0


def _clear(bar: ProgressBar | None) -> None:
    if bar is not None:
        bar.clear()


class ProgressBar:
    """'pack.pdf  reading pages [########............]  12/40' redrawn in place on a terminal."""

    WIDTH = 24

    def __init__(self, stream: TextIO, label: str):
        self.stream = stream
        self.label = label[:30]
        self.drawn = 0

    def __call__(self, done: int, total: int, stage: str) -> None:
        total = max(total, 1)
        filled = min(self.WIDTH, self.WIDTH * done // total)
        line = f"{self.label}  {stage} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total}"
        self.stream.write("\r" + line.ljust(self.drawn))
        self.stream.flush()
        self.drawn = len(line)

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
