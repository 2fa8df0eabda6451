"""Agenda pack benchmarks: exporting the pack of a 12-item meeting with four reports of 50 pages.

The meeting has the committee's seven standard items and five of business; four of them carry a
50-page PDF report (text on every page, generated once per run), and the work programme is the
last appendix. Each figure is a ratio against a baseline measured in the same run:
- PDF pack: pack_pdf (agenda rendered, 201 appendix pages checked, stamped and merged) against
  pypdf merging the same four report PDFs with no agenda and no stamping;
- Markdown pack: pack_markdown against pypdf extracting the four reports' text and joining it,
  the least work that yields the same text.

    python benchmarks/agenda_pack.py          (prints a Markdown table)
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from benchmarks.figures import row
from store import Store
from store.exports.pack_markdown import pack_markdown
from store.exports.pack_pdf import pack_pdf

MEETING_DAY = date(2021, 3, 9)
REPORT_PAGES = 50
REPORTS = ("Procurement plan", "Day care review", "Annual complaints report", "Supported living strategy")
PARAGRAPH = (
    "The Strategic Director for Social Care and Education submits this report to the Commission. "
    "It sets out the service's performance over the year, the budget position, the risks the "
    "department is managing and the actions agreed with partners. Members are asked to note it. "
)




def report_pdf(title: str, pages: int = REPORT_PAGES) -> bytes:
    """A report of `pages` A4 pages, each with a heading and a few paragraphs of text."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=13)
        pdf.cell(0, 10, f"{title} - section {number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for _ in range(4):
            pdf.multi_cell(0, 5, PARAGRAPH, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def build_meeting(folder: Path) -> tuple[Store, int, list[Path]]:
    """The 12-item meeting with its four reports attached; returns the store, meeting id and report files."""
    store = Store(folder / "pack.db")
    committee = store.committees.add("Benchmark Scrutiny Commission", "Benchmark Council", default_time="17:30")
    store.members.add(committee.id, "Able", role="chair", start_date="2020-05-01")
    meeting = store.meetings.add(committee.id, MEETING_DAY)
    store.agenda.start_from_standard_items(meeting.id)
    files = []
    for title in REPORTS:
        path = folder / f"{title.lower().replace(' ', '-')}.pdf"
        path.write_bytes(report_pdf(title))
        item = store.agenda.add(meeting.id, title, description=f"The Strategic Director submits the {title.lower()}.")
        store.documents.attach(item.id, path, title=title)
        files.append(path)
    store.agenda.add(meeting.id, "Covid-19 update", description="A verbal update.")
    assert len(store.agenda.list_for(meeting.id)) == 12
    return store, meeting.id, files


def _merge_only(files: list[Path]) -> None:
    writer = PdfWriter()
    for path in files:
        for page in PdfReader(path).pages:
            writer.add_page(page)
    writer.write(io.BytesIO())


def _text_only(files: list[Path]) -> None:
    "\n\n".join(page.extract_text() for path in files for page in PdfReader(path).pages)


def _time(measured, baseline, repeats: int) -> tuple[list[float], list[float]]:
    """Run the two in turn, so a busy machine slows both alike."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for call, times in zip((measured, baseline), samples):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
    return samples


def run(repeats: int = 10) -> list[dict]:
    with tempfile.TemporaryDirectory() as name:
        store, meeting_id, files = build_meeting(Path(name))
        pages = sum(a.pages for e in store.appendices.layout(meeting_id) for a in e.appendices if a.pages)
        assert pages == 4 * REPORT_PAGES + 1  # the reports and the one-page work programme
        pack_pdf(store, meeting_id)  # warm caches (the rendered work programme) before timing
        pack_markdown(store, meeting_id)
        pdf, merge = _time(lambda: pack_pdf(store, meeting_id), lambda: _merge_only(files), repeats)
        markdown, text = _time(lambda: pack_markdown(store, meeting_id), lambda: _text_only(files), repeats)
        store.close()
    return [
        row("PDF pack of a 12-item meeting, 4 reports of 50 pages (vs pypdf merge, no stamps)", pdf, merge),
        row("Markdown pack of the same meeting (vs pypdf text of the 4 reports, joined)", markdown, text),
    ]




def table(rows: list[dict]) -> str:
    lines = [
        "| benchmark | median ms | p95 ms | baseline median ms | baseline p95 ms | ratio (median) | runs |",
        "|---|---|---|---|---|---|---|",
    ]
    for result in rows:
        b = result["baseline"]
        lines.append(f"| {result['name']} | {result['median_ms']:.1f} | {result['p95_ms']:.1f} | {b['median_ms']:.1f} | "
                     f"{b['p95_ms']:.1f} | {result['ratio']:.1f}× | {b['n']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10)))
