"""Reading Word, web-page, PDF and ZIP files into page text the splitter understands.

Each reader returns a :class:`~hbviewer.core.text.reading.DecodedText` whose text has
the form :func:`hbviewer.core.text.articles.split_articles` reads from a text file:
paragraphs separated by blank lines, ``#``/``##`` lines where an article starts,
and ``日期:`` / ``来源:`` lines for what the page says about itself. Every
refusal is an :class:`~hbviewer.core.text.reading.UnreadableFile` with a message a
non-programmer can act on.

``dispatch`` picks the reader by suffix: ``word`` (.docx), ``webpage`` (.html),
``pdf``, or plain text; ``archive`` lists a ZIP's members; ``common`` holds the
suffixes and the helpers the readers share.

python-docx, trafilatura and pdfminer.six are imported inside the functions that
need them: together they take about half a second to import, which the window's
start-up should not pay for files it may never be given.
"""

from .archive import ArchiveMember, iter_archive, member_name
from .common import (
    ARCHIVE_SUFFIXES, ARCHIVE_TOTAL_FACTOR, DOCUMENT_SUFFIXES, DOCX_SUFFIXES, HTML_SUFFIXES, IMPORTABLE_SUFFIXES,
    PDF_SUFFIXES,
)
from .dispatch import document_from_bytes, is_archive, is_document, read_document
from .pdf import read_pdf
from .webpage import decode_html, read_html
from .word import read_docx

__all__ = [
    "ARCHIVE_SUFFIXES", "ARCHIVE_TOTAL_FACTOR", "DOCUMENT_SUFFIXES", "DOCX_SUFFIXES", "HTML_SUFFIXES",
    "IMPORTABLE_SUFFIXES", "PDF_SUFFIXES", "ArchiveMember", "decode_html", "document_from_bytes", "is_archive",
    "is_document", "iter_archive", "member_name", "read_docx", "read_document", "read_html", "read_pdf",
]
