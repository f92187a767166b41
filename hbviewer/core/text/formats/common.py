"""What the format readers share: the suffixes they read, the archive limit, and text helpers.

The helpers turn what a reader found into the page text the splitter reads
(paragraphs, body lines that cannot pass for headings), decide where a
sentence ends, and word the refusal of a damaged file.
"""

from __future__ import annotations

import re

from ..reading import TEXT_SUFFIXES, UnreadableFile

DOCX_SUFFIXES = (".docx",)
HTML_SUFFIXES = (".html", ".htm", ".shtml")
PDF_SUFFIXES = (".pdf",)
ARCHIVE_SUFFIXES = (".zip",)
DOCUMENT_SUFFIXES = DOCX_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
IMPORTABLE_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES + ARCHIVE_SUFFIXES

# An archive may unpack to at most this many times the one-file limit in all:
# a few kilobytes of ZIP can claim gigabytes (a "zip bomb").
ARCHIVE_TOTAL_FACTOR = 10

# What ends a sentence, so a line ending in it may end a paragraph. Not ；or ：
# (a clause or a list goes on), which often end a line at a page break.
_SENTENCE_END = set("。！？!?…")
_CLOSERS = set("”’」』）)】\"'")
SPACES = re.compile(r"[ \t\u00a0]+")


def join_paragraphs(paras: list[str]) -> str:
    return "\n\n".join(p for p in paras if p.strip())


def as_body(text: str) -> str:
    # Statistics tables mark "of which" rows with # (#城镇): a leading # would
    # read as a Markdown heading and start a new article.
    return "\uff03" + text[1:] if text.startswith("#") else text


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in _SENTENCE_END


def damaged(name: str, kind: str) -> UnreadableFile:
    return UnreadableFile(
        "corrupt", f"{name} could not be read as a {kind}: the file is damaged, incomplete or "
        "not really of that type. Open it in the program that made it, save it again and import "
        "the new copy.")
