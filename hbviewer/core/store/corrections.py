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
            "prefecture")
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

    The same span with the same characters wins; else the nearest figure whose characters are
    the anchor's (text moved by an edit above it); else None, and the correction needs a look.
    """
    if anchor.holds(text):
        for i, f in enumerate(figures):
            if (f.start, f.end) == (anchor.start, anchor.end):
                return i
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
