"""Search latency with pinyin and with filters, on a library imported from the benchmark corpus.

    python benchmarks/search_filters_bench.py --articles 100000 --reps 7
    python benchmarks/search_filters_bench.py --library benchmarks/out/library-100000.sqlite3

Without ``--library`` the corpus of ``--articles`` (corpus.py) is imported into a fresh
library by ``import_job.py``, as ``run.py`` does. Each query is timed ``--reps`` times
(top 50 with snippets, as the window asks) after one untimed pass; the report gives
p50 / p95 / max per query and per group. Building the vocabulary of every stored
article (what opening a library of an older version does) is timed too.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.append(str(BENCH.parent))

import corpus  # noqa: E402
import report  # noqa: E402

PINYIN = ["zjk", "zhangjiakou", "zhang jia kou", "gxjs", "kjcx", "sjz", "jjj", "gdp", "zjk kjcx", "nongye"]
FILTERS = ["region:张家口市", "科技 region:张家口市", "region:石家庄市 kind:money", "kind:money 投资",
           "has:figures 高新技术", "科 region:河北省", "科技 date:2020-01..2020-12", "人才 source:新闻联播",
           "zjk region:张家口市", "高新技术 -region:保定市"]
SORTED = [("科技", "date"), ("高新技术", "figures"), ("region:张家口市", "date"), ("zjk", "date")]


def timed(search, queries, reps: int) -> dict[str, list[float]]:
    for q in queries:
        search(q)
    samples: dict[str, list[float]] = {str(q): [] for q in queries}
    for _ in range(reps):
        for q in queries:
            t0 = time.perf_counter()
            search(q)
            samples[str(q)].append((time.perf_counter() - t0) * 1000)
    return samples


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--library", type=Path, help="an imported library to time (default: import the corpus)")
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from hbviewer.core.store.search import SearchQuery
    from hbviewer.core.store.sqlite import SqliteLibrary

    out = corpus.OUT
    out.mkdir(parents=True, exist_ok=True)
    imported = None
    library_file = args.library
    if library_file is None:
        files = corpus.write_corpus(args.articles, args.seed)
        library_file = out / f"library-filters-{args.articles}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library_file}{suffix}").unlink(missing_ok=True)
        done = subprocess.run([sys.executable, str(BENCH / "import_job.py"), str(files.folder), str(library_file)],
                              capture_output=True, text=True, check=True)
        imported = json.loads(done.stdout)
    lib = SqliteLibrary.open(library_file, create=False)
    results = {"machine": report.machine(), "articles": lib.article_count(), "import": imported, "reps": args.reps}
    t0 = time.perf_counter()
    lib.rebuild_vocabulary()
    results["vocabulary_seconds"] = time.perf_counter() - t0
    results["vocabulary_rows"] = lib._rows("SELECT count(*) FROM search_words")[0][0]

    def top(q):
        text, sort = q if isinstance(q, tuple) else (q, "relevance")
        return lib.search(SearchQuery(text, limit=50, sort=sort))

    groups = {"pinyin": PINYIN, "filters": FILTERS, "sorted": SORTED}
    results["groups"] = {}
    lines = [f"{results['articles']:,} articles; vocabulary of {results['vocabulary_rows']:,} words built in "
             f"{results['vocabulary_seconds']:.1f} s", "", "| query | found | p50 ms | p95 ms | max ms |",
             "|---|---|---|---|---|"]
    for name, queries in groups.items():
        samples = timed(top, queries, args.reps)
        every = [v for vs in samples.values() for v in vs]
        results["groups"][name] = {"samples": samples, "p50": percentile(every, 50), "p95": percentile(every, 95),
                                   "max": max(every)}
        for q in queries:
            vs = samples[str(q)]
            label = f"{q[0]} (sort {q[1]})" if isinstance(q, tuple) else q
            lines.append(f"| `{label}` | {top(q).total:,} | {percentile(vs, 50):.1f} | {percentile(vs, 95):.1f} "
                         f"| {max(vs):.1f} |")
        g = results["groups"][name]
        lines.append(f"| **all {name}** | | **{g['p50']:.1f}** | **{g['p95']:.1f}** | **{g['max']:.1f}** |")
    lib.close()
    if imported:
        lines.insert(1, f"import: {imported['seconds']:.1f} s, {args.articles / imported['seconds']:.0f} articles/s")
    print("\n".join(lines))
    (out / "search-filters-latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
