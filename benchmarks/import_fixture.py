"""Import benchmark: the fixture agenda pack, as text and as a PDF, into a fresh database.

    python benchmarks/import_fixture.py [--runs N]      (from the repository root)

Each figure is a ratio against a baseline measured in the same run on the same machine:
reading the fixture file and splitting it into lines, the least any import must do. The
PDF is rendered once (store.pdf_render.text_to_pdf) before timing; its import includes
pypdf's text extraction of every page. `run()` returns rows for benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.figures import row  # noqa: E402
from store import Store  # noqa: E402
from store.importing import import_file, parse_text  # noqa: E402
from store.pdf_render import text_to_pdf  # noqa: E402

FIXTURE = ROOT.parent / "shared" / "fixtures" / "asc-2021-03-09-agenda-pack.txt"




def _baseline(path: Path, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        path.read_text(encoding="utf-8").splitlines()
        samples.append(time.perf_counter() - start)
    return samples


def _parse(path: Path, runs: int) -> list[float]:
    text = path.read_text(encoding="utf-8")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_text(text)
        samples.append(time.perf_counter() - start)
    return samples


def _imports(folder: Path, path: Path, runs: int) -> list[float]:
    """Import `path` into a fresh database `runs` times; the database is opened before timing."""
    samples = []
    for index in range(runs):
        store = Store(folder / f"{path.stem}-{index}.db")
        start = time.perf_counter()
        report = import_file(store, path)
        samples.append(time.perf_counter() - start)
        store.close()
        if report.minutes is None or report.agenda is None:
            raise SystemExit(f"{path.name} no longer imports both meetings: {report.summary_line()}")
    return samples


def run(runs: int = 20) -> list[dict]:
    if not FIXTURE.exists():
        raise SystemExit(f"The fixture agenda pack is not at {FIXTURE}.")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pdf = folder / "asc-2021-03-09-agenda-pack.pdf"
        pdf.write_bytes(text_to_pdf(FIXTURE.read_text(encoding="utf-8")))
        baseline = _baseline(FIXTURE, runs)
        parsed = _parse(FIXTURE, runs)
        text_imports = _imports(folder, FIXTURE, runs)
        pdf_imports = _imports(folder, pdf, max(3, runs // 4))
    return [
        row("Parse the fixture pack (text, no database) vs read + split its lines", parsed, baseline),
        row("Import the fixture pack (text) into a fresh database vs read + split its lines", text_imports, baseline),
        row("Import the fixture pack (PDF, text extraction included) vs read + split its lines", pdf_imports,
             baseline),
    ]




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="imports of the text per figure (default 20)")
    args = parser.parse_args()
    print("| benchmark | median ms | p95 ms | baseline median ms | ratio (median) | ratio (p95) |")
    print("|---|---|---|---|---|---|")
    for result in run(max(1, args.runs)):
        print(f"| {result['name']} | {result['median_ms']:.1f} | {result['p95_ms']:.1f} | "
              f"{result['baseline']['median_ms']:.3f} | {result['ratio_median']:.0f}× | {result['ratio_p95']:.0f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
