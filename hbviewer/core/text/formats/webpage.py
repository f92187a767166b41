"""Web pages (.html, .htm, .shtml): the article without menus and scripts; title, date and source first.

The page is decoded by its byte-order mark, its declared charset or detection;
trafilatura finds the article, and the page's own meta tags and 日期:/来源:
lines give its title, date and source. lxml and trafilatura are imported only
when a page is read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..metadata import site_from_title
from ..reading import UnreadableFile, decode_bytes
from .common import SPACES, as_body, damaged, join_paragraphs

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
        raise damaged(name, "web page") from None
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
    site = _first(metas, ("og:site_name", "sitename")) or site_from_title(" ".join(tree.xpath("//title/text()")))
    title = _clean_title(title or "")
    date = _page_date(metas, found, page_text)
    source = _first(metas, ("contentsource", "source"))
    if not source:
        m = _SOURCE_LINE.search(page_text)
        source = m.group(1) if m else (site or getattr(found, "sitename", None) or "")
    head = []
    if title:
        head.append("# " + title)
    if date:
        head.append("日期:" + date)
    if source:
        head.append("来源:" + source.strip())
    paras = [as_body(SPACES.sub(" ", line).strip()) for line in body.split("\n")
             if not _PAGE_META_LINE.match(line.strip())]
    return join_paragraphs(head + paras), encoding.replace("big5hkscs", "big5")


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
    title = SPACES.sub(" ", title).strip()
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
