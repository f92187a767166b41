"""Reviewing figures by keyboard: how long the UI thread keeps the reviewer waiting per action.

Usage: python benchmarks/review_bench.py [--articles 10000] [--actions 100] [--pace 0.6]

Opens the window on a copy of a library of N corpus articles (built once, kept in
benchmarks/out/), opens the review queue (Tools → To review) and reviews --actions figures
as a reviewer would, with key events on the queue: Enter (accept) mostly, Delete (reject)
every fifth, E (edit: the form filled and confirmed) every tenth. After each key it waits
until the correction is written and the article view shows the next figure, then --pace
seconds more (a reviewer reads the next figure), 2 s after every tenth: the region summary
and the library list are recounted after a pause, so that those waits are counted too.

A 10 ms QTimer ticks throughout; an action's wait is the longest gap between two ticks from
its key press until the next action's, the key's own handling included (goal ≤ 50 ms). It is
also given for the part from the key until the next figure is shown, the pause left out.
Prints the worst, the 95th percentile and the median, and writes JSON to
benchmarks/out/review.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from corpus import OUT  # noqa: E402
from window_probe import WindowProbe, build_library  # noqa: E402  (sets QT_QPA_PLATFORM=offscreen)


class Reviewer:
    def __init__(self, probe: WindowProbe):
        self.probe = probe
        self.window = probe.window
        self.corrections = self.window.corrections
        self.queue = self.corrections.queue
        self.dialogs: list = []
        self.corrections.actions.dialogOpened.connect(self.dialogs.append)

    def open_queue(self) -> int:
        loaded = []
        self.queue.loaded.connect(lambda: loaded.append(1))
        self.corrections.queue_action.trigger()
        self.probe._spin(lambda: loaded, 600)
        self.queue.table.setFocus()
        self._wait_shown()
        return len(self.queue.model.items)

    def _shown(self) -> bool:
        row = self.queue.current_row()
        view = self.window.article_view
        if row < 0 or view.article is None:
            return False
        item = self.queue.model.items[row]
        return view.article.id == item.article_id and view.textCursor().selectedText() == item.figure.text

    def _wait_shown(self) -> None:
        self.probe._spin(lambda: self._shown() and not self.corrections.flow.busy(), 60)

    def act(self, n: int, pace: float) -> tuple[float, float]:
        """One action by keyboard: its longest UI-thread wait in ms from the key until the next figure is
        shown and the correction written, and in the pause after it (until the next action may start)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        probe = self.probe
        probe.ticks.clear()
        probe.timer.start()
        probe.started = time.perf_counter()
        table = self.queue.table
        if n % 10 == 9:
            before = len(self.dialogs)
            QTest.keyClick(table, Qt.Key_E)
            probe._spin(lambda: len(self.dialogs) > before, 10)
            dialog = self.dialogs[-1]
            dialog.indicator_edit.setText(dialog.indicator_edit.text() + "（核）")
            QTest.keyClick(dialog.indicator_edit, Qt.Key_Return)  # the form's OK
            table.setFocus()
        else:
            QTest.keyClick(table, Qt.Key_Delete if n % 5 == 4 else Qt.Key_Return)
        self._wait_shown()
        shown = time.perf_counter()
        pause = pace if n % 10 != 9 else max(pace, 2.0)  # now and then a longer look: the summary recounts
        end = time.time() + pause
        probe._spin(lambda: time.time() >= end, pause + 1)
        probe.ended = time.perf_counter()
        probe.timer.stop()
        marks = probe._bounded()
        gaps = [(a, b - a) for a, b in zip(marks, marks[1:])]
        key = max((g for a, g in gaps if a < shown), default=0.0) * 1000
        after = max((g for a, g in gaps if a >= shown), default=0.0) * 1000
        return key, after


def run(library: Path, actions: int, pace: float) -> dict:
    work = Path(tempfile.mkdtemp())
    copy = work / "library.sqlite3"
    copy.write_bytes(library.read_bytes())
    probe = WindowProbe(copy, work / "s.ini")
    reviewer = Reviewer(probe)
    t0 = time.perf_counter()
    queued = reviewer.open_queue()
    queue_s = time.perf_counter() - t0
    both = [reviewer.act(n, pace) for n in range(min(actions, queued))]
    waits = [max(key, after) for key, after in both]
    keys = sorted(key for key, _after in both)
    lib = probe.controller.library()
    statuses = [item.status for item in reviewer.queue.model.items[:len(waits)]]
    written = sum(lib.figure(item.figure.id) is not None and lib.figure(item.figure.id)[1].status != "automatic"
                  for item in reviewer.queue.model.items[:len(waits)])
    boxes = len(reviewer.corrections.flow.boxes)
    probe.close()
    ordered = sorted(waits)
    return {"queued": queued, "queue_read_s": round(queue_s, 2), "actions": len(waits),
            "longest_wait_ms": round(ordered[-1], 1), "p95_wait_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "median_wait_ms": round(statistics.median(ordered), 1),
            "key_longest_wait_ms": round(keys[-1], 1), "key_p95_wait_ms": round(keys[int(0.95 * (len(keys) - 1))], 1),
            "key_median_wait_ms": round(statistics.median(keys), 1), "written": written,
            "statuses": {s: statuses.count(s) for s in sorted(set(statuses))}, "error_boxes": boxes,
            "waits_ms": [[round(k, 1), round(a, 1)] for k, a in both]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--library", type=Path, help="an existing library instead of one built for --articles")
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--pace", type=float, default=0.6, help="seconds between an action's end and the next")
    args = parser.parse_args()
    library = args.library or build_library(args.articles)
    result = {"library": library.name, **run(library, args.actions, args.pace)}
    OUT.mkdir(exist_ok=True)
    (OUT / "review.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"library: {library.name}; queue of {result['queued']} read in {result['queue_read_s']} s")
    print(f"{result['actions']} actions by keyboard ({result['statuses']}), {result['written']} written, "
          f"{result['error_boxes']} error boxes")
    print(f"longest UI-thread wait per action: worst {result['longest_wait_ms']} ms, "
          f"95th percentile {result['p95_wait_ms']} ms, median {result['median_wait_ms']} ms (goal ≤ 50 ms)")
    print(f"  from the key until the next figure is shown: worst {result['key_longest_wait_ms']} ms, "
          f"95th percentile {result['key_p95_wait_ms']} ms, median {result['key_median_wait_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
