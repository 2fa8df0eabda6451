"""Pure rules for the municipal year and minute numbers.

Minutes are numbered continuously through a committee's municipal year (one
meeting 86-97, the next 98-109) and start again at 1 in a new municipal year.
"""

from __future__ import annotations

from datetime import date


def municipal_year(day: date, start_month: int = 5, start_day: int = 1) -> int:
    """The calendar year in which the municipal year holding `day` began."""
    if (day.month, day.day) >= (start_month, start_day):
        return day.year
    return day.year - 1


def municipal_year_label(year: int) -> str:
    """'2020/21' for the municipal year that began in 2020."""
    return f"{year}/{(year + 1) % 100:02d}"


def municipal_year_bounds(year: int, start_month: int = 5, start_day: int = 1) -> tuple[date, date]:
    """First and last calendar day of a municipal year."""
    first = date(year, start_month, start_day)
    following = date(year + 1, start_month, start_day)
    return first, date.fromordinal(following.toordinal() - 1)


def next_minute_number(numbers_so_far: list[int], starting_number: int | None = None) -> int:
    """The next number in a year whose minutes so far hold `numbers_so_far`.

    `starting_number` is the clerk's once-set number to continue from records kept
    elsewhere; it applies while it is above every number already used.
    """
    highest = max(numbers_so_far, default=0)
    if starting_number is not None and starting_number > highest:
        return starting_number
    return highest + 1


def allocate(
    minutes_in_year: list[tuple[int, str, int | None]], starting_number: int | None = None
) -> dict[int, int]:
    """Numbers for a committee's year of minutes, given in the order they were taken.

    `minutes_in_year` is (minute id, status, number) in meeting date order, then the
    order taken within each meeting. Confirmed minutes keep their numbers; drafts take
    the numbers that follow, with no gaps. Returns the number for every minute. Raises
    ValueError when a draft would need a number a confirmed minute already holds, or
    a gap would open before one (a year's numbers start at `starting_number`, or 1).
    """
    numbers: dict[int, int] = {}
    following = starting_number or 1
    for minute_id, status, number in minutes_in_year:
        if status == "confirmed" and number is not None:
            if number < following:
                raise ValueError(f"confirmed minute {number} comes after minute {following - 1}")
            if number > following:
                raise ValueError(f"confirmed minute {number} would follow minute {following - 1}, leaving a gap")
            numbers[minute_id] = number
            following = number + 1
        else:
            numbers[minute_id] = following
            following += 1
    return numbers
