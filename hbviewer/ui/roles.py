"""Item-data roles, alignments and orientations as plain values, for the models' data() methods.

PySide6 resolves a shortcut name such as ``Qt.DisplayRole`` through a slow lookup: about 2.8 µs,
against 34 ns for comparing with an int (measured on this stack). A table view asks its model
for seven roles of every visible cell at each repaint, and each data() compared its role with
several such names, so a repaint of the library list or the review queue spent tens of
milliseconds in the lookups alone. The roles arrive in data() as ints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_R = Qt.ItemDataRole
DISPLAY = int(_R.DisplayRole)
DECORATION = int(_R.DecorationRole)
EDIT = int(_R.EditRole)
TOOLTIP = int(_R.ToolTipRole)
ALIGNMENT = int(_R.TextAlignmentRole)
FOREGROUND = int(_R.ForegroundRole)

_A = Qt.AlignmentFlag
ALIGN_RIGHT = int(_A.AlignRight | _A.AlignVCenter)  # numbers in a column

HORIZONTAL = Qt.Orientation.Horizontal
EDITABLE = Qt.ItemFlag.ItemIsEditable
