"""Summary and Excel export of N figures, against openpyxl writing the same cells bare.

Usage: python benchmarks/export_bench.py [--figures 100000] [--repeat 3]

A library with about N figures is built once (generated county reports, 20
figures an article) and cached in benchmarks/out/. Each run times, in the same
process and one after the other:

* hbviewer: ``build_summary`` (pandas, sentences, region tree) plus
  ``write_workbook`` (styled headers, number formats, safe text, chart, atomic
  rename);
* bare: openpyxl's write-only mode appending the same cell values to the same
  sheets, nothing else — the floor any exporter built on openpyxl has. The
  values of the 冲突 sheet are worked out before the bare timing starts: only
  their writing is the floor's.

The ratio of the two medians is the figure of merit (the target is 1.2).
Also reported: extraction speed of the figure extractor in MB/s on the same text.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
OUT = BENCH / "out"

CITIES = ["张家口市", "承德市", "衡水市", "廊坊市", "保定市", "唐山市", "邯郸市", "邢台市", "沧州市", "秦皇岛市"]
COUNTIES = ["宣化区", "蔚县", "涿鹿县", "丰宁满族自治县", "安平县", "枣强县", "安次区", "涿州市", "迁安市", "武安市"]
INDICATORS = ["高新技术企业", "科技型中小企业", "技术合同交易额", "省级研发平台", "研发经费", "众创空间",
              "新增就业岗位", "固定资产投资", "规模以上工业增加值", "农村集体经济收入"]
UNITS = [("家", 1), ("家", 1), ("亿元", 1), ("家", 1), ("亿元", 1), ("家", 1), ("万个", 1), ("亿元", 1),
         ("%", 0), ("万元", 1)]


def article(rng: random.Random, i: int) -> str:
    place = rng.choice(CITIES) + rng.choice(COUNTIES)
    sentences = []
    for _ in range(20):
        k = rng.randrange(len(INDICATORS))
        unit, _ = UNITS[k]
        value = f"{rng.uniform(1, 900):.2f}" if unit in ("亿元", "%") else str(rng.randint(2, 3000))
        sentences.append(f"{rng.choice(['目前', '截至去年底', '今年以来'])},该地{INDICATORS[k]}达到{value}{unit}")
    return f"## {place}第{i}号报告\n\n本报讯 {place}:" + "。".join(sentences) + "。\n\n"


def build_library(figures: int) -> Path:
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library

    path = OUT / f"export-library-{figures}.sqlite3"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    rng = random.Random(figures)
    pages = Path(tempfile.mkdtemp())
    n_articles = figures // 20
    for page in range(0, n_articles, 50):
        text = "".join(article(rng, i) for i in range(page, min(n_articles, page + 50)))
        (pages / f"page{page:06d}.txt").write_text(text, encoding="utf-8")
    lib = Library.open(path)
    import_paths(lib, [pages])
    lib.close()
    return path


def conflict_cells(summary) -> list[list]:
    """The 冲突 sheet's values, one row per value of each disagreement."""
    from hbviewer.core.briefing.conflicts import conflicts_in
    from hbviewer.core.briefing.summary import records_of

    return [[n, c.region, c.indicator, c.unit, r.year, r.value, r.text, r.article_id, r.title, r.date, r.source,
             r.status] for n, c in enumerate(conflicts_in(records_of(summary.figures)), start=1) for r in c.reports]


def bare_write(summary, path: Path, conflicts: list[list]) -> None:
    """The same cells, values only, in openpyxl's write-only mode."""
    from openpyxl import Workbook

    from hbviewer.core.briefing.excel import ARTICLE_HEADERS, CONFLICT_HEADERS, FIGURE_HEADERS, OVERVIEW_HEADERS

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("概览")
    ws.append(OVERVIEW_HEADERS)
    for root in summary.tree:
        for node in root.walk():
            ws.append([node.name, node.level, "", node.articles, node.figures, node.own_figures, ""])
    ws = wb.create_sheet("数据")
    ws.append(FIGURE_HEADERS)
    cols = ["region", "prefecture", "indicator", "value", "value_high", "unit", "approx", "kind", "as_of",
            "text", "article_id", "title", "source", "sentence"]
    for row in summary.figures[cols].itertuples(index=False, name=None):
        ws.append([None if (isinstance(v, float) and v != v) else v for v in row])
    ws = wb.create_sheet("文章")
    ws.append(ARTICLE_HEADERS)
    for row in summary.articles.itertuples(index=False, name=None):
        ws.append(list(row))
    ws = wb.create_sheet("冲突")
    ws.append(CONFLICT_HEADERS)
    for row in conflicts:
        ws.append(row)
    wb.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from hbviewer.core.briefing.excel import write_workbook
    from hbviewer.core.extract.figures import extract_figures
    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.briefing.summary import build_summary

    library = build_library(args.figures)
    lib = Library.open(library)
    ours, bare, summary_only = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            summary = build_summary(lib)
            t1 = time.perf_counter()
            write_workbook(summary, Path(tmp) / "ours.xlsx")
            conflicts = conflict_cells(summary)
            t2 = time.perf_counter()
            bare_write(summary, Path(tmp) / "bare.xlsx", conflicts)
            t3 = time.perf_counter()
            ours.append(t2 - t0)
            summary_only.append(t1 - t0)
            bare.append(t3 - t2)
        figures = len(summary.figures)
    texts = [a.text for a in lib.articles()]
    lib.close()
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    for t in texts:
        extract_figures(t)
    mbps = size / 1e6 / (time.perf_counter() - t0)
    result = {"figures": figures, "ours_s": statistics.median(ours), "summary_s": statistics.median(summary_only),
              "bare_s": statistics.median(bare), "ours_range": [min(ours), max(ours)],
              "bare_range": [min(bare), max(bare)], "ratio": statistics.median(ours) / statistics.median(bare),
              "extract_mb_per_s": mbps, "extract_mb": size / 1e6}
    (OUT / "export.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"figures: {figures}")
    print(f"hbviewer summary + export: {result['ours_s']:.2f} s ({min(ours):.2f}–{max(ours):.2f}); "
          f"of which summary {result['summary_s']:.2f} s")
    print(f"openpyxl write-only, same cells bare: {result['bare_s']:.2f} s ({min(bare):.2f}–{max(bare):.2f})")
    print(f"ratio: {result['ratio']:.2f} (target <= 1.2)")
    print(f"figure extraction: {mbps:.2f} MB/s over {size / 1e6:.1f} MB of article text (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
