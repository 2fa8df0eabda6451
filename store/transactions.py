"""Transactions that take the write lock before they read, so several clerks can share one file.

sqlite-utils' `db.atomic()` begins a DEFERRED transaction: its first read takes a snapshot, and
its first write then asks for the write lock. When another clerk has committed in between (another
minute taken, another item added), SQLite refuses that write at once with SQLITE_BUSY_SNAPSHOT,
"database is locked", and the busy timeout does not wait it out: the snapshot can never become
current. The store's transactions read before they write (the year's minute numbers, the next
position), so under a DEFERRED begin a second clerk's work fails or, read outside a transaction,
is numbered from stale data. `BEGIN IMMEDIATE` takes the write lock first (waiting up to the busy
timeout for it), so what a transaction reads is still true when it writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlite_utils import Database


class ClerkDatabase(Database):
    """A sqlite-utils Database whose outermost `atomic()` begins IMMEDIATE; nested blocks stay savepoints."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[ClerkDatabase]:
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the transaction already holding the lock
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:  # an error such as RAISE(ROLLBACK) may have ended it already
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
