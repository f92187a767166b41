"""The PostgreSQL backend: a library on a server, shared by an office (psycopg is loaded only here)."""

from .library import ServerLibrary

__all__ = ["ServerLibrary"]
