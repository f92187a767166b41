"""Reading one quantity in folded Chinese text: 1.5万余个, 两万到五万斤, 近千盒, 提前72天.

A number is a figure only with a unit (written, or implied by its words: 865亿 after 零售额),
a percent sign or as a stated rank; years, dates, time frames, ages, ordinals and numbers inside
slogans and titles are not. Numerals are read by ``numerals``, units are in ``figure_units``,
shares in ``figure_shares``, ranks in ``figure_ranks`` and spans of time in ``figure_durations``;
this module finds where a quantity starts and reads it whole: qualifiers (约, 以上), ranges, the
two ends of a change (``link_changes``) and what makes a number no figure.
"""

from __future__ import annotations

import re
from dataclasses import replace

# CN_CHARS, UNIT_NAMES, Quantity, rank_at and cn_value are part of this module's interface
# (figures.py reads them).
from .figure_durations import DURATION_VERB, time_frame
from .figure_ranks import rank_at
from .figure_shares import share_at
from .figure_units import (
    CN_NAME_UNITS, SUBUNITS, TIME_UNITS, UNIT_NAMES, UNITS, class_or_rate, implied_unit, money_tail, time_tail,
)
from .numerals import ARABIC, CN_CHARS, CN_DIGITS, CN_UNITS, MULTIPLIERS, cn_decimal, cn_value, trailing_multiplier
from .quantity import Quantity

__all__ = ["CN_CHARS", "UNIT_NAMES", "Quantity", "cn_value", "link_changes", "rank_at", "read_quantity", "scan_starts"]

# A number, and a unit right after one, as the scan reads them. Compiled here, not imported:
# CPython 3.11 calls a method of a name bound by an import (PATTERN.match) through a new bound
# method each time, which at every number of every page costs the figures step half a percent.
_NUMBER = re.compile(rf"{ARABIC}|[{CN_CHARS}]+(?:点[{CN_DIGITS}]+)?")
_UNIT_RE = re.compile("|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)))
# Matched at a position, never on a slice: a slice copies the rest of the page at every number.
_MULTIPLIER_RUN = re.compile(r"[十百千万亿]+")
_DIGIT_PAIR = re.compile(r"([一二两三四五六七八九])([一二两三四五六七八九])")

_START = re.compile(rf"\d|[{CN_CHARS}]|[第首]|翻[了一两二三四番]|半|对折|[$￥¥€£]|数|几")

_PRE_APPROX = ("将近", "近乎", "不少于", "不低于", "不超过", "不小于", "不大于", "至少", "最少", "最多", "高达", "多达",
               "不足", "不到", "超过", "大约", "约", "近", "超", "逾", "上", "过")
# Qualifiers written another way, as the rules name them (将近 is 近, 数十 is 几十).
_APPROX_NAMES = {"将近": "近", "大约": "约", "逾": "超", "上下": "左右", "数": "几"}
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
        mult = _MULTIPLIER_RUN.match(folded, end)
        if mult and not _UNIT_RE.match(folded, end):  # 160千瓦 is kilowatts, not 160 thousand 瓦
            run = mult.group(0)
            for stop in range(len(run) - 1, 0, -1):  # 20亿千瓦时, 300万千瓦: a unit may start with 千
                if _UNIT_RE.match(folded, end + stop):
                    run = run[:stop]
                    break
            factor = 1.0
            for ch in run:
                factor *= MULTIPLIERS[ch]
            return value * factor, end + len(run), False, (factor,)
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
    """近千, 上千万, 百余, 千亩, 千亿立方米: a bare multiplier that still names a number."""
    if folded[start - 1:start] in ("近", "上", "数", "几", "逾", "超", "过") or folded[end:end + 1] in ("余", "多"):
        return True
    if folded[end:end + 1] == "天" and start == end - 1:
        return True  # 百天: a hundred days
    unit = _UNIT_RE.match(folded, end)
    if unit is None or UNITS[unit.group(0)][1] != "measure" or unit.group(0) == "米":
        return False  # 万元, 亿元以上项目: a magnitude word in a category label; 百米
    if folded[end - 1] + unit.group(0) in UNITS or folded.startswith(("以上", "以下", "级以上", "级以下"), unit.end()):
        return False  # 千米 is a unit, 万吨级以上泊位 a category label
    return True


def _approx_before(folded: str, i: int) -> tuple[str | None, int]:
    for word in _PRE_APPROX_BY_LAST.get(folded[i - 1], ()) if i > 0 else ():
        if i >= len(word) and folded.startswith(word, i - len(word)):
            if word in ("上", "过") and folded[i:i + 1] not in ("千万百亿半" if word == "过" else "千万百亿"):
                continue  # 上 and 过 only in 上千万, 上百, 过万, 过百亿, 过半
            if word == "过" and folded[i - 2:i - 1] in ("超", "通", "经", "不", "越", "度", "跨", "错"):
                continue  # 超过 is read whole; 通过, 经过 are no qualifiers
            return _APPROX_NAMES.get(word, word), i - len(word)
    return None, i


def _post_approx(folded: str, i: int) -> tuple[str | None, int]:
    for word in _POST_APPROX_BY_FIRST.get(folded[i:i + 1], ()):
        if folded.startswith(word, i):
            return _APPROX_NAMES.get(word, word), i + len(word)
    return None, i


def _is_date(folded: str, start: int, end: int, value: float, unit: str, chinese: bool) -> bool:
    if unit == "年" and 1900 <= value <= 2100 and value == int(value):
        return True
    after = folded[end:end + 6]
    if not chinese and 1900 <= value <= 2100 and re.match(r"\s*[—–\-~～至到]\s*\d{4}\s*年", folded[end - 0:end + 8]):
        return True
    return unit == "" and bool(re.match(r"[年月日号]", after))


def _in_slogan(folded: str, start: int, end: int, marks: str = "“”", reach: int = 12) -> bool:
    """Inside a short quotation (“四个一百”, “三个倍增”): a slogan, not a figure."""
    left = folded.rfind(marks[0], max(0, start - reach), start)
    if left < 0:
        return False
    right = folded.find(marks[1], end, end + reach)
    closed_before = folded.find(marks[1], left, start)
    return right >= 0 and closed_before < 0 and (right - left) <= 2 * reach


def _in_title(folded: str, q: Quantity) -> bool:
    """Inside a short title (《山乡十年》, 《2000万元以下项目管理办法》): a name, not a figure."""
    return "《" in folded[max(0, q.start - 20):q.start] and _in_slogan(folded, q.start, q.end, "《》", 20)


def read_quantity(folded: str, i: int) -> Quantity | None:
    """The figure that starts at ``i`` (at its number), or None."""
    special = _special_at(folded, i)
    if special is not None:
        return _detached(folded, special)
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
    q = _extend(folded, q, value, factor)
    return None if q is None else _detached(folded, q)


def _detached(folded: str, q: Quantity) -> Quantity | None:
    """约占全部游客的40%: the share is approximate, the span stays 40%. None inside a title."""
    if _in_title(folded, q):
        return None
    if q.kind == "measure" and "/" not in q.unit:
        per = _PER_BEFORE.search(folded, max(0, q.start - 4), q.start)
        if per:  # 每秒15立方米: a rate, 立方米/秒
            return replace(q, unit=q.unit + "/" + UNITS[per.group(1)][0])
    if q.approx is None and q.kind == "percent":
        found = _DETACHED_APPROX.search(folded, max(0, q.start - 24), q.start)
        if found:
            return replace(q, approx=_APPROX_NAMES.get(found.group(1), found.group(1)))
    return q


_PER_BEFORE = re.compile(r"每(秒钟|秒|分钟|小时)(?:的|可|能|约|达|为)?$")
# A qualifier on the verb of a share, not on its number: 约占全部游客数量的40%.
_DETACHED_APPROX = re.compile(r"(大约|约|将近|近|超过|超)占[^，,。；;：:!！?？\d]{0,20}的$")


def _negative_sign(folded: str, i: int) -> int:
    """Length of a minus sign before ``i`` (负3.9%, -22.2%), or 0."""
    if i > 0 and folded[i - 1] == "负":
        return 1
    if i > 0 and folded[i - 1] == "-" and (i < 2 or not (folded[i - 2].isalnum() or folded[i - 2] in ")%")):
        return 1
    return 0


# Adverbs that belong to a duration's span: 提前72天, 连续5年.
_DURATION_ADVERBS = ("提前", "连续")
_HOURS_OR_MONTHS = re.compile(r"个(多|半)(小时|钟头|月)")
_GRADE_AFTER = re.compile(r"(?:以上)?(?:地震|大风|阵风|强风|风|左右的地震)")
_GRADE_BEFORE = re.compile(r"(?:震级|里氏|风力|阵风)(?:达到?|为|约)?$")


def _finish(folded: str, start: int, end: int, value: float, chinese: bool, approx: str | None,
            unit_optional: bool = False) -> Quantity | None:
    mid_approx, end = _post_approx(folded, end)  # 十多万, 1.5万余
    if mid_approx in ("多", "余"):
        mult = _MULTIPLIER_RUN.match(folded, end)
        if mult:
            for ch in mult.group(0):
                value *= MULTIPLIERS[ch]
            end = mult.end()
    elif mid_approx is not None:
        end -= len(mid_approx)
        mid_approx = None
    unit = _unit_at(folded, start, end)
    if unit is None:
        if unit_optional:
            return Quantity(start, end, value, None, "", "", approx or mid_approx)
        return None
    written, base, kind, factor, unit_end = unit
    if written == "个多":
        mid_approx = mid_approx or "多"
    elif written == "个半":
        value += 0.5
    if _not_a_figure(folded, start, end, unit_end, value, written, kind, chinese, approx or mid_approx):
        return None
    value *= factor
    if kind == "money":
        base, value, unit_end = money_tail(folded, start, unit_end, base, value)
    elif kind == "measure" and folded[unit_end:unit_end + 1] == "半":
        value, unit_end = value + 0.5 * factor, unit_end + 1  # 一吨半, 三斤半
    base, kind, unit_end = class_or_rate(folded, unit_end, base, kind)
    post_approx, end2 = _post_approx(folded, unit_end)
    if post_approx is not None:  # 60%多, 2.5倍多, 5万元以上
        unit_end = end2
    approx = approx or mid_approx or post_approx
    in_minutes = time_tail(folded, unit_end, base, value) if kind == "duration" else None
    if in_minutes is not None:
        value, base, unit_end = in_minutes
    if kind == "duration" and folded[start - 2:start] in _DURATION_ADVERBS:
        start -= 2
    return Quantity(start, unit_end, value, None, base, kind, approx)


def _unit_at(folded: str, start: int, end: int) -> tuple[str, str, str, float, int] | None:
    """(as written, base unit, kind, factor, end) of the unit at ``end``, or None."""
    hours = _HOURS_OR_MONTHS.match(folded, end)
    if hours:  # 两个多小时, 一个半月
        base = "个月" if hours.group(2) == "月" else "小时"
        return "个" + hours.group(1), base, "duration", 1.0, hours.end()
    m = _UNIT_RE.match(folded, end)
    if not m:
        if folded[end:end + 1] == "日" and DURATION_VERB.search(folded, max(0, start - 3), start):
            return "日", "日", "duration", 1.0, end + 1  # 提前三日, 历时十日: not a date
        if folded[end:end + 1] == "级" and (_GRADE_AFTER.match(folded, end + 1) or _GRADE_BEFORE.search(folded, max(0, start - 6), start)):
            return "级", "级", "measure", 1.0, end + 1  # 5.1级地震, 风力10级: a magnitude, not a rank of things
        return None
    written = m.group(0)
    base, kind, factor = UNITS[written]
    if written == "块" and SUBUNITS.match(folded, m.end()).end() > m.end():
        base, kind = "元", "money"  # 十块三毛, 一百三十五块六角七分钱: 块 as money
    if kind == "count" and written in ("个", "位") and folded.startswith("位次", end + 1):
        return "位次", "位", "rank", 1.0, end + 3  # 提高了5个位次
    return written, base, kind, factor, m.end()


def _not_a_figure(folded: str, start: int, end: int, unit_end: int, value: float, written: str, kind: str,
                  chinese: bool, approx: str | None) -> bool:
    """A number with a unit that is still a word, a name, a date or a time frame."""
    if chinese and kind == "count" and value == 1 and not approx:
        return True  # 一批, 一个, 一是: the numeral one is a word, not a figure
    if chinese and written in CN_NAME_UNITS or written == "位" and folded.startswith("数", unit_end):
        return True  # 二期工程, 两位数增长
    if folded[unit_end:unit_end + 1] in ("岁", "年") and written in ("周", "岁"):
        return True  # 十六周岁, 100周年: an age or an anniversary
    if chinese and value == 1 and written == "度" and not approx:
        return True  # 一度: once, for a while
    if written == "目" and (chinese or folded[unit_end:unit_end + 1] in ("标", "录", "前")):
        return True  # 3200目 is a mesh size; 三目, 5目标 are not
    if _is_date(folded, start, end, value, written, chinese):
        return True
    if written in TIME_UNITS and time_frame(folded, start, unit_end, value, written, chinese, approx):
        return True
    if chinese and kind == "count" and folded[unit_end:unit_end + 1] and folded[unit_end] in CN_DIGITS:
        return True  # 四位一体, 四个一百: an idiom
    if kind == "duration" and _in_slogan(folded, start, unit_end):
        return True  # “15分钟便民圈”: the name of a plan
    return chinese and _in_slogan(folded, start, unit_end, reach=16)


def _extend(folded: str, q: Quantity, value1: float, factor1: float) -> Quantity | None:
    """Join a range (500元—600元, 两万到五万斤) to ``q``; give 从6到13个 its unit (6个).

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
                if sep is change:  # each end of a change is a figure of its own: see link_changes
                    return q if q.unit else Quantity(q.start, q.end, low, None, q2.unit, q2.kind, q.approx)
                if q2.value >= low:
                    return Quantity(q.start, q2.end, low, q2.value, q2.unit, q2.kind, q.approx or q2.approx)
    if q.unit:
        return q
    implied = implied_unit(folded, q.start, q.end) if max(factor1) >= 10_000 else None
    return Quantity(q.start, q.end, q.value, None, *implied, q.approx) if implied else None  # 865亿, 46.8万农村人口


def _adjacent_digit_range(folded: str, i: int) -> Quantity | None:
    """两三个, 七八万元: two neighbouring digits are an approximate range."""
    m = _DIGIT_PAIR.match(folded, i)
    if not m:
        return None
    a, b = cn_value(m.group(1)), cn_value(m.group(2))
    if a is None or b is None or b != a + 1 and not (m.group(1) == "两" and m.group(2) == "三"):
        return None
    end = i + 2
    mult = _MULTIPLIER_RUN.match(folded, end)
    factor = 1.0
    if mult:
        for ch in mult.group(0):
            factor *= MULTIPLIERS[ch]
        end = mult.end()
    q = _finish(folded, i, end, a * factor, True, None)
    if q is None:
        return None
    unit_factor = q.value / (a * factor)
    return Quantity(q.start, q.end, q.value, b * factor * unit_factor, q.unit, q.kind, "约")


_VAGUE = re.compile(r"(数|几)([十百千万亿]+)|十几")


def _special_at(folded: str, i: int) -> Quantity | None:
    """A share, doubling or symbol amount (``figure_shares``) or a vague amount (几十万元, 数百家),
    with the approximation words around it (超过六成, 半数以上, 近1/3)."""
    q = share_at(folded, i)
    if q is not None:
        if q.approx is None:
            approx, start = _approx_before(folded, i)
            post, end = _post_approx(folded, q.end)
            if post is None:
                end = q.end
            if approx or post:
                return Quantity(start, end, q.value, q.value_high, q.unit, q.kind, approx or post)
        return q
    m = _VAGUE.match(folded, i)
    if m:
        if m.group(0) == "十几":
            low, high = 10.0, 20.0
        else:
            low = 1.0
            for ch in m.group(2):
                low *= MULTIPLIERS[ch]
            high = low * 10
        q = _finish(folded, i, m.end(), low, True, "几")
        if q is not None and q.kind != "rank":
            return Quantity(q.start, q.end, q.value, high * (q.value / low), q.unit, q.kind, "几")
    return None


# What stands between the two ends of a change: 从6个增加到13个, 由第20位进到第10位.
_CHANGE_LINK = re.compile(r"(?:增加|增长|提高|提升|上升|减少|下降|降低|扩大|缩小|跃升|发展|压减|压缩|缩短|延长|前进|进|升)?"
                          r"了?(?:到|至)(?:[^，,。；;！？\n\d]{1,8}的)?")
# 从/由 and a time before the first end (由起步时的1200家, 从2018年的15%).
_CHANGE_START = re.compile(r"(?:从|由)(?:[^，,。；;！？\n]{0,12}的)?$")


def link_changes(folded: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities, the second end of each 从…到 change knowing where it came from.

    Both ends are figures (从11%提高到32%: 11% and 32%); the second carries the first's value
    as ``change_from``.
    """
    linked = list(quantities)
    for k in range(1, len(linked)):
        a, b = linked[k - 1], linked[k]
        if a.unit == b.unit and (a.kind == "rank" or _CHANGE_START.search(folded, max(0, a.start - 16), a.start)) and \
                _CHANGE_LINK.fullmatch(folded, a.end, b.start):
            linked[k] = replace(b, change_from=a.value)
    return linked
