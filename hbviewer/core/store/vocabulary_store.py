"""The vocabulary table in either library: the same SQL for SQLite and PostgreSQL.

``search_words`` holds a row per word and reading (``vocabulary.py``). Storing an
article adds the words not yet known (``ON CONFLICT DO NOTHING``: another client may
have added them meanwhile); a search reads the words a Latin term's letters begin.
Words of removed articles stay: a word no article holds any more finds nothing.
"""

from __future__ import annotations

from ..extract.words import words_in
from .vocabulary import _CANDIDATES, choose_words, key_range, reading_rows

INSERT_WORD = "INSERT INTO search_words(word, pinyin, initials) VALUES(?, ?, ?) ON CONFLICT DO NOTHING"
_COLUMNS = "SELECT word, pinyin, initials FROM search_words"


class SqlVocabulary:
    """Reading and adding words; each backend runs the statements (``_rows``, ``_sql``)."""

    def _words_for(self, key: str) -> list[str]:
        """The Chinese words a Latin key stands for, the same in both libraries."""
        low, high = key_range(key)
        rows = self._rows(self._sql(f"{_COLUMNS} WHERE pinyin = ? OR initials = ?"), (key, key))
        for column in ("initials", "pinyin"):  # in the index's order, so both libraries read the same rows
            rows += self._rows(self._sql(f"{_COLUMNS} WHERE {column} >= ? AND {column} < ?"
                                         f" ORDER BY {column}, word LIMIT {_CANDIDATES}"), (low, high))
        return choose_words(key, rows)

    def _new_word_rows(self, folded_texts, words: frozenset[str] | None = None) -> list[tuple[str, str, str]]:
        """Rows for the words of these (folded) texts that this instance has not added yet.

        ``words``: those the analysis found already (in an import's worker processes).
        """
        known = self.__dict__.setdefault("_known_words", set())
        words = (words if words is not None else words_in(*folded_texts)) - known
        known.update(words)
        return reading_rows(words)

    def _forget_known_words(self) -> None:
        self.__dict__["_known_words"] = set()
