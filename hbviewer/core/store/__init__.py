"""The library: where articles, figures and regions are kept, and how they are found.

One contract (:class:`contract.Library`) and two backends that keep it: an SQLite
file (``sqlite/``) and a shared PostgreSQL server (``server/``).
Everything outside this package opens a library with :func:`open_library` and
uses the contract's operations only; it never names a backend. Also here: the
query language, index tokens and snippets (``search``), where a library is
(``locations``), a server's password in the keyring (``credentials``) and
copying a whole library between backends (``copying``).

May import ``text``, ``extract`` and ``model``; never ``briefing``, ``importer``, the UI or Qt.
"""

from .contract import Library, WriteGroup
from .errors import Cancelled, LibraryError
from .locations import display_location, is_server_location, open_library, set_aside

__all__ = ["Cancelled", "Library", "LibraryError", "WriteGroup", "display_location", "is_server_location",
           "open_library", "set_aside"]
