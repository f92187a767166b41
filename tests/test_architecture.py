"""The core stays free of Qt, so every capability runs without a screen."""

import ast
import subprocess
import sys

from conftest import REPO

CORE = REPO / "hbviewer" / "core"


def test_core_modules_import_no_qt():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(CORE)}: {n}" for n in names if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6")]
    assert offenders == []


def test_cli_and_core_run_without_loading_qt():
    code = ("import sys, hbviewer.cli, hbviewer.core.store.sqlite_library, hbviewer.core.importer, hbviewer.core.extract.figures;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
