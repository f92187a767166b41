"""Facts the committed region gazetteer must get right.

Everything except the last test reads only ``resources/gazetteer/regions.csv``,
so it runs in a fresh clone. The rebuild test needs the division data in
``../shared`` and skips without it.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REGIONS = REPO / "resources" / "gazetteer" / "regions.csv"
BUILD_SCRIPT = REPO / "packaging" / "build_gazetteer.py"
SOURCE = REPO.parent / "shared" / "data" / "admin-divisions"

COLUMNS = ["code", "name", "level", "parent_code", "province_code", "short_names",
           "aliases", "status", "valid_until", "successor_code", "ambiguous"]
HEBEI = "130000"
HEBEI_PREFECTURES = {"石家庄市", "唐山市", "秦皇岛市", "邯郸市", "邢台市", "保定市",
                     "张家口市", "承德市", "沧州市", "廊坊市", "衡水市"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with REGIONS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def current(rows) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in rows if r["status"] == "current"}


def _one(rows, **match) -> dict[str, str]:
    found = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, f"expected one row for {match}, found {found}"
    return found[0]


def test_header_and_size():
    with REGIONS.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS
    assert REGIONS.stat().st_size < 1_000_000


def test_hebei_has_eleven_prefecture_cities(rows):
    prefectures = [r for r in rows if r["status"] == "current"
                   and r["level"] == "prefecture" and r["parent_code"] == HEBEI]
    assert {r["name"] for r in prefectures} == HEBEI_PREFECTURES
    assert len(prefectures) == 11


def test_hebei_has_167_county_level_units(rows, current):
    # 辛集市 and 定州市 are directly administered by the province for many
    # purposes, but MCA lists them as county-level cities under 石家庄市 and
    # 保定市; they are counted here, inside the 167, the same way.
    # 雄安新区 and the functional zones are level "zone" and not counted.
    prefecture_codes = {c for c, r in current.items()
                        if r["level"] == "prefecture" and r["parent_code"] == HEBEI}
    counties = [r for r in current.values()
                if r["level"] == "county" and r["parent_code"] in prefecture_codes]
    assert len(counties) == 167
    assert current["130181"]["name"] == "辛集市"
    assert current["130181"]["parent_code"] == "130100"
    assert current["130682"]["name"] == "定州市"
    assert current["130682"]["parent_code"] == "130600"


def test_zhangjiakou_functional_zones(current):
    for code, name in (("130772", "察北管理区"), ("130773", "塞北管理区")):
        zone = current[code]
        assert zone["name"] == name
        assert zone["level"] == "zone"
        assert zone["parent_code"] == "130700"
        assert current[zone["parent_code"]]["name"] == "张家口市"
    assert "察北" in current["130772"]["short_names"].split("|")


def test_xiongan_is_a_zone_under_the_province(current):
    xiongan = _one(current.values(), name="雄安新区")
    assert xiongan["level"] == "zone"
    assert xiongan["parent_code"] == HEBEI
    assert "雄安" in xiongan["short_names"].split("|")
    # The three counties it covers keep their MCA rows under 保定市.
    for code in ("130638", "130629", "130632"):
        assert current[code]["parent_code"] == "130600"


def test_xuanhua_county_retired_into_xuanhua_district(rows, current):
    county = _one(rows, name="宣化县")
    assert county["status"] == "retired"
    assert county["valid_until"] == "2016"
    assert current[county["successor_code"]]["name"] == "宣化区"
    assert county["parent_code"] == "130700"


def test_xingtai_qiaodong_renamed_xiangdu(rows, current):
    old = _one(rows, name="桥东区", parent_code="130500")
    assert old["status"] == "retired"
    assert old["valid_until"] == "2020"
    assert current[old["successor_code"]]["name"] == "襄都区"
    assert current[old["successor_code"]]["parent_code"] == "130500"


@pytest.mark.parametrize("name, parents", [
    ("桥西区", {"130100", "130700"}),
    ("新华区", {"130100", "130900", "410400"}),
    ("长安区", {"130100", "610100"}),
])
def test_shared_district_names_are_ambiguous(current, name, parents):
    found = [r for r in current.values() if r["name"] == name]
    assert {r["parent_code"] for r in found} == parents
    assert all(r["ambiguous"] == "1" for r in found)


def test_zhangjiakou_qiaodong_is_ambiguous_with_retired_namesakes(current):
    # Still the only current 桥东区, but older articles mean 石家庄's or 邢台's.
    assert current["130702"]["ambiguous"] == "1"


def test_tianjin_hebei_district(current):
    district = _one(current.values(), name="河北区")
    assert current[district["parent_code"]]["name"] == "天津市"
    assert district["ambiguous"] == "1"
    # The bare form means the province; the district does not make it ambiguous.
    assert current[HEBEI]["ambiguous"] == "0"


@pytest.mark.parametrize("code, name", [
    ("110000", "北京市"), ("120000", "天津市"), ("130000", "河北省"), ("140000", "山西省"),
])
def test_provinces(current, code, name):
    row = current[code]
    assert row["name"] == name
    assert row["level"] == "province"
    assert row["parent_code"] == ""
    assert row["province_code"] == code


def test_other_provinces_prefectures_are_present(current):
    assert current["610100"]["name"] == "西安市"
    assert current["610100"]["level"] == "prefecture"
    assert current["610100"]["parent_code"] == "610000"
    assert sum(1 for r in current.values() if r["level"] == "province") == 34


def test_well_known_aliases(current):
    assert "冀" in current["130000"]["aliases"].split("|")
    assert "京" in current["110000"]["aliases"].split("|")
    assert "津" in current["120000"]["aliases"].split("|")
    assert "张垣" in current["130700"]["aliases"].split("|")


def test_every_parent_and_successor_exists(rows, current):
    for r in rows:
        if r["level"] == "province":
            assert r["parent_code"] == ""
        else:
            assert r["parent_code"] in current, r
        assert r["province_code"] in current and current[r["province_code"]]["level"] == "province"
        if r["status"] == "retired":
            assert r["valid_until"].isdigit() and r["successor_code"] in current, r
        else:
            assert r["status"] == "current" and not r["valid_until"] and not r["successor_code"]


def test_codes_unique_among_current_rows(rows):
    counts = Counter(r["code"] for r in rows if r["status"] == "current")
    assert [c for c, n in counts.items() if n > 1] == []
    assert all(len(r["code"]) == 6 and r["code"].isdigit() for r in rows)


def test_hebei_short_names_never_empty(rows):
    hebei = [r for r in rows if r["province_code"] == HEBEI]
    assert hebei
    for r in hebei:
        assert r["short_names"] and all(r["short_names"].split("|")), r


def test_short_names_examples(current):
    def short(code):
        return current[code]["short_names"].split("|")
    assert short("130700") == ["张家口"]
    assert short("130681") == ["涿州"]
    assert short("131002") == ["安次"]
    assert short("130726") == ["蔚县", "蔚"]
    assert "围场" in short("130828")


def test_single_character_short_names_only_for_two_character_names(rows):
    for r in rows:
        for s in r["short_names"].split("|"):
            if len(s) == 1:
                assert len(r["name"]) == 2 and r["ambiguous"] == "1", r


def test_rebuild_is_byte_identical(tmp_path):
    if not SOURCE.is_dir():
        pytest.skip("division source data (../shared/data/admin-divisions) is not available")
    out = tmp_path / "regions.csv"
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--source", str(SOURCE), "--output", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == REGIONS.read_bytes()
