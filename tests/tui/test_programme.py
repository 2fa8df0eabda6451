"""The Work programme pane, driven by keys alone: the store first, then the widgets."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Static

from tui.app import ClerkApp
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.widgets.programme_lists import ActionLog, ProgrammeTable

MARCH, MAY, JUNE = date(2021, 3, 9), date(2021, 5, 4), date(2021, 6, 15)


@pytest.fixture
def planned(tui_store, committee):
    """Three meetings ahead of the frozen today (2 March 2021), one past, and two lead officers."""
    store = tui_store
    for day in (date(2021, 1, 19), MARCH, MAY, JUNE):
        store.meetings.add(committee.id, day)
    store.officers.add(committee.body_id, "Kate Galoppi", initials="KG")
    store.officers.add(committee.body_id, "TR", initials="TR")
    return {day: store.meetings.on(committee.id, day).id for day in (MARCH, MAY, JUNE)}


def topics(store, committee) -> dict[str, tuple]:
    """Every topic of the committee: topic → (meeting date, list, status, lead officers)."""
    found = {}
    for year in (2020, 2021):
        for item in store.programme.list_for(committee.id, year):
            found[item.topic] = (item.meeting_date, item.list, item.status, item.lead_officer_text)
    return found


def row_texts(table) -> list[str]:
    return [str(table.get_row_at(index)[0]).strip() for index in range(table.row_count)]


async def new_topic(pilot, topic: str, meeting_steps: int = 0, leads: str = "") -> None:
    """n, the topic, the meeting `meeting_steps` down from the one offered, the lead officers, save."""
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FormDialog)
    await pilot.press(*topic, "tab")
    if meeting_steps:
        await pilot.press("enter", *["down"] * meeting_steps, "enter")
    await pilot.press("tab", "tab", *leads, "ctrl+s")
    await pilot.pause()


async def test_plan_three_meetings_by_keyboard(make_app, tui_store, committee, planned):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        await new_topic(pilot, "Procurement plan for 2021/22", leads="KG")
        await new_topic(pilot, "Covid19 update", leads="KG")
        await new_topic(pilot, "Dementia Strategy update", meeting_steps=1, leads="TR/KG")  # 9 March → 4 May
        await new_topic(pilot, "Update on the Autism Strategy", meeting_steps=1)  # 4 May → 15 June
        assert not isinstance(app.screen, FormDialog)
        assert topics(tui_store, committee) == {
            "Procurement plan for 2021/22": (MARCH, "programme", "scheduled", "KG"),
            "Covid19 update": (MARCH, "programme", "scheduled", "KG"),
            "Dementia Strategy update": (MAY, "programme", "scheduled", "TR/KG"),
            "Update on the Autism Strategy": (JUNE, "programme", "scheduled", ""),
        }
        table = app.screen.query_one(ProgrammeTable)
        assert app.screen.year == 2021  # the pane followed the topic into 2021/22
        assert "Update on the Autism Strategy" in row_texts(table)[table.cursor_row]

        await pilot.press("less_than_sign")  # the Autism Strategy: 15 June → 4 May
        await pilot.pause()
        assert topics(tui_store, committee)["Update on the Autism Strategy"][0] == MAY
        await pilot.press("ctrl+down")  # and back to 15 June
        await pilot.pause()
        assert topics(tui_store, committee)["Update on the Autism Strategy"][0] == JUNE

        await pilot.press("m")  # unschedule it: the last choice of the select
        await pilot.pause()
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
        assert topics(tui_store, committee)["Update on the Autism Strategy"] == (None, "programme", "proposed", "")
        assert "Not yet scheduled" in row_texts(table)

        await pilot.press("left_square_bracket")  # back to 2020/21: 9 March's topics
        await pilot.pause()
        assert row_texts(table)[:4] == ["19 January 2021 (Agenda mtg 4 Jan)", "9 March 2021 (Agenda mtg 22 Feb)",
                                        "Procurement plan for 2021/22", "Covid19 update"]
        await pilot.press("down", "greater_than_sign")  # Covid19 update: 9 March → 4 May
        await pilot.pause()
    assert topics(tui_store, committee)["Covid19 update"][0] == MAY
    assert [i.topic for i in tui_store.programme.suggestions_for(planned[MARCH])] == ["Procurement plan for 2021/22"]
    assert [i.topic for i in tui_store.programme.suggestions_for(planned[MAY])] == [
        "Dementia Strategy update", "Covid19 update"]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (["tab", "tab", "tab", *"KG", "ctrl+s"], "The topic is empty"),
        ([*"Dementia Strategy update", "tab", "tab", "tab", *"ZZ", "ctrl+s"],
         "No officer has the initials or name 'ZZ'. Add them in the Members pane (9) first."),
        ([*"Dementia Strategy update", "tab", "tab", "tab", *"TR/Nobody", "enter"],
         "No officer has the initials or name 'Nobody'."),
    ],
)
async def test_bad_input_keeps_the_form_open(make_app, tui_store, committee, planned, keys, message):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7", "n")
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert message in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
    assert topics(tui_store, committee) == {}


async def test_agenda_drop_and_remove(make_app, tui_store, committee, planned):
    store = tui_store
    on_agenda = store.programme.add(committee.id, "Covid19 update", date(2021, 3, 2), meeting_id=planned[MARCH])
    spare = store.programme.add(committee.id, "Carers Strategy [Chair's idea]", date(2021, 3, 2), list="possible")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7", "g")
        await pilot.pause()
        assert store.programme.get(on_agenda.id).status == "on-agenda"
        await pilot.press("d", "y")  # refused: it is on the agenda
        await pilot.pause()
        assert store.programme.get(on_agenda.id).status == "on-agenda"
        await pilot.press("x")
        await pilot.pause()
        assert store.programme.get(on_agenda.id).status == "dropped"
        await pilot.press("x")
        await pilot.pause()
        assert store.programme.get(on_agenda.id).status == "on-agenda"

        table = app.screen.query_one(ProgrammeTable)
        assert "Carers Strategy [Chair's idea]" in row_texts(table)  # the clerk's text, not markup
        table.move_cursor(row=row_texts(table).index("Carers Strategy [Chair's idea]"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [i.id for i in store.programme.list_for(committee.id, 2020)] == [on_agenda.id]
        assert spare.id not in {i.id for i in store.programme.list_for(committee.id, 2020)}

        minute = store.minutes.take_item(store.programme.get(on_agenda.id).agenda_item_id)
        await pilot.press("1", "7")  # back on the pane, it shows what the minutes did
        await pilot.pause()
        table = app.screen.query_one(ProgrammeTable)
        row = table.get_row_at(row_texts(table).index("Covid19 update"))
        assert str(row[2]) == f"Considered, minute {minute.number}"


async def test_action_log_status_progress_and_overdue(tui_store, committee, planned):
    store = tui_store
    late = store.actions.add(committee.id, "A detailed report on the cost of packages", owner="Director of Finance",
                             target_meeting_id=planned[MARCH])
    later = store.actions.add(committee.id, "Benchmarking data", target_meeting_id=planned[JUNE])
    app = ClerkApp(store, today=lambda: date(2021, 3, 10))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        log = app.screen.query_one(ActionLog)
        status = log.get_row_at(0)[4]
        assert (str(status), status.style) == ("open — overdue", "bold red")
        assert str(log.get_row_at(1)[4]) == "open"
        assert log.border_subtitle == "2 actions, 1 overdue"
        await pilot.press("tab", "s")
        await pilot.pause()
        assert store.actions.get(late.id).status == "done"
        assert log.border_subtitle == "2 actions, 0 overdue"
        await pilot.press("s", "s")
        await pilot.pause()
        assert store.actions.get(late.id).status == "open"
        await pilot.press("down", "p")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Asked for at the 9 March meeting", "enter")
        await pilot.pause()
    assert store.actions.get(later.id).progress == "Asked for at the 9 March meeting"


async def test_an_empty_database_shows_what_to_do(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7", "n", "e", "s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert "No committee yet" in str(app.screen.query_one("#year-bar", Static).render())


async def test_the_year_bar_keeps_its_spaces(make_app, tui_store, committee, planned):
    tui_store.programme.add(committee.id, "Home care market", date(2021, 3, 2), meeting_id=planned[MARCH])
    tui_store.programme.add(committee.id, "Winter pressures", date(2021, 3, 2), meeting_id=planned[MARCH])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        bar = str(app.screen.query_one("#year-bar", Static).render())
        assert bar == "Municipal year 2020/21   2 topics   [ previous year · ] next"
