"""The window under load: cold start, and how long the UI thread is ever kept waiting.

Usage: python benchmarks/ui_bench.py [--articles 10000] [--repeat 3]

* Cold start: a fresh process (``python -m hbviewer``-like) opens the window on a
  library of N articles; measured from the process start until the library list
  shows its rows (a usable window), as the median of --repeat runs.
* UI blocking: a 10 ms QTimer ticks while an import (until the region tree has
  been recounted after it), a search and an export run in the background; the
  longest gap between two ticks is how long the UI thread was kept from
  answering (100 ms is the bar). The worst of --repeat runs is reported.

Runs offscreen (QT_QPA_PLATFORM=offscreen); prints a table and writes JSON to
benchmarks/out/ui.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from corpus import OUT, write_corpus  # noqa: E402
from window_probe import WindowProbe, build_library  # noqa: E402  (sets QT_QPA_PLATFORM=offscreen)

COLD_START = r"""
import sys, time
t0 = float(sys.argv[2])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["hbviewer"])
sys.setswitchinterval(0.001)
from hbviewer.ui.app import install_translations
from hbviewer.ui.controller import LibraryController
from hbviewer.ui.main_window import MainWindow
from hbviewer.ui.settings import AppSettings
install_translations(app, "zh_CN")
controller = LibraryController(sys.argv[1])
settings = AppSettings(QSettings(sys.argv[3], QSettings.IniFormat))
window = MainWindow(controller, settings)
window.show()
shown = time.time() - t0
def check():
    if window.library_pane.model.rowCount() > 0:
        print(f"{shown:.3f} {time.time() - t0:.3f}", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
app.exec()
controller.close()
"""


MEMORY = r"""
import sys, time
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["hbviewer"])
from hbviewer.ui.controller import LibraryController
from hbviewer.ui.main_window import MainWindow
from hbviewer.ui.settings import AppSettings

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1])

controller = LibraryController(sys.argv[1])
window = MainWindow(controller, AppSettings(QSettings(sys.argv[2], QSettings.IniFormat)))
window.show()
marks = {}
t0 = time.perf_counter()
def searched(*_):
    if "summary" in marks and "search" not in marks:
        marks["search"] = (status("VmRSS"), time.perf_counter() - t0)
        pane = window.library_pane
        pane.table.selectRow(0)
        QTimer.singleShot(1500, done)
def summary_shown():
    marks["summary"] = (status("VmRSS"), time.perf_counter() - t0)
    window.library_pane.search_box.setText("科技")
    window.library_pane.run_search()
def done():
    marks["article"] = (status("VmRSS"), time.perf_counter() - t0)
    print(marks["summary"][0], marks["search"][0], marks["article"][0], status("VmHWM"),
          round(marks["summary"][1], 2), flush=True)
    app.quit()
window.summaryShown.connect(summary_shown)
window.library_pane.resultsChanged.connect(searched)
app.exec()
controller.close()
"""


def memory(library: Path) -> dict:
    """The window's memory with the library open: summary shown, a search, an article."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", MEMORY, str(library), str(Path(tmp) / "s.ini")],
                             capture_output=True, text=True, check=True, timeout=1800)
    summary, search, article, peak, seconds = out.stdout.split()
    mib = lambda kib: round(int(kib) / 1024, 1)  # noqa: E731
    return {"summary_shown_mib": mib(summary), "after_search_mib": mib(search), "article_open_mib": mib(article),
            "peak_mib": mib(peak), "summary_shown_s": float(seconds)}


def cold_start(library: Path, repeat: int) -> dict:
    shown, usable = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run([sys.executable, "-c", COLD_START, str(library), repr(time.time()),
                                  str(Path(tmp) / "s.ini")], capture_output=True, text=True, check=True)
        a, b = out.stdout.split()
        shown.append(float(a))
        usable.append(float(b))
    return {"window_shown_s": statistics.median(shown), "usable_s": statistics.median(usable),
            "usable_min_s": min(usable), "usable_max_s": max(usable)}


def blocking(library: Path, n_import: int) -> dict:
    from hbviewer.core.briefing.summary import SummaryScope

    work = Path(tempfile.mkdtemp())
    copy = work / "library.sqlite3"
    copy.write_bytes(library.read_bytes())
    probe = WindowProbe(copy, work / "s.ini")
    window, measure = probe.window, probe.measure
    extra = write_corpus(n_import, seed=2)
    results = {
        # Until the region tree has been recounted: what follows an import is part of it.
        "import_ms": measure(lambda: window.import_paths([extra.folder], quiet=True), window.summaryShown),
        "search_ms": measure(lambda: window.library_pane.set_filter(), window.library_pane.resultsChanged),
    }
    window.library_pane.search_box.setText("科技")
    results["search_text_ms"] = measure(window.library_pane.run_search, window.library_pane.resultsChanged)
    results["export_ms"] = measure(lambda: window.export_to(str(work / "b.xlsx"), SummaryScope()),
                                   window.exportFinished)
    window.library_pane.set_filter(article_ids=None)
    probe.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--import-articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--library", type=Path, help="an existing library instead of one built for --articles")
    parser.add_argument("--memory-only", action="store_true", help="only the memory of the open window")
    parser.add_argument("--blocking-run", action="store_true", help=argparse.SUPPRESS)  # one run, JSON out
    args = parser.parse_args()
    library = args.library or build_library(args.articles)
    if args.blocking_run:
        print(json.dumps(blocking(library, args.import_articles)))
        return 0
    if args.memory_only:
        result = memory(library)
        print(f"library: {library.name}; window RSS: {result}")
        OUT.mkdir(exist_ok=True)
        (OUT / f"ui-memory-{library.stem}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        return 0
    # Each run in a process of its own, as the app has one window per process.
    runs = [json.loads(subprocess.run(
        [sys.executable, __file__, "--blocking-run", "--library", str(library), "--import-articles",
         str(args.import_articles)], capture_output=True, text=True, check=True).stdout.splitlines()[-1])
        for _ in range(args.repeat)]
    results = {"articles": args.articles, "cold_start": cold_start(library, args.repeat),
               "ui_longest_wait": {key: max(r[key] for r in runs) for key in runs[0]},
               "ui_wait_runs": runs}
    OUT.mkdir(exist_ok=True)
    (OUT / "ui.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    cs, ui = results["cold_start"], results["ui_longest_wait"]
    print(f"library: {args.articles} articles")
    print(f"cold start: window shown {cs['window_shown_s']:.2f} s, usable {cs['usable_s']:.2f} s "
          f"(median of {args.repeat}, {cs['usable_min_s']:.2f}–{cs['usable_max_s']:.2f})")
    for key, label in (("import_ms", f"import of {args.import_articles} articles"), ("search_ms", "list all"),
                       ("search_text_ms", "search 科技"), ("export_ms", "export briefing")):
        each = ", ".join(f"{r[key]:.0f}" for r in results["ui_wait_runs"])
        print(f"longest UI wait during {label}: {ui[key]:.0f} ms (the worst of {args.repeat} runs: {each})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
