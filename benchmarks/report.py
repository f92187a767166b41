"""Summaries and tables for benchmark results: medians with their spread, ratios, machine facts."""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
import subprocess
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: an observed value, no interpolation between samples."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def spread(values: list[float]) -> dict:
    """Median over runs, with min and max so the reader sees how far to trust it."""
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "runs": []}
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "runs": values}


def fmt(summary: dict | None, digits: int = 1) -> str:
    if not summary or summary.get("median") is None:
        return "—"
    med, lo, hi = summary["median"], summary["min"], summary["max"]
    if len(summary["runs"]) == 1 or _same(lo, hi, digits):
        return f"{med:,.{digits}f}"
    return f"{med:,.{digits}f} ({lo:,.{digits}f}–{hi:,.{digits}f})"


def _same(a: float, b: float, digits: int) -> bool:
    return f"{a:.{digits}f}" == f"{b:.{digits}f}"


def latency_figures(samples: dict[str, list[float]]) -> dict:
    """p50/p95/max over every timed call of every query in one run (milliseconds)."""
    every = [ms for times in samples.values() for ms in times]
    return {"p50": percentile(every, 50), "p95": percentile(every, 95), "max": max(every)}


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def hbviewer_tree() -> tuple[str, str]:
    """Which hbviewer is measured: (its folder relative to the repo, its revision).

    A tree exported with ``git archive`` carries its commit in a REVISION file;
    this checkout's revision is marked ``+changes`` when hbviewer/ differs from it.
    """
    import hbviewer

    root = Path(hbviewer.__file__).resolve().parents[1]
    try:
        where = str(root.relative_to(REPO)) or "."
    except ValueError:
        where = root.name
    if (root / "REVISION").exists():
        return where, (root / "REVISION").read_text().strip()
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "hbviewer"], cwd=root,
                               capture_output=True, text=True).stdout.strip()
        return where, rev + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return where, "unknown"


def machine() -> dict:
    source, revision = hbviewer_tree()
    return {
        "cpus": os.cpu_count(),
        "cpu": _cpu_model(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "hbviewer_source": source,
        "hbviewer_revision": revision,
        "packages": {p: _version(p) for p in ("whoosh", "jieba", "opencc", "hbviewer")},
    }


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def recall_cell(entry: dict) -> str:
    if entry["expected"] == 0:
        text = "— (0 expected)"
    else:
        text = f"{100 * entry['recall']:.0f}% ({entry['found']}/{entry['expected']})"
    if entry["extra"]:
        text += f", +{entry['extra']} wrong"
    return text
