"""A whole meeting of twelve items, taken by keyboard alone, and its minutes against a golden file.

The meeting is the Adult Social Care Scrutiny Commission of 9 March 2021 (the fixture's agenda):
the demo holds the committee and minutes 86-97 of 19 January, so this meeting's minutes are
98-109. The agenda is set up through the store (the agenda builder is another pane); everything
from the roll call to the closing time is typed.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from store import Store
from store.demo import build_demo
from store.exports.minutes_markdown import minutes_markdown
from tui.app import ClerkApp
from tui.dialogs.form import FormDialog

GOLDEN = Path(__file__).parent / "golden" / "minutes-2021-03-09.md"
MEETING_DAY = date(2021, 3, 9)
BUSINESS = (
    "PROCUREMENT PLAN FOR 2021/23",
    "IMPACT OF COVID-19 ON DAY CARE / COMMUNITY OPPORTUNITY SERVICES",
    "ADULT SOCIAL CARE ANNUAL COMPLAINTS REPORT",
    "SUPPORTED LIVING AND EXTRA CARE HOUSING",
    "COVID-19 UPDATE",
)


def _meeting(store: Store):
    committee = build_demo(store, today=MEETING_DAY)
    meeting = store.meetings.on(committee.id, MEETING_DAY)
    # The demo publishes the pack's agenda: its business is items 6-10.
    assert tuple(i.title for i in store.agenda.list_for(meeting.id))[5:10] == BUSINESS
    return committee, meeting


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)


async def _save(pilot) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, FormDialog), pilot.app.screen.query_one("#form-error").render()


async def test_a_whole_meeting_by_keyboard(tmp_path):
    store = Store(tmp_path / "clerk.db")
    committee, meeting = _meeting(store)
    app = ClerkApp(store, today=lambda: MEETING_DAY, now=lambda: datetime(2021, 3, 9, 19, 58))
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(committee.id, meeting.id)
        # Minutes: open one for each of the twelve agenda items.
        await pilot.press("5", "t")
        await pilot.pause()
        assert [m.number for m in store.minutes.list_for(meeting.id)] == list(range(98, 110))

        # Attendance: the roll call, one key a member (chair first, then vice-chair, members, invitee).
        await pilot.press("3", "p", "p", "p", "p", "a", "p", "x")
        await pilot.pause()
        statuses = {e.name: e.status for e in store.attendance.list_for(meeting.id)}
        assert statuses["Councillor Kitterick"] == "apologies"
        assert statuses["Councillor Thalukdar"] == "present"

        # Declarations: Joshi's standing interest in one key, and a second by the form.
        await pilot.press("4", "tab", "y")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter", "down", "enter", "tab")  # member: the second in the list (March)
        await pilot.press("tab", "tab")  # item: the whole meeting; category: the first
        await _type(pilot, "in that she was a trustee of a day centre")
        await _save(pilot)
        assert len(store.declarations.list_for(meeting.id)) == 2

        # Minutes: notes for item 7 (minute 104), moving with F8 while typing.
        await pilot.press("5")
        for _ in range(6):
            await pilot.press("f8")
        await pilot.pause()
        assert app.current_minute().number == 104
        await pilot.press("enter")
        await _type(pilot, "The Director presented the report on day centres.")
        await pilot.press("escape")
        await pilot.pause()

        # Resolutions: two on minute 104, and an action arising from the second.
        await pilot.press("6", "n")
        await pilot.pause()
        await _type(pilot, "That the report be noted.")
        await _save(pilot)
        await pilot.press("n")
        await pilot.pause()
        await _type(pilot, "That an update come back in six months.")
        await _save(pilot)
        await pilot.press("a")
        await pilot.pause()
        await _type(pilot, "Update on day centres")
        await pilot.press("tab")
        await _type(pilot, "KG")
        await _save(pilot)

        # The closing time, as the clock says.
        await pilot.press("5", "x")
        await pilot.pause()
        await _save(pilot)

    minute = store.minutes.by_number(committee.id, 2020, 104)
    assert minute.body == "The Director presented the report on day centres."
    assert [r.text for r in store.resolutions.list_for(minute.id)] == [
        "That the report be noted.", "That an update come back in six months."]
    assert store.actions.list_for(store.resolutions.list_for(minute.id)[1].id)[0].owner == "KG"
    assert store.meetings.get(meeting.id).closed_at.strftime("%H:%M") == "19:58"

    text = minutes_markdown(store, meeting.id)
    if os.environ.get("CLERK_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    store.close()
