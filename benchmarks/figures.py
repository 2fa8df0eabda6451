"""The figures every benchmark reports: median and p95 of samples, and a row against a baseline."""

from __future__ import annotations

import statistics


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000,
        "n": len(ordered),
    }


def row(name: str, measured: list[float], baseline: list[float], target: float | None = None) -> dict:
    """One line of benchmarks/RESULTS.md: the figures, the baseline's, their ratios and the target (p95)."""
    m, b = summary(measured), summary(baseline)
    return {
        "name": name,
        "measured": m,
        "baseline": b,
        "median_ms": m["median_ms"],
        "p95_ms": m["p95_ms"],
        "ratio": m["median_ms"] / b["median_ms"],
        "ratio_median": m["median_ms"] / b["median_ms"],
        "ratio_p95": m["p95_ms"] / b["p95_ms"],
        "target": target,
    }
