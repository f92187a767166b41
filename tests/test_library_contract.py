"""One suite for both libraries: every operation of the contract, with the same answers.

The SQLite file always runs; the PostgreSQL server runs when one can be had (as in
test_server_library.py). A backend missing an operation, or taking other
parameters for it, fails ``test_backend_has_every_operation``; one that answers
differently fails the scenario, which calls every operation and checks that it did.
"""

import inspect

import pytest

from hbviewer.core.importer import import_file
from hbviewer.core.store import Cancelled, Library, contract
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.sqlite import SqliteLibrary

PAGES = {
    "zjk.txt": "张家口日报　2023年6月1日　第2版　要闻\n\n# 张家口市科技创新工作取得新进展\n\n本报讯 张家口市今年新增高新技术企业295家，"
               "技术合同交易额40.51亿元。\n\n## 万全区推进科技创新\n\n本报讯 万全区科技型中小企业达到120家，"
               "同比增长26%。\n",
    "hs.txt": "# 衡水市加快发展数字经济\n\n本报讯 衡水市数字经济核心产业增加值达到85亿元，"
              "新增高新技术企业60家。\n",
}


@pytest.fixture(params=["sqlite", "server"])
def empty_library(request, tmp_path):
    if request.param == "sqlite":
        lib = SqliteLibrary.open(tmp_path / "library.sqlite3")
    else:
        lib = ServerLibrary.open(request.getfixturevalue("pg_url"))
    yield lib
    lib.close()


@pytest.mark.parametrize("backend", [SqliteLibrary, ServerLibrary], ids=["sqlite", "server"])
def test_backend_has_every_operation(backend):
    assert len(contract.operations()) >= 35
    for name in contract.operations():
        assert hasattr(backend, name), f"{backend.__name__} has no {name}"
        wanted = inspect.signature(getattr(contract.Library, name))
        given = inspect.signature(getattr(backend, name))
        assert [(p.name, p.default) for p in given.parameters.values()] == \
               [(p.name, p.default) for p in wanted.parameters.values()], name


class Recording:
    """The library, noting which operations are used."""

    def __init__(self, lib):
        self._lib, self.used = lib, set()

    def __getattr__(self, name):
        self.used.add(name)
        return getattr(self._lib, name)


def _import_pages(lib, folder):
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
        result = import_file(lib, folder / name)
        assert result.status == "imported", result.error
    return {s.name: s for s in lib.sources()}


def test_every_operation_gives_what_the_contract_says(empty_library, tmp_path):
    assert isinstance(empty_library, Library)
    lib = Recording(empty_library)
    assert lib.read_only is False and lib.path
    assert lib.article_count() == 0 and lib.stats()["articles"] == 0
    sources = _import_pages(lib, tmp_path)
    articles, first, zjk_code = _reading(lib, sources)
    _searching(lib, articles, sources)
    _summaries(lib, articles, zjk_code)
    _correcting(lib, articles)
    _keeping(lib, articles)
    _writing(lib, articles, sources["hs.txt"])
    _copying(lib, tmp_path, sources["zjk.txt"])
    _fixing(lib)
    lib.close()
    assert set(contract.operations()) <= lib.used, set(contract.operations()) - lib.used


def _reading(lib, sources):
    zjk, hs = sources["zjk.txt"], sources["hs.txt"]
    assert (zjk.article_count, hs.article_count) == (2, 1)
    assert lib.source_by_path(zjk.path) == zjk and lib.source_by_path("/nowhere") is None
    assert lib.source_sha256(zjk.path) and lib.source_sha256("/nowhere") is None
    stats = lib.stats()
    assert (stats["sources"], stats["articles"]) == (2, 3) and stats["figures"] >= 6

    articles = lib.articles()
    assert [a.title for a in articles] == ["衡水市加快发展数字经济", "张家口市科技创新工作取得新进展", "万全区推进科技创新"]
    first = articles[1]
    assert (first.publication, first.date, first.page, first.section) == ("张家口日报", "2023-06-01", "2", "要闻")
    assert (articles[0].publication, articles[0].page) == ("", "")
    assert lib.article(first.id) == first and lib.article(10 ** 9) is None
    assert lib.article_texts([first.id]) == {first.id: first.text}
    figures = lib.figures(first.id)
    assert [(f.value, f.unit) for f in figures][:2] == [(295.0, "家"), (4051000000.0, "元")]
    assert all(first.text[f.start:f.end] == f.text for f in figures)
    subjects = lib.article_regions(first.id)
    assert subjects[0]["name"] == "张家口市"
    assert lib.region_labels([first.id])[first.id].startswith("张家口市")
    assert lib.stale_analysis_articles(10 ** 6) == sorted(a.id for a in articles)
    return articles, first, subjects[0]["code"]


def _searching(lib, articles, sources):
    first, hs = articles[1], sources["hs.txt"]
    result = lib.search(SearchQuery("高新技术企业"))
    assert result.total == 2 and {h.article_id for h in result.hits} == {articles[0].id, first.id}
    assert all("高新技术企业" in h.snippet.text for h in result.hits)
    total, rows = lib.rows(SearchQuery("科技"))
    assert total == 2 and {r.article_id for r in rows} == {first.id, articles[2].id}
    assert {(r.publication, r.page) for r in rows} == {("张家口日报", "2")}
    assert lib.search_ids(SearchQuery("科技 -万全区")) == {first.id}
    assert lib.search_ids(SearchQuery("", sources=(hs.id,))) == {articles[0].id}
    total, rows = lib.rows(SearchQuery(""))
    assert total == 3 and [r.figure_count for r in rows] == [len(lib.figures(a.id)) for a in articles]
    assert [(r.publication, r.page, r.date) for r in rows] == [(a.publication, a.page, a.date) for a in articles]


def _summaries(lib, articles, zjk_code):
    first, stats, figures = articles[1], lib.stats(), lib.figures(articles[1].id)
    figure_rows = lib.figure_rows()
    assert len(figure_rows) == stats["figures"] and figure_rows[0][0] == articles[0].id
    assert lib.figure_rows({first.id}) == [r for r in figure_rows if r[0] == first.id]
    summary = lib.article_summary_rows()
    assert [r[0] for r in summary] == [a.id for a in articles] and summary[1][4].startswith("张家口市")
    counts = lib.subject_counts()
    assert counts[zjk_code] >= 1 and lib.subject_counts({articles[0].id}).get(zjk_code) is None
    assert first.id in lib.region_article_ids([zjk_code]) and lib.region_article_ids([]) == set()
    assert first.id in lib.region_figure_article_ids([zjk_code])
    by_region = lib.figure_counts_by_region()
    assert sum(by_region.values()) == stats["figures"] and by_region[zjk_code] >= 2
    latest = lib.latest_figures([zjk_code], 1)
    assert len(latest) == 1 and latest[0][2] == zjk_code
    assert len(lib.latest_figures(None, 100)) == stats["figures"]
    indicator = figures[0].indicator
    with_it = [r for r in figure_rows if r[4] == indicator]
    assert indicator and (indicator, len(with_it)) in lib.indicator_counts(None, 50)
    in_import_order = sorted(with_it, key=lambda r: r[0])  # article ids grow with each import
    assert lib.indicator_figures(None, [indicator]) == [r for r in in_import_order if r[2]]
    assert [(r[1], r[5], r[7]) for r in lib.indicator_figures([zjk_code], [indicator])] == [("张家口市", 295.0, "家")]
    own = lib.indicator_figures([zjk_code], None)
    assert indicator in {r[4] for r in own} and all(r[2] == zjk_code and r[4] for r in own)
    imported = {s.name: s.imported_at for s in lib.sources()}  # each row says when its source came in
    assert all(r[-1] == imported[r[16]] and r[-1] for r in figure_rows)


def _correcting(lib, articles):
    """Edit, reject, add, undo and redo; rejected figures leave the summaries."""
    first, third = articles[1], articles[2]
    figures = lib.figures(first.id)
    queue = lib.unreviewed_figures(None)
    assert {f.id for _a, f in queue} == {f.id for a in articles for f in lib.figures(a.id)}
    assert [f.confidence for _a, f in queue] == sorted(f.confidence for _a, f in queue)
    article_id, f = lib.figure(figures[0].id)
    assert article_id == first.id and f == figures[0] and f.status == "automatic" and f.confidence is not None
    assert lib.figure(10 ** 9) is None
    edit = lib.correct_figure(figures[0].id, "edit", {"value": 300, "indicator": "高新技术企业"})
    reject = lib.correct_figure(figures[1].id, "reject")
    now = lib.figures(first.id)
    assert (now[0].value, now[0].status, now[0].id) == (300.0, "edited", figures[0].id)
    assert now[1].status == "rejected"
    assert figures[1].id not in {f.id for _a, f in lib.unreviewed_figures(None)}
    mark, commits = lib.change_mark(), lib.commits
    assert lib.change_mark() == mark  # reading changes nothing
    assert all(r[11] != figures[1].text for r in lib.figure_rows({first.id}))
    start = third.text.index("科技型")
    added = lib.add_figure(third.id, start, start + 3, {"value": 1, "unit": "项", "kind": "count"})
    assert [(f.text, f.status) for f in lib.figures(third.id) if f.start == start] == [("科技型", "added")]
    made = lib.corrections(first.id)
    assert [(c.id, c.action, c.previous.get("value")) for c in made] == [(edit, "edit", 295.0), (reject, "reject", None)]
    assert all(c.author and c.state == "applied" for c in made) and lib.corrections(state="needs_look") == []
    lib.set_correction_state(edit, "undone")
    assert lib.change_mark() != mark  # an undo is a change others should see
    assert lib.commits == commits + 2  # the added figure, then the undo
    assert (lib.figures(first.id)[0].value, lib.figures(first.id)[0].status) == (295.0, "automatic")
    lib.set_correction_state(edit, "applied")
    assert lib.figures(first.id)[0].value == 300.0
    assert [c.id for c in lib.corrections()] == [edit, reject, added]


def _keeping(lib, articles):
    """Tags, notes, bookmarks and saved searches."""
    hs, first = articles[0], articles[1]
    automatic = [t for t, origin in lib.tags(first.id) if origin == "auto"]
    assert automatic and "张家口市" in automatic and "工作" not in automatic
    assert lib.tag_labels([first.id])[first.id] == automatic
    shown = lib.edit_tags(first.id, add=("重点关注",), remove=(automatic[0],))
    assert ("重点关注", "user") in shown and automatic[0] not in [t for t, _ in shown]
    assert lib.search_ids(SearchQuery("tag:重点关注")) == {first.id}
    assert lib.search_ids(SearchQuery(f"tag:{automatic[0]}")) == set()
    figure = lib.figures(first.id)[0]
    note = lib.add_note(first.id, "数字待核实", span=(figure.start, figure.end))
    assert note.span == (figure.start, figure.end) and note.created_at and note.article_id == first.id
    other = lib.add_note(hs.id, "请联系衡水市统计局")
    assert [n.id for n in lib.notes()] == [other.id, note.id] and lib.notes([first.id]) == [note]
    assert lib.search_ids(SearchQuery("统计局")) == {hs.id}  # found in its note
    assert lib.search(SearchQuery("统计局")).hits[0].snippet.text == "请联系衡水市统计局"
    assert lib.search_ids(SearchQuery("note:核实")) == {first.id} and lib.search_ids(SearchQuery("note:")) == {
        first.id, hs.id}
    assert lib.remove_note(other.id) and not lib.remove_note(other.id)
    lib.set_bookmark(hs.id)
    lib.set_bookmark(hs.id)
    assert lib.bookmarked_ids() == {hs.id} and lib.search_ids(SearchQuery("is:bookmarked")) == {hs.id}
    lib.set_bookmark(hs.id, False)
    assert lib.bookmarked_ids() == set()
    lib.save_search("科技", SearchQuery("科技", date_from="2020-01-01"))
    (saved,) = lib.saved_searches()
    assert (saved.name, saved.query.text, saved.query.date_from, saved.new) == ("科技", "科技", "2020-01-01", 0)
    assert lib.open_saved_search("科技").name == "科技" and lib.open_saved_search("无") is None
    kept = lib.dump_kept()
    assert len(kept.notes) == 1 and len(kept.saved_searches) == 1 and len(kept.user_tags) == 2
    assert lib.store_kept(kept) == {"user_tags": 0, "notes": 0, "bookmarks": 0, "saved_searches": 0}
    assert lib.delete_saved_search("科技") and lib.saved_searches() == []


def _writing(lib, articles, hs):
    first, figures = articles[1], lib.figures(articles[1].id)
    lib.set_meta("note", "值")
    assert lib.meta("note") == "值" and lib.meta("missing") is None
    from hbviewer.core.extract.analysis import analyse

    lib.replace_analysis([(first.id, analyse(first.title, first.text, first.byline))], 10 ** 6)
    assert first.id not in lib.stale_analysis_articles(10 ** 6)
    # the corrections are laid on the new analysis: the edited value and the rejection stay
    assert [(f.value, f.unit, f.status) for f in lib.figures(first.id)] == \
           [(f.value, f.unit, f.status) for f in figures]
    assert figures[0].status == "edited"
    with lib.grouped_writes(60) as group:
        stored, duplicates, replaced = lib.store_file("/extra.txt", "extra.txt", "x", 1, "utf-8", [])
        lib.commit_group()
    assert (stored, duplicates, replaced) == (0, [], False) and not group.lost
    lib.rebuild_index()
    assert lib.check().ok and lib.check(quick=True).ok and lib.check().message()
    assert lib.search_ids(SearchQuery("数字经济")) == {articles[0].id}
    lib.remove_source(hs.id)
    assert lib.search_ids(SearchQuery("数字经济")) == set() and lib.article_count() == 2


def _copying(lib, tmp_path, zjk):
    """A source out of one library and into another."""
    records = list(lib.dump_sources())
    assert [r.path for r in records] == sorted([zjk.path, "/extra.txt"])
    copy = SqliteLibrary.open(tmp_path / "copy.sqlite3")
    try:
        assert [copy.store_copied(r) for r in records] == [(0, 0), (2, 0)]
        assert [(c.action, c.anchor) for c in copy.corrections()] == [(c.action, c.anchor) for c in lib.corrections()]
        assert [a.title for a in copy.articles()] == [a.title for a in lib.articles()]
        assert [(a.title, a.page) for a in copy.articles()] == [(a.title, a.page) for a in lib.articles()]
        assert "2" in {a.page for a in copy.articles()}
        copy.remove_source(copy.source_by_path(zjk.path).id)
        (tmp_path / "new.txt").write_text("# 廊坊经济技术开发区新闻\n\n本报讯 廊坊经济技术开发区新建5G基站1200个。\n",
                                          encoding="utf-8")
        import_file(copy, tmp_path / "new.txt")
        new = [r for r in copy.dump_sources() if r.path.endswith("new.txt")][0]
    finally:
        copy.close()
    assert lib.store_copied(new) == (1, 0) and lib.store_copied(new) is None
    langfang = [a for a in lib.articles() if a.title == "廊坊经济技术开发区新闻"][0]
    assert lib.search_ids(SearchQuery("廊坊")) == {langfang.id}
    assert len(lib.figures(langfang.id)) == len(new.articles[0].figures) > 0
    # A zone's article and figures keep the zone through writing, copying and reading.
    assert {f.zone for f in lib.figures(langfang.id)} == {"廊坊经济技术开发区"}
    assert [(r["name"], r["zone"]) for r in lib.article_regions(langfang.id)] == [("廊坊市", "廊坊经济技术开发区")]
    assert lib.region_labels([langfang.id])[langfang.id] == "廊坊市（廊坊经济技术开发区）"


def _fixing(lib):
    """Fixes of whole articles, each undone again (tests/test_article_fixes.py has the details)."""
    from hbviewer.core.store.metadata_refresh import refresh_metadata

    before = lib.articles()
    first = [a for a in before if a.title == "张家口市科技创新工作取得新进展"][0]
    fix = lib.fix_article(first.id, {"title": "新标题", "date": "2023-07-02"})
    assert (lib.article(first.id).title, lib.article(first.id).date) == ("新标题", "2023-07-02")
    subjects = lib.fix_subjects(first.id, add=["衡水市"])
    assert "衡水市" in [r["name"] for r in lib.article_regions(first.id)]
    assert refresh_metadata(lib, everything=True) >= 0 and lib.article(first.id).date == "2023-07-02"
    assert lib.refresh_metadata([(first.id, {"date": "2000-01-01", "section": "综合"})]) == 1
    assert (lib.article(first.id).date, lib.article(first.id).section) == ("2023-07-02", "综合")
    merge = lib.merge_articles(first.id)
    assert len(lib.articles()) == len(before) - 1
    lib.set_correction_state(merge, "undone")
    split = lib.split_article(first.id, first.text.index("技术合同"))
    assert len(lib.articles()) == len(before) + 1
    for cid in (split, subjects, fix):
        lib.set_correction_state(cid, "undone")
    lib.refresh_metadata([(first.id, {"section": first.section})])
    assert [(a.id, a.title, a.text, a.date) for a in lib.articles()] == \
           [(a.id, a.title, a.text, a.date) for a in before]


def test_a_cancelled_file_keeps_nothing(empty_library):
    from hbviewer.core.model import Article

    with pytest.raises(Cancelled):
        empty_library.store_file("/a.txt", "a.txt", "x", 1, "utf-8", [Article("标题", ("正文。",))],
                                 should_stop=lambda: True)
    assert empty_library.article_count() == 0 and empty_library.sources() == []
    assert empty_library.source_by_path("/a.txt") is None
