"""A small clerk database built once per test module and copied per test, and a file digest."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from store import Store

ASC = "Adult Social Care Scrutiny Commission"
LEICESTER = "Leicester City Council"

_template: list[Path] = []


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", autouse=True)
def one_database_built_per_module(tmp_path_factory):
    """Building a database takes a while (every schema step): build one, copy it per test."""
    path = tmp_path_factory.mktemp("template") / "clerk.db"
    with Store(path) as s:
        committee = s.committees.add(ASC, council=LEICESTER)
        s.meetings.add(committee.id, "2021-01-19")
    _template[:] = [path]


def make_database(path: Path) -> Path:
    """A clerk database with one committee and one meeting."""
    shutil.copyfile(_template[0], path)
    return path
