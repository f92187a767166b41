"""The records the region rules hand out: regions as reported, names and references found in a
text, and an article's regions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gazetteer import HEBEI, Region

if TYPE_CHECKING:
    from .regions import _Analysis


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
    zone: str = ""  # the functional zone within it that is meant (北戴河新区 in 秦皇岛市)

    @property
    def in_hebei(self) -> bool:
        return self.province_code == HEBEI


# Roles of names written in passing (see ``region_roles``): an item of a list or an example, an
# addressee, a newspaper or site (张家口日报, 河北新闻网), a visiting delegation (承德市考察团).
# They neither make an article about a place, nor place a figure, nor are what 该市 stands for.
PASSING = ("list", "addressee", "media", "visitor")


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
    role: str = ""  # "" | qualifier | one of ``PASSING``

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
