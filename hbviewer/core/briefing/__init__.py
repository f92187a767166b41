"""What staff hand on: the per-region summary, the Excel workbook and the Word briefing.

May import ``store`` (the contract and the query language), ``extract``, ``text`` and ``model``;
never a storage backend, the importer, the UI or Qt.
"""
