"""CPU per article of each step of an import, against what ten times Whoosh+jieba allows.

Usage: python benchmarks/cpu_budget.py [--articles 5000] [--repeat 3]

An import is bounded by CPU: its worker processes and the storing process keep
every core busy. So the speed it can reach is the cores divided by its CPU per
article, and "ten times Whoosh+jieba" is a CPU budget per article:
cores × (Whoosh+jieba's CPU per article) / 10, Whoosh+jieba indexing in one
thread as it does. Every step is timed here in one process, on the benchmark
corpus's page files (written by corpus.py as run.py writes them), with
process_time; Whoosh+jieba indexes the articles hbviewer split from those pages,
in the same run. Each figure is the median of --repeat passes. The steps:

* read: the file decoded (encoding detection, display form);
* split: cleaning and splitting the page into articles;
* figures: ``extract_figures`` on each article;
* regions: the article's places, and the place of each figure;
* tags: the article's keywords (``extract.keywords``, jieba's TF-IDF);
* store: ``Library.store_file`` into a fresh library, nine files to a
  transaction as an import of this corpus commits, FTS5 index included (the
  index alone is measured by index_write.py).

Not counted: sending a prepared file from a worker to the storing process
(pickling, about 0.07 ms an article) and starting the workers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.append(str(BENCH.parent))  # last: PYTHONPATH may name the hbviewer tree to measure

import corpus  # noqa: E402
import report  # noqa: E402

STEPS = ("read", "split", "figures", "regions", "tags", "store")
# An import commits when half a second has passed since the transaction began, and
# its storing process runs beside the workers: importing the 10,000-article corpus
# made 247 commits for 2,210 files. One process alone would commit far less often.
FILES_PER_COMMIT = 9


def one_pass(pages: list[Path], folder: Path) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """CPU seconds per step for all pages, and the articles split (title, text)."""
    from dataclasses import replace

    from hbviewer.core.extract.analysis import ANALYSIS_VERSION, place_figures
    from hbviewer.core.extract.keywords import keywords
    from hbviewer.core.text.articles import split_articles
    from hbviewer.core.extract.figures import extract_figures
    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.text.reading import read_text_file

    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    library = Library.open(folder / "library.sqlite3")
    articles: list[tuple[str, str]] = []
    stored_files = 0
    with library.grouped_writes(seconds=3600):  # committed every FILES_PER_COMMIT files instead
        for path in pages:
            t0 = clock()
            decoded = read_text_file(path)
            t1 = clock()
            split = split_articles(decoded.text)
            t2 = clock()
            analyses = []
            for a in split:
                t3 = clock()
                figures = extract_figures(a.text)
                t4 = clock()
                placed = place_figures(a.title, a.text, a.byline, figures)
                t5 = clock()
                analyses.append(replace(placed, tags=keywords(a.title, a.text)))
                t5b = clock()
                spent["figures"] += t4 - t3
                spent["regions"] += t5 - t4
                spent["tags"] += t5b - t5
            t6 = clock()
            library.source_sha256(str(path))  # as importer.store_prepared asks first
            library.store_file(str(path), path.name, decoded.sha256, decoded.size, decoded.encoding, split,
                               analyses=analyses, analysis_version=ANALYSIS_VERSION)
            stored_files += 1
            if stored_files % FILES_PER_COMMIT == 0:
                library.commit_group()
            t7 = clock()
            spent["read"] += t1 - t0
            spent["split"] += t2 - t1
            spent["store"] += t7 - t6
            articles.extend((a.title, a.text) for a in split)
    library.close()
    return spent, articles


def whoosh_cpu(articles: list[tuple[str, str]], folder: Path) -> float | None:
    """CPU seconds Whoosh+jieba takes to index the articles (as engines.WhooshJieba does)."""
    from engines import WhooshJieba

    if not WhooshJieba.available():
        return None
    engine = WhooshJieba([(i, t, x) for i, (t, x) in enumerate(articles)], folder)
    t0 = time.process_time()
    engine.build()
    spent = time.process_time() - t0
    engine.close()
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = corpus.write_corpus(args.articles, args.seed)
    pages = sorted(p for p in files.folder.rglob("*.txt"))
    cores = os.cpu_count() or 1
    passes, whoosh = [], []
    for _ in range(args.repeat):
        folder = Path(tempfile.mkdtemp(prefix="cpu-budget-"))
        try:
            spent, articles = one_pass(pages, folder)
            passes.append(spent)
            whoosh_spent = whoosh_cpu(articles, folder / "whoosh")
            if whoosh_spent is not None:
                whoosh.append(whoosh_spent)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    n = len(articles)
    source, revision = report.hbviewer_tree()
    print(f"hbviewer {revision} (from {source}); corpus: {files.source}, {len(pages)} page files, {n} articles;"
          f" median of {args.repeat} passes, CPU ms per article")
    for step in STEPS:
        values = [p[step] / n * 1000 for p in passes]
        print(f"  {step:8s} {statistics.median(values):6.3f}  ({min(values):.3f}–{max(values):.3f})")
    total = [sum(p.values()) / n * 1000 for p in passes]
    print(f"  {'all':8s} {statistics.median(total):6.3f}  ({min(total):.3f}–{max(total):.3f})")
    if whoosh:
        per_article = statistics.median(whoosh) / n * 1000
        budget = cores * per_article / 10
        print(f"Whoosh+jieba indexing: {per_article:.3f} ms per article, one thread")
        print(f"10× Whoosh+jieba on {cores} cores allows {budget:.3f} ms per article; hbviewer spends "
              f"{statistics.median(total) / budget:.2f}× that")
    else:
        print("Whoosh is not installed (pip install -e '.[bench]'): no budget to compare with")
    return 0


if __name__ == "__main__":
    sys.exit(main())
