"""Importing published agenda packs and minutes (text, Markdown or PDF) into the store.

    from store.importing import import_file
    report = import_file(store, "asc-2021-03-09-agenda-pack.pdf", committee_name=None)
    print(report.summary_line())

pdf_text reads a file's pages; clean drops page furniture and splits paragraphs; parse
finds the two meetings and hands the agenda to agenda_text and each minute to
minutes_text (people reads names, apologies and declarations), making a ParsedPack
without touching the database; importer writes one pack in one transaction.
"""

from store.importing.importer import import_file
from store.importing.models import ImportReport, ParsedPack
from store.importing.parse import parse_pages, parse_text

__all__ = ["ImportReport", "ParsedPack", "import_file", "parse_pages", "parse_text"]
