"""Where and when articles appeared, in the Excel workbook and in hbviewer-cli list and show."""

import json

import pytest

from hbviewer.cli import main
from hbviewer.core.briefing.excel import write_workbook
from hbviewer.core.briefing.summary import build_summary
from hbviewer.core.importer import import_paths
from hbviewer.core.store.sqlite import SqliteLibrary as Library

MASTHEAD = ("某城日报　2023年5月9日　星期二　第4版　经济\n\n# 某县新增企业\n\n"
            "本报讯 某县今年新增企业120家，同比增长12%。\n")
PLAIN = "# 某区道路完工\n\n某区道路改造工程完工，全长3公里。\n"


@pytest.fixture
def lib_path(tmp_path):
    (tmp_path / "a-page.txt").write_text(MASTHEAD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(PLAIN, encoding="utf-8")
    path = tmp_path / "library.sqlite3"
    lib = Library.open(path)
    import_paths(lib, [tmp_path / "a-page.txt", tmp_path / "notes.txt"])
    lib.close()
    return path


def test_the_articles_sheet_names_paper_and_page(lib_path, tmp_path):
    import openpyxl

    lib = Library.open(lib_path)
    try:
        out = write_workbook(build_summary(lib), tmp_path / "out.xlsx")
    finally:
        lib.close()
    sheet = openpyxl.load_workbook(out)["文章"]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("标题")]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["某县新增企业"]["报刊版面"] == "某城日报 第4版"
    assert rows["某县新增企业"]["日期"] == "2023-05-09" and rows["某县新增企业"]["来源文件"] == "a-page.txt"
    assert rows["某区道路完工"]["报刊版面"] in (None, "")


def test_cli_list_and_show_give_publication_page_and_date(lib_path, capsys):
    capsys.readouterr()
    assert main(["list", "--library", str(lib_path), "--json"]) == 0
    listed = {a["title"]: a for a in json.loads(capsys.readouterr().out)}
    paper = listed["某县新增企业"]
    assert (paper["publication"], paper["page"], paper["date"], paper["section"]) == (
        "某城日报", "4", "2023-05-09", "经济")
    assert main(["list", "--library", str(lib_path)]) == 0
    text = capsys.readouterr().out
    assert "某县新增企业  (某城日报 第4版, 2023-05-09)" in text and "某区道路完工  (notes.txt)" in text
    assert main(["show", "--library", str(lib_path), str(paper["id"])]) == 0
    shown = capsys.readouterr().out
    assert "publication: 某城日报" in shown and "page: 第4版" in shown and "date: 2023-05-09" in shown
