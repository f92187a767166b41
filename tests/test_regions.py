"""Region names in text: look-alikes, ambiguity, retired units, references, subjects, figures.

Every sentence here is made up for the test; each case pairs a trap with the genuine name so
that a recogniser that simply never matched would fail too.
"""

from __future__ import annotations

import time

import pytest

from hbviewer.core.gazetteer import gazetteer
from hbviewer.core.regions import (
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
    assert codes("河北日报讯 记者从省科技厅获悉。") == []
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
    assert {"定州市", "辛集市", "雄安新区"} <= {ref.name for ref in result.mentioned}
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
    beijing = next(ref for ref in result.mentioned + [r for r, _ in result.subjects] if ref.name == "北京市")
    assert beijing.level == "province" and not beijing.in_hebei


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
                                  "prefecture": "张家口市", "score": data["regions"][0]["score"]}
    assert [r["name"] for r in data["regions"]] == ["宣化区", "张家口市"]
    assert {"name": "北京市", "code": "110000", "level": "province", "prefecture": None} in data["mentioned"]


# -- speed -------------------------------------------------------------------------------------


def test_find_mentions_is_fast():
    unit = "张家口市桥西区新建公园，蔚县烟叶育苗1.7万亩，推动京津冀协同发展，全市企业达到295家。"
    text = (unit * (2000 // len(unit) + 1))[:2000]
    find_mentions(text)
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        find_mentions(text)
    per_call = (time.perf_counter() - start) / runs
    # About 1-2 ms on a laptop; the bound only catches a per-name loop creeping in.
    assert per_call < 0.02, per_call


def test_gazetteer_loads_quickly():
    from hbviewer.core.gazetteer import RegionGazetteer

    start = time.perf_counter()
    RegionGazetteer.load()
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("text", ["", "没有地名的一句话。", "\n\n"])
def test_texts_without_places(text):
    assert find_mentions(text) == []
    assert article_regions("", text).subjects == []
