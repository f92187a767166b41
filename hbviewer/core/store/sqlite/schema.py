"""The SQLite library's tables, and the ordered migrations that bring an older file up to date.

``PRAGMA user_version`` holds the version a file has reached; each migration
takes it one step further, inside the transaction that opens the file.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 9


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # executescript() would commit the surrounding transaction: run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        -- the index is contentless: articles holds the text, the index only tokens
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE sources(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            encoding TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            title_inferred INTEGER NOT NULL DEFAULT 0,
            subtitle TEXT NOT NULL DEFAULT '',
            byline TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            publication TEXT NOT NULL DEFAULT '',
            date TEXT,
            text TEXT NOT NULL,
            captions TEXT NOT NULL DEFAULT '[]',
            original TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL UNIQUE
        );
        CREATE INDEX articles_source ON articles(source_id, position);
        CREATE INDEX articles_date ON articles(date);
        CREATE VIRTUAL TABLE article_index USING fts5(
            title, body, content='', tokenize='ascii', prefix='8', columnsize=1
        );
        """
    )


def _migrate_2(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE figures(
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL NOT NULL,
            value_high REAL,
            unit TEXT NOT NULL,
            kind TEXT NOT NULL,
            approx TEXT,
            indicator TEXT NOT NULL DEFAULT '',
            change TEXT,
            as_of TEXT,
            region TEXT NOT NULL DEFAULT '',
            region_code TEXT NOT NULL DEFAULT '',
            prefecture TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX figures_article ON figures(article_id, start);
        CREATE INDEX figures_region ON figures(region_code);
        -- articles whose figures were extracted by an older extractor are re-extracted
        ALTER TABLE articles ADD COLUMN figures_version INTEGER NOT NULL DEFAULT 0
        """,
    )


def _migrate_3(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE article_regions(
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            role TEXT NOT NULL,           -- subject | mentioned
            rank INTEGER NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            prefecture TEXT NOT NULL DEFAULT '',
            prefecture_code TEXT NOT NULL DEFAULT '',
            province_code TEXT NOT NULL DEFAULT '',
            score REAL NOT NULL DEFAULT 0
        );
        CREATE INDEX article_regions_article ON article_regions(article_id, role, rank);
        CREATE INDEX article_regions_code ON article_regions(code, role);
        -- figures and regions are analysed together now: one version for both
        ALTER TABLE articles RENAME COLUMN figures_version TO analysis_version
        """,
    )


def _migrate_4(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        -- what reviewers made of the figures: each correction names its figure by span and
        -- characters (anchor_*), since a re-analysis writes every figure row anew
        CREATE TABLE corrections(
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            action TEXT NOT NULL,                 -- accept | reject | edit | add
            anchor_start INTEGER NOT NULL,
            anchor_end INTEGER NOT NULL,
            anchor_text TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{}',   -- JSON: the new values
            previous TEXT NOT NULL DEFAULT '{}',  -- JSON: the values they replaced, with the status
            author TEXT NOT NULL,
            made_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'applied' -- applied | undone | needs_look
        );
        CREATE INDEX corrections_article ON corrections(article_id, id);
        CREATE INDEX corrections_state ON corrections(state);
        ALTER TABLE figures ADD COLUMN status TEXT NOT NULL DEFAULT 'automatic';
        CREATE INDEX figures_status ON figures(status)
        """,
    )


def _migrate_5(db: sqlite3.Connection) -> None:
    # The functional zone (北戴河新区, 雄安新区) a figure or an article's region is about.
    _run_script(
        db,
        """
        ALTER TABLE figures ADD COLUMN zone TEXT NOT NULL DEFAULT '';
        ALTER TABLE article_regions ADD COLUMN zone TEXT NOT NULL DEFAULT ''
        """,
    )


def _migrate_6(db: sqlite3.Connection) -> None:
    # The printed page (第3版) an article appeared on; older articles have none until imported again.
    db.execute("ALTER TABLE articles ADD COLUMN page TEXT NOT NULL DEFAULT ''")


def _migrate_7(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        -- the library's words with their pinyin (store/vocabulary.py), filled on open and at import
        CREATE TABLE search_words(
            word TEXT NOT NULL,
            pinyin TEXT NOT NULL,
            initials TEXT NOT NULL,
            PRIMARY KEY(word, pinyin)
        ) WITHOUT ROWID;
        CREATE INDEX search_words_pinyin ON search_words(pinyin, word);
        CREATE INDEX search_words_initials ON search_words(initials, word);
        -- kind: filters articles by the kinds of their figures
        CREATE INDEX figures_kind ON figures(kind, article_id)
        """,
    )


def _migrate_8(db: sqlite3.Connection) -> None:
    _run_script(db, KEPT_TABLES)


def _migrate_9(db: sqlite3.Connection) -> None:
    # region: filters by the articles of figures attributed to a region: with the article in the
    # index, those are read from it alone (70 -> 37 ms for 河北省 at 100,000 articles).
    _run_script(db, """
        CREATE INDEX figures_region_article ON figures(region_code, article_id);
        DROP INDEX figures_region
        """)


# What the analysis and the people who read an article keep about it (see ``store/keeping.py``).
# What people add is keyed by the article's fingerprint, not its id: it survives the source being
# imported again (new ids, same articles) and a copy into a library where the ids differ.
KEPT_TABLES = """
    CREATE TABLE article_tags(
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        tag TEXT NOT NULL
    );
    CREATE INDEX article_tags_article ON article_tags(article_id, rank);
    CREATE INDEX article_tags_tag ON article_tags(tag);
    CREATE TABLE user_tags(
        fingerprint TEXT NOT NULL,
        tag TEXT NOT NULL,
        state TEXT NOT NULL,          -- added | removed (an automatic tag the user took away)
        author TEXT NOT NULL DEFAULT '',
        changed_at TEXT NOT NULL,
        PRIMARY KEY(fingerprint, tag)
    );
    CREATE INDEX user_tags_tag ON user_tags(tag, state);
    CREATE TABLE notes(
        id INTEGER PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        figure_start INTEGER,         -- a note on one figure: its span in the text (figure ids change)
        figure_end INTEGER,
        text TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX notes_fingerprint ON notes(fingerprint);
    CREATE TABLE bookmarks(
        fingerprint TEXT PRIMARY KEY,
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE saved_searches(
        name TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        filters TEXT NOT NULL DEFAULT '{}',
        author TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        opened_at TEXT NOT NULL
    )
"""

# version reached -> function that reaches it
MIGRATIONS = {1: _migrate_1, 2: _migrate_2, 3: _migrate_3, 4: _migrate_4, 5: _migrate_5, 6: _migrate_6,
              7: _migrate_7, 8: _migrate_8, 9: _migrate_9}
