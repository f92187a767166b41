"""What both backends store and read the same way: fingerprints, figure rows, whole sources."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from ..model import Article, ArticleRecord, FIGURE_FIELDS, REGION_FIELDS, SourceRecord
from ..text.textnorm import fold_together
from .corrections import CORRECTION_FIELDS

# A figure with its article's title, date and source (and when the source was imported, which dates
# a figure nothing else dates), as summaries read it (both libraries);
# the caller leaves out rejected figures (NOT_REJECTED).
FIGURE_ROWS = ('SELECT f.article_id, f.region, f.region_code, f.prefecture, f.indicator, f.value, f.value_high,'
               ' f.unit, f.kind, f.approx, f.as_of, f.text, f.start, f."end", a.title, a.date, s.name, f.zone,'
               ' f.status, s.imported_at'
               " FROM figures f JOIN articles a ON a.id = f.article_id JOIN sources s ON s.id = a.source_id")

NOT_REJECTED = " AND f.status <> 'rejected'"


def fingerprint(article: Article, folded: list[str] | None = None) -> str:
    """Same normalised text, same fingerprint: the same article imported twice.

    ``folded`` is the title and text already folded, when the caller has them.
    """
    title, text = folded or fold_together(article.title, article.text)
    key = "".join(title.split()) + "".join(text.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def os_user() -> str:
    """Who makes a correction in a library file: the user logged in."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container, a service)
        return "unknown"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_source_record(execute, mark: str, head: tuple, unpack=lambda stored: stored) -> SourceRecord:
    """A source (``head``: its row) with every article, figure and region, as stored.

    Both libraries read with it: ``execute`` runs a query, ``mark`` is the
    backend's parameter placeholder, ``unpack`` undoes how ``original`` is stored.
    """
    figures: dict[int, list[tuple]] = {}
    regions: dict[int, list[tuple]] = {}
    columns = ", ".join(f'f."{c}"' for c in FIGURE_FIELDS)  # "end" is a keyword
    for aid, *row in execute(f"SELECT f.article_id, {columns} FROM figures f JOIN articles a"
                             f" ON a.id = f.article_id WHERE a.source_id = {mark} ORDER BY f.id", (head[0],)):
        figures.setdefault(aid, []).append(tuple(row))
    columns = ", ".join(f"r.{c}" for c in REGION_FIELDS)
    for aid, *row in execute(f"SELECT r.article_id, {columns} FROM article_regions r JOIN articles a"
                             f" ON a.id = r.article_id WHERE a.source_id = {mark}"
                             " ORDER BY r.article_id, r.role DESC, r.rank", (head[0],)):
        regions.setdefault(aid, []).append(tuple(row))
    corrections: dict[int, list[tuple]] = {}
    columns = ", ".join(f"c.{c}" for c in CORRECTION_FIELDS)
    for aid, *row in execute(f"SELECT c.article_id, {columns} FROM corrections c JOIN articles a"
                             f" ON a.id = c.article_id WHERE a.source_id = {mark} ORDER BY c.id", (head[0],)):
        corrections.setdefault(aid, []).append(tuple(row))
    tags: dict[int, list[str]] = {}
    for aid, tag in execute(f"SELECT t.article_id, t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id"
                            f" WHERE a.source_id = {mark} ORDER BY t.article_id, t.rank", (head[0],)):
        tags.setdefault(aid, []).append(tag)
    articles = tuple(
        ArticleRecord(aid, pos, title, bool(inferred), subtitle, byline, section, publication, date, text,
                      captions, unpack(original), fp, version, tuple(figures.get(aid, ())),
                      tuple(regions.get(aid, ())), page, tuple(corrections.get(aid, ())),
                      tuple(tags.get(aid, ())))
        for aid, pos, title, inferred, subtitle, byline, section, publication, date, text, captions,
        original, fp, version, page in execute(
            "SELECT id, position, title, title_inferred, subtitle, byline, section, publication, date, text,"
            f" captions, original, fingerprint, analysis_version, page FROM articles WHERE source_id = {mark}"
            " ORDER BY position, id", (head[0],)))
    return SourceRecord(*head, articles=articles)


def analysis_rows(analysis, clean=lambda text: text) -> tuple[list[tuple], list[tuple]]:
    """An article's analysis as rows: ``(figures, regions)``, in the tables' column order without the article id.

    ``clean`` makes a figure's text storable (the server's text cannot hold NUL).
    """
    figures = figure_rows_of(analysis.figures, clean)
    regions = [("subject", rank, r.code, r.name, r.level, r.prefecture or "", r.prefecture_code or "",
                r.province_code, score, r.zone) for rank, (r, score) in enumerate(analysis.subjects)]
    regions += [("mentioned", rank, r.code, r.name, r.level, r.prefecture or "", r.prefecture_code or "",
                 r.province_code, 0.0, r.zone) for rank, r in enumerate(analysis.mentioned)]
    return figures, regions


def figure_rows_of(figures, clean=lambda text: text) -> list[tuple]:
    """Figures as rows of the figures table (FIGURE_FIELDS), without the article id."""
    return [(f.start, f.end, clean(f.text), f.value, f.value_high, f.unit, f.kind, f.approx, f.indicator,
             None if f.change is None else json.dumps(f.change, ensure_ascii=False), f.as_of, f.region,
             f.region_code, f.prefecture, f.zone, f.status) for f in figures]


def tag_rows(tags, clean=lambda text: text) -> list[tuple[int, str]]:
    """An article's automatic tags as ``(rank, tag)`` rows."""
    return [(rank, clean(tag)) for rank, tag in enumerate(tags)]
