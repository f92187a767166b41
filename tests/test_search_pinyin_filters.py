"""Pinyin search, filters in the query and sorting: the same answers from both libraries.

The articles are made up here, with dates, publications and figures chosen so that each
rule can be told apart; the seed pages check ``zjk`` against 张家口.
"""

import sqlite3

import pytest
from conftest import downgrade_server, downgrade_sqlite

from hbviewer.core.extract.analysis import analyse
from hbviewer.core.model import Article
from hbviewer.core.store.query_filters import filter_values, split_filters, with_filter, without_filter
from hbviewer.core.store.search import QueryError, SearchQuery
from hbviewer.core.store.server.schema import SCHEMA_VERSION as SERVER_VERSION
from hbviewer.core.store.sqlite import SqliteLibrary
from hbviewer.core.extract.words import words_in
from hbviewer.core.store.vocabulary import choose_words, pinyin_key, readings
from hbviewer.core.text.textnorm import fold

ARTICLES = [  # title, text, date, publication
    ("张家口市推进冰雪产业", "张家口市今年冰雪产业投资达到12亿元，同比增长8%。", "2020-03-02", "河北日报"),
    ("万全区发展高新技术", "万全区新增高新技术企业15家。", "2020-11-20", ""),
    ("张家口举办招聘会", "招聘会提供岗位300个。", "2021-05-01", "张家口日报"),
    ("衡水市GDP稳步增长", "衡水市GDP增长6.5%，各地评价积极。", "2020-06-01", "河北日报"),
    ("长安区重庆路改造", "长安区重庆路改造完成。", None, ""),
    ("国内生产总值核算", "GDP核算方法说明，高新技术产业占比提高。", "2024-02-10", "河北日报"),
]


def _store(lib):
    articles = [Article(title=t, paragraphs=(x,), position=i, date=d, publication=p)
                for i, (t, x, d, p) in enumerate(ARTICLES)]
    lib.store_file("/made/up/page.txt", "page.txt", "0", 0, "utf-8", articles,
                   analyses=[analyse(a.title, a.text) for a in articles], analysis_version=1)
    return {a.title: a.id for a in lib.articles()}


@pytest.fixture(params=["sqlite", "server"])
def made_up(request, tmp_path):
    if request.param == "sqlite":
        lib = SqliteLibrary.open(tmp_path / "library.sqlite3")
    else:
        from hbviewer.core.store.server import ServerLibrary

        lib = ServerLibrary.open(request.getfixturevalue("pg_url"))
    ids = _store(lib)
    yield lib, ids
    lib.close()


def titles(lib, text, **kw):
    return [h.title for h in lib.search(SearchQuery(text, **kw)).hits]


def found(lib, text, **kw):
    return set(titles(lib, text, **kw))


def test_readings_take_the_word_and_every_reading_of_a_character():
    assert readings("张家口") == [("zhangjiakou", "zjk")]
    assert readings("长安区") == [("changanqu", "caq")]
    assert readings("重庆") == [("chongqing", "cq")]
    assert {p for p, _i in readings("长")} == {"chang", "zhang"}
    assert pinyin_key("zhang jia kou") == "zhangjiakou" and pinyin_key("张家口") is None
    assert pinyin_key("z") is None
    rows = [("张家口", "zhangjiakou", "zjk"), ("张家口市", "zhangjiakoushi", "zjks"), ("中建科", "zhongjianke", "zjk")]
    assert choose_words("zjk", rows) == ["中建科", "张家口"]  # 张家口市 holds 张家口: found by it


def test_pinyin_and_initials_find_the_chinese_words(made_up):
    lib, _ids = made_up
    zjk = found(lib, "张家口")
    assert zjk == {"张家口市推进冰雪产业", "张家口举办招聘会"}
    for typed in ("zjk", "zhangjiakou", "zhang jia kou", "ZJK", "zhangjia"):
        assert found(lib, typed) == zjk, typed
    assert found(lib, "gxjs") == {"万全区发展高新技术", "国内生产总值核算"}
    assert found(lib, "caq") == found(lib, "changanqu") == {"长安区重庆路改造"}
    assert found(lib, "cq") >= {"长安区重庆路改造"}
    assert found(lib, "zjk 冰雪") == {"张家口市推进冰雪产业"}
    hits = lib.search(SearchQuery("zjk")).hits
    assert all(h.by_pinyin for h in hits)
    assert lib.search_ids(SearchQuery("zjk")) == lib.search_ids(SearchQuery("张家口"))
    # Chinese keeps its exact substring meaning; pinyin can be turned off
    assert found(lib, "zjk", pinyin=False) == set()


def test_a_latin_string_finds_itself_first_then_its_pinyin(made_up):
    lib, _ids = made_up
    result = lib.search(SearchQuery("gdp"))
    exact = {"衡水市GDP稳步增长", "国内生产总值核算"}
    assert {h.title for h in result.hits[:2]} == exact
    assert not any(h.by_pinyin for h in result.hits[:2])
    # 各地评价 (ge di ping) is in the first already; what pinyin adds comes after, flagged
    assert all(h.by_pinyin for h in result.hits[2:])
    assert result.total == len(result.hits)
    page = lib.search(SearchQuery("gdp", limit=1, offset=1))
    assert [h.title for h in page.hits] == [result.hits[1].title] and page.total == result.total


def test_filters_region_date_source_kind_has(made_up):
    lib, _ids = made_up
    assert found(lib, "region:张家口市") == {"张家口市推进冰雪产业", "万全区发展高新技术", "张家口举办招聘会"}
    assert found(lib, "region:张家口市 date:2020-01..2020-12") == {"张家口市推进冰雪产业", "万全区发展高新技术"}
    assert found(lib, "region:张家口市 date:2020") == found(lib, "region:张家口 date:2020-01..2020-12")
    assert found(lib, "date:2020-06") == {"衡水市GDP稳步增长"}
    assert found(lib, "date:2021-01-01..") == {"张家口举办招聘会", "国内生产总值核算"}
    assert found(lib, "date:..2020-03-02") == {"张家口市推进冰雪产业"}
    assert found(lib, "source:河北日报") == {"张家口市推进冰雪产业", "衡水市GDP稳步增长", "国内生产总值核算"}
    assert found(lib, "source:page.txt") == {"万全区发展高新技术", "长安区重庆路改造"}  # no publication
    assert found(lib, "kind:money") == {"张家口市推进冰雪产业"}
    assert "万全区发展高新技术" in found(lib, "has:figures") and "长安区重庆路改造" not in found(lib, "has:figures")
    assert found(lib, "高新技术 -region:张家口市") == {"国内生产总值核算"}
    assert found(lib, "zjk date:2021") == {"张家口举办招聘会"}
    assert lib.search_ids(SearchQuery("region:张家口市 has:date")) == {
        h.article_id for h in lib.search(SearchQuery("region:张家口市 date:1900..2100")).hits}
    total, rows = lib.rows(SearchQuery("source:河北日报 增长"))
    assert total == 2 and {r.title for r in rows} == {"张家口市推进冰雪产业", "衡水市GDP稳步增长"}


@pytest.mark.parametrize("text, says", [
    ("state:done", "state: is not a filter"), ("status:done", "not a figure status"), ("date:2024-13", "not a date"), ("date:2024-02-30", "not a date"),
    ("date:2024..2023", "ends before"), ("kind:weight", "not a kind"), ("has:nothing", "not known"),
    ("region:不存在市", "no region"), ("source:", "needs a value"), ("-tag:雄安", "cannot leave articles out"),
    ("科技 -is:bookmarked", "cannot leave"), ("is:read", "Write is:bookmarked"), ("state:x", "tag:, note: and is:bookmarked")])
def test_unknown_filters_and_bad_values_say_why(made_up, text, says):
    lib, _ids = made_up
    with pytest.raises(QueryError, match=says):
        lib.search(SearchQuery(text))


def test_status_finds_articles_by_the_review_of_their_figures(made_up):
    lib, ids = made_up
    with_figures = found(lib, "has:figures")
    assert found(lib, "status:unreviewed") == with_figures and found(lib, "status:reviewed") == set()
    zjk, wq = ids["张家口市推进冰雪产业"], ids["万全区发展高新技术"]
    for f in lib.figures(zjk):
        lib.correct_figure(f.id, "accept")
    (first, *_rest) = lib.figures(wq)
    lib.correct_figure(first.id, "reject")
    assert found(lib, "status:accepted") == {"张家口市推进冰雪产业"} and found(lib, "status:rejected") == {
        "万全区发展高新技术"}
    assert found(lib, "status:reviewed") == {"张家口市推进冰雪产业", "万全区发展高新技术"}
    assert "张家口市推进冰雪产业" not in found(lib, "status:unreviewed")  # every figure of it is reviewed
    assert found(lib, "has:figures -status:unreviewed") == {"张家口市推进冰雪产业"} | (
        {"万全区发展高新技术"} if len(lib.figures(wq)) == 1 else set())
    assert found(lib, "冰雪 status:Accepted") == {"张家口市推进冰雪产业"}  # with text, any case
    assert lib.search_ids(SearchQuery("status:edited")) == set()


def test_sorting_by_date_and_by_figures(made_up):
    lib, _ids = made_up
    by_date = titles(lib, "region:张家口市", sort="date")
    assert by_date == ["张家口举办招聘会", "万全区发展高新技术", "张家口市推进冰雪产业"]
    assert titles(lib, "zjk", sort="date") == ["张家口举办招聘会", "张家口市推进冰雪产业"]
    _total, rows = lib.rows(SearchQuery("date:2020..2024", sort="figures"))
    counts = [r.figure_count for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    undated = titles(lib, "", sort="date")
    assert undated[-1] == "长安区重庆路改造" and undated[0] == "国内生产总值核算"


def test_the_filter_parser_keeps_quoted_text_and_removes_one_filter():
    rest, filters = split_filters('科技 "note:x" region:"张家口市" -date:2024')
    assert rest == '科技 "note:x"' and [f.text for f in filters] == ["region:张家口市", "-date:2024"]
    assert without_filter("科技 region:张家口市 date:2024", 0) == "科技 date:2024"


def test_a_filter_chosen_from_a_menu_replaces_its_kind_or_joins_the_others():
    assert with_filter("科技 kind:money -kind:rank region:张家口市", "kind:percent") == (
        "科技 -kind:rank region:张家口市 kind:percent")
    assert with_filter("", "status:unreviewed") == "status:unreviewed"
    assert with_filter("date:2024 科技", "date:2025-03") == "科技 date:2025-03"
    assert with_filter("has:figures", "has:date") == "has:figures has:date"
    assert with_filter("has:figures 科技", "has:figures") == "has:figures 科技"
    assert with_filter('"kind:x" 科技', "kind:money") == '"kind:x" 科技 kind:money'  # quoted: text, not a filter
    values = filter_values()
    assert "money" in values["kind"] and "unreviewed" in values["status"] and "figures" in values["has"]
    for name, each in values.items():
        for value in each:
            split_filters(f"{name}:{value}")  # every value offered can be read


def test_an_older_library_gets_its_vocabulary_on_open(tmp_path):
    path = tmp_path / "old.sqlite3"
    lib = SqliteLibrary.open(path)
    _store(lib)
    lib.close()
    downgrade_sqlite(path, 6)  # as a library from before the word table was
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM meta WHERE key = 'vocabulary_version'")
    db.close()
    lib = SqliteLibrary.open(path)
    assert lib.meta("vocabulary_version") is not None
    assert found(lib, "zjk") == found(lib, "张家口") != set()
    lib.close()


def test_seed_library_zjk_finds_what_zhangjiakou_finds(seeded_any):
    zjk = seeded_any.search_ids(SearchQuery("zjk", limit=None))
    chinese = seeded_any.search_ids(SearchQuery("张家口", limit=None))
    assert chinese and chinese <= zjk
    for aid in zjk - chinese:  # anything more is a true pinyin match: a word spelled z-j-k…
        article = seeded_any.article(aid)
        words = words_in(fold(article.title), fold(article.text))
        assert any(key.startswith("zjk") for w in words for r in readings(w) for key in r), article.title


@pytest.fixture(params=["sqlite", "server"])
def seeded_any(request):
    return request.getfixturevalue("seed_library" if request.param == "sqlite" else "server_seed_library")


def test_an_older_server_library_gets_its_vocabulary_on_open(pg_url):
    from hbviewer.core.store.server import ServerLibrary

    lib = ServerLibrary.open(pg_url)
    _store(lib)
    with lib._conn.transaction():
        lib._conn.execute("DELETE FROM meta WHERE key = 'vocabulary_version'")
    lib.close()
    downgrade_server(pg_url, 5)  # as a library from before the word table was
    lib = ServerLibrary.open(pg_url)
    assert lib.meta("schema_version") == str(SERVER_VERSION) and lib.meta("vocabulary_version") is not None
    assert found(lib, "zjk") == found(lib, "张家口") != set()
    lib.close()


@pytest.mark.parametrize("backend", ["sqlite", "server"])
def test_a_library_from_before_the_region_index_gets_it_and_filters_the_same(backend, request, tmp_path):
    from hbviewer.core.store.server import ServerLibrary
    from hbviewer.core.store.sqlite.schema import SCHEMA_VERSION as SQLITE_VERSION

    if backend == "sqlite":
        location, open_it = tmp_path / "old.sqlite3", SqliteLibrary.open
    else:
        location, open_it = request.getfixturevalue("pg_url"), ServerLibrary.open
    lib = open_it(location)
    _store(lib)
    before = {q: found(lib, q) for q in ("region:张家口市", "高新技术 -region:张家口市", "region:万全区 kind:count")}
    lib.close()
    if backend == "sqlite":
        downgrade_sqlite(location, SQLITE_VERSION - 1)
    else:
        downgrade_server(location, SERVER_VERSION - 1)
    lib = open_it(location)
    indexes = {r[0] for r in lib._rows("SELECT name FROM sqlite_master WHERE type = 'index'")} if backend == "sqlite" \
        else {r[0] for r in lib._rows("SELECT indexname FROM pg_indexes WHERE tablename = 'figures'")}
    assert "figures_region_article" in indexes and "figures_region" not in indexes
    assert {q: found(lib, q) for q in before} == before and before["region:张家口市"]
    lib.close()


SEED_TEXTS = ["科技", "发展", "张家口", "zjk", "增长 OR 投资", "企业 -北京"]
SEED_FILTERS = ["region:张家口市", "-region:张家口市", "region:河北省 -region:石家庄市", "kind:money", "-kind:money",
                "has:figures", "has:date", "-has:regions", "date:2020..2024", "-date:2023", "source:河北日报",
                "-source:日报", "status:unreviewed", "region:石家庄市 kind:count has:date"]


def test_text_with_filters_finds_what_the_text_and_the_filters_find_apart(seeded_any):
    """A text search's filters (set, left out, checked per match) keep exactly the articles the filters alone list."""
    lib = seeded_any
    text_ids = {t: lib.search_ids(SearchQuery(t, limit=None)) for t in SEED_TEXTS}
    for flt in SEED_FILTERS:
        allowed = lib.search_ids(SearchQuery(flt, limit=None))
        for text in SEED_TEXTS:
            want = text_ids[text] & allowed
            query = SearchQuery(f"{text} {flt}", limit=None)
            assert lib.search_ids(query) == want, (text, flt)
            result = lib.search(query)
            assert result.total == len(want) and {h.article_id for h in result.hits} == want, (text, flt)
            page = lib.search(SearchQuery(f"{text} {flt}", limit=5, offset=3))
            assert [h.article_id for h in page.hits] == [h.article_id for h in result.hits][3:8], (text, flt)
    assert any(lib.search_ids(SearchQuery(f"科技 {f}")) for f in SEED_FILTERS)


@pytest.mark.parametrize("sort", ["relevance", "date", "figures"])
def test_filters_alone_list_a_page_as_the_article_list_does(seeded_any, sort):
    for text in ("region:张家口市", "has:figures -kind:money", "date:2020..2030"):
        for limit, offset in ((50, 0), (7, 3), (None, 0)):
            query = SearchQuery(text, limit=limit, offset=offset, sort=sort)
            result = seeded_any.search(query)
            listed = seeded_any.articles(query)
            assert [(h.article_id, h.title, h.source_name, h.date) for h in result.hits] == [
                (a.id, a.title, a.source_name, a.date) for a in listed], (text, sort, limit)
            assert result.total == len(seeded_any.articles(SearchQuery(text, limit=None)))
