"""The Agenda pane, driven by keys alone: the store first, then the widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from textual.widgets import Static

from tests.notices import listen
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.dialogs.help import HelpScreen
from tui.screens.agenda_forms import ExportDialog, TopicDialog
from tui.widgets.agenda_lists import AgendaList, DocumentList

JANUARY, MARCH = date(2021, 1, 19), date(2021, 3, 9)
OPENING = ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "MINUTES OF THE PREVIOUS MEETING", "PETITIONS",
           "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE"]
CLOSING = ["WORK PROGRAMME", "ANY OTHER URGENT BUSINESS"]
URGENCY = "The agenda is published: an item added now is supplementary and needs the Chair's reasons for urgency"


@pytest.fixture
def march(tui_store, committee):
    """9 March 2021, scheduled, the next meeting from the frozen today; 19 January before it."""
    tui_store.meetings.add(committee.id, JANUARY)
    return tui_store.meetings.add(committee.id, MARCH)


@pytest.fixture
def reports(tmp_path, monkeypatch):
    """A 3-page PDF `r.pdf` and a Word file in the working folder, so paths stay short to type."""
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    with open(tmp_path / "r.pdf", "wb") as file:
        writer.write(file)
    (tmp_path / "w.docx").write_bytes(b"PK\x03\x04 not a report clerk can read")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def titles(store, meeting) -> list[str]:
    return [item.title for item in store.agenda.list_for(meeting.id)]


def shown(app) -> str:
    """What the agenda list shows on screen, line by line."""
    agenda = app.screen.query_one(AgendaList)
    return "\n".join(agenda.render_line(y).text.rstrip() for y in range(agenda.size.height))


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def start(pilot) -> None:
    """Open the Agenda pane and start the agenda from the standard items."""
    await pilot.press("2", "s")
    await pilot.pause()


async def test_build_an_agenda_by_keyboard(make_app, tui_store, march, reports):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        assert titles(tui_store, march) == OPENING + CLOSING
        await pilot.press("n", *"Budget", "ctrl+s")
        await pilot.pause()
        assert titles(tui_store, march) == OPENING + ["BUDGET"] + CLOSING
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"r.pdf", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+up")
        await pilot.pause()

        assert titles(tui_store, march) == OPENING[:4] + ["BUDGET", OPENING[4]] + CLOSING
        budget = tui_store.agenda.list_for(march.id)[4]
        [document] = tui_store.documents.list_for(budget.id)
        assert (document.kind, document.title, document.pages) == ("pdf", "R", 3)
        assert document.path == str(reports / "r.pdf")
        # The previous minutes (19 January, none taken yet) are Appendix A, so the report is B.
        assert " 5. BUDGET\n    Appendix B (Pages 1 - 3)" in shown(app)
        assert "Appendix B (Pages 1 - 3)" in text(app, "#item-detail")
        assert [str(cell) for cell in app.screen.query_one(DocumentList).get_row_at(0)] == ["B", "R", "PDF", "1 - 3"]
        assert "Publish by Mon 1 Mar 2021 MISSED" in text(app, "#agenda-header")

        await pilot.press("]")  # and back down below the questions
        await pilot.pause()
        assert titles(tui_store, march) == OPENING + ["BUDGET"] + CLOSING


@pytest.mark.parametrize(("path", "message"), [
    ("nope.pdf", "nope.pdf does not exist."),
    ("w.docx", "w.docx is not a PDF, Markdown (.md) or text (.txt) file."),
])
async def test_a_bad_file_is_reported_and_nothing_is_attached(make_app, tui_store, march, reports, path, message):
    app = make_app()
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("a", *path, "ctrl+s")
        await pilot.pause()
        assert any(message in line for line in said)
        assert isinstance(app.screen, FormDialog)  # the path can be corrected
        assert message in text(app, "#form-error")
        await pilot.press("escape")
        await pilot.pause()
    assert all(not tui_store.documents.list_for(item.id) or item.kind == "standard"
               for item in tui_store.agenda.list_for(march.id))
    apologies = tui_store.agenda.list_for(march.id)[0]
    assert tui_store.documents.list_for(apologies.id) == []


async def test_after_publication_a_new_item_needs_reasons_for_urgency(make_app, tui_store, march):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert "Publish the agenda of Tuesday 9 March 2021 today, Tuesday 2 March 2021?" in question
        assert "The last day to publish it is Monday 1 March 2021" in question
        await pilot.press("y")
        await pilot.pause()
        assert tui_store.meetings.get(march.id).status == "agenda-published"
        assert "Published 2 Mar 2021" in text(app, "#agenda-header")
        assert "changes are supplementary" in text(app, "#agenda-header")

        await pilot.press("n", *"Late", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert URGENCY in text(app, "#form-error")
        assert titles(tui_store, march) == OPENING + CLOSING
        await pilot.press("tab", *"Covid", "ctrl+s")  # the reasons sit just under the title
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        late = tui_store.agenda.list_for(march.id)[5]
        assert (late.title, late.supplementary, late.urgency_reasons) == ("LATE", True, "Covid")
        # Numbered after the item it follows; the published closing items keep 6 and 7.
        assert "5A. LATE  supplementary" in shown(app)
        assert " 6. WORK PROGRAMME" in shown(app) and " 7. ANY OTHER URGENT BUSINESS" in shown(app)

        await pilot.press("d")  # removing is refused after publication: withdraw instead
        await pilot.pause()
        assert "Withdraw 'LATE' instead?" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("y")
        await pilot.pause()
        assert tui_store.agenda.get(late.id).status == "withdrawn"
        assert "5A. LATE  WITHDRAWN" in shown(app)


async def test_a_work_programme_topic_is_one_key_away(make_app, tui_store, committee, march, frozen_today):
    topic = tui_store.programme.add(committee.id, "Dementia strategy", frozen_today, meeting_id=march.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        assert "1 topic for this meeting not on the agenda yet" in text(app, "#agenda-header")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TopicDialog)
        await pilot.press("1")
        await pilot.pause()
        assert not isinstance(app.screen, TopicDialog)
        assert titles(tui_store, march) == OPENING + ["DEMENTIA STRATEGY"] + CLOSING
        assert tui_store.programme.get(topic.id).status == "on-agenda"
        assert tui_store.programme.suggestions_for(march.id) == []
        assert "work programme" not in text(app, "#agenda-header").lower()
        assert "From the work programme." in text(app, "#item-detail")  # the cursor is on the new item


async def test_after_publication_a_topic_asks_for_reasons_for_urgency(make_app, tui_store, committee, march,
                                                                      frozen_today):
    kg = tui_store.officers.add(committee.body_id, "Kate Galoppi", initials="KG")
    topic = tui_store.programme.add(committee.id, "Dementia strategy", frozen_today, meeting_id=march.id,
                                    lead_officers="KG")
    tui_store.agenda.start_from_standard_items(march.id)
    tui_store.appendices.publish(march.id, frozen_today)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "t", "1")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # the topic's title and lead, and a place for the reasons
        assert app.screen.query_one("#field-title").value == "DEMENTIA STRATEGY"
        assert app.screen.query_one("#field-lead_officer_id").value == kg.id
        await pilot.press("tab", *"Cllr", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    item = tui_store.agenda.list_for(march.id)[5]
    assert (item.title, item.urgency_reasons, item.supplementary, item.lead_officer_id) == (
        "DEMENTIA STRATEGY", "Cllr", True, kg.id)
    assert tui_store.programme.get(topic.id).status == "on-agenda"


async def test_remove_withdraw_and_reorder_keep_the_cursor(make_app, tui_store, march):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("n", *"One", "ctrl+s", "n", *"Two", "ctrl+s")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert "Remove item 7, 'TWO', from the agenda?" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert "TWO" in titles(tui_store, march)
        await pilot.press("w")
        await pilot.pause()
        assert tui_store.agenda.list_for(march.id)[6].status == "withdrawn"
        await pilot.press("w", "ctrl+up", "ctrl+up")
        await pilot.pause()
        assert titles(tui_store, march) == OPENING[:4] + ["TWO", OPENING[4], "ONE"] + CLOSING
        assert tui_store.agenda.list_for(march.id)[4].status == "listed"
        assert "5. TWO" in text(app, "#item-detail")
        await pilot.press("d", "y")
        await pilot.pause()
        assert titles(tui_store, march) == OPENING + ["ONE"] + CLOSING
        assert "5. QUESTIONS" in text(app, "#item-detail")  # the cursor stays in its place
        await pilot.press("down", "ctrl+down", "ctrl+down")  # a business item stays before the closing items
        await pilot.pause()
        assert titles(tui_store, march) == OPENING + ["ONE"] + CLOSING


async def test_documents_to_follow_replace_label_remove(make_app, tui_store, march, reports):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("n", *"Budget", "ctrl+s", "f", *"Plan", "ctrl+s")
        await pilot.pause()
        budget = tui_store.agenda.list_for(march.id)[5]
        [plan] = tui_store.documents.list_for(budget.id)
        assert (plan.kind, plan.title, plan.pages) == ("to-follow", "Plan", None)
        assert "BUDGET  report to follow\n    Appendix B" in shown(app)
        await pilot.press("tab", "r", *"r.pdf", "ctrl+s")  # the report arrives
        await pilot.pause()
        assert tui_store.documents.get(plan.id).pages == 3
        await pilot.press("l", *"b1", "ctrl+s")
        await pilot.pause()
        assert tui_store.documents.get(plan.id).appendix_label == "B1"
        assert "Appendix B1 (Pages 1 - 3)" in shown(app)
        await pilot.press("x", "y")
        await pilot.pause()
        assert tui_store.documents.list_for(budget.id) == []
        assert "none: a attaches a report" == app.screen.query_one(DocumentList).border_subtitle


async def test_no_meeting_says_where_to_pick_one(make_app, committee):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.PANE_TITLE == "Agenda"
        header = text(app, "#agenda-header")
        assert "No meeting chosen" in header and "Meetings (key 1)" in header and "ctrl+o" in header
        await pilot.press("s", "n")  # nothing to act on: no form, no error
        await pilot.pause()
        assert app.screen.PANE_TITLE == "Agenda"


async def test_export_writes_the_agenda_in_the_background(make_app, tui_store, march, tmp_path, monkeypatch):
    pytest.importorskip("store.exports.agenda_markdown")
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app()
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path").value == "~/clerk-agenda-2021-03-09.md"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = tmp_path / "clerk-agenda-2021-03-09.md"
    assert "APOLOGIES FOR ABSENCE" in written.read_text()
    assert any(f"is written to {written}" in line for line in said)


async def test_export_the_pack_as_pdf(make_app, tui_store, march, reports, tmp_path, monkeypatch):
    pytest.importorskip("store.exports.agenda_markdown")
    monkeypatch.setenv("HOME", str(tmp_path))
    tui_store.agenda.start_from_standard_items(march.id)
    budget = tui_store.agenda.add(march.id, "Budget")
    tui_store.documents.attach(budget.id, reports / "r.pdf")
    app = make_app()
    said = listen(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "E", "enter", "down", "enter", "tab", "tab", "enter", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#export-path").value == "~/clerk-agenda-pack-2021-03-09.pdf"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = Path(tmp_path / "clerk-agenda-pack-2021-03-09.pdf")
    assert len(PdfReader(written).pages) > 3
    assert any("public agenda pack (PDF) is written to" in line for line in said)


async def test_help_and_palette_name_the_agenda_keys(make_app, march):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Agenda: Publish", "Agenda: New (item)", "Agenda: Replace (document)"} <= set(commands)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for line in ("Agenda pane: items (2)", "Agenda pane: documents (2)", "Standard items", "Replace",
                     "To follow", "Export"):
            assert line in keys


@pytest.mark.parametrize("height", [40, 14], ids=["whole-list", "list-scrolls"])
async def test_moving_the_cursor_repaints_what_it_leaves_and_reaches(make_app, march, height):
    """The list repaints only the two items the cursor moves between: what it shows after each
    move must be what it draws from nothing, highlight included, also when the list scrolls."""
    app = make_app()
    async with app.run_test(size=(120, height)) as pilot:
        await start(pilot)
        agenda = app.screen.query_one(AgendaList)
        crop = agenda.region.reset_offset

        def drawn() -> list[list[tuple[str, object]]]:
            return [[(segment.text, segment.style) for segment in strip] for strip in agenda.render_lines(crop)]

        scrolled = False
        for key in ("down", "down", "down", "up", "end", "up", "home", *["down"] * 6):
            await pilot.press(key)
            await pilot.pause()
            shown_now = drawn()
            agenda._styles_cache.clear()  # forget every painted line
            assert shown_now == drawn(), key
            scrolled = scrolled or agenda.scroll_offset.y > 0
        assert scrolled == (height == 14)
