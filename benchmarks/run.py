"""Benchmark hbviewer's import and search against baselines on the same corpus.

    python benchmarks/run.py --sizes 1000 10000 --repeat 3
    python benchmarks/run.py --sizes 200 --repeat 1 --quick      # smoke run, < 1 minute
    PYTHONPATH=SRC python benchmarks/run.py …   # measure the hbviewer in SRC (a `git archive` of a commit)

For each size: the corpus (see corpus.py) is imported into a fresh library by
a separate process (import_job.py), then the fixed query set is timed on
hbviewer and on each baseline, fed the articles hbviewer stored. Every figure
is the median over ``--repeat`` runs with its min–max; ratios are taken within
one run. A Markdown report is printed, and all raw figures are written as JSON
to ``benchmarks/out/``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.append(str(BENCH.parent))  # last: PYTHONPATH may name the hbviewer tree to measure

import corpus  # noqa: E402
import profiles  # noqa: E402
import report  # noqa: E402
from engines import Fts5Trigram, Hbviewer, Oracle, WhooshJieba  # noqa: E402

# (kind, query) — what staff type: one character, common words, a longer word,
# two terms, a quoted phrase, traditional characters, and a word (almost) no article has.
QUERIES = [
    ("1 char", "科"),
    ("2 chars", "科技"),
    ("2 chars", "人才"),
    ("2 chars", "农业"),
    ("4 chars", "高新技术"),
    ("two terms", "张家口 科技"),
    ("phrase", '"技术创新"'),
    ("traditional", "張家口"),
    ("rare", "量子纠缠态"),
]
TARGETS = {"import_articles_per_s": 500, "import_vs_whoosh": 10, "search_p95_ms_at_100k": 10}
MB = 1_000_000


def time_queries(search, reps: int) -> dict[str, list[float]]:
    """Milliseconds per call, per query, after one untimed pass that warms caches."""
    for _, q in QUERIES:
        search(q)
    samples: dict[str, list[float]] = {q: [] for _, q in QUERIES}
    for _ in range(reps):
        for _, q in QUERIES:
            t0 = time.perf_counter()
            search(q)
            samples[q].append((time.perf_counter() - t0) * 1000)
    return samples


def run_import(pages: Path, library_file: Path, profile: Path | None = None) -> dict:
    cmd = [sys.executable, str(BENCH / "import_job.py"), str(pages), str(library_file)]
    if profile is not None:
        cmd += ["--profile", str(profile)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"import failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def recall(engine_ids: set[int], expected: set[int]) -> dict:
    found = len(engine_ids & expected)
    return {"expected": len(expected), "found": found, "extra": len(engine_ids - expected),
            "recall": found / len(expected) if expected else None}


def one_run(n: int, files: corpus.CorpusFiles, args, out: Path, with_whoosh: bool,
            check_recall: bool) -> dict:
    """Import once, then time every engine on the stored articles; recall on request."""
    library_file = out / f"library-{n}.sqlite3"
    imp = run_import(files.folder, library_file)
    imp["articles_per_s"] = n / imp["seconds"]
    imp["mb_per_s"] = files.bytes / MB / imp["seconds"]
    result = {"import": imp, "engines": {}}

    hb = Hbviewer(library_file)
    docs = hb.docs()
    doc_mb = sum(len(t.encode()) + len(x.encode()) for _, t, x in docs) / MB
    hb_samples = time_queries(hb.top, args.reps)
    result["engines"]["hbviewer"] = {"latency": report.latency_figures(hb_samples), "samples": hb_samples,
                                     "on_disk_bytes": imp["library_bytes"]}

    engines = [Oracle(docs), Fts5Trigram(docs, out / f"trigram-{n}.sqlite3")]
    if with_whoosh:
        engines.append(WhooshJieba(docs, out / f"whoosh-{n}"))
    for engine in engines:
        build = engine.build()
        search = engine.ids if isinstance(engine, Oracle) else engine.top
        samples = time_queries(search, args.reps)
        result["engines"][engine.name] = {
            "build_seconds": build, "articles_per_s": len(docs) / build, "mb_per_s": doc_mb / build,
            "latency": report.latency_figures(samples), "samples": samples,
            "on_disk_bytes": engine.size_bytes}
        if check_recall and isinstance(engine, Oracle):
            truth = {q: engine.ids(q) for _, q in QUERIES}
            result["recall"] = {"hbviewer": {q: recall(hb.ids(q), truth[q]) for q in truth}}
            # the first page must hold only true hits, and the count shown must be exact
            result["top50_check"] = {q: {"wrong_hits": len(set(hb.top(q)) - truth[q]),
                                         "total_shown": hb.total(q), "expected": len(truth[q])}
                                     for q in truth}
        elif check_recall:
            result["recall"][engine.name] = {q: recall(engine.ids(q), truth[q]) for q in truth}
        engine.close()
    hb.close()
    result["stored_articles"] = len(docs)
    return result


def summarize(n: int, files: corpus.CorpusFiles, runs: list[dict]) -> dict:
    imports = [r["import"] for r in runs]
    summary = {
        "articles": n, "corpus": files.__dict__ | {"folder": str(files.folder.relative_to(BENCH))},
        "stored_articles": runs[0]["stored_articles"],
        "duplicates_skipped": imports[0]["duplicates_skipped"],
        "failed_files": sorted({e for i in imports for e in i["failed"]}),
        "import": {k: report.spread([i[k] for i in imports]) for k in
                   ("seconds", "articles_per_s", "mb_per_s", "library_bytes", "rss_before_kib",
                    "rss_peak_kib", "import_seconds", "close_seconds")},
        "engines": {}, "ratios": {}, "recall": runs[0].get("recall", {}),
        "top50_check": runs[0].get("top50_check", {}),
    }
    for name in runs[0]["engines"]:
        per_run = [r["engines"][name] for r in runs if name in r["engines"]]
        entry = {k: report.spread([e["latency"][k] for e in per_run]) for k in ("p50", "p95", "max")}
        for key in ("build_seconds", "articles_per_s", "mb_per_s", "on_disk_bytes"):
            if key in per_run[0]:
                entry[key] = report.spread([e[key] for e in per_run])
        entry["per_query_median_ms"] = {
            q: report.spread([report.percentile(e["samples"][q], 50) for e in per_run])["median"]
            for _, q in QUERIES}
        summary["engines"][name] = entry
    for name in ("Whoosh+jieba", "FTS5 trigram"):
        both = [r for r in runs if name in r["engines"]]
        if both:
            summary["ratios"][f"import speed hbviewer / {name} indexing"] = report.spread(
                [r["import"]["articles_per_s"] / r["engines"][name]["articles_per_s"] for r in both])
            summary["ratios"][f"search p95 {name} / hbviewer"] = report.spread(
                [r["engines"][name]["latency"]["p95"] / r["engines"]["hbviewer"]["latency"]["p95"]
                 for r in both])
    return summary


def render(results: dict) -> str:
    m = results["machine"]
    whoosh = "no Whoosh+jieba"
    if results["whoosh_sizes"]:
        whoosh = (f"Whoosh+jieba at {', '.join(f'{n:,}' for n in results['whoosh_sizes'])} articles, "
                  f"in {results['whoosh_repeat']} run(s) per size")
    parts = [f"Machine: {m['cpus']} CPUs ({m['cpu']}), Python {m['python']}, SQLite {m['sqlite']}. "
             f"hbviewer {m['hbviewer_revision']} (from {m['hbviewer_source']}). Runs per size: "
             f"{results['repeat']}; {whoosh}; {results['reps']} timed calls per query per run. "
             "Figures: median (min–max over runs)."]
    for s in results["sizes"]:
        parts += [_render_corpus(s), _render_speed(s), _render_search(s), _render_recall(s)]
    parts.append("\n" + render_targets(results))
    return "\n".join(p for p in parts if p)


def _render_corpus(s: dict) -> str:
    c = s["corpus"]
    text = (f"\n### {s['articles']:,} articles\n\nCorpus: {c['source']}, {c['files']:,} page files, "
            f"{c['bytes'] / MB:.1f} MB; {s['stored_articles']:,} articles stored "
            f"({s['duplicates_skipped']} exact repeats skipped).\n")
    if s["failed_files"]:
        text += f"Files that failed to import: {len(s['failed_files'])}, e.g. {s['failed_files'][0]}\n"
    return text


def _render_speed(s: dict) -> str:
    imp = s["import"]
    rows = [["hbviewer import (read, split, store, index)", report.fmt(imp["seconds"], 2),
             report.fmt(imp["articles_per_s"], 0), report.fmt(imp["mb_per_s"], 2)]]
    for name, e in s["engines"].items():
        if "build_seconds" in e:
            label = "brute force: fold all texts" if name == "brute force" else f"{name} indexing"
            rows.append([label, report.fmt(e["build_seconds"], 2), report.fmt(e["articles_per_s"], 0),
                         report.fmt(e["mb_per_s"], 2)])
    return (report.markdown_table(["import / index", "seconds", "articles/s", "MB/s"], rows)
            + f"\n\nLibrary file: {report.fmt(_mb(imp['library_bytes']), 1)} MB. Import process peak RSS: "
            f"{report.fmt(_mb(imp['rss_peak_kib'], 1024), 0)} MB (at start "
            f"{report.fmt(_mb(imp['rss_before_kib'], 1024), 0)} MB).\n")


def _render_search(s: dict) -> str:
    rows = []
    for name, e in s["engines"].items():
        size = e.get("on_disk_bytes")
        rows.append([name, report.fmt(e["p50"], 2), report.fmt(e["p95"], 2), report.fmt(e["max"], 2),
                     report.fmt(_mb(size), 1) if size and size["median"] else "—"])
    text = report.markdown_table(["search (top 50)", "p50 ms", "p95 ms", "max ms", "on disk MB"], rows)
    names = list(s["engines"])
    rows = [[q] + [f"{s['engines'][n]['per_query_median_ms'][q]:.2f}" for n in names] for _, q in QUERIES]
    text += "\n\nMedian ms per query:\n\n" + report.markdown_table(["query"] + names, rows)
    if s["ratios"]:
        rows = [[k, report.fmt(v, 2)] for k, v in s["ratios"].items()]
        text += "\n\nRatios (within each run):\n\n" + report.markdown_table(["ratio", "value"], rows)
    return text


def _render_recall(s: dict) -> str:
    if not s["recall"]:
        return ""
    wrong = {q: c for q, c in s["top50_check"].items()
             if c["wrong_hits"] or c["total_shown"] != c["expected"]}
    text = "\nhbviewer's first page: " + (
        "no wrong hit, and the total shown is exact, for every query." if not wrong else f"PROBLEMS {wrong}")
    names = list(s["recall"])
    rows = [[q] + [report.recall_cell(s["recall"][n][q]) for n in names] for _, q in QUERIES]
    return (text + "\n\nRecall against brute force (all matches):\n\n"
            + report.markdown_table(["query"] + names, rows))


def _mb(summary: dict | None, unit: int = MB) -> dict | None:
    if not summary or summary.get("median") is None:
        return None
    return {k: (v / unit if k != "runs" else [x / unit for x in v]) for k, v in summary.items()}


def render_targets(results: dict) -> str:
    sizes = results["sizes"]
    largest = sizes[-1]
    rate = largest["import"]["articles_per_s"]["median"]
    lines = [f"Targets (largest size measured: {largest['articles']:,}):"]
    lines.append(f"- import ≥ {TARGETS['import_articles_per_s']} articles/s: {rate:,.0f} → "
                 f"{'met' if rate >= TARGETS['import_articles_per_s'] else 'missed'}")
    whoosh = [s for s in sizes if "import speed hbviewer / Whoosh+jieba indexing" in s["ratios"]]
    if whoosh:
        ratio = whoosh[-1]["ratios"]["import speed hbviewer / Whoosh+jieba indexing"]["median"]
        lines.append(f"- import ≥ {TARGETS['import_vs_whoosh']}× Whoosh+jieba "
                     f"(at {whoosh[-1]['articles']:,}): {ratio:.1f}× → "
                     f"{'met' if ratio >= TARGETS['import_vs_whoosh'] else 'missed'}")
    else:
        lines.append(f"- import ≥ {TARGETS['import_vs_whoosh']}× Whoosh+jieba: not measured "
                     "(no Whoosh run)")
    at_100k = [s for s in sizes if s["articles"] >= 100_000]
    if at_100k:
        p95 = at_100k[-1]["engines"]["hbviewer"]["p95"]["median"]
        lines.append(f"- search p95 ≤ {TARGETS['search_p95_ms_at_100k']} ms at 100k: {p95:.1f} ms → "
                     f"{'met' if p95 <= TARGETS['search_p95_ms_at_100k'] else 'missed'}")
    else:
        p95 = largest["engines"]["hbviewer"]["p95"]["median"]
        lines.append(f"- search p95 ≤ {TARGETS['search_p95_ms_at_100k']} ms at 100k: not yet measured "
                     f"(p95 at {largest['articles']:,} is {p95:.1f} ms)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="corpus sizes (articles)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; figures are medians")
    parser.add_argument("--reps", type=int, help="timed calls per query per run (default 7, quick 3)")
    parser.add_argument("--baseline-sizes", type=int, nargs="*",
                        help="sizes at which Whoosh+jieba is also run (default: sizes up to 10,000; "
                             "it indexes ~100-200 articles/s)")
    parser.add_argument("--baseline-repeat", type=int, default=1,
                        help="runs (of --repeat) in which Whoosh+jieba indexes too (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=("auto", "real", "seeds"), default="auto",
                        help="real text from ../shared/corpus, or articles made from seeds/ (auto: real "
                             "when present)")
    parser.add_argument("--quick", action="store_true", help="fewer timed calls, for a smoke run")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one import of the largest size (cProfile, top functions)")
    args = parser.parse_args()
    args.reps = args.reps or (3 if args.quick else 7)
    whoosh_sizes = set(args.baseline_sizes if args.baseline_sizes is not None
                       else [n for n in args.sizes if n <= 10_000])
    if not WhooshJieba.available():
        print("Whoosh is not installed (pip install -e '.[bench]'): its baseline is left out.")
        whoosh_sizes = set()

    out = corpus.OUT
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results = {"machine": report.machine(), "repeat": args.repeat, "reps": args.reps, "seed": args.seed,
               "queries": QUERIES, "targets": TARGETS, "whoosh_sizes": sorted(whoosh_sizes),
               "whoosh_repeat": min(args.baseline_repeat, args.repeat), "sizes": []}
    for n in sorted(args.sizes):
        t0 = time.perf_counter()
        files = corpus.write_corpus(n, args.seed, source=args.corpus)
        runs = []
        for r in range(args.repeat):
            print(f"[{n:,} articles] run {r + 1}/{args.repeat} …", file=sys.stderr, flush=True)
            with_whoosh = n in whoosh_sizes and r < args.baseline_repeat
            runs.append(one_run(n, files, args, out, with_whoosh, check_recall=(r == 0)))
        summary = summarize(n, files, runs)
        summary["wall_seconds"] = time.perf_counter() - t0
        results["sizes"].append(summary)
    if args.profile:
        results["profile"] = profile(out, max(args.sizes), args)
    results["wall_seconds"] = time.perf_counter() - started

    text = render(results)
    if args.profile:
        text += (f"\n\nImport of {max(args.sizes):,} articles under cProfile\n\n"
                 f"{results['profile']['import']}"
                 f"\n\nSearch (query set × {args.reps}) under cProfile\n\n{results['profile']['search']}")
    print(text)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"results-{stamp}.json", "results-latest.json"):
        (out / name).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nTotal {results['wall_seconds']:.0f} s. Results: benchmarks/out/results-{stamp}.json",
          file=sys.stderr)


def profile(out: Path, n: int, args) -> dict:
    """One more import of the largest corpus, and the query set on its library, under cProfile."""
    files = corpus.write_corpus(n, args.seed, source=args.corpus)
    prof, library_file = out / f"import-{n}.prof", out / f"library-{n}-profiled.sqlite3"
    run_import(files.folder, library_file, profile=prof)
    hb = Hbviewer(library_file)
    try:
        search = profiles.search_profile(hb.top, [q for _, q in QUERIES], args.reps)
    finally:
        hb.close()
    return {"import": profiles.import_profile(prof), "search": search}


if __name__ == "__main__":
    main()
