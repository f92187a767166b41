"""Text: from a file staff receive to the articles on its page.

Reading files and detecting their encoding (``reading``), Word, web-page, PDF
and ZIP files (``formats``), character normalisation for display and search
(``textnorm``), cleaning up the paragraphs a PDF page leaves (``cleaning``) and
splitting a page into articles (``articles``).

May import ``model`` only; never ``extract``, ``store``, ``briefing``, ``importer``, the UI or Qt.
"""
