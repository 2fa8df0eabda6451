"""README.md says what the code does: its key and command-line references are generated from
the bindings and the parser (scripts/readme_reference.py), its results table from
benchmarks/RESULTS.md (benchmarks/run.py). No app is started."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RUN_THE_SCRIPT = "README.md is stale: run python scripts/readme_reference.py (from the repository root)"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference():
    return _load("readme_reference", ROOT / "scripts" / "readme_reference.py")


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["keys", "cli"])
def test_the_references_are_what_the_script_generates(reference, readme, name):
    made = reference.SECTIONS[name]()
    assert reference.section(readme, name) == made.strip(), RUN_THE_SCRIPT


def test_the_keys_are_those_the_help_screen_lists(reference):
    """Every section and row of the README's key reference is a section and row of F1, and no more."""
    from tui.dialogs.help import HelpScreen

    shown = HelpScreen()._keys().plain
    lines = [line for line in shown.splitlines() if line.startswith("  ")]
    rows = [row for _, rows in reference.key_sections() for row in rows]
    assert len(rows) == len(lines)
    for (key, description, tooltip), line in zip(rows, lines):
        words = f"{description} — {tooltip}" if tooltip else description
        assert line.split(maxsplit=1)[0] == key.split()[0] and line.endswith(words), (line, key, words)
    for title, _ in reference.key_sections():
        assert f"\n{title}\n" in shown


def test_every_pane_has_its_screenshot_in_pane_key_order(readme):
    from tui.panes import PANES

    places = []
    for pane in PANES:
        image = f"](screenshots/{pane.mode}.svg)"
        assert readme.count(image) == 1, f"README.md should show screenshots/{pane.mode}.svg once"
        assert (ROOT / "screenshots" / f"{pane.mode}.svg").exists()
        places.append(readme.index(image))
    assert places == sorted(places)


def test_the_readme_still_starts_with_its_two_set_up_commands(readme):
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    assert blocks[:2] == [
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/clerk demo --db demo.db --open",
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest -q -n 4",
    ]
    assert readme.index("```bash") < readme.index("\n## ")


def test_check_says_whether_the_readme_is_stale(reference, tmp_path, monkeypatch, capsys):
    stale = tmp_path / "README.md"
    stale.write_text(README.read_text(encoding="utf-8").replace("| `f1` |", "| `f12` |", 1), encoding="utf-8")
    monkeypatch.setattr(reference, "README", stale)
    assert reference.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert reference.main([]) == 0
    assert reference.main(["--check"]) == 0
    assert stale.read_text(encoding="utf-8") == README.read_text(encoding="utf-8")


def test_replace_between_needs_one_pair_of_markers(reference):
    text = "a\n<!-- x:start -->\nold\n<!-- x:end -->\nb\n"
    assert reference.replace_between(text, "x", "new\n") == "a\n<!-- x:start -->\n\nnew\n\n<!-- x:end -->\nb\n"
    with pytest.raises(ValueError):
        reference.replace_between("no markers", "x", "new")
    with pytest.raises(ValueError):
        reference.replace_between(text + text, "x", "new")


# the benchmark results ----------------------------------------------------------------------
RESULTS = """# Benchmark results

Run on 2030-01-02 03:04, Linux-test, Python 3.11.7, 4 cores. Each figure is a ratio against a baseline.

| benchmark | median | p95 | baseline median | baseline p95 | ratio (median) | ratio (p95) | target |
|---|---|---|---|---|---|---|---|
| Something quick | 1.00 | 2.00 | 1.000 | 1.000 | 1.0× | 2.0× | ≤ 1.5× (p95) MISSED |
"""


@pytest.fixture(scope="module")
def run():
    sys.modules.pop("benchmarks_run_for_test", None)
    return _load("benchmarks_run_for_test", ROOT / "benchmarks" / "run.py")


def test_a_results_text_replaces_the_readme_table(run):
    readme = "intro\n<!-- results:start -->\nold table\n<!-- results:end -->\nafter\n"
    new = run.readme_with_results(readme, RESULTS)
    assert "old table" not in new and new.startswith("intro\n") and new.endswith("MISSED |\n\n<!-- results:end -->\nafter\n")
    assert "Run on 2030-01-02 03:04, Linux-test, Python 3.11.7, 4 cores." in new
    assert "[benchmarks/RESULTS.md](benchmarks/RESULTS.md)" in new
    assert "| Something quick | 1.00 | 2.00 | 1.000 | 1.000 | 1.0× | 2.0× | ≤ 1.5× (p95) MISSED |" in new
    assert run.readme_with_results(new, RESULTS) == new
    with pytest.raises(ValueError):
        run.readme_results("# Benchmark results\n\nnothing measured\n")


def test_the_readme_table_is_the_one_in_results_md(run, readme):
    results = (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    assert run.readme_with_results(readme, results) == readme, (
        "README.md's results table differs from benchmarks/RESULTS.md: python benchmarks/run.py writes both")
