"""The `clerk` command: the TUI by default, subcommands for scripts and routine jobs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from store.errors import ClerkError
from tui import cli_backup, cli_import, cli_serve

DESCRIPTION = ("clerk keeps a council committee's meetings, agendas, attendance, declarations, minutes, "
               "resolutions and work programme in one SQLite file. With no command it opens the app "
               "in the terminal; the commands below build a demo, export, search, import, back up, "
               "restore or serve it.")
EPILOG = "The database is --db PATH, else $CLERK_DB, else clerk.db in your user data folder."


def default_db_path() -> Path:
    if os.environ.get("CLERK_DB"):
        return Path(os.environ["CLERK_DB"])
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("clerk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "clerk.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clerk", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--db", type=Path, metavar="PATH", help="the SQLite database file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="build a demo database (Leicester's Adult Social Care Scrutiny Commission)",
                               epilog=EPILOG)
    demo.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    demo.add_argument("--open", action="store_true", help="open the app on it afterwards")

    export = commands.add_parser("export", help="write a document or data out of clerk", epilog=EPILOG)
    what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    meeting = _export_parser(what, "meeting", "one meeting as data: JSON, or OParl 1.1 open data")
    meeting.add_argument("--date", required=True, metavar="DATE", help="the meeting's date, e.g. 2021-03-09")
    meeting.add_argument("--format", choices=["json", "oparl"], default="json",
                         help="json (the default), or oparl: OParl 1.1 open data")
    meeting.add_argument("--base-url", default="urn:clerk:", metavar="URL",
                         help="with --format oparl: where the ids point, e.g. https://example.org/oparl/ "
                              "(default urn:clerk:)")
    minutes = _export_parser(what, "minutes", "one meeting's minutes as Markdown, in house style")
    minutes.add_argument("--date", required=True, help="the meeting's date, e.g. 2021-01-19")
    minutes.add_argument("--private", action="store_true",
                         help="include exempt (private) minutes in full: NOT FOR PUBLICATION")
    programme = _export_parser(what, "programme", "the work programme of a municipal year as a Markdown table")
    programme.add_argument("--year", help="the municipal year, e.g. 2020 or 2020/21 (default: the current one)")
    _export_parser(what, "actions", "the action log as a Markdown table")
    attendance = _export_parser(what, "attendance", "members' attendance in a municipal year as a table")
    attendance.add_argument("--year", help="the municipal year, e.g. 2020 or 2020/21 (default: the current one)")
    attendance.add_argument("--format", choices=["md", "csv"], default="md",
                            help="a Markdown table (md, the default) or CSV (csv)")
    audit = _export_parser(what, "audit", "every amendment to the committee's confirmed minutes, as Markdown")
    audit.add_argument("--private", action="store_true",
                       help="include exempt (private) minutes' text in full: NOT FOR PUBLICATION")
    agenda = _export_parser(what, "agenda", "one meeting's agenda, with its front sheet, as Markdown")
    agenda.add_argument("--date", required=True, help="the meeting's date, e.g. 2021-03-09")
    agenda.add_argument("--private", action="store_true",
                        help="include exempt (private) items in full: NOT FOR PUBLICATION")
    agenda.add_argument("--supplementary", action="store_true",
                        help="only the items added or changed after the agenda was published")
    pack = _export_parser(what, "pack", "one meeting's agenda pack: the agenda, then every appendix")
    pack.add_argument("--date", required=True, help="the meeting's date, e.g. 2021-03-09")
    pack.add_argument("--private", action="store_true",
                      help="include exempt (private) items and their reports: NOT FOR PUBLICATION")
    pack.add_argument("--format", choices=["md", "pdf"], default="md",
                      help="Markdown (md, the default) or PDF (pdf, needs -o FILE)")

    search = commands.add_parser("search", help="find minutes, resolutions, agenda items, declarations "
                                 "and work-programme topics", epilog=EPILOG)
    search.add_argument("text", metavar="TEXT", nargs="+", help="the words to find (the last may be a prefix)")
    search.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    search.add_argument("--committee", metavar="NAME", help="only this committee (its name or a unique part of it)")
    search.add_argument("--since", metavar="DATE", help="only meetings on or after this date, e.g. 2020-05-01")
    search.add_argument("--until", metavar="DATE", help="only meetings on or before this date")
    search.add_argument("--relevance", action="store_true", help="most relevant first (default: newest first)")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most this many hits (default 50)")
    search.add_argument("--public", action="store_true", help="leave out exempt (private) minutes")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    cli_import.add_parser(commands, EPILOG)
    cli_backup.add_parsers(commands, EPILOG)
    cli_serve.add_parser(commands, EPILOG)
    return parser


def _export_parser(what, name: str, help: str) -> argparse.ArgumentParser:
    """An `export` subcommand with the options they all share."""
    parser = what.add_parser(name, help=help, epilog=EPILOG)
    parser.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")
    parser.add_argument("--committee", metavar="NAME",
                        help="the committee's name or a unique part of it (needed when there are several)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to this file instead of standard output")
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
    except BrokenPipeError:
        # `clerk export … | head` closed the pipe early; say nothing more on the closed stdout.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:  # a path the system refuses (a name too long, …): its words, not a traceback
        name = str(error.filename or "")
        where = f" ({name[:120]}{'…' if len(name) > 120 else ''})" if name else ""
        print(f"clerk: {error.strerror or error}{where}.", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command is None:
        from tui import startup

        startup.begin()  # before the store and the app load (tui/startup.py)
    from store import Store

    path = getattr(args, "sub_db", None) or args.db or default_db_path()
    if "\x00" in str(path):
        raise ClerkError("The database file's name holds a NUL character, which no file name can hold.")
    if args.command is None:
        return _run_tui(Store(path))
    if args.command in cli_backup.COMMANDS:  # never opens the database as a Store: restore may replace it
        return cli_backup.run(args, path)
    if args.command == "serve":
        return cli_serve.run(args, path)
    if args.command == "demo":
        return _run_demo(Store(path), path, args.open)
    if args.command == "export":
        return _run_export(Store(path), args)
    if args.command == "search":
        return _run_search(Store(path), args)
    if args.command == "import":
        return cli_import.run(Store(path), args)
    raise AssertionError(args.command)


def _run_tui(store) -> int:
    from tui.app import ClerkApp

    with store:
        ClerkApp(store).run()
    return 0


def _run_demo(store, path: Path, open_after: bool) -> int:
    from store.demo import build_demo, open_on_january_minutes
    from store.errors import Conflict

    with store:
        try:
            committee = build_demo(store)
            open_on_january_minutes(store, committee)
            print(f"Built the demo ({committee.name}) in {path}.")
        except Conflict:
            print(f"{path} already holds the demo; nothing changed.")
    if open_after:
        from store import Store

        return _run_tui(Store(path))
    return 0


def _run_export(store, args: argparse.Namespace) -> int:
    if args.what == "pack":
        return _run_pack(store, args)
    with store:
        committee = _committee(store, args.committee)
        # The Markdown documents end with their own newline; print adds one.
        text = _export_text(store, committee, args).removesuffix("\n")
    if args.output:
        try:
            args.output.write_text(text + "\n", encoding="utf-8")
        except (OSError, ValueError) as error:  # ValueError: a NUL in the file name
            raise ClerkError(f"Cannot write {args.output}: {getattr(error, 'strerror', None) or error}.") from error
        print(f"Wrote {args.output}.", file=sys.stderr)
    else:
        print(text)
    return 0


def _run_pack(store, args: argparse.Namespace) -> int:
    """The agenda pack as Markdown or PDF, with a progress line on stderr as each appendix goes in."""
    progress = _PackProgress(sys.stderr)
    try:
        with store:
            if args.format == "pdf" and not args.output:
                raise ClerkError("A PDF pack needs a file to go to: add -o FILE, e.g. -o pack.pdf.")
            committee = _committee(store, args.committee)
            meeting = store.meetings.on(committee.id, args.date)
            if args.format == "pdf":
                from store.exports.pack_pdf import pack_pdf

                data = pack_pdf(store, meeting.id, private=args.private, progress=progress)
            else:
                from store.exports.pack_markdown import pack_markdown

                data = pack_markdown(store, meeting.id, private=args.private, progress=progress).encode("utf-8")
    finally:
        progress.finish()
    if not args.output:  # Markdown only: a PDF needs -o
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        args.output.write_bytes(data)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the file name
        raise ClerkError(f"Cannot write {args.output}: {getattr(error, 'strerror', None) or error}.") from error
    print(f"Wrote {args.output}.", file=sys.stderr)
    return 0


class _PackProgress:
    """'Pack: [#####-----] 3/6 Appendix C' on stderr: one line redrawn on a terminal, a line each otherwise."""

    WIDTH = 20

    def __init__(self, stream):
        self.stream = stream
        self.redraw = stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, label: str) -> None:
        filled = self.WIDTH * done // total if total else self.WIDTH
        line = f"Pack: [{'#' * filled}{'-' * (self.WIDTH - filled)}] {done}/{total} {label}"
        if self.redraw:
            self.stream.write("\r" + line.ljust(60))
            self.shown = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def _run_search(store, args: argparse.Namespace) -> int:
    import json

    from store.dates import short_date

    text = " ".join(args.text)
    with store:
        committee = store.committees.by_name(args.committee) if args.committee else None
        hits = store.search.search(
            text, committee_id=committee.id if committee else None,
            since=_date_option(args.since, "--since"), until=_date_option(args.until, "--until"),
            order="relevance" if args.relevance else "newest", limit=args.limit, public=args.public,
        )
    if args.json:
        print(json.dumps([
            {"kind": h.kind, "committee": h.committee, "date": h.date.isoformat() if h.date else None,
             "minute": h.number, "title": h.title, "snippet": h.snippet,
             "minute_id": h.minute_id, "meeting_id": h.meeting_id}
            for h in hits
        ], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"No minute mentions '{text}'." if text.strip() else "Nothing to search for.", file=sys.stderr)
        return 0
    for h in hits:
        where = short_date(h.date) if h.date else "no meeting"
        number = f"minute {h.number}" if h.number is not None else h.kind
        snippet = " ".join(h.snippet.split())
        print(f"{where} · {number} · {h.committee} · {h.title}: {snippet}")
    return 0


def _date_option(text: str | None, option: str):
    if not text:
        return None
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ClerkError(f"{option} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2020-05-01.") from None


def _export_text(store, committee, args: argparse.Namespace) -> str:
    from datetime import date

    if args.what == "programme":
        from store.exports.programme_markdown import programme_markdown

        year = _year(args.year) if args.year else store.meetings.year_of(committee, date.today())
        return programme_markdown(store, committee.id, year)
    if args.what == "actions":
        from store.exports.programme_markdown import actions_markdown

        return actions_markdown(store, committee.id, date.today())
    if args.what == "attendance":
        from store.exports.attendance import attendance_export

        year = _year(args.year) if args.year else store.meetings.year_of(committee, date.today())
        return attendance_export(store, committee.id, year, args.format)
    if args.what == "audit":
        from store.exports.audit_markdown import audit_markdown

        return audit_markdown(store, committee.id, private=args.private)
    meeting = store.meetings.on(committee.id, args.date)
    if args.what == "agenda":
        from store.exports.agenda_markdown import agenda_markdown, supplementary_markdown

        write = supplementary_markdown if args.supplementary else agenda_markdown
        return write(store, meeting.id, private=args.private)
    if args.what == "minutes":
        from store.exports.minutes_markdown import minutes_markdown

        return minutes_markdown(store, meeting.id, private=args.private)
    if args.format == "oparl":
        from store.exports.oparl import meeting_as_oparl

        return meeting_as_oparl(store, meeting.id, base_url=args.base_url)
    from store.exports.meeting_json import meeting_as_json

    return meeting_as_json(store, meeting.id)


def _year(text: str) -> int:
    """'2020' or '2020/21': the year the municipal year began."""
    head = text.strip().split("/")[0]
    if not (head.isascii() and head.isdigit() and len(head) == 4 and 1000 <= int(head) <= 9998):
        raise ClerkError(f"'{text}' is not a municipal year: write it as 2020 or 2020/21.")
    return int(head)


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
