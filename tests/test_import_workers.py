"""Files prepared in worker processes give the same library as files prepared inline."""

from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from hbviewer.core.importer import import_paths, import_pool
from hbviewer.core.library import Library

from conftest import SEEDS


def content(lib):
    """Articles with their figures and regions, without ids (which depend on order only)."""
    out = []
    for a in lib.articles():
        figures = [(f.start, f.end, f.text, f.value, f.unit, f.indicator, f.region_code) for f in lib.figures(a.id)]
        out.append((a.source_name, a.position, a.title, a.text, a.byline, tuple(figures),
                    tuple(r["code"] for r in lib.article_regions(a.id))))
    return sorted(out)


def pages(tmp_path):
    """The seed pages plus a bad file and a page copied twice (duplicates stored once)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    first = sorted(SEEDS.glob("*.txt"))[0]
    (folder / ("copy-of-" + first.name)).write_bytes(first.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


@pytest.fixture(scope="module")
def pool():
    with import_pool(2) as p:
        yield p


def test_worker_processes_store_what_inline_preparation_stores(tmp_path, pool):
    folder = pages(tmp_path)
    inline = Library.open(tmp_path / "inline.sqlite3")
    parallel = Library.open(tmp_path / "parallel.sqlite3")
    a = import_paths(inline, [folder], workers=1)
    b = import_paths(parallel, [folder], pool=pool)
    assert a.articles_added == b.articles_added > 20
    assert a.duplicates == b.duplicates > 0  # the copied page's articles are stored once
    assert [(f.path.rsplit("/", 1)[-1], f.status, f.error_code) for f in a.files] == \
        [(f.path.rsplit("/", 1)[-1], f.status, f.error_code) for f in b.files]
    assert [(f.error_code, "binary data" in f.error) for f in b.failed] == [("binary", True)]
    assert content(inline) == content(parallel)
    assert parallel.stats()["figures"] == inline.stats()["figures"] > 100
    # An unchanged folder is not prepared again: every file comes back unchanged.
    again = import_paths(parallel, [folder], pool=pool)
    assert {f.status for f in again.files if f.status != "failed"} == {"unchanged"}


def test_cancel_with_workers_keeps_only_whole_files(tmp_path, pool):
    folder = pages(tmp_path)
    lib = Library.open(tmp_path / "l.sqlite3")
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 40  # somewhere inside the second or third file

    report = import_paths(lib, [folder], pool=pool, should_stop=stop)
    assert report.cancelled
    stored = {s.path for s in lib.sources()}
    done = {f.path for f in report.files if f.status in ("imported", "replaced")}
    assert stored == done  # the file being stored when Cancel came left nothing
    for s in lib.sources():
        assert s.article_count > 0


class _BrokenPool(Executor):
    """A pool whose workers have all died."""

    def submit(self, fn, *args, **kwargs):
        future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future


def test_a_dead_pool_falls_back_to_preparing_here(tmp_path):
    folder = pages(tmp_path)
    lib = Library.open(tmp_path / "l.sqlite3")
    report = import_paths(lib, [folder], pool=_BrokenPool())
    assert report.articles_added > 20 and not report.cancelled
    assert len(report.failed) == 1  # only the broken file
