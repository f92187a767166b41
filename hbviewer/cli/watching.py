"""``watch``: import what appears in a folder, until Ctrl+C.

One line for each file imported or refused; with ``--json``, one JSON object a line
(JSON Lines) on standard output, and what the watch itself says on standard error.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sys
import threading
from dataclasses import asdict

from .importing import back_up_if_due, print_results
from .output import EXIT_BAD_INPUT, EXIT_OK, cannot_write

# Windows does not interrupt a wait on a lock for Ctrl+C: there the wait wakes twice a second
# to see whether it came. Elsewhere it waits for the next files with no timeout at all.
_IDLE_WAIT = None if os.name == "posix" else 0.5

_STATUS = {
    "missing": "warning: the watched folder {0} is not there (any more); its files are imported when it is back.",
    "back": "The watched folder {0} is back: watching it again.",
    "cannot_watch": "warning: the folder cannot be watched: {0}. Trying again every few seconds.",
}


def cmd_watch(args, lib) -> int:
    from ..core.watching import SETTLE_SECONDS, FolderWatcher

    if cannot_write(lib, "files cannot be imported into it."):
        return EXIT_BAD_INPUT
    if os.path.exists(args.folder) and not os.path.isdir(args.folder):
        print(f"error: {args.folder} is a file, not a folder: give the folder to watch.", file=sys.stderr)
        return EXIT_BAD_INPUT

    ready: queue.Queue = queue.Queue()
    stop = threading.Event()
    importing = threading.Event()

    def interrupted(_signum, _frame) -> None:
        stop.set()  # an import under way stops between two files: each file is kept whole or not at all
        if not importing.is_set():
            raise KeyboardInterrupt

    def status(what: str, details: str) -> None:
        print(_STATUS[what].format(details), file=sys.stderr if what != "back" or args.json else sys.stdout,
              flush=True)

    settle = SETTLE_SECONDS if args.settle is None else max(0.0, args.settle)
    watcher = FolderWatcher(args.folder, ready.put, on_status=status, settle=settle)
    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        importing.set()  # a Ctrl+C while the watch starts stops it once started, not half-way
        watcher.start()
        importing.clear()
        print(f"Watching {watcher.folder} (Ctrl+C to stop).", file=sys.stderr if args.json else sys.stdout,
              flush=True)
        while not stop.is_set():
            try:
                paths = ready.get(timeout=_IDLE_WAIT)
            except queue.Empty:
                continue
            importing.set()
            code = _import(lib, paths, args, stop)
            importing.clear()
            if code == "damaged":  # nothing more is written to a damaged library
                return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
        watcher.stop()
        print("Stopped watching.", file=sys.stderr if args.json else sys.stdout, flush=True)
    return EXIT_OK


def _import(lib, paths, args, stop: threading.Event) -> str:
    """Import the files that settled and say what became of each; why the import stopped, if it did."""
    from ..core.importer import import_paths

    report = import_paths(lib, paths, should_stop=stop.is_set, max_bytes=int(args.max_file_mb * 1024 * 1024),
                          workers=args.workers)
    if args.json:
        for f in report.files:
            if f.status != "unchanged":
                print(json.dumps(asdict(f), ensure_ascii=False), flush=True)
    else:
        print_results(report, unchanged=False)
    if report.stopped:  # a full disk, a lost server: every later file would meet it too
        print(f"error: {report.stopped}", file=sys.stderr, flush=True)
    back_up_if_due(lib, report)
    return report.stopped_code
