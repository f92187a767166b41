"""Where bundled data and the user's files live.

Bundled data (``resources/``, ``seeds/``) sits at the top of a source checkout;
a wheel or a frozen bundle carries it inside the package as ``_resources`` and
``_seeds``. One lookup serves all three.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(inside: str, checkout: str) -> Path:
    packaged = _PACKAGE_DIR / inside
    if packaged.is_dir():
        return packaged
    source = _PACKAGE_DIR.parent / checkout
    if source.is_dir():
        return source
    raise FileNotFoundError(
        f"hbviewer's bundled {checkout}/ folder is missing; reinstall hbviewer.")


def resources_dir() -> Path:
    return _bundled("_resources", "resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    return _bundled("_seeds", "seeds")


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir("hbviewer", appauthor=False))


def user_log_dir() -> Path:
    from platformdirs import user_log_dir as _user_log_dir

    return Path(_user_log_dir("hbviewer", appauthor=False))


def default_library_path() -> Path:
    return user_data_dir() / "library.sqlite3"
