"""A Word briefing's draft as plain values, and its outline: what both the preview and the .docx show.

``build_briefing`` (in :mod:`.briefing`) fills a :class:`BriefingDraft`;
:func:`outline` turns it into numbered blocks (title, headings 一、 （一） 1.,
paragraphs, the table), which :func:`draft_text` prints for a preview pane and
:mod:`.word` lays out, so the two never number or word anything differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .wording import chinese_date, chinese_number, day_span

CONFLICT_MARK = "待核实"  # the word that flags a figure another source gives differently
PART_REGIONS = "各地动态"
PART_TABLE = "主要数据"
TABLE_HEADERS = ("地区", "指标", "数值", "单位", "时间", "来源", "备注")
CONFLICT_NOTE = (f"注：标“{CONFLICT_MARK}”的数据，同一地区、同一指标在同一时间（或时间不明）另有来源给出不同数值，"
                 "请核对原文后采用。")
EMPTY_NOTE = "所选范围内没有可用的数据。"


@dataclass(frozen=True)
class SourceRef:
    """Where a sentence comes from: the publication (else the file's name), the date, the title."""

    name: str
    date: str | None
    title: str

    @property
    def label(self) -> str:
        """``河北日报，2024-10-13，《标题》``."""
        parts = [self.name] if self.name else []
        if self.date:
            parts.append(self.date)
        if self.title:
            parts.append(f"《{self.title}》")
        return "，".join(parts)

    @property
    def reference(self) -> str:
        """``（来源：河北日报，2024-10-13，《标题》）``, as it follows a paragraph."""
        return f"（来源：{self.label}）"


@dataclass(frozen=True)
class DraftFigure:
    """One figure that went into the draft."""

    article_id: int
    start: int
    end: int
    region_code: str
    region: str
    indicator: str
    text: str  # the number as the article writes it: 295家, 40.51亿元
    value: float
    unit: str
    when: str  # its date: the time the article gives, else the article's date ("" if neither)
    conflict: tuple[str, ...] = ()  # the other values given for the same region, indicator and time


@dataclass
class Paragraph:
    """The sentences one article gives about one region, in its order and wording where possible."""

    sentences: list[str]
    source: SourceRef
    figures: list[DraftFigure]
    notes: list = field(default_factory=list)  # store.keeping.Note: its article's, and its figures'

    @property
    def text(self) -> str:
        return "".join(self.sentences)


@dataclass
class Section:
    """A region's part of the briefing: its own paragraphs, then its counties' (``subsections``)."""

    code: str  # "" for the places outside Hebei, which share one section
    name: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)

    def figures(self) -> Iterator[DraftFigure]:
        for p in self.paragraphs:
            yield from p.figures
        for s in self.subsections:
            yield from s.figures()


@dataclass(frozen=True)
class KeyFigure:
    """A row of the closing table."""

    region: str
    indicator: str
    value: str  # the number as written, without its unit: 40.51
    unit: str  # 亿元
    when: str
    source: str  # the publication (else the file's name)
    conflict: bool


@dataclass
class BriefingDraft:
    """What a briefing says, before it is laid out: its title, dates, sections and table."""

    title: str
    period: str  # the months covered, as the title gives them: 2024年10月 ("" when no article is dated)
    date_from: str | None  # the first and last article date covered
    date_to: str | None
    made: str  # the day it was made, ISO
    sections: list[Section]
    table: list[KeyFigure]
    figure_count: int  # figures in the sections
    unplaced: int = 0  # figures in scope that no region holds, left out

    @property
    def conflicts(self) -> list[DraftFigure]:
        return [f for s in self.sections for f in s.figures() if f.conflict]


@dataclass(frozen=True)
class Block:
    """One piece of the outline. ``kind``: title | dates (a line of them) | heading | paragraph | table | note."""

    kind: str
    text: str = ""
    level: int = 0  # headings: 1, 2 or 3
    paragraph: Paragraph | None = None
    rows: tuple[tuple[str, ...], ...] = ()  # the table's, header first


def dates_lines(draft: BriefingDraft) -> list[str]:
    """``数据时段：2024年10月3日至10月28日`` (when any article is dated) and ``编制日期：2024年10月30日``."""
    span = day_span(draft.date_from, draft.date_to)
    made = f"编制日期：{chinese_date(draft.made)}"
    return [f"数据时段：{span}", made] if span else [made]


def paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph as the draft prints it: its sentences, then its source."""
    return paragraph.text + paragraph.source.reference


def outline(draft: BriefingDraft) -> Iterator[Block]:
    """The draft in reading order: title, dates, the regions (一、 （一） 1.), the table of key figures."""
    yield Block("title", draft.title)
    yield from (Block("dates", line) for line in dates_lines(draft))
    part = 0
    if draft.sections:
        part += 1
        yield Block("heading", f"{chinese_number(part)}、{PART_REGIONS}", 1)
        for n, section in enumerate(draft.sections, start=1):
            yield Block("heading", f"（{chinese_number(n)}）{section.name}", 2)
            yield from (Block("paragraph", paragraph_text(p), paragraph=p) for p in section.paragraphs)
            for m, sub in enumerate(section.subsections, start=1):
                yield Block("heading", f"{m}.{sub.name}", 3)
                yield from (Block("paragraph", paragraph_text(p), paragraph=p) for p in sub.paragraphs)
    else:
        yield Block("note", EMPTY_NOTE)
    if draft.table:
        part += 1
        yield Block("heading", f"{chinese_number(part)}、{PART_TABLE}", 1)
        rows = tuple((k.region, k.indicator, k.value, k.unit, k.when, k.source, CONFLICT_MARK if k.conflict else "")
                     for k in draft.table)
        yield Block("table", rows=(TABLE_HEADERS, *rows))
        if any(k.conflict for k in draft.table):
            yield Block("note", CONFLICT_NOTE)


def draft_text(draft: BriefingDraft) -> str:
    """The draft as plain text, for a preview pane."""
    lines: list[str] = []
    for block in outline(draft):
        if block.kind == "heading":
            lines.extend(["", block.text])
        elif block.kind == "table":
            lines.extend("｜".join(row) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"
