"""The password of a shared library, kept in the system's keyring, never in settings or logs.

The keyring entry is named by the library's address without its password
(``postgresql://user@host:port/db``), so each server and user has its own.
A machine without a keyring (a server with no desktop session) still works:
the password is asked each time instead of being remembered.
"""

from __future__ import annotations

import logging

from .addresses import display_location

SERVICE = "hbviewer"
log = logging.getLogger(__name__)


def _keyring():
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency; a stripped bundle may lack it
        return None, Exception
    return keyring, KeyringError


def stored_password(location: str) -> str | None:
    """The password remembered for this library, or None (none kept, or no keyring here)."""
    keyring, failure = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, display_location(location))
    except (failure, RuntimeError) as exc:
        log.info("no keyring to read the library password from: %s", type(exc).__name__)
        return None


def remember_password(location: str, password: str) -> bool:
    """Keep the password in the keyring; False when this machine has none (it is then not kept)."""
    keyring, failure = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, display_location(location), password)
    except (failure, RuntimeError) as exc:
        log.info("the library password could not be kept in a keyring: %s", type(exc).__name__)
        return False
    return True


def forget_password(location: str) -> None:
    keyring, failure = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, display_location(location))
    except (failure, RuntimeError):
        pass  # nothing was kept, or there is no keyring: nothing to forget
