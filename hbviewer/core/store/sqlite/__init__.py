"""The SQLite backend: a library in one file on the user's disk."""

from .library import SqliteLibrary
from .schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SqliteLibrary"]
