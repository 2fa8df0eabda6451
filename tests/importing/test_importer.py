"""Importing packs into the store: what lands in which table, idempotence, one transaction per file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from store import Store
from store.demo import build_demo
from store.errors import Conflict, InvalidInput
from store.exports.meeting_json import meeting_as_dict
from store.exports.minutes_markdown import minutes_markdown
from store.importing import import_file, importer
from store.pdf_render import text_to_pdf
from tests.importing.test_parse import AGENDA_TITLES, FIXTURE, MINUTE_TITLES, RESOLUTION_COUNTS
from tests.importing.variants import LICENSING_MINUTES, NO_MEETING, PLACE_PACK, PLACE_RESOLUTIONS, pdf_with_furniture

NOW = datetime(2024, 6, 3, 9, 0)
ASC = "Adult Social Care Scrutiny Commission"


@pytest.fixture
def fixture_file():
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    return FIXTURE


@pytest.fixture
def rows(store):
    """Rows in every table, so a test can show that nothing at all changed."""

    def rows() -> dict[str, int]:
        names = [r["name"] for r in store.db.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                   "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'")]
        return {name: store.db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}

    return rows


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _meeting(store, day: str):
    committee = store.committees.by_name(ASC)
    return store.meetings.on(committee.id, day)


# ---------------------------------------------------------------- the fixture
def test_fixture_minutes_meeting(store, fixture_file):
    report = import_file(store, fixture_file, now=NOW)
    assert report.summary_line() == (
        "Imported asc-2021-03-09-agenda-pack.txt: minutes 86-97 of 19 January 2021 (6 present, 1 declaration), "
        "agenda of 9 March 2021 (12 items, appendices A-F)")
    january = _meeting(store, "2021-01-19")
    assert january.status == "minutes-confirmed"
    exported = meeting_as_dict(store, january.id)
    assert (exported["start"], exported["closed_at"], exported["first_minute_number"]) == ("17:30", "20:11", 86)
    assert [(a["name"], a["role"], a["status"]) for a in exported["attendance"]] == [
        ("Joshi", "chair", "present"), ("March", "vice-chair", "present"), ("Batool", "member", "present"),
        ("Kaur Saini", "member", "present"), ("Kitterick", "member", "present"), ("Thalukdar", "member", "present"),
    ]
    assert exported["declarations"] == [{
        "member": "Joshi", "category": "Other Disclosable Interest",
        "nature": "his wife worked for the Reablement Team at Leicester City Council", "minute": 87,
        "action": "remained",
    }]
    assert {m["number"]: m["title"] for m in exported["minutes"]} == MINUTE_TITLES
    assert {m["number"]: len(m["resolutions"]) for m in exported["minutes"]} == RESOLUTION_COUNTS
    assert {m["status"] for m in exported["minutes"]} == {"confirmed"}
    minute_92 = next(m for m in exported["minutes"] if m["number"] == 92)
    assert minute_92["resolutions"] == ["That the members of the Commission be requested to note the report."]
    # Confirmed when the meeting the pack is for took them as a correct record.
    assert {m.confirmed_at for m in store.minutes.list_for(january.id)} == {"2021-03-09T17:30:00"}


def test_fixture_agenda_meeting(store, fixture_file):
    import_file(store, fixture_file, now=NOW)
    march = _meeting(store, "2021-03-09")
    assert (march.status, march.place) == ("agenda-published", "Virtual Meeting using Zoom")
    assert store.minute_numbers.first_for(march.id) == 98
    assert meeting_as_dict(store, march.id)["first_minute_number"] == 98
    items = store.agenda.list_for(march.id)
    assert [i.title for i in items] == AGENDA_TITLES
    assert [i.position for i in items] == list(range(1, 13))
    # Published numbers, as the pack prints them: an item added later is 10A, never a renumbering.
    assert [i.published_number for i in items] == [str(n) for n in range(1, 13)]
    assert [i.standard_key for i in items] == [
        "apologies", "declarations", "previous-minutes", "petitions", "questions",
        None, None, None, None, None, "work-programme", "urgent-business"]
    assert [i.title for i in items if i.verbal_update] == ["COVID-19 UPDATE"]
    documents = list(store.db.query(
        "SELECT d.appendix_label, d.first_page, d.pages, d.kind, i.position FROM documents d "
        "JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = ? ORDER BY i.position", [march.id]))
    assert [(d["position"], d["appendix_label"], d["first_page"], d["pages"]) for d in documents] == [
        (3, "A", 1, 8), (6, "B", 9, 6), (7, "C", None, None), (8, "D", 15, 38), (9, "E", 53, 62), (11, "F", 115, 4)]
    assert {d["kind"] for d in documents} == {"imported"}


def test_new_committee_and_its_members_for_the_year(store, fixture_file):
    import_file(store, fixture_file, council="Leicester City Council", now=NOW)
    (committee,) = store.committees.list()
    assert committee.name == ASC and committee.resolution_word == "AGREED"
    assert store.committees.body(committee.body_id).name == "Leicester City Council"
    members = store.members.list_for(committee.id, on=date(2021, 1, 19))
    assert [(m.person.name, m.role) for m in members[:2]] == [("Joshi", "chair"), ("March", "vice-chair")]
    assert {(m.start_date, m.end_date) for m in members} == {(date(2020, 5, 1), date(2021, 4, 30))}
    assert len(members) == 6
    search = store.search.search("LCCL", committee_id=committee.id)
    assert any(hit.number == 91 for hit in search)


def test_into_an_existing_committee_named_on_the_command_line(store, fixture_file):
    existing = store.committees.add("ASC Scrutiny", council="Leicester City Council")
    store.members.add(existing.id, "Joshi", role="chair", start_date="2019-05-01")
    report = import_file(store, fixture_file, committee_name="asc scrutiny", now=NOW)
    assert [c.name for c in store.committees.list()] == ["ASC Scrutiny"]
    assert report.committee == "ASC Scrutiny"
    assert any("imported into ASC Scrutiny" in w for w in report.warnings)
    joshi = [m for m in store.members.list_for(existing.id) if m.person.name == "Joshi"]
    assert len(joshi) == 1  # the membership clerk knew is used, not a second one
    assert store.db.execute("SELECT count(*) FROM people WHERE name = 'Joshi'").fetchone()[0] == 1


# ---------------------------------------------------------------- importing twice
def test_the_same_file_twice_changes_nothing(store, rows, fixture_file):
    import_file(store, fixture_file, now=NOW)
    before = rows()
    again = import_file(store, fixture_file, now=datetime(2024, 7, 1))
    assert again.already_imported_on == "2024-06-03" and not again.changed
    assert again.summary_line() == ("Skipped asc-2021-03-09-agenda-pack.txt: already imported on 2024-06-03; "
                                    "nothing changed.")
    assert rows() == before


def test_the_same_minutes_in_another_file_are_not_imported_twice(store, rows, fixture_file, tmp_path):
    import_file(store, fixture_file, now=NOW)
    text = fixture_file.read_text(encoding="utf-8")
    minutes_only = text[text.index("Minutes of the Meeting"): text.index("Appendix B1")]
    before = rows()
    report = import_file(store, _write(tmp_path, "minutes-2021-01-19.txt", minutes_only), now=NOW)
    assert report.minutes.stored is False and not report.changed
    assert report.summary_line() == ("Nothing new in minutes-2021-01-19.txt: minutes 86-97 of 19 January 2021 "
                                     "(already in clerk)")
    assert report.warnings == ()
    after = rows()
    assert after.pop("imports") == before.pop("imports") + 1
    assert after == before


def test_a_meeting_with_an_agenda_is_left_alone(store, fixture_file, tmp_path):
    import_file(store, fixture_file, now=NOW)
    text = fixture_file.read_text(encoding="utf-8")
    changed = text[: text.index("Appendix A\n")].replace("PROCUREMENT PLAN FOR 2021/23", "PROCUREMENT PLAN")
    report = import_file(store, _write(tmp_path, "agenda.txt", changed), now=NOW)
    assert report.agenda.stored is False
    assert any("already has another agenda" in w for w in report.warnings)
    assert report.summary_line() == "Nothing new in agenda.txt: agenda of 9 March 2021 (already in clerk)"
    assert "PROCUREMENT PLAN FOR 2021/23" in [i.title for i in store.agenda.list_for(_meeting(store, "2021-03-09").id)]


# ---------------------------------------------------------------- files that are not packs
@pytest.mark.parametrize("name, content, message", [
    ("pack.pdf", "MEETING OF THE X COMMITTEE\n\nDATE: 1 May 2023\n", "is not a PDF"),
    ("empty.txt", "  \n\n", "is empty"),
    ("image.txt", bytes(range(256)) * 8, "binary"),
    ("report.txt", NO_MEETING, "holds no meeting clerk can import"),
    ("broken.pdf", b"%PDF-1.7\nthis is not really a PDF at all", "could not be read as a PDF"),
])
def test_files_that_are_not_packs_store_nothing(store, rows, tmp_path, name, content, message):
    before = rows()
    with pytest.raises(InvalidInput, match=message):
        import_file(store, _write(tmp_path, name, content), now=NOW)
    assert rows() == before


def test_a_missing_file(store, tmp_path):
    with pytest.raises(InvalidInput, match="does not exist"):
        import_file(store, tmp_path / "nowhere.pdf")


def test_text_not_in_utf8_is_read_as_windows_1252(store, tmp_path):
    report = import_file(store, _write(tmp_path, "place.txt", PLACE_PACK.encode("cp1252")), now=NOW)
    assert any("not UTF-8" in w and "Windows-1252" in w for w in report.warnings)
    committee = store.committees.by_name("Place Scrutiny Committee")
    minute = store.minutes.by_number(committee.id, 2021, 44)
    assert "pothole repairs – £1.2 million" in minute.body


# ---------------------------------------------------------------- one transaction per file
def test_a_failure_half_way_leaves_no_half_meeting(store, rows, fixture_file, monkeypatch):
    before = rows()

    def broken_agenda(self, committee, parsed):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(importer._Writer, "agenda", broken_agenda)
    with pytest.raises(RuntimeError):
        import_file(store, fixture_file, now=NOW)
    assert rows() == before


def test_minute_numbers_another_meeting_holds_stop_the_whole_file(store, rows, fixture_file, tmp_path):
    import_file(store, fixture_file, now=NOW)
    before = rows()
    clash = ("MEETING OF THE ADULT SOCIAL CARE SCRUTINY COMMISSION\n\nDATE: 20 APRIL 2021\n\n"
             "1. APOLOGIES FOR ABSENCE\n\n"
             "Appendix A\n\nMinutes of the Meeting of the ADULT SOCIAL CARE SCRUTINY COMMISSION\n\n"
             "Held: TUESDAY, 2 FEBRUARY 2021 at 5:30 pm\n\nPRESENT:\n\nCouncillor Newman\n\n"
             "90. APOLOGIES FOR ABSENCE\n\nNone.\n\n91. PETITIONS\n\nNone.\n")
    with pytest.raises(Conflict, match="Minute 90 of 2020/21 is already the meeting of 19 January 2021's"):
        import_file(store, _write(tmp_path, "clash.txt", clash), now=NOW)
    assert rows() == before


# ---------------------------------------------------------------- variants
def test_another_council_in_resolved_style(store, tmp_path):
    report = import_file(store, _write(tmp_path, "place.txt", PLACE_PACK), council="Borsetshire County Council",
                         now=NOW)
    committee = store.committees.by_name("Place Scrutiny Committee")
    assert committee.resolution_word == "RESOLVED"
    assert store.committees.body(committee.body_id).name == "Borsetshire County Council"
    assert report.summary_line().endswith("agenda of 12 May 2022 (8 items, appendices A-D)")
    april = store.meetings.on(committee.id, "2022-04-06")
    exported = meeting_as_dict(store, april.id)
    assert exported["closed_at"] == "15:47"
    assert {m["number"]: m["resolutions"] for m in exported["minutes"] if m["resolutions"]} == PLACE_RESOLUTIONS
    attendance = {a["name"]: (a["status"], a["substitute_for"]) for a in exported["attendance"]}
    assert attendance["Hale"] == ("substitute", "Dunn")
    assert attendance["Dunn"] == ("apologies", None) and attendance["Whitfield"] == ("apologies", None)
    assert attendance["Brennan"] == ("present", None)
    assert [(d["member"], d["minute"], d["action"]) for d in exported["declarations"]] == [
        ("Ahmed", 45, "withdrew"), ("Ellis-Jones", 45, "remained")]
    assert [(o.name, o.role) for o in store.attendance.others_for(april.id)] == [
        ("Councillor Price", "Cabinet Member for Highways"), ("Sarah Lund", "Democratic Services Officer")]
    may = store.meetings.on(committee.id, "2022-05-12")
    assert store.minute_numbers.first_for(may.id) == 1  # a new municipal year starts at 1
    chairs = {m.start_date.year: m.person.name for m in store.members.list_for(committee.id) if m.role == "chair"}
    assert chairs == {2021: "Okafor", 2022: "Okafor"}
    labels = [(r["appendix_label"], r["first_page"], r["pages"]) for r in store.db.query(
        "SELECT appendix_label, first_page, pages FROM documents ORDER BY id")]
    assert labels == [("A", 1, 6), ("B1", 7, 14), ("B2", 21, 1), ("C", 22, 9), ("D", 31, 4)]


def test_a_minutes_only_file(store, tmp_path):
    report = import_file(store, _write(tmp_path, "licensing.txt", LICENSING_MINUTES), now=NOW)
    assert report.agenda is None
    assert report.summary_line() == ("Imported licensing.txt: minutes 23-27 of 14 November 2022 "
                                     "(5 present, 0 declarations)")
    committee = store.committees.by_name("Licensing and Regulatory Committee")
    meeting = store.meetings.on(committee.id, "2022-11-14")
    assert (meeting.status, str(meeting.closed_at)) == ("minutes-confirmed", "19:05:00")
    assert {m.confirmed_at for m in store.minutes.list_for(meeting.id)} == {"2024-06-03T09:00:00"}
    assert [e.name for e in store.attendance.list_for(meeting.id) if e.status == "apologies"] == [
        "Councillor Grant", "Councillor Yusuf"]


def _minutes_of(store, day: str):
    (meeting,) = [m for c in store.committees.list() for m in store.meetings.list_for(c.id) if str(m.date) == day]
    return [(m.number, m.title, [r.text.replace("–", "-") for r in store.resolutions.list_for(m.id)])
            for m in store.minutes.list_for(meeting.id)]


def test_a_pdf_made_from_the_text(tmp_path):
    with Store(tmp_path / "text.db") as from_text, Store(tmp_path / "pdf.db") as from_pdf:
        text_report = import_file(from_text, _write(tmp_path, "place.txt", PLACE_PACK), now=NOW)
        pdf_report = import_file(from_pdf, _write(tmp_path, "place.pdf", text_to_pdf(PLACE_PACK)), now=NOW)
        assert pdf_report.summary_line() == text_report.summary_line().replace("place.txt", "place.pdf")
        assert _minutes_of(from_pdf, "2022-04-06") == _minutes_of(from_text, "2022-04-06")
        documents = "SELECT appendix_label, first_page, pages FROM documents ORDER BY id"
        assert list(from_pdf.db.query(documents)) == list(from_text.db.query(documents))


def test_a_pdf_with_running_headers_and_page_numbers(tmp_path):
    text = LICENSING_MINUTES.replace("Page 7\n\f", "").replace("Page 8\n\f", "").replace("Page 9\n", "")
    long_paragraph = "The Licensing Manager answered questions about the fees and charges. " * 40
    text = text.replace("Members welcomed the proposals", long_paragraph + "Members welcomed the proposals")
    data = pdf_with_furniture(text.replace("Licensing and Regulatory Committee - 14 November 2022\n", ""),
                              "Licensing and Regulatory Committee - 14 November 2022")
    with Store(tmp_path / "pdf.db") as store:
        progress = []
        import_file(store, _write(tmp_path, "licensing.pdf", data), now=NOW,
                    progress=lambda done, total, stage: progress.append((done, total, stage)))
        pages = [p for p in progress if p[2] == "reading pages"]
        assert len(pages) >= 2 and pages[-1][0] == pages[-1][1]
        (meeting,) = store.meetings.list_for(store.committees.list()[0].id)
        minutes = store.minutes.list_for(meeting.id)
        assert [m.number for m in minutes] == [23, 24, 25, 26, 27]
        assert not any("Page " in m.body or "14 November 2022" in m.body for m in minutes)
        assert [r.text for r in store.resolutions.list_for(minutes[2].id)] == [
            "That the revised policy be recommended to Council for adoption;",
            "That the vehicle age limit be reviewed in two years."]
        assert str(meeting.closed_at) == "19:05:00"


def test_the_fixture_as_a_pdf(tmp_path, fixture_file):
    text = fixture_file.read_text(encoding="utf-8")
    front = text[: text.index("Appendix B1")]  # front sheet, agenda and minutes: enough pages, quick to render
    with Store(tmp_path / "pdf.db") as store:
        report = import_file(store, _write(tmp_path, "pack.pdf", text_to_pdf(front)), now=NOW)
        assert report.summary_line().startswith("Imported pack.pdf: minutes 86-97 of 19 January 2021 (6 present, "
                                                "1 declaration), agenda of 9 March 2021 (12 items, appendices A-F)")
        january = _meeting(store, "2021-01-19")
        exported = meeting_as_dict(store, january.id)
        assert {m["number"]: m["title"] for m in exported["minutes"]} == MINUTE_TITLES
        assert {m["number"]: len(m["resolutions"]) for m in exported["minutes"]} == RESOLUTION_COUNTS
        assert exported["closed_at"] == "20:11"
        assert store.minute_numbers.first_for(_meeting(store, "2021-03-09").id) == 98


def test_our_own_markdown_export_comes_back_the_same(tmp_path):
    with Store(tmp_path / "demo.db") as demo:
        committee = build_demo(demo, today=date(2026, 1, 15))
        january = demo.meetings.on(committee.id, "2021-01-19")
        first = demo.resolutions.list_for(demo.minutes.list_for(january.id)[5].id)[0]
        demo.actions.add(committee.id, "Share the benchmarking data", resolution_id=first.id, owner="KG")
        markdown = minutes_markdown(demo, january.id)
        expected = [(m.number, m.title, m.body, [r.text for r in demo.resolutions.list_for(m.id)])
                    for m in demo.minutes.list_for(january.id)]
    with Store(tmp_path / "fresh.db") as fresh:
        report = import_file(fresh, _write(tmp_path, "minutes-2021-01-19.md", markdown), now=NOW)
        assert report.warnings == ()
        meeting = _meeting(fresh, "2021-01-19")
        got = [(m.number, m.title, m.body, [r.text for r in fresh.resolutions.list_for(m.id)])
               for m in fresh.minutes.list_for(meeting.id)]
        assert got == expected
        assert minutes_markdown(fresh, meeting.id) == markdown
        (action,) = list(fresh.db.query("SELECT description, owner FROM actions"))
        assert action == {"description": "Share the benchmarking data", "owner": "KG"}


def test_private_minutes_from_our_export_come_back_exempt(tmp_path):
    with Store(tmp_path / "made.db") as made:
        committee = made.committees.add("Test Committee", "Test Council", default_time="10:00")
        made.members.add(committee.id, "Able", role="chair", start_date="2020-05-01")
        meeting = made.meetings.add(committee.id, "2020-09-01")
        made.agenda.start_from_standard_items(meeting.id)
        made.agenda.add(meeting.id, "Private contract", exempt_paragraph=3)
        made.attendance.set(meeting.id, made.people.find("Able").id, "present")
        minutes = made.minutes.take_agenda(meeting.id)
        secret = next(m for m in minutes if m.title == "PRIVATE CONTRACT")
        made.minutes.update(secret.id, body="Bid prices were discussed.")
        resolution = made.resolutions.add(secret.id, "That the bid be accepted.")
        made.actions.add(committee.id, "Sign the contract", resolution_id=resolution.id, owner="Head of Procurement")
        markdown = minutes_markdown(made, meeting.id, private=True)
    with Store(tmp_path / "fresh.db") as fresh:
        report = import_file(fresh, _write(tmp_path, "private.md", markdown), now=NOW)
        assert report.warnings == ("The file says these minutes are drafts; clerk imports them as confirmed.",)
        (committee,) = fresh.committees.list()
        assert committee.resolution_word == "AGREED"  # not the exclusion's RESOLVED
        meeting = fresh.meetings.on(committee.id, "2020-09-01")
        secret = next(m for m in fresh.minutes.list_for(meeting.id) if m.title == "PRIVATE CONTRACT")
        assert (secret.exempt_paragraph, secret.body) == (3, "Bid prices were discussed.")
        assert [r.text for r in fresh.resolutions.list_for(secret.id)] == ["That the bid be accepted."]
        again = minutes_markdown(fresh, meeting.id, private=True)
        status = "Status: draft minutes, not yet confirmed\n\n"
        assert again.replace("Status: confirmed as a correct record on 3 June 2024\n\n", status) == markdown
        assert "Bid prices" not in minutes_markdown(fresh, meeting.id)


def test_minutes_of_a_meeting_whose_agenda_came_first(store, fixture_file, tmp_path):
    agenda = "MEETING OF THE ADULT SOCIAL CARE SCRUTINY COMMISSION\n\nDATE: TUESDAY, 19 JANUARY 2021\n\n"
    agenda += "\n\n".join(f"{n}. {title}" for n, title in enumerate(MINUTE_TITLES.values(), start=1))
    import_file(store, _write(tmp_path, "agenda-2021-01-19.txt", agenda), now=NOW)
    january = _meeting(store, "2021-01-19")
    items = {i.title: i.id for i in store.agenda.list_for(january.id)}
    assert january.status == "agenda-published" and len(items) == 12
    import_file(store, fixture_file, now=NOW)
    assert _meeting(store, "2021-01-19").status == "minutes-confirmed"
    assert {m.title: m.agenda_item_id for m in store.minutes.list_for(january.id)} == items
    assert len(store.agenda.list_for(january.id)) == 12
    assert meeting_as_dict(store, january.id)["declarations"][0]["minute"] == 87
