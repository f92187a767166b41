"""What every command shares: exit codes, JSON output and the progress bar."""

from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_NOTHING, EXIT_BAD_INPUT = 0, 1, 2


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def cannot_write(lib, refusal: str) -> bool:
    """Whether ``lib`` may not be written to, said on stderr: read-only (``refusal`` says what is
    refused), or damaged (a damaged file is never written to)."""
    if lib.read_only:
        print(f"error: the library {lib.path} is read-only here: {refusal}", file=sys.stderr)
        return True
    health = lib.check(quick=True)
    if not health.ok:
        print(f"error: {health.message()}", file=sys.stderr)
        return True
    return False


class TerminalProgress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.enabled = stream.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = int(width * done / total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()
