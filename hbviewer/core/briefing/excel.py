"""The Excel briefing workbook: overview by region, every figure, the values that disagree, every article.

Written with openpyxl's write-only mode (it streams rows, so 100k figures stay
cheap), to a temporary file beside the target that replaces it only when
complete: a failed export never leaves a half-written workbook.

Safe against formula injection: openpyxl writes any string that starts with
"=" as a live formula, so text that starts with = + - @ (or a tab or carriage
return, which spreadsheet programs skip before reading a formula) is written as
a text cell. Numbers stay numbers, negative ones included.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from copy import copy
from pathlib import Path

from ..model import where_published
from .atomic import WriteError, write_atomically
from .conflicts import conflicts_in
from .latest import chart_values, spellings_of
from .summary import Summary, all_key_indicators, records_of
from .wording import note_label

NUMBER_FORMAT = "#,##0.####"
FONT_NAME = "Microsoft YaHei"  # a CJK font Excel and WPS have; LibreOffice substitutes its own
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an .xlsx cannot hold
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

LEVEL_NAMES = {"province": "省", "prefecture": "地市", "county": "县区", "zone": "功能区"}
KIND_NAMES = {"count": "数量", "money": "金额", "percent": "百分比", "points": "百分点", "multiple": "倍数",
              "measure": "计量", "rank": "排名", "duration": "时长"}
# rejected figures are not exported at all
STATUS_NAMES = {"automatic": "未核对", "accepted": "已确认", "edited": "已修改", "added": "已补充"}


class ExportError(WriteError):
    """The workbook could not be written; the message says why, for the user."""


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of [ ] : * ? / \\."""
    base = _SHEET_FORBIDDEN.sub("_", _ILLEGAL.sub("", name)).strip("' ") or "Sheet"
    base = base[:31]
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(candidate)
    return candidate


class _Writer:
    """Cells for one write-only sheet: styled header, safe text, number formats."""

    def __init__(self, ws):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        self.ws = ws
        self.Cell = WriteOnlyCell
        self.header_font = Font(name=FONT_NAME, bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        template = WriteOnlyCell(ws, value=0.0)
        template.number_format = NUMBER_FORMAT
        self._number_style = template._style

    def setup(self, headers: list[str], widths: list[float]) -> None:
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.freeze_panes = "A2"
        cells = []
        for h in headers:
            c = self.Cell(self.ws, value=h)
            c.font, c.fill = self.header_font, self.header_fill
            cells.append(c)
        self.ws.append(cells)

    def text(self, value):
        """A string as a text cell; None stays empty."""
        if value is None:
            return None
        value = _ILLEGAL.sub("", str(value))
        if value.startswith(_FORMULA_START):
            c = self.Cell(self.ws, value=value)
            c.data_type = "s"  # never a formula
            return c
        return value

    def text_column(self, values: list) -> list:
        """``text`` for a whole column, each distinct plain value made safe once."""
        safe: dict = {}
        return [self.known_text(value, safe) for value in values]

    def known_text(self, value, safe: dict):
        """``text``, remembering in ``safe`` what a plain value became (a formula-like one is a cell each time)."""
        if value is None or value != value:  # None or NaN
            return None
        known = safe.get(value)
        if known is None:
            known = self.text(value)
            if isinstance(known, str):
                safe[value] = known
        return known

    def number(self, value):
        if value is None or value != value:  # None or NaN
            return None
        c = self.Cell(self.ws, value=float(value))
        c._style = copy(self._number_style)  # copying the style array; the setter looks it up each time
        return c


def _column_widths(headers: list[str], wide: dict[str, float]) -> list[float]:
    return [wide.get(h, max(8.0, len(h) * 2.2 + 2)) for h in headers]


def write_workbook(summary: Summary, path: str | os.PathLike, *, per_region_sheets: bool = False,
                   chart_indicator: str | None = None) -> Path:
    """Write the briefing for ``summary`` to ``path`` (atomically); returns the path."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")

    def write(tmp: Path) -> None:
        from openpyxl import Workbook

        wb = None
        try:
            wb = Workbook(write_only=True)
            _use_cjk_default_font(wb)
            taken: set[str] = set()
            records = records_of(summary.figures)
            _overview_sheet(wb, summary, records, taken, chart_indicator)
            figure_notes = _notes_by(summary.notes)[1]
            _figures_sheet(wb.create_sheet(sheet_name("数据", taken)), summary.figures, figure_notes)
            _articles_sheet(wb.create_sheet(sheet_name("文章", taken)), summary)
            _conflicts_sheet(wb.create_sheet(sheet_name("冲突", taken)), records)
            if per_region_sheets:
                for node in _regions_with_figures(summary):
                    rows = summary.figures[summary.figures["region_code"] == node.code]
                    _figures_sheet(wb.create_sheet(sheet_name(node.name, taken)), rows, figure_notes)
            # Zipped in memory, then written in one go: a disk that fills mid-way leaves no zip file and no
            # XML writers half-open, which Python would close again later, complaining on the terminal.
            buffer = io.BytesIO()
            wb.save(buffer)
            wb = None
            tmp.write_bytes(buffer.getvalue())
        except BaseException:
            _abandon(wb)
            raise

    write_atomically(target, ".xlsx", write, error=ExportError, program="Excel", noun="workbook")
    return target


def _abandon(wb) -> None:
    """Close the streams of a workbook given up half-way, so nothing is written later."""
    if wb is None:
        return
    for ws in getattr(wb, "_sheets", []):
        if not getattr(ws, "closed", True):
            with contextlib.suppress(Exception):
                ws.close()


def _use_cjk_default_font(wb) -> None:
    """Make the workbook's default font a CJK one, so every plain cell shows Chinese well."""
    from openpyxl.styles import Font

    wb._fonts[0] = Font(name=FONT_NAME, sz=11)  # index 0 is the default (Normal) font


def _regions_with_figures(summary: Summary):
    for root in summary.tree:
        for node in root.walk():
            if node.own_figures:
                yield node


OVERVIEW_HEADERS = ["地区", "级别", "所属地市", "文章数", "数据条数", "其中本级", "主要指标"]
FIGURE_HEADERS = ["地区", "所属地市", "功能区", "指标", "数值", "数值上限", "单位", "修饰", "类型", "时间", "原文",
                  "文章编号", "文章标题", "来源文件", "所在句子", "文章日期", "核对状态", "批注"]
CONFLICT_HEADERS = ["冲突", "地区", "指标", "单位", "年份", "数值", "原文", "文章编号", "文章标题", "文章日期",
                    "来源文件", "核对状态"]
ARTICLE_HEADERS = ["文章编号", "标题", "日期", "报刊版面", "来源文件", "地区", "数据条数", "标签", "批注"]


def _notes_by(notes) -> tuple[dict[int, str], dict[tuple[int, int, int], str]]:
    """The notes as cell text: an article's own, and each figure's by (article id, start, end)."""
    articles: dict[int, list[str]] = {}
    figures: dict[tuple[int, int, int], list[str]] = {}
    for n in notes:
        if n.span is None:
            articles.setdefault(n.article_id, []).append(note_label(n))
        else:
            figures.setdefault((n.article_id, *n.span), []).append(note_label(n))
    return ({k: "\n".join(v) for k, v in articles.items()}, {k: "\n".join(v) for k, v in figures.items()})


def _overview_sheet(wb, summary: Summary, records: list[dict], taken: set[str], chart_indicator: str | None) -> None:
    ws = wb.create_sheet(sheet_name("概览", taken))
    w = _Writer(ws)
    w.setup(OVERVIEW_HEADERS, _column_widths(OVERVIEW_HEADERS, {"地区": 18, "所属地市": 12, "主要指标": 60}))
    nodes = [(root, depth, node) for root in summary.tree for depth, node in _walk_depth(root)]
    keys = all_key_indicators(summary.figures, records=records)
    for _root, depth, node in nodes:
        prefecture = ""
        if node.level in ("county", "zone") and depth >= 2:
            prefecture = next((n.name for _, d, n in nodes if n.children and node in n.children), "")
        ws.append([w.text("　" * depth + node.name), LEVEL_NAMES.get(node.level, node.level), w.text(prefecture),
                   node.articles, node.figures, node.own_figures,
                   w.text(keys.get(node.code, ""))])
    ws.auto_filter.ref = f"A1:G{len(nodes) + 1}"
    _chart(wb, summary, records, taken, chart_indicator)


def _walk_depth(node, depth: int = 0):
    yield depth, node
    for c in node.children:
        yield from _walk_depth(c, depth + 1)


def _chart(wb, summary: Summary, records: list[dict], taken: set[str], indicator: str | None) -> None:
    """A native bar chart of one indicator across regions (the latest value of each)."""
    from openpyxl.chart import BarChart, Reference

    figures = summary.figures
    usable = figures[(figures["indicator"] != "") & (figures["region_code"] != "")]
    if usable.empty:
        return
    if indicator is None:
        spread = usable.groupby("indicator")["region_code"].nunique()
        indicator = spread.idxmax() if spread.max() >= 2 else usable["indicator"].value_counts().idxmax()
    spellings = set(spellings_of(indicator, usable["indicator"].unique()))  # either script
    rows = [r for r in records if r["indicator"] in spellings]
    if not rows:
        return
    bars, unit = chart_values(rows, most=len(rows))
    latest = sorted(((v.region, v.value) for v in bars))
    ws = wb.create_sheet(sheet_name("图表", taken))
    w = _Writer(ws)
    w.setup(["地区", f"{indicator}({unit})"], [18, 24])
    for region, value in latest:
        ws.append([w.text(region), w.number(value)])
    chart = BarChart()
    chart.type = "bar"
    chart.title = f"{indicator}(各地区,{unit})"
    chart.y_axis.title = unit
    chart.height = max(7.5, 0.6 * len(latest) + 3)
    chart.width = 18
    n = len(latest) + 1
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=n), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n))
    ws.add_chart(chart, "D2")


def _figures_sheet(ws, figures, notes: dict | None = None) -> None:
    from openpyxl.utils import get_column_letter

    w = _Writer(ws)
    w.setup(FIGURE_HEADERS, _column_widths(FIGURE_HEADERS, {
        "地区": 14, "所属地市": 12, "功能区": 16, "指标": 28, "数值": 16, "数值上限": 14, "原文": 18, "文章标题": 36,
        "来源文件": 24, "所在句子": 80, "批注": 40}))
    # Column by column: most text columns repeat a few values (region, unit, title), which
    # are made safe once; only formula-like text becomes a cell of its own.
    columns = {c: w.text_column(figures[c].tolist()) for c in
               ("region", "prefecture", "zone", "indicator", "unit", "approx", "as_of", "text", "title", "source",
                "sentence", "date")}
    number = w.number
    values = [number(v) for v in figures["value"].tolist()]
    highs = [None if h is None or h != h else number(h) for h in figures["value_high"].tolist()]
    kinds = [KIND_NAMES.get(k, k) for k in figures["kind"].tolist()]
    ids = [int(a) for a in figures["article_id"].tolist()]
    statuses = [STATUS_NAMES.get(s, s) for s in figures["status"].tolist()]
    notes = notes or {}
    noted = w.text_column([notes.get((a, int(s), int(e))) for a, s, e in
                           zip(ids, figures["start"].tolist(), figures["end"].tolist())] if notes else [None] * len(ids))
    append = ws.append
    for row in zip(columns["region"], columns["prefecture"], columns["zone"], columns["indicator"], values, highs,
                   columns["unit"], columns["approx"], kinds, columns["as_of"], columns["text"], ids,
                   columns["title"], columns["source"], columns["sentence"], columns["date"], statuses, noted):
        append(row)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FIGURE_HEADERS))}{len(figures) + 1}"


def _conflicts_sheet(ws, records: list[dict]) -> None:
    """Each disagreement (``conflicts.py``): one row per value, numbered by the disagreement it is part of."""
    w = _Writer(ws)
    w.setup(CONFLICT_HEADERS, _column_widths(CONFLICT_HEADERS, {"地区": 14, "指标": 28, "数值": 16, "原文": 18,
                                                                "文章标题": 36, "来源文件": 24}))
    safe: dict = {}
    text = w.known_text
    rows = 0
    # Values as plain numbers, in full: here the exact values are what is compared (a styled cell costs
    # as much again to write, and a library of undated articles has as many values here as in 数据).
    for n, c in enumerate(conflicts_in(records), start=1):
        region, indicator, unit = text(c.region, safe), text(c.indicator, safe), text(c.unit, safe)
        for r in c.reports:
            ws.append([n, region, indicator, unit, int(r.year) if r.year else None, r.value, text(r.text, safe),
                       r.article_id, text(r.title, safe), text(r.date, safe) or None, text(r.source, safe),
                       STATUS_NAMES.get(r.status, r.status)])
            rows += 1
    ws.auto_filter.ref = f"A1:L{rows + 1}"


def _articles_sheet(ws, summary: Summary) -> None:
    from openpyxl.utils import get_column_letter

    w = _Writer(ws)
    w.setup(ARTICLE_HEADERS, _column_widths(ARTICLE_HEADERS, {"标题": 48, "报刊版面": 20, "来源文件": 26,
                                                               "地区": 24, "标签": 30, "批注": 40}))
    frame = summary.articles
    notes = _notes_by(summary.notes)[0]
    # A summary put together by another caller may come without either column.
    publications = frame["publication"].tolist() if "publication" in frame else [""] * len(frame)
    pages = frame["page"].tolist() if "page" in frame else [""] * len(frame)
    rows = frame[["article_id", "title", "date", "source", "regions", "figures"]].itertuples(index=False, name=None)
    for (aid, title, date, source, regions, n), publication, page in zip(rows, publications, pages):
        tags = "、".join(summary.tags.get(int(aid), ()))
        ws.append([int(aid), w.text(title), w.text(date), w.text(where_published(publication or "", page or "")),
                   w.text(source), w.text(regions), int(n), w.text(tags or None), w.text(notes.get(int(aid)))])
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ARTICLE_HEADERS))}{len(summary.articles) + 1}"
