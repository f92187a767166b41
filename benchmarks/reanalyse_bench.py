"""Re-analysing a large library with corrections in it: what `hbviewer-cli reanalyse --all` costs.

Usage: python benchmarks/reanalyse_bench.py [--articles 10000] [--corrections 500]

On a copy of the library of N corpus articles (built once and kept in benchmarks/out/, as
for the window benchmarks), --corrections figures are corrected first, one per article
spread over the library: accepted, edited (a new value) and rejected in turn. Then the steps
of ``hbviewer-cli reanalyse --all`` run one after the other, each timed: the backup made
before, the analysis stored again (``refresh_stale``, in this process, then once more with the
import's worker processes, as ``reanalyse`` does from 500 articles on), the publication, date
and page read again (``refresh_metadata``). As a baseline in the same run, the analysis alone (``analyse``
of every article, nothing read or stored) gives how much of the cost is the rules
themselves. Afterwards it counts the corrections still applied, those needing a look, and
checks every edited value is still on its figure.

Prints a table and writes benchmarks/out/reanalyse-N.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from corpus import OUT  # noqa: E402
from window_probe import build_library  # noqa: E402


def correct_some(lib, wanted: int) -> dict[int, float]:
    """Corrections spread over the library; figure id -> the value an edit gave it."""
    ids = [a.id for a in lib.articles()]
    spread = ids[::max(1, len(ids) // wanted)]
    taken = set(spread)
    edited: dict[int, float] = {}
    made = 0
    for article_id in spread + [i for i in ids if i not in taken]:  # spread out, then any more needed
        figures = lib.figures(article_id)
        if not figures:
            continue
        figure = figures[len(figures) // 2]
        action = ("accept", "edit", "reject")[made % 3]
        if action == "edit":
            value = figure.value + 1
            lib.correct_figure(figure.id, "edit", {"value": value})
            edited[article_id] = value
        else:
            lib.correct_figure(figure.id, action)
        made += 1
        if made == wanted:
            break
    return edited


def analysis_only(lib) -> float:
    from hbviewer.core.extract.analysis import analyse

    articles = lib.articles()
    for a in articles[:50]:  # the dictionaries and the gazetteer loaded first, as they are for reanalyse
        analyse(a.title, a.text, a.byline)
    started = time.perf_counter()
    for a in articles:
        analyse(a.title, a.text, a.byline)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--corrections", type=int, default=500)
    args = parser.parse_args()

    from hbviewer.core.extract.analysis import refresh_stale
    from hbviewer.core.store.maintenance import backup_now
    from hbviewer.core.store.metadata_refresh import refresh_metadata
    from hbviewer.core.store.sqlite import SqliteLibrary

    source = build_library(args.articles)
    work = OUT / "reanalyse-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    path = work / "library.sqlite3"
    shutil.copy(source, path)
    lib = SqliteLibrary.open(path)
    try:
        articles = lib.article_count()
        edited = correct_some(lib, args.corrections)
        made = len(lib.corrections())
        baseline = analysis_only(lib)
        steps = {}
        started = time.perf_counter()
        backup_now(lib, "before-reanalyse")
        steps["backup"] = time.perf_counter() - started
        started = time.perf_counter()
        done = refresh_stale(lib, everything=True)
        steps["analysis stored again"] = time.perf_counter() - started
        from hbviewer.core.importer import import_pool

        started = time.perf_counter()
        with import_pool() as pool:  # as `reanalyse` does from 500 articles on
            refresh_stale(lib, everything=True, make_pool=lambda: pool)
        pooled = time.perf_counter() - started
        started = time.perf_counter()
        dated = refresh_metadata(lib, everything=True)
        steps["metadata read again"] = time.perf_counter() - started
        corrections = lib.corrections()
        applied = sum(c.state == "applied" for c in corrections)
        needs_look = sum(c.state == "needs_look" for c in corrections)
        kept_values = sum(any(f.status == "edited" and f.value == value for f in lib.figures(aid))
                          for aid, value in edited.items())
    finally:
        lib.close()
        shutil.rmtree(work, ignore_errors=True)

    total = sum(steps.values())
    total_pooled = total - steps["analysis stored again"] + pooled
    result = {
        "articles": articles, "reanalysed": done, "metadata_changed": dated, "corrections": made,
        "applied_after": applied, "needs_look_after": needs_look, "edits": len(edited),
        "edits_kept": kept_values, "seconds": {k: round(v, 2) for k, v in steps.items()},
        "total_seconds": round(total, 2), "analysis_only_seconds": round(baseline, 2),
        "articles_per_second": round(done / steps["analysis stored again"], 1),
        "pooled_seconds": round(pooled, 2), "total_pooled_seconds": round(total_pooled, 2),
        "articles_per_second_pooled": round(done / pooled, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(f"{articles} articles, {made} corrections made before")
    print("| step | seconds |\n|---|---|")
    for step, seconds in steps.items():
        print(f"| {step} | {seconds:.1f} |")
    print(f"| all of `reanalyse --all`, one process | {total:.1f} |")
    print(f"| analysis stored again, in the import's worker processes | {pooled:.1f} |")
    print(f"| all of `reanalyse --all`, so | {total_pooled:.1f} |")
    print(f"| baseline: the analysis alone, nothing read or stored | {baseline:.1f} |")
    print(f"{result['articles_per_second']} articles/s stored again; corrections after: {applied} applied, "
          f"{needs_look} need a look; edited values kept: {kept_values} of {len(edited)}; "
          f"peak RSS {result['peak_rss_mb']} MB")
    (OUT / f"reanalyse-{articles}.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
