"""Import a folder of pages into a fresh library, in a process of its own.

Run as a separate process so that its peak RSS is the import's alone (not the
benchmark's in-memory corpus and baseline engines), and so that every repeat
starts cold as a user's import does: OpenCC and the splitter's dictionary are
loaded inside the timed part. Prints one JSON object on stdout.

    python benchmarks/import_job.py PAGES_FOLDER LIBRARY_FILE [--profile OUT.prof]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))  # last: PYTHONPATH may name the hbviewer tree to measure


def rss_kib(field: str = "VmRSS") -> int:
    """Resident memory from /proc; VmHWM is the peak of this process alone.

    getrusage's ru_maxrss is only the fallback: on Linux it survives fork and
    exec, so a child of a large benchmark process would report the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(pages: Path, library_file: Path, profile: Path | None) -> dict:
    from hbviewer.core.importer import import_paths
    from hbviewer.core.store.sqlite import SqliteLibrary as Library

    for leftover in (library_file, Path(f"{library_file}-wal"), Path(f"{library_file}-shm")):
        leftover.unlink(missing_ok=True)
    rss_before = rss_kib()
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.perf_counter()
    library = Library.open(library_file)
    t1 = time.perf_counter()
    report = import_paths(library, [pages])
    t2 = time.perf_counter()
    stats = library.stats()
    library.close()  # checkpoints the WAL into the library file
    t3 = time.perf_counter()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    return {
        "seconds": t3 - t0,
        "open_seconds": t1 - t0,
        "import_seconds": t2 - t1,
        "close_seconds": t3 - t2,
        "files": len(report.files),
        "failed": [f.error for f in report.failed],
        "articles_stored": report.articles_added,
        "duplicates_skipped": report.duplicates,
        "characters_stored": stats["characters"],
        "library_bytes": library_file.stat().st_size,
        "rss_before_kib": rss_before,
        "rss_peak_kib": rss_kib("VmHWM"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("library", type=Path)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    print(json.dumps(run(args.pages, args.library, args.profile)))


if __name__ == "__main__":
    main()
