"""Checking and backing up a large library: what each costs, and how long the window's UI thread waits meanwhile.

Usage: python benchmarks/safety_bench.py [--articles 100000 [10000 ...]] [--repeat 3] [--profile]

For each size, on the SQLite library of N corpus articles that ui_bench builds
and caches in benchmarks/out/:

* the time of ``lib.check(quick=True)``, ``lib.check()`` and
  ``maintenance.backup_now(lib)``, the backup's size, and the time of a
  rotation that deletes one full-size backup among twenty (a month of use);
* the longest UI-thread wait while each runs in the background through the
  window's ``LibraryController.run`` with a MainWindow shown (the 10 ms QTimer
  probe of ui_bench, the start and the end counted as ticks; 50 ms is the goal),
  and first, as a baseline, while nothing runs for three seconds.

Medians of --repeat runs; every window run is a process of its own. The page
cache is warm (the library was read just before), as it is for a library in use.
The library itself is never written: it is opened through a link in a work
folder, so backups are made there and removed afterwards. --profile keeps a
cProfile of the UI thread during each operation (benchmarks/out/safety-ui-*.prof).
Prints a table and writes benchmarks/out/safety-N.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from corpus import OUT  # noqa: E402
from window_probe import WindowProbe, build_library  # noqa: E402  (sets QT_QPA_PLATFORM=offscreen)

GOAL_MS = 50
IDLE_MS = 3000
OPERATIONS = ("quick_check", "full_check", "backup", "rotation")
LABELS = {"idle": f"idle ({IDLE_MS / 1000:.0f} s)", "quick_check": "check (quick)", "full_check": "check (full)",
          "backup": "backup", "rotation": "rotation"}


def work_folder(library: Path) -> tuple[Path, Path]:
    """A fresh folder holding a link to the cached library: its backups go there, not beside the cache."""
    work = OUT / f"safety-work-{library.stem}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    link = work / "library.sqlite3"
    link.symlink_to(library.resolve())
    return work, link


def prepare_rotation(link: Path, backup: Path) -> datetime:
    """Beside ``backup``, the backups a month of use leaves, and one old enough to go (a full copy).

    The kept ones are hard links: rotation only lists them. The one it deletes is a
    real file of the backup's size, as it is after each backup in steady use.
    """
    from hbviewer.core.store.sqlite.backups import new_backup_path, to_keep

    now = datetime.now()
    made = [now - timedelta(minutes=30 * k) for k in range(1, 10)] + [now - timedelta(days=d) for d in range(1, 28)]
    for stamp in sorted(to_keep(made, now)):  # what rotation has left of a month's backups
        os.link(backup, new_backup_path(link, now=stamp))
    shutil.copyfile(backup, new_backup_path(link, now=now - timedelta(days=40)))
    return now


def operations(link: Path):
    """(name, fn(lib) -> extra facts, setup before it) for the four operations, in order."""
    from hbviewer.core.store.maintenance import backup_now
    from hbviewer.core.store.sqlite.backups import backup_folder, rotate

    made: list[Path] = []
    stamp: list[datetime] = []

    def check(quick):
        def fn(lib):
            report = lib.check(quick=quick)
            return {"ok": report.ok}
        return fn

    def backup(lib):
        path = backup_now(lib)
        made.append(path)
        return {"backup_bytes": path.stat().st_size}

    def rotation(lib):
        return {"deleted": len(rotate(lib.path, now=stamp[0]))}

    def before_backup():
        shutil.rmtree(backup_folder(link), ignore_errors=True)

    def before_rotation():
        stamp[:] = [prepare_rotation(link, made[-1])]

    return [("quick_check", check(True), None), ("full_check", check(False), None),
            ("backup", backup, before_backup), ("rotation", rotation, before_rotation)]


def direct_run(link: Path) -> dict:
    """The four operations on the library, one after the other, in this process: seconds and facts."""
    from hbviewer.core.store.sqlite import SqliteLibrary

    lib = SqliteLibrary.open(link)
    result = {}
    try:
        for name, fn, setup in operations(link):
            if setup:
                setup()
            t0 = time.perf_counter()
            facts = fn(lib)
            result[name] = {"s": time.perf_counter() - t0, **facts}
    finally:
        lib.close()
    return result


def window_run(link: Path, profile: bool) -> dict:
    """The four operations through the window's controller, with the UI-thread probe: longest waits."""
    from PySide6.QtCore import QObject, Signal

    class Finished(QObject):
        done = Signal()

    from PySide6.QtCore import QTimer

    probe = WindowProbe(link, link.parent / "s.ini")
    # The same probe with nothing running: what the machine alone costs the UI thread.
    idle = Finished()
    probe.measure(lambda: QTimer.singleShot(IDLE_MS, idle.done.emit), idle.done)
    result = {"idle": {"wait_ms": probe.bounded_wait_ms(), "long_gaps": probe.long_gaps(GOAL_MS)}}
    for name, fn, setup in operations(link):
        if setup:
            setup()
        finished, outcome = Finished(), {}

        def work(lib, _progress, _stop, fn=fn):
            t0 = time.perf_counter()
            facts = fn(lib)
            return {"s": time.perf_counter() - t0, **facts}

        def done(value, outcome=outcome, finished=finished):
            outcome.update(value)
            finished.done.emit()

        def failed(message, _details, outcome=outcome, finished=finished):
            outcome["error"] = message
            finished.done.emit()

        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()  # this thread only: the UI thread
            profiler.enable()
        probe.measure(lambda: probe.controller.run(work, done, failed), finished.done)
        wait = probe.bounded_wait_ms()
        if profiler:
            profiler.disable()
            size = link.resolve().stem.removeprefix("ui-library-")
            profiler.dump_stats(OUT / f"safety-ui-{size}-{name}.prof")
        result[name] = {"wait_ms": wait, "long_gaps": probe.long_gaps(GOAL_MS), **outcome}
    probe.close()
    return result


def measure_size(n: int, repeat: int, profile: bool, library: Path | None) -> dict:
    library = library or build_library(n)
    work, link = work_folder(library)
    try:
        direct = [direct_run(link) for _ in range(repeat)]
        windows = [json.loads(subprocess.run(
            [sys.executable, __file__, "--window-run", str(link)] + (["--profile"] if profile else []),
            capture_output=True, text=True, check=True).stdout.splitlines()[-1]) for _ in range(repeat)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = statistics.median
    summary = {name: {"s": median(r[name]["s"] for r in direct) if name in direct[0] else None,
                      "wait_ms": median(w[name]["wait_ms"] for w in windows),
                      "wait_ms_runs": [round(w[name]["wait_ms"], 1) for w in windows]} for name in ("idle", *OPERATIONS)}
    summary["backup"]["backup_bytes"] = direct[-1]["backup"]["backup_bytes"]
    return {"articles": n, "library": library.name, "library_bytes": library.stat().st_size,
            "repeat": repeat, "load_average": os.getloadavg(), "cpus": os.cpu_count(), "goal_ms": GOAL_MS,
            "median": summary, "direct_runs": direct, "window_runs": windows}


def print_table(result: dict) -> None:
    mib = lambda b: b / 2**20  # noqa: E731
    print(f"library: {result['articles']} articles, {mib(result['library_bytes']):.0f} MiB "
          f"(median of {result['repeat']}; load average {', '.join(f'{x:.1f}' for x in result['load_average'])})")
    print(f"{'operation':<15}{'time':>11}   longest UI wait (goal ≤ {GOAL_MS} ms)")
    for name in ("idle", *OPERATIONS):
        row = result["median"][name]
        took = ("" if row["s"] is None else f"{row['s'] * 1000:.0f} ms" if row["s"] < 1 else f"{row['s']:.2f} s")
        runs = ", ".join(f"{w:.0f}" for w in row["wait_ms_runs"])
        extra = f"   backup {mib(row['backup_bytes']):.0f} MiB" if "backup_bytes" in row else ""
        print(f"{LABELS[name]:<15}{took:>11}   {row['wait_ms']:.0f} ms ({runs}){extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--library", type=Path, help="an existing library file instead of one built for --articles")
    parser.add_argument("--profile", action="store_true", help="cProfile the UI thread during each operation")
    parser.add_argument("--window-run", type=Path, help=argparse.SUPPRESS)  # one window run, JSON out
    args = parser.parse_args()
    if args.window_run:
        print(json.dumps(window_run(args.window_run, args.profile)))
        return 0
    OUT.mkdir(exist_ok=True)
    for n in args.articles:
        result = measure_size(n, args.repeat, args.profile, args.library)
        (OUT / f"safety-{n}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
