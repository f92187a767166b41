"""The article view: the text with its figures highlighted and the search hits marked.

The document is built with ``insertText`` only, so whatever an article contains
(<b>, <img src=…>, <script>) is shown as characters. Figure spans and hit spans
come from the core; this module only turns them into formats.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip

from ..core.extract.figures import Figure
from ..core.model import StoredArticle, where_published
from ..core.store.search import find_spans, parse_query, QueryError, SearchQuery
from .figure_status import kind_names, status_label, style_status
from .safe_text import rich_literal

FIGURE_PROPERTY = QTextCharFormat.UserProperty + 1  # index of the figure under a character
HIT_PROPERTY = QTextCharFormat.UserProperty + 2
STATUS_PROPERTY = QTextCharFormat.UserProperty + 3  # what a reviewer made of the figure

# One colour per kind of figure, light enough to read black text on.
KIND_COLOURS = {
    "count": "#d6eaff", "money": "#ffe3b3", "percent": "#d9f2d0", "points": "#d9f2d0",
    "multiple": "#e8dcff", "measure": "#fde0ef", "rank": "#fff3a8", "duration": "#e0e0e0",
}
HIT_COLOUR = "#ff9f43"


def figure_tooltip(f: Figure, labels: dict[str, str]) -> str:
    value = f"{f.value:,.10g}"
    if f.value_high is not None:
        value += f" – {f.value_high:,.10g}"
    lines = [f"{f.text}", f"{labels['value']}: {value} {f.unit}".rstrip(),
             f"{labels['kind']}: {labels.get(f.kind, f.kind)}"]
    if f.approx:
        lines.append(f"{labels['approx']}: {f.approx}")
    if f.indicator:
        lines.append(f"{labels['indicator']}: {f.indicator}")
    if isinstance(f.change, dict):
        lines.append(f"{labels['change']}: {f.change['from']:g} → {f.change['to']:g}")
    elif f.change:
        lines.append(f"{labels['change']}: {labels.get(f.change, f.change)}")
    if f.as_of:
        lines.append(f"{labels['as_of']}: {f.as_of}")
    if f.region:
        lines.append(f"{labels['region']}: {f.region}")
    if f.zone and f.zone != f.region:
        lines.append(f"{labels['zone']}: {f.zone}")
    if f.status != "automatic":
        lines.append(f"{labels['status']}: {status_label(f.status)}")
    return "\n".join(lines)


class ArticleView(QTextBrowser):
    figureActivated = Signal(int)
    articleShown = Signal(object)  # the id of the article now shown, None for none

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.article: StoredArticle | None = None
        self.figures: list[Figure] = []
        self.body_start = 0  # document position of article.text[0]
        self.hits: list[tuple[int, int]] = []
        self.query: SearchQuery | None = None
        self._hit_index = -1
        QShortcut(QKeySequence(QKeySequence.FindNext), self, activated=self.next_hit)
        QShortcut(QKeySequence(QKeySequence.FindPrevious), self, activated=self.previous_hit)
        self.show_placeholder()

    def labels(self) -> dict[str, str]:
        return {
            "value": self.tr("Value"), "kind": self.tr("Kind"), "approx": self.tr("Qualifier"),
            "indicator": self.tr("Measures"), "change": self.tr("Change"), "as_of": self.tr("As of"),
            "region": self.tr("Region"), "zone": self.tr("Zone"), "status": self.tr("Status"),
            "increase": self.tr("increase"), "decrease": self.tr("decrease"), **kind_names(),
        }

    def show_placeholder(self) -> None:
        self.article = None
        self.figures = []
        self.hits = []
        self.clear()
        self.setPlaceholderText(self.tr("Select an article to read it."))
        self.articleShown.emit(None)

    # -- building the document ---------------------------------------------------------------
    def show_article(self, article: StoredArticle, figures: list[Figure], query: SearchQuery | None = None) -> None:
        self.clear()  # first: the cursor moves, and what listens reads the old figures with the old text
        self.article, self.figures, self.query = article, figures, query
        cursor = QTextCursor(self.document())
        # One edit block: the document is laid out once, not after every highlighted span (an
        # article with a few hundred hits took the UI thread for over half a second).
        cursor.beginEditBlock()
        title_format = QTextCharFormat()
        title_format.setFontPointSize(self.font().pointSizeF() * 1.5)
        title_format.setFontWeight(QFont.Bold)
        cursor.insertText(article.title, title_format)
        meta = [article.byline, article.date or "", where_published(article.publication, article.page),
                article.section, article.source_name]
        meta_format = QTextCharFormat()
        meta_format.setForeground(QColor("#555555"))
        cursor.insertBlock()
        cursor.insertText("  ·  ".join(m for m in meta if m), meta_format)
        cursor.insertBlock()
        cursor.insertBlock()
        self.body_start = cursor.position()
        self._insert_body(cursor, article.text, figures)
        if article.captions:
            caption_format = QTextCharFormat()
            caption_format.setFontItalic(True)
            caption_format.setForeground(QColor("#666666"))
            cursor.insertBlock()
            cursor.insertBlock()
            cursor.insertText(self.tr("Captions"), meta_format)
            for caption in article.captions:
                cursor.insertBlock()
                cursor.insertText(caption, caption_format)
        self._mark_hits(query, cursor)
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.Start)
        self.ensureCursorVisible()
        self.articleShown.emit(article.id)

    def _insert_body(self, cursor: QTextCursor, text: str, figures: list[Figure]) -> None:
        plain = QTextCharFormat()
        labels = self.labels()
        pos = 0
        for i, f in enumerate(figures):
            if f.start < pos:
                continue
            cursor.insertText(text[pos:f.start], plain)
            cursor.insertText(text[f.start:f.end], self._figure_format(i, f, labels))
            pos = f.end
        cursor.insertText(text[pos:], plain)

    @staticmethod
    def _figure_format(i: int, f: Figure, labels: dict[str, str]) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(KIND_COLOURS.get(f.kind, "#eeeeee")))
        fmt.setProperty(FIGURE_PROPERTY, i)
        fmt.setProperty(STATUS_PROPERTY, f.status)
        style_status(fmt, f.status)
        fmt.setToolTip(rich_literal(figure_tooltip(f, labels)))
        return fmt

    def _restyle(self, figures: list[Figure]) -> None:
        """Figures at the same spans as those shown: only the changed ones are formatted again."""
        labels, cursor = self.labels(), QTextCursor(self.document())
        cursor.beginEditBlock()
        pos = 0
        for i, (new, old) in enumerate(zip(figures, self.figures)):
            if new.start < pos:
                continue
            pos = new.end
            if new == old:
                continue
            cursor.setPosition(self.body_start + new.start)
            cursor.setPosition(self.body_start + new.end, QTextCursor.KeepAnchor)
            cursor.setCharFormat(self._figure_format(i, new, labels))
            for s, e in self.hits:  # the search hits over it marked again
                if s < new.end and new.start < e:
                    cursor.setPosition(self.body_start + max(s, new.start))
                    cursor.setPosition(self.body_start + min(e, new.end), QTextCursor.KeepAnchor)
                    cursor.mergeCharFormat(self._hit_format())
        cursor.endEditBlock()
        self.figures = figures

    def _mark_hits(self, query: SearchQuery | None, cursor: QTextCursor) -> None:
        self.hits, self._hit_index = [], -1
        if query is None or not query.text.strip() or self.article is None:
            return
        try:
            terms = parse_query(query.text).terms
        except QueryError:
            return
        self.hits = find_spans(self.article.text, terms)
        fmt = self._hit_format()
        for s, e in self.hits:
            cursor.setPosition(self.body_start + s)
            cursor.setPosition(self.body_start + e, QTextCursor.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    @staticmethod
    def _hit_format() -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(HIT_PROPERTY, True)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor(HIT_COLOUR))
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setForeground(QColor("#b34700"))
        return fmt

    # -- navigation -------------------------------------------------------------------------
    def next_hit(self) -> None:
        self._go_to_hit(+1)

    def previous_hit(self) -> None:
        self._go_to_hit(-1)

    def _go_to_hit(self, step: int) -> None:
        if not self.hits:
            return
        self._hit_index = (self._hit_index + step) % len(self.hits)
        s, e = self.hits[self._hit_index]
        self.select_span(s, e)

    def select_span(self, start: int, end: int) -> None:
        """Select article.text[start:end] and scroll to it."""
        cursor = self.textCursor()
        cursor.setPosition(self.body_start + start)
        cursor.setPosition(self.body_start + end, QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def set_figures(self, figures: list[Figure]) -> None:
        """The same article with its figures as they are now (after a correction), left where it was read."""
        if self.article is None:
            return
        if [(f.start, f.end) for f in figures] == [(f.start, f.end) for f in self.figures]:
            self._restyle(figures)  # an accept, reject or edit: the text is laid out as it was
            return
        self.show_again(self.article, figures, self.query)

    def show_again(self, article: StoredArticle, figures: list[Figure], query: SearchQuery | None = None) -> None:
        """The article shown anew (its figures or the search changed), the selection and scroll kept."""
        cursor, scroll = self.textCursor(), self.verticalScrollBar().value()
        anchor, position = cursor.anchor(), cursor.position()
        self.show_article(article, figures, query)
        cursor = self.textCursor()
        length = self.document().characterCount() - 1
        cursor.setPosition(min(anchor, length))
        cursor.setPosition(min(position, length), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a span of the article's text, or None when nothing of the text is selected."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        start = max(cursor.selectionStart() - self.body_start, 0)
        end = min(cursor.selectionEnd() - self.body_start, len(self.article.text))
        return (start, end) if start < end else None

    def figure_at(self, offset: int) -> Figure | None:
        """The figure holding the character at ``offset`` of the article's text (or ending just before it)."""
        for f in self.figures:
            if f.start <= offset < f.end:
                return f
        return next((f for f in self.figures if f.end == offset), None)

    def current_figure(self) -> Figure | None:
        """The figure the reader is on: the one the selection overlaps, else the one at the cursor."""
        if self.article is None:
            return None
        span = self.selected_span()
        if span is not None:
            return next((f for f in self.figures if f.start < span[1] and span[0] < f.end), None)
        return self.figure_at(self.textCursor().position() - self.body_start)

    def scroll_to_figure(self, index: int) -> None:
        if 0 <= index < len(self.figures):
            f = self.figures[index]
            self.select_span(f.start, f.end)

    def figure_at_cursor(self) -> int | None:
        """The index of the figure the text cursor is in (or ends a selection of), if any."""
        fmt = self.textCursor().charFormat()
        if not fmt.hasProperty(FIGURE_PROPERTY):
            return None
        index = int(fmt.property(FIGURE_PROPERTY))
        # While a new article is laid out the cursor can sit on the old one's formats for a moment.
        return index if 0 <= index < len(self.figures) else None

    # -- what is shown where (used by tests and tooltips) -------------------------------------
    def spans_with(self, prop: int) -> list[tuple[int, int]]:
        """Spans of article text whose characters carry ``prop``; pieces of one span merged."""
        spans: list[tuple[int, int, object]] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.hasProperty(prop):
                    s = fragment.position() - self.body_start
                    e = s + fragment.length()
                    value = fmt.property(prop)
                    if spans and spans[-1][1] == s and spans[-1][2] == value:
                        spans[-1] = (spans[-1][0], e, value)
                    else:
                        spans.append((s, e, value))
                it += 1
            block = block.next()
        return [(s, e) for s, e, _ in spans]

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
