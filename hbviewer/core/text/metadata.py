"""Where and when an article appeared: publication, date, page and section, author.

A newspaper page says it once for all its stories: the masthead (河北日报), the
dateline under it (2024年10月13日 星期日) and the page line (第3版 要闻), at
the top of the page. A story may say more itself: its byline (河北日报讯,
本报记者 …), a 来源:/日期: line. What the file says about itself (a web page's
site name, a document's creation date, a date in the file name) comes last.

The rules here read single lines; :mod:`articles` decides which lines are the
top of the page and which belong to a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date

from .textnorm import fold


@dataclass(frozen=True)
class FileMeta:
    """What a file says about itself outside its text (document properties, site name)."""

    publication: str = ""
    date: str | None = None


@dataclass(frozen=True)
class PageMeta:
    """What the top of a page says about every story on it."""

    publication: str = ""
    date: str | None = None
    page: str = ""
    section: str = ""

    def merged(self, other: "PageMeta") -> "PageMeta":
        """This, with what it lacks taken from ``other``."""
        return PageMeta(self.publication or other.publication, self.date or other.date,
                        self.page or other.page, self.section or other.section)


_CJK = "\u4e00-\u9fff"
# A paper's name: 河北日报, 燕赵都市报, 中国青年报. Words that end in 报 but name a
# kind of document or notice (统计公报, 喜报, 海报) are not papers.
_PAPER = re.compile(rf"[{_CJK}]{{1,10}}(?:日报|晚报|早报|晨报|商报|时报|周报|报)")
_NOT_PAPER_ENDINGS = (
    "公报", "通报", "喜报", "捷报", "海报", "情报", "预报", "年报", "汇报", "举报", "申报", "电报",
    "上报", "填报", "呈报", "警报", "回报", "战报", "月报", "季报", "简报", "快报", "画报", "板报",
    "墙报", "黑板报", "值班报", "报报",
)
_PAPER_AFTER_ALL = ("青年报", "少年报", "老年报")  # 年报 is a report, but these are papers
_MASTHEAD_LINE = re.compile(rf"^(?P<pub>{_PAPER.pattern})(?:\s+|$)")
_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
_LUNAR = rf"(?:农历)?[{_CJK}]{{2}}年[{_CJK}]{{1,3}}月[{_CJK}]{{1,3}}"
_YMD = re.compile(r"(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?")
_PAGE = re.compile(
    r"(?<![转接见至])(?:第\s*(?P<num>[A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版"
    r"|(?<![\w])(?P<bare>[A-Za-z]?\d{1,3})\s*版(?=\s|$))"
    rf"(?:\s*[:：\s]\s*(?P<name>[{_CJK}]{{2,6}})(?![{_CJK}]))?")
_BARE_PAGE = re.compile(rf"(?:(?P<a>[{_CJK}]{{2,6}}) )?(?P<num>[A-Za-z]?\d{{1,2}})(?: (?P<b>[{_CJK}]{{2,6}}))?")
_PAGE_FIELDS = re.compile(rf"版次\s*[:：]\s*(?P<num>[A-Za-z]?\d{{1,3}})|版名\s*[:：]\s*(?P<name>[{_CJK}]{{2,8}})")
_FURNITURE = re.compile(
    rf"{_WEEKDAY}|{_LUNAR}|责任编辑\s*[:：]?\s*[{_CJK}]{{2,4}}|美术编辑\s*[:：]?\s*[{_CJK}]{{2,4}}"
    rf"|(?:校对|编辑|版式|制作|值班主任)\s*[:：]\s*[{_CJK}]{{2,4}}|国内统一连续出版物号\s*CN[\d\-—]+"
    rf"|CN\s*\d{{2}}\s*[-—]\s*\d{{4}}|代号\s*\d+\s*[-—]\s*\d+|(?:今日|本期)\s*\d+\s*版|[A-Z ]{{5,30}}DAILY"
    rf"|[第总]\s*\d+\s*期|\b(?:www\.)?[a-z0-9-]+\.(?:com|cn|net|org)(?:\.cn)?\b", re.IGNORECASE)
_LATIN_MASTHEAD = re.compile(r"[A-Z][A-Z .&'·-]{3,40}[A-Z]")
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
_DOMAIN = re.compile(r"\s*[(（]?\s*(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?\s*[)）]?\s*$")


def paper_name(text: str) -> str:
    """``text`` when it is a newspaper's name (河北日报, 燕赵都市报), else ""."""
    name = text.strip()
    if not _PAPER.fullmatch(name) or len(name) < 3:
        return ""
    if name.endswith(_NOT_PAPER_ENDINGS) and not name.endswith(_PAPER_AFTER_ALL):
        return ""
    return name


def valid_date(year: int, month: int, day: int) -> str | None:
    """ISO ``YYYY-MM-DD`` for a real calendar day between 1900 and 2100."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first calendar date written out in full: 2024年10月13日, 2024-10-13, 2024/10/13."""
    for m in _YMD.finditer(text):
        found = valid_date(*(int(g) for g in m.groups()))
        if found:
            return found
    return None


_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")


def date_in_name(name: str) -> str | None:
    """A date in a file or folder name: hbrb-2024-10-13.pdf, 20241013_03.txt, 2024年10月13日."""
    # The file's own name first, then the two folders (or archive) it is in: a
    # date further up a path is seldom the page's.
    for part in reversed(re.split(r"[\\/!]", name)[-3:]):
        part = re.sub(r"(\d)\s*[年月]\s*(?=\d)", r"\1-", part)
        for m in _NAME_DATE.finditer(part):
            if not m.group("sep") and (len(m.group("m")) != 2 or len(m.group("d")) != 2):
                continue  # 2024113 could be 2024-1-13 or 2024-11-3
            found = valid_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found:
                return found
    return None


def page_number(raw: str) -> str:
    """第03版 → 3, 第十二版 → 12, A3 → A3."""
    raw = raw.strip()
    if raw[:1] in _CN_DIGITS or raw[:1] == "十":
        return str(_chinese_number(raw))
    prefix = raw[0].upper() if raw[:1].isalpha() and raw[:1].isascii() else ""
    digits = raw[len(prefix):].lstrip("0") or "0"
    return prefix + digits


def _chinese_number(raw: str) -> int:
    if "十" not in raw:
        return int("".join(str(_CN_DIGITS[ch]) for ch in raw))
    tens, _, units = raw.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)


def read_top_line(text: str, folded: str | None = None) -> PageMeta | None:
    """What one line at the top of a page says about the page, or None if it is not such a line.

    The line must be made only of masthead parts: the paper's name, the date,
    the weekday, the page and its name, the editor, the serial number. A line
    with anything else (a headline) is not page furniture; a line of furniture
    alone (星期日, 责任编辑：某某) says nothing but is furniture all the same.
    """
    if _LATIN_MASTHEAD.fullmatch(text.strip()):
        return PageMeta()  # the paper's name in pinyin or English: HEBEI RIBAO
    if len(text) > 90:
        return None
    line = (fold(text) if folded is None else folded).strip()
    if len(line) > 90:
        return None
    publication = ""
    m = _MASTHEAD_LINE.match(line)
    if m and paper_name(m.group("pub")):
        publication = m.group("pub")
        line = line[m.end():]
    found_date = None
    m = _YMD.search(line)
    if m:
        found_date = valid_date(*(int(g) for g in m.groups()))
        if found_date:
            line = line[:m.start()] + " " + line[m.end():]
    line = _FURNITURE.sub(" ", line)
    page, section = "", ""
    fields = list(_PAGE_FIELDS.finditer(line))
    if fields:  # 版次:03 版名:经济, as e-paper sites print it
        page = next((page_number(f.group("num")) for f in fields if f.group("num")), "")
        section = next((f.group("name") for f in fields if f.group("name")), "")
        line = _PAGE_FIELDS.sub(" ", line)
    else:
        m = _PAGE.search(line)
        if m:
            page, section = page_number(m.group("num") or m.group("bare")), m.group("name") or ""
            line = line[:m.start()] + " " + line[m.end():]
    if found_date and not page:
        # 2024年10月13日 星期日 要闻 3: beside a full date, a bare number is the page.
        m = _BARE_PAGE.fullmatch(re.sub(r"[\s|｜·•]+", " ", line).strip())
        if m:
            page, section, line = page_number(m.group("num")), m.group("a") or m.group("b") or "", ""
    rest = re.sub(r"[\s|｜/·•—\-:：,，()（）\[\]【】]+", "", line)
    if page and not section and re.fullmatch(rf"[{_CJK}]{{2,6}}", rest):
        section, rest = rest, ""  # 要闻 第3版: the page's name before its number
    if rest:
        return None
    return PageMeta(publication, found_date, page, section)  # all empty: furniture only (星期日)


def dateline(text: str, folded: str | None = None) -> str | None:
    """The date of a line that is only a date, as a document signs it: 2024年4月30日 (星期二)."""
    if len(text) > 30 or not _YMD.search(text):
        return None
    found = read_top_line(text, folded)
    return found.date if found is not None and not (found.publication or found.page) else None


def clean_source(text: str) -> str:
    """The publication a 来源: line or a site name gives: 河北新闻网 (www.hebnews.cn) → 河北新闻网."""
    source = re.sub(r"^(?:来源|來源|稿源|信息来源|文章来源)\s*[:：]\s*", "", text.strip())
    # What a 来源: line goes on to say: the time, the editor, the author.
    source = re.split(r"\s*[|｜]\s*|\s+(?=\d{4}\s*[-/.年])|\s*(?:作者|编辑|责任编辑|责编|记者)\s*[:：]", source)[0]
    source = _DOMAIN.sub("", source).strip()
    return source.strip(" -_|｜·")


def site_from_title(title: str) -> str:
    """The site name a page's title ends with: 某某新闻_河北新闻网 → 河北新闻网."""
    parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+-\s+", title) if p.strip()]
    if len(parts) < 2:
        return ""
    last = clean_source(parts[-1])
    return last if 2 <= len(last) <= 20 and re.search(rf"[{_CJK}]", last) else ""


_TOP_LINES = 8  # a masthead sits in the first lines of a page


def page_head(paras: list) -> tuple[PageMeta, list]:
    """What the masthead lines at the top of a page say, and the paragraphs without them.

    Only the lines before the first headline, byline or story qualify, and
    each must be made of masthead parts alone (see :func:`read_top_line`).
    """
    found = PageMeta()
    n = 0
    while n < min(_TOP_LINES, len(paras)) and paras[n].kind not in ("heading", "byline"):
        line = read_top_line(paras[n].text, paras[n].folded)
        if line is None:
            break
        found = found.merged(line)
        n += 1
    return found, paras[n:]


def page_paper(bylines: list[str]) -> str:
    """The paper most bylines of a page name (河北日报讯, 河北日报记者): the page's own paper."""
    names = [b for b in bylines if paper_name(b)]
    return max(set(names), key=names.count) if names else ""


@dataclass(frozen=True)
class Sources:
    """Everything that may say where and when one article appeared, strongest first within each."""

    top: PageMeta  # the masthead lines at the top of the page
    byline_publication: str = ""  # the article's own byline (河北日报讯): "" for 本报
    own_source: str = ""  # the article's 来源: line
    own_date: str | None = None  # the article's 日期: line
    page_paper: str = ""  # the paper the page's bylines name
    page_source: str = ""  # a 来源: line elsewhere on the page
    page_date: str | None = None  # a 日期: line elsewhere on the page
    name_date: str | None = None  # a date in the file's name
    file: FileMeta = FileMeta()


def resolve(s: Sources) -> tuple[str, str | None]:
    """(publication, ISO date) of one article.

    The masthead names the paper every story on its page appeared in, whoever
    wrote it (a 新华社 story on a 河北日报 page appeared in 河北日报); a 本报
    byline means the same paper.
    """
    publication = (s.top.publication or s.byline_publication or clean_source(s.own_source) or s.page_paper
                   or clean_source(s.page_source) or clean_source(s.file.publication))
    date = s.own_date or s.top.date or s.page_date or s.name_date or s.file.date
    return publication, date
