"""Fixes of a whole article: its title and where it appeared, its subjects, where it begins and ends.

They are corrections like those of figures (``corrections.py``), in the same table, with their own
actions: ``article`` (title, publication, date, page, section, byline), ``subjects`` (regions added
or removed by hand), ``merge`` (the next article of the page joined to this one) and ``split`` (the
text cut in two at a position). This module holds the checks and the text work both backends share;
``article_fix_writes.py`` does the writing.

A field fixed by hand is never overwritten by a re-analysis or a re-reading of the page's
metadata: its value is worked out from the fixes still applied, in the order made.
"""

from __future__ import annotations

import re

from ..extract.gazetteer import gazetteer
from ..extract.region_records import RegionRef
from ..model import PARAGRAPH_SEPARATOR
from ..text.metadata import page_number, valid_date
from .corrections import Correction, CorrectionError, region_changes

ARTICLE_ACTIONS = ("article", "subjects", "merge", "split")
STRUCTURAL = ("merge", "split")  # they change the text, and with it every figure's place
FIXABLE = ("title", "publication", "date", "page", "section", "byline")
REANALYSED_BY = ("title", "byline")  # the analysis reads them: a fix of one finds figures and regions again
HAND_ADDED_SCORE = 1.0  # a subject the user added: as sure as can be

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_PAGE = re.compile(r"第?\s*([A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})\s*版?")
_HEADING_MOST = 40  # a first paragraph up to this long, with no sentence end, is the new article's title
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def check_article_changes(changes: dict, current: dict) -> dict:
    """The fields to change, checked and in stored form; those equal to ``current`` left out."""
    unknown = sorted(set(changes) - set(FIXABLE))
    if unknown:
        raise CorrectionError(f"these cannot be fixed: {', '.join(unknown)} (one of {', '.join(FIXABLE)})")
    checked = {}
    for key, value in changes.items():
        value = "" if value is None else str(value).strip()
        if key == "title" and not value:
            raise CorrectionError("an article's title cannot be empty")
        if key == "date":
            value = stored_date(value)
        elif key == "page":
            value = stored_page(value)
        if value != (current.get(key) or ("" if key != "date" else None)):
            checked[key] = value
    if not checked:
        raise CorrectionError("nothing to change: the article already has these values")
    return checked


def stored_date(written: str) -> str | None:
    """2024-05-09 for 2024-05-09, 2024/5/9 or 2024年5月9日; None for ""; else CorrectionError."""
    if not written:
        return None
    m = _DATE.fullmatch(written)
    found = valid_date(*(int(g) for g in m.groups())) if m else None
    if found is None:
        raise CorrectionError(f"{written!r} is not a date: write a day between 1900 and 2100 as 2024-05-09 "
                              "(or 2024年5月9日)")
    return found


def stored_page(written: str) -> str:
    """3 for 3, 第3版, 第03版 or 第三版; A3 for A3; "" for ""."""
    if not written:
        return ""
    m = _PAGE.fullmatch(written)
    if m is None:
        raise CorrectionError(f"{written!r} is not a page: write 3, A3 or 第3版")
    return page_number(m.group(1))


def field_value(field: str, fixes: list[Correction], current):
    """A field's value from the ``article`` fixes touching it: before the first, then each one applied."""
    touching = [c for c in sorted(fixes, key=lambda c: c.id) if c.action == "article" and field in c.changes]
    if not touching:
        return current
    value = touching[0].previous.get(field)
    for c in touching:
        if c.state == "applied":
            value = c.changes[field]
    return value


def fixed_fields(corrections: list[Correction]) -> set[str]:
    """The fields a person set by hand and has not undone."""
    return {key for c in corrections if c.action == "article" and c.state == "applied" for key in c.changes}


# -- subjects ----------------------------------------------------------------------------------
def subject_changes(add: list[str], remove: list[str], subjects: list[dict]) -> dict:
    """``{"add": [{"code", "zone"}], "remove": [codes]}`` for what the user wrote (names or codes)."""
    have = {s["code"] for s in subjects}
    added, removed = [], []
    for written in add:
        region = region_changes(written)
        if not region["region_code"]:
            raise CorrectionError("name the region to add")
        if region["region_code"] in have:
            raise CorrectionError(f"{region['region']} is already one of the article's subjects")
        added.append({"code": region["region_code"], "zone": region["zone"]})
    for written in remove:
        code = region_changes(written)["region_code"]
        if code not in have:
            names = "、".join(s["name"] for s in subjects) or "none"
            raise CorrectionError(f"{written} is not one of the article's subjects ({names})")
        removed.append(code)
    if not added and not removed:
        raise CorrectionError("say which regions to add or remove")
    return {"add": added, "remove": removed}


def region_ref(code: str, zone: str = "") -> RegionRef | None:
    gaz = gazetteer()
    region = gaz.get(code)
    if region is None:
        return None
    pref = gaz.prefecture_of(region)
    return RegionRef(region.name, region.code, region.level, pref.name if pref else None,
                     pref.code if pref else None, region.province_code, zone=zone)


def with_subject_fixes(subjects: list, mentioned: list, corrections: list[Correction]) -> tuple[list, list]:
    """An analysis's (subjects, mentioned) with the applied ``subjects`` fixes laid on, in order."""
    subjects, mentioned = list(subjects), list(mentioned)
    for c in sorted(corrections, key=lambda c: c.id):
        if c.action != "subjects" or c.state == "undone":
            continue
        gone = set(c.changes.get("remove", ()))
        subjects = [(r, score) for r, score in subjects if r.code not in gone]
        for item in c.changes.get("add", ()):
            ref = region_ref(item["code"], item.get("zone", ""))
            if ref is not None and all(r.code != ref.code for r, _s in subjects):
                subjects.append((ref, HAND_ADDED_SCORE))
                mentioned = [m for m in mentioned if m.code != ref.code]
    return subjects, mentioned


# -- merging and splitting ----------------------------------------------------------------------
def merged_text(text: str, next_title: str, next_inferred: bool, next_text: str) -> tuple[str, int]:
    """The two texts as one, the next one's own title kept as a paragraph; and where its text begins."""
    head = text + PARAGRAPH_SEPARATOR
    if not next_inferred and next_title.strip():
        head += next_title.strip() + PARAGRAPH_SEPARATOR
    return head + next_text, len(head)


def split_text(text: str, at: int) -> tuple[str, str, bool, str, int]:
    """``text`` cut at ``at``: (the part kept, the new article's title, whether it was inferred, its text,
    where its text began in ``text``). A short first paragraph of the rest becomes its title."""
    if not isinstance(at, int) or not 0 < at < len(text):
        raise CorrectionError(f"{at} is not a place inside the article's text: split at a position from 1 to "
                              f"{max(len(text) - 1, 1)}")
    kept, rest = text[:at].rstrip(), text[at:]
    start = at + len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if not kept or not rest:
        raise CorrectionError(f"splitting at {at} would leave an article without text")
    first, sep, after = rest.partition("\n")
    if sep and after.strip() and len(first.strip()) <= _HEADING_MOST and not _SENTENCE_END.search(first):
        body = after.lstrip()
        return kept, first.strip(), False, body, start + len(rest) - len(body)
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0].strip() or first.strip()
    title = sentence[:30] + ("…" if len(sentence) > 30 else "")
    return kept, title, True, rest, start


__all__ = ["ARTICLE_ACTIONS", "FIXABLE", "STRUCTURAL", "check_article_changes", "field_value", "fixed_fields",
           "merged_text", "split_text", "subject_changes", "with_subject_fixes"]
