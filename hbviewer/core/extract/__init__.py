"""What is read out of an article's text: numbers and figures, the region gazetteer, the regions an
article names and is about, and the analysis that joins them (each figure with its region).

``figures`` finds the figures (``figure_numbers``, ``numerals`` and ``figure_units`` read one
quantity, with ``figure_shares``, ``figure_ranks`` and ``figure_durations`` for shares, ranks and
spans of time); ``gazetteer`` holds the administrative divisions and finds their names; ``regions``
settles which region each name means, what the article is about and where each figure belongs;
``analysis`` runs both on an article as the library stores it.

Modules here may import ``hbviewer.core.text`` and ``hbviewer.core.model`` (and ``hbviewer.paths``,
to find the bundled gazetteer), never ``store``, ``briefing``, ``importer`` or Qt: the library and
the briefing are built on this package, not the other way round.
"""
