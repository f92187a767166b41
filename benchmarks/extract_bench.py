"""Figure extraction speed, MB/s of article text on one core.

Usage: python benchmarks/extract_bench.py [--articles 10000] [--repeat 3]

Runs extract_figures over the benchmark corpus (real stories when ../shared is
present, else articles made from seeds/), text in UTF-8 bytes; the median of
--repeat passes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus_source, iter_articles  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from hbviewer.core.extract.figures import extract_figures
    from hbviewer.core.text.textnorm import to_display

    texts = [to_display(text) for _title, text in iter_articles(args.articles)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    extract_figures(texts[0])  # load OpenCC and cn2an before timing
    speeds, figures = [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        figures = sum(len(extract_figures(t)) for t in texts)
        speeds.append(size / 1e6 / (time.perf_counter() - t0))
    print(f"corpus: {corpus_source()}, {len(texts)} articles, {size / 1e6:.1f} MB, {figures} figures")
    print(f"extraction: {statistics.median(speeds):.2f} MB/s (median of {args.repeat}, "
          f"{min(speeds):.2f}-{max(speeds):.2f}) on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
