"""hbviewer: read Hebei policy news, find its figures, brief by region."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("hbviewer")
except _metadata.PackageNotFoundError:  # running from a source checkout
    __version__ = "0.1.0"
