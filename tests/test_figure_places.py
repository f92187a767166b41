"""Which region a figure is given: stories of a bulletin, 全国 as a comparison base, and the place
that carries on from an earlier clause.

Every sentence is made up for the test; each rule is checked with a text where it applies and
one where it must not.
"""

from __future__ import annotations

from hbviewer.core.extract.regions import RegionResolver


def region_of(text: str, figure: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    ref = RegionResolver("", text).resolve(start, start + len(figure))
    return ref.name if ref is not None else ""


BULLETIN = ("**唐山港新增泊位**\n\n记者从唐山市获悉，今年唐山港新增泊位6个。\n\n"
            "**全国专利数量增长**\n\n记者获悉，截至3月底，有效发明专利达到550万件。")


def test_a_bulletin_item_naming_no_hebei_place_gets_no_region():
    assert region_of(BULLETIN, "6个") == "唐山市"
    assert region_of(BULLETIN, "550万件") == ""


def test_one_story_with_numbered_sections_keeps_its_subject():
    text = ("唐山市加快港口建设。\n\n二、主要任务\n\n新增泊位6个，新开航线12条。\n\n"
            "（一）保障措施\n\n安排资金3亿元。")
    assert region_of(text, "12条") == "唐山市"
    assert region_of(text, "3亿元") == "唐山市"


def test_a_headline_naming_the_place_keeps_the_story_placed():
    text = ("**全国专利数量增长**\n\n有效发明专利达到550万件。\n\n"
            "**唐山港新增泊位**\n\n今年新增泊位6个。")
    assert region_of(text, "6个") == "唐山市"
    assert region_of(text, "550万件") == ""


def test_the_nation_as_a_comparison_base_does_not_take_the_figure():
    text = "全省数字经济规模达到1万亿元。数控化率提高到48%，高于全国平均水平2.1个百分点。"
    assert region_of(text, "48%") == "河北省"
    assert region_of(text, "2.1个百分点") == "河北省"
    national = "全省数字经济规模达到1万亿元。全国数控化率提高到48%。"
    assert region_of(national, "48%") == ""


def test_a_place_named_as_an_object_does_not_carry_to_the_next_clause():
    text = "今年，河北省要加快雄安新区建设，完成投资200亿元；围绕8个重点产业谋划一批项目。"
    assert region_of(text, "8个") == "河北省"
    subject = "今年，河北省加大投入；唐山市新建项目30个，其中12个已经开工。"
    assert region_of(subject, "12个") == "唐山市"


def test_the_nation_after_a_figure_names_a_title_not_its_scope():
    text = "全省今年新建林地15万亩，林场获得全国绿化模范称号。"
    assert region_of(text, "15万亩") == "河北省"
    before = "全省今年新建林地15万亩。全国新建林地300万亩，林场获得称号。"
    assert region_of(before, "300万亩") == ""


def test_a_figure_for_each_of_several_units_has_no_region():
    text = "到2027年，全省每个市至少建成2个创新平台、4个以上孵化园区；全省建成创新平台30个。"
    assert region_of(text, "2个") == ""
    assert region_of(text, "4个以上") == ""
    assert region_of(text, "30个") == "河北省"


def test_a_text_naming_no_place_is_the_provinces_unless_it_points_elsewhere():
    rules = "对考核优秀的县(市、区)各奖励150万元；对进步明显的县(市、区)奖励80万元。"
    assert region_of(rules, "150万元") == "河北省"
    national = "我国对考核优秀的企业各奖励150万元。"
    assert region_of(national, "150万元") == ""
    unnamed_city = "全年全市住宿业营业额380亿元，同比增长5.2%。"
    assert region_of(unnamed_city, "380亿元") == ""


def test_a_count_of_divisions_is_the_level_above_them():
    text = "督导组到涞源县、阜城县督导。督导的17个县中，有3个县进度滞后，涞源县新开工项目12个。"
    assert region_of(text, "17个") == "河北省"
    assert region_of(text, "3个") == "河北省"
    assert region_of(text, "12个") == "涞源县"
    city = "唐山市加快项目建设，全市12个县(市、区)全部开工。"
    assert region_of(city, "12个") == "唐山市"


def test_every_region_with_a_figure_of_its_own_is_a_subject():
    from hbviewer.core.extract.analysis import analyse

    text = ("唐山市加快港口建设，今年新增泊位6个。唐山市新开航线12条。唐山市港口吞吐量增长8%。"
            "全省港口吞吐量达到12亿吨。")
    result = analyse("", text)
    subjects = [ref.name for ref, _ in result.subjects]
    assert subjects[0] == "唐山市" and "河北省" in subjects
    assert "河北省" not in [ref.name for ref in result.mentioned]
    # A figure that only falls back on the article's subject adds nothing.
    plain = analyse("", "唐山市加快港口建设，唐山市新开航线。今年新增泊位6个。")
    assert [ref.name for ref, _ in plain.subjects] == ["唐山市"]


def test_a_figure_of_beijing_tianjin_and_hebei_together_has_no_region():
    text = "全省推进协同发展。去年京津冀地区客运量达到9亿人次，电子处方在京津冀300家药店通用。"
    assert region_of(text, "9亿人次") == ""
    assert region_of(text, "300家") == ""
    policy = "全省深入推进京津冀协同发展，新增合作项目500个。"
    assert region_of(policy, "500个") == "河北省"


def test_a_branch_named_for_its_place_does_not_place_a_figure():
    text = "今年，全省新建研发平台30家。建立某某大学保定研究院等2家示范基地。"
    assert region_of(text, "2家") == "河北省"
    city = "今年，全省新建研发平台30家。保定研究院新增专利12件。"
    assert region_of(city, "12件") == "保定市"
