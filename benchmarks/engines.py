"""The search engines compared, behind one small interface.

Every engine answers ``top(query)`` (the first page a user sees: 50 hits, best
first) and ``ids(query)`` (every matching article, for recall). All are fed the
same articles: the ones hbviewer stored, with hbviewer's article ids, so recall
compares like with like even where the splitter reshaped a page.

* ``Hbviewer``: the library itself (bigram FTS5 index, snippets included).
* ``Oracle``: a substring scan over folded text, the definition of a correct
  answer, and the speed of doing without an index.
* ``Fts5Trigram``: SQLite's own trigram tokenizer over the display text.
* ``WhooshJieba``: Whoosh 2.7 with jieba's ChineseAnalyzer, the usual
  pure-Python recipe for Chinese search.

The baselines get the query as typed: neither folds traditional characters.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from pathlib import Path

from hbviewer.core.store.sqlite import SqliteLibrary as Library
from hbviewer.core.store.search import SearchQuery, parse_query
from hbviewer.core.text.textnorm import fold

TOP = 50
Doc = tuple[int, str, str]  # (article id, title, text)

_TERMS = re.compile(r'"([^"]*)"|(\S+)')


def raw_terms(query: str) -> list[str]:
    """Terms as typed, quotes keeping a phrase together (for the baselines)."""
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _TERMS.finditer(query)]


def folder_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class Hbviewer:
    name = "hbviewer"

    def __init__(self, library_file: Path):
        self.library = Library.open(library_file, create=False)

    def docs(self) -> list[Doc]:
        return [(a.id, a.title, a.text) for a in self.library.articles(SearchQuery(limit=None))]

    def top(self, query: str) -> list[int]:
        return [h.article_id for h in self.library.search(SearchQuery(query, limit=TOP)).hits]

    def total(self, query: str) -> int:
        return self.library.search(SearchQuery(query, limit=TOP)).total

    def ids(self, query: str) -> set[int]:
        return self.library.search_ids(SearchQuery(query, limit=None))

    def close(self) -> None:
        self.library.close()


class Oracle:
    """Brute force: an article matches when its folded title or text holds every term."""

    name = "brute force"

    def __init__(self, docs: list[Doc]):
        self.docs = docs

    def build(self) -> float:
        t0 = time.perf_counter()
        self.folded = [(i, fold(title), fold(text)) for i, title, text in self.docs]
        return time.perf_counter() - t0

    def ids(self, query: str) -> set[int]:
        parsed = parse_query(query)
        found = set()
        for i, title, text in self.folded:
            if all(any(t in title or t in text for t in group) for group in parsed.required) and not any(
                    t in title or t in text for t in parsed.excluded):
                found.add(i)
        return found

    def top(self, query: str) -> list[int]:
        return sorted(self.ids(query))[:TOP]

    @property
    def size_bytes(self) -> int:
        return 0

    def close(self) -> None:
        pass


class Fts5Trigram:
    name = "FTS5 trigram"

    def __init__(self, docs: list[Doc], path: Path):
        self.docs, self.path = docs, path

    def build(self) -> float:
        for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-journal")):
            p.unlink(missing_ok=True)
        t0 = time.perf_counter()
        db = sqlite3.connect(str(self.path), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE VIRTUAL TABLE doc USING fts5(title, body, tokenize='trigram')")
        db.execute("BEGIN")
        db.executemany("INSERT INTO doc(rowid, title, body) VALUES(?,?,?)", self.docs)
        db.execute("COMMIT")
        elapsed = time.perf_counter() - t0
        self.db = db
        return elapsed

    @staticmethod
    def expression(query: str) -> str:
        return " ".join('"' + t.replace('"', '""') + '"' for t in raw_terms(query))

    def top(self, query: str) -> list[int]:
        # snippet() so that the first page costs what hbviewer's does (hit text shown)
        rows = self.db.execute(
            "SELECT rowid, snippet(doc, 1, '[', ']', '…', 30) FROM doc WHERE doc MATCH ?"
            " ORDER BY rank LIMIT ?", (self.expression(query), TOP)).fetchall()
        return [r[0] for r in rows]

    def ids(self, query: str) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT rowid FROM doc WHERE doc MATCH ?",
                                              (self.expression(query),))}

    @property
    def size_bytes(self) -> int:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.path.stat().st_size

    def close(self) -> None:
        self.db.close()


class WhooshJieba:
    name = "Whoosh+jieba"

    def __init__(self, docs: list[Doc], folder: Path):
        import jieba
        from jieba.analyse import ChineseAnalyzer

        jieba.setLogLevel(60)
        jieba.initialize()  # the dictionary load (~0.7 s) is start-up, not indexing
        self.docs, self.folder = docs, folder
        self.analyzer = ChineseAnalyzer()

    @staticmethod
    def available() -> bool:
        import importlib.util

        return importlib.util.find_spec("whoosh") is not None

    def build(self) -> float:
        from whoosh import index
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.qparser import MultifieldParser

        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=self.analyzer),
                        body=TEXT(analyzer=self.analyzer))
        t0 = time.perf_counter()
        ix = index.create_in(str(self.folder), schema)
        writer = ix.writer(limitmb=256)
        for i, title, text in self.docs:
            writer.add_document(id=str(i), title=title, body=text)
        writer.commit()
        elapsed = time.perf_counter() - t0
        self.searcher = ix.searcher()
        self.parser = MultifieldParser(["title", "body"], schema)
        return elapsed

    def top(self, query: str) -> list[int]:
        results = self.searcher.search(self.parser.parse(query), limit=TOP)
        return [int(hit["id"]) for hit in results]

    def ids(self, query: str) -> set[int]:
        results = self.searcher.search(self.parser.parse(query), limit=None)
        return {int(hit["id"]) for hit in results}

    @property
    def size_bytes(self) -> int:
        return folder_bytes(self.folder)

    def close(self) -> None:
        self.searcher.close()
