"""What each figure measures: one made-up sentence per rule of the indicator."""

import pytest

from hbviewer.core.extract.analysis import analyse
from hbviewer.core.extract.figures import extract_figures


def indicators(text):
    return [(f.text, f.indicator) for f in extract_figures(text)]


def test_traditional_text_keeps_its_own_characters():
    assert indicators("全市高新技術企業發展到206家。") == [("206家", "高新技術企業")]


def test_pinyin_insertions_are_dropped():
    assert indicators("冰雪運動參(cān)與人數達到300萬人。") == [("300萬人", "冰雪運動參與人數")]


@pytest.mark.parametrize("text, indicator", [
    ("截至2023年底,全市高新技术企业达到500家。", "高新技术企业"),
    ("今年以来,我省新增城镇就业岗位12万个。", "新增城镇就业岗位"),
    ("唐山市研发投入增长12%。", "研发投入"),
    ("全市共有国家级和省级开发区12个。", "国家级和省级开发区"),
    ("连续3年高于全省平均水平2个百分点。", "高于全省平均水平"),
    ("由于全县80%的耕地是旱地,当地选种谷子。", "耕地"),
    ("该市粮食单产比上年提高5%。", "粮食单产"),
])
def test_leading_noise_and_link_verbs_are_left_out(text, indicator):
    # the last figure: 连续3年 before a figure is a streak, a figure of its own
    assert extract_figures(text)[-1].indicator == indicator


def test_share_and_ratio_words_are_not_cut_as_comparisons():
    assert indicators("大型企业返还比例为30%。") == [("30%", "大型企业返还比例")]
    assert indicators("非化石能源消费比重提高到11%。") == [("11%", "非化石能源消费比重")]


def test_the_region_the_figure_belongs_to_is_not_repeated_in_its_indicator():
    f = analyse("", "张家口市高新技术企业达到295家。").figures[0]
    assert (f.indicator, f.region) == ("高新技术企业", "张家口市")
    g = analyse("", "2023年,邢台市实现地区生产总值2500亿元。").figures[0]
    assert (g.indicator, g.region) == ("地区生产总值", "邢台市")


def test_fenbie_gives_each_value_its_listed_subject_in_order():
    assert indicators("城镇、农村居民人均可支配收入分别增长6.1%和7.5%。") == [
        ("6.1%", "城镇"), ("7.5%", "农村居民人均可支配收入")]


def test_qizhong_part_without_words_of_its_own_takes_the_whole():
    assert indicators("全市高新技术企业达到500家,其中120家在县城。") == [
        ("500家", "高新技术企业"), ("120家", "高新技术企业")]
    assert indicators("全市高新技术企业达到500家。其中,石家庄120家。")[1] == ("120家", "高新技术企业")
    assert indicators("全市高新技术企业达到500家,其中国家级120家。")[1] == ("120家", "国家级")


@pytest.mark.parametrize("text", [
    "全市规模以上工业增加值完成120亿元,同比增长8%。",
    "全市规模以上工业增加值完成120亿元,增速为8%。",
    "全市规模以上工业增加值完成120亿元,比上年增长8%。",
])
def test_growth_after_a_value_belongs_to_the_value(text):
    assert [f.indicator for f in extract_figures(text)] == ["规模以上工业增加值"] * 2


def test_a_decline_keeps_its_positive_value_and_says_so():
    f = extract_figures("全市单位GDP能耗下降3.5%。")[0]
    assert (f.value, f.indicator, f.change) == (3.5, "单位GDP能耗下降", "decrease")
    assert indicators("工业用水量比上年减少了200万吨。") == [("200万吨", "工业用水量比上年减少")]
    g = extract_figures("实现营业收入1.2亿元,利润总额下降了3%。")[1]
    assert (g.value, g.indicator) == (3, "利润总额下降")


def test_a_change_from_one_year_to_another_keeps_its_indicator():
    assert indicators("GDP从2015年1.8万亿元,增长到2020年2.4万亿元。") == [
        ("1.8万亿元", "GDP"), ("2.4万亿元", "GDP")]


@pytest.mark.parametrize("text, indicator", [
    ("全县2000亩蓝莓陆续进入采摘期。", "蓝莓"),
    ("产品销往30多个国家和地区。", "国家和地区"),
    ("新建5个养老服务中心和3个社区食堂。", "养老服务中心"),
    ("扶持30家有出口业务的企业。", "企业"),
    ("有9个县(市、区)考核得分超过90分。", "县(市、区)"),
    ("码头可同时停靠三艘5万吨级货轮。", "货轮"),
    ("购置600台(套)检测仪器。", "检测仪器"),
    ("园区已建成12个共享仓库。", "共享仓库"),
])
def test_the_noun_phrase_after_a_count_ends_before_what_it_does(text, indicator):
    assert extract_figures(text)[0].indicator == indicator


@pytest.mark.parametrize("text, indicator", [
    ("专项行动已查处案件200余起。", "案件"),
    ("全省小麦已收获3000万亩。", "小麦"),
    ("安全大检查 排查风险点400处", "风险点"),
    ("该县累计发放100万元的创业担保贷款。", "创业担保贷款"),
    ("河水以每秒20立方米的流量一路向北。", "流量"),
])
def test_the_phrase_before_a_figure_is_the_nearest_noun_phrase(text, indicator):
    # the last figure: 连续3年 before a figure is a streak, a figure of its own
    assert extract_figures(text)[-1].indicator == indicator


def test_an_ordinal_takes_the_measure_of_the_figure_before():
    assert indicators("第1名奖励1个百分点,第2名0.8个百分点。")[1][1] == indicators(
        "第1名奖励1个百分点,第2名0.8个百分点。")[0][1] != "第2名"


def test_a_figure_with_no_phrase_of_its_own_is_named_by_what_was_done():
    assert indicators("近年来先后投入2亿元。") == [("2亿元", "投入")]
    assert indicators("当晚共有28万人次观看。")[0][1] == "观看"


@pytest.mark.parametrize("text, indicator", [
    ("(三)年度培训经费不少于8万元。", "年度培训经费"),
    ("3.评审专家人数不少于5人。", "评审专家人数"),
    ("A类县(市、区)从6个增加到13个。", "A类县(市、区)"),
    ("科技支出占比达到4%。", "科技支出占比"),
    ("每家给予20万元人民币奖励。", "人民币奖励"),
    ("销售额力争突破50亿元。", "销售额"),
])
def test_numbering_brackets_and_aims_stay_out(text, indicator):
    # the last figure: 连续3年 before a figure is a streak, a figure of its own
    assert extract_figures(text)[-1].indicator == indicator


def test_a_bare_change_verb_names_nothing():
    figures = extract_figures("每人每月增加20元,即由80元调整为100元。")
    assert all(f.indicator != "调整" for f in figures)


def test_a_place_before_the_figure_leaves_the_noun_after_it():
    assert indicators("涞源县有120多公里的乡村公路。") == [("120多公里", "乡村公路")]
    assert indicators("邯郸50万亩谷子已进入灌浆期。") == [("50万亩", "谷子")]


def test_a_list_closed_by_deng_keeps_its_items():
    assert indicators("企业代表、专家学者等200多人参加。") == [("200多人", "企业代表、专家学者")]


def test_a_list_of_places_after_a_colon_takes_the_measure_named_before_it():
    text = "按照签约率由高到低排列，依次是：唐山市97%、沧州市91.5%、衡水市88%。"
    assert indicators(text) == [("97%", "签约率"), ("91.5%", "签约率"), ("88%", "签约率")]
    named = "各市新增企业数量如下：唐山市120家、沧州市80家。"
    assert [i for _, i in indicators(named)] == ["新增企业数量", "新增企业数量"]


def test_a_change_verb_after_a_count_is_no_noun_it_counts():
    text = "全省科技型企业由起步时的1200家跃升至5300家。"
    assert indicators(text) == [("1200家", "科技型企业"), ("5300家", "科技型企业")]
    noun = "新区共建设52个安置区。"
    assert indicators(noun) == [("52个", "安置区")]


def test_a_change_with_times_at_both_ends_joins_them():
    figures = extract_figures("绿地率从2018年的15%提高到目前的28%。")
    assert [(f.text, f.indicator) for f in figures] == [("15%", "绿地率"), ("28%", "绿地率")]
    assert figures[1].change == {"from": 15.0, "to": 28.0}


def test_a_rate_without_a_phrase_takes_the_subject_of_the_clause_before():
    assert indicators("全市研发投入强度稳步提高，2023年达到2.4%。") == [("2.4%", "研发投入强度")]
    # an amount is still named by its verb, and a clause with a figure still names the next
    assert indicators("河北坚持绿色发展的决心，近年来陆续投入3亿元。") == [("3亿元", "投入")]
    assert indicators("旅游收入达到18亿元，同比增长9%。")[1] == ("9%", "旅游收入")


def test_a_clause_that_only_compares_counts_what_the_figure_before_counts():
    text = "湿地植物达到180种，较保护区成立时增加了30种。"
    assert indicators(text) == [("180种", "湿地植物"), ("30种", "湿地植物")]


@pytest.mark.parametrize("text, figure, indicator", [
    ("该港已连续6年集装箱吞吐量居全省首位。", "连续6年", "集装箱吞吐量"),
    ("全县提前2个月完成年度造林任务，受到表彰。", "提前2个月", "完成年度造林任务"),
    ("水库已连续8年向下游补水，累计超20亿立方米。", "连续8年", "向下游补水"),
    ("两市之间将实现40分钟通达。", "40分钟", "通达"),
])
def test_a_streak_an_advance_or_a_travel_time_measures_what_follows_it(text, figure, indicator):
    assert (figure, indicator) in indicators(text)


def test_other_durations_keep_the_phrase_before_them():
    assert indicators("项目审批时间由30天缩短至5天。") == [("30天", "项目审批时间"), ("5天", "项目审批时间")]


def test_a_list_of_places_with_values_in_brackets_takes_what_they_are_ranked_by():
    text = "验收率较低的县（市）为：平山县（5%）、涞源县（12%）、阜城县（20%）。"
    assert [i for _, i in indicators(text)] == ["验收率", "验收率", "验收率"]
    paid = "拨付资金较低的3个县（市）为：平山县2.5%、涞源县7%、阜城县9%。"
    assert [i for t, i in indicators(paid) if t.endswith("%")] == ["拨付资金"] * 3


def test_a_value_after_a_place_that_opens_no_list_keeps_its_own_reading():
    # the count before is no item of a list by place: the rate does not take its indicator
    text = "督导的17个县中，唐山市开工率为90%。"
    assert ("90%", "开工率") in indicators(text)


def test_a_verb_taking_a_place_ends_the_noun_after_a_count():
    assert indicators("全市派出40个服务队进驻涞源县各村。") == [("40个", "服务队")]
    assert indicators("一艘5万吨级货轮停靠秦皇岛港。") == [("5万吨级", "货轮")]
    # a place opening the noun stays: it is what is counted
    assert indicators("新增20家河北企业。") == [("20家", "河北企业")]
