"""An article's tags: the words that set it apart, by jieba's TF-IDF keyword extraction.

TF-IDF rather than TextRank: on news and notices TextRank ranks the words an
article repeats (经济, 政策, 造成), TF-IDF the rarer ones that name what it is
about (a place, a person, a programme), and it is several times cheaper, which
matters at import (docs/benchmarks.md). Words every policy text uses (工作,
发展, 推进 …) are left out by a stop list, ``resources/keywords/stopwords.txt``,
added to jieba's own.

Only the title and the first ``LEAD_CHARACTERS`` of the text are read: a
report's subject is in its opening, and the cost of cutting words grows with
the length of the text.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from ..text.textnorm import simplify

TAGS_VERSION = 1  # bump when tags are chosen otherwise: stored articles are analysed again
MOST_TAGS = 5
LEAD_CHARACTERS = 600
_CANDIDATES = 20  # asked of jieba, before the words a tag cannot be are dropped
_CJK = re.compile(r"[\u3400-\u9fff]")
_AMOUNT = re.compile(r"^[万亿千百十][\u3400-\u9fff]$")  # 万元, 亿吨, 万株: the unit of a number
_lock = threading.Lock()


def stop_words(path=None) -> frozenset[str]:
    """The policy-news stop list: one word a line, ``#`` comments."""
    if path is None:
        from ...paths import resource

        path = resource("keywords", "stopwords.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(w for w in (line.strip() for line in f) if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _extractor():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # not the dictionary's loading messages on every import
    import jieba.analyse

    # jieba.analyse's own extractor: a new one would read the 6 MB of word weights again.
    extractor = jieba.analyse.default_tfidf
    extractor.stop_words = set(extractor.stop_words) | stop_words()
    return extractor


def _usable(word: str) -> bool:
    # Numbers, web addresses and single characters are never what an article is about.
    return len(word) >= 2 and bool(_CJK.search(word)) and not _AMOUNT.match(word)


def keywords(title: str, text: str, most: int = MOST_TAGS) -> list[str]:
    """The article's tags, best first."""
    # Simplified, so that the stop list and the tags are the same words in 張家口 and 张家口.
    lead = simplify(f"{title}\n{text[:LEAD_CHARACTERS]}")
    if not _CJK.search(lead):
        return []
    with _lock:  # jieba's tokenizer initialises itself on first use, once
        extractor = _extractor()
    return [w for w in extractor.extract_tags(lead, topK=_CANDIDATES) if _usable(w)][:most]
