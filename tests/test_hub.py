"""Does the workshop run on a real JupyterHub, with nbgrader's exchange, as deploy/ sets it up?

One hub on 127.0.0.1 with deploy/jupyterhub_config.py, a test authenticator and all users as
this OS user (each with a home under a temporary folder): an instructor and three learners get
servers; module 01 goes out through the exchange and comes back; `mlpm grade` grades it. At the
end everything the test started is stopped and nothing listens on its ports.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
import yaml

from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.hub import config_path

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PROXY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
SLUG, NAME = "01-product-strategy", "01-strategy-exercises.ipynb"
FULL_AUTO = 21.0
INSTRUCTOR = "teacher"
LEARNERS = ("ada", "grace", "linus")  # hands in: the solution's answers, a blank, a broken file
COURSE_ID = "mlpm-workshop"
# The chart's top-level keys, from its values.schema.yaml (z2jh 3.x and 4.x; additionalProperties: false).
Z2JH_KEYS = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecret", "imagePullSecrets", "hub",
             "rbac", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "custom", "cull", "debug",
             "global"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A running hub: its URL, admin token, the users' homes and the processes it started."""

    def __init__(self, base: Path):
        self.base = base
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
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [{{"name": "workshop-test", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["workshop-test"]}}]
""")
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

    def remember(self) -> None:
        """Note every process the hub started and every port they listen on."""
        for process in [psutil.Process(self.process.pid), *psutil.Process(self.process.pid).children(recursive=True)]:
            self.seen.setdefault(process.pid, process)
        for connection in psutil.net_connections(kind="tcp"):
            if connection.status == psutil.CONN_LISTEN and connection.pid in self.seen:
                self.ports.add(connection.laddr.port)

    def stop(self) -> None:
        """Stop every server through the API, then the hub (which stops the proxy)."""
        if self.process.poll() is None:
            self.remember()
            for user in (INSTRUCTOR, *LEARNERS):
                self.request(f"/hub/api/users/{user}/server", method="DELETE")
            for user in (INSTRUCTOR, *LEARNERS):
                self.wait(lambda u=user: not self.json(f"/hub/api/users/{u}").get("servers"),
                          f"{user}'s server did not stop", seconds=60)
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        finally:
            for process in self.seen.values():  # only what this test started, in case it failed
                if process.is_running():
                    process.kill()


def nbgrader(hub: Hub, user: str, role: str, *args: str, cwd: Path | None = None) -> str:
    """Run the nbgrader command line as ``user`` would in a terminal on their server."""
    home = hub.homes / user
    env = {**os.environ, "HOME": str(home), "USER": user, "MLPM_EXCHANGE": str(hub.exchange),
           "JUPYTER_CONFIG_PATH": os.pathsep.join(str(p) for p in config_path(role))}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd or home, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} as {user}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A running hub with the instructor's course and a started server for every user."""
    if not PROXY.exists():
        pytest.skip(f"configurable-http-proxy is not installed in {PROXY.parents[2]} (.ci/run installs it)")
    hub = Hub(tmp_path_factory.mktemp("hub"))
    course = hub.homes / INSTRUCTOR / "mlpm-workshop"  # the instructor's checkout, as the README says
    try:
        hub.start()
        shutil.copytree(ROOT / "exercises" / SLUG, course / "exercises" / SLUG)
        (course / "grading").mkdir()
        shutil.copy(ROOT / "grading" / "nbgrader_config.py", course / "grading")
        assert hub.request("/hub/api/users", "POST", {"usernames": list(LEARNERS)})[0] == 201
        for user in (INSTRUCTOR, *LEARNERS):
            assert hub.request(f"/hub/api/users/{user}/server", "POST")[0] in (201, 202)
        for user in (INSTRUCTOR, *LEARNERS):
            hub.wait(lambda u=user: hub.ready(u), f"{user}'s server did not start")
        yield hub
    finally:
        if hub.process is not None:
            hub.stop()
    alive = [p.pid for p in hub.seen.values() if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"still running after the hub stopped: {alive}"
    listening = {c.laddr.port for c in psutil.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}
    assert not hub.ports & listening, f"ports still listening: {sorted(hub.ports & listening)}"
    assert len(hub.ports) >= 3 + 1 + len(LEARNERS)  # hub, proxy and its API, every server


def lab_page_config(hub: Hub, user: str) -> dict:
    """The page config JupyterLab sends to the user's browser."""
    code, html = hub.request(f"/user/{user}/lab")
    assert code == 200, f"/user/{user}/lab: {code}"
    found = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_every_learner_gets_the_workspace_and_the_learner_lab(hub):
    """Does each learner's server open on their workspace (lessons, exercises) without instructor tools?"""
    for user in LEARNERS:
        lessons = hub.json(f"/user/{user}/api/contents/lessons")["content"]
        assert any(item["name"].startswith("01-") for item in lessons)
        exercise = hub.json(f"/user/{user}/api/contents/exercises/{SLUG}/{NAME}?content=0")
        assert exercise["type"] == "notebook"
        assert (hub.homes / user / "mlpm-workspace" / "exercises" / SLUG / NAME).is_file()
        disabled = lab_page_config(hub, user)["disabledExtensions"]
        assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"} <= set(disabled)
        assert "@jupyter/nbgrader:assignment-list" not in disabled
        assert hub.status(f"/user/{user}/formgrader") == 404
        assert hub.status(f"/user/{user}/assignments?course_id={COURSE_ID}") == 200


def test_instructor_gets_formgrader(hub):
    """Does the instructor's lab keep nbgrader's instructor tools?"""
    disabled = lab_page_config(hub, INSTRUCTOR)["disabledExtensions"]
    assert "@jupyter/nbgrader:formgrader" not in disabled
    assert hub.status(f"/user/{INSTRUCTOR}/formgrader") == 200


def test_release_fetch_submit_collect_and_grade(hub, tmp_path):
    """Does module 01 go out through the exchange and come back graded: full points, 0, a clear status?"""
    homes, teacher = hub.homes, hub.homes / INSTRUCTOR
    nbgrader(hub, INSTRUCTOR, "instructor", "release_assignment", SLUG)

    workspaces = {user: homes / user / "mlpm-workspace" for user in LEARNERS}
    ada = workspaces["ada"] / "exercises" / SLUG / NAME
    write(attempt(read(ada), solution_answers(read(ROOT / "solutions" / SLUG / NAME))), ada)
    solved = ada.read_bytes()
    shutil.rmtree(workspaces["grace"] / "exercises" / SLUG)  # deleted by mistake: fetch brings it back
    for user in LEARNERS:
        nbgrader(hub, user, "learner", "fetch_assignment", SLUG)
    assert ada.read_bytes() == solved, "fetching overwrote a learner's work"
    assert (workspaces["grace"] / "exercises" / SLUG / NAME).is_file()
    (workspaces["linus"] / "exercises" / SLUG / NAME).write_text('{"cells": [', encoding="utf-8")
    for user in LEARNERS:
        # One OS user plays every learner here, so each names themselves; on a hub each is their own.
        nbgrader(hub, user, "learner", "submit", SLUG, f"--student={user}")

    nbgrader(hub, INSTRUCTOR, "instructor", "collect", SLUG)
    course = teacher / "mlpm-workshop" / "grading"
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(LEARNERS)
    # mlpm grade cannot yet grade a course's own submitted/ into that course (gradebook._replace
    # deletes a file it copies onto itself), so the instructor grades a copy, as the README says.
    collected = shutil.copytree(course / "submitted", teacher / "collected")
    result = subprocess.run(
        [sys.executable, "-m", "mlpm", "grade", SLUG, str(collected), "--course", str(course),
         "--output", str(tmp_path / "report"), "--jobs", "2"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(teacher)})
    assert result.returncode == 0, result.stdout + result.stderr
    with (tmp_path / "report" / "grades.csv").open() as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert (rows["ada"]["status"], float(rows["ada"]["total"])) == ("ok", FULL_AUTO)
    assert (rows["grace"]["status"], float(rows["grace"]["total"])) == ("ok", 0.0)
    assert (rows["linus"]["status"], rows["linus"]["total"]) == ("malformed_notebook", "")
    assert "not a valid notebook" in rows["linus"]["notes"]


def test_kubernetes_values_are_the_charts():
    """Does the Zero to JupyterHub values file parse, use only the chart's top-level keys, and cull idle servers?"""
    values = yaml.safe_load((DEPLOY / "kubernetes" / "values.yaml").read_text())
    assert set(values) <= Z2JH_KEYS
    assert values["cull"]["enabled"] and values["singleuser"]["memory"]["limit"]
