"""The library's vocabulary: its Chinese words with their pinyin, so that ``zjk`` finds 张家口.

The pinyin of whole texts is not indexed. Each library keeps a table of the words
its articles hold (``search_words``: word, full pinyin, initials), filled as
articles are stored. A Latin search term is matched against it — a prefix of the
full pinyin or of the initials, spaces ignored — and the search then looks for
the matching Chinese words as well, with the usual exact substring semantics.

Which words: those of jieba's dictionary and the gazetteer's region names, wherever
they occur in a title or a text (``extract/words.py``, found as articles are analysed).
A word has its word-level reading (长安区 chang'anqu, 重庆 chongqing); a single
character has every reading (长: chang, zhang).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from .search import ParsedQuery

VOCABULARY_VERSION = 1  # bump when the words or their keys change: libraries rebuild the table
MOST_WORDS = 40  # Chinese words one Latin term may stand for (the likeliest: exact keys, short ones)
_CANDIDATES = 400  # rows read from the table for one term before choosing
_SHORTEST_KEY = 2  # a single letter would stand for thousands of words

_LATIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def readings(word: str) -> list[tuple[str, str]]:
    """(full pinyin, initials) of a word: its word-level reading; every reading of a lone character."""
    from pypinyin import Style, lazy_pinyin, pinyin

    if len(word) == 1:
        syllables = [[s] for s in dict.fromkeys(pinyin(word, style=Style.NORMAL, heteronym=True)[0])]
        return [(s[0], s[0][0]) for s in syllables if s[0].isalpha() and s[0].isascii()]
    full = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    if len(full) != len(word) or not all(s.isascii() and s.isalpha() for s in full):
        return []  # a character without a reading: the word cannot be typed in pinyin
    return [("".join(full), "".join(s[0] for s in full))]


def reading_rows(words) -> list[tuple[str, str, str]]:
    """(word, pinyin, initials) rows for the vocabulary table."""
    return [(w, p, i) for w in sorted(words) for p, i in readings(w)]


def pinyin_key(term: str) -> str | None:
    """The letters of a Latin search term (already folded), spaces dropped; None when not Latin."""
    if not _LATIN.fullmatch(term):
        return None
    key = term.replace(" ", "")
    return key if len(key) >= _SHORTEST_KEY else None


def key_range(key: str) -> tuple[str, str]:
    """Keys that start with ``key`` lie in [low, high) (keys are lower-case ASCII letters)."""
    return key, key + "{"  # '{' follows 'z'


def choose_words(key: str, rows) -> list[str]:
    """The words a key stands for, from ``(word, pinyin, initials)`` rows whose key it starts.

    Keys typed whole (zjk for 张家口) before longer ones, shorter words first; a word that
    holds another chosen word is left out, since searching for the shorter finds it too.
    """
    def rank(row):
        word, full, initials = row
        whole = key in (full, initials)
        return (not whole, min(len(full) if full.startswith(key) else 99, len(initials)
                               if initials.startswith(key) else 99), len(word), word)

    chosen: list[str] = []
    for word, *_keys in sorted(set(rows), key=rank):
        if word in chosen or any(c in word for c in chosen):
            continue
        chosen = [c for c in chosen if word not in c] + [word]
        if len(chosen) >= MOST_WORDS:
            break
    return chosen


def with_pinyin(parsed: ParsedQuery, words_for: Callable[[str], list[str]]) -> ParsedQuery | None:
    """The query with the Chinese words its Latin terms spell as alternatives; None when none do.

    ``zjk 科技`` becomes ``(zjk OR 张家口) 科技``. Latin terms in a row are one key first
    (``zhang jia kou``): each keeps its own place, and the words stand beside every one of
    them, ``(zhang OR 张家口) (jia OR 张家口) (kou OR 张家口)``, which is
    ``(zhang jia kou) OR 张家口``. Excluded terms stay as typed.
    """
    groups = [list(g) for g in parsed.required]
    changed = False
    i = 0
    while i < len(groups):
        j = i
        while j < len(groups) and len(groups[j]) == 1 and pinyin_key(groups[j][0]) is not None:
            j += 1
        run = groups[i:j]
        words = words_for("".join(pinyin_key(g[0]) for g in run)) if j - i >= 2 else []
        if words:
            for g in run:
                g.extend(w for w in words if w not in g)
            changed = True
            i = j
            continue
        for term in list(groups[i]):
            key = pinyin_key(term)
            found = words_for(key) if key is not None else []
            groups[i].extend(w for w in found if w not in groups[i])
            changed = changed or bool(found)
        i += 1
    if not changed:
        return None
    return replace(parsed, required=tuple(tuple(g) for g in groups))
