"""The agenda pack as one Markdown file: the agenda, then every appendix in page order.

The demo's pack is long (its reports are the fixture's), so instead of a golden file these
tests check its structure: the agenda is the golden agenda, and each appendix's heading, pages
and text are the ones the agenda and the store give.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from store import Store
from store.demo import build_demo
from store.demo_agenda import REPORTS
from store.exports.agenda_markdown import agenda_markdown
from store.exports.pack_markdown import pack_markdown
from tests.exports.test_agenda_markdown import GOLDEN, PUBLISHED, SECRET
from tests.exports.test_agenda_markdown import committee, exempt, fixture_meeting  # noqa: F401 (fixtures)
from tests.store.test_agenda_builder import blank_pdf
from tui.cli import main

APPENDIX = re.compile(r"^# Appendix ([A-Z]+\d*)\n\n(Pages? \d+(?: - \d+)?)?", re.MULTILINE)


@pytest.fixture
def demo(store):
    committee = build_demo(store, today=PUBLISHED)
    return store, store.meetings.on(committee.id, "2021-03-09")


def appendix_text(pack: str, label: str) -> str:
    start = pack.index(f"# Appendix {label}\n")
    following = pack.find("\n# Appendix ", start + 1)
    return pack[start:] if following == -1 else pack[start:following + 1]


# ---------------------------------------------------------------- the demo's pack
def test_the_pack_opens_with_the_agenda_then_appendices_a_to_f(demo):
    store, meeting = demo
    pack = pack_markdown(store, meeting.id)
    agenda = GOLDEN.read_text(encoding="utf-8")
    assert pack.startswith(agenda + "\n# Appendix A\n\nPages 1 - 3\n\n")
    assert re.findall(r"^# .*$", pack, re.MULTILINE) == [
        "# MEETING OF THE ADULT SOCIAL CARE SCRUTINY COMMISSION",
        *(f"# Appendix {label}" for label in "ABCDEF")]


def test_each_appendix_has_the_pages_the_agenda_gives_it(demo):
    store, meeting = demo
    pack = pack_markdown(store, meeting.id)
    in_pack = {label: pages for label, pages in APPENDIX.findall(pack)}
    in_agenda = dict(re.findall(r"^Appendix ([A-Z]+) \((Pages? [^)]*)\)$", agenda_markdown(store, meeting.id),
                                re.MULTILINE))
    assert in_pack == in_agenda == {"A": "Pages 1 - 3", "B": "Pages 4 - 8", "C": "Pages 9 - 12",
                                    "D": "Pages 13 - 31", "E": "Pages 32 - 56", "F": "Page 57"}


def test_the_appendices_hold_the_minutes_the_reports_and_the_work_programme(demo):
    store, meeting = demo
    pack = pack_markdown(store, meeting.id)
    minutes = appendix_text(pack, "A")
    assert "\n\n## Minutes of the Meeting of the ADULT SOCIAL CARE SCRUTINY COMMISSION\n\n" in minutes
    assert "\n\n### 91. LEICESTERSHIRE COUNTY CARE LIMITED (LCCL) - VERBAL UPDATE\n\n" in minutes
    procurement = appendix_text(pack, "B")
    report = (REPORTS / "procurement-plan-2021-23.txt").read_text(encoding="utf-8")
    # The text report, paragraph by paragraph, escaped as the clerk's text is ("- 1.1" stays text).
    assert procurement.startswith("# Appendix B\n\nPages 4 - 8\n\nAdult Social Care Scrutiny Commission Report\n\n"
                                  "Procurement Plan 2021-23\n\n")
    assert "\n\n1\\. Purpose of report\n\n\\- 1.1 This report provides" in procurement
    last_words = report.strip().split("\n")[-1]
    assert procurement.rstrip("\n").endswith(last_words)
    programme = appendix_text(pack, "F")
    assert programme.startswith("# Appendix F\n\nPage 57\n\n## Adult Social Care Scrutiny Commission\n\n"
                                "### Work Programme 2020/21\n\n| Meeting Date | Topic |")
    assert pack.endswith("| Learning Disabilities Strategy |  |  |  |\n")


def test_the_pack_is_deterministic_and_tidy(demo):
    store, meeting = demo
    first = pack_markdown(store, meeting.id)
    assert pack_markdown(store, meeting.id) == first
    assert "\r" not in first and " \n" not in first and "\n\n\n" not in first


def test_progress_is_reported_after_each_appendix(demo):
    store, meeting = demo
    seen = []
    pack_markdown(store, meeting.id, progress=lambda done, total, label: seen.append((done, total, label)))
    assert seen == [(n, 6, f"Appendix {label}") for n, label in enumerate("ABCDEF", start=1)]


def test_a_meeting_that_does_not_exist(store):
    from store.errors import NotFound

    with pytest.raises(NotFound):
        pack_markdown(store, 999)


# ---------------------------------------------------------------- the fixture's pack
def test_the_fixtures_pack_follows_its_pages_and_says_what_is_to_follow(store, fixture_meeting):
    pack = pack_markdown(store, fixture_meeting.id)
    assert APPENDIX.findall(pack) == [("A", "Pages 1 - 8"), ("B", "Pages 9 - 14"), ("C", ""),
                                      ("D", "Pages 15 - 52"), ("E", "Pages 53 - 114"), ("F", "Pages 115 - 118")]
    assert appendix_text(pack, "C") == ("# Appendix C\n\nReport to follow: Impact of Covid-19 on day care.\n\n")
    # Blank PDFs hold no text to copy.
    assert appendix_text(pack, "B").endswith("This PDF holds no text that can be copied (scanned pages, for "
                                             "example); see the PDF pack.\n\n")


def test_appendices_added_after_publication_come_after_the_last_page(store, fixture_meeting, tmp_path):
    store.appendices.publish(fixture_meeting.id, date(2021, 3, 1))
    procurement = store.agenda.list_for(fixture_meeting.id)[5]
    store.documents.attach(procurement.id, blank_pdf(tmp_path / "annex.pdf", 3), "Annex")
    pack = pack_markdown(store, fixture_meeting.id)
    assert APPENDIX.findall(pack)[-2:] == [("F", "Pages 115 - 118"), ("B1", "Pages 119 - 121")]
    # The report to follow stays where the agenda has it, before Appendix D.
    assert [label for label, _ in APPENDIX.findall(pack)] == ["A", "B", "C", "D", "E", "F", "B1"]


def test_a_text_report_cannot_fake_an_appendix(store, fixture_meeting, tmp_path):
    report = tmp_path / "tricky.txt"
    report.write_text("Summary\n\n# Appendix Z\n\n```\nTitle\n=====\n", encoding="utf-8")
    work_programme = store.agenda.list_for(fixture_meeting.id)[10]
    store.documents.attach(work_programme.id, report, "Tricky")
    pack = pack_markdown(store, fixture_meeting.id)
    assert [label for label, _ in APPENDIX.findall(pack)] == ["A", "B", "C", "D", "E", "F", "F1"]
    assert appendix_text(pack, "F1") == (
        "# Appendix F1\n\nPage 119\n\nSummary\n\n\\# Appendix Z\n\n\\```\nTitle\n\\=====\n")


def test_a_markdown_report_goes_one_heading_level_down(store, fixture_meeting, tmp_path):
    report = tmp_path / "report.md"
    report.write_text("# Report\n\n## Summary\n\nText.\n\n###### Deepest\n", encoding="utf-8")
    work_programme = store.agenda.list_for(fixture_meeting.id)[10]
    store.documents.attach(work_programme.id, report, "Report")
    section = appendix_text(pack_markdown(store, fixture_meeting.id), "F1")
    assert section == "# Appendix F1\n\nPage 119\n\n## Report\n\n### Summary\n\nText.\n\n###### Deepest\n"


# ---------------------------------------------------------------- private business
def test_the_public_pack_holds_nothing_of_an_exempt_item(store, exempt):
    meeting, item = exempt
    pack = pack_markdown(store, meeting.id)
    assert SECRET.lower() not in pack.lower()
    assert "Contract award" not in pack and "prices are as follows" not in pack
    assert [label for label, _ in APPENDIX.findall(pack)] == ["A", "B", "C", "D", "E", "F"]
    assert "### 13. CARE HOME CONTRACT AWARD\n\nNot for publication: Paragraph 3" in pack


def test_the_private_pack_holds_the_exempt_report(store, exempt):
    meeting, _ = exempt
    pack = pack_markdown(store, meeting.id, private=True)
    assert appendix_text(pack, "G") == (f"# Appendix G\n\nPage 119\n\n## Contract award\n\n"
                                        f"The {SECRET} prices are as follows.\n")
    assert "(PRIVATE — NOT FOR PUBLICATION)" in pack.split("\n\n")[1]


# ---------------------------------------------------------------- the command line
@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "demo.db"
    with Store(db) as store:
        build_demo(store, today=PUBLISHED)
    return db


def test_clerk_export_pack_writes_markdown_with_progress(demo_db, tmp_path, capsys):
    out = tmp_path / "pack.md"
    assert main(["--db", str(demo_db), "export", "pack", "--date", "2021-03-09", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        *(f"Pack: [{'#' * (20 * n // 6)}{'-' * (20 - 20 * n // 6)}] {n}/6 Appendix {label}"
          for n, label in enumerate("ABCDEF", start=1)),
        f"Wrote {out}.",
    ]
    with Store(demo_db) as store:
        meeting = store.meetings.on(store.committees.list()[0].id, "2021-03-09")
        assert out.read_text(encoding="utf-8") == pack_markdown(store, meeting.id)


def test_clerk_export_pack_to_standard_output(demo_db, capsys):
    assert main(["--db", str(demo_db), "export", "pack", "--date", "2021-03-09", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith(GOLDEN.read_text(encoding="utf-8") + "\n# Appendix A\n")


@pytest.mark.parametrize("args, message", [
    (["--format", "pdf"], "A PDF pack needs a file to go to: add -o FILE"),
    (["--date", "2021-03-10"], "has no meeting on Wednesday 10 March 2021"),
])
def test_clerk_export_pack_errors_are_plain(demo_db, tmp_path, capsys, args, message):
    argv = ["--db", str(demo_db), "export", "pack", "--date", "2021-03-09", *args]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("clerk: ") and message in err and "Traceback" not in err


def test_clerk_export_pack_to_a_folder_that_does_not_exist(demo_db, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "pack.md"
    assert main(["--db", str(demo_db), "export", "pack", "--date", "2021-03-09", "-o", str(out)]) == 1
    assert f"clerk: Cannot write {out}: No such file or directory." in capsys.readouterr().err
