"""Fixtures for driving the app: a store on a temporary file and a frozen clock."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from store import Store
from tui.app import ClerkApp

FROZEN_TODAY = date(2021, 3, 2)
FROZEN_NOW = datetime(2021, 3, 9, 18, 42, 5)  # the clock shown in the live strip


@pytest.fixture
def tui_store(tmp_path):
    store = Store(tmp_path / "clerk.db")
    yield store
    store.close()


@pytest.fixture
def committee(tui_store):
    return tui_store.committees.add(
        "Adult Social Care Scrutiny Commission",
        council="Leicester City Council",
        default_time="17:30",
        default_place="Virtual Meeting using Zoom",
        agenda_setting_days=15,
    )


@pytest.fixture
def make_app(tui_store):
    def make() -> ClerkApp:
        return ClerkApp(tui_store, today=lambda: FROZEN_TODAY, now=lambda: FROZEN_NOW)

    return make


@pytest.fixture
def frozen_today():
    return FROZEN_TODAY


@pytest.fixture
def frozen_now():
    return FROZEN_NOW
