"""The `clerk` command: subcommands, and errors as plain English on stderr with exit status 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_demo_then_export_meeting_json(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert "Built the demo" in capsys.readouterr().out
    assert main(["--db", str(db), "export", "meeting", "--date", "2021-03-09", "--format", "json"]) == 0
    meeting = json.loads(capsys.readouterr().out)
    assert meeting["committee"] == "Adult Social Care Scrutiny Commission"
    assert meeting["date"] == "2021-03-09"
    assert meeting["start"] == "17:30"


def test_the_demo_opens_on_the_minutes_of_19_january_at_minute_91(tmp_path):
    """Where there is most to see, whatever today is (the last meeting has only the work programme)."""
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    with Store(db) as store:
        state = store.ui_state
        assert state.get("pane") == "minutes"
        assert store.meetings.get(state.get_int("meeting_id")).date.isoformat() == "2021-01-19"
        assert store.minutes.get(state.get_int("minute_id")).number == 91


def test_demo_twice_changes_nothing(tmp_path, capsys):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db)])
    with Store(db) as store:
        before = store.db.execute("SELECT count(*) FROM memberships").fetchone()[0]
    assert main(["demo", "--db", str(db)]) == 0
    assert "already holds the demo" in capsys.readouterr().out
    with Store(db) as store:
        assert store.db.execute("SELECT count(*) FROM memberships").fetchone()[0] == before


def test_export_to_a_file(tmp_path, capsys):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db)])
    out = tmp_path / "meeting.json"
    assert main(["export", "meeting", "--db", str(db), "--date", "19 January 2021", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["date"] == "2021-01-19"


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "meeting", "--date", "2021-02-30"], "not a real meeting date"),
        (["export", "meeting", "--date", "2021-03-10"], "has no meeting on Wednesday 10 March 2021"),
        (["export", "meeting", "--date", "2021-03-09", "--committee", "Planning"], "No committee is called"),
    ],
)
def test_bad_arguments_are_plain_messages(tmp_path, capsys, args, message):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db)])
    capsys.readouterr()
    assert main(["--db", str(db), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_export_with_no_committees(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "empty.db"), "export", "meeting", "--date", "2021-03-09"]) == 1
    assert "no committees" in capsys.readouterr().err


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"these are my notes, not a database" * 100)
    assert main(["--db", str(bad), "export", "meeting", "--date", "2021-03-09"]) == 1
    assert "is not a clerk database" in capsys.readouterr().err
    assert bad.read_bytes().startswith(b"these are my notes")


def test_help_on_every_subcommand():
    for args in (["--help"], ["demo", "--help"], ["export", "--help"], ["export", "meeting", "--help"]):
        result = subprocess.run([sys.executable, "-m", "tui.cli", *args], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "usage: clerk" in result.stdout


def _every_parser(parser, name="clerk"):
    """(full name, parser) of clerk and each of its commands and subcommands."""
    import argparse

    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _every_parser(sub, f"{name} {sub_name}")


def test_help_names_the_database_option_db_path_everywhere():
    from tui.cli import build_parser

    seen = 0
    for name, parser in _every_parser(build_parser()):
        text = parser.format_help()
        assert "SUB_DB" not in text and "--db DB" not in text, name
        if any("--db" in action.option_strings for action in parser._actions):
            assert "--db PATH" in text, name
            seen += 1
        for metavar in ("OUTPUT", "COMMITTEE", "SINCE", "UNTIL", "LIMIT", "BASE_URL", "COUNCIL"):
            assert f" {metavar}" not in text, (name, metavar)
    assert seen >= 12


def test_help_says_what_clerk_is_and_what_export_meeting_writes():
    from tui.cli import build_parser

    parsers = dict(_every_parser(build_parser()))
    top = " ".join(parsers["clerk"].format_help().split())
    assert "council committee" in top and "With no command it opens the app" in top
    export = " ".join(parsers["clerk export"].format_help().split())
    assert "one meeting as data: JSON, or OParl 1.1 open data" in export
    backup = " ".join(parsers["clerk backup"].format_help().split())
    assert "usage: clerk backup [-h] [--db PATH] [--overwrite] BACKUP" in backup
