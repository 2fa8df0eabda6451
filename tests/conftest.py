"""Fixtures shared by every test folder: a store on a fresh file in tmp_path."""

from __future__ import annotations

import pytest

from store import Store


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "clerk.db")
    yield store
    store.close()
