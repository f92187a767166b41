"""The latest value of a region's indicator: which one is shown, where it comes from, what disagrees with it."""

import pytest

from hbviewer.core.briefing.latest import chart_values, latest_values, recency, spellings_of
from hbviewer.core.briefing.summary import FIGURE_COLUMNS, indicator_bars, region_latest
from hbviewer.core.importer import import_file
from hbviewer.core.store.server import ServerLibrary
from hbviewer.core.store.sqlite import SqliteLibrary

ZJK, HS = "130700", "131100"


def row(value, *, article=1, start=0, as_of=None, date="", imported="2026-01-01T00:00:00+00:00", region="张家口市",
        code=ZJK, indicator="高新技术企业", unit="家", status="automatic", title=None):
    values = {"article_id": article, "region": region, "region_code": code, "prefecture": region,
              "indicator": indicator, "value": float(value), "value_high": None, "unit": unit, "kind": "count",
              "approx": None, "as_of": as_of, "text": f"{value:g}{unit}", "start": start, "end": start + 4,
              "title": title or f"第{article}篇", "date": date, "source": f"{article}.txt", "zone": "", "status": status,
              "imported_at": imported}
    assert set(values) == set(FIGURE_COLUMNS)
    return values


def only(rows):
    values = latest_values(rows)
    assert len(values) == 1
    return values[0]


def test_a_dated_value_beats_an_undated_one_imported_later():
    shown = only([row(10, article=1, imported="2026-06-01"), row(8, article=2, date="2020-05-01", imported="2025-01-01")])
    assert (shown.value, shown.latest.article_id, shown.dated_by, shown.when) == (8.0, 2, "date", "2020")


def test_a_later_year_beats_an_earlier_one_whatever_the_articles_dates():
    # the first article is the later one, but it speaks of 2019
    earlier = row(206, article=1, as_of="截至2019年底", date="2024-01-10")
    later = row(295, article=2, date="2021-03-01")
    shown = only([earlier, later])
    assert (shown.value, shown.latest.title, shown.latest.year) == (295.0, "第2篇", "2021")
    assert not shown.in_conflict and shown.reports == 2
    assert only([row(206, article=1, as_of="2023年", date="2021-01-10"), later]).dated_by == "as_of"


def test_undated_values_are_told_apart_by_their_import():
    shown = only([row(5, article=1, imported="2026-02-01"), row(6, article=2, imported="2026-03-01")])
    assert (shown.value, shown.dated_by, shown.when) == (6.0, "imported", "2026-03-01")
    # nothing dates them: the two are shown as disagreeing
    assert [r.value for r in shown.disagreeing] == [5.0]


def test_a_rejected_figure_is_never_shown():
    shown = only([row(295, article=1, date="2024-02-01"), row(999, article=2, date="2024-09-01", status="rejected")])
    assert shown.value == 295.0 and not shown.in_conflict and shown.reports == 1


def test_an_edited_figure_is_shown_with_its_status():
    shown = only([row(280, article=1, date="2023-02-01"), row(300, article=2, date="2024-09-01", status="edited")])
    assert (shown.value, shown.latest.status) == (300.0, "edited")


def test_values_of_one_year_from_two_articles_are_flagged_with_their_sources():
    values = [row(295, article=1, date="2024-02-01", title="甲"), row(290, article=2, date="2024-05-01", title="乙"),
              row(250, article=3, date="2023-05-01", title="丙")]
    shown = only(values)
    assert (shown.value, shown.latest.title, shown.latest.date) == (290.0, "乙", "2024-05-01")
    assert [(r.value, r.title, r.date) for r in shown.disagreeing] == [(295.0, "甲", "2024-02-01")]  # not 2023's
    assert shown.to_json()["disagreeing"][0]["article_id"] == 1


def test_one_article_with_two_values_for_a_year_is_no_conflict_and_its_first_is_shown():
    shown = only([row(100, article=1, start=50, date="2020-10-13"), row(86, article=1, start=90, date="2020-10-13")])
    assert (shown.value, shown.latest.start, shown.in_conflict) == (100.0, 50, False)
    assert recency(row(1, start=50)) > recency(row(1, start=90))


def test_an_indicator_in_either_script_and_each_region_apart():
    values = latest_values([row(2698, article=1, indicator="科技型中小企业", date="2024-01-01"),
                            row(2700, article=2, indicator="科技型中小企業", date="2024-06-01"),
                            row(210, article=3, indicator="科技型中小企业", region="衡水市", code=HS)])
    by_region = {v.region_code: v for v in values}
    assert by_region[ZJK].value == 2700.0 and by_region[ZJK].reports == 2 and by_region[ZJK].in_conflict
    assert by_region[HS].value == 210.0 and not by_region[HS].in_conflict
    assert spellings_of("科技型中小企业", ["科技型中小企業", "高新技术企业", "科技型中小企业"]) == \
        ["科技型中小企業", "科技型中小企业"]


def test_chart_values_keep_the_commonest_unit_largest_first():
    bars, unit = chart_values([row(40.51, indicator="交易额", unit="亿元", date="2024-01-01"),
                               row(12.0, indicator="交易额", unit="亿元", region="衡水市", code=HS),
                               row(300.0, indicator="交易额", unit="万元", region="衡水市", code=HS, article=2)])
    assert unit == "亿元" and [(v.region, v.value) for v in bars] == [("张家口市", 40.51), ("衡水市", 12.0)]
    assert chart_values([]) == ([], "")


# -- from a library, on both backends ------------------------------------------------------------
PAGES = {
    "a.txt": "# 张家口市科技工作回顾\n\n来源：张家口日报　日期：2023-03-01\n\n本报讯 张家口市高新技术企业达到280家。\n",
    "b.txt": "# 张家口市创新发展提速\n\n来源：河北日报　日期：2024-02-01\n\n本报讯 张家口市高新技术企业达到295家。\n",
    "c.txt": "# 张家口市科技企业再添新军\n\n来源：河北科技报　日期：2024-05-01\n\n本报讯 张家口市高新技术企业达到300家。"
             "衡水市高新技术企业达到60家。\n",
}


@pytest.fixture(params=["sqlite", "server"])
def dated_library(request, tmp_path):
    lib = SqliteLibrary.open(tmp_path / "l.sqlite3") if request.param == "sqlite" else \
        ServerLibrary.open(request.getfixturevalue("pg_url"))
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert import_file(lib, tmp_path / name).status == "imported"
    yield lib
    lib.close()


def _zjk(lib):
    return next(v for v in region_latest(lib, ZJK) if v.indicator == "高新技术企业")


def test_the_library_shows_the_latest_article_of_the_year_and_flags_the_other(dated_library):
    shown = _zjk(dated_library)
    assert (shown.value, shown.latest.title, shown.latest.date) == (300.0, "张家口市科技企业再添新军", "2024-05-01")
    assert [(r.value, r.date) for r in shown.disagreeing] == [(295.0, "2024-02-01")]  # 2023's 280 is older
    text = dated_library.article(shown.latest.article_id).text
    assert text[shown.latest.start:shown.latest.end] == "300家" and "300家" in shown.sentence
    bars, unit = indicator_bars(dated_library, None, "高新技术企业")
    assert unit == "家" and [(v.region, v.value) for v in bars] == [("张家口市", 300.0), ("衡水市", 60.0)]
    assert region_latest(dated_library, None) == []


def test_a_correction_changes_the_value_shown(dated_library):
    shown = _zjk(dated_library)
    figure = next(f for f in dated_library.figures(shown.latest.article_id) if f.start == shown.latest.start)
    dated_library.correct_figure(figure.id, "edit", {"value": 310})
    edited = _zjk(dated_library)
    assert (edited.value, edited.latest.status) == (310.0, "edited")
    dated_library.correct_figure(figure.id, "reject")
    after = _zjk(dated_library)
    assert (after.value, after.latest.date, after.in_conflict) == (295.0, "2024-02-01", False)


def test_the_sample_librarys_disagreement_is_shown_beside_its_latest_value(seed_library):
    shown = next(v for v in region_latest(seed_library, ZJK) if v.indicator in ("科技型中小企业", "科技型中小企業"))
    # the dated article's value is shown; the undated article's 2698家 disagrees with it
    assert shown.dated_by != "imported" and shown.latest.date.startswith("2020")
    against = {r.text: r for r in shown.disagreeing}
    assert "2698家" in against and against["2698家"].date == "" and against["2698家"].article_id != shown.latest.article_id
    assert shown.latest.text in shown.sentence
