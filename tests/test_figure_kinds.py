"""Figure kinds by the labelling rules: measures, durations, ranks, multiples and shares, and what
is no figure (dates, time frames, names, ages, ordinals). Every sentence here is made up."""

import pytest

from hbviewer.core.extract.figures import extract_figures


def spans(text):
    return [(f.text, f.value, f.unit, f.kind, f.approx) for f in extract_figures(text)]


def only(text):
    figures = extract_figures(text)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize("text, span, value, unit, kind, approx", [
    # measures: compound, class and rate units, product specifications
    ("新港区可停靠30万吨级油轮。", "30万吨级", 300000, "吨级", "measure", None),
    ("风场装上了8.5兆瓦的机组。", "8.5兆瓦", 8.5, "兆瓦", "measure", None),
    ("全年发电量达到35亿千瓦时。", "35亿千瓦时", 3.5e9, "千瓦时", "measure", None),
    ("电站总装机120万千瓦。", "120万千瓦", 1.2e6, "千瓦", "measure", None),
    ("平均单产520公斤/亩。", "520公斤/亩", 520, "公斤/亩", "measure", None),
    ("细颗粒物浓度降到28微克/立方米。", "28微克/立方米", 28, "微克/立方米", "measure", None),
    ("新车间生产2500目的超细粉。", "2500目", 2500, "目", "measure", None),
    ("播种面积1834.2千公顷。", "1834.2千公顷", 1834200, "公顷", "measure", None),
    ("新建厂房4.6万平方米。", "4.6万平方米", 46000, "平方米", "measure", None),
    ("港口完成集装箱运量260万标箱。", "260万标箱", 2.6e6, "标准箱", "measure", None),
    ("售价为每套6800元/平方米。", "6800元/平方米", 6800, "元/平方米", "money", None),
    # durations: how long, how much earlier, travel times, streaks
    ("工程比计划提前45天完工。", "提前45天", 45, "天", "duration", None),
    ("该县粮食产量连续8年增长。", "连续8年", 8, "年", "duration", None),
    ("从县城到机场只需40分钟。", "40分钟", 40, "分钟", "duration", None),
    ("坐高铁到省城只要25分鐘。", "25分鐘", 25, "分钟", "duration", None),
    ("车程缩短到两个多小时。", "两个多小时", 2, "小时", "duration", "多"),
    ("抢修队奋战一个半小时。", "一个半小时", 1.5, "小时", "duration", None),
    ("全程最快2小时30分。", "2小时30分", 150, "分钟", "duration", None),
    ("开展百天攻坚行动。", "百天", 100, "天", "duration", None),
    ("合同期满须提前三十日通知对方。", "提前三十日", 30, "日", "duration", None),
    ("救援队一小时内到达现场。", "一小时", 1, "小时", "duration", None),
    ("审批最快也要近两年时间。", "近两年", 2, "年", "duration", "近"),
    ("这项试验持续了八年之久。", "八年", 8, "年", "duration", None),
    ("签订一年以上的用工合同。", "一年以上", 1, "年", "duration", "以上"),
    # implied units: money without 元, people counted by their noun; a bare magnitude with a measure
    ("全年电商交易额865亿，", "865亿", 8.65e10, "元", "money", None),
    ("两地合作项目投资1.5万亿；", "1.5万亿", 1.5e12, "元", "money", None),
    ("全市46.8万农村人口喝上了自来水。", "46.8万", 468000, "人", "count", None),
    ("假日接待游客52万余，", "52万余", 520000, "人次", "count", "余"),
    ("几代人种出了百万亩防护林。", "百万亩", 1e6, "亩", "measure", None),
    ("合作社流转土地千亩。", "千亩", 1000, "亩", "measure", None),
    ("这片油区探明储量达到千亿立方米。", "千亿立方米", 1e11, "立方米", "measure", None),
    ("建成百万千瓦级风电场。", "百万千瓦级", 1e6, "千瓦级", "measure", None),
    ("地震后28天恢复通车。", "28天", 28, "天", "duration", None),
    ("暴雨过后仍有3.5万用户停电。", "3.5万", 35000, "户", "count", None),
    ("储罐存有8.2万桶原油。", "8.2万桶", 82000, "桶", "measure", None),
    ("闸门泄流量为每秒15立方米。", "15立方米", 15, "立方米/秒", "measure", None),
    ("医护人员密度达85人/万人。", "85人/万人", 85, "人/万人", "measure", None),
    ("铁路运输完成120.5亿吨公里。", "120.5亿吨公里", 1.205e10, "吨公里", "measure", None),
    ("这个行业的经济总量达1.2万亿，", "1.2万亿", 1.2e12, "元", "money", None),
    # magnitudes of earthquakes and wind
    ("山区发生5.1级地震。", "5.1级", 5.1, "级", "measure", None),
    ("沿海风力达到12级。", "12级", 12, "级", "measure", None),
    ("维修队经过7.5小时的抢修。", "7.5小时", 7.5, "小时", "duration", None),
    # ranks stated as a result: scope word in the span, the verb outside it
    ("该县财政收入位居全省第三。", "全省第三", 3, "位", "rank", None),
    ("综合得分排名第9。", "第9", 9, "位", "rank", None),
    ("这座港口已成为全国第四大港口。", "全国第四大", 4, "位", "rank", None),
    ("该区首次进入全国20强。", "全国20强", 20, "位", "rank", None),
    ("园区竞争力跃居全省前五。", "全省前五", 5, "位", "rank", None),
    ("蔬菜产量居全市首位。", "全市首位", 1, "位", "rank", None),
    ("三家企业的销量分列前三位。", "前三位", 3, "位", "rank", None),
    ("该港吞吐量居全国沿海港口首位。", "全国沿海港口首位", 1, "位", "rank", None),
    ("这座城市的客流排名第二大。", "第二大", 2, "位", "rank", None),
    # multiples
    ("外贸额五年翻了一番多。", "翻了一番多", 2, "倍", "multiple", "多"),
    ("游客量十年翻了两番。", "翻了两番", 4, "倍", "multiple", None),
    ("利润增长2.4倍。", "2.4倍", 2.4, "倍", "multiple", None),
    # shares: fractions, 成, 半数, with their qualifiers
    ("民营企业贡献了全市1/4的税收。", "1/4", 25, "%", "percent", None),
    ("新能源车占销量近1/3。", "近1/3", 33.33, "%", "percent", "近"),
    ("网上办件占比超过七成。", "超过七成", 70, "%", "percent", "超过"),
    ("返乡青年中超半数选择创业。", "超半数", 50, "%", "percent", "超"),
    ("秋收进度已过半。", "过半", 50, "%", "percent", "过"),
    ("合格率达九成以上。", "九成以上", 90, "%", "percent", "以上"),
    ("达标率提高到97％。", "97％", 97, "%", "percent", None),
    # qualifiers, named as the rules name them
    ("参会客商过万人。", "过万人", 10000, "人", "count", "过"),
    ("带动近乎300户增收。", "近乎300户", 300, "户", "count", "近乎"),
    ("吸引了将近5000名观众。", "将近5000名", 5000, "名", "count", "近"),
    ("花费了几十万元。", "几十万元", 1e5, "元", "money", "几"),
    ("来了数百名志愿者。", "数百名", 100, "名", "count", "几"),
    ("完成投资约12亿元左右。", "约12亿元左右", 1.2e9, "元", "money", "约"),
    ("航班取消超过300架次。", "超过300架次", 300, "架次", "count", "超过"),
    ("散客約占全部遊客數量的35%。", "35%", 35, "%", "percent", "约"),
    ("民营经济约占全市经济总量的2/3。", "2/3", 66.67, "%", "percent", "约"),
    # measures as written in Taiwan and Hong Kong, in simplified units
    ("大樓高度達320公尺。", "320公尺", 320, "米", "measure", None),
    ("全年進口45萬公噸。", "45萬公噸", 450000, "吨", "measure", None),
])
def test_kinds(text, span, value, unit, kind, approx):
    figures = [f for f in extract_figures(text) if f.text == span]
    assert figures, spans(text)
    f = figures[0]
    assert f.value == pytest.approx(value, rel=1e-4)
    assert (f.unit, f.kind, f.approx) == (unit, kind, approx)


@pytest.mark.parametrize("text", [
    # dates, years, periods and time frames
    "1-6月份全市完成投资。",
    "前三季度经济运行平稳。",
    "前7个月出口保持增长。",
    "十年间城市面貌大变。",
    "经过20多年的发展，园区初具规模。",
    "过去五年，全县变化很大。",
    "“十三五”期间的5年里，产业加快聚集。",
    "近三年来乡村面貌一新。",
    "未来5年，全县将建成新城区。",
    "新的一年，各项工作有序展开。",
    "两年多来，园区不断壮大。",
    "预计未来三天，全省有雨。",
    "今明两天有大风。",
    "规定由第一作者签字。",
    "分组名单：沧州市第三组。",
    "项目须在三年内完成。",
    # clock times, names, slogans and labels with numbers
    "会议于上午9时30分开始。",
    "落实“十四五”规划。",
    "打造“15分钟便民圈”。",
    "实现“三个提升、两个突破、一个确保”。",
    "百米赛跑开赛。",
    "培育六大产业集群。",
    "引进世界500强企业。",
    "入选中国民营企业50强。",
    "举办第四届博览会。",
    "入选首批试点。",
    "推荐第一批示范村。",
    "东部十县联合发展。",
    # phone numbers, ages, page references, bare numbers
    "咨询电话0311-66881234。",
    "63岁的村民老张笑了。",
    "招用未满十六周岁的未成年人。",
    "庆祝建厂60周年。",
    "下转第三版",
    "编号28的风机",
    # titles, and words that only look like a figure
    "电视台播出《山乡十年》纪录片。",
    "印发《500万元以下项目管理办法》。",
    "河水一度超过警戒水位。",
    "同一天，邻县也举行了仪式。",
    "日子一天天好起来。",
    # 一 as an article, "first to do X", qualitative magnitudes
    "建成一座大桥。",
    "这是全国首个智慧港口。",
    "奖励排名前三的县。",
    "上榜全球500强企业。",
    "成为全省第一家上市农企。",
    "第一次举办马拉松。",
    "主要指标实现两位数增长。",
    # category labels made of a bare magnitude word
    "新开工亿元以上项目。",
    "建设万吨级以上泊位。",
    "打造千亿级产业集群。",
    "新建一所三级医院。",
    "走到十字路口。",
    "完成5000万的目标。",
    # fraction-looking dates and codes
    "会议定于2025/3/4召开。",
])
def test_not_figures(text):
    assert spans(text) == []


def test_counted_number_after_a_category_label_is_a_figure():
    assert spans("新开工亿元以上项目36个。") == [("36个", 36, "个", "count", None)]


def test_streak_and_rank_in_one_clause():
    assert [f.kind for f in extract_figures("小麦单产连续6年位居全省第一。")] == ["duration", "rank"]


def test_rank_span_leaves_out_the_verb():
    f = only("该市工业增加值排名全省第二。")
    assert f.text == "全省第二" and f.kind == "rank"


def test_traditional_script_reads_as_simplified():
    simplified = "港口可停靠20万吨级货轮，比计划提前30天完工，产量连续5年位居全国第二，占比超过六成。"
    traditional = "港口可停靠20萬噸級貨輪，比計劃提前30天完工，產量連續5年位居全國第二，佔比超過六成。"
    a, b = extract_figures(simplified), extract_figures(traditional)
    assert [(f.start, f.end, f.value, f.unit, f.kind, f.approx) for f in a] == \
        [(f.start, f.end, f.value, f.unit, f.kind, f.approx) for f in b]
    assert [f.text for f in b] == ["20萬噸級", "提前30天", "連續5年", "全國第二", "超過六成"]
    assert len(a) == 5
