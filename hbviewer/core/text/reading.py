"""Reading text files staff receive: detect the encoding, refuse what is not text.

Every refusal is an :class:`UnreadableFile` whose message a non-programmer can act
on; nothing here raises anything else for bad input.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .metadata import FileMeta
from .textnorm import to_display

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")


class UnreadableFile(Exception):
    """A file that cannot be imported; ``code`` names the reason for callers."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class DecodedText:
    text: str  # display form (see textnorm.to_display)
    encoding: str
    size: int
    sha256: str  # of the bytes read: tells an unchanged file from a changed one
    meta: FileMeta = FileMeta()  # what the file says about itself (document properties)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    # Chinese UTF-16 has no NULs in the high bytes, but ASCII parts put NULs in
    # every other byte: use that when it is overwhelming.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return _strict(data, "utf-16-le")
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return _strict(data, "utf-16-be")
    return None


def _double_byte_pairs(data: bytes):
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        if i + 1 < n:
            yield b, data[i + 1]
        i += 2


def _gb_score(data: bytes) -> float:
    """Share of double-byte characters that are GB2312 hanzi (rows B0-F7)."""
    pairs = list(_double_byte_pairs(data[:20000]))
    if not pairs:
        return 0.0
    return sum(1 for a, b in pairs if 0xB0 <= a <= 0xF7 and 0xA1 <= b <= 0xFE) / len(pairs)


def _big5_score(data: bytes) -> float:
    """Share of double-byte characters in Big5's frequent-character block A440-C67E."""
    pairs = list(_double_byte_pairs(data[:20000]))
    if not pairs:
        return 0.0
    return sum(1 for a, b in pairs if 0xA440 <= (a << 8 | b) <= 0xC67E) / len(pairs)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13, 27))
    return controls > 0.05 * max(1, len(sample))


def decode_bytes(data: bytes, name: str = "file") -> tuple[str, str]:
    """Decode raw bytes of a text file; return ``(text, encoding)``.

    UTF-8 and BOM-marked files are exact. Between GB18030 and Big5, which both
    accept most byte strings, short Chinese texts fool statistical detectors
    (charset-normalizer reads the GBK bytes of 科技 as Big5 褪撮), so the choice
    is made on which encoding's common-character block the bytes fall in.
    Anything else goes to charset-normalizer.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                break
            return text, encoding.replace("-sig", "")
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    if _looks_binary(data):  # before UTF-8: NUL bytes are valid UTF-8 but no text has them
        raise UnreadableFile(
            "binary", f"{name} is not a text file (it contains binary data). "
            "Import text files (.txt, .md) saved from a newspaper page or notice.")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8 (some bytes were not UTF-8 and show as �)"
    gb = _strict(data, "gb18030")
    big5 = _strict(data, "big5")
    if gb is not None and big5 is not None:
        return (gb, "gb18030") if _gb_score(data) >= _big5_score(data) else (big5, "big5")
    if gb is not None:
        return gb, "gb18030"
    if big5 is not None:
        return big5, "big5"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise UnreadableFile(
            "encoding", f"{name}: the text encoding could not be recognised "
            "(not UTF-8, GB18030/GBK or Big5). Save it as UTF-8 and import it again.")
    return str(best), best.encoding


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a paragraph pasted from a GBK file): keep the UTF-8.

    Reading the whole file as GBK instead would garble every UTF-8 character.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return text if good >= 20 and bad <= 0.25 * good else None


def _looks_like_text(text: str) -> bool:
    """Readable for this program: mostly ASCII and CJK, not a spray of other scripts' symbols.

    Staff receive Chinese text; bytes that only some Cyrillic or Latin code page
    can read are not a page to import.
    """
    if not text.strip():
        return False
    sample = text[:20000]
    readable = sum(1 for ch in sample if (" " <= ch <= "~") or ch in "\n\t\r" or "\u3000" <= ch <= "\u9fff"
                   or "\uff00" <= ch <= "\uffef" or "\u2010" <= ch <= "\u2027")
    return readable >= 0.85 * len(sample)


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UnreadableFile(
            "too_large", f"{name} is {size / 1048576:.1f} MB, larger than the "
            f"{max_bytes / 1048576:.0f} MB limit for one file. Split it, or raise the "
            "limit (--max-file-mb).")


def check_file(p: Path, max_bytes: int) -> str:
    """The file's name, after checking it exists, is a file, is not empty and is within the limit.

    Size is checked before reading: a 1 GB file is refused, not loaded.
    """
    name = p.name or str(p)
    if not p.exists():
        raise UnreadableFile("missing", f"{p}: no such file or folder.")
    if p.is_dir():
        raise UnreadableFile("directory", f"{p} is a folder, not a file.")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableFile("empty", f"{name} is empty: there is nothing to import.")
    check_size(name, size, max_bytes)
    return name


def os_error(name: str, exc: OSError) -> UnreadableFile:
    if isinstance(exc, PermissionError):
        return UnreadableFile("permission", f"{name}: permission denied; the file cannot be read.")
    return UnreadableFile("io", f"{name}: the file could not be read ({exc.strerror or exc}).")


def read_file_bytes(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one file within the size limit, or :class:`UnreadableFile` saying why not."""
    p = Path(path)
    try:
        check_file(p, max_bytes)
        return p.read_bytes()
    except OSError as exc:
        raise os_error(p.name or str(p), exc) from None


def text_from_bytes(data: bytes, name: str) -> DecodedText:
    """A text file's bytes (from disk or an archive) in display form."""
    text, encoding = decode_bytes(data, name)
    display = to_display(text)
    if not display.strip():
        raise UnreadableFile("empty", f"{name} contains only blank space: there is nothing to import.")
    return DecodedText(display, encoding, len(data), hashlib.sha256(data).hexdigest())


def read_text_file(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read one text file into its display form, or raise :class:`UnreadableFile`."""
    p = Path(path)
    return text_from_bytes(read_file_bytes(p, max_bytes), p.name or str(p))
