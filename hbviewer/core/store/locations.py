"""Where a library is: a file (SQLite) or a ``postgresql://`` URL (a shared server).

:func:`open_library` gives an SQLite or a server library; both keep the contract in
``contract.py``, so nothing past this point needs to know which.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .contract import Library

SCHEMES = ("postgresql", "postgres")


def is_server_location(location) -> bool:
    """True for a ``postgresql://`` or ``postgres://`` URL, False for a file path."""
    if isinstance(location, Path):
        return False
    text = str(location).strip()
    return any(text.lower().startswith(f"{scheme}://") for scheme in SCHEMES)


def display_location(location) -> str:
    """The location as it may be shown or logged: a URL loses its password."""
    if not is_server_location(location):
        return str(location)
    parts = urlsplit(str(location).strip())
    netloc = parts.netloc
    if "@" in netloc:
        credentials, hosts = netloc.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        netloc = f"{user}@{hosts}" if user else hosts
    query = parts.query
    if query:
        pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() != "password"]
        query = urlencode(pairs)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def open_library(location: str | Path, create: bool = True, password: str | None = None) -> Library:
    """Open the library at a file path or a server URL.

    ``password`` is used for a server when given (it overrides one in the URL);
    a file library ignores it. TLS follows the URL's ``sslmode``, ``prefer`` when
    it has none: encrypted whenever the server offers it.
    """
    if is_server_location(location):
        from .server_library import ServerLibrary  # psycopg is loaded only for a server

        return ServerLibrary.open(str(location).strip(), create=create, password=password)
    from .sqlite_library import SqliteLibrary

    return SqliteLibrary.open(location, create=create)


def set_aside(location: str | Path) -> Path:
    """Rename a library file that cannot be used, so a new one can start in its place.

    Nothing is deleted: the old file (and its WAL files) keep a dated name beside it.
    """
    from .sqlite_library import SqliteLibrary

    return SqliteLibrary.set_aside(location)
