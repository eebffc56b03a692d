"""Is the project documented and packaged as the README promises?"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mlpm import modules
from notebook_tools import ROOT


def test_readme_module_table_is_up_to_date():
    """Does the README's module table match what `mlpm build` would write?"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert modules.render_readme(readme, modules.discover(ROOT)) == readme, "run `mlpm build`"


def test_readme_quick_start_has_the_two_commands_and_ci_runs_the_test_one():
    """Does the Quick start give the lab and test commands, and does .ci/run call the test one?"""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 quickstart.py lab" in readme and "python3 quickstart.py test" in readme
    assert "python3 quickstart.py test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_constraints_pin_every_direct_dependency():
    """Does constraints.txt pin the packages a workshop room must get in the versions CI tested?"""
    pinned = {
        line.split("==")[0].lower()
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    for package in ("jupyterlab", "nbgrader", "pandas", "matplotlib", "scikit-learn", "papermill", "pytest"):
        assert package in pinned


@pytest.mark.notebooks
def test_installed_wheel_loads_data_and_carries_the_notebooks(tmp_path):
    """Does a built wheel load datasets from any folder, without the source checkout?"""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("mlpm_workshop-*.whl"))
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                    str(wheel)], check=True)
    code = (
        "import mlpm, mlpm.paths as p; "
        "assert p.project_root() is None, mlpm.__file__; "
        "print(len(mlpm.load('backlog')), "
        "len(list(p.content_dir('exercises').rglob('*.ipynb'))), "
        "len(list(p.content_dir('notebooks').glob('*.ipynb'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows, exercises, lessons = map(int, result.stdout.split())
    assert rows == 12 and exercises >= 1 and lessons >= 1
