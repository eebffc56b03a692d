"""`mlpm lab`: open JupyterLab on the learner's workspace, on localhost with a token."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from mlpm import workspace
from mlpm.paths import content_dir, project_root

# nbgrader's instructor tools need a course folder; a learner's lab has none, so they are
# switched off: the server extensions by flag, the JupyterLab plugins (create assignment,
# formgrader, courses, the Nbgrader menu) by the page_config.json in LEARNER_CONFIG, which
# also turns off JupyterLab's news pop-up (workshop rooms are often offline).
# The Validate button stays.
LEARNER_CONFIG = Path(__file__).resolve().parent / "learner_config"
INSTRUCTOR_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.assignment_list",
)


def default_workspace() -> Path:
    """Return ``workspace/`` in a source checkout, else ``./mlpm-workspace``."""
    root = project_root()
    return root / "workspace" if root else Path.cwd() / "mlpm-workspace"


def prepare(folder: Path) -> workspace.SyncReport:
    """Copy new lessons and exercises into ``folder`` without touching the learner's edits."""
    return workspace.sync(
        folder, {"lessons": content_dir("notebooks"), "exercises": content_dir("exercises")}
    )


def lab_command(folder: Path, port: int, token: str, open_browser: bool) -> list[str]:
    """Return the JupyterLab command line: localhost only, token required."""
    command = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    for extension in INSTRUCTOR_EXTENSIONS:
        command += ["--ServerApp.jpserver_extensions", f"{extension}=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def open_lab(folder: Path, port: int = 8888, open_browser: bool = True) -> int:
    """Sync the workspace, then run JupyterLab until the learner stops it."""
    report = prepare(folder)
    print(f"Workspace {folder}: {report.summary()}")
    token = secrets.token_urlsafe(24)
    print("Opening JupyterLab. If no browser opens, copy the http://127.0.0.1 URL printed "
          "below into your browser. Stop with Ctrl+C.", flush=True)
    print(f"Token: {token}", flush=True)
    return subprocess.call(lab_command(folder, port, token, open_browser), env=lab_environment())


def lab_environment() -> dict[str, str]:
    """Return the environment for JupyterLab: ours, with the learner config read first."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(LEARNER_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")) if p
    )
    return env
