"""Store fixtures: the committee of the fixture agenda pack, and a row counter."""

from __future__ import annotations

import pytest

ASC = "Adult Social Care Scrutiny Commission"
LEICESTER = "Leicester City Council"


@pytest.fixture
def committee(store):
    return store.committees.add(
        ASC,
        council=LEICESTER,
        default_time="17:30",
        default_place="Virtual Meeting using Zoom",
        livestream_url="https://www.youtube.com/results?search_query=leicester+democracy",
        agenda_setting_days=15,
    )


@pytest.fixture
def count(store):
    """How many rows of a table match: tests assert on the file, not only on return values."""

    def count(table: str, where: str = "1 = 1", params=()) -> int:
        return store.db.execute(f"SELECT count(*) FROM {table} WHERE {where}", list(params)).fetchone()[0]

    return count
