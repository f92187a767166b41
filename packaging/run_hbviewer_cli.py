"""Entry point of the frozen `hbviewer-cli` executable, a console program beside the window."""

import multiprocessing
import sys

# Imports prepare files in worker processes: in a frozen program each worker starts
# as this executable, and this call turns it into a worker instead of a second app.
multiprocessing.freeze_support()

from hbviewer.cli import main

sys.exit(main())
