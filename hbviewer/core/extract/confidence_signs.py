"""The signs of doubt about a figure that its article's text shows, found once per article.

``ArticleSigns(text).of(figure)`` names them (the keys of ``confidence.REASONS``). Only the
stored figure and the text are looked at, so they can be worked out whenever a library reads a
figure: a handful of regular expressions and one scan for place names per article, far less
than placing the figures again.

What they look at, and why (measured on the development set, ``benchmarks/confidence_curve.py``):

* where the figure's region is written: in its sentence, elsewhere in its paragraph, or only in
  another paragraph or story (a bulletin's next item, a section after a headline). The further
  away, the more often the figure is not that region's at all;
* 全国/我国 in its sentence (a national figure), a count of places (12个县: the figure is of the
  level above), several places named in the sentence or clause (which one is meant, and in a
  list 石家庄（12%）、唐山（8%） the indicator is rarely found);
* an indicator that runs across punctuation or holds a verb (已建成投产, 将达到);
* a headline, where the figure's sentence is a few words with no context.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..text.textnorm import fold
from .figure_places import COUNTED_LEVELS, PLACE_COUNT
from .figures import Figure
from .gazetteer import gazetteer
from .region_layout import is_headline

COMMON_UNITS = frozenset({"元", "美元", "%", "个百分点", "倍", "家", "个", "项", "人", "人次", "万人", "亩", "公里",
                          "吨", "平方米", "千瓦", "千瓦时", "户", "所", "名", "件", "台", "座", "条", "辆", "位"})
_UNUSUAL_KINDS = frozenset({"rank", "measure", "multiple"})
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
_REFERENCE = re.compile(r"(?:该|全|我|本)(?:省|市|县|区)")
# the whole country as the figure's scope. 国家 is often a designation (国家高新技术企业) but as
# often the country's own count; only 国家级 is surely a designation.
_NATION = re.compile(r"我国|全国|国家(?!级)|中国|国内|全球")
_KIND_OF_DIVISION = re.compile(r"[（(][县市区、]+[)）]")  # 县(市、区): a kind, not punctuation
_PLACE_WORD = re.compile(r"^[县市区省乡镇]+$")
_INDICATOR_BREAK = re.compile(r"[（()）、“”\"，,；;：:]")
# words of the clause around a noun phrase, not of it; 增加值, 完成投资 and 下降 (a decline keeps
# its word) are what statistics call things
_INDICATOR_VERB = re.compile(r"已|将|成功|达到|突破|仅|只|最快|也|了|让|(?:增加|增长|提高|提升|减少|降低|下降)(?:到|至)")
_CN_NUMERAL = re.compile(r"[零一二两三四五六七八九十百千万亿]")
_DIGIT = re.compile(r"\d")
_REACH = 300  # text without punctuation has no sentences: look no further than the extractor does


class _Bounds:
    """Where the stretches ended by one kind of mark lie in a text."""

    def __init__(self, text: str, ends: re.Pattern):
        self.size = len(text)
        self.ends = [m.end() for m in ends.finditer(text)]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect_right(self.ends, start)
        first = self.ends[i - 1] if i else 0
        j = bisect_right(self.ends, end)
        last = self.ends[j] - 1 if j < len(self.ends) else self.size
        return max(first, start - _REACH), min(last, end + _REACH)


class ArticleSigns:
    """Built once per article (a long one has thousands of figures); ``of`` reads one figure."""

    def __init__(self, text: str):
        self.folded = fold(text)
        self.sentences = _Bounds(self.folded, _SENTENCE_END)
        self.clauses = _Bounds(self.folded, _CLAUSE_END)
        self.lines = _Bounds(self.folded, re.compile("\n"))
        self._headlines: list[int] | None = None
        self._places: list[tuple[int, int, str]] | None = None
        self._place_starts: list[int] = []

    # -- the parts of the text ---------------------------------------------------------------

    @property
    def headlines(self) -> list[int]:
        """Where each headline line starts: short, with no sentence end in it."""
        if self._headlines is None:
            self._headlines, lo = [], 0
            for hi in self.lines.ends + [len(self.folded) + 1]:
                if is_headline(self.folded[lo:hi]):
                    self._headlines.append(lo)
                lo = hi
        return self._headlines

    @property
    def places(self) -> list[tuple[int, int, str]]:
        """The place names of the text (start, end, the first candidate's code); 冀/京 left out."""
        if self._places is None:
            self._places = [(m.start, m.end, m.candidates[0].code) for m in gazetteer().scan(self.folded)
                            if m.candidates and m.kind != "abbreviation"]
            self._place_starts = [p[0] for p in self._places]
        return self._places

    def _places_in(self, lo: int, hi: int) -> set[str]:
        places = self.places
        starts = self._place_starts
        return {code for _s, e, code in places[bisect_left(starts, lo):bisect_left(starts, hi)] if e <= hi}

    # -- the signs -----------------------------------------------------------------------------

    def of(self, f: Figure, in_list: bool = False) -> list[str]:
        """The signs of doubt about ``f``, in no order."""
        sentence = self.sentences.around(f.start, f.end)
        found = self._indicator(f) + self._region(f, sentence) + self._setting(f, sentence)
        if f.approx:
            found.append("approximate")
        if f.kind == "duration":
            found.append("duration")
        elif f.kind in _UNUSUAL_KINDS:
            found.append("unusual_kind")
        elif f.unit not in COMMON_UNITS:
            found.append("unusual_unit")
        if _CN_NUMERAL.search(f.text) and not _DIGIT.search(f.text):
            found.append("chinese_numerals")
        if f.value_high is not None:
            found.append("range")
        if in_list:
            found.append("list_value")
        return found

    def before_in_sentence(self, f: Figure) -> str:
        return self.folded[self.sentences.around(f.start, f.end)[0]:f.start]

    def _indicator(self, f: Figure) -> list[str]:
        indicator = _folded(f.indicator.strip())
        if not indicator:
            return ["no_indicator"]
        found = []
        if len(indicator) < 2 or len(indicator) > 14 or _PLACE_WORD.match(indicator):
            found.append("vague_indicator")
        if _INDICATOR_BREAK.search(_KIND_OF_DIVISION.sub("", indicator)):
            found.append("indicator_across_punctuation")
        elif _INDICATOR_VERB.search(indicator):
            found.append("indicator_verb")
        if self.folded[f.start - 1:f.start] in ("(", "（") and f.start > 0:
            found.append("value_in_brackets")
        return found

    def _region(self, f: Figure, sentence: tuple[int, int]) -> list[str]:
        if not f.region:
            return ["no_region"]
        names = _names_of(f.region, f.region_code, f.zone)
        doc = self.folded
        if any(doc.find(n, *sentence) >= 0 for n in names):
            return []
        line = self.lines.around(f.start, f.end)
        near = "region_by_reference" if _REFERENCE.search(doc, *sentence) else "region_elsewhere"
        if any(doc.find(n, *line) >= 0 for n in names):
            return [near]
        last = max(doc.rfind(n, 0, f.start) for n in names)
        following = [i for i in (doc.find(n, f.end) for n in names) if i >= 0]
        if last < 0 and not following:
            return [near]  # written nowhere: the article's subject, or what 该市 stands for
        # another story: a headline stands between the figure and every place its region is named
        k = bisect_right(self.headlines, line[0])
        next_headline = self.headlines[k] if k < len(self.headlines) else len(doc)
        if last > self._headline_before(f.start) or (following and min(following) < next_headline):
            return [near]
        return ["region_far"]

    def _headline_before(self, start: int) -> int:
        i = bisect_right(self.headlines, start)
        return self.headlines[i - 1] if i else -1

    def _setting(self, f: Figure, sentence: tuple[int, int]) -> list[str]:
        doc, found = self.folded, []
        if _NATION.search(doc, *sentence):
            found.append("national_scope")
        counted = PLACE_COUNT.match(doc, f.end) if f.kind == "count" else None
        if counted and _level_of(f) in COUNTED_LEVELS[counted.group(1)]:
            found.append("counts_places")
        clause = self.clauses.around(f.start, f.end)
        if len(self._places_in(*clause)) >= 2:
            found.append("place_list")
        elif len(self._places_in(*sentence)) >= 2:
            found.append("several_places")
        line = self.lines.around(f.start, f.end)
        if self._headline_before(f.start) == line[0] and line[0] < line[1]:
            found.append("headline")
        return found


def _level_of(f: Figure) -> str:
    region = gazetteer().get(f.region_code) if f.region_code else None
    return region.level if region is not None else "county"  # unknown: the most doubtful


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=1024)
def _names_of(name: str, code: str, zone: str) -> tuple[str, ...]:
    """How a text may write a figure's region (and its zone): name, name without 市/县/区,
    short names and aliases of at least two characters."""
    names = {name}
    if zone:
        names.add(zone)
    region = gazetteer().get(code) if code else None
    if region is not None:
        names.update(region.short_names, region.aliases)
    out = set()
    for n in names:
        n = fold(n)
        out.add(n)
        if len(n) > 2 and n[-1] in "市县区省":
            out.add(n[:-1])
    return tuple(n for n in out if len(n) >= 2)
