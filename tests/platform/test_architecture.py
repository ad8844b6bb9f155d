"""The package graph's contracts: kept by the code, and able to fail.

`make test` runs `lint-imports`; these tests show that a back-import (the registry reading
check-ins directly) breaks the layers contract, and check what import-linter cannot see:
imports inside functions, and ports left unfilled by the composition root.
"""

from __future__ import annotations

import ast
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import anjie
from anjie.core.ports import Port
from anjie.main import create_app

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(anjie.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, package_parent: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_contracts_hold() -> None:
    result = _lint(ROOT, PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


LAYERS = "A package imports only the layers below it"


@pytest.mark.parametrize(
    ("module", "back_import"),
    [
        # The registry reading casework directly: the import the resolved guard once had.
        ("cases/workflow.py", "from anjie.checkins import repository"),
        # The platform reaching up into the org tree.
        ("audit/service.py", "from anjie.orgs import repository"),
        # Two casework siblings on one line of the layers importing each other.
        ("plans/service.py", "from anjie.hearings import models"),
    ],
)
def test_a_back_import_breaks_the_layers(tmp_path: Path, module: str, back_import: str) -> None:
    copy = tmp_path / "src" / "anjie"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text() + f"\n{back_import}  # noqa\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    result = _lint(tmp_path, tmp_path / "src")

    assert result.returncode != 0
    importer = "anjie." + module.removesuffix(".py").replace("/", ".")
    imported = back_import.split()[1]
    assert f"{importer} -> {imported}" in result.stdout
    assert f"{LAYERS} BROKEN" in result.stdout


def test_no_imports_inside_functions_but_the_commands_lazy_ones() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "cli.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.relative_to(PACKAGE)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom)
                ]
    assert found == []


def test_the_composition_root_fills_every_port() -> None:
    create_app()
    ports = [obj for obj in gc.get_objects() if isinstance(obj, Port)]
    assert len(ports) >= 7
    unfilled = []
    for port in ports:
        try:
            port()
        except RuntimeError:
            unfilled.append(port.name)
    assert unfilled == []
