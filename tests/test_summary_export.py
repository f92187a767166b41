"""The per-region summary and the Excel briefing: counts, scope, timeline, safety, atomic writes."""

import csv
import os
import shutil
import subprocess

import pytest

from hbviewer.core.briefing.excel import ExportError, sheet_name, write_workbook
from hbviewer.core.importer import import_paths
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.text.textnorm import fold
from hbviewer.core.briefing.summary import SummaryScope, build_summary, indicator_timeline, sentence_around

ZJK, XUANHUA, HENGSHUI = "130700", "130705", "131100"


@pytest.fixture(scope="module")
def summary(seed_library):
    return build_summary(seed_library)


def test_tree_rolls_county_figures_up_to_city_and_province(summary):
    hebei = summary.tree[0]
    assert hebei.name == "河北省"
    for node in hebei.walk():
        assert node.figures == node.own_figures + sum(c.figures for c in node.children)
    zjk = summary.node(ZJK)
    assert XUANHUA in {c.code for c in zjk.children}
    assert summary.node(XUANHUA).own_figures >= 10  # the 宣化区 article's figures are its own
    assert zjk.articles >= 10  # the 张家口 page's county articles count for the city too
    assert hebei.figures == int((summary.figures["region_code"].str.startswith("13")).sum())


def test_every_figure_row_traces_to_its_sentence(summary, seed_library):
    for row in summary.figures.sample(40, random_state=1).itertuples():
        article = seed_library.article(row.article_id)
        assert article.text[row.start:row.end] == row.text
        assert row.text in row.sentence and row.sentence in article.text


def test_scope_by_region_and_by_search(seed_library, summary):
    hs = build_summary(seed_library, SummaryScope(region_codes=(HENGSHUI,)))
    assert len(hs.figures) > 0 and set(hs.figures["prefecture"]) == {"衡水市"}
    found = seed_library.search_ids(SearchQuery("安平", limit=None))
    by_query = build_summary(seed_library, SummaryScope(query=SearchQuery("安平")))
    assert set(by_query.articles["article_id"]) == found
    assert set(by_query.figures["article_id"]) <= found
    assert len(by_query.figures) < len(summary.figures)


def test_indicator_timeline_orders_and_flags_disagreement(library, tmp_path):
    (tmp_path / "a.txt").write_text("# 甲文\n\n日期:2021-03-01\n\n本报讯 截至2020年底,张家口市高新技术企业达到290家。\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("# 乙文\n\n日期:2021-05-01\n\n本报讯 截至2020年底,张家口市高新技术企业达到295家。\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("# 丙文\n\n日期:2019-01-01\n\n本报讯 截至2018年底,张家口市高新技术企业达到206家。\n",
                                    encoding="utf-8")
    import_paths(library, [tmp_path])
    s = build_summary(library)
    timeline = indicator_timeline(s.figures, ZJK, "高新技术企业")
    assert list(timeline["value"]) == [206, 290, 295]
    assert list(timeline["disagrees"]) == [False, True, True]


def test_sentence_around():
    text = "第一句。第二句有295家,还有。第三句"
    assert sentence_around(text, 8, 12) == "第二句有295家,还有。"


@pytest.mark.parametrize("name, expected", [
    ("张家口市", "张家口市"), ("a/b:c*d?[e]", "a_b_c_d__e_"), ("x" * 40, "x" * 31), ("", "Sheet")])
def test_sheet_names_are_valid(name, expected):
    assert sheet_name(name, set()) == expected


def test_sheet_names_are_unique():
    taken = set()
    names = [sheet_name("数据" * 20, taken) for _ in range(3)]
    assert len(set(names)) == 3 and all(len(n) <= 31 for n in names)


@pytest.fixture(scope="module")
def workbook(summary, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "briefing.xlsx"
    write_workbook(summary, path, per_region_sheets=True)
    return path


def test_workbook_has_formatted_sheets_and_a_chart(workbook):
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames[:4] == ["概览", "图表", "数据", "文章"]
    assert "张家口市" in wb.sheetnames and "宣化区" in wb.sheetnames
    data = wb["数据"]
    assert data.freeze_panes == "A2" and data.auto_filter.ref.startswith("A1:R")
    assert data["A1"].font.b and data["A2"].font.name == "Microsoft YaHei"
    assert data["C1"].value == "功能区"
    assert data["E2"].number_format == "#,##0.####" and isinstance(data["E2"].value, (int, float))
    assert wb["图表"]._charts, "the chart sheet carries a native bar chart"


def test_workbook_read_back_with_pandas_matches_the_summary(workbook, summary):
    import pandas as pd

    data = pd.read_excel(workbook, sheet_name="数据")
    assert len(data) == len(summary.figures)
    assert list(data["数值"]) == pytest.approx(list(summary.figures["value"]))
    assert list(data["原文"]) == list(summary.figures["text"])
    overview = pd.read_excel(workbook, sheet_name="概览")
    zjk = overview[overview["地区"].str.strip("　") == "张家口市"].iloc[0]
    assert zjk["数据条数"] == summary.node(ZJK).figures and zjk["文章数"] == summary.node(ZJK).articles


def test_text_that_looks_like_a_formula_stays_text(library, tmp_path):
    page = tmp_path / "evil.txt"
    page.write_text("# =1+1\n\n本报讯 该市新增企业12家。=HYPERLINK(\"http://x\")新增企业3家。"
                    "@SUM(A1)增长5%。-2+3新增4家。\n", encoding="utf-8")
    import_paths(library, [page])
    out = write_workbook(build_summary(library), tmp_path / "evil.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(out)
    values = [c.value for row in wb["文章"].iter_rows(min_row=2) for c in row]
    assert "=1+1" in values
    cells = [c for row in wb["数据"].iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells)
    starts = {c.value[0] for c in cells}
    assert {"=", "@", "-"} <= starts  # such sentences were written, and written as text
    numbers = [c.value for row in wb["数据"].iter_rows(min_row=2, min_col=5, max_col=5) for c in row]
    assert all(isinstance(v, (int, float)) for v in numbers)


def test_failed_export_leaves_no_broken_workbook(summary, tmp_path, monkeypatch):
    target = tmp_path / "briefing.xlsx"
    target.write_bytes(b"the previous workbook")
    import hbviewer.core.briefing.excel as export

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "_articles_sheet", boom)
    with pytest.raises(RuntimeError):
        write_workbook(summary, target)
    assert target.read_bytes() == b"the previous workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.xlsx"]


def test_locked_or_missing_target_gives_a_clear_message(summary, tmp_path, monkeypatch):
    with pytest.raises(ExportError, match="does not exist"):
        write_workbook(summary, tmp_path / "nowhere" / "b.xlsx")

    def locked(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        write_workbook(summary, tmp_path / "b.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_libreoffice_reads_the_same_values(workbook, summary, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs libreoffice-calc)")
    # Only the first sheet converts to CSV: put the figures sheet first in a copy.
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    wb.move_sheet("数据", offset=-wb.sheetnames.index("数据"))
    first = tmp_path / "data_first.xlsx"
    wb.save(first)
    subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + str(tmp_path / "profile"),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path),
                    str(first)], check=True, capture_output=True, timeout=180)
    with open(tmp_path / "data_first.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["地区", "所属地市", "功能区", "指标", "数值"]
    values = [float(r[4].replace(",", "")) for r in rows[1:]]
    assert values == pytest.approx(list(summary.figures["value"]), rel=1e-4)
    assert [r[10] for r in rows[1:]] == list(summary.figures["text"])


def test_region_overview_and_views_agree_with_the_full_summary(seed_library):
    from hbviewer.core.briefing.summary import indicator_bars, region_codes, region_overview, region_view

    summary = build_summary(seed_library)
    overview = region_overview(seed_library)

    def counts(tree):
        return sorted((n.code, n.articles, n.figures, n.own_figures) for root in tree for n in root.walk())

    assert counts(overview.tree) == counts(summary.tree)
    assert overview.figure_count == len(summary.figures)
    code = "130700"  # 张家口市 and its counties
    figures = summary.figures[summary.figures["region_code"].isin(region_codes(code))]
    view = region_view(seed_library, overview, code, max_listed=20)
    assert view.figure_count == len(figures) > 20 and len(view.listed) == 20
    assert {r["prefecture"] for r in view.listed} == {"张家口市"}
    every = {(r.article_id, r.start) for r in figures.itertuples()}
    assert {(r["article_id"], r["start"]) for r in view.listed} <= every
    assert all(r["text"] in r["sentence"] for r in view.listed)
    top = figures.loc[figures["indicator"] != "", "indicator"].map(fold).value_counts()  # either script
    assert top[fold(view.indicators[0])] == top.iloc[0] and len(view.indicators) == min(50, len(top))
    assert [top[fold(name)] for name in view.indicators] == sorted(top.values[:len(view.indicators)], reverse=True)
    bars, unit = indicator_bars(seed_library, view.codes, view.indicators[0])
    rows = figures[(figures["indicator"].map(fold) == fold(view.indicators[0])) & (figures["unit"] == unit)]
    assert bars and {v.region for v in bars} == set(rows["region"])
    assert [v.value for v in bars] == sorted((v.value for v in bars), reverse=True)
    everything = region_view(seed_library, overview, None, max_listed=10_000)
    assert everything.figure_count == len(everything.listed) == len(summary.figures)
