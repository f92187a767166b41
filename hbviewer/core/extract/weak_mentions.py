"""Names that are written but do not say where a figure is ("weak" mentions).

``weak_mentions`` gives each such name its kind: ``title``, inside a document title
(《保定市支持科技服务机构的政策措施》); ``org``, the start of an organisation's name
(河北养元智汇饮品股份有限公司, 京津冀协同创新创业基地); ``rank``, the group a rank is counted in
(全省第二, 保定市排名第2, 居全省首位); ``destination``, where a trip goes (50分钟到京); and
``modifier``, 河北省 inside a noun phrase (有效河北省科技型中小企业, 河北省院士合作重点单位).
They still count as mentions; ``figure_places`` passes over them when anything else is there,
and document titles, rank groups and destinations are never what 该市/全县 ... stand for.
"""

from __future__ import annotations

import re

from .gazetteer import RegionGazetteer
from .region_records import Mention

_CLAUSE_START = "，,。；;：:！？!?\n“”\"（()） \u3000"  # may stand right before a clause (本报讯 …)
# A clause-initial time phrase (2019年，今年，近年来 ...) does not stop a name after it from
# being the clause's subject.
_TIME_LEAD = re.compile(r"(?:^|[，,。；;：:！？!?\n“”])\s*"
                        r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|底|初|末)?"
                        r"|今年|去年|目前|当前|近年来|近年|近日|日前|截至目前|此外|同时)$")
_WORD_BEFORE = re.compile(r"(?:在|于|到|对|向|为|从|至|与|和|同|跟|比|据|是|由|经)$")
_DOC_TITLE = re.compile(r"《[^《》\n]{0,80}》")
# Organisations whose names start with a place: 河北养元智汇饮品股份有限公司, 丰宁平安高科…有限公司,
# 北京市营养源研究所, 京津冀协同创新创业基地. At least one name character comes between the place
# and the suffix (衡水市学校 is the city's schools); a government body (张家口市科技局, 丛台区政府)
# is the place acting, and a function word (与, 的, 在 ...) ends the name. 银行业, 大学生 are not
# organisations.
_ORG_TAIL = re.compile(r"[\u4e00-\u9fff·]{1,16}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|银行|大学|学院|"
                       r"医院|研究院|研究所|研究中心|设计院|基地|协会|学会|商会|合作社|学校|中学|小学|农场|酒店)"
                       r"(?![业界类系生化务])")
# A branch named for its place right after its organisation's name (某大学唐山研究院, 某集团沧州公司).
_BRANCH_OF = re.compile(r"(?:大学|学院|集团|公司|银行|研究院|科学院)$")
_BRANCH = re.compile(r"(?:研究院|研究所|分院|分校|校区|分公司|公司|基地|中心|分行|支行)")
_NAME_BREAK = re.compile(r"[与和及等在的是为将对把被向从已也还都就了着过并而或]|政府|党委|人大|政协|委员会|"
                         r"管委会|常委会|局|厅")
# A rank and the group it is counted in: 全省第二, 保定市排名第2, 居全省首位, 全省168个县(市、区)中
# 排名第七位, 排名在全省由…第20位. 第一批, 第3次, 第二季度 are not ranks.
_RANK = (r"(?:第[0-9一二三四五六七八九十百两]+(?![0-9一二三四五六七八九十百两]*[批届次期季个轮阶年家条号章款部组类天周月日项件])"
         r"|首位|前列|前茅|榜首|先进行列|末位)")
_RANK_AFTER = re.compile(r"(?:排名|排位|排在|排|名列|位列|位居|居|的)?" + _RANK)
_RANK_IN = re.compile(r"[^，,。；;！？!?\n]{0,18}?(?:中|内|里)(?:排名|排位|排在|位列|名列|位居|居)")
_RANK_VERB = re.compile(r"(?:排名在?|排在|排位|位居|居于|居|位列|名列)$")
_RANK_LATER = re.compile(r"[^，,。；;！？!?\n]{0,20}?" + _RANK)
_RANK_FIGURE = re.compile(r"\s*" + _RANK)
# 30分钟到雄安、50分钟到京: the place after 到 in a travel time is where one gets to.
_DESTINATION = re.compile(r"(?:分钟|小时|钟头)[^，,。；;、]{0,3}(?:到|至|抵达|直达|通达|进)$")


def weak_mentions(gaz: RegionGazetteer, doc: str, mentions: list[Mention]) -> dict[int, str]:
    """The kind of each weak name in ``doc``, by start offset (see the module notes)."""
    titles = doc_titles(doc)
    out = {}
    for m in mentions:
        if m.region is None:
            continue
        kind = weak_kind(doc, m.start, m.end, titles)
        if not kind:
            org = _ORG_TAIL.match(doc, m.end)
            if org and not _NAME_BREAK.search(doc, m.end, org.end()):
                kind = "org"
            elif _BRANCH_OF.search(doc, max(0, m.start - 4), m.start) and _BRANCH.match(doc, m.end):
                kind = "org"  # 某某大学唐山研究院: a branch of an organisation, named for its place
            elif _modifier(gaz, doc, m):
                kind = "modifier"
        if kind:
            out[m.start] = kind
    return out


def doc_titles(doc: str) -> list[tuple[int, int]]:
    """The spans of the document titles 《…》 in ``doc``."""
    return [t.span() for t in _DOC_TITLE.finditer(doc)]


def weak_kind(doc: str, start: int, end: int, titles: list[tuple[int, int]]) -> str:
    """title, rank or destination for a name or reference at ``start``..``end``, else ""."""
    if any(a < start and end < b for a, b in titles):
        return "title"
    if _rank_scope(doc, start, end):
        return "rank"
    if _DESTINATION.search(doc, max(0, start - 12), start):
        return "destination"
    return ""


def at_rank(doc: str, pos: int) -> bool:
    """Whether a rank (第七位, 首位) or a ranking verb (排名, 位居) is right at ``pos``."""
    return bool(_RANK_FIGURE.match(doc, pos) or _RANK_VERB.search(doc, max(0, pos - 4), pos))


def opens_clause(doc: str, start: int) -> bool:
    """Whether ``start`` opens a clause, a clause-initial time phrase (2019年，) aside."""
    return (start == 0 or doc[start - 1] in _CLAUSE_START
            or bool(_TIME_LEAD.search(doc, max(0, start - 16), start)))


def _rank_scope(doc: str, start: int, end: int) -> bool:
    if _RANK_AFTER.match(doc, end) or _RANK_IN.match(doc, end):
        return True
    verb = _RANK_VERB.search(doc, max(0, start - 4), start)
    return bool(verb and _RANK_LATER.match(doc, end))


def _modifier(gaz: RegionGazetteer, doc: str, m: Mention) -> bool:
    """河北省 written inside a noun phrase rather than as the clause's subject.

    A name opening its clause (近年来，河北省着力…; 2019年，河北省…), or after a
    preposition (在河北省, 与河北省), is a subject or a place; one glued between other words
    (有效河北省科技型中小企业, 、河北省院士合作重点单位) qualifies a designation.
    """
    region = gaz.successor(m.region)
    if region.level != "province" or not region.in_hebei or m.kind == "abbreviation":
        return False
    start = m.start
    if opens_clause(doc, start):
        return False
    if _WORD_BEFORE.search(doc, start - 1, start):
        return False
    return m.end < len(doc) and "\u4e00" <= doc[m.end] <= "\u9fff"
