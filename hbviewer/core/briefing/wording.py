"""The briefing's words: a figure as its article words it, values for a table, dates in Chinese.

A figure is stored as its number (``295家``) and what it measures
(``高新技术企业``). A briefing sentence should read like the article did
(``高新技术企业达到295家``, ``新建成4家省级技术创新中心``), so the phrase is cut
from the article's clause where the indicator stands next to the number, and
put together from indicator and number only where it does not
(``领军企业、高新技术企业分别达到2家、295家`` gives ``高新技术企业295家``).

The phrases are cut from the simplified text (``simplify`` keeps offsets), so a
traditional-character article still gives a briefing in simplified characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

_CLAUSE_MARKS = "，,；;：:。！？!?\n“”\""
_CLAUSE_MARK = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_GAP_MOST = 12  # characters between an indicator and its number that still read as one phrase
_LEAD_MOST = 6  # a clause's words before a number whose indicator follows it (新建成4家…)
_LINKS = ("是", "为", "达到", "达", "增长", "增加", "提高", "提升", "下降", "减少", "突破", "超过", "占", "比",
          "较", "同比", "累计", "实现", "完成", "位居", "居")  # a clause that starts so goes on from its indicator
_DIGIT = re.compile(r"[\d零一二两三四五六七八九十百千]")
_MULTIPLIERS = ("万亿", "亿", "万", "千", "百")
# A dateline a clause may start with (本报讯, 本报石家庄10月13日电, （记者 王平）): not the article's words
_DATELINE = re.compile(r"^\s*(?:本报讯|(?:本报|新华社)[^\s，,。]{0,16}电)\s*(?:[（(][^）)]{0,20}[）)])?\s*")
_WHOLE_PLACE = ("全省", "全市", "全县", "全区", "该市", "该县", "该区")


def clause_starts(text: str) -> list[int]:
    """The offsets just after each comma, full stop … of ``text``: where its clauses start."""
    return [m.end() for m in _CLAUSE_MARK.finditer(text)]


def figure_phrase(text: str, start: int, end: int, indicator: str, starts: list[int] | None = None) -> str:
    """``高新技术企业达到295家``: the figure at [start, end) of ``text`` with what it measures.

    ``starts`` (:func:`clause_starts` of the text) saves scanning it again for every figure.
    """
    if starts is None:
        starts = clause_starts(text)
    i = bisect_right(starts, start)
    head = starts[i - 1] if i else 0
    return _DATELINE.sub("", _phrase(text, head, start, end, _DATELINE.sub("", indicator)))


def plain_indicator(indicator: str, names: tuple[str, ...]) -> str:
    """What a figure measures, for a table whose row names the region: ``宣化区新增省级研发平台`` → ``新增省级研发平台``."""
    plain = _DATELINE.sub("", indicator)
    for name in sorted((*names, *_WHOLE_PLACE), key=len, reverse=True):
        if name and plain.startswith(name) and len(plain) > len(name) + 1:
            return plain[len(name):]
    return plain


def _phrase(text: str, head: int, start: int, end: int, indicator: str) -> str:
    before = text[head:start]
    number = text[start:end]
    if indicator:
        at = before.rfind(indicator)
        if at >= 0:
            gap = before[at + len(indicator):]
            if len(gap) <= _GAP_MOST and "、" not in gap:
                return text[head + at:end]  # 高新技术企业达到295家
        after = text.find(indicator, end, end + len(indicator) + 2)
        if after >= 0 and not any(mark in text[end:after] for mark in _CLAUSE_MARKS + "、"):
            lead = before.strip()
            if len(lead) > _LEAD_MOST or _DIGIT.search(lead) or "、" in lead:
                lead = ""
            return lead + text[start:after + len(indicator)]  # 新建成4家省级技术创新中心
        lead = before.strip()
        if lead.startswith(_LINKS) and len(lead) <= _GAP_MOST and not _DIGIT.search(lead):
            return indicator + lead + number  # 研发经费投入强度 + 是上年的 + 3.2倍
        return indicator + number
    return (before.strip() + number) if len(before.strip()) <= _GAP_MOST else number


def split_value(text: str, unit: str) -> tuple[str, str]:
    """``40.51亿元`` → (``40.51``, ``亿元``): a figure's number and its unit as written, for a table."""
    if not unit or not text.endswith(unit) or len(text) == len(unit):
        return text, ""  # 10家以上, 全省第一: the words as they are
    number = text[:-len(unit)]
    for multiplier in _MULTIPLIERS:
        if number.endswith(multiplier) and len(number) > len(multiplier) and number[-len(multiplier) - 1].isdigit():
            return number[:-len(multiplier)], multiplier + unit
    return number, unit


def chinese_date(iso: str | None) -> str:
    """``2024-10-13`` → ``2024年10月13日`` (other text as it is)."""
    parsed = _parse(iso)
    return f"{parsed.year}年{parsed.month}月{parsed.day}日" if parsed else (iso or "")


def month_period(first: str | None, last: str | None) -> str:
    """The months between two ISO dates: ``2024年10月``, ``2024年9月—10月``, ``2023年12月—2024年1月``."""
    a, b = _parse(first), _parse(last)
    if a is None or b is None:
        return ""
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year}年{a.month}月"
    if a.year == b.year:
        return f"{a.year}年{a.month}月—{b.month}月"
    return f"{a.year}年{a.month}月—{b.year}年{b.month}月"


def day_span(first: str | None, last: str | None) -> str:
    """``2024年10月3日至10月28日`` (one day: that day; none: "")."""
    a, b = _parse(first), _parse(last)
    if a is None or b is None:
        return ""
    if a == b:
        return chinese_date(first)
    if a.year == b.year:
        return f"{chinese_date(first)}至{b.month}月{b.day}日"
    return f"{chinese_date(first)}至{chinese_date(last)}"


def chinese_number(n: int) -> str:
    """一, 二 … 十, 十一 … 九十九: the numbers of headings (一、 （一）)."""
    digits = "零一二三四五六七八九"
    if n >= 100:
        return str(n)
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def note_label(note) -> str:
    """``数字待核实（王明，2024-10-13）``: a note (``store.keeping.Note``) as a cell gives it."""
    who = "，".join(p for p in (note.author, note.created_at[:10]) if p)
    return f"{note.text}（{who}）" if who else note.text
