"""The import dialog (i in the Meetings pane): a thread worker imports, the dialog lists what it did."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from tui.dialogs.import_files import FROM_FILE, ImportDialog, split_paths
from tui.screens.meetings import MeetingsScreen

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "asc-2021-03-09-agenda-pack.txt"
SUMMARY = ("Imported asc-2021-03-09-agenda-pack.txt: minutes 86-97 of 19 January 2021 (6 present, 1 declaration), "
           "agenda of 9 March 2021 (12 items, appendices A-F)")


@pytest.fixture
def pack():
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    return FIXTURE


async def _open(pilot) -> ImportDialog:
    await pilot.press("1", "i")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportDialog)
    return pilot.app.screen


async def _import(pilot, dialog: ImportDialog, path) -> None:
    """Put the path in the box (typing a long path is slow), press Enter, wait for the worker."""
    dialog.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _results(dialog: ImportDialog) -> list[str]:
    return [str(line.render()) for line in dialog.query("#import-results Static").results(Static)]


def _status(dialog: ImportDialog) -> str:
    return str(dialog.query_one("#import-status", Static).render())


def _table_dates(app) -> list[str]:
    table = app.screen.query_one("#meetings-table", DataTable)
    return [str(table.get_row_at(index)[1]) for index in range(table.row_count)]


def _counts(store) -> dict[str, int]:
    return {table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("committees", "meetings", "minutes", "agenda_items", "people", "imports")}


async def test_import_the_fixture_pack_from_the_meetings_pane(make_app, committee, tui_store, pack):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
        assert "i to import minutes or an agenda pack, or [ and ] to see other years" in detail
        dialog = await _open(pilot)
        assert dialog.query_one(Select).value == committee.name  # the committee in context
        assert dialog.query_one(Input).has_focus
        await _import(pilot, dialog, pack)
        january = tui_store.meetings.on(committee.id, "2021-01-19")
        assert [m.number for m in tui_store.minutes.list_for(january.id)] == list(range(86, 98))
        march = tui_store.meetings.on(committee.id, "2021-03-09")
        assert len(tui_store.agenda.list_for(march.id)) == 12
        assert tui_store.minute_numbers.first_for(march.id) == 98
        assert app.screen is dialog  # it stays open for the next file
        assert _results(dialog)[0] == SUMMARY
        assert "Done" in _status(dialog)
        assert dialog.query_one(Input).value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert _table_dates(app) == ["Tue 19 Jan 2021", "Tue 9 Mar 2021"]
        assert app.meeting_id == march.id  # no meeting was current: the imported agenda's is now


async def test_a_missing_path_says_so_stores_nothing_and_the_dialog_stays_usable(make_app, committee, tui_store,
                                                                                  pack):
    before = _counts(tui_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open(pilot)
        await pilot.press(*"nope.txt", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _results(dialog) == ["nope.txt does not exist."]
        assert "Nothing was stored" in _status(dialog)
        assert dialog.query_one(Input).value == "nope.txt"  # left to correct
        assert _counts(tui_store) == before
        await _import(pilot, dialog, pack)
        assert _results(dialog)[-1] == SUMMARY
    assert _counts(tui_store)["meetings"] == before["meetings"] + 2


async def test_importing_the_same_pack_twice_says_nothing_changed(make_app, committee, tui_store, pack):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open(pilot)
        await _import(pilot, dialog, pack)
        after_first = _counts(tui_store)
        await _import(pilot, dialog, pack)
        assert _results(dialog)[-1] == ("Skipped asc-2021-03-09-agenda-pack.txt: already imported on 2021-03-09; "
                                        "nothing changed.")
        assert "Nothing changed" in _status(dialog)
    assert _counts(tui_store) == after_first


async def test_several_files_at_once_each_get_their_line(make_app, committee, tui_store, pack, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open(pilot)
        await _import(pilot, dialog, f"{empty}; '{pack}'")
        assert _results(dialog) == ["empty.txt is empty.", SUMMARY]
        assert "2 files: 1 imported, 1 could not be imported" in _status(dialog)
        assert dialog.query_one(Input).value == str(empty)
    assert tui_store.meetings.on(committee.id, "2021-03-09") is not None


async def test_an_empty_database_imports_into_the_committee_the_file_names(make_app, tui_store, pack):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _open(pilot)
        assert dialog.query_one(Select).value == FROM_FILE
        await _import(pilot, dialog, pack)
        committee = tui_store.committees.by_name("Adult Social Care Scrutiny Commission")
        assert app.committee_id == committee.id  # every pane now follows it
        assert app.meeting_id == tui_store.meetings.on(committee.id, "2021-03-09").id
        await pilot.press("escape")
        await pilot.pause()
        assert _table_dates(app) == ["Tue 19 Jan 2021", "Tue 9 Mar 2021"]


def test_paths_split_on_semicolons_and_lines_without_quotes():
    assert split_paths(" a.txt; 'b c.pdf'\n\"d.md\" ;; ") == [Path("a.txt"), Path("b c.pdf"), Path("d.md")]
    assert split_paths("~/x.txt") == [Path.home() / "x.txt"]
    assert split_paths("  ") == []


async def test_progress_shows_and_closing_while_importing_finishes_the_file_only(make_app, committee, tui_store,
                                                                                   pack, monkeypatch):
    import store.importing

    started, go_on = threading.Event(), threading.Event()
    real_import = store.importing.import_file

    def held_import(*args, **kwargs):
        kwargs["progress"](3, 10, "storing")
        started.set()
        go_on.wait(5)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(store.importing, "import_file", held_import)
    app = make_app()
    said = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **options: said.append(message)
        dialog = await _open(pilot)
        dialog.query_one(Input).value = f"{pack}; {pack.parent / 'another-pack.txt'}"
        await pilot.press("enter")
        assert started.wait(5)
        await pilot.pause()
        bar = dialog.query_one(ProgressBar)
        assert bar.display and (bar.progress, bar.total) == (3, 10)
        assert _status(dialog) == "file 1 of 2: asc-2021-03-09-agenda-pack.txt: storing 3/10"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        go_on.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if len(said) == 2:
                break
        assert said == [SUMMARY, "The import was closed before another-pack.txt: not imported."]
        assert _table_dates(app) == ["Tue 19 Jan 2021", "Tue 9 Mar 2021"]  # the pane shows it all the same
    assert tui_store.meetings.on(committee.id, "2021-03-09") is not None
