"""clerk's data layer: SQLite through sqlite-utils. Never imports Textual."""

from store.api import Store
from store.errors import ClerkError, Conflict, DatabaseError, InvalidInput, NotFound

__all__ = ["Store", "ClerkError", "Conflict", "DatabaseError", "InvalidInput", "NotFound"]
