"""PDF files: the text layer in reading order, as paragraphs, with running heads left out.

pdfminer gives the lines of each page with their positions; the order is
worked out here from those (columns one after the other, table rows kept as
rows), and lines are joined into paragraphs by what the page shows (margins,
indents, gaps, type sizes) and, across a column or page break, by the text.
pdfminer is imported only when a PDF is read.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..cleaning import tidy_title
from ..metadata import FileMeta, read_top_line, valid_date
from ..reading import UnreadableFile
from .common import SPACES, as_body, damaged, ends_sentence, join_paragraphs

_CJK = r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
# A space pdfminer inferred from a gap between characters (written here as
# \x00): next to a Chinese character it is letter-spacing or the gap a font
# change leaves (2023 年, 比 重 为), not a space in the text.
_SOFT_SPACE_BY_CJK = re.compile(rf"(?<={_CJK})\x00+|\x00+(?={_CJK})")
_PAGE_NUMBER = re.compile(
    r"^[-—–_·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_·•\s]*$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float
    block: int = 0  # the column (or page) the line was read in
    row: bool = False  # a table row: cells of one line, never joined to another line
    unmapped: bool = False  # had characters pdfminer could only give as (cid:N)

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


def read_pdf(data: bytes, name: str) -> str:
    """The text layer of a PDF, in reading order, as paragraphs; running heads left out."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    # boxes_flow=None skips pdfminer's own box ordering: the order is worked
    # out below from the lines, which also keeps table rows together.
    params = LAParams(boxes_flow=None)
    pages: list[list[_Line]] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=params):
            pages.append(_page_lines(page))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UnreadableFile(
            "encrypted", f"{name} is protected by a password. Open it, save or print it to a PDF "
            "without a password and import that copy.") from None
    except Exception as exc:  # pdfminer raises many kinds of error on a damaged file
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise UnreadableFile(
                "encrypted", f"{name} is protected by a password. Open it, save or print it to a "
                "PDF without a password and import that copy.") from None
        raise damaged(name, "PDF file") from None
    if not pages:
        raise damaged(name, "PDF file")
    if not any(line.text for lines in pages for line in lines):
        if any(line.unmapped for lines in pages for line in lines):
            raise UnreadableFile(
                "unmapped_text", f"{name} has text, but its fonts do not say which characters they "
                "draw, so the text cannot be read out. Open it in a PDF reader and print it to a new "
                "PDF, or copy the text into a .txt file, and import that.")
        raise UnreadableFile(
            "no_text_layer", f"{name} has no text layer (it is a scanned image); hbviewer does not "
            "read text in images.")
    for lines in pages:
        lines[:] = [ln for ln in lines if ln.text]
    masthead = _drop_running_heads(pages)
    ordered: list[_Line] = []
    next_block = 0
    head: list[str] = []
    for number, lines in enumerate(pages):
        page_lines = _order(lines)
        if number == 0:
            head, page_lines = _pdf_title(page_lines)
        blocks = {}
        for line in page_lines:
            line.block = blocks.setdefault(line.block, next_block + len(blocks))
        next_block += len(blocks) + 1
        ordered.extend(page_lines)
    return join_paragraphs(masthead + head + _join_lines(ordered))


_PDF_DATE = re.compile(rb"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def pdf_meta(data: bytes) -> FileMeta:
    """The PDF's creation date (its document information CreationDate), if it says one."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
        raw = next((i.get("CreationDate") for i in info if i.get("CreationDate")), b"")
        if not isinstance(raw, (bytes, str)):
            raw = getattr(raw, "resolve", lambda: b"")() or b""
    except Exception:  # a damaged or encrypted file: read_pdf has said why already
        return FileMeta()
    m = _PDF_DATE.match(raw.encode("latin-1", "replace") if isinstance(raw, str) else raw)
    return FileMeta(date=valid_date(*(int(g) for g in m.groups()))) if m else FileMeta()


def _pdf_title(lines: list[_Line]) -> tuple[list[str], list[_Line]]:
    """The document's title: the lines in large type that open the first page.

    A bulletin or report prints its title well above the body size; as a
    heading it starts the article, instead of being taken for a headline
    printed away from its story.
    """
    body = [ln.height for ln in lines if not ln.row and _letters(ln.text) >= 10]
    if not body:
        return [], lines
    size = statistics.median(body)
    n = 0
    while (n < min(3, len(lines)) and not lines[n].row and lines[n].height >= 1.3 * size
           and len(lines[n].text) <= 60 and not ends_sentence(lines[n].text)):
        n += 1
    if not n:
        return [], lines
    return ["# " + tidy_title("".join(ln.text for ln in lines[:n]))], lines[n:]


def _page_lines(page) -> list[_Line]:
    from pdfminer.layout import LTAnno, LTTextBox, LTTextLineHorizontal

    height = page.height
    lines = []

    def visit(obj):
        for child in obj:
            if isinstance(child, LTTextLineHorizontal):
                text = "".join("\x00" if isinstance(ch, LTAnno) and ch.get_text() == " " else ch.get_text()
                               for ch in child)
                unmapped = bool(_CID.search(text))
                text = _SOFT_SPACE_BY_CJK.sub("", _CID.sub("", text)).replace("\x00", " ")
                text = SPACES.sub(" ", text.strip())
                if text or unmapped:
                    lines.append(_Line(text, child.x0, child.x1, height - child.y1, height - child.y0,
                                       unmapped=unmapped))
            elif isinstance(child, LTTextBox):
                visit(child)

    visit(page)
    return lines


def _head_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running_heads(pages: list[list[_Line]]) -> list[str]:
    """Remove page numbers and the lines most pages repeat at their top or bottom.

    Returns the masthead lines among those removed from the first page (河北日报
    2024年3月5日 第3版): once, at the top, they say where and when the page appeared.
    """
    zones = []
    for lines in pages:
        by_top = sorted(lines, key=lambda ln: ln.top)
        zones.append((by_top[:2], by_top[-2:][::-1]))
    need = max(2, (len(pages) + 1) // 2)
    repeated = set()
    for end in (0, 1):
        counts = Counter(k for zone in zones for k in {_head_key(ln.text) for ln in zone[end]})
        repeated |= {(end, k) for k, n in counts.items() if n >= need}
    texts: dict[str, set[str]] = {}  # a running head's key -> its texts on the pages
    for zone in zones:
        for ln in zone[0]:
            texts.setdefault(_head_key(ln.text), set()).add(ln.text)
    masthead: list[str] = []
    for number, (lines, zone) in enumerate(zip(pages, zones)):
        drop = set()
        for end in (0, 1):
            for i, ln in enumerate(zone[end]):
                # A bare number repeated at the foot of pages can be the last cell of
                # a table running over them: only page numbers and lines with words go.
                if (end, _head_key(ln.text)) in repeated and (
                        _letters(ln.text) or _PAGE_NUMBER.match(ln.text)):
                    drop.add(id(ln))
                    if number == 0 and end == 0:
                        masthead += _masthead_line(ln.text, len(texts[_head_key(ln.text)]) > 1)
                elif i == 0 and _PAGE_NUMBER.match(ln.text):
                    drop.add(id(ln))
        lines[:] = [ln for ln in lines if id(ln) not in drop]
    return masthead


def _masthead_line(text: str, varies: bool) -> list[str]:
    """A running head kept for what it says of the page, if it is a masthead line.

    A head whose numbers change from page to page (第1版, 第2版) would give every
    article the first page's number: then only the paper and the date are kept.
    """
    found = read_top_line(text)
    if found is None:
        return []
    if not varies:
        return [text]
    rest = " ".join(p for p in (found.publication, found.date or "") if p)
    return [rest] if rest else []


def _bands(lines: list[_Line]) -> list[list[_Line]]:
    """Lines side by side (overlapping vertically), top to bottom."""
    bands: list[list[_Line]] = []
    bottom = None
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        middle = (ln.top + ln.bottom) / 2
        if bands and middle < bottom:
            bands[-1].append(ln)
            bottom = max(bottom, ln.bottom - 0.3 * ln.height)
        else:
            bands.append([ln])
            bottom = ln.bottom - 0.3 * ln.height
    for band in bands:
        band.sort(key=lambda ln: ln.x0)
    return bands


def _x_gaps(lines: list[_Line], minimum: float) -> list[tuple[float, float]]:
    """The vertical channels of white space between the lines, at least ``minimum`` wide."""
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    gaps = []
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= minimum:
            gaps.append((right, x0))
        right = max(right, x1)
    return gaps


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def _prose_column(lines: list[_Line]) -> bool:
    """Running text fills its column; table cells (figures, labels) do not."""
    if len(lines) < 2:
        return False
    left = min(ln.x0 for ln in lines)
    width = max(ln.x1 for ln in lines) - left
    return (statistics.median(_letters(ln.text) for ln in lines) >= 6
            and statistics.median(ln.x1 - ln.x0 for ln in lines) >= 0.5 * width)


def _order(lines: list[_Line], block: int = 0, counter: list[int] | None = None) -> list[_Line]:
    """Lines in reading order: columns one after the other, table rows as rows."""
    if not lines:
        return []
    counter = [block] if counter is None else counter  # numbers the columns found
    min_gap = max(6.0, 0.8 * statistics.median(ln.height for ln in lines))
    out: list[_Line] = []
    run: list[_Line] = []
    for band in _bands(lines):
        # Bands that leave a common vertical channel belong together: columns
        # of running text, or the rows of a table.
        if run and _x_gaps(run + band, min_gap):
            run += band
        else:
            out += _emit_run(run, min_gap, counter, block)
            run = list(band)
    out += _emit_run(run, min_gap, counter, block)
    return out


def _emit_run(run: list[_Line], min_gap: float, counter: list[int], block: int) -> list[_Line]:
    if not run:
        return []
    gaps = _x_gaps(run, min_gap)
    if not gaps:
        for ln in run:
            ln.block = block
        return sorted(run, key=lambda ln: (ln.top, ln.x0))
    columns: list[list[_Line]] = [[] for _ in range(len(gaps) + 1)]
    for ln in run:
        columns[sum(1 for g in gaps if ln.x0 >= g[1])].append(ln)
    if all(_prose_column(c) for c in columns):
        out = []
        for column in columns:
            counter[0] += 1
            out += _order(column, counter[0], counter)
        return out
    out = []
    for band in _bands(run):
        cells = _cells(band, min_gap)
        text = cells[0][2]
        for (_, prev_x1, prev_text), (x0, _, cell) in zip(cells, cells[1:]):
            # Letter-spaced words (综 合, 鲜 菜) break into pieces of one character
            # a character or two apart; table cells are further apart or longer.
            close = x0 - prev_x1 < 2.5 * band[0].height and min(len(prev_text), len(cell)) == 1
            text += "" if close and re.match(_CJK, prev_text[-1]) and re.match(_CJK, cell[0]) else "\u3000"
            text += cell
        out.append(_Line(text, min(ln.x0 for ln in band), max(ln.x1 for ln in band),
                         min(ln.top for ln in band), max(ln.bottom for ln in band),
                         block, row=len(cells) > 1))
    return out


def _cells(band: list[_Line], min_gap: float) -> list[tuple[float, float, str]]:
    cells: list[tuple[float, float, str]] = []
    for ln in sorted(band, key=lambda ln: ln.x0):
        if cells and ln.x0 - cells[-1][1] < min_gap:
            x0, x1, text = cells[-1]
            cells[-1] = (x0, max(x1, ln.x1), text + ln.text)
        else:
            cells.append((ln.x0, ln.x1, ln.text))
    return cells


def _join_lines(lines: list[_Line]) -> list[str]:
    """Lines into paragraphs: a line continues the one before unless something says otherwise.

    Inside a column the page shows where a paragraph ends: a line that stops
    short of the right margin, an indented first line, a wider gap, another
    type size. Across a column or page break only the text can tell: a line
    that ends without sentence-final punctuation continues on the next.
    """
    margins = _block_margins(lines)
    paras: list[str] = []
    prev: _Line | None = None
    for ln in lines:
        if prev is not None and _continues(prev, ln, margins):
            joiner = " " if re.match(r"[A-Za-z0-9]", prev.text[-1]) and re.match(r"[A-Za-z0-9]", ln.text[0]) else ""
            paras[-1] += joiner + ln.text
        else:
            paras.append(ln.text)
        prev = ln
    paras = [as_body(p) for p in paras]
    return paras


def _block_margins(lines: list[_Line]) -> dict[int, tuple[float, float, float]]:
    """Per block: left margin, right margin and the usual distance from line to line."""
    by_block: dict[int, list[_Line]] = {}
    for ln in lines:
        if not ln.row:
            by_block.setdefault(ln.block, []).append(ln)
    margins = {}
    for block, members in by_block.items():
        lefts = sorted(ln.x0 for ln in members)
        rights = sorted(ln.x1 for ln in members)
        steps = [b.top - a.top for a, b in zip(members, members[1:]) if b.top > a.top]
        step = statistics.median(steps) if steps else 2 * statistics.median(ln.height for ln in members)
        margins[block] = (lefts[len(lefts) // 5], rights[(len(rights) * 3) // 4], step)
    return margins


def _continues(prev: _Line, ln: _Line, margins) -> bool:
    if prev.row or ln.row:
        return False
    if ln.block not in margins or prev.block not in margins:
        return not ends_sentence(prev.text)
    left, _, _ = margins[ln.block]
    _, right, step = margins[prev.block]
    size = prev.height
    indented = ln.x0 > left + 0.8 * ln.height
    if indented:
        return False
    if prev.x1 < right - 1.5 * size:
        # A line that stops short ends its paragraph, unless it stops a few
        # characters short without finishing a sentence: a number or a word
        # that did not fit went to the next line.
        if ends_sentence(prev.text) or prev.x1 < right - 5 * size:
            return False
    if prev.block != ln.block or ln.top < prev.top:  # a new column or page
        return not ends_sentence(prev.text)
    if ln.top - prev.top > 1.6 * step or abs(ln.height - prev.height) > 0.25 * prev.height:
        return False
    return True
