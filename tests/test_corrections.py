"""Corrections laid on the figures of a re-analysis: by span, by characters, or kept for a look."""

import pytest

from hbviewer.core.extract.analysis import analyse
from hbviewer.core.store.corrections import (Anchor, CorrectionError, check_changes, corrected, find_span,
                                             previous_values, reanchor)

TEXT = "张家口市高新技术企业达到295家，科技型中小企业2698家。"


def _figures(text):
    return analyse("", text).figures


def test_a_correction_finds_its_figure_at_the_same_span():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    assert reanchor(anchor, TEXT, figures) == 1


def test_a_correction_follows_its_figure_when_text_above_it_changes():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    moved = "据统计，" + TEXT
    assert not anchor.holds(moved)
    new = _figures(moved)
    i = reanchor(anchor, moved, new)
    assert i is not None and new[i].text == "2698家" and new[i].start == anchor.start + 4


def test_a_correction_whose_figure_is_gone_finds_nothing():
    figures = _figures(TEXT)
    anchor = Anchor.of(figures[1])
    edited = TEXT.replace("2698家", "两千余家")
    assert reanchor(anchor, edited, _figures(edited)) is None


def test_the_nearest_of_equal_figures_is_taken():
    text = "甲县新增企业12家。乙县新增企业12家。"
    figures = _figures(text)
    assert [f.text for f in figures] == ["12家", "12家"]
    anchor = Anchor(figures[1].start + 3, figures[1].end + 3, "12家")  # the text moved a little
    assert reanchor(anchor, text, figures) == 1


def test_an_added_figure_keeps_its_span_or_finds_its_characters():
    anchor = Anchor(TEXT.index("2698"), TEXT.index("2698") + 4, "2698")
    assert find_span(anchor, TEXT) == anchor
    assert find_span(anchor, "前言。" + TEXT) == Anchor(anchor.start + 3, anchor.end + 3, "2698")
    assert find_span(anchor, "没有了") is None


def test_an_edit_changes_values_and_status_and_keeps_the_old_ones():
    f = _figures(TEXT)[0]
    changes = {"value": "300", "indicator": "高新技术企业数"}
    new = corrected(f, "edit", changes)
    assert (new.value, new.indicator, new.status) == (300.0, "高新技术企业数", "edited")
    assert previous_values(f, changes) == {"status": "automatic", "value": f.value, "indicator": f.indicator}
    assert corrected(f, "reject", {}).status == "rejected"


def test_bad_corrections_are_refused_with_a_reason():
    with pytest.raises(CorrectionError, match="number"):
        check_changes("edit", {"value": "很多"})
    with pytest.raises(CorrectionError, match="cannot be corrected"):
        check_changes("edit", {"start": 3})
    with pytest.raises(CorrectionError, match="unknown action"):
        check_changes("approve", {})
    with pytest.raises(CorrectionError, match="status"):
        check_changes("accept", {"value": 1})
