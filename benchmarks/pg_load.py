"""A shared library under load: many clients searching, importing and exporting at once.

Usage: python benchmarks/pg_load.py [--library benchmarks/out/library-100000.sqlite3]
                                    [--searchers 14 --importers 3 --exporters 3] [--seconds 60]

A throw-away PostgreSQL cluster (tests/pg_cluster.py; kept in benchmarks/out/pg-load
between runs with --keep) receives a copy of a local library (``library copy``,
timed). Then client processes, each with its own connection as a desktop
would have, work for a bounded time:

* searchers run the benchmark's query set and random two-character words, top 50
  with snippets, with a pause between searches (``--search-pause``, default 0.2–0.8 s);
* importers import page files of their own, and all of them the same one file
  (``--import-pause``: a wait between files, as files arriving; default none);
* exporters build the briefing of one city and write the workbook
  (``--export-pause``: a wait between briefings, as a person reading one).

Afterwards the library is checked: every file an importer reported is there with
its articles, the shared file once, the article count is the start plus what was
stored, and no client saw an error. Prints a table; JSON in benchmarks/out/pg-load.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

from corpus import OUT, write_corpus  # noqa: E402
from run import QUERIES  # noqa: E402

CITIES = ["130100", "130200", "130300", "130400", "130500", "130600", "130700", "130800", "130900",
          "131000", "131100"]
WORDS = "科技农业企业项目发展建设人才创新产业工业投资经济生态环境教育医疗交通旅游文化"


def server(keep: bool):
    """The cluster's superuser URL (started here, or the one kept from an earlier run)."""
    from pg_cluster import Cluster

    base = OUT / "pg-load"
    if keep and (base / "url").exists():
        import psycopg

        url = (base / "url").read_text().strip()
        try:
            psycopg.connect(url, connect_timeout=5).close()
            return url, None
        except psycopg.Error:
            shutil.rmtree(base, ignore_errors=True)
    cluster = Cluster(base if keep else None).start(
        {"max_connections": "60", "shared_buffers": "512MB", "work_mem": "16MB", "effective_cache_size": "4GB"})
    return cluster.url, (None if keep else cluster)


def database(admin_url: str, name: str, source: Path) -> tuple[str, dict]:
    """A database holding a copy of ``source`` (copied once; kept with the cluster)."""
    import psycopg

    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.store.copying import copy_library
    from hbviewer.core.store.server import ServerLibrary

    url = admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    target = ServerLibrary.open(url)
    info = {}
    try:
        if target.article_count() == 0:
            local = Library.open(source, create=False)
            started = time.perf_counter()
            report = copy_library(local, target)
            seconds = time.perf_counter() - started
            local.close()
            target.close()
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")
            target = ServerLibrary.open(url)
            info = {"copy_seconds": round(seconds, 1), "copy_articles_per_s": round(report.articles / seconds)}
        info["articles"] = target.article_count()
    finally:
        target.close()
    return url, info


def fresh_pages(folder: Path) -> Path:
    """The pages under new names with this run's mark in every headline: new files, new articles."""
    mark = time.strftime("%H%M%S")
    out = OUT / "pg-load-pages" / mark
    shutil.rmtree(OUT / "pg-load-pages", ignore_errors=True)
    for page in sorted(folder.rglob("*.txt")):
        target = out / page.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        target.write_text("\n".join(f"# {mark} {line[2:]}" if line.startswith("# ") else line
                                    for line in text.split("\n")), encoding="utf-8")
    return out


# -- the clients (separate processes, as separate desktops would be) --------------------------------
def searcher(url: str, deadline: float, seed: int, pause: tuple[float, float]) -> dict:
    from hbviewer.core.store.search import SearchQuery
    from hbviewer.core.store.server import ServerLibrary

    rng = random.Random(seed)
    lib = ServerLibrary.open(url)
    latencies, errors = [], []
    queries = [q for _, q in QUERIES]
    while time.time() < deadline:
        q = rng.choice(queries) if rng.random() < 0.5 else "".join(rng.sample(WORDS, 2))
        started = time.perf_counter()
        try:
            lib.search(SearchQuery(q, limit=50))
            latencies.append((time.perf_counter() - started) * 1000)
        except Exception as exc:  # every failure is reported, none ends the run
            errors.append(f"search {q}: {exc}")
        time.sleep(rng.uniform(*pause))  # reading the results
    lib.close()
    return {"role": "search", "latencies_ms": latencies, "errors": errors}


def importer(url: str, deadline: float, files: list[str], shared: str, pause: tuple[float, float],
             seed: int) -> dict:
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.server import ServerLibrary

    rng = random.Random(seed)
    lib = ServerLibrary.open(url)
    results, errors = [], []
    for path in [shared, *files]:
        if time.time() >= deadline:
            break
        report = import_paths(lib, [path], workers=1)  # each client is one desktop's one worker
        for f in report.files:
            if f.status == "failed":
                errors.append(f"import {Path(f.path).name}: {f.error}")
            results.append((f.path, f.status, f.articles, f.duplicates))
        time.sleep(rng.uniform(*pause))  # files arriving one after another
    lib.close()
    return {"role": "import", "results": results, "errors": errors}


def exporter(url: str, deadline: float, seed: int, pause: tuple[float, float]) -> dict:
    from hbviewer.core.briefing.excel import write_workbook
    from hbviewer.core.store.server import ServerLibrary
    from hbviewer.core.briefing.summary import SummaryScope, build_summary

    rng = random.Random(seed)
    lib = ServerLibrary.open(url)
    seconds, errors = [], []
    with tempfile.TemporaryDirectory() as tmp:
        while time.time() < deadline:
            started = time.perf_counter()
            try:
                summary = build_summary(lib, SummaryScope(region_codes=(rng.choice(CITIES),)))
                write_workbook(summary, Path(tmp) / "briefing.xlsx")
                seconds.append(time.perf_counter() - started)
            except Exception as exc:
                errors.append(f"export: {exc}")
            time.sleep(rng.uniform(*pause))  # reading the briefing
    lib.close()
    return {"role": "export", "seconds": seconds, "errors": errors}


def check(url: str, before: int, imports: list[dict]) -> dict:
    """What the importers reported is what the library holds, once."""
    from hbviewer.core.store.server import ServerLibrary

    lib = ServerLibrary.open(url)
    problems = []
    stored = 0
    by_path: dict[str, list] = {}
    for client in imports:
        for path, status, articles, _dups in client["results"]:
            by_path.setdefault(path, []).append((status, articles))
            if status in ("imported", "replaced"):
                stored += articles
    sources = {s.path: s for s in lib.sources()}
    for path, outcomes in by_path.items():
        if any(status in ("imported", "replaced", "unchanged") for status, _ in outcomes) and path not in sources:
            problems.append(f"{path}: reported imported, not in the library")
        if sum(1 for status, _ in outcomes if status == "imported") > 1:
            problems.append(f"{path}: imported {len(outcomes)} times")
    after = lib.article_count()
    if after != before + stored:
        problems.append(f"articles: {before} + {stored} stored = {before + stored}, library holds {after}")
    lib.close()
    return {"articles_before": before, "articles_stored": stored, "articles_after": after, "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=OUT / "library-100000.sqlite3",
                        help="local library copied to the server (run benchmarks/run.py --sizes 100000 first)")
    parser.add_argument("--searchers", type=int, default=14)
    parser.add_argument("--importers", type=int, default=3)
    parser.add_argument("--exporters", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--search-pause", type=float, nargs=2, default=(0.2, 0.8), metavar=("MIN", "MAX"),
                        help="seconds a searcher reads the results before the next search (default 0.2-0.8)")
    parser.add_argument("--import-pause", type=float, nargs=2, default=(0.0, 0.0), metavar=("MIN", "MAX"),
                        help="seconds an importer waits between files (default: none, a folder at once)")
    parser.add_argument("--export-pause", type=float, nargs=2, default=(0.0, 0.0), metavar=("MIN", "MAX"),
                        help="seconds an exporter waits between briefings (default: none)")
    parser.add_argument("--keep", action="store_true", help="keep the cluster and its copy for the next run")
    args = parser.parse_args()
    if not args.library.exists():
        print(f"{args.library} is missing: build it with benchmarks/run.py first.", file=sys.stderr)
        return 2
    admin, cluster = server(args.keep)
    try:
        url, info = database(admin, f"load_{args.library.stem.replace('-', '_')}", args.library)
        print(f"server library: {info}", flush=True)
        incoming = fresh_pages(write_corpus(600 * max(args.importers, 1), seed=7).folder)
        files = sorted(str(p) for p in incoming.rglob("*.txt"))
        shared = files.pop(0)
        shares = [files[i::args.importers] for i in range(args.importers)]
        before = info["articles"]
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(args.searchers + args.importers + args.exporters) as pool:
            deadline = time.time() + 20 + args.seconds  # the clients start in up to 20 s, then work
            jobs = [pool.apply_async(searcher, (url, deadline, i, tuple(args.search_pause)))
                    for i in range(args.searchers)]
            jobs += [pool.apply_async(importer, (url, deadline, shares[i], shared, tuple(args.import_pause), i))
                     for i in range(args.importers)]
            jobs += [pool.apply_async(exporter, (url, deadline, i, tuple(args.export_pause)))
                     for i in range(args.exporters)]
            clients = [job.get(timeout=args.seconds + 600) for job in jobs]
        latencies = sorted(x for c in clients if c["role"] == "search" for x in c["latencies_ms"])
        exports = [x for c in clients if c["role"] == "export" for x in c["seconds"]]
        errors = [e for c in clients for e in c["errors"]]
        verdict = check(url, before, [c for c in clients if c["role"] == "import"])
        files_done = sum(1 for c in clients if c["role"] == "import" for r in c["results"] if r[1] != "failed")
        result = {
            "server": info, "clients": {"searchers": args.searchers, "importers": args.importers,
                                        "exporters": args.exporters}, "seconds": args.seconds,
            "search_pause": args.search_pause, "import_pause": args.import_pause,
            "export_pause": args.export_pause,
            "searches": len(latencies),
            "search_ms": {"p50": statistics.median(latencies), "p95": latencies[int(0.95 * (len(latencies) - 1))],
                          "max": latencies[-1]} if latencies else {},
            "import_files": files_done, "exports": len(exports),
            "export_s": {"median": statistics.median(exports), "max": max(exports)} if exports else {},
            "errors": errors, "check": verdict,
        }
    finally:
        if cluster is not None:
            cluster.stop()
    (OUT / "pg-load.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    s = result["search_ms"]
    print(f"{sum(result['clients'].values())} clients for {args.seconds:.0f} s on {before:,} articles: "
          f"{result['searches']} searches p50 {s.get('p50', 0):.1f} ms, p95 {s.get('p95', 0):.1f} ms, "
          f"max {s.get('max', 0):.1f} ms; {files_done} files imported ({verdict['articles_stored']} new articles); "
          f"{len(exports)} exports; {len(errors)} errors; check: {verdict['problems'] or 'ok'}")
    return 0 if not errors and not verdict["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
