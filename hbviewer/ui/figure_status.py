"""What a reviewer made of a figure, as the window shows it: the status's name and its highlight.

The article view, the region panel's table and the review queue all say a status the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat

STATUSES = ("automatic", "accepted", "edited", "added", "rejected")


def status_label(status: str) -> str:
    labels = {
        "automatic": QCoreApplication.translate("figure_status", "not reviewed"),
        "accepted": QCoreApplication.translate("figure_status", "accepted"),
        "edited": QCoreApplication.translate("figure_status", "edited"),
        "added": QCoreApplication.translate("figure_status", "added"),
        "rejected": QCoreApplication.translate("figure_status", "rejected"),
    }
    return labels.get(status, status)


def kind_names() -> dict[str, str]:
    """Each kind of figure by the name the window gives it (the figure form, tooltips, the filter menu)."""
    translate = QCoreApplication.translate
    return {"count": translate("figure_status", "count"), "money": translate("figure_status", "money"),
            "percent": translate("figure_status", "percent"),
            "points": translate("figure_status", "percentage points"),
            "multiple": translate("figure_status", "multiple"), "measure": translate("figure_status", "measure"),
            "rank": translate("figure_status", "rank"), "duration": translate("figure_status", "duration")}


def reason_label(reason: str) -> str:
    """Why the analysis is less sure of a figure (core/extract/confidence.py's reasons)."""
    labels = {
        "no_indicator": QCoreApplication.translate("figure_status", "no indicator found"),
        "vague_indicator": QCoreApplication.translate("figure_status", "the indicator is a single word or very long"),
        "no_region": QCoreApplication.translate("figure_status", "no region found"),
        "region_elsewhere": QCoreApplication.translate("figure_status", "its region is not named in its sentence"),
        "region_by_reference": QCoreApplication.translate("figure_status", "its region comes from 该市/全县-type wording"),
        "approximate": QCoreApplication.translate("figure_status", "an approximate figure"),
        "unusual_kind": QCoreApplication.translate("figure_status", "a rank, duration, measure or multiple"),
        "unusual_unit": QCoreApplication.translate("figure_status", "an unusual unit"),
        "chinese_numerals": QCoreApplication.translate("figure_status", "written in Chinese numerals"),
        "range": QCoreApplication.translate("figure_status", "a range"),
        "list_value": QCoreApplication.translate("figure_status", "one value of a 分别 list"),
    }
    return labels.get(reason, reason)


def style_status(fmt: QTextCharFormat, status: str) -> None:
    """A figure's highlight says its status: accepted solid, edited and added in colours of their own,
    rejected struck through in grey (kept visible, so that it can be brought back)."""
    if status == "accepted":
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(QColor("#2e7d32"))
        fmt.setFontWeight(600)
    elif status == "edited":
        fmt.setBackground(QColor("#ffd59e"))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor("#e65100"))
    elif status == "added":
        fmt.setBackground(QColor("#c6f1d6"))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
        fmt.setUnderlineColor(QColor("#00796b"))
    elif status == "rejected":
        fmt.setBackground(QColor("#f0f0f0"))
        fmt.setForeground(QColor("#8a8a8a"))
        fmt.setFontStrikeOut(True)


def plain_number(value: float | None) -> str:
    """A value as it is typed: every digit, no exponent, no grouping (1800亿元 is 180000000000)."""
    if value is None:
        return ""
    return f"{value:.6f}".rstrip("0").rstrip(".")
