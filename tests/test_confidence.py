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
