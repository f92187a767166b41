"""Figure extraction run against other projects' Chinese test cases (peer conformance).

The cases are third-party test data, copied into ``tests/data/peers/`` with their
licences (see the README there): Microsoft Recognizers-Text specs (currency,
dimension, percent, number range) and JioNLP's money extraction and parsing cases.

How a peer case is compared with our figures
--------------------------------------------
* Span. An expected result is found when one of our figures covers its span. Our
  span may be longer: approximation words (约, 近, 多, 以上, 左右 …), the other
  end of a range (5-20%) or a 从…到 change. Not required from the expected span:
  white space at its edges, and 人民币 restated before or after a yuan amount
  (人民币50元, 8亿元人民币: our figure is 50元, 8亿元).
* Unit. The peer's unit is mapped to our unit by ``PEER_UNITS``; our units written
  two ways count as one (``SAME_UNIT``: 千克 = 公斤). Recognizers' Percent model
  resolves 个百分点 to "%": an expected text with 百分点 is compared with our
  个百分点, any other with our %. JioNLP's extraction cases give no unit: it is
  read from the expected text (日元, 美元, 元/圆/块 …).
* Value. Equal (relative tolerance 1e-6) after the unit mapping. Either end of a
  range of ours may match a single expected value (a peer that reads 5-20% as
  "20%" is matched by our range 5-20%). Ranges compare both ends; an open range
  (500,) is our lower value with an "at least" word (多, 余, 以上 …), (,100) our
  upper value with an "at most" word (以下, 不到, 近 …); JioNLP's [3000, 4000] for
  3000多 is also matched by our 3000 with 多 (we leave the upper end open).
* JioNLP's parse cases are one amount each: our figure must cover every numeral
  of the input (not the 约, 人民币 … around them), and for a single amount our
  approximation word must agree with JioNLP's definition: accurate = none,
  blur = any, blur+ = "at least", blur- = "at most".
* No extra figures. Every figure of ours of the kind a peer file covers (money for
  currency and JioNLP extraction, the measures of ``DIMENSION_UNITS`` for
  dimension, % and 个百分点 for percent) must overlap an expected result, or the
  case fails. Not checked for NumberRange and JioNLP parsing (one amount per input).
* An exception from the extractor fails that case only.

Not applicable (counted apart, not in the rate): cases the peer marks
NotSupported for Python; expected results whose unit has no equivalent among ours
(瑞士法郎, 比特, 微克, 泰铢 …); NumberRange results with no unit of ours in or right
after them (bare numbers). Intentional differences are listed with their reasons
in ``tests/data/peers/intentional_differences.json``; they are neither passes nor
failures. The last column of the table re-scores every file with the peer's
NotSupported flags ignored (those flags describe the peer's own Python port).

Run ``.venv/bin/python -m pytest tests/test_peer_conformance.py -s -q`` to see the
table; set ``HBVIEWER_PEER_DETAILS=1`` to list every failing case.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest

from hbviewer.core.extract.figures import extract_figures
from hbviewer.core.text.textnorm import fold, simplify, to_display

PEERS = Path(__file__).resolve().parent / "data" / "peers"
RT = PEERS / "recognizers-text" / "Specs"
JIO = PEERS / "jionlp"

# name -> (file, how it is read, asserted bar or None for "report only")
FILES = {
    "currency": (RT / "NumberWithUnit" / "Chinese" / "CurrencyModel.json", "recognizers", 0.90),
    "dimension": (RT / "NumberWithUnit" / "Chinese" / "DimensionModel.json", "recognizers", 0.90),
    "percent": (RT / "Number" / "Chinese" / "PercentModel.json", "recognizers", 0.90),
    "numberrange": (RT / "Number" / "Chinese" / "NumberRangeModel.json", "range", None),
    "numberrange-experimental": (RT / "Number" / "Chinese" / "NumberRangeModelExperimentalMode.json", "range", None),
    "jionlp-extract-money": (JIO / "extract_money_cases.json", "jio-extract", None),
    "jionlp-parse-money": (JIO / "parse_money_cases.json", "jio-parse", None),
}

# -- units ----------------------------------------------------------------------------------------

# Peer unit -> our unit: Recognizers' resolution units and JioNLP's currency names.
# A peer unit not listed has no equivalent among our units ("not applicable").
PEER_UNITS = {
    # Recognizers-Text, currency
    "Chinese yuan": "元",
    "United States dollar": "美元",
    "Dollar": "美元",  # the bare $ sign
    "Euro": "欧元",
    "Hong Kong dollar": "港元",
    "Japanese yen": "日元",
    "British pound": "英镑",
    "Pound sterling": "英镑",
    "South Korean won": "韩元",
    "Australian dollar": "澳元",
    "Russian ruble": "卢布",
    # (none of ours: Swiss franc, New Taiwan dollar, Nigerian naira, Bitcoin)
    # Recognizers-Text, dimension
    "Mu": "亩",
    "Hectare": "公顷",
    "Square meter": "平方米",
    "Square kilometer": "平方公里",
    "Kilometer": "公里",
    "Meter": "米",
    "Centimeter": "厘米",
    "Millimeter": "毫米",
    "Ton": "吨",
    "Kilogram": "公斤",
    "Jin": "斤",
    "Gram": "克",
    "Kilowatt": "千瓦",
    "Megawatt": "兆瓦",
    "Kilowatt hour": "千瓦时",
    "Cubic meter": "立方米",
    "Liter": "升",
    # (none of ours: Liang 两, Microgram, Bit, Kilobit, Kilobyte, Megabyte, Hertz, Megahertz, Kilocalorie)
    # JioNLP currency names
    "元": "元",
    "美元": "美元",
    "欧元": "欧元",
    "港元": "港元",
    "日元": "日元",
    "英镑": "英镑",
    "韩元": "韩元",
    "澳元": "澳元",
    "卢布": "卢布",
    # (none of ours: 新台币, 泰铢)
}
# Our units written two ways for one unit.
SAME_UNIT = {"千克": "公斤", "千米": "公里", "平方千米": "平方公里"}

MONEY_UNITS = {"元", "美元", "欧元", "港元", "日元", "英镑", "韩元", "澳元", "卢布"}
DIMENSION_UNITS = {"亩", "公顷", "平方米", "平方公里", "公里", "米", "厘米", "毫米", "吨", "公斤", "斤", "克",
                   "千瓦", "兆瓦", "千瓦时", "立方米", "升"}
PERCENT_UNITS = {"%", "个百分点"}
# The figures of ours a file speaks about, for the "no extra figures" check.
SCOPE = {"currency": MONEY_UNITS, "dimension": DIMENSION_UNITS, "percent": PERCENT_UNITS,
         "jionlp-extract-money": MONEY_UNITS}

# JioNLP's extraction cases name no unit: the currency written in the expected text, first match wins.
TEXT_CURRENCY = [("日元", "日元"), ("日币", "日元"), ("美元", "美元"), ("欧元", "欧元"), ("港元", "港元"),
                 ("港币", "港元"), ("元", "元"), ("圆", "元"), ("块", "元")]

# A NumberRange result concerns us when a unit of ours is in it or right after it (20~100个).
RANGE_UNIT = re.compile(r"个|家|项|名|人|次|岁|元|吨|亩|米|公里|%|％|百分之|倍")
ANY_UNIT = "*"

AT_LEAST = {"多", "余", "以上", "超过", "超", "逾", "之多", "上", "不少于", "不低于"}
AT_MOST = {"以下", "以内", "不到", "不足", "不超过", "近", "将近"}

INTENTIONAL = json.loads((PEERS / "intentional_differences.json").read_text(encoding="utf-8"))


def _our_unit(unit: str) -> str:
    return SAME_UNIT.get(unit, unit)


def _close(a: float | None, b: float | None, abs_tol: float) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=abs_tol)


_USED: set[int] = set()  # indices of INTENTIONAL entries that excused something


def _intentional(file: str, text_input: str, text: str) -> bool:
    for i, e in enumerate(INTENTIONAL):
        if e["file"] == file and e["input"] == text_input and e["text"] == text:
            _USED.add(i)
            return True
    return False


class _Raised(list):
    """No figures, because the extractor raised; keeps the error for the report."""

    def __init__(self, error: Exception):
        super().__init__()
        self.error = f"{type(error).__name__}: {error}"


def _extract(text_input: str):
    shown = to_display(text_input)
    assert len(shown) == len(text_input), text_input  # peer offsets stay valid
    try:
        return extract_figures(shown)
    except Exception as error:  # noqa: BLE001 - one failed case, reported as such
        return _Raised(error)


def _describe(figs) -> str:
    if isinstance(figs, _Raised):
        return f"raised {figs.error}"
    parts = []
    for f in figs:
        high = "" if f.value_high is None else f"-{f.value_high:g}"
        approx = f"({f.approx})" if f.approx else ""
        parts.append(f"{f.text}={f.value:g}{high}{f.unit}{approx}")
    return "; ".join(parts) or "none"


# -- comparing ---------------------------------------------------------------------------------------


@dataclass
class Expected:
    text: str
    start: int  # span in the input, end exclusive
    end: int
    unit: str | None  # our unit; ANY_UNIT for number ranges; None: no equivalent among ours
    value: float | None = None
    ranged: bool = False
    low: float | None = None  # range bounds; None where the range is open
    high: float | None = None


def _required_span(text_input: str, exp: Expected) -> tuple[int, int]:
    """The part of an expected span our figure must cover."""
    start, end = exp.start, exp.end
    if exp.unit == "元":
        if text_input.startswith("人民币", start):
            start += 3
        if text_input[start:end].endswith("元人民币"):
            end -= 3
    while start < end and text_input[start].isspace():
        start += 1
    while end > start and text_input[end - 1].isspace():
        end -= 1
    return start, end


def _value_ok(fig, exp: Expected, abs_tol: float) -> bool:
    if not exp.ranged:
        return _close(fig.value, exp.value, abs_tol) or _close(fig.value_high, exp.value, abs_tol)
    open_high = fig.value_high is None and fig.approx in AT_LEAST
    if exp.low is not None and exp.high is not None:
        if exp.low == exp.high:  # [170,170]: exactly that number
            return _close(fig.value, exp.low, abs_tol) and fig.value_high is None and not fig.approx
        both = _close(fig.value, exp.low, abs_tol) and _close(fig.value_high, exp.high, abs_tol)
        return both or (_close(fig.value, exp.low, abs_tol) and open_high)
    if exp.low is not None:
        return _close(fig.value, exp.low, abs_tol) and open_high
    return _close(fig.value, exp.high, abs_tol) and fig.value_high is None and fig.approx in AT_MOST


def _found(fig, exp: Expected, text_input: str, check_span: bool, check_value: bool, abs_tol: float) -> bool:
    if check_span:
        start, end = _required_span(text_input, exp)
        if not (fig.start <= start and fig.end >= end):
            return False
    if exp.unit == ANY_UNIT:
        if not fig.unit:
            return False
    elif _our_unit(fig.unit) != exp.unit:
        return False
    return not check_value or _value_ok(fig, exp, abs_tol)


def judge(file: str, text_input: str, expected: list[Expected], figs, *, scope: set | None = None,
          check_span: bool = True, check_value: bool = True, abs_tol: float = 1e-9) -> tuple[str, str]:
    """(status, detail) of one case: pass | fail | n/a-unit | intentional."""
    excused = False
    unmapped = False
    remaining = []
    for exp in expected:
        if _intentional(file, text_input, exp.text):
            excused = True
        elif exp.unit is None:
            unmapped = True
        else:
            remaining.append(exp)
    missing = [exp for exp in remaining
               if not any(_found(f, exp, text_input, check_span, check_value, abs_tol) for f in figs)]
    extras = []
    if scope is not None:
        for f in figs:
            if _our_unit(f.unit) not in scope or any(f.start < e.end and e.start < f.end for e in expected):
                continue
            if _intentional(file, text_input, f.text):
                excused = True
            else:
                extras.append(f)
    if missing or extras or isinstance(figs, _Raised):
        detail = " ".join(filter(None, [
            f"missing [{', '.join(e.text for e in missing)}]" if missing else "",
            f"extra [{', '.join(f.text for f in extras)}]" if extras else ""]))
        return "fail", f"{detail}; ours: {_describe(figs)}"
    if not remaining:
        if excused:
            return "intentional", ""
        if unmapped:
            return "n/a-unit", ""
    return "pass", ""


# -- reading the peer files -----------------------------------------------------------------------


def _number(raw: str) -> float:
    return float(raw.replace(",", "").rstrip("%"))


def _peer_span(text_input: str, start: int, end_inclusive: int, text: str) -> tuple[int, int]:
    """The span of a Recognizers result: its Start/End (inclusive), checked against its Text,
    which the peer gives in normalised form (１欧元 -> 1欧元, CM -> cm)."""
    def norm(s: str) -> str:
        return fold(to_display(s))

    assert norm(text_input[start:end_inclusive + 1]) == norm(text), (text_input, text)
    return start, end_inclusive + 1


def _not_supported_in_python(case: dict) -> bool:
    return "python" in [flag.strip().lower() for flag in (case.get("NotSupported") or "").split(",")]


_INTERVAL = re.compile(r"^[\[(]([^,]*),([^\])]*)[\])]$")


def _recognizers_expected(name: str, kind: str, case: dict) -> list[Expected]:
    text_input = case["Input"]
    out = []
    for r in case["Results"]:
        start, end = _peer_span(text_input, r["Start"], r["End"], r["Text"])
        raw = (r.get("Resolution") or {}).get("value")
        if kind == "range":
            m = _INTERVAL.match(raw.replace(" ", ""))
            assert m, r
            unit_after = re.match(r"\s*(?:" + RANGE_UNIT.pattern + ")", text_input[end:])
            concerns_us = unit_after or RANGE_UNIT.search(text_input[start:end])
            out.append(Expected(r["Text"], start, end + (unit_after.end() if unit_after else 0),
                                ANY_UNIT if concerns_us else None, ranged=True,
                                low=_number(m.group(1)) if m.group(1) else None,
                                high=_number(m.group(2)) if m.group(2) else None))
            continue
        if name == "percent":
            unit = "个百分点" if "百分点" in "".join(simplify(r["Text"]).split()) else "%"
        else:
            unit = PEER_UNITS.get(r["Resolution"].get("unit"))
        # A unit with no amount (人民币 alone) has no value; it stays, for the intentional list to name.
        out.append(Expected(r["Text"], start, end, unit, _number(raw) if raw is not None else None))
    return out


@dataclass
class Outcome:
    input: str
    status: str  # pass | fail | n/a-peer | n/a-unit | intentional
    detail: str
    status_all: str  # the status with the peer's NotSupported flags ignored


def _score_recognizers(name: str, path: Path, kind: str) -> list[Outcome]:
    outcomes = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        text_input = case["Input"]
        expected = _recognizers_expected(name, kind, case)
        status, detail = judge(name, text_input, expected, _extract(text_input), scope=SCOPE.get(name))
        shown = "n/a-peer" if _not_supported_in_python(case) else status
        outcomes.append(Outcome(text_input, shown, detail, status))
    return outcomes


def _score_jio_extract(name: str, path: Path) -> list[Outcome]:
    outcomes = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        text_input = case["input"]
        expected = []
        for e in case["expected"]:
            start, end = e["offset"]
            assert text_input[start:end] == e["text"], e
            unit = next((ours for written, ours in TEXT_CURRENCY if written in simplify(e["text"])), "(no unit)")
            expected.append(Expected(e["text"], start, end, unit))
        # These cases give spans only: a figure passes on its span and currency.
        status, detail = judge(name, text_input, expected, _extract(text_input), scope=MONEY_UNITS,
                               check_value=False)
        outcomes.append(Outcome(text_input, status, detail, status))
    return outcomes


NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩几幾数]")
DEFINITION = {"accurate": lambda a: a is None, "blur": lambda a: a is not None,
              "blur+": lambda a: a in AT_LEAST, "blur-": lambda a: a in AT_MOST}


def _approx_agrees(definition: str, figs, exp: Expected) -> bool:
    """JioNLP's accurate / blur / blur+ (at least) / blur- (at most) against our approximation word."""
    start, end = _required_span(exp.text, exp)
    return any(DEFINITION[definition](f.approx) for f in figs if f.start <= start and f.end >= end)


def _score_jio_parse(name: str, path: Path) -> list[Outcome]:
    outcomes = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        text_input = case["input"]
        e = case["expected"]
        # The input is one amount: our figure must cover all of its numerals (not 约, 人民币 … around them).
        numerals = [m.span() for m in NUMERAL.finditer(text_input)]
        exp = Expected(text_input, numerals[0][0], numerals[-1][1], PEER_UNITS.get(e["case"]))
        if isinstance(e["num"], list):
            exp.ranged, exp.low, exp.high = True, float(e["num"][0]), float(e["num"][1])
        else:
            exp.value = float(e["num"])
        figs = _extract(text_input)
        # JioNLP rounds to cents.
        status, detail = judge(name, text_input, [exp], figs, abs_tol=0.006)
        if status == "pass" and not exp.ranged and not _approx_agrees(e["definition"], figs, exp):
            status = "fail"
        if status == "fail":
            want = e["num"] if not exp.ranged else "-".join(e["num"])
            detail = f"want {want} {e['case']} ({e['definition']}); ours: {_describe(figs)}"
        outcomes.append(Outcome(text_input, status, detail, status))
    return outcomes


@dataclass
class Tally:
    outcomes: list = field(default_factory=list)

    def count(self, status: str, all_flags: bool = False) -> int:
        return sum((o.status_all if all_flags else o.status) == status for o in self.outcomes)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def passed(self) -> int:
        return self.count("pass")

    @property
    def applicable(self) -> int:
        return self.passed + self.count("fail")

    @property
    def rate(self) -> float | None:
        return self.passed / self.applicable if self.applicable else None

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "fail"]


@lru_cache(maxsize=None)
def score(name: str) -> Tally:
    path, kind, _bar = FILES[name]
    if kind in ("recognizers", "range"):
        return Tally(_score_recognizers(name, path, kind))
    if kind == "jio-extract":
        return Tally(_score_jio_extract(name, path))
    return Tally(_score_jio_parse(name, path))


# -- the report and the bars ------------------------------------------------------------------------


def _rate(passed: int, applicable: int) -> str:
    return f"{passed / applicable:6.1%}" if applicable else "     -"


HEADER = (f"{'peer file':25} {'cases':>5} {'n/a:peer':>8} {'n/a:unit':>8} {'intent.':>7} {'applic.':>7} "
          f"{'passed':>6} {'rate':>6}  {'bar':7}  {'NotSupported ignored':>20}")


def _line(name: str) -> str:
    t = score(name)
    bar = FILES[name][2]
    p_all, a_all = t.count("pass", True), t.count("pass", True) + t.count("fail", True)
    return (f"{name:25} {t.total:5} {t.count('n/a-peer'):8} {t.count('n/a-unit'):8} {t.count('intentional'):7} "
            f"{t.applicable:7} {t.passed:6} {_rate(t.passed, t.applicable)}  "
            f"{f'>= {bar:.0%}' if bar else 'report':7}  {f'{p_all}/{a_all}':>12} {_rate(p_all, a_all)}")


def _details(name: str) -> str:
    return "\n".join(f"  FAIL {o.input!r}: {o.detail}" for o in score(name).failed)


def test_peer_pass_rates_report():
    """The pass rate per peer file; NumberRange and JioNLP are reported, not asserted."""
    print("\n".join(["", "Peer conformance (tests/data/peers):", HEADER] + [_line(name) for name in FILES]))
    if os.environ.get("HBVIEWER_PEER_DETAILS"):
        for name in FILES:
            if score(name).failed:
                print(f"{name}:\n{_details(name)}")
    assert all(score(name).total for name in FILES)


@pytest.mark.parametrize("name", [name for name, (_path, _kind, bar) in FILES.items() if bar is not None])
def test_peer_pass_rate_meets_bar(name):
    t = score(name)
    bar = FILES[name][2]
    assert t.applicable, name
    rate = t.rate
    assert rate >= bar, f"{name}: {t.passed}/{t.applicable} = {rate:.1%} < {bar:.0%}\n{_details(name)}"


def test_intentional_differences_name_real_cases():
    """Each listed difference points at a case of its file, at a text in it, and gives a reason."""
    inputs = {}
    for name, (path, _kind, _bar) in FILES.items():
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        cases = data["cases"] if isinstance(data, dict) else data
        inputs[name] = {case.get("Input", case.get("input")) for case in cases}
    for entry in INTENTIONAL:
        assert entry["file"] in FILES, entry
        assert entry["input"] in inputs[entry["file"]], entry
        assert entry["text"] and (entry["text"] in entry["input"]
                                  or fold(entry["text"]) in fold(entry["input"])), entry
        assert len(entry["reason"]) >= 20, entry
    for name in FILES:
        score(name)
    stale = [e for i, e in enumerate(INTENTIONAL) if i not in _USED]
    assert not stale, f"listed as intentional but no longer different: {stale}"


def test_peer_data_ships_with_licences():
    for peer in ("recognizers-text", "jionlp"):
        assert (PEERS / peer / "LICENSE").is_file()
    assert "third-party" in (PEERS / "README.md").read_text(encoding="utf-8")
