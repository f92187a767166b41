"""A figure's confidence and the reasons that lower it."""

from dataclasses import replace

from hbviewer.core.extract.analysis import analyse
from hbviewer.core.extract.confidence import REASONS, confidence_of, confidences


def _figures(text):
    return analyse("", text).figures


def test_a_plain_figure_with_its_indicator_and_region_in_its_sentence_is_certain():
    text = "张家口市高新技术企业达到295家。"
    (f,) = _figures(text)
    c = confidence_of(f, text)
    assert f.region == "张家口市" and f.indicator
    assert c.value >= 0.9 and c.reasons == ()


def test_each_sign_of_doubt_lowers_the_confidence_and_is_named():
    text = "张家口市高新技术企业达到295家。"
    (f,) = _figures(text)
    sure = confidence_of(f, text).value
    for changed, reason in [(replace(f, indicator=""), "no_indicator"),
                            (replace(f, region="", region_code=""), "no_region"),
                            (replace(f, approx="约"), "approximate"),
                            (replace(f, kind="rank"), "unusual_kind"),
                            (replace(f, unit="目"), "unusual_unit"),
                            (replace(f, value_high=300.0), "range")]:
        c = confidence_of(changed, text)
        assert reason in c.reasons
        assert c.value < sure
        assert c.explained()[c.reasons.index(reason)] == REASONS[reason][1]


def test_a_region_taken_from_another_sentence_or_a_reference_is_less_sure():
    text = "张家口市加快发展科技产业。该市高新技术企业达到295家。全年新增企业30家。"
    figures = _figures(text)
    assert [f.region for f in figures] == ["张家口市", "张家口市"]
    by_reference, elsewhere = confidences(figures, text)
    assert "region_by_reference" in by_reference.reasons
    assert "region_elsewhere" in elsewhere.reasons


def test_the_values_of_a_fenbie_list_are_marked():
    text = "张家口市的高新技术企业和科技型中小企业分别达到295家和2698家。"
    figures = _figures(text)
    assert len(figures) == 2
    assert all("list_value" in c.reasons for c in confidences(figures, text))
    single = "张家口市高新技术企业达到295家。"
    assert "list_value" not in confidences(_figures(single), single)[0].reasons


def test_traditional_text_is_judged_like_simplified():
    simplified = "张家口市高新技术企业达到295家。"
    traditional = "張家口市高新技術企業達到295家。"
    (s,) = _figures(simplified)
    (t,) = _figures(traditional)
    assert confidence_of(s, simplified).reasons == confidence_of(t, traditional).reasons


def _reasons(text):
    return [set(f.reasons) for f in _figures(text)]


def test_a_region_named_only_before_another_story_is_far():
    # The next story names a Hebei place only in a company's name, which places no figure:
    # the figure falls back on the page's subject, named only in the story before.
    text = "张家口市加快发展科技产业。\n\n**另一则消息**\n\n记者获悉，河北华信科技有限公司新增员工30名。"
    (f,) = _figures(text)
    assert f.region == "张家口市"
    assert "region_far" in f.reasons and f.confidence < 0.5
    near = "张家口市加快发展科技产业。\n\n记者获悉，新增企业30家。"
    assert _reasons(near) == [{"region_elsewhere"}]


def test_a_region_named_only_in_the_next_story_is_far_but_in_the_same_story_is_not():
    assert _reasons("张家口市高新技术企业达到295家。") == [set()]
    (f,) = _figures("高新技术企业达到295家。")
    later = replace(f, region="唐山市", region_code="130200")
    next_story = "高新技术企业达到295家。\n\n**另一则消息**\n\n唐山市加快发展。"
    assert "region_far" in confidence_of(later, next_story).reasons
    same_story = "高新技术企业达到295家。\n\n唐山市加快发展。"
    assert confidence_of(later, same_story).reasons == ("region_elsewhere",)


def test_a_headline_whose_region_the_story_below_names_is_not_far():
    text = "新增高新技术企业295家\n\n近年来，唐山市加快发展科技产业，成效明显。"
    (f,) = _figures(text)
    placed = replace(f, region="唐山市", region_code="130200")
    reasons = confidence_of(placed, text).reasons
    assert "headline" in reasons and "region_far" not in reasons


def test_a_reference_in_the_sentence_stands_for_a_region_named_paragraphs_before():
    text = "唐山市加快发展科技产业。\n\n各项工作扎实推进。\n\n目前，全市高新技术企业达到295家。"
    (f,) = _figures(text)
    assert f.region == "唐山市"
    assert f.reasons == ("region_by_reference",) and f.confidence >= 0.9


def test_the_whole_country_in_the_sentence_is_a_sign_but_a_national_designation_is_not():
    assert "national_scope" in _reasons("全国高新技术企业达到40万家。")[0]
    assert "national_scope" in _reasons("我国高新技术企业达到40万家。")[0]
    assert "national_scope" not in _reasons("张家口市新增国家级专精特新企业25家。")[0]


def test_a_count_of_divisions_placed_at_one_of_them_is_marked():
    text = "全省有12个县完成改造，新增3个市场主体。"
    counted, markets = _figures(text)
    assert counted.region == "河北省"  # the province's count of its counties: no doubt
    assert "counts_places" not in counted.reasons
    at_a_county = [replace(f, region="迁安市", region_code="130283") for f in (counted, markets)]
    county_count, county_markets = confidences(at_a_county, text)
    assert "counts_places" in county_count.reasons
    assert "counts_places" not in county_markets.reasons


def test_a_kind_of_division_in_brackets_is_no_punctuation():
    text = "全省有12个县完成改造。"
    (f,) = _figures(text)
    assert "indicator_across_punctuation" not in confidence_of(replace(f, indicator="A类县(市、区)"), text).reasons
    assert "indicator_across_punctuation" in confidence_of(replace(f, indicator="）、企业（"), text).reasons


def test_several_places_in_the_clause_or_the_sentence():
    in_clause = _reasons("增速较高的有石家庄市12%、唐山市8%。")
    assert all("place_list" in r for r in in_clause)
    in_sentence = _reasons("石家庄市企业达到295家，唐山市达到200家。")
    assert all("several_places" in r and "place_list" not in r for r in in_sentence)
    assert _reasons("石家庄市企业达到295家。") == [set()]


def test_a_value_in_brackets_after_a_name():
    reasons = _reasons("完成率较低的县为：涿州市（20%）、定州市（30%）。")
    assert len(reasons) == 2 and all("value_in_brackets" in r for r in reasons)


def test_an_indicator_across_punctuation_or_holding_a_verb():
    text = "张家口市高新技术企业达到295家。"
    (f,) = _figures(text)
    assert "indicator_across_punctuation" in confidence_of(replace(f, indicator="）、企业（"), text).reasons
    assert "indicator_verb" in confidence_of(replace(f, indicator="已建成投产"), text).reasons
    assert "vague_indicator" in confidence_of(replace(f, indicator="县"), text).reasons


def test_a_figure_in_a_headline():
    headline, body = _reasons("张家口市新增企业295家\n\n张家口市加快发展科技产业，全年投入资金3亿元。")
    assert "headline" in headline
    assert "headline" not in body


def test_a_duration_is_less_sure_than_a_count():
    (f,) = _figures("张家口市用时5个月完成建设。")
    assert f.kind == "duration" and "duration" in f.reasons
    assert f.confidence < confidence_of(replace(f, kind="count", unit="个"), "张家口市用时5个月完成建设。").value


def test_a_figure_with_one_mild_sign_stays_at_or_above_0_9_and_two_fall_below():
    text = "张家口市高新技术企业达到295家。"
    (f,) = _figures(text)
    assert confidence_of(replace(f, approx="约"), text).value >= 0.9
    assert confidence_of(replace(f, approx="约", value_high=300.0), text).value < 0.9
    mild = [r for r, (w, _why) in REASONS.items() if w >= 0.9]
    assert "region_elsewhere" not in mild and "no_region" not in mild


def test_every_reason_says_why_in_words():
    assert all(0 < w < 1 and why for w, why in REASONS.values())
