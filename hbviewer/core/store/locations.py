"""Where a library is: a file (SQLite) or a ``postgresql://`` URL (a shared server).

:func:`open_library` gives an SQLite or a server library; both keep the contract in
``contract.py``, so nothing past this point needs to know which.
"""

from __future__ import annotations

from pathlib import Path

from .addresses import SCHEMES, display_location, is_server_location
from .contract import Library

__all__ = ["SCHEMES", "display_location", "is_server_location", "open_library", "set_aside"]


def open_library(location: str | Path, create: bool = True, password: str | None = None) -> Library:
    """Open the library at a file path or a server URL.

    ``password`` is used for a server when given (it overrides one in the URL);
    a file library ignores it. TLS follows the URL's ``sslmode``, ``prefer`` when
    it has none: encrypted whenever the server offers it.
    """
    if is_server_location(location):
        from .server import ServerLibrary  # psycopg is loaded only for a server

        return ServerLibrary.open(str(location).strip(), create=create, password=password)
    from .sqlite import SqliteLibrary

    return SqliteLibrary.open(location, create=create)


def set_aside(location: str | Path) -> Path:
    """Rename a library file that cannot be used, so a new one can start in its place.

    Nothing is deleted: the old file (and its WAL files) keep a dated name beside it.
    """
    from .sqlite import SqliteLibrary

    return SqliteLibrary.set_aside(location)
