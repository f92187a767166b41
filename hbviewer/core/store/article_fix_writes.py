"""Writing fixes of whole articles: the same SQL on both backends, inside each backend's transaction.

Each fix is one row of ``corrections`` (see ``article_fixes.py``) holding the new values and the
ones they replaced, so undo puts the old ones back. A merge or a split moves the figure corrections
of the text that changes article, their spans shifted, and analyses both articles again: the
re-anchoring lays each one on its figure, or marks it as needing a look.

The backends give ``_article_values``'s unpacking (``_unpack``), ``_insert_article_values``,
``_index_article`` / ``_unindex_article`` and ``_store_analysis``.
"""

from __future__ import annotations

import hashlib

from .article_fixes import (FIXABLE, REANALYSED_BY, STRUCTURAL, check_article_changes, field_value,
                            fixed_fields, subject_changes)
from .article_moves import FIGURE_ACTIONS_SQL as _FIGURE_ACTIONS_SQL, MergeAndSplit, dumps as _dumps
from .corrections import Anchor, Correction, CorrectionError
from .errors import LibraryError

_ARTICLE = ("SELECT id, source_id, position, title, title_inferred, subtitle, byline, section, publication, date,"
            " text, captions, original, fingerprint, analysis_version, page FROM articles WHERE id = ?")
ARTICLE_KEYS = ("id", "source_id", "position", "title", "title_inferred", "subtitle", "byline", "section",
                "publication", "date", "text", "captions", "original", "fingerprint", "analysis_version", "page")
_SAVED = ("id", "action", "anchor_start", "anchor_end", "anchor_text", "changes", "previous", "author",
          "made_at", "state")


class ArticleFixWrites(MergeAndSplit):
    """Mixed into both backends, beside ``CorrectionWrites`` (whose shared steps it uses)."""

    # -- the operations of the contract --------------------------------------------------------
    def fix_article(self, article_id: int, changes: dict) -> int:
        """Set an article's title, publication, date, page, section or byline by hand; the correction's id."""
        self._writable()
        with self._transaction() as db:
            current = self._article_values(db, article_id)
            checked = check_article_changes(changes, current)
            previous = {key: current[key] for key in checked}
            if "title" in checked:  # a title made from the first sentence is one again after undo
                previous["title_inferred"] = current["title_inferred"]
            self._set_fields(db, current, checked)
            return self._record(db, article_id, "article", Anchor(0, 0, ""), checked, previous)

    def fix_subjects(self, article_id: int, add: list[str] = (), remove: list[str] = ()) -> int:
        """Add or remove regions an article is about (names or codes); the correction's id."""
        self._writable()
        with self._transaction() as db:
            self._article_values(db, article_id)
            subjects = [{"code": c, "name": n} for c, n in db.execute(self._sql(
                "SELECT code, name FROM article_regions WHERE article_id = ? AND role = 'subject' ORDER BY rank"),
                (article_id,)).fetchall()]
            changes = subject_changes(list(add), list(remove), subjects)
            cid = self._record(db, article_id, "subjects", Anchor(0, 0, ""), changes,
                               {"subjects": [s["code"] for s in subjects]})
            self._reanalyse(db, article_id)
            return cid

    def merge_articles(self, article_id: int) -> int:
        """Join the next article of the same page to this one; the correction's id."""
        self._writable()
        with self._transaction() as db:
            changes, previous = self._merge(db, article_id)
            return self._record(db, article_id, "merge", Anchor(changes["offset"], changes["offset"], ""),
                                changes, previous)

    def split_article(self, article_id: int, at: int) -> int:
        """Cut an article in two at ``at`` of its text; the rest becomes the next article. The correction's id."""
        self._writable()
        with self._transaction() as db:
            changes, previous = self._split(db, article_id, at)
            return self._record(db, article_id, "split", Anchor(at, at, ""), changes, previous)

    def refresh_metadata(self, updates: list) -> int:
        """``updates``: (article id, {field: value}) worked out again from the page; a field fixed by hand,
        or a value now unknown (""), is kept. Returns how many articles changed."""
        changed = 0
        with self._transaction() as db:
            for article_id, values in updates:
                current = self._article_values(db, article_id, missing_ok=True)
                if current is None:
                    continue
                kept = fixed_fields(self._article_corrections(db, article_id))
                new = {k: v for k, v in values.items()
                       if k in FIXABLE and k != "title" and k not in kept and v and v != current[k]}
                if new:
                    self._set_fields(db, current, new)
                    changed += 1
        return changed

    # -- undo and redo (from set_correction_state) -------------------------------------------------
    def _set_fix_state(self, db, c: Correction, state: str) -> None:
        if c.action in STRUCTURAL:
            if (c.state == "undone") == (state == "undone"):
                raise CorrectionError(f"correction {c.id} is {'undone' if state == 'undone' else 'applied'} already")
            if state == "undone":
                self._later_structural(db, c)
                (self._unmerge if c.action == "merge" else self._unsplit)(db, c)
            else:
                changes, previous = (self._merge(db, c.article_id, c.changes["merged"]) if c.action == "merge"
                                     else self._split(db, c.article_id, c.changes["at"], c.previous))
                db.execute(self._sql("UPDATE corrections SET changes = ?, previous = ? WHERE id = ?"),
                           (_dumps(changes), _dumps(previous), c.id))
            db.execute(self._sql("UPDATE corrections SET state = ? WHERE id = ?"), (state, c.id))
            return
        db.execute(self._sql("UPDATE corrections SET state = ? WHERE id = ?"), (state, c.id))
        if c.action == "subjects":
            self._reanalyse(db, c.article_id)
            return
        current = self._article_values(db, c.article_id)
        fixes = self._article_corrections(db, c.article_id)
        values = {key: field_value(key, fixes, current[key]) for key in c.changes}
        values = {k: v for k, v in values.items() if v != current[k]}
        if "title" in values:
            first = next(f for f in fixes if f.action == "article" and "title" in f.changes)
            values["title_inferred"] = bool(values["title"] == first.previous["title"]
                                            and first.previous.get("title_inferred"))
        self._set_fields(db, current, values)

    # -- shared steps ---------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise LibraryError(f"The library {self.path} is read-only (or your role on the server may only read):"
                               " articles can be read, not fixed.", "read_only")

    def _article_values(self, db, article_id: int, missing_ok: bool = False) -> dict | None:
        row = db.execute(self._sql(_ARTICLE), (article_id,)).fetchone()
        if row is None:
            if missing_ok:
                return None
            raise CorrectionError(f"no article with id {article_id}")
        values = dict(zip(ARTICLE_KEYS, row))
        values["original"] = self._unpack(values["original"])
        values["title_inferred"] = bool(values["title_inferred"])
        return values

    def _set_fields(self, db, current: dict, values: dict) -> None:
        if not values:
            return
        if "title" in values:  # a title set by hand is no longer made from the first sentence
            values = {"title_inferred": False, **values}
        keys = sorted(values)
        db.execute(self._sql(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?"),
                   (*(values[k] for k in keys), current["id"]))
        if "title" in values:
            self._unindex_article(db, current["id"], current["title"], current["text"])
            self._index_article(db, current["id"], values["title"], current["text"])
        if set(values) & set(REANALYSED_BY):
            self._reanalyse(db, current["id"])

    def _set_text(self, db, current: dict, text: str, original: str) -> None:
        db.execute(self._sql("UPDATE articles SET text = ?, original = ? WHERE id = ?"),
                   (text, self._pack(original), current["id"]))
        self._unindex_article(db, current["id"], current["title"], current["text"])
        self._index_article(db, current["id"], current["title"], text)

    def _reanalyse(self, db, article_id: int) -> None:
        """The article's figures and regions found again, with every correction laid on them."""
        from ..extract.analysis import analyse

        title, text, byline = db.execute(self._sql("SELECT title, text, byline FROM articles WHERE id = ?"),
                                         (article_id,)).fetchone()
        analysis = self._corrected(db, article_id, text, analyse(title, text, byline))
        db.execute(self._sql("DELETE FROM figures WHERE article_id = ?"), (article_id,))
        db.execute(self._sql("DELETE FROM article_regions WHERE article_id = ?"), (article_id,))
        self._store_analysis(db, article_id, analysis)

    def _move_figure_corrections(self, db, source: int, target: int, since: int, shift: int) -> None:
        """Figure corrections of ``source`` from offset ``since`` on, to ``target``, their spans shifted."""
        db.execute(self._sql(f"UPDATE corrections SET article_id = ?, anchor_start = anchor_start + ?,"
                             f" anchor_end = anchor_end + ? WHERE article_id = ? AND anchor_start >= ?"
                             f" AND action IN {_FIGURE_ACTIONS_SQL}"), (target, shift, shift, source, since))

    def _take_fixes(self, db, article_id: int) -> list[dict]:
        """The article's own fixes (not of figures), taken out to be put back by an undo or a redo."""
        rows = db.execute(self._sql(f"SELECT {', '.join(_SAVED)} FROM corrections WHERE article_id = ?"
                                    f" AND action NOT IN {_FIGURE_ACTIONS_SQL} ORDER BY id"), (article_id,)).fetchall()
        db.execute(self._sql(f"DELETE FROM corrections WHERE article_id = ? AND action NOT IN {_FIGURE_ACTIONS_SQL}"),
                   (article_id,))
        return [dict(zip(_SAVED, r)) for r in rows]

    def _put_fixes(self, db, article_id: int, saved: list[dict]) -> None:
        for row in saved:
            taken = db.execute(self._sql("SELECT 1 FROM corrections WHERE id = ?"), (row["id"],)).fetchone()
            keys = [k for k in _SAVED if not (k == "id" and taken)]
            db.execute(self._sql(f"INSERT INTO corrections(article_id, {', '.join(keys)})"
                                 f" VALUES(?{', ?' * len(keys)})"), (article_id, *(row[k] for k in keys)))

    def _new_article(self, db, values: dict) -> int:
        """Store an article row (its analysis follows); its id if free, its fingerprint made unique."""
        values = dict(values)
        if values.get("id") is not None and db.execute(self._sql("SELECT 1 FROM articles WHERE id = ?"),
                                                       (values["id"],)).fetchone():
            values["id"] = None
        fp = values["fingerprint"]
        while db.execute(self._sql("SELECT 1 FROM articles WHERE fingerprint = ?"), (fp,)).fetchone():
            fp = hashlib.sha256((fp + "+").encode("utf-8")).hexdigest()
        values["fingerprint"] = fp
        article_id = self._insert_article_values(db, values)
        self._index_article(db, article_id, values["title"], values["text"])
        return article_id

    def _delete_article(self, db, current: dict) -> None:
        self._unindex_article(db, current["id"], current["title"], current["text"])
        db.execute(self._sql("DELETE FROM articles WHERE id = ?"), (current["id"],))


__all__ = ["ARTICLE_KEYS", "ArticleFixWrites"]
