"""Which regions an article names, what it is about, and which region a figure belongs to.

Names are found by ``gazetteer.RegionGazetteer.scan`` (what counts as a name, and the guards
against look-alikes, are documented there). This module decides which region each name means
and what the article is about.

Which region a name means
-------------------------
A name with one candidate, or whose candidates all lead to the same current unit (宣化 = 宣化区
or the former 宣化县), is settled at once. Otherwise, in this order:

1. the unit written right in front of it (张家口市桥西区, 西安市长安区, 河北承德); that unit is
   then only a *qualifier* and adds nothing to the article's scores;
2. a unit named in the same sentence: its prefecture (or province) picks the candidate under it,
   the nearest mention first (张家口…桥西区; 宣化区、桥东区);
3. the article: the prefecture most named in it, then the province (平山 in a Hebei article is
   平山县, not 本溪's 平山区);
4. otherwise the mention stays ambiguous: all candidates kept, ``region`` is None.

Retired units (宣化县, 邢台's 桥东区) are kept as written in ``Mention.region`` and attributed to
their successor (``RegionRef.name``, with the old name in ``RegionRef.former``).

Common-word short names the gazetteer marks ``context`` (万全, 长安, 运河 ...) count only in a list
right next to a named unit of the same city (宣化、万全、崇礼); elsewhere they are dropped.

What an article is about
------------------------
Each region scores: title 4, subheading paragraph (廊坊市安次区) 4, byline place (新华社石家庄电)
2, lead 1.5, and per paragraph of the text 1 for the first mention plus 0.3 for each further one,
so a place named three times in one aside weighs less than a place named in three paragraphs.
该市/全市/我县/全省 ... add 0.5 to the region they stand for, 京津冀's 冀 0.5. Regions outside
Hebei count at 0.6. In the text (not the title), qualifiers, lists of three or more places
(邢台、张家口、承德、秦皇岛), a place followed by 等 (张北等6个县区), places in （含…） and
addressee lines (各市（含定州、辛集市）人民政府，雄安新区管委会：) add nothing.

Subjects are the regions scoring at least ``SUBJECT_SHARE`` of the best and at least
``SUBJECT_MIN``; when none reaches that, the best one alone (Hebei first on a tie). A
county-level subject brings its prefecture at 0.8 of its score (万全区 -> 张家口市) unless the
prefecture scores more on its own. 河北省 (often named only through 全省/我省) stays a subject
beside more specific Hebei subjects only when the title names it (河北/我省/全省) or it scores
best, so it is the subject by default when nothing more specific is named. The weights were
set by hand and checked against the seed pages (``tests/test_regions_seeds.py``).

Where a figure belongs
----------------------
``RegionResolver.resolve(offset)``: the nearest name or reference (该市, 全省 ...) before the offset
in the same sentence, else the nearest after it in that sentence, else the article's main subject.
Lists and addressee lines do not decide; 全国 means no region.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .gazetteer import HEBEI, Match, Region, RegionGazetteer, gazetteer
from .textnorm import fold

TITLE, HEADING, BYLINE, LEAD = 4.0, 4.0, 2.0, 1.5
FIRST_IN_PARAGRAPH, REPEAT_IN_PARAGRAPH = 1.0, 0.3
REFERENCE, ABBREVIATION = 0.5, 0.5
FOREIGN = 0.6
ROLL_UP = 0.8
SUBJECT_SHARE, SUBJECT_MIN = 0.4, 3.0

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CREDIT = re.compile(r"[(（][^()（）\n]{0,30}?(?:记者|通讯员)[^()（）\n]{0,40}[)）]"
                     r"|(?:记者|通讯员)[ \u3000]+[\u4e00-\u9fff]{2,4}")
_MASTHEAD = re.compile(r"日报|晚报|广播电视台|电视台|新闻网|新闻社")
_REFERENCE = re.compile(  # the leading lookahead lets the engine skip most characters quickly
    r"(?=[该全我本市县])(?:(?:该|(?<![健完安保齐周万成顾两])全|我|本)"
    r"(?:(市)(?![场值])|(县)|(区)(?![域块位间划别])|(省)(?!份))"
    r"|(?<![城乡都])(市)里|(?<![城乡])(县)里|(全国))")
_LIST_GAP = re.compile(r"(?:[、，,和及与或]|以及|(?:高新区|开发区|经开区|新区|城区)[、，,和及与])+")
_GENERIC_ITEM = re.compile(r"高新区|开发区|经开区|新区|城区")
_LIST_AFTER = re.compile(r"等|两|二|三|四|五|六|七|八|九|十|各")
_ADDRESSEE = re.compile(r"各(?:市|县|区|设区|有关|部门|单位)|人民政府|管委会|委员会")
_INCLUDING = re.compile(r"[(（](?:含|包括)[^()（）]*[)）]")


@dataclass(frozen=True)
class RegionRef:
    """A region as reported: the current unit, its prefecture, and how the text wrote it."""

    name: str
    code: str
    level: str
    prefecture: str | None
    prefecture_code: str | None
    province_code: str
    written: str = ""  # as in the text: 宣化县, 张垣, 該市
    former: str = ""  # the retired unit's name when the text uses one

    @property
    def in_hebei(self) -> bool:
        return self.province_code == HEBEI


@dataclass(frozen=True)
class Mention:
    """A region name in a text; offsets point into the text as given (display form)."""

    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    kind: str  # name | alias | short | abbreviation
    region: Region | None = None  # the unit meant, as written (may be retired); None: ambiguous
    resolved_by: str = ""  # unique | qualifier | list | sentence | article | province
    role: str = ""  # "" | qualifier | list | addressee

    @property
    def ambiguous(self) -> bool:
        return self.region is None


@dataclass(frozen=True)
class Reference:
    """该市, 全县, 我省, 全国 ...: a word standing for a region named elsewhere."""

    start: int
    end: int
    surface: str
    kind: str  # city | county | district | hebei | province | nation
    region: Region | None = None


@dataclass
class ArticleRegions:
    """What an article is about (``subjects``, best first) and what it merely mentions."""

    subjects: list[tuple[RegionRef, float]]
    mentioned: list[RegionRef]
    mentions: list[Mention]  # in the text, offsets into the text
    ambiguous: list[Mention] = field(default_factory=list)
    _analysis: _Analysis | None = field(default=None, repr=False, compare=False)

    @property
    def main(self) -> RegionRef | None:
        return self.subjects[0][0] if self.subjects else None


# -- public functions --------------------------------------------------------------------------


def find_mentions(text: str) -> list[Mention]:
    """Region names in ``text``, each settled from the text's own context where it can be."""
    return _Analysis("", text).text_mentions()


def article_regions(title: str, text: str, byline: str = "") -> ArticleRegions:
    analysis = _Analysis(title, text, byline)
    return analysis.result()


def region_at(article_text: str, offset: int,
              regions_context: RegionResolver | ArticleRegions | None = None,
              end: int | None = None) -> RegionRef | None:
    """The region a figure at ``offset`` of ``article_text`` belongs to.

    Pass the ``RegionResolver`` (or ``ArticleRegions``) built for the article when resolving many
    figures; without one, the text is analysed without its title.
    """
    if isinstance(regions_context, RegionResolver):
        resolver = regions_context
    elif isinstance(regions_context, ArticleRegions) and regions_context._analysis is not None:
        resolver = RegionResolver.from_analysis(regions_context._analysis)
    else:
        resolver = RegionResolver("", article_text)
    return resolver.resolve(offset, end)


class RegionResolver:
    """Built once per article; ``resolve(offset)`` attributes figures found in ``text``."""

    def __init__(self, title: str, text: str, byline: str = ""):
        self._a = _Analysis(title, text, byline)

    @classmethod
    def from_analysis(cls, analysis: _Analysis) -> RegionResolver:
        self = cls.__new__(cls)
        self._a = analysis
        return self

    @property
    def regions(self) -> ArticleRegions:
        return self._a.result()

    def resolve(self, offset: int, end: int | None = None) -> RegionRef | None:
        """Region for a figure spanning ``offset``..``end`` (offsets into the text).

        Names inside the figure's own span (全省第二) do not count for it.
        """
        return self._a.resolve(offset, offset if end is None else end)


def regions_json(title: str, text: str, byline: str = "") -> dict:
    """The regions of an article in the shape the command line prints."""
    result = article_regions(title, text, byline)

    def row(ref: RegionRef) -> dict:
        return {"name": ref.name, "code": ref.code, "level": ref.level, "prefecture": ref.prefecture}

    return {
        "regions": [{**row(ref), "score": round(score, 2)} for ref, score in result.subjects],
        "mentioned": [row(ref) for ref in result.mentioned],
    }


# -- analysis ----------------------------------------------------------------------------------


class _Analysis:
    """Title and text scanned as one document ``title + "\\n" + text``; offsets shift by ``base``."""

    def __init__(self, title: str, text: str, byline: str = ""):
        self.gaz: RegionGazetteer = gazetteer()
        self.title, self.text, self.byline = title, text, byline
        self.base = len(title) + 1
        self.display = title + "\n" + text
        self.doc = fold(self.display)
        self.mentions = self._find(self.doc, self.display)
        self._resolve(self.mentions)
        self._mark_lists_and_addressees()
        self.references = self._references()
        self._result: ArticleRegions | None = None

    # finding and settling names

    def _find(self, folded: str, display: str) -> list[Mention]:
        skip = [m.span() for m in _CREDIT.finditer(folded)]
        out = []
        for m in self.gaz.scan(folded, skip):
            if _MASTHEAD.match(folded, m.end):
                continue
            out.append(self._mention(m, display[m.start:m.end]))
        return out

    def _mention(self, m: Match, surface: str) -> Mention:
        region, how = self._unique(m.candidates)
        return Mention(m.start, m.end, surface, m.candidates, m.kind, region, how,
                       "pending" if m.rule == "context" else "")

    def _unique(self, candidates: tuple[Region, ...]) -> tuple[Region | None, str]:
        if len(candidates) == 1:
            return candidates[0], "unique"
        if len({self.gaz.successor(c).code for c in candidates}) == 1:
            current = [c for c in candidates if c.current]
            return (current or list(candidates))[0], "unique"
        return None, ""

    def _resolve(self, ms: list[Mention]) -> None:
        self._settle_pending(ms)
        for i, m in enumerate(ms):
            if i and ms[i - 1].end == m.start:
                self._qualify(ms, i - 1, i)
        for i, m in enumerate(ms):
            if m.region is None:
                ms[i] = self._by_sentence(ms, i) or m
        counts = self._prefecture_counts(ms)
        for i, m in enumerate(ms):
            if m.region is None:
                ms[i] = self._by_article(m, counts) or m

    def _settle_pending(self, ms: list[Mention]) -> None:
        keep = []
        for i, m in enumerate(ms):
            if m.role != "pending":
                keep.append(m)
                continue
            neighbours = [ms[j] for j in (i - 1, i + 1)
                          if 0 <= j < len(ms) and ms[j].role != "pending" and ms[j].region is not None
                          and self._gap_is_list(ms[min(i, j)], ms[max(i, j)])]
            fits = [c for n in neighbours if n.region.level != "province"
                    for c in self._under(m.candidates, n.region)]
            if fits:
                region, _ = self._unique(tuple(dict.fromkeys(fits)))
                if region is not None:
                    keep.append(replace(m, region=region, resolved_by="list", role=""))
        ms[:] = keep

    def _gap_is_list(self, a: Mention, b: Mention) -> bool:
        return bool(_LIST_GAP.fullmatch(self.doc, a.end, b.start))

    def _qualify(self, ms: list[Mention], i: int, j: int) -> None:
        outer, inner = ms[i], ms[j]
        if outer.region is None:
            return
        under = [c for c in inner.candidates if outer.region in self.gaz.ancestors(c)]
        if not under:
            return
        ms[i] = replace(outer, role="qualifier")
        if inner.region is None:
            region, _ = self._unique(tuple(under))
            if region is not None:
                ms[j] = replace(inner, region=region, resolved_by="qualifier")

    def _by_sentence(self, ms: list[Mention], i: int) -> Mention | None:
        m = ms[i]
        lo, hi = self._sentence(m.start)
        others = [o for o in ms if o is not m and o.region is not None and lo <= o.start < hi]
        others.sort(key=lambda o: (o.start > m.start, abs(o.start - m.start)))
        for o in others:
            fits = self._under(m.candidates, o.region)
            if fits:
                region, _ = self._unique(tuple(fits))
                if region is not None:
                    return replace(m, region=region, resolved_by="sentence")
        return None

    def _under(self, candidates: tuple[Region, ...], context: Region) -> list[Region]:
        """Candidates in the same prefecture as ``context`` (or in it, when it is a province)."""
        if context.level == "province":
            return [c for c in candidates if c.province_code == context.code]
        pref = self._prefecture(context)
        return [c for c in candidates if pref is not None and self._prefecture(c) is pref]

    def _prefecture_counts(self, ms: list[Mention]) -> tuple[Counter, Counter]:
        prefectures, provinces = Counter(), Counter()
        for m in ms:
            if m.region is not None:
                pref = self._prefecture(m.region)
                if pref is not None:
                    prefectures[pref.code] += 1
                provinces[m.region.province_code] += 1
        return prefectures, provinces

    def _by_article(self, m: Mention, counts: tuple[Counter, Counter]) -> Mention | None:
        prefectures, provinces = counts
        def by_prefecture(c: Region) -> int:
            pref = self._prefecture(c)
            return prefectures[pref.code] if pref is not None else 0

        def by_province(c: Region) -> int:
            return provinces[c.province_code]

        for how, weight in (("article", by_prefecture), ("province", by_province)):
            top = max(weight(c) for c in m.candidates)
            if top:
                region, _ = self._unique(tuple(c for c in m.candidates if weight(c) == top))
                if region is not None:
                    return replace(m, region=region, resolved_by=how)
        return None

    def _prefecture(self, region: Region) -> Region | None:
        return self.gaz.prefecture_of(self.gaz.successor(region))

    def _sentence(self, pos: int) -> tuple[int, int]:
        lo = max(self.doc.rfind(ch, 0, pos) for ch in "。！？!?；;\n") + 1
        m = _SENTENCE_END.search(self.doc, pos)
        return lo, (m.start() if m else len(self.doc))

    # lists, addressees, references

    def _mark_lists_and_addressees(self) -> None:
        ms = self.mentions
        chains, run = [], [0] if ms else []
        for i in range(1, len(ms)):
            if self._gap_is_list(ms[i - 1], ms[i]):
                run.append(i)
            else:
                chains.append(run)
                run = [i]
        if run:
            chains.append(run)
        listed = set()
        for chain in chains:
            members = [i for i in chain if ms[i].role != "qualifier"]
            # Generic items between names (桃城区、高新区、滨湖新区) are members too.
            size = len(members) + sum(len(_GENERIC_ITEM.findall(self.doc, ms[a].end, ms[b].start))
                                      for a, b in zip(chain, chain[1:]))
            after = ms[chain[-1]].end
            grouped = (size == 2 and _LIST_AFTER.match(self.doc, after)
                       or self.doc.startswith("等", after))  # 张北等6个县区 speaks of a group too
            if size >= 3 or grouped:
                listed.update(members)
        for span in _INCLUDING.finditer(self.doc):
            listed.update(i for i, m in enumerate(ms) if span.start() <= m.start < span.end())
        for lo, hi in self._addressee_lines():
            for i, m in enumerate(ms):
                if lo <= m.start < hi:
                    ms[i] = replace(m, role="addressee")
        for i in listed:
            # A list in the title is what the article is about.
            if ms[i].role == "" and ms[i].start >= self.base:
                ms[i] = replace(ms[i], role="list")

    def _addressee_lines(self) -> list[tuple[int, int]]:
        spans, pos = [], self.base
        for line in self.doc[self.base:].split("\n"):
            stripped = line.strip()
            if (stripped and len(stripped) <= 200 and _ADDRESSEE.search(stripped)
                    and (stripped[-1] in "：:" or (stripped.startswith("各") and "政府" in stripped))):
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _references(self) -> list[Reference]:
        out = []
        taken = {p for m in self.mentions for p in range(m.start, m.end)}
        for r in _REFERENCE.finditer(self.doc):
            if r.start() in taken or r.end() - 1 in taken:
                continue
            word = next(g for g in r.groups() if g)
            surface = self.display[r.start():r.end()]
            kind = {"市": "city", "县": "county", "区": "district", "全国": "nation"}.get(word)
            if word == "省":
                kind = "province" if r.group().startswith("该") else "hebei"
            out.append(Reference(r.start(), r.end(), surface, kind, self._referent(kind, r.start())))
        return out

    def _referent(self, kind: str, pos: int) -> Region | None:
        if kind == "hebei":
            return self.gaz.get(HEBEI)
        if kind == "nation":
            return None
        for m in reversed(self.mentions):
            if m.start < pos and m.region is not None and m.role not in ("list", "addressee"):
                region = self.gaz.successor(m.region)
                if _stands_for(kind, region):
                    return region
        return None

    # outputs

    def ref(self, region: Region, written: str = "") -> RegionRef:
        current = self.gaz.successor(region)
        pref = self.gaz.prefecture_of(current)
        return RegionRef(current.name, current.code, current.level, pref.name if pref else None,
                         pref.code if pref else None, current.province_code, written,
                         "" if region.current else region.name)

    def _shift(self, m: Mention) -> Mention:
        return replace(m, start=m.start - self.base, end=m.end - self.base)

    def text_mentions(self) -> list[Mention]:
        return [self._shift(m) for m in self.mentions if m.start >= self.base]

    def result(self) -> ArticleRegions:
        if self._result is None:
            self._result = self._score()
        return self._result

    def _score(self) -> ArticleRegions:
        scores: dict[Region, float] = defaultdict(float)
        in_title: set[Region] = set()

        def add(region: Region | None, weight: float) -> None:
            if region is not None:
                region = self.gaz.successor(region)
                scores[region] += weight * (1.0 if region.in_hebei else FOREIGN)

        counted = [m for m in self.mentions if m.region is not None and m.role == ""]
        title_end = len(self.title)
        for m in counted:
            if m.start < title_end:
                in_title.add(self.gaz.successor(m.region))
        for r in self.references:
            if r.start < title_end and r.kind == "hebei":
                in_title.add(r.region)
        for region in in_title:
            add(region, TITLE)
        for region in self._byline_places():
            add(region, BYLINE)

        paragraphs = self._paragraphs()
        lead_lo, lead_hi = self._lead(paragraphs)
        lead: set[Region] = set()
        seen: set[tuple[int, Region]] = set()
        for m in counted:
            if m.start < self.base:
                continue
            region = self.gaz.successor(m.region)
            if lead_lo <= m.start < lead_hi and region not in lead:
                lead.add(region)
                add(region, LEAD)
            p = _paragraph_of(paragraphs, m.start)
            weight = ABBREVIATION if m.kind == "abbreviation" else (
                REPEAT_IN_PARAGRAPH if (p, region) in seen else FIRST_IN_PARAGRAPH)
            seen.add((p, region))
            add(region, weight)
        for lo, hi in paragraphs:
            heading = [m for m in counted if lo <= m.start < hi]
            if heading and self._is_heading(lo, hi, heading):
                add(heading[-1].region, HEADING)
        for r in self.references:
            if r.start >= self.base and r.region is not None:
                add(r.region, REFERENCE)
                if lead_lo <= r.start < lead_hi and r.kind == "hebei" and r.region not in lead:
                    lead.add(r.region)
                    add(r.region, LEAD)

        subjects = self._subjects(scores, in_title)
        subject_set = {r for r, _ in subjects}
        mentioned = [self.ref(r) for r in dict.fromkeys(
            self.gaz.successor(m.region) for m in self.mentions if m.region is not None)
            if r not in subject_set]
        text_ms = self.text_mentions()
        return ArticleRegions([(self.ref(r), s) for r, s in subjects], mentioned, text_ms,
                              [m for m in text_ms if m.region is None], self)

    def _subjects(self, scores: dict[Region, float],
                  in_title: set[Region]) -> list[tuple[Region, float]]:
        if not scores:
            return []
        top = max(scores.values())
        floor = max(SUBJECT_MIN, SUBJECT_SHARE * top)
        chosen = {r: s for r, s in scores.items() if s >= floor}
        if not chosen:
            # Weakly placed articles still have a best guess: the top region, Hebei first.
            best = min(scores.items(), key=lambda t: (-t[1], not t[0].in_hebei))
            chosen = {best[0]: best[1]}
        for r, s in list(chosen.items()):
            pref = self.gaz.prefecture_of(r)
            if pref is not None and pref is not r:
                chosen[pref] = max(chosen.get(pref, scores.get(pref, 0.0)), ROLL_UP * s)
        hebei = self.gaz.get(HEBEI)
        specific = any(r.in_hebei and r is not hebei for r in chosen)
        if hebei in chosen and specific and hebei not in in_title and chosen[hebei] < top:
            del chosen[hebei]
        return sorted(chosen.items(), key=lambda t: (-t[1], not t[0].in_hebei, t[0].code))

    def _byline_places(self) -> list[Region]:
        if not self.byline:
            return []
        folded = fold(self.byline)
        return [m.region for m in self._find(folded, self.byline) if m.region is not None]

    def _paragraphs(self) -> list[tuple[int, int]]:
        spans, pos = [], self.base
        for line in self.doc[self.base:].split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _lead(self, paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
        """The first paragraph of the story proper: the one carrying the byline, else the first."""
        for lo, hi in paragraphs[:3]:
            if re.search(r"讯|电|记者|通讯员", self.doc[lo:min(hi, lo + 40)]):
                return lo, hi
        return paragraphs[0] if paragraphs else (0, 0)

    def _is_heading(self, lo: int, hi: int, ms: list[Mention]) -> bool:
        line = self.doc[lo:hi].strip()
        named = sum(m.end - m.start for m in ms)
        return (len(line) <= 16 and not re.search(r"[。！？!?，,；;：:]", line)
                and named * 2 >= len(line))

    # figures

    def resolve(self, start: int, end: int) -> RegionRef | None:
        pos, stop = start + self.base, max(start, end) + self.base
        lo, hi = self._sentence(pos)
        items = [(m.start, m.end, m.region, m.surface) for m in self.mentions
                 if m.region is not None and m.role not in ("list", "addressee", "qualifier")]
        items += [(r.start, r.end, r.region, r.surface) for r in self.references
                  if r.region is not None or r.kind == "nation"]
        before = sorted((t for t in items if lo <= t[0] and t[1] <= pos), reverse=True)
        after = sorted(t for t in items if stop <= t[0] < hi)
        # 该市已建成…河北省院士合作重点单位2家: a province or the nation named after a more
        # specific place in the sentence is the scope of a designation, not the figure's place.
        specific = [t for t in before if t[2] is not None and t[2].level != "province"]
        pick = before[0] if before else (after[0] if after else None)
        scope = pick is not None and (pick[2] is None or pick[2].level == "province")
        if before and scope and specific:
            pick = specific[0]
        if pick is None:
            return self.result().main
        return self.ref(pick[2], pick[3]) if pick[2] is not None else None


def _stands_for(kind: str, r: Region) -> bool:
    """Whether 该市 (city), 该县 (county), 该区 (district) or 该省 can refer to ``r``."""
    if kind == "city":
        return r.level == "prefecture" or (r.level == "county" and r.name.endswith("市"))
    if kind == "county":
        return r.level == "county" and r.name.endswith(("县", "旗"))
    if kind == "district":
        return r.level == "zone" or (r.level == "county" and r.name.endswith("区"))
    return kind == "province" and r.level == "province"


def _paragraph_of(paragraphs: list[tuple[int, int]], pos: int) -> int:
    for i, (lo, hi) in enumerate(paragraphs):
        if lo <= pos < hi:
            return i
    return -1
