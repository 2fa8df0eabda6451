"""Pure rules for the statutory publication deadline.

Local Government Act 1972 s100B: the agenda and reports are open to inspection at
least N clear days before the meeting (five in England, three in Wales). "Clear"
leaves out the day of publication and the day of the meeting; common practice
also leaves out weekends and bank holidays, which is what a committee's settings
say by default.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from store import bank_holiday_dates

HOLIDAY_REGIONS = {
    "england-wales": ("GB", "ENG"),
    "scotland": ("GB", "SCT"),
    "northern-ireland": ("GB", "NIR"),
    "none": None,
}
HOLIDAY_REGION_LABELS = {
    "england-wales": "England and Wales bank holidays",
    "scotland": "Scotland bank holidays",
    "northern-ireland": "Northern Ireland bank holidays",
    "none": "no bank holidays",
}


@lru_cache(maxsize=64)
def _holidays_for(region: str, year: int) -> frozenset[date]:
    """The region's bank holidays of `year`: from the table the `holidays` library made
    (store/bank_holiday_dates.py), else from the library itself, which takes a quarter of
    a second to load; the app starts without it."""
    country = HOLIDAY_REGIONS[region]
    if country is None:
        return frozenset()
    if bank_holiday_dates.FIRST_YEAR <= year <= bank_holiday_dates.LAST_YEAR:
        prefix = f"{year:04d}-"
        return frozenset(date.fromisoformat(day) for day in bank_holiday_dates.DATES[region]
                         if day.startswith(prefix))
    import holidays

    return frozenset(holidays.country_holidays(country[0], subdiv=country[1], years=year))


def bank_holiday_name(day: date, region: str = "england-wales") -> str | None:
    country = HOLIDAY_REGIONS[region]
    if country is None:
        return None
    import holidays  # names only: the dates come from the table (see _holidays_for)

    return holidays.country_holidays(country[0], subdiv=country[1], years=day.year).get(day)


def is_working_day(day: date, region: str = "england-wales", skip_weekends: bool = True) -> bool:
    if skip_weekends and day.weekday() >= 5:
        return False
    return day not in _holidays_for(region, day.year)


def last_publication_date(
    meeting_day: date,
    clear_days: int = 5,
    region: str = "england-wales",
    skip_weekends: bool = True,
) -> date:
    """The last day the agenda may be published for a meeting on `meeting_day`.

    Counts `clear_days` working days back from the day before the meeting; the
    publication day is the working day before the first of them.
    """
    one_day = relativedelta(days=1)
    day = meeting_day
    counted = 0
    while counted < clear_days:
        day -= one_day
        if is_working_day(day, region, skip_weekends):
            counted += 1
    day -= one_day
    while not is_working_day(day, region, skip_weekends):
        day -= one_day
    return day


def agenda_setting_date(meeting_day: date, days_before: int | None) -> date | None:
    """The agenda-setting meeting's date, if the committee holds one a fixed time ahead."""
    if days_before is None:
        return None
    return meeting_day - timedelta(days=days_before)


def deadline_passed(deadline: date, today: date) -> bool:
    """True once the last publication day is over."""
    return today > deadline
