"""Paragraphs of a page as PDF extraction leaves them, and what each one is.

A newspaper page arrives as lines: headlines, bylines, body text broken
mid-sentence where a column ended, photo captions dropped between the two
halves of a sentence, paragraphs repeated where columns overlapped. This module
turns the page into classified paragraphs; :mod:`articles` groups them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .metadata import dateline
from .textnorm import fold, fold_together

TERMINAL = set("。！？!?；;…”’」』:：")
SENTENCE_END = set("。！？!?；;…")

# Labels that open a section of the page: what follows are new articles.
SECTION_LABELS = {
    "科技动态", "要闻", "综合", "简讯", "短讯", "图片新闻", "本版导读", "县域经济", "综述",
    "时评", "评论", "言论", "专题", "聚焦", "动态", "快讯", "新闻速递",
}
# Labels inside an article (an editor's note, a box of links): not boundaries.
INNER_LABELS = {
    "编者按", "相关链接", "链接", "背景链接", "新闻链接", "延伸阅读", "记者手记", "记者观察",
    "短评", "背景", "相关新闻", "小贴士", "名词解释",
}

_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*#*$")
_META = re.compile(r"(来源|稿源|日期|发布时间|发布日期|点击)\s*[:：]")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_CAPTION_MARK = re.compile(r"^[▲▼▶◀►◄△▽↑↓←→]")
_CAPTION_CREDIT = re.compile(r"(供图|摄|摄影|图片由.{0,30}提供|制图|资料图片?|视觉中国)\s*[)）]?$")
_CAPTION_GROUP = re.compile(r"^(本组|组图|图为|上图|下图|左图|右图)")
# 本报讯 / 河北日报讯 / 河北日报(记者…)/ 新华社石家庄…电: a byline opening a paragraph.
_INLINE_BYLINE = re.compile(
    r"^(?:(?P<pub>本报|[\u4e00-\u9fff]{2,10})讯(?=[\s(（]|$)"
    r"|(?P<pub2>[\u4e00-\u9fff]{2,8}(?:日报|晚报|报|新闻网|网))(?=[(（]\s*(?:记者|通讯员))"
    r"|(?P<pub3>新华社|中新社|本报)[\u4e00-\u9fff]{0,12}(?:\d{1,2}月\d{1,2}日)?电)"
    r"\s*(?:[(（][^()（）]{0,60}[)）])?"
)
# A line that is only a byline: □河北日报记者 王璐丹 通讯员 肖娜
_LINE_BYLINE = re.compile(
    r"^[□■◇◆○●]?\s*(?:(?P<pub>[\u4e00-\u9fff]{2,8}(?:日报|晚报|报|电视台|网))|本报)?\s*"
    r"(?:特约|见习|实习)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]"
)
# An author line that is not a byline: (记者 张三), （本报记者 李四 王五）, 作者:张三, 文/张三.
_CREDIT = re.compile(
    r"^(?:[(（]\s*(?:本报)?(?:特约|见习|实习)?记者\s*[\u4e00-\u9fff·][\u4e00-\u9fff·\s、,，]{0,30}[)）]"
    r"|(?:作者|撰文|文字|文|文/图|图/文)\s*[:：/／]\s*[\u4e00-\u9fff·][\u4e00-\u9fff·\s、,，]{0,20})$")
# Spaces a page's layout left in a headline: between two Chinese characters (or
# a Chinese character and a digit) they are not part of the words.
_LAYOUT_SPACE = re.compile(r"(?<![A-Za-z0-9.,!?%])[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+(?![A-Za-z0-9])")
_ITEM_KINDS = ("快", "简", "短", "通", "资", "喜", "要")  # the first half of 快讯, 简讯, 短讯, 通讯 …
_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,10}[·•][\u4e00-\u9fff]{2,10}$")


@dataclass
class Para:
    """One paragraph of a page. ``start``/``end`` are offsets into the page text."""

    text: str
    start: int
    end: int
    gap_before: int  # newlines between the previous paragraph and this one
    kind: str = "body"  # heading | byline | meta | caption | label | section | column | title | body
    level: int = 0  # heading level (number of #)
    byline: str = ""  # for byline paragraphs: the byline itself
    publication: str = ""
    inline_byline: bool = False  # byline opens a body paragraph (本报讯…)
    # (text, its folded form): a page's paragraphs are folded in one call
    _folded: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def folded(self) -> str:
        if self._folded is None or self._folded[0] is not self.text:
            self._folded = (self.text, fold(self.text))
        return self._folded[1]


def split_paragraphs(text: str) -> list[Para]:
    """Every non-blank line is a paragraph; remember how many newlines preceded it."""
    paras: list[Para] = []
    pos = 0
    newlines = 99  # the start of the page counts as a large gap
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            paras.append(Para(stripped, start, start + len(stripped), newlines))
            newlines = 1
        else:
            newlines += 1
        pos += len(line) + 1
    for p, folded in zip(paras, fold_together(*(p.text for p in paras))):
        p._folded = (p.text, folded)
    return paras


def _shingles(s: str, n: int = 4) -> set[str]:
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


_NOT_WORD = re.compile(r"[\s\W_]+")


def _match_key(p: Para) -> str:
    return _NOT_WORD.sub("", p.folded)


def drop_duplicates(paras: list[Para]) -> list[Para]:
    """Drop paragraphs a page repeats, and the repeated head of a paragraph.

    Overlapping PDF columns repeat text: a whole paragraph again (maybe with a
    word changed), or the tail of the previous paragraph at the start of the
    next. The first occurrence is kept. Only nearby repeats are extraction
    damage; two stories far apart may share a sentence.
    """
    kept: list[tuple[Para, str, set[str] | None]] = []  # paragraph, its key, its shingles
    for p in paras:
        key = _match_key(p)
        if len(key) >= 8 and any(key == k for _, k, _ in kept[-12:]):
            continue
        grams = None
        if len(key) >= 30:
            grams = _shingles(key)
            if any(g is not None and len(grams & g) >= 0.9 * len(grams) for _, _, g in kept[-8:]):
                continue
            # A repeated head: the longest prefix (>= 20 chars) found in a recent paragraph.
            recent = "\n".join(q.text for q, _, _ in kept[-5:])
            cut = _repeated_prefix(p.text, recent)
            if cut:
                p = Para(p.text[cut:].lstrip(), p.start + cut, p.end, p.gap_before)
                if not p.text:
                    continue
                key = _match_key(p)
                grams = _shingles(key) if len(key) >= 30 else None
        kept.append((p, key, grams))
    return [p for p, _, _ in kept]


def _repeated_prefix(text: str, recent: str, minimum: int = 20) -> int:
    if len(text) <= minimum or text[:minimum] not in recent:
        return 0
    lo, hi = minimum, len(text)
    while lo < hi:  # longest prefix of text that occurs in recent
        mid = (lo + hi + 1) // 2
        if text[:mid] in recent:
            lo = mid
        else:
            hi = mid - 1
    return lo if lo < len(text) else 0


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL


def is_title_like(text: str) -> bool:
    """Short, no sentence punctuation: a headline, kicker or sub-head."""
    if len(text) > 40 or len(text) < 2:
        return False
    if any(ch in SENTENCE_END for ch in text) or text[-1] in ",，、(（:：":
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _classify_alone(p: Para) -> None:
    text = p.text
    folded = p.folded
    m = _HEADING.match(text)
    if m:
        p.kind, p.level, p.text = "heading", len(m.group(1)), m.group(2)
        p.start = p.end - len(m.group(2)) - (len(text) - m.end(2))
        return
    if _CAPTION_MARK.match(text) or (len(text) <= 150 and (
            _CAPTION_CREDIT.search(text) or (_CAPTION_GROUP.match(text) and text.endswith("摄")))):
        p.kind = "caption"
        return
    if len(text) <= 160 and _META.search(folded) and (
            "日期" in folded or "来源" in folded or ("发布时间" in folded and _DATE.search(folded))):
        p.kind = "meta"
        return
    if len(text) <= 30 and dateline(text, folded):  # a document's signature date: not a headline
        p.kind = "meta"
        return
    m = _INLINE_BYLINE.match(folded)
    if m:
        p.kind, p.inline_byline = "byline", True
        p.byline = text[:m.end()].strip()
        pub = m.group("pub") or m.group("pub2") or m.group("pub3") or ""
        # 本报讯 names no paper, and 快讯/简讯/短讯 name the kind of item, not who printed it.
        named = pub != "本报" and not pub.endswith(_ITEM_KINDS)
        p.publication = text[m.start():m.start() + len(pub)] if named else ""
        return
    if len(text) <= 50 and not any(ch in TERMINAL for ch in text):
        m = _LINE_BYLINE.match(folded)
        if m:
            p.kind, p.byline = "byline", text
            if m.group("pub"):
                p.publication = text[m.start("pub"):m.end("pub")]
            return
    if len(text) <= 40 and _CREDIT.match(folded):
        p.kind, p.byline = "credit", text
    elif folded in SECTION_LABELS:
        p.kind = "section"
    elif folded in INNER_LABELS:
        p.kind = "label"
    elif _COLUMN.match(folded):
        p.kind = "column"
    elif is_title_like(text):
        p.kind = "title"


def classify(paras: list[Para]) -> list[Para]:
    """Give every paragraph its kind; captions need their neighbours to be seen."""
    for p in paras:
        _classify_alone(p)
    gaps = Counter(p.gap_before for p in paras[1:])
    usual_gap = gaps.most_common(1)[0][0] if gaps else 1
    last_body: Para | None = None
    for i, p in enumerate(paras):
        if p.kind in ("body", "title") and last_body is not None and _is_inserted_caption(
                p, last_body, paras[i + 1] if i + 1 < len(paras) else None, usual_gap):
            p.kind = "caption"
        if p.kind == "body" or (p.kind == "byline" and p.inline_byline):
            last_body = p
        elif p.kind != "caption":
            last_body = None
    return paras


def _is_inserted_caption(p: Para, prev: Para, nxt: Para | None, usual_gap: int) -> bool:
    """A caption laid between the halves of a sentence, or floating after a paragraph.

    The surest sign is a larger blank gap than the page uses between paragraphs;
    without it only a very short one-sentence line counts.
    """
    text = p.text
    one_sentence = text.endswith("。") and not any(ch in ",，;；" for ch in text[:-1])
    isolated = p.gap_before > usual_gap
    if not ends_sentence(prev.text) and nxt is not None and nxt.kind == "body":
        # A short line right after a broken sentence is more often its tail than
        # a caption: only a larger gap than usual says otherwise.
        if isolated and len(text) <= 60 and (text.endswith("。") or p.kind == "title"):
            return True
    # A photo of a company or a building after the story: a short noun phrase.
    return isolated and len(text) <= 30 and one_sentence and ends_sentence(prev.text)


# Lines of jieba's dictionary ("word frequency tag") for a word of 2-4 characters
# counted at least 50 times: rarer entries (地政) mislead more than they help. One
# regular expression over the whole file is about six times quicker than reading
# it line by line in Python.
_COMMON_WORD_LINE = re.compile(r"^(\S{2,4}) (?:[5-9]\d|[1-9]\d{2,}) ", re.M)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Common words of 2-4 characters from jieba's dictionary file.

    Read from the file rather than through jieba's own loader, whose one
    marshal.load of a cache holds the interpreter for most of a second: an import
    in the background would freeze the window meanwhile. Only pages with a
    doubtful line break need it.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    text = (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")
    return frozenset(_COMMON_WORD_LINE.findall(text))


def splits_a_word(left: str, right: str) -> bool:
    """True when the break between ``left`` and ``right`` falls inside a word (坚|持)."""
    words = _common_words()
    for a in (left[-1:], left[-2:]):
        for b in (right[:1], right[:2]):
            if len(a + b) >= 2 and fold(a + b) in words:
                return True
    return False


def meta_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def meta_source(text: str) -> str:
    m = re.search(r"(?:来源|來源|稿源)\s*[:：]\s*(.+?)(?:\s{1,}(?:日期|發布|发布|點擊|点击|作者)|$)", text)
    return m.group(1).strip() if m else ""


def tidy_title(text: str) -> str:
    """A headline rebuilt from page lines, without the spaces the layout left between Chinese words.

    唐山 “四个一百”科研院所 进唐山 → 唐山“四个一百”科研院所进唐山; a space
    between two Latin words or numbers stays (5G Pro 2).
    """
    return _LAYOUT_SPACE.sub("", text.strip())
