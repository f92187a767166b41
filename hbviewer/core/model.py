"""Plain values passed between the core, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"


def page_label(page: str) -> str:
    """The page as a paper prints it: 3 → 第3版."""
    return f"第{page}版" if page else ""


def where_published(publication: str, page: str) -> str:
    """Where an article appeared, as staff cite it: 河北日报 第3版; "" when neither is known."""
    return " ".join(p for p in (publication, page_label(page)) if p)


def source_label(publication: str, page: str, file_name: str) -> str:
    """What a list shows as an article's source: where it appeared, else the file it came from."""
    return where_published(publication, page) if publication else " ".join(
        p for p in (file_name, page_label(page)) if p)


@dataclass(frozen=True)
class Article:
    """One article as split from a source file, in display form.

    ``text`` (the deck and body paragraphs) is what staff read and what figure
    and search-hit offsets point into; the title is kept apart.
    """

    title: str
    paragraphs: tuple[str, ...]
    subtitle: str = ""
    byline: str = ""
    section: str = ""
    publication: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    page: str = ""  # the printed page: "3" for 第3版, "A3"
    captions: tuple[str, ...] = ()
    position: int = 0
    original: str = ""
    title_inferred: bool = False

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the library holds it."""

    id: int
    source_id: int
    source_name: str
    position: int
    title: str
    text: str
    subtitle: str = ""
    byline: str = ""
    section: str = ""
    publication: str = ""
    date: str | None = None
    captions: tuple[str, ...] = ()
    title_inferred: bool = False
    original: str = ""
    page: str = ""  # the printed page: "3" for 第3版


@dataclass(frozen=True)
class SourceInfo:
    id: int
    path: str
    name: str
    encoding: str
    size: int
    imported_at: str
    article_count: int


@dataclass
class FileImportResult:
    """What happened to one file; ``error`` is a message for the user."""

    path: str
    status: str  # imported | replaced | unchanged | failed | cancelled
    articles: int = 0
    duplicates: int = 0
    duplicate_titles: list[str] = field(default_factory=list)
    encoding: str = ""
    error: str = ""
    error_code: str = ""


@dataclass
class ImportReport:
    files: list[FileImportResult] = field(default_factory=list)
    cancelled: bool = False
    stopped: str = ""  # why the import stopped before the end (a full disk …): said once, not per file
    stopped_code: str = ""

    @property
    def articles_added(self) -> int:
        return sum(f.articles for f in self.files if f.status in ("imported", "replaced"))

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def failed(self) -> list[FileImportResult]:
        return [f for f in self.files if f.status == "failed"]


# What a library copy moves (library_copy.py): every stored column, as stored.
FIGURE_FIELDS = ("start", "end", "text", "value", "value_high", "unit", "kind", "approx", "indicator",
                 "change", "as_of", "region", "region_code", "prefecture", "zone", "status")
REGION_FIELDS = ("role", "rank", "code", "name", "level", "prefecture", "prefecture_code", "province_code",
                 "score", "zone")


@dataclass(frozen=True)
class ArticleRecord:
    """One stored article with all its columns and its analysis rows."""

    id: int  # in the library it was read from
    position: int
    title: str
    title_inferred: bool
    subtitle: str
    byline: str
    section: str
    publication: str
    date: str | None
    text: str
    captions: str  # the JSON list, as stored
    original: str
    fingerprint: str
    analysis_version: int
    figures: tuple[tuple, ...] = ()  # FIGURE_FIELDS, in stored order; ``change`` as stored JSON
    regions: tuple[tuple, ...] = ()  # REGION_FIELDS, by role and rank
    page: str = ""
    corrections: tuple[tuple, ...] = ()  # store.corrections.CORRECTION_FIELDS, in the order made


@dataclass(frozen=True)
class SourceRecord:
    """One imported file as stored, with its articles."""

    id: int
    path: str
    name: str
    sha256: str
    size: int
    encoding: str
    imported_at: str
    articles: tuple[ArticleRecord, ...] = ()
