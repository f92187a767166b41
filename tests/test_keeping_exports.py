"""Notes and tags in the Excel workbook and the Word briefing."""

import docx
import openpyxl

from hbviewer.core.briefing.briefing import build_briefing
from hbviewer.core.briefing.excel import write_workbook
from hbviewer.core.briefing.summary import SummaryScope, build_summary
from hbviewer.core.briefing.word import write_briefing
from hbviewer.core.importer import import_file
from hbviewer.core.store.search import SearchQuery

PAGE = ("# 保定市推进新能源产业\n\n本报讯 保定市光伏装机容量达到120万千瓦，新能源企业新增35家。\n\n"
        "## 廊坊市发展电子信息产业\n\n本报讯 廊坊市电子信息产业营业收入达到260亿元。\n")


def _noted(library, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    import_file(library, tmp_path / "page.txt")
    baoding, langfang = library.articles()
    figure = library.figures(baoding.id)[0]
    library.add_note(baoding.id, "装机容量以能源局公布为准", span=(figure.start, figure.end))
    library.add_note(langfang.id, "可作典型材料")
    library.edit_tags(langfang.id, add=("电子信息",))
    return baoding, langfang, figure


def test_the_workbook_has_the_notes_and_tags(library, tmp_path):
    baoding, langfang, figure = _noted(library, tmp_path)
    out = write_workbook(build_summary(library), tmp_path / "b.xlsx")
    wb = openpyxl.load_workbook(out)
    articles = {row[0]: row for row in wb["文章"].iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in wb["文章"][1]]
    assert header[-2:] == ["标签", "批注"]
    assert articles[langfang.id][-1].startswith("可作典型材料（") and "电子信息" in articles[langfang.id][-2]
    assert articles[baoding.id][-1] is None  # its note is on a figure
    figures = list(wb["数据"].iter_rows(min_row=2, values_only=True))
    noted = [r for r in figures if r[-1]]
    assert [r[10] for r in noted] == [figure.text] and noted[0][-1].startswith("装机容量以能源局公布为准")


def test_the_workbook_of_a_search_has_only_its_notes(library, tmp_path):
    _, langfang, _ = _noted(library, tmp_path)
    summary = build_summary(library, SummaryScope(query=SearchQuery("廊坊")))
    assert [n.article_id for n in summary.notes] == [langfang.id]


def test_the_word_briefing_has_the_notes_as_comments(library, tmp_path):
    baoding, langfang, figure = _noted(library, tmp_path)
    draft = build_briefing(library)
    out = write_briefing(draft, tmp_path / "b.docx")
    comments = list(docx.Document(str(out)).comments)
    texts = sorted(c.text for c in comments)
    assert texts == sorted([f"【{figure.text}】装机容量以能源局公布为准", "可作典型材料"])
    assert all(c.author for c in comments)
    body = docx.Document(str(out)).element.body.xml
    assert body.count("commentRangeStart") == 2
