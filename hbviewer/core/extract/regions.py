"""Which regions an article names, what it is about, and which region a figure belongs to.

Names are found by ``gazetteer.RegionGazetteer.scan`` (what counts as a name, and the guards
against look-alikes, are documented in ``gazetteer_scan``). The rest, in the order an article
goes through it, is in modules of its own:

* ``region_mentions``: which region each name means (one candidate, the unit written in front,
  the sentence, the article);
* ``region_roles``: the part a name plays besides naming a place: a bare 高新区 read as its
  city's zone, an item of a list or an example, an addressee;
* ``region_layout``: paragraphs, sentences and the headings that open sections;
* ``weak_mentions``: names that are written but do not say where a figure is (《保定市…措施》,
  全省第二);
* ``region_zones``: functional zones named by their form (正定县经济开发区), and how a zone is
  reported (the division that contains it, plus the zone);
* ``region_references``: what 该市, 全县, 我省 ... stand for;
* ``region_breakdowns``: figures listed place by place, whose places are all subjects;
* ``region_subjects``: what the article is about, from each region's score;
* ``figure_places``: which region each figure belongs to.

``_Analysis`` holds what they share: the title and text as one folded document, its names, and
what is worked out from them on first use. The records handed out (``RegionRef``, ``Mention``,
``Reference``, ``ArticleRegions``) are in ``region_records``; this module is the way in.
"""

from __future__ import annotations

from dataclasses import replace

from .figure_places import FigurePlaces
from .region_breakdowns import respective_figures
from .gazetteer import Region, RegionGazetteer, gazetteer
from .region_layout import Layout
from .region_mentions import MentionReader
from .region_records import ArticleRegions, Mention, Reference, RegionRef
from .region_references import find_references
from .region_roles import mark_lists_and_addressees, read_bare_zones
from .region_zones import container, read_zone_names, with_zone
from .region_subjects import score_article
from .weak_mentions import weak_mentions
from ..text.textnorm import fold


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
        return {"name": ref.name, "code": ref.code, "level": ref.level, "prefecture": ref.prefecture,
                "zone": ref.zone}

    return {
        "regions": [{**row(ref), "score": round(score, 2)} for ref, score in result.subjects],
        "mentioned": [row(ref) for ref in result.mentioned],
    }


class _Analysis:
    """Title and text scanned as one document ``title + "\\n" + text``; offsets shift by ``base``.

    The names are read and settled at once; references, weak names, the subjects and the figure
    places are worked out on first use, since finding names alone (``find_mentions``) needs none
    of them.
    """

    def __init__(self, title: str, text: str, byline: str = ""):
        self.gaz: RegionGazetteer = gazetteer()
        self.title, self.text, self.byline = title, text, byline
        self.base = len(title) + 1
        self.display = title + "\n" + text
        self.doc = fold(self.display)
        reader = MentionReader(self.gaz, self.doc)
        mentions = reader.find(self.doc, self.display)
        reader.settle(mentions)
        mentions = read_bare_zones(self.gaz, self.doc, self.display, mentions)
        mentions = read_zone_names(self.gaz, self.doc, self.display, mentions)
        mark_lists_and_addressees(self.doc, self.base, mentions)
        self.mentions = mentions
        self.zoned = any(m.region is not None and m.region.level == "zone" for m in mentions)
        self.layout = Layout(self.doc, self.base, mentions)
        self._references: list[Reference] | None = None
        self._weak: dict[int, str] | None = None
        self._result: ArticleRegions | None = None
        self._places: FigurePlaces | None = None
        self._respective: list[tuple[int, int, Mention]] | None = None
        self.subject_regions: list[Region] = []  # set by ``result``: the subjects before reporting

    @property
    def references(self) -> list[Reference]:
        if self._references is None:
            self._references = find_references(self)
        return self._references

    @property
    def respective(self) -> list[tuple[int, int, Mention]]:
        """The figures of 分别 lists with their places (see ``region_breakdowns``)."""
        if self._respective is None:
            self._respective = respective_figures(self.doc, self.mentions)
        return self._respective

    @property
    def weak(self) -> dict[int, str]:
        """The kind of each weak name, by start offset (see ``weak_mentions``)."""
        if self._weak is None:
            self._weak = weak_mentions(self.gaz, self.doc, self.mentions)
        return self._weak

    def result(self) -> ArticleRegions:
        if self._result is None:
            self._result = score_article(self)
        return self._result

    def resolve(self, start: int, end: int) -> RegionRef | None:
        """Where the figure at ``start``..``end`` (text offsets) belongs (see ``figure_places``)."""
        if self._places is None:
            self._places = FigurePlaces(self)
        ref = self._places.resolve(start, end)
        if ref is None or ref.zone or not self.zoned:
            return ref
        main = self.result().main
        if main is not None and main.zone and main.code == ref.code:
            # In an article about a zone, a figure placed at the zone's division is the zone's.
            ref = replace(ref, zone=main.zone)
        return ref

    def ref(self, region: Region, written: str = "") -> RegionRef:
        """A region as reported; a zone as the division it lies in, with the zone's name
        (雄安新区, in no single division, as itself; see ``region_zones``)."""
        current = self.gaz.successor(region)
        if current.level == "zone":
            outer = container(self.gaz, current)
            return with_zone(self.ref(outer, written) if outer is not None
                             else self._plain(current, current, written), current)
        return self._plain(region, current, written)

    def _plain(self, region: Region, current: Region, written: str) -> RegionRef:
        pref = self.gaz.prefecture_of(current)
        return RegionRef(current.name, current.code, current.level, pref.name if pref else None,
                         pref.code if pref else None, current.province_code, written,
                         "" if region.current else region.name)

    def text_mentions(self) -> list[Mention]:
        """The names in the text (not the title), with offsets into the text."""
        base = self.base
        return [replace(m, start=m.start - base, end=m.end - base)
                for m in self.mentions if m.start >= base]
