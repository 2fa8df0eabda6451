"""scripts/screenshots.py: the README's pictures show what they are meant to, in every SVG viewer."""

from __future__ import annotations

import asyncio
import importlib.util
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("screenshots_script", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_keep_spaces_marks_the_svg_once(script):
    svg = '<svg class="rich-terminal" viewBox="0 0 10 10"><text>&#160;&#160;[</text></svg>'
    kept = script.keep_spaces(svg)
    assert kept.startswith('<svg xml:space="preserve" class="rich-terminal"')
    assert script.keep_spaces(kept) == kept


def test_the_search_screenshot_shows_hits_for_its_word(script, tmp_path):
    from store import Store
    from store.demo import build_demo

    with Store(tmp_path / "demo.db") as store:
        committee = build_demo(store, today=script.DEMO_TODAY)
        store.ui_state.set("committee_id", committee.id)
        store.ui_state.set("meeting_id", store.meetings.on(committee.id, date(2021, 1, 19)).id)
        written = asyncio.run(script.capture(store, tmp_path, {}))
    assert {path.name for path in written} >= {"search.svg", "meetings.svg"}
    for path in written:
        assert 'xml:space="preserve"' in path.read_text(encoding="utf-8")[:200]
    search = path.with_name("search.svg").read_text(encoding="utf-8")
    assert f"hits&#160;for&#160;&#x27;{script.SEARCH_FOR}&#x27;" in search  # the status line over the hits
