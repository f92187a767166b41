"""Quantities written other than as number + unit: shares, fractions, doublings, symbols.

百分之三十, 千分之2.4, 1/3 (33.33 %), 六成, 八五折, 半数 (50 %), 翻一番 (2 倍), $20. Each
reader returns a Quantity without the approximation words around it (超过六成, 半数以上):
``figure_numbers`` adds those, as for any figure.
"""

from __future__ import annotations

import re

from .numerals import ARABIC, CN_CHARS, CN_DIGITS, MULTIPLIERS, cn_decimal, cn_value, leading_length, leading_value
from .quantity import Quantity

_FRACTION = re.compile(
    rf"(百分之|千分之|万分之|百万分之|千万分之|万万分之|百万万分之|亿分之|([一二三四五六七八九十百千万]+|\d+)分之)"
    rf"({ARABIC}[kK]?|[{CN_CHARS}点]+)")
_FRACTION_RANGE = re.compile(r"百分之([一二两三四五六七八])([二三四五六七八九])(十)")
# 1/3, 2/5: a share written as a fraction, not a date (2024/1/3), a code or a ratio of big numbers.
_SLASH_FRACTION = re.compile(r"(\d{1,2})/(\d{1,3})(?![\d/.A-Za-z])")
_TENTHS = re.compile(rf"({ARABIC}|[{CN_DIGITS}十点]+)(成|折)(半|[{CN_DIGITS}](?![{CN_CHARS}]))?")
# 成 and 折 starting a word: 建成, 成功, 折合 are no shares.
_NOT_TENTHS = re.compile(r"(?:成(?:功|立|为|员|本|果|绩|长|熟|就|交|效|都|型|品|套|片|规|网|链|群|色|分|份|风|年|人|材|像|形|真|活|全|倍|批|熟)"
                         r"|折(?:扣|合|算|旧|腾|叠|射|服|线|中|返|损|价|现))")
_HALF_SHARE = re.compile(r"半成|半折|(?<=打)对折")
# 半数 is half of those counted; 过半, 超半, 近半 the same with a qualifier (not 过半年, 近半个月).
_HALF = re.compile(r"半数|(?<=[过超近逾])半(?![年月天日周个小时程场岛山径导路身])")
_DOUBLING = re.compile(r"翻(了)?([一两二三四])番|翻(了)?番")
_SYMBOL_MONEY = re.compile(rf"([$￥¥€£])\s*({ARABIC})")
_SYMBOLS = {"$": "美元", "￥": "元", "¥": "元", "€": "欧元", "£": "英镑"}


def share_at(folded: str, i: int) -> Quantity | None:
    """A share, fraction, doubling or symbol amount that starts at ``i``, or None."""
    ch = folded[i]
    if ch in "$￥¥€£":
        m = _SYMBOL_MONEY.match(folded, i)
        return Quantity(i, m.end(), float(m.group(2).replace(",", "")), None, _SYMBOLS[ch], "money", None) if m else None
    if ch == "翻":
        return _doubling(folded, i)
    if ch == "半" or ch == "对":
        m = _HALF.match(folded, i) or _HALF_SHARE.match(folded, i)
        if m is None:
            return None
        return Quantity(i, m.end(), 5.0 if m.group(0) == "半成" else 50.0, None, "%", "percent", None)
    window = folded[i:i + 12]  # most numbers are no share: look for the words that make one first
    if "分之" in window or "/" in window[:3]:
        found = _fraction(folded, i)
        if found is not None:
            return found
    return _tenths(folded, i) if "成" in window or "折" in window else None


def _fraction(folded: str, i: int) -> Quantity | None:
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
    m = _SLASH_FRACTION.match(folded, i)
    if m and (i == 0 or folded[i - 1] not in "/.-:"):
        numerator, denominator = int(m.group(1)), int(m.group(2))
        if 0 < numerator < denominator <= 100:
            return Quantity(i, m.end(), round(numerator / denominator * 100, 2), None, "%", "percent", None)
    return None


def _tenths(folded: str, i: int) -> Quantity | None:
    m = _TENTHS.match(folded, i)
    if m and not _NOT_TENTHS.match(folded, m.start(2)):
        share = _tenths_value(m.group(1), m.group(2), m.group(3))
        if share is not None:
            return Quantity(i, m.end(), share, None, "%", "percent", None)
    return None


def _doubling(folded: str, i: int) -> Quantity | None:
    """翻一番 2 倍, 翻了两番 4 倍, 翻番 2 倍; 翻了一番多 keeps 多."""
    m = _DOUBLING.match(folded, i)
    if not m:
        return None
    times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[m.group(2)] if m.group(2) else 1
    end, approx = m.end(), None
    if folded.startswith("多", end):
        end, approx = end + 1, "多"
    return Quantity(i, end, float(2 ** times), None, "倍", "multiple", approx)


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
