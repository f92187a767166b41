"""The library on a PostgreSQL server: same results as the SQLite file, safe with several clients.

The server is the one in HBVIEWER_TEST_PG or a throwaway cluster (tests/pg_cluster.py);
without either these tests skip, except the ones that need no server.
"""

import threading
import time
from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import downgrade_server

from hbviewer.core.briefing.excel import write_workbook
from hbviewer.core.importer import import_file, import_paths
from hbviewer.core.store import LibraryError
from hbviewer.core.store.sqlite import SqliteLibrary as Library
from hbviewer.core.store.copying import copy_library, library_content
from hbviewer.core.store.locations import display_location, is_server_location, open_library
from hbviewer.core.model import Article
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.server.schema import SCHEMA_VERSION, grams
from hbviewer.core.briefing.summary import SummaryScope, build_summary

from conftest import SEEDS

PAGE = "# 甲县新闻\n\n本报讯 甲县今年新增高新技术企业12家。\n\n## 乙县新闻\n\n本报讯 乙县技术合同交易额3.5亿元。\n"


def admin(url):
    return psycopg.connect(url, autocommit=True)


def without_import_time(content):
    return [row[:6] if row[0] == "source" else row for row in content]


def counts(lib):
    s = lib.stats()
    return s["sources"], s["articles"], s["figures"]


# -- where a library is ----------------------------------------------------------------
def test_locations_and_display_without_password(tmp_path):
    assert is_server_location("postgresql://u:p@h/db") and is_server_location("postgres://h/db")
    assert not is_server_location(tmp_path / "x.sqlite3") and not is_server_location("C:/x/postgres.sqlite3")
    assert display_location("postgresql://ann:s3cret@db.example:5433/news?sslmode=require") == \
        "postgresql://ann@db.example:5433/news?sslmode=require"
    assert "s3cret" not in display_location("postgresql://db.example/news?password=s3cret&sslmode=verify-full")
    assert display_location(tmp_path / "x.sqlite3") == str(tmp_path / "x.sqlite3")
    lib = open_library(tmp_path / "x.sqlite3")
    assert isinstance(lib, Library)
    lib.close()


def test_grams_hold_every_character_and_bigram():
    lexemes, oversized = grams("ab", "c")
    hexes = {"".join(f"{ord(ch):08x}" for ch in s) for s in ("a", "b", "c", "ab")}
    assert set(lexemes.split()) == hexes and not oversized


def test_unreachable_server_says_where_and_never_the_password():
    with pytest.raises(LibraryError) as info:
        ServerLibrary.open("postgresql://ann:s3cret-pw@127.0.0.1:1/news?connect_timeout=3")
    assert info.value.code == "cannot_open"
    assert "127.0.0.1:1" in str(info.value) and '"news"' in str(info.value)
    assert "s3cret-pw" not in str(info.value)


# -- opening, versions -------------------------------------------------------------------
class _DroppedConnection:
    """A connection the server ends as soon as it is made."""

    closed = False

    def execute(self, *args):
        raise psycopg.errors.AdminShutdown("terminating connection due to administrator command")

    def close(self):
        self.closed = True


def test_connection_dropped_while_being_set_up_is_a_library_error(monkeypatch):
    made = []
    monkeypatch.setattr(psycopg, "connect", lambda *a, **k: made.append(_DroppedConnection()) or made[-1])
    with pytest.raises(LibraryError) as info:
        ServerLibrary.open("postgresql://staff:secret-pw@127.0.0.1:1/hbviewer")
    assert info.value.code == "cannot_open" and "cannot be reached" in str(info.value)
    assert "administrator command" in str(info.value) and "secret-pw" not in str(info.value)
    assert made and all(conn.closed for conn in made)


def test_schema_is_created_once_and_reopened(pg_url):
    with pytest.raises(LibraryError):
        ServerLibrary.open(pg_url, create=False)  # an empty database is not a library
    lib = open_library(pg_url)
    assert isinstance(lib, ServerLibrary) and not lib.read_only
    assert lib.meta("schema_version") == str(SCHEMA_VERSION)
    assert lib.stats()["articles"] == 0
    password = urlsplit(pg_url).password
    assert password and password in pg_url and password not in lib.path and password not in str(lib.stats())
    lib.set_meta("hello", "世界")
    lib.close()
    again = ServerLibrary.open(pg_url, create=False)
    assert again.meta("hello") == "世界"
    again.close()


def test_clients_opening_a_new_database_at_once_create_it_once(pg_url):
    errors, libs = [], []
    barrier = threading.Barrier(4)

    def open_one():
        barrier.wait()
        try:
            libs.append(ServerLibrary.open(pg_url))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(libs) == 4
    for lib in libs:
        lib.close()
    with admin(pg_url) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]


def test_newer_schema_is_refused_and_left_alone(pg_url):
    lib = ServerLibrary.open(pg_url)
    import_paths(lib, [SEEDS / "000_086b7857410a924f.txt"])
    lib.close()

    def state():
        with admin(pg_url) as conn:
            return (conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
                    conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public' ORDER BY 1").fetchall(),
                    conn.execute("SELECT count(*), sum(hashtext(text)) FROM articles").fetchone())

    with admin(pg_url) as conn:
        conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    before = state()
    with pytest.raises(LibraryError) as info:
        ServerLibrary.open(pg_url)
    assert info.value.code == "newer" and "newer hbviewer" in str(info.value)
    assert state() == before


def test_wrong_password_and_missing_database(pg_server, pg_url):
    with pytest.raises(LibraryError) as info:
        ServerLibrary.open(pg_server.url_for("no_such_database_here"))
    assert info.value.code == "cannot_open" and "no such database" in str(info.value)
    try:  # a server that trusts every connection accepts any password: nothing to test there
        psycopg.connect(pg_url, password="wrong-pw-123", connect_timeout=5).close()
        pytest.skip("the test server does not check passwords")
    except psycopg.OperationalError:
        pass
    with pytest.raises(LibraryError) as info:
        open_library(pg_url, password="wrong-pw-123")
    assert info.value.code == "password" and "password" in str(info.value)
    assert "wrong-pw-123" not in str(info.value)


# -- importing ---------------------------------------------------------------------------
def test_seed_import_gives_what_the_sqlite_library_holds(server_seed_library, seed_library):
    server, local = server_seed_library, seed_library
    assert without_import_time(library_content(server)) == without_import_time(library_content(local))
    assert counts(server) == counts(local) and server.stats()["regions"] == local.stats()["regions"]
    server_ids = {(a.source_name, a.position): a.id for a in server.articles()}
    for a in local.articles():
        sid = server_ids[(a.source_name, a.position)]
        got = server.article(sid)
        assert (got.title, got.text, got.captions, got.original, got.date) == (a.title, a.text, a.captions,
                                                                              a.original, a.date)
        assert server.figures(sid) == local.figures(a.id)
        for role in ("subject", "mentioned"):
            assert server.article_regions(sid, role) == local.article_regions(a.id, role)
    assert server.subject_counts() == local.subject_counts()
    assert server.stale_analysis_articles(0) == sorted(server_ids.values())
    assert [r[1:] for r in server.article_summary_rows()] == [r[1:] for r in local.article_summary_rows()]
    assert [r[1:-1] for r in server.figure_rows()] == [r[1:-1] for r in local.figure_rows()]  # not imported_at


def test_again_unchanged_duplicates_once_and_reimport_replaces(server_library, tmp_path):
    lib = server_library
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.split("## ")[0] + "## 丙县新闻\n\n本报讯 丙县新增5家。\n", encoding="utf-8")
    a, b = import_paths(lib, [tmp_path / "a.txt", tmp_path / "b.txt"]).files
    assert (a.articles, a.duplicates) == (2, 0)
    assert (b.articles, b.duplicates, b.duplicate_titles) == (1, 1, ["甲县新闻"])
    assert lib.article_count() == 3
    assert [f.status for f in import_paths(lib, [tmp_path]).files] == ["unchanged", "unchanged"]
    (tmp_path / "a.txt").write_text(PAGE.replace("12家", "13家"), encoding="utf-8")
    result = import_paths(lib, [tmp_path / "a.txt"]).files[0]
    assert result.status == "replaced" and result.articles == 2
    assert lib.search_ids(SearchQuery("12家")) == set() and len(lib.search_ids(SearchQuery("13家"))) == 1
    source = lib.source_by_path(str((tmp_path / "b.txt").resolve()))
    assert source.article_count == 1
    lib.remove_source(source.id)
    assert lib.article_count() == 2 and lib.source_by_path(source.path) is None


def test_cancel_in_the_middle_keeps_nothing_of_the_file(server_library, tmp_path):
    lib = server_library
    import_paths(lib, [SEEDS / "000_086b7857410a924f.txt"])
    before = library_content(lib)
    calls = []
    result = import_file(lib, SEEDS / "001_6bbb3ec9880d77e2.txt",
                         should_stop=lambda: calls.append(1) or len(calls) > 3)  # checked between articles
    assert result.status == "cancelled" and len(calls) == 4
    assert library_content(lib) == before


def _race(*jobs):
    """Run the jobs in threads at once; their results (or exceptions) in order."""
    results = [None] * len(jobs)

    def run(i):
        try:
            results[i] = jobs[i]()
        except Exception as exc:  # noqa: BLE001 - returned to the test
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_two_clients_importing_the_same_file_store_it_once(pg_url, tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    first, second = ServerLibrary.open(pg_url), ServerLibrary.open(pg_url)
    started = threading.Event()

    def slow_stop():  # holds the file's transaction open while the other client arrives
        if not started.is_set():
            started.set()
            time.sleep(0.5)
        return False

    def late():
        started.wait(10)
        return import_paths(second, [tmp_path / "a.txt"])

    a, b = _race(lambda: import_paths(first, [tmp_path / "a.txt"], should_stop=slow_stop), late)
    assert not a.failed and not b.failed, (a.failed, b.failed)
    assert first.article_count() == 2 and len(first.sources()) == 1
    first.close()
    second.close()


def test_one_article_in_two_files_imported_at_once_is_stored_once(pg_url):
    """The second client waits on the first's uncommitted article, then skips it as a duplicate."""
    first, second = ServerLibrary.open(pg_url), ServerLibrary.open(pg_url)
    shared = Article("共同的文章", ("两份文件里都有这一篇。",), position=0)
    inserted = threading.Event()
    calls = []

    def slow_stop():
        calls.append(1)
        if len(calls) == 2:  # the shared article is written, not committed
            inserted.set()
            time.sleep(0.5)
        return False

    def late():
        inserted.wait(10)
        return second.store_file("/b.txt", "b.txt", "b", 1, "utf-8",
                                 [shared, Article("乙", ("乙文。",), position=1)])

    a, b = _race(lambda: first.store_file("/a.txt", "a.txt", "a", 1, "utf-8",
                                          [shared, Article("甲", ("甲文。",), position=1)], slow_stop), late)
    assert a == (2, [], False) and b == (1, ["共同的文章"], False)
    assert first.article_count() == 3
    first.close()
    second.close()


def test_crossed_duplicates_resolve_a_deadlock_by_trying_again(pg_url):
    first, second = ServerLibrary.open(pg_url), ServerLibrary.open(pg_url)
    x, y = Article("文章甲", ("甲的正文。",)), Article("文章乙", ("乙的正文。",))
    first_wrote, second_wrote = threading.Event(), threading.Event()

    def stopper(mine, other):
        calls = []

        def stop():
            calls.append(1)
            if len(calls) == 2:  # the first article is written; wait until the other has written its own
                mine.set()
                other.wait(5)
            return False
        return stop

    a, b = _race(lambda: first.store_file("/a", "a", "a", 1, "utf-8", [x, y], stopper(first_wrote, second_wrote)),
                 lambda: second.store_file("/b", "b", "b", 1, "utf-8", [y, x], stopper(second_wrote, first_wrote)))
    assert not isinstance(a, Exception) and not isinstance(b, Exception), (a, b)
    assert a[0] + b[0] == 2 and len(a[1]) + len(b[1]) == 2
    assert first.article_count() == 2
    first.close()
    second.close()


def test_connection_killed_mid_import_keeps_nothing_and_says_so(pg_server, server_library):
    lib = server_library
    import_paths(lib, [SEEDS / "000_086b7857410a924f.txt"])
    before = library_content(lib)
    calls = []

    def kill_on_third_article():
        calls.append(1)
        if len(calls) == 3:
            with admin(pg_server.url) as conn:
                conn.execute("SELECT pg_terminate_backend(%s)", (lib._conn.info.backend_pid,))
        return False

    path = SEEDS / "001_6bbb3ec9880d77e2.txt"
    failed = import_file(lib, path, should_stop=kill_on_third_article)  # asked between articles
    assert failed.status == "failed" and failed.error_code == "connection_lost"
    assert "nothing of this file" in failed.error and "import it again" in failed.error
    assert library_content(lib) == before  # the library connects again by itself
    calls.clear()
    with pytest.raises(LibraryError) as info:
        lib.store_file("/x.txt", "x.txt", "x", 1, "utf-8",
                       [Article(f"标题{i}", (f"正文{i}。",)) for i in range(5)], kill_on_third_article)
    assert info.value.code == "connection_lost"
    assert library_content(lib) == before
    assert import_paths(lib, [path]).files[0].status == "imported"


# -- a role that may only read ---------------------------------------------------------------
def test_read_only_role_searches_lists_and_exports_but_cannot_import(pg_url, login_role, tmp_path):
    url, password, role = login_role
    with pytest.raises(LibraryError) as info:  # no library yet, and this role cannot make one
        open_library(url, password=password)
    assert info.value.code == "read_only"
    owner = ServerLibrary.open(pg_url)
    import_paths(owner, [SEEDS])
    with admin(pg_url) as conn:
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    lib = open_library(url, password=password)
    assert lib.read_only and not owner.read_only
    assert lib.search_ids(SearchQuery("张家口")) == owner.search_ids(SearchQuery("张家口"))
    assert lib.rows(SearchQuery(limit=None))[0] == 26 and len(lib.articles()) == 26
    summary = build_summary(lib, SummaryScope(query=SearchQuery("科技")))
    assert len(summary.figures) > 0
    assert write_workbook(summary, tmp_path / "brief.xlsx").exists()
    with pytest.raises(LibraryError) as info:
        lib.store_file("/x.txt", "x.txt", "x", 1, "utf-8", [Article("题", ("文。",))])
    assert info.value.code == "read_only"
    for write in (lambda: lib.set_meta("k", "v"), lambda: lib.remove_source(1), lambda: lib.replace_analysis([], 1)):
        with pytest.raises(LibraryError) as info:
            write()
        assert info.value.code == "read_only"
    (tmp_path / "new.txt").write_text(PAGE, encoding="utf-8")
    result = import_paths(lib, [tmp_path / "new.txt"]).files[0]
    assert result.status == "failed" and result.error_code == "read_only"
    assert owner.article_count() == 26
    lib.close()
    owner.close()


# -- summary and export ---------------------------------------------------------------------
def test_summary_and_export_work_on_the_server(server_seed_library, seed_library, tmp_path):
    server, local = build_summary(server_seed_library), build_summary(seed_library)
    columns = [c for c in server.figures.columns if c not in ("article_id", "imported_at")]
    assert server.figures[columns].equals(local.figures[columns])
    assert server.articles.drop(columns="article_id").equals(local.articles.drop(columns="article_id"))
    assert [(n.code, n.figures, n.articles) for r in server.tree for n in r.walk()] == \
        [(n.code, n.figures, n.articles) for r in local.tree for n in r.walk()]
    scoped = build_summary(server_seed_library, SummaryScope(region_codes=("131100",)))
    assert len(scoped.figures) > 0 and set(scoped.figures["prefecture"]) == {"衡水市"}
    path = write_workbook(server, tmp_path / "brief.xlsx", per_region_sheets=True)
    import openpyxl

    assert "数据" in openpyxl.load_workbook(path, read_only=True).sheetnames


# -- copying --------------------------------------------------------------------------------------
def test_copy_file_to_file_keeps_everything(seed_library, tmp_path):
    target = Library.open(tmp_path / "copy.sqlite3")
    report = copy_library(seed_library, target)
    assert (report.copied, report.articles, report.ids_kept) == (5, 26, True)
    assert library_content(target) == library_content(seed_library)
    assert [a.id for a in target.articles()] == [a.id for a in seed_library.articles()]
    assert target.search_ids(SearchQuery("张家口")) == seed_library.search_ids(SearchQuery("张家口"))
    with pytest.raises(LibraryError) as info:
        copy_library(seed_library, target)
    assert info.value.code == "not_empty"
    again = copy_library(seed_library, target, merge=True)
    assert (again.copied, again.skipped) == (0, 5)
    target.close()


def test_copy_local_to_server_to_local_round_trips(seed_library, server_library, tmp_path):
    progress = []
    report = copy_library(seed_library, server_library, progress=lambda d, t, n: progress.append((d, t)))
    assert report.copied == 5 and report.ids_kept and progress[-1] == (5, 5)
    assert library_content(server_library) == library_content(seed_library)
    assert {a.id for a in server_library.articles()} == {a.id for a in seed_library.articles()}
    for q in ("张家口", "科技 -张家口", "县", "億元"):
        assert server_library.search_ids(SearchQuery(q)) == seed_library.search_ids(SearchQuery(q))
    back = Library.open(tmp_path / "back.sqlite3")
    copy_library(server_library, back)
    assert library_content(back) == library_content(seed_library)
    # New imports go on after the copied ids.
    (tmp_path / "new.txt").write_text(PAGE, encoding="utf-8")
    assert import_paths(server_library, [tmp_path / "new.txt"]).files[0].status == "imported"
    assert server_library.article_count() == 28
    back.close()


def test_cancelled_copy_keeps_whole_sources_and_merge_finishes_it(seed_library, server_library):
    seen = []
    report = copy_library(seed_library, server_library, progress=lambda d, t, n: seen.append(d),
                          should_stop=lambda: len(seen) >= 3)  # in the middle of the third source
    assert report.cancelled and report.copied == 2
    assert len(server_library.sources()) == 2
    rest = copy_library(seed_library, server_library, merge=True)
    assert (rest.copied, rest.skipped, rest.ids_kept) == (3, 2, False)
    assert without_import_time(library_content(server_library)) == without_import_time(library_content(seed_library))


# -- a long-running client -----------------------------------------------------------------
def test_a_dropped_idle_connection_is_made_again(pg_server, server_library, tmp_path):
    lib = server_library
    import_paths(lib, [SEEDS / "000_086b7857410a924f.txt"])

    def drop():
        with admin(pg_server.url) as conn:
            conn.execute("SELECT pg_terminate_backend(%s)", (lib._conn.info.backend_pid,))
        time.sleep(0.2)

    drop()
    assert lib.search_ids(SearchQuery("张家口"))  # a read runs again on a new connection
    drop()
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    assert import_paths(lib, [tmp_path / "a.txt"]).files[0].status == "imported"  # so does a write


def test_search_columns_are_rebuilt_when_their_version_changes(pg_url):
    lib = ServerLibrary.open(pg_url)
    import_paths(lib, [SEEDS])
    want = lib.search_ids(SearchQuery("张家口 科技"))
    lib.close()
    with admin(pg_url) as conn:  # as if written by a program that folded differently
        conn.execute("UPDATE articles SET title_folded = '', text_folded = '', grams = ''")
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'index_version'")
    lib = ServerLibrary.open(pg_url)
    assert want and lib.search_ids(SearchQuery("张家口 科技")) == want
    with admin(pg_url) as conn:
        conn.execute("UPDATE articles SET grams = ''")
    lib.rebuild_index()
    assert lib.search_ids(SearchQuery("张家口 科技")) == want
    lib.close()


def test_one_library_shared_by_threads(server_seed_library):
    lib = server_seed_library
    want = {q: lib.search_ids(SearchQuery(q)) for q in ("张家口", "科技", "县", "億元")}

    def work(q):
        return lambda: [lib.search_ids(SearchQuery(q)) == want[q] and lib.rows(SearchQuery(q))[0] == len(want[q])
                        for _ in range(20)]

    results = _race(*(work(q) for q in want for _ in range(2)))
    assert all(isinstance(r, list) and all(r) for r in results), results


def test_region_panel_queries_agree_with_the_sqlite_library(server_seed_library, seed_library):
    server, local = server_seed_library, seed_library
    assert server.figure_counts_by_region() == local.figure_counts_by_region()
    for codes in (None, ["130700", "130705"], ["131100"], []):
        assert [r[1:-1] for r in server.latest_figures(codes, 25)] == [r[1:-1] for r in local.latest_figures(codes, 25)]
        assert server.indicator_counts(codes, 10) == local.indicator_counts(codes, 10)
        for indicator, _n in local.indicator_counts(codes, 3):
            assert [r[1:-1] for r in server.indicator_figures(codes, [indicator])] == \
                   [r[1:-1] for r in local.indicator_figures(codes, [indicator])]


def test_articles_too_large_for_the_index_are_still_found_exactly(server_library, monkeypatch):
    import hbviewer.core.store.server.schema as schema
    from test_search_oracle import oracle, stored

    monkeypatch.setattr(schema, "MOST_GRAMS", 40)  # as if two of these articles were huge
    lib = server_library
    lib.store_file("/big.txt", "big.txt", "1", 1, "utf-8", [
        Article("张家口科技新闻", ("张家口市今年新增高新技术企业一百二十家，科技创新能力明显增强。",)),
        Article("短", ("廊坊。",)),
        Article("石家庄的农业", ("石家庄农业发展银行支持乡村振兴，县域科技特派员深入田间。" * 3,))])
    with lib._conn.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles WHERE oversized").fetchone()[0] == 2
    articles = stored(lib)
    for q in ("科", "科技", "张家口", "家口市", "县域科技", "廊", "不存在"):
        assert lib.search_ids(SearchQuery(q)) == oracle(articles, q), q
    both, tech = oracle(articles, "科技") & oracle(articles, "农业"), oracle(articles, "科技")
    assert lib.search_ids(SearchQuery("科技 农业")) == both
    assert lib.search_ids(SearchQuery("科技 -农业")) == tech - oracle(articles, "农业")
    assert lib.search_ids(SearchQuery("科技 -乡村振兴")) == tech - oracle(articles, "乡村振兴")


@pytest.mark.parametrize("query", ["科", "发展", "科技 OR 人才", "发展 -农业"])
def test_very_many_matches_of_short_terms_come_newest_first_and_page_without_gaps(server_seed_library, monkeypatch,
                                                                                  query):
    import hbviewer.core.store.server.search as server_module

    lib = server_seed_library
    everything = lib.search_ids(SearchQuery(query))
    assert len(everything) > 6
    monkeypatch.setattr(server_module, "NEWEST_FROM", 3)  # as if the library were huge
    monkeypatch.setattr(server_module.ServerSearch, "_dense", lambda self, total: total > 3)
    whole = lib.search(SearchQuery(query, limit=None))
    ids = [h.article_id for h in whole.hits]
    assert whole.total == len(everything) and ids == sorted(everything, reverse=True)
    pages = []
    for offset in range(0, len(ids), 4):
        page = lib.search(SearchQuery(query, limit=4, offset=offset))
        assert page.total == whole.total and all(h.snippet for h in page.hits)
        pages += [h.article_id for h in page.hits]
    assert pages == ids


def test_tls_is_asked_for_when_offered_unless_the_address_says_otherwise(pg_url, monkeypatch):
    from psycopg.conninfo import conninfo_to_dict

    monkeypatch.delenv("PGSSLMODE", raising=False)
    lib = ServerLibrary.open(pg_url)  # this test server offers no TLS: 'prefer' still connects
    try:
        assert conninfo_to_dict(lib._conninfo)["sslmode"] == "prefer"
    finally:
        lib.close()
    sep = "&" if "?" in pg_url else "?"
    lib = ServerLibrary.open(f"{pg_url}{sep}sslmode=disable")
    try:
        assert conninfo_to_dict(lib._conninfo)["sslmode"] == "disable"
    finally:
        lib.close()


def test_a_library_from_before_zones_opens_with_everything_kept(pg_url, tmp_path):
    lib = ServerLibrary.open(pg_url)
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    import_paths(lib, [tmp_path / "a.txt"])
    article = lib.articles()[0].id
    figures, regions = lib.figures(article), lib.article_regions(article)
    lib.close()
    downgrade_server(pg_url, 3)  # the tables as the version before zones made them
    lib = ServerLibrary.open(pg_url)
    assert lib.meta("schema_version") == str(SCHEMA_VERSION)
    assert lib.figures(article) == figures and lib.article_regions(article) == regions
    assert figures and all(f.zone == "" for f in figures)
    lib.close()
