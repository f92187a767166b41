"""Parts of speech of common words, to tell where a noun phrase ends.

Read from jieba's dictionary file (``word frequency tag``) rather than through
jieba's loader, whose marshal.load of a cache holds the interpreter for most of a
second. Only words of two to four characters counted at least 20 times are kept:
single characters are handled by the phrase rules, and rare entries mislead.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_ENTRY = re.compile(r"^(\S{2,4}) (?:[2-9]\d|[1-9]\d{2,}) (\w+)$", re.M)
LONGEST = 4


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Word → jieba part-of-speech tag (n, v, vn, d, t …); empty without jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "dict.txt"
    try:
        return dict(_ENTRY.findall(path.read_text(encoding="utf-8")))
    except OSError:
        return {}


@lru_cache(maxsize=1)
def _openings() -> frozenset[str]:
    """The first two characters of every word: most positions start none, and need one look-up."""
    return frozenset(word[:2] for word in word_tags())


def words_at(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``folded[start:end]`` cut into dictionary words, longest first: (start, end, tag).

    A character no word starts with is a word of its own, tagged ``""``.
    """
    tags, openings = word_tags(), _openings()
    out, i = [], start
    while i < end:
        if folded[i:i + 2] in openings:
            for size in range(min(LONGEST, end - i), 1, -1):
                tag = tags.get(folded[i:i + size])
                if tag is not None:
                    out.append((i, i + size, tag))
                    i += size
                    break
            else:
                out.append((i, i + 1, ""))
                i += 1
        else:
            out.append((i, i + 1, ""))
            i += 1
    return out
