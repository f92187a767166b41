"""Where the time goes: cProfile of one import and of the query set, as short text tables."""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path


def _top(stats: pstats.Stats, sort: str, limit: int) -> str:
    buffer = io.StringIO()
    stats.stream = buffer
    stats.sort_stats(sort).print_stats(limit)
    # keep the table and the total; the header names the profile file and the date
    skip = ("   Ordered", "   List reduced")
    lines = [line for line in buffer.getvalue().splitlines()
             if line.strip() and ".prof" not in line and not line.startswith(skip)]
    return "\n".join(lines)


def import_profile(profile_file: Path, limit: int = 14) -> str:
    stats = pstats.Stats(str(profile_file)).strip_dirs()
    return (f"By own time:\n\n{_top(stats, 'tottime', limit)}\n\n"
            f"By cumulative time:\n\n{_top(stats, 'cumulative', limit + 6)}")


def search_profile(search, queries: list[str], reps: int, limit: int = 16) -> str:
    """Profile ``search`` over the queries, ``reps`` times each (after one warm pass)."""
    for q in queries:
        search(q)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(reps):
        for q in queries:
            search(q)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    return _top(stats, "cumulative", limit)
