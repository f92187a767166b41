"""The words an article holds: those of jieba's dictionary and the gazetteer's names.

Not a segmentation: every dictionary word that occurs anywhere in the text, found
by one Aho-Corasick automaton (ahocorasick-rs, in Rust) in a pass over the text.
A segmenter (jieba) costs more per article than all the rest of an import, and
n-grams looked up in Python about half of the analysis; the automaton a few per
cent of it. What the words are for: pinyin search (``store/vocabulary.py``).

jieba's file is read with one expression, not through jieba's loader, which holds
the interpreter for a second (see ``text/cleaning.py``). Words seen fewer than 20
times in jieba's corpus are left out: they are many (220,000 more) and mostly
names no one types in pinyin; the regions are in whatever their frequency.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DICT_LINE = re.compile(r"^([\u3400-\u9fff]{2,5}) ([2-9]\d|[1-9]\d{2,}) ", re.M)


@lru_cache(maxsize=1)
def dictionary() -> tuple[str, ...]:
    import importlib.util
    from pathlib import Path

    from .gazetteer import gazetteer

    words: set[str] = set()
    spec = importlib.util.find_spec("jieba")
    if spec is not None and spec.origin is not None:
        text = (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")
        words.update(word for word, _count in _DICT_LINE.findall(text))
    for region in gazetteer().regions:
        words.update(n for n in (region.name, *region.short_names) if len(n) >= 2)
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _automaton():
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(dictionary())


def words_in(*folded: str) -> frozenset[str]:
    """The dictionary's words that occur in these texts (folded: simplified characters)."""
    automaton = _automaton()
    found: set[str] = set()
    for text in folded:
        if text:
            found.update(automaton.find_matches_as_strings(text, overlapping=True))
    return frozenset(found)
