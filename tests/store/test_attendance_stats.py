"""Attendance statistics per member per municipal year: who was expected, and what they did."""

from __future__ import annotations

from datetime import date

import pytest

from store.attendance_stats import attendance_for_year
from store.demo import build_demo


def _held(store, committee, day: str):
    """A meeting that has been held (scheduled → agenda published → held)."""
    meeting = store.meetings.add(committee.id, day)
    store.meetings.advance_status(meeting.id, date(2099, 1, 1))
    store.meetings.advance_status(meeting.id, date(2099, 1, 1))
    return meeting


def _by_name(report) -> dict:
    return {m.name: m for m in report.members}


def _counts(member) -> tuple[int, ...]:
    return (member.expected, member.attended, member.apologies, member.absent, member.substitutes_sent,
            member.not_recorded)


def test_demo_2020_21_counts_january_and_says_november_was_not_recorded(store):
    committee = build_demo(store, today=date(2021, 3, 10))
    report = attendance_for_year(store, committee.id, 2020)
    assert report.label == "2020/21"
    # Held in the year as of 10 March 2021: 10 Nov 2020, 19 Jan 2021 (six present) and 9 Mar 2021.
    assert [(m.date, m.recorded) for m in report.meetings] == [
        (date(2020, 11, 10), False), (date(2021, 1, 19), True), (date(2021, 3, 9), False)]
    assert [m.name for m in report.members] == [
        "Councillor Joshi", "Councillor March", "Councillor Batool", "Councillor Kaur Saini",
        "Councillor Kitterick", "Councillor Thalukdar"]  # seats only: no standing invitee
    assert [m.role for m in report.members][:3] == ["chair", "vice-chair", "member"]
    for member in report.members:
        # Expected at three, attended one; the two without a record are not absences.
        assert _counts(member) == (3, 1, 0, 0, 0, 2)


def test_the_4_may_meeting_is_not_counted_before_it_is_held(store):
    committee = build_demo(store, today=date(2021, 3, 10))
    report = attendance_for_year(store, committee.id, 2021)
    assert report.meetings == ()
    assert all(_counts(m) == (0, 0, 0, 0, 0, 0) for m in report.members)


@pytest.fixture
def year(store, committee):
    """Municipal year 2020/21: Joshi and Patel from the start, Kaur joins on 1 January 2021,
    Russell leaves on 31 December 2020, Cole is a substitute member; three meetings held, one cancelled."""
    people = {}
    for name, role, start, end in (
        ("Joshi", "chair", "2020-05-01", None),
        ("Patel", "member", "2020-05-01", None),
        ("Kaur", "member", "2021-01-01", None),
        ("Russell", "member", "2020-05-01", "2020-12-31"),
        ("Cole", "substitute", "2020-05-01", None),
    ):
        people[name] = store.members.add(committee.id, name, role=role, start_date=start, end_date=end).person.id
    meetings = {day: _held(store, committee, day) for day in ("2020-07-14", "2020-11-10", "2021-02-09")}
    store.meetings.cancel(store.meetings.add(committee.id, "2021-03-09").id, "No business")
    return people, meetings


def test_apologies_absence_and_a_substitute(store, committee, year):
    people, meetings = year
    july, november, february = (meetings[d].id for d in ("2020-07-14", "2020-11-10", "2021-02-09"))
    for meeting in (july, november, february):
        store.attendance.set(meeting, people["Joshi"], "present")
    store.attendance.set(july, people["Patel"], "apologies")
    store.attendance.set(november, people["Patel"], "absent")
    store.attendance.add_substitute(february, "Cole", people["Patel"])  # Patel sends apologies and Cole
    store.attendance.set(july, people["Russell"], "present")
    # Russell has no record in November: the attendance was taken, so Russell was absent.
    store.attendance.set(february, people["Kaur"], "present")

    report = _by_name(attendance_for_year(store, committee.id, 2020))
    assert _counts(report["Councillor Joshi"]) == (3, 3, 0, 0, 0, 0)
    assert _counts(report["Councillor Patel"]) == (3, 0, 2, 1, 1, 0)
    # Kaur joined on 1 January 2021: expected only in February.
    assert _counts(report["Councillor Kaur"]) == (1, 1, 0, 0, 0, 0)
    # Russell left on 31 December 2020: expected in July and November only.
    assert _counts(report["Councillor Russell"]) == (2, 1, 0, 1, 0, 0)
    # A substitute holds no seat: nobody expects Cole, whose attendance counts for Patel.
    assert "Councillor Cole" not in report


def test_a_substitute_with_no_record_for_the_member_still_means_apologies(store, committee, year):
    people, meetings = year
    february = meetings["2021-02-09"].id
    store.attendance.set(february, people["Cole"], "substitute", substitute_for_id=people["Patel"])
    report = _by_name(attendance_for_year(store, committee.id, 2020))
    assert _counts(report["Councillor Patel"]) == (3, 0, 1, 0, 1, 2)
    assert _counts(report["Councillor Joshi"]) == (3, 0, 0, 1, 0, 2)  # recorded meeting, no record: absent


def test_cancelled_and_unheld_meetings_are_not_counted(store, committee, year):
    people, _ = year
    store.meetings.add(committee.id, "2021-04-13")  # scheduled, not held
    report = attendance_for_year(store, committee.id, 2020)
    assert [m.date for m in report.meetings] == [date(2020, 7, 14), date(2020, 11, 10), date(2021, 2, 9)]
    assert _by_name(report)["Councillor Joshi"].expected == 3


def test_a_member_whose_role_changed_in_the_year_is_one_row(store, committee):
    first = store.members.add(committee.id, "March", role="member", start_date="2020-05-01", end_date="2020-09-30")
    store.members.add(committee.id, "March", role="vice-chair", start_date="2020-10-01")
    _held(store, committee, "2020-07-14")
    _held(store, committee, "2020-11-10")
    report = attendance_for_year(store, committee.id, 2020)
    assert [(m.name, m.role, m.expected) for m in report.members] == [("Councillor March", "vice-chair", 2)]
    assert first.person.id == report.members[0].person_id


def test_another_committees_meetings_do_not_count(store, committee, year):
    people, _ = year
    other = store.committees.add("Health Scrutiny Commission", council="Leicester City Council")
    meeting = _held(store, other, "2020-09-01")
    store.attendance.set(meeting.id, people["Joshi"], "absent")
    assert _by_name(attendance_for_year(store, committee.id, 2020))["Councillor Joshi"].expected == 3
