"""The bank holiday table clerk starts with (store/bank_holiday_dates.py) is what the `holidays`
library says; if this fails after upgrading the library, run scripts/bank_holidays.py."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import holidays
import pytest

from store import bank_holiday_dates
from store.deadlines import HOLIDAY_REGIONS, _holidays_for

REGIONS = [region for region, country in HOLIDAY_REGIONS.items() if country is not None]


@pytest.mark.parametrize("region", REGIONS)
def test_the_table_is_what_the_library_says(region):
    country, subdivision = HOLIDAY_REGIONS[region]
    for year in range(bank_holiday_dates.FIRST_YEAR, bank_holiday_dates.LAST_YEAR + 1):
        library = {day for day in holidays.country_holidays(country, subdiv=subdivision, years=year)
                   if day.year == year}
        assert _holidays_for(region, year) == library, (region, year)


def test_years_outside_the_table_ask_the_library():
    year = bank_holiday_dates.LAST_YEAR + 1
    assert date(year, 12, 25) in _holidays_for("england-wales", year)
    assert _holidays_for("none", 2021) == frozenset()


def test_deadlines_do_not_load_the_library():
    code = ("import sys; from datetime import date; from store.deadlines import last_publication_date; "
            "last_publication_date(date(2021, 4, 6)); print('holidays' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
