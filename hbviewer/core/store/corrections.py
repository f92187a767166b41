"""Corrections: what a reviewer changed about a figure, kept apart from what the analysis found.

A correction names its figure by where it stands in the article's text (the span and the
characters of the span), not by the figure's row, because a re-analysis writes every row
anew. After a re-analysis each correction is laid on the new figures again
(:func:`reanchor`): on the figure at the same span when the text there is unchanged, else on
the nearest figure with the same characters. A correction that finds no figure is never
dropped: it is kept and listed as needing a look.

Both backends store corrections the same way; this module holds what they share.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from ..extract.figures import Figure

ACTIONS = ("accept", "reject", "edit", "add")
STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
# What a reviewer may change about a figure; the rest (span, text) is where it stands.
EDITABLE = ("value", "value_high", "unit", "kind", "approx", "indicator", "region", "region_code",
            "prefecture", "zone")
_FIGURE_FIELDS = {f.name for f in fields(Figure)}


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why, for the user."""


@dataclass(frozen=True)
class Anchor:
    """Where a figure stands: its span in the article's shown text and the characters there."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, f: Figure) -> Anchor:
        return cls(f.start, f.end, f.text)

    def holds(self, text: str) -> bool:
        return text[self.start:self.end] == self.text


def check_changes(action: str, changes: dict) -> dict:
    """The changes of an ``action``, checked: only editable fields, values of the right type."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise CorrectionError(f"these cannot be corrected: {', '.join(unknown)}")
    if action in ("accept", "reject") and changes:
        raise CorrectionError(f"{action} changes nothing but the status; edit to change values")
    checked = dict(changes)
    for key in ("value", "value_high"):
        if checked.get(key) is not None:
            try:
                checked[key] = float(checked[key])
            except (TypeError, ValueError):
                raise CorrectionError(f"{key} must be a number, not {checked[key]!r}") from None
    return checked


def corrected(f: Figure, action: str, changes: dict) -> Figure:
    """The figure as the correction makes it: its new values and its status."""
    return replace(f, status=STATUS_OF[action], **check_changes(action, changes))


def previous_values(f: Figure, changes: dict) -> dict:
    """What ``changes`` replace, with the status: the correction keeps them for undo and history."""
    return {"status": f.status, **{key: getattr(f, key) for key in changes}}


def reanchor(anchor: Anchor, text: str, figures: list[Figure]) -> int | None:
    """The index in ``figures`` of the figure an anchored correction belongs to now, or None.

    The same span with the same characters wins; else, where the text is unchanged, the figure
    that overlaps the span most (new rules cut it longer or shorter); else the nearest figure
    whose characters are the anchor's (the text moved); else None: the correction needs a look.
    """
    if anchor.holds(text):
        for i, f in enumerate(figures):
            if (f.start, f.end) == (anchor.start, anchor.end):
                return i
        # the text is where it was but the new rules cut the figure otherwise (近295家 for 295家)
        overlap = [(min(f.end, anchor.end) - max(f.start, anchor.start), -i) for i, f in enumerate(figures)]
        best = max(overlap, default=(0, 0))
        if best[0] > 0:
            return -best[1]
    same = [(abs(f.start - anchor.start), i) for i, f in enumerate(figures) if f.text == anchor.text]
    return min(same)[1] if same else None


def find_span(anchor: Anchor, text: str) -> Anchor | None:
    """For an added figure (no analysed figure to lean on): where its characters stand now."""
    if anchor.holds(text):
        return anchor
    starts = []
    i = text.find(anchor.text)
    while i >= 0:
        starts.append(i)
        i = text.find(anchor.text, i + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - anchor.start))
    return Anchor(start, start + len(anchor.text), anchor.text)


def figure_from(values: dict) -> Figure:
    """A figure from stored values (an added one), ignoring keys a newer version may have added."""
    return Figure(**{k: v for k, v in values.items() if k in _FIGURE_FIELDS})


@dataclass(frozen=True)
class Correction:
    """One stored correction; ``state`` is applied, undone, or needs_look (its figure is gone)."""

    id: int
    article_id: int
    action: str
    anchor: Anchor
    changes: dict
    previous: dict
    author: str
    made_at: str
    state: str = "applied"

    def to_json(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "action": self.action,
                "start": self.anchor.start, "end": self.anchor.end, "text": self.anchor.text,
                "changes": self.changes, "previous": self.previous, "author": self.author,
                "made_at": self.made_at, "state": self.state}


# The stored columns of a correction, in order (both backends, and a library copy).
CORRECTION_FIELDS = ("action", "anchor_start", "anchor_end", "anchor_text", "changes", "previous", "author",
                     "made_at", "state")


def added_figure(anchor: Anchor, changes: dict) -> Figure:
    """The figure an ``add`` correction puts at ``anchor``."""
    values = {"value": 0.0, "value_high": None, "unit": "", "kind": "count", "approx": None, "indicator": "",
              "change": None, "as_of": None, **changes}
    return replace(figure_from({**values, "start": anchor.start, "end": anchor.end, "text": anchor.text}),
                   status="added", confidence=None, reasons=())


def apply_corrections(text: str, figures: list[Figure], corrections: list[Correction]
                      ) -> tuple[list[Figure], dict[int, str]]:
    """The analysis's figures with the corrections laid on them, in the order they were made.

    Returns the figures (by start) and, for each correction whose state changes, its new state:
    ``needs_look`` when its figure is gone, ``applied`` when a correction that needed a look fits
    again. Undone corrections are passed over.
    """
    figures = list(figures)
    states: dict[int, str] = {}
    for c in sorted(corrections, key=lambda c: c.id):
        if c.state == "undone":
            continue
        if c.action == "add":
            span = find_span(c.anchor, text)
            if span is not None:
                figures = [f for f in figures if f.end <= span.start or f.start >= span.end]
                figures.append(added_figure(span, c.changes))
        else:
            i = reanchor(c.anchor, text, figures)
            if i is not None:
                figures[i] = corrected(figures[i], c.action, c.changes)
        fits = span is not None if c.action == "add" else i is not None
        state = "applied" if fits else "needs_look"
        if state != c.state:
            states[c.id] = state
    figures.sort(key=lambda f: (f.start, f.end))
    return figures, states


def region_changes(written: str) -> dict:
    """The region fields for a region the user typed: a code, a name, or 张家口市桥东区 for a shared name.

    "" clears the region. A name several regions share is refused with the ways to tell them apart.
    """
    from ..extract.gazetteer import gazetteer
    from ..extract.region_zones import container, zone_name
    from ..text.textnorm import fold

    written = fold(written.strip())
    if not written:
        return {"region": "", "region_code": "", "prefecture": "", "zone": ""}
    gaz = gazetteer()
    found = [gaz.get(written)] if written.isdigit() and gaz.get(written) else gaz.by_name(written)
    if not found:  # 张家口市桥东区: a prefecture's name, then the county's
        found = [r for p in gaz.by_name(written[:3]) + gaz.by_name(written[:2])
                 for r in gaz.children(p.code) if written.endswith(r.name)]
    current = [r for r in found if r.current] or found
    if not current:
        raise CorrectionError(f"no region is called {written!r}")
    if len({r.code for r in current}) > 1:
        ways = "、".join(f"{(gaz.prefecture_of(r) or r).name}{r.name}" if r.level == "county" else r.name
                        for r in current[:6])
        raise CorrectionError(f"{written} is the name of several regions: write one of {ways}")
    region, zone = gaz.successor(current[0]), ""
    if region.level == "zone":  # reported as the division it lies in, with the zone's name (as the analysis does)
        outer = container(gaz, region)
        region, zone = (outer or region), zone_name(region)
    prefecture = gaz.prefecture_of(region)
    return {"region": region.name, "region_code": region.code,
            "prefecture": prefecture.name if prefecture is not None else "", "zone": zone}


def prefill(selected: str) -> dict:
    """What a selection of text says of the figure the user is adding: read as a figure when it is
    one, else its first number (a bare 295 the rules pass over); {} when it holds no number."""
    import re

    from ..extract.figures import extract_figures

    read = extract_figures(selected)
    if read:
        f = read[0]
        return {"value": f.value, "value_high": f.value_high, "unit": f.unit, "kind": f.kind, "approx": f.approx}
    number = re.search(r"\d+(?:\.\d+)?", selected.replace(",", ""))
    return {"value": float(number.group())} if number else {}
