"""A built wheel carries resources/ and seeds/ and works from another directory."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build the wheel and install it (without dependencies, which this venv has) into a folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(work / "dist"), str(REPO)], check=True, cwd=work)
    (wheel,) = (work / "dist").glob("hbviewer-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, cwd=work)
    env = dict(os.environ, PYTHONPATH=str(target))
    return target, env, work


def run(installed, *code_or_args):
    target, env, work = installed
    return subprocess.run([sys.executable, *code_or_args], cwd=work, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def test_package_and_data_come_from_the_wheel(installed):
    target = installed[0]
    out = run(installed, "-c", "import hbviewer, hbviewer.paths as p;"
              "print(hbviewer.__file__); print(p.resources_dir()); print(p.seeds_dir());"
              "print(len(list(p.seeds_dir().glob('*.txt'))))").stdout.split("\n")
    assert Path(out[0]).is_relative_to(target)
    assert Path(out[1]).is_relative_to(target) and Path(out[2]).is_relative_to(target)
    assert out[3] == "5"
    assert (target / "hbviewer" / "_resources" / "gazetteer" / "regions.csv").is_file()
    assert (target / "hbviewer" / "_resources" / "keywords" / "stopwords.txt").is_file()


def test_cli_imports_and_searches_from_another_directory(installed):
    work = installed[2]
    lib = str(work / "lib.sqlite3")
    seeds = str(installed[0] / "hbviewer" / "_seeds")
    imported = run(installed, "-m", "hbviewer.cli", "import", "--library", lib, seeds)
    assert imported.returncode == 0, imported.stderr
    found = run(installed, "-m", "hbviewer.cli", "search", "--library", lib, "科技")
    assert found.returncode == 0 and "articles found" in found.stdout
