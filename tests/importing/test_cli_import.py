"""`clerk import FILE… [--committee NAME] [--council NAME]`.

A line per file, plain errors, a progress bar on a terminal.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store
from tests.importing.test_parse import FIXTURE
from tests.importing.variants import LICENSING_MINUTES, NO_MEETING, PLACE_PACK
from tui.cli import main
from tui.cli_import import ProgressBar

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fixture_file():
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    return FIXTURE


def test_import_the_fixture(tmp_path, capsys, fixture_file):
    db = tmp_path / "clerk.db"
    assert main(["import", str(fixture_file), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out == ("Imported asc-2021-03-09-agenda-pack.txt: minutes 86-97 of 19 January 2021 (6 present, "
                   "1 declaration), agenda of 9 March 2021 (12 items, appendices A-F)\n")
    assert err == ""
    assert main(["--db", str(db), "export", "meeting", "--date", "2021-03-09"]) == 0
    assert '"first_minute_number": 98' in capsys.readouterr().out


def test_the_same_file_twice(tmp_path, capsys, fixture_file):
    db = tmp_path / "clerk.db"
    main(["--db", str(db), "import", str(fixture_file)])
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(fixture_file)]) == 0
    assert "Skipped asc-2021-03-09-agenda-pack.txt: already imported on" in capsys.readouterr().out


def test_several_files_one_bad(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    good = tmp_path / "licensing.txt"
    good.write_text(LICENSING_MINUTES, encoding="utf-8")
    bad = tmp_path / "report.txt"
    bad.write_text(NO_MEETING, encoding="utf-8")
    fake = tmp_path / "scan.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    assert main(["--db", str(db), "import", str(bad), str(good), str(fake)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("Imported licensing.txt: minutes 23-27 of 14 November 2022")
    assert "clerk: report.txt holds no meeting clerk can import" in err
    assert "clerk: scan.pdf is called .pdf but is not a PDF" in err
    assert "Traceback" not in err
    with Store(db) as store:
        assert [c.name for c in store.committees.list()] == ["Licensing and Regulatory Committee"]


def test_committee_and_council_options(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    pack = tmp_path / "place.txt"
    pack.write_text(PLACE_PACK, encoding="utf-8")
    assert main(["--db", str(db), "import", str(pack), "--committee", "Place Overview",
                 "--council", "Borsetshire County Council"]) == 0
    out = capsys.readouterr().out
    assert "The file is for 'PLACE SCRUTINY COMMITTEE'; it was imported into Place Overview as asked." in out
    with Store(db) as store:
        (committee,) = store.committees.list()
        assert committee.name == "Place Overview"
        assert store.committees.body(committee.body_id).name == "Borsetshire County Council"


def test_an_unexpected_error_is_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    from store.importing import importer

    def broken(*args, **kwargs):
        raise ValueError("something nobody foresaw")

    monkeypatch.setattr(importer, "parse_pages", broken)
    pack = tmp_path / "place.txt"
    pack.write_text(PLACE_PACK, encoding="utf-8")
    assert main(["--db", str(tmp_path / "clerk.db"), "import", str(pack)]) == 1
    err = capsys.readouterr().err
    assert err == ("clerk: place.txt could not be imported (ValueError: something nobody foresaw); "
                   "nothing from it was stored.\n")


def test_progress_bar_on_a_terminal(tmp_path, capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    pack = tmp_path / "place.txt"
    pack.write_text(PLACE_PACK, encoding="utf-8")
    assert main(["--db", str(tmp_path / "clerk.db"), "import", str(pack)]) == 0
    drawn = terminal.getvalue()
    assert "place.txt  storing [########################] 15/15" in drawn
    assert drawn.endswith("\r")  # the bar is wiped before the summary line is printed
    assert capsys.readouterr().out.startswith("Imported place.txt")


def test_progress_bar_draws_in_place():
    stream = io.StringIO()
    bar = ProgressBar(stream, "pack.pdf")
    bar(3, 12, "reading pages")
    bar(12, 12, "reading pages")
    bar.clear()
    assert stream.getvalue().split("\r")[1:] == [
        "pack.pdf  reading pages [######..................] 3/12",
        "pack.pdf  reading pages [########################] 12/12",
        " " * 56, "",
    ]


def test_no_progress_bar_when_not_a_terminal(tmp_path, capsys):
    pack = tmp_path / "licensing.txt"
    pack.write_text(LICENSING_MINUTES, encoding="utf-8")
    assert main(["--db", str(tmp_path / "clerk.db"), "import", str(pack)]) == 0
    assert capsys.readouterr().err == ""


def test_help():
    result = subprocess.run([sys.executable, "-m", "tui.cli", "import", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "--committee" in result.stdout and "--council" in result.stdout and "FILE" in result.stdout
