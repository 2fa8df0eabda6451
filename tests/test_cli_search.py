"""`clerk search`: one hit per line, or JSON; bad options are plain messages."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def test_search_prints_one_hit_per_line(db, capsys):
    assert main(["--db", str(db), "search", "lccl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2  # minute 91 (its agenda item shows as the minute) and the programme topic
    assert lines[0].startswith("Tue 19 Jan 2021 · minute 91 · Adult Social Care Scrutiny Commission · ")
    assert "«LCCL»" in lines[0]
    assert any("programme" in line for line in lines)


def test_search_as_json(db, capsys):
    assert main(["search", "--db", str(db), "reablem", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits == [{
        "kind": "declaration",
        "committee": "Adult Social Care Scrutiny Commission",
        "date": "2021-01-19",
        "minute": 87,
        "title": "DECLARATIONS OF INTEREST",
        "snippet": "his wife worked for the «Reablement» Team at Leicester City Council",
        "minute_id": hits[0]["minute_id"],
        "meeting_id": hits[0]["meeting_id"],
    }]


def test_search_filters(db, capsys):
    assert main(["--db", str(db), "search", "lccl", "--since", "2021-02-01", "--json"]) == 0
    assert all(h["date"] >= "2021-02-01" for h in json.loads(capsys.readouterr().out))
    assert main(["--db", str(db), "search", "lccl", "--committee", "Adult Social", "--public", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_no_hits_and_hostile_text(db, capsys):
    for text in ["xyzzy", '"', "NEAR(", "mental-health (", "*"]:
        assert main(["--db", str(db), "search", text]) == 0
    err = capsys.readouterr().err
    assert "No minute mentions 'xyzzy'." in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "care", "--since", "2021-13-01"], "is not a date"),
        (["search", "care", "--committee", "Planning"], "No committee is called"),
    ],
)
def test_bad_options_are_plain_messages(db, capsys, args, message):
    assert main(["--db", str(db), *args]) == 1
    assert message in capsys.readouterr().err
