"""Render clerk's Markdown (and plain text) to PDF pages, and count a PDF's pages.

The council house style is plain: headings in bold, paragraphs, lists, A4 portrait.
fpdf2's built-in Helvetica only holds Latin-1, so characters outside it are mapped to
their nearest Latin-1 form (dashes, quotes, bullets) before rendering; nothing raises.

fpdf2 and pypdf are imported on first use: together they take longer to import than the
rest of clerk and hold tens of MiB, and the app starts without needing either.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import TYPE_CHECKING

from store.errors import InvalidInput

if TYPE_CHECKING:
    from fpdf import FPDF

_NEAREST = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2022": "-", "\u25a0": "-", "\u25aa": "-", "\u25cf": "-", "\u2023": "-", "\u2043": "-",
    "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    "\u2264": "<=", "\u2265": ">=", "\u2122": "(TM)", "\u20ac": "EUR",
})
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_EMPHASIS = re.compile(r"(\*\*|__|<u>|</u>)")


def latin1(text: str) -> str:
    """The text as Helvetica can draw it: nearest Latin-1 characters, control characters dropped."""
    text = text.translate(_NEAREST)
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32)
    return text.encode("latin-1", "replace").decode("latin-1")


@cache
def _page_class() -> type[FPDF]:
    """An A4 portrait page in house style, with the footer line; defined when first needed."""
    from fpdf import FPDF

    class Page(FPDF):
        def __init__(self, footer_text: str | None = None):
            super().__init__(orientation="P", unit="mm", format="A4")
            self.footer_text = footer_text
            self.set_margins(20, 20, 20)
            self.set_auto_page_break(True, margin=20)
            self.set_creator("clerk")

        def footer(self) -> None:
            if self.footer_text:
                self.set_y(-14)
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, latin1(self.footer_text), align="C")

    return Page


def _page(footer_text: str | None = None) -> FPDF:
    return _page_class()(footer_text)


def markdown_to_pdf(markdown: str, footer_text: str | None = None) -> bytes:
    """A PDF of the Markdown: headings bold, paragraphs and list items wrapped to the page."""
    pdf = _page(footer_text)
    pdf.add_page()
    for block in _blocks(markdown):
        _draw(pdf, block)
    return bytes(pdf.output())


def text_to_pdf(text: str, footer_text: str | None = None) -> bytes:
    """A PDF of plain text, paragraphs as written."""
    pdf = _page(footer_text)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        if paragraph.strip():
            pdf.multi_cell(0, 5, latin1(paragraph.strip("\n")), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    return bytes(pdf.output())


def page_count(data: bytes, name: str = "the file") -> int:
    """How many pages a PDF has; a clear InvalidInput for anything that is not a readable PDF."""
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise InvalidInput(f"{name} is not a PDF (it does not start with %PDF-).")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise InvalidInput(f"{name} could not be read as a PDF ({error}).") from error
    if pages == 0:
        raise InvalidInput(f"{name} is a PDF with no pages.")
    return pages


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) blocks: 'h1'..'h6', 'item', 'rule' or 'para'."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("para", " ".join(line.strip() for line in paragraph)))
            paragraph.clear()

    table: list[str] = []
    for line in markdown.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            flush()
            table.append(stripped)
            continue
        if table:
            blocks.append(("table", "\n".join(table)))
            table.clear()
        if not stripped:
            flush()
        elif heading:
            flush()
            blocks.append((f"h{len(heading.group(1))}", heading.group(2)))
        elif stripped in ("---", "***", "___", "*** ** **"):
            flush()
            blocks.append(("rule", ""))
        elif _BULLET.match(line):
            flush()
            blocks.append(("item", stripped))
        else:
            paragraph.append(line)
    flush()
    if table:
        blocks.append(("table", "\n".join(table)))
    return blocks


def _table_rows(text: str) -> list[list[str]]:
    """A Markdown table's cells, the separator row left out and escaped pipes kept."""
    rows = []
    for line in text.split("\n"):
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
            continue
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _draw(pdf: FPDF, block: tuple[str, str]) -> None:
    kind, text = block
    if kind == "table" and not _table_rows(text):
        kind = "para"  # "||" or a lone separator: pipes with no cells are words, not a table
    if kind == "table":
        pdf.set_font("Helvetica", size=8)
        with pdf.table(text_align="LEFT", line_height=4, first_row_as_headings=True) as table:
            for cells in _table_rows(text):
                row = table.row()
                for cell in cells:
                    row.cell(latin1(_EMPHASIS.sub("", cell)))
        pdf.ln(3)
        return
    text = latin1(_EMPHASIS.sub("", text).replace("\\", ""))
    if kind.startswith("h"):
        size = {1: 15, 2: 13, 3: 11}.get(int(kind[1]), 10)
        pdf.set_font("Helvetica", style="B", size=size)
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif kind == "rule":
        pdf.ln(2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(3)
    else:
        pdf.set_font("Helvetica", size=10)
        indent = 5 if kind == "item" else 0
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
