"""Reading a file the clerk names: a clear message for every way it can fail."""

from __future__ import annotations

from pathlib import Path

from store.errors import InvalidInput

MAX_FILE_BYTES = 200 * 1024 * 1024


def read_file(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; InvalidInput if it is missing, a folder, unreadable, too large or empty."""
    path = Path(path).expanduser()
    if not path.exists():
        raise InvalidInput(f"{path} does not exist.")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder, not a file.")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidInput(f"{path.name} is {size // (1024 * 1024)} MB; clerk takes files up to "
                               f"{max_bytes // (1024 * 1024)} MB.")
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"{path} cannot be read: {error.strerror}.") from error
    if not data.strip():
        raise InvalidInput(f"{path.name} is empty.")
    return data
