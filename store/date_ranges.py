"""The "from" and "to" of a date filter as a clerk types them: a day, a month or a whole year.

"2021" from means 1 January 2021 and to means 31 December 2021; "March 2021" (or 3/2021,
2021-03) likewise means the first or last day of March. A day is read by store.dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from store.dates import parse_date
from store.errors import InvalidInput

_YEAR = re.compile(r"^(\d{4})$")
_MONTH_NAME_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[/.-](\d{1,2})$")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9


def date_bound(text: str | None, end: bool = False, what: str = "date") -> date | None:
    """The first day of what `text` names (the last day when `end`); None when it is blank.
    InvalidInput, naming `what`, when it is not a day, a month or a year."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        return None
    try:
        year_month = _year_month(cleaned)
        if year_month is None:
            return parse_date(cleaned, what)
        year, month = year_month
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    except (InvalidInput, ValueError):
        raise InvalidInput(
            f"'{cleaned}' is not a {what} clerk can read: type a day (2021-03-09, 9/3/2021 or 9 March 2021), "
            "a month (March 2021) or a year (2021)."
        ) from None


def _year_month(text: str) -> tuple[int, int | None] | None:
    """(year, None) for "2021", (year, month) for "March 2021", "3/2021" or "2021-03"; None for anything else."""
    if match := _YEAR.match(text):
        return int(match[1]), None
    if match := _MONTH_NAME_YEAR.match(text):
        month = _MONTHS.get(match[1].lower())
        if month is None:
            raise ValueError(text)
        return int(match[2]), month
    if match := _MONTH_YEAR.match(text):
        return int(match[2]), _month(match[1])
    if match := _YEAR_MONTH.match(text):
        return int(match[1]), _month(match[2])
    return None


def _month(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise ValueError(text)
    return month


def date_range(since_text: str | None, until_text: str | None) -> tuple[date | None, date | None]:
    """Both ends of a filter from what the clerk typed; InvalidInput when one is unreadable or they
    are the wrong way round."""
    since = date_bound(since_text, end=False, what="'from' date")
    until = date_bound(until_text, end=True, what="'to' date")
    if since and until and since > until:
        raise InvalidInput(f"The 'from' date ({day_text(since)}) is after the 'to' date ({day_text(until)}): "
                           "swap them, or leave one blank.")
    return since, until


def range_text(since: date | None, until: date | None) -> str:
    """'since 1 May 2020', 'until 31 December 2021', 'in 2021', 'in March 2021', 'from … to …'; '' for none."""
    if since and until:
        if (since.month, since.day, until.month, until.day) == (1, 1, 12, 31):
            return f"in {since.year}" if since.year == until.year else f"in {since.year} to {until.year}"
        if (since.year, since.month, since.day) == (until.year, until.month, 1) and \
                until.day == calendar.monthrange(until.year, until.month)[1]:
            return f"in {since:%B %Y}"
        return f"from {day_text(since)} to {day_text(until)}"
    if since:
        return f"since {day_text(since)}"
    if until:
        return f"until {day_text(until)}"
    return ""


def day_text(day: date) -> str:
    """'1 May 2020'."""
    return f"{day.day} {day:%B %Y}"
