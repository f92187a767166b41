"""Search finds exactly the articles that contain the query string (brute-force oracle)."""

import random

import pytest

from hbviewer.core.library import Library
from hbviewer.core.model import Article
from hbviewer.core.search import SearchQuery
from hbviewer.core.textnorm import fold


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


def test_seed_library_matches_oracle(seed_library):
    rng = random.Random(7)
    queries = sample_queries(stored(seed_library), rng)
    queries += ["科技", "人才", "农业", "张家口", "張家口", "廣", "億元", "县域科技", "1.5万", "2.5%",
                "B类", "b类", "achie", "不存在的词语"]
    queries += traditional(queries)
    assert_same_sets(seed_library, queries)


@pytest.fixture(scope="module")
def generated_library(tmp_path_factory):
    """A few thousand articles made by shuffling seed sentences, a fifth in traditional script."""
    import opencc

    from hbviewer.core.articles import split_articles
    from hbviewer.core.reading import read_text_file
    from conftest import SEEDS

    rng = random.Random(11)
    s2t = opencc.OpenCC("s2t")
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for article in split_articles(read_text_file(path).text):
            sentences.extend(s for s in article.text.replace("\n\n", "。").split("。") if s)
    lib = Library.open(tmp_path_factory.mktemp("gen") / "library.sqlite3")
    articles = []
    for i in range(3000):
        paras = tuple("。".join(rng.sample(sentences, rng.randint(1, 4))) + "。"
                      for _ in range(rng.randint(1, 4)))
        title = rng.choice(sentences)[:rng.randint(4, 20)] + f" 第{i}号"
        if i % 5 == 0:
            title, paras = s2t.convert(title), tuple(s2t.convert(p) for p in paras)
        articles.append(Article(title=title, paragraphs=paras, position=i))
    lib.store_file("generated", "generated", "0", 0, "utf-8", articles)
    yield lib
    lib.close()


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


def test_phrase_with_space_matches_across_white_space(library):
    library.store_file("x", "x", "1", 1, "utf-8", [
        Article("甲", ("河北 日报 报道",)), Article("乙", ("河北日报报道",))])
    found = library.search(SearchQuery('"河北 日报"'))
    assert [h.title for h in found.hits] == ["甲"]
    assert {h.title for h in library.search(SearchQuery("河北")).hits} == {"甲", "乙"}


def test_title_hits_rank_first(library):
    filler = "其他内容。" * 30
    library.store_file("x", "x", "1", 1, "utf-8", [
        Article("一般新闻", (filler + "提到了雄安一次。",)),
        Article("雄安新区建设提速", (filler + "雄安。",)),
        Article("无关", ("没有这个词。",))])
    hits = library.search(SearchQuery("雄安")).hits
    assert [h.title for h in hits] == ["雄安新区建设提速", "一般新闻"]


def test_hits_and_snippet_offsets_point_at_the_query(seed_library):
    result = seed_library.search(SearchQuery("張家口"), offsets=True)
    assert result.total == len(result.hits) >= 3
    for hit in result.hits:
        article = seed_library.article(hit.article_id)
        for s, e in hit.text_hits:
            assert fold(article.text[s:e]) == "张家口"
        for s, e in hit.snippet.hits:
            assert fold(hit.snippet.text[s:e]) == "张家口"
        assert hit.text_hits or hit.title_hits


def test_filters_by_source_and_date(seed_library):
    sources = {s.name: s.id for s in seed_library.sources()}
    only_002 = SearchQuery("科技", sources=(sources["002_ece3f9838cd41f0d.txt"],))
    assert len(seed_library.search_ids(only_002)) == 1
    dated = seed_library.search_ids(SearchQuery("科技", date_from="2020-01-01", date_to="2020-12-31"))
    assert len(dated) == 1
    assert not seed_library.search_ids(SearchQuery("科技", date_from="2021-01-01"))
