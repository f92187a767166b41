"""Region finding costs that once were timed unit tests: loading the gazetteer, scanning, placing figures.

Usage: python benchmarks/regions_bench.py [--repeat 20]

Prints medians of --repeat runs, in milliseconds, on one core:
- the gazetteer's load from resources/gazetteer/regions.csv (bound once kept: 500 ms);
- find_mentions on 2,000 characters dense with place names (bound: 20 ms);
- placing 50 figures in such an article with RegionResolver (bound: 50 ms).
The bounds only catch a per-name or per-figure loop creeping in; machines differ.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

UNIT = "张家口市桥西区新建公园，蔚县烟叶育苗1.7万亩，推动京津冀协同发展，全市企业达到295家。"
BOUNDS_MS = {"gazetteer load": 500, "find_mentions, 2,000 chars": 20, "place 50 figures": 50}


def _median_ms(fn, repeat: int) -> float:
    fn()
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    from hbviewer.core.extract.gazetteer import RegionGazetteer
    from hbviewer.core.extract.regions import RegionResolver, find_mentions

    text = (UNIT * (2000 // len(UNIT) + 1))[:2000]
    spans = [(i, i + 3) for i in range(0, 2000, 40)]

    def place():
        resolver = RegionResolver("我省推动县域科技创新", text)
        for s, e in spans:
            resolver.resolve(s, e)

    results = {"gazetteer load": _median_ms(RegionGazetteer.load, max(3, args.repeat // 4)),
               "find_mentions, 2,000 chars": _median_ms(lambda: find_mentions(text), args.repeat),
               "place 50 figures": _median_ms(place, args.repeat)}
    for name, ms in results.items():
        print(f"{name}: {ms:.1f} ms (bound {BOUNDS_MS[name]} ms){'' if ms < BOUNDS_MS[name] else '  OVER'}")
    return 0 if all(ms < BOUNDS_MS[n] for n, ms in results.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
