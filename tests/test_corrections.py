"""Corrections laid on the figures of a re-analysis: by span, by characters, or kept for a look."""

import sqlite3
from dataclasses import replace as _replace

import pytest
from conftest import downgrade_sqlite

from hbviewer.core.extract import analysis as analysis_module
from hbviewer.core.extract.analysis import ANALYSIS_VERSION, analyse, refresh_stale
from hbviewer.core.importer import import_file
from hbviewer.core.store.corrections import (Anchor, CorrectionError, check_changes, corrected, find_span,
                                             previous_values, reanchor)
from hbviewer.core.store.sqlite import SCHEMA_VERSION, SqliteLibrary

TEXT = "张家口市高新技术企业达到295家，科技型中小企业2698家。"


def _figures(text):
    return analyse("", text).figures


def test_a_correction_finds_its_figure_at_the_same_span():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    assert reanchor(anchor, TEXT, figures) == 1


def test_a_correction_follows_its_figure_when_text_above_it_changes():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    moved = "据统计，" + TEXT
    assert not anchor.holds(moved)
    new = _figures(moved)
    i = reanchor(anchor, moved, new)
    assert i is not None and new[i].text == "2698家" and new[i].start == anchor.start + 4


def test_a_correction_whose_figure_is_gone_finds_nothing():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    edited = TEXT.replace("2698家", "两千余家")
    assert reanchor(anchor, edited, _figures(edited)) is None


def test_the_nearest_of_equal_figures_is_taken():
    text = "甲县新增企业12家。乙县新增企业12家。"
    figures = _figures(text)
    assert [f.text for f in figures] == ["12家", "12家"]
    anchor = Anchor(figures[1].start + 3, figures[1].end + 3, "12家")  # the text moved a little
    assert reanchor(anchor, text, figures) == 1


def test_an_added_figure_keeps_its_span_or_finds_its_characters():
    anchor = Anchor(TEXT.index("2698"), TEXT.index("2698") + 4, "2698")
    assert find_span(anchor, TEXT) == anchor
    assert find_span(anchor, "前言。" + TEXT) == Anchor(anchor.start + 3, anchor.end + 3, "2698")
    assert find_span(anchor, "没有了") is None


def test_an_edit_changes_values_and_status_and_keeps_the_old_ones():
    f = _figures(TEXT)[0]
    changes = {"value": "300", "indicator": "高新技术企业数"}
    new = corrected(f, "edit", changes)
    assert (new.value, new.indicator, new.status) == (300.0, "高新技术企业数", "edited")
    assert previous_values(f, changes) == {"status": "automatic", "value": f.value, "indicator": f.indicator}
    assert corrected(f, "reject", {}).status == "rejected"


def test_bad_corrections_are_refused_with_a_reason():
    with pytest.raises(CorrectionError, match="number"):
        check_changes("edit", {"value": "很多"})
    with pytest.raises(CorrectionError, match="cannot be corrected"):
        check_changes("edit", {"start": 3})
    with pytest.raises(CorrectionError, match="unknown action"):
        check_changes("approve", {})
    with pytest.raises(CorrectionError, match="status"):
        check_changes("accept", {"value": 1})


# -- in a library: re-analysis keeps corrections; the migration keeps what was there ----------------

PAGE = ("# 张家口市科技创新取得新进展\n\n本报讯 张家口市高新技术企业达到295家，科技型中小企业2698家，"
        "技术合同交易额40.51亿元。\n")


@pytest.fixture
def library(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    lib = SqliteLibrary.open(tmp_path / "lib.sqlite3")
    assert import_file(lib, tmp_path / "page.txt").status == "imported"
    yield lib
    lib.close()


def _reanalyse_with(lib, monkeypatch, change):
    real = analysis_module.analyse
    monkeypatch.setattr(analysis_module, "analyse", lambda *a: change(real(*a)))
    lib._db.execute("UPDATE articles SET analysis_version = 0")
    assert refresh_stale(lib) == 1


def test_corrections_survive_a_reanalysis_that_cuts_figures_otherwise(library, monkeypatch):
    (article,) = library.articles()
    first, second, _third = library.figures(article.id)
    library.correct_figure(first.id, "edit", {"value": 296})
    library.correct_figure(second.id, "reject")

    def longer(result):  # new rules take one more character before each figure
        return _replace(result, figures=[_replace(f, start=f.start - 1, text=article.text[f.start - 1:f.end])
                                         for f in result.figures])

    _reanalyse_with(library, monkeypatch, longer)
    now = library.figures(article.id)
    assert [(f.start, f.value, f.status) for f in now[:2]] == [(first.start - 1, 296.0, "edited"),
                                                               (second.start - 1, second.value, "rejected")]
    assert library.corrections(state="needs_look") == []


def test_a_correction_whose_figure_is_gone_is_listed_then_fits_again(library, monkeypatch):
    (article,) = library.articles()
    first = library.figures(article.id)[0]
    cid = library.correct_figure(first.id, "reject")
    _reanalyse_with(library, monkeypatch, lambda r: _replace(r, figures=r.figures[1:]))
    assert [c.id for c in library.corrections(state="needs_look")] == [cid]
    assert all(f.status == "automatic" for f in library.figures(article.id))
    monkeypatch.undo()
    _reanalyse_with(library, monkeypatch, lambda r: r)
    assert library.corrections(state="needs_look") == []
    assert library.figures(article.id)[0].status == "rejected"


def test_a_library_of_the_previous_schema_opens_with_everything_in_it(library, tmp_path):
    path, before = library.path, library.stats()
    texts = [(a.title, a.text) for a in library.articles()]
    library.close()
    downgrade_sqlite(path, 3)  # the schema before corrections
    lib = SqliteLibrary.open(path)
    try:
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {k: lib.stats()[k] for k in ("articles", "figures")} == {k: before[k] for k in ("articles", "figures")}
        assert [(a.title, a.text) for a in lib.articles()] == texts
        (article,) = lib.articles()
        assert {f.status for f in lib.figures(article.id)} == {"automatic"} and lib.corrections() == []
        assert lib.stale_analysis_articles(ANALYSIS_VERSION) == []
    finally:
        lib.close()

