"""Write store/bank_holiday_dates.py: the bank holidays of each region for the years clerk keeps
ready, from the `holidays` library pinned in pyproject.toml.

    python scripts/bank_holidays.py

clerk reads that table instead of importing `holidays` (a quarter of a second) every time it
starts; tests/store/test_bank_holiday_dates.py fails if the table and the library disagree,
for instance after the library is upgraded with a newly announced bank holiday: run this again.
"""

from __future__ import annotations

import sys
from pathlib import Path

import holidays

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.deadlines import HOLIDAY_REGIONS  # noqa: E402

FIRST_YEAR, LAST_YEAR = 2000, 2040
TARGET = ROOT / "store" / "bank_holiday_dates.py"


def table() -> dict[str, tuple[str, ...]]:
    found = {}
    for region, country in HOLIDAY_REGIONS.items():
        if country is None:
            continue
        days = holidays.country_holidays(country[0], subdiv=country[1], years=range(FIRST_YEAR, LAST_YEAR + 1))
        found[region] = tuple(sorted(day.isoformat() for day in days))
    return found


def source() -> str:
    lines = [
        '"""Bank holidays by region, ' f"{FIRST_YEAR} to {LAST_YEAR}" ', made by scripts/bank_holidays.py from',
        f'holidays {holidays.__version__}. Do not edit: run the script again (store/deadlines.py reads this',
        'table and asks the library only for other years)."""',
        "",
        f"FIRST_YEAR, LAST_YEAR = {FIRST_YEAR}, {LAST_YEAR}",
        "DATES = {",
    ]
    for region, days in table().items():
        lines.append(f"    {region!r}: (")
        for start in range(0, len(days), 6):
            lines.append("        " + " ".join(f"{day!r}," for day in days[start:start + 6]))
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(source(), encoding="utf-8")
    print(f"Wrote {TARGET.relative_to(ROOT)}.")
