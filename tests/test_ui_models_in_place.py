"""Models read again after a change set what changed in place; a new shape is built anew.

The region tree keeps its items when its regions are the same; the article list keeps its
rows when its articles are the same, in the same order.
"""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTreeView  # noqa: E402

from hbviewer.core.briefing.summary import RegionNode  # noqa: E402
from hbviewer.core.store.search import ArticleRow  # noqa: E402
from hbviewer.ui.models import ArticleTableModel  # noqa: E402
from hbviewer.ui.region_panel import RegionTreeModel  # noqa: E402


def tree(zjk_figures=5, counties=("万全区", "宣化区")):
    children = [RegionNode(f"13070{i + 1}", name, "county", articles=1, figures=2) for i, name in enumerate(counties)]
    return [RegionNode("130000", "河北省", "province", articles=3, figures=zjk_figures + 1, children=[
        RegionNode("130700", "张家口市", "city", articles=2, figures=zjk_figures, children=children)])]


def counts(model, code):
    index = model.index_of(code)
    return tuple(index.siblingAtColumn(c).data() for c in (1, 2))


def test_new_counts_change_only_the_counts_and_keep_what_is_open_ticked_and_selected(qtbot):
    model = RegionTreeModel()
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    assert model.set_tree(tree()) is True
    view.expand(model.index_of("130700"))
    view.setCurrentIndex(model.index_of("130701"))
    model.itemFromIndex(model.index_of("130700")).setCheckState(Qt.Checked)
    item = model.itemFromIndex(model.index_of("130700"))

    assert model.set_tree(tree(zjk_figures=4)) is False
    assert counts(model, "130700") == (2, 4) and counts(model, "130000") == (3, 5)
    assert model.itemFromIndex(model.index_of("130700")) is item
    assert view.isExpanded(model.index_of("130700")) and view.currentIndex() == model.index_of("130701")
    assert model.ticked() == [("130700", "张家口市")]


def test_a_region_more_or_less_builds_the_tree_anew_with_the_ticks_kept(qtbot):
    model = RegionTreeModel()
    model.set_tree(tree())
    model.itemFromIndex(model.index_of("130700")).setCheckState(Qt.Checked)
    assert model.set_tree(tree(counties=("万全区",))) is True
    assert not model.index_of("130702").isValid() and counts(model, "130700") == (2, 5)
    assert model.ticked() == [("130700", "张家口市")]
    assert model.set_tree(tree(counties=("万全区", "宣化区", "崇礼区"))) is True
    assert counts(model, "130703") == (1, 2)


def _rows(*counts):
    return [ArticleRow(i + 1, f"文章{i + 1}", None, "page.txt", n) for i, n in enumerate(counts)]


def test_the_same_articles_read_again_change_only_the_rows_that_changed(qtbot):
    model = ArticleTableModel()
    model.set_rows(_rows(3, 2, 1), {1: "张家口市"}, {1: ["冰雪"]})
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row())))
    model.set_rows(_rows(3, 1, 1), {1: "张家口市"}, {1: ["冰雪"]})  # a figure of the second rejected
    assert resets == [] and changed == [(1, 1)] and model.row_at(1).figure_count == 1
    model.set_rows(_rows(3, 1, 1), {1: "张家口市"}, {1: ["冰雪", "重点"]})
    assert changed[-1] == (0, 0) and "重点" in model.index(0, ArticleTableModel.TAGS).data()
    model.set_rows(_rows(3, 1), {}, {})  # an article fewer: built anew
    assert resets == [1] and model.rowCount() == 2
    assert not model.index_of(3).isValid() and model.index_of(2).row() == 1


def test_the_region_figures_read_again_change_only_the_rows_that_changed(qtbot):
    from hbviewer.ui.region_panel import FigureTableModel

    def figure(start, status="automatic"):
        return {"article_id": 1, "start": start, "end": start + 4, "region": "张家口市", "zone": "", "indicator": "企业",
                "text": "295家", "value": 295.0, "unit": "家", "as_of": None, "status": status, "title": "文章"}

    model = FigureTableModel()
    model.set_rows([figure(0), figure(10)])
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, _roles=(): changed.append((top.row(), bottom.row())))
    model.set_rows([figure(0), figure(10, "accepted")])
    assert resets == [] and changed == [(1, 1)] and model.row(1)["status"] == "accepted"
    model.set_rows([figure(0)])
    assert resets == [1] and model.rowCount() == 1
