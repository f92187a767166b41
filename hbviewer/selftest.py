"""``hbviewer --self-test``: a check that the installed program works, no display needed.

It builds a temporary library from the bundled sample pages, searches it,
extracts figures and regions, writes a briefing workbook, and prints one line.
Run from a source checkout, an installed wheel or the frozen bundle alike.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


class SelfTestFailure(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


def run_self_test() -> str:
    from . import __version__
    from .core.briefing.excel import write_workbook
    from .core.importer import import_paths
    from .core.store import open_library
    from .core.store.search import SearchQuery
    from .core.briefing.summary import build_summary
    from .paths import resource, seeds_dir

    started = time.perf_counter()
    _check(resource("gazetteer", "regions.csv").is_file(), "the gazetteer resource is missing")
    _check(resource("i18n", "hbviewer_zh_CN.qm").is_file(), "the Chinese translation is missing")
    _check(resource("keywords", "stopwords.txt").is_file(), "the tags' stop list is missing")
    seeds = sorted(seeds_dir().glob("*.txt"))
    _check(len(seeds) >= 5, f"the sample pages are missing ({len(seeds)} found)")
    with tempfile.TemporaryDirectory(prefix="hbviewer-selftest-") as tmp:
        lib = open_library(Path(tmp) / "library.sqlite3")
        try:
            report = import_paths(lib, [seeds_dir()], workers=2)  # as the window imports: in worker processes
            _check(not report.failed, "import failed: " + "; ".join(f.error for f in report.failed))
            articles = report.articles_added
            _check(articles >= 20, f"only {articles} articles were imported")
            simplified = lib.search_ids(SearchQuery("张家口"))
            traditional = lib.search_ids(SearchQuery("張家口"))
            _check(bool(simplified) and simplified == traditional, "search of 张家口/張家口 disagrees")
            stats = lib.stats()
            _check(stats["figures"] > 100, f"only {stats['figures']} figures were extracted")
            _check(stats["regions"] > 5, f"only {stats['regions']} regions were found")
            tagged = lib.tag_labels([a.id for a in lib.articles()])
            _check(len(tagged) >= articles // 2, f"only {len(tagged)} articles were given tags")
            summary = build_summary(lib)
            out = write_workbook(summary, Path(tmp) / "briefing.xlsx")
            _check(out.stat().st_size > 5000, "the briefing workbook is empty")
        finally:
            lib.close()
    seconds = time.perf_counter() - started
    return (f"hbviewer {__version__} self-test passed: {articles} articles, {stats['figures']} figures, "
            f"{stats['regions']} regions, search and briefing workbook OK ({seconds:.1f} s)")


def main() -> int:
    try:
        print(run_self_test())
    except SelfTestFailure as exc:
        print(f"hbviewer self-test FAILED: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # anything else is a failure too, with its reason
        print(f"hbviewer self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
