"""One quantity as the readers hand it on: where it is in the folded text, its value and unit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    kind: str
    approx: str | None
    change_from: float | None = None
