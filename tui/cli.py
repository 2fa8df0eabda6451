"""The `clerk` command: the TUI by default, subcommands for scripts and routine jobs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from store.errors import ClerkError

EPILOG = "The database is --db PATH, else $CLERK_DB, else clerk.db in your user data folder."


def default_db_path() -> Path:
    if os.environ.get("CLERK_DB"):
        return Path(os.environ["CLERK_DB"])
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("clerk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "clerk.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clerk", description="The committee clerk's app.", epilog=EPILOG)
    parser.add_argument("--db", type=Path, help="the SQLite database file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="build a demo database (Leicester's Adult Social Care Scrutiny Commission)",
                               epilog=EPILOG)
    demo.add_argument("--db", type=Path, dest="sub_db", help="the SQLite database file")
    demo.add_argument("--open", action="store_true", help="open the app on it afterwards")

    export = commands.add_parser("export", help="write a document or data out of clerk", epilog=EPILOG)
    what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    meeting = what.add_parser("meeting", help="one meeting as JSON", epilog=EPILOG)
    meeting.add_argument("--db", type=Path, dest="sub_db", help="the SQLite database file")
    meeting.add_argument("--date", required=True, help="the meeting's date, e.g. 2021-03-09")
    meeting.add_argument("--committee", help="the committee's name or a unique part of it (needed when there are several)")
    meeting.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    meeting.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    minutes = what.add_parser("minutes", help="one meeting's minutes as Markdown, in house style", epilog=EPILOG)
    minutes.add_argument("--db", type=Path, dest="sub_db", help="the SQLite database file")
    minutes.add_argument("--date", required=True, help="the meeting's date, e.g. 2021-01-19")
    minutes.add_argument("--committee", help="the committee's name or a unique part of it (needed when there are several)")
    minutes.add_argument("--private", action="store_true",
                         help="include exempt (private) minutes in full: NOT FOR PUBLICATION")
    minutes.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ClerkError as error:
        print(f"clerk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    from store import Store

    path = getattr(args, "sub_db", None) or args.db or default_db_path()
    if args.command is None:
        return _run_tui(Store(path))
    if args.command == "demo":
        return _run_demo(Store(path), path, args.open)
    if args.command == "export":
        return _run_export(Store(path), args)
    raise AssertionError(args.command)


def _run_tui(store) -> int:
    from tui.app import ClerkApp

    with store:
        ClerkApp(store).run()
    return 0


def _run_demo(store, path: Path, open_after: bool) -> int:
    from store.demo import build_demo
    from store.errors import Conflict

    with store:
        try:
            committee = build_demo(store)
            print(f"Built the demo ({committee.name}) in {path}.")
        except Conflict:
            print(f"{path} already holds the demo; nothing changed.")
    if open_after:
        from store import Store

        return _run_tui(Store(path))
    return 0


def _run_export(store, args: argparse.Namespace) -> int:
    from store.exports.meeting_json import meeting_as_json
    from store.exports.minutes_markdown import minutes_markdown

    with store:
        committee = _committee(store, args.committee)
        meeting = store.meetings.on(committee.id, args.date)
        if args.what == "minutes":
            # The Markdown already ends with its own newline.
            text = minutes_markdown(store, meeting.id, private=args.private).removesuffix("\n")
        else:
            text = meeting_as_json(store, meeting.id)
    if args.output:
        try:
            args.output.write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise ClerkError(f"Cannot write {args.output}: {error.strerror}.") from error
        print(f"Wrote {args.output}.", file=sys.stderr)
    else:
        print(text)
    return 0


def _committee(store, name: str | None):
    if name:
        return store.committees.by_name(name)
    committees = store.committees.list()
    if len(committees) == 1:
        return committees[0]
    if not committees:
        raise ClerkError("The database has no committees yet.")
    raise ClerkError(
        "There are several committees; name one with --committee: " + "; ".join(c.name for c in committees) + "."
    )


if __name__ == "__main__":
    sys.exit(main())
