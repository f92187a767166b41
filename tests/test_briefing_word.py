"""The Word briefing: what goes in and the draft it makes."""

from datetime import date

import pytest

from hbviewer.core.briefing.briefing import BriefingScope, build_briefing, date_bound, section_order
from hbviewer.core.briefing.draft import TABLE_HEADERS, draft_text
from hbviewer.core.extract.gazetteer import gazetteer
from hbviewer.core.importer import import_file
from hbviewer.core.store import open_library
from hbviewer.core.store.search import SearchQuery

ZJK, BAODING = "130700", "130600"
PAGES = {
    "a.txt": "# 张家口市科技创新工作综述\n\n来源：河北日报　日期：2024-10-13\n\n"
             "本报讯 截至9月底，张家口市高新技术企业达到295家，科技型中小企业2698家。\n\n"
             "宣化区新增省级研发平台5家，万全区技术合同成交额1.2亿元。\n",
    "b.txt": "# 石家庄科技型企业快速增长\n\n来源：石家庄日报　日期：2024-10-20\n\n"
             "本报讯 截至9月底，石家庄市高新技术企业达到3000家，技术合同成交额120亿元。\n\n正定县新建省级重点实验室3家。\n",
    "c.txt": "# 张家口高新技术企业数量再创新高\n\n来源：张家口日报　日期：2024-10-15\n\n"
             "本报讯 截至9月底，张家口市高新技术企业达到290家。\n",
    "d.txt": "# 各地创新平台建设提速\n\n来源：河北科技报　日期：2024-10-25\n\n"
             "本报讯 衡水市新增科技型中小企业210家。定州市高新技术企业达到120家。辛集市建成省级农业创新驿站9家。"
             "雄安新区入驻创新企业35家。唐山市研发投入增长12%。\n",
    "e.txt": "# 九月份保定科技工作\n\n来源：保定日报　日期：2024-09-05\n\n本报讯 保定市新增国家级科技企业孵化器2家。\n",
}
ORDER = ["石家庄市", "唐山市", "保定市", "张家口市", "衡水市", "定州市", "辛集市", "雄安新区"]
MADE = date(2024, 10, 30)


@pytest.fixture(scope="module")
def pages_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    lib = open_library(folder / "l.sqlite3")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
        assert import_file(lib, folder / name).status == "imported"
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def draft(pages_library):
    return build_briefing(pages_library, made=MADE)


def test_section_order_comes_from_the_gazetteer():
    order = section_order(gazetteer())
    names = [gazetteer().get(c).name if c else "" for c in order]
    assert names == ["河北省", "石家庄市", "唐山市", "秦皇岛市", "邯郸市", "邢台市", "保定市", "张家口市", "承德市",
                     "沧州市", "廊坊市", "衡水市", "定州市", "辛集市", "雄安新区", ""]


# -- choosing: regions, dates, search, title, unticked figures --------------------------------------

def test_scope_by_region_includes_its_counties(pages_library):
    zjk = build_briefing(pages_library, BriefingScope(region_codes=(ZJK,)))
    assert [s.name for s in zjk.sections] == ["张家口市"]
    assert [s.name for s in zjk.sections[0].subsections] == ["宣化区", "万全区"]
    # 定州 is a county of 保定 in the gazetteer, with a section of its own in the briefing
    baoding = build_briefing(pages_library, BriefingScope(region_codes=(BAODING,)))
    assert [s.name for s in baoding.sections] == ["保定市", "定州市"]


def test_scope_by_dates_search_title_and_unticked_figures(pages_library, draft):
    october = build_briefing(pages_library, BriefingScope(date_from="2024-10", date_to="2024-10"))
    assert "保定市" not in [s.name for s in october.sections]
    assert october.title == "河北省各地工作动态（2024年10月）"
    found = build_briefing(pages_library, BriefingScope(query=SearchQuery("重点实验室")))
    assert found.title == "河北省各地重点实验室工作动态（2024年10月）"
    assert [s.name for s in found.sections] == ["石家庄市"]
    titled = build_briefing(pages_library, BriefingScope(title="张家口科技简报", region_codes=(ZJK,)))
    assert titled.title == "张家口科技简报"
    one = next(f for s in draft.sections if s.code == "139900" for f in s.figures())
    without = build_briefing(pages_library, BriefingScope(left_out=frozenset({(one.article_id, one.start)})))
    assert "雄安新区" not in [s.name for s in without.sections]
    assert without.figure_count == draft.figure_count - 1
    nothing = build_briefing(pages_library, BriefingScope(date_from="2030-01-01"))
    assert nothing.sections == [] and "没有可用的数据" in draft_text(nothing)


@pytest.mark.parametrize("text, last, expected", [
    ("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"), ("2024-02", True, "2024-02-29"),
    ("2024-10-05", True, "2024-10-05"), ("2024年10月", False, "2024-10-01"), (None, True, None)])
def test_date_bounds(text, last, expected):
    assert date_bound(text, last) == expected


@pytest.mark.parametrize("text", ["tomorrow", "2024-13", "2024-02-30"])
def test_bad_dates_say_so(text):
    with pytest.raises(ValueError, match="Not a date"):
        date_bound(text, False)


def test_draft_text_is_the_preview(draft):
    text = draft_text(draft)
    assert text.startswith(draft.title + "\n")
    for expected in ("\n（一）石家庄市\n", "\n1.正定县\n", "（来源：河北科技报，2024-10-25，《各地创新平台建设提速》）",
                     "\n二、主要数据\n", "｜".join(TABLE_HEADERS)):
        assert expected in text




def test_sections_and_conflicts_in_the_draft(draft):
    assert [s.name for s in draft.sections] == ORDER
    zjk = next(s for s in draft.sections if s.code == ZJK)
    assert [s.name for s in zjk.subsections] == ["宣化区", "万全区"]
    assert zjk.paragraphs[0].text == "张家口市高新技术企业达到295家【待核实：另有290家】，科技型中小企业2698家。"
    assert sorted(f.value for f in draft.conflicts) == [290, 295]
    assert draft.title == "河北省各地工作动态（2024年9月—10月）"
