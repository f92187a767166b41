"""What writing the search index costs per article: SQLite FTS5 as hbviewer uses it, and Tantivy.

Usage: python benchmarks/index_write.py [--articles 10000] [--per-page 4.5] [--repeat 3]

Both get the same token streams (hbviewer's ``index_tokens``: every character
bigram of the folded text, with positions) for the benchmark corpus, so the
difference is the index alone. FTS5 is written as an import writes it: a page
of articles per commit, or eight pages to a commit as files now share
transactions. Tantivy (``pip install tantivy``) is the alternative to measure:
it indexes in its own threads and merges segments in the background. Seconds
are wall time; CPU counts every thread of the process. Median of --repeat.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus_source, iter_articles  # noqa: E402

FTS5 = ("CREATE VIRTUAL TABLE article_index USING fts5(title, body, content='', tokenize='ascii',"
        " prefix='8', columnsize=1)")  # as hbviewer.core.store.sqlite.schema creates it


def write_fts5(folder: Path, pages: list[list[tuple[str, str]]], pages_per_commit: int) -> tuple[float, float]:
    path = folder / "fts5.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(FTS5)
    wall, cpu, rowid = time.perf_counter(), time.process_time(), 0
    for first in range(0, len(pages), pages_per_commit):
        db.execute("BEGIN IMMEDIATE")
        for page in pages[first:first + pages_per_commit]:
            for title, body in page:
                rowid += 1
                db.execute("INSERT INTO article_index(rowid, title, body) VALUES(?,?,?)", (rowid, title, body))
        db.execute("COMMIT")
    result = time.perf_counter() - wall, time.process_time() - cpu
    db.close()
    return result


def write_tantivy(folder: Path, pages: list[list[tuple[str, str]]]) -> tuple[float, float]:
    import tantivy

    schema = tantivy.SchemaBuilder()
    schema.add_integer_field("id", stored=True, indexed=True, fast=True)
    for field in ("title", "body"):
        schema.add_text_field(field, tokenizer_name="whitespace", index_option="position")
    index = tantivy.Index(schema.build(), path=str(folder))
    wall, cpu = time.perf_counter(), time.process_time()
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    rowid = since_commit = 0
    for page in pages:
        for title, body in page:
            rowid += 1
            writer.add_document(tantivy.Document(id=rowid, title=title, body=body))
        since_commit += len(page)
        if since_commit >= 2000:  # Tantivy commits are heavier: a large import would make few
            writer.commit()
            since_commit = 0
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--per-page", type=float, default=4.5, help="articles per page file (the corpus: 4.5)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from hbviewer.core.store.search import index_tokens

    tokens = [(index_tokens(title), index_tokens(text)) for title, text in iter_articles(args.articles)]
    step = args.per_page
    pages = [tokens[int(i * step):int((i + 1) * step)] for i in range(int(len(tokens) / step) + 1)]
    pages = [p for p in pages if p]
    engines = ["fts5-page", "fts5-8-pages"]
    if importlib.util.find_spec("tantivy") is not None:
        engines.append("tantivy")
    else:
        print("tantivy is not installed: FTS5 only")
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in engines}
    for _ in range(args.repeat):
        for name in engines:
            folder = Path(tempfile.mkdtemp(prefix="index-write-"))
            try:
                if name == "tantivy":
                    runs[name].append(write_tantivy(folder, pages))
                else:
                    runs[name].append(write_fts5(folder, pages, 1 if name == "fts5-page" else 8))
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    print(f"corpus: {corpus_source()}, {len(tokens)} articles in {len(pages)} pages, median of {args.repeat}")
    labels = {"fts5-page": "FTS5, a commit per page", "fts5-8-pages": "FTS5, a commit per 8 pages",
              "tantivy": "Tantivy, one indexing thread"}
    base = statistics.median(w for w, _ in runs["fts5-8-pages"])
    for name in engines:
        wall = statistics.median(w for w, _ in runs[name])
        cpu = statistics.median(c for _, c in runs[name])
        print(f"{labels[name]:30s} {wall:6.2f} s  CPU {cpu:6.2f} s  {cpu / len(tokens) * 1000:.2f} ms CPU/article"
              f"  {base / wall:.2f}x the speed of a commit per 8 pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
