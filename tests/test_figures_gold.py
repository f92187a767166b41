"""Figure extraction scored against a hand-made list of every figure in the seed pages.

The gold file was written by reading the pages. A gold figure is located in the
split article text by the words just before it; gold figures that fall in a
headline (not in the article text) are not scored. Matching is one-to-one by
overlapping spans. Optional gold figures neither count for recall nor against
precision.
"""

import pytest

from hbviewer.core.text.articles import split_articles
from hbviewer.core.extract.figures import extract_figures
from hbviewer.core.text.reading import read_text_file
from hbviewer.core.text.textnorm import fold

from conftest import SEEDS, load_gold, locate_gold_figures, match_by_overlap

GOLD = load_gold("seed_figures.json")["files"]

SPAN_BAR = 0.95
VALUE_BAR = 0.97
INDICATOR_BAR = 0.80


def indicator_ok(predicted, gold):
    p, g = fold(predicted), fold(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    return short in long_ and len(short) >= 0.5 * len(long_)


def value_ok(fig, gold):
    if fig.unit != gold["unit"]:
        return False
    if abs(fig.value - gold["value"]) > 1e-6 * max(1.0, abs(gold["value"])):
        return False
    high = gold.get("value_high")
    return high is None or (fig.value_high is not None and abs(fig.value_high - high) <= 1e-6 * abs(high))


def score():
    tp = fp = fn = 0
    value_right = indicator_right = matched = 0
    report = []
    unlocated = 0
    for name, gold_figures in sorted(GOLD.items()):
        articles = split_articles(read_text_file(SEEDS / name).text)
        texts = [a.text for a in articles]
        located, missing = locate_gold_figures(gold_figures, texts)
        unlocated += len(missing)
        for a, text in enumerate(texts):
            golds = [(s, e, g) for (ai, s, e, g) in located if ai == a]
            preds = extract_figures(text)
            pairs, taken = match_by_overlap(golds, preds)
            for _s, _e, g, index in pairs:
                if index is None:
                    if not g.get("optional"):
                        fn += 1
                        report.append(f"MISS {name[:3]} {g['before'][-6:]}[{g['text']}]")
                    continue
                f = preds[index]
                if g.get("optional"):
                    continue
                tp += 1
                matched += 1
                if value_ok(f, g):
                    value_right += 1
                else:
                    report.append(f"VALUE {name[:3]} {f.text}: {f.value} {f.value_high} {f.unit} != "
                                  f"{g['value']} {g.get('value_high')} {g['unit']}")
                if indicator_ok(f.indicator, g["indicator"]):
                    indicator_right += 1
                else:
                    report.append(f"INDICATOR {name[:3]} {f.text}: {f.indicator!r} != {g['indicator']!r}")
            for i, f in enumerate(preds):
                if i not in taken:
                    fp += 1
                    report.append(f"EXTRA {name[:3]} {text[max(0, f.start - 6):f.start]}[{f.text}]")
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return {"precision": precision, "recall": recall, "value": value_right / max(1, matched),
            "indicator": indicator_right / max(1, matched), "tp": tp, "fp": fp, "fn": fn,
            "unlocated": unlocated, "report": report}


@pytest.fixture(scope="module")
def scores():
    s = score()
    print(f"\nseed figures: precision {s['precision']:.3f} recall {s['recall']:.3f} "
          f"value+unit {s['value']:.3f} indicator {s['indicator']:.3f} "
          f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']}, gold in headlines {s['unlocated']})")
    for line in s["report"]:
        print("  " + line)
    return s


def test_gold_figures_are_found_in_article_text(scores):
    assert scores["unlocated"] <= 10  # only headline figures stay outside the article text


def test_span_precision_and_recall(scores):
    assert scores["precision"] >= SPAN_BAR and scores["recall"] >= SPAN_BAR


def test_value_and_unit_of_matched_figures(scores):
    assert scores["value"] >= VALUE_BAR


def test_indicator_of_matched_figures(scores):
    assert scores["indicator"] >= INDICATOR_BAR
