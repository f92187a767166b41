"""Print hbviewer's version from pyproject.toml, in the form a package format wants.

Usage: python3 packaging/project_version.py [--deb | --quad]
  (none)  the version as written: 0.2.0rc1
  --deb   Debian's form, a pre-release after a tilde so that it sorts before the release: 0.2.0~rc1
  --quad  four numbers for Windows version resources: 0.2.0.0
Needs Python 3.11 or later (tomllib).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def version() -> str:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


def debian(v: str) -> str:
    return re.sub(r"\.?((?:a|b|rc|dev)\d*)$", r"~\1", v)


def quad(v: str) -> str:
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in v.split(".")[:4]]
    return ".".join(str(n) for n in numbers + [0] * (4 - len(numbers)))


def main(argv: list[str]) -> int:
    forms = {"--deb": debian, "--quad": quad}
    if len(argv) > 1 or (argv and argv[0] not in forms):
        raise SystemExit(__doc__)
    v = version()
    print(forms[argv[0]](v) if argv else v)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
