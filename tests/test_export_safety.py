"""Exports on a full disk, beside a killed export's leftovers, and with the user's permissions."""

import errno
import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from hbviewer.core.briefing.briefing import build_briefing
from hbviewer.core.briefing.excel import ExportError, write_workbook
from hbviewer.core.briefing.summary import build_summary
from hbviewer.core.briefing.word import BriefingError, write_briefing


@pytest.fixture(scope="module")
def summary(seed_library):
    return build_summary(seed_library)


@pytest.fixture(scope="module")
def draft(seed_library):
    return build_briefing(seed_library)


@pytest.fixture
def small_disk(tmp_path):
    """A 256 kB file system, where mounting one is allowed (as root); else the test is skipped."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"no small file system can be mounted here ({done.stderr.strip()}); "
                    "test_a_full_disk_reported_as_such covers an injected ENOSPC")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    (folder / "fill").write_bytes(b"\0" * max(0, free - leave))


WRITERS = [("workbook", lambda s, d, path: write_workbook(s, path), ExportError, ".xlsx"),
           ("briefing", lambda s, d, path: write_briefing(d, path), BriefingError, ".docx")]


@pytest.mark.parametrize("name,write,error,suffix", WRITERS, ids=[w[0] for w in WRITERS])
def test_a_really_full_disk_says_so_and_leaves_nothing(small_disk, summary, draft, name, write, error, suffix):
    _fill(small_disk, leave=16 * 1024)
    with pytest.raises(error) as caught:
        write(summary, draft, small_disk / f"out{suffix}")
    assert caught.value.code == "disk_full" and ("space" in str(caught.value) or "full" in str(caught.value))
    assert sorted(p.name for p in small_disk.iterdir()) == ["fill"]


@pytest.mark.parametrize("name,write,error,suffix", WRITERS, ids=[w[0] for w in WRITERS])
def test_a_full_disk_reported_as_such(tmp_path, monkeypatch, summary, draft, name, write, error, suffix):
    def no_space(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", no_space)
    (tmp_path / f"out{suffix}").write_text("the previous one", encoding="utf-8")
    with pytest.raises(error) as caught:
        write(summary, draft, tmp_path / f"out{suffix}")
    assert caught.value.code == "disk_full"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out{suffix}"]
    assert (tmp_path / f"out{suffix}").read_text(encoding="utf-8") == "the previous one"


@pytest.mark.parametrize("name,write,error,suffix", WRITERS, ids=[w[0] for w in WRITERS])
def test_a_killed_exports_leftover_is_removed_next_time(tmp_path, summary, draft, name, write, error, suffix):
    stale = tmp_path / f".out-k1ll3d{suffix}.tmp"
    stale.write_bytes(b"half a file")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / f".out-busy{suffix}.tmp"  # another export of the same name, under way now
    fresh.write_bytes(b"being written")
    other = tmp_path / f".other-k1ll3d{suffix}.tmp"
    other.write_bytes(b"another name's")
    os.utime(other, (old, old))
    write(summary, draft, tmp_path / f"out{suffix}")
    assert not stale.exists() and fresh.exists() and other.exists()


@pytest.mark.parametrize("name,write,error,suffix", WRITERS, ids=[w[0] for w in WRITERS])
def test_the_file_gets_the_users_normal_permissions(tmp_path, summary, draft, name, write, error, suffix):
    previous = os.umask(0o022)
    try:
        write(summary, draft, tmp_path / f"out{suffix}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / f"out{suffix}").stat().st_mode) == 0o644
