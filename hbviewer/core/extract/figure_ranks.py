"""Ranks stated as a result: 全省第二, 排名第七位, 居全国首位, 全国第二大, 全国10强, 全省前十.

A rank is a figure only as a standing: with its scope (全省, 全国, 廊坊市), after a verb of
ranking (排名, 位居), or as 第N大. The scope is part of the span, the verb is not. Ordinals
that count or name things are no ranks: 第一批, 第四届, 全国首个, 全省第一家, 世界500强.
"""

from __future__ import annotations

import re

from .numerals import ARABIC, CN_CHARS, cn_value
from .quantity import Quantity

_RANK_SCOPE = re.compile(r"(?:全省|全市|全国|全区|全县|全球|全行业|全世界|世界|全网)$")
_SCOPED_FIELD = re.compile(r"(?:全省|全市|全国|全区|全县|全球|全世界)([\u4e00-\u9fff]{1,4})$")
_NOT_A_FIELD = re.compile(r"[排居列位名在于是为的已均仍连续年首中里内]")
_SCOPE_ENDS = set("前省市国区县球业界网")  # the last character of 前 and of each scope word
_RANK_VERB = re.compile(r"(?:排名|位居|居于|居|名列|位列|排在|排|进入|跃居|跃升至|跃升到|列|升至|进到|进至|提升至|提升到|上升至|上升到|由)$")
_RANK_BODY = re.compile(rf"第({ARABIC}|[{CN_CHARS}]+)(位|名|大)?|首位")
_RANK_MOVE = re.compile(r"(?:进到|进至|前进到|升至|上升到|上升至|提升到|提升至|跃升至|跃升到)第")
# 全国10强, 全省前十, 全国前10名: a place within the top N of a scope.
_TOP = re.compile(rf"(前)?({ARABIC}|[{CN_CHARS}]+)(强|名|位)?")
_TOP_VERB = re.compile(r"(?:排名|排在|位居|居|位列|名列|分列|进入|跻身|跃居|稳居|列)$")
# What makes 百强县, 十强企业, 前三季度 a name or a time frame rather than a standing.
_TOP_NAME_AFTER = re.compile(r"[县市区镇乡村企榜单季月年天周届批期轮个项家名位大]")
_ORDINAL_NOUNS = set("批次届期轮季年天步阶类项个部章节条款版家座所例台架艘单张份件只支场站号回代任波层本册卷集课组")


def _number(raw: str) -> float | None:
    return float(raw) if raw[0].isdigit() else cn_value(raw)


def rank_at(folded: str, i: int) -> Quantity | None:
    """The rank whose number (or 第, 首) is at ``i``, its scope included; or None."""
    ch = folded[i]
    if ch == "第" or ch == "首":
        return _ordinal_rank(folded, i)
    if i > 0 and folded[i - 1] in _SCOPE_ENDS and (folded[i - 1] == "前" or _RANK_SCOPE.search(folded, max(0, i - 3), i)):
        return _top_rank(folded, i)
    return None


def _ordinal_rank(folded: str, i: int) -> Quantity | None:
    m = _RANK_BODY.match(folded, i)
    if not m:
        return None
    if m.group(0) == "首位":
        value = 1.0
    else:
        value = _number(m.group(1))
        if value is None:
            return None
    end = m.end()
    head = _rank_scope_start(folded, i)
    largest = m.group(2) == "大"  # 第二大: a standing by size, with or without a scope
    moved = _RANK_MOVE.match(folded, end) is not None  # 由2018年的第20位进到第10位
    verb = None if head is not None or largest or moved else _RANK_VERB.search(folded, max(0, i - 3), i)
    if head is None and not largest and not moved and (verb is None or verb.group(0) == "由" and not m.group(2)):
        return None  # a plain ordinal: 第一批, 第十三所, 由第一作者
    if not largest and end < len(folded) and (
            folded[end] in CN_CHARS or folded[end].isdigit() or folded[end] in _ORDINAL_NOUNS):
        return None  # 全市第一批, 第二次, 全省第一家: an ordinal after all
    return Quantity(i if head is None else head, end, value, None, "位", "rank", None)


def _top_rank(folded: str, i: int) -> Quantity | None:
    """全国10强, 全省前十, 全国前10名 (value 10); not 前三季度, 全省30个, 世界500强 (a list's name)."""
    m = _TOP.match(folded, i)
    if not m or m.group(1):
        return None
    top = folded[i - 1] == "前"
    before = i - 1 if top else i
    scope = _RANK_SCOPE.search(folded, max(0, before - 3), before)
    if scope is None and top and _TOP_VERB.search(folded, max(0, before - 2), before):
        if folded.startswith("的", m.end()):
            return None  # 排名前三的城市: a class of things, not a standing
        start = before  # 分列前三位, 排名前五: a standing without a scope word
    elif scope is None or not top and (m.group(3) != "强" or scope.group(0) in ("世界", "全球", "全世界")):
        return None
    else:
        start = scope.start()
    value = _number(m.group(2))
    if value is None or value < 2 or _TOP_NAME_AFTER.match(folded, m.end()) or folded.startswith("%", m.end()):
        return None
    return Quantity(start, m.end(), value, None, "位", "rank", None)


def _rank_scope_start(folded: str, i: int) -> int | None:
    """Start of the scope before 第 (全省第二, 廊坊市第一位), or None."""
    scope = _RANK_SCOPE.search(folded, max(0, i - 3), i)
    if scope:
        return scope.start()
    scoped = _SCOPED_FIELD.search(folded, max(0, i - 8), i)
    if scoped and not _NOT_A_FIELD.search(scoped.group(1)):
        return scoped.start()  # 全国沿海港口首位, 全省同类县第一: a scope narrowed by what is ranked
    for length in (3, 4):  # 廊坊市, 石家庄市: not 居廊坊市
        cand = folded[max(0, i - length):i]
        if len(cand) == length and cand[-1] in "市省县" and cand[0] not in "位居列排在于是为的":
            return i - length
    return None
