"""The publication deadline, checked against dates worked out by hand with a calendar.

"N clear days" leaves out the day of publication and the day of the meeting; by
default weekends and England and Wales bank holidays are left out as well, and the
publication day itself must be a working day.

Calendars used (Mo Tu We Th Fr Sa Su):
    Dec 2019: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Mon 30, Tue 31
    Jan 2020: Wed 1, Thu 2, Fri 3, Sat 4, Sun 5, Mon 6, Tue 7, Wed 8
    Dec 2020: Wed 23, Thu 24, Fri 25, Sat 26, Sun 27, Mon 28, Tue 29, Wed 30, Thu 31
    Jan 2021: Fri 1, Sat 2, Sun 3, Mon 4, Tue 5, Wed 6, Thu 7
    Mar 2021: Mon 1, Tue 2, Wed 3, Thu 4, Fri 5, Sat 6, Sun 7, Mon 8, Tue 9, ... Mon 15
    Apr 2021: Thu 1, Fri 2, Sat 3, Sun 4, Mon 5, Tue 6, Wed 7, Thu 8
"""

from __future__ import annotations

from datetime import date

import pytest

from store.deadlines import (
    HOLIDAY_REGION_LABELS,
    HOLIDAY_REGIONS,
    agenda_setting_date,
    bank_holiday_name,
    deadline_passed,
    is_working_day,
    last_publication_date,
)


def test_the_bank_holidays_these_tests_rely_on():
    # Printed from holidays.country_holidays('GB', subdiv='ENG'/'SCT', years=...) first.
    england = {
        date(2020, 1, 1): "New Year's Day",
        date(2020, 12, 25): "Christmas Day",
        date(2020, 12, 26): "Boxing Day",
        date(2020, 12, 28): "Boxing Day (observed)",
        date(2021, 1, 1): "New Year's Day",
        date(2021, 4, 2): "Good Friday",
        date(2021, 4, 5): "Easter Monday",
    }
    for day, name in england.items():
        assert bank_holiday_name(day) == name
    assert bank_holiday_name(date(2020, 1, 2)) is None  # not in England
    assert bank_holiday_name(date(2020, 1, 2), "scotland") == "New Year Holiday"
    assert bank_holiday_name(date(2021, 1, 4), "scotland") == "New Year Holiday (observed)"
    assert bank_holiday_name(date(2021, 4, 5), "scotland") is None  # no Easter Monday there
    assert bank_holiday_name(date(2021, 4, 2), "none") is None


def test_the_fixture_meeting_tuesday_9_march_2021():
    # Clear days back from the meeting: Mon 8, Fri 5, Thu 4, Wed 3, Tue 2 (Sat 6/Sun 7
    # left out). The agenda goes out the working day before: Monday 1 March 2021,
    # which is the date on the fixture agenda pack's front sheet.
    assert last_publication_date(date(2021, 3, 9)) == date(2021, 3, 1)
    assert last_publication_date(date(2021, 3, 9), 5, "england-wales", True) == date(2021, 3, 1)


def test_a_monday_meeting_counts_back_over_the_weekend():
    # Mon 15 March 2021: Sun 14 and Sat 13 do not count; Fri 12, Thu 11, Wed 10, Tue 9,
    # Mon 8 are the five clear days; the weekend before (6, 7) is skipped too, so the
    # agenda goes out on Friday 5 March 2021.
    assert last_publication_date(date(2021, 3, 15)) == date(2021, 3, 5)


def test_a_meeting_just_after_christmas_2020():
    # Tue 5 Jan 2021: Mon 4 (1); Sun 3, Sat 2 weekend; Fri 1 New Year's Day; Thu 31 Dec
    # (2), Wed 30 (3), Tue 29 (4); Mon 28 Boxing Day substitute; Sun 27, Sat 26; Fri 25
    # Christmas Day; Thu 24 Dec (5). The working day before: Wednesday 23 December 2020.
    assert last_publication_date(date(2021, 1, 5)) == date(2020, 12, 23)


def test_a_meeting_in_the_first_week_of_january_2021():
    # Thu 7 Jan 2021: Wed 6 (1), Tue 5 (2), Mon 4 (3); Sun 3, Sat 2, Fri 1 left out;
    # Thu 31 Dec (4), Wed 30 Dec (5). Published Tuesday 29 December 2020.
    assert last_publication_date(date(2021, 1, 7)) == date(2020, 12, 29)


def test_the_publication_day_itself_skips_bank_holidays():
    # Wed 30 Dec 2020 with 1 clear day: Tue 29 (1); the day before is Mon 28 (Boxing Day
    # substitute), then Sun 27, Sat 26, Fri 25 (Christmas): published Thursday 24 December.
    assert last_publication_date(date(2020, 12, 30), 1) == date(2020, 12, 24)


def test_a_meeting_after_easter_2021():
    # Thu 8 Apr 2021: Wed 7 (1), Tue 6 (2); Mon 5 Easter Monday, Sun 4, Sat 3, Fri 2
    # Good Friday left out; Thu 1 Apr (3), Wed 31 Mar (4), Tue 30 Mar (5). Published
    # Monday 29 March 2021.
    assert last_publication_date(date(2021, 4, 8)) == date(2021, 3, 29)


def test_three_clear_days_as_in_wales():
    # Tue 9 Mar 2021: Mon 8 (1), Fri 5 (2), Thu 4 (3); published Wednesday 3 March 2021.
    assert last_publication_date(date(2021, 3, 9), 3) == date(2021, 3, 3)


def test_weekends_counted_when_the_committee_says_so():
    # Mon 15 Mar 2021 counting every day: Sun 14, Sat 13, Fri 12, Thu 11, Wed 10;
    # published Tuesday 9 March 2021.
    assert last_publication_date(date(2021, 3, 15), 5, "england-wales", False) == date(2021, 3, 9)


def test_weekends_counted_but_bank_holidays_still_left_out():
    # Thu 8 Apr 2021: Wed 7 (1), Tue 6 (2); Mon 5 Easter Monday left out; Sun 4 (3),
    # Sat 3 (4); Fri 2 Good Friday left out; Thu 1 (5). Published Wednesday 31 March.
    assert last_publication_date(date(2021, 4, 8), 5, "england-wales", False) == date(2021, 3, 31)


def test_no_bank_holidays():
    # Tue 5 Jan 2021 with weekends but no holidays left out: Mon 4 (1), Fri 1 (2),
    # Thu 31 Dec (3), Wed 30 (4), Tue 29 (5); published Monday 28 December 2020
    # (which in England would be the Boxing Day substitute: compare 23 December above).
    assert last_publication_date(date(2021, 1, 5), 5, "none") == date(2020, 12, 28)


def test_scotland_keeps_2_january():
    # Wed 8 Jan 2020. England: Tue 7 (1), Mon 6 (2), Fri 3 (3), Thu 2 (4); Wed 1 New
    # Year's Day; Tue 31 Dec (5); published Monday 30 December 2019.
    # Scotland: Thu 2 Jan is also a holiday, so Tue 7 (1), Mon 6 (2), Fri 3 (3), Tue 31
    # Dec (4), Mon 30 Dec (5); the working day before Mon 30 (Sun 29, Sat 28 skipped) is
    # Fri 27 December 2019.
    assert last_publication_date(date(2020, 1, 8), 5, "england-wales") == date(2019, 12, 30)
    assert last_publication_date(date(2020, 1, 8), 5, "scotland") == date(2019, 12, 27)


def test_scotland_keeps_the_observed_new_year_holiday():
    # Thu 7 Jan 2021. Scotland: Wed 6 (1), Tue 5 (2); Mon 4 (2 Jan observed), Sun 3,
    # Sat 2, Fri 1 left out; Thu 31 (3), Wed 30 (4), Tue 29 (5); Mon 28, Sun 27, Sat 26,
    # Fri 25 left out: published Thursday 24 December 2020 (England: 29 December).
    assert last_publication_date(date(2021, 1, 7), 5, "scotland") == date(2020, 12, 24)


def test_zero_clear_days_means_the_working_day_before():
    # Tue 9 Mar 2021 -> Mon 8; Mon 15 Mar 2021 -> Fri 12 (the weekend is not a working day).
    assert last_publication_date(date(2021, 3, 9), 0) == date(2021, 3, 8)
    assert last_publication_date(date(2021, 3, 15), 0) == date(2021, 3, 12)


def test_working_days():
    assert is_working_day(date(2021, 3, 9))
    assert not is_working_day(date(2021, 3, 6))  # Saturday
    assert is_working_day(date(2021, 3, 6), skip_weekends=False)
    assert not is_working_day(date(2021, 4, 5))  # Easter Monday
    assert is_working_day(date(2021, 4, 5), "scotland")
    assert is_working_day(date(2021, 4, 5), "none")
    assert not is_working_day(date(2020, 1, 2), "scotland")


def test_every_region_has_a_label():
    assert set(HOLIDAY_REGION_LABELS) == set(HOLIDAY_REGIONS)


def test_agenda_setting_date():
    # 9 March 2021 less 15 days: 9 - 15 = -6, so 28 February (2021 not leap) - 6 = 22 February.
    assert agenda_setting_date(date(2021, 3, 9), 15) == date(2021, 2, 22)
    assert agenda_setting_date(date(2021, 3, 9), None) is None


@pytest.mark.parametrize(
    ("today", "passed"),
    [(date(2021, 2, 28), False), (date(2021, 3, 1), False), (date(2021, 3, 2), True)],
)
def test_the_deadline_passes_after_its_last_day(today, passed):
    assert deadline_passed(date(2021, 3, 1), today) is passed
