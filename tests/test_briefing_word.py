"""The Word briefing: what goes in, the draft, and the .docx read back (layout, fonts, page numbers, atomic write)."""

import errno
import os
import re
import shutil
import stat
import zipfile
from datetime import date

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from hbviewer.core.briefing.briefing import BriefingScope, build_briefing, date_bound, section_order
from hbviewer.core.briefing.draft import TABLE_HEADERS, draft_text
from hbviewer.core.briefing.word import BriefingError, write_briefing
from hbviewer.core.briefing.wording import chinese_number, day_span, figure_phrase, month_period, split_value
from hbviewer.core.extract.gazetteer import gazetteer
from hbviewer.core.importer import import_file
from hbviewer.core.store import open_library
from hbviewer.core.store.search import SearchQuery
from hbviewer.core.text.textnorm import simplify

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


@pytest.fixture(scope="module")
def written(draft, tmp_path_factory):
    path = write_briefing(draft, tmp_path_factory.mktemp("out") / "briefing.docx")
    return path, docx.Document(str(path))


@pytest.fixture(scope="module")
def seed_written(seed_library, tmp_path_factory):
    draft = build_briefing(seed_library, made=MADE)
    path = write_briefing(draft, tmp_path_factory.mktemp("seed") / "seed.docx")
    return draft, docx.Document(str(path))


def outline_of(document):
    """[(level, name, [paragraph texts])] of the region headings (2: sections, 3: sub-sections)."""
    parts, part = [], None
    for p in document.paragraphs:
        name = p.style.name
        if name == "Heading 1":
            part = None
        elif name in ("Heading 2", "Heading 3"):
            title = re.sub(r"^(（[一二三四五六七八九十]+）|\d+\.)", "", p.text)
            part = (int(name[-1]), title, [])
            parts.append(part)
        elif name == "Normal" and part is not None:
            part[2].append(p.text)
    return parts


def section_text(parts, region: str, code: str) -> str:
    wanted = "全省" if code == "130000" else region
    texts = [" ".join(t) for _level, name, t in parts if name == wanted or name.endswith(wanted)]
    assert texts, f"no section for {region}"
    return " ".join(texts)


def r_fonts(element):
    return element.find(qn("w:rPr")).find(qn("w:rFonts"))


# -- what goes in, in which order ------------------------------------------------------------------

def test_sections_follow_the_province_order_with_counties_inside(draft, written):
    assert [s.name for s in draft.sections] == ORDER
    zjk = next(s for s in draft.sections if s.code == ZJK)
    assert [s.name for s in zjk.subsections] == ["宣化区", "万全区"]
    parts = outline_of(written[1])
    assert [name for level, name, _t in parts if level == 2] == ORDER
    assert [name for level, name, _t in parts if level == 3] == ["正定县", "宣化区", "万全区"]
    headings = [p.text for p in written[1].paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、各地动态", "二、主要数据"]


def test_section_order_comes_from_the_gazetteer():
    order = section_order(gazetteer())
    names = [gazetteer().get(c).name if c else "" for c in order]
    assert names == ["河北省", "石家庄市", "唐山市", "秦皇岛市", "邯郸市", "邢台市", "保定市", "张家口市", "承德市",
                     "沧州市", "廊坊市", "衡水市", "定州市", "辛集市", "雄安新区", ""]


def test_title_period_and_date_made(draft, written):
    assert draft.title == "河北省各地工作动态（2024年9月—10月）"
    assert (draft.date_from, draft.date_to, draft.made) == ("2024-09-05", "2024-10-25", "2024-10-30")
    first = written[1].paragraphs[:3]
    assert [p.style.name for p in first] == ["Title", "Subtitle", "Subtitle"]
    assert [p.text for p in first] == [draft.title, "数据时段：2024年9月5日至10月25日", "编制日期：2024年10月30日"]


def test_every_figure_is_in_its_regions_section_with_its_indicator(pages_library, written):
    parts = outline_of(written[1])
    rows = pages_library.figure_rows()
    assert len(rows) == 14
    for aid, region, code, _pref, indicator, *_rest in rows:
        text = section_text(parts, region, code)
        number = _rest[6]
        assert number in text, (region, number)
        assert re.sub(r"^本报讯\s*", "", indicator) in text, (region, indicator)


def test_sentences_keep_the_articles_wording_and_name_their_source(written):
    parts = outline_of(written[1])
    zjk = section_text(parts, "张家口市", ZJK)
    assert "张家口市高新技术企业达到295家【待核实：另有290家】，科技型中小企业2698家。" in zjk
    sjz = section_text(parts, "石家庄市", "130100")
    assert sjz == "石家庄市高新技术企业达到3000家，技术合同成交额120亿元。（来源：石家庄日报，2024-10-20，《石家庄科技型企业快速增长》）"
    for _level, _name, texts in parts:
        for text in texts:
            assert re.search(r"。（来源：[^（）]+，\d{4}-\d\d-\d\d，《[^》]+》）$", text), text


def test_conflicting_figures_are_marked_for_the_writer(draft, written):
    conflicts = draft.conflicts
    assert sorted(f.value for f in conflicts) == [290, 295]
    assert all(f.region_code == ZJK and f.indicator == "高新技术企业" for f in conflicts)
    marked = [r for p in written[1].paragraphs for r in p.runs if r.text.startswith("【待核实")]
    assert [r.text for r in marked] == ["【待核实：另有290家】", "【待核实：另有295家】"]
    assert all(r.font.highlight_color is not None for r in marked)
    table = written[1].tables[0]
    flagged = [[c.text for c in row.cells] for row in table.rows if row.cells[-1].text == "待核实"]
    assert sorted(r[2] for r in flagged) == ["290", "295"]
    assert "同一地区、同一指标在同一时间" in written[1].paragraphs[-1].text


def test_closing_table_of_key_figures(written):
    table = written[1].tables[0]
    rows = [tuple(c.text for c in row.cells) for row in table.rows]
    assert rows[0] == TABLE_HEADERS
    assert ("石家庄市", "技术合同成交额", "120", "亿元", "截至9月底", "石家庄日报", "") in rows
    assert ("宣化区", "新增省级研发平台", "5", "家", "2024-10-13", "河北日报", "") in rows
    assert ("保定市", "新增国家级科技企业孵化器", "2", "家", "2024-09-05", "保定日报", "") in rows
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page


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


def test_sections_and_conflicts_in_the_draft(draft):
    assert [s.name for s in draft.sections] == ORDER
    zjk = next(s for s in draft.sections if s.code == ZJK)
    assert [s.name for s in zjk.subsections] == ["宣化区", "万全区"]
    assert zjk.paragraphs[0].text == "张家口市高新技术企业达到295家【待核实：另有290家】，科技型中小企业2698家。"
    assert sorted(f.value for f in draft.conflicts) == [290, 295]
    assert draft.title == "河北省各地工作动态（2024年9月—10月）"


@pytest.mark.parametrize("text, number, indicator, phrase", [
    ("截至9月底，张家口市高新技术企业达到295家。", "295家", "高新技术企业", "高新技术企业达到295家"),
    ("目前，全市领军企业、高新技术企业、科技型中小企业已分别发展到2家、295家和2698家。", "295家", "高新技术企业",
     "高新技术企业295家"),
    ("今年以来，新建成4家省级技术创新中心、2家省级重点实验室。", "4家", "省级技术创新中心", "新建成4家省级技术创新中心"),
    ("今年以来，新建成4家省级技术创新中心、2家省级重点实验室。", "2家", "省级重点实验室", "2家省级重点实验室"),
    ("研发经费投入强度提高0.38个百分点，是上年的3.2倍。", "3.2倍", "研发经费投入强度", "研发经费投入强度是上年的3.2倍"),
    ("本报讯 衡水市新增科技型中小企业210家。", "210家", "本报讯 衡水市新增科技型中小企业", "衡水市新增科技型中小企业210家"),
])
def test_a_figure_in_its_articles_words(text, number, indicator, phrase):
    start = text.index(number)
    assert figure_phrase(text, start, start + len(number), indicator) == phrase


def test_values_periods_and_numbers_in_chinese():
    assert split_value("40.51亿元", "元") == ("40.51", "亿元")
    assert split_value("295家", "家") == ("295", "家")
    assert split_value("10家以上", "家") == ("10家以上", "")
    assert month_period("2024-10-03", "2024-10-28") == "2024年10月"
    assert month_period("2023-12-30", "2024-01-02") == "2023年12月—2024年1月"
    assert month_period(None, None) == ""
    assert day_span("2024-10-03", "2024-10-28") == "2024年10月3日至10月28日"
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def test_draft_text_is_the_preview(draft):
    text = draft_text(draft)
    assert text.startswith(draft.title + "\n")
    for expected in ("\n（一）石家庄市\n", "\n1.正定县\n", "（来源：河北科技报，2024-10-25，《各地创新平台建设提速》）",
                     "\n二、主要数据\n", "｜".join(TABLE_HEADERS)):
        assert expected in text


# -- the layout of GB/T 9704-2012 -------------------------------------------------------------------

def test_page_size_margins_and_grid(written):
    section = written[1].sections[0]
    mm = {name: getattr(section, name) / Mm(1) for name in
          ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert mm == pytest.approx({"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
                                "left_margin": 28, "right_margin": 26}, abs=0.05)
    assert mm["page_width"] - mm["left_margin"] - mm["right_margin"] == pytest.approx(156, abs=0.1)
    assert mm["page_height"] - mm["top_margin"] - mm["bottom_margin"] == pytest.approx(225, abs=0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    assert int(225 / 25.4 * 72 // pitch_pt) == 22
    char_pt = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert int(156 / 25.4 * 72 // char_pt) == 28
    normal = written[1].styles["Normal"]
    assert normal.paragraph_format.line_spacing == Pt(pitch_pt)
    condensed = 16 + int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert int(156 / 25.4 * 72 // condensed) == 28  # the same 28 where text does not snap to the grid


@pytest.mark.parametrize("style, east_asia, size, bold", [
    ("Title", "方正小标宋简体", 22, False), ("Normal", "仿宋", 16, False), ("Heading 1", "黑体", 16, False),
    ("Heading 2", "楷体", 16, False), ("Heading 3", "仿宋", 16, True)])
def test_styles_name_their_east_asian_fonts(written, style, east_asia, size, bold):
    s = written[1].styles[style]
    fonts = r_fonts(s.element)
    assert fonts.get(qn("w:eastAsia")) == east_asia
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert s.font.size == Pt(size) and bool(s.font.bold) == bold
    assert not s.font.italic


def test_runs_name_their_fonts_and_no_theme_font_is_left(written):
    path, document = written
    by_style = {}
    for p in document.paragraphs:
        for r in p.runs:
            by_style.setdefault(p.style.name, set()).add(r_fonts(r._r).get(qn("w:eastAsia")))
    assert by_style["Title"] == {"方正小标宋简体"}
    assert by_style["Heading 1"] == {"黑体"} and by_style["Heading 2"] == {"楷体"}
    assert by_style["Normal"] == {"仿宋", "楷体"}  # the text, and its source
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert "Theme=" not in styles.replace("w:themeColor", "").replace("w:themeShade", "")
    assert re.search(r'w:name="方正小标宋简体"><w:altName w:val="[^"]*华文中宋', fonts)


def test_headings_are_words_own_so_the_navigation_pane_lists_them(written):
    styles = written[1].styles
    for level in (1, 2, 3):
        style = styles[f"Heading {level}"]
        assert style.style_id == f"Heading{level}" and style.builtin
        assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)


def test_page_numbers_at_the_foot_odd_right_even_left(written):
    path, document = written
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert (odd.text, even.text) == ("— 1 —", "— 1 —")
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.paragraph_format.right_indent > 0 and even.paragraph_format.left_indent > 0
    for p in (odd, even):
        assert {r.font.size for r in p.runs} == {Pt(14)}
        assert [i.text.strip() for i in p._p.iter(qn("w:instrText"))] == ["PAGE"]
    gap = Mm(35) - section.footer_distance - Pt(14)
    assert gap / Mm(1) == pytest.approx(7, abs=0.1)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
    fields = {n: len(re.findall(r"<w:instrText", x)) for n, x in parts.items() if "instrText" in x}
    assert sorted(fields.values()) == [1, 1] and all("footer" in n for n in fields)
    assert not any("fldSimple" in x or "<w:hyperlink" in x for x in parts.values())


# -- the sample library -------------------------------------------------------------------------------

def test_sample_library_briefing(seed_library, seed_written):
    draft, document = seed_written
    order = section_order(gazetteer())
    codes = [s.code for s in draft.sections]
    assert codes == sorted(codes, key=order.index)
    rows = seed_library.figure_rows()
    assert draft.figure_count + draft.unplaced == len(rows)
    parts = outline_of(document)
    for aid, region, code, _pref, indicator, *rest in rows:
        if not code:
            continue
        text = section_text(parts, region, code)
        assert simplify(rest[6]) in text, (aid, region, rest[6])
    for _level, _name, texts in parts:
        for text in texts:
            assert re.search(r"（来源：[^（）]+，《[^》]+》）$", text), text


# -- a template of the user's own ------------------------------------------------------------------

def _template(path, drop_style=None):
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "某某单位科技简报"
    doc.sections[0].footer.paragraphs[0].text = "内部资料"
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "微软雅黑")
    doc.add_paragraph("模板里原有的正文")
    if drop_style:
        element = doc.styles[drop_style].element
        element.getparent().remove(element)
    doc.save(str(path))
    return path


def test_template_keeps_its_styles_header_and_footer(draft, tmp_path):
    template = _template(tmp_path / "模板.docx", drop_style="Heading 3")
    out = write_briefing(draft, tmp_path / "out.docx", template=template)
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "某某单位科技简报"
    assert document.sections[0].footer.paragraphs[0].text == "内部资料"
    assert document.sections[0].page_width == docx.Document(str(template)).sections[0].page_width
    assert "模板里原有的正文" not in [p.text for p in document.paragraphs]
    assert r_fonts(document.styles["Normal"].element).get(qn("w:eastAsia")) == "微软雅黑"
    assert document.styles["Normal"].font.size == Pt(14)
    assert document.paragraphs[0].text == draft.title and document.paragraphs[0].style.name == "Title"
    # the runs leave the fonts to the template's styles
    assert all(r._r.rPr is None or r._r.rPr.find(qn("w:rFonts")) is None for p in document.paragraphs for r in p.runs)
    levels = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Heading 3" in levels  # added in the built-in form where the template has none
    assert r_fonts(document.styles["Heading 3"].element).get(qn("w:eastAsia")) == "仿宋"


def test_a_dotx_template_and_a_broken_one(draft, tmp_path):
    docx_template = _template(tmp_path / "t.docx")
    dotx = tmp_path / "t.dotx"
    with zipfile.ZipFile(docx_template) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    out = write_briefing(draft, tmp_path / "from_dotx.docx", template=dotx)
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == "某某单位科技简报"
    broken = tmp_path / "broken.docx"
    broken.write_text("not a Word file", encoding="utf-8")
    with pytest.raises(BriefingError, match="cannot be used") as caught:
        write_briefing(draft, tmp_path / "x.docx", template=broken)
    assert caught.value.code == "template"
    assert not (tmp_path / "x.docx").exists()


# -- written atomically -------------------------------------------------------------------------------

def test_locked_target_keeps_the_old_file(draft, tmp_path, monkeypatch):
    target = tmp_path / "b.docx"
    target.write_bytes(b"the previous briefing")

    def locked(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(BriefingError, match="open in another program") as caught:
        write_briefing(draft, target)
    assert caught.value.code == "locked"
    assert target.read_bytes() == b"the previous briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["b.docx"]


def test_full_disk_leaves_nothing_behind(draft, tmp_path, monkeypatch):
    def full(_self, _path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", full)
    with pytest.raises(BriefingError, match="No space left on device") as caught:
        write_briefing(draft, tmp_path / "b.docx")
    assert caught.value.code == "disk_full"
    assert list(tmp_path.iterdir()) == []


def test_an_error_half_way_leaves_nothing_behind(draft, tmp_path, monkeypatch):
    def boom(_self, _path):
        raise RuntimeError("broken")

    monkeypatch.setattr(docx.document.Document, "save", boom)
    with pytest.raises(RuntimeError):
        write_briefing(draft, tmp_path / "b.docx")
    assert list(tmp_path.iterdir()) == []


def test_missing_or_read_only_folder(draft, tmp_path):
    with pytest.raises(BriefingError, match="does not exist") as caught:
        write_briefing(draft, tmp_path / "nowhere" / "b.docx")
    assert caught.value.code == "folder"
    if os.name != "posix" or os.geteuid() == 0:
        return  # permissions do not stop root (or Windows' owner) from writing
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BriefingError, match="Cannot write in"):
            write_briefing(draft, folder / "b.docx")
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_file_gets_ordinary_permissions(draft, tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    new = write_briefing(draft, tmp_path / "new.docx")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask  # not the temporary file's 0600
    kept = tmp_path / "kept.docx"
    shutil.copy(new, kept)
    kept.chmod(0o640)
    write_briefing(draft, kept)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_article_text_goes_in_as_plain_text(tmp_path):
    title = '张家口<科技>&创新 HYPERLINK "file:///C:/a.docx" { PAGE }'
    (tmp_path / "p.txt").write_text(f"# {title}\n\n日期：2024-10-01\n\n本报讯 张家口市创新基金规模达到5亿元。\n",
                                    encoding="utf-8")
    lib = open_library(tmp_path / "l.sqlite3")
    try:
        import_file(lib, tmp_path / "p.txt")
        out = write_briefing(build_briefing(lib), tmp_path / "briefing")  # the suffix is added
    finally:
        lib.close()
    assert out.name == "briefing.docx"
    document = docx.Document(str(out))
    assert any(title in p.text for p in document.paragraphs)
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "instrText" not in body and "fldSimple" not in body and "<w:hyperlink" not in body


# -- the command line ------------------------------------------------------------------------------
def test_briefing_from_the_command_line(pages_library, tmp_path, capsys):
    from hbviewer.cli import main

    where = ["--library", str(pages_library.path)]
    out = tmp_path / "简报.docx"
    assert main(["briefing", str(out), "--region", "张家口", "--region", "石家庄市", "--from", "2024-10",
                 "--to", "2024-10", "--title", "十月科技简报", *where]) == 0
    assert "十月科技简报" in capsys.readouterr().out
    document = docx.Document(out)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "十月科技简报"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("石家庄市" in h for h in headings) and any("张家口市" in h for h in headings)
    assert not any("衡水市" in h for h in headings)
    body = "\n".join(texts)
    assert "295家" in body and "3000家" in body and "210家" not in body
    assert main(["briefing", "--preview", "--region", "衡水", *where]) == 0
    assert "210家" in capsys.readouterr().out
    assert main(["briefing", str(tmp_path / "x.docx"), "--from", "2024-13", *where]) == 2
    assert "Not a date" in capsys.readouterr().err
    assert main(["briefing", str(tmp_path / "x.docx"), "--region", "不存在的地方", *where]) == 2
    assert not (tmp_path / "x.docx").exists()


def test_export_takes_the_same_period(pages_library, tmp_path, capsys):
    import json

    from hbviewer.cli import main

    where = ["--library", str(pages_library.path)]
    assert main(["export", str(tmp_path / "all.xlsx"), "--json", *where]) == 0
    everything = json.loads(capsys.readouterr().out)["articles"]
    assert main(["export", str(tmp_path / "sept.xlsx"), "--from", "2024-09", "--to", "2024-09", "--json", *where]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1 < everything
