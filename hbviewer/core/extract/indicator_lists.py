"""Indicators of figures that share one sentence: 分别 lists and 其中 parts.

``A、B、C分别达到x、y、z`` gives each value its own subject, in order; in
``…企业500家,其中120家…`` a part with no words of its own (or only a place name) is
named by the whole. Both run after every figure has its own indicator.
"""

from __future__ import annotations

import re

from .indicator_phrases import Span, clean_before, sentence_break
from .indicators import Draft, is_place

_FENBIE = re.compile(r"分别(?:达到了?|达|为|是|增长|增加|发展到|提高|有)?")
_LIST_SEP = re.compile(r"[、和及与]")
_LIST_GAP = set("、和及与,，")


def apply_fenbie(folded: str, drafts: list[Draft]) -> None:
    """领军企业、高新技术企业、科技型中小企业分别达到2家、295家、2698家: one subject each."""
    for m in _FENBIE.finditer(folded):
        after = [d for d in drafts if d.q.start >= m.end() and not sentence_break(folded, m.end(), d.q.start)]
        if not after:
            continue
        listed = [after[0]]
        for d in after[1:]:
            gap = folded[listed[-1].q.end:d.q.start]
            if len(gap) <= 2 and all(ch in _LIST_GAP for ch in gap):
                listed.append(d)
            else:
                break
        start = m.start()
        lo = start
        while lo > 0 and folded[lo - 1] not in ",，;；。:：\n":
            lo -= 1
        if any(lo <= d.q.start < start for d in drafts):
            continue
        # 分别 after figures: the subjects may be the figures' own (…221家、…2150家,分别是…的1.66倍、1.3倍).
        before_clause = [d for d in drafts if d.q.end <= lo and not sentence_break(folded, d.q.end, lo)]
        subjects = _subjects(folded, lo, start)
        if len(subjects) >= 2 or not before_clause:
            for d, subject in zip(listed, subjects):
                d.spans = subject
        elif len(before_clause) >= len(listed):
            for d, src in zip(listed, before_clause[-len(listed):]):
                d.spans = src.spans


def _subjects(folded: str, lo: int, hi: int) -> list[tuple[Span, ...]]:
    """The listed subjects in ``folded[lo:hi]``, each as written: in 城镇、农村居民人均可支配收入
    the first is 城镇, the words the text gives it, not a head borrowed from the second."""
    pieces, a = [], lo
    for m in _LIST_SEP.finditer(folded, lo, hi):
        pieces.append((a, m.start()))
        a = m.end()
    pieces.append((a, hi))
    return [(s,) for s in (clean_before(folded, x, y) for x, y in pieces) if s]


_QIZHONG = "其中"
_QIZHONG_REACH = 40


def apply_qizhong(folded: str, drafts: list[Draft]) -> None:
    """…高新技术企业500家,其中120家在县城: the part inherits the whole's indicator.

    A part with words of its own keeps them (其中国家级120家 -> 国家级): an indicator is one
    phrase of the text, and the whole's stays on the whole."""
    for k, d in enumerate(drafts):
        at = folded.rfind(_QIZHONG, max(0, d.q.start - _QIZHONG_REACH), d.q.start)
        if at < 0 or any(ch in "。!！?？\n" for ch in folded[at:d.q.start]):
            continue
        whole = next((p for p in reversed(drafts[:k]) if p.q.end <= at), None)
        if whole is None or not whole.spans or "\n" in folded[whole.q.end:at] or whole.q.unit != d.q.unit:
            continue
        own = d.phrase(folded)
        if not own or is_place(own) or (d.spans and d.spans[0][0] < at):
            d.spans = whole.spans  # nothing of its own, or words from before 其中
