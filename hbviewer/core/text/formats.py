"""Reading Word, web-page, PDF and ZIP files into page text the splitter understands.

Each reader returns a :class:`~hbviewer.core.text.reading.DecodedText` whose text has
the form :func:`hbviewer.core.text.articles.split_articles` reads from a text file:
paragraphs separated by blank lines, ``#``/``##`` lines where an article starts,
and ``日期:`` / ``来源:`` lines for what the page says about itself. Every
refusal is an :class:`~hbviewer.core.text.reading.UnreadableFile` with a message a
non-programmer can act on.

python-docx, trafilatura and pdfminer.six are imported inside the functions that
need them: together they take about half a second to import, which the window's
start-up should not pay for files it may never be given.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import statistics
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Iterator

from .reading import (
    DEFAULT_MAX_BYTES, TEXT_SUFFIXES, DecodedText, UnreadableFile, check_file, check_size, decode_bytes,
    os_error, read_file_bytes, text_from_bytes,
)
from .textnorm import to_display

DOCX_SUFFIXES = (".docx",)
HTML_SUFFIXES = (".html", ".htm", ".shtml")
PDF_SUFFIXES = (".pdf",)
ARCHIVE_SUFFIXES = (".zip",)
DOCUMENT_SUFFIXES = DOCX_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
IMPORTABLE_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES + ARCHIVE_SUFFIXES

# An archive may unpack to at most this many times the one-file limit in all:
# a few kilobytes of ZIP can claim gigabytes (a "zip bomb").
ARCHIVE_TOTAL_FACTOR = 10

# What ends a sentence, so a line ending in it may end a paragraph. Not ；or ：
# (a clause or a list goes on), which often end a line at a page break.
_SENTENCE_END = set("。！？!?…")
_CLOSERS = set("”’」』）)】\"'")
_CJK = r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
# A space pdfminer inferred from a gap between characters (written here as
# \x00): next to a Chinese character it is letter-spacing or the gap a font
# change leaves (2023 年, 比 重 为), not a space in the text.
_SOFT_SPACE_BY_CJK = re.compile(rf"(?<={_CJK})\x00+|\x00+(?={_CJK})")
_SPACES = re.compile(r"[ \t\u00a0]+")


def is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read one file by its suffix (.docx, .html/.htm/.shtml, .pdf; text otherwise)."""
    p = Path(path)
    return document_from_bytes(read_file_bytes(p, max_bytes), p.name or str(p), max_bytes)


def document_from_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read the bytes of a file named ``name`` by its suffix, or raise UnreadableFile."""
    lower = name.lower()
    if not data:
        raise UnreadableFile("empty", f"{name} is empty: there is nothing to import.")
    if lower.endswith(DOCX_SUFFIXES):
        text, encoding = read_docx(data, name, max_bytes), "docx"
    elif lower.endswith(HTML_SUFFIXES):
        text, encoding = read_html(data, name)
    elif lower.endswith(PDF_SUFFIXES):
        text, encoding = read_pdf(data, name), "pdf"
    else:
        return text_from_bytes(data, name)
    display = to_display(text).strip()
    if not display:
        raise UnreadableFile("empty", f"{name} contains no text: there is nothing to import.")
    return DecodedText(display + "\n", encoding, len(data), hashlib.sha256(data).hexdigest())


def _paragraphs(paras: list[str]) -> str:
    return "\n\n".join(p for p in paras if p.strip())


def _body(text: str) -> str:
    # Statistics tables mark "of which" rows with # (#城镇): a leading # would
    # read as a Markdown heading and start a new article.
    return "\uff03" + text[1:] if text.startswith("#") else text


# --------------------------------------------------------------------------- Word (.docx)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _check_zip_sizes(zf: zipfile.ZipFile, name: str, max_bytes: int) -> None:
    total = sum(info.file_size for info in zf.infolist())
    if total > ARCHIVE_TOTAL_FACTOR * max_bytes:
        raise UnreadableFile(
            "too_large", f"{name} unpacks to {total / 1048576:.0f} MB, more than hbviewer reads "
            f"from one file ({ARCHIVE_TOTAL_FACTOR * max_bytes / 1048576:.0f} MB).")


def read_docx(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Paragraphs and tables of a Word document in page order, headings as ``#`` lines."""
    if data.startswith(_OLE_MAGIC):
        # Word saves password-protected documents in the old container format,
        # which is also what a renamed .doc file looks like.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableFile(
                "encrypted", f"{name} is protected by a password. Open it in Word, remove the "
                "password (File → Info → Protect Document), save it and import it again.")
        raise UnreadableFile(
            "old_format", f"{name} is an old-style Word document (.doc) with a .docx name. "
            "Open it in Word, save it as .docx and import it again.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_zip_sizes(zf, name, max_bytes)
    except zipfile.BadZipFile:
        raise _damaged(name, "Word document") from None
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paras: list[str] = []
        _docx_blocks(body, document, paras, qn, Paragraph)
        if not any(p.startswith("# ") for p in paras):
            paras = _docx_title(document, paras)
    except UnreadableFile:
        raise
    except Exception:  # python-docx raises many kinds of error on a broken package
        raise _damaged(name, "Word document") from None
    return _paragraphs(paras)


def _docx_title(document, paras: list[str]) -> list[str]:
    """Without a heading style, the paragraphs in large type that open the document are its title.

    Government reports and bulletins set the title in 18-24 pt over a body of
    12-16 pt; as a heading it starts the article.
    """
    sizes = []
    for para in document.paragraphs[:400]:
        size = _docx_size(para)
        text = para.text.strip()
        if text:
            sizes.append((size, text))
    body = [size for size, text in sizes if size and len(text) >= 30]
    if not body:
        return paras
    usual = statistics.median(body)
    title = []
    for size, text in sizes[:3]:
        if not size or size < 1.2 * usual or len(text) > 60 or _ends_sentence(text):
            break
        title.append(text)
    if not title or paras[:len(title)] != [_body(t) for t in title]:
        return paras
    return ["# " + " ".join(title)] + paras[len(title):]


def _docx_size(para) -> float | None:
    """The largest type size (pt) of a paragraph's text, from its runs or its style."""
    sizes = [run.font.size.pt for run in para.runs if run.text.strip() and run.font.size]
    if sizes:
        return max(sizes)
    try:
        style = para.style
    except Exception:
        return None
    for _ in range(10):
        if style is None:
            return None
        if style.font.size:
            return style.font.size.pt
        style = style.base_style
    return None


def _damaged(name: str, kind: str) -> UnreadableFile:
    return UnreadableFile(
        "corrupt", f"{name} could not be read as a {kind}: the file is damaged, incomplete or "
        "not really of that type. Open it in the program that made it, save it again and import "
        "the new copy.")


def _docx_blocks(parent, document, out: list[str], qn, Paragraph) -> None:
    # Walk the XML rather than document.paragraphs so that tables keep their
    # place between paragraphs and content controls (w:sdt) are not skipped.
    for child in parent.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            para = Paragraph(child, document)
            text = para.text.strip()
            if not text:
                continue
            level = _heading_level(para, qn)
            if level in (1, 2):
                out.append("#" * level + " " + _SPACES.sub(" ", text.replace("\n", " ")))
            else:
                out.append(_body(text))
        elif tag == qn("w:tbl"):
            out.extend(_docx_table_rows(child, document, qn, Paragraph))
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _docx_blocks(content, document, out, qn, Paragraph)


def _heading_level(para, qn) -> int | None:
    """1 for Title and Heading 1 (also localised 标题 1), 2 for Heading 2; outline levels too."""
    try:
        style = para.style
    except Exception:  # a style id that the styles part does not define
        style = None
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").strip()
        if name.lower() in ("title", "标题"):
            return 1
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element, qn)
        if level is not None:
            return level
        style, seen = style.base_style, seen + 1
    return _outline_level(para._p, qn)


def _outline_level(element, qn) -> int | None:
    ppr = element.find(qn("w:pPr"))
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if lvl is None:
        return None
    try:
        value = int(lvl.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value < 9 else None  # 9 is "body text"


def _docx_table_rows(tbl, document, qn, Paragraph) -> list[str]:
    # Rows become paragraphs with their cells separated by an ideographic space.
    # A cell merged over several columns is one w:tc, and the continuation of a
    # vertical merge is an empty one, so nothing is repeated.
    rows = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            texts = [Paragraph(p, document).text for p in tc.iter(qn("w:p"))]
            cell = _SPACES.sub(" ", " ".join(t.strip() for t in texts if t.strip())).strip()
            if cell:
                cells.append(cell)
        if cells:
            rows.append(_body("\u3000".join(cells)))
    return rows


# --------------------------------------------------------------------------- web pages (.html)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"(?:来源|來源|稿源|信息来源|文章来源)\s*[:：]\s*([^\s|｜/]{2,30})")
_DATE_LINE = re.compile(r"(?:日期|时间|時間|发布时间|發佈時間|发布日期|更新时间|成文日期)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# Lines about the page rather than the story: its date and source are taken
# into the 日期:/来源: lines at the top, the rest is boilerplate.
_PAGE_META_LINE = re.compile(
    r"^(?:来源|來源|稿源|更新时间|更新時間|发布时间|發佈時間|发布日期|日期|时间|責任編輯|责任编辑|编辑|編輯"
    r"|点击|點擊|浏览|阅读|字号|分享到|视频简介|内容简介)\s*[:：]")
_TITLE_TAG = re.compile(r"^\s*(?:\[[^\]]{1,4}\]|【[^】]{1,4}】)\s*")
_TITLE_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜-]\s*[^_|｜-]{1,20}){1,3}\s*$")
# Chinese government sites carry these (the national web-site guidelines name them).
_META_TITLE = ("articletitle", "og:title", "twitter:title", "title")
_META_DATE = ("pubdate", "publishdate", "article:published_time", "og:release_date", "firstpublishedtime",
              "publish_date", "date")


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    charset = m.group(1).decode("ascii", "replace").lower()
    # Pages that say gb2312 or gbk use characters only GB18030 (their superset) names.
    return {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}.get(charset, charset)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """The page as text: by its byte-order mark, its declared charset, or detection."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                break
    charset = _declared_charset(data)
    if charset:
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode_bytes(data, name)


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """The article of a web page, without navigation and scripts; title, date and source first."""
    html, encoding = decode_html(data, name)
    # lxml refuses a decoded string that still declares its encoding.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        raise UnreadableFile("empty", f"{name} contains only blank space: there is nothing to import.")
    try:
        import lxml.html
        import trafilatura

        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:
        raise _damaged(name, "web page") from None
    metas = _html_metas(tree)
    body, found = "", None
    for recall in (False, True):
        try:
            found = trafilatura.bare_extraction(
                html, config=_trafilatura_config(), with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, include_links=False, deduplicate=False, favor_recall=recall,
                # The exhaustive date search runs dateparser over every locale (0.2 s a
                # page); the page's own date line and meta tags are read first anyway.
                date_extraction_params={"extensive_search": False, "original_date": True})
        except Exception:  # a page trafilatura cannot handle: try again, then give up
            found = None
        if found is not None:
            body = (getattr(found, "text", None) or "").strip()
            if body:
                break
    if not body:
        raise UnreadableFile(
            "no_text", f"{name}: no article text was found in this web page (it may be only a "
            "list of links, or fill its text in with scripts).")
    page_text = " ".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))
    title = _first(metas, ("articletitle",)) or getattr(found, "title", None) or _first(metas, _META_TITLE)
    if not title:
        titles = tree.xpath("//title/text()")
        title = titles[0] if titles else ""
    title = _clean_title(title or "")
    date = _page_date(metas, found, page_text)
    source = _first(metas, ("contentsource", "source"))
    if not source:
        m = _SOURCE_LINE.search(page_text)
        source = m.group(1) if m else (_first(metas, ("og:site_name", "sitename"))
                                       or getattr(found, "sitename", None) or "")
    head = []
    if title:
        head.append("# " + title)
    if date:
        head.append("日期:" + date)
    if source:
        head.append("来源:" + source.strip())
    paras = [_body(_SPACES.sub(" ", line).strip()) for line in body.split("\n")
             if not _PAGE_META_LINE.match(line.strip())]
    return _paragraphs(head + paras), encoding.replace("big5hkscs", "big5")


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    # A news page of two sentences is common here (a TV story's summary); by
    # default trafilatura wants 250 characters before it trusts its main-text
    # extraction and otherwise falls back to one that keeps the page's menus.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    return config


def _html_metas(tree) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    return metas


def _first(metas: dict[str, str], keys) -> str:
    return next((metas[k] for k in keys if metas.get(k)), "")


def _clean_title(title: str) -> str:
    title = _SPACES.sub(" ", title).strip()
    title = _TITLE_TAG.sub("", title)  # [视频] 【图文】: a label, not part of the headline
    shorter = _TITLE_SITE_SUFFIX.sub("", title)  # 标题_新闻_央视网(cctv.com)
    return shorter if len(shorter) >= 6 else title


def _page_date(metas: dict[str, str], found, page_text: str) -> str:
    # The page's own 日期:/发布时间: line first: a date worked out from the page
    # (trafilatura's guess) can be the date a site template was changed.
    m = _DATE_LINE.search(page_text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    for raw in (_first(metas, _META_DATE), getattr(found, "date", None) or ""):
        m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", raw)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


# --------------------------------------------------------------------------- PDF

_PAGE_NUMBER = re.compile(
    r"^[-—–_·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_·•\s]*$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float
    block: int = 0  # the column (or page) the line was read in
    row: bool = False  # a table row: cells of one line, never joined to another line
    unmapped: bool = False  # had characters pdfminer could only give as (cid:N)

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


def read_pdf(data: bytes, name: str) -> str:
    """The text layer of a PDF, in reading order, as paragraphs; running heads left out."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    # boxes_flow=None skips pdfminer's own box ordering: the order is worked
    # out below from the lines, which also keeps table rows together.
    params = LAParams(boxes_flow=None)
    pages: list[list[_Line]] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=params):
            pages.append(_page_lines(page))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UnreadableFile(
            "encrypted", f"{name} is protected by a password. Open it, save or print it to a PDF "
            "without a password and import that copy.") from None
    except Exception as exc:  # pdfminer raises many kinds of error on a damaged file
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise UnreadableFile(
                "encrypted", f"{name} is protected by a password. Open it, save or print it to a "
                "PDF without a password and import that copy.") from None
        raise _damaged(name, "PDF file") from None
    if not pages:
        raise _damaged(name, "PDF file")
    if not any(line.text for lines in pages for line in lines):
        if any(line.unmapped for lines in pages for line in lines):
            raise UnreadableFile(
                "unmapped_text", f"{name} has text, but its fonts do not say which characters they "
                "draw, so the text cannot be read out. Open it in a PDF reader and print it to a new "
                "PDF, or copy the text into a .txt file, and import that.")
        raise UnreadableFile(
            "no_text_layer", f"{name} has no text layer (it is a scanned image); hbviewer does not "
            "read text in images.")
    for lines in pages:
        lines[:] = [ln for ln in lines if ln.text]
    _drop_running_heads(pages)
    ordered: list[_Line] = []
    next_block = 0
    head: list[str] = []
    for number, lines in enumerate(pages):
        page_lines = _order(lines)
        if number == 0:
            head, page_lines = _pdf_title(page_lines)
        blocks = {}
        for line in page_lines:
            line.block = blocks.setdefault(line.block, next_block + len(blocks))
        next_block += len(blocks) + 1
        ordered.extend(page_lines)
    return _paragraphs(head + _join_lines(ordered))


def _pdf_title(lines: list[_Line]) -> tuple[list[str], list[_Line]]:
    """The document's title: the lines in large type that open the first page.

    A bulletin or report prints its title well above the body size; as a
    heading it starts the article, instead of being taken for a headline
    printed away from its story.
    """
    body = [ln.height for ln in lines if not ln.row and _letters(ln.text) >= 10]
    if not body:
        return [], lines
    size = statistics.median(body)
    n = 0
    while (n < min(3, len(lines)) and not lines[n].row and lines[n].height >= 1.3 * size
           and len(lines[n].text) <= 60 and not _ends_sentence(lines[n].text)):
        n += 1
    if not n:
        return [], lines
    return ["# " + "".join(ln.text for ln in lines[:n])], lines[n:]


def _page_lines(page) -> list[_Line]:
    from pdfminer.layout import LTAnno, LTTextBox, LTTextLineHorizontal

    height = page.height
    lines = []

    def visit(obj):
        for child in obj:
            if isinstance(child, LTTextLineHorizontal):
                text = "".join("\x00" if isinstance(ch, LTAnno) and ch.get_text() == " " else ch.get_text()
                               for ch in child)
                unmapped = bool(_CID.search(text))
                text = _SOFT_SPACE_BY_CJK.sub("", _CID.sub("", text)).replace("\x00", " ")
                text = _SPACES.sub(" ", text.strip())
                if text or unmapped:
                    lines.append(_Line(text, child.x0, child.x1, height - child.y1, height - child.y0,
                                       unmapped=unmapped))
            elif isinstance(child, LTTextBox):
                visit(child)

    visit(page)
    return lines


def _head_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running_heads(pages: list[list[_Line]]) -> None:
    """Remove page numbers and the lines most pages repeat at their top or bottom."""
    zones = []
    for lines in pages:
        by_top = sorted(lines, key=lambda ln: ln.top)
        zones.append((by_top[:2], by_top[-2:][::-1]))
    need = max(2, (len(pages) + 1) // 2)
    repeated = set()
    for end in (0, 1):
        counts = Counter(k for zone in zones for k in {_head_key(ln.text) for ln in zone[end]})
        repeated |= {(end, k) for k, n in counts.items() if n >= need}
    for lines, zone in zip(pages, zones):
        drop = set()
        for end in (0, 1):
            for i, ln in enumerate(zone[end]):
                # A bare number repeated at the foot of pages can be the last cell of
                # a table running over them: only page numbers and lines with words go.
                if (end, _head_key(ln.text)) in repeated and (
                        _letters(ln.text) or _PAGE_NUMBER.match(ln.text)):
                    drop.add(id(ln))
                elif i == 0 and _PAGE_NUMBER.match(ln.text):
                    drop.add(id(ln))
        lines[:] = [ln for ln in lines if id(ln) not in drop]


def _bands(lines: list[_Line]) -> list[list[_Line]]:
    """Lines side by side (overlapping vertically), top to bottom."""
    bands: list[list[_Line]] = []
    bottom = None
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        middle = (ln.top + ln.bottom) / 2
        if bands and middle < bottom:
            bands[-1].append(ln)
            bottom = max(bottom, ln.bottom - 0.3 * ln.height)
        else:
            bands.append([ln])
            bottom = ln.bottom - 0.3 * ln.height
    for band in bands:
        band.sort(key=lambda ln: ln.x0)
    return bands


def _x_gaps(lines: list[_Line], minimum: float) -> list[tuple[float, float]]:
    """The vertical channels of white space between the lines, at least ``minimum`` wide."""
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    gaps = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= minimum:
            gaps.append((right, x0))
        right = max(right, x1)
    return gaps


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _prose_column(lines: list[_Line]) -> bool:
    """Running text fills its column; table cells (figures, labels) do not."""
    if len(lines) < 2:
        return False
    left = min(ln.x0 for ln in lines)
    width = max(ln.x1 for ln in lines) - left
    return (statistics.median(_letters(ln.text) for ln in lines) >= 6
            and statistics.median(ln.x1 - ln.x0 for ln in lines) >= 0.5 * width)


def _order(lines: list[_Line], block: int = 0, counter: list[int] | None = None) -> list[_Line]:
    """Lines in reading order: columns one after the other, table rows as rows."""
    if not lines:
        return []
    counter = [block] if counter is None else counter  # numbers the columns found
    min_gap = max(6.0, 0.8 * statistics.median(ln.height for ln in lines))
    out: list[_Line] = []
    run: list[_Line] = []
    for band in _bands(lines):
        # Bands that leave a common vertical channel belong together: columns
        # of running text, or the rows of a table.
        if run and _x_gaps(run + band, min_gap):
            run += band
        else:
            out += _emit_run(run, min_gap, counter, block)
            run = list(band)
    out += _emit_run(run, min_gap, counter, block)
    return out


def _emit_run(run: list[_Line], min_gap: float, counter: list[int], block: int) -> list[_Line]:
    if not run:
        return []
    gaps = _x_gaps(run, min_gap)
    if not gaps:
        for ln in run:
            ln.block = block
        return sorted(run, key=lambda ln: (ln.top, ln.x0))
    columns: list[list[_Line]] = [[] for _ in range(len(gaps) + 1)]
    for ln in run:
        columns[sum(1 for g in gaps if ln.x0 >= g[1])].append(ln)
    if all(_prose_column(c) for c in columns):
        out = []
        for column in columns:
            counter[0] += 1
            out += _order(column, counter[0], counter)
        return out
    out = []
    for band in _bands(run):
        cells = _cells(band, min_gap)
        text = cells[0][2]
        for (_, prev_x1, prev_text), (x0, _, cell) in zip(cells, cells[1:]):
            # Letter-spaced words (综 合, 鲜 菜) break into pieces of one character
            # a character or two apart; table cells are further apart or longer.
            close = x0 - prev_x1 < 2.5 * band[0].height and min(len(prev_text), len(cell)) == 1
            text += "" if close and re.match(_CJK, prev_text[-1]) and re.match(_CJK, cell[0]) else "\u3000"
            text += cell
        out.append(_Line(text, min(ln.x0 for ln in band), max(ln.x1 for ln in band),
                         min(ln.top for ln in band), max(ln.bottom for ln in band),
                         block, row=len(cells) > 1))
    return out


def _cells(band: list[_Line], min_gap: float) -> list[tuple[float, float, str]]:
    cells: list[tuple[float, float, str]] = []
    for ln in sorted(band, key=lambda ln: ln.x0):
        if cells and ln.x0 - cells[-1][1] < min_gap:
            x0, x1, text = cells[-1]
            cells[-1] = (x0, max(x1, ln.x1), text + ln.text)
        else:
            cells.append((ln.x0, ln.x1, ln.text))
    return cells


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in _SENTENCE_END


def _join_lines(lines: list[_Line]) -> list[str]:
    """Lines into paragraphs: a line continues the one before unless something says otherwise.

    Inside a column the page shows where a paragraph ends: a line that stops
    short of the right margin, an indented first line, a wider gap, another
    type size. Across a column or page break only the text can tell: a line
    that ends without sentence-final punctuation continues on the next.
    """
    margins = _block_margins(lines)
    paras: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        if prev is not None and _continues(prev, ln, margins):
            joiner = " " if re.match(r"[A-Za-z0-9]", prev.text[-1]) and re.match(r"[A-Za-z0-9]", ln.text[0]) else ""
            paras[-1] += joiner + ln.text
        else:
            paras.append(ln.text)
        prev = ln
    paras = [_body(p) for p in paras]
    return paras


def _block_margins(lines: list[_Line]) -> dict[int, tuple[float, float, float]]:
    """Per block: left margin, right margin and the usual distance from line to line."""
    by_block: dict[int, list[_Line]] = {}
    for ln in lines:
        if not ln.row:
            by_block.setdefault(ln.block, []).append(ln)
    margins = {}
    for block, members in by_block.items():
        lefts = sorted(ln.x0 for ln in members)
        rights = sorted(ln.x1 for ln in members)
        steps = [b.top - a.top for a, b in zip(members, members[1:]) if b.top > a.top]
        step = statistics.median(steps) if steps else 2 * statistics.median(ln.height for ln in members)
        margins[block] = (lefts[len(lefts) // 5], rights[(len(rights) * 3) // 4], step)
    return margins


def _continues(prev: _Line, ln: _Line, margins) -> bool:
    if prev.row or ln.row:
        return False
    if ln.block not in margins or prev.block not in margins:
        return not _ends_sentence(prev.text)
    left, _, _ = margins[ln.block]
    _, right, step = margins[prev.block]
    size = prev.height
    indented = ln.x0 > left + 0.8 * ln.height
    if indented:
        return False
    if prev.x1 < right - 1.5 * size:
        # A line that stops short ends its paragraph, unless it stops a few
        # characters short without finishing a sentence: a number or a word
        # that did not fit went to the next line.
        if _ends_sentence(prev.text) or prev.x1 < right - 5 * size:
            return False
    if prev.block != ln.block or ln.top < prev.top:  # a new column or page
        return not _ends_sentence(prev.text)
    if ln.top - prev.top > 1.6 * step or abs(ln.height - prev.height) > 0.25 * prev.height:
        return False
    return True


# --------------------------------------------------------------------------- ZIP archives


@dataclass
class ArchiveMember:
    """One importable file inside an archive: its data, or why it cannot be had."""

    name: str  # the member's path inside the archive, decoded
    data: bytes = b""
    error: UnreadableFile | None = None


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names written without the UTF-8 flag are tried as UTF-8, then GBK.

    zipfile decodes such names as cp437, the DOS code page; Chinese Windows
    writes them in GBK, and some tools write UTF-8 without setting the flag.
    """
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            return name
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return name


def _clean_member_path(name: str) -> str:
    # Never used to write anything, but shown and stored: no "..", no leading "/".
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return str(PurePosixPath(*parts)) if parts else ""


def iter_archive(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArchiveMember]:
    """The importable members of a ZIP archive, read in memory one at a time.

    Raises :class:`UnreadableFile` for an archive that cannot be opened at all;
    a member that cannot be read comes with its ``error``. Members of other
    types, folders and nested archives are skipped. Each member may unpack to
    ``max_bytes``, all of them together to ten times that.
    """
    p = Path(path)
    name = p.name or str(p)
    try:
        check_file(p, ARCHIVE_TOTAL_FACTOR * max_bytes)
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise _damaged(name, "ZIP archive") from None
    except OSError as exc:
        raise os_error(name, exc) from None
    with zf:
        budget = ARCHIVE_TOTAL_FACTOR * max_bytes
        for info in zf.infolist():
            inner = _clean_member_path(member_name(info))
            base = inner.rsplit("/", 1)[-1]
            if (info.is_dir() or not inner or base.startswith(".") or inner.startswith("__MACOSX/")
                    or not base.lower().endswith(TEXT_SUFFIXES + DOCUMENT_SUFFIXES)):
                continue
            label = f"{name}!/{inner}"
            if info.flag_bits & 0x1:
                yield ArchiveMember(inner, error=UnreadableFile(
                    "encrypted", f"{label} is protected by a password in the archive. Unpack the "
                    "archive with its password and import the files."))
                continue
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                yield ArchiveMember(inner, error=UnreadableFile(
                    "unsupported", f"{label} is packed with a compression method hbviewer does not "
                    "read. Unpack the archive and import the files."))
                continue
            try:
                check_size(label, info.file_size, max_bytes)
            except UnreadableFile as exc:
                yield ArchiveMember(inner, error=exc)
                continue
            if info.file_size > budget:
                yield ArchiveMember(inner, error=UnreadableFile(
                    "too_large", f"{label}: the archive unpacks to more than "
                    f"{ARCHIVE_TOTAL_FACTOR * max_bytes / 1048576:.0f} MB; the files after this one "
                    "were not read. Unpack the archive and import its folders."))
                return
            try:
                data = _read_member(zf, info, label, max_bytes)
            except UnreadableFile as exc:
                yield ArchiveMember(inner, error=exc)
                continue
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError,
                    RuntimeError, zlib.error):
                yield ArchiveMember(inner, error=_damaged(label, "file in the archive"))
                continue
            budget -= len(data)
            yield ArchiveMember(inner, data=data)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, max_bytes: int) -> bytes:
    # The size in the archive's directory can lie: count what really comes out.
    chunks, total = [], 0
    with zf.open(info) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                check_size(label, total, max_bytes)
            chunks.append(chunk)
    return b"".join(chunks)
