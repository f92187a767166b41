"""The watched folder: CPU while idle, and the time from a copy to the file imported.

Usage: python benchmarks/watch_bench.py [--idle 30] [--files 10] [--settle 1.0] [--existing 500]

* idle CPU, in this process: a FolderWatcher on a folder of ``--existing`` files
  (all handed on and imported first) left alone for ``--idle`` seconds; the
  process's CPU time and voluntary context switches over that time, beside the
  same seconds of plain sleep;
* idle CPU of ``hbviewer-cli watch`` itself (Linux: read from /proc), over the
  same seconds once it has imported what the folder held;
* copy to imported: ``--files`` pages copied one at a time into the watched
  folder, from the end of the copy to the end of the import (FolderWatcher and
  the importer in this process, jieba and the library already warm), and for the
  CLI from the copy to its line on standard output. ``--settle`` is the time a
  file must stay unchanged (the program's default: 1 s); it is most of the wait.

The pages are the bundled samples (seeds/), each copy made unique by a line of
its own, so none is taken for one already imported.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.append(str(BENCH.parent))  # last: PYTHONPATH may name the hbviewer tree to measure

import report  # noqa: E402

SEEDS = BENCH.parent / "seeds"


def unique_page(n: int) -> str:
    seeds = sorted(SEEDS.glob("*.txt"))
    return seeds[n % len(seeds)].read_text(encoding="utf-8") + f"\n\n（本页编号：{n}。）\n"


def cpu_and_switches() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, usage.ru_nvcsw + usage.ru_nivcsw


def idle_in_process(work: Path, seconds: float, existing: int, settle: float) -> dict:
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.watching import FolderWatcher

    folder = work / "idle"
    folder.mkdir()
    for n in range(existing):
        (folder / f"page-{n:05d}.txt").write_text(unique_page(n), encoding="utf-8")
    lib = Library.open(work / "idle.sqlite3")
    imported = threading.Event()
    counted = []

    def ready(paths):
        counted.append(len(import_paths(lib, paths).files))
        if sum(counted) >= existing:
            imported.set()

    cpu0, _ = cpu_and_switches()
    time.sleep(seconds)
    sleep_cpu, _ = cpu_and_switches()
    sleep_cpu -= cpu0

    watcher = FolderWatcher(folder, ready, settle=settle)
    started = time.perf_counter()
    watcher.start()
    if existing:
        imported.wait(timeout=3600)
    first = time.perf_counter() - started
    time.sleep(settle)  # let the last import's commits and the timer go quiet
    cpu0, switches0 = cpu_and_switches()
    time.sleep(seconds)
    cpu1, switches1 = cpu_and_switches()
    watcher.stop()
    lib.close()
    return {"seconds": seconds, "existing_files": existing, "import_existing_s": first,
            "sleep_cpu_s": sleep_cpu, "watch_cpu_s": cpu1 - cpu0, "context_switches": switches1 - switches0}


def copy_to_imported(work: Path, files: int, settle: float) -> dict:
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library
    from hbviewer.core.watching import FolderWatcher

    folder, outside = work / "latency", work / "latency-src"
    folder.mkdir()
    outside.mkdir()
    lib = Library.open(work / "latency.sqlite3")
    import_paths(lib, [SEEDS], workers=1)  # jieba and the library warm, as in a window that has run a while
    done: queue.Queue = queue.Queue()

    def ready(paths):
        import_paths(lib, paths, workers=1)
        for _ in paths:
            done.put(time.perf_counter())

    watcher = FolderWatcher(folder, ready, settle=settle)
    watcher.start()
    waits = []
    for n in range(files):
        source = outside / f"copy-{n:03d}.txt"
        source.write_text(unique_page(1000 + n), encoding="utf-8")
        shutil.copy(source, folder / source.name)
        copied = time.perf_counter()
        waits.append(done.get(timeout=60) - copied)
    watcher.stop()
    lib.close()
    return {"files": files, "settle_s": settle, "copy_to_imported_s": report.spread(waits)}


def proc_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cli(work: Path, seconds: float, files: int, settle: float) -> dict:
    folder, library = work / "cli", work / "cli.sqlite3"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "hbviewer.cli", "--library", str(library), "watch", str(folder),
                             "--settle", str(settle)], stdout=subprocess.PIPE, text=True, encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.perf_counter(), line)) for line in proc.stdout],
                     daemon=True).start()
    try:
        lines.get(timeout=60)  # "Watching …"
        waits = []
        for n in range(files):
            target = folder / f"cli-{n:03d}.txt"
            tmp = work / target.name
            tmp.write_text(unique_page(2000 + n), encoding="utf-8")
            shutil.copy(tmp, target)
            copied = time.perf_counter()
            while True:
                at, line = lines.get(timeout=60)
                if target.name in line:
                    waits.append(at - copied)
                    break
        time.sleep(settle + 1)
        cpu0 = proc_cpu(proc.pid)
        time.sleep(seconds)
        cpu1 = proc_cpu(proc.pid)
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    return {"exit_code": code, "first_copy_to_line_s": waits[0] if waits else None,
            "later_copy_to_line_s": report.spread(waits[1:]),
            "idle_cpu_s": None if cpu0 is None or cpu1 is None else cpu1 - cpu0, "idle_seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=float, default=30.0, help="seconds left idle")
    parser.add_argument("--files", type=int, default=10, help="pages copied in one at a time")
    parser.add_argument("--settle", type=float, default=None, help="seconds a file must stay unchanged")
    parser.add_argument("--existing", type=int, default=500, help="files in the folder when watching starts")
    args = parser.parse_args()
    from hbviewer.core.watching import SETTLE_SECONDS

    settle = SETTLE_SECONDS if args.settle is None else args.settle
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {"machine": report.machine(), "idle": idle_in_process(work, args.idle, args.existing, settle),
                   "latency": copy_to_imported(work, args.files, settle),
                   "cli": cli(work, args.idle, args.files, settle)}
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    (out / "watch.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    idle, latency, cli_run = results["idle"], results["latency"], results["cli"]
    print(report.markdown_table(["measure", "value"], [
        [f"CPU over {args.idle:g} s of plain sleep", f"{idle['sleep_cpu_s'] * 1000:.1f} ms"],
        [f"CPU over {args.idle:g} s idle, watching {idle['existing_files']} files",
         f"{idle['watch_cpu_s'] * 1000:.1f} ms"],
        ["context switches while idle (the whole process)", str(idle["context_switches"])],
        [f"importing the {idle['existing_files']} files there at start", f"{idle['import_existing_s']:.1f} s"],
        [f"copy to imported, settle {settle:g} s (median, min–max of {args.files})",
         report.fmt(latency["copy_to_imported_s"], 2) + " s"],
        [f"hbviewer-cli watch: CPU over {args.idle:g} s idle",
         "—" if cli_run["idle_cpu_s"] is None else f"{cli_run['idle_cpu_s'] * 1000:.0f} ms"],
        ["hbviewer-cli watch: first copy to its line (jieba loads)", f"{cli_run['first_copy_to_line_s']:.2f} s"],
        ["hbviewer-cli watch: later copies to their line", report.fmt(cli_run["later_copy_to_line_s"], 2) + " s"],
        ["hbviewer-cli watch: exit code after Ctrl+C", str(cli_run["exit_code"])],
    ]))
    print(f"median of copy to imported: {statistics.median(latency['copy_to_imported_s']['runs']):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
