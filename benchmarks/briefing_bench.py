"""The Word briefing of a whole library: choosing and drafting, then writing the .docx.

Usage: python benchmarks/briefing_bench.py [--repeat 5] [--library PATH]

By default the library is the bundled sample (seeds/, imported into a
temporary SQLite library first, not timed). Each run times, in one process:
``build_briefing`` of the whole library (figure rows, article texts, sections,
sentences, conflicts, the table) and ``write_briefing`` (layout, styles, body,
atomic rename). The first run also pays for importing python-docx; it is
reported apart, and the median is over all runs. The target is under 2 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
OUT = BENCH / "out"


def sample_library(folder: Path):
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store import open_library

    lib = open_library(folder / "sample.sqlite3")
    report = import_paths(lib, [BENCH.parent / "seeds"])
    if report.failed:
        raise SystemExit(f"the sample did not import: {report.failed}")
    return lib


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--library", help="a library file or postgresql:// URL (default: the bundled sample)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.library:
            from hbviewer.core.store import open_library

            lib = open_library(args.library)
        else:
            lib = sample_library(folder)
        from hbviewer.core.briefing.briefing import build_briefing

        builds, writes, totals = [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            draft = build_briefing(lib)
            t1 = time.perf_counter()
            from hbviewer.core.briefing.word import write_briefing

            path = write_briefing(draft, folder / "briefing.docx")
            t2 = time.perf_counter()
            builds.append(t1 - t0)
            writes.append(t2 - t1)
            totals.append(t2 - t0)
        size = path.stat().st_size
        lib.close()
    result = {"library": args.library or "seeds", "figures": draft.figure_count, "sections": len(draft.sections),
              "table_rows": len(draft.table), "docx_bytes": size, "total_s": statistics.median(totals),
              "build_s": statistics.median(builds), "write_s": statistics.median(writes),
              "first_s": totals[0], "range": [min(totals), max(totals)]}
    OUT.mkdir(exist_ok=True)
    (OUT / "briefing.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"{result['library']}: {draft.figure_count} figures in {len(draft.sections)} sections, "
          f"{len(draft.table)} table rows, {size / 1000:.0f} kB")
    print(f"build + write: {result['total_s']:.3f} s median of {args.repeat} "
          f"({min(totals):.3f}–{max(totals):.3f}); build {result['build_s']:.3f} s, write {result['write_s']:.3f} s")
    print(f"first run, python-docx imported in it: {totals[0]:.3f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
