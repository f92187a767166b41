"""Split a page of text into articles.

Boundaries are Markdown headings, bylines (本报讯, 河北日报讯, 河北日报（记者…）,
□河北日报记者 …) and section labels (科技动态). The headline lines just above a
byline belong to the article that byline opens. Headlines that a page prints
away from their story (a PDF puts them at the top) are kept as *orphans* and
given to the story they name: a story with a byline but no headline, or a story
that starts mid-page with no marker at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .cleaning import (
    Para, classify, drop_duplicates, ends_sentence, meta_date, meta_source, split_paragraphs,
    splits_a_word, tidy_title,
)
from ..model import Article
from .metadata import FileMeta, Sources, date_in_name, page_head, page_paper, resolve
from .textnorm import fold

_ISSUER = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:统计局|调查队|委员会|办公室|办公厅|人民政府|管委会)$")
_DECK_LIMIT = 300  # chars of un-bylined text a byline may still claim as its deck


@dataclass
class _Draft:
    header: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    captions: list[Para] = field(default_factory=list)
    byline: Para | None = None
    credit: Para | None = None  # an author line that is not a byline: (记者 张三), 作者:张三
    meta: list[Para] = field(default_factory=list)
    title: str = ""
    subtitle: str = ""
    section: str = ""
    title_inferred: bool = False
    title_from_lines: bool = False  # built from page lines (not a heading): their spaces are layout
    deck: int = 0
    orphans: list[str] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return bool(self.body)

    def all_paras(self) -> list[Para]:
        return self.header + self.meta + ([self.byline] if self.byline else []) + self.body + self.captions


def split_articles(text: str, name: str = "", file_meta: FileMeta | None = None) -> list[Article]:
    """Split a page (display form) into articles in page order.

    ``name`` (the file's name or path) and ``file_meta`` (what the file says
    about itself) give a date or publication where the page says none.
    """
    paras = classify(drop_duplicates(split_paragraphs(text)))
    top, paras = page_head(paras)
    drafts = _segment(paras)
    orphans: list[str] = []
    for d in drafts:
        _resolve_header(d)
        orphans.extend(d.orphans)
        d.body = _join_broken_lines(d.body)
    drafts = [d for d in drafts if d.body or d.title]
    _title_from_orphans(drafts, orphans)
    drafts = _split_at_orphans(drafts, orphans)
    page_meta = [m for d in drafts for m in d.meta]
    sources = Sources(
        top, page_paper=page_paper([d.byline.publication for d in drafts if d.byline]),
        page_source=next((meta_source(m.text) for m in page_meta if meta_source(m.text)), ""),
        page_date=next((meta_date(m.text) for m in page_meta if meta_date(m.text)), None),
        name_date=date_in_name(name), file=file_meta or FileMeta())
    return [_finish(d, i, text, sources) for i, d in enumerate(drafts) if d.body]


def _segment(paras: list[Para]) -> list[_Draft]:
    drafts: list[_Draft] = []
    cur = _Draft()
    for p in paras:
        if p.kind == "heading":
            if cur.has_body or cur.byline:
                drafts.append(cur)
                cur = _Draft()
            cur.header.append(p)
        elif p.kind == "byline":
            if cur.byline or _body_chars(cur) > _DECK_LIMIT or (cur.has_body and not cur.header):
                pulled = _pull_trailing_headlines(cur)
                drafts.append(cur)
                cur = _Draft(header=pulled)
            elif cur.body:
                # Un-bylined text between headline and byline is the deck (subtitle, lead).
                cur.deck = len(cur.body)
            cur.byline = p
            if p.inline_byline:
                cur.body.append(p)
        elif p.kind == "section":
            if cur.has_body:
                drafts.append(cur)
                cur = _Draft()
            cur.header.append(p)
        elif p.kind == "meta":
            cur.meta.append(p)
        elif p.kind == "credit":
            cur.credit = cur.credit or p
            cur.body.append(p)
        elif p.kind == "caption":
            cur.captions.append(p)
        elif p.kind in ("title", "column", "label") and not cur.has_body and not cur.byline:
            cur.header.append(p)
        else:
            cur.body.append(p)
    drafts.append(cur)
    return drafts


def _body_chars(d: _Draft) -> int:
    return sum(len(p.text) for p in d.body)


def _pull_trailing_headlines(d: _Draft) -> list[Para]:
    """The headline lines at the end of a story belong to the next byline."""
    pulled: list[Para] = []
    while d.body and len(pulled) < 3 and d.body[-1].kind in ("title", "section", "column"):
        pulled.insert(0, d.body.pop())
    return pulled


def _resolve_header(d: _Draft) -> None:
    headings = [p for p in d.header if p.kind == "heading"]
    sections = [p for p in d.header if p.kind in ("section", "column")]
    if sections:
        d.section = sections[-1].text
    deck: list[Para] = []
    if headings:
        top = min(headings, key=lambda p: p.level)
        d.title = top.text
        idx = d.header.index(top)
        others = [p for p in headings if p is not top]
        d.orphans = [p.text for p in d.header[:d.header.index(headings[0])] if p.kind == "title"]
        deck = others + [p for p in d.header[idx + 1:] if p.kind in ("title", "label") and p not in others]
    else:
        titles = [p for p in d.header if p.kind == "title"]
        # A document's issuer under its title (某市统计局) is not the title.
        titles = [p for p in titles if not _ISSUER.search(p.text)] or titles
        if titles:
            main = titles[-1]
            idx = d.header.index(main)
            title = main.text
            before = d.header[idx - 1] if idx > 0 else None
            if before is not None and before.kind == "title" and len(before.text) <= 8:
                title = before.text + title  # a kicker: 承德 / 积极对接京津取得良好成效
                titles.remove(before)
            d.title, d.title_from_lines = title, True
            d.orphans = [p.text for p in titles[:-1]]
        deck = [p for p in d.header if p.kind == "label"]
    if deck:
        d.subtitle = deck[0].text
    elif d.deck:
        d.subtitle = d.body[0].text
    d.body = deck + d.body


def _join_broken_lines(body: list[Para]) -> list[Para]:
    """Join a paragraph that stops mid-sentence to the one that continues it."""
    out: list[Para] = []
    for p in body:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "body" and len(prev.text) >= 20
                and not ends_sentence(prev.text) and prev.text[-1] not in "》"
                and p.kind == "body"):
            out[-1] = Para(prev.text + p.text, prev.start, p.end, prev.gap_before, "body")
        elif (prev is not None and prev.kind == "title" and p.kind == "body"
              and prev.text[-1] not in " 　" and splits_a_word(prev.text, p.text)):
            # A short fragment that looked like a sub-head: 省科技厅坚 / 持“规定动作”…
            out[-1] = Para(prev.text + p.text, prev.start, p.end, prev.gap_before, "body")
        elif prev is not None and prev.kind == "byline" and prev.inline_byline and (
                not ends_sentence(prev.text) and p.kind == "body"):
            out[-1] = Para(prev.text + p.text, prev.start, p.end, prev.gap_before, "byline",
                           byline=prev.byline, publication=prev.publication, inline_byline=True)
        else:
            out.append(p)
    return out


def _cjk_key(s: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", fold(s))


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _longest_common_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _title_from_orphans(drafts: list[_Draft], orphans: list[str]) -> None:
    """Give a headline printed elsewhere on the page to the story it names."""
    for d in drafts:
        if d.title or not d.body or not orphans:
            continue
        lead = _cjk_key(d.body[0].text[:200])
        scored = []
        for o in orphans:
            key = _cjk_key(o)
            grams = _bigrams(key)
            if grams:
                scored.append((len(grams & _bigrams(lead)) / len(grams), o))
        if scored:
            score, best = max(scored)
            if score >= 0.5:
                d.title, d.title_from_lines = best, True
                orphans.remove(best)


def _split_at_orphans(drafts: list[_Draft], orphans: list[str]) -> list[_Draft]:
    """A story with no marker of its own starts where its orphan headline is echoed.

    Only a paragraph that starts after a finished sentence, does not open with a
    quotation, and repeats four or more characters of the headline in its first
    150 characters qualifies.
    """
    for orphan in list(orphans):
        key = _cjk_key(orphan)
        if len(key) < 6:
            continue
        for d in drafts:
            cut = next((i for i in range(1, len(d.body))
                        if d.body[i].kind == "body" and ends_sentence(d.body[i - 1].text)
                        and d.body[i].text[0] not in "“\"「『‘"
                        and _longest_common_run(key, _cjk_key(d.body[i].text[:150])) >= 4), None)
            if cut is None:
                continue
            tail = _Draft(body=d.body[cut:], title=orphan, title_from_lines=True)
            d.body = d.body[:cut]
            drafts.insert(drafts.index(d) + 1, tail)
            orphans.remove(orphan)
            break
    return drafts


def _inferred_title(body: list[Para]) -> str:
    first = body[0]
    text = first.text[len(first.byline):] if first.inline_byline else first.text
    sentence = re.split(r"[。！？!?;；]", text.strip(), maxsplit=1)[0].strip() or text.strip()
    if not sentence:
        return UNTITLED
    return sentence[:30] + ("…" if len(sentence) > 30 else "")


UNTITLED = "（无标题）"


def _finish(d: _Draft, position: int, page: str, page_sources: Sources) -> Article:
    title, inferred = d.title, False
    if not title:
        title, inferred = _inferred_title(d.body), True
    elif d.title_from_lines:
        title = tidy_title(title)
    byline = d.byline.byline if d.byline else (d.credit.text if d.credit else "")
    publication, date = resolve(replace(
        page_sources, byline_publication=d.byline.publication if d.byline else "",
        own_source=next((meta_source(m.text) for m in d.meta if meta_source(m.text)), ""),
        own_date=next((meta_date(m.text) for m in d.meta if meta_date(m.text)), None)))
    paras = d.all_paras()
    start = min(p.start for p in paras)
    end = max(p.end for p in paras)
    return Article(
        title=title,
        paragraphs=tuple(p.text for p in d.body),
        subtitle=d.subtitle,
        byline=byline,
        section=d.section or page_sources.top.section,
        publication=publication,
        date=date,
        page=page_sources.top.page,
        captions=tuple(p.text for p in d.captions),
        position=position,
        original=page[start:end],
        title_inferred=inferred,
    )
