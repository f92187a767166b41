"""Word, web-page, PDF and ZIP files: each reader gives page text the splitter reads right.

Every fixture is made here (python-docx, reportlab, zipfile), so the tests need
nothing outside the repository.
"""

import io
import subprocess
import sys
import zipfile

import pytest

from hbviewer.core.text.articles import split_articles
from hbviewer.core.extract.figures import extract_figures
from hbviewer.core.text.formats import document_from_bytes, member_name, read_document
from hbviewer.core.importer import collect_files, import_file, import_paths
from hbviewer.core.text.reading import UnreadableFile

# --------------------------------------------------------------------------- fixtures

STORY_1 = [
    "本报讯（记者 王璐）今年以来，我省深入实施创新驱动发展战略，全省高新技术企业达到1.3万家，"
    "比上年增长12.5%，技术合同成交额突破1200亿元。",
    "省科技厅有关负责人介绍，全省研发经费投入强度达到2.1%，科技创新能力持续增强。",
]
STORY_2 = [
    "本报讯（记者 李明）张家口市加快发展冰雪产业，全市冰雪产业营业收入达到120亿元，"
    "同比增长18.6%，带动就业3.2万人。",
    "崇礼区新建滑雪场3家，接待游客450万人次。",
]
TABLE = [("指标", "数值", "增长"), ("技术合同成交额", "1200亿元", "增长15.2%"),
         ("研发经费投入", "850亿元", "增长8.1%")]


def make_docx(*, heading_style: int = 1) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_heading("河北高新技术企业突破1.3万家", level=heading_style)
    for para in STORY_1:
        doc.add_paragraph(para)
    table = doc.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    doc.add_paragraph("#其中：企业研发投入680亿元。")
    doc.add_heading("张家口冰雪产业营业收入达120亿元", level=heading_style)
    for para in STORY_2:
        doc.add_paragraph(para)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


PAGE = """<!DOCTYPE html>
<html><head>
<meta {charset}>
<title>河北高新技术企业突破1.3万家_河北新闻网</title>
<script>var ad = "脚本里的广告文字"; document.write("<p>脚本写出的段落</p>");</script>
<style>.nav {{ color: red }}</style>
</head><body>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/gov">政务公开</a></li><li><a href="/about">网站地图</a></li></ul></nav>
<div class="article">
<h1>河北高新技术企业突破1.3万家</h1>
<div class="info">来源：河北日报　　发布时间：2024-03-05 09:30</div>
<div class="content">
<p>{p1}</p>
<p>{p2}</p>
<p>雄安新区新增科技型中小企业860家，京津冀协同创新共同体建设加快推进。</p>
</div></div>
<footer><p>版权所有 河北新闻网 冀ICP备00000000号</p><a href="/contact">联系我们</a></footer>
<script>console.log("页脚脚本");</script>
</body></html>
"""


def make_html(charset='charset="utf-8"') -> str:
    return PAGE.format(charset=charset, p1=STORY_1[0], p2=STORY_1[1])


def make_pdf(pages: list[list[list[tuple[str, str]]]], *, header: str | None = "河北日报　2024年3月5日　星期二",
             encrypt: str | None = None) -> bytes:
    """Pages of columns; a column is a list of (kind, text): 'title' or 'para'.

    Paragraphs are broken into lines at a fixed width, mid-sentence and
    mid-word, the way a typeset page breaks them; first lines are indented.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    kwargs = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(encrypt, ownerPassword="owner-" + encrypt)
    c = canvas.Canvas(out, pagesize=A4, **kwargs)
    width, height = A4
    for number, columns in enumerate(pages, start=1):
        if header:
            c.setFont("STSong-Light", 9)
            c.drawString(50, height - 40, header)
        c.setFont("STSong-Light", 9)
        c.drawCentredString(width / 2, 30, f"- {number} -")
        col_width = (width - 100 - 30) / len(columns)
        for i, column in enumerate(columns):
            x = 50 + i * (col_width + 30)
            y = height - 80
            for kind, text in column:
                if kind == "title":
                    c.setFont("STSong-Light", 16)
                    c.drawString(x, y, text)
                    y -= 28
                    continue
                c.setFont("STSong-Light", 10)
                for j, line in enumerate(_fit(text, col_width, indent=20)):
                    c.drawString(x + (20 if j == 0 else 0), y, line)
                    y -= 15
                y -= 4
        c.showPage()
    c.save()
    return out.getvalue()


def _fit(text: str, width: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for ch in text:
        room = width - (indent if not lines else 0)
        if stringWidth(line + ch, "STSong-Light", 10) > room:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


def make_image_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (200, 100), "white")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawImage(ImageReader(image), 100, 500, width=400, height=200)
    c.showPage()
    c.save()
    return out.getvalue()


def two_column_pdf() -> bytes:
    page1 = [[("title", "河北高新技术企业突破1.3万家"), *(("para", p) for p in STORY_1)],
             [("title", "张家口冰雪产业营业收入达120亿元"), *(("para", p) for p in STORY_2)]]
    page2 = [[("title", "雄安新区新增科技型中小企业860家"),
              ("para", "本报讯（记者 赵阳）雄安新区今年新增科技型中小企业860家，累计达到2300家，"
                       "入驻的高端创新要素持续集聚，新区创新生态不断完善。")]]
    return make_pdf([page1, page2])


def _figure_texts(text: str) -> set[str]:
    return {f.text for f in extract_figures(text)}


def _paras(text: str) -> list[str]:
    return text.strip().split("\n\n")


def _titles(articles) -> list[str]:
    return [a.title for a in articles]


# --------------------------------------------------------------------------- Word


def test_docx_headings_start_articles_and_tables_keep_their_figures():
    decoded = document_from_bytes(make_docx(), "page.docx")
    assert decoded.encoding == "docx"
    articles = split_articles(decoded.text)
    assert _titles(articles) == ["河北高新技术企业突破1.3万家", "张家口冰雪产业营业收入达120亿元"]
    first, second = articles
    assert STORY_1[1] in first.text and STORY_2[1] in second.text
    assert "技术合同成交额\u30001200亿元\u3000增长15.2%" in first.text  # the table row, in place
    assert {"1200亿元", "15.2%", "850亿元", "8.1%"} <= _figure_texts(first.text)
    # A leading # in the text is a character, not a heading.
    assert "＃其中：企业研发投入680亿元。" in first.text
    assert "120亿元" in _figure_texts(second.text)


def test_docx_title_and_heading_2_styles_count_as_headings():
    for level, marker in ((0, "# "), (2, "## ")):
        text = document_from_bytes(make_docx(heading_style=level), "page.docx").text
        assert marker + "河北高新技术企业突破1.3万家" in text.splitlines()
        assert len(split_articles(text)) == 2


def test_docx_heading_3_is_a_subhead_not_an_article():
    text = document_from_bytes(make_docx(heading_style=3), "page.docx").text
    assert "#" not in text.replace("＃", "")


# --------------------------------------------------------------------------- web pages


@pytest.mark.parametrize("encoding, charset", [
    ("utf-8", 'charset="utf-8"'),
    ("gbk", 'charset="gbk"'),
    ("gbk", 'http-equiv="Content-Type" content="text/html; charset=gb2312"'),
    ("gbk", 'name="viewport" content="width=device-width"'),  # no charset: detected
])
def test_html_article_without_scripts_or_navigation(encoding, charset):
    data = make_html(charset).encode(encoding)
    decoded = document_from_bytes(data, "page.shtml")
    text = decoded.text
    for junk in ("脚本", "首页", "新闻中心", "网站地图", "版权所有", "联系我们", "color"):
        assert junk not in text
    articles = split_articles(text)
    assert len(articles) == 1
    article = articles[0]
    assert article.title == "河北高新技术企业突破1.3万家"
    assert article.date == "2024-03-05"
    assert article.publication == "河北日报"
    assert STORY_1[0] in article.text and "雄安新区新增科技型中小企业860家" in article.text
    assert {"1.3万家", "12.5%", "1200亿元"} <= _figure_texts(article.text)


def test_xhtml_declaring_its_encoding_in_the_xml_declaration():
    page = '<?xml version="1.0" encoding="gbk"?>\n' + make_html('http-equiv="Content-Language" content="zh-CN"')
    decoded = document_from_bytes(page.encode("gbk"), "page.htm")
    assert decoded.encoding == "gb18030"
    assert STORY_1[1] in decoded.text


def test_html_meta_tags_give_title_date_and_source():
    page = ('<html><head><meta charset="utf-8"><title>首页</title>'
            '<meta name="ArticleTitle" content="石家庄市出台稳经济措施">'
            '<meta name="PubDate" content="2023-11-02 10:00">'
            '<meta name="ContentSource" content="石家庄市人民政府">'
            '</head><body><div><p>石家庄市近日出台稳经济一揽子措施，安排专项资金5亿元，'
            '支持企业技术改造和设备更新，预计带动投资超过50亿元。</p>'
            '<p>措施自发布之日起施行，有效期至2024年12月31日。</p></div></body></html>')
    article = split_articles(document_from_bytes(page.encode(), "notice.html").text)[0]
    assert (article.title, article.date, article.publication) == (
        "石家庄市出台稳经济措施", "2023-11-02", "石家庄市人民政府")
    assert "5亿元" in _figure_texts(article.text)


def test_html_without_article_text_is_refused_clearly():
    page = b"<html><head><title>x</title><script>var a = 1;</script></head><body><nav></nav></body></html>"
    with pytest.raises(UnreadableFile) as err:
        document_from_bytes(page, "empty.html")
    assert err.value.code in ("no_text", "empty") and "empty.html" in err.value.message


# --------------------------------------------------------------------------- PDF


def test_pdf_columns_read_in_order_lines_joined_and_running_heads_dropped():
    decoded = document_from_bytes(two_column_pdf(), "page.pdf")
    assert decoded.encoding == "pdf"
    text = decoded.text
    # The running head of every page is kept once, at the top, for what it says of the page.
    assert text.startswith("河北日报") and text.count("星期二") == 1
    assert "- 1 -" not in text and "- 2 -" not in text  # page numbers
    # Each paragraph, broken over several lines on the page, comes back whole.
    for para in STORY_1 + STORY_2:
        assert para in _paras(text)
    # The left column is read before the right one.
    assert text.index(STORY_1[1]) < text.index(STORY_2[0])
    articles = split_articles(text)
    assert _titles(articles) == ["河北高新技术企业突破1.3万家", "张家口冰雪产业营业收入达120亿元",
                                 "雄安新区新增科技型中小企业860家"]
    assert {"1.3万家", "12.5%", "1200亿元"} <= _figure_texts(articles[0].text)
    assert "860家" in _figure_texts(articles[2].text)
    assert {(a.publication, a.date) for a in articles} == {("河北日报", "2024-03-05")}
    assert not any("星期二" in a.text for a in articles)


def test_pdf_table_rows_stay_rows():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("STSong-Light", 10)
    y = 700
    c.drawString(70, y + 30, "全年全省规模以上工业增加值比上年增长7.5%。")
    for row in TABLE:
        for x, cell in zip((70, 260, 400), row):
            c.drawString(x, y, cell)
        y -= 18
    c.showPage()
    c.save()
    text = document_from_bytes(out.getvalue(), "table.pdf").text
    assert "技术合同成交额\u30001200亿元\u3000增长15.2%" in _paras(text)
    assert "研发经费投入\u3000850亿元\u3000增长8.1%" in _paras(text)


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(UnreadableFile) as err:
        document_from_bytes(make_image_pdf(), "scan.pdf")
    assert err.value.code == "no_text_layer"
    assert err.value.message == ("scan.pdf has no text layer (it is a scanned image); "
                                 "hbviewer does not read text in images.")


def test_password_protected_pdf_is_refused_clearly():
    data = make_pdf([[[("para", STORY_1[0])]]], encrypt="secret")
    with pytest.raises(UnreadableFile) as err:
        document_from_bytes(data, "locked.pdf")
    assert err.value.code == "encrypted" and "password" in err.value.message


# --------------------------------------------------------------------------- damaged files


@pytest.mark.parametrize("name, data", [
    ("broken.docx", b"PK\x03\x04 this is not a whole archive"),
    ("broken.docx", b"plain text with a .docx name"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"),
    ("broken.zip", b"PK\x05\x06 truncated"),
])
def test_damaged_files_fail_with_a_clear_message_and_change_nothing(library, tmp_path, name, data):
    good = tmp_path / "good.txt"
    good.write_text("# 衡水市科技局\n\n衡水市高新技术企业达到420家，比上年增长10.2%。", encoding="utf-8")
    import_paths(library, [good])
    before = library.article_count()
    bad = tmp_path / name
    bad.write_bytes(data)
    report = import_paths(library, [bad])
    [result] = report.files
    assert result.status == "failed"
    assert result.error_code == "corrupt"
    assert name in result.error and "damaged" in result.error
    assert "Traceback" not in result.error
    assert library.article_count() == before


def test_encrypted_word_document_is_refused_clearly():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(UnreadableFile) as err:
        document_from_bytes(data, "locked.docx")
    assert err.value.code == "encrypted" and "password" in err.value.message


# --------------------------------------------------------------------------- ZIP archives


def _zip(members: dict[str, bytes], gbk_names: bool = False) -> bytes:
    """A ZIP archive; with gbk_names, names are written in GBK without the UTF-8 flag,
    as Chinese Windows writes them."""
    out = io.BytesIO()
    placeholders = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, (name, data) in enumerate(members.items()):
            if gbk_names and not name.isascii():
                raw = name.encode("gbk")
                stand_in = f"{i:0{len(raw)}d}"  # same length, plain ASCII: patched below
                placeholders[stand_in.encode()] = raw
                name = stand_in
            zf.writestr(name, data)
    data = out.getvalue()
    for stand_in, raw in placeholders.items():
        assert data.count(stand_in) == 2  # local header and central directory
        data = data.replace(stand_in, raw)
    return data


def test_zip_members_are_imported_each_as_its_own_source(library, tmp_path):
    archive = tmp_path / "材料.zip"
    archive.write_bytes(_zip({
        "新闻/河北科技.txt": "# 河北科技创新\n\n全省技术合同成交额达到1200亿元，增长15.2%。".encode("gbk"),
        "2024/报告.docx": make_docx(),
        "2024/网页.html": make_html().encode("utf-8"),
        "2024/版面.pdf": two_column_pdf(),
        "图片.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
        "../../逃出去.txt": "# 路径\n\n这个文件只在内存里读取，石家庄投资50亿元。".encode("gbk"),
    }, gbk_names=True))
    seen = []
    report = import_paths(library, [tmp_path], progress=lambda done, total, name: seen.append(name))
    assert not report.failed, report.failed
    keys = {f.path.split("!/", 1)[1] for f in report.files}
    assert keys == {"新闻/河北科技.txt", "2024/报告.docx", "2024/网页.html", "2024/版面.pdf", "逃出去.txt"}
    assert all(f.path.startswith(str(archive.resolve()) + "!/") for f in report.files)
    assert all(f.status == "imported" and f.articles >= 1 for f in report.files)
    assert "材料.zip!/2024/报告.docx" in seen
    # Nothing was unpacked to disk, here or where ../../ would lead.
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("library.sqlite3")] == ["材料.zip"]
    assert not list(tmp_path.parent.rglob("逃出去.txt"))
    titles = {a.title for a in library.articles()}
    assert {"河北科技创新", "河北高新技术企业突破1.3万家", "张家口冰雪产业营业收入达120亿元"} <= titles
    # Figures of a table inside a Word file inside the archive are stored.
    article = next(a for a in library.articles() if a.title == "河北高新技术企业突破1.3万家")
    assert {"1200亿元", "15.2%"} <= {f.text for f in library.figures(article.id)}
    # Importing again finds every member unchanged.
    again = import_paths(library, [archive])
    assert {f.status for f in again.files} == {"unchanged"}


def test_zip_member_names_in_gbk_and_utf8():
    gbk = zipfile.ZipInfo("河北.txt".encode("gbk").decode("cp437"))
    assert member_name(gbk) == "河北.txt"
    utf8_without_flag = zipfile.ZipInfo("河北.txt".encode("utf-8").decode("cp437"))
    assert member_name(utf8_without_flag) == "河北.txt"
    flagged = zipfile.ZipInfo("河北.txt")
    flagged.flag_bits |= 0x800
    assert member_name(flagged) == "河北.txt"


def test_zip_bomb_limits(library, tmp_path):
    page = ("# 标题\n\n" + "河北省科技创新能力持续增强。" * 30).encode("utf-8")  # about 1.2 kB
    members = {"huge.txt": "河北".encode("utf-8") * 5000}  # one member over the limit for one file
    members.update({f"{i:02d}.txt": page.replace("标题".encode(), f"标题{i:02d}".encode()) for i in range(20)})
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(_zip(members))
    report = import_paths(library, [archive], max_bytes=2000)
    failed = {f.path.rsplit("!/", 1)[1]: f for f in report.failed}
    assert failed["huge.txt"].error_code == "too_large"
    imported = [f for f in report.files if f.status == "imported"]
    # 10 x 2000 bytes in all: members after the budget is spent are not read.
    assert 10 < len(imported) < 20
    assert any("unpacks to more than" in f.error for f in report.failed)


def test_zip_with_an_unreadable_member_imports_the_others(library, tmp_path):
    archive = tmp_path / "mixed.zip"
    archive.write_bytes(_zip({"broken.pdf": b"%PDF-1.4 nothing", "ok.txt": "# 好\n\n保定市投资30亿元。".encode()}))
    report = import_paths(library, [archive])
    by_name = {f.path.rsplit("!/", 1)[1]: f for f in report.files}
    assert by_name["broken.pdf"].status == "failed" and "mixed.zip!/broken.pdf" in by_name["broken.pdf"].error
    assert by_name["ok.txt"].status == "imported"
    summary = import_file(library, archive)
    assert summary.status in ("imported", "unchanged")


def test_cancel_between_zip_members_keeps_the_members_already_stored(library, tmp_path):
    archive = tmp_path / "three.zip"
    archive.write_bytes(_zip({f"{i}.txt": f"# 新闻{i}\n\n邯郸市第{i}批项目投资{i}0亿元。".encode() for i in (1, 2, 3)}))
    calls = []

    def should_stop():
        calls.append(1)
        return library.article_count() >= 1

    report = import_paths(library, [archive], should_stop=should_stop)
    assert report.cancelled
    assert library.article_count() == 1


def test_folders_take_the_new_types_and_skip_others(tmp_path):
    for name in ("a.docx", "b.pdf", "c.html", "d.htm", "e.shtml", "f.zip", "g.txt", "h.png", "i.doc", ".j.pdf"):
        (tmp_path / name).write_bytes(b"x")
    files, problems = collect_files([tmp_path])
    assert not problems
    assert sorted(p.name for p in files) == ["a.docx", "b.pdf", "c.html", "d.htm", "e.shtml", "f.zip", "g.txt"]


def test_read_document_reads_by_suffix(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(make_docx())
    assert read_document(path).text.startswith("# 河北高新技术企业突破1.3万家")
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(UnreadableFile) as err:
        read_document(tmp_path / "empty.pdf")
    assert err.value.code == "empty"


def test_start_up_does_not_import_the_document_libraries():
    code = ("import sys, hbviewer.cli, hbviewer.core.importer, hbviewer.core.text.formats;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('docx', 'pdfminer', 'trafilatura', 'lxml', 'reportlab', 'htmldate', 'justext')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_docx_title_in_large_type_is_the_heading():
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    for text, size in (("2025年衡水市政府工作报告", 22), ("来源：衡水日报", 14), *((p, 14) for p in STORY_1)):
        doc.add_paragraph().add_run(text).font.size = Pt(size)
    out = io.BytesIO()
    doc.save(out)
    text = document_from_bytes(out.getvalue(), "report.docx").text
    assert text.startswith("# 2025年衡水市政府工作报告\n")
    [article] = split_articles(text)
    assert (article.title, article.publication) == ("2025年衡水市政府工作报告", "衡水日报")
