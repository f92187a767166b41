"""Update the translation sources from the code, then compile what ships.

Usage (from the repository root)::

    python packaging/i18n.py          # lupdate the .ts files, lrelease them to .qm

Translators edit ``resources/i18n/hbviewer_<lang>.ts`` (Qt Linguist opens it);
the compiled ``.qm`` next to it is what the application loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "hbviewer" / "ui").glob("*.py"))


def main() -> int:
    for ts in sorted(I18N.glob("hbviewer_*.ts")):
        subprocess.run([tool("lupdate"), *sources(), "-ts", str(ts.relative_to(REPO)), "-no-obsolete"],
                       check=True, cwd=REPO)
        subprocess.run([tool("lrelease"), str(ts.relative_to(REPO)), "-qm",
                        str(ts.with_suffix(".qm").relative_to(REPO))], check=True, cwd=REPO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
