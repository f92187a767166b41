"""How well each figure's confidence tells right from wrong, on the labelled development set.

A found figure is *right* when it matches a labelled one (spans overlap) and its value and
unit, indicator and region (or an ancestor of it) all agree, as ``extraction_score.py``
judges them; a false hit is wrong. Prints, for bands of confidence, how many figures fall in
each and how many of them are right; the share right at 0.9 and above (the review queue
trusts those); and for each reason, how often figures with it are right, which is what the
weights in ``hbviewer/core/extract/confidence.py`` are set from. Each is given for the whole set
and for its two halves (excerpts in even and odd places of the labels file): weights read off
one half should hold on the other, or they fit the set rather than the text.

    python benchmarks/confidence_curve.py [--json]

Reads the excerpts from ``../shared`` like the scorer; says so and exits 0 without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_score import (DEFAULT_LABELS, DEFAULT_SHARED, Divisions, _close, excerpt_text,  # noqa: E402
                              indicator_agrees, load_labels, match_figures, read_excerpts)

BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


HALVES = ("even", "odd")


def judged_figures(labels_path: Path, shared: Path) -> list[tuple[float, bool, tuple[str, ...], str]]:
    """(confidence, right, reasons, half) of every figure the analysis finds in the set."""
    from hbviewer.core.extract.analysis import analyse

    labels = load_labels(labels_path)
    texts = read_excerpts(labels, shared)
    divisions = Divisions(shared)
    out, notes = [], []
    for n, rec in enumerate(labels):
        text = excerpt_text(rec, texts, notes)
        if text is None:
            continue
        pred = analyse("", text).figures
        pairs = dict((pi, gi) for gi, pi in match_figures(rec["figures"], pred))
        for pi, p in enumerate(pred):
            g = rec["figures"][pairs[pi]] if pi in pairs else None
            if g is not None and g.get("optional"):
                continue
            out.append((p.confidence, g is not None and _right(g, p, text, divisions), p.reasons, HALVES[n % 2]))
    return out


def _right(g: dict, p, text: str, divisions: Divisions) -> bool:
    value_ok = _close(g["value"], p.value) and _close(g["value_high"], p.value_high) and g["unit"] == p.unit
    gold_indicator = "" if g["indicator_start"] is None else text[g["indicator_start"]:g["indicator_end"]]
    region = p.region or ""
    region_ok = region == g["region"] or region in divisions.ancestors(g["region"])
    return value_ok and indicator_agrees(gold_indicator, p.indicator) and region_ok


def curve(judged) -> dict:
    """The curve of the whole set, and of each half under ``halves``."""
    result = _curve(judged)
    result["halves"] = {h: _curve([j for j in judged if j[3] == h]) for h in HALVES}
    result["held_out"] = {f"{a} -> {b}": held_out([j for j in judged if j[3] == a], [j for j in judged if j[3] == b])
                          for a, b in (HALVES, HALVES[::-1])}
    return result


def held_out(fitting, checking) -> dict:
    """Which reasons may leave a figure at 0.9 or above, chosen on one half and checked on the other.

    A reason is mild on the fitting half when at least two figures have it as their only reason
    and all of them are right. On the checking half, the figures with no reason or one mild
    reason are counted: how many, and the share right. It checks the choice of mild reasons (what
    decides the 0.9 bucket) without the weights, which are set on the whole set.
    """
    alone: dict[str, list[bool]] = defaultdict(list)
    for j in fitting:
        if len(j[2]) == 1:
            alone[j[2][0]].append(j[1])
    mild = sorted(r for r, v in alone.items() if len(v) >= 2 and all(v))
    sure = [j[1] for j in checking if not j[2] or (len(j[2]) == 1 and j[2][0] in mild)]
    return {"mild": mild, "figures": len(sure), "right": sum(sure) / len(sure) if sure else None}


def _curve(judged) -> dict:
    bands = []
    for low, high in zip(BANDS, BANDS[1:]):
        inside = [j[1] for j in judged if low <= j[0] < high]
        bands.append({"from": low, "to": min(high, 1.0), "figures": len(inside),
                      "right": sum(inside) / len(inside) if inside else None})
    sure = [j[1] for j in judged if j[0] >= 0.9]
    by_reason: dict[str, list[bool]] = defaultdict(list)
    for j in judged:
        for r in j[2] or ("(none)",):
            by_reason[r].append(j[1])
    return {"figures": len(judged), "right": sum(j[1] for j in judged) / max(1, len(judged)),
            "at_or_above_0.9": {"figures": len(sure), "share": len(sure) / max(1, len(judged)),
                                "right": sum(sure) / len(sure) if sure else None},
            "bands": bands,
            "reasons": {r: {"figures": len(v), "right": sum(v) / len(v)} for r, v in sorted(by_reason.items())}}


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1%}"


def _report(result: dict) -> str:
    parts = [result] + [result["halves"][h] for h in HALVES]
    lines = []
    for name, r in zip(("all",) + HALVES, parts):
        sure = r["at_or_above_0.9"]
        lines.append(f"{name}: {r['figures']} figures found, {r['right']:.1%} right; confidence >= 0.9: "
                     f"{sure['figures']} figures ({sure['share']:.1%} of those found), {_pct(sure['right'])} right")
    for name, h in result["held_out"].items():
        lines.append(f"held out, mild reasons chosen {name}: {h['figures']} figures with none or one, "
                     f"{_pct(h['right'])} right (mild: {', '.join(h['mild']) or 'none'})")
    lines += ["", "| confidence | figures | right | even: figures | right | odd: figures | right |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for i, b in enumerate(result["bands"]):
        cells = "".join(f" {p['bands'][i]['figures']} | {_pct(p['bands'][i]['right'])} |" for p in parts)
        lines.append(f"| {b['from']:.2f}–{b['to']:.2f} |{cells}")
    lines += ["", "| reason | figures | right | even: figures | right | odd: figures | right |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for reason in result["reasons"]:
        cells = ""
        for p in parts:
            v = p["reasons"].get(reason)
            cells += " 0 | — |" if v is None else f" {v['figures']} | {v['right']:.1%} |"
        lines.append(f"| {reason} |{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"confidence_curve: no shared corpus at {args.shared}; nothing to measure (skipped).")
        return 0
    result = curve(judged_figures(args.labels, args.shared))
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
