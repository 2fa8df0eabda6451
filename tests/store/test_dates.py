"""Reading dates and times as a clerk types them, and the values helpers."""

from __future__ import annotations

from datetime import date, time

import pytest

from store.dates import clock_time, long_date, parse_date, parse_time, short_date
from store.errors import InvalidInput
from store.values import (
    as_date,
    as_time,
    choice,
    optional_number,
    optional_text,
    required_text,
    whole_number,
)

NINTH_OF_MARCH = date(2021, 3, 9)


@pytest.mark.parametrize(
    "text",
    [
        "2021-03-09",
        "2021-3-9",
        "  2021-03-09  ",
        "9 March 2021",
        "9 Mar 2021",
        "9th March 2021",
        "Tuesday 9 March 2021",
        "Tuesday, 9 March 2021",
        "9/3/2021",
        "09/03/2021",
        "9.3.2021",
        "March 9, 2021",
        "2021/03/09",  # year first: never read as 3 September
        "2021/3/9",
    ],
)
def test_parse_date_reads_the_usual_forms(text):
    assert parse_date(text) == NINTH_OF_MARCH


def test_parse_date_reads_day_first_as_in_the_uk():
    assert parse_date("4/3/2021") == date(2021, 3, 4)
    assert parse_date("12/1/2021") == date(2021, 1, 12)


def test_parse_date_knows_leap_years():
    assert parse_date("29 February 2020") == date(2020, 2, 29)
    with pytest.raises(InvalidInput, match="is not a real date"):
        parse_date("29 February 2021")


@pytest.mark.parametrize(
    "text",
    ["2021-02-30", "31/04/2021", "30/2/2021", "2021-13-01", "32 January 2021", "tomorrowish", "0", "1 1 1 1 1 1"],
)
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(InvalidInput) as raised:
        parse_date(text)
    message = str(raised.value)
    assert message == f"'{text}' is not a real date: type it as 2021-03-09 or 9 March 2021."


@pytest.mark.parametrize("text", ["2021", "March", "March 2021", "9 March", "17:30"])
def test_parse_date_refuses_a_date_with_parts_missing(text):
    # dateutil would fill the missing parts from today's date: the clerk would get a
    # meeting on a day nobody typed.
    with pytest.raises(InvalidInput, match="day, month and year"):
        parse_date(text)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_parse_date_says_when_nothing_was_typed(text):
    with pytest.raises(InvalidInput, match=r"^The date is empty: type it as 2021-03-09 or 9 March 2021\.$"):
        parse_date(text)


def test_parse_date_names_the_field():
    with pytest.raises(InvalidInput, match="is not a real meeting date"):
        parse_date("2021-02-30", "meeting date")
    with pytest.raises(InvalidInput, match="The start date is empty"):
        parse_date("", "start date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17:30", time(17, 30)),
        ("17.30", time(17, 30)),
        ("5:30 pm", time(17, 30)),
        ("5:30pm", time(17, 30)),
        ("5.30pm", time(17, 30)),
        ("5:30 PM", time(17, 30)),
        ("5pm", time(17, 0)),
        ("5 pm", time(17, 0)),
        ("10am", time(10, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("12:15 am", time(0, 15)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("9", time(9, 0)),
        (" 17:30 ", time(17, 30)),
    ],
)
def test_parse_time_reads_the_usual_forms(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", "'25:00' is not a time: type it as 17:30 or 5:30 pm."),
        ("24:00", "'24:00' is not a time: type it as 17:30 or 5:30 pm."),
        ("17:60", "'17:60' is not a time: type it as 17:30 or 5:30 pm."),
        ("5:3", "'5:3' is not a time: type it as 17:30 or 5:30 pm."),
        ("tomorrowish", "'tomorrowish' is not a time: type it as 17:30 or 5:30 pm."),
        ("13pm", "'13pm' is not a time: with am/pm the hour is 1 to 12."),
        ("0pm", "'0pm' is not a time: with am/pm the hour is 1 to 12."),
    ],
)
def test_parse_time_refuses_what_is_not_a_time(text, message):
    with pytest.raises(InvalidInput) as raised:
        parse_time(text)
    assert str(raised.value) == message


@pytest.mark.parametrize("text", ["", "  ", None])
def test_parse_time_says_when_nothing_was_typed(text):
    with pytest.raises(InvalidInput) as raised:
        parse_time(text, "start time")
    assert str(raised.value) == "The start time is empty: type it as 17:30 or 5:30 pm."


def test_dates_and_times_as_agendas_write_them():
    assert long_date(NINTH_OF_MARCH) == "Tuesday 9 March 2021"
    assert short_date(NINTH_OF_MARCH) == "Tue 9 Mar 2021"
    assert clock_time(time(17, 30)) == "5:30 pm"
    assert clock_time(time(0, 5)) == "12:05 am"
    assert clock_time(time(12, 0)) == "12:00 pm"
    assert clock_time(time(9, 0)) == "9:00 am"


# values ---------------------------------------------------------------------


def test_as_date_and_as_time_pass_values_through_and_treat_blank_as_none():
    assert as_date(NINTH_OF_MARCH) == NINTH_OF_MARCH
    assert as_date(None) is None
    assert as_date("  ") is None
    assert as_date("9/3/2021") == NINTH_OF_MARCH
    assert as_time(time(17, 30)) == time(17, 30)
    assert as_time(None) is None
    assert as_time("") is None
    assert as_time("5:30 pm") == time(17, 30)


def test_required_text():
    assert required_text("  Joshi  ", "member's name") == "Joshi"
    with pytest.raises(InvalidInput, match=r"^The member's name is empty: type one in\.$"):
        required_text("   ", "member's name")
    with pytest.raises(InvalidInput, match="The member's name is empty"):
        required_text(None, "member's name")
    with pytest.raises(InvalidInput, match="is 121 characters long; the most is 120"):
        required_text("x" * 121, "member's name", 120)
    with pytest.raises(InvalidInput, match="NUL character"):
        required_text("Jo\x00shi", "member's name")


def test_optional_text():
    assert optional_text("  ", "place") is None
    assert optional_text(None, "place") is None
    assert optional_text(" City Hall ", "place") == "City Hall"


def test_whole_numbers():
    assert whole_number(" 5 ", "clear days", 0, 30) == 5
    with pytest.raises(InvalidInput, match="must be a whole number, not 'five'"):
        whole_number("five", "number of clear days", 0, 30)
    with pytest.raises(InvalidInput, match="must be from 0 to 30, not 31"):
        whole_number(31, "number of clear days", 0, 30)
    with pytest.raises(InvalidInput, match="must be at least 1, not 0"):
        whole_number(0, "starting minute number", 1)
    assert optional_number("", "quorum") is None
    assert optional_number(None, "quorum") is None
    assert optional_number("4", "quorum", 1, 100) == 4


def test_choice():
    assert choice(" Chair ", ("chair", "member"), "role") == "chair"
    with pytest.raises(InvalidInput, match="'treasurer' is not a role: choose one of chair, member."):
        choice("treasurer", ("chair", "member"), "role")
