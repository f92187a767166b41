"""Durations told from time frames: how long (连续5年, 提前72天, 一小时内到达) against when (近三年,
三年内, 未来5年, 经过30多年的发展, 新的一年).

``figure_numbers`` asks ``time_frame`` about a number with a time unit once it has read it.
"""

from __future__ import annotations

import re

# Verbs and adverbs before a span that make it measured: a streak, a lead time, how long it took.
DURATION_VERB = re.compile(r"(?:提前|历时|用时|耗时|仅用|只用|用了|花了|缩短|延长|连续|长达)了?$")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# Words before a span of time that make it a time frame: 未来5年, 新时代十年, 关键一年, 头三年.
_FRAME_BEFORE = re.compile(r"(?:未来|今后|此后|之后|最近|时代|关键|头|首)$")
_SHORT_TIMES = ("小时", "分钟", "秒", "秒钟")


def time_frame(folded: str, start: int, unit_end: int, value: float, written: str, chinese: bool,
               approx: str | None) -> bool:
    """近三年, 三年内, 前两年, 未来5年, 经过30多年的发展, 三年行动计划: when, or a name, not how long.

    A streak or a lead time (连续5年, 提前3个月) and a span said to be one (近两年时间, 十年之久)
    are measured; so are short times before 内 (一小时内到达, 30分钟内到达).
    """
    after = unit_end + 1 if folded[unit_end:unit_end + 1] in ("多", "余") else unit_end  # 四年多来
    if DURATION_VERB.search(folded, max(0, start - 3), start) or folded.startswith(("时间", "之久"), after):
        return False
    short = written in _SHORT_TIMES  # 经过6小时的飞行, 近4小时: how long; 经过30年, 近三年: when
    if (approx == "近" or folded[start - 1:start] == "近" or folded[start - 2:start] == "经过") and not short \
            or (start > 0 and folded[start - 1] in "前这每同某明") or folded.startswith(written, unit_end) \
            or folded[start - 2:start] == "过去" or _FRAME_BEFORE.search(folded, max(0, start - 2), start) \
            or written == "年" and folded[start - 1:start] == "的" \
            or re.match(r"(?:来|以来|间|后|前|中)", folded[after:after + 2]) \
            or folded.startswith("内", after) and not short:
        return True
    if written != "年":
        return False
    bounded = after > unit_end or folded.startswith(("以上", "以下", "左右"), unit_end)  # 一年多, 一年以上
    if value > 200 or chinese and value == 1 and not approx and not bounded:
        return True  # 百年历史, 2019年度, 新的一年
    return bool(folded[unit_end:unit_end + 1] and _is_cjk(folded[unit_end]) and folded[unit_end] not in "时的多余左以之就才")
