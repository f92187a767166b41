"""hbviewer: the desktop application's entry point."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("The hbviewer desktop window is not available in this version yet. "
          "Use hbviewer-cli to import, search and read articles.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
