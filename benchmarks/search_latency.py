"""Search benchmark: typical queries on a 72,000-minute archive, newest first and by relevance,
against the raw FTS5 query (the same MATCH, ranked, 50 rows with snippets) on the same database.

    python benchmarks/search_latency.py [--runs N] [--committees 30 --years 20]

The archive is built once by benchmarks/archive.py and kept in benchmarks/.cache/.
`run()` returns rows for benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.archive import build  # noqa: E402
from benchmarks.figures import summary  # noqa: E402
from store import Store  # noqa: E402
from store.search import CLOSE, OPEN, clean_query  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache"
# What a clerk types: a topic, a name, a stem, a two-word phrase, a partly typed word.
QUERIES = ("budget", "safeguarding", "mental health", "accommodat", "care homes", "Joshi", "complaints report",
           "procure", "day care", "the reablement team")
RAW = ("SELECT rowid, snippet(search_index, -1, ?, ?, '…', 14) FROM search_index "
       "WHERE search_index MATCH ? ORDER BY rank LIMIT 50")
TARGET = 1.5


def archive(committees: int, years: int) -> Path:
    path = CACHE / f"archive-{committees}x{years}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        print(f"Building the archive ({committees} committees x {years} years) in {path} …", file=sys.stderr)
        build(partial, committees, years)
        partial.rename(path)
    return path




def measure(path: Path, runs: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"newest": [], "relevance": [], "raw": []}
    with Store(path) as store:
        for query in QUERIES:  # warm the page cache once
            store.search.search(query)
        for _ in range(runs):
            for query in QUERIES:
                # Interleaved, so a busy moment of the machine slows all three alike.
                for order in ("newest", "relevance"):
                    start = time.perf_counter()
                    store.search.search(query, order=order)
                    samples[order].append(time.perf_counter() - start)
                start = time.perf_counter()
                store.db.execute(RAW, [OPEN, CLOSE, clean_query(query)]).fetchall()
                samples["raw"].append(time.perf_counter() - start)
    return samples


def run(runs: int = 5, committees: int = 30, years: int = 20) -> list[dict]:
    path = archive(committees, years)
    with Store(path) as store:
        minutes = store.db.execute("SELECT count(*) FROM minutes").fetchone()[0]
    samples = measure(path, runs)
    baseline = summary(samples["raw"])
    rows = []
    for order, label in (("newest", "newest first"), ("relevance", "by relevance")):
        m = summary(samples[order])
        rows.append({
            "name": f"Search {len(QUERIES)} typical queries on {minutes:,} minutes, {label} (SearchStore.search "
                    "vs raw FTS5 MATCH ranked LIMIT 50)",
            "median_ms": m["median_ms"], "p95_ms": m["p95_ms"], "baseline": baseline,
            "ratio": m["median_ms"] / baseline["median_ms"],
            "measured": m, "ratio_median": m["median_ms"] / baseline["median_ms"],
            "ratio_p95": m["p95_ms"] / baseline["p95_ms"], "target": TARGET,
        })
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--committees", type=int, default=30)
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()
    for row in run(args.runs, args.committees, args.years):
        m, b = row["measured"], row["baseline"]
        print(f"{row['name']}\n  median {m['median_ms']:.1f} ms, p95 {m['p95_ms']:.1f} ms; raw median "
              f"{b['median_ms']:.1f} ms, p95 {b['p95_ms']:.1f} ms; ratio {row['ratio_median']:.1f}x median, "
              f"{row['ratio_p95']:.1f}x p95 (target {TARGET}x p95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
