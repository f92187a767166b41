"""Writing corrections: the same SQL on both backends, inside each backend's own transaction.

A correction changes its figure's row at once (its id stays, so a window showing it can
update it in place) and is recorded with the values it replaced. Re-analysis and undo
work the article's figures out again: the analysis, then every correction still applied,
in the order made (``corrections.apply_corrections``).
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..extract.figures import Figure
from .article_fix_writes import ArticleFixWrites
from .article_fixes import ARTICLE_ACTIONS, with_subject_fixes
from .corrections import (ACTIONS, Anchor, Correction, CorrectionError, added_figure, apply_corrections, check_changes,
                          corrected, previous_values)
from .records import now

_FIGURE = ('SELECT article_id, start, "end", text, value, value_high, unit, kind, approx, indicator, change,'
           " as_of, region, region_code, prefecture, zone, status, id FROM figures WHERE id = ?")
_UPDATE = ("UPDATE figures SET value = ?, value_high = ?, unit = ?, kind = ?, approx = ?, indicator = ?,"
           " region = ?, region_code = ?, prefecture = ?, zone = ?, status = ? WHERE id = ?")
_INSERT = ("INSERT INTO corrections(article_id, action, anchor_start, anchor_end, anchor_text, changes, previous,"
           " author, made_at, state) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied') RETURNING id")
CORRECTION_COLUMNS = ("id, article_id, action, anchor_start, anchor_end, anchor_text, changes, previous, author,"
                      " made_at, state")


def figure_of_row(row) -> Figure:
    s, e, t, v, vh, u, k, a, ind, ch, ao, r, rc, p, z, st, fid = row
    return Figure(s, e, t, v, vh, u, k, a, ind, None if ch is None else json.loads(ch), ao, r, rc, p, z,
                  status=st, id=fid)


def correction_of_row(row) -> Correction:
    cid, aid, action, start, end, text, changes, previous, author, made_at, state = row
    return Correction(cid, aid, action, Anchor(start, end, text), json.loads(changes), json.loads(previous),
                      author, made_at, state)


def _dumps(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


class CorrectionWrites(ArticleFixWrites):
    """Mixed into both backends, which give ``_transaction``, ``_sql``, ``_author`` and
    ``_store_figures(db, article_id, figures)`` (and what ``ArticleFixWrites`` asks for)."""

    def _author(self) -> str:
        raise NotImplementedError

    def correct_figure(self, figure_id: int, action: str, changes: dict | None = None) -> int:
        """Accept, reject or edit a stored figure; returns the correction's id."""
        if action == "add":
            raise CorrectionError("a figure is added with add_figure")
        changes = check_changes(action, changes or {})
        with self._transaction() as db:
            row = db.execute(self._sql(_FIGURE), (figure_id,)).fetchone()
            if row is None:
                raise CorrectionError(f"no figure with id {figure_id} (the article may have been analysed again:"
                                      " show its figures for their ids now)")
            article_id, f = row[0], figure_of_row(row[1:])
            new = corrected(f, action, changes)
            self._update_figure(db, new)
            return self._record(db, article_id, action, Anchor.of(f), changes, previous_values(f, changes))

    def add_figure(self, article_id: int, start: int, end: int, values: dict) -> int:
        """Add a figure the analysis missed, at ``start:end`` of the article's text; returns the correction's id."""
        values = check_changes("edit", values)
        with self._transaction() as db:
            row = db.execute(self._sql("SELECT text FROM articles WHERE id = ?"), (article_id,)).fetchone()
            if row is None:
                raise CorrectionError(f"no article with id {article_id}")
            text = row[0]
            if not 0 <= start < end <= len(text):
                raise CorrectionError(f"{start}–{end} is not a span of the article's text (0–{len(text)})")
            anchor = Anchor(start, end, text[start:end])
            cid = self._record(db, article_id, "add", anchor, values, {})
            self._rederive(db, article_id)
            return cid

    def set_correction_state(self, correction_id: int, state: str) -> None:
        """Undo (``undone``) or redo (``applied``) a correction; the article's figures follow."""
        if state not in ("undone", "applied"):
            raise CorrectionError(f"a correction can be undone or applied again, not {state!r}")
        self._writable()
        with self._transaction() as db:
            row = db.execute(self._sql(f"SELECT {CORRECTION_COLUMNS} FROM corrections WHERE id = ?"),
                             (correction_id,)).fetchone()
            if row is None:
                raise CorrectionError(f"no correction with id {correction_id}")
            if row[2] in ARTICLE_ACTIONS:
                self._set_fix_state(db, correction_of_row(row), state)
                return
            row = row[1:]
            db.execute(self._sql("UPDATE corrections SET state = ? WHERE id = ?"), (state, correction_id))
            self._rederive(db, row[0])

    # -- shared steps ------------------------------------------------------------------------
    def _update_figure(self, db, f: Figure) -> None:
        db.execute(self._sql(_UPDATE), (f.value, f.value_high, f.unit, f.kind, f.approx, f.indicator, f.region,
                                        f.region_code, f.prefecture, f.zone, f.status, f.id))

    def _record(self, db, article_id: int, action: str, anchor: Anchor, changes: dict, previous: dict) -> int:
        return db.execute(self._sql(_INSERT), (article_id, action, anchor.start, anchor.end, anchor.text,
                                               _dumps(changes), _dumps(previous), self._author(),
                                               now())).fetchone()[0]

    def _article_corrections(self, db, article_id: int) -> list[Correction]:
        rows = db.execute(self._sql(f"SELECT {CORRECTION_COLUMNS} FROM corrections WHERE article_id = ?"
                                    " ORDER BY id"), (article_id,)).fetchall()
        return [correction_of_row(r) for r in rows]

    def _corrected(self, db, article_id: int, text: str, analysis):
        """The analysis with the article's corrections laid on it; their states brought up to date."""
        corrections = self._article_corrections(db, article_id)
        if not corrections:
            return analysis
        figures, states = apply_corrections(text, analysis.figures, [c for c in corrections if c.action in ACTIONS])
        for cid, state in states.items():
            db.execute(self._sql("UPDATE corrections SET state = ? WHERE id = ?"), (state, cid))
        subjects, mentioned = with_subject_fixes(analysis.subjects, analysis.mentioned, corrections)
        return replace(analysis, figures=figures, subjects=subjects, mentioned=mentioned)

    def _rederive(self, db, article_id: int) -> None:
        """The article's figures worked out again: its analysis, then its corrections."""
        from ..extract.analysis import analyse

        title, text, byline = db.execute(self._sql("SELECT title, text, byline FROM articles WHERE id = ?"),
                                         (article_id,)).fetchone()
        analysis = self._corrected(db, article_id, text, analyse(title, text, byline))
        db.execute(self._sql("DELETE FROM figures WHERE article_id = ?"), (article_id,))
        self._store_figures(db, article_id, analysis.figures)


__all__ = ["CorrectionWrites", "added_figure", "correction_of_row", "figure_of_row"]
