"""Regenerate screenshots/*.svg: each pane of the app, headless, on the demo database.

The Search pane is shown with the hits for SEARCH_FOR. Each SVG keeps its spaces in every viewer
(see keep_spaces).

Run: python scripts/screenshots.py   (from the repository root, with clerk installed)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store  # noqa: E402
from store.demo import build_demo  # noqa: E402
from tui.app import ClerkApp  # noqa: E402
from tui.panes import PANES  # noqa: E402

# The day the demo is seen from: the week before the 9 March 2021 meeting.
DEMO_TODAY = date(2021, 3, 2)
SIZE = (120, 40)
SEARCH_FOR = "care"  # the Search pane shows its hits for this, with the words found highlighted


async def show_hits(app: ClerkApp, pilot, text: str) -> None:
    """Type `text` into the Search pane and wait until its hits are on the screen."""
    await pilot.press(*text)  # a letter outside the search box starts typing in it
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if getattr(app.screen, "searched", None) == text:
            break
    else:
        raise RuntimeError(f"The search for {text!r} did not come back.")
    if not app.screen.hits:
        raise RuntimeError(f"The demo has no hits for {text!r}: choose another word for the screenshot.")
    await pilot.press("down")  # from the search box to the hits: the first one highlighted
    await pilot.pause()


def keep_spaces(svg: str) -> str:
    """The SVG with its spaces kept by every viewer.

    Rich writes each space as &#160;, yet librsvg (rsvg-convert, GNOME's image viewer) drops the
    ones that begin a run of text, so "2020/21   [ previous" showed as "2020/21[ previous" and the
    table columns slid left. xml:space="preserve" keeps them; browsers show the file as before.
    """
    if "xml:space=" in svg:
        return svg
    return svg.replace("<svg ", '<svg xml:space="preserve" ', 1)


async def capture(store: Store, out: Path, meetings: dict[str, int]) -> list[Path]:
    """Each pane on the 19 January 2021 meeting, but the Agenda pane on 9 March 2021 (`meetings`)."""
    written = []
    app = ClerkApp(store, today=lambda: DEMO_TODAY, now=lambda: datetime(2021, 1, 19, 19, 40))
    async with app.run_test(size=SIZE) as pilot:
        context = (app.committee_id, app.meeting_id, app.minute_id)
        for pane in PANES:
            if pane.mode in meetings:
                app.set_context(context[0], meetings[pane.mode])
            await pilot.press(pane.key)
            await pilot.pause()
            if pane.mode == "search":
                await show_hits(app, pilot, SEARCH_FOR)
            path = out / f"{pane.mode}.svg"
            path.write_text(keep_spaces(app.export_screenshot()), encoding="utf-8")
            written.append(path)
            if pane.mode in meetings:
                app.set_context(*context[:2])
                app.set_minute(context[2])
    return written


def main() -> int:
    out = ROOT / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "demo.db") as store:
            committee = build_demo(store, today=DEMO_TODAY)
            # The meeting panes show the 19 January 2021 meeting, taking minute 91 (LCCL).
            january = store.meetings.on(committee.id, date(2021, 1, 19))
            store.ui_state.set("committee_id", committee.id)
            store.ui_state.set("meeting_id", january.id)
            store.ui_state.set("minute_id", store.minutes.by_number(committee.id, 2020, 91).id)
            # The Agenda pane shows the agenda of 9 March 2021, published on 1 March.
            march = store.meetings.on(committee.id, date(2021, 3, 9))
            written = asyncio.run(capture(store, out, {"agenda": march.id}))
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
