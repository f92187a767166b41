"""Files prepared in worker processes give the same library as files prepared inline."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from hbviewer.core import importer
from hbviewer.core.importer import import_paths, import_pool
from hbviewer.core.store.sqlite import SqliteLibrary as Library

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
        return len(calls) > 3  # before the fourth file, while the workers prepare those after it

    report = import_paths(lib, [folder], pool=pool, should_stop=stop)
    assert report.cancelled and len(report.files) == 3
    stored = {s.path for s in lib.sources()}
    done = {f.path for f in report.files if f.status in ("imported", "replaced")}
    assert stored == done and len(done) >= 2  # the files before the cancel are kept, no other
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


class _ReadyPool(Executor):
    """A pool whose every file is prepared by the time it is asked for: nothing ends a group early."""

    def submit(self, fn, *args, **kwargs):
        future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def test_files_share_a_transaction_and_store_what_inline_import_stores(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "GROUP_SECONDS", 60.0)
    folder = pages(tmp_path)
    inline = Library.open(tmp_path / "inline.sqlite3")
    import_paths(inline, [folder], workers=1)
    lib = Library.open(tmp_path / "grouped.sqlite3")
    statements = []
    lib._db.set_trace_callback(statements.append)
    report = import_paths(lib, [folder], pool=_ReadyPool())
    stored = [f for f in report.files if f.status == "imported"]
    assert len(stored) >= 5 and statements.count("COMMIT") == 1  # one transaction for the folder
    assert statements.count("BEGIN IMMEDIATE") == 1 and "ROLLBACK" not in statements
    assert content(lib) == content(inline)


class _DiskFillsOn:
    """A connection that fills the disk while storing one file: SQLite drops the whole transaction."""

    def __init__(self, db, name):
        self._db, self._name = db, name

    def execute(self, sql, params=()):
        if sql.startswith("INSERT INTO sources") and params[0].endswith(self._name):
            self._db.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self._db.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self._db, name)


def test_files_lost_with_a_dropped_transaction_are_reported_failed(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "GROUP_SECONDS", 60.0)
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in "abcd":
        (folder / f"{name}.txt").write_text(f"## {name}县新闻\n\n本报讯 {name}县新增企业12家,投资3亿元。\n",
                                            encoding="utf-8")
    lib = Library.open(tmp_path / "l.sqlite3")
    lib._db = _DiskFillsOn(lib._db, "c.txt")
    report = import_paths(lib, [folder], pool=_ReadyPool())
    status = {f.path.rsplit("/", 1)[-1]: (f.status, f.error_code) for f in report.files}
    # a and b were stored in the transaction the full disk dropped: they are not in the library;
    # a full disk stops the import (d is not tried), said once
    assert status == {"a.txt": ("failed", "disk_full"), "b.txt": ("failed", "disk_full"),
                      "c.txt": ("failed", "disk_full")}
    assert all("disk" in f.error and f.path.rsplit("/", 1)[-1] in f.error for f in report.failed)
    assert report.stopped_code == "disk_full" and "file 3 of 4" in report.stopped
    assert lib.sources() == [] and report.articles_added == lib.article_count() == 0


POOL_HOLDER = """
import os, time
from hbviewer.core.importer import import_pool
if __name__ == "__main__":
    pool = import_pool(2)
    pids = {pool.submit(os.getpid).result() for _ in range(20)}
    print(" ".join(map(str, pids)), flush=True)
    time.sleep(600)
"""


def test_workers_exit_when_the_program_that_started_them_is_killed(tmp_path):
    script = tmp_path / "holder.py"
    script.write_text(POOL_HOLDER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in workers if _alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, "workers outlived the program that started them"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a child of ours that has exited but not been reaped is a zombie: gone for this purpose
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True
