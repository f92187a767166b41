"""Regenerate hbviewer's bitmap icons from resources/icons/hbviewer.svg.

Usage (from the repository root, after changing the SVG)::

    python packaging/make_icons.py

Writes hbviewer-{16,24,32,48,64,128,256,512}.png for Linux menus and the .deb, hbviewer.ico
(Windows executable and installer) and hbviewer.icns (macOS). The outputs are committed, so building
a package needs neither tool: this needs ``rsvg-convert`` (Debian: librsvg2-bin) to render the SVG
exactly, and Pillow (in the ``package`` extra) to assemble the .ico and .icns.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "hbviewer.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Path:
    out = ICONS / f"hbviewer-{size}.png"
    subprocess.run(["rsvg-convert", "--width", str(size), "--height", str(size), "--output", str(out), str(SVG)],
                   check=True)
    return out


def main() -> int:
    if not shutil.which("rsvg-convert"):
        raise SystemExit("rsvg-convert not found: install librsvg2-bin (Debian) or librsvg (Homebrew)")
    from PIL import Image

    pngs = {size: render(size) for size in PNG_SIZES}
    # Each size rendered from the vector, not scaled down from 256, so small icons stay sharp.
    largest = Image.open(pngs[256]).convert("RGBA")
    largest.save(ICONS / "hbviewer.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[Image.open(pngs[s]).convert("RGBA") for s in ICO_SIZES if s != 256])
    Image.open(pngs[512]).convert("RGBA").save(ICONS / "hbviewer.icns", format="ICNS",
                                               append_images=[Image.open(pngs[s]).convert("RGBA")
                                                              for s in (16, 32, 64, 128, 256)])
    for path in sorted(ICONS.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
