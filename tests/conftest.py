import json
import os
from pathlib import Path

import pytest

# Qt tests run without a display, here and in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
SHARED = REPO.parent / "shared"


def load_gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


@pytest.fixture
def library(tmp_path):
    from hbviewer.core.library import Library

    lib = Library.open(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory):
    """A library with the five seed pages imported, shared by read-only tests."""
    from hbviewer.core.importer import import_paths
    from hbviewer.core.library import Library

    lib = Library.open(tmp_path_factory.mktemp("seedlib") / "library.sqlite3")
    report = import_paths(lib, [SEEDS])
    assert not report.failed, report.failed
    yield lib
    lib.close()
