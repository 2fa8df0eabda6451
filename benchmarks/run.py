"""Run every benchmark, write benchmarks/RESULTS.md and put its table in README.md.

    python benchmarks/run.py          (from the repository root, with clerk installed)
"""

from __future__ import annotations

import os
import platform
import re
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import agenda_pack, app_scale, import_fixture, live_meeting, search_latency  # noqa: E402
from scripts.readme_reference import replace_between  # noqa: E402

README = ROOT / "README.md"


def main() -> int:
    load_before = os.getloadavg()[0]
    rows = [*live_meeting.run(), *agenda_pack.run(), *import_fixture.run(), *search_latency.run(),
            *app_scale.run()]
    load_after = os.getloadavg()[0]
    lines = [
        "# Benchmark results",
        "",
        f"Run on {datetime.now():%Y-%m-%d %H:%M}, {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Each figure is a ratio against a baseline measured in the same run; figures "
        "are ms unless marked. A target in ms is absolute: the app's own work per action (p95). "
        f"Load average {load_before:.1f} when the run began, {load_after:.1f} when it ended (other work "
        "shares the machine: read ratios, measured side by side, before absolute times).",
        "",
        "| benchmark | median | p95 | baseline median | baseline p95 | ratio (median) | ratio (p95) | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failed = False
    for row in rows:
        m, b = row["measured"], row["baseline"]
        if "own" in row:
            own, budget = row["own"], row.get("budget_ms")
            target = (f"own work {own['median_ms']:.1f} ms median, {own['p95_ms']:.1f} ms p95 (Textual's layout "
                      f"and paint {row['painting']['median_ms']:.1f} ms of the median)")
            if "alone" in row:
                alone = row["alone"]
                target += (f"; Textual alone, same screen and words: {alone['median_ms']:.1f} ms median, "
                           f"{alone['p95_ms']:.1f} ms p95")
            target += f"; ≤ {budget:g} ms (p95)" if budget else " (reference)"
            missed = bool(budget) and own["p95_ms"] > budget
        elif row.get("target"):
            target = f"≤ {row['target']}× (p95)"
            missed = row["ratio_p95"] > row["target"]
        else:
            target, missed = "—", False
        if missed:
            target += " MISSED"
            failed = True
        unit = "" if m.get("unit", "ms") == "ms" else f" {m['unit']}"
        lines.append(
            f"| {row['name']} | {_n(m, 'median')}{unit} | {_n(m, 'p95')}{unit} | {_n(b, 'median', 3)}{unit} | "
            f"{_n(b, 'p95', 3)}{unit} | {row['ratio_median']:.1f}× | {row['ratio_p95']:.1f}× | {target} |"
        )
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
    README.write_text(readme_with_results(README.read_text(encoding="utf-8"), text), encoding="utf-8")
    print(text)
    return 1 if failed else 0


def readme_with_results(readme: str, results: str) -> str:
    """README.md's text with its results section (between the `results` markers) made from RESULTS.md's text."""
    return replace_between(readme, "results", readme_results(results))


def readme_results(results: str) -> str:
    """The README's results section: when and where the run was, a link to RESULTS.md, the table."""
    run = re.search(r"^Run on .*? cores\.", results, re.M)
    table = [line for line in results.splitlines() if line.startswith("|")]
    if run is None or len(table) < 3:
        raise ValueError("That is not a RESULTS.md written by benchmarks/run.py: no 'Run on …' line or no table.")
    return "\n".join([
        (f"{run.group(0)} Each ratio compares clerk with a baseline measured side by side in the same run; "
         "figures are ms unless marked. The full notes, with the machine's load during the run: "
         "[benchmarks/RESULTS.md](benchmarks/RESULTS.md)."),
        "",
        *table,
    ]) + "\n"


def _n(figures: dict, which: str, places: int = 2) -> str:
    value = figures.get(which, figures.get(f"{which}_ms"))
    return f"{value:.{places}f}"


if __name__ == "__main__":
    sys.exit(main())
