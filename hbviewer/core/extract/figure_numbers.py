"""Reading one quantity in folded Chinese text: 1.5万余个, 两万到五万斤, 近千盒, 全省第二.

A number is a figure only with a unit, a percent sign or as a stated rank; years, dates,
ordinals and numbers inside slogans are not. Reading the numerals themselves (Arabic or Chinese)
is in ``numerals``, the table of units in ``figure_units``; this module finds where a quantity
starts and reads it whole: qualifiers (约, 以上), ranges and changes, shares written in words
(百分之三十, 六成, 八五折) and ranks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CN_CHARS, UNIT_NAMES and cn_value are part of this module's interface (figures.py reads them).
from .figure_units import (
    CN_NAME_UNITS, SUBUNITS, TIME_UNITS, UNIT_NAMES, UNITS, money_tail, time_tail,
)
from .numerals import (
    ARABIC, CN_CHARS, CN_DIGITS, CN_UNITS, MULTIPLIERS, cn_decimal, cn_value, leading_length,
    leading_value, trailing_multiplier,
)

# A number, and a unit right after one, as the scan reads them. Compiled here, not imported:
# CPython 3.11 calls a method of a name bound by an import (PATTERN.match) through a new bound
# method each time, which at every number of every page costs the figures step half a percent.
_NUMBER = re.compile(rf"{ARABIC}|[{CN_CHARS}]+(?:点[{CN_DIGITS}]+)?")
_UNIT_RE = re.compile("|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)))

_START = re.compile(rf"\d|[{CN_CHARS}]|[第首]|翻[一两二三四]番|半成|半折|对折|[$￥¥€£]|数|几")

_PRE_APPROX = ("将近", "不少于", "不低于", "不超过", "不小于", "不大于", "至少", "最少", "最多", "高达", "多达",
               "不足", "不到", "超过", "大约", "约", "近", "超", "逾", "上")
_POST_APPROX = ("以上", "以下", "左右", "上下", "以内", "之多", "多", "余")
# The same, by the character next to the number, in the same order: a figure's
# neighbours are looked up tens of thousands of times a page.
_PRE_APPROX_BY_LAST: dict[str, list[str]] = {}
_POST_APPROX_BY_FIRST: dict[str, list[str]] = {}
for _word in _PRE_APPROX:
    _PRE_APPROX_BY_LAST.setdefault(_word[-1], []).append(_word)
for _word in _POST_APPROX:
    _POST_APPROX_BY_FIRST.setdefault(_word[0], []).append(_word)
_RANGE_SEP = re.compile(r"\s*(?:[(（](?:含|不含)[)）])?\s*(?:——|--|—|–|-|~|～|至|到)\s*")
_CHANGE_VERB = re.compile(r"(?:增加|增长|提高|提升|上升|减少|下降|降低|扩大|缩小|跃升|发展|增至|降至)?(?:到|至)")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    kind: str
    approx: str | None
    change_from: float | None = None


def scan_starts(folded: str):
    """Positions where a quantity may begin, in order."""
    for m in _START.finditer(folded):
        yield m.start()


def _number_at(folded: str, i: int) -> tuple[float, int, bool, tuple[float, ...]] | None:
    """(value, end, is_chinese, trailing multipliers) of the number at ``i``, multipliers included."""
    m = _NUMBER.match(folded, i)
    if not m:
        return None
    raw = m.group(0)
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
        end = m.end()
        if folded[end:end + 1] in ("k", "K") and not folded[end + 1:end + 2].isascii() or \
                folded[end:end + 1] in ("k", "K") and folded[end + 1:end + 2] in ("", " ", "%"):
            return value * 1000, end + 1, False, (1000.0,)  # 15k
        # 1.5万, 40.51亿, 5000万: a Chinese multiplier after Arabic digits.
        mult = re.match(r"[十百千万亿]+", folded[end:])
        if mult and not _UNIT_RE.match(folded, end):  # 160千瓦 is kilowatts, not 160 thousand 瓦
            factor = 1.0
            for ch in mult.group(0):
                factor *= MULTIPLIERS[ch]
            return value * factor, end + mult.end(), False, (factor,)
        return value, end, False, (1.0,)
    if "点" in raw:  # 四点五, 五十六点三三
        value = cn_decimal(raw)
        if value is not None:
            return value, m.end(), True, (1.0,)
        raw = raw[:raw.index("点")]
    # Chinese: the longest head of the run that is a numeral (一百千瓦 -> 一百 + 千瓦).
    for stop in range(len(raw), 0, -1):
        head = raw[:stop]
        if stop < len(raw) and _UNIT_RE.match(folded, i + stop) is None and head[-1] not in CN_UNITS:
            continue
        value = cn_value(head)
        if value is not None:
            if all(ch in "百千万亿" for ch in head) and not _approximated(folded, i, i + stop):
                return None  # 万元, 亿元: a multiplier with no number is not a figure
            return value, i + stop, True, trailing_multiplier(head)
    return None


def _approximated(folded: str, start: int, end: int) -> bool:
    """近千, 上千万, 百余, 数十: a bare multiplier that still names a number."""
    return folded[start - 1:start] in ("近", "上", "数", "几", "逾", "超") or folded[end:end + 1] in ("余", "多")


def _approx_before(folded: str, i: int) -> tuple[str | None, int]:
    for word in _PRE_APPROX_BY_LAST.get(folded[i - 1], ()) if i > 0 else ():
        if i >= len(word) and folded.startswith(word, i - len(word)):
            if word == "上" and folded[i:i + 1] not in "千万百亿":
                continue  # 上 only in 上千万, 上百
            if word == "超" and folded[i - 2:i] in ("超过",):
                continue
            return word, i - len(word)
    return None, i


def _post_approx(folded: str, i: int) -> tuple[str | None, int]:
    for word in _POST_APPROX_BY_FIRST.get(folded[i:i + 1], ()):
        if folded.startswith(word, i):
            return word, i + len(word)
    return None, i


def _is_date(folded: str, start: int, end: int, value: float, unit: str, chinese: bool) -> bool:
    if unit == "年" and 1900 <= value <= 2100 and value == int(value):
        return True
    after = folded[end:end + 6]
    if not chinese and 1900 <= value <= 2100 and re.match(r"\s*[—–\-~～至到]\s*\d{4}\s*年", folded[end - 0:end + 8]):
        return True
    return unit == "" and bool(re.match(r"[年月日号]", after))


def _in_slogan(folded: str, start: int, end: int) -> bool:
    """Inside a short quotation (“四个一百”, “三个倍增”): a slogan, not a figure."""
    left = folded.rfind("“", max(0, start - 12), start)
    if left < 0:
        return False
    right = folded.find("”", end, end + 12)
    closed_before = folded.find("”", left, start)
    return right >= 0 and closed_before < 0 and (right - left) <= 24


def read_quantity(folded: str, i: int) -> Quantity | None:
    """The figure that starts at ``i`` (at its number), or None."""
    special = _special_at(folded, i)
    if special is not None:
        return special
    if i > 0:
        before = folded[i - 1]
        if before == "第":
            return None  # an ordinal: 第一批, 第十三所, 第三版
        if before.isdigit() or before in CN_CHARS or before in ".·+%=/&?#_" or (before.isascii() and before.isalpha()):
            return None  # inside a number, a code, a name or a web address: 十三所, 5G, 5·18, %20
    first = _number_at(folded, i)
    if first is None:
        return _adjacent_digit_range(folded, i)
    value, end, chinese, factor = first
    approx, start = _approx_before(folded, i)
    sign = _negative_sign(folded, i) if start == i else 0
    if sign:
        start, value = i - sign, -value
    q = _finish(folded, start, end, value, chinese, approx, unit_optional=True)
    if q is None:
        return None
    return _extend(folded, q, value, factor)


def _negative_sign(folded: str, i: int) -> int:
    """Length of a minus sign before ``i`` (负3.9%, -22.2%), or 0."""
    if i > 0 and folded[i - 1] == "负":
        return 1
    if i > 0 and folded[i - 1] == "-" and (i < 2 or not (folded[i - 2].isalnum() or folded[i - 2] in ")%")):
        return 1
    return 0


def _finish(folded: str, start: int, end: int, value: float, chinese: bool, approx: str | None,
            unit_optional: bool = False) -> Quantity | None:
    mid_approx, end = _post_approx(folded, end)  # 十多万, 1.5万余
    if mid_approx in ("多", "余"):
        mult = re.match(r"[十百千万亿]+", folded[end:])
        if mult:
            for ch in mult.group(0):
                value *= MULTIPLIERS[ch]
            end += mult.end()
    elif mid_approx is not None:
        end -= len(mid_approx)
        mid_approx = None
    m = _UNIT_RE.match(folded, end)
    if not m:
        if unit_optional:
            return Quantity(start, end, value, None, "", "", approx or mid_approx)
        return None
    written = m.group(0)
    base, kind, factor = UNITS[written]
    if written == "块" and SUBUNITS.match(folded, m.end()).end() > m.end():
        base, kind = "元", "money"  # 十块三毛, 一百三十五块六角七分钱: 块 as money
    unit_end = m.end()
    if kind == "count" and written in ("个", "位") and folded.startswith("位次", end + 1):
        base, kind, unit_end = "位", "rank", end + 3  # 提高了5个位次
    if chinese and kind == "count" and value == 1 and not approx and not mid_approx:
        return None  # 一批, 一个, 一是: the numeral one is a word, not a figure
    if chinese and written in CN_NAME_UNITS:
        return None
    if _is_date(folded, start, end, value, written, chinese):
        return None
    if written in TIME_UNITS and (approx == "近" or (start > 0 and folded[start - 1] in "近前后这每")
                                   or re.match(r"(?:来|以来|内|间|后|前|中)", folded[unit_end:unit_end + 2])):
        return None  # 近三年, 三年内, 前两年: when, not how long
    if written == "年" and (value > 200 or (folded[unit_end:unit_end + 1] and _is_cjk(folded[unit_end])
                                            and folded[unit_end] not in "时的里多余左以之就才")):
        return None  # 三年行动计划, 百年历史, 2019年度: a name or a date, not a span of time
    if chinese and kind == "count" and folded[unit_end:unit_end + 1] and folded[unit_end] in CN_DIGITS:
        return None  # 四位一体, 四个一百: an idiom
    if chinese and _in_slogan(folded, start, unit_end):
        return None
    value *= factor
    if kind == "money":
        base, value, unit_end = money_tail(folded, start, unit_end, base, value)
    elif kind == "measure" and folded[unit_end:unit_end + 1] == "半":
        value, unit_end = value + 0.5 * factor, unit_end + 1  # 一吨半, 三斤半
    post_approx, end2 = _post_approx(folded, unit_end)
    if post_approx in ("余", "多"):  # 60%多, 2.5倍多
        unit_end = end2
    elif post_approx is not None:
        unit_end = end2
    approx = approx or mid_approx or post_approx
    in_minutes = time_tail(folded, unit_end, base, value) if kind == "duration" else None
    if in_minutes is not None:
        value, base, unit_end = in_minutes
    return Quantity(start, unit_end, value, None, base, kind, approx)


def _extend(folded: str, q: Quantity, value1: float, factor1: float) -> Quantity | None:
    """Join a range (500元—600元, 两万到五万斤) or a change (从6个增加到13个) to ``q``.

    ``q`` may still lack its unit (两万到五万斤); without a second part that
    supplies one, it is no figure. A multiplier written only on the second part
    applies to both (一百二十到一百五十万元).
    """
    changing = q.start > 0 and folded[q.start - 1] in "从由"
    change = _CHANGE_VERB.match(folded, q.end) if changing else None
    sep = change if change and change.end() > q.end else _RANGE_SEP.match(folded, q.end)
    if sep is not None and sep.end() > q.end:
        second = _number_at(folded, sep.end())
        if second is not None:
            value2, end2, chinese2, factor2 = second
            q2 = _finish(folded, sep.end(), end2, value2, chinese2, None, unit_optional=True)
            if q2 is not None and q2.unit and (not q.unit or q.unit == q2.unit):
                if q.unit:
                    low = q.value
                else:
                    unit_factor = q2.value / value2 if value2 else 1.0
                    shared = 1.0
                    if factor1 == (1.0,):  # 两到三千万: the largest multiplier that keeps low <= high
                        shared = max([f for f in factor2 if value1 * f <= value2] or [1.0])
                    low = value1 * shared * unit_factor
                if sep is change:
                    return Quantity(q.start - 1, q2.end, q2.value, None, q2.unit, q2.kind,
                                    q2.approx, change_from=low)
                if q2.value >= low:
                    return Quantity(q.start, q2.end, low, q2.value, q2.unit, q2.kind, q.approx or q2.approx)
    return q if q.unit else None


def _adjacent_digit_range(folded: str, i: int) -> Quantity | None:
    """两三个, 七八万元: two neighbouring digits are an approximate range."""
    m = re.match(r"([一二两三四五六七八九])([一二两三四五六七八九])", folded[i:])
    if not m:
        return None
    a, b = cn_value(m.group(1)), cn_value(m.group(2))
    if a is None or b is None or b != a + 1 and not (m.group(1) == "两" and m.group(2) == "三"):
        return None
    end = i + 2
    mult = re.match(r"[十百千万亿]+", folded[end:])
    factor = 1.0
    if mult:
        for ch in mult.group(0):
            factor *= MULTIPLIERS[ch]
        end += mult.end()
    q = _finish(folded, i, end, a * factor, True, None)
    if q is None:
        return None
    unit_factor = q.value / (a * factor)
    return Quantity(q.start, q.end, q.value, b * factor * unit_factor, q.unit, q.kind, "约")


_FRACTION = re.compile(
    rf"(百分之|千分之|万分之|百万分之|千万分之|万万分之|百万万分之|亿分之|([一二三四五六七八九十百千万]+|\d+)分之)"
    rf"({ARABIC}[kK]?|[{CN_CHARS}点]+)")
_FRACTION_RANGE = re.compile(r"百分之([一二两三四五六七八])([二三四五六七八九])(十)")
_TENTHS = re.compile(rf"({ARABIC}|[{CN_DIGITS}十点]+)(成|折)(半|[{CN_DIGITS}](?![{CN_CHARS}]))?")
# 成 and 折 starting a word: 建成, 成功, 折合 are no shares.
_NOT_TENTHS = re.compile(r"(?:成(?:功|立|为|员|本|果|绩|长|熟|就|交|效|都|型|品|套|片|规|网|链|群|色|分|份|风|年|人|材|像|形|真|活|全|倍|批|熟)"
                         r"|折(?:扣|合|算|旧|腾|叠|射|服|线|中|返|损|价|现))")
_HALF_SHARE = re.compile(r"半成|半折|(?<=打)对折")
_DOUBLING = re.compile(r"翻([一两二三四])番")
_SYMBOL_MONEY = re.compile(rf"([$￥¥€£])\s*({ARABIC})")
_SYMBOLS = {"$": "美元", "￥": "元", "¥": "元", "€": "欧元", "£": "英镑"}
_VAGUE = re.compile(r"(数|几)([十百千万亿]+)|十几")


def _special_at(folded: str, i: int) -> Quantity | None:
    """Quantities written other than as number + unit: 百分之三十, 千分之2.4, 六成, 八五折, 翻一番, $20, 几十万元."""
    m = _FRACTION_RANGE.match(folded, i)
    if m:  # 百分之二三十: 20–30%
        a, b = cn_value(m.group(1)), cn_value(m.group(2))
        unit = MULTIPLIERS[m.group(3)]
        if a is not None and b is not None and b == a + 1:
            return Quantity(i, m.end(), a * unit, b * unit, "%", "percent", "约")
    m = _FRACTION.match(folded, i)
    if m:
        numerator = leading_value(m.group(3))
        if m.group(2):
            denominator = leading_value(m.group(2))
        else:
            denominator = 1.0
            for ch in m.group(1)[:-2]:
                denominator *= MULTIPLIERS[ch]
        if numerator is not None and denominator:
            end = m.start(3) + leading_length(m.group(3))
            return Quantity(i, end, numerator / denominator * 100, None, "%", "percent", None)
    m = _TENTHS.match(folded, i)
    if m and not _NOT_TENTHS.match(folded, m.start(2)):
        share = _tenths_value(m.group(1), m.group(2), m.group(3))
        if share is not None:
            return Quantity(i, m.end(), share, None, "%", "percent", None)
    m = _HALF_SHARE.match(folded, i)
    if m:
        return Quantity(i, m.end(), 5.0 if m.group(0) == "半成" else 50.0, None, "%", "percent", None)
    m = _DOUBLING.match(folded, i)
    if m:
        times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[m.group(1)]
        return Quantity(i, m.end(), float(2 ** times), None, "倍", "multiple", None)
    m = _SYMBOL_MONEY.match(folded, i)
    if m:
        value = float(m.group(2).replace(",", ""))
        return Quantity(i, m.end(), value, None, _SYMBOLS[m.group(1)], "money", None)
    m = _VAGUE.match(folded, i)
    if m:
        if m.group(0) == "十几":
            low, high = 10.0, 20.0
        else:
            low = 1.0
            for ch in m.group(2):
                low *= MULTIPLIERS[ch]
            high = low * 10
        q = _finish(folded, i, m.end(), low, True, "约")
        if q is not None and q.kind != "rank":
            return Quantity(q.start, q.end, q.value, high * (q.value / low), q.unit, q.kind, "约")
    return None


def _tenths_value(number: str, word: str, tail: str | None) -> float | None:
    """六成 60%, 三成半 35%, 七成六 76%, 八五折 85%, 75折 75%, 9.9折 99%."""
    if number[0].isdigit():
        n = float(number.replace(",", ""))
    elif len(number) == 2 and all(ch in CN_DIGITS for ch in number):
        n = float(cn_value(number[0]) * 10 + cn_value(number[1]))  # 五五折, 三八折
    else:
        n = cn_decimal(number)
    if n is None or n <= 0:
        return None
    if word == "成":
        share = n * 10
        if tail == "半":
            share += 5
        elif tail:
            share += cn_value(tail) or 0
        return share if share <= 100 else None
    if tail:
        return None
    share = n * 10 if n <= 10 else n
    return share if share < 100 else None  # 十折 is no discount


_RANK_SCOPE = re.compile(r"(?:全省|全市|全国|全区|全县|全球|全行业)$")
_RANK_VERB = re.compile(r"(?:排名|位居|居于|居|名列|位列|排在|排|进入|跃居|跃升至|列|升至|进到|提升至|上升至|由)$")
_RANK_BODY = re.compile(rf"第({ARABIC}|[{CN_CHARS}]+)(位|名)?|首位")
_RANK_CHANGE = re.compile(rf"(?:进到|升至|上升到|上升至|提升到|提升至|跃升至|跃升到|进至|前进到)第({ARABIC}|[{CN_CHARS}]+)(位|名)")


def rank_at(folded: str, i: int) -> Quantity | None:
    """全省第二, 排名第七位, 全市第一位, 居全省首位, 由第20位进到第10位."""
    m = _RANK_BODY.match(folded, i)
    if not m:
        return None
    if m.group(0) == "首位":
        value = 1.0
    else:
        raw = m.group(1)
        value = float(raw) if raw[0].isdigit() else cn_value(raw)
        if value is None:
            return None
    end = m.end()
    change = _RANK_CHANGE.match(folded, end)
    if change:
        to_raw = change.group(1)
        to_value = float(to_raw) if to_raw[0].isdigit() else cn_value(to_raw)
        if to_value is not None:
            return Quantity(i, change.end(), to_value, None, "位", "rank", None, change_from=value)
    head = _rank_scope_start(folded, i)
    if head is None and not _RANK_VERB.search(folded, max(0, i - 3), i):
        return None  # a plain ordinal: 第一批, 第十三所
    if end < len(folded) and (folded[end] in CN_CHARS or folded[end].isdigit() or folded[end] in _ORDINAL_NOUNS):
        return None  # 全市第一批, 第二次: an ordinal after all
    return Quantity(i if head is None else head, end, value, None, "位", "rank", None)


_ORDINAL_NOUNS = set("批次届期轮季年天步阶类项个部章节条款版")


def _rank_scope_start(folded: str, i: int) -> int | None:
    """Start of the scope before 第 (全省第二, 廊坊市第一位), or None."""
    if _RANK_SCOPE.search(folded, max(0, i - 3), i):
        return i - 2 if folded[i - 3:i - 2] != "全" else i - 3
    for length in (3, 4):  # 廊坊市, 石家庄市: not 居廊坊市
        cand = folded[max(0, i - length):i]
        if len(cand) == length and cand[-1] in "市省县" and cand[0] not in "位居列排在于是为的":
            return i - length
    return None
