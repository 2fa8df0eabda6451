"""What the app tells the clerk: its notifications, recorded as they are shown."""

from __future__ import annotations


def listen(app, severity: bool = False) -> list:
    """Record each notification's text (with `severity`: (text, severity) pairs); they still show."""
    said: list = []
    notify = app.notify

    def record(message, *args, **kwargs):
        text = str(message)
        said.append((text, kwargs.get("severity", "information")) if severity else text)
        return notify(message, *args, **kwargs)

    app.notify = record
    return said
