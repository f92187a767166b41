"""Reading numerals: Arabic (1,100, 40.51, 3.2k) and Chinese (两万, 三千五百, 十多万, 四点五).

cn2an converts the Chinese ones; it is imported on first use, so starting the application does
not pay for it. What a number counts (its unit) is in ``figure_units``; where a figure starts and
what makes a number one is in ``figure_numbers``.
"""

from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_CHARS = CN_DIGITS + CN_UNITS
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"


@lru_cache(maxsize=4096)
def cn_value(numeral: str) -> float | None:
    """Value of a Chinese numeral (两万, 三千五百, 十, 千万); None if it is not one."""
    import cn2an

    if not numeral or any(ch not in CN_CHARS for ch in numeral):
        return None
    if len(numeral) >= 2 and not any(ch in CN_UNITS for ch in numeral) and not any(ch in "〇零" for ch in numeral):
        return None  # 三四, 七八: a range, not thirty-four
    if numeral[0] in CN_UNITS:
        numeral = "一" + numeral  # 千万 = 一千万, 十 = 一十
    try:
        value = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def trailing_multiplier(numeral: str) -> tuple[float, ...]:
    """The multipliers a numeral ends with, smallest first: 一百五十万 -> (1e4, 1e5)."""
    factors, factor = [], 1.0
    for ch in reversed(numeral):
        if ch not in CN_UNITS:
            break
        factor *= MULTIPLIERS[ch]
        factors.append(factor)
    return tuple(factors) or (1.0,)


def leading_value(raw: str) -> float | None:
    """An Arabic (1,111  3.2k) or Chinese (一百二十点五) number, or its longest head that is one."""
    m = re.match(rf"{ARABIC}", raw)
    if m:
        value = float(m.group(0).replace(",", ""))
        return value * 1000 if raw[m.end():m.end() + 1] in ("k", "K") else value
    for stop in range(len(raw), 0, -1):
        value = cn_decimal(raw[:stop])
        if value is not None:
            return value
    return None


def leading_length(raw: str) -> int:
    m = re.match(rf"{ARABIC}[kK]?", raw)
    if m:
        return m.end()
    for stop in range(len(raw), 0, -1):
        if cn_decimal(raw[:stop]) is not None:
            return stop
    return len(raw)


def cn_decimal(raw: str) -> float | None:
    if "点" in raw:
        whole, _, frac = raw.partition("点")
        w = cn_value(whole) if whole else 0.0
        digits = "".join(str(int(cn_value(ch) or 0)) for ch in frac)
        return None if w is None else float(f"{int(w)}.{digits}")
    return cn_value(raw)


def any_value(raw: str) -> float | None:
    return float(raw.replace(",", "")) if raw[0].isdigit() else cn_value(raw)
