"""The Declarations pane, driven by keys alone: suggestions, the form, withdrawals, edit, delete, history."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList, Select, Static

from store.declarations import DPI
from tests.notices import listen
from tui.dialogs.declaration_history import DeclarationHistoryDialog
from tui.dialogs.form import FormDialog
from tui.screens.declarations import DeclarationsScreen
from tui.widgets.attendance_lists import MovementList
from tui.widgets.declaration_lists import DeclarationList, HistoryList, SuggestionList
from tui.widgets.live_strip import LiveStrip
from tui.widgets.quorum_meter import QuorumMeter

INTEREST = "his wife worked for the Reablement Team at Leicester City Council"


def _meeting(store, committee):
    """Three members, Joshi with a standing interest; 19 January and 9 March 2021 with minutes opened."""
    for name, role in (("Joshi", "chair"), ("March", "vice-chair"), ("Kitterick", "member")):
        store.members.add(committee.id, name, role=role, start_date=date(2020, 5, 1))
    joshi = store.people.find("Joshi")
    store.interests.add(joshi.id, "Other Disclosable Interest", INTEREST)
    previous = store.meetings.add(committee.id, date(2021, 1, 19))
    meeting = store.meetings.add(committee.id, date(2021, 3, 9))
    for day in (previous, meeting):
        store.agenda.start_from_standard_items(day.id)
    store.agenda.add(meeting.id, "Leicestershire County Care Limited (LCCL) - verbal update")
    store.minutes.take_agenda(meeting.id)
    return previous, meeting


def _column(app, kind, index: int) -> list[str]:
    table = app.screen.query_one(kind)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def _open(pilot) -> None:
    await pilot.press("4")
    await pilot.pause()


async def _choose(pilot, field: str, label: str) -> None:
    """Move the form's Select to the option `label` by keys: open it, step down, Enter."""
    select = pilot.app.screen.query_one(f"#field-{field}", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    overlay = select.query_one(OptionList)
    labels = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
    steps = labels.index(label) - overlay.highlighted
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()


async def _type(pilot, field: str, text: str) -> None:
    pilot.app.screen.query_one(f"#field-{field}").focus()
    await pilot.press(*text)


async def test_two_declarations_one_from_a_suggestion_one_by_the_form(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        assert isinstance(app.screen, DeclarationsScreen)
        assert _column(app, SuggestionList, 2) == [INTEREST]
        await pilot.press("y")  # one key: the standing interest, whole meeting, remained
        declarations = tui_store.declarations.list_for(meeting.id)
        assert [(d.name, d.category, d.nature, d.action, d.agenda_item_id) for d in declarations] == [
            ("Councillor Joshi", "Other Disclosable Interest", INTEREST, "remained", None)]
        assert declarations[0].interest_id is not None
        assert _column(app, SuggestionList, 0) == []

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await _choose(pilot, "person_id", "Councillor Kitterick")
        await _choose(pilot, "category", "Non-registrable Interest")
        await _type(pilot, "nature", "his daughter used the day centres")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationsScreen)
        declarations = tui_store.declarations.list_for(meeting.id)
        assert [(d.name, d.category, d.nature) for d in declarations][1] == (
            "Councillor Kitterick", "Non-registrable Interest", "his daughter used the day centres")
        assert _column(app, DeclarationList, 0) == ["Councillor Joshi", "Councillor Kitterick"]
        assert _column(app, DeclarationList, 1) == ["whole meeting", "whole meeting"]
        detail = str(app.screen.query_one("#declaration-detail", Static).render())
        assert "Councillor Kitterick declared a Non-registrable Interest in that his daughter" in detail


async def test_enter_on_a_suggestion_records_it(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("tab", "enter")
        assert [d.nature for d in tui_store.declarations.list_for(meeting.id)] == [INTEREST]


async def test_dpi_withdrawal_on_an_item_records_the_departure_and_return(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    lccl = next(m for m in tui_store.minutes.list_for(meeting.id) if "LCCL" in m.title)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("n")
        await pilot.pause()
        await _choose(pilot, "person_id", "Councillor March")
        await _choose(pilot, "item", f"{lccl.number}. {lccl.title}")
        await _choose(pilot, "category", DPI)
        await _type(pilot, "nature", "she is a director of LCCL")
        await _choose(pilot, "action", "withdrew from the meeting for the item")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [declaration] = tui_store.declarations.list_for(meeting.id)
        assert (declaration.name, declaration.category, declaration.action) == ("Councillor March", DPI, "withdrew")
        assert declaration.agenda_item_id == lccl.agenda_item_id
        movements = tui_store.attendance.movements_for(meeting.id)
        assert [(m.name, m.kind, m.minute_number) for m in movements] == [
            ("Councillor March", "withdrew", lccl.number), ("Councillor March", "returned", lccl.number)]
        assert _column(app, DeclarationList, 1) == [f"{lccl.number}. {lccl.title}"]
        assert _column(app, DeclarationList, 4) == ["withdrew"]
        await pilot.press("3")  # the Attendance pane shows the withdrawal and return
        await pilot.pause()
        assert _column(app, MovementList, 1) == [f"withdrew at minute {lccl.number}", f"returned at minute {lccl.number}"]
        # All three present: while LCCL is taken March is out of the room, so two count to the quorum.
        for person in ("Joshi", "March", "Kitterick"):
            tui_store.attendance.set(meeting.id, tui_store.people.find(person).id, "present")
        app.set_minute(lccl.id)
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.query_one(QuorumMeter).state.present == 2
        assert app.screen.query_one(LiveStrip)._state[2].present == 2
        await pilot.press("f7")  # the item before: March is back
        await pilot.pause()
        assert app.screen.query_one(QuorumMeter).state.present == 3


async def test_empty_nature_keeps_the_form_open_and_stores_nothing(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "nature" in str(app.screen.query_one("#form-error", Static).render())
        assert tui_store.declarations.list_for(meeting.id) == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(DeclarationList).row_count == 0


async def test_edit_and_delete(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    kitterick = tui_store.people.find("Kitterick")
    tui_store.declarations.add(meeting.id, kitterick.id, "Other Disclosable Interest", "a relative works for LCCL")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("e")
        await pilot.pause()
        await _choose(pilot, "action", "did not vote")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [declaration] = tui_store.declarations.list_for(meeting.id)
        assert declaration.action == "did-not-vote"
        assert _column(app, DeclarationList, 4) == ["did not vote"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # No: nothing happens
        await pilot.pause()
        assert len(tui_store.declarations.list_for(meeting.id)) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert tui_store.declarations.list_for(meeting.id) == []
        assert app.screen.query_one(DeclarationList).row_count == 0


async def test_history_shows_the_members_declarations_across_meetings(make_app, committee, tui_store):
    previous, meeting = _meeting(tui_store, committee)
    joshi = tui_store.people.find("Joshi")
    tui_store.declarations.add(previous.id, joshi.id, "Other Disclosable Interest", INTEREST)
    tui_store.declarations.add(meeting.id, joshi.id, "Non-registrable Interest", "he knows the LCCL manager")
    history = tui_store.declarations.history_for(joshi.id, committee.id)
    assert [(m.date, d.nature) for m, d in history] == [
        (date(2021, 3, 9), "he knows the LCCL manager"), (date(2021, 1, 19), INTEREST)]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationHistoryDialog)
        assert _column(app, HistoryList, 0) == ["Tue 9 Mar 2021", "Tue 19 Jan 2021"]
        assert _column(app, HistoryList, 3) == ["he knows the LCCL manager", INTEREST]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationsScreen)


async def test_a_dpi_defaults_to_withdrew_and_remaining_is_recorded_with_a_warning(make_app, committee, tui_store):
    from store.declarations import DPI_WARNING

    _, meeting = _meeting(tui_store, committee)
    lccl = next(m for m in tui_store.minutes.list_for(meeting.id) if "LCCL" in m.title)
    app = make_app()
    said = listen(app, severity=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("n")
        await pilot.pause()
        action = app.screen.query_one("#field-action", Select)
        assert action.value == "remained"  # the default category is not a DPI
        await _choose(pilot, "category", DPI)
        assert action.value == "withdrew"  # a DPI: the member must not take part
        await _choose(pilot, "category", "Other Disclosable Interest")
        assert action.value == "remained"  # put back
        await _choose(pilot, "category", DPI)
        await _choose(pilot, "person_id", "Councillor March")
        await _choose(pilot, "item", f"{lccl.number}. {lccl.title}")
        await _type(pilot, "nature", "she is a director of LCCL")
        await _choose(pilot, "action", "remained in the meeting")  # what happened: she stayed
        await pilot.press("ctrl+s")
        await pilot.pause()
        [declaration] = tui_store.declarations.list_for(meeting.id)
        assert (declaration.category, declaration.action) == (DPI, "remained")  # recorded as it happened
        assert (DPI_WARNING, "warning") in said

        await pilot.press("e")  # editing keeps what was recorded: no silent change to "withdrew"
        await pilot.pause()
        assert app.screen.query_one("#field-action", Select).value == "remained"
        await _choose(pilot, "action", "withdrew from the meeting for the item")
        said.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert tui_store.declarations.list_for(meeting.id)[0].action == "withdrew"
        assert [m.kind for m in tui_store.attendance.movements_for(meeting.id)] == ["withdrew", "returned"]
        assert (DPI_WARNING, "warning") not in said


async def test_a_dpi_suggestion_opens_the_form_set_to_withdrew(make_app, committee, tui_store):
    _, meeting = _meeting(tui_store, committee)
    march = tui_store.people.find("March")
    tui_store.interests.add(march.id, DPI, "she is a director of LCCL")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("tab", "down")  # Joshi's standing interest, then March's DPI
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # which item, and did she withdraw? The form asks.
        values = app.screen.values()
        assert (values["person_id"], values["category"], values["nature"], values["action"]) == (
            march.id, DPI, "she is a director of LCCL", "withdrew")
        assert tui_store.declarations.list_for(meeting.id) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        [declaration] = tui_store.declarations.list_for(meeting.id)
        assert (declaration.name, declaration.action, declaration.interest_id is not None) == (
            "Councillor March", "withdrew", True)
