"""How a library's location is written: a file path, or a ``postgresql://`` URL of a shared server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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
