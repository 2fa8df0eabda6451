"""`clerk export meeting --format oparl`: a meeting as OParl 1.1 JSON, public by construction."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest

from store.demo import COMMITTEE, build_demo
from store.exports.meeting_json import meeting_as_json
from store.exports.oparl import meeting_as_oparl
from tui.cli import main

SCHEMA = "https://schema.oparl.org/1.1/"
NOW = datetime(2021, 3, 10, 9, 0, tzinfo=timezone.utc)
SECRET_REPORT = "The proposed redundancy terms for named staff are set out below."
SECRET_RESOLUTION = "That the restructure proceed with the terms set out in the private report."
PUBLIC_RESOLUTION = "That the procurement plan be noted."


@pytest.fixture
def demo(store, tmp_path):
    """The demo as of 10 March 2021, with the 9 March meeting taken: an exempt item with its report,
    attendance, minutes and resolutions (one of them private)."""
    committee = build_demo(store, today=date(2021, 3, 10))
    march = store.meetings.on(committee.id, "2021-03-09")
    exempt = store.agenda.add(march.id, "Staffing matters", exempt_paragraph=1)
    report = tmp_path / "staffing-restructure.txt"
    report.write_text(SECRET_REPORT + "\n", encoding="utf-8")
    store.documents.attach(exempt.id, report, title="Staffing restructure (private)")
    for name in ("Joshi", "March", "Batool"):
        store.attendance.set(march.id, store.people.find(name).id, "present")
    store.attendance.set(march.id, store.people.find("Kitterick").id, "apologies")
    store.minutes.take_agenda(march.id)
    for minute in store.minutes.list_for(march.id):
        if minute.agenda_item_id == exempt.id:
            store.resolutions.add(minute.id, SECRET_RESOLUTION)
        elif minute.title.startswith("PROCUREMENT PLAN"):
            store.resolutions.add(minute.id, PUBLIC_RESOLUTION)
    return committee, march, exempt


def _oparl(store, meeting_id, **options) -> dict:
    return json.loads(meeting_as_oparl(store, meeting_id, now=NOW, **options))


def test_the_9_march_meeting_is_an_oparl_meeting_with_its_agenda_items(store, demo):
    committee, march, _ = demo
    meeting = _oparl(store, march.id)
    assert meeting["id"] == f"urn:clerk:meeting:{march.id}"
    assert meeting["type"] == SCHEMA + "Meeting"
    assert meeting["name"] == f"{COMMITTEE}, 9 March 2021"
    assert meeting["start"] == "2021-03-09T17:30:00+00:00"  # GMT in March
    assert meeting["cancelled"] is False
    assert meeting["location"]["type"] == SCHEMA + "Location"
    assert meeting["location"]["description"] == "Virtual Meeting using Zoom"
    assert meeting["created"] == meeting["modified"] == "2021-03-10T09:00:00+00:00"
    items = meeting["agendaItem"]
    # The exempt item was added after publication: it is numbered after item 12, the others keep theirs.
    assert [i["number"] for i in items] == [str(n) for n in range(1, 13)] + ["12A"]
    assert [i["order"] for i in items] == list(range(13))
    for item in items:
        assert item["type"] == SCHEMA + "AgendaItem"
        assert item["id"].startswith("urn:clerk:agendaitem:")
        assert isinstance(item["public"], bool) and isinstance(item["number"], str)
    assert items[5]["name"] == "PROCUREMENT PLAN FOR 2021/23"
    assert items[5]["result"] == "Minuted as minute 103"  # 98 + 5: numbered on from January's 86-97
    assert items[5]["resolutionText"] == PUBLIC_RESOLUTION
    report = items[5]["auxiliaryFile"][0]
    assert report["type"] == SCHEMA + "File"
    assert report["name"] == "Appendix B: Procurement plan 2021 23"
    assert report["fileName"] == "procurement-plan-2021-23.txt" and report["mimeType"] == "text/plain"
    assert report["size"] > 1000 and len(report["sha512Checksum"]) == 128
    assert report["meeting"] == [meeting["id"]] and report["agendaItem"] == [items[5]["id"]]
    assert report["accessUrl"].startswith(report["id"])
    assert report["created"] == "2021-02-25T09:00:00+00:00"  # when the report was attached


def test_the_exempt_item_is_listed_as_not_public_with_no_text_or_files(store, demo):
    _, march, exempt = demo
    text = meeting_as_oparl(store, march.id, now=NOW)
    item = next(i for i in json.loads(text)["agendaItem"] if i["id"] == f"urn:clerk:agendaitem:{exempt.id}")
    assert item["public"] is False
    assert item["name"] == "STAFFING MATTERS"  # the public agenda lists the item
    assert "auxiliaryFile" not in item and "resolutionText" not in item
    for secret in (SECRET_REPORT, SECRET_RESOLUTION, "Staffing restructure", "staffing-restructure.txt"):
        assert secret not in text
    public = [i for i in json.loads(text)["agendaItem"] if i["id"] != item["id"]]
    assert all(i["public"] is True for i in public)


def test_organization_participants_and_the_people_behind_them(store, demo):
    committee, march, _ = demo
    meeting = _oparl(store, march.id)
    assert meeting["organization"] == [f"urn:clerk:organization:{committee.id}"]
    present = [store.people.find(name).id for name in ("Joshi", "March", "Batool")]
    assert meeting["participant"] == [f"urn:clerk:person:{pid}" for pid in present]  # not Kitterick (apologies)
    referenced = {o["id"]: o for o in meeting["clerk:referencedObjects"]}
    organization = referenced[meeting["organization"][0]]
    assert organization["type"] == SCHEMA + "Organization" and organization["name"] == COMMITTEE
    joshi = referenced[meeting["participant"][0]]
    assert joshi["type"] == SCHEMA + "Person" and joshi["name"] == "Councillor Joshi"
    assert joshi["membership"][0]["type"] == SCHEMA + "Membership"
    assert joshi["membership"][0]["role"] == "Chair" and joshi["membership"][0]["votingRight"] is True
    assert joshi["membership"][0]["organization"] == organization["id"]
    assert set(referenced) == {organization["id"], *meeting["participant"]}


def test_invitation_and_public_minutes_of_19_january(store, demo):
    committee, _, _ = demo
    january = store.meetings.on(committee.id, "2021-01-19")
    meeting = _oparl(store, january.id)
    assert meeting["meetingState"] == "minutes-confirmed"
    assert meeting["end"] == "2021-01-19T20:11:00+00:00"  # the meeting closed at 8:11 pm
    assert len(meeting["participant"]) == 6
    invitation = meeting["invitation"]
    assert invitation["type"] == SCHEMA + "File" and invitation["mimeType"] == "application/pdf"
    assert invitation["date"] == january.published_at
    minutes = meeting["resultsProtocol"]
    assert minutes["name"] == "Minutes" and minutes["mimeType"] == "text/markdown"
    assert "## 92. LEICESTER SAFEGUARDING ADULTS BOARD ANNUAL REPORT 2019/20" in minutes["text"]
    lccl = meeting["agendaItem"][5]
    assert lccl["result"] == "Minuted as minute 91 (confirmed)"
    assert lccl["resolutionText"].startswith("1) That, the company consider the comments")
    assert "\n3) And that, the company ensure" in lccl["resolutionText"]


def test_a_meeting_before_publication_has_no_files_and_bst_times(store, demo):
    committee, _, _ = demo
    may = store.meetings.on(committee.id, "2021-05-04")
    meeting = _oparl(store, may.id)
    assert meeting["start"] == "2021-05-04T17:30:00+01:00"  # British Summer Time
    for absent in ("invitation", "resultsProtocol", "participant", "end"):
        assert absent not in meeting


def test_ids_under_a_base_url(store, demo):
    committee, march, _ = demo
    meeting = _oparl(store, march.id, base_url="https://opendata.example.org/oparl")
    assert meeting["id"] == f"https://opendata.example.org/oparl/meeting/{march.id}"
    assert meeting["organization"] == [f"https://opendata.example.org/oparl/organization/{committee.id}"]
    assert meeting["agendaItem"][0]["id"].startswith("https://opendata.example.org/oparl/agendaitem/")


def test_cli_oparl_and_json_side_by_side(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "export", "meeting", "--date", "2021-03-09", "--format", "oparl",
                 "--base-url", "https://example.org/oparl/"]) == 0
    oparl = json.loads(capsys.readouterr().out)
    assert oparl["type"] == SCHEMA + "Meeting" and oparl["id"].startswith("https://example.org/oparl/meeting/")
    assert main(["--db", str(db), "export", "meeting", "--date", "2021-03-09", "--format", "json"]) == 0
    printed = capsys.readouterr().out
    from store import Store

    with Store(db) as store:
        committee = store.committees.list()[0]
        expected = meeting_as_json(store, store.meetings.on(committee.id, "2021-03-09").id)
    assert printed == expected + "\n"  # --format json is the design's JSON, unchanged
    assert "type" not in json.loads(printed)
