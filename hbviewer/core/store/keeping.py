"""What people keep about articles: tags, notes, bookmarks and saved searches, as plain values.

*Tags* are of two kinds. The analysis gives each article its keywords (the
automatic tags, ``article_tags``), recomputed whenever it is analysed again.
What a person does is kept apart (``user_tags``): a tag added, or an
automatic tag removed, which then stays removed whatever a new analysis finds.

*Notes* are plain text on an article, or on one figure of it: a figure is
named by its span in the article's text, since figure rows are made anew by
each analysis. Each note has its author (the system user at a library file,
the role on a server) and its time.

Notes, user tags and bookmarks are keyed by the article's fingerprint, so they
survive the article's file being imported again and a copy into another
library. *Saved searches* are a query and its filters under a name, kept in
the library, so everyone who uses a shared library sees them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .search import KeepFilters, SearchQuery

AUTOMATIC, BY_USER = "auto", "user"  # where a shown tag comes from
ADDED, REMOVED = "added", "removed"  # user_tags.state
_SAVED_FILTERS = ("sources", "date_from", "date_to")  # what a saved search keeps besides its text
MOST_TAG_CHARACTERS = 40


@dataclass(frozen=True)
class Note:
    id: int
    article_id: int
    text: str
    author: str
    created_at: str
    span: tuple[int, int] | None = None  # the figure's (start, end) in the article text, for a figure note

    def to_json(self) -> dict:
        out = asdict(self)
        out["span"] = list(self.span) if self.span else None
        return out


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: SearchQuery
    author: str
    created_at: str
    opened_at: str
    new: int = 0  # articles it finds that were imported after it was last opened

    def to_json(self) -> dict:
        return {"name": self.name, "query": self.query.text, "filters": saved_filters(self.query),
                "author": self.author, "created_at": self.created_at, "opened_at": self.opened_at,
                "new": self.new}


@dataclass(frozen=True)
class KeptRecord:
    """Everything people kept in one library, keyed by article fingerprint (for copying)."""

    user_tags: tuple[tuple, ...] = ()  # (fingerprint, tag, state, author, changed_at)
    notes: tuple[tuple, ...] = ()  # (fingerprint, figure_start, figure_end, text, author, created_at)
    bookmarks: tuple[tuple, ...] = ()  # (fingerprint, author, created_at)
    saved_searches: tuple[tuple, ...] = ()  # (name, query, filters JSON, author, created_at, opened_at)
    counts: dict = field(default_factory=dict)


def saved_filters(query: SearchQuery) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k in _SAVED_FILTERS
            if (v := getattr(query, k)) not in (None, ())}


def filters_json(query: SearchQuery) -> str:
    return json.dumps(saved_filters(query), ensure_ascii=False, sort_keys=True)


def query_from_saved(text: str, filters: str) -> SearchQuery:
    values = json.loads(filters or "{}")
    return SearchQuery(text=text, sources=tuple(int(s) for s in values.get("sources", ())),
                       date_from=values.get("date_from"), date_to=values.get("date_to"))


def clean_tag(tag: str) -> str:
    """A tag as stored: one word, no white space, not too long. Raises ValueError for an empty one."""
    tag = "".join(str(tag).split())[:MOST_TAG_CHARACTERS]
    if not tag:
        raise ValueError("A tag cannot be empty.")
    return tag


def clean_note(text: str) -> str:
    text = str(text).replace("\x00", "").strip()
    if not text:
        raise ValueError("A note cannot be empty.")
    return text


def shown_tags(automatic: list[str], user: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tags to show: the automatic ones the user has not removed, then the user's own."""
    removed = {t for t, state in user if state == REMOVED}
    added = [t for t, state in user if state == ADDED]
    out = [(t, AUTOMATIC) for t in dict.fromkeys(automatic) if t not in removed and t not in added]
    return out + [(t, BY_USER) for t in added]


def note_matches(folded_note: str, required, excluded) -> bool:
    """A note (folded, spaces collapsed) holds the query: a term of each group, none excluded."""
    return (all(any(t in folded_note for t in group) for group in required)
            and not any(t in folded_note for t in excluded))


def keep_filters_wanted(filters: KeepFilters) -> bool:
    return bool(filters)
