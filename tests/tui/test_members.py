"""The Members pane, driven by keys alone: committees and settings, members, officer contacts, interests."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static, TextArea

from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.screens.members import MembersScreen
from tui.widgets.member_lists import CommitteeList, ContactList, InterestList, MemberList


def _column(app, kind, index: int = 0) -> list[str]:
    table = app.screen.query_one(kind)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


def _form_error(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def _fill(pilot, text: str) -> None:
    """Replace the focused input's text by typing."""
    pilot.app.screen.focused.value = ""
    await pilot.press(*text)


async def _choose(pilot, steps: int) -> None:
    """Open the focused Select and move `steps` options (negative: up) from the current one."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await pilot.pause()


async def _open_pane(pilot, lists_down: int = 0) -> None:
    await pilot.press("9")
    await pilot.pause()
    await pilot.press(*["tab"] * lists_down)
    await pilot.pause()


async def test_key_9_opens_the_pane_with_its_four_lists(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        assert isinstance(app.screen, MembersScreen)
        assert _column(app, CommitteeList) == [committee.name]
        assert _column(app, MemberList, 0) == ["Councillor Joshi"]
        assert _column(app, MemberList, 1) == ["Chair"]
        assert isinstance(app.screen.focused, CommitteeList)
        for kind in (MemberList, ContactList, InterestList, CommitteeList):
            await pilot.press("tab")
            assert isinstance(app.screen.focused, kind)
        await pilot.press("shift+tab")
        assert isinstance(app.screen.focused, InterestList)


async def test_the_footer_shows_the_verbs_of_the_focused_list(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)

        def verbs() -> dict[str, str]:
            return {key: b.binding.description for key, b in app.screen.active_bindings.items()
                    if b.binding.show}

        assert verbs()["n"] == "New committee" and verbs()["s"] == "Settings" and "a" not in verbs()
        await pilot.press("tab")
        assert verbs()["a"] == "Add member" and verbs()["d"] == "Remove member" and "n" not in verbs()
        await pilot.press("tab")
        assert verbs()["a"] == "Add officer" and verbs()["d"] == "Remove contact"
        await pilot.press("tab")
        assert verbs()["a"] == "Add interest"
        # nothing to edit yet: the verb is there, greyed out
        assert app.screen.active_bindings["e"].enabled is False


async def test_create_a_committee_by_keyboard(make_app, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Health Scrutiny Commission", "tab", *"Leicester City Council", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    [created] = tui_store.committees.list()
    assert created.name == "Health Scrutiny Commission"
    assert tui_store.committees.body(created.body_id).name == "Leicester City Council"
    assert [item.title for item in tui_store.standard_items.list_for(created.id)][0] == "APOLOGIES FOR ABSENCE"
    assert app.committee_id == created.id
    assert tui_store.ui_state.get_int("committee_id") == created.id


async def test_a_new_committee_joins_the_current_council(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#field-council").value == "Leicester City Council"
        await pilot.press(*"Health Scrutiny Commission", "ctrl+s")
        await pilot.pause()
        new = next(c for c in tui_store.committees.list() if c.id != committee.id)
        assert new.body_id == committee.body_id
        assert app.committee_id == new.id
        assert _column(app, CommitteeList) == ["Adult Social Care Scrutiny Commission", "Health Scrutiny Commission"]
        assert app.screen.query_one(CommitteeList).selected_id() == new.id


async def test_rename_a_committee(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("r")
        await pilot.pause()
        await _fill(pilot, "Adult Social Care Scrutiny Commission [2021]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _column(app, CommitteeList) == ["Adult Social Care Scrutiny Commission [2021]"]
    assert tui_store.committees.get(committee.id).name == "Adult Social Care Scrutiny Commission [2021]"


async def test_highlighting_a_committee_makes_it_current(make_app, committee, tui_store):
    health = tui_store.committees.add("Health Scrutiny Commission", council="Leicester City Council")
    tui_store.members.add(health.id, "Kitterick", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        assert app.committee_id == committee.id
        await pilot.press("down")
        await pilot.pause()
        assert app.committee_id == health.id
        assert _column(app, MemberList) == ["Councillor Kitterick"]
        await pilot.press("up")
        await pilot.pause()
        assert app.committee_id == committee.id
        assert _column(app, MemberList) == []
    assert tui_store.ui_state.get_int("committee_id") == committee.id


async def test_change_a_setting(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("tab", "tab", "tab", "tab")  # quorum, fixed number, month, day: clear days
        assert app.screen.focused.id == "field-clear_days"
        await _fill(pilot, "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        summary = dict(app.screen.query_one("#committee-summary").lines)
        assert summary["Publish"].startswith("3 clear working days before")
    stored = tui_store.committees.get(committee.id)
    assert stored.clear_days == 3
    # everything else as it was
    assert (stored.default_place, stored.agenda_setting_days, stored.quorum_rule) == (
        "Virtual Meeting using Zoom", 15, "quarter-min-3")
    assert len(tui_store.standard_items.list_for(committee.id)) == 7


async def test_settings_save_the_standard_items_and_categories(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#field-closing_items", TextArea).text = "Work programme\n\nAny other urgent business\n"
        app.screen.query_one("#field-declaration_categories", TextArea).text = "Disclosable Pecuniary Interest\nOther"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    closing = [i.title for i in tui_store.standard_items.list_for(committee.id) if i.placement == "closing"]
    assert closing == ["WORK PROGRAMME", "ANY OTHER URGENT BUSINESS"]
    assert tui_store.committees.get(committee.id).declaration_categories == ("Disclosable Pecuniary Interest", "Other")


async def test_a_bad_setting_keeps_the_form_open_and_changes_nothing(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#field-opening_items", TextArea).text = "APOLOGIES FOR ABSENCE"
        await pilot.press("tab", "tab", "tab", "tab")
        await _fill(pilot, "three")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "number of clear days must be a whole number" in _form_error(app)
    assert tui_store.committees.get(committee.id).clear_days == 5
    assert len(tui_store.standard_items.list_for(committee.id)) == 7


async def test_empty_committee_name_keeps_the_form_open(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "committee's name is empty" in _form_error(app)
        await pilot.press("escape")
        await pilot.pause()
    assert [c.id for c in tui_store.committees.list()] == [committee.id]


async def test_add_a_chair_by_keyboard(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Joshi", "tab", "tab")  # the title stays Councillor
        await _choose(pilot, -2)  # from Member up to Chair
        await pilot.press("tab")
        await pilot.press(*"1 May 2020", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert _column(app, MemberList, 0) == ["Councillor Joshi"]
        assert _column(app, MemberList, 1) == ["Chair"]
        assert _column(app, MemberList, 3) == ["1 May 2020"]
    [member] = tui_store.members.list_for(committee.id)
    person = member.person
    assert (person.name, person.title, member.role, member.voting) == ("Joshi", "Councillor", "chair", True)
    assert member.start_date == date(2020, 5, 1) and member.end_date is None


async def test_a_second_chair_keeps_the_form_open(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("a", *"March", "tab", "tab")
        await _choose(pilot, -2)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "Councillor Joshi is already Chair" in _form_error(app)
    assert [m.person.name for m in tui_store.members.list_for(committee.id)] == ["Joshi"]


async def test_bad_member_dates_keep_the_form_open(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("a", *"Batool", "tab", "tab", "tab", *"2021-02-30", "ctrl+s")
        await pilot.pause()
        assert "not a real start date" in _form_error(app)
        await _fill(pilot, "2021-03-01")
        await pilot.press("tab", *"2021-02-01", "ctrl+s")
        await pilot.pause()
        assert "is before the start date" in _form_error(app)
        await _fill(pilot, "")
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        await _fill(pilot, "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "member's name is empty" in _form_error(app)
    assert tui_store.members.list_for(committee.id) == []


async def test_edit_a_members_role(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    march = tui_store.members.add(committee.id, "March", role="member")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("down", "e")
        await pilot.pause()
        assert app.screen.query_one("#field-name").value == "March"
        await pilot.press("tab", "tab")
        await _choose(pilot, -1)  # Member up to Vice-Chair
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _column(app, MemberList, 1) == ["Chair", "Vice-Chair"]
    assert tui_store.members.get(march.id).role == "vice-chair"


async def test_remove_a_member_after_confirming(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    tui_store.members.add(committee.id, "Kitterick")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Councillor Kitterick" in str(app.screen.query_one("#question").render())
        await pilot.press("n")  # asked, and answered no
        await pilot.pause()
        assert len(tui_store.members.list_for(committee.id)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert _column(app, MemberList) == ["Councillor Joshi"]
    assert [m.person.name for m in tui_store.members.list_for(committee.id)] == ["Joshi"]


async def test_add_an_officer_contact(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=2)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Angie Smith", "tab", "tab", *"Democratic Support Officer", "tab", *"(0116) 454 6354",
                          "tab", *"angie.smith@leicester.gov.uk", "ctrl+s")  # contact role blank: the job title
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert _column(app, ContactList, 0) == ["Angie Smith"]
        assert _column(app, ContactList, 2) == ["Democratic Support Officer"]
    [contact] = tui_store.officers.contacts_for(committee.id)
    assert contact.role == "Democratic Support Officer"
    assert (contact.officer.name, contact.officer.body_id, contact.officer.phone) == (
        "Angie Smith", committee.body_id, "(0116) 454 6354")


async def test_an_officer_the_council_has_already_becomes_a_contact(make_app, committee, tui_store):
    kate = tui_store.officers.add(committee.body_id, "Kate Galoppi", initials="KG")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=2)
        await pilot.press("a")
        await pilot.pause()
        await _choose(pilot, 1)  # "A new officer" down to Kate Galoppi
        await pilot.press("tab", "tab", "tab", *"Head of Procurement", "tab", "tab", "tab", *"Report author", "ctrl+s")
        await pilot.pause()
        assert _column(app, ContactList, 0) == ["Kate Galoppi (KG)"]
    [contact] = tui_store.officers.contacts_for(committee.id)
    assert (contact.officer.id, contact.role) == (kate.id, "Report author")
    assert contact.officer.job_title == "Head of Procurement"
    assert len(tui_store.officers.list(committee.body_id)) == 1


async def test_a_contact_without_a_name_writes_nothing(make_app, committee, tui_store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=2)
        await pilot.press("a", "tab", "tab", *"Democratic Support Officer", "ctrl+s")
        await pilot.pause()
        assert "officer's name is empty" in _form_error(app)
        await _fill(pilot, "")
        await pilot.press("shift+tab", "shift+tab", *"Angie Smith", "ctrl+s")
        await pilot.pause()
        assert "contact's role is empty" in _form_error(app)
    assert tui_store.officers.list() == [] and tui_store.officers.contacts_for(committee.id) == []


async def test_edit_and_remove_an_officer_contact(make_app, committee, tui_store):
    angie = tui_store.officers.add(committee.body_id, "Angie Smith", job_title="Democratic Support Officer")
    tui_store.officers.add_contact(committee.id, angie.id, "Democratic Support Officer")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=2)
        await pilot.press("e", "tab", *"as", "tab", "tab", "tab", "tab")
        await _fill(pilot, "Clerk to the Commission")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert tui_store.officers.contacts_for(committee.id)[0].role == "Clerk to the Commission"
        assert tui_store.officers.get(angie.id).initials == "AS"
        await pilot.press("d", "y")
        await pilot.pause()
        assert _column(app, ContactList) == []
    assert tui_store.officers.contacts_for(committee.id) == []
    assert tui_store.officers.get(angie.id).name == "Angie Smith"  # the officer's record stays


async def test_register_an_interest_of_the_highlighted_member(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Batool")
    joshi = tui_store.members.add(committee.id, "Joshi", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        assert app.screen.query_one(InterestList).border_title == "Register of interests: Councillor Joshi"
        await pilot.press("tab", "tab", "a")  # past the officer contacts to the register
        await pilot.pause()
        assert "Councillor Joshi" in app.screen.form_title
        await _choose(pilot, 1)  # Disclosable Pecuniary down to Other Disclosable Interest
        await pilot.press("tab", *"his wife worked for the Reablement Team", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        assert _column(app, InterestList, 1) == ["his wife worked for the Reablement Team"]
    [interest] = tui_store.interests.list_for(joshi.person.id)
    assert interest.category == "Other Disclosable Interest"
    assert interest.registered_on == date(2021, 3, 2)  # today, unless the clerk types another day


async def test_interests_follow_the_member_and_can_be_edited_and_removed(make_app, committee, tui_store):
    joshi = tui_store.members.add(committee.id, "Joshi", role="chair")
    tui_store.members.add(committee.id, "March", role="vice-chair")
    tui_store.interests.add(joshi.person.id, "Other Disclosable Interest", "his wife works for the council")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        assert _column(app, InterestList, 1) == ["his wife works for the council"]
        await pilot.press("down")
        await pilot.pause()
        assert _column(app, InterestList) == []
        await pilot.press("up", "tab", "tab", "e", "tab")
        await pilot.pause()
        app.screen.focused.text = "his wife worked for the Reablement Team"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _column(app, InterestList, 1) == ["his wife worked for the Reablement Team"]
        await pilot.press("d", "y")
        await pilot.pause()
        assert _column(app, InterestList) == []
    assert tui_store.interests.list_for(joshi.person.id) == []


async def test_database_text_is_never_markup(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Smith [Chair]", title="[bold]Cllr")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot)
        assert _column(app, MemberList) == ["[bold]Cllr Smith [Chair]"]
        assert "Smith [Chair]" in app.screen.query_one(InterestList).border_title


async def test_enter_edits_and_the_palette_offers_every_verb(make_app, committee, tui_store):
    tui_store.members.add(committee.id, "Joshi", role="chair")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_pane(pilot, lists_down=1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and app.screen.form_title == "Edit Councillor Joshi"
        await pilot.press("escape")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Members: Add member (members)" in titles
        assert "Members: Settings (committees)" in titles
