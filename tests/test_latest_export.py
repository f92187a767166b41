"""The Excel workbook's latest values, its 冲突 sheet and the export of reviewed figures only."""

import json

import pandas as pd
import pytest

from hbviewer.cli import main
from hbviewer.core.briefing.excel import write_workbook
from hbviewer.core.briefing.summary import SummaryScope, build_summary
from hbviewer.core.importer import import_file
from hbviewer.core.store.sqlite import SqliteLibrary

from conftest import SEEDS

# Named so that library order (by path) puts the latest article first: the latest is not the last listed.
PAGES = {
    "1.txt": "# 张家口市科技企业再添新军\n\n来源：河北科技报　日期：2024-05-01\n\n本报讯 张家口市高新技术企业达到300家。"
             "衡水市高新技术企业达到60家。\n",
    "2.txt": "# 张家口市创新发展提速\n\n来源：河北日报　日期：2024-02-01\n\n本报讯 张家口市高新技术企业达到295家。\n",
    "3.txt": "# 张家口市科技工作回顾\n\n来源：张家口日报　日期：2023-03-01\n\n本报讯 张家口市高新技术企业达到280家。\n",
}


@pytest.fixture
def dated(tmp_path):
    lib = SqliteLibrary.open(tmp_path / "l.sqlite3")
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert import_file(lib, tmp_path / name).status == "imported"
    yield lib
    lib.close()


def _figure(lib, text):
    return next((a.id, f) for a in lib.articles() for f in lib.figures(a.id) if f.text == text)


def test_the_workbook_charts_the_latest_value_and_lists_the_conflict(dated, tmp_path):
    path = write_workbook(build_summary(dated), tmp_path / "b.xlsx", chart_indicator="高新技术企业")
    chart = pd.read_excel(path, sheet_name="图表")
    assert dict(zip(chart["地区"], chart.iloc[:, 1])) == {"张家口市": 300, "衡水市": 60}
    overview = pd.read_excel(path, sheet_name="概览")
    zjk = overview[overview["地区"].str.strip("　") == "张家口市"].iloc[0]
    assert zjk["主要指标"] == "高新技术企业 300家"
    conflicts = pd.read_excel(path, sheet_name="冲突", dtype={"年份": str})
    assert list(conflicts.columns[:6]) == ["冲突", "地区", "指标", "单位", "年份", "数值"]
    rows = sorted(zip(conflicts["冲突"], conflicts["地区"], conflicts["指标"], conflicts["数值"], conflicts["年份"],
                      conflicts["文章标题"], conflicts["文章日期"], conflicts["核对状态"]))
    # 280家 is of 2023: no other article gives 2023, so it disagrees with nothing
    assert rows == [(1, "张家口市", "高新技术企业", 295, "2024", "张家口市创新发展提速", "2024-02-01", "未核对"),
                    (1, "张家口市", "高新技术企业", 300, "2024", "张家口市科技企业再添新军", "2024-05-01", "未核对")]
    data = pd.read_excel(path, sheet_name="数据")
    assert {"文章标题", "文章日期", "核对状态", "文章编号"} <= set(data.columns) and data["文章日期"].notna().all()


def test_reviewed_only_leaves_out_what_nobody_checked(dated, tmp_path):
    _aid, old = _figure(dated, "280家")
    _aid, new = _figure(dated, "295家")
    dated.correct_figure(old.id, "accept")
    dated.correct_figure(new.id, "edit", {"value": 296})
    path = write_workbook(build_summary(dated, SummaryScope(reviewed_only=True)), tmp_path / "r.xlsx")
    data = pd.read_excel(path, sheet_name="数据")
    assert sorted(zip(data["原文"], data["数值"], data["核对状态"])) == [("280家", 280, "已确认"), ("295家", 296, "已修改")]
    assert "300家" not in set(data["原文"])  # found by the analysis, never reviewed
    everything = pd.read_excel(write_workbook(build_summary(dated), tmp_path / "a.xlsx"), sheet_name="数据")
    assert "300家" in set(everything["原文"]) and len(everything) > len(data)
    assert SummaryScope(reviewed_only=True).label == "whole library (reviewed figures only)"


def test_cli_exports_the_sample_disagreement_and_reviewed_figures_only(tmp_path, capsys):
    lib_path = str(tmp_path / "lib.sqlite3")
    assert main(["import", "--library", lib_path, str(SEEDS)]) == 0
    out = tmp_path / "all.xlsx"
    assert main(["export", "--library", lib_path, str(out)]) == 0
    conflicts = pd.read_excel(out, sheet_name="冲突")
    mine = conflicts[(conflicts["地区"] == "张家口市") & conflicts["指标"].isin(["科技型中小企业", "科技型中小企業"])]
    assert "2698家" in set(mine["原文"]) and mine["文章编号"].nunique() >= 2 and mine["冲突"].nunique() == 1
    dated = mine[mine["文章日期"].notna()]
    assert len(dated) and (mine["文章日期"].isna()).any()  # a dated article against an undated one

    lib = SqliteLibrary.open(lib_path)
    _aid, figure = _figure(lib, "2698家")
    lib.correct_figure(figure.id, "accept")
    lib.close()
    capsys.readouterr()
    reviewed = tmp_path / "reviewed.xlsx"
    assert main(["export", "--library", lib_path, str(reviewed), "--reviewed-only", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["figures"] == 1
    data = pd.read_excel(reviewed, sheet_name="数据")
    assert list(zip(data["原文"], data["核对状态"])) == [("2698家", "已确认")]
    assert len(pd.read_excel(reviewed, sheet_name="冲突")) == 0
