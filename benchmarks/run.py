"""Run every benchmark and write benchmarks/RESULTS.md.

    python benchmarks/run.py          (from the repository root, with clerk installed)
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import agenda_pack, import_fixture, live_meeting, search_latency  # noqa: E402


def main() -> int:
    rows = [*live_meeting.run(), *agenda_pack.run(), *import_fixture.run(), *search_latency.run()]
    lines = [
        "# Benchmark results",
        "",
        f"Run on {datetime.now():%Y-%m-%d %H:%M}, {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Each figure is a ratio against a baseline measured in the same run.",
        "",
        "| benchmark | median ms | p95 ms | baseline median ms | baseline p95 ms | ratio (median) | ratio (p95) | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = False
    for row in rows:
        target = f"≤ {row['target']}× (p95)" if row.get("target") else "—"
        if row.get("target") and row["ratio_p95"] > row["target"]:
            target += " MISSED"
            failed = True
        m, b = row["measured"], row["baseline"]
        lines.append(
            f"| {row['name']} | {m['median_ms']:.2f} | {m['p95_ms']:.2f} | {b['median_ms']:.3f} | "
            f"{b['p95_ms']:.3f} | {row['ratio_median']:.1f}× | {row['ratio_p95']:.1f}× | {target} |"
        )
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
