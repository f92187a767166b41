"""Where and when stored articles appeared, read again from their page (for libraries older than the rules).

A library keeps each article's own part of its page (``original``), not the page's masthead. The
page is read again from its file when the file is still where it was imported from and unchanged
(same SHA-256), which gives the masthead and the file's own properties back; else the articles'
stored parts are put together again, which still hold their bylines, 来源:/日期: lines, and the
file's name holds a date. The page is split again by the same rules as at import, and each stored
article takes the metadata of the article with its text.
"""

from __future__ import annotations

from pathlib import Path

from ..model import PARAGRAPH_SEPARATOR
from .metadata import FileMeta

METADATA_VERSION = 1  # bump when the rules of metadata.py change: libraries read their pages again once
FIELDS = ("publication", "date", "page", "section", "byline")


def _file_page(path: str, sha256: str | None) -> tuple[str, FileMeta] | None:
    """The page text of the file the source came from, if it is there and unchanged."""
    from .formats import is_document, read_document
    from .reading import UnreadableFile, read_text_file

    if not sha256 or "!" in path:  # an archive's member: not a file of its own
        return None
    p = Path(path)
    try:
        if not p.is_file():
            return None
        decoded = read_document(p) if is_document(p.name) else read_text_file(p)
    except (UnreadableFile, OSError):
        return None
    return (decoded.text, decoded.meta) if decoded.sha256 == sha256 else None


def _key(text: str) -> str:
    return "".join(text.split())


def metadata_again(path: str, sha256: str | None, stored: list[tuple[str, str, str]]) -> list[dict]:
    """For each stored article (title, text, original), in page order: its metadata read again ({} if unknown)."""
    from .articles import split_articles  # on use: opening a library needs only the version above

    page = _file_page(path, sha256)
    text, meta = page if page is not None else (PARAGRAPH_SEPARATOR.join(o for _t, _x, o in stored if o), None)
    if not text.strip():
        return [{} for _ in stored]
    found = split_articles(text, path, meta)
    by_text = {_key(a.text): a for a in found}
    out = []
    for i, (title, body, _original) in enumerate(stored):
        a = by_text.get(_key(body))
        if a is None and len(found) == len(stored) and _key(found[i].title) == _key(title):
            a = found[i]
        out.append({} if a is None else {f: getattr(a, f) or "" for f in FIELDS})
    return out


__all__ = ["FIELDS", "METADATA_VERSION", "metadata_again"]
