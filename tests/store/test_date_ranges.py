"""The ends of a date filter as typed: a day, a month or a year; plain messages otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.date_ranges import date_bound, date_range, range_text
from store.errors import InvalidInput


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2021-03-09", date(2021, 3, 9), date(2021, 3, 9)),
    ("9/3/2021", date(2021, 3, 9), date(2021, 3, 9)),
    ("9 March 2021", date(2021, 3, 9), date(2021, 3, 9)),
    ("2021", date(2021, 1, 1), date(2021, 12, 31)),
    (" March  2021 ", date(2021, 3, 1), date(2021, 3, 31)),
    ("feb 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("Sept. 2020", date(2020, 9, 1), date(2020, 9, 30)),
    ("2/2021", date(2021, 2, 1), date(2021, 2, 28)),
    ("2021-02", date(2021, 2, 1), date(2021, 2, 28)),
])
def test_a_day_month_or_year_gives_its_first_and_last_day(text, first, last):
    assert date_bound(text) == first
    assert date_bound(text, end=True) == last


def test_blank_means_no_bound():
    assert date_bound("") is None and date_bound("  ") is None and date_bound(None, end=True) is None


@pytest.mark.parametrize("text", ["31/2/2021", "2021-13-01", "13/2021", "Smarch 2021", "0000", "next week",
                                  "9 March", "20211"])
def test_what_is_not_a_date_says_so_plainly(text):
    with pytest.raises(InvalidInput) as error:
        date_bound(text, what="'from' date")
    assert str(error.value).startswith(f"'{text}' is not a 'from' date clerk can read: type a day (2021-03-09")


def test_a_range_the_wrong_way_round_is_refused():
    assert date_range("2021", "") == (date(2021, 1, 1), None)
    with pytest.raises(InvalidInput, match=r"The 'from' date \(1 March 2021\) is after the 'to' date"):
        date_range("2021-03-01", "January 2021")


@pytest.mark.parametrize(("since", "until", "said"), [
    (date(2020, 5, 1), None, "since 1 May 2020"),
    (None, date(2021, 12, 31), "until 31 December 2021"),
    (date(2021, 1, 1), date(2021, 12, 31), "in 2021"),
    (date(2020, 1, 1), date(2021, 12, 31), "in 2020 to 2021"),
    (date(2021, 3, 1), date(2021, 3, 31), "in March 2021"),
    (date(2021, 3, 1), date(2021, 3, 9), "from 1 March 2021 to 9 March 2021"),
    (None, None, ""),
])
def test_the_range_in_words(since, until, said):
    assert range_text(since, until) == said


@given(st.text(max_size=30), st.booleans())
def test_no_typed_text_raises_anything_but_a_plain_message(text, end):
    try:
        result = date_bound(text, end=end)
    except InvalidInput:
        return
    assert result is None or isinstance(result, date)
