"""Does `mlpm lab` serve the workspace on localhost only, behind a token?"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from mlpm.lab import LEARNER_CONFIG, lab_command, lab_environment

pytestmark = pytest.mark.notebooks


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0  # not listening yet


def test_lab_command_is_localhost_and_token_protected(tmp_path):
    """Does the command bind 127.0.0.1, set a token, and allow root where needed?"""
    command = lab_command(tmp_path, 8888, "secret", open_browser=False)
    assert "--ServerApp.ip=127.0.0.1" in command
    assert "--IdentityProvider.token=secret" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def test_learner_lab_hides_nbgrader_instructor_tools():
    """Are formgrader, course and create-assignment plugins off in a learner's lab, Validate on?"""
    page_config = json.loads((LEARNER_CONFIG / "labconfig" / "page_config.json").read_text())
    disabled = page_config["disabledExtensions"]
    assert disabled["@jupyter/nbgrader:formgrader"] and disabled["@jupyter/nbgrader:create-assignment"]
    assert "@jupyter/nbgrader:validate-assignment" not in disabled
    assert lab_environment()["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0] == str(LEARNER_CONFIG)


def test_lab_serves_the_workspace_only_with_the_token(tmp_path):
    """Does a started lab copy the notebooks in, refuse requests without the token and accept it?"""
    port = _free_port()
    workspace = tmp_path / "ws"
    log = tmp_path / "lab.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "mlpm", "lab", "--workspace", str(workspace), "--port", str(port),
             "--no-browser"],
            stdout=sink, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        base = f"http://127.0.0.1:{port}/api/contents/exercises"
        while _status(base) != 403:
            assert time.monotonic() < deadline, "JupyterLab did not answer within 60 s"
            assert process.poll() is None, f"JupyterLab exited:\n{log.read_text()}"
            time.sleep(0.5)
        tokens = [line.split()[1] for line in log.read_text().splitlines() if line.startswith("Token: ")]
        assert tokens, "mlpm lab printed no token"
        while _status(f"{base}?token={tokens[0]}") != 200:
            assert time.monotonic() < deadline, "JupyterLab did not answer within 60 s"
            assert process.poll() is None, "JupyterLab exited"
            time.sleep(0.5)
        assert any(workspace.glob("exercises/*/*.ipynb"))
        assert any(workspace.glob("lessons/*.ipynb"))
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
