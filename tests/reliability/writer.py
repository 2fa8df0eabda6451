"""One of the eight clerks of test_concurrent_writers.py: write to one meeting for a while and log
every write the store acknowledged (returned from without an exception).

Usage: python writer.py DB ROLE MEETING_ID LOG SECONDS SEED [SHARE]

ROLE is one of
  attendance  statuses (of the members whose index % 2 == SHARE), arrivals and departures, others present
  minutes     take agenda items (those whose index % 2 == SHARE), edit their notes, add urgent business
  agenda      add items, change their descriptions, move them up and down
  shared      like minutes, on a meeting another process takes too: both take every item (one minute
              each, whoever is first), each edits the notes of the items whose index % 2 == SHARE,
              and both add resolutions to the items they have just taken
It opens its Store, reads the meeting as set up, prints "ready" and waits for a line on stdin (so
that all eight start together), then writes for SECONDS. Every line of LOG is JSON: an acknowledged
write, an `error` (any exception a clerk would have met, with its type, its cause and how long the
call took), and at the end an `end` line with the number of steps and the slowest call.
"""

from __future__ import annotations

import json
import random
import sys
import time

from store import Store
from store.errors import ClerkError

# Seconds, the most a clerk waits between two writes: still far faster than anyone types. With no
# pause at all, SQLite's sleep-and-retry busy handler lets hot writers starve one for seconds on end
# (3.5 s seen, against the 5 s busy timeout), which is a benchmark of the lock, not eight clerks.
PAUSE = 0.03
REASONS = "The Chair agreed that the item could not wait for the next meeting."


class Clerk:
    """One clerk's writes to one meeting, read as it was set up before anyone started writing."""

    def __init__(self, store: Store, role: str, meeting_id: int, share: int, log_file, seed: int) -> None:
        self.store, self.role, self.meeting_id, self.share = store, role, meeting_id, share
        self.log_file, self.rng, self.label = log_file, random.Random(seed), f"{role}-{share}"
        self.count = 0
        self.slowest = 0.0  # seconds, the longest any store call took (waiting for the lock included)
        self.people = [e.person_id for e in store.attendance.list_for(meeting_id)]
        self.items = [i.id for i in store.agenda.list_for(meeting_id)]
        if role == "attendance":  # two clerks on one meeting: each keeps the record of half the members
            self.people = self.people[share::2]
        if role == "minutes":  # two clerks on one meeting: each takes every other item
            self.items = self.items[share::2]
        self.next_item = 0
        self.own: list[int] = []  # minutes whose notes this clerk edits
        self.taken: list[int] = []  # minutes this clerk has taken (both clerks of meeting E take the same)
        self.order = list(self.items)  # the agenda clerk's own idea of the order

    def log(self, **entry) -> None:
        self.log_file.write(json.dumps(entry) + "\n")
        self.log_file.flush()

    def attempt(self, call, *args, **kwargs) -> tuple[bool, object]:
        """Call the store as the app does; an exception is what the clerk would have seen: log it."""
        began = time.monotonic()
        try:
            return True, call(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every exception is evidence for the test
            cause = error.__cause__ or error.__context__
            self.log(op="error", call=call.__qualname__, type=type(error).__name__, message=str(error),
                     seconds=round(time.monotonic() - began, 3),
                     clerk_error=isinstance(error, ClerkError), cause=type(cause).__name__ if cause else None,
                     cause_message=str(cause) if cause else None)
            return False, None
        finally:
            self.slowest = max(self.slowest, time.monotonic() - began)

    def run(self, seconds: float) -> None:
        step = getattr(self, f"step_{self.role}")
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.count += 1
            step()
            time.sleep(self.rng.uniform(0, PAUSE))
        if self.role == "agenda":
            self.log(op="order", ids=self.order)
        self.log(op="end", steps=self.count, slowest=round(self.slowest, 3))

    # attendance --------------------------------------------------------------------------------------
    def step_attendance(self) -> None:
        attendance, meeting, roll = self.store.attendance, self.meeting_id, self.rng.random()
        person = self.rng.choice(self.people)
        if roll < 0.7:
            status = self.rng.choice(["present", "apologies", "absent"])
            if self.attempt(attendance.set, meeting, person, status)[0]:
                self.log(op="attendance", person=person, status=status)
        elif roll < 0.85:
            ok, movement = self.attempt(attendance.record_movement, meeting, person,
                                        self.rng.choice(["left", "returned"]), None, "19:05")
            if ok:
                self.log(op="movement", id=movement.id, person=person, kind=movement.kind)
        else:
            ok, other = self.attempt(attendance.add_other, meeting, f"Adviser {self.count}", "Legal adviser")
            if ok:
                self.log(op="other", id=other.id, name=other.name)

    # minutes -----------------------------------------------------------------------------------------
    def step_minutes(self) -> None:
        roll = self.rng.random()
        if (roll < 0.3 or not self.own) and self.next_item < len(self.items):
            self.take(mine=True)
        elif roll < 0.36:
            self.urgent()
        elif self.own:
            self.edit()

    def step_shared(self) -> None:
        roll = self.rng.random()
        if roll < 0.35 and self.next_item < len(self.items):
            self.take(mine=self.next_item % 2 == self.share)
        elif roll < 0.4:
            self.urgent()
        elif roll < 0.7 and self.taken:
            self.resolve()
        elif self.own:
            self.edit()

    def take(self, mine: bool) -> None:
        item = self.items[self.next_item]
        self.next_item += 1
        ok, minute = self.attempt(self.store.minutes.take_item, item)
        if ok:
            self.log(op="take", item=item, minute=minute.id)
            self.taken.append(minute.id)
            if mine:
                self.own.append(minute.id)

    def urgent(self) -> None:
        title = f"URGENT {self.label} {self.count}"
        ok, minute = self.attempt(self.store.minutes.add_urgent_item, self.meeting_id, title, REASONS)
        if ok:
            self.log(op="urgent", minute=minute.id, item=minute.agenda_item_id, title=minute.title)
            self.own.append(minute.id)

    def resolve(self) -> None:
        """A resolution on the item last taken: both clerks of a meeting add to the same minutes."""
        minute_id = self.taken[-1]
        text = f"That {self.label} records decision {self.count}."
        ok, resolution = self.attempt(self.store.resolutions.add, minute_id, text)
        if ok:
            self.log(op="resolution", id=resolution.id, minute=minute_id, text=text)

    def edit(self) -> None:
        minute_id = self.rng.choice(self.own)
        body = f"Notes by {self.label}, change {self.count}."
        if self.attempt(self.store.minutes.update, minute_id, body=body)[0]:
            self.log(op="body", minute=minute_id, body=body)

    # agenda ------------------------------------------------------------------------------------------
    def step_agenda(self) -> None:
        agenda, roll = self.store.agenda, self.rng.random()
        if roll < 0.3 or not self.order:
            title = f"Topic {self.label} {self.count}"
            ok, item = self.attempt(agenda.add, self.meeting_id, title, description="To be scoped.")
            if ok:
                self.order.append(item.id)
                self.log(op="add", id=item.id, title=item.title)
        elif roll < 0.65:
            item_id = self.rng.choice(self.order)
            description = f"Scope agreed at change {self.count}."
            if self.attempt(agenda.update, item_id, description=description)[0]:
                self.log(op="update", id=item_id, description=description)
        else:
            item_id, delta = self.rng.choice(self.order), self.rng.choice([-1, 1])
            if self.attempt(agenda.move, item_id, delta)[0]:
                index = self.order.index(item_id)
                if 0 <= index + delta < len(self.order):
                    self.order[index], self.order[index + delta] = self.order[index + delta], item_id
                self.log(op="move", id=item_id, delta=delta)


def main(db: str, role: str, meeting_id: str, log: str, seconds: str, seed: str, share: str = "0") -> None:
    with Store(db) as store, open(log, "w") as log_file:
        clerk = Clerk(store, role, int(meeting_id), int(share), log_file, int(seed))
        print("ready", flush=True)
        sys.stdin.readline()  # go: the eight start together
        clerk.run(float(seconds))


if __name__ == "__main__":
    main(*sys.argv[1:])
