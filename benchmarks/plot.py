"""How import, search and memory grow with the library: a PNG for docs/.

Usage: python benchmarks/plot.py [RESULTS.json ...] [--memory UI-MEMORY.json ...] [--out docs/scaling.png]

Reads the JSON that ``benchmarks/run.py`` writes (default: the latest) and,
optionally, the window's memory that ``benchmarks/ui_bench.py --memory-only``
wrote for libraries of known sizes (name them ``N=PATH``). Three panels, log
scale in articles: import throughput (hbviewer and Whoosh+jieba), search
latency p50/p95 (each engine), and the library's size on disk with the import's
peak memory.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def _median(entry):
    return None if entry is None else entry["median"]


def series(results: list[dict]) -> dict:
    """Per size: the numbers each panel draws, taken from one or more run.py results."""
    rows = {}
    for result in results:
        for size in result["sizes"]:
            n = size["articles"]
            engines = size.get("engines", {})
            row = rows.setdefault(n, {"engines": {}})
            row["import"] = _median(size["import"]["articles_per_s"])
            row["disk_mb"] = _median(size["import"]["library_bytes"]) / 1e6
            row["import_rss_mb"] = _median(size["import"].get("rss_peak_kib")) / 1024 \
                if size["import"].get("rss_peak_kib") else None
            for name, numbers in engines.items():
                if "p50" in numbers:
                    row["engines"][name] = (_median(numbers["p50"]), _median(numbers["p95"]))
            whoosh = engines.get("Whoosh+jieba", {}).get("articles_per_s")
            if whoosh:
                row["whoosh_import"] = _median(whoosh)
    return dict(sorted(rows.items()))


def plot(rows: dict, memory: dict[int, float], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = list(rows)
    fig, axes = plt.subplots(1, 3, figsize=(13, 4), dpi=100)
    ax = axes[0]
    ax.plot(sizes, [rows[n]["import"] for n in sizes], "o-", label="hbviewer")
    whoosh = [(n, rows[n]["whoosh_import"]) for n in sizes if rows[n].get("whoosh_import")]
    if whoosh:
        ax.plot(*zip(*whoosh), "s--", label="Whoosh + jieba")
    ax.axhline(500, color="grey", linewidth=0.8, linestyle=":", label="target 500/s")
    ax.set_title("Import (whole pipeline)")
    ax.set_ylabel("articles / s")

    ax = axes[1]
    engines = sorted({e for n in sizes for e in rows[n]["engines"]})
    for engine in engines:
        points = [(n, rows[n]["engines"][engine]) for n in sizes if engine in rows[n]["engines"]]
        line, = ax.plot([n for n, _ in points], [p95 for _, (_p50, p95) in points], "o-", label=f"{engine} p95")
        ax.plot([n for n, _ in points], [p50 for _, (p50, _p95) in points], ".:", color=line.get_color(),
                label=f"{engine} p50")
    ax.axhline(10, color="grey", linewidth=0.8, linestyle=":", label="target p95 10 ms")
    ax.set_yscale("log")
    ax.set_title("Search, top 50 with snippets")
    ax.set_ylabel("ms")

    ax = axes[2]
    ax.plot(sizes, [rows[n]["disk_mb"] for n in sizes], "o-", label="library on disk")
    rss = [(n, rows[n]["import_rss_mb"]) for n in sizes if rows[n].get("import_rss_mb")]
    if rss:
        ax.plot(*zip(*rss), "s--", label="import, peak RSS (main process)")
    if memory:
        ax.plot(sorted(memory), [memory[n] for n in sorted(memory)], "^-", label="window open, RSS")
    ax.axhline(300, color="grey", linewidth=0.8, linestyle=":", label="target window 300 MB")
    ax.set_yscale("log")
    ax.set_title("Size and memory")
    ax.set_ylabel("MB")

    for ax in axes:
        ax.set_xscale("log")
        ax.set_xlabel("articles in the library")
        ax.grid(True, which="both", linewidth=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="*", type=Path)
    parser.add_argument("--memory", nargs="*", default=[], metavar="N=PATH",
                        help="ui_bench --memory-only results, with the library's size in articles")
    parser.add_argument("--out", type=Path, default=BENCH.parent / "docs" / "scaling.png")
    args = parser.parse_args()
    paths = args.results or [BENCH / "out" / "results-latest.json"]
    results = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    memory = {}
    for item in args.memory:
        n, path = item.split("=", 1)
        memory[int(n)] = json.loads(Path(path).read_text(encoding="utf-8"))["article_open_mib"] * 1.048576
    rows = series(results)
    if not rows:
        print("No sizes in the results.", file=sys.stderr)
        return 1
    plot(rows, memory, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
