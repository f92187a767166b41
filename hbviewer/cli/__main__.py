"""``python -m hbviewer.cli``: the same program as ``hbviewer-cli``."""

import sys

from . import main

sys.exit(main())
