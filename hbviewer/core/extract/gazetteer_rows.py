"""The gazetteer's rows: one ``Region`` per administrative unit, as read from ``regions.csv``.

The columns are documented in ``packaging/build_gazetteer.py``. A retired unit (宣化县, 邢台's
桥东区) keeps a row of its own, with the date it ended and the code of the unit that took over.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HEBEI = "130000"
_COLUMNS = ["code", "name", "level", "parent_code", "province_code", "short_names", "aliases",
            "status", "valid_until", "successor_code", "ambiguous"]
LEVEL_RANK = {"province": 0, "prefecture": 1, "zone": 2, "county": 2}


@dataclass(frozen=True, eq=False)
class Region:
    """One row of the gazetteer. Codes are unique among current rows only."""

    code: str
    name: str
    level: str  # province | prefecture | county | zone
    parent_code: str
    province_code: str
    short_names: tuple[str, ...]
    aliases: tuple[str, ...]
    status: str  # current | retired
    valid_until: str
    successor_code: str
    ambiguous: bool

    @property
    def current(self) -> bool:
        return self.status == "current"

    @property
    def in_hebei(self) -> bool:
        return self.province_code == HEBEI

    def __repr__(self) -> str:
        return f"Region({self.code} {self.name}{'' if self.current else ' ' + self.valid_until})"


def read_regions(path: Path) -> list[Region]:
    """The rows of a gazetteer file, in file order."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != _COLUMNS:
            raise ValueError(f"{path}: unexpected columns {header}")
        return [Region(code, name, level, parent, province, _split(short), _split(aliases),
                       status, until, successor, ambiguous == "1")
                for code, name, level, parent, province, short, aliases, status, until,
                successor, ambiguous in reader]


def _split(field: str) -> tuple[str, ...]:
    return tuple(field.split("|")) if field else ()

