"""Writing an export atomically: a temporary file beside the target, renamed over it when complete.

Both exports (the workbook and the Word briefing) write this way, so a failure
half-way (a full disk, the target open in Excel or Word, an error in the code)
leaves the previous file as it was and no partial file behind. The temporary
file is hidden (``.name-….docx.tmp``) and removed on every failure.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # a quota is a full disk too


class WriteError(Exception):
    """An export could not be written; the message says why, for the user.

    ``code`` says what went wrong, for a caller that reacts to it: ``folder``
    (it does not exist or cannot be written in), ``locked`` (the target is open
    in another program or read-only), ``disk_full``, or ``failed``.
    """

    def __init__(self, message: str, code: str = "failed"):
        super().__init__(message)
        self.code = code


def write_atomically(target: Path, suffix: str, write: Callable[[Path], None], *,
                     error: type[WriteError], program: str, noun: str, keep_mode: bool = False) -> None:
    """Call ``write(temporary path)``, then move the finished file to ``target``.

    ``error`` is the exception raised with the user's message; ``program`` (Excel,
    Word or WPS) and ``noun`` (workbook, briefing) go into it. ``keep_mode`` gives
    the file the permissions a plain new file would have (or the old target's),
    not the owner-only ones of a temporary file.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"The folder {folder} does not exist.", "folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise error(f"{target.name} cannot be overwritten (it is read-only or locked). "
                    f"Close it in {program} or choose another name.", "locked")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f"{suffix}.tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise error(f"Cannot write in {folder}: {exc.strerror or exc}.", "folder") from None
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if keep_mode:
            _give_mode(tmp, target)
        os.replace(tmp, target)
    except PermissionError:
        tmp.unlink(missing_ok=True)
        raise error(f"{target.name} is open in another program or not writable. "
                    "Close it and export again, or choose another name.", "locked") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        code = "disk_full" if exc.errno in _DISK_FULL else "failed"
        raise error(f"The {noun} could not be written: {exc.strerror or exc}.", code) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _give_mode(tmp: Path, target: Path) -> None:
    """The old target's permissions, else what the umask gives a new file (mkstemp makes it 0600)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


def _umask() -> int:
    """The process's umask, read without setting it (``os.umask`` would change it for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022  # the usual default where there is no /proc (macOS)
