"""Reading corrections and the figures still to review: the same SQL on both backends."""

from __future__ import annotations

from ..extract.figures import Figure
from .correction_writes import CORRECTION_COLUMNS, correction_of_row
from .corrections import Correction
from .sql_reads import SqlDialect, read

REVIEW_SCAN = 400  # the newest articles with figures to review that one queue looks at


class CorrectionReads(SqlDialect):
    @read
    def figure(self, figure_id: int) -> tuple[int, Figure] | None:
        """A stored figure and its article's id, with its confidence; None if there is no such figure."""
        rows = self._rows(self._sql("SELECT article_id, id FROM figures WHERE id = ?"), (figure_id,))
        if not rows:
            return None
        article_id, figure_id = rows[0][0], rows[0][-1]
        # read with its article's figures: a figure's confidence depends on its sentence
        return article_id, next(f for f in self.figures(article_id) if f.id == figure_id)

    @read
    def corrections(self, article_id: int | None = None, state: str | None = None) -> list[Correction]:
        """Corrections in the order made: of one article, and/or in one state (``needs_look``…)."""
        clauses, params = [], []
        if article_id is not None:
            clauses.append(self._sql("article_id = ?"))
            params.append(article_id)
        if state is not None:
            clauses.append(self._sql("state = ?"))
            params.append(state)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return [correction_of_row(r) for r in
                self._rows(f"SELECT {CORRECTION_COLUMNS} FROM corrections{where} ORDER BY id", params)]

    @read
    def unreviewed_figures(self, limit: int | None = 100) -> list[tuple[int, Figure]]:
        """Figures nobody has reviewed, of the newest imports, least certain first: ``(article id, figure)``."""
        # IN, not a correlated EXISTS: SQLite ran that through the status index once per article
        # (under a minute for 10,000 articles); the set of articles is read once this way.
        ids = [r[0] for r in self._rows(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT f.article_id"
            " FROM figures f WHERE f.status = 'automatic')"
            f" ORDER BY s.imported_at DESC, a.id DESC LIMIT {REVIEW_SCAN}")]
        queue = [(aid, f) for aid in ids for f in self.figures(aid) if f.status == "automatic"]
        recency = {aid: i for i, aid in enumerate(ids)}
        queue.sort(key=lambda item: (item[1].confidence, recency[item[0]], item[1].start))
        return queue if limit is None else queue[:limit]
