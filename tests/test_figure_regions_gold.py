"""Which region each figure belongs to, scored against the hand-made seed figure list.

``tests/data/gold/seed_figures.json`` gives every figure a ``region``: the official full name
(as in ``resources/gazetteer/regions.csv``) of the place the figure is about, written by reading
the pages, or "" when the figure belongs to no region (a national count). ``region_note`` says
why in the harder cases (scrambled page layout, functional zones, villages rolled up to their
county).

Gold figures are located in the split article text as in ``test_figures_gold.py`` (by the words
just before them) and matched one-to-one to the extracted figures by overlapping span. The
predicted region is ``RegionResolver(...).resolve(start, end)`` over the matched figure's span,
or over the gold span when extraction missed the figure, so that the score measures region
attribution alone. Optional gold figures and figures in headlines (not in the article text) are
not scored. Gold "" matches a resolver answer of None.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from conftest import REPO, SEEDS, load_gold, locate_gold_figures, match_by_overlap

from hbviewer.core.text.articles import split_articles
from hbviewer.core.extract.figures import extract_figures
from hbviewer.core.text.reading import read_text_file
from hbviewer.core.extract.regions import RegionResolver

GOLD = load_gold("seed_figures.json")["files"]

ACCURACY_BAR = 0.90
CONTEXT = 12  # characters of context shown on each side of a mismatched figure


def _context(text, start, end):
    left = text[max(0, start - CONTEXT):start].replace("\n", " ")
    right = text[end:end + CONTEXT].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def score():
    right = wrong = unmatched = 0
    mismatches = []
    confusions = Counter()
    for name, gold_figures in sorted(GOLD.items()):
        articles = split_articles(read_text_file(SEEDS / name).text)
        located, _missing = locate_gold_figures(gold_figures, [a.text for a in articles])
        for a, article in enumerate(articles):
            golds = [(s, e, g) for (ai, s, e, g) in located if ai == a]
            if not golds:
                continue
            preds = extract_figures(article.text)
            resolver = RegionResolver(article.title, article.text, article.byline)
            pairs, _taken = match_by_overlap(golds, preds)
            for s, e, g, index in pairs:
                if g.get("optional"):
                    continue
                if index is None:
                    unmatched += 1
                    start, end = s, e
                else:
                    start, end = preds[index].start, preds[index].end
                ref = resolver.resolve(start, end)
                predicted = ref.name if ref is not None else ""
                expected = g["region"]
                if g.get("zone"):  # a zone's figure: the division that contains it, and the zone
                    predicted += f" / {ref.zone}" if ref is not None and ref.zone else ""
                    expected += f" / {g['zone']}"
                if predicted == expected:
                    right += 1
                    continue
                wrong += 1
                confusions[(expected or "(none)", predicted or "(none)")] += 1
                mismatches.append(f"{name[:3]} a{a} gold {expected or '(none)'} / predicted "
                                  f"{predicted or '(none)'}: {_context(article.text, start, end)}")
    total = right + wrong
    return {"accuracy": right / max(1, total), "right": right, "wrong": wrong, "total": total,
            "unmatched": unmatched, "mismatches": mismatches, "confusions": confusions}


@pytest.fixture(scope="module")
def scores():
    s = score()
    print(f"\nfigure regions: accuracy {s['accuracy']:.3f} ({s['right']} right, {s['wrong']} wrong "
          f"of {s['total']} scored gold figures; {s['unmatched']} not extracted, resolved at the "
          f"gold span)")
    for (expected, predicted), n in s["confusions"].most_common():
        print(f"  {n:3d} x gold {expected} -> predicted {predicted}")
    for line in s["mismatches"]:
        print("  " + line)
    return s


def test_gold_regions_are_gazetteer_names():
    with (REPO / "resources" / "gazetteer" / "regions.csv").open(encoding="utf-8", newline="") as fh:
        names = {row["name"] for row in csv.DictReader(fh)}
    for name, figures in GOLD.items():
        for g in figures:
            assert "region" in g, (name, g["text"])
            assert g["region"] == "" or g["region"] in names, (name, g["text"], g["region"])
            assert g["region"] or g.get("region_note"), (name, g["text"])


def test_most_figures_are_scored(scores):
    scored = sum(1 for figures in GOLD.values() for g in figures if not g.get("optional"))
    assert scores["total"] >= scored - 10  # only headline figures stay outside the article text


def test_figure_region_accuracy(scores):
    assert scores["accuracy"] >= ACCURACY_BAR
