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

A bare 高新区/经开区 (高新区开展商超促销活动) is the zone of that kind of the prefecture the article
names most, when the gazetteer has exactly one such zone there; written right after its city
(衡水市高新区) it is that city's zone. It is found only standing alone, not inside another phrase
(省级高新区), and not in an article about one of the city's counties. Zones without a row of their
own (燕郊高新区) are read by the gazetteer as their host county (kind ``host``, see
``gazetteer.ZONE_HOSTS``).

What an article is about
------------------------
Each region scores: title 4, subheading paragraph (廊坊市安次区) 4, byline place (新华社石家庄电)
2, lead 1.5, and per paragraph of the text 1 for the first mention plus 0.3 for each further one,
so a place named three times in one aside weighs less than a place named in three paragraphs.
该市/全市/我县/全省 ... add 0.5 to the region they stand for, 京津冀's 冀 0.5. Regions outside
Hebei count at 0.6. In the text (not the title), qualifiers, lists of three or more places
(邢台、张家口、承德、秦皇岛), a place followed by 等 (张北等6个县区), places opening the items of
an enumeration closed by 等 (张北云计算产业基地、怀来县京北生态科技新城等), places in （含…）
and addressee lines (各市（含定州、辛集市）人民政府，雄安新区管委会：) add nothing. A bare 高新区
read as the city's zone adds nothing; a zone standing for its host county (燕郊高新区 -> 三河市)
adds ``HOST`` per mention, since the text never names the county.

Subjects are the regions scoring at least ``SUBJECT_SHARE`` of the best and at least
``SUBJECT_MIN``; when none reaches that, the best one alone (Hebei first on a tie). A
county-level subject brings its prefecture at 0.8 of its score (万全区 -> 张家口市) unless the
prefecture scores more on its own. 河北省 (often named only through 全省/我省) stays a subject
beside more specific Hebei subjects only when the title names it (河北/我省/全省) or it scores
best, so it is the subject by default when nothing more specific is named; a title naming the
province and no other Hebei place (我省全面推动县域科技创新发展) puts it first. The weights were
set by hand and checked against the seed pages (``tests/test_regions_seeds.py``).

Where a figure belongs
----------------------
``RegionResolver.resolve(offset, end)`` takes the first of these that names a place:

1. the figure's sentence: the nearest name or reference (该市, 全省 ...) before it in its part of
   the sentence (parts end at ；), else the nearest after it in that part, else the nearest
   before it in the rest of the sentence, else the nearest after it (…全市技术交易额已达6057万元
   ……这是辛集市交出的成绩单). A province or the nation found this way gives way to a more
   specific place earlier in the sentence (该市已建成…河北省院士合作重点单位2家). A national body
   opening a clause (科技部…发布通知，…同意将43个产业集群纳入…) and 全国 mean no region;
2. the paragraph: the nearest place in the sentence just before, else the first place of the
   paragraph's opening sentence (its topic), else the nearest place earlier in the paragraph;
3. a quotation with nothing placed before it: the sentence right after the quotation, which
   says who spoke and where (“…仅需两分钟…”日前，在位于衡水市枣强县…);
4. a paragraph opening on 该模式/这一做法/上述… : the last place of the paragraph before;
5. the section: the place of the latest heading paragraph (廊坊市安次区, 保定涿州市, 辛集市);
6. the article's main subject.

Some names are written but do not say where a figure is, and are passed over while anything else
is there (``_Analysis._weak_mentions``): names inside document titles (《保定市支持…措施》), at
the start of an organisation's name (河北养元智汇饮品股份有限公司, 京津冀协同创新创业基地),
the group a rank is counted in (全省第二, 保定市排名第2, 居全省首位), a travel destination
(50分钟到京), and 河北省 inside a noun phrase (有效河北省科技型中小企业). A rank figure (第七位,
全省第一) belongs to a place inside its group: 全省168个县(市、区)中排名第七位 in a paragraph
about 安次区 is 安次区's rank; when no such place is around, the group's own name is taken
(廊坊市排名第一 with nothing smaller named).

References resolve to the latest unit of their level (该市/全市 include county-level cities such as
辛集市), see ``_Analysis._referent``. Document titles, rank groups and destinations are never
referents. Lists and addressee lines do not decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .gazetteer import HEBEI, Match, Region, RegionGazetteer, gazetteer
from ..text.textnorm import fold

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
_EXAMPLE_GAP = re.compile(r"[\u4e00-\u9fff]{0,12}、")
_EXAMPLE_END = re.compile(r"[\u4e00-\u9fff]{0,12}等")

# -- figure attribution (see "Where a figure belongs" above) --
_PART_END, _FULL_END = "。！？!?；;\n", "。！？!?\n"  # a sentence part ends at ；, a sentence not
_ENDS = {e: re.compile("[" + re.escape(e) + "]") for e in (_PART_END, _FULL_END)}
_CLAUSE_START = "，,。；;：:！？!?\n“”\"（()） \u3000"  # may stand right before a clause (本报讯 …)
# A clause-initial time phrase (2019年，今年，近年来 ...) does not stop a name after it from
# being the clause's subject.
_TIME_LEAD = re.compile(r"(?:^|[，,。；;：:！？!?\n“”])\s*"
                        r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|底|初|末)?"
                        r"|今年|去年|目前|当前|近年来|近年|近日|日前|截至目前|此外|同时)$")
_WORD_BEFORE = re.compile(r"(?:在|于|到|对|向|为|从|至|与|和|同|跟|比|据|是|由|经)$")
_DOC_TITLE = re.compile(r"《[^《》\n]{0,80}》")
# Organisations whose names start with a place: 河北养元智汇饮品股份有限公司, 丰宁平安高科…有限公司,
# 北京市营养源研究所, 京津冀协同创新创业基地. At least one name character comes between the place
# and the suffix (衡水市学校 is the city's schools); a government body (张家口市科技局, 丛台区政府)
# is the place acting, and a function word (与, 的, 在 ...) ends the name. 银行业, 大学生 are not
# organisations.
_ORG_TAIL = re.compile(r"[\u4e00-\u9fff·]{1,16}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|银行|大学|学院|"
                       r"医院|研究院|研究所|研究中心|设计院|基地|协会|学会|商会|合作社|学校|中学|小学|农场|酒店)"
                       r"(?![业界类系生化务])")
_NAME_BREAK = re.compile(r"[与和及等在的是为将对把被向从已也还都就了着过并而或]|政府|党委|人大|政协|委员会|"
                         r"管委会|常委会|局|厅")
# A rank and the group it is counted in: 全省第二, 保定市排名第2, 居全省首位, 全省168个县(市、区)中
# 排名第七位, 排名在全省由…第20位. 第一批, 第3次, 第二季度 are not ranks.
_RANK = (r"(?:第[0-9一二三四五六七八九十百两]+(?![0-9一二三四五六七八九十百两]*[批届次期季个轮阶年家条号章款部组类天周月日项件])"
         r"|首位|前列|前茅|榜首|先进行列|末位)")
_RANK_AFTER = re.compile(r"(?:排名|排位|排在|排|名列|位列|位居|居|的)?" + _RANK)
_RANK_IN = re.compile(r"[^，,。；;！？!?\n]{0,18}?(?:中|内|里)(?:排名|排位|排在|位列|名列|位居|居)")
_RANK_VERB = re.compile(r"(?:排名在?|排在|排位|位居|居于|居|位列|名列)$")
_RANK_LATER = re.compile(r"[^，,。；;！？!?\n]{0,20}?" + _RANK)
_RANK_FIGURE = re.compile(r"\s*" + _RANK)
# 30分钟到雄安、50分钟到京: the place after 到 in a travel time is where one gets to.
_DESTINATION = re.compile(r"(?:分钟|小时|钟头)[^，,。；;、]{0,3}(?:到|至|抵达|直达|通达|进)$")
# National bodies opening a clause (科技部火炬中心发布通知…同意将43个产业集群纳入…): their
# counts are national, whatever Hebei place the sentence goes on to name.
_NATIONAL_BODY = re.compile(
    r"(?:国务院|党中央|中共中央|全国人大|国家发改委|国家发展改革委|国家知识产权局|国家统计局|国家卫健委"
    r"|(?:科技|工信|工业和信息化|财政|教育|商务|农业农村|人力资源社会保障|人社|生态环境|自然资源"
    r"|住房城乡建设|住建|交通运输|水利|文化和旅游|民政|应急管理)部(?![门署分位件长]))")
# A paragraph opening on 该模式, 这一做法, 上述项目 ... goes on with the previous paragraph's topic.
_ANAPHOR = re.compile(r"\s*[“\"]?(?:该(?![市县区省])|这(?:一|些|种|个|项|批|类)|上述|此(?:项|类|种))"
                      r"[\u4e00-\u9fff]")
# Bare zone words read as the article's city's zone (see ``_Analysis._bare_zones``). A bare
# 开发区 or 经济开发区 is as often a county's own zone (枣强县经济开发区), so it is left alone.
_BARE_ZONE = re.compile(r"高新技术产业开发区|经济技术开发区|高新区|经开区")
_ZONE_LEFT = set("在和与及同对由把将为是了的从到、，,。；;：:！？!?“”\"（()）\n ")
_PART_OF = re.compile(r"其中|包括|例如|比如|[(（]含")
HOST = 0.5  # a zone named for the county that hosts it (燕郊高新区 -> 三河市): the county is inferred


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
    kind: str  # name | alias | short | abbreviation | host (燕郊高新区) | zone (a bare 高新区)
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


_REACH = 1500  # characters before a figure where its place may still be named


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
        self._bare_zones()
        self._mark_lists_and_addressees()
        self.paragraphs = self._paragraphs()
        self._para_starts = [lo for lo, _ in self.paragraphs]
        # Built on first use: finding names alone (``find_mentions``) needs none of them.
        self._headings_cache: list[tuple[int, list[Mention]]] | None = None
        self._weak_cache: dict[int, str] | None = None
        self._fit_cache: dict[str, tuple[list[tuple[Mention, Region]], list[int]]] = {}
        self._references_cache: list[Reference] | None = None
        self._result: ArticleRegions | None = None
        self._items: list[_Item] | None = None
        self._item_starts: list[int] = []
        self._breaks: dict[str, list[int]] = {}

    @property
    def references(self) -> list[Reference]:
        if self._references_cache is None:
            self._references_cache = self._references()
        return self._references_cache

    @property
    def headings(self) -> list[tuple[int, list[Mention]]]:
        if self._headings_cache is None:
            self._headings_cache = self._headings()
        return self._headings_cache

    @property
    def weak(self) -> dict[int, str]:
        if self._weak_cache is None:
            self._weak_cache = self._weak_mentions()
        return self._weak_cache

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

    def _bare_zones(self) -> None:
        """A bare 高新区/经开区 is the zone of that kind of the city the article is about.

        衡水's 高新区开展商超促销活动 means 河北衡水高新技术产业开发区. The city is the prefecture
        named most (a tie settles nothing), and it must have exactly one zone of that kind in the
        gazetteer. Only a word standing alone counts: after a name character it belongs to
        something else (省级高新区, 加快高新区建设). An article naming one of the city's counties
        or county-level cities more often than the city itself is about that county, whose own
        zone a bare 高新区 may be: nothing is read there.
        """
        words = list(_BARE_ZONE.finditer(self.doc))
        if not words:
            return
        prefectures, _ = self._prefecture_counts(self.mentions)
        top = prefectures.most_common(2)
        tied = not top or (len(top) == 2 and top[0][1] == top[1][1])
        city = None if tied else self.gaz.get(top[0][0])
        if city is not None:
            named = Counter(self.gaz.successor(m.region)
                            for m in self.mentions if m.region is not None)
            if any(r.level == "county" and r.name.endswith(("县", "市", "旗")) and n > named[city]
                   and self.gaz.prefecture_of(r) is city for r, n in named.items()):
                city = None
        ms = self.mentions
        ends = {m.end: i for i, m in enumerate(ms)}
        taken = [(m.start, m.end) for m in ms]
        added = []
        for z in words:
            if any(a < z.end() and z.start() < b for a, b in taken):
                continue
            before = ends.get(z.start())
            if before is not None and ms[before].region is not None:
                # 衡水市高新区: the zone of the city written in front, which only qualifies it.
                owner = self.gaz.successor(ms[before].region)
                zones = self.gaz.zones_of(owner, z.group()) if owner.level == "prefecture" else []
                if len(zones) == 1:
                    ms[before] = replace(ms[before], role="qualifier")
                    added.append(Mention(z.start(), z.end(), self.display[z.start():z.end()],
                                         (zones[0],), "zone", zones[0], "qualifier"))
                continue
            if city is None or (z.start() and self.doc[z.start() - 1] not in _ZONE_LEFT):
                continue
            zones = self.gaz.zones_of(city, z.group())
            if len(zones) == 1:
                added.append(Mention(z.start(), z.end(), self.display[z.start():z.end()],
                                     (zones[0],), "zone", zones[0], "article"))
        if added:
            self.mentions = sorted(ms + added, key=lambda m: m.start)

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
        listed.update(self._examples())
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

    def _examples(self) -> set[int]:
        """Places opening the items of an enumeration closed by 等: 张北云计算产业基地、桥东区北方
        硅谷高科新城、怀来县京北生态科技新城等; 安平丝网、武邑金属橱柜等产业集群. They are examples,
        like a plain list of names."""
        ms, out, run = self.mentions, set(), []
        for i, m in enumerate(ms):
            if (run and m.start and self.doc[m.start - 1] == "、"
                    and _EXAMPLE_GAP.fullmatch(self.doc, ms[run[-1]].end, m.start)):
                run.append(i)
                continue
            if len(run) >= 2 and _EXAMPLE_END.match(self.doc, ms[run[-1]].end):
                out.update(run)
            run = [i]
        if len(run) >= 2 and _EXAMPLE_END.match(self.doc, ms[run[-1]].end):
            out.update(run)
        return out

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
        """The unit 该市/全县/该区 ... at ``pos`` stands for.

        In order: the latest fitting unit earlier in the same paragraph; the current section's
        heading (保定涿州市: 全市 is 涿州市; 邯郸市丛台区: 全市 is 邯郸市, 该区 丛台区); the latest
        fitting unit earlier in the article that is not just a qualifier; a unit named later in the
        same sentence (近两月全市技术交易额已达6057万元……这是辛集市交出的成绩单) unless it is a
        part (其中辛集市…); and last a qualifier (the 廊坊市 of 廊坊市安次区, written only to
        place the district). Names inside document titles (《保定市支持…措施》), rank groups
        (保定市排名第2) and travel destinations are not referents.
        """
        if kind == "hebei":
            return self.gaz.get(HEBEI)
        if kind == "nation":
            return None
        fits, starts = self._fits(kind)
        n = bisect_right(starts, pos - 1)  # fits[:n] start before pos
        p = self._paragraph_index(pos)
        if p >= 0:
            if n and fits[n - 1][0].start >= self.paragraphs[p][0]:
                return fits[n - 1][1]
            # 邯郸市丛台区 heads the section: 全市 there is 邯郸市, 该区 丛台区.
            for m in reversed(self._section_names(p)):
                if _stands_for(kind, self.gaz.successor(m.region)):
                    return self.gaz.successor(m.region)
        for m, region in reversed(fits[:n]):
            if m.role != "qualifier":
                return region
        _, end = self._bounds(pos, _FULL_END)
        if n < len(fits):
            later = fits[n][0].start
            if later < end and not _PART_OF.search(self.doc, pos, later):
                return fits[n][1]
        return fits[n - 1][1] if n else None

    def _fits(self, kind: str) -> tuple[list[tuple[Mention, Region]], list[int]]:
        """Mentions a reference of ``kind`` may stand for, in text order (cached per kind)."""
        if kind not in self._fit_cache:
            fits = []
            for m in self.mentions:
                if (m.region is not None and m.role not in ("list", "addressee")
                        and self.weak.get(m.start) not in ("title", "rank", "destination")):
                    region = self.gaz.successor(m.region)
                    if _stands_for(kind, region):
                        fits.append((m, region))
            self._fit_cache[kind] = (fits, [m.start for m, _ in fits])
        return self._fit_cache[kind]

    # paragraphs, sections, and names that do not place a figure

    def _paragraph_index(self, pos: int) -> int:
        i = bisect_right(self._para_starts, pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i][1] else -1

    def _headings(self) -> list[tuple[int, list[Mention]]]:
        """Short paragraphs naming a place (廊坊市安次区, 保定涿州市) that open a section, with
        their names; the last one is the section's place."""
        out = []
        starts = [m.start for m in self.mentions]
        for i, (lo, hi) in enumerate(self.paragraphs):
            if hi - lo > 40:
                continue
            named = self.mentions[bisect_left(starts, lo):bisect_left(starts, hi)]
            named = [m for m in named if m.region is not None and m.role in ("", "qualifier")
                     and m.kind != "zone"]
            counted = [m for m in named if m.role == ""]
            if counted and self._is_heading(lo, hi, counted):
                out.append((i, named))
        return out

    def _section(self, p: int) -> Mention | None:
        """The place of the section paragraph ``p`` is in (from its heading)."""
        names = self._section_names(p)
        return next((m for m in reversed(names) if m.role == ""), None) if names else None

    def _section_names(self, p: int) -> list[Mention]:
        found: list[Mention] = []
        for i, names in self.headings:
            if i > p:
                break
            found = names
        return found

    def _bounds(self, pos: int, ends: str) -> tuple[int, int]:
        """The stretch around ``pos`` between two of the characters ``ends``."""
        breaks = self._breaks.get(ends)
        if breaks is None:
            breaks = self._breaks[ends] = [m.start() for m in _ENDS[ends].finditer(self.doc)]
        i = bisect_left(breaks, pos)
        return (breaks[i - 1] + 1 if i else 0), (breaks[i] if i < len(breaks) else len(self.doc))

    def _weak_mentions(self) -> dict[int, str]:
        """Names that are written but do not say where a figure is, by start offset.

        title: inside a document title (《保定市支持科技服务机构的政策措施》);
        org: the start of an organisation's name (河北养元智汇饮品股份有限公司);
        rank: the group a rank is counted in (保定市排名第2, 廊坊市第一位);
        destination: where a trip goes (50分钟到京);
        modifier: 河北省 inside a noun phrase (有效河北省科技型中小企业, 河北省院士合作重点单位).
        They still count as mentions; ``resolve`` passes over them when anything else is there.
        """
        titles = [t.span() for t in _DOC_TITLE.finditer(self.doc)]
        out = {}
        for m in self.mentions:
            if m.region is None:
                continue
            kind = self._weak_kind(m.start, m.end, titles)
            if not kind:
                org = _ORG_TAIL.match(self.doc, m.end)
                if org and not _NAME_BREAK.search(self.doc, m.end, org.end()):
                    kind = "org"
                elif self._modifier(m):
                    kind = "modifier"
            if kind:
                out[m.start] = kind
        return out

    def _weak_kind(self, start: int, end: int, titles: list[tuple[int, int]]) -> str:
        if any(a < start and end < b for a, b in titles):
            return "title"
        if self._rank_scope(start, end):
            return "rank"
        if _DESTINATION.search(self.doc, max(0, start - 12), start):
            return "destination"
        return ""

    def _rank_scope(self, start: int, end: int) -> bool:
        doc = self.doc
        if _RANK_AFTER.match(doc, end) or _RANK_IN.match(doc, end):
            return True
        verb = _RANK_VERB.search(doc, max(0, start - 4), start)
        return bool(verb and _RANK_LATER.match(doc, end))

    def _modifier(self, m: Mention) -> bool:
        """河北省 written inside a noun phrase rather than as the clause's subject.

        A name opening its clause (近年来，河北省着力…; 2019年，河北省…), or after a
        preposition (在河北省, 与河北省), is a subject or a place; one glued between other words
        (有效河北省科技型中小企业, 、河北省院士合作重点单位) qualifies a designation.
        """
        region = self.gaz.successor(m.region)
        if region.level != "province" or not region.in_hebei or m.kind == "abbreviation":
            return False
        doc, start = self.doc, m.start
        if start == 0 or doc[start - 1] in _CLAUSE_START:
            return False
        if _TIME_LEAD.search(doc, max(0, start - 16), start):
            return False
        if _WORD_BEFORE.search(doc, start - 1, start):
            return False
        return m.end < len(doc) and "\u4e00" <= doc[m.end] <= "\u9fff"

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

        # A bare 高新区 was read from the article's own city: it adds nothing to what it is about.
        counted = [m for m in self.mentions
                   if m.region is not None and m.role == "" and m.kind != "zone"]
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
            if m.kind == "host":
                # 燕郊高新区 names the zone; its county (三河市) is only inferred.
                add(region, HOST)
                continue
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
        # A title naming the province and no other Hebei place (我省全面推动县域科技创新发展) makes
        # it the main subject, however much room the case studies below take.
        first = hebei if (hebei in chosen and hebei in in_title
                          and not any(r.in_hebei for r in in_title - {hebei})) else None
        return sorted(chosen.items(),
                      key=lambda t: (t[0] is not first, -t[1], not t[0].in_hebei, t[0].code))

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

    def _figure_items(self) -> list[_Item]:
        """Everything that can place a figure, in text order (built on first use)."""
        if self._items is None:
            items = [_Item(m.start, m.end, m.region, m.surface, self.weak.get(m.start, ""))
                     for m in self.mentions
                     if m.region is not None and m.role not in ("list", "addressee", "qualifier")]
            titles = [t.span() for t in _DOC_TITLE.finditer(self.doc)]
            # A reference whose unit is unknown (我市 with no city named) still says the figure
            # is local: it keeps a national body earlier in the sentence from taking the figure.
            for r in self.references:
                items.append(_Item(r.start, r.end, r.region, r.surface,
                                   self._weak_kind(r.start, r.end, titles), r.kind == "nation"))
            for b in _NATIONAL_BODY.finditer(self.doc, self.base):
                if self._opens_clause(b.start()):
                    items.append(_Item(b.start(), b.end(), None, b.group(), "", True))
            self._items = sorted(items, key=lambda t: t.start)
            self._item_starts = [t.start for t in self._items]
        return self._items

    def _opens_clause(self, start: int) -> bool:
        return (start == 0 or self.doc[start - 1] in _CLAUSE_START
                or bool(_TIME_LEAD.search(self.doc, max(0, start - 16), start)))

    def resolve(self, start: int, end: int) -> RegionRef | None:
        """Where the figure at ``start``..``end`` (text offsets) belongs; see the module notes."""
        pos, stop = start + self.base, max(start, end) + self.base
        items = self._figure_items()
        p = self._paragraph_index(pos)
        if p >= 0:
            # Only the figure's paragraph and the one before it are ever looked at, and no
            # further than a long paragraph's reach (a page with no line breaks is one paragraph).
            lo = max(self.paragraphs[max(0, p - 1)][0], pos - _REACH)
            hi = min(self.paragraphs[p][1], stop + _REACH // 3)
            items = items[bisect_left(self._item_starts, lo):bisect_left(self._item_starts, hi)]
        inside = [t for t in items if pos <= t.start and t.end <= stop]
        others = [t for t in items if not (pos <= t.start and t.end <= stop)]
        strong = [t for t in others if not t.weak]
        part = self._bounds(pos, _PART_END)
        full = self._bounds(pos, _FULL_END)
        scope = self._rank_of(others + inside, pos, stop, part)
        if scope is not None:
            # A rank is held by a place inside the group it is counted in: in 全省县域…评价中，
            # 跃居A类，全省168个县(市、区)中排名第七位 neither 全省 is the ranked county.
            strong = [t for t in strong if self._within(t.region, scope)]
        pick = self._in_sentence(strong, pos, stop, part, full)
        if pick is not None and pick.region is None and not pick.nation:
            pick = None  # 我市 standing for nothing named: placed as if unnamed
        if pick is not None:
            region, written = pick.region, pick.surface  # None for a national body or 全国
        else:
            region, written = self._context(strong, pos, full)
            if region is None:
                main = self.result().main
                if main is not None:
                    region = self.gaz.get(main.code)
                else:
                    # Nothing else at all: a weak name in the sentence is better than nothing.
                    pick = self._in_sentence(others, pos, stop, part, full)
                    if pick is not None:
                        region, written = pick.region, pick.surface
        if scope is not None and not self._within(region, scope):
            # 保定市排名第2 in a 涿州 story is 涿州's rank within 保定; but with no smaller
            # place around, the place named before the rank is the one ranked.
            region, written = scope.region, scope.surface
        return self.ref(region, written) if region is not None else None

    def _in_sentence(self, items: list[_Item], pos: int, stop: int,
                     part: tuple[int, int], full: tuple[int, int]) -> _Item | None:
        """The nearest name before the figure in its sentence part, else the nearest after it,
        then the same in the rest of the sentence (parts are cut at ；)."""
        before = [t for t in items if part[0] <= t.start and t.end <= pos]
        if before:
            pick = before[-1]
            # 该市已建成…河北省院士合作重点单位2家: a province or the nation named after a more
            # specific place in the sentence is the scope of a designation, not the figure's place.
            if pick.region is None or pick.region.level == "province":
                specific = [t for t in items if full[0] <= t.start and t.end <= pos
                            and t.region is not None and t.region.level != "province"]
                if specific:
                    return specific[-1]
            return pick
        after = [t for t in items if stop <= t.start < part[1]]
        if after:
            return after[0]
        earlier = [t for t in items if full[0] <= t.start and t.end <= part[0]]
        if earlier:
            return earlier[-1]
        later = [t for t in items if part[1] <= t.start < full[1]]
        return later[0] if later else None

    def _context(self, strong: list[_Item], pos: int,
                 full: tuple[int, int]) -> tuple[Region | None, str]:
        """Where a figure whose sentence names no place belongs (national words do not carry)."""
        places = [t for t in strong if t.region is not None]
        p = self._paragraph_index(pos)
        if p < 0:
            return None, ""
        lo, hi = self.paragraphs[p]
        earlier = [t for t in places if lo <= t.start < full[0]]
        if earlier:
            # The sentence just before (唐山市新增企业20家。其中高新技术企业5家。), else the
            # paragraph's opening sentence, which sets its topic (此外，该市强力推进…。怀来…全省
            # 唯一…。建成了…孵化器4家), else the nearest place earlier in the paragraph.
            prev_lo, _ = self._bounds(full[0] - 1, _FULL_END) if full[0] > lo else (lo, lo)
            previous = [t for t in earlier if t.start >= prev_lo]
            if previous:
                return previous[-1].region, previous[-1].surface
            _, first_hi = self._bounds(lo, _FULL_END)
            opening = [t for t in earlier if t.start < first_hi]
            pick = opening[0] if opening else earlier[-1]
            return pick.region, pick.surface
        quote = self._quote_around(pos, lo, hi)
        if quote is not None:
            # “…仅需两分钟就可完成…”日前，在位于衡水市枣强县…: a quotation opening the paragraph
            # is placed by the sentence that follows it.
            _, after_hi = self._bounds(quote + 1, _FULL_END)
            following = [t for t in places if quote < t.start < after_hi]
            if following:
                return following[0].region, following[0].surface
        if p > 0 and _ANAPHOR.match(self.doc, lo):
            # “该模式充分发挥了…组建了1个国家级专家服务团队…”: the model of the paragraph before.
            plo, phi = self.paragraphs[p - 1]
            previous = [t for t in places if plo <= t.start < phi]
            if previous:
                return previous[-1].region, previous[-1].surface
        heading = self._section(p)
        if heading is not None:
            return heading.region, heading.surface
        return None, ""

    def _quote_around(self, pos: int, lo: int, hi: int) -> int | None:
        """The closing quotation mark of a quotation holding ``pos`` (None when not quoted)."""
        opening = self.doc.rfind("“", lo, pos)
        if opening < 0 or self.doc.rfind("”", opening, pos) >= 0:
            return None
        closing = self.doc.find("”", pos, hi)
        return closing if closing >= 0 else None

    def _rank_of(self, items: list[_Item], pos: int, stop: int,
                 part: tuple[int, int]) -> _Item | None:
        """The group a rank figure is counted in (全省 of 全省第二), None for other figures."""
        rank = (_RANK_FIGURE.match(self.doc, pos)
                or _RANK_VERB.search(self.doc, max(0, pos - 4), pos)
                or any(t.weak == "rank" and pos <= t.start and t.end <= stop for t in items))
        if not rank:
            return None
        scopes = [t for t in items if t.weak == "rank" and part[0] <= t.start and t.end <= stop
                  and (t.region is not None or t.nation)]
        return max(scopes, key=lambda t: t.start) if scopes else None

    def _within(self, region: Region | None, scope: _Item) -> bool:
        if region is None:
            return False
        if scope.nation:
            return True
        inner, outer = self.gaz.successor(region), self.gaz.successor(scope.region)
        return inner is not outer and outer in self.gaz.ancestors(inner)


@dataclass(frozen=True)
class _Item:
    """A name or reference as ``resolve`` sees it; ``weak`` as in ``_Analysis._weak_mentions``."""

    start: int
    end: int
    region: Region | None
    surface: str
    weak: str = ""
    nation: bool = False


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
