"""The columns of a figure row, as the library's summary reads give them (``store.records.FIGURE_ROWS``)."""

FIGURE_COLUMNS = [
    "article_id", "region", "region_code", "prefecture", "indicator", "value", "value_high", "unit",
    "kind", "approx", "as_of", "text", "start", "end", "title", "date", "source", "zone", "status",
    "imported_at",
]
