"""The figures every benchmark reports: median and p95 of samples, and a row against a baseline.

Samples are seconds (shown in ms) unless a row says `unit="MiB"` (samples in bytes).
"""

from __future__ import annotations

import statistics

SCALES = {"ms": 1000, "MiB": 1 / 2**20}


def summary(samples: list[float], unit: str = "ms") -> dict:
    ordered = sorted(samples)
    scale = SCALES[unit]
    figures = {
        "median": statistics.median(ordered) * scale,
        "p95": ordered[max(0, int(len(ordered) * 0.95) - 1)] * scale,
        "unit": unit,
        "n": len(ordered),
    }
    if unit == "ms":
        figures["median_ms"], figures["p95_ms"] = figures["median"], figures["p95"]
    return figures


def row(name: str, measured: list[float], baseline: list[float], target: float | None = None,
        unit: str = "ms") -> dict:
    """One line of benchmarks/RESULTS.md: the figures, the baseline's, their ratios and the target (p95)."""
    m, b = summary(measured, unit), summary(baseline, unit)
    return {
        "name": name,
        "measured": m,
        "baseline": b,
        "median_ms": m["median"],
        "p95_ms": m["p95"],
        "ratio": m["median"] / b["median"],
        "ratio_median": m["median"] / b["median"],
        "ratio_p95": m["p95"] / b["p95"],
        "target": target,
    }


def work_row(name: str, measured: list[float], baseline: list[float], own: list[float],
             budget_ms: float | None, painting: list[float], alone: list[float] | None = None) -> dict:
    """A row whose target is absolute: `own` (seconds of the app's own work per action, e.g. the CPU
    time an action costs beyond what the same steps cost on a bare app) must stay within
    `budget_ms` at p95 (None: a reference figure with no target). `measured` and `baseline` are
    the wall times shown beside it; `painting` is the part of `own` spent in Textual's layout and
    paint, shown beside it; `alone`, if given, what Textual alone costs for the same action."""
    result = row(name, measured, baseline)
    result["own"] = summary(own)
    result["painting"] = summary(painting)
    result["budget_ms"] = budget_ms
    if alone is not None:
        result["alone"] = summary(alone)
    return result
