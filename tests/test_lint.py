"""Is the Python code ruff clean (DESIGN section 7)?"""

from __future__ import annotations

import subprocess
import sys

from notebook_tools import ROOT


def test_ruff_reports_nothing():
    """Does `ruff check` pass on the package, tests, benchmarks, deploy configs and scripts?"""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "grading", "deploy", "quickstart.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
