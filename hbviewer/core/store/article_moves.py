"""Merging an article with the next one of its page, and splitting one in two; their undo and redo.

The text that changes article takes its figure corrections along, their spans shifted by where it
now begins; both articles are then analysed again and the corrections laid on the new figures. An
article's own fixes (title, subjects …) of the article that goes away are kept in the correction, to
be put back by the undo. A merge or a split is undone only while no later one of the same articles
is applied, and a split only once the fixes made to the new article are undone: undo goes back in
order, as the window's undo does.
"""

from __future__ import annotations

import json

from .article_fixes import merged_text, split_text
from .corrections import ACTIONS, Correction, CorrectionError

FIGURE_ACTIONS_SQL = "(" + ", ".join(f"'{a}'" for a in ACTIONS) + ")"
_NEXT = ("SELECT id FROM articles WHERE source_id = ? AND (position > ? OR (position = ? AND id > ?))"
         " ORDER BY position, id LIMIT 1")


def dumps(values) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


class MergeAndSplit:
    """The merging and splitting part of ``ArticleFixWrites``, whose shared steps it uses."""

    def _later_structural(self, db, c: Correction) -> None:
        ids = [c.article_id, c.changes.get("merged", c.changes.get("new_article"))]
        later = [r[0] for r in db.execute(self._sql(
            "SELECT id FROM corrections WHERE id > ? AND state = 'applied' AND action IN ('merge', 'split')"
            " AND article_id IN (?, ?) ORDER BY id"), (c.id, *ids)).fetchall()]
        if later:
            raise CorrectionError(f"undo the later merge or split of these articles first (correction "
                                  f"{', '.join(map(str, later))})")

    # -- merging --------------------------------------------------------------------------------
    def _merge(self, db, article_id: int, expected: int | None = None) -> tuple[dict, dict]:
        a = self._article_values(db, article_id)
        row = db.execute(self._sql(_NEXT), (a["source_id"], a["position"], a["position"], a["id"])).fetchone()
        if row is None or (expected is not None and row[0] != expected):
            raise CorrectionError(f"“{a['title']}” is the last article of its page: there is no next article"
                                  " to merge it with" if row is None else
                                  "the article that was merged is no longer the next one on the page")
        b = self._article_values(db, row[0])
        text, offset = merged_text(a["text"], b["title"], b["title_inferred"], b["text"])
        previous = {"text": a["text"], "original": a["original"], "next": b, "fixes": self._take_fixes(db, b["id"])}
        self._move_figure_corrections(db, b["id"], a["id"], 0, offset)
        self._delete_article(db, b)
        self._set_text(db, a, text, "\n\n".join(p for p in (a["original"], b["original"]) if p))
        self._reanalyse(db, a["id"])
        return {"merged": b["id"], "offset": offset, "title": b["title"]}, previous

    def _unmerge(self, db, c: Correction) -> None:
        a = self._article_values(db, c.article_id, missing_ok=True)
        if a is None:
            raise CorrectionError("the merged article is no longer in the library")
        offset = c.changes["offset"]
        b_id = self._new_article(db, {**c.previous["next"], "source_id": a["source_id"]})
        self._move_figure_corrections(db, a["id"], b_id, offset, -offset)
        self._put_fixes(db, b_id, c.previous.get("fixes", []))
        self._set_text(db, a, c.previous["text"], c.previous["original"])
        self._reanalyse(db, a["id"])
        self._reanalyse(db, b_id)
        if b_id != c.changes["merged"]:
            db.execute(self._sql("UPDATE corrections SET changes = ? WHERE id = ?"),
                       (dumps({**c.changes, "merged": b_id}), c.id))

    # -- splitting ------------------------------------------------------------------------------
    def _split(self, db, article_id: int, at: int, before: dict | None = None) -> tuple[dict, dict]:
        a = self._article_values(db, article_id)
        if before is not None and a["text"] != before["text"]:
            raise CorrectionError("the article's text has changed since it was split: split it again")
        kept, title, inferred, body, offset = split_text(a["text"], at)
        new = {**a, "id": None, "title": title, "title_inferred": inferred, "subtitle": "", "byline": "",
               "text": body, "captions": "[]", "original": "", "fingerprint": _fingerprint(title, body)}
        b_id = self._new_article(db, new)
        self._move_figure_corrections(db, a["id"], b_id, offset, -offset)
        self._put_fixes(db, b_id, (before or {}).get("fixes", []))
        self._set_text(db, a, kept, a["original"])
        self._reanalyse(db, a["id"])
        self._reanalyse(db, b_id)
        return ({"at": at, "new_article": b_id, "offset": offset, "title": title},
                {"text": a["text"], "original": a["original"]})

    def _unsplit(self, db, c: Correction) -> None:
        a = self._article_values(db, c.article_id, missing_ok=True)
        b = self._article_values(db, c.changes["new_article"], missing_ok=True)
        offset = c.changes["offset"]
        made = c.previous["text"][offset:].rstrip()  # the text the split gave it: its own, not an id's namesake
        if a is None or b is None or b["source_id"] != a["source_id"] or b["text"].rstrip() != made:
            raise CorrectionError("the articles of this split are no longer both in the library")
        fixes = [r[0] for r in db.execute(self._sql(
            f"SELECT id FROM corrections WHERE article_id = ? AND state = 'applied'"
            f" AND action NOT IN {FIGURE_ACTIONS_SQL}"), (b["id"],)).fetchall()]
        if fixes:
            raise CorrectionError(f"undo first the fixes made to the article split off (correction "
                                  f"{', '.join(map(str, fixes))})")
        saved = self._take_fixes(db, b["id"])
        self._move_figure_corrections(db, b["id"], a["id"], 0, offset)
        self._delete_article(db, b)
        self._set_text(db, a, c.previous["text"], c.previous["original"])
        self._reanalyse(db, a["id"])
        db.execute(self._sql("UPDATE corrections SET previous = ? WHERE id = ?"),
                   (dumps({**c.previous, "fixes": saved}), c.id))


def _fingerprint(title: str, text: str) -> str:
    from ..model import Article
    from .records import fingerprint

    return fingerprint(Article(title, (text,)))


__all__ = ["FIGURE_ACTIONS_SQL", "MergeAndSplit", "dumps"]
