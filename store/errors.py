"""Errors the store raises, each with a message a clerk can act on."""


class ClerkError(Exception):
    """Base class: the message is shown to the clerk as it is."""


class InvalidInput(ClerkError):
    """A value the clerk typed cannot be stored (bad date, empty name, ...)."""


class NotFound(ClerkError):
    """The committee, meeting or person asked for does not exist."""


class Conflict(ClerkError):
    """The change would clash with what is stored (a second meeting on a date, ...)."""


class DatabaseError(ClerkError):
    """The database file cannot be used (newer version, corrupt, unreadable)."""
