"""Reading the dates and times a clerk types, with plain messages when they are wrong."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from dateutil import parser as dateparser

from store.errors import InvalidInput

_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
# dateutil fills a part the clerk left out from a default; parsing with two defaults
# that differ in every part shows whether one was left out.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", re.IGNORECASE)


def parse_date(text: str, what: str = "date") -> date:
    """Read '2021-03-09', '9 March 2021', '9/3/2021' (day first, as in the UK)."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput(f"The {what} is empty: type it as 2021-03-09 or 9 March 2021.")
    iso = _ISO_DATE.match(cleaned)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        first, second = (dateparser.parse(cleaned, dayfirst=True, default=d).date() for d in _DEFAULTS)
    except (ValueError, OverflowError) as error:
        raise InvalidInput(
            f"'{cleaned}' is not a real {what}: type it as 2021-03-09 or 9 March 2021."
        ) from error
    if first != second:
        raise InvalidInput(
            f"'{cleaned}' is not a whole {what}: give the day, month and year, as 2021-03-09 or 9 March 2021."
        )
    return first


def parse_time(text: str, what: str = "time") -> time:
    """Read '17:30', '5:30 pm', '5.30pm', '5pm'."""
    cleaned = (text or "").strip().replace(" ", "")
    if not cleaned:
        raise InvalidInput(f"The {what} is empty: type it as 17:30 or 5:30 pm.")
    match = _TIME.match(cleaned)
    if not match:
        raise InvalidInput(f"'{text.strip()}' is not a {what}: type it as 17:30 or 5:30 pm.")
    hour, minute = int(match[1]), int(match[2] or 0)
    meridiem = (match[3] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise InvalidInput(f"'{text.strip()}' is not a {what}: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(f"'{text.strip()}' is not a {what}: type it as 17:30 or 5:30 pm.")
    return time(hour, minute)


def long_date(day: date) -> str:
    """'Tuesday 9 March 2021', as agendas write it."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """'Tue 9 Mar 2021', for tables."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def clock_time(value: time) -> str:
    """'5:30 pm', as agendas write it."""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"
