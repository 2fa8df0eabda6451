"""clerk's data layer: SQLite through sqlite-utils. Never imports Textual."""

from typing import TYPE_CHECKING

from store.errors import ClerkError, Conflict, DatabaseError, InvalidInput, NotFound

if TYPE_CHECKING:
    from store.api import Store

__all__ = ["Store", "ClerkError", "Conflict", "DatabaseError", "InvalidInput", "NotFound"]


def __getattr__(name: str):
    # Store (and with it sqlite-utils and every area of the store) loads on first use, so that
    # `from store.errors import ClerkError` stays light: `clerk` starts the app before loading it.
    if name == "Store":
        from store.api import Store

        return Store
    raise AttributeError(f"module 'store' has no attribute {name!r}")
