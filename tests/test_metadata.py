"""Where and when an article appeared: the rules of hbviewer.core.text.metadata, on made-up pages."""

import io
import zipfile

import pytest

from hbviewer.core.text.articles import split_articles
from hbviewer.core.text.cleaning import tidy_title
from hbviewer.core.text.formats import document_from_bytes
from hbviewer.core.text.metadata import (
    FileMeta, clean_source, date_in_name, find_date, paper_name, read_top_line, site_from_title,
)


@pytest.mark.parametrize("name", ["河北日报", "张家口日报", "衡水晚报", "燕赵都市报", "中国青年报", "某某商报"])
def test_a_paper_is_a_name_ending_in_bao(name):
    assert paper_name(name) == name


@pytest.mark.parametrize("word", ["统计公报", "喜报", "工作简报", "天气预报", "情况通报", "信息公开年报", "日报",
                                  "河北日报讯"])
def test_documents_and_notices_ending_in_bao_are_not_papers(word):
    assert paper_name(word) == ""


def test_masthead_line_gives_paper_date_and_page():
    top = read_top_line("某城日报　2023年5月9日　星期二　第4版　经济")
    assert (top.publication, top.date, top.page, top.section) == ("某城日报", "2023-05-09", "4", "经济")


@pytest.mark.parametrize("line, page, section", [
    ("第03版：要闻", "3", "要闻"), ("综合 第5版 责任编辑：某某", "5", "综合"), ("第十二版", "12", ""),
    ("版次：07 版名：县域", "7", "县域"), ("第A2版", "A2", ""),
])
def test_page_lines(line, page, section):
    top = read_top_line(line)
    assert (top.page, top.section) == (page, section)


@pytest.mark.parametrize("line", [
    "某县多措并举推进乡村振兴", "3版方案近日出台", "下转第三版", "某城日报讯 近日，某县召开会议。",
    "2023年5月9日，某县召开会议。",
])
def test_headlines_and_sentences_are_not_masthead_lines(line):
    assert read_top_line(line) is None


@pytest.mark.parametrize("text, iso", [
    ("2023年5月9日", "2023-05-09"), ("日期：2021-11-30", "2021-11-30"), ("发布时间 2022/1/2 08:00", "2022-01-02"),
    ("2023年2月30日", None), ("共12345678人", None),
])
def test_dates_are_iso_and_real(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize("name, iso", [
    ("某报-2023-05-09-第4版.pdf", "2023-05-09"), ("mrb20230509_04.txt", "2023-05-09"),
    ("/home/u/2023年5月9日/第4版.txt", "2023-05-09"), ("a.zip!/20230509/04.txt", "2023-05-09"),
    ("000_1a2b3c4d5e.txt", None), ("2023113.txt", None), ("20231399.txt", None),
])
def test_dates_in_file_names(name, iso):
    assert date_in_name(name) == iso


@pytest.mark.parametrize("line, page, section", [
    ("2023年5月9日 星期二 经济 4 责任编辑：某某", "4", "经济"), ("4 经济 2023年5月9日", "4", "经济"),
])
def test_beside_a_full_date_a_bare_number_is_the_page(line, page, section):
    top = read_top_line(line)
    assert (top.date, top.page, top.section) == ("2023-05-09", page, section)


def test_a_bare_number_without_a_date_is_not_a_page():
    assert read_top_line("经济 4") is None and read_top_line("2023年5月9日 12%") is None


@pytest.mark.parametrize("line", [
    "来源：某某新闻网 2023-05-09 08:00", "来源：某某新闻网 | 编辑：某某", "来源：某某新闻网  作者：某某",
])
def test_a_source_line_gives_the_source_without_what_follows_it(line):
    assert clean_source(line) == "某某新闻网"


def test_a_publication_time_line_dates_the_article_and_is_no_headline():
    page = "# 某县召开会议\n\n发布时间：2023-05-09 08:00\n\n某县近日召开会议，部署全年工作。\n"
    (article,) = split_articles(page)
    assert (article.title, article.date, article.text) == ("某县召开会议", "2023-05-09", "某县近日召开会议，部署全年工作。")


def test_source_lines_and_site_names_lose_their_web_address():
    assert clean_source("来源：某某新闻网 www.example.cn") == "某某新闻网"
    assert clean_source("某某科技网（example.org）") == "某某科技网"
    assert site_from_title("某县召开推进会_要闻_某某新闻网") == "某某新闻网"
    assert site_from_title("某县召开推进会") == ""


PAGE = """某城日报

2023年5月9日 星期二

第4版 经济

某县新增企业120家

某城日报讯（记者 甲乙）今年以来，某县新增企业120家。

某区道路改造完工

本报讯 某区道路改造工程近日完工，全长3公里。

一句没有署名的短讯，某镇的集市重新开放。
"""


def test_the_masthead_speaks_for_every_article_of_the_page():
    articles = split_articles(PAGE)
    assert len(articles) >= 2
    assert {(a.publication, a.date, a.page, a.section) for a in articles} == {("某城日报", "2023-05-09", "4", "经济")}
    assert not any("星期二" in a.text or "星期二" in a.title for a in articles)
    assert articles[0].title == "某县新增企业120家"


def test_benbao_means_the_paper_the_pages_bylines_name():
    page = ("# 甲\n\n某城日报讯（记者 甲乙）某县新增企业120家。\n\n"
            "# 乙\n\n本报讯 某区道路改造工程近日完工。\n\n# 丙\n\n没有署名的一篇，某镇集市开放。\n")
    assert [a.publication for a in split_articles(page)] == ["某城日报"] * 3


def test_a_page_without_any_paper_leaves_the_publication_empty():
    page = "# 甲\n\n本报讯 某县新增企业120家。\n\n# 乙\n\n本报讯 某区道路改造工程近日完工。\n"
    assert [a.publication for a in split_articles(page)] == ["", ""]


def test_an_articles_own_source_and_date_lines_come_before_the_files():
    page = "# 某县召开会议\n\n来源：某某新闻网 日期：2022-03-04\n\n某县近日召开会议，部署全年工作。\n"
    article = split_articles(page, "notes-2020-01-01.txt", FileMeta("某出版社", "2019-09-09"))[0]
    assert (article.publication, article.date) == ("某某新闻网", "2022-03-04")


def test_file_name_date_then_file_properties_when_the_page_says_none():
    page = "# 某县召开会议\n\n某县近日召开会议，部署全年工作。\n"
    assert split_articles(page, "notes-2020-01-01.txt", FileMeta(date="2019-09-09"))[0].date == "2020-01-01"
    assert split_articles(page, "notes.txt", FileMeta("某某网", "2019-09-09"))[0].date == "2019-09-09"
    assert split_articles(page, "notes.txt", FileMeta("某某网", "2019-09-09"))[0].publication == "某某网"


def test_author_line_that_is_not_a_byline():
    page = "# 某县召开会议\n\n某县近日召开会议，部署全年工作。会议要求抓好落实。\n\n（记者 甲乙 丙丁）\n"
    article = split_articles(page)[0]
    assert article.byline == "（记者 甲乙 丙丁）"
    assert article.text.endswith("（记者 甲乙 丙丁）")


def test_titles_from_page_lines_lose_layout_spaces_but_keep_latin_ones():
    assert tidy_title("某县 “三个一批”项目 进展顺利") == "某县“三个一批”项目进展顺利"
    assert tidy_title("5G Pro 2 发布 会召开") == "5G Pro 2发布会召开"
    page = "上一篇的最后一句。\n\n某县\n\n加快建设 产业园区\n\n本报讯 某县近日加快建设产业园区。\n"
    assert split_articles("# 上一篇\n\n本报讯 " + page)[-1].title == "某县加快建设产业园区"


def test_a_heading_keeps_the_spaces_its_author_typed():
    assert split_articles("# 上半句 下半句\n\n正文一句。\n")[0].title == "上半句 下半句"


def _docx_with_created(created: str) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("某县近日召开会议，部署全年工作，会议要求各部门抓好落实。")
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    src = zipfile.ZipFile(io.BytesIO(data))
    fixed = io.BytesIO()
    with zipfile.ZipFile(fixed, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = (b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                        b'package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" '
                        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created '
                        b'xsi:type="dcterms:W3CDTF">' + created.encode() + b'</dcterms:created></cp:coreProperties>')
            dst.writestr(info, body)
    return fixed.getvalue()


def test_docx_creation_date_is_the_files_date():
    decoded = document_from_bytes(_docx_with_created("2022-06-07T08:00:00Z"), "note.docx")
    assert decoded.meta == FileMeta(date="2022-06-07")


def test_a_docx_made_from_python_docxs_template_has_no_date_of_its_own():
    import docx

    doc = docx.Document()
    doc.add_paragraph("某县近日召开会议，部署全年工作，会议要求各部门抓好落实。")
    out = io.BytesIO()
    doc.save(out)
    assert document_from_bytes(out.getvalue(), "note.docx").meta == FileMeta()


def test_pdf_creation_date_is_the_files_date():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)  # dated 2000-01-01: a fixed date to write over
    c.setFont("STSong-Light", 10)
    c.drawString(50, 700, "某县近日召开会议，部署全年工作，会议要求各部门抓好落实。")
    c.save()
    data = out.getvalue()
    assert b"(D:20000101" in data
    data = data.replace(b"/CreationDate (D:20000101", b"/CreationDate (D:20210304")
    assert document_from_bytes(data, "page.pdf").meta.date == "2021-03-04"


def test_web_page_site_name_from_its_meta_tag_or_title():
    body = "<p>某县近日召开会议，部署全年工作，会议要求各部门抓好落实，确保各项任务按期完成。</p>"
    tagged = (f'<html><head><meta charset="utf-8"><meta property="og:site_name" content="某某新闻网">'
              f'<title>某县召开会议</title></head><body><article>{body}</article></body></html>')
    titled = (f'<html><head><meta charset="utf-8"><title>某县召开会议_要闻_某某新闻网</title></head>'
              f'<body><article>{body}</article></body></html>')
    for page in (tagged, titled):
        article = split_articles(document_from_bytes(page.encode(), "page.html").text)[0]
        assert article.publication == "某某新闻网"


def test_a_pdf_title_over_two_lines_loses_the_spaces_between_chinese_words():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 22)
    c.drawString(50, 760, "某县 “三个一批”项目 ")
    c.drawString(50, 730, "进展顺利 推动 5G Pro 应用")
    c.setFont("STSong-Light", 10)
    y = 690
    for line in ("某县今年以来推进“三个一批”项目建设，新开工项目32个，完成投资", "45亿元，同比增长12%，各项工作进展顺利。"):
        c.drawString(50, y, line)
        y -= 15
    c.save()
    article = split_articles(document_from_bytes(out.getvalue(), "page.pdf").text)[0]
    assert article.title == "某县“三个一批”项目进展顺利推动5G Pro应用"


def test_a_documents_signature_date_and_issuer_are_not_its_title():
    page = ("某县2022年国民经济和社会发展统计公报\n\n某县统计局\n\n2023年3月1日\n\n"
            "2022年，全县生产总值达到120亿元，比上年增长5%。\n")
    (article,) = split_articles(page)
    assert article.title == "某县2022年国民经济和社会发展统计公报"
    assert article.date == "2023-03-01"
    assert "2023年3月1日" not in article.text


def test_a_date_inside_a_sentence_is_not_a_dateline():
    page = "# 某县召开会议\n\n2023年3月1日，某县召开会议，部署全年工作。\n"
    assert split_articles(page)[0].date is None


def test_a_masthead_over_several_lines_with_its_pinyin_name():
    page = ("某城日报\n\nMOUCHENG RIBAO\n\n2023年5月9日\n\n星期二\n\n第4版\n\n某县新增企业\n\n"
            "本报讯 某县今年新增企业120家。\n")
    (article,) = split_articles(page)
    assert (article.title, article.publication, article.date, article.page) == ("某县新增企业", "某城日报", "2023-05-09", "4")
    assert "RIBAO" not in article.original


def test_a_news_flash_label_is_not_a_publication():
    page = "# 甲\n\n某地快讯 某县新增企业120家。\n\n# 乙\n\n某城日报讯 某区道路改造工程完工。\n"
    assert [a.publication for a in split_articles(page)] == ["某城日报", "某城日报"]


def _pdf_with_heads(heads: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    stories = [("甲县道路改造完工", "本报讯 甲县道路改造工程近日完工，全长3公里，总投资1.2亿元。"),
               ("乙区新增企业", "本报讯 乙区今年新增企业120家，同比增长12%，带动就业两千人。")]
    for head, (title, body) in zip(heads, stories):
        c.setFont("STSong-Light", 9)
        c.drawString(50, 800, head)
        c.setFont("STSong-Light", 16)
        c.drawString(50, 760, title)
        c.setFont("STSong-Light", 10)
        c.drawString(50, 730, body)
        c.drawString(50, 715, "各项工作正在有序推进之中，相关部门表示将继续加大力度。")
        c.drawString(50, 100, f"某地新闻 {len(title)}")  # a foot line of its own on each page
        c.showPage()
    c.save()
    return out.getvalue()


def test_a_pdfs_running_masthead_with_one_page_number_gives_it():
    text = document_from_bytes(_pdf_with_heads(["某城日报 2023年5月9日 第4版"] * 2), "p.pdf").text
    assert {(a.publication, a.date, a.page) for a in split_articles(text)} == {("某城日报", "2023-05-09", "4")}


def test_a_pdfs_running_masthead_with_changing_page_numbers_gives_no_page():
    heads = ["某城日报 2023年5月9日 第1版", "某城日报 2023年5月9日 第2版"]
    articles = split_articles(document_from_bytes(_pdf_with_heads(heads), "p.pdf").text)
    assert len(articles) == 2
    assert {(a.publication, a.date, a.page) for a in articles} == {("某城日报", "2023-05-09", "")}
