"""Reading: the article asked for is read in the background and shown, at a figure when one was asked for."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .article_view import ArticleView
from .controller import LibraryController
from .library_pane import LibraryPane


class ReadingFlow(QObject):
    statusMessage = Signal(str)

    def __init__(self, controller: LibraryController, view: ArticleView, library_pane: LibraryPane,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.view = view
        self.library_pane = library_pane
        self._seq = 0  # the latest article asked for is the one shown
        self._wanted: int | None = None
        self._pending_span: tuple[int, int, int] | None = None  # (article, start, end) to select once shown
        controller.libraryChanged.connect(self.read_again)

    def read_again(self) -> None:
        """The library changed (here or by another client): the shown article read again, shown only if
        it changed, where the reader was."""
        shown = self.view.article
        if shown is not None and self._wanted in (None, shown.id):
            self.show_article(shown.id, self.view.query)

    def show_article(self, article_id: int, query=None) -> None:
        """Read the article in the background (a server may be slow), then show it.

        Only the latest request is shown: going quickly down the list shows where it stops.
        """
        self._wanted = article_id
        self._seq += 1
        seq = self._seq

        def work(lib, _progress, _stop):
            article = lib.article(article_id)
            return article, (lib.figures(article_id) if article is not None else [])

        def show(result):
            if seq != self._seq:
                return
            article, figures = result
            if article is None:
                self.view.show_placeholder()
                return
            shown = self.view.article
            if shown is not None and shown.id == article.id and self._pending_span is None:
                if (shown, self.view.figures, self.view.query) == (article, figures, query):
                    return  # the list read again, the article as shown: not laid out again for nothing
                self.view.show_again(article, figures, query)  # the reader stays put
            else:
                self.view.show_article(article, figures, query)
            span = self._pending_span
            if span is not None and span[0] == article_id:
                self._pending_span = None
                self.view.select_span(span[1], span[2])

        def fail(message, _details):  # a server out of reach: said in the status bar, the window goes on
            if seq == self._seq:
                self.view.show_placeholder()
                self.statusMessage.emit(message.split("\n")[0])

        self.controller.run(work, show, fail)

    def refresh_figures(self, article_id: int) -> None:
        """The shown article's figures read again (a correction changed them), the view left where it was."""
        if self.view.article is None or self.view.article.id != article_id:
            return
        seq = self._seq

        def show(figures) -> None:
            # not if another article was asked for since: that one is shown, or on its way
            if seq == self._seq and self.view.article is not None and self.view.article.id == article_id:
                self.view.set_figures(figures)

        self.controller.run(lambda lib, _progress, _stop: lib.figures(article_id), show,
                            lambda message, _details: self.statusMessage.emit(message.split("\n")[0]))

    def show_figure(self, article_id: int, start: int, end: int) -> None:
        """Show an article at a figure, the library list left as it is (the review queue leads).

        Moving the list's selection repaints it: at every figure of a review that was the
        largest part of the wait after a key.
        """
        shown = self.view.article
        if shown is not None and shown.id == article_id and self._wanted == article_id:
            self.view.select_span(start, end)
            return
        self._pending_span = (article_id, start, end)
        self.show_article(article_id, getattr(self.library_pane, "shown_query", None))

    def open_figure(self, article_id: int, start: int, end: int) -> None:
        shown = self.view.article
        if shown is not None and shown.id == article_id and self._wanted == article_id:
            self.view.select_span(start, end)
            return
        self._pending_span = (article_id, start, end)  # selected when the article is shown
        self.library_pane.select_article(article_id)  # shows it, unless its row was current already
        if self._wanted != article_id:
            self.show_article(article_id, getattr(self.library_pane, "shown_query", None))
