"""Figure extraction: the constructions staff meet, and what must not be a figure."""

import pytest
from hypothesis import given, settings, strategies as st

from hbviewer.core.extract.figures import extract_figures


def one(text, span=None):
    figures = extract_figures(text)
    if span is not None:
        figures = [f for f in figures if f.text == span] or figures
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize("text, span, value, high, unit, kind, approx", [
    ("技术合同交易额40.51亿元。", "40.51亿元", 4.051e9, None, "元", "money", None),
    ("招聘活动共提供岗位1.5万余个。", "1.5万余个", 15000, None, "个", "count", "余"),
    ("全市30多万人次享受待遇。", "30多万人次", 300000, None, "人次", "count", "多"),
    ("企业运营后将带动当地百余人就业。", "百余人", 100, None, "人", "count", "余"),
    ("一次能同时检测近千盒。", "近千盒", 1000, None, "盒", "count", "近"),
    ("税收可达上千万元。", "上千万元", 1e7, None, "元", "money", "上"),
    ("背后是两万到五万斤节水小麦种子。", "两万到五万斤", 20000, 50000, "斤", "measure", None),
    ("每人每月发放500元—600元养老补贴。", "500元—600元", 500, 600, "元", "money", None),
    ("投入5000万元(含)—1亿元的企业。", "5000万元(含)—1亿元", 5e7, 1e8, "元", "money", None),
    ("增速为5%-20%之间。", "5%-20%", 5, 20, "%", "percent", None),
    ("研发经费增长226%。", "226%", 226, None, "%", "percent", None),
    ("投入强度提高0.38个百分点。", "0.38个百分点", 0.38, None, "个百分点", "points", None),
    ("是上年的3.2倍。", "3.2倍", 3.2, None, "倍", "multiple", None),
    ("收入翻一番。", "翻一番", 2, None, "倍", "multiple", None),
    ("占比六成。", "六成", 60, None, "%", "percent", None),
    ("覆盖率达到百分之三十。", "百分之三十", 30, None, "%", "percent", None),
    ("引进资金1,100万元。", "1,100万元", 1.1e7, None, "元", "money", None),
    ("出口3000万美元以上。", "3000万美元以上", 3e7, None, "美元", "money", "以上"),
    ("建成装机容量160千瓦的光伏电站。", "160千瓦", 160, None, "千瓦", "measure", None),
    ("总面积近30万平方米。", "近30万平方米", 300000, None, "平方米", "measure", "近"),
    ("1小时20分钟直播中。", "1小时20分钟", 80, None, "分钟", "duration", None),
    ("压缩至2个工作日内。", "2个工作日", 2, None, "个工作日", "duration", None),
    ("排名提高了5个位次以上。", "5个位次以上", 5, None, "位", "rank", "以上"),
    ("国家级科技企业孵化器数量位居全省第二。", "全省第二", 2, None, "位", "rank", None),
    ("全省168个县中排名第七位。", "第七位", 7, None, "位", "rank", None),
    ("农业龙头企业达到7家,居全省首位。", "全省首位", 1, None, "位", "rank", None),
    ("每年以60%多的速度递增。", "60%多", 60, None, "%", "percent", "多"),
    ("培育两三个龙头企业。", "两三个", 2, 3, "个", "count", "约"),
    ("累計達到1.3億元。", "1.3億元", 1.3e8, None, "元", "money", None),
    ("全市高新技術企業發展到206家。", "206家", 206, None, "家", "count", None),
    ("ＶＩＰ会员增加３０００家。", "３０００家", 3000, None, "家", "count", None),
])
def test_quantities(text, span, value, high, unit, kind, approx):
    f = one(text, span)
    assert f.text == span
    assert f.value == pytest.approx(value)
    assert (f.value_high is None) if high is None else f.value_high == pytest.approx(high)
    assert (f.unit, f.kind, f.approx) == (unit, kind, approx)


def test_change_from_to():
    # Each end of a change is a figure; the second knows where it came from.
    before, after = extract_figures("A类县(市、区)从6个增加到13个。")
    assert (before.text, before.value, before.change) == ("6个", 6, None)
    assert (after.text, after.value, after.change) == ("13个", 13, {"from": 6, "to": 13})
    assert before.indicator == after.indicator == "A类县(市、区)"
    was, now = extract_figures("高新区综合考核排名在全省由2018年的第20位进到第10位。")
    assert (was.text, now.text) == ("第20位", "第10位") and now.kind == was.kind == "rank"
    assert now.change == {"from": 20, "to": 10}
    low, high = extract_figures("覆盖率从11%提高到32%。")
    assert (low.value, high.value, high.change) == (11, 32, {"from": 11, "to": 32})
    first, second = extract_figures("从6到13个。")
    assert (first.text, first.unit, second.text) == ("6", "个", "13个")


def test_growth_rates_are_marked_as_change():
    assert one("全社会研发经费增长226%。").change == "increase"
    assert one("能耗下降3.5%。").change == "decrease"
    assert one("全市高新技术企业达到206家。").change is None


def test_fenbie_list_gives_each_figure_its_indicator():
    figures = extract_figures("领军企业、高新技术企业、科技型中小企业分别达到2家、295家、2698家。")
    assert [(f.text, f.indicator) for f in figures] == [
        ("2家", "领军企业"), ("295家", "高新技术企业"), ("2698家", "科技型中小企业")]


def test_indicator_before_and_after_the_number():
    assert one("目前,该市完成技术合同交易额40.51亿元。").indicator == "技术合同交易额"
    assert one("新增3家省级农业创新驿站。").indicator == "省级农业创新驿站"
    assert one("并获得省科技厅1900万元奖励补助资金。").indicator == "奖励补助资金"
    assert one("建立院士工作站、工程技术研究中心等创新平台264个。").indicator == "创新平台"


def test_as_of_is_the_date_the_clause_states():
    assert one("截止2019年底,全市高新技术企业发展到206家。").as_of == "截止2019年底"
    assert one("2020年,该市全社会研发经费增长226%。").as_of == "2020年"


@pytest.mark.parametrize("text", [
    "2019年,我省发布《河北省县域科技创新跃升计划(2019—2025年)》。",
    "7月6日,一场读书班拉开帷幕;8月26日至31日举行。",
    "市委、市政府“四个一百”科研院所进唐山工作。",
    "持续实施“三个倍增”计划,谋划好“十四五”规划。",
    "依托香港投洽会、“5·18”经洽会,围绕‘1+3’主导产业。",
    "赴中电科集团第十三所信息产业园,2020年全市第一批推荐企业。",
    "先后制定出台《科技创新三年行动计划》。",
    "全面学习党的百年历史。",
    "实现“研究所+技术平台”四位一体,建设5G工业互联网,3D打印。",
    "近三年累计实施项目,近两月全市技术交易额提升。",
    "一是推进产业技术创新,一批科技成果落地。",
    "下转第三版。电话0311-12345678。",
])
def test_not_figures(text):
    assert extract_figures(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,%—-~到至从增加万亿千百十余多近约超以上左右元家个人次亩倍第位全省分别、和。 \n一二两三四五六七八九零年月日“”()含")) | st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_any_text_gives_valid_spans(text):
    figures = extract_figures(text)
    last_end = -1
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start:f.end]
        assert f.start >= last_end  # in order, not overlapping
        last_end = f.end
        assert f.kind in ("count", "money", "percent", "points", "multiple", "measure", "rank", "duration")
        assert f.value == f.value  # not NaN
        assert f.value_high is None or f.value_high >= f.value
