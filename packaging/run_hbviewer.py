"""Entry point of the frozen `hbviewer` executable (the window, and `--self-test`).

PyInstaller starts from a script, not from a `module:function` entry point.
"""

import multiprocessing
import sys

# Imports prepare files in worker processes: in a frozen program each worker starts
# as this executable, and this call turns it into a worker instead of a second app.
multiprocessing.freeze_support()

from hbviewer.app import main

sys.exit(main())
