"""The Qt binding the program runs on keeps Python's reference counts."""

import sys

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402


def test_calls_that_return_nothing_keep_the_reference_count_of_none(qapp):
    # PySide6 6.12.0 dropped a reference to None at each such call: the region tree alone makes
    # thousands per refresh, and on Python 3.10/3.11 the program aborted once None's count ran out.
    label, item, model = QLabel(), QStandardItem("x"), QStandardItemModel()
    before = sys.getrefcount(None)
    for i in range(300):
        label.setText(str(i))
        item.setEditable(False)
        model.setHorizontalHeaderLabels(["a", "b"])
    assert sys.getrefcount(None) >= before - 50  # a few may be held or let go meanwhile, not 900
