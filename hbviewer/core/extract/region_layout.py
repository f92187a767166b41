"""The article document's layout: paragraphs, sentences and sentence parts, the headings that
open sections, and the stories of a page that holds several.

A heading is a short paragraph without punctuation made mostly of place names (廊坊市安次区,
保定涿州市, 辛集市); the last place it names is its section's place, until the next heading.

A story headline is a line of its own marked as one (``**…**``, 【…】) or a short line with no
sentence end that is not numbered (二、主要任务 and （一）工程进度 open sections of one text, not
stories). A bulletin of news items is several stories; a text with no headline after its first
line is one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .region_records import Mention

PART_END, FULL_END = "。！？!?；;\n", "。！？!?\n"  # a sentence part ends at ；, a sentence not
CLAUSE_END = "，,。！？!?；;：:\n"
_ENDS = {e: re.compile("[" + re.escape(e) + "]") for e in (PART_END, FULL_END, CLAUSE_END)}
_HEADLINE = 40  # a line this short without a sentence end may be a headline
_STATEMENT = re.compile(r"[。！？!?；;]")
_MARKED = re.compile(r"\s*(?:\*\*|【)")
_NUMBERED = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十]+[）)、.．]|[（(]?\d+[）)、.．]|第[一二三四五六七八九十]+[章节部分条])")


class Layout:
    """Paragraphs and sections of ``doc``, whose text proper starts at ``base``."""

    def __init__(self, doc: str, base: int, mentions: list[Mention]):
        self.doc, self.mentions = doc, mentions
        self.paragraphs = paragraphs(doc, base)
        self._para_starts = [lo for lo, _ in self.paragraphs]
        self._headings: list[tuple[int, list[Mention]]] | None = None  # built on first use
        self._breaks: dict[str, list[int]] = {}
        self._stories: list[int] | None = None

    def paragraph_index(self, pos: int) -> int:
        """The paragraph holding ``pos``, -1 when it is in none (a blank line, the title)."""
        i = bisect_right(self._para_starts, pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i][1] else -1

    def bounds(self, pos: int, ends: str) -> tuple[int, int]:
        """The stretch around ``pos`` between two of the characters ``ends``."""
        breaks = self._breaks.get(ends)
        if breaks is None:
            breaks = self._breaks[ends] = [m.start() for m in _ENDS[ends].finditer(self.doc)]
        i = bisect_left(breaks, pos)
        return (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(self.doc))

    @property
    def headings(self) -> list[tuple[int, list[Mention]]]:
        """Short paragraphs naming a place (廊坊市安次区, 保定涿州市) that open a section, with
        their names; the last one is the section's place."""
        if self._headings is None:
            self._headings = self._find_headings()
        return self._headings

    def _find_headings(self) -> list[tuple[int, list[Mention]]]:
        out = []
        starts = [m.start for m in self.mentions]
        for i, (lo, hi) in enumerate(self.paragraphs):
            if hi - lo > 40:
                continue
            named = self.mentions[bisect_left(starts, lo):bisect_left(starts, hi)]
            named = [m for m in named if m.region is not None and m.role in ("", "qualifier")
                     and m.kind != "zone"]
            counted = [m for m in named if m.role == ""]
            if counted and is_heading(self.doc, lo, hi, counted):
                out.append((i, named))
        return out

    @property
    def stories(self) -> list[int]:
        """Where each story after the first starts (its headline's paragraph start)."""
        if self._stories is None:
            self._stories = [lo for lo, hi in self.paragraphs[1:] if is_headline(self.doc[lo:hi])]
        return self._stories

    def story(self, pos: int) -> tuple[int, int]:
        """The stretch of the story holding ``pos``: from its headline to the next one."""
        starts = self.stories
        i = bisect_right(starts, pos)
        lo = starts[i - 1] if i else (self.paragraphs[0][0] if self.paragraphs else 0)
        return lo, (starts[i] if i < len(starts) else len(self.doc))

    def section(self, p: int) -> Mention | None:
        """The place of the section paragraph ``p`` is in (from its heading)."""
        names = self.section_names(p)
        return next((m for m in reversed(names) if m.role == ""), None) if names else None

    def section_names(self, p: int) -> list[Mention]:
        """The names of the heading of the section paragraph ``p`` is in (none before one)."""
        found: list[Mention] = []
        for i, names in self.headings:
            if i > p:
                break
            found = names
        return found


def paragraphs(doc: str, base: int) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``doc`` from ``base`` on."""
    spans, pos = [], base
    for line in doc[base:].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def is_headline(line: str) -> bool:
    """Whether a line is a story's headline (see the module notes)."""
    if _MARKED.match(line):
        return True
    line = line.strip()
    return (0 < len(line) <= _HEADLINE and not _STATEMENT.search(line)
            and not _NUMBERED.match(line))


def is_heading(doc: str, lo: int, hi: int, ms: list[Mention]) -> bool:
    """Whether the paragraph ``lo``..``hi``, naming ``ms``, is a heading."""
    line = doc[lo:hi].strip()
    named = sum(m.end - m.start for m in ms)
    return (len(line) <= 16 and not re.search(r"[。！？!?，,；;：:]", line)
            and named * 2 >= len(line))
