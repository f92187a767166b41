"""What goes wrong with a library, in words a user can act on."""

from __future__ import annotations


class LibraryError(Exception):
    """The library cannot do what was asked; the message says why and what to do.

    ``code`` says what kind of failure it is, for callers that offer a way
    forward: ``disk_full``, ``busy``, ``read_only``, ``damaged``, ``newer``,
    ``cannot_open``, ``password``, ``connection_lost``, ``database``, ``library``.
    """

    def __init__(self, message: str, code: str = "library"):
        super().__init__(message)
        self.code = code


class Cancelled(Exception):
    """Raised inside a transaction to roll back a cancelled import or copy."""
