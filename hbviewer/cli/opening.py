"""Opening the library a command works on: a file, or a server and its password."""

from __future__ import annotations

import sys
from pathlib import Path


def location_from_args(args):
    """Where the library ``--library`` names is, or the user's own."""
    from ..paths import default_library_path

    return getattr(args, "library", None) or default_library_path()


def library_from_args(args):
    """The library ``--library`` names, or the user's own, open."""
    return open_location(location_from_args(args), getattr(args, "password_stdin", False))


def open_location(location, password_stdin: bool = False, create: bool = True):
    """A library file, or a server (``postgresql://``) with its password from the keyring or asked for.

    libpq's own sources (PGPASSWORD, ~/.pgpass) are tried first, then the keyring;
    a refused password is asked on the terminal, or read from standard input with
    ``--password-stdin`` (scripts). A password typed here is never written anywhere.
    """
    from ..core.store import LibraryError, display_location, is_server_location, open_library
    from ..core.store.credentials import stored_password

    if not is_server_location(location):
        return open_library(Path(location), create=create)
    if password_stdin:
        return open_library(location, create=create, password=sys.stdin.readline().rstrip("\n"))
    try:
        return open_library(location, create=create)
    except LibraryError as exc:
        if exc.code != "password":
            raise
    stored = stored_password(location)
    if stored is not None:
        try:
            return open_library(location, create=create, password=stored)
        except LibraryError as exc:
            if exc.code != "password":
                raise
    if not sys.stdin.isatty():
        raise LibraryError(f"The server refused the password for {display_location(location)}. Give it with "
                           "--password-stdin, PGPASSWORD or ~/.pgpass, or save it in the window's "
                           "preferences.", "password")
    import getpass

    return open_library(location, create=create,
                        password=getpass.getpass(f"Password for {display_location(location)}: "))
