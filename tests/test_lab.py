"""Does `mlpm lab` serve the workspace on localhost only, behind a token?"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from mlpm.lab import lab_command

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
