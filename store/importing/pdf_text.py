"""Read a file to import as pages of text: PDF (pypdf text extraction), plain text or Markdown.

Nothing here knows what a pack looks like; it only turns bytes into text, or says in
plain English why it cannot.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from store.errors import InvalidInput
from store.files import read_file

Progress = Callable[[int, int, str], None]

MAX_BYTES = 200 * 1024 * 1024
# A whole agenda pack as text is a few hundred kilobytes; reading tens of megabytes of text
# would keep the clerk waiting for minutes before saying there is no meeting in it.
MAX_TEXT_BYTES = 10 * 1024 * 1024
# Bytes a text file does not hold; more than a few of them and the file is not text.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}


@dataclass(frozen=True)
class SourceText:
    """A file's text, page by page (a text file is one page, or pages split by form feeds)."""

    name: str
    sha256: str
    kind: str  # "pdf", "markdown" or "text"
    pages: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def read_source(path: str | Path, progress: Progress | None = None) -> SourceText:
    """The file's text; InvalidInput (naming the file) when it is missing, empty, binary or a broken PDF."""
    path = Path(path)
    data = _read_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    if data.lstrip()[:5].startswith(b"%PDF-"):
        return SourceText(path.name, sha256, "pdf", _pdf_pages(data, path.name, progress))
    if path.suffix.lower() == ".pdf":
        raise InvalidInput(f"{path.name} is called .pdf but is not a PDF (it does not start with %PDF-).")
    if len(data) > MAX_TEXT_BYTES:
        raise InvalidInput(f"{path.name} is {len(data) / (1024 * 1024):.0f} MB and not a PDF: far more than an agenda "
                           f"pack or minutes hold as text. clerk imports text and Markdown files up to "
                           f"{MAX_TEXT_BYTES // (1024 * 1024)} MB.")
    text, warnings = _decode(data, path.name)
    kind = "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    pages = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\f"))
    if progress:
        progress(1, 1, "reading")
    return SourceText(path.name, sha256, kind, pages, tuple(warnings))


def _read_bytes(path: Path) -> bytes:
    return read_file(path, MAX_BYTES)


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without a byte-order mark); else Windows-1252, else Latin-1, never losing a byte."""
    warnings = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InvalidInput(f"{name} starts as UTF-16 text but byte {error.start + 1} is not valid there; "
                               "save it again as UTF-8 text.") from error
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
            warnings.append(
                f"{name} is not UTF-8 (byte {error.start + 1} is not valid there); it was read as {encoding} text."
            )
    if "\x00" in text:  # checked first: it is quick, and counting the other controls is not
        raise InvalidInput(f"{name} is not a text, Markdown or PDF file (it holds binary data).")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) // 200):
        raise InvalidInput(f"{name} is not a text, Markdown or PDF file (it holds binary data).")
    return text, warnings


def _pdf_pages(data: bytes, name: str, progress: Progress | None) -> tuple[str, ...]:
    from pypdf import PdfReader

    if b"endobj" not in data:  # every PDF holds objects; pypdf would search megabytes of junk for them
        raise InvalidInput(f"{name} could not be read as a PDF (it starts with %PDF- but holds no PDF objects).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InvalidInput(f"{name} is a password-protected PDF; save an unprotected copy and import that.")
        total = len(reader.pages)
    except InvalidInput:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise InvalidInput(f"{name} could not be read as a PDF ({_reason(error)}).") from error
    if total == 0:
        raise InvalidInput(f"{name} is a PDF with no pages.")
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        pages.append(_page_text(page, name, number))
        if progress:
            progress(number, total, "reading pages")
    if not any(p.strip() for p in pages):
        raise InvalidInput(
            f"{name} is a PDF with no text in it (a scan?): clerk reads the text of a PDF, it cannot read images."
        )
    return tuple(pages)


def _page_text(page, name: str, number: int) -> str:
    """The page in layout mode, which keeps the blank lines between paragraphs; plain mode if that fails."""
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:
        try:
            return page.extract_text()
        except Exception as error:
            raise InvalidInput(f"{name}: page {number} could not be read ({_reason(error)}).") from error


def _reason(error: Exception) -> str:
    return str(error) or error.__class__.__name__
