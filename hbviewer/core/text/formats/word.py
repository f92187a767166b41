"""Word documents (.docx): paragraphs and tables in page order, headings as ``#`` lines.

python-docx is imported only when a document is read.
"""

from __future__ import annotations

import io
import re
import statistics
import zipfile

from ..metadata import FileMeta, find_date
from ..reading import DEFAULT_MAX_BYTES, UnreadableFile
from .common import ARCHIVE_TOTAL_FACTOR, SPACES, as_body, damaged, ends_sentence, join_paragraphs

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


# python-docx writes new documents from a template created at this moment: a
# document made by a script says nothing about its own date.
_PYTHON_DOCX_TEMPLATE_CREATED = "2013-12-23T23:15:00Z"
_CORE_CREATED = re.compile(r"<dcterms:created[^>]*>\s*([^<]+)<")


def docx_meta(data: bytes) -> FileMeta:
    """The document's creation date from its core properties (docProps/core.xml), if it has one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 1 << 20:
                return FileMeta()
            core = zf.read(info).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return FileMeta()
    m = _CORE_CREATED.search(core)
    if not m or m.group(1).strip() == _PYTHON_DOCX_TEMPLATE_CREATED:
        return FileMeta()
    return FileMeta(date=find_date(m.group(1)))


def _check_zip_sizes(zf: zipfile.ZipFile, name: str, max_bytes: int) -> None:
    total = sum(info.file_size for info in zf.infolist())
    if total > ARCHIVE_TOTAL_FACTOR * max_bytes:
        raise UnreadableFile(
            "too_large", f"{name} unpacks to {total / 1048576:.0f} MB, more than hbviewer reads "
            f"from one file ({ARCHIVE_TOTAL_FACTOR * max_bytes / 1048576:.0f} MB).")


def read_docx(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Paragraphs and tables of a Word document in page order, headings as ``#`` lines."""
    if data.startswith(_OLE_MAGIC):
        # Word saves password-protected documents in the old container format,
        # which is also what a renamed .doc file looks like.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableFile(
                "encrypted", f"{name} is protected by a password. Open it in Word, remove the "
                "password (File → Info → Protect Document), save it and import it again.")
        raise UnreadableFile(
            "old_format", f"{name} is an old-style Word document (.doc) with a .docx name. "
            "Open it in Word, save it as .docx and import it again.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_zip_sizes(zf, name, max_bytes)
    except zipfile.BadZipFile:
        raise damaged(name, "Word document") from None
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paras: list[str] = []
        _docx_blocks(body, document, paras, qn, Paragraph)
        if not any(p.startswith("# ") for p in paras):
            paras = _docx_title(document, paras)
    except UnreadableFile:
        raise
    except Exception:  # python-docx raises many kinds of error on a broken package
        raise damaged(name, "Word document") from None
    return join_paragraphs(paras)


def _docx_title(document, paras: list[str]) -> list[str]:
    """Without a heading style, the paragraphs in large type that open the document are its title.

    Government reports and bulletins set the title in 18-24 pt over a body of
    12-16 pt; as a heading it starts the article.
    """
    sizes = []
    for para in document.paragraphs[:400]:
        size = _docx_size(para)
        text = para.text.strip()
        if text:
            sizes.append((size, text))
    body = [size for size, text in sizes if size and len(text) >= 30]
    if not body:
        return paras
    usual = statistics.median(body)
    title = []
    for size, text in sizes[:3]:
        if not size or size < 1.2 * usual or len(text) > 60 or ends_sentence(text):
            break
        title.append(text)
    if not title or paras[:len(title)] != [as_body(t) for t in title]:
        return paras
    return ["# " + " ".join(title)] + paras[len(title):]


def _docx_size(para) -> float | None:
    """The largest type size (pt) of a paragraph's text, from its runs or its style."""
    sizes = [run.font.size.pt for run in para.runs if run.text.strip() and run.font.size]
    if sizes:
        return max(sizes)
    try:
        style = para.style
    except Exception:
        return None
    for _ in range(10):
        if style is None:
            return None
        if style.font.size:
            return style.font.size.pt
        style = style.base_style
    return None


def _docx_blocks(parent, document, out: list[str], qn, Paragraph) -> None:
    # Walk the XML rather than document.paragraphs so that tables keep their
    # place between paragraphs and content controls (w:sdt) are not skipped.
    for child in parent.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            para = Paragraph(child, document)
            text = para.text.strip()
            if not text:
                continue
            level = _heading_level(para, qn)
            if level in (1, 2):
                out.append("#" * level + " " + SPACES.sub(" ", text.replace("\n", " ")))
            else:
                out.append(as_body(text))
        elif tag == qn("w:tbl"):
            out.extend(_docx_table_rows(child, document, qn, Paragraph))
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _docx_blocks(content, document, out, qn, Paragraph)


def _heading_level(para, qn) -> int | None:
    """1 for Title and Heading 1 (also localised 标题 1), 2 for Heading 2; outline levels too."""
    try:
        style = para.style
    except Exception:  # a style id that the styles part does not define
        style = None
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").strip()
        if name.lower() in ("title", "标题"):
            return 1
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element, qn)
        if level is not None:
            return level
        style, seen = style.base_style, seen + 1
    return _outline_level(para._p, qn)


def _outline_level(element, qn) -> int | None:
    ppr = element.find(qn("w:pPr"))
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if lvl is None:
        return None
    try:
        value = int(lvl.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value < 9 else None  # 9 is "body text"


def _docx_table_rows(tbl, document, qn, Paragraph) -> list[str]:
    # Rows become paragraphs with their cells separated by an ideographic space.
    # A cell merged over several columns is one w:tc, and the continuation of a
    # vertical merge is an empty one, so nothing is repeated.
    rows = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            texts = [Paragraph(p, document).text for p in tc.iter(qn("w:p"))]
            cell = SPACES.sub(" ", " ".join(t.strip() for t in texts if t.strip())).strip()
            if cell:
                cells.append(cell)
        if cells:
            rows.append(as_body("\u3000".join(cells)))
    return rows
