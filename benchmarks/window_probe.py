"""The window under load, for the benchmarks that time it: a cached library and a probe of the UI thread.

A 10 ms QTimer ticks while work runs in the background; the longest gap between
two ticks is how long the UI thread was kept from answering. The ticks are kept
(``probe.ticks``), so a long gap can be placed in time against the work.

Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
from corpus import OUT, write_corpus  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_library(n: int) -> Path:
    """A library of ``n`` corpus articles, built once and kept in benchmarks/out/."""
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library

    path = OUT / f"ui-library-{n}.sqlite3"
    if path.exists():
        return path
    corpus = write_corpus(n)
    lib = Library.open(path)
    import_paths(lib, [corpus.folder])
    lib.close()
    return path


class WindowProbe:
    """A shown MainWindow on ``library``, settled after its first summary, and a tick probe."""

    def __init__(self, library: Path, settings_file: Path):
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from hbviewer.ui.controller import LibraryController
        from hbviewer.ui.main_window import MainWindow
        from hbviewer.ui.settings import AppSettings

        self.app = QApplication.instance() or QApplication(["bench"])
        sys.setswitchinterval(0.0002)  # as hbviewer.ui.app.run sets it
        self.controller = LibraryController(library)
        self.window = MainWindow(self.controller, AppSettings(QSettings(str(settings_file), QSettings.IniFormat)))
        self.window.show()
        self.ticks: list[float] = []
        self.started = self.ended = 0.0  # when the measured work was started, and seen to end
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self._settle()

    def _spin(self, done, timeout_s: float) -> None:
        deadline = time.time() + timeout_s
        while not done() and time.time() < deadline:
            self.app.processEvents()
            time.sleep(0.001)

    def _settle(self) -> None:
        # The window's own start (first paint, the first summary) is cold start, measured apart:
        # the work starts once the window has settled, as a user's would.
        settled = []
        self.window.summaryShown.connect(lambda: settled.append(1))
        self._spin(lambda: settled, 120)
        end = time.time() + 0.5
        self._spin(lambda: time.time() >= end, 1)

    def measure(self, start_work, done_signal, timeout_s: float = 600) -> float:
        """The longest gap (ms) between two ticks from ``start_work()`` until ``done_signal`` fires."""
        finished = []
        done_signal.connect(lambda *_: finished.append(1))
        self.ticks.clear()
        self.timer.start()
        self.started = time.perf_counter()
        start_work()
        self._spin(lambda: finished, timeout_s)
        self.ended = time.perf_counter()
        self.timer.stop()
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:])]
        return max(gaps) * 1000 if gaps else float("nan")

    def _bounded(self) -> list[float]:
        return [self.started, *self.ticks, self.ended]

    def bounded_wait_ms(self) -> float:
        """The longest gap of the last measure, counting its start and end as ticks.

        Work shorter than two ticks then still has a wait: at most its whole duration.
        """
        marks = self._bounded()
        return max(b - a for a, b in zip(marks, marks[1:])) * 1000

    def long_gaps(self, over_ms: float) -> list[tuple[float, float]]:
        """(when after the start, s; how long, ms) of each gap of the last measure over ``over_ms``."""
        marks = self._bounded()
        return [(round(a - self.started, 3), round((b - a) * 1000, 1))
                for a, b in zip(marks, marks[1:]) if (b - a) * 1000 > over_ms]

    def close(self) -> None:
        self.controller.close()
