"""Character-level normalisation shared by display, splitting and search.

Two forms of every text exist:

* the *display* form, what staff read: the decoded text with full-width ASCII
  (３年, ＶＩＰ, ，) turned into ordinary characters, nothing else changed;
* the *folded* form, used only for matching: traditional characters turned into
  simplified ones and letters lower-cased.

Folding never changes the length of a string, so an offset found in the folded
form is the same offset in the display form. That is what lets search hits and
figure spans be highlighted in the text that is shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Full-width digits and letters (３年, ＶＩＰ) and the signs that belong to numbers
# (％ ． ＋ －) become ASCII. Chinese punctuation stays as written: the full-width
# comma is what tells 20，300 (two numbers) from 20,300 (one). NBSP and other odd
# spaces become plain spaces, so that paragraph splitting sees one kind of blank.
_FULL_WIDTH_NUMBERS = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                       0xFF05, 0xFF0E, 0xFF0B, 0xFF0D]
_DISPLAY_CHARS = {chr(cp): chr(cp - 0xFEE0) for cp in _FULL_WIDTH_NUMBERS}
_DISPLAY_CHARS.update(dict.fromkeys("\u00a0\u2002\u2003\u2009", " "))
_DISPLAY_CHARS.update(dict.fromkeys("\u200b\ufeff", ""))
_NEEDS_DISPLAY = re.compile("[" + "".join(_DISPLAY_CHARS) + "]")
# For matching, every full-width ASCII variant and the ideographic space fold.
_MATCH_CHARS = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_MATCH_CHARS.update(dict.fromkeys("\u3000\u00a0\u2002\u2003\u2009", " "))
_NEEDS_MATCH = re.compile("[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009]")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_display(text: str) -> str:
    """Normalise decoded text for showing and storing (full-width ASCII, odd spaces)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LONE_SURROGATE.sub("\ufffd", text)  # cannot be stored or converted
    return replace_each(text, _NEEDS_DISPLAY, _DISPLAY_CHARS)


def replace_each(text: str, which: re.Pattern, table: dict[str, str]) -> str:
    """``text`` with each character ``which`` finds replaced as ``table`` says.

    A text holds few kinds of these characters (，：（）), often many times:
    replacing each kind found is about five times quicker than translate(),
    which looks up every character of the text.
    """
    for ch in set(which.findall(text)):
        text = text.replace(ch, table[ch])
    return text


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: constructing the converter costs ~12 ms

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _simplify_char(ch: str) -> str:
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


def simplify(text: str) -> str:
    """Traditional characters turned into simplified ones; same length, all else kept.

    OpenCC converts whole phrases; on the rare phrase where that changes the
    length, fall back to converting character by character.
    """
    if not text:
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplify_char(ch) for ch in text)


def fold(text: str) -> str:
    """Return the matching form of ``text``: simplified, lower-case, same length."""
    return _lower(simplify(replace_each(text, _NEEDS_MATCH, _MATCH_CHARS)))


def _lower(text: str) -> str:
    lowered = text.lower()
    # A few characters change length when lower-cased (İ); keep those as they are.
    return lowered if len(lowered) == len(text) else "".join(
        ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def fold_together(*parts: str) -> list[str]:
    """``[fold(part) for part in parts]``, for the price of one call.

    The parts are converted as one text joined by newlines: no OpenCC phrase
    holds a newline, so each part converts as it would alone. Where a phrase
    changes the length, each part is folded alone, as :func:`simplify` would.
    """
    joined = replace_each("\n".join(parts), _NEEDS_MATCH, _MATCH_CHARS)
    converted = _t2s().convert(joined) if joined else joined
    if len(converted) != len(joined):
        return [fold(part) for part in parts]
    folded, start = [], 0
    for part in parts:
        folded.append(_lower(converted[start:start + len(part)]))
        start += len(part) + 1
    return folded



_WS_RUN = re.compile(r"\s+")


def collapse_spaces(text: str) -> str:
    """Collapse every run of white space to one space (the form the index holds)."""
    return _WS_RUN.sub(" ", text).strip()


CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))
