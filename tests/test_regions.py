"""Region names in text: look-alikes, ambiguity, retired units, references, subjects, figures.

Every sentence here is made up for the test; each case pairs a trap with the genuine name so
that a recogniser that simply never matched would fail too.
"""

from __future__ import annotations


import pytest

from hbviewer.core.extract.gazetteer import gazetteer
from hbviewer.core.extract.regions import (
    RegionResolver, article_regions, find_mentions, region_at, regions_json,
)


def codes(text: str) -> list[str | None]:
    """The code each mention in ``text`` is attributed to (None when ambiguous)."""
    gaz = gazetteer()
    return [gaz.successor(m.region).code if m.region else None for m in find_mentions(text)]


def mention(text: str, surface: str):
    found = [m for m in find_mentions(text) if m.surface == surface]
    assert len(found) == 1, (surface, find_mentions(text))
    return found[0]


def subject_names(result) -> list[str]:
    return [ref.name for ref, _ in result.subjects]


def at(resolver: RegionResolver, text: str, figure: str):
    start = text.index(figure)
    return resolver.resolve(start, start + len(figure))


# -- the gazetteer -----------------------------------------------------------------------------


def test_gazetteer_lookups():
    gaz = gazetteer()
    zjk = gaz.get("130700")
    assert zjk.name == "张家口市" and zjk.level == "prefecture"
    assert "130708" in {r.code for r in gaz.children("130700")}
    wanquan = gaz.get("130708")
    assert [r.name for r in gaz.ancestors(wanquan)] == ["张家口市", "河北省"]
    assert gaz.prefecture_of(gaz.get("130181")).name == "石家庄市"  # 辛集市, as in the MCA data
    assert gaz.prefecture_of(gaz.get("139900")).name == "雄安新区"
    xuanhua_county = gaz.get("130721")
    assert not xuanhua_county.current and gaz.successor(xuanhua_county).name == "宣化区"
    assert gaz.get("130502").name == "襄都区"  # the current row wins the shared code


def test_aliases_and_short_forms_are_indexed():
    gaz = gazetteer()
    assert [r.name for r in gaz.lookup("张垣")] == ["张家口市"]
    assert [r.name for r in gaz.lookup("涿州")] == ["涿州市"]
    assert [r.name for r in gaz.lookup("安次")] == ["安次区"]
    assert gaz.lookup("蔚") == ()  # one character never stands alone


# -- look-alikes -------------------------------------------------------------------------------


def test_changan_street_is_not_changan_district():
    assert codes("游客沿着长安街步行，傍晚到了石家庄市长安区。") == ["130100", "130102"]
    assert mention("游客沿着长安街步行，傍晚到了石家庄市长安区。", "长安区").resolved_by == "qualifier"


def test_hebei_changan_the_company_is_not_changan_district():
    text = "河北长安汽车有限公司今年新增订单三千辆。"
    assert codes(text) == ["130000"]
    assert all("长安" not in m.surface for m in find_mentions(text))


def test_fuxing_street_is_not_fuxing_district():
    assert codes("复兴大街两侧的商铺陆续开业。") == []
    assert codes("邯郸市复兴区新建一所学校。") == ["130400", "130404"]


def test_beidaihe_new_area_is_not_beidaihe_district():
    ms = find_mentions("北戴河新区和北戴河区签订合作协议。")
    assert [(m.surface, m.region.code) for m in ms] == [("北戴河新区", "130372"), ("北戴河区", "130304")]


def test_bare_chengde_is_the_city_and_only_chengde_xian_the_county():
    assert codes("承德今年接待游客两千万人次，承德县新建三个景区。") == ["130800", "130821"]


def test_hebei_district_of_tianjin():
    text = "天津市河北区与河北省签署协议，推动河北区域协调发展。"
    ms = find_mentions(text)
    assert [(m.surface, m.region.code) for m in ms] == [
        ("天津市", "120000"), ("河北区", "120105"), ("河北省", "130000"), ("河北", "130000")]
    district = ms[1].region
    assert district.province_code == "120000" and not district.in_hebei


def test_hebei_sheng_is_one_name_and_the_longest_match_wins():
    assert [m.surface for m in find_mentions("河北省张家口市桥西区")] == ["河北省", "张家口市", "桥西区"]
    assert [m.surface for m in find_mentions("张家口的桥西区")] == ["张家口", "桥西区"]


def test_single_character_short_names_never_match_alone():
    assert codes("全村上下蔚然成风，唐诗宋词进课堂。") == []
    assert codes("蔚县和唐县各有特色。") == ["130726", "130627"]


def test_common_word_short_names_need_their_suffix():
    assert codes("大运河沿线建设大城市群，兴隆的生意需要万全之策。") == []
    assert codes("沧州市运河区、大城县和兴隆县联合发布。") == ["130900", "130903", "131025", "130822"]


def test_common_word_short_name_counts_in_a_list_with_its_neighbours():
    ms = find_mentions("宣化、万全、崇礼三区联合开展冬奥志愿服务。")
    assert [(m.surface, m.region.name) for m in ms] == [("宣化", "宣化区"), ("万全", "万全区"), ("崇礼", "崇礼区")]


def test_names_straddling_words():
    assert codes("打造创新河北。") == ["130000"]  # not 新河县
    assert codes("形成安徽、河北两省合作。") == ["340000", "130000"]  # not 成安县
    assert codes("确保定州项目按期完成，做好搬迁安置。") == ["130682"]  # not 保定, not 迁安


def test_streets_and_mastheads_are_not_places():
    assert codes("裕华路上新开一家书店。") == []
    # A masthead names its place in passing: a mention, never a subject.
    assert [(m.surface, m.role) for m in find_mentions("河北日报讯 记者从省科技厅获悉。")] == [("河北", "media")]
    assert codes("石家庄市裕华区") == ["130100", "130108"]


# -- ambiguity ---------------------------------------------------------------------------------


def test_qiaoxi_settled_by_the_city_written_in_front():
    assert codes("张家口市桥西区新建公园。") == ["130700", "130703"]
    assert codes("石家庄市桥西区新建公园。") == ["130100", "130104"]


def test_bare_qiaoxi_is_ambiguous():
    (m,) = find_mentions("桥西区今年新建公园三座。")
    assert m.ambiguous and m.region is None
    assert {c.code for c in m.candidates} == {"130104", "130703", "130503"}


def test_qiaoxi_settled_by_a_city_in_the_same_sentence():
    m = mention("张家口今年加快城市更新，桥西区新建公园三座。", "桥西区")
    assert m.region.code == "130703" and m.resolved_by == "sentence"


def test_qiaoxi_settled_by_the_article():
    text = "宣化区推进乡村振兴。\n\n另据了解，桥西区新建公园三座。"
    m = mention(text, "桥西区")
    assert m.region.code == "130703" and m.resolved_by == "article"


def test_xinhua_district_of_cangzhou():
    assert codes("沧州市新华区开展消费季活动。") == ["130900", "130902"]
    m = mention("新华区开展消费季活动。", "新华区")
    assert m.ambiguous


def test_changan_district_of_xian():
    ms = find_mentions("西安市长安区与石家庄市长安区结为友好城区。")
    assert [m.region.code for m in ms] == ["610100", "610116", "130100", "130102"]
    assert ms[1].region.province_code == "610000"


def test_pingshan_in_a_hebei_article_is_the_hebei_county():
    m = mention("平山县西柏坡纪念馆开放。游客说，平山的红色资源丰富。", "平山")
    assert m.region.code == "130131"


# -- retired units -----------------------------------------------------------------------------


def test_xuanhua_county_attributed_to_its_successor():
    text = "2015年宣化县粮食产量达到20万吨。"
    m = mention(text, "宣化县")
    assert m.region.code == "130721" and not m.region.current
    ref = RegionResolver("", text).resolve(text.index("20万吨"))
    assert (ref.name, ref.code, ref.former, ref.written) == ("宣化区", "130705", "宣化县", "宣化县")
    assert ref.prefecture == "张家口市" and ref.prefecture_code == "130700"


def test_qiaodong_of_xingtai_attributed_to_xiangdu():
    text = "邢台市桥东区2019年新增市场主体5000户。"
    ref = RegionResolver("", text).resolve(text.index("5000户"))
    assert (ref.name, ref.code, ref.former) == ("襄都区", "130502", "桥东区")
    text = "邢台加快老城改造，桥东区新增市场主体5000户。"
    ref = RegionResolver("", text).resolve(text.index("5000户"))
    assert (ref.name, ref.former) == ("襄都区", "桥东区")
    text = "张家口市桥东区新增市场主体5000户。"
    ref = RegionResolver("", text).resolve(text.index("5000户"))
    assert (ref.name, ref.code, ref.former) == ("桥东区", "130702", "")


# -- aliases and traditional characters --------------------------------------------------------


def test_ji_and_zhangyuan_aliases():
    ms = find_mentions("推动京津冀协同发展，驻冀院士走进张垣。")
    assert [(m.surface, m.region.name) for m in ms] == [
        ("京", "北京市"), ("津", "天津市"), ("冀", "河北省"), ("冀", "河北省"), ("张垣", "张家口市")]
    assert codes("大家满怀希冀。京新高速通车。") == []


def test_traditional_characters():
    text = "張家口市橋西區新建公園，懷來縣也在行動。"
    ms = find_mentions(text)
    assert [(m.surface, m.region.code) for m in ms] == [
        ("張家口市", "130700"), ("橋西區", "130703"), ("懷來縣", "130730")]
    assert all(text[m.start:m.end] == m.surface for m in ms)


# -- what an article is about ------------------------------------------------------------------


def test_county_subject_implies_its_prefecture():
    result = article_regions("万全区建成冰雪产业园", "本报讯 万全区冰雪产业园日前建成。该区已引进企业12家。")
    assert subject_names(result) == ["万全区", "张家口市"]
    (county, s1), (prefecture, s2) = result.subjects
    assert s2 < s1 and prefecture.code == "130700" and county.prefecture == "张家口市"


def test_addressee_line_does_not_make_the_notice_about_dingzhou():
    text = ("各市（含定州、辛集市）人民政府，雄安新区管委会，省政府各部门：\n\n"
            "为加快推进全省数字经济发展，现就有关事项通知如下。全省各地要抓好落实。")
    result = article_regions("关于加快数字经济发展的通知", text)
    assert subject_names(result) == ["河北省"]
    assert {"定州市", "辛集市"} <= {ref.name for ref in result.mentioned}
    assert "雄安新区" not in {ref.name for ref in result.mentioned}  # not a division
    roles = {m.surface: m.role for m in result.mentions}
    assert roles["定州"] == "addressee" and roles["雄安新区"] == "addressee"


def test_enumeration_does_not_make_subjects():
    text = ("本报讯 全省秋粮收获进度过半。邢台、张家口、承德、秦皇岛等地进度较快。"
            "我省将继续做好农机调度。")
    result = article_regions("全省秋粮收获过半", text)
    assert subject_names(result) == ["河北省"]


def test_province_is_the_default_subject():
    result = article_regions("科技特派员服务基层", "我省全面启动科技特派员工作，全省已建工作站476个。")
    assert subject_names(result) == ["河北省"]


def test_province_yields_to_a_specific_subject():
    text = "本报讯 衡水市出台措施支持丝网产业。该市将为企业提供贷款贴息，助力全省产业升级。"
    result = article_regions("衡水出台丝网产业新政", text)
    assert subject_names(result) == ["衡水市"]


def test_province_named_in_passing_is_not_a_subject_beside_the_city():
    text = ("本报讯 衡水市出台措施支持丝网产业。\n\n该市丝网企业达到3000家，产品销往河北各地，占河北市场三成。\n\n"
            "河北省丝网协会表示，全省丝网产业看衡水。\n\n衡水市将建设丝网产业园，为美丽河北建设作贡献。")
    result = article_regions("衡水丝网产业提质增效", text)
    assert subject_names(result) == ["衡水市"]
    assert "河北省" in {ref.name for ref in result.mentioned}
    result = article_regions("河北丝网产业提质增效", text)  # named in the title, it stays
    assert set(subject_names(result)) == {"衡水市", "河北省"}


def test_hebei_preferred_over_outside_regions_named_as_often():
    text = "本报讯 北京市与廊坊市签署协议，廊坊市将承接北京市的产业转移。"
    result = article_regions("京廊合作再推进", text)
    assert subject_names(result)[0] == "廊坊市"
    # Places outside Hebei are neither subjects nor listed as mentioned.
    assert all(ref.in_hebei for ref in result.mentioned + [r for r, _ in result.subjects])
    assert [m.region.name for m in result.mentions if m.surface == "北京市"] == ["北京市", "北京市"]


def test_byline_place_counts():
    result = article_regions("秋粮收获进度过半", "记者从农业部门获悉，秋粮收获已过半。",
                             byline="新华社石家庄10月20日电")
    assert subject_names(result) == ["石家庄市"]
    assert article_regions("秋粮收获进度过半", "记者从农业部门获悉，秋粮收获已过半。").subjects == []


# -- figures -----------------------------------------------------------------------------------


def test_region_at_uses_the_nearest_name_before_then_after():
    text = "唐山市新增企业30家，保定市新增20家。新增企业最多的是沧州市，共45家。"
    resolver = RegionResolver("各地新增企业", text)
    assert at(resolver, text, "30家").name == "唐山市"
    assert at(resolver, text, "20家").name == "保定市"
    assert at(resolver, text, "45家").name == "沧州市"
    text2 = "新增企业45家的是沧州市。"
    assert at(RegionResolver("", text2), text2, "45家").name == "沧州市"


def test_region_at_references():
    text = ("张家口市大力发展冰雪产业。该市新增企业20家。\n\n"
            "蔚县烟叶产业稳步发展，全县完成育苗1.7万亩。\n\n"
            "万全区推进项目建设，全区开工项目12个。全省新增企业3万家。全国共有15家。")
    resolver = RegionResolver("冰雪产业观察", text)
    city = at(resolver, text, "20家")
    assert (city.name, city.written) == ("张家口市", "该市")
    assert at(resolver, text, "1.7万亩").name == "蔚县"
    assert at(resolver, text, "12个").name == "万全区"
    assert at(resolver, text, "3万家").name == "河北省"
    assert at(resolver, text, "15家") is None


def test_region_at_skips_a_province_named_as_a_designation():
    text = "目前，该市已建成产业技术创新战略联盟7家、河北省院士合作重点单位2家，技术合同交易额40.51亿元。"
    resolver = RegionResolver("唐山科技创新成效明显", "本报讯 唐山市推进科技创新。" + text)
    body = "本报讯 唐山市推进科技创新。" + text
    assert at(resolver, body, "2家").name == "唐山市"
    assert at(resolver, body, "40.51亿元").name == "唐山市"
    text = "河北省今年新增企业2万家，其中石家庄市新增3000家。"
    resolver = RegionResolver("", text)
    assert at(resolver, text, "2万家").name == "河北省"
    assert at(resolver, text, "3000家").name == "石家庄市"


def test_region_at_falls_back_to_the_main_subject_and_skips_scope_words():
    text = "本报讯 承德市推进科技创新。\n\n今年新增高新技术企业60家。该市孵化器数量位居全省第二。"
    resolver = RegionResolver("承德科技创新提速", text)
    assert at(resolver, text, "60家").name == "承德市"
    assert at(resolver, text, "全省第二").name == "承德市"
    assert region_at(text, text.index("60家"), resolver).name == "承德市"
    assert region_at(text, text.index("60家"), resolver.regions).name == "承德市"


def test_regions_json_shape():
    data = regions_json("宣化区培育集体经济", "本报讯 宣化区集体经济稳步发展，与北京市企业合作。")
    assert data["regions"][0] == {"name": "宣化区", "code": "130705", "level": "county",
                                  "prefecture": "张家口市", "zone": "", "score": data["regions"][0]["score"]}
    assert [r["name"] for r in data["regions"]] == ["宣化区", "张家口市"]
    assert data["mentioned"] == []  # 北京市 is outside Hebei


# -- speed -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "没有地名的一句话。", "\n\n"])
def test_texts_without_places(text):
    assert find_mentions(text) == []
    assert article_regions("", text).subjects == []


# -- figures: context beyond the sentence --------------------------------------------------------


def test_region_at_uses_the_paragraph_before_the_main_subject():
    text = ("本报讯 石家庄市推进科技创新。\n\n辛集市加快产业升级。新增省级农业创新驿站3家。\n\n"
            "今年新增企业60家。")
    resolver = RegionResolver("石家庄科技创新提速", text)
    assert at(resolver, text, "3家").name == "辛集市"
    assert at(resolver, text, "60家").name == "石家庄市"  # another paragraph: the main subject


def test_region_at_prefers_the_paragraph_topic_over_a_place_in_passing():
    text = ("本报讯 张家口市推进科技创新。\n\n此外，该市强力推进园区创建。怀来农业科技园区已作为"
            "全省唯一申报单位上报。同时推进平台建设。建成国家级科技企业孵化器4家。")
    resolver = RegionResolver("张家口推进科技创新", text)
    assert at(resolver, text, "4家").name == "张家口市"
    text = "本报讯 唐山市加快创新。\n\n石家庄市新增企业30家。保定市新增企业20家。其中高新技术企业5家。"
    resolver = RegionResolver("各地新增企业", text)
    assert at(resolver, text, "5家").name == "保定市"  # the sentence just before


def test_region_at_uses_the_section_heading():
    text = ("本报讯 我省推动县域科技创新，全省新增A类县7个。\n\n辛集市\n\n做优做强特色产业集群\n\n"
            "新培育两化融合贯标企业2家。\n\n保定涿州市\n\n精准帮扶企业\n\n共组织83家企业申报。"
            "2019年底，全市高新技术企业有59家。")
    resolver = RegionResolver("我省全面推动县域科技创新发展", text)
    assert at(resolver, text, "7个").name == "河北省"
    assert at(resolver, text, "2家").name == "辛集市"
    assert at(resolver, text, "83家").name == "涿州市"
    assert at(resolver, text, "59家").name == "涿州市"  # 全市 in 涿州's section


def test_province_titled_feature_puts_the_province_first():
    text = ("本报讯 全省县域创新能力整体提升。\n\n邯郸市丛台区\n\n丛台区出台政策。丛台区建设平台。\n\n"
            "丛台区持续打造孵化平台，丛台区国家级众创空间实现突破。")
    result = article_regions("我省全面推动县域科技创新发展", text)
    assert subject_names(result)[0] == "河北省"
    assert "丛台区" in subject_names(result)
    assert subject_names(article_regions("丛台区推动科技创新", text))[0] == "丛台区"


def test_quotation_is_placed_by_the_sentence_after_it():
    text = ("“一件制品从原料到成品，仅需两分钟就可完成。”日前，在位于衡水市枣强县经济开发区的研究院，"
            "工程师正向工人讲解。\n\n衡水市新增高新技术企业60家。衡水市推进创新。")
    resolver = RegionResolver("衡水科技创新为县域经济强筋健骨", text)
    assert at(resolver, text, "两分钟").name == "枣强县"
    assert at(resolver, text, "60家").name == "衡水市"


def test_paragraph_opening_on_this_model_continues_the_one_before():
    text = ("本报讯 承德市推进科技扶贫。\n\n平泉市依托食用菌产业，探索了“三零”模式。\n\n"
            "“该模式组建了1个专家服务团队，带动贫困人口16710人实现脱贫。”省科技厅相关负责人说。\n\n"
            "“产业发展带动了农民增收，培训农民5万余人次。”省科技厅相关负责人说。")
    resolver = RegionResolver("承德科技扶贫成效明显", text)
    assert at(resolver, text, "16710人").name == "平泉市"
    assert at(resolver, text, "5万余人次").name == "承德市"  # no 该…: the main subject


# -- figures: names that do not place a figure ---------------------------------------------------


def test_rank_belongs_to_a_place_inside_its_group():
    text = ("本报讯 我省推进县域创新。\n\n2019年，廊坊市安次区发展提速。全省县域评价中，跃居A类，"
            "全省168个县(市、区)中排名第七位。")
    resolver = RegionResolver("我省全面推动县域科技创新发展", text)
    assert at(resolver, text, "第七位").name == "安次区"
    assert at(resolver, text, "168个").name == "河北省"
    text = ("本报讯 涿州市推进科技创新。\n\n共组织83家企业申报，有效河北省科技型中小企业总数达到596家，"
            "保定市排名第2。")
    resolver = RegionResolver("涿州实施倍增计划", text)
    assert at(resolver, text, "596家").name == "涿州市"
    assert at(resolver, text, "第2").name == "涿州市"
    text = "本报讯 全省开展考核。廊坊市排名全省第一，保定市排名第2。"
    resolver = RegionResolver("考核结果公布", text)
    assert at(resolver, text, "全省第一").name == "廊坊市"
    assert at(resolver, text, "第2").name == "保定市"  # nothing smaller around: 保定市 is ranked


def test_rank_words_that_are_not_ranks():
    text = "本报讯 衡水市推进科技创新。\n\n2020年全市第一批推荐7家企业申报高新技术企业。"
    resolver = RegionResolver("衡水推进科技创新", text)
    assert at(resolver, text, "7家").name == "衡水市"
    assert at(resolver, text, "7家").written == "全市"


def test_organisation_names_do_not_place_figures():
    text = ("本报讯 衡水市人社局举办直播带岗活动。\n\n河北养元智汇饮品股份有限公司、全家家居等10家企业"
            "负责人做客直播间。")
    resolver = RegionResolver("市人社局举办直播带岗活动", text)
    assert at(resolver, text, "10家").name == "衡水市"
    text = ("本报讯 承德市推进京津冀协同创新。\n\n积极推进该市企事业单位与京津高校合作。"
            "丰宁平安高科事业有限公司与北京市营养源研究所合作的15个项目立项。")
    resolver = RegionResolver("承德积极对接京津", text)
    assert at(resolver, text, "15个").name == "承德市"
    # A government body is the place acting, not a company name.
    text = "本报讯 石家庄市推进创新。\n\n张家口市科技局新增项目40项。"
    assert at(RegionResolver("各地推进创新", text), text, "40项").name == "张家口市"
    # Still a mention of the province.
    assert codes("河北养元智汇饮品股份有限公司扩产。") == ["130000"]


def test_national_bodies_give_no_region():
    text = ("本报讯 近日，科技部火炬中心发布通知，同意将43个产业集群纳入试点，燕郊高新区产业集群"
            "榜上有名。")
    resolver = RegionResolver("河北新增1个国家创新型产业集群", text)
    assert at(resolver, text, "43个") is None
    text = "本报讯 张家口市推进科技创新。\n\n该市积极争取支持，并获得科技部1900万元资金。"
    resolver = RegionResolver("张家口推进科技创新", text)
    assert at(resolver, text, "1900万元").name == "张家口市"


def test_travel_destination_is_not_the_figures_place():
    text = "本报讯 京雄商高铁通车后，衡水市民可实现30分钟到雄安、50分钟到京。"
    resolver = RegionResolver("打造湖城新地标", text)
    assert at(resolver, text, "30分钟").name == "衡水市"
    assert at(resolver, text, "50分钟").name == "衡水市"


def test_examples_closed_by_deng_are_a_list():
    text = ("本报讯 张家口市推进科技创新。\n\n推动以张北云计算产业基地、桥东区北方硅谷高科新城、"
            "怀来县京北生态科技新城等为基点的创新高地加快形成。目前已争取到项目40项。")
    resolver = RegionResolver("张家口推进科技创新", text)
    assert at(resolver, text, "40项").name == "张家口市"
    roles = {m.surface: m.role for m in find_mentions(text)}
    assert roles["桥东区"] == "list" and roles["怀来县"] == "list"
    assert roles["张家口市"] == ""


# -- zones and references ------------------------------------------------------------------------


def test_zone_without_a_row_is_read_as_its_host_county():
    text = ("本报讯 近年来，燕郊高新区大力发展高新技术产业。燕郊高新区共集聚相关企业92家。\n\n"
            "近年来，河北省着力打造创新型产业集群。")
    result = article_regions("河北新增1个国家创新型产业集群", text)
    assert subject_names(result) == ["河北省"]  # the text never names 三河市
    assert "三河市" in {ref.name for ref in result.mentioned}
    ref = at(RegionResolver("河北新增1个国家创新型产业集群", text), text, "92家")
    assert (ref.name, ref.written) == ("三河市", "燕郊高新区")
    assert codes("燕郊路上新开一家书店。") == []  # a street


def test_bare_high_tech_zone_is_the_citys_zone():
    text = ("本报讯 衡水市启动促消费活动。此次活动由衡水市政府统筹桃城区、高新区、滨湖新区，"
            "安排专项资金840万元。\n\n高新区开展商超促消费活动。该区总计补贴100万元。"
            "并对区域内50家企业进行补贴。\n\n滨湖新区开展汽车消费促进活动。对区域内5家公司进行补贴。")
    resolver = RegionResolver("促消费惠民生专题活动启动", text)
    assert at(resolver, text, "840万元").name == "衡水市"  # the list does not decide
    # A zone's figures carry the city that contains it, with the zone.
    assert (at(resolver, text, "100万元").name, at(resolver, text, "100万元").zone) == ("衡水市", "河北衡水高新技术产业开发区")
    assert at(resolver, text, "50家").zone == "河北衡水高新技术产业开发区"
    assert (at(resolver, text, "5家").name, at(resolver, text, "5家").zone) == ("衡水市", "衡水滨湖新区")
    assert subject_names(resolver.regions) == ["衡水市"]
    # Written after its city, the zone is that city's; inside another name it is not a zone.
    ms = find_mentions("衡水市高新区新增企业10家，枣强县经济开发区新增企业5家。")
    assert [(m.surface, m.region.name, m.role) for m in ms] == [
        ("衡水市", "衡水市", "qualifier"), ("高新区", "河北衡水高新技术产业开发区", ""),
        ("枣强县经济开发区", "枣强县经济开发区", "")]
    # 张家口 has no 高新 zone in the gazetteer: nothing is read.
    assert [m.surface for m in find_mentions("张家口市推进高新区建设。高新区综合考核进步。")] == ["张家口市"]


def test_city_references_skip_document_titles_and_look_ahead_in_the_sentence():
    text = ("本报讯 涿州市推进科技创新。\n\n充分利用好《保定市支持科技服务机构的政策措施》等措施。"
            "2019年底，全市高新技术企业有59家。")
    resolver = RegionResolver("涿州实施倍增计划", text)
    assert at(resolver, text, "59家").name == "涿州市"
    text = "本报讯 新增省级农业创新驿站3家；近两月全市技术交易额已达6057万元……这是辛集市交出的成绩单。"
    resolver = RegionResolver("县域科技创新跃升", text)
    assert at(resolver, text, "6057万元").name == "辛集市"
    assert at(resolver, text, "3家").name == "辛集市"
    text = "本报讯 石家庄市推进科技创新。\n\n全市新增企业50家，其中辛集市新增8家。"
    resolver = RegionResolver("石家庄科技创新提速", text)
    assert at(resolver, text, "50家").name == "石家庄市"
    assert at(resolver, text, "8家").name == "辛集市"


def test_zone_hosts_and_zone_kinds_in_the_gazetteer():
    gaz = gazetteer()
    assert [r.name for r in gaz.lookup("燕郊高新区")] == ["三河市"]
    assert [r.name for r in gaz.lookup("廊坊高新区")] == ["安次区"]
    assert [r.name for r in gaz.zones_of(gaz.get("131100"), "高新区")] == ["河北衡水高新技术产业开发区"]
    assert [r.name for r in gaz.zones_of(gaz.get("130700"), "经开区")] == ["张家口经济开发区"]
    assert gaz.zones_of(gaz.get("130700"), "高新区") == []
