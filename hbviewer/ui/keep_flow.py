"""Tags, notes, bookmarks and saved searches: each change made on a worker, then what it touches shown again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .controller import LibraryController
from .keep_models import BOOKMARKED_QUERY
from .keep_panel import KeepPanel
from .library_pane import LibraryPane
from .saved_panel import SavedSearchPanel


class KeepFlow(QObject):
    statusMessage = Signal(str)
    keptShown = Signal()  # the article's tags and notes are on screen (tests wait for it)
    savedShown = Signal()

    def __init__(self, controller: LibraryController, panel: KeepPanel, library_pane: LibraryPane,
                 saved_panel: SavedSearchPanel, parent: QObject | None = None):
        super().__init__(parent)
        self.controller, self.panel, self.library_pane, self.saved_panel = controller, panel, library_pane, saved_panel
        self._seq = 0
        panel.view.articleShown.connect(self.load)
        panel.tagClicked.connect(self.search_tag)
        panel.tagsEdited.connect(self.edit_tags)
        panel.noteWanted.connect(self.add_note)
        panel.noteRemoved.connect(self.remove_note)
        panel.bookmarkToggled.connect(self.set_bookmark)
        saved_panel.opened.connect(self.open_saved)
        saved_panel.saveWanted.connect(self.save_current)
        saved_panel.deleteWanted.connect(self.delete_saved)
        saved_panel.set_read_only(controller.read_only)
        controller.libraryChanged.connect(self.refresh_saved)

    def _failed(self, message: str, _details: str = "") -> None:
        self.statusMessage.emit(message.split("\n")[0])

    # -- the article's tags, notes and bookmark ------------------------------------------------
    def load(self, article_id) -> None:
        self._seq += 1
        seq = self._seq
        if article_id is None:
            self.panel.show_kept(None, [], [], False)
            return

        def work(lib, _progress, _stop):
            return lib.tags(article_id), lib.notes([article_id]), article_id in lib.bookmarked_ids()

        def show(result):
            if seq == self._seq:
                self.panel.show_kept(article_id, *result)
                self.keptShown.emit()

        self.controller.run(work, show, self._failed)

    def _change(self, fn, relist: bool = False) -> None:
        """Run ``fn(library, article id)``, then show the article's kept things (and the list) again."""
        article_id = self.panel.article_id
        if article_id is None:
            return

        def done(_result):
            self.load(article_id)
            if relist:
                self.library_pane.run_search()  # the list's tags column

        self.controller.run(lambda lib, _p, _s: fn(lib, article_id), done, self._failed)

    def edit_tags(self, add: tuple, remove: tuple) -> None:
        self._change(lambda lib, aid: lib.edit_tags(aid, add=add, remove=remove), relist=True)

    def add_note(self, text: str, span) -> None:
        self._change(lambda lib, aid: lib.add_note(aid, text, span))

    def remove_note(self, note_id: int) -> None:
        self._change(lambda lib, _aid: lib.remove_note(note_id))

    def set_bookmark(self, bookmarked: bool) -> None:
        self._change(lambda lib, aid: lib.set_bookmark(aid, bookmarked))

    def search_tag(self, tag: str) -> None:
        self._search(f"tag:{tag}")  # a tag holds no white space (store/keeping.py)

    def _search(self, text: str, query=None) -> None:
        pane = self.library_pane
        pane.search_box.setText(text)
        if query is None:
            pane.run_search()
        else:
            pane.set_filter(sources=query.sources, date_from=query.date_from, date_to=query.date_to,
                            article_ids=None)

    # -- saved searches ---------------------------------------------------------------------------
    def refresh_saved(self) -> None:
        def show(saved):
            self.saved_panel.model.set_saved(saved)
            self.savedShown.emit()

        self.controller.run(lambda lib, _p, _s: lib.saved_searches(), show, self._failed)

    def open_saved(self, saved) -> None:
        if saved is None:
            self._search(BOOKMARKED_QUERY)
            return

        def show(opened):
            if opened is not None:
                self._search(opened.query.text, opened.query)
            self.refresh_saved()

        self.controller.run(lambda lib, _p, _s: lib.open_saved_search(saved.name), show, self._failed)

    def save_current(self, name: str) -> None:
        pane = self.library_pane
        query = pane.query.with_text(pane.search_box.text().strip())
        self.controller.run(lambda lib, _p, _s: lib.save_search(name, query), lambda _r: self.refresh_saved(),
                            self._failed)

    def delete_saved(self, name: str) -> None:
        self.controller.run(lambda lib, _p, _s: lib.delete_saved_search(name), lambda _r: self.refresh_saved(),
                            self._failed)
