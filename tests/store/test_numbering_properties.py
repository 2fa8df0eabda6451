"""Property tests: whatever the clerk does live, a year's minute numbers stay right.

design.md: "Numbers have no gaps and no duplicates within a committee's year; items
withdrawn or deferred are not minuted; the order of minutes is the order items were
taken, which the chair may vary. Once minutes are confirmed their numbers never change."
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store
from store.errors import ClerkError
from store.numbering import allocate

START = 86
YEAR = 2020
DATES = ("2020-11-10", "2021-01-19", "2021-03-09")
ITEMS_PER_MEETING = 3
WHEN = datetime(2021, 6, 1, 18, 0)
TODAY = date(2021, 6, 1)


# the pure rule ------------------------------------------------------------------------------
statuses = st.sampled_from(["draft", "confirmed"])
stale_numbers = st.one_of(st.none(), st.integers(1, 60))
starting_numbers = st.one_of(st.none(), st.integers(1, 100))


@given(st.lists(st.tuples(statuses, stale_numbers), max_size=20), starting_numbers)
def test_allocate_numbers_in_order_or_refuses(minutes, starting):
    listed = [(minute_id, status, number) for minute_id, (status, number) in enumerate(minutes)]
    try:
        numbers = allocate(listed, starting)
    except ValueError as error:
        assert "confirmed minute" in str(error)
        assert any(status == "confirmed" and number is not None for _, status, number in listed)
        return
    assert set(numbers) == {minute_id for minute_id, _, _ in listed}
    first = starting or 1
    # Gapless and unique from the starting number, in the order given.
    assert [numbers[minute_id] for minute_id, _, _ in listed] == list(range(first, first + len(listed)))
    for minute_id, status, number in listed:
        if status == "confirmed" and number is not None:
            assert numbers[minute_id] == number  # confirmed numbers never change


@given(st.lists(stale_numbers, max_size=30), starting_numbers)
def test_allocate_drafts_take_gapless_numbers_from_the_start(stale, starting):
    listed = [(minute_id, "draft", number) for minute_id, number in enumerate(stale)]
    numbers = allocate(listed, starting)
    first = starting or 1
    assert [numbers[minute_id] for minute_id, _, _ in listed] == list(range(first, first + len(listed)))


@given(st.integers(0, 15), st.lists(stale_numbers, max_size=15), st.integers(1, 100))
def test_allocate_drafts_follow_the_confirmed_minutes(confirmed, stale, starting):
    listed = [(i, "confirmed", starting + i) for i in range(confirmed)]
    listed += [(confirmed + i, "draft", number) for i, number in enumerate(stale)]
    numbers = allocate(listed, starting)
    assert [numbers[minute_id] for minute_id, _, _ in listed] == list(range(starting, starting + len(listed)))
    # Allocating again with the numbers given is stable.
    again = [(minute_id, status, numbers[minute_id]) for minute_id, status, _ in listed]
    assert allocate(again, starting) == numbers


def test_allocate_refuses_a_clash_and_a_gap():
    with pytest.raises(ValueError, match="comes after"):
        allocate([(1, "draft", None), (2, "confirmed", 86)], 86)
    with pytest.raises(ValueError, match="gap"):
        allocate([(1, "confirmed", 86), (2, "draft", 87), (3, "confirmed", 89)], 86)
    with pytest.raises(ValueError, match="gap"):
        allocate([(1, "confirmed", 86), (2, "confirmed", 88)], 86)
    with pytest.raises(ValueError, match="gap"):
        allocate([(1, "confirmed", 87)], 86)  # a withdrawn draft gave up 86
    with pytest.raises(ValueError, match="gap"):
        allocate([(1, "confirmed", 5)])  # without a starting number a year starts at 1
    assert allocate([(1, "confirmed", 86), (2, "confirmed", 87), (3, "draft", 1)], 86) == {1: 86, 2: 87, 3: 88}


# the store, driven through its API -------------------------------------------------------------
@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """A committee with three held meetings of 2020/21, each with agenda items; built once."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    with Store(path) as store:
        committee = store.committees.add(
            "Adult Social Care Scrutiny Commission", council="Leicester City Council",
            starting_minute_number=START, starting_minute_year=YEAR,
        )
        for day in DATES:
            meeting = store.meetings.add(committee.id, day)
            for n in range(ITEMS_PER_MEETING):
                store.agenda.add(meeting.id, f"Item {n + 1} of {day}")
            store.meetings.advance_status(meeting.id, TODAY)
            store.meetings.advance_status(meeting.id, TODAY)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


meeting_index = st.integers(0, len(DATES) - 1)
index = st.integers(0, 20)
operations = st.one_of(
    st.tuples(st.just("take"), meeting_index, index),
    st.tuples(st.just("take_agenda"), meeting_index),
    st.tuples(st.just("urgent"), meeting_index),
    st.tuples(st.just("move"), meeting_index, index, st.sampled_from([-1, 1])),
    st.tuples(st.just("withdraw"), meeting_index, index, st.sampled_from(["withdrawn", "deferred"])),
    st.tuples(st.just("confirm"), meeting_index),
)


def apply(store: Store, meeting_id: int, operation: tuple) -> None:
    kind = operation[0]
    if kind == "take":
        items = store.agenda.list_for(meeting_id)
        store.minutes.take_item(items[operation[2] % len(items)].id)
    elif kind == "take_agenda":
        store.minutes.take_agenda(meeting_id)
    elif kind == "urgent":
        store.minutes.add_urgent_item(meeting_id, "Urgent business", "The Chair agreed it could not wait.")
    elif kind in ("move", "withdraw"):
        minutes = store.minutes.list_for(meeting_id)
        if not minutes:
            return
        minute = minutes[operation[2] % len(minutes)]
        if kind == "move":
            store.minutes.move(minute.id, operation[3])
        else:
            store.minutes.withdraw(minute.id, operation[3])
    elif kind == "confirm":
        store.minutes.confirm_meeting(meeting_id, WHEN)


def snapshot(store: Store) -> tuple:
    return (
        store.db.execute("SELECT * FROM minutes ORDER BY id").fetchall(),
        store.db.execute("SELECT id, status FROM agenda_items ORDER BY id").fetchall(),
    )


def year_minutes(store: Store) -> list[tuple]:
    return store.db.execute(
        "SELECT n.id, n.number, n.status FROM minutes n JOIN meetings m ON m.id = n.meeting_id "
        "WHERE n.municipal_year = ? ORDER BY m.date, n.position",
        [YEAR],
    ).fetchall()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operations, min_size=8, max_size=30))
def test_any_live_meeting_keeps_the_years_numbers_right(template_db, steps):
    # A fresh file per example, copied from the template (hypothesis reuses function fixtures).
    with tempfile.TemporaryDirectory(prefix="clerk-property-") as folder:
        path = Path(folder) / "clerk.db"
        shutil.copyfile(template_db, path)
        with Store(path) as store:
            meeting_ids = [m.id for m in store.meetings.list_for(1)]
            confirmed: dict[int, int] = {}
            for step in steps:
                before = snapshot(store)
                try:
                    apply(store, meeting_ids[step[1]], step)
                except ClerkError:
                    assert snapshot(store) == before, f"{step} was refused but changed the file"
                rows = year_minutes(store)
                numbers = [number for _, number, _ in rows]
                # Gapless, unique and in (meeting date, position) order, from the starting number.
                assert numbers == list(range(START, START + len(numbers))), (step, numbers)
                current = {minute_id: (number, status) for minute_id, number, status in rows}
                for minute_id, number in confirmed.items():
                    assert current.get(minute_id) == (number, "confirmed"), (step, minute_id)
                confirmed.update(
                    {minute_id: number for minute_id, (number, status) in current.items() if status == "confirmed"}
                )
