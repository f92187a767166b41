"""ZIP archives: their importable members, read in memory one at a time, within size limits.

Member names are decoded as Chinese Windows and other tools write them; a
member that cannot be read (a password, an unknown compression, too large,
damaged) comes with the reason instead of stopping the rest.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from ..reading import DEFAULT_MAX_BYTES, TEXT_SUFFIXES, UnreadableFile, check_file, check_size, os_error
from .common import ARCHIVE_TOTAL_FACTOR, DOCUMENT_SUFFIXES, damaged


@dataclass
class ArchiveMember:
    """One importable file inside an archive: its data, or why it cannot be had."""

    name: str  # the member's path inside the archive, decoded
    data: bytes = b""
    error: UnreadableFile | None = None


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; names written without the UTF-8 flag are tried as UTF-8, then GBK.

    zipfile decodes such names as cp437, the DOS code page; Chinese Windows
    writes them in GBK, and some tools write UTF-8 without setting the flag.
    """
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            return name
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return name


def _clean_member_path(name: str) -> str:
    # Never used to write anything, but shown and stored: no "..", no leading "/".
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return str(PurePosixPath(*parts)) if parts else ""


def iter_archive(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArchiveMember]:
    """The importable members of a ZIP archive, read in memory one at a time.

    Raises :class:`UnreadableFile` for an archive that cannot be opened at all;
    a member that cannot be read comes with its ``error``. Members of other
    types, folders and nested archives are skipped. Each member may unpack to
    ``max_bytes``, all of them together to ten times that.
    """
    p = Path(path)
    name = p.name or str(p)
    try:
        check_file(p, ARCHIVE_TOTAL_FACTOR * max_bytes)
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise damaged(name, "ZIP archive") from None
    except OSError as exc:
        raise os_error(name, exc) from None
    with zf:
        budget = ARCHIVE_TOTAL_FACTOR * max_bytes
        for info in zf.infolist():
            inner = _clean_member_path(member_name(info))
            base = inner.rsplit("/", 1)[-1]
            if (info.is_dir() or not inner or base.startswith(".") or inner.startswith("__MACOSX/")
                    or not base.lower().endswith(TEXT_SUFFIXES + DOCUMENT_SUFFIXES)):
                continue
            label = f"{name}!/{inner}"
            if info.flag_bits & 0x1:
                yield ArchiveMember(inner, error=UnreadableFile(
                    "encrypted", f"{label} is protected by a password in the archive. Unpack the "
                    "archive with its password and import the files."))
                continue
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                yield ArchiveMember(inner, error=UnreadableFile(
                    "unsupported", f"{label} is packed with a compression method hbviewer does not "
                    "read. Unpack the archive and import the files."))
                continue
            try:
                check_size(label, info.file_size, max_bytes)
            except UnreadableFile as exc:
                yield ArchiveMember(inner, error=exc)
                continue
            if info.file_size > budget:
                yield ArchiveMember(inner, error=UnreadableFile(
                    "too_large", f"{label}: the archive unpacks to more than "
                    f"{ARCHIVE_TOTAL_FACTOR * max_bytes / 1048576:.0f} MB; the files after this one "
                    "were not read. Unpack the archive and import its folders."))
                return
            try:
                data = _read_member(zf, info, label, max_bytes)
            except UnreadableFile as exc:
                yield ArchiveMember(inner, error=exc)
                continue
            except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError,
                    RuntimeError, zlib.error):
                yield ArchiveMember(inner, error=damaged(label, "file in the archive"))
                continue
            budget -= len(data)
            yield ArchiveMember(inner, data=data)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, max_bytes: int) -> bytes:
    # The size in the archive's directory can lie: count what really comes out.
    chunks, total = [], 0
    with zf.open(info) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                check_size(label, total, max_bytes)
            chunks.append(chunk)
    return b"".join(chunks)
