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
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
import yaml

from hub_tools import DEPLOY, INSTRUCTOR, PROXY, ROOT, Hub
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.hub import config_path

pytestmark = pytest.mark.hub

SLUG, NAME = "01-product-strategy", "01-strategy-exercises.ipynb"
FULL_AUTO = 21.0
LEARNERS = ("ada", "grace", "linus")  # hands in: the solution's answers, a blank, a broken file
COURSE_ID = "mlpm-workshop"
# The chart's top-level keys, from its jupyterhub/values.schema.yaml (which allows no others).
Z2JH_KEYS = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecret", "imagePullSecrets", "hub",
             "rbac", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "custom", "cull", "debug",
             "global"}


def nbgrader(hub: Hub, user: str, role: str, *args: str) -> None:
    """Run the nbgrader command line as ``user`` would in a terminal on their server."""
    home = hub.homes / user
    env = {**os.environ, "HOME": str(home), "USER": user, "MLPM_EXCHANGE": str(hub.exchange),
           "JUPYTER_CONFIG_PATH": os.pathsep.join(str(p) for p in config_path(role))}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=home, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} as {user}:\n{result.stdout}\n{result.stderr}"


def each_learner(action) -> None:
    """Do ``action(user)`` for every learner at once, as a room does."""
    with ThreadPoolExecutor(len(LEARNERS)) as pool:
        list(pool.map(action, LEARNERS))


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
        hub.start_servers([INSTRUCTOR, *LEARNERS])
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
    each_learner(lambda user: nbgrader(hub, user, "learner", "fetch_assignment", SLUG))
    assert ada.read_bytes() == solved, "fetching overwrote a learner's work"
    assert (workspaces["grace"] / "exercises" / SLUG / NAME).is_file()
    (workspaces["linus"] / "exercises" / SLUG / NAME).write_text('{"cells": [', encoding="utf-8")
    # One OS user plays every learner here, so each names themselves; on a hub each is their own.
    each_learner(lambda user: nbgrader(hub, user, "learner", "submit", SLUG, f"--student={user}"))

    nbgrader(hub, INSTRUCTOR, "instructor", "collect", SLUG)
    course = teacher / "mlpm-workshop" / "grading"
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(LEARNERS)
    result = subprocess.run(
        [sys.executable, "-m", "mlpm", "grade", SLUG, str(course / "submitted"), "--course", str(course),
         "--output", str(tmp_path / "report"), "--jobs", "2"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(teacher)})
    assert result.returncode == 0, result.stdout + result.stderr
    with (tmp_path / "report" / "grades.csv").open() as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert (rows["ada"]["status"], float(rows["ada"]["total"])) == ("ok", FULL_AUTO)
    assert (rows["grace"]["status"], float(rows["grace"]["total"])) == ("ok", 0.0)
    assert (rows["linus"]["status"], rows["linus"]["total"]) == ("malformed_notebook", "")
    assert "not a valid notebook" in rows["linus"]["notes"]
    assert all((course / "submitted" / user / SLUG).is_dir() for user in LEARNERS), "grading kept the submissions"


def test_kubernetes_values_are_the_charts():
    """Does the Zero to JupyterHub values file parse, use only the chart's top-level keys, and cull idle servers?"""
    values = yaml.safe_load((DEPLOY / "kubernetes" / "values.yaml").read_text())
    assert set(values) <= Z2JH_KEYS
    assert values["cull"]["enabled"] and values["singleuser"]["memory"]["limit"]


def test_unknown_role_is_refused_in_one_line(tmp_path):
    """Does a server with a role the hub should not set stop with a clear line, touching nothing?"""
    env = {**os.environ, "MLPM_ROLE": "teacher", "MLPM_WORKSPACE": str(tmp_path / "ws")}
    result = subprocess.run([sys.executable, "-m", "mlpm.hub"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "MLPM_ROLE must be one of learner, instructor, not 'teacher'"
    assert not (tmp_path / "ws").exists()
