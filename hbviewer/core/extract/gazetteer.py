"""The region gazetteer: China's administrative divisions, looked up by code, name and hierarchy.

``resources/gazetteer/regions.csv`` is read on first use, not at import, so the application starts
without paying for it. The rows and their reading are in ``gazetteer_rows``; which names are looked
for in text, and the guards against look-alikes, are in ``gazetteer_scan``. ``RegionGazetteer``
joins them: the lookups here, ``scan`` and ``lookup`` from the name index.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

# Region, HEBEI and Match belong to this module's interface too: callers need not know the parts.
from .gazetteer_rows import HEBEI, LEVEL_RANK, Region, read_regions
from .gazetteer_scan import Match, NameScanner

MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
# A zone that lies in no single division stands, as a subject, for its core counties: 雄安新区 for
# 雄县, 容城县 and 安新县 (see resources/gazetteer/NOTICE.md).
ZONE_COUNTIES: dict[str, tuple[str, ...]] = {"139900": ("130638", "130629", "130632")}

# Bare zone words and what a zone's name (or short name) holds when it is of that kind;
# region_roles reads a bare 高新区 as the city's zone of that kind (``zones_of``).
ZONE_KINDS: dict[str, tuple[str, ...]] = {
    "高新区": ("高新",), "高新技术产业开发区": ("高新",),
    "经开区": ("经济技术开发区", "经济开发区", "经开区"),
    "经济技术开发区": ("经济技术开发区", "经济开发区", "经开区"),
}


class RegionGazetteer:
    """All regions, with lookups by code and a name index for finding them in text."""

    def __init__(self, regions: list[Region]):
        self.regions = tuple(regions)
        self._current = {r.code: r for r in regions if r.current}
        self._retired: dict[str, list[Region]] = defaultdict(list)
        self._children: dict[str, list[Region]] = defaultdict(list)
        for r in regions:
            if not r.current:
                self._retired[r.code].append(r)
            if r.parent_code:
                self._children[r.parent_code].append(r)
        self._names = NameScanner(self)

    @classmethod
    def load(cls, path: Path | None = None) -> RegionGazetteer:
        if path is None:
            from ...paths import resource

            path = resource("gazetteer", "regions.csv")
        return cls(read_regions(path))

    # -- lookups -------------------------------------------------------------------------------

    def get(self, code: str) -> Region | None:
        """The current region with this code, else the retired one that had it."""
        if code in self._current:
            return self._current[code]
        retired = self._retired.get(code)
        return retired[0] if retired else None

    def by_name(self, name: str) -> list[Region]:
        """Regions whose full name, short name or alias is ``name`` (current ones first)."""
        found = [r for r in self.regions
                 if name == r.name or name in r.short_names or name in r.aliases]
        return sorted(found, key=lambda r: (not r.current, LEVEL_RANK[r.level]))

    def children(self, code: str, *, retired: bool = False) -> list[Region]:
        return [r for r in self._children.get(code, ()) if retired or r.current]

    def parent(self, region: Region) -> Region | None:
        return self._current.get(region.parent_code) if region.parent_code else None

    def ancestors(self, region: Region) -> list[Region]:
        """Parent chain, nearest first, ending with the province."""
        chain, r = [], self.parent(region)
        while r is not None:
            chain.append(r)
            r = self.parent(r)
        return chain

    def successor(self, region: Region) -> Region:
        """The current unit that took over a retired one (itself when current)."""
        seen = 0
        while not region.current and region.successor_code and seen < 5:
            region = self._current.get(region.successor_code, region)
            seen += 1
        return region

    def prefecture_of(self, region: Region) -> Region | None:
        """The prefecture-level unit a region belongs to (itself for a prefecture).

        雄安新区 sits directly under the province and counts as prefecture-level; so do the four
        municipalities for their districts.
        """
        if region.level == "prefecture":
            return region
        if region.level == "province":
            return None
        parent = self.parent(region)
        if parent is None:
            return None
        if parent.level == "prefecture":
            return parent
        if parent.code in MUNICIPALITIES:
            return parent
        if parent.level == "county":  # a zone inside a county (正定县经济开发区)
            return self.prefecture_of(parent)
        return region if region.level == "zone" else None

    def province(self, region: Region) -> Region | None:
        return self._current.get(region.province_code)

    def zones_of(self, prefecture: Region, word: str) -> list[Region]:
        """The current zones of ``prefecture`` of the kind a bare ``word`` (高新区, 经开区 ...) names."""
        marks = ZONE_KINDS.get(word, ())
        return [r for r in self.children(prefecture.code) if r.level == "zone"
                and any(k in r.name or any(k in s for s in r.short_names) for k in marks)]

    # -- finding names (see ``gazetteer_scan``) ------------------------------------------------

    def lookup(self, surface: str) -> tuple[Region, ...]:
        """Candidates for ``surface`` as ``scan`` would read it (empty when not a name)."""
        return self._names.lookup(surface)

    def scan(self, folded: str, skip: list[tuple[int, int]] = ()) -> list[Match]:
        """Names in ``folded`` text, left to right, longest first, guards applied.

        ``skip`` lists spans (reporters' credits) where nothing is looked for.
        """
        return self._names.scan(folded, skip)


@lru_cache(maxsize=1)
def gazetteer() -> RegionGazetteer:
    """The bundled gazetteer, loaded on first use."""
    return RegionGazetteer.load()
