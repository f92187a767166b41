"""Scores figure and region extraction against the labelled development set.

The labels (``tests/data/devset/labels.jsonl``, next to this script by default) hold offsets and
values only; the excerpt text is read from ``../shared`` beside the repository, and the scorer
stops with a message (exit 0) when it is absent. Each excerpt is checked against its sha256:
an excerpt whose text changed is reported and left out. Excerpts marked ``traditional`` are
converted with opencc (s2t) before scoring; a conversion that changes the length would move the
offsets, so such an excerpt is left out with a warning.

Each excerpt is analysed as an import analyses an article (``analyse(title, text)``), with an
empty title: the labels are about the excerpt alone. ``hbviewer`` is imported from the
interpreter that runs the script, so any checkout can be scored with its own code:
``.venv/bin/python path/to/extraction_score.py``.

What is measured (overall, per script, and per kind):

* figures: a predicted figure matches a labelled one when their spans overlap (lenient) or are
  the same span (strict); each figure matches at most one, the largest overlap first. Per kind,
  a hit counts for the labelled kind, a false hit for the predicted kind. Figures labelled
  ``optional`` are neither missed nor false hits.
* on matched figures (lenient): value-and-unit accuracy (value, value_high and unit all equal,
  values to a relative 1e-6), kind accuracy, approx accuracy;
* indicator accuracy on matched figures: both are stripped of spaces and punctuation and, for
  the lenient score, turned into simplified characters; they agree when equal, or when one
  contains the other and the shorter is at least half as long as the longer. The strict score
  wants them equal in the text's own script, as the rules do. An empty label agrees only with an
  empty prediction.
* figure region accuracy on matched figures: the same region, or (lenient) an ancestor of the
  labelled region (its prefecture or 河北省; 保定市 or 河北省 for 雄安新区), since the rules list
  only the most specific region;
* subject regions: F1 of the predicted subjects against ``regions``. A predicted ancestor of a
  labelled region is neither a hit nor a false hit; a predicted 雄安新区 stands for its three
  core counties, which is how the rules tag a 雄安 article.

``--errors KIND`` prints the misses and false hits of one kind (or ``all``, ``region``,
``indicator``, ``value``) with their context, to the terminal only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE.parent / "tests" / "data" / "devset" / "labels.jsonl"
DEFAULT_SHARED = HERE.parents[1] / "shared"
KINDS = ("count", "money", "percent", "points", "multiple", "measure", "rank", "duration")
SCRIPTS = ("simplified", "traditional")
DIVISIONS = "data/admin-divisions/hebei_divisions_2024.csv"
XIONGAN = "雄安新区"
XIONGAN_COUNTIES = ("雄县", "容城县", "安新县")
_PUNCT = set(" \t\r\n\u3000，,。.、；;：:“”\"'‘’《》〈〉（）()【】[]！!？?·—-")


def load_labels(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_excerpts(labels: list[dict], shared: Path) -> dict[str, str]:
    """The text of each document the labels name, read once per corpus file."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for rec in labels:
        wanted[rec["corpus"]].add(rec["doc_id"] or "")
    texts: dict[str, str] = {}
    for corpus, ids in wanted.items():
        path = shared / corpus
        if not path.exists():
            continue
        if corpus.endswith(".jsonl.gz"):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    head = line[:200]
                    if not any(f'"{i}"' in head for i in ids):
                        continue
                    doc = json.loads(line)
                    if doc.get("id") in ids:
                        texts[f"{corpus}#{doc['id']}"] = doc["text"]
        else:
            texts[f"{corpus}#"] = path.read_text(encoding="utf-8")
    return texts


class Divisions:
    """Each county's prefecture, from the division list in ``../shared``, for the credit given to
    an ancestor of the labelled region."""

    def __init__(self, shared: Path):
        self._parent: dict[str, str] = {}
        path = shared / DIVISIONS
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["level"] == "county":
                    self._parent[row["name"]] = row["prefecture"]

    def ancestors(self, name: str) -> set[str]:
        if not name:
            return set()
        if name == XIONGAN or name in XIONGAN_COUNTIES:
            return {"保定市", "河北省"}
        found = {"河北省"} if name != "河北省" else set()
        if name in self._parent:
            found.add(self._parent[name])
        return found


def _norm(s: str) -> str:
    return "".join(c for c in s if c not in _PUNCT)


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _simplified(s: str) -> str:
    return _converter("t2s").convert(s)


def indicator_agrees(gold: str, pred: str, strict: bool = False) -> bool:
    g, p = _norm(gold), _norm(pred or "")
    if g == p:
        return True
    if strict or not g or not p:
        return False
    g, p = _simplified(g), _simplified(p)
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    return short in long_ and len(short) * 2 >= len(long_)


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def match_figures(gold: list[dict], pred: list) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index): same spans first, then the largest overlaps."""
    pairs, used_g, used_p = [], set(), set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and (p.start, p.end) == (g["start"], g["end"]):
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
                break
    overlaps = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0 and gi not in used_g and pi not in used_p:
                overlaps.append((-ov, gi, pi))
    for _, gi, pi in sorted(overlaps):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


class Tally:
    """Counts for one slice of the set (everything, one script, ...)."""

    def __init__(self):
        self.c: dict[str, int] = defaultdict(int)

    def add(self, key: str, n: int = 1):
        self.c[key] += n

    def ratio(self, num: str, den: str) -> float | None:
        return self.c[num] / self.c[den] if self.c[den] else None

    def prf(self, tp: str, fp: str, fn: str) -> dict:
        t, f_p, f_n = self.c[tp], self.c[fp], self.c[fn]
        p = t / (t + f_p) if t + f_p else None
        r = t / (t + f_n) if t + f_n else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return {"precision": p, "recall": r, "f1": f1, "tp": t, "fp": f_p, "fn": f_n}


class Scorer:
    """Runs the extractor on each excerpt and tallies it, overall, per script and per kind."""

    def __init__(self, divisions: Divisions, errors: str | None = None):
        self.divisions = divisions
        self.errors = errors
        self.tallies: dict[str, Tally] = defaultdict(Tally)
        self.excerpts: dict[str, int] = defaultdict(int)

    def _tallies(self, script: str) -> list[Tally]:
        return [self.tallies["all"], self.tallies[script]]

    def score(self, rec: dict, text: str) -> None:
        from hbviewer.core.extract.analysis import analyse

        analysis = analyse("", text)
        self.excerpts[rec["script"]] += 1
        self._score_figures(rec, text, analysis.figures)
        self._score_subjects(rec, [ref.name for ref, _score in analysis.subjects])

    def _score_figures(self, rec: dict, text: str, pred: list) -> None:
        gold = rec["figures"]
        pairs = match_figures(gold, pred)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        tallies = self._tallies(rec["script"])
        for gi, g in enumerate(gold):
            if g.get("optional") or gi in matched_g:
                continue
            self._count(tallies, g["kind"], "fn")
            self._report("miss", g["kind"], rec, text, g["start"], g["end"], "")
        optional_hits = {pi for gi, pi in pairs if gold[gi].get("optional")}
        for pi, p in enumerate(pred):
            if pi in matched_p:
                continue
            self._count(tallies, p.kind, "fp")
            self._report("false hit", p.kind, rec, text, p.start, p.end, f"{p.value} {p.unit}")
        for gi, pi in pairs:
            if pi not in optional_hits:
                self._score_pair(rec, text, gold[gi], pred[pi], tallies)

    def _score_pair(self, rec: dict, text: str, g: dict, p, tallies: list[Tally]) -> None:
        kind = g["kind"]
        strict = (p.start, p.end) == (g["start"], g["end"])
        value_ok = _close(g["value"], p.value) and _close(g["value_high"], p.value_high) \
            and g["unit"] == p.unit
        ind_gold = "" if g["indicator_start"] is None else text[g["indicator_start"]:g["indicator_end"]]
        ind_ok = indicator_agrees(ind_gold, p.indicator)
        ind_strict = indicator_agrees(ind_gold, p.indicator, strict=True)
        region = p.region or ""
        region_strict = region == g["region"]
        region_ok = region_strict or region in self.divisions.ancestors(g["region"])
        checks = {"tp": True, "tp_strict": strict, "value_ok": value_ok, "kind_ok": p.kind == kind,
                  "approx_ok": (g["approx"] or None) == (p.approx or None), "ind_ok": ind_ok,
                  "ind_strict": ind_strict, "region_ok": region_ok, "region_strict": region_strict}
        for key, ok in checks.items():
            if ok:
                self._count(tallies, kind, key)
        if not value_ok:
            self._report("value", kind, rec, text, p.start, p.end,
                         f"{p.value}/{p.value_high} {p.unit}, labelled {g['value']}/{g['value_high']} {g['unit']}")
        if not ind_ok:
            self._report("indicator", kind, rec, text, p.start, p.end,
                         f"{p.indicator!r}, labelled {ind_gold!r}")
        if not region_ok:
            self._report("region", kind, rec, text, p.start, p.end,
                         f"{region!r}, labelled {g['region']!r}")

    @staticmethod
    def _count(tallies: list[Tally], kind: str, key: str) -> None:
        for t in tallies:
            t.add(key)
            t.add(f"{kind}:{key}")

    def _score_subjects(self, rec: dict, predicted: list[str]) -> None:
        gold = {r["name"] for r in rec["regions"]}
        expanded = set()
        for name in predicted:
            expanded |= set(XIONGAN_COUNTIES) if name == XIONGAN else {name}
        ancestors = set().union(*(self.divisions.ancestors(g) for g in gold)) if gold else set()
        tp = len(expanded & gold)
        fp = len(expanded - gold - ancestors)
        fn = len(gold - expanded)
        for t in self._tallies(rec["script"]):
            t.add("subj_tp", tp)
            t.add("subj_fp", fp)
            t.add("subj_fn", fn)
        if self.errors in ("region", "all") and (fp or fn):
            print(f"[{rec['id']}] subjects: predicted {sorted(expanded)}, labelled {sorted(gold)}")

    def _report(self, what: str, kind: str, rec: dict, text: str, start: int, end: int, note: str):
        wanted = self.errors
        if wanted is None:
            return
        if wanted in KINDS and (kind != wanted or what not in ("miss", "false hit")):
            return
        if wanted in ("region", "indicator", "value") and what != wanted:
            return
        before, span, after = text[max(0, start - 20):start], text[start:end], text[end:end + 12]
        print(f"[{rec['id']}] {what:9} {kind:8} {before}【{span}】{after}  {note}".replace("\n", " "))


def summary(t: Tally) -> dict:
    loose = t.c["tp"] - t.c["tp_strict"]  # matched, but on another span: strictly a miss and a false hit
    out = {"figures_lenient": t.prf("tp", "fp", "fn"),
           "figures_strict": _counts(t.c["tp_strict"], t.c["fp"] + loose, t.c["fn"] + loose).prf("tp", "fp", "fn")}
    for key in ("value_ok", "kind_ok", "approx_ok", "ind_ok", "ind_strict", "region_ok", "region_strict"):
        out[key] = t.ratio(key, "tp")
    out["subjects"] = t.prf("subj_tp", "subj_fp", "subj_fn")
    out["per_kind"] = {}
    for kind in KINDS:
        if t.c[f"{kind}:tp"] + t.c[f"{kind}:fn"] + t.c[f"{kind}:fp"] == 0:
            continue
        row = t.prf(f"{kind}:tp", f"{kind}:fp", f"{kind}:fn")
        row["value_ok"] = t.ratio(f"{kind}:value_ok", f"{kind}:tp")
        row["ind_ok"] = t.ratio(f"{kind}:ind_ok", f"{kind}:tp")
        row["region_ok"] = t.ratio(f"{kind}:region_ok", f"{kind}:tp")
        out["per_kind"][kind] = row
    return out


def _counts(tp: int, fp: int, fn: int) -> Tally:
    t = Tally()
    t.add("tp", tp)
    t.add("fp", fp)
    t.add("fn", fn)
    return t


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:5.1f}"


def format_report(result: dict) -> str:
    lines = [f"hbviewer scored: {result['hbviewer']}",
             f"excerpts: {result['excerpts']}, labelled figures: {result['labelled_figures']}"]
    for note in result["notes"]:
        lines.append(f"note: {note}")
    head = f"{'':14}{'P':>6}{'R':>6}{'F1':>6}{'P str':>7}{'R str':>6}{'F1 str':>7}" \
           f"{'value':>7}{'ind':>6}{'ind=':>6}{'region':>7}{'reg=':>6}{'subj F1':>8}"
    lines += ["", head]
    for name in ("all",) + SCRIPTS:
        s = result["scores"].get(name)
        if not s:
            continue
        fl, fs = s["figures_lenient"], s["figures_strict"]
        lines.append(f"{name:14}{_pct(fl['precision']):>6}{_pct(fl['recall']):>6}{_pct(fl['f1']):>6}"
                     f"{_pct(fs['precision']):>7}{_pct(fs['recall']):>6}{_pct(fs['f1']):>7}"
                     f"{_pct(s['value_ok']):>7}{_pct(s['ind_ok']):>6}{_pct(s['ind_strict']):>6}"
                     f"{_pct(s['region_ok']):>7}{_pct(s['region_strict']):>6}"
                     f"{_pct(s['subjects']['f1']):>8}")
    lines += ["", f"{'kind':14}{'gold':>6}{'P':>6}{'R':>6}{'F1':>6}{'value':>7}{'ind':>6}{'region':>7}"
                  f"{'R simp':>8}{'R trad':>8}"]
    scripts = [result["scores"].get(name, {}).get("per_kind", {}) for name in SCRIPTS]
    for kind, row in result["scores"]["all"]["per_kind"].items():
        by_script = "".join(f"{_pct(s.get(kind, {}).get('recall')):>8}" for s in scripts)
        lines.append(f"{kind:14}{row['tp'] + row['fn']:>6}{_pct(row['precision']):>6}{_pct(row['recall']):>6}"
                     f"{_pct(row['f1']):>6}{_pct(row['value_ok']):>7}{_pct(row['ind_ok']):>6}"
                     f"{_pct(row['region_ok']):>7}{by_script}")
    lines.append("")
    lines.append("P/R/F1: figures, spans overlap (str: same span); value: value and unit right; "
                 "ind/ind=: indicator agrees / equal; region/reg=: figure region, ancestor credited / exact; "
                 "on matched figures.")
    return "\n".join(lines)


def excerpt_text(rec: dict, texts: dict[str, str], notes: list[str]) -> str | None:
    """The excerpt as scored, or None (with a note) when it is missing, changed or unconvertible."""
    doc = texts.get(f"{rec['corpus']}#{rec['doc_id'] or ''}")
    if doc is None:
        notes.append(f"{rec['id']}: document not found in {rec['corpus']}, left out")
        return None
    text = doc[rec["start"]:rec["end"]]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["sha256"]:
        notes.append(f"{rec['id']}: the corpus text changed (sha256 differs), left out")
        return None
    if rec["script"] == "traditional":
        converted = _converter("s2t").convert(text)
        if len(converted) != len(text):
            notes.append(f"{rec['id']}: s2t conversion changes the length, left out")
            return None
        text = converted
    return text


def run(labels_path: Path, shared: Path, errors: str | None = None) -> dict:
    import hbviewer

    labels = load_labels(labels_path)
    texts = read_excerpts(labels, shared)
    scorer = Scorer(Divisions(shared), errors)
    notes: list[str] = []
    figures = 0
    for rec in labels:
        text = excerpt_text(rec, texts, notes)
        if text is None:
            continue
        figures += sum(1 for f in rec["figures"] if not f.get("optional"))
        scorer.score(rec, text)
    return {"hbviewer": str(Path(hbviewer.__file__).resolve().parent),
            "excerpts": dict(scorer.excerpts), "labelled_figures": figures, "notes": notes,
            "scores": {name: summary(t) for name, t in scorer.tallies.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="labels file (JSON lines)")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="the shared material folder holding the corpus (default: ../shared)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--errors", metavar="KIND", choices=KINDS + ("all", "region", "indicator", "value"),
                    help="print the misses and false hits of one kind (or all, region, indicator, value)")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"extraction_score: no shared corpus at {args.shared}; nothing to score (skipped).")
        return 0
    if not args.labels.is_file():
        print(f"extraction_score: no labels file at {args.labels}.", file=sys.stderr)
        return 2
    try:
        import hbviewer  # noqa: F401  (the checkout this interpreter has installed)
    except ImportError:
        print("extraction_score: hbviewer cannot be imported by this interpreter; "
              "run it with the checkout's own Python (pip install -e .).", file=sys.stderr)
        return 2
    result = run(args.labels, args.shared, args.errors)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
