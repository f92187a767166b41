"""Entry point of the frozen `hbviewer-cli` executable, a console program beside the window."""

import sys

from hbviewer.cli import main

sys.exit(main())
