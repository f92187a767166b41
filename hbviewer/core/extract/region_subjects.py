"""What an article is about: each region's score, and the subjects chosen from the scores.

Each region scores: title 4, subheading paragraph (廊坊市安次区) 4, byline place (新华社石家庄电)
2, lead 1.5, and per paragraph of the text 1 for the first mention plus 0.3 for each further one,
so a place named three times in one aside weighs less than a place named in three paragraphs.
该市/全市/我县/全省 ... add 0.5 to the region they stand for, 京津冀's 冀 0.5; the province's
bodies named without a province (省政府, 省级, 省财政厅) add 0.5 each to 河北省, 1 at most. Regions outside
Hebei count at 0.6. In the text (not the title), qualifiers, lists, examples, places in （含…）,
addressee lines, mastheads and delegations (see ``region_roles``) add nothing, and a place
opening a company's or institution's name (``weak_mentions``) only 0.3. A bare 高新区 read as the city's zone adds
nothing; a zone standing for its host county (燕郊高新区 -> 三河市) adds ``HOST`` per mention,
since the text never names the county.

Subjects are the regions scoring at least ``SUBJECT_SHARE`` of the best and at least
``SUBJECT_MIN``; when none reaches that, the best one alone (Hebei first on a tie). A
county-level subject brings its prefecture at 0.8 of its score (万全区 -> 张家口市) unless the
prefecture scores more on its own. 河北省 (often named only through 全省/我省) stays a subject
beside more specific Hebei subjects only when the title names it (河北/我省/全省) or it scores
best, so it is the subject by default when nothing more specific is named; a title naming the
province and no other Hebei place (我省全面推动县域科技创新发展) puts it first. A text naming no
place but the units below a province (县(市、区), 设区市), nor the nation, is the province's. The weights were
set by hand and checked against the seed pages (``tests/test_regions_seeds.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from .gazetteer import HEBEI, Region, RegionGazetteer
from .region_breakdowns import breakdown_places
from .region_layout import is_heading
from .region_mentions import MentionReader
from .region_records import ArticleRegions, RegionRef
from .region_zones import container, covered_counties, with_zone
from ..text.textnorm import fold

if TYPE_CHECKING:
    from .regions import _Analysis

TITLE, HEADING, BYLINE, LEAD = 4.0, 4.0, 2.0, 1.5
FIRST_IN_PARAGRAPH, REPEAT_IN_PARAGRAPH = 1.0, 0.3
REFERENCE, ABBREVIATION = 0.5, 0.5
FOREIGN = 0.6
ROLL_UP = 0.8
SUBJECT_SHARE, SUBJECT_MIN = 0.4, 3.0
ZONE_SHARE = 0.5  # a zone scoring this share of its division's own score is what it is about
PROVINCE_BODIES = 1.0
# The province's own bodies without its name (省政府, 省级, 省财政厅); not 各省, 外省, 节省.
_PROVINCE_BODY = re.compile(r"(?<![各外分节反全我本该])省(?=委|政府|级|直|人大|政协|[\u4e00-\u9fff]{1,4}厅)")
# The nation or the world as the scope of a text: such a text naming no place is no province's.
_ELSEWHERE = re.compile(r"我国|全国|中国|国内|国外|国际|全球|世界|国务院|中央|外国|海外")
# The units below a province, as its own notices address them.
_PROVINCE_UNITS = re.compile(r"县[(（]市、区[)）]|设区市|各市|各县|市县|市、县")
HOST = 0.5  # a zone named for the county that hosts it (燕郊高新区 -> 三河市): the county is inferred


def score_article(a: _Analysis) -> ArticleRegions:
    """The article's subjects (best first) and the regions it merely mentions."""
    gaz = a.gaz
    scores: dict[Region, float] = defaultdict(float)
    in_title: set[Region] = set()

    def add(region: Region | None, weight: float) -> None:
        if region is not None:
            region = gaz.successor(region)
            scores[region] += weight * (1.0 if region.in_hebei else FOREIGN)

    # A bare 高新区 read from the article's own city adds nothing to what it is about; one
    # standing for a zone the article named (开发区 after 正定县经济开发区) counts as a reference.
    counted = [m for m in a.mentions if m.region is not None and m.role == ""
               and (m.kind != "zone" or m.resolved_by == "named")]
    title_end = len(a.title)
    for m in counted:
        if m.start < title_end:
            in_title.add(gaz.successor(m.region))
    for r in a.references:
        if r.start < title_end and r.kind == "hebei":
            in_title.add(r.region)
    for region in in_title:
        add(region, TITLE)
    for region in _byline_places(a):
        add(region, BYLINE)

    paragraphs = a.layout.paragraphs
    lead_lo, lead_hi = _lead(a.doc, paragraphs)
    lead: set[Region] = set()
    seen: set[tuple[int, Region]] = set()
    weak = a.weak
    for m in counted:
        if m.start < a.base:
            continue
        region = gaz.successor(m.region)
        if weak.get(m.start) == "org":
            # 河北养元智汇饮品股份有限公司: a company's place is named in passing.
            add(region, REPEAT_IN_PARAGRAPH)
            continue
        if m.kind == "zone":
            add(region, REFERENCE)
            continue
        if m.kind == "host":
            # 燕郊高新区 names the zone; its county (三河市) is only inferred.
            add(region, HOST)
            continue
        if lead_lo <= m.start < lead_hi and region not in lead:
            lead.add(region)
            add(region, LEAD)
        p = a.layout.paragraph_index(m.start)
        weight = ABBREVIATION if m.kind == "abbreviation" else (
            REPEAT_IN_PARAGRAPH if (p, region) in seen else FIRST_IN_PARAGRAPH)
        seen.add((p, region))
        add(region, weight)
    for lo, hi in paragraphs:
        heading = [m for m in counted if lo <= m.start < hi]
        if heading and is_heading(a.doc, lo, hi, heading):
            add(heading[-1].region, HEADING)
    bodies = _province_bodies(a)
    if bodies:
        add(gaz.get(HEBEI), bodies)
    for r in a.references:
        if r.start >= a.base and r.region is not None:
            add(r.region, REFERENCE)
            if lead_lo <= r.start < lead_hi and r.kind == "hebei" and r.region not in lead:
                lead.add(r.region)
                add(r.region, LEAD)

    if (not scores and _PROVINCE_UNITS.search(a.doc) and not _ELSEWHERE.search(a.doc)
            and not any(r.region is None and r.kind != "nation" for r in a.references)):
        # A text that names no place but speaks of a province's units (对考核优秀的县(市、区)各奖励
        # 150万元), and neither of the nation nor of a unit it leaves unnamed (全市 of a city
        # never named), is a notice of the province's own rules: Hebei's, as the pages read here are.
        add(gaz.get(HEBEI), REFERENCE)
    forced = {gaz.successor(r) for r in breakdown_places(a.doc, a.base, a.mentions)}
    forced.update(gaz.successor(m.region) for _, _, m in a.respective)
    subjects = _subjects(gaz, scores, in_title, forced)
    a.subject_regions = [r for r, _ in subjects]
    reported = report_subjects(a, subjects, scores)
    codes = {ref.code for ref, _ in reported}
    mentioned = []
    for r in dict.fromkeys(gaz.successor(m.region) for m in a.mentions if m.region is not None):
        ref = a.ref(r)
        # Only Hebei divisions are listed: not places elsewhere, nor 雄安新区 (no division).
        if ref.in_hebei and ref.level != "zone" and ref.code not in codes:
            codes.add(ref.code)
            mentioned.append(replace(ref, zone=""))
    text_ms = a.text_mentions()
    return ArticleRegions(reported, mentioned, text_ms, [m for m in text_ms if m.region is None], a)


def report_subjects(a: _Analysis, subjects: list[tuple[Region, float]],
                    scores: dict[Region, float]) -> list[tuple[RegionRef, float]]:
    """Subjects as reported: Hebei only; a zone as its division with the zone's name, 雄安新区 as
    its core counties (``region_zones``). A division reported twice keeps its first (best) entry.

    A division whose own score owes much to one of its zones (廊坊市 in the title, its 经开区
    through the story) is reported with that zone: the zone scores at least ``ZONE_SHARE`` of it.
    """
    zones: dict[Region, tuple[float, Region]] = {}
    for z, s in scores.items():
        outer = container(a.gaz, z) if z.level == "zone" else None
        if outer is not None and s > zones.get(outer, (0.0, z))[0]:
            zones[outer] = (s, z)
    out: dict[str, tuple[RegionRef, float]] = {}
    for r, s in subjects:
        if not r.in_hebei:
            continue
        counties = covered_counties(a.gaz, r) if r.level == "zone" else []
        refs = [with_zone(a.ref(c), r) for c in counties] or [a.ref(r)]
        best = zones.get(r)
        if best is not None and best[0] >= ZONE_SHARE * scores.get(r, 0.0):
            refs = [with_zone(refs[0], best[1])]
        for ref in refs:
            if ref.code not in out:
                out[ref.code] = (ref, s)
    return list(out.values())


def _subjects(gaz: RegionGazetteer, scores: dict[Region, float], in_title: set[Region],
              forced: set[Region] = frozenset()) -> list[tuple[Region, float]]:
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
        pref = gaz.prefecture_of(r)
        if pref is not None and pref is not r:
            chosen[pref] = max(chosen.get(pref, scores.get(pref, 0.0)), ROLL_UP * s)
    for r in forced:  # each place of a breakdown has figures of its own
        chosen.setdefault(r, scores.get(r, 0.0))
    hebei = gaz.get(HEBEI)
    specific = any(r.in_hebei and r is not hebei for r in chosen)
    if hebei in chosen and specific and hebei not in in_title and chosen[hebei] < top:
        del chosen[hebei]
    # A title naming the province and no other Hebei place (我省全面推动县域科技创新发展) makes
    # it the main subject, however much room the case studies below take.
    first = hebei if (hebei in chosen and hebei in in_title
                      and not any(r.in_hebei for r in in_title - {hebei})) else None
    return sorted(chosen.items(),
                  key=lambda t: (t[0] is not first, -t[1], not t[0].in_hebei, t[0].code))


def _province_bodies(a: _Analysis) -> float:
    """省政府, 省委, 省级, 省财政厅 ... with no province named: Hebei's own bodies, as in the
    documents of Hebei's government. A weak sign (at most ``PROVINCE_BODIES``), enough to make
    Hebei the subject of a text that names nothing else."""
    if any(m.region is not None and m.region.level == "province" and not m.region.in_hebei
           for m in a.mentions):
        return 0.0
    taken = [(m.start, m.end) for m in a.mentions]
    n = sum(1 for b in _PROVINCE_BODY.finditer(a.doc)
            if not any(lo <= b.start() < hi for lo, hi in taken))
    return min(PROVINCE_BODIES, REFERENCE * n)


def _byline_places(a: _Analysis) -> list[Region]:
    if not a.byline:
        return []
    folded = fold(a.byline)
    found = MentionReader(a.gaz, a.doc).find(folded, a.byline)
    return [m.region for m in found if m.region is not None]


def _lead(doc: str, paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """The first paragraph of the story proper: the one carrying the byline, else the first."""
    for lo, hi in paragraphs[:3]:
        if re.search(r"讯|电|记者|通讯员", doc[lo:min(hi, lo + 40)]):
            return lo, hi
    return paragraphs[0] if paragraphs else (0, 0)

