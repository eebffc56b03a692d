"""Run nbgrader's command line from this package's Python environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_nbgrader(args: list[str], course_root: Path) -> subprocess.CompletedProcess[str]:
    """Run ``nbgrader ARGS`` in ``course_root``, where its ``nbgrader_config.py`` is read.

    nbgrader calls the ``alembic`` executable when it creates a gradebook, so the folder
    of this interpreter's scripts goes first on PATH even when no venv is activated.

    Raises
    ------
    RuntimeError
        If nbgrader exits non-zero; the message carries its log.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    command = [sys.executable, "-m", "nbgrader", *args]
    result = subprocess.run(command, cwd=course_root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"`nbgrader {' '.join(args)}` failed:\n{result.stdout}{result.stderr}")
    return result
