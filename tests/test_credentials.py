"""The shared library's password goes to the keyring under the address without the password."""

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from hbviewer.core.store.credentials import SERVICE, forget_password, remember_password, stored_password


class NoKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise NoKeyringError("no backend")

    def set_password(self, service, username, password):
        raise NoKeyringError("no backend")

    def delete_password(self, service, username):
        raise NoKeyringError("no backend")


def test_password_is_kept_under_the_address_without_it(memory_keyring):
    memory = memory_keyring
    url = "postgresql://staff:typed-in-url@db.example:5432/briefings"
    assert stored_password(url) is None
    assert remember_password(url, "s3cret")
    assert memory.entries == {(SERVICE, "postgresql://staff@db.example:5432/briefings"): "s3cret"}
    assert stored_password("postgresql://staff@db.example:5432/briefings") == "s3cret"
    assert stored_password("postgresql://other@db.example:5432/briefings") is None
    forget_password(url)
    forget_password(url)  # twice: nothing left to forget is not an error
    assert stored_password(url) is None and memory.entries == {}


def test_a_machine_without_keyring_asks_each_time():
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        url = "postgresql://staff@db.example/briefings"
        assert remember_password(url, "s3cret") is False
        assert stored_password(url) is None
        forget_password(url)
    finally:
        keyring.set_keyring(before)
