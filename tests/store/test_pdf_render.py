"""Rendering Markdown and text to PDF pages, and counting a PDF's pages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from store.errors import InvalidInput
from store.pdf_render import latin1, markdown_to_pdf, page_count, text_to_pdf


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_markdown_table_is_drawn_as_a_table_not_as_pipes():
    data = markdown_to_pdf("# Work Programme\n\n| Topic | Lead |\n|---|---|\n| Carers \\| strategy | KG |\n")
    text = _text(data)
    assert "Topic" in text and "Carers | strategy" in text and "KG" in text
    assert "|---|" not in text and "| Topic |" not in text


def test_characters_outside_latin1_are_drawn_as_their_nearest_form():
    assert latin1("Covid-19 – “update” ■ £12.5m…\x00") == "Covid-19 - \"update\" - £12.5m..."
    assert "£12.5m" in _text(text_to_pdf("Cost – £12.5m ■ 漢字"))


def test_long_text_runs_over_several_pages():
    assert page_count(text_to_pdf("A paragraph of the report.\n\n" * 400)) > 3


@pytest.mark.parametrize("data, message", [
    (b"hello", "not a PDF"),
    (b"%PDF-1.4\ngarbage", "could not be read|no pages"),
])
def test_what_is_not_a_readable_pdf_is_said_plainly(data, message):
    with pytest.raises(InvalidInput, match=message):
        page_count(data, "report.pdf")
