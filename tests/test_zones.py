"""Functional zones, renamed divisions and the other hard cases of region finding.

Every sentence here is made up for the test.
"""

from __future__ import annotations

from hbviewer.core.extract.analysis import analyse
from hbviewer.core.extract.regions import RegionResolver, article_regions, find_mentions


def subjects(title: str, text: str) -> list[tuple[str, str]]:
    return [(ref.name, ref.zone) for ref, _ in article_regions(title, text).subjects]


def placed(title: str, text: str, figure: str) -> tuple[str, str]:
    start = text.index(figure)
    ref = RegionResolver(title, text).resolve(start, start + len(figure))
    return (ref.name, ref.zone) if ref is not None else ("", "")


# -- zones with a gazetteer row ----------------------------------------------------------------


def test_an_article_about_a_zone_is_tagged_with_its_city_and_the_zone():
    text = "本报讯 北戴河新区今年签约项目12个，总投资80亿元。新区还将新建学校3所。"
    assert subjects("北戴河新区项目建设提速", text) == [("秦皇岛市", "北戴河新区")]
    assert placed("北戴河新区项目建设提速", text, "80亿元") == ("秦皇岛市", "北戴河新区")
    assert placed("北戴河新区项目建设提速", text, "3所") == ("秦皇岛市", "北戴河新区")


def test_a_zone_is_reported_by_its_nbs_name():
    text = "本报讯 察北管理区新建温室大棚200座，带动农户增收。"
    assert subjects("察北管理区发展设施农业", text) == [("张家口市", "张家口市察北管理区")]


def test_a_city_article_naming_its_zone_once_is_about_the_city():
    text = ("本报讯 沧州市今年新增企业500家。沧州市加快产业升级，全市技改投资增长12%。"
            "沧州市还将推进港口建设，渤海新区新建码头1座。")
    result = subjects("沧州市产业升级见成效", text)
    assert result[0] == ("沧州市", "")


# -- zones recognised by their form ------------------------------------------------------------


def test_a_division_followed_by_a_zone_word_names_a_zone_inside_it():
    text = "本报讯 正定县经济开发区今年引进项目20个。开发区完成投资15亿元，该区新增企业30家。"
    assert subjects("正定县经济开发区引进项目", text)[0] == ("正定县", "正定县经济开发区")
    for figure in ("20个", "15亿元", "30家"):
        assert placed("正定县经济开发区引进项目", text, figure) == ("正定县", "正定县经济开发区")
    # The county written alone is the county, not a zone.
    assert [(m.surface, m.region.level) for m in find_mentions("正定县新增企业5家。")] == [("正定县", "county")]


def test_zone_words_of_each_kind_are_zones():
    for word in ("综合保税区", "高新区", "经济技术开发区", "管理区", "新区"):
        name = "唐山" + word if word != "新区" else "永清新区"
        ms = find_mentions(f"{name}进出口额增长12%。")
        assert [(m.surface, m.region.level) for m in ms] == [(name, "zone")], word


def test_a_bare_zone_word_is_the_zone_the_article_named():
    text = "本报讯 辛集市经济开发区新增企业8家。\n\n开发区完成税收3亿元。"
    assert placed("辛集市经济开发区", text, "3亿元") == ("辛集市", "辛集市经济开发区")
    # Without a zone named, a bare 开发区 says nothing.
    assert find_mentions("开发区完成税收3亿元。") == []


# -- 雄安新区 ---------------------------------------------------------------------------------


def test_xiongan_is_its_three_counties_and_its_figures_the_new_area():
    text = "本报讯 雄安新区今年完成投资1000亿元。容城县新建道路12公里。新区新增企业300家。"
    assert subjects("雄安新区建设提速", text) == [
        ("雄县", "雄安新区"), ("容城县", "雄安新区"), ("安新县", "雄安新区")]
    assert all(ref.prefecture == "保定市" for ref, _ in article_regions("雄安新区建设提速", text).subjects)
    assert placed("雄安新区建设提速", text, "1000亿元") == ("雄安新区", "雄安新区")
    assert placed("雄安新区建设提速", text, "300家") == ("雄安新区", "雄安新区")
    assert placed("雄安新区建设提速", text, "12公里")[0] == "容城县"  # a place inside it keeps its place


def test_figures_of_an_analysis_carry_the_zone():
    result = analyse("北戴河新区项目建设提速", "本报讯 北戴河新区今年签约项目12个。")
    assert [(f.text, f.region, f.zone) for f in result.figures] == [("12个", "秦皇岛市", "北戴河新区")]


# -- renamed divisions and ports ---------------------------------------------------------------


def test_renamed_divisions_take_their_current_name():
    assert subjects("肥乡县农业", "本报讯 肥乡县新增合作社12家。")[0] == ("肥乡区", "")
    assert subjects("曹妃甸新区发展", "本报讯 曹妃甸新区新增企业12家。")[0] == ("曹妃甸区", "")


def test_a_port_named_after_its_city_is_that_city():
    text = "本报讯 黄骅港今年吞吐量突破3亿吨。"
    assert placed("港口生产", text, "3亿吨")[0] == "黄骅市"


# -- mentions only -----------------------------------------------------------------------------


def test_places_outside_hebei_and_the_new_area_are_not_listed_as_mentioned():
    result = article_regions("京津冀协同", "本报讯 廊坊市与北京市、天津市签约项目8个，雄安新区也参与了会商。")
    names = {ref.name for ref in result.mentioned} | {ref.name for ref, _ in result.subjects}
    assert "廊坊市" in names and not names & {"北京市", "天津市", "雄安新区"}


def test_a_city_titled_story_about_its_zone_is_the_zone():
    title = "廊坊市新闻"
    text = "本报讯 廊坊经济技术开发区新建基站1200个。开发区新增企业30家。"
    assert subjects(title, text)[0] == ("廊坊市", "廊坊经济技术开发区")
    assert placed(title, text, "30家") == ("廊坊市", "廊坊经济技术开发区")


def test_a_visiting_delegation_is_named_in_passing():
    title = "我市与客商洽谈合作"
    text = ("本报讯 承德市党政代表团来我市考察。张家口市今年签约项目30个，总投资120亿元。"
            "张家口市还将新建产业园区5个。")
    result = article_regions(title, text)
    assert [ref.name for ref, _ in result.subjects] == ["张家口市"]
    assert "承德市" in {ref.name for ref in result.mentioned}
    assert [m.role for m in result.mentions if m.surface == "承德市"] == ["visitor"]


def test_a_masthead_is_a_mention_and_places_no_figure():
    text = "本报讯 据邢台日报报道，全省新增企业1200家。"
    result = article_regions("全省新增企业", text)
    assert "邢台市" in {ref.name for ref in result.mentioned}
    assert "邢台市" not in {ref.name for ref, _ in result.subjects}
    assert placed("全省新增企业", text, "1200家")[0] == "河北省"


def test_beijing_in_jingjinji_places_no_figure_and_outside_hebei_is_no_region():
    text = "本报讯 保定市深化京津冀协同，今年承接项目45个。\n\n在广州市，新建公园12座。"
    assert placed("保定市协同发展", text, "45个")[0] == "保定市"
    assert placed("保定市协同发展", text, "12座") == ("", "")


# -- breakdowns place by place -----------------------------------------------------------------


def test_each_county_of_a_breakdown_is_a_subject_with_its_figure():
    title = "全省资金支付情况通报"
    text = "各地要加快支付进度。全省支付资金较低的4个县为：正定县1.5%、平山县8%、宁晋县9.9%、魏县16.9%。"
    assert {"正定县", "平山县", "宁晋县", "魏县"} <= {name for name, _ in subjects(title, text)}
    assert [placed(title, text, f)[0] for f in ("1.5%", "8%", "9.9%", "16.9%")] == [
        "正定县", "平山县", "宁晋县", "魏县"]


def test_two_districts_with_figures_in_one_sentence_are_both_subjects():
    title = "张家口市项目建设"
    text = "本报讯 张家口市今年新开工项目120个。其中，万全区开工项目12个，总投资30亿元；崇礼区开工项目9个。"
    assert [name for name, _ in subjects(title, text)] == ["张家口市", "万全区", "崇礼区"]
    assert placed(title, text, "30亿元")[0] == "万全区"


def test_a_plain_list_of_places_is_no_breakdown():
    title = "全省推进项目建设"
    text = "全省各地加快推进项目建设，正定县、平山县、宁晋县等地新开工项目120个。"
    assert [name for name, _ in subjects(title, text)] == ["河北省"]


def test_respectively_pairs_each_listed_city_with_its_figure():
    title = "全省经济运行"
    text = "全省经济平稳运行。今年，石家庄、唐山、保定分别增长8%、6%和5%。"
    assert {"石家庄市", "唐山市", "保定市"} <= {name for name, _ in subjects(title, text)}
    assert [placed(title, text, f)[0] for f in ("8%", "6%", "5%")] == ["石家庄市", "唐山市", "保定市"]


# -- the province's own bodies -----------------------------------------------------------------


def test_a_notice_of_the_provinces_bodies_is_about_hebei():
    title = "关于下达专项资金的通知"
    text = "经省政府同意，省财政厅下达专项资金300万元，用于省级示范项目建设。"
    assert subjects(title, text) == [("河北省", "")]
    assert placed(title, text, "300万元")[0] == "河北省"
    # Another province named: its bodies are its own.
    other = "山东省召开会议。经省政府同意，省财政厅下达专项资金300万元。"
    assert "河北省" not in {name for name, _ in subjects(title, other)}
    # 节省 is a verb, not the province.
    assert subjects(title, "通过改造节省资金300万元。") == []


def test_a_unit_beside_every_city_is_an_addressee_not_a_subject():
    title = "关于做好培训工作的通知"
    text = ("省政府、各市（含定州、辛集市）和雄安新区管委会要抓好落实。全省培训技能人才5万人。"
            "所需资料报送省或市、雄安新区科技管理部门。")
    result = article_regions(title, text)
    assert [ref.name for ref, _ in result.subjects] == ["河北省"]
    assert {m.role for m in result.mentions if m.surface.startswith("雄安")} == {"list"}


# -- 该市, 全县, 我市, 全省, 本市 ------------------------------------------------------------------


def test_references_resolve_to_the_right_level():
    text = "本报讯 石家庄市正定县加快发展。全县新增企业12家，本市新增企业30家，全省新增企业900家。"
    assert [placed("正定县发展", text, f)[0] for f in ("12家", "30家", "900家")] == [
        "正定县", "石家庄市", "河北省"]
    city = "本报讯 辛集市加快发展。我市新增企业12家。"
    assert placed("辛集市发展", city, "12家")[0] == "辛集市"  # a county-level city is 我市
    old = "本报讯 2012年，肥乡县新增企业12家。该县还建成园区3个。"
    assert placed("肥乡县发展", old, "3个")[0] == "肥乡区"  # renamed: the current name


def test_a_citys_zone_written_another_way_is_its_row():
    ms = find_mentions("廊坊经济开发区新增企业12家。")
    assert [(m.surface, m.region.name) for m in ms] == [("廊坊经济开发区", "廊坊经济技术开发区")]


def test_a_companys_place_is_named_in_passing():
    title = "新建厂房投产"
    text = ("本报讯 邢台星辰机械有限公司在正定县新建厂房3座。\n\n邢台星辰机械有限公司今年产值2亿元。"
            "\n\n邢台星辰机械有限公司将扩大生产。")
    result = article_regions(title, text)
    assert [ref.name for ref, _ in result.subjects][0] == "正定县"
    assert "邢台市" in {ref.name for ref in result.mentioned}
