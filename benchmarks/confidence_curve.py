"""How well each figure's confidence tells right from wrong, on the labelled development set.

A found figure is *right* when it matches a labelled one (spans overlap) and its value and
unit, indicator and region (or an ancestor of it) all agree, as ``extraction_score.py``
judges them; a false hit is wrong. Prints, for bands of confidence, how many figures fall in
each and how many of them are right; the share right at 0.9 and above (the review queue
trusts those); and for each reason, how often figures with it are right, which is what the
weights in ``hbviewer/core/extract/confidence.py`` are set from.

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


def judged_figures(labels_path: Path, shared: Path) -> list[tuple[float, bool, tuple[str, ...]]]:
    """(confidence, right, reasons) of every figure the analysis finds in the set."""
    from hbviewer.core.extract.analysis import analyse

    labels = load_labels(labels_path)
    texts = read_excerpts(labels, shared)
    divisions = Divisions(shared)
    out, notes = [], []
    for rec in labels:
        text = excerpt_text(rec, texts, notes)
        if text is None:
            continue
        pred = analyse("", text).figures
        pairs = dict((pi, gi) for gi, pi in match_figures(rec["figures"], pred))
        for pi, p in enumerate(pred):
            g = rec["figures"][pairs[pi]] if pi in pairs else None
            if g is not None and g.get("optional"):
                continue
            out.append((p.confidence, g is not None and _right(g, p, text, divisions), p.reasons))
    return out


def _right(g: dict, p, text: str, divisions: Divisions) -> bool:
    value_ok = _close(g["value"], p.value) and _close(g["value_high"], p.value_high) and g["unit"] == p.unit
    gold_indicator = "" if g["indicator_start"] is None else text[g["indicator_start"]:g["indicator_end"]]
    region = p.region or ""
    region_ok = region == g["region"] or region in divisions.ancestors(g["region"])
    return value_ok and indicator_agrees(gold_indicator, p.indicator) and region_ok


def curve(judged) -> dict:
    bands = []
    for low, high in zip(BANDS, BANDS[1:]):
        inside = [right for c, right, _r in judged if low <= c < high]
        bands.append({"from": low, "to": min(high, 1.0), "figures": len(inside),
                      "right": sum(inside) / len(inside) if inside else None})
    sure = [right for c, right, _r in judged if c >= 0.9]
    by_reason: dict[str, list[bool]] = defaultdict(list)
    for _c, right, reasons in judged:
        for r in reasons or ("(none)",):
            by_reason[r].append(right)
    return {"figures": len(judged), "right": sum(r for _c, r, _x in judged) / max(1, len(judged)),
            "at_or_above_0.9": {"figures": len(sure), "right": sum(sure) / len(sure) if sure else None},
            "bands": bands,
            "reasons": {r: {"figures": len(v), "right": sum(v) / len(v)} for r, v in sorted(by_reason.items())}}


def _report(result: dict) -> str:
    lines = [f"{result['figures']} figures found, {result['right']:.1%} right",
             f"confidence >= 0.9: {result['at_or_above_0.9']['figures']} figures, "
             f"{(result['at_or_above_0.9']['right'] or 0):.1%} right", "", "| confidence | figures | right |",
             "|---|---:|---:|"]
    for b in result["bands"]:
        right = "—" if b["right"] is None else f"{b['right']:.1%}"
        lines.append(f"| {b['from']:.2f}–{b['to']:.2f} | {b['figures']} | {right} |")
    lines += ["", "| reason | figures | right |", "|---|---:|---:|"]
    lines += [f"| {r} | {v['figures']} | {v['right']:.1%} |" for r, v in result["reasons"].items()]
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
