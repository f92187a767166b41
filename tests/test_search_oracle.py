"""Search finds exactly the articles that contain the query string (brute-force oracle).

Every test runs on both libraries, the SQLite file and the PostgreSQL server
(skipped when no server can be had), and the two must find the same articles.
"""

import functools
import random

import pytest

from hbviewer.core.store.sqlite import SqliteLibrary as Library
from hbviewer.core.model import Article
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.text.textnorm import fold

BACKENDS = ["sqlite", "server"]


@pytest.fixture(params=BACKENDS)
def any_library(request):
    """An empty library of each kind."""
    return request.getfixturevalue("library" if request.param == "sqlite" else "server_library")


@pytest.fixture(params=BACKENDS)
def seeded(request):
    """The seed pages imported, in each kind of library."""
    return request.getfixturevalue("seed_library" if request.param == "sqlite" else "server_seed_library")


def oracle(articles, query):
    """Brute force: every article whose folded title or text contains the folded query."""
    q = fold(query)
    return {aid for aid, title, text in articles if q in title or q in text}


def stored(lib):
    return [(a.id, fold(a.title), fold(a.text)) for a in lib.articles()]


def sample_queries(articles, rng, n_per_length=25):
    texts = [t for _, _, t in articles]
    queries = []
    for length in (1, 2, 3, 4):
        while sum(1 for q in queries if len(q) == length) < n_per_length:
            text = rng.choice(texts)
            if len(text) <= length:
                continue
            start = rng.randrange(len(text) - length)
            q = text[start:start + length]
            if q.strip() == q and not any(ch.isspace() or ch in '"-' for ch in q):
                queries.append(q)
    return queries


def traditional(queries):
    import opencc

    s2t = opencc.OpenCC("s2t")
    return [t for t in (s2t.convert(q) for q in queries) if t not in queries]


def assert_same_sets(lib, queries):
    articles = stored(lib)
    mismatches = []
    for q in queries:
        got = lib.search_ids(SearchQuery(q))
        want = oracle(articles, q)
        if got != want:
            mismatches.append((q, len(got), len(want)))
    assert not mismatches, mismatches[:10]


def seed_queries(lib):
    rng = random.Random(7)
    queries = sample_queries(stored(lib), rng)
    queries += ["科技", "人才", "农业", "张家口", "張家口", "廣", "億元", "县域科技", "1.5万", "2.5%",
                "B类", "b类", "achie", "不存在的词语"]
    return queries + traditional(queries)


def test_seed_library_matches_oracle(seeded):
    assert_same_sets(seeded, seed_queries(seeded))


@functools.lru_cache(maxsize=1)
def generated_articles():
    """A few thousand articles made by shuffling seed sentences, a fifth in traditional script."""
    import opencc

    from hbviewer.core.text.articles import split_articles
    from hbviewer.core.text.reading import read_text_file
    from conftest import SEEDS

    rng = random.Random(11)
    s2t = opencc.OpenCC("s2t")
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for article in split_articles(read_text_file(path).text):
            sentences.extend(s for s in article.text.replace("\n\n", "。").split("。") if s)
    articles = []
    for i in range(3000):
        paras = tuple("。".join(rng.sample(sentences, rng.randint(1, 4))) + "。"
                      for _ in range(rng.randint(1, 4)))
        title = rng.choice(sentences)[:rng.randint(4, 20)] + f" 第{i}号"
        if i % 5 == 0:
            title, paras = s2t.convert(title), tuple(s2t.convert(p) for p in paras)
        articles.append(Article(title=title, paragraphs=paras, position=i))
    return articles


@pytest.fixture(scope="module")
def generated_sqlite(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("gen") / "library.sqlite3")
    lib.store_file("generated", "generated", "0", 0, "utf-8", generated_articles())
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def generated_server(pg_server):
    from hbviewer.core.store.server import ServerLibrary

    name = pg_server.create_database()
    lib = ServerLibrary.open(pg_server.url_for(name))
    lib.store_file("generated", "generated", "0", 0, "utf-8", generated_articles())
    yield lib
    lib.close()
    pg_server.drop_database(name)


@pytest.fixture(params=BACKENDS)
def generated_library(request):
    return request.getfixturevalue(f"generated_{request.param}")


def test_generated_library_matches_oracle(generated_library):
    rng = random.Random(3)
    queries = sample_queries(stored(generated_library), rng, n_per_length=30)
    queries += traditional(queries)
    assert_same_sets(generated_library, queries)


def test_boolean_queries_match_set_algebra(generated_library):
    articles = stored(generated_library)
    a, b = oracle(articles, "科技"), oracle(articles, "张家口")
    assert generated_library.search_ids(SearchQuery("科技 张家口")) == a & b
    assert generated_library.search_ids(SearchQuery("科技 OR 张家口")) == a | b
    assert generated_library.search_ids(SearchQuery("科技 -张家口")) == a - b
    assert generated_library.search_ids(SearchQuery("科技 -張家口")) == a - b
    assert a & b and a - b  # the sets are not trivial


def test_phrase_with_space_matches_across_white_space(any_library):
    library = any_library
    library.store_file("x", "x", "1", 1, "utf-8", [
        Article("甲", ("河北 日报 报道",)), Article("乙", ("河北日报报道",))])
    found = library.search(SearchQuery('"河北 日报"'))
    assert [h.title for h in found.hits] == ["甲"]
    assert {h.title for h in library.search(SearchQuery("河北")).hits} == {"甲", "乙"}


def test_title_hits_rank_first(any_library):
    library = any_library
    filler = "其他内容。" * 30
    library.store_file("x", "x", "1", 1, "utf-8", [
        Article("一般新闻", (filler + "提到了雄安一次。",)),
        Article("雄安新区建设提速", (filler + "雄安。",)),
        Article("无关", ("没有这个词。",))])
    hits = library.search(SearchQuery("雄安")).hits
    assert [h.title for h in hits] == ["雄安新区建设提速", "一般新闻"]


def test_hits_and_snippet_offsets_point_at_the_query(seeded):
    seed_library = seeded
    result = seed_library.search(SearchQuery("張家口"), offsets=True)
    assert result.total == len(result.hits) >= 3
    for hit in result.hits:
        article = seed_library.article(hit.article_id)
        for s, e in hit.text_hits:
            assert fold(article.text[s:e]) == "张家口"
        for s, e in hit.snippet.hits:
            assert fold(hit.snippet.text[s:e]) == "张家口"
        assert hit.text_hits or hit.title_hits


def test_filters_by_source_and_date(seeded):
    seed_library = seeded
    sources = {s.name: s.id for s in seed_library.sources()}
    only_002 = SearchQuery("科技", sources=(sources["002_ece3f9838cd41f0d.txt"],))
    assert len(seed_library.search_ids(only_002)) == 1
    dated = seed_library.search_ids(SearchQuery("科技", date_from="2020-01-01", date_to="2020-12-31"))
    assert len(dated) == 1
    assert not seed_library.search_ids(SearchQuery("科技", date_from="2021-01-01"))


def comparison_queries(lib):
    """1–4 characters, traditional script, several terms, OR, NOT, phrases, no hit."""
    rng = random.Random(5)
    single = sample_queries(stored(lib), rng, n_per_length=15)
    queries = single + traditional(single)
    for _ in range(25):
        a, b, c = rng.sample(single, 3)
        queries += [f"{a} {b}", f"{a} OR {b}", f"{a} | {b} {c}", f"{a} -{b}", f"{a} OR {b} -{c}",
                    f'"{a} {b}"', f"“{a}{b}”"]
    return queries + ["科技 张家口", "科技 OR 张家口", "科技 -張家口", '"科技 创新"', "第1号", "第 1", "不存在的词语",
                      "张家口 不存在的词语", "不存在的词语 OR 雄安", "-北京 科技"]


def by_position(lib):
    return {a.id: a.position for a in lib.articles()}


def test_both_libraries_find_the_same_articles(generated_sqlite, generated_server):
    local_pos, server_pos = by_position(generated_sqlite), by_position(generated_server)
    mismatches = []
    for q in comparison_queries(generated_sqlite):
        local = {local_pos[i] for i in generated_sqlite.search_ids(SearchQuery(q))}
        server = {server_pos[i] for i in generated_server.search_ids(SearchQuery(q))}
        if local != server:
            mismatches.append((q, len(local), len(server)))
    assert not mismatches, mismatches[:10]


def test_both_libraries_give_the_same_totals_hits_and_snippets(seed_library, server_seed_library):
    def keyed(lib):
        return {a.id: (a.source_name, a.position) for a in lib.articles()}

    local_key, server_key = keyed(seed_library), keyed(server_seed_library)
    sources = {s.name: s.id for s in server_seed_library.sources()}
    local_sources = {s.name: s.id for s in seed_library.sources()}
    name = "002_ece3f9838cd41f0d.txt"
    for text in seed_queries(seed_library) + ["科技 -张家口", "廊坊 OR 涿州", '"河北 日报"', ""]:
        for extra in ({}, {"date_from": "2020-01-01", "date_to": "2021-12-31"}, {"sources": name}):
            local_q = SearchQuery(text, limit=None, **{k: ((local_sources[v],) if k == "sources" else v)
                                                        for k, v in extra.items()})
            server_q = SearchQuery(text, limit=None, **{k: ((sources[v],) if k == "sources" else v)
                                                         for k, v in extra.items()})
            local = seed_library.search(local_q, offsets=True)
            server = server_seed_library.search(server_q, offsets=True)
            assert local.total == server.total, text
            local_hits = {local_key[h.article_id]: (h.snippet, h.title_hits, h.text_hits) for h in local.hits}
            server_hits = {server_key[h.article_id]: (h.snippet, h.title_hits, h.text_hits) for h in server.hits}
            assert local_hits == server_hits, text
            assert seed_library.rows(local_q)[0] == server_seed_library.rows(server_q)[0] == local.total
            if not text:  # no text: library order, the same in both
                assert [local_key[h.article_id] for h in local.hits] == [server_key[h.article_id] for h in server.hits]
    paged = SearchQuery("科技", limit=3, offset=2)
    assert server_seed_library.search(paged).total == seed_library.search(paged).total
    assert len(server_seed_library.rows(paged)[1]) == 3


@pytest.mark.parametrize("query", ["科", "发展", "科技 OR 人才", "企业 -张家口"])
def test_many_matches_put_title_hits_first_and_page_without_gaps(seeded, monkeypatch, query):
    """Past the number of matches each backend scores, the order is cheaper but the set the same."""
    import hbviewer.core.store.sqlite.search as file_backend
    from hbviewer.core.store.search import parse_query

    everything = seeded.search_ids(SearchQuery(query))
    assert len(everything) > 6
    # As if the library were huge (the server scores titles only, whatever the number of matches).
    monkeypatch.setattr(file_backend, "BM25_MOST", 3)
    whole = seeded.search(SearchQuery(query, limit=None))
    ids = [h.article_id for h in whole.hits]
    assert whole.total == len(everything) and len(ids) == len(set(ids)) and set(ids) == everything
    terms = parse_query(query).terms
    in_title = [any(t in fold(h.title) for t in terms) for h in whole.hits]
    assert in_title == sorted(in_title, reverse=True)  # every title hit before every other hit
    pages = []
    for offset in range(0, len(ids), 4):
        page = seeded.search(SearchQuery(query, limit=4, offset=offset))
        assert page.total == whole.total
        pages += [h.article_id for h in page.hits]
    assert pages == ids
