import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

# Qt tests run without a display, here and in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
SHARED = REPO.parent / "shared"


def load_gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def locate_gold_figures(gold_figures, texts):
    """Where each gold figure is in the split article texts: ``(located, missing)``.

    ``located`` holds (article index, start, end, gold). The longest tail of the
    gold's ``before`` (at least 4 characters, or all of it) followed by its text
    is searched; each match is used once, in document order. Gold figures in a
    headline are not in any article text: they come back in ``missing``.
    """
    used = set()
    located, missing = [], []
    for g in gold_figures:
        found = None
        for k in range(len(g["before"]), -1, -1):
            needle = g["before"][len(g["before"]) - k:] + g["text"]
            hits = [(a, pos + k) for a, t in enumerate(texts) for pos in _occurrences(t, needle)]
            hits = [h for h in hits if h not in used]
            if hits and (k >= 4 or k == len(g["before"])):
                found = hits[0]
                break
        if found is None:
            missing.append(g)
            continue
        used.add(found)
        located.append((found[0], found[1], found[1] + len(g["text"]), g))
    return located, missing


def match_by_overlap(golds, preds):
    """Pair each gold span with the unused predicted figure overlapping it most.

    Returns ``(pairs, taken)``: (start, end, gold, index of the figure or None)
    in gold order, and the indices of the figures paired.
    """
    taken, pairs = set(), []
    for s, e, g in golds:
        best = None
        for i, f in enumerate(preds):
            if i not in taken and f.start < e and s < f.end:
                overlap = min(e, f.end) - max(s, f.start)
                if best is None or overlap > best[0]:
                    best = (overlap, i)
        if best is not None:
            taken.add(best[1])
        pairs.append((s, e, g, None if best is None else best[1]))
    return pairs, taken


def _occurrences(text, needle):
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


@pytest.fixture
def library(tmp_path):
    from hbviewer.core.store.sqlite import SqliteLibrary as Library

    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory):
    """A library with the five seed pages imported, shared by read-only tests."""
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library

    lib = Library.open(tmp_path_factory.mktemp("seedlib") / "library.sqlite3")
    report = import_paths(lib, [SEEDS])
    assert not report.failed, report.failed
    yield lib
    lib.close()


# -- a PostgreSQL server for the server library (tests/pg_cluster.py) -----------------
@pytest.fixture(scope="session")
def pg_server():
    """The server in HBVIEWER_TEST_PG, or a throwaway cluster; the tests skip when neither can be had."""
    from pg_cluster import Unavailable, connect_server

    try:
        server = connect_server()
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server for the server-library tests: {exc}")
    yield server
    if server.cluster is not None:
        server.cluster.stop()


@pytest.fixture
def pg_url(pg_server):
    """A new, empty database for one test: its superuser URL."""
    name = pg_server.create_database()
    yield pg_server.url_for(name)
    pg_server.drop_database(name)


@pytest.fixture
def server_library(pg_url):
    from hbviewer.core.store.server import ServerLibrary

    lib = ServerLibrary.open(pg_url)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def server_seed_library(pg_server):
    """The five seed pages imported into a server library, shared by read-only tests."""
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.server import ServerLibrary

    name = pg_server.create_database()
    lib = ServerLibrary.open(pg_server.url_for(name))
    report = import_paths(lib, [SEEDS])
    assert not report.failed, report.failed
    yield lib
    lib.close()
    pg_server.drop_database(name)


def pg_admin_exec(server, *statements, dbname=None):
    """Run SQL as the test server's superuser (in ``dbname``, else its default database)."""
    with server.admin(dbname) as conn:
        for statement in statements:
            conn.execute(statement)


# -- a keyring in memory, and a role that may only log in ------------------------------------
@pytest.fixture
def memory_keyring():
    """The keyring is a dict for the test (``.entries``), then what it was before."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.entries = {}

        def get_password(self, service, username):
            return self.entries.get((service, username))

        def set_password(self, service, username, password):
            self.entries[(service, username)] = password

        def delete_password(self, service, username):
            if (service, username) not in self.entries:
                raise PasswordDeleteError(username)
            del self.entries[(service, username)]

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def login_role(pg_server, pg_url):
    """(url without password, password, name) of a role that may connect to pg_url's database and read
    its schema, nothing more (grant it what a test needs)."""
    password = "reader-pw-1"
    name = pg_server.create_role(password)
    dbname = pg_url.rsplit("/", 1)[-1]
    pg_admin_exec(pg_server, f'GRANT CONNECT ON DATABASE "{dbname}" TO "{name}"',
                  f'GRANT USAGE ON SCHEMA public TO "{name}"', dbname=dbname)
    yield pg_server.url_for(dbname, user=name), password, name
    pg_admin_exec(pg_server, f'DROP OWNED BY "{name}"', dbname=dbname)
    pg_server.drop_role(name)


# -- damaged library files (test_library_safety.py, test_cli_safety.py) -------------------
def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory):
    """A closed library file holding the sample pages (a few hundred pages of SQLite)."""
    path = tmp_path_factory.mktemp("seeded") / "library.sqlite3"
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store import open_library

    lib = open_library(path)
    assert not import_paths(lib, [SEEDS]).failed
    lib.close()
    return path


def damaged_copy(seeded_file, tmp_path, fractions=(0.35, 0.55, 0.75)):
    """A copy of the library with a few pages overwritten, at these fractions of the pages that
    hold its rows (free pages and the overflow pages of long texts are never checked, and where
    they fall in the file depends on how the rows happen to be laid out)."""
    import sqlite3

    path = tmp_path / "library.sqlite3"
    shutil.copy(seeded_file, path)
    db = sqlite3.connect(path)
    try:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = sorted(p for (p,) in db.execute(
            "SELECT pageno FROM dbstat WHERE pagetype = 'leaf'"
            " AND name IN ('articles', 'figures', 'article_regions', 'sources')"))
    finally:
        db.close()
    with open(path, "r+b") as f:
        for fraction in fractions:
            f.seek((pages[int(len(pages) * fraction)] - 1) * size)  # its b-tree header too
            f.write(b"\xa5" * 3000)
    return path


def fill_disk_after(monkeypatch, stored: int):
    """From the ``stored``-th article's rows on, the disk is full, in SQLite's words; returns the real writer."""
    import sqlite3

    from hbviewer.core.store.sqlite import writing

    real, calls = writing.SqliteWrites._insert_rows, []

    def fill_up(self, *args):
        calls.append(1)
        if len(calls) >= stored:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, *args)

    monkeypatch.setattr(writing.SqliteWrites, "_insert_rows", fill_up)
    return real


# -- the window (test_ui*.py) -------------------------------------------------------------
@pytest.fixture
def settings(tmp_path):
    """The window's settings in a file of the test's own, not the user's."""
    from PySide6.QtCore import QSettings

    from hbviewer.ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))


def open_window(qtbot, path, settings):
    """The main window on the library at ``path``, shown; close ``win.controller`` when done."""
    from hbviewer.ui.controller import LibraryController
    from hbviewer.ui.main_window import MainWindow

    win = MainWindow(LibraryController(path), settings)
    qtbot.addWidget(win)
    win.show()
    return win


# What each schema migration added, to take a library back to an older version in migration
# tests (the SQLite file's numbering, then the server's).
SQLITE_UNDO = {
    4: ["DROP TABLE corrections", "DROP INDEX figures_status", "ALTER TABLE figures DROP COLUMN status"],
    5: ["ALTER TABLE figures DROP COLUMN zone", "ALTER TABLE article_regions DROP COLUMN zone"],
    6: ["ALTER TABLE articles DROP COLUMN page"],
    7: ["DROP TABLE search_words", "DROP INDEX figures_kind"],
    8: [f"DROP TABLE {t}" for t in ("article_tags", "user_tags", "notes", "bookmarks", "saved_searches")],
    9: ["DROP INDEX figures_region_article", "CREATE INDEX figures_region ON figures(region_code)"],
}
SERVER_UNDO = {3: SQLITE_UNDO[4], 4: SQLITE_UNDO[5], 5: SQLITE_UNDO[6], 6: SQLITE_UNDO[7], 7: SQLITE_UNDO[8],
               8: SQLITE_UNDO[9]}


def downgrade_sqlite(path, version: int) -> None:
    """The closed library file at ``path`` as schema ``version`` wrote it (its later columns gone)."""
    import sqlite3

    from hbviewer.core.store.sqlite.schema import SCHEMA_VERSION

    db = sqlite3.connect(path, isolation_level=None)
    try:
        for v in range(SCHEMA_VERSION, version, -1):
            for statement in SQLITE_UNDO[v]:
                db.execute(statement)
        db.execute(f"PRAGMA user_version={version}")
    finally:
        db.close()


def downgrade_server(url: str, version: int) -> None:
    """The server library at ``url`` (closed) as its schema ``version`` made it."""
    import psycopg

    from hbviewer.core.store.server.schema import SCHEMA_VERSION

    with psycopg.connect(url, autocommit=True) as conn:
        for v in range(SCHEMA_VERSION, version, -1):
            for statement in SERVER_UNDO[v]:
                conn.execute(statement)
        conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(version),))


def open_imported(request, tmp_path, page: str):
    """A library of ``request.param`` ("sqlite" or "server") with ``page`` imported as page.txt."""
    from hbviewer.core.importer import import_file
    from hbviewer.core.store.server import ServerLibrary
    from hbviewer.core.store.sqlite import SqliteLibrary

    if request.param == "sqlite":
        library = SqliteLibrary.open(tmp_path / "library.sqlite3")
    else:
        library = ServerLibrary.open(request.getfixturevalue("pg_url"))
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    assert import_file(library, tmp_path / "page.txt").status == "imported"
    return library
