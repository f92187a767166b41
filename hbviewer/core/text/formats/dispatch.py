"""Which reader a file goes to, by its suffix, and the display form of what it read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..reading import DEFAULT_MAX_BYTES, DecodedText, UnreadableFile, read_file_bytes, text_from_bytes
from ..textnorm import to_display
from .common import ARCHIVE_SUFFIXES, DOCUMENT_SUFFIXES, DOCX_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES
from ..metadata import FileMeta
from .pdf import pdf_meta, read_pdf
from .webpage import read_html
from .word import docx_meta, read_docx


def is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read one file by its suffix (.docx, .html/.htm/.shtml, .pdf; text otherwise)."""
    p = Path(path)
    return document_from_bytes(read_file_bytes(p, max_bytes), p.name or str(p), max_bytes)


def document_from_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read the bytes of a file named ``name`` by its suffix, or raise UnreadableFile."""
    lower = name.lower()
    if not data:
        raise UnreadableFile("empty", f"{name} is empty: there is nothing to import.")
    meta = FileMeta()
    if lower.endswith(DOCX_SUFFIXES):
        text, encoding, meta = read_docx(data, name, max_bytes), "docx", docx_meta(data)
    elif lower.endswith(HTML_SUFFIXES):
        text, encoding = read_html(data, name)  # its date and site name are 日期:/来源: lines
    elif lower.endswith(PDF_SUFFIXES):
        text, encoding, meta = read_pdf(data, name), "pdf", pdf_meta(data)
    else:
        return text_from_bytes(data, name)
    display = to_display(text).strip()
    if not display:
        raise UnreadableFile("empty", f"{name} contains no text: there is nothing to import.")
    return DecodedText(display + "\n", encoding, len(data), hashlib.sha256(data).hexdigest(), meta)
