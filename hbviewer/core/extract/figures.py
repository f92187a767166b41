"""Figures in article text: a number, its unit, how exact it is, and what it measures.

``extract_figures(text)`` finds ``高新技术企业295家``, ``技术合同交易额40.51亿元``,
``增长226%``, ranges, 多/余/近/以上, Chinese numerals, rankings and ``分别`` lists,
and leaves out dates, years, ordinals and slogans (四个一百, 十四五).

It works on the folded text (simplified characters, same length), so the spans it
returns are offsets into the text as shown. The parts:

* :mod:`figure_numbers` reads one quantity at a position (number, multiplier,
  unit, qualifiers) and says whether it is a figure at all;
* this module walks the text, joins ranges and changes, and finds for each
  figure the phrase it measures, its change and its date.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .figure_numbers import CN_CHARS, UNIT_NAMES, Quantity, rank_at, read_quantity, scan_starts
from ..text.textnorm import replace_each, simplify

EXTRACTOR_VERSION = 3


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str
    kind: str  # count | money | percent | points | multiple | measure | rank | duration
    approx: str | None
    indicator: str
    change: dict | str | None  # {"from": x, "to": y} | "increase" | "decrease" | None
    as_of: str | None
    region: str = ""
    region_code: str = ""
    prefecture: str = ""
    zone: str = ""  # a functional zone the figure is about (北戴河新区), see ``regions``

    def to_json(self) -> dict:
        return asdict(self)


# -- what a figure measures ---------------------------------------------------------------

# Clause boundaries for the phrase before a figure.
_CLAUSE_END = set(",，;；。!！?？:：\n“”\"")
_SENTENCE_END = set("。!！?？;；\n")

# Words between the measured phrase and the number (达到295家, 增长226%, 完成…).
_LINK_VERBS = sorted("""
达到了 达到 达 为 是 有 共有 共 累计 累计达到 完成 实现 突破 超过 超 增长到 增加到 增至 增长 增加 提高 提升
上升 下降 减少 降低 发展到 发展 总计 合计 计 约 共计 已达 已有 已经达到 已经 已 均 同比增长 同比下降 同比
比上年增加 比上年增长 比上年 较上年 占 新增 新建 新建成 建成 培育 引进 落实 争取 获得 获批 投入 安排 下达
发放 实施 推广 组建 选派 培训 带动 吸引 签约 招聘 提供 接待 覆盖 设立 开工 年均 平均 每年 每月 每人 每户
居 位居 均居 名列 位列 排名 排在 列 以 的 了 到 在 近 仅 还 又 再 也 就 将 可 共为 派驻 组织 播出 现已
""".split(), key=len, reverse=True)
_LINK_VERBS_BY_LAST: dict[str, list[str]] = {}  # the same, by last character, longest first
for _verb in _LINK_VERBS:
    _LINK_VERBS_BY_LAST.setdefault(_verb[-1], []).append(_verb)
# Words that open a clause but are not what is measured (该市, 目前, 其中, 对…).
_LEADING_NOISE = re.compile(
    r"^(?:(?:截至|截止|到)(?:目前|\d{4}年(?:底|末)?|\d{1,2}月(?:\d{1,2}日)?|今年[^\s,，]{0,4})|目前|当前|现在|今年(?:以来|上半年|前三季度)?"
    r"|去年|全年|年内|近年来|近年|近\d+年来?|近[一二两三四五]年来?|\d{4}年(?:底|末|上半年|以来)?|其中|同时|此外|另外|并|且|还|已经|已|共|累计"
    r"|全市|全省|全县|全区|全国|该市|该县|该区|该镇|该乡|我市|我省|我县|我区|本市|市里|县里|他们|这里|此次|本次|当年|上年|一季度|上半年"
    r"|对|向|为|在|将|把|按照|根据|按|预计|了|着|的|特别是|尤其是|其中|包括|[\u4e00-\u9fff]{2,3}(?:市|县)(?=[\u4e00-\u9fff]{3}))+"
)
# An action verb inside a phrase before a figure: what is measured follows it
# (已建成产业技术创新战略联盟7家 -> 产业技术创新战略联盟).
_INNER_VERBS = re.compile(
    r"(?:建成|建设|组建|新建|选出|申请|完成|实现|培育|引进|推荐|组织|发布|成立|设立|打造|拥有|实施|推广|争取|下达|安排|获得|"
    r"获批|带动|吸引|入驻|签约|提供|发放|补助|奖励|走访|接听|发送|征集|派驻|建立|开展|举办|聘请|认定|上报|共有|掌握)"
)
# Modal words: the phrase proper starts after them (建成后年可繁育原种苗 -> 繁育原种苗).
_MODAL = re.compile(r"(?:可|能|将|预计|力争|争取|拟)")
# What ends a noun phrase after a figure (3家省级农业创新驿站, 1741个贫困村派驻…).
_AFTER_STOP = re.compile(
    r"[,，;；。!！?？:：()（）“”\"\n\d零一二两三四五六七八九十百千万亿]|的|等|和|及|与|或"
    r"|派驻|发送|发放|参加|参与|开展|进行|签订|做客|享受|实施|实现|完成|达到|建成|建立|列入|按|在|对|向|将|已|正|也|都|均|被|把|从"
)
# Generic heads that name no indicator of their own (…驿站,总量达到9家).
_GENERIC = {"总量", "总数", "数量", "总计", "合计", "累计", "规模", "总规模", "总额", "数目"}


def _strip_link_verbs(phrase: str) -> str:
    changed = True
    while changed and phrase:
        changed = False
        for verb in _LINK_VERBS_BY_LAST.get(phrase[-1], ()):
            if phrase.endswith(verb) and len(phrase) - len(verb) >= 2:
                phrase = phrase[: -len(verb)]
                changed = True
                break
    return phrase


def _head_of(phrase: str) -> str:
    """The head of 'X、Y等Z' is Z; of 'X的Y' it is Y (when Y is a word, not a particle)."""
    for marker in ("等", "的"):
        idx = phrase.rfind(marker)
        if idx >= 0 and len(phrase) - idx - 1 >= 2:
            phrase = phrase[idx + 1:]
    return phrase


_TRAILING_CONTEXT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:在|由|从|比|较|同比)[^,，]*$")


def _clean_before(phrase: str) -> str:
    phrase = phrase.strip(" 　、，,的")
    phrase = _TRAILING_CONTEXT.sub("", phrase)  # 综合考核排名在全省由2018年的 -> 综合考核排名
    phrase = _LEADING_NOISE.sub("", phrase)
    phrase = _strip_link_verbs(phrase).rstrip("的了")
    cut = 0
    for m in list(_INNER_VERBS.finditer(phrase)) + list(_MODAL.finditer(phrase)):
        if m.end() <= len(phrase) - 2:
            cut = max(cut, m.end())
    phrase = _head_of(phrase[cut:])
    phrase = _LEADING_NOISE.sub("", phrase).strip(" 　、，,的")
    if phrase in _LINK_VERBS:
        return ""
    return phrase if len(phrase) >= 2 else ""


def _phrase_before(folded: str, start: int, floor: int) -> str:
    i, floor = start, max(floor, start - 60)
    while i > floor and folded[i - 1] not in _CLAUSE_END:
        i -= 1
    return folded[i:start]


def _phrase_after(folded: str, end: int) -> str:
    """The noun phrase right after a figure; a bracket (市、区) stays whole."""
    i, limit = end, min(len(folded), end + 24)
    while i < limit:
        if folded[i] in "(（":
            close = folded.find(")" if folded[i] == "(" else "）", i, limit)
            if close > i:
                i = close + 1
                continue
        if folded[i] == "、" and i + 1 < limit and folded[i + 1] not in "0123456789":
            i += 1  # 高校、科研院所: a list of nouns stays together
            continue
        if _AFTER_STOP.match(folded, i) and not (i == end and folded[i] in _CN_DIGITS):
            break  # a numeral ends the phrase, unless it starts a word (两化融合)
        i += 1
    phrase = folded[end:i].strip("、 ")
    return re.sub(r"(?:超过|超|近|约|逾|达|第|共|达到)$", "", phrase)


_CN_DIGITS = set("零一二两三四五六七八九")
# Money words after an amount name what the amount is (1900万元奖励补助资金).
_MONEY_NOUN_END = re.compile(r"(?:金|费|资|款|贴|奖|助|入|额|税|券)$")
# A transfer verb before an amount: what is transferred follows it (发放500元养老补贴).
_TRANSFER_VERB = re.compile(r"(?:发放|补贴|奖励|补助|拨付|下达|给予|安排|发|奖)$")
_OPENS_NOUN = re.compile(r"[\u4e00-\u9fff“]")
_NOT_A_NOUN_START = set("的了和及与或等以是在为将已并且也都就还再到至比较占约近达共")


def _indicator(folded: str, q: Quantity, floor: int, previous: list["_Draft"]) -> str:
    """The measured phrase for a figure."""
    before = _phrase_before(folded, q.start, floor)
    subject_of_ratio = re.search(r"是[^,，。]{0,10}的$", before)
    if subject_of_ratio:  # 创新平台总量是2016年底的3.4倍
        subject = _clean_before(before[:subject_of_ratio.start()])
        return subject or (previous[-1].indicator if previous else "")
    cleaned = _clean_before(before)
    if q.kind == "rank" and (not cleaned or re.search(r"[市省县区]$", cleaned) and len(cleaned) <= 4):
        return _inherit(folded, q, previous)  # 596家,保定市排名第2: the rank of the figure before
    after_phrase = ""
    after = folded[q.end:q.end + 1]
    if after == "的" and q.kind == "percent" and not cleaned:
        after_phrase = _phrase_after(folded, q.end + 1)  # 配建5%的人才住房
    elif after and _OPENS_NOUN.match(after) and after not in _NOT_A_NOUN_START and q.kind in ("count", "money", "measure"):
        start = q.end + 1 if after == "“" else q.end
        after_phrase = _phrase_after(folded, start).strip("“”")
    if len(after_phrase) >= 2:
        prefer_after = (
            not cleaned
            or q.kind in ("count", "measure")
            or before.rstrip().endswith("等")
            or _TRANSFER_VERB.search(before) is not None
            or (q.kind == "money" and _MONEY_NOUN_END.search(after_phrase) is not None))
        if prefer_after:
            return after_phrase
    if cleaned:
        return _with_generic(cleaned, previous)
    return _inherit(folded, q, previous)


def _with_generic(indicator: str, previous: list["_Draft"]) -> str:
    if indicator in _GENERIC and previous and previous[-1].indicator:
        return previous[-1].indicator + indicator  # 驿站…,总量达到9家 -> 驿站总量
    return indicator


def _inherit(folded: str, q: Quantity, previous: list["_Draft"]) -> str:
    """No phrase of its own: the figure before names it.

    A rank, share or multiple qualifies the figure just before it in the sentence
    (…众创空间总数达到10家,全市第一位); an amount with no phrase continues a
    list of amounts in the paragraph (投入1000万元(含)—5000万元的企业…).
    """
    if q.kind in ("rank", "percent", "multiple", "points"):
        if previous and not _sentence_break(folded, previous[-1].q.end, q.start):
            return previous[-1].indicator
        return ""
    for d in reversed(previous):
        if "\n" in folded[d.q.end:q.start]:
            break
        if d.q.unit == q.unit and d.indicator:
            return d.indicator
    return ""


_INCREASE = re.compile(r"(?:增长|增加|提高|提升|上升|增长了|增加了|提高了|新增|增幅为?|增速为?|增收|跃升)(?:达到?|为|至)?$")
_DECREASE = re.compile(r"(?:下降|减少|降低|回落|缩减|下降了|减少了|降低了)(?:达到?|为|至)?$")
_CHANGE_TO = re.compile(r"(?:从|由)?$")
_AS_OF = re.compile(
    r"(截至|截止|到)(?:目前|今年\d{0,2}月?底?|\d{4}年(?:底|末|\d{1,2}月(?:底|末|\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?(?:底|末)?)"
    r"|\d{4}年(?:底|末|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|全年)?"
    r"|今年(?:以来|上半年|前三季度|一季度)?|去年|目前|全年|年内|近[一二两三四五六七八九十\d]+(?:年|个月|月)(?:来)?|一季度|上半年"
)


_LOOK_BACK = 300  # a clause or sentence longer than this is no sentence: text without punctuation


def _as_of(folded: str, start: int) -> str | None:
    i, limit = start, max(0, start - _LOOK_BACK)
    while i > limit and folded[i - 1] not in "。!！?？\n":
        i -= 1
    found = None
    for m in _AS_OF.finditer(folded, i, start):
        found = m
    return found.group(0) if found else None


def _change(folded: str, q: Quantity) -> dict | str | None:
    if q.change_from is not None:
        return {"from": q.change_from, "to": q.value}
    window = folded[max(0, q.start - 8):q.start]
    if _INCREASE.search(window):
        return "increase"
    if _DECREASE.search(window):
        return "decrease"
    return None


@dataclass
class _Draft:
    q: Quantity
    indicator: str


_FENBIE = re.compile(r"分别(?:达到了?|达|为|是|增长|增加|发展到|提高|有)?")


def _apply_fenbie(folded: str, drafts: list[_Draft]) -> None:
    """领军企业、高新技术企业、科技型中小企业分别达到2家、295家、2698家: one subject each."""
    for m in _FENBIE.finditer(folded):
        after = [d for d in drafts if d.q.start >= m.end() and not _sentence_break(folded, m.end(), d.q.start)]
        if not after:
            continue
        listed = [after[0]]
        for d in after[1:]:
            gap = folded[listed[-1].q.end:d.q.start]
            if len(gap) <= 2 and all(ch in "、和及与,，" for ch in gap):
                listed.append(d)
            else:
                break
        start = m.start()
        clause_start = start
        while clause_start > 0 and folded[clause_start - 1] not in ",，;；。:：\n":
            clause_start -= 1
        subject_text = folded[clause_start:start]
        earlier = [d for d in drafts if clause_start <= d.q.start < start]
        if not earlier:
            # 分别 after figures: the subjects are the figures' own indicators (…221家、…2150家,分别是…的1.66倍、1.3倍).
            before_clause = [d for d in drafts if d.q.end <= clause_start and not _sentence_break(folded, d.q.end, clause_start)]
            subjects = [_clean_before(s) for s in re.split(r"[、和及与]", subject_text)]
            subjects = [s for s in subjects if s]
            if len(subjects) >= 2 or not before_clause:
                for d, subject in zip(listed, subjects):
                    d.indicator = subject
            elif before_clause and len(before_clause) >= len(listed):
                for d, src in zip(listed, before_clause[-len(listed):]):
                    d.indicator = src.indicator


def _sentence_break(folded: str, a: int, b: int) -> bool:
    return any(ch in _SENTENCE_END for ch in folded[a:b])


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` (display form), in order, with non-overlapping spans."""
    # Simplified but not lower-cased: indicators are read from it (B类县区, not b类县区).
    words, numbers, origin = numeric_views(simplify(text))
    quantities: list[Quantity] = []
    pos = 0
    for start in scan_starts(numbers):
        if start < pos:
            continue
        q = rank_at(numbers, start) or read_quantity(numbers, start)
        if q is None:
            continue
        if quantities and q.start < quantities[-1].end:
            continue
        quantities.append(q)
        pos = q.end
    drafts: list[_Draft] = []
    floor = 0
    for q in quantities:
        drafts.append(_Draft(q, _indicator(words, q, floor, drafts)))
        floor = q.end
    _apply_fenbie(words, drafts)
    figures = []
    for d in drafts:
        q = d.q
        start, end = origin[q.start], origin[q.end - 1] + 1
        figures.append(Figure(
            start=start, end=end, text=text[start:end], value=q.value, value_high=q.value_high,
            unit=q.unit, kind=q.kind, approx=q.approx, indicator=d.indicator,
            change=_change(words, q), as_of=_as_of(words, q.start)))
    return figures


# Financial numerals (壹仟玖佰) read as ordinary ones; only for reading numbers.
_FINANCIAL = dict(zip("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千"))
_NEEDS_FINANCIAL = re.compile("[" + "".join(_FINANCIAL) + "]")
_JOINS_LEFT = set("0123456789" + CN_CHARS + "点分之个成折%kK.")
_JOINS_RIGHT = set("0123456789" + CN_CHARS + "点分之个成折%kK") | {u[0] for u in UNIT_NAMES}
_BLANKS = re.compile("[ \t\u3000]+")


def numeric_views(simplified: str) -> tuple[str, str, list[int]]:
    """Two same-length views of the text for reading figures, and where each character came from.

    Spaces inside a number (PDF text: 百 分 之 2.4, 1 万元, 3 家) are dropped, except
    between two Arabic digits, which in a table separate two numbers. ``words``
    keeps the text's own characters for indicators; ``numbers`` also reads
    financial numerals as ordinary ones.
    """
    numbers_full = replace_each(simplified, _NEEDS_FINANCIAL, _FINANCIAL)
    kept: list[tuple[int, int]] = []  # the spans that stay, between dropped runs of blanks
    start = 0
    for m in _BLANKS.finditer(numbers_full):
        i, j = m.span()
        if i == 0 or j - i > 4 or j == len(numbers_full):
            continue
        left, right = numbers_full[i - 1], numbers_full[j]
        if left in _JOINS_LEFT and right in _JOINS_RIGHT and not (left.isdigit() and right.isdigit()):
            kept.append((start, i))
            start = j
    if not kept:
        return simplified, numbers_full, list(range(len(simplified)))
    kept.append((start, len(simplified)))
    words = "".join(simplified[a:b] for a, b in kept)
    numbers = "".join(numbers_full[a:b] for a, b in kept)
    keep = [k for a, b in kept for k in range(a, b)]
    return words, numbers, keep
