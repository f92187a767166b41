"""Entry point of the frozen `hbviewer` executable (the window, and `--self-test`).

PyInstaller starts from a script, not from a `module:function` entry point.
"""

import sys

from hbviewer.app import main

sys.exit(main())
