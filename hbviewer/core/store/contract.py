"""What a library can do: the one contract every backend keeps.

The importer, the summaries, the exports, the CLI and the window use a library
through these operations only, so an SQLite file and a PostgreSQL server are
interchangeable. ``tests/test_library_contract.py`` runs the same suite on both
and checks that each backend has every operation named here, with the same
parameters.

Offsets, ids and orders mean the same in both: an article's id is stable for as
long as it is stored; "library order" is by source path, then position on the
page; a figure row is :data:`~hbviewer.core.store.records.FIGURE_ROWS`' columns.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Callable, Iterator, Protocol, runtime_checkable

from ..extract.figures import Figure
from ..model import Article, SourceInfo, SourceRecord, StoredArticle
from .corrections import Correction
from .keeping import KeptRecord, Note, SavedSearch
from .search import ArticleRow, SearchQuery, SearchResult

ShouldStop = Callable[[], bool]


class WriteGroup:
    """Files stored under :meth:`Library.grouped_writes`, and what became of their transactions."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.began = 0.0  # when the open transaction began
        self.uncommitted: list[str] = []  # sources stored since the last commit
        self.lost: dict = {}  # source path -> LibraryError: stored, then lost with their transaction


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    problems: tuple[str, ...] = ()  # SQLite's own words, at most the first twenty
    quick: bool = False

    def message(self) -> str:
        if self.ok:
            return "The library is in good order: no damage found."
        shown = "; ".join(self.problems[:3])
        return (f"The library is damaged ({len(self.problems)} problem(s) found: {shown}). Restore the latest "
                "good backup, or recover what can be read into a new library; the damaged file is kept.")


@runtime_checkable
class Library(Protocol):
    """An open library. Every failure is a :class:`~hbviewer.core.store.errors.LibraryError`."""

    path: object  # where it is, as it may be shown: a file's Path, a server's address without password
    read_only: bool  # searching works, storing does not
    commits: int  # transactions committed through this connection: a window tells its own changes by it

    def close(self) -> None: ...

    # -- storing ---------------------------------------------------------------------
    def grouped_writes(self, seconds: float = 0.5) -> AbstractContextManager[WriteGroup]:
        """Let the files stored inside share transactions (a backend may keep one per file)."""

    def commit_group(self) -> None:
        """Commit what an open group holds now, before waiting for more work."""

    def source_by_path(self, path: str) -> SourceInfo | None: ...

    def source_sha256(self, path: str) -> str | None: ...

    def store_file(self, path: str, name: str, sha256: str, size: int, encoding: str,
                   articles: list[Article], should_stop: ShouldStop | None = None,
                   analyses: list | None = None, analysis_version: int = 0) -> tuple[int, list[str], bool]:
        """One file's articles and their analyses, all or nothing: ``(stored, duplicate titles, replaced)``."""

    def replace_analysis(self, updates: list, version: int) -> None:
        """``updates``: (article id, ArticleAnalysis) pairs, stored in one transaction."""

    def stale_analysis_articles(self, version: int, limit: int | None = None) -> list[int]: ...

    def remove_source(self, source_id: int) -> None: ...

    def rebuild_index(self) -> None: ...

    def check(self, quick: bool = False) -> CheckReport:
        """Look for damage (a file: SQLite's integrity check; a server: schema and index consistency)."""

    def meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    # -- copying between libraries ------------------------------------------------------
    def dump_sources(self) -> Iterator[SourceRecord]:
        """Every source with all its articles, figures and regions, one at a time, in library order."""

    def store_copied(self, record: SourceRecord, keep_ids: bool = False,
                     should_stop: ShouldStop | None = None) -> tuple[int, int] | None:
        """A source from another library as it was: ``(stored, duplicates)``, None if its path is here."""

    def dump_kept(self) -> KeptRecord:
        """The user tags, notes, bookmarks and saved searches, keyed by article fingerprint."""

    def store_kept(self, record: KeptRecord) -> dict:
        """Add what another library kept (what is here stays); how many of each were added."""

    # -- reading -------------------------------------------------------------------------
    def article(self, article_id: int) -> StoredArticle | None: ...

    def articles(self, query: SearchQuery | None = None) -> list[StoredArticle]:
        """Articles in library order, filtered by the query's sources, dates and ids."""

    def sources(self) -> list[SourceInfo]: ...

    def article_count(self) -> int: ...

    def stats(self) -> dict:
        """path, sources, articles, characters, figures, regions, schema_version, file_bytes."""

    def figures(self, article_id: int) -> list[Figure]:
        """An article's figures in text order."""

    def article_regions(self, article_id: int, role: str = "subject") -> list[dict]:
        """An article's regions of one role (subject | mentioned), first first."""

    def region_labels(self, article_ids: list[int], most: int = 3) -> dict[int, str]:
        """'万全区、张家口市' for each article: its first subject regions, for lists."""

    def article_texts(self, ids: list[int]) -> dict[int, str]: ...

    def change_mark(self) -> str:
        """A short mark that differs whenever anyone changed the library (for refreshing a window)."""

    # -- searching -----------------------------------------------------------------------
    def search(self, query: SearchQuery, offsets: bool = False) -> SearchResult:
        """Articles holding the query, best first, with snippets (all hit offsets with ``offsets``)."""

    def rows(self, query: SearchQuery) -> tuple[int, list[ArticleRow]]:
        """What a list shows: ``(total, rows)``, best first for a text query, else library order."""

    def search_ids(self, query: SearchQuery) -> set[int]:
        """Every matching article id, unranked."""

    # -- summaries and the region panel ------------------------------------------------------
    def figure_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """Every figure (of these articles) with its article's title, date and source, in library order."""

    def article_summary_rows(self, ids: set[int] | None = None) -> list[tuple]:
        """(id, title, date, source, regions, figure count) for articles in scope."""

    def subject_counts(self, ids: set[int] | None = None) -> dict[str, int]:
        """Region code -> number of articles (in scope) about it."""

    def region_figure_article_ids(self, codes: list[str]) -> set[int]: ...

    def region_article_ids(self, codes: list[str]) -> set[int]:
        """Articles whose subjects include any of these regions."""

    def figure_counts_by_region(self) -> dict[str, int]:
        """Region code -> figures attributed to it (not to its counties)."""

    def latest_figures(self, codes: list[str] | None, limit: int) -> list[tuple]:
        """The last imported ``limit`` figures of these regions (all: None), as figure rows."""

    def indicator_counts(self, codes: list[str] | None, most: int) -> list[tuple[str, int]]:
        """The commonest indicators of these regions' figures, with how many figures each."""

    def indicator_figures(self, codes: list[str] | None, indicators: list[str] | None) -> list[tuple]:
        """Figure rows of these regions (all: None) measuring one of these indicators (any: None),
        attributed to a region, oldest first."""

    # -- corrections (store/corrections.py) -------------------------------------------------
    def correct_figure(self, figure_id: int, action: str, changes: dict | None = None) -> int:
        """Accept, reject or edit a stored figure; the correction's id. CorrectionError if it cannot be."""

    def add_figure(self, article_id: int, start: int, end: int, values: dict) -> int:
        """A figure the analysis missed, at ``start:end`` of the article's text; the correction's id."""

    def set_correction_state(self, correction_id: int, state: str) -> None:
        """Undo (``undone``) or redo (``applied``) a correction; the article's figures follow."""

    # -- fixes of whole articles (store/article_fixes.py), undone like corrections -------------------
    def fix_article(self, article_id: int, changes: dict) -> int:
        """Title, publication, date, page, section or byline set by hand; the correction's id."""

    def fix_subjects(self, article_id: int, add: list[str] = (), remove: list[str] = ()) -> int:
        """Regions (names or codes) added to or removed from what an article is about; the correction's id."""

    def merge_articles(self, article_id: int) -> int:
        """The next article of the same page joined to this one; the correction's id."""

    def split_article(self, article_id: int, at: int) -> int:
        """The article cut in two at ``at`` of its text, the rest the next article; the correction's id."""

    def refresh_metadata(self, updates: list) -> int:
        """(article id, {field: value}) read again from the page; hand-fixed fields kept. How many changed."""

    def figure(self, figure_id: int) -> tuple[int, Figure] | None:
        """A stored figure with its article's id."""

    def corrections(self, article_id: int | None = None, state: str | None = None) -> list[Correction]:
        """Corrections in the order made, of one article and/or in one state."""

    def unreviewed_figures(self, limit: int | None = 100) -> list[tuple[int, Figure]]:
        """``(article id, figure)`` nobody has reviewed, of the newest imports, least certain first."""

    # -- what people keep (store/keeping.py) ----------------------------------------------------
    # A wrong argument (no such article, an empty tag or note) raises ValueError with a message.
    def tags(self, article_id: int) -> list[tuple[str, str]]:
        """(tag, 'auto' | 'user') of the tags an article shows: the automatic ones kept, then the user's."""

    def tag_labels(self, article_ids: list[int]) -> dict[int, list[str]]:
        """The tags each of these articles shows, for lists."""

    def edit_tags(self, article_id: int, add: tuple = (), remove: tuple = ()) -> list[tuple[str, str]]:
        """Add tags of the user's and remove tags (an automatic one stays removed); the tags now shown."""

    def add_note(self, article_id: int, text: str, span: tuple[int, int] | None = None) -> Note:
        """A note on the article, or on the figure at ``span`` (its start and end in the text)."""

    def remove_note(self, note_id: int) -> bool: ...

    def notes(self, article_ids: list[int] | None = None) -> list[Note]:
        """Notes of these articles (None: every article), in library order, oldest first."""

    def set_bookmark(self, article_id: int, bookmarked: bool = True) -> None: ...

    def bookmarked_ids(self) -> set[int]: ...

    def save_search(self, name: str, query: SearchQuery) -> None:
        """Keep the query's text, sources and dates under ``name`` (replacing one of that name)."""

    def delete_saved_search(self, name: str) -> bool: ...

    def saved_searches(self) -> list[SavedSearch]:
        """By name, each with the articles it finds that were imported since it was last opened."""

    def open_saved_search(self, name: str) -> SavedSearch | None:
        """The saved search, marked as opened now; None if there is none of that name."""


def operations() -> list[str]:
    """The names of the contract's operations (for the contract tests)."""
    return sorted(name for name, value in vars(Library).items()
                  if callable(value) and not name.startswith("_"))
