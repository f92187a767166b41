"""What working out the confidence costs a library read: ``with_confidence`` per article.

Usage: python benchmarks/confidence_cost.py [--articles 300] [--repeat 10]

A library works the confidence out each time it reads an article's figures (the review queue
reads up to 400 articles), so it must stay cheap next to the read itself. The articles are real
stories when ../shared is present, else made from seeds/; they are analysed first (not timed),
then ``with_confidence`` is timed over all of them, best of --repeat passes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus_source, iter_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from hbviewer.core.extract.analysis import analyse
    from hbviewer.core.extract.confidence import with_confidence
    from hbviewer.core.text.textnorm import to_display

    articles = []
    for title, text in iter_articles(args.articles):
        text = to_display(text)
        articles.append((analyse(title, text).figures, text))
    figures = sum(len(f) for f, _t in articles)
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for figs, text in articles:
            with_confidence(figs, text)
        best = min(best, time.perf_counter() - t0)
    print(f"corpus: {corpus_source()}, {len(articles)} articles, {figures} figures")
    print(f"with_confidence: {best * 1000:.1f} ms in all, {best / len(articles) * 1e3:.2f} ms an article, "
          f"{best / max(1, figures) * 1e6:.0f} us a figure (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
