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
    code = ("import sys, hbviewer.cli, hbviewer.core.store.sqlite, hbviewer.core.importer, hbviewer.core.extract.figures;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_layers_hold_as_pyproject_states_them():
    """text < extract < store < briefing < importer; no backend named outside store/ (import-linter)."""
    from pathlib import Path

    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "broken" in out.stdout and "0 broken" in out.stdout


def test_no_import_circles_between_modules():
    import grimp

    graph = grimp.build_graph("hbviewer", exclude_type_checking_imports=True)
    circles = [(m, other) for m in graph.modules for other in graph.find_modules_directly_imported_by(m)
               if graph.chain_exists(importer=other, imported=m)]
    assert circles == []
