"""Reading one quantity in folded Chinese text: 1.5万余个, 两万到五万斤, 近千盒, 全省第二.

Numbers are Arabic (1,100, 40.51) or Chinese (两万, 三千五百, 十多万); cn2an
converts the Chinese ones. A number is a figure only with a unit, a percent sign
or as a stated rank; years, dates, ordinals and numbers inside slogans are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_CHARS = CN_DIGITS + CN_UNITS
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# unit as written -> (base unit, kind, factor to the base unit)
_UNITS: dict[str, tuple[str, str, float]] = {}


def _add(kind: str, names: str, base: str | None = None, factor: float = 1.0) -> None:
    for name in names.split():
        _UNITS[name] = (base or name, kind, factor)


_add("money", "元 美元 欧元 英镑 日元 港元 韩元 澳元 卢布")
_add("money", "块钱", "元")
_add("percent", "%")
_add("percent", "‰", "%", 0.1)
_add("points", "个百分点 百分点", "个百分点")
_add("multiple", "倍")
_add("rank", "个位次 位次", "位")
_add("duration", "个工作日 工作日", "个工作日")
_add("duration", "小时 分钟 秒 天 个月 周 年")
_add("measure", "亩 公顷 平方米 平方公里 平方千米 公里 千米 米 吨 斤 公斤 千克 克 千瓦 兆瓦 千瓦时 度 立方米 升 "
     "标准箱 延长米 岁 周岁 摄氏度 毫米 厘米")
_add("count", "家 个 项 名 人次 人 位 户 座 所 条 件 支 台 套 辆 栋 株 册 篇 次 场 期 类 种 封 粒 盒 只 头 处 张 份 "
     "本 部 间 床 块 枚 艘 架 列 趟 对 组 村 厂 届 批 棵 亩次 宗 例 起 轮 期次 门 款 首 幅 集 所次 单 笔 片 颗 箱 吨次 "
     "口 眼 座次 桩 根 辆次 班 栏 节 篇次 条次 帧")
_UNIT_RE = re.compile("|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)))
# Units that make a Chinese numeral a name rather than a figure (二期工程, 一批, 十三所).
_CN_NAME_UNITS = {"期", "批", "类", "种", "届", "轮", "首", "集", "所", "门", "村", "厂"}
# Units that are time spans: 近三年, 三年内 are date phrases, not figures.
_TIME_UNITS = {"年", "个月", "周", "天", "小时", "分钟", "秒"}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = re.compile(rf"{_ARABIC}|[{CN_CHARS}]+")
_START = re.compile(rf"\d|[{CN_CHARS}]|百分之|[第首]|[一二两三四五六七八九]成|翻[一两二三四]番")

_PRE_APPROX = ("将近", "不少于", "不低于", "不超过", "不足", "不到", "超过", "大约", "约", "近", "超", "逾", "上")
_POST_APPROX = ("以上", "以下", "左右", "上下", "以内", "之多", "多", "余")
_RANGE_SEP = re.compile(r"\s*(?:\((?:含|不含)\))?\s*(?:—|–|-|~|～|至|到)\s*")
_CHANGE_VERB = re.compile(r"(?:增加|增长|提高|提升|上升|减少|下降|降低|扩大|缩小|跃升|发展|增至|降至)?(?:到|至)")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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


def scan_starts(folded: str):
    """Positions where a quantity may begin, in order."""
    for m in _START.finditer(folded):
        yield m.start()


@lru_cache(maxsize=4096)
def cn_value(numeral: str) -> float | None:
    """Value of a Chinese numeral (两万, 三千五百, 十, 千万); None if it is not one."""
    import cn2an

    if not numeral or any(ch not in CN_CHARS for ch in numeral):
        return None
    if len(numeral) >= 2 and not any(ch in CN_UNITS for ch in numeral) and not any(ch in "〇零" for ch in numeral):
        return None  # 三四, 七八: a range, not thirty-four
    if numeral[0] in CN_UNITS:
        numeral = "一" + numeral  # 千万 = 一千万, 十 = 一十
    try:
        value = cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _number_at(folded: str, i: int) -> tuple[float, int, bool] | None:
    """(value, end, is_chinese) of the number starting at ``i``, multipliers included."""
    m = _NUMBER.match(folded, i)
    if not m:
        return None
    raw = m.group(0)
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
        end = m.end()
        # 1.5万, 40.51亿, 5000万: a Chinese multiplier after Arabic digits.
        mult = re.match(r"[十百千万亿]+", folded[end:])
        if mult and not _UNIT_RE.match(folded, end):  # 160千瓦 is kilowatts, not 160 thousand 瓦
            factor = 1.0
            for ch in mult.group(0):
                factor *= _MULTIPLIERS[ch]
            return value * factor, end + mult.end(), False
        return value, end, False
    # Chinese: 十多万 reads as 十 + 多 + 万; keep the numeral part cn2an understands.
    value = cn_value(raw)
    if value is None:
        # 两三个 / 七八万: two adjacent digits are a range, read by the caller.
        return None
    return value, m.end(), True


def _approx_before(folded: str, i: int) -> tuple[str | None, int]:
    for word in _PRE_APPROX:
        if folded.startswith(word, i - len(word)):
            if word == "上" and folded[i:i + 1] not in "千万百亿":
                continue  # 上 only in 上千万, 上百
            if word == "超" and folded[i - 2:i] in ("超过",):
                continue
            return word, i - len(word)
    return None, i


def _post_approx(folded: str, i: int) -> tuple[str | None, int]:
    for word in _POST_APPROX:
        if folded.startswith(word, i):
            return word, i + len(word)
    return None, i


def _is_date(folded: str, start: int, end: int, value: float, unit: str, chinese: bool) -> bool:
    if unit == "年" and 1900 <= value <= 2100 and value == int(value):
        return True
    after = folded[end:end + 6]
    if not chinese and 1900 <= value <= 2100 and re.match(r"\s*[—–\-~～至到]\s*\d{4}\s*年", folded[end - 0:end + 8]):
        return True
    return unit == "" and bool(re.match(r"[年月日号]", after))


def _in_slogan(folded: str, start: int, end: int) -> bool:
    """Inside a short quotation (“四个一百”, “三个倍增”): a slogan, not a figure."""
    left = folded.rfind("“", max(0, start - 12), start)
    if left < 0:
        return False
    right = folded.find("”", end, end + 12)
    closed_before = folded.find("”", left, start)
    return right >= 0 and closed_before < 0 and (right - left) <= 24


def read_quantity(folded: str, i: int) -> Quantity | None:
    """The figure that starts at ``i`` (at its number), or None."""
    special = _special_at(folded, i)
    if special is not None:
        return special
    if i > 0:
        before = folded[i - 1]
        if before == "第":
            return None  # an ordinal: 第一批, 第十三所, 第三版
        if before.isdigit() or before in CN_CHARS or before in ".·+" or (before.isascii() and before.isalpha()):
            return None  # inside a number, or part of a code or name: 十三所, 5G, 5·18, 1+3
    first = _number_at(folded, i)
    if first is None:
        return _adjacent_digit_range(folded, i)
    value, end, chinese = first
    approx, start = _approx_before(folded, i)
    q = _finish(folded, start, end, value, chinese, approx, unit_optional=True)
    if q is None:
        return None
    return _extend(folded, q)


def _finish(folded: str, start: int, end: int, value: float, chinese: bool, approx: str | None,
            unit_optional: bool = False) -> Quantity | None:
    mid_approx, end = _post_approx(folded, end)  # 十多万, 1.5万余
    if mid_approx in ("多", "余"):
        mult = re.match(r"[十百千万亿]+", folded[end:])
        if mult:
            for ch in mult.group(0):
                value *= _MULTIPLIERS[ch]
            end += mult.end()
    elif mid_approx is not None:
        end -= len(mid_approx)
        mid_approx = None
    m = _UNIT_RE.match(folded, end)
    if not m:
        if unit_optional:
            return Quantity(start, end, value, None, "", "", approx or mid_approx)
        return None
    written = m.group(0)
    base, kind, factor = _UNITS[written]
    unit_end = m.end()
    if kind == "count" and written in ("个", "位") and folded.startswith("位次", end + 1):
        base, kind, unit_end = "位", "rank", end + 3  # 提高了5个位次
    if chinese and (value == 1 and not approx and not mid_approx):
        return None  # 一批, 一个, 一是: the numeral one is a word, not a figure
    if chinese and written in _CN_NAME_UNITS:
        return None
    if _is_date(folded, start, end, value, written, chinese):
        return None
    if written in _TIME_UNITS and (approx == "近" or (start > 0 and folded[start - 1] in "近前后这每")
                                   or re.match(r"(?:来|以来|内|间|后|前|中)", folded[unit_end:unit_end + 2])):
        return None  # 近三年, 三年内, 前两年: when, not how long
    if written == "年" and (value > 200 or (folded[unit_end:unit_end + 1] and _is_cjk(folded[unit_end])
                                            and folded[unit_end] not in "时的里多余左以之就才")):
        return None  # 三年行动计划, 百年历史, 2019年度: a name or a date, not a span of time
    if chinese and folded[unit_end:unit_end + 1] and folded[unit_end] in CN_DIGITS:
        return None  # 四位一体, 四个一百: an idiom
    if chinese and _in_slogan(folded, start, unit_end):
        return None
    value *= factor
    post_approx, end2 = _post_approx(folded, unit_end)
    if post_approx in ("余", "多"):  # 60%多, 2.5倍多
        unit_end = end2
    elif post_approx is not None:
        unit_end = end2
    approx = approx or mid_approx or post_approx
    time_tail = _time_tail(folded, unit_end, base, value) if kind == "duration" else None
    if time_tail is not None:
        value, base, unit_end = time_tail
    return Quantity(start, unit_end, value, None, base, kind, approx)


def _time_tail(folded: str, end: int, unit: str, value: float):
    """1小时20分钟 -> 80 分钟."""
    if unit != "小时":
        return None
    m = re.match(rf"({_ARABIC}|[{CN_CHARS}]+)分钟", folded[end:])
    if not m:
        return None
    minutes = float(m.group(1)) if m.group(1)[0].isdigit() else cn_value(m.group(1))
    if minutes is None:
        return None
    return value * 60 + minutes, "分钟", end + m.end()


def _extend(folded: str, q: Quantity) -> Quantity | None:
    """Join a range (500元—600元, 两万到五万斤) or a change (从6个增加到13个) to ``q``.

    ``q`` may still lack its unit (两万到五万斤); without a second part that
    supplies one, it is no figure.
    """
    change = _CHANGE_VERB.match(folded, q.end) if folded[q.start - 1:q.start] in "从由" else None
    sep = change if change and change.end() > q.end else _RANGE_SEP.match(folded, q.end)
    if sep is not None and sep.end() > q.end:
        second = _number_at(folded, sep.end())
        if second is not None:
            value2, end2, chinese2 = second
            q2 = _finish(folded, sep.end(), end2, value2, chinese2, None, unit_optional=True)
            if q2 is not None and q2.unit and (not q.unit or q.unit == q2.unit):
                low = q.value if q.unit else q.value * (q2.value / value2 if value2 else 1.0)
                if sep is change:
                    return Quantity(q.start - 1, q2.end, q2.value, None, q2.unit, q2.kind,
                                    q2.approx, change_from=low)
                if q2.value >= low:
                    return Quantity(q.start, q2.end, low, q2.value, q2.unit, q2.kind, q.approx or q2.approx)
    return q if q.unit else None


def _adjacent_digit_range(folded: str, i: int) -> Quantity | None:
    """两三个, 七八万元: two neighbouring digits are an approximate range."""
    m = re.match(r"([一二两三四五六七八九])([一二两三四五六七八九])", folded[i:])
    if not m:
        return None
    a, b = cn_value(m.group(1)), cn_value(m.group(2))
    if a is None or b is None or b != a + 1 and not (m.group(1) == "两" and m.group(2) == "三"):
        return None
    end = i + 2
    mult = re.match(r"[十百千万亿]+", folded[end:])
    factor = 1.0
    if mult:
        for ch in mult.group(0):
            factor *= _MULTIPLIERS[ch]
        end += mult.end()
    q = _finish(folded, i, end, a * factor, True, None)
    if q is None:
        return None
    unit_factor = q.value / (a * factor)
    return Quantity(q.start, q.end, q.value, b * factor * unit_factor, q.unit, q.kind, "约")


_PERCENT_WORDS = re.compile(rf"百分之({_ARABIC}|[{CN_CHARS}点]+)")
_TENTHS = re.compile(r"([一二两三四五六七八九])成(?![功立为员本果绩长熟就])")
_DOUBLING = re.compile(r"翻([一两二三四])番")


def _special_at(folded: str, i: int) -> Quantity | None:
    m = _PERCENT_WORDS.match(folded, i)
    if m:
        raw = m.group(1)
        value = float(raw) if raw[0].isdigit() else _cn_decimal(raw)
        if value is not None:
            return Quantity(i, m.end(), value, None, "%", "percent", None)
    m = _TENTHS.match(folded, i)
    if m and not (i > 0 and folded[i - 1] in "一二三四五六七八九十"):
        return Quantity(i, m.end(), cn_value(m.group(1)) * 10, None, "%", "percent", None)
    m = _DOUBLING.match(folded, i)
    if m:
        times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[m.group(1)]
        return Quantity(i, m.end(), float(2 ** times), None, "倍", "multiple", None)
    return None


def _cn_decimal(raw: str) -> float | None:
    if "点" in raw:
        whole, _, frac = raw.partition("点")
        w = cn_value(whole) if whole else 0.0
        digits = "".join(str(int(cn_value(ch) or 0)) for ch in frac)
        return None if w is None else float(f"{int(w)}.{digits}")
    return cn_value(raw)


_RANK_SCOPE = re.compile(r"(?:全省|全市|全国|全区|全县|全球|全行业)$")
_RANK_VERB = re.compile(r"(?:排名|位居|居于|居|名列|位列|排在|排|进入|跃居|跃升至|列|升至|进到|提升至|上升至|由)$")
_RANK_BODY = re.compile(rf"第({_ARABIC}|[{CN_CHARS}]+)(位|名)?|首位")
_RANK_CHANGE = re.compile(rf"(?:进到|升至|上升到|上升至|提升到|提升至|跃升至|跃升到|进至|前进到)第({_ARABIC}|[{CN_CHARS}]+)(位|名)")


def rank_at(folded: str, i: int) -> Quantity | None:
    """全省第二, 排名第七位, 全市第一位, 居全省首位, 由第20位进到第10位."""
    m = _RANK_BODY.match(folded, i)
    if not m:
        return None
    if m.group(0) == "首位":
        value = 1.0
    else:
        raw = m.group(1)
        value = float(raw) if raw[0].isdigit() else cn_value(raw)
        if value is None:
            return None
    end = m.end()
    change = _RANK_CHANGE.match(folded, end)
    if change:
        to_raw = change.group(1)
        to_value = float(to_raw) if to_raw[0].isdigit() else cn_value(to_raw)
        if to_value is not None:
            return Quantity(i, change.end(), to_value, None, "位", "rank", None, change_from=value)
    head = _rank_scope_start(folded, i)
    if head is None and not _RANK_VERB.search(folded, max(0, i - 3), i):
        return None  # a plain ordinal: 第一批, 第十三所
    if end < len(folded) and (folded[end] in CN_CHARS or folded[end].isdigit() or folded[end] in _ORDINAL_NOUNS):
        return None  # 全市第一批, 第二次: an ordinal after all
    return Quantity(i if head is None else head, end, value, None, "位", "rank", None)


_ORDINAL_NOUNS = set("批次届期轮季年天步阶类项个部章节条款版")


def _rank_scope_start(folded: str, i: int) -> int | None:
    """Start of the scope before 第 (全省第二, 廊坊市第一位), or None."""
    if _RANK_SCOPE.search(folded, max(0, i - 3), i):
        return i - 2 if folded[i - 3:i - 2] != "全" else i - 3
    for length in (3, 4):  # 廊坊市, 石家庄市: not 居廊坊市
        cand = folded[max(0, i - length):i]
        if len(cand) == length and cand[-1] in "市省县" and cand[0] not in "位居列排在于是为的":
            return i - length
    return None
