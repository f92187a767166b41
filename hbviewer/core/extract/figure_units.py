"""Units a figure may carry (元, %, 个百分点, 倍, 家, 亩, 兆瓦 ...), and what may follow one.

Each unit as written maps to its base unit, its kind and the factor to the base unit (‰ is 0.1 %,
块钱 is 元). ``money_tail``, ``time_tail`` and ``class_or_rate`` read what may follow a unit:
123元1角1分, 三万元欧元, 1小时20分钟, 20万吨级 (a class), 600公斤/亩 (a rate).
"""

from __future__ import annotations

import re

from .numerals import ARABIC, CN_CHARS, any_value, cn_value

# unit as written -> (base unit, kind, factor to the base unit)
UNITS: dict[str, tuple[str, str, float]] = {}


def _add(kind: str, names: str, base: str | None = None, factor: float = 1.0) -> None:
    for name in names.split():
        UNITS[name] = (base or name, kind, factor)


_add("money", "元 美元 欧元 英镑 日元 港元 韩元 澳元 卢布 新台币 台币 加元 新加坡元 瑞士法郎")
_add("money", "块钱 人民币 圆", "元")
_add("money", "美金 美圆", "美元")
_add("money", "港币", "港元")
_add("money", "日币", "日元")
_add("percent", "%")
_add("percent", "％", "%")
_add("percent", "‰", "%", 0.1)
_add("points", "个百分点 百分点", "个百分点")
_add("multiple", "倍")
_add("rank", "个位次 位次", "位")
_add("duration", "个工作日 工作日", "个工作日")
_add("duration", "小时 分钟 秒 天 个月 周 年 秒钟 星期 个星期")
_add("duration", "个小时 个钟头 钟头", "小时")
# Areas, lengths, volumes, weights, energy and power, and product specifications (3200目, 40英寸).
# Ages (63岁) are no figures.
_add("measure", "亩 公顷 平方米 平方公里 平方千米 公里 千米 米 吨 斤 公斤 千克 克 毫克 微克 千瓦 兆瓦 吉瓦 瓦 "
     "千瓦时 兆瓦时 吉瓦时 度 千伏 伏 千伏安 兆伏安 立方米 升 毫升 标准箱 延长米 摄氏度 毫米 厘米 纳米 微米 海里 "
     "英里 英寸 吨标准煤 公斤 目 马力 兆帕 分贝 桶 吨公里 人公里")
_add("measure", "公分 cm CM", "厘米")
_add("measure", "km KM", "公里")
_add("measure", "mm MM", "毫米")
_add("measure", "kg KG", "公斤")
_add("measure", "平米 m² ㎡", "平方米")
_add("measure", "km² ㎞²", "平方公里")
_add("measure", "m³ 立方 方米", "立方米")
_add("measure", "kW KW kw", "千瓦")
_add("measure", "MW", "兆瓦")
_add("measure", "GW", "吉瓦")
_add("measure", "kWh KWh kwh", "千瓦时")
_add("measure", "TEU 标箱", "标准箱")
_add("measure", "吨标煤", "吨标准煤")
_add("measure", "℃", "摄氏度")
# As written in Taiwan and Hong Kong (公尺, 公噸, 呎): the same measures.
_add("measure", "公尺", "米")
_add("measure", "平方公尺", "平方米")
_add("measure", "立方公尺", "立方米")
_add("measure", "公吨", "吨")
_add("measure", "公升", "升")
_add("measure", "英尺 呎 英呎", "英尺")
_add("measure", "平方英尺 平方呎", "平方英尺")
_add("measure", "吋", "英寸")
_add("measure", "磅 盎司 坪")
_add("count", "家 个 项 名 人次 人 位 户 座 所 条 件 支 台 套 辆 栋 株 册 篇 次 场 期 类 种 封 粒 盒 只 头 处 张 份 "
     "本 部 间 床 块 枚 艘 架 列 趟 对 组 村 厂 届 批 棵 亩次 宗 例 起 轮 期次 门 款 首 幅 集 所次 单 笔 片 颗 箱 吨次 "
     "口 眼 座次 桩 根 辆次 班 栏 节 篇次 条次 帧 剂 剂次 针 车次 架次 艘次 班次 航次 户次 场次 台次 件次 家次 "
     "批次 列次 趟次 名次 个次 人天 工日 张次 只次 字")
UNIT_NAMES = frozenset(UNITS)
# Units that make a Chinese numeral a name rather than a figure (二期工程, 一批, 十三所).
CN_NAME_UNITS = {"期", "批", "批次", "字", "类", "种", "届", "轮", "首", "集", "所", "门", "村", "厂"}
# Units that are time spans: 近三年, 三年内 are date phrases, not figures.
TIME_UNITS = {"年", "个月", "周", "天", "小时", "分钟", "秒"}

CURRENCY_WORDS = re.compile(r"人民币|美元|美金|欧元|日元|日币|港元|港币|英镑|澳元|韩元|卢布|新台币|台币")
SUBUNITS = re.compile(rf"(?:又|零)?(?:({ARABIC}|[{CN_CHARS}]+)(?:角|毛))?(?:({ARABIC}|[{CN_CHARS}]+)(?:美分|分))?钱?")


def money_tail(folded: str, start: int, end: int, base: str, value: float) -> tuple[str, float, int]:
    """The rest of an amount: 123元1角1分, 五元三毛, 2美元又3美分, 三万元欧元, 港币两千九百六十元, 圆整."""
    named = CURRENCY_WORDS.match(folded, end)
    if base == "元" and named and named.group(0) != "人民币":
        base = UNITS[named.group(0)][0]  # 三万元欧元, 9000元日币
        end = named.end()
    elif base == "元":
        prefix = CURRENCY_WORDS.search(folded, max(0, start - 3), start)
        if prefix and prefix.end() == start and prefix.group(0) != "人民币":
            base = UNITS[prefix.group(0)][0]  # 港币两千九百六十元
    m = SUBUNITS.match(folded, end)
    if m and m.end() > end and (m.group(1) or m.group(2)):
        tenths = any_value(m.group(1)) if m.group(1) else 0.0
        cents = any_value(m.group(2)) if m.group(2) else 0.0
        if tenths is not None and cents is not None and tenths < 10 and cents < 100:
            value += tenths / 10 + cents / 100
            end = m.end()
    if folded.startswith("整", end):
        end += 1
    return base, value, end


_MINUTES = re.compile(rf"({ARABIC}|[{CN_CHARS}]+)分(?:钟|(?![之钱]))")


def time_tail(folded: str, end: int, unit: str, value: float):
    """1小时20分钟 -> 80 分钟; 2小时30分 the same."""
    if unit != "小时":
        return None
    m = _MINUTES.match(folded, end)
    if not m:
        return None
    minutes = float(m.group(1)) if m.group(1)[0].isdigit() else cn_value(m.group(1))
    if minutes is None:
        return None
    return value * 60 + minutes, "分钟", m.end()


# What may stand after "/" in a rate: units, and the nouns a rate is taken per.
_PER = re.compile("/([万千百]?)(" + "|".join(sorted(map(re.escape, [*UNITS, "日", "月", "人", "户", "年", "亩", "头", "只", "公顷"]),
                                          key=len, reverse=True)) + ")")


def class_or_rate(folded: str, end: int, base: str, kind: str) -> tuple[str, str, int]:
    """20万吨级 (unit 吨级), 600公斤/亩 (公斤/亩), 5000元/平方米 (元/平方米), or the unit as it was."""
    if kind == "measure" and folded[end:end + 1] == "级":
        return base + "级", kind, end + 1
    if folded[end:end + 1] != "/" or kind not in ("measure", "money", "count", "duration"):
        return base, kind, end
    m = _PER.match(folded, end)
    if m is None:
        return base, kind, end
    per = UNITS[m.group(2)][0] if m.group(2) in UNITS and UNITS[m.group(2)][1] != "count" else m.group(2)
    return base + "/" + m.group(1) + per, "money" if kind == "money" else "measure", m.end()  # 85人/万人


# Implied units (LABELLING: 123亿 is money; 31万余游客 counts 人次). A large number without a unit
# takes one from the noun after it, or from the noun it follows in its clause.
_PEOPLE_AFTER = re.compile(r"[^\d，,。；;、：:]{0,6}?(?:(游客|旅客|观众|人次|客流)|(人口|人员|群众|居民|农民|职工|市民|村民|学生|儿女|党员|劳动力"
                           r"|人民|中国人|同胞|儿童|老年人|老人|青少年|患者|移民|选民|员工|工人)|(用户|农户|家庭))")
_PEOPLE_BEFORE = re.compile(r"(?:(游客|旅客|观众|人次|客流|接待)|(人口|人数|人员|劳动力))[^\d，,。；;：:]{0,4}$")
_MONEY_BEFORE = re.compile(r"(?:额|投资|资金|收入|产值|总值|GDP|gdp|利润|税收|财政|预算|支出|贷款|存款|融资|补贴|补助|奖励|资产|"
                           r"收益|经费|投入|基金|资本|营收|成本|总价|价值|市值|估值|经济规模|经济总量)[^\d，,。；;：:]{0,4}$")


def implied_unit(folded: str, start: int, end: int) -> tuple[str, str] | None:
    """(unit, kind) that a large unitless number takes from its words, or None."""
    after = _PEOPLE_AFTER.match(folded, end)
    if after:
        return ("人次" if after.group(1) else "户" if after.group(3) else "人"), "count"
    clause = max(folded.rfind(ch, max(0, start - 16), start) for ch in "，,。；;：:\n") + 1
    before = _PEOPLE_BEFORE.search(folded, max(clause, start - 16), start)
    if before:
        return ("人次" if before.group(1) else "人"), "count"
    if _MONEY_BEFORE.search(folded, max(clause, start - 16), start):
        return "元", "money"
    return None
