"""The briefing as a Word document: the draft's outline written in the layout of :mod:`.word_layout`.

Every text goes in as plain text (``w:t``): no field codes, no hyperlinks. The
file is written atomically (:mod:`.atomic`), so a failure leaves the old file
as it was and nothing half-written behind.

With a template of the user's own, its styles, header, footer and page
setup are kept and only its body is replaced; a style the draft needs that
the template lacks is added in the built-in form.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .atomic import WriteError, write_atomically
from .draft import CONFLICT_MARK, BriefingDraft, outline
from .word_layout import (BODY_FONT, HEADING_FONTS, LATIN_FONT, LINE_PITCH_TWIPS, MM_TWIPS, SOURCE_FONT, TABLE_PT,
                          TITLE_FONT, add_missing_styles, built_in_document)

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters a .docx cannot hold
_MARKED = re.compile(f"(【{CONFLICT_MARK}[^】]*】)")
_TABLE_WIDTHS_MM = (22, 36, 18, 14, 22, 30, 14)  # 地区 指标 数值 单位 时间 来源 备注: 156 in all
_GRID_BORDERS = ("<w:tblBorders {ns}>" + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                                                for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
                 + "</w:tblBorders>")  # a template without the Table Grid style
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                  "w:tblPrChange")  # what follows w:tblBorders in a w:tblPr


class BriefingError(WriteError):
    """The briefing could not be written (or its template read); the message says why, for the user."""


def write_briefing(draft: BriefingDraft, path: str | os.PathLike, template: str | os.PathLike | None = None) -> Path:
    """Write ``draft`` to ``path`` (atomically) as a .docx, in ``template``'s styles if one is given."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        target = target.with_suffix(".docx")
    doc = _from_template(Path(template)) if template else built_in_document()
    _write_body(doc, draft, own_styles=template is None)
    write_atomically(target, ".docx", lambda tmp: _save(doc, tmp), error=BriefingError,
                     program="Word or WPS", noun="briefing")
    return target


def _save(doc, tmp: Path) -> None:
    # Zipped in memory, then written in one go: a disk that fills leaves no zip file half-closed,
    # which Python would try to close again later and complain about on the terminal.
    buffer = io.BytesIO()
    doc.save(buffer)
    tmp.write_bytes(buffer.getvalue())


def _from_template(path: Path):
    """The template with its body emptied: its styles, header, footer and page setup stay."""
    import docx
    from docx.oxml.ns import qn

    try:
        try:
            doc = docx.Document(str(path))
        except ValueError:  # a .dotx: the same package, marked as a template
            doc = docx.Document(_as_document(path))
    except Exception as exc:  # any file that is not a readable Word document
        raise BriefingError(f"The template {path.name} cannot be used: {exc}.", "template") from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    add_missing_styles(doc)
    return doc


def _as_document(path: Path) -> io.BytesIO:
    """A .dotx's bytes with its main part marked as a document's, which python-docx opens."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.template.main+xml", b"wordprocessingml.document.main+xml")
            copy.writestr(item, data)
    out.seek(0)
    return out


# -- the body ------------------------------------------------------------------------------------------

def _write_body(doc, draft: BriefingDraft, own_styles: bool) -> None:
    """The outline's blocks as paragraphs in the draft's styles; every text is plain text (``w:t``)."""
    body = _Body(doc, own_styles)
    blocks = list(outline(draft))
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            body.paragraph(f"Heading {block.level}", [(block.text, HEADING_FONTS[block.level])])
        elif block.kind == "paragraph":
            element = body.paragraph("Normal", [(block.paragraph.text, BODY_FONT),
                                                (block.paragraph.source.reference, SOURCE_FONT)])
            for note in block.paragraph.notes:
                body.comment(element, note, block.paragraph)
        elif block.kind == "table":
            body.table(block.rows)
        elif block.kind == "title":
            body.paragraph("Title", [(block.text, TITLE_FONT)])
        elif block.kind == "dates":
            last = i + 1 == len(blocks) or blocks[i + 1].kind != "dates"
            after = f'<w:spacing w:after="{LINE_PITCH_TWIPS}"/>' if own_styles and last else ""
            body.paragraph("Subtitle", [(block.text, HEADING_FONTS[2])], after)
        else:
            body.paragraph("Normal", [(block.text, BODY_FONT)])


class _Body:
    """Paragraphs, runs and the table written as WordprocessingML, with style ids and run properties worked
    out once (python-docx looks a style up among all of them for every paragraph it styles)."""

    def __init__(self, doc, own_styles: bool):
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.doc, self.own_styles, self.parse, self.ns = doc, own_styles, parse_xml, nsdecls("w")
        self.ids = {s.name: s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
        self.end = doc.element.body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")

    def _add(self, xml: str):
        element = self.parse(xml)
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.doc.element.body.append(element)
        return element

    def paragraph(self, style: str, pieces, p_pr: str = ""):
        runs = "".join(self.runs(text, font) for text, font in pieces)
        return self._add(f'<w:p {self.ns}><w:pPr><w:pStyle w:val="{self.ids[style]}"/>{p_pr}</w:pPr>{runs}</w:p>')

    def comment(self, element, note, paragraph) -> None:
        """A note as a Word comment on the paragraph: its author and time, and the figure it is about."""
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph as DocxParagraph

        runs = DocxParagraph(element, self.doc._body).runs
        if not runs:
            return
        about = next((f.text for f in paragraph.figures if note.span == (f.start, f.end)), "")
        text = _clean(f"【{about}】{note.text}" if about else note.text)
        author = _clean(note.author) or "hbviewer"
        made = self.doc.add_comment(runs, text=text, author=author, initials=author[:2])
        if note.created_at:  # when the note was written, not when the briefing was
            made._comment_elm.set(qn("w:date"), note.created_at.replace("+00:00", "Z"))

    def runs(self, text: str, east_asia: str, size: float | None = None) -> str:
        """``text`` as runs; a conflict mark highlighted so the writer finds it."""
        out = []
        for piece in _MARKED.split(_clean(text)):
            if not piece:
                continue
            marked = bool(_MARKED.fullmatch(piece)) or piece == CONFLICT_MARK
            out.append(f'<w:r>{self._r_pr(east_asia, size, marked)}<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
        return "".join(out)

    def _r_pr(self, east_asia: str, size: float | None, marked: bool) -> str:
        parts = []
        if self.own_styles:
            parts.append(f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:cs="{LATIN_FONT}"'
                         f' w:eastAsia="{east_asia}" w:hint="eastAsia"/>')
            if size is not None:
                parts.append(f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>')
        if marked:
            parts.append('<w:highlight w:val="yellow"/>')
        return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""

    def table(self, rows: tuple[tuple[str, ...], ...]) -> None:
        """The key figures: a ruled table, its header row repeated on every page it runs onto."""
        from docx.shared import Mm

        table = self.doc.add_table(rows=0, cols=len(rows[0]))
        table.autofit = False
        if "Table Grid" in {s.name for s in self.doc.styles}:
            table.style = self.doc.styles["Table Grid"]
        else:
            table._tbl.tblPr.insert_element_before(self.parse(_GRID_BORDERS.format(ns=self.ns)), *_AFTER_BORDERS)
        for column, width in zip(table.columns, _TABLE_WIDTHS_MM):
            column.width = Mm(width)
        for n, values in enumerate(rows):
            header = n == 0
            cells = []
            for width, value in zip(_TABLE_WIDTHS_MM, values):
                runs = self.runs(value, HEADING_FONTS[1] if header else BODY_FONT, TABLE_PT if self.own_styles else None)
                cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{round(width * MM_TWIPS)}" w:type="dxa"/>'
                             '<w:vAlign w:val="center"/></w:tcPr>'
                             f'<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>'
                             f'<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="{"center" if header else "left"}"/>'
                             f"</w:pPr>{runs}</w:p></w:tc>")
            repeat = '<w:trPr><w:tblHeader/></w:trPr>' if header else ""
            table._tbl.append(self.parse(f'<w:tr {self.ns}>{repeat}{"".join(cells)}</w:tr>'))


def _clean(text: str) -> str:
    """Text a run can hold: no control characters, line breaks as spaces."""
    return _ILLEGAL.sub("", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " "))
