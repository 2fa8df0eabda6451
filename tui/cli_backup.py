"""`clerk backup PATH` and `clerk restore PATH [--yes]`: a copy of the database out, and back in.

Backup is safe while the app is open (SQLite's online backup API). Restore asks first on a
terminal, refuses to guess when there is nobody to ask, and keeps the file it replaces as
`<name>.replaced-YYYYmmdd-HHMMSS.db` beside it. Errors come out as "clerk: …" like every command.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from store.errors import ClerkError

COMMANDS = ("backup", "restore")


def add_parsers(commands, epilog: str) -> None:
    backup = commands.add_parser(
        "backup", epilog=epilog, help="copy the database to BACKUP, safely even while clerk is open",
        description="Copy the database to BACKUP with SQLite's online backup API: everything committed, "
                    "checked before it is given its name. BACKUP may be a folder.",
    )
    backup.add_argument("destination", metavar="BACKUP", type=Path, help="the backup file to write, or a folder")
    backup.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    backup.add_argument("--overwrite", action="store_true", help="replace BACKUP if it already exists")

    restore = commands.add_parser(
        "restore", epilog=epilog, help="replace the database with the backup file BACKUP (the old file is kept)",
        description="Replace the database with a checked copy of the backup file BACKUP. The file it replaces "
                    "is kept beside it as NAME.replaced-YYYYmmdd-HHMMSS.db. Close clerk first.",
    )
    restore.add_argument("source", metavar="BACKUP", type=Path, help="the backup to restore")
    restore.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    restore.add_argument("--yes", "-y", action="store_true", help="do not ask before replacing the database")


def run(args: argparse.Namespace, db_path: Path, now=datetime.now) -> int:
    if args.command == "backup":
        return _run_backup(args, db_path, now)
    return _run_restore(args, db_path, now)


def _run_backup(args: argparse.Namespace, db_path: Path, now) -> int:
    from store.backup import backup

    written = backup(db_path, args.destination, overwrite=args.overwrite, now=now)
    print(f"Backed up {db_path} to {written} ({_size(written)}, checked).")
    return 0


def _run_restore(args: argparse.Namespace, db_path: Path, now) -> int:
    from store.backup import restore

    if not args.yes and Path(db_path).exists() and not _interactive():
        raise ClerkError(f"restore replaces {db_path} with {args.source}: run it in a terminal to be asked, "
                         "or add --yes. Nothing was changed.")
    answers: list[bool] = []

    def confirm(kept: Path) -> bool:
        answers.append(args.yes or _ask(f"Replace {db_path} with {args.source}? "
                                        f"The current file is kept as {kept} [y/N] "))
        return answers[-1]

    kept = restore(args.source, db_path, now=now, confirm=confirm)
    if answers and not answers[-1]:
        print("Nothing was changed.", file=sys.stderr)
        return 1
    if kept is None:
        print(f"Restored {db_path} from {args.source}.")
    else:
        print(f"Restored {db_path} from {args.source}; the file it replaced is kept as {kept}.")
    return 0


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(question: str) -> bool:
    sys.stderr.write(question)
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"
