"""The phrases around a figure: the clause before it cleaned of noise and verbs, and the noun
phrase after it.

Both work on the words view of the text (simplified characters) and give spans of it, so
that the caller can cut the indicator from the text as written. Where a noun phrase ends is
read with the parts of speech in :mod:`word_tags`.
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer
from .word_tags import word_tags, words_at

Span = tuple[int, int]

# Clause boundaries for the phrase before a figure.
CLAUSE_END = set(",，;；。!！?？:：\n\"　*【】|")
SENTENCE_END = set("。!！?？;；\n")
_SENTENCE_END_RE = re.compile("[" + "".join(sorted(SENTENCE_END)).replace("\n", "\\n") + "]")

# Words between the measured phrase and the number (达到295家, 增长226%, 完成…).
LINK_VERBS = sorted("""
达到了 达到 达 为 是 有 共有 共 累计 累计达到 完成 实现 突破 超过 超 增长到 增加到 增至 增长 增加 提高 提升
上升 下降 减少 降低 预计 发展到 发展 总计 合计 计 约 共计 已达 已有 已经达到 已经 已 均 同比增长 同比下降 同比
比上年增加 比上年增长 比上年 较上年 占 新增 新建 新建成 建成 培育 引进 落实 争取 获得 获批 投入 安排 下达
发放 实施 推广 组建 选派 培训 带动 吸引 签约 招聘 提供 接待 覆盖 设立 开工 年均 平均 每年 每月 每人 每户
居 位居 均居 名列 位列 排名 排在 列 以 的 了 到 在 近 仅 还 又 再 也 就 将 可 共为 派驻 组织 播出 现已
尚有 还有 仍有 力争 确保 努力 提高到 提升到 上升到 下降到 降至 保持在 保持 稳定在 控制在 回落到 回落 下滑 分别为 分别达到 分别
首次 再次 首度 一举 缩短至 缩短到 压缩至 压缩到 延长至 延长到 增长至 增加至 提高至 提升至 上升至 下降至 减少到 减少至 减至 降到 压减至 压减到 扩大到 扩大至 缩小到 调整为 调整到
""".split(), key=len, reverse=True)
_LINK_VERBS_BY_LAST: dict[str, list[str]] = {}  # the same, by last character, longest first
for _verb in LINK_VERBS:
    _LINK_VERBS_BY_LAST.setdefault(_verb[-1], []).append(_verb)
_LINK_VERB_SET = frozenset(LINK_VERBS)
# Link words that never name a measure themselves: they go however many there are.
_FUNCTION_LINKS = frozenset("""
同比 比上年 较上年 已 已经 累计 均 共 了 的 为 达 将 再 又 还 也 就 可 仅 近 约 首次 再次 首度 一举 力争 确保 预计
分别 年均 平均 现已 已达 已有 共计 总计 合计 尚有 还有 仍有 努力 以 在 到
""".split())

_DATE = r"(?:\d{4}年)?(?:\d{1,2}(?:[-—～~至到]\d{1,2})?月份?(?:\d{1,2}日)?|[一二三四前]季度|前[一二三四]季度|[上下]半年)(?:以来)?"
# Words that open a clause but are not what is measured (该市, 目前, 其中, dates, 本报讯 …).
LEADING_NOISE = re.compile(
    r"^(?:(?:截至|截止|到)(?:目前|\d{4}年(?:底|末)?|\d{1,2}月(?:\d{1,2}日)?|今年[^\s,，]{0,4})|目前|当前|现在"
    r"|今年(?:以来|上半年|前三季度)?|去年|明年|全年|年内|近年来|近年|近\d+年来?|近[一二两三四五]年来?"
    r"|\d{4}年(?:底|末|上半年|以来)?|" + _DATE + r"|本报讯|据(?:统计|了解|悉|介绍|测算|初步统计)|记者(?:从[^,，]{2,12})?(?:获悉|了解到)"
    r"|(?:比|较)(?:上年|去年|上一年|前一年|上月|\d{4}年)?(?:同期)?(?=[增减提下降上])|同比"
    r"|[（(]?[一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]{1,3}、|即(?![将时])|由(?![于此])|从(?![业事])|每(?:人|户|年|月|天|日|小时|亩|项|家)"
    r"|连续(?:\d+|[一二两三四五六七八九十]+)年|由于|因为|如(?![期意实何此今果])|例如|比如|当晚|当天|当日|今天|昨天|近日|日前|近期|共有|拥有|现有|已有|其中|同时|此外|另外|并|且|还|已经|已|共(?![享建同青产])|累计|预计|计划|各类|各种|各级|陆续|先后|相继|持续"
    r"|全市|全省|全县|全区|全国|全球|我国|各地|各市(?!场)|各县|各区(?!域)|该市|该县|该区|该镇|该乡|我市|我省|我县|我区|本市|市里|县里|他们|这里"
    r"|此次|本次|当年|上年|当地|对(?![外口])|向|为(?!民)|在(?![建校岗职线读])|将|把|按照|根据|按|了|着|的|特别是|尤其是|包括"
    r"|[\u4e00-\u9fff]{2,3}(?:市|县)(?=[\u4e00-\u9fff]{3}))+"
)
# An action verb inside a phrase before a figure: what is measured follows it
# (已建成产业技术创新战略联盟7家 -> 产业技术创新战略联盟).
INNER_VERBS = re.compile(
    r"(?:建成|建设|组建|新建|选出|申请|完成|实现|培育|引进|推荐|组织|发布|成立|设立|打造|拥有|实施|推广|争取|下达|安排|获得|"
    r"获批|带动|吸引|入驻|签约|提供|发放|补助|奖励|走访|接听|发送|征集|派驻|建立|开展|举办|聘请|认定|上报|共有|掌握|"
    r"发现|整改|排查|查处|侦破|破获|受理|办理)"
)
_TRAILING_DATE = re.compile(r"(?:(?:\d{4}|[一二三四五六七八九〇零]{4})年(?:底|末|初)?|\d{1,2}月(?:底|末|初|份)?)+$")
_ENDS_IN_VERB = re.compile(INNER_VERBS.pattern + "$")
# Verbs that are also what money is given as (人民币奖励, 生活补助): they end no phrase.
_MONEY_VERBS = frozenset("奖励 补助 补贴 资助".split())
# Modal words: the phrase proper starts after them (建成后年可繁育原种苗 -> 繁育原种苗). A lone 能 or 可
# is too often part of a word (化石能源, 可再生) to count.
_MODAL = re.compile(r"(?:预计|力争|争取|拟|可以|能够|有望|年可|将(?![近来军]))")
# A comparison after the phrase (排名在全省由2018年的…, 比上年, 较去年); 比例 and 比重 are words of their own.
_COMPARISON = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9]{2})(?:由|从|(?<!占)比(?![例重率值])|较(?=上|去|同|\d)|同比)[^,，]*$")
_LOCATIVE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9]{2})在[^,，]*$")
# An adverb between a subject and what it did (玉米已收获, 专项行动已查处案件).
_ADVERB = re.compile(r"已经|已|正在|也|还|都|均")
# What ends a noun phrase after a figure (3家省级农业创新驿站, 1741个贫困村派驻…).
_AFTER_STOP = re.compile(
    r"[,，;；。!！?？:：()（）“”\"\n*　\d零一二两三四五六七八九十百千万亿]|的|等|或"
    r"|派驻|发送|发放|参加|参与|开展|进行|签订|做客|享受|实施|实现|完成|达到|建成|建立|列入"
    r"|先后|陆续|相继|纷纷|集中|正在|分别|全部|同时"
    r"|纳入|进入|成为|作为|入选|入围|来自|位于|分布|覆盖|涉及|包括|涵盖"
)
# Single characters that end it when they stand as a word (供游客; 就业, 从业, 被困 are words).
_AFTER_STOP_CHARS = set("是供于为让使给共还又再就才按在对向将已正也都均被把从了着过")
# A conjunction joins two nouns (国家和地区), not a noun and another figure (10家企业和5个项目).
_JOINS_NOUNS = re.compile(r"[和及与][\u4e00-\u9fff]")
# Parts of speech that end a noun phrase after a figure: adverbs, times, prepositions, conjunctions, pronouns.
_STOP_TAGS = frozenset({"d", "t", "p", "c", "ad", "u", "i"})
# Nouns the dictionary tags as verbs only: they end a phrase as its head.
_NOUNS_TAGGED_V = frozenset("举措 收入 支出 需求 补助 产出 成交 帮扶 改造 治理 示范".split())


def _link_verbs_end(phrase: str) -> int:
    """Length of ``phrase`` without the link verbs at its end.

    After the first, only words that never name a measure go (同比, 已, 累计 …): in 研发投入增长
    the 增长 goes and 投入 stays.
    """
    n, changed, first = len(phrase), True, True
    while changed and n:
        changed = False
        for verb in _LINK_VERBS_BY_LAST.get(phrase[n - 1], ()):
            if phrase.endswith(verb, 0, n) and n - len(verb) >= 2 and (first or verb in _FUNCTION_LINKS):
                n -= len(verb)
                changed, first = True, False
                break
    return n


def _head_start(phrase: str) -> int:
    """Where the head starts: of 'X、Y等Z' it is Z; of 'X的Y' it is Y (when Y is a word)."""
    start = 0
    for marker in ("等", "的"):
        idx = phrase.rfind(marker)
        if idx >= start and len(phrase) - idx - 1 >= 2:
            if marker == "的" and _noun_before(phrase, start, idx):
                continue  # 合作社的年收入 stays whole
            start = idx + 1
    return start


def _noun_before(phrase: str, start: int, idx: int) -> bool:
    """Whether ``phrase[start:idx]`` is a short noun of its own, not a clause (园区孵化的)."""
    if not 2 <= idx - start <= 4:
        return False
    words = words_at(phrase, start, idx)
    return len(words) <= 3 and all(tag.startswith("n") or b - a == 1 for a, b, tag in words)


def _unpaired_brackets(s: str) -> tuple[int, int]:
    """``s`` without a bracket at either end that does not close inside (（含, 甲县（); 县(市、区) stays."""
    a, b = 0, len(s)
    if not s or s[0] not in "(（" and s[-1] not in ")）":
        return a, b
    while a < b and s[a] in "(（" and not any(ch in ")）" for ch in s[a + 1:b]):
        a += 1
    while b > a and s[b - 1] in ")）" and not any(ch in "(（" for ch in s[a:b - 1]):
        b -= 1
    return a, b


_EDGE = " 、，,的"
_EDGE_AFTER = " 　、，,的"


def clean_before(w: str, lo: int, hi: int) -> Span | None:
    """The measured phrase in ``w[lo:hi]`` (the clause before a figure), without noise and verbs.

    Each step narrows ``s``, which stays ``w[lo:lo + len(s)]``.
    """
    s = w[lo:hi]
    a = len(s) - len(s.lstrip(_EDGE))
    s, lo = s[a:].rstrip(_EDGE), lo + a
    a, b = _unpaired_brackets(s)
    s, lo = s[a:b], lo + a
    m = _TRAILING_DATE.search(s)
    if m and m.start() > 0:  # 增长到2021年
        s = s[:m.start()]
    m = _COMPARISON.search(s)
    if m:  # 综合考核排名在全省由2018年的 -> 综合考核排名在全省
        s = s[:m.start()]
    m = LEADING_NOISE.match(s)
    if m:
        s, lo = s[m.end():], lo + m.end()
    if s in _LINK_VERB_SET:
        return None  # 调整为2元: a verb only
    s = s[:_link_verbs_end(s)].rstrip("的了等")
    a, b = _after_adverb(s)
    s, lo = s[a:b], lo + a
    cut = 0
    for pattern in (INNER_VERBS, _MODAL):
        for m in pattern.finditer(s):
            if m.end() <= len(s) - 2 and not _names_an_activity(s, m.end()):
                cut = max(cut, m.end())
    s, lo = s[cut:], lo + cut  # 企业在园区设立各类研发中心 -> 各类研发中心
    m = _LOCATIVE.search(s)
    if m:  # 综合考核排名在全省 -> 综合考核排名
        s = s[:m.start()]
        s = s[:_link_verbs_end(s)]
    a = _head_start(s)
    s, lo = s[a:], lo + a
    m = LEADING_NOISE.match(s)
    if m:
        s, lo = s[m.end():], lo + m.end()
    a = len(s) - len(s.lstrip(_EDGE_AFTER))
    s, lo = s[a:].rstrip(_EDGE_AFTER), lo + a
    if s in _LINK_VERB_SET or len(s) < 2:
        return None
    return (lo, lo + len(s))


def _after_adverb(s: str) -> tuple[int, int]:
    """玉米已收获 -> 玉米 (what follows is only a verb); 专项行动已查处案件 -> 案件 (a noun)."""
    for m in reversed(list(_ADVERB.finditer(s, 2, len(s) - 1))):
        word = words_at(s, m.start(), min(len(s), m.start() + 4))[0]
        if word[1] != m.end() or word_tags().get(s[m.start() - 1:m.end()]):
            continue  # part of a longer word (已有, 还款, 平均)
        rest = words_at(s, m.end(), len(s))
        if _nouny(rest[-1][2]) and len(s) - m.end() >= 2:
            return m.end(), len(s)
        if all(tag.startswith("v") for _a, _b, tag in rest):
            return 0, m.start()
        break
    return 0, len(s)


def _names_an_activity(s: str, at: int) -> bool:
    """Whether ``s[at:]`` after a verb is one verbal noun (完成投资, 累计植树): the verb stays."""
    rest = words_at(s, at, len(s))
    return len(rest) == 1 and rest[0][2] in ("vn", "v")


def clause_start(folded: str, start: int, floor: int) -> int:
    i, floor = start, max(floor, start - 60)
    while i > floor and folded[i - 1] not in CLAUSE_END:
        if folded[i - 1] == " " and _CJK.match(folded, i) and i >= 2 and _CJK.match(folded, i - 2):
            break  # 检查 发现…: a space between words parts a headline
        i -= 1
    return i


_CJK = re.compile(r"[\u4e00-\u9fff]")


# Places and households counted by one character (21个县, 300户); they name the count.
ONE_CHARACTER_NOUN = re.compile(r"[县市区村镇乡户校院站厂]")
_CLOSING = {"(": ")", "（": "）", "“": "”"}
_RELATIVE_OPENER = re.compile(r"有|具有|从事|符合|拥有|来自|获得|通过")
_TRAILING_APPROX = re.compile(r"(?:超过|超|近|约|逾|达|第|共|达到)$")


def after_end(folded: str, end: int, limit: int) -> int:
    i = end
    while i < limit:
        if folded[i] in "(（“":
            close = folded.find(_CLOSING[folded[i]], i, limit)
            if close > i:
                if i == end + 1 and ONE_CHARACTER_NOUN.match(folded, end):
                    return close + 1  # 12个县(市、区)评价得分: the bracket ends the counted noun
                i = close + 1
                continue
        if folded[i] == "、" and i + 1 < limit and folded[i + 1] not in "0123456789":
            i += 1  # 高校、科研院所: a list of nouns stays together
            continue
        if folded[i] in "和及与":
            if not (_JOINS_NOUNS.match(folded, i) and folded[i + 1] not in _CN_NUMERALS):
                break
            i += 2
            continue
        if _AFTER_STOP.match(folded, i) and not (i == end and folded[i] in CN_DIGITS):
            break  # a numeral ends the phrase, unless it starts a word (两化融合)
        i += 1
    return i


def _is_verb(folded: str, a: int, b: int, tag: str) -> bool:
    return tag == "v" and folded[a:b] not in _NOUNS_TAGGED_V


def _nouny(tag: str) -> bool:
    """A noun, or a character of its own (者, 站): either can be a phrase's head."""
    return tag.startswith("n") or tag in ("", "vn", "j")


def _stop_cut(folded: str, words: list) -> list:
    """The words before the first adverb, time word, preposition or lone function character."""
    for k, (a, b, tag) in enumerate(words):
        if k and (tag in _STOP_TAGS or (b - a == 1 and folded[a] in _AFTER_STOP_CHARS)
                  or tag == "a" and (k + 1 == len(words) or not _nouny(words[k + 1][2]))):
            return words[:k]
    return words


def _place_cut(folded: str, words: list) -> list:
    """The words before a verb that takes a place (货轮停靠某港, 工作队进驻某县, 巨轮进出渤海): a
    place inside the phrase, past its first word, is where the noun goes, not part of it. A place
    is a word the dictionary tags as one, or a name of the gazetteer the dictionary does not know."""
    k = next((k for k in range(2, len(words)) if _is_place_word(folded, words[k])), None)
    if k is None:
        return words
    j = k
    while j > 1 and (words[j - 1][2] == "v" or words[j - 1][2] == "" and words[j - 1][1] - words[j - 1][0] == 1):
        j -= 1
    if j < k and words[j - 1][1] - words[0][0] >= 2 and _nouny(words[j - 1][2]):
        return words[:j]
    return words


def _is_place_word(folded: str, word: tuple[int, int, str]) -> bool:
    a, b, tag = word
    if tag == "ns" or gazetteer().lookup(folded[a:b]):  # 秦皇岛 is tagged as a person's name
        return True
    return tag == "" and any(gazetteer().lookup(folded[a:a + n]) for n in (2, 3))


def _predicate_cut(folded: str, words: list) -> list:
    """The words before the predicate: a verb with no noun after it (机组投入运行, 梨树开花, 增加到),
    or two verbs in a row; not 创新驿站 or 获救者, whose head follows the verb."""
    for k, (a, b, tag) in enumerate(words):
        if not _is_verb(folded, a, b, tag):
            continue
        if not any(_nouny(t) and (t != "vn" or not k) for _x, _y, t in words[k + 1:]):
            return words[:k]
        if k and k + 1 < len(words) and words[k + 1][2] == "v":
            return words[:k]
    return words


def phrase_after(folded: str, end: int) -> Span:
    """The noun phrase right after a figure; a bracket (市、区) stays whole.

    A relative clause (20家有出口业务的企业) gives the noun after its 的; adverbs and
    times end the phrase (500亩梨树近期开花), and so does a verb at its end (隧道贯通).
    """
    limit = min(len(folded), end + 24)
    i = after_end(folded, end, limit)
    words = words_at(folded, end, i)
    if folded.startswith("的", i) and i - end <= 10 and (
            _RELATIVE_OPENER.match(folded, end) or len(words) == 1 and words[0][2] in ("a", "b", "ad", "z")):
        return phrase_after(folded, i + 1)  # 20家有出口业务的企业, 8条具体的扶持措施
    words = _place_cut(folded, _predicate_cut(folded, _stop_cut(folded, words)))
    if len(words) == 1 and words[0][2] in ("v", "vn") and folded[words[0][1]:words[0][1] + 1] in ("为", "到", "至"):
        return (end, end)  # 由3元调整为4元: a verb, whatever the dictionary says
    i = words[-1][1] if words else end
    m = _ENDS_IN_VERB.search(folded, end, i)
    if m and m.start() - end >= 2 and m.group(0) not in _MONEY_VERBS:  # 3个项目获批
        i = m.start()
    while i > end and folded[i - 1] in "、 了":
        i -= 1
    m = _TRAILING_APPROX.search(folded, end, i)
    return (end, m.start() if m else i)


CN_DIGITS = set("零一二两三四五六七八九")
_CN_NUMERALS = CN_DIGITS | set("十百千万亿几数")


def sentence_break(folded: str, a: int, b: int) -> bool:
    return _SENTENCE_END_RE.search(folded, a, b) is not None
