"""What a figure measures: the noun phrase its indicator is cut from.

The phrase is found in the words view of the text (simplified characters, same
length as the text up to dropped blanks) and kept as spans of it, so that the
indicator can be cut from the text as written: traditional text keeps its own
characters. An indicator is one span, or two when the text parts them (驿站…,总量:
the figure before names a generic head; 能耗…下降 far apart).

The phrase before a figure is preferred (技术合同交易额40.51亿元), after it for counts
(新增3家省级农业创新驿站); without either, the figure before names it (a growth
rate or rank right after a value). :mod:`indicator_phrases` reads the phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.textnorm import simplify
from .figure_numbers import Quantity
from .gazetteer import gazetteer
from .indicator_phrases import (
    CLAUSE_END, INNER_VERBS, LEADING_NOISE, ONE_CHARACTER_NOUN, SENTENCE_END, Span, after_end, clause_start,
    clean_before, phrase_after, sentence_break,
)
from .word_tags import words_at


@dataclass
class Draft:
    """A figure being read: its quantity and the spans of the words view naming it."""

    q: Quantity
    spans: tuple[Span, ...] = ()

    def phrase(self, words: str) -> str:
        return "".join(words[a:b] for a, b in self.spans)


# Generic heads that name nothing of their own (…驿站,总量达到9家): the figure before names them.
_GENERIC = {"总量", "总数", "数量", "总计", "合计", "规模", "总规模", "总额", "数目"}
# Rates of the value before (营业收入120亿元,增速8%): the rate measures that value.
_RATE_OF_PREVIOUS = {"增速", "增幅", "增长率", "增长速度"}
# Money words after an amount name what the amount is (1900万元奖励补助资金).
_MONEY_NOUN_END = re.compile(r"(?:金|费|资|款|贴|奖|助|入|额|税|券|励)$")
# A transfer verb before an amount: what is transferred follows it (发放500元养老补贴).
_TRANSFER_VERB = re.compile(r"(?:发放|补贴|奖励|补助|拨付|下达|给予|安排|发|奖)$")
_CHANGE_AFTER = re.compile(r"(?:跃升|跃居|增加|增长|提高|提升|上升|下降|减少|降低|扩大|缩小|突破|达到|升至|降至|增至|减至)")
_OPENS_NOUN = re.compile(r"[\u4e00-\u9fff“A-Za-z]")
_NOT_A_NOUN_START = set("的了和及与或等以是在为将已并且也都就还再到至比较占约近达共")
# A verb before an amount and 的 after it: the noun after 的 is what is given (提供了50万元的启动资金).
_GIVES_WHAT_FOLLOWS = re.compile(
    INNER_VERBS.pattern + r"了?$|(?:为期|长达|历时|用时|耗时|价值|提供了?|给予了?)$|以[^,，]{0,4}$")
# Verbs of having or reaching: they say how much, not what was done (尚有300亩).
_SAYS_NOTHING_DONE = re.compile(r"有|达到|超过|突破|实现|约为")
_ORDINAL = re.compile(r"(?:第.{1,3}[名位]|前.{1,3}名)[加减奖扣]?")
_RATIO_SUBJECT = re.compile(r"(?:是|为|达到|达|相当于)[^,，。]{0,10}的$")


def indicator_spans(folded: str, q: Quantity, floor: int, previous: list[Draft],
                    following: Quantity | None = None) -> tuple[Span, ...]:
    """The spans naming what ``q`` measures; ``following`` is the next figure, if any."""
    if q.kind == "duration":
        action = _duration_action(folded, q, following)
        if action is not None:
            return (action,)
    lo = clause_start(folded, q.start, floor)
    before = folded[lo:q.start]
    ratio = _RATIO_SUBJECT.search(before)
    if ratio:  # 创新平台总量是2016年底的3.4倍
        subject = clean_before(folded, lo, lo + ratio.start())
        if subject:
            return _or_rate_of_previous(folded, q, subject, previous)
        return previous[-1].spans if previous else ()
    item = _LIST_ITEM.fullmatch(before)
    if item and is_place(item.group(1)) and folded[q.end:q.end + 1] in _ITEM_END:
        # 依次是：邢台市100%、辛集市98%; 较低的县为：故城县（0%）、泊头市（2%）: each value of a
        # list by place measures what the list does, named before its colon.
        gap = _LIST_ITEM.fullmatch(folded, previous[-1].q.end, q.start) if previous else None
        if gap and previous[-1].spans and is_place(gap.group(1)):
            return previous[-1].spans  # the next item of the list
        if folded[lo - 1:lo] in ("：", ":"):
            head = _list_head(folded, lo, floor)
            if head is not None:
                return (head,)
    cleaned = None if _COMPARED.match(before) else clean_before(folded, lo, q.start)
    text = folded[cleaned[0]:cleaned[1]] if cleaned else ""
    if q.kind == "rank" and (not cleaned or re.search(r"[市省县区]$", text) and len(text) <= 4):
        return inherit(folded, q, previous)  # 596家,保定市排名第2: the rank of the figure before
    if _ORDINAL.fullmatch(text) and previous and not sentence_break(folded, previous[-1].q.end, q.start):
        return previous[-1].spans  # 第1名1个百分点,第2名0.5个百分点: the same measure each
    if cleaned and is_place(text):
        cleaned, text = None, ""  # 涞源县有120多公里的乡村公路: the place is the figure's region
    after = _after_phrase(folded, q, before, bool(cleaned), following)
    if after is not None and (after[1] - after[0] >= 2 or ONE_CHARACTER_NOUN.fullmatch(folded, *after)):
        prefer_after = (
            not cleaned
            or folded.startswith("的", q.end)
            or q.kind in ("count", "measure")
            or before.rstrip().endswith("等")
            or _TRANSFER_VERB.search(before) is not None
            or (q.kind == "money" and _MONEY_NOUN_END.search(folded, after[0], after[1]) is not None))
        if prefer_after:
            return (after,)
    if cleaned:
        return _or_rate_of_previous(folded, q, cleaned, previous)
    subject = _subject_of_clause_before(folded, lo, floor, previous) if q.kind in _RATES else None
    if subject is not None:
        return (subject,)
    return _last_resort(folded, q, before, previous)


_RATES = ("percent", "points", "multiple")
# A clause that only compares (较成立时增加了30种, 比上年多了20家): it says how much more, of
# what the figure before measures.
_COMPARED = re.compile(r"\s*(?:较|比)[^,，。；;]{1,14}?(?:增加|增长|提高|提升|上升|减少|下降|降低|多|少)了?$")


def _subject_of_clause_before(folded: str, lo: int, floor: int, previous: list[Draft]) -> Span | None:
    """The subject of the clause before, when that clause holds no figure and this rate has no
    phrase of its own: 研发投入强度稳步提高，2023年达到2.4% -> 研发投入强度. (A count or an
    amount without a phrase is more often named by its verb: 近年来陆续投入3亿元.)"""
    end = lo - 1
    if end <= floor or folded[end:lo] not in ("，", ","):
        return None
    start = clause_start(folded, end, floor)
    if previous and previous[-1].q.end > start:
        return None
    span = clean_before(folded, start, end)
    if span is None:
        return None
    words = words_at(folded, span[0], span[1])
    while words and words[-1][2] in ("d", "ad") and words[-1][0] - span[0] >= 2:
        span = (span[0], words[-1][0])  # 贡献率不断(提高): the adverb of the verb left out
        words.pop()
    if span[1] - span[0] < 2 or is_place(folded[span[0]:span[1]]):
        return None
    return span


_ITEM_END = set("、，,。；;）)\n")  # after a value of a list: the next item, or the list's end
_LIST_ITEM = re.compile(r"\s*[）)]?\s*[、，,]?\s*([\u4e00-\u9fff]{2,12}?)\s*[（(]?")
# 完成率较低的县（市）为: the measure is what the places are ranked by
_RANKED_BY = re.compile(r"(?:较|最|相对)(?:高|低|快|慢|大|小|多|少|好|差)的")
_YEAR = re.compile(r"\d{4}年度?")
_ORDER = re.compile(r"[由从](?:高|低|大|小|多|少|快|慢)[到至向](?:高|低|大|小|多|少|快|慢)")
_LIST_OPENER = re.compile(r"(?:依次是|依次为|分别是|分别为|分别|依次|排序为|排名为|情况为|如下|为|是)$")
_BY = re.compile(r"按照|根据|按")


def _list_head(folded: str, lo: int, floor: int) -> Span | None:
    """What a list of places with their values after a colon measures, read from the words before
    the colon: 按照签约率由高到低排列，依次是： -> 签约率; 各市新增企业数量如下： -> 新增企业数量."""
    i = lo - 1
    while i > max(0, lo - 80) and folded[i - 1] not in SENTENCE_END:
        i -= 1
    end = lo - 1
    order = _ORDER.search(folded, i, end)
    if order:
        end = order.start()  # 按照签约率由高到低排列: the measure, not the order it is read in
    ranked = _RANKED_BY.search(folded, i, end)
    i = max(i, floor) if ranked is None or ranked.start() >= floor else i
    opener = _LIST_OPENER.search(folded, i, end)
    if opener:
        end = opener.start()
    while end > i and folded[end - 1] in "，, ":
        end -= 1
    if ranked:
        end = ranked.start()  # 拨付资金较低的3个县（市）为： -> 拨付资金 (the count is of the places)
    by = None if ranked else _BY.search(folded, i, end)
    if by:
        span = phrase_after(folded, by.end())
        if span[1] - span[0] >= 2 and span[1] <= end:
            return span
    span = clean_before(folded, clause_start(folded, end, i), end) if end > i else None
    if span is not None:
        years = list(_YEAR.finditer(folded, span[0], span[1]))
        if years:  # 17个县2019年验收项目完成率: what comes after the year
            span = clean_before(folded, years[-1].end(), span[1])
    if span is not None and not is_place(folded[span[0]:span[1]]) and span[1] - span[0] >= 2:
        return span
    return None


# A streak or an advance (连续6年, 提前2个月) measures what follows it; so does a travel time
# followed by its verb (一小时内通达).
_STREAK = re.compile(r"连续|提前|连年|持续")
_ARRIVES = re.compile(r"内?(通达|可达|到达|直达|抵达|往返)")
_ACTION_START = re.compile(r"[\u4e00-\u9fff]")


def _duration_action(folded: str, q: Quantity, following: Quantity | None) -> Span | None:
    """What a streak, an advance or a travel time measures: 连续6年集装箱吞吐量居全省首位 -> 集装箱
    吞吐量; 提前2个月完成造林任务 -> 完成造林任务; 40分钟内通达 -> 通达. None for other durations."""
    start = q.end
    if not _STREAK.match(folded, q.start):
        arrive = _ARRIVES.match(folded, start)
        return arrive.span(1) if arrive else None
    if not _ACTION_START.match(folded, start):
        return None
    end = start
    limit = following.start if following is not None else len(folded)
    while end < min(limit, start + 24) and folded[end] not in CLAUSE_END:
        end += 1
    while end > start and folded[end - 1] in "的了、 ":
        end -= 1
    words = words_at(folded, start, min(end, start + 4))
    if words and words[0][2].startswith("n") and words[0][1] - words[0][0] >= 2:
        noun = phrase_after(folded, start)  # a subject, then its verb: the subject is measured
        if noun[1] - noun[0] >= 2 and noun[1] < end:
            end = noun[1]
    while end - start > 2 and folded[end - 1] in "居为达是占列排":
        end -= 1  # 吞吐量居(全国首位): the verb before a rank
    return (start, end) if end - start >= 2 else None


def is_place(text: str) -> bool:
    return bool(gazetteer().lookup(text))


def _last_resort(folded: str, q: Quantity, before: str, previous: list[Draft]) -> tuple[Span, ...]:
    """No noun phrase of its own: the figure before, or else the verb that says what is counted."""
    inherited = inherit(folded, q, previous)
    if inherited:
        return inherited
    if q.kind == "count":
        verb = words_at(folded, q.end, min(len(folded), q.end + 4))
        if verb and verb[0][2] == "v":  # 5万人次观看: the people are counted by what they do
            return ((q.end, after_end(folded, q.end, min(len(folded), q.end + 24))),)
    if q.kind in ("count", "money", "measure", "duration") and previous and previous[-1].spans \
            and not sentence_break(folded, previous[-1].q.end, q.start):
        return previous[-1].spans  # 运抵物资800箱,共120吨: the same goods
    tail = before.rstrip("了 ")
    words = words_at(tail, max(0, len(tail) - 4), len(tail)) if tail else []
    if words and words[-1][2] == "v" and words[-1][1] - words[-1][0] >= 2 \
            and not _SAYS_NOTHING_DONE.search(tail, words[-1][0]):
        end = q.start - (len(before) - len(tail))  # 近年来先后投入3亿元: what was done
        return ((end - (words[-1][1] - words[-1][0]), end),)
    return ()


def _after_phrase(folded: str, q: Quantity, before: str, has_before: bool,
                  following: Quantity | None) -> Span | None:
    start = q.end
    if following is not None and following.start == q.end:
        start = following.end + (folded.startswith("级", following.end))  # 三艘5万吨级货轮: the ships
    if folded.startswith(("(", "（"), start):
        close = folded.find(")" if folded[start] == "(" else "）", start, start + 5)
        start = close + 1 if close > 0 else start  # 600台(套)检测仪器
    after = folded[start:start + 1]
    if after == "的" and (not has_before and q.kind in ("percent", "measure", "duration")
                          or _GIVES_WHAT_FOLLOWS.search(before) and (q.kind != "percent" or not before.endswith("以"))):
        return phrase_after(folded, start + 1)  # 配建5%的人才住房, 提供了50万元的启动资金, 为期两周的培训
    if (after and _OPENS_NOUN.match(after) and q.kind in ("count", "money", "measure")
            and not (after in _NOT_A_NOUN_START and words_at(folded, start, start + 2)[0][1] == start + 1)
            and not (has_before and _CHANGE_AFTER.match(folded, start))):
        # 1200家跃升至5300家: a change verb after the figure is the predicate of the phrase before.
        a, b = phrase_after(folded, start)
        if folded.count("“", a, b) != folded.count("”", a, b):
            while a < b and folded[a] in "“”":
                a += 1
            while b > a and folded[b - 1] in "“”":
                b -= 1
        return (a, b)
    return None


def _or_rate_of_previous(folded: str, q: Quantity, span: Span, previous: list[Draft]) -> tuple[Span, ...]:
    word = folded[span[0]:span[1]]
    if previous and previous[-1].spans and not sentence_break(folded, previous[-1].q.end, span[0]):
        if word in _GENERIC and previous[-1].q.kind == q.kind:
            return previous[-1].spans + (span,)  # 驿站…,总量达到9家 -> 驿站总量
        if word in _RATE_OF_PREVIOUS:
            return previous[-1].spans  # 营业收入120亿元,增速8%
    return (span,)


def inherit(folded: str, q: Quantity, previous: list[Draft]) -> tuple[Span, ...]:
    """No phrase of its own: the figure before names it.

    A rank, share, growth or multiple qualifies the figure just before it in the
    sentence (…众创空间总数达到10家,全市第一位; 产值120亿元,同比增长8%); an amount
    with no phrase continues a list of amounts in the paragraph.
    """
    if q.kind in ("rank", "percent", "multiple", "points"):
        if previous and not sentence_break(folded, previous[-1].q.end, q.start):
            return previous[-1].spans
        return ()
    for d in reversed(previous):
        if "\n" in folded[d.q.end:q.start]:
            break
        if d.q.unit == q.unit and d.spans:
            return d.spans
    return ()


# A decline right before the number (下降3.5%, 减少了20万吨): the indicator says so.
_DECLINE = re.compile(r"(下降|减少|降低|回落|下滑|缩减|缩小)了?$")
_DECLINE_WORD = re.compile(r"下降|减少|降低|回落|下滑|缩减|缩小|降幅")


def with_decline(folded: str, q: Quantity, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """``spans`` and the decline word before ``q``, when the figure is a fall and they do not say it."""
    if not spans or q.change_from is not None:
        return spans
    m = _DECLINE.search(folded, max(0, q.start - 4), q.start)
    if m is None or any(_DECLINE_WORD.search(folded, a, b) for a, b in spans):
        return spans
    word = (m.start(1), m.end(1))
    if spans[-1][1] > word[0]:
        return spans  # a noun after the figure (减少3家企业): it names what fell
    gap = folded[spans[-1][1]:word[0]]
    if len(gap) <= 6 and not any(ch in CLAUSE_END for ch in gap):
        return spans[:-1] + ((spans[-1][0], word[1]),)  # 能耗累计下降, 能耗比上年下降: one phrase
    return spans + (word,)


_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ\s]+[)）]")


def render(text: str, origin: list[int], spans: tuple[Span, ...]) -> str:
    """The indicator as written in ``text``: each span cut from it, pinyin insertions dropped."""
    parts = []
    for a, b in spans:
        if b > a:
            parts.append(text[origin[a]:origin[b - 1] + 1])
    return _PINYIN.sub("", "".join(parts)).strip()


def without_region(indicator: str, names: list[str]) -> str:
    """``indicator`` without a leading region name the figure's region already says
    (河北省GDP -> GDP when the figure is 河北省's), nor the dates and noise after it."""
    folded = simplify(indicator)
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 2 and folded.startswith(name) and len(folded) - len(name) >= 2:
            cut = len(name)
            m = LEADING_NOISE.match(folded[cut:])
            if m and len(folded) - cut - m.end() >= 2:
                cut += m.end()
            return indicator[cut:].lstrip("的、 ")
    return indicator
