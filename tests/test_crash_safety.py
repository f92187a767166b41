"""The library survives a killed import and two programs writing at once."""

import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from hbviewer.core.text.articles import split_articles
from hbviewer.core.store.sqlite import SqliteLibrary as Library

pytestmark = pytest.mark.slow

KILLS = 20
IMPORTER = """
import sys
from pathlib import Path
from hbviewer.core.importer import import_file
from hbviewer.core.store.sqlite import SqliteLibrary as Library
lib = Library.open(sys.argv[1])
from hbviewer.core.extract.keywords import keywords
keywords("标题", "正文")  # jieba's start (seconds on a busy machine) comes before the kills' clock starts
print("ready -", flush=True)
for path in sys.argv[2:]:
    result = import_file(lib, path)
    print(result.status, Path(path).name, flush=True)
lib.close()
"""

# A folder imported the way the window and the CLI import: worker processes, files sharing transactions.
FOLDER_IMPORTER = """
import sys
from hbviewer.core.importer import import_paths
from hbviewer.core.store.sqlite import SqliteLibrary as Library
lib = Library.open(sys.argv[1])
report = import_paths(lib, sys.argv[2:], workers=2)
print(report.articles_added, len(report.failed), flush=True)
lib.close()
"""


def make_pages(folder, count, prefix="p"):
    rng = random.Random(count)
    pages = []
    for i in range(count):
        body = "".join(f"## {prefix}{i}号第{j}篇\n\n本报讯 {prefix}{i}县新增企业{rng.randint(2, 900)}家,"
                       f"投资{rng.randint(1, 90)}亿元。\n\n" for j in range(rng.randint(2, 5)))
        path = folder / f"{prefix}{i:03d}.txt"
        path.write_text(body, encoding="utf-8")
        pages.append(path)
    return pages


def expected_counts(pages):
    return {p.name: len(split_articles(p.read_text(encoding="utf-8"))) for p in pages}


def check_library(path, expected, committed):
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = dict(db.execute("SELECT s.name, count(a.id) FROM sources s LEFT JOIN articles a"
                             " ON a.source_id = s.id GROUP BY s.id").fetchall())
    orphans = db.execute("SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)").fetchone()[0]
    loose = db.execute("SELECT count(*) FROM figures WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    db.close()
    assert orphans == 0 and loose == 0
    for name, n in counts.items():
        assert n == expected[name], f"{name}: {n} of {expected[name]} articles (a partial import)"
    assert committed <= set(counts), f"committed but missing: {committed - set(counts)}"
    lib = Library.open(path)  # and the program itself opens it
    lib.close()
    return counts


def _pages_and_empty_library(tmp_path, n_pages: int):
    """``n_pages`` page files, the articles each holds, and a new library file."""
    pages = make_pages(tmp_path, n_pages)
    library = tmp_path / "library.sqlite3"
    Library.open(library).close()
    return pages, expected_counts(pages), library


def test_import_killed_at_random_moments_keeps_the_library_whole(tmp_path):
    pages, expected, library = _pages_and_empty_library(tmp_path, 60)
    rng = random.Random(20)
    committed: set[str] = set()
    survived = 0
    for _ in range(KILLS):
        todo = list(pages)
        rng.shuffle(todo)
        proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(library), *map(str, todo)],
                                stdout=subprocess.PIPE, text=True)
        proc.stdout.readline()  # "ready": started, jieba loaded
        time.sleep(rng.uniform(0.6, 2.5))  # then files commit
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        committed |= {line.split()[1] for line in out.splitlines() if line.split()[0] in ("imported", "replaced")}
        check_library(library, expected, committed)
        survived += 1
    counts = check_library(library, expected, committed)
    print(f"\ncrash safety: {survived} kills survived, {len(committed)} files committed, "
          f"{len(counts)} sources intact, integrity ok")
    assert survived == KILLS and committed  # some imports did commit between kills


def _sources_in(library) -> int:
    db = sqlite3.connect(library, timeout=10)
    try:
        return db.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        db.close()


def test_folder_import_killed_at_random_moments_keeps_every_file_whole(tmp_path):
    pages, expected, library = _pages_and_empty_library(tmp_path, 600)
    rng = random.Random(7)
    sizes = []
    for _ in range(6):
        before = _sources_in(library)
        proc = subprocess.Popen([sys.executable, "-c", FOLDER_IMPORTER, str(library), *map(str, pages)],
                                stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while proc.poll() is None and _sources_in(library) == before and time.monotonic() < deadline:
            time.sleep(0.01)  # until the first files have committed
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)  # its worker processes exit with it, closing the pipe
        sizes.append(len(check_library(library, expected, set())))
    # Left alone, the import finishes: the files already in are unchanged, the rest come in whole.
    done = subprocess.run([sys.executable, "-c", FOLDER_IMPORTER, str(library), *map(str, pages)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert set(check_library(library, expected, set())) == set(expected)
    print(f"\nfolder import: {len(sizes)} kills, sources after each: {sizes} of {len(expected)}")
    assert sizes == sorted(sizes) and 0 < sizes[0] < len(expected)  # killed in the middle


def test_two_programs_importing_at_once_lose_nothing(tmp_path):
    first = make_pages(tmp_path, 25, "a")
    second = make_pages(tmp_path, 25, "b")
    shared = first[:5]  # both import these: stored once
    library = tmp_path / "library.sqlite3"
    Library.open(library).close()
    procs = [subprocess.Popen([sys.executable, "-c", IMPORTER, str(library), *map(str, group)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for group in (first, second + shared)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outputs]
    expected = expected_counts(first + second)
    counts = check_library(library, expected, {p.name for p in first + second})
    assert set(counts) == set(expected)
    db = sqlite3.connect(library)
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    assert total == sum(expected.values())
    print(f"\nconcurrency: 2 writers, {len(counts)} files, {total} articles, none lost or doubled")


def test_a_full_disk_fails_the_file_and_keeps_the_library(tmp_path):
    from hbviewer.core.importer import import_paths

    pages = make_pages(tmp_path, 3)
    library = tmp_path / "library.sqlite3"
    lib = Library.open(library)
    import_paths(lib, pages[:1])
    before = [(a.id, a.text) for a in lib.articles()]
    pages_now = lib._db.execute("PRAGMA page_count").fetchone()[0]
    lib._db.execute(f"PRAGMA max_page_count={pages_now}")  # as if the disk were full
    big = tmp_path / "big.txt"
    big.write_text("".join(f"## 大文{i}\n\n本报讯 " + "该县新增企业12家。" * 300 + "\n\n" for i in range(40)),
                   encoding="utf-8")
    report = import_paths(lib, [big])
    result = report.files[0]
    assert result.status == "failed" and result.error_code == "disk_full"
    assert "disk" in result.error.lower() and "big.txt" in result.error
    assert [(a.id, a.text) for a in lib.articles()] == before
    lib.close()
