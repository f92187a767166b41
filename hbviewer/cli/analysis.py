"""``figures`` and ``regions``: what the analysis finds in a file or a stored article."""

from __future__ import annotations

import sys
from pathlib import Path

from .output import EXIT_BAD_INPUT, EXIT_NOTHING, EXIT_OK, print_json


def _analysed_articles(args, lib):
    """(title, figures, subjects, mentioned) for a file given by path, or a stored article by id."""
    from ..core.extract.analysis import analyse, refresh_stale
    from ..core.text.articles import split_articles
    from ..core.text.formats import read_document

    target = args.target
    if target.isdigit() and not Path(target).exists():
        refresh_stale(lib)
        article = lib.article(int(target))
        if article is None:
            raise ValueError(f"no article with id {target}.")
        return [(article.title, lib.figures(article.id), lib.article_regions(article.id),
                 lib.article_regions(article.id, "mentioned"))]
    out = []
    for a in split_articles(read_document(target).text):
        result = analyse(a.title, a.text, a.byline)
        out.append((a.title, result.figures,
                    [_region_row(r, score) for r, score in result.subjects],
                    [_region_row(r) for r in result.mentioned]))
    return out


def _region_row(ref, score: float = 0.0) -> dict:
    return {"code": ref.code, "name": ref.name, "level": ref.level, "prefecture": ref.prefecture or "",
            "prefecture_code": ref.prefecture_code or "", "province_code": ref.province_code,
            "score": round(score, 3), "zone": ref.zone}


def _analysis_command(args, lib, show) -> int:
    from ..core.text.reading import UnreadableFile

    try:
        articles = _analysed_articles(args, lib)
    except (UnreadableFile, ValueError) as exc:
        print(f"error: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return show(articles)


def cmd_figures(args, lib) -> int:
    def show(articles):
        if args.json:
            print_json([{"title": title, "figures": [f.to_json() for f in figures]}
                         for title, figures, _s, _m in articles])
        else:
            for title, figures, _s, _m in articles:
                print(title)
                for f in figures:
                    approx = f" ({f.approx})" if f.approx else ""
                    high = f"–{f.value_high:g}" if f.value_high is not None else ""
                    where = f"  [{f.region}]" if f.region else ""
                    print(f"  {f.indicator or '?'}: {f.text}  = {f.value:g}{high} {f.unit}{approx} "
                          f"({f.kind}){where}")
        return EXIT_OK if any(a[1] for a in articles) else EXIT_NOTHING

    return _analysis_command(args, lib, show)


def cmd_regions(args, lib) -> int:
    def public(row):
        out = {k: row[k] for k in ("name", "code", "level", "prefecture") if k in row}
        out["score"] = round(row.get("score", 0.0), 3)
        return out

    def show(articles):
        if args.json:
            print_json([{"title": title, "regions": [public(r) for r in subjects],
                          "mentioned": [{k: v for k, v in public(r).items() if k != "score"} for r in mentioned]}
                         for title, _f, subjects, mentioned in articles])
        else:
            for title, _f, subjects, mentioned in articles:
                print(title)
                print("  about: " + ("、".join(f"{r['name']} ({r['score']:g})" for r in subjects) or "-"))
                print("  mentions: " + ("、".join(r["name"] for r in mentioned) or "-"))
        return EXIT_OK if any(a[2] for a in articles) else EXIT_NOTHING

    return _analysis_command(args, lib, show)


def cmd_reanalyse(args, lib) -> int:
    """Find the figures and regions of stored articles again, with this version's rules, and read
    again where and when they appeared (a field fixed by hand stays)."""
    from ..core.extract.analysis import ANALYSIS_VERSION, refresh_stale
    from ..core.store.metadata_refresh import refresh_metadata
    from .output import TerminalProgress, cannot_write

    if cannot_write(lib, "it can be searched and exported, not re-analysed."):
        return EXIT_BAD_INPUT
    if lib.stale_analysis_articles(-1 if args.all else ANALYSIS_VERSION, limit=1):
        from ..core.store.maintenance import backup_now

        backup_now(lib, "before-reanalyse")  # the old analysis stays at hand if the new rules do worse
    from ..core.importer import import_pool

    pools = []  # made only when many articles are due, and shut down here
    try:
        done = refresh_stale(lib, progress=TerminalProgress(), everything=args.all,
                             make_pool=lambda: pools.append(import_pool()) or pools[-1])
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)
    dated = refresh_metadata(lib, everything=args.all)
    if args.json:
        print_json({"reanalysed": done, "analysis_version": ANALYSIS_VERSION, "metadata_changed": dated})
    else:
        print(f"{done} article(s) re-analysed" if done else "every article is analysed by this version already")
        if dated:
            print(f"{dated} article(s) given the publication, date or page their page says")
    return EXIT_OK
