"""Build the region gazetteer ``resources/gazetteer/regions.csv``.

The gazetteer is what lets hbviewer attribute a figure in a news text to a
Hebei city or county, and recognise that 北京, 西安 or 天津's 河北区 are *not*
in Hebei. It is generated, never edited by hand: rerun this script after
updating the division data and commit the result together with any change here.

Usage (from the repository root)::

    python packaging/build_gazetteer.py [--source DIR] [--output FILE]

``--source`` defaults to ``../shared/data/admin-divisions`` (the ``shared``
folder beside the repository); ``--output`` defaults to
``resources/gazetteer/regions.csv`` in this repository. Only the standard
library is needed. Output is sorted and written with ``\\n`` line ends, so a
rebuild from the same data is byte-identical.

How names are shortened and when one is ambiguous (the ``short_names``,
``aliases`` and ``ambiguous`` columns) is in ``gazetteer_names.py`` beside it.

Data (see ``resources/gazetteer/NOTICE.md`` for provenance and licences):

* ``national-mca-2024/data_2024.txt`` -- all current units of China (Ministry
  of Civil Affairs codes, 2024 edition) from yescallop/areacodes, CC0-1.0.
* ``national-mca-2024/result.csv`` -- the code history 1981-2024 from the same
  project; used for units retired since 2000 and for old-to-new code links.
* ``hebei_divisions_2024.csv`` -- the Hebei extract of the two national
  sources: 11 prefecture cities, 167 county-level units, 23 statistical
  functional zones.
* ``hebei_divisions_changed_since_2000.csv`` -- the 30 Hebei county-level
  units retired or renamed since 2000 (the Hebei rows of ``result.csv``).
* ``nbs-2022-with-zones/areas.csv`` -- National Bureau of Statistics 2022
  county list including functional zones, from
  modood/Administrative-divisions-of-China, WTFPL; used to check zone codes
  and names.

The sources are cross-checked against each other; any disagreement stops the
build instead of producing a silently inconsistent file.

Rows and columns
----------------
One row per region: every province-level unit of China (34), every
prefecture-level unit (333), every current county-level unit (2,846), the 23
Hebei statistical functional zones, 雄安新区, and the 30 Hebei units retired
or renamed since 2000. Columns:

``code``
    6-digit code as a string. MCA codes for administrative units; NBS
    statistical codes (``xxxx7x``) for functional zones, which MCA does not
    code. A renamed unit that kept its code (邢台 桥东区 -> 襄都区, both
    130502) has one retired and one current row, so codes are unique only
    among current rows.
``name``
    Official full name as published by MCA. For functional zones the NBS
    name, except that a leading ``<prefecture>市`` is dropped when what
    remains is a proper name (张家口市察北管理区 -> 察北管理区); the NBS form
    is then kept in ``aliases``.
``level``
    ``province`` | ``prefecture`` | ``county`` | ``zone``.
``parent_code``
    Prefecture for county-level units and zones; the province for
    prefecture-level units and for county-level units with no prefecture
    above them (districts of 北京/天津/上海/重庆, province-administered
    county-level units such as 湖北 仙桃市); empty for provinces.
    辛集市 (130181) and 定州市 (130682) are county-level cities under
    石家庄市 and 保定市, as in the MCA data, although the province
    administers them directly for many purposes.
``province_code``
    The ``xx0000`` code of the province.
``short_names``
    ``|``-separated forms by which the unit is mentioned, made by dropping
    the type suffix (市/县/区/旗/盟/地区/省/自治区/特别行政区 ...) and, for
    autonomous units, the ethnic names (围场满族蒙古族自治县 -> 围场, plus
    围场县 because news text says so). Where only one character would be
    left, the full name comes first and the single character second
    (蔚县 -> 蔚县|蔚); generic remainders (城区, 郊区, 东区) are not shortened.
    Zone short names follow no suffix rule and are listed in ``ZONE_SHORT``.
    Never empty: when no shorter form is in use the full name stands in.
``aliases``
    A deliberately short list of well-known other names: the official
    one-character abbreviations of provinces (冀, 京, 津 ...), 张垣 for
    张家口, the NBS form of zone names, 河北雄安新区.
``status`` / ``valid_until`` / ``successor_code``
    ``current`` or ``retired``; for retired units the year of the change and
    the code of the current unit that took it over. When the source lists
    several successors, the one with the same name stem wins (宣化县 ->
    宣化区 130705), then a unit that kept the code (邢台 桥东区 -> 襄都区),
    otherwise the first one listed.
``ambiguous``
    ``1`` when the name alone cannot tell which region is meant:

    * the name or a short name is also the name or a short name of another
      region of the same or a higher level anywhere in China, or the full
      name of another current region of any level. Units retired since 2000
      count whether or not they have a row here (汉沽管理区 is flagged
      because of 天津's former 汉沽区), except against their own successor
      (宣化县/宣化区; a 地区 or 盟 the history lists without successor is
      taken to be succeeded by the same-named unit of its province, as
      运城地区 by 运城市). A short name shared only with a *lower* level
      does not flag the higher unit, because the bare form conventionally
      means the larger one: 天津 河北区 is flagged because of 河北省, 河北省
      is not; 承德县 is flagged, 承德市 is not;
    * the name or a short name is a generic term (城区, 郊区, 新区 ...);
    * a short name is a single character (蔚, 沧, 青), which matches ordinary
      words in running text.

雄安新区
--------
雄安新区 has no code in the MCA 2024 or the NBS 2022 data: it is a state-level
new area administered by the province, not an administrative division. It
gets the pseudo-code ``139900``, assigned by this project and issued by
neither MCA nor NBS. No ``xx99xx`` code occurs anywhere in the MCA history
1981-2024, and the build stops if ``139900`` ever appears in the source data.
Its level is ``zone`` and its parent is 河北省 (130000), because provincial
statistics and documents list it beside the prefecture cities rather than
under 保定市. It covers 雄县 (130638), 容城县 (130629) and 安新县 (130632),
which remain county-level units under 保定市 in the MCA data and keep their
own rows.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

# Beside this script, whose folder Python puts first on the path.
from gazetteer_names import (
    EXTRA_ALIASES, PROVINCE_ABBREVIATIONS, ZONE_SHORT, derive_short_names, mark_ambiguous, name_stem,
    zone_name,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "admin-divisions"
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "gazetteer" / "regions.csv"

COLUMNS = ["code", "name", "level", "parent_code", "province_code", "short_names",
           "aliases", "status", "valid_until", "successor_code", "ambiguous"]

# Retired units older than this are left out: the Hebei change list starts in
# 2000, and older names would mostly add false matches.
RETIRED_SINCE = 2000

XIONGAN_CODE = "139900"
XIONGAN = {
    "code": XIONGAN_CODE, "name": "雄安新区", "level": "zone", "parent_code": "130000",
    "short_names": ["雄安"], "aliases": ["河北雄安新区"],
}

_HISTORY_LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}
_CODE_RE = re.compile(r"\d{6}")
_CODE_WITH_YEAR_RE = re.compile(r"(\d{6})(\[\d{4}\])?")


class SourceError(Exception):
    """The division data is missing or its parts disagree."""


# --------------------------------------------------------------------------
# reading

def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise SourceError(f"missing source file: {path.name}")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_current_mca(source: Path) -> dict[str, str]:
    path = source / "national-mca-2024" / "data_2024.txt"
    if not path.is_file():
        raise SourceError("missing source file: national-mca-2024/data_2024.txt")
    codes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():
            continue
        code, name = line.split(maxsplit=1)
        if not _CODE_RE.fullmatch(code) or code in codes:
            raise SourceError(f"data_2024.txt: bad or repeated code {code!r}")
        codes[code] = name.strip()
    return codes


def read_history(source: Path) -> list[dict[str, str]]:
    return _read_csv(source / "national-mca-2024" / "result.csv")


# --------------------------------------------------------------------------
# building

def _province_code(code: str) -> str:
    return code[:2] + "0000"


def _level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _successor_links(history: list[dict[str, str]]) -> dict[str, set[str]]:
    """Every code each code was eventually replaced by, following chains."""
    direct: dict[str, set[str]] = {}
    for row in history:
        # Units still in use list codes they ceded territory to; that does not
        # make them predecessors.
        if row["状态"] == "在用":
            continue
        for new in _CODE_RE.findall(row["新代码"] or ""):
            direct.setdefault(row["代码"], set()).add(new)
    closure: dict[str, set[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            code = todo.pop()
            if code in seen:
                continue
            seen.add(code)
            todo.extend(direct.get(code, ()))
        closure[start] = seen
    return closure


def _primary_successor(old_name: str, old_code: str, listed: str,
                       current: dict[str, str]) -> str:
    candidates = [m.group(1) for m in _CODE_WITH_YEAR_RE.finditer(listed)
                  # A bracketed year marks an earlier partial transfer, not the
                  # unit that took over when this one went.
                  if not m.group(2)]
    candidates = [c for c in candidates if c in current] or \
        [c for c in _CODE_RE.findall(listed) if c in current]
    if not candidates:
        raise SourceError(f"{old_code} {old_name}: no current successor in {listed!r}")
    old_stem = name_stem(old_name)
    for code in candidates:
        if name_stem(current[code]) == old_stem:
            return code
    if old_code in candidates:
        return old_code
    return candidates[0]


def build_rows(source: Path) -> list[dict]:
    current = read_current_mca(source)
    history = read_history(source)
    hebei = _read_csv(source / "hebei_divisions_2024.csv")
    changes = _read_csv(source / "hebei_divisions_changed_since_2000.csv")
    nbs_areas = {r["code"]: r["name"] for r in _read_csv(source / "nbs-2022-with-zones" / "areas.csv")}

    prefecture_codes = {c for c in current if _level_of(c) == "prefecture"}
    code_by_prefecture_name: dict[tuple[str, str], str] = {
        (_province_code(c), n): c for c, n in current.items() if c in prefecture_codes}

    def parent_of(code: str) -> str:
        return _parent_of(code, prefecture_codes)

    rows = _current_rows(current, parent_of)
    rows += _hebei_rows(hebei, current, nbs_areas, code_by_prefecture_name, parent_of)
    rows.append(_xiongan_row(current, history))
    rows += _retired_hebei_rows(changes, history, current, code_by_prefecture_name)

    for row in rows:
        row["province_code"] = _province_code(row["code"])
        if not row["short_names"]:
            row["short_names"] = [row["name"]]

    mark_ambiguous(rows, _retired_elsewhere(history, rows), _successor_links(history))

    rows.sort(key=lambda r: (r["code"], r["status"] != "current", r["name"]))
    return rows


def _parent_of(code: str, prefecture_codes: set[str]) -> str:
    level = _level_of(code)
    if level == "province":
        return ""
    if level == "prefecture":
        return _province_code(code)
    pref = code[:4] + "00"
    return pref if pref in prefecture_codes else _province_code(code)


def _current_rows(current: dict[str, str], parent_of) -> list[dict]:
    """A row for every unit in the national list."""
    # Stems per parent, so that a 矿区 can step aside for a same-named county.
    stems_by_parent: dict[str, dict[str, set[str]]] = {}
    for code, name in current.items():
        if not name.endswith("矿区"):
            stems_by_parent.setdefault(parent_of(code), {}).setdefault(name_stem(name), set()).add(code)

    rows = []
    for code, name in sorted(current.items()):
        parent = parent_of(code)
        siblings = frozenset(s for s, codes in stems_by_parent.get(parent, {}).items()
                             if codes - {code})
        aliases = []
        if code in PROVINCE_ABBREVIATIONS:
            aliases.extend(PROVINCE_ABBREVIATIONS[code].split("|"))
        aliases.extend(EXTRA_ALIASES.get(code, []))
        rows.append({
            "code": code, "name": name, "level": _level_of(code), "parent_code": parent,
            "short_names": derive_short_names(name, siblings), "aliases": aliases,
            "status": "current", "valid_until": "", "successor_code": "",
        })
    return rows


def _hebei_rows(hebei: list[dict[str, str]], current: dict[str, str], nbs_areas: dict[str, str],
                code_by_prefecture_name: dict[tuple[str, str], str], parent_of) -> list[dict]:
    """The Hebei functional zones, once the Hebei list is found to agree with the national one."""
    rows = []
    hebei_current = 0
    for rec in hebei:
        code, name, level = rec["code"], rec["name"], rec["level"]
        if level in ("province", "prefecture", "county"):
            hebei_current += 1
            _check_hebei_unit(rec, current, code_by_prefecture_name, parent_of)
            continue
        if level != "nbs_functional_zone":
            raise SourceError(f"hebei_divisions_2024.csv: unknown level {level!r} for {code}")
        if nbs_areas.get(code) != name:
            raise SourceError(f"zone {code} {name} is {nbs_areas.get(code)!r} in the NBS list")
        if code in current:
            raise SourceError(f"zone code {code} is also an MCA code")
        parent = code_by_prefecture_name[("130000", rec["prefecture"])]
        shown = zone_name(name, rec["prefecture"])
        rows.append({
            "code": code, "name": shown, "level": "zone", "parent_code": parent,
            "short_names": ZONE_SHORT.get(code) or [rec["short_name"] or shown],
            "aliases": [name] if shown != name else [],
            "status": "current", "valid_until": "", "successor_code": "",
        })
    hebei_in_mca = sum(1 for c in current if c.startswith("13"))
    if hebei_current != hebei_in_mca:
        raise SourceError(f"hebei_divisions_2024.csv has {hebei_current} MCA units, "
                          f"data_2024.txt has {hebei_in_mca}")
    return rows


def _check_hebei_unit(rec: dict[str, str], current: dict[str, str],
                      code_by_prefecture_name: dict[tuple[str, str], str], parent_of) -> None:
    code, name, level = rec["code"], rec["name"], rec["level"]
    if level != _level_of(code):
        raise SourceError(f"hebei_divisions_2024.csv: {code} {name} is not a {level}")
    if current.get(code) != name:
        raise SourceError(f"hebei_divisions_2024.csv: {code} {name} "
                          f"is {current.get(code)!r} in data_2024.txt")
    if level == "county":
        pref = code_by_prefecture_name.get(("130000", rec["prefecture"]))
        if pref != parent_of(code):
            raise SourceError(f"{code} {name}: prefecture {rec['prefecture']} "
                              f"does not match code {parent_of(code)}")


def _xiongan_row(current: dict[str, str], history: list[dict[str, str]]) -> dict:
    if XIONGAN_CODE in current or any(r["代码"] == XIONGAN_CODE for r in history):
        raise SourceError(f"pseudo-code {XIONGAN_CODE} for 雄安新区 is now a real code")
    return {**XIONGAN, "status": "current", "valid_until": "", "successor_code": ""}


def _retired_hebei_rows(changes: list[dict[str, str]], history: list[dict[str, str]], current: dict[str, str],
                        code_by_prefecture_name: dict[tuple[str, str], str]) -> list[dict]:
    """Hebei retired units: the Hebei file must be exactly the Hebei part of the history."""
    history_hebei = {(r["代码"], r["名称"]): r for r in history
                     if r["代码"].startswith("13") and r["状态"] != "在用"
                     and r["变更/弃用时间"] and int(r["变更/弃用时间"]) >= RETIRED_SINCE}
    rows = []
    seen_changes = set()
    for rec in changes:
        key = (rec["代码"], rec["名称"])
        seen_changes.add(key)
        if history_hebei.get(key) != rec:
            raise SourceError(f"hebei_divisions_changed_since_2000.csv: {key} differs from result.csv")
        pref = code_by_prefecture_name.get(("130000", rec["二级行政区"]))
        if pref is None or rec["级别"] != "县级":
            raise SourceError(f"retired unit {key}: unexpected prefecture or level")
        rows.append({
            "code": rec["代码"], "name": rec["名称"], "level": "county", "parent_code": pref,
            "short_names": derive_short_names(rec["名称"]), "aliases": [],
            "status": "retired", "valid_until": rec["变更/弃用时间"],
            "successor_code": _primary_successor(rec["名称"], rec["代码"], rec["新代码"], current),
        })
    if seen_changes != set(history_hebei):
        missing = sorted(set(history_hebei) - seen_changes)
        raise SourceError(f"result.csv has Hebei changes not in the Hebei file: {missing}")
    return rows


def _retired_elsewhere(history: list[dict[str, str]], rows: list[dict]) -> list[dict]:
    """Units retired since RETIRED_SINCE that have no row: they still make a name ambiguous."""
    emitted = {(r["code"], r["name"]) for r in rows}
    return [
        {"code": r["代码"], "name": r["名称"], "level": _HISTORY_LEVELS[r["级别"]],
         "short_names": derive_short_names(r["名称"]), "no_successor": not r["新代码"]}
        for r in history
        if r["状态"] != "在用" and r["变更/弃用时间"]
        and int(r["变更/弃用时间"]) >= RETIRED_SINCE and (r["代码"], r["名称"]) not in emitted
    ]


def render(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        out = dict(r)
        for col in ("short_names", "aliases"):
            out[col] = "|".join(dict.fromkeys(r[col]))
        writer.writerow([out[c] for c in COLUMNS])
    return buf.getvalue().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="the admin-divisions data folder (default: ../shared/data/admin-divisions)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                        help="CSV to write (default: resources/gazetteer/regions.csv)")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"build_gazetteer: source folder not found: {args.source}", file=sys.stderr)
        return 2
    try:
        data = render(build_rows(args.source))
    except SourceError as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    regions = data.count(b"\n") - 1
    print(f"wrote {args.output.name}: {regions} regions, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
