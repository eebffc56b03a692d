"""A real JupyterHub on 127.0.0.1 with deploy/'s configuration, for the hub test and the sizing benchmark.

All users run as this OS user (SimpleLocalProcessSpawner), each with a home under a temporary
folder; a test authenticator; the proxy from .ci/node (installed by .ci/run).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PROXY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTRUCTOR = "teacher"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A running hub: its URL, admin token, the users' homes and the processes it started."""

    def __init__(self, base: Path, extra_config: str = ""):
        self.base = base
        self.extra_config = extra_config
        self.homes = base / "homes"
        self.exchange = base / "exchange"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.log = base / "hub.log"
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, psutil.Process] = {}  # every process of the hub's tree, by pid
        self.ports: set[int] = set()  # every port they listened on

    def config(self) -> Path:
        """Write the test's hub config: deploy's, with a test authenticator, spawner and ports."""
        path = self.base / "test_config.py"
        path.write_text(f"""
c = get_config()
load_subconfig({str(DEPLOY / "jupyterhub_config.py")!r})
c.JupyterHub.bind_url = "{self.url}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {secrets.token_hex(8)!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / "{username}")!r}
c.JupyterHub.services = [{{"name": "workshop-test", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["workshop-test"]}}]
""" + self.extra_config)
        return path

    def environment(self) -> dict[str, str]:
        """The hub's environment: this venv's Python first on PATH, the exchange and instructor."""
        return {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
                "MLPM_EXCHANGE": str(self.exchange), "MLPM_INSTRUCTORS": INSTRUCTOR}

    def start(self) -> None:
        """Start JupyterHub and wait until its API answers through the proxy."""
        self.homes.mkdir()
        with self.log.open("w") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(self.config())], cwd=self.base,
                env=self.environment(), stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        self.wait(lambda: self.status("/hub/api/") == 200, "the hub did not answer")

    def wait(self, ready, what: str, seconds: float = 150) -> None:
        """Poll ``ready()`` until it holds; fail with the hub's log after ``seconds``."""
        deadline = time.monotonic() + seconds
        while not ready():
            assert self.process.poll() is None, f"JupyterHub exited:\n{self.log.read_text()[-4000:]}"
            assert time.monotonic() < deadline, f"{what} within {seconds} s:\n{self.log.read_text()[-4000:]}"
            self.remember()
            time.sleep(0.5)
        self.remember()

    def request(self, path: str, method: str = "GET", body: dict | None = None) -> tuple[int, bytes]:
        """Call the hub or a user's server through the proxy with the admin token."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, b""

    def status(self, path: str) -> int:
        return self.request(path)[0]

    def json(self, path: str):
        code, body = self.request(path)
        assert code == 200, f"GET {path}: {code} {body[:300]!r}"
        return json.loads(body)

    def ready(self, user: str) -> bool:
        """Whether the user's server has started and answers."""
        server = self.json(f"/hub/api/users/{user}").get("servers", {}).get("")
        return bool(server and server["ready"])

    def processes(self) -> list[psutil.Process]:
        """The hub and every process it started, still running."""
        hub = psutil.Process(self.process.pid)
        return [hub, *hub.children(recursive=True)]

    def remember(self) -> None:
        """Note every process the hub started and every port they listen on."""
        for process in self.processes():
            self.seen.setdefault(process.pid, process)
        for connection in psutil.net_connections(kind="tcp"):
            if connection.status == psutil.CONN_LISTEN and connection.pid in self.seen:
                self.ports.add(connection.laddr.port)

    def running(self) -> list[str]:
        """The users whose server is running or starting."""
        return [user["name"] for user in self.json("/hub/api/users") if user.get("servers")]

    def start_servers(self, users) -> None:
        """Start the users' servers at once and wait until all answer."""
        for user in users:
            code, body = self.request(f"/hub/api/users/{user}/server", "POST")
            assert code in (201, 202), f"starting {user}'s server: {code} {body[:300]!r}"
        for user in users:
            self.wait(lambda u=user: self.ready(u), f"{user}'s server did not start")

    def stop_servers(self) -> None:
        """Stop every user's server through the API and wait until all are gone."""
        self.remember()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda user: self.request(f"/hub/api/users/{user}/server", method="DELETE"),
                          self.running()))
        self.wait(lambda: not self.running(), "servers did not stop", seconds=90)

    def stop(self) -> None:
        """Stop every server through the API, then the hub (which stops the proxy)."""
        if self.process.poll() is None:
            self.stop_servers()
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        finally:
            for process in self.seen.values():  # only what this test started, in case it failed
                if process.is_running():
                    process.kill()


