"""Converting between what the clerk types, what SQLite stores and what models hold."""

from __future__ import annotations

import re
from datetime import date, time

from store.dates import parse_date, parse_time
from store.errors import InvalidInput

MAX_TEXT = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def required_text(value: str | None, what: str, limit: int = 300) -> str:
    text = _clean(value)
    if not text:
        raise InvalidInput(f"The {what} is empty: type one in.")
    return _limit(text, what, limit)


def optional_text(value: str | None, what: str, limit: int = MAX_TEXT) -> str | None:
    text = _clean(value)
    return _limit(text, what, limit) if text else None


def _clean(value: str | None) -> str:
    if value is None:
        return ""
    storable(value)
    return value.strip()


def storable(value: str) -> str:
    """The text, if SQLite can store it: no NUL, no lone half of a character (a damaged paste)."""
    if "\x00" in value:
        raise InvalidInput("The text holds a NUL character, which clerk does not store.")
    if _SURROGATE.search(value):
        raise InvalidInput("The text holds a broken character (half of one, as a damaged paste leaves); "
                           "retype that part.")
    return value


def _limit(text: str, what: str, limit: int) -> str:
    if len(text) > limit:
        raise InvalidInput(f"The {what} is {len(text):,} characters long; the most is {limit:,}.")
    return text


def choice(value: str, allowed, what: str) -> str:
    cleaned = (value or "").strip().lower()
    if cleaned not in allowed:
        raise InvalidInput(f"'{value}' is not a {what}: choose one of {', '.join(allowed)}.")
    return cleaned


def whole_number(value, what: str, low: int | None = None, high: int | None = None) -> int:
    try:
        number = int(str(value).strip())
    except ValueError as error:
        raise InvalidInput(f"The {what} must be a whole number, not '{value}'.") from error
    if (low is not None and number < low) or (high is not None and number > high):
        span = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise InvalidInput(f"The {what} must be {span}, not {number}.")
    return number


def optional_number(value, what: str, low: int | None = None, high: int | None = None) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    return whole_number(value, what, low, high)


def as_date(value: date | str | None, what: str = "date") -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    return parse_date(value, what)


def as_time(value: time | str | None, what: str = "time") -> time | None:
    if value is None or isinstance(value, time):
        return value
    if not value.strip():
        return None
    return parse_time(value, what)


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def time_text(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def stored_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def stored_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None
