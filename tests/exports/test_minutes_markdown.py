"""A meeting's minutes as Markdown in house style (the fixture's minutes of 19 January 2021).

The golden file is the demo's meeting of 19 January 2021 exported once, read line by line
against the fixture's Appendix A, and frozen: a change in the export shows here as a diff.
To write it again after a deliberate change, run with CLERK_UPDATE_GOLDEN=1 and read the
diff before committing.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from store import Store
from store.demo import build_demo
from store.exports.minutes_markdown import minutes_markdown
from tui.cli import main

GOLDEN = Path(__file__).parent / "golden" / "minutes-2021-01-19.md"
# The fixture lives beside the repository, in the team's shared folder.
FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "asc-2021-03-09-agenda-pack.txt"
LATER = date(2026, 1, 15)  # long after every demo meeting: the January minutes are confirmed
EXCLUSION = (
    "RESOLVED: that the press and public be excluded during consideration of the following item in "
    "accordance with Section 100A(4) of the Local Government Act 1972, as it involves the likely "
    "disclosure of exempt information as defined in Paragraph {} of Part 1 of Schedule 12A of the Act."
)


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def demo(tmp_path):
    store = Store(tmp_path / "demo.db")
    committee = build_demo(store, today=LATER)
    yield store, committee
    store.close()


@pytest.fixture
def january(demo):
    store, committee = demo
    return store, store.meetings.on(committee.id, "2021-01-19")


@pytest.fixture
def small(store):
    """A made-up committee's meeting of 1 September 2020 with its standard items taken as minutes 1-7."""
    committee = store.committees.add("Test Committee", "Test Council", default_time="10:00")
    for name, role in (("Able", "chair"), ("Baker", "vice-chair"), ("Cole", "member"), ("Dee", "member"),
                       ("Eve", "member")):
        store.members.add(committee.id, name, role=role, start_date="2020-05-01")
    meeting = store.meetings.add(committee.id, "2020-09-01")
    store.agenda.start_from_standard_items(meeting.id)
    return store, committee, meeting


def _person(store, name):
    return store.people.find(name).id


def _minute(store, meeting, title):
    return next(m for m in store.minutes.list_for(meeting.id) if m.title == title)


def _section(text: str, number: int) -> str:
    """One minute's section of the Markdown, from its heading to the next heading."""
    start = text.index(f"## {number}. ")
    following = text.find("\n## ", start + 1)
    return text[start:] if following == -1 else text[start:following]


# ---------------------------------------------------------------- the golden file
def test_the_january_minutes_match_the_golden_file(january):
    store, meeting = january
    text = minutes_markdown(store, meeting.id)
    if os.environ.get("CLERK_UPDATE_GOLDEN"):
        GOLDEN.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == GOLDEN.read_bytes()


def test_the_golden_minutes_are_the_fixtures_words():
    """Every heading and paragraph of the golden minutes is printed in Appendix A, bar the
    lines the export writes itself (the status and the closing time)."""
    if not FIXTURE.exists():
        pytest.skip(f"the fixture agenda pack is not at {FIXTURE}")
    # The pack breaks one paragraph of minute 93 across a page.
    fixture = FIXTURE.read_text(encoding="utf-8").replace("central government\n\nfunding", "central government funding")
    golden = GOLDEN.read_text(encoding="utf-8")
    generated = {"Status: confirmed as a correct record on 9 March 2021", "The meeting closed at 8:11 pm."}
    blocks = [block for block in golden.strip().split("\n\n") if block not in generated]
    for block in blocks:
        for line in block.split("\\\n"):
            words = re.sub(r"^(# |## |\d\) )", "", line)
            assert words in fixture, words
    assert [int(n) for n in re.findall(r"^## (\d+)\. ", golden, re.MULTILINE)] == list(range(86, 98))


def test_the_same_data_gives_the_same_bytes(january, tmp_path):
    store, meeting = january
    first = minutes_markdown(store, meeting.id)
    assert minutes_markdown(store, meeting.id) == first
    with Store(tmp_path / "again.db") as again:
        committee = build_demo(again, today=LATER)
        assert minutes_markdown(again, again.meetings.on(committee.id, "2021-01-19").id) == first
    assert first.endswith("The meeting closed at 8:11 pm.\n")
    assert "\r" not in first and " \n" not in first


def test_draft_minutes_say_so(tmp_path):
    with Store(tmp_path / "draft.db") as store:
        committee = build_demo(store, today=date(2021, 3, 5))
        text = minutes_markdown(store, store.meetings.on(committee.id, "2021-01-19").id)
    assert text.split("\n\n")[2] == "Status: draft minutes, not yet confirmed"


def test_a_meeting_without_minutes_has_no_status_or_closing(demo):
    store, committee = demo
    text = minutes_markdown(store, store.meetings.on(committee.id, "2021-03-09").id)
    assert text == (
        "# Minutes of the Meeting of the ADULT SOCIAL CARE SCRUTINY COMMISSION\n\n"
        "Held: TUESDAY, 9 MARCH 2021 at 5:30 pm\n\nPRESENT:\n\nNo attendance was recorded.\n\n*** ** **\n"
    )


# ---------------------------------------------------------------- private business
@pytest.fixture
def exempt(small):
    """Item 'PRIVATE CONTRACT' (Schedule 12A paragraph 3) and a minute marked exempt later (paragraph 1)."""
    store, committee, meeting = small
    store.agenda.add(meeting.id, "Open report")
    store.agenda.add(meeting.id, "Private contract", exempt_paragraph=3)
    store.agenda.add(meeting.id, "Staffing matter")
    store.minutes.take_agenda(meeting.id)
    open_minute = _minute(store, meeting, "OPEN REPORT")
    store.minutes.update(open_minute.id, body="The open report was discussed.")
    store.resolutions.add(open_minute.id, "That the open report be noted.")
    secret = _minute(store, meeting, "PRIVATE CONTRACT")
    store.minutes.update(secret.id, body="SECRET bid prices were discussed.")
    resolution = store.resolutions.add(secret.id, "That the SECRET bid be accepted.")
    store.actions.add(committee.id, "Sign the SECRET contract", resolution_id=resolution.id, owner="Head of Procurement")
    staffing = _minute(store, meeting, "STAFFING MATTER")
    store.minutes.update(staffing.id, body="A SECRET staffing matter.")
    store.resolutions.add(staffing.id, "That the SECRET matter be noted.")
    # Marked exempt on the agenda item after it was minuted: the item's paragraph still counts.
    store.db.execute("UPDATE agenda_items SET exempt_paragraph = 1 WHERE id = ?", [staffing.agenda_item_id])
    return store, committee, meeting


def test_the_public_minutes_hold_no_exempt_text(exempt):
    store, _, meeting = exempt
    text = minutes_markdown(store, meeting.id)
    assert "SECRET" not in text
    assert "PRIVATE — NOT FOR PUBLICATION" not in text
    # An exempt item sorts into the private part, after Any other urgent business, so it is minuted last.
    assert _section(text, 7) == (
        f"## 7. STAFFING MATTER\n\n{EXCLUSION.format(1)}\n\nThis item was considered in private.\n"
    )
    assert _section(text, 10) == (
        f"## 10. PRIVATE CONTRACT\n\n{EXCLUSION.format(3)}\n\nThis item was considered in private.\n"
    )
    assert "The open report was discussed.\n\nAGREED:\n\nThat the open report be noted." in _section(text, 6)


def test_the_private_minutes_hold_everything(exempt):
    store, _, meeting = exempt
    text = minutes_markdown(store, meeting.id, private=True)
    assert text.startswith(
        "# Minutes of the Meeting of the TEST COMMITTEE (PRIVATE — NOT FOR PUBLICATION)\n\n"
        "Held: TUESDAY, 1 SEPTEMBER 2020 at 10:00 am\n\n"
    )
    assert _section(text, 10) == (
        f"## 10. PRIVATE CONTRACT\n\n{EXCLUSION.format(3)}\n\nSECRET bid prices were discussed.\n\n"
        "AGREED:\n\nThat the SECRET bid be accepted.\n\nAction: Sign the SECRET contract (Owner: Head of Procurement)\n"
    )
    assert f"{EXCLUSION.format(1)}\n\nA SECRET staffing matter." in _section(text, 7)
    assert "This item was considered in private." not in text


# ---------------------------------------------------------------- generated wording
def test_no_apologies_and_no_declarations(small):
    store, _, meeting = small
    store.minutes.take_agenda(meeting.id)
    text = minutes_markdown(store, meeting.id)
    assert _section(text, 1) == "## 1. APOLOGIES FOR ABSENCE\n\nThere were no apologies for absence.\n"
    assert _section(text, 2) == "## 2. DECLARATIONS OF INTEREST\n\nThere were no declarations of interest.\n"


def test_apologies_and_substitutes_are_worded_from_attendance(small):
    store, _, meeting = small
    store.attendance.set(meeting.id, _person(store, "Able"), "present")
    store.attendance.set(meeting.id, _person(store, "Baker"), "apologies")
    store.attendance.set(meeting.id, _person(store, "Dee"), "apologies")
    store.attendance.add_substitute(meeting.id, "Fox", _person(store, "Dee"))
    store.minutes.take_agenda(meeting.id)
    text = minutes_markdown(store, meeting.id)
    assert _section(text, 1) == (
        "## 1. APOLOGIES FOR ABSENCE\n\n"
        "Apologies for absence were received from Councillor Baker and Councillor Dee.\n\n"
        "Councillor Fox attended as a substitute for Councillor Dee.\n"
    )
    assert "PRESENT:\n\nCouncillor Able (Chair)\n\nCouncillor Fox (substituting for Councillor Dee)\n\n" in text


def test_the_clerks_own_apologies_text_wins(small):
    store, _, meeting = small
    store.attendance.set(meeting.id, _person(store, "Baker"), "apologies")
    store.minutes.take_agenda(meeting.id)
    store.minutes.update(_minute(store, meeting, "APOLOGIES FOR ABSENCE").id, body="Apologies were noted.")
    assert _section(minutes_markdown(store, meeting.id), 1) == "## 1. APOLOGIES FOR ABSENCE\n\nApologies were noted.\n"


def test_present_lists_chair_and_vice_chair_first_then_the_others(small):
    store, _, meeting = small
    for name in ("Eve", "Cole", "Baker", "Able"):
        store.attendance.set(meeting.id, _person(store, name), "present")
    store.attendance.set(meeting.id, _person(store, "Dee"), "absent")
    store.attendance.add_other(meeting.id, "Kate Galoppi", "Head of Procurement")
    store.attendance.add_other(meeting.id, "A member of the public")
    text = minutes_markdown(store, meeting.id)
    assert (
        "PRESENT:\n\nCouncillor Able (Chair)\\\nCouncillor Baker (Vice Chair)\n\n"
        "Councillor Cole\\\nCouncillor Eve\n\n"
        "In attendance:\n\nKate Galoppi, Head of Procurement\\\nA member of the public\n\n*** ** **\n"
    ) in text
    assert "Dee" not in text


def test_declarations_are_worded_in_house_style(small):
    store, committee, meeting = small
    item = store.agenda.add(meeting.id, "Planning application")
    store.minutes.take_agenda(meeting.id)
    able, baker, cole = (_person(store, n) for n in ("Able", "Baker", "Cole"))
    store.declarations.add(meeting.id, able, "Other Disclosable Interest",
                           "his wife worked for the Reablement Team at Leicester City Council.")
    store.declarations.add(meeting.id, baker, "Disclosable Pecuniary Interest", "in that she owns the site",
                           action="withdrew", agenda_item_id=item.id)
    store.declarations.add(meeting.id, cole, "Non-registrable Interest", "he lives next door",
                           action="did-not-vote", agenda_item_id=item.id)
    text = minutes_markdown(store, meeting.id)
    assert _section(text, 2) == (
        "## 2. DECLARATIONS OF INTEREST\n\n"
        "Councillor Able declared an Other Disclosable Interest in that his wife worked for the Reablement "
        "Team at Leicester City Council.\n\n"
        "Councillor Baker declared a Disclosable Pecuniary Interest in respect of minute 6 (PLANNING "
        "APPLICATION) in that she owns the site. Councillor Baker withdrew from the meeting during "
        "consideration of the item.\n\n"
        "Councillor Cole declared a Non-registrable Interest in respect of minute 6 (PLANNING APPLICATION) "
        "in that he lives next door. Councillor Cole did not vote on the item.\n"
    )
    # The withdrawal was recorded against the item's minute, with the return after it.
    assert (
        "Councillor Baker withdrew from the meeting during consideration of minute 6, having declared a "
        "Disclosable Pecuniary Interest, and returned after it."
    ) in _section(text, 6)


def test_urgent_business_carries_the_chairs_reasons(small):
    store, _, meeting = small
    store.minutes.take_agenda(meeting.id)
    minute = store.minutes.add_urgent_item(meeting.id, "Winter pressures",
                                           "the NHS asked for comments before the next meeting")
    section = _section(minutes_markdown(store, meeting.id), minute.number)
    assert section == (
        "## 8. WINTER PRESSURES\n\nThe Chair agreed to take this item as urgent business for the following "
        "reasons: the NHS asked for comments before the next meeting.\n"
    )


def test_arrivals_and_departures_are_recorded_against_minutes(small):
    store, _, meeting = small
    store.agenda.add(meeting.id, "Budget")
    minutes = {m.title: m for m in store.minutes.take_agenda(meeting.id)}
    budget = minutes["BUDGET"]
    store.attendance.set(meeting.id, _person(store, "Cole"), "present")
    store.attendance.set(meeting.id, _person(store, "Eve"), "present")
    store.attendance.record_movement(meeting.id, _person(store, "Cole"), "arrived", minutes["PETITIONS"].id)
    store.attendance.record_movement(meeting.id, _person(store, "Eve"), "left", budget.id, at_time="19:05")
    store.attendance.record_movement(meeting.id, _person(store, "Cole"), "withdrew", budget.id)
    store.attendance.record_movement(meeting.id, _person(store, "Cole"), "returned", budget.id)
    text = minutes_markdown(store, meeting.id)
    assert _section(text, 4) == "## 4. PETITIONS\n\nCouncillor Cole arrived at the meeting during minute 4.\n"
    assert _section(text, 6) == (
        "## 6. BUDGET\n\nCouncillor Eve left the meeting during minute 6 at 7:05 pm.\n\n"
        "Councillor Cole withdrew from the meeting during consideration of minute 6, and returned after it.\n"
    )


def test_movements_against_no_minute_follow_the_present_list(small):
    store, _, meeting = small
    item = store.agenda.add(meeting.id, "Budget")
    store.attendance.set(meeting.id, _person(store, "Able"), "present")
    store.attendance.record_movement(meeting.id, _person(store, "Able"), "left", at_time="18:00",
                                     reason="called away")
    # Declared before any minute was taken, so the withdrawal has no minute to go with.
    store.declarations.add(meeting.id, _person(store, "Cole"), "Disclosable Pecuniary Interest", "he owns it",
                           action="withdrew", agenda_item_id=item.id)
    text = minutes_markdown(store, meeting.id)
    assert text.endswith(
        "PRESENT:\n\nCouncillor Able (Chair)\n\n"
        "Councillor Able left the meeting at 6:00 pm (called away).\n\n"
        "Councillor Cole withdrew from the meeting, having declared a Disclosable Pecuniary Interest, "
        "and later returned.\n\n*** ** **\n\n"
        # With no "Declarations of interest" minute taken, the declarations open the minutes.
        "Councillor Cole declared a Disclosable Pecuniary Interest in respect of the item BUDGET in that he "
        "owns it. Councillor Cole withdrew from the meeting during consideration of the item.\n"
    )


def test_resolutions_are_numbered_and_actions_follow(store):
    # The day after 9 March 2021: January's minutes are confirmed, March's are to be taken.
    committee = build_demo(store, today=date(2021, 3, 10))
    march = store.meetings.on(committee.id, "2021-03-09")
    # The demo's March agenda is the pack's: 12 items, the procurement plan sixth.
    minutes = {m.title: m for m in store.minutes.take_agenda(march.id)}
    # Minute numbering continues from January's 86-97.
    assert [m.number for m in store.minutes.list_for(march.id)] == list(range(98, 110))
    plan = minutes["PROCUREMENT PLAN FOR 2021/23"]
    first = store.resolutions.add(plan.id, "That the report be noted;")
    store.resolutions.add(plan.id, "That the Commission be involved in developing the specification.")
    may = store.meetings.on(committee.id, "2021-05-04")
    store.actions.add(committee.id, "Bring the day care specification to the Commission", resolution_id=first.id,
                      owner="Kate Galoppi", target_meeting_id=may.id)
    store.actions.add(committee.id, "Circulate the plan", resolution_id=first.id)
    assert _section(minutes_markdown(store, march.id), 103) == (
        "## 103. PROCUREMENT PLAN FOR 2021/23\n\nAGREED:\n\n1) That the report be noted;\n\n"
        "2) That the Commission be involved in developing the specification.\n\n"
        "Action: Bring the day care specification to the Commission (Owner: Kate Galoppi; by 4 May 2021)\n\n"
        "Action: Circulate the plan\n"
    )


def test_the_committees_word_heads_the_resolutions(small):
    store, committee, meeting = small
    store.committees.update_settings(committee.id, resolution_word="RESOLVED")
    store.minutes.take_agenda(meeting.id)
    store.resolutions.add(_minute(store, meeting, "PETITIONS").id, "That the petition be received.")
    section = _section(minutes_markdown(store, meeting.id), 4)
    assert section == "## 4. PETITIONS\n\nRESOLVED:\n\nThat the petition be received.\n"


def test_an_amendment_is_shown_after_the_minute(january):
    store, meeting = january
    minute = store.minutes.list_for(meeting.id)[3]  # 89. PETITIONS
    store.minutes.amend(minute.id, "body", "The Monitoring Officer reported that one petition was received.",
                        "The petition arrived on the day and was missed.", datetime(2021, 3, 12, 10, 0))
    section = _section(minutes_markdown(store, meeting.id), 89)
    assert section == (
        "## 89. PETITIONS\n\nThe Monitoring Officer reported that none were received.\n\n"
        "Amended on 12 March 2021: text — The Monitoring Officer reported that one petition was received. "
        "(Reason: The petition arrived on the day and was missed.)\n"
    )


def test_the_closing_time(small):
    store, _, meeting = small
    store.minutes.take_agenda(meeting.id)
    assert "closed" not in minutes_markdown(store, meeting.id)
    store.meetings.close(meeting.id, "12:45")
    assert minutes_markdown(store, meeting.id).endswith("\n\nThe meeting closed at 12:45 pm.\n")


def test_markdown_at_line_starts_is_escaped(small):
    store, _, meeting = small
    store.minutes.take_agenda(meeting.id)
    minute = _minute(store, meeting, "PETITIONS")
    store.minutes.update(minute.id, body=(
        "# not a heading\n> not a quote\n- not a list\n* nor this\n+ nor this\n3. not a numbered list\n"
        "4) nor this\n   # indented\nA line with # and - inside stays.\r\n\r\n\r\nNext paragraph.   "
    ))
    store.resolutions.add(minute.id, "1. That the petition be received.")
    assert _section(minutes_markdown(store, meeting.id), 4) == (
        "## 4. PETITIONS\n\n"
        "\\# not a heading\n\\> not a quote\n\\- not a list\n\\* nor this\n\\+ nor this\n3\\. not a numbered list\n"
        "4\\) nor this\n   \\# indented\nA line with # and - inside stays.\n\nNext paragraph.\n\n"
        "AGREED:\n\n1\\. That the petition be received.\n"
    )


# ---------------------------------------------------------------- the command line
@pytest.fixture
def demo_db(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def test_cli_exports_minutes_to_stdout(demo_db, capsys):
    assert main(["--db", str(demo_db), "export", "minutes", "--date", "2021-01-19"]) == 0
    out = capsys.readouterr().out
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_cli_exports_minutes_to_a_file(demo_db, tmp_path, capsys):
    out = tmp_path / "minutes.md"
    args = ["export", "minutes", "--db", str(demo_db), "--date", "19 January 2021", "--committee", "Adult Social",
            "--private", "-o", str(out)]
    assert main(args) == 0
    assert f"Wrote {out}." in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Minutes of the Meeting of the ADULT SOCIAL CARE SCRUTINY COMMISSION (PRIVATE")
    assert text.endswith("The meeting closed at 8:11 pm.\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "2021-02-30"], "not a real meeting date"),
        (["--date", "2021-01-20"], "has no meeting on Wednesday 20 January 2021"),
        (["--date", "2021-01-19", "--committee", "Planning"], "No committee is called"),
    ],
)
def test_cli_bad_inputs_are_plain_messages(demo_db, capsys, args, message):
    assert main(["--db", str(demo_db), "export", "minutes", *args]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_cli_export_minutes_has_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "minutes", "--help"])
    assert exit_.value.code == 0
    assert "--private" in capsys.readouterr().out
