"""Writing an export atomically: a temporary file beside the target, renamed over it when complete.

Both exports (the workbook and the Word briefing) write this way, so a failure
half-way (a full disk, the target open in Excel or Word, an error in the code)
leaves the previous file as it was and no partial file behind. The temporary
file is hidden (``.name-….docx.tmp``) and removed on every failure; one left by
an export that was killed is removed by the next export of that name. The file
gets the permissions of a plain new file (the user's umask), so colleagues on a
shared folder can open it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # a quota is a full disk too
_STALE_SECONDS = 120  # a temporary file this old is an export that was killed, not one under way
_NEARLY_FULL = 1 << 20  # bytes free: below this, a writer's odd error is the disk filling up


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
                     error: type[WriteError], program: str, noun: str) -> None:
    """Call ``write(temporary path)``, then move the finished file to ``target``.

    ``error`` is the exception raised with the user's message; ``program`` (Excel,
    Word or WPS) and ``noun`` (workbook, briefing) go into it.
    """
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"The folder {folder} does not exist.", "folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise error(f"{target.name} cannot be overwritten (it is read-only or locked). "
                    f"Close it in {program} or choose another name.", "locked")
    _remove_stale(folder, target, suffix)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f"{suffix}.tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise error(f"Cannot write in {folder}: {exc.strerror or exc}.", "folder") from None
    tmp = Path(tmp_name)
    try:
        write(tmp)
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
    except Exception:
        full = _nearly_full(folder)
        tmp.unlink(missing_ok=True)
        if full:  # a writer (lxml, zipfile) that met the full disk and said something else
            raise error(f"The {noun} could not be written: the disk holding {folder} is full. Free some "
                        "space and export again.", "disk_full") from None
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def _remove_stale(folder: Path, target: Path, suffix: str) -> None:
    """Temporary files of earlier exports of this name that were killed half-way."""
    now = time.time()
    for stale in folder.glob(f".{target.stem}-*{suffix}.tmp"):
        try:
            if now - stale.stat().st_mtime > _STALE_SECONDS:
                stale.unlink()
        except OSError:
            pass  # another program's, or gone already


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
