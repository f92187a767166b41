"""Subject regions of the seed articles against the hand-made gold list.

``tests/data/gold/seed_regions.json`` was written by reading the pages. A prediction is the set of
``article_regions(...).subjects`` -- every region the function reports as a subject, which is
already limited to those scoring at least 40% of the article's best and at least 3 (see
``regions.py``) plus the prefectures of county-level subjects. Precision and recall are
micro-averaged over (article, region) pairs of all seed articles.
"""

from __future__ import annotations

from conftest import SEEDS, load_gold

from hbviewer.core.text.articles import split_articles
from hbviewer.core.text.reading import read_text_file
from hbviewer.core.extract.regions import article_regions
from hbviewer.core.text.textnorm import fold

THRESHOLD = 0.95


def _pairs():
    gold = load_gold("seed_regions.json")
    for name, entry in gold["files"].items():
        articles = split_articles(read_text_file(SEEDS / name).text)
        # Titles are compared folded, so a change in how punctuation is displayed does not matter.
        assert [fold(a.title) for a in articles] == [fold(g["title"]) for g in entry["articles"]], name
        for article, expected in zip(articles, entry["articles"]):
            predicted = article_regions(article.title, article.text, article.byline)
            yield (name, article.title, {ref.code for ref, _ in predicted.subjects},
                   {s["code"] for s in expected["subjects"]})


def test_seed_subject_precision_and_recall():
    tp = fp = fn = 0
    misses = []
    for name, title, predicted, expected in _pairs():
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        if predicted != expected:
            misses.append(f"{name} {title}: extra {sorted(predicted - expected)}, "
                          f"missing {sorted(expected - predicted)}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\nseed subject regions: precision {precision:.3f}, recall {recall:.3f} "
          f"({tp} right, {fp} extra, {fn} missing)")
    for line in misses:
        print("  ", line)
    assert precision >= THRESHOLD and recall >= THRESHOLD, misses


def test_gold_names_match_the_gazetteer():
    from hbviewer.core.extract.gazetteer import gazetteer

    gaz = gazetteer()
    for entry in load_gold("seed_regions.json")["files"].values():
        for article in entry["articles"]:
            for s in article["subjects"]:
                assert gaz.get(s["code"]).name == s["name"], s


def test_first_subject_matches_the_gold_order():
    """The most important region comes first (the county before its prefecture)."""
    wrong = []
    gold = load_gold("seed_regions.json")
    for name, entry in gold["files"].items():
        articles = split_articles(read_text_file(SEEDS / name).text)
        for article, expected in zip(articles, entry["articles"]):
            subjects = article_regions(article.title, article.text, article.byline).subjects
            if len(expected["subjects"]) <= 2 and subjects and subjects[0][0].code != expected["subjects"][0]["code"]:
                wrong.append(article.title)
    assert not wrong
