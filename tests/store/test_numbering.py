"""The municipal year and the next minute number, as pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from store.numbering import municipal_year, municipal_year_bounds, municipal_year_label, next_minute_number


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2021, 1, 19), 2020),
        (date(2021, 3, 9), 2020),
        (date(2021, 4, 30), 2020),
        (date(2021, 5, 1), 2021),
        (date(2021, 6, 15), 2021),
        (date(2020, 12, 31), 2020),
    ],
)
def test_municipal_year_from_1_may(day, year):
    assert municipal_year(day) == year


def test_municipal_year_with_another_start():
    # A council whose year starts on 20 May: 19 May is still the old year.
    assert municipal_year(date(2021, 5, 19), 5, 20) == 2020
    assert municipal_year(date(2021, 5, 20), 5, 20) == 2021
    # A year starting in January is the calendar year.
    assert municipal_year(date(2021, 1, 1), 1, 1) == 2021
    assert municipal_year(date(2021, 12, 31), 1, 1) == 2021


@pytest.mark.parametrize(
    ("year", "label"), [(2020, "2020/21"), (2021, "2021/22"), (1999, "1999/00"), (2009, "2009/10")]
)
def test_municipal_year_label(year, label):
    assert municipal_year_label(year) == label


def test_municipal_year_bounds():
    assert municipal_year_bounds(2020) == (date(2020, 5, 1), date(2021, 4, 30))
    assert municipal_year_bounds(2020, 5, 20) == (date(2020, 5, 20), date(2021, 5, 19))
    # Ending the day before 1 March takes in 29 February in a leap year.
    assert municipal_year_bounds(2023, 3, 1) == (date(2023, 3, 1), date(2024, 2, 29))


def test_bounds_and_year_agree():
    first, last = municipal_year_bounds(2020)
    assert municipal_year(first) == 2020
    assert municipal_year(last) == 2020
    assert municipal_year(date.fromordinal(first.toordinal() - 1)) == 2019
    assert municipal_year(date.fromordinal(last.toordinal() + 1)) == 2021


def test_next_minute_number():
    assert next_minute_number([]) == 1
    assert next_minute_number(list(range(86, 98))) == 98  # 19 January 2021 held 86-97
    assert next_minute_number([97, 86, 90]) == 98  # order does not matter
    assert next_minute_number([], 86) == 86  # the clerk's starting number
    assert next_minute_number(list(range(86, 98)), 86) == 98  # already used: carry on
    assert next_minute_number([1, 2], 50) == 50  # a starting number above those used
    assert next_minute_number([], None) == 1
