"""Does a room run on a real JupyterHub set up as deploy/ says, and is every learner kept in their place?

One hub on 127.0.0.1 with deploy/jupyterhub_config.py as shipped (only its ports and folders
set through its environment variables), PAM login and real Unix accounts (tests/hub_tools.py):
an instructor with a private checkout of the course, three learners and an outsider. Learners
log in through the login form; module 01 goes out through nbgrader's exchange and comes back
graded by `mlpm grade`. As a learner, every attack the route must stop is tried: reading the
course source, the gradebook and a classmate's work, taking over the exchange's course folder,
submitting in a classmate's name, using more memory than the limit, leaving a process behind.
The room view (issue 25): learners' real check cells reach the instructor's page in a real
browser, live; a learner can neither read it nor report as a classmate; a restart loses nothing.
At the end every process the hub and the accounts started is gone and nothing listens on its
ports; the accounts and their homes are removed. (The venv under test is an editable install
of this checkout, which any account on the machine can read; on a real hub the venv holds a
built wheel without solutions/, see the README.)
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest
import yaml

from hub_tools import DEPLOY, PYTHON, ROOT, Hub, Room, why_not
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.hub import ASSIGNMENT_LIST, HUB_CONFIG, config_path, singleuser_command
from mlpm.room.grid import known_questions
from test_browser import CHROMIUM, chromium  # noqa: F401 - the fixture

pytestmark = pytest.mark.hub

SLUG, NAME = "01-product-strategy", "01-strategy-exercises.ipynb"
FULL_AUTO = 21.0
COURSE_ID = "mlpm-workshop"
# What the instructor's checkout needs to run nbgrader and `mlpm grade` (as `git clone` gives it).
CHECKOUT = ("pyproject.toml", "src", "solutions", "exercises", "datasets", "notebooks", "grading")
RUN_TIME_STATE = ("gradebook.db", "submitted", "autograded", "feedback", "release", "reports", ".nbgrader.log",
                  "__pycache__", "*.egg-info")
# The chart's top-level keys, from its jupyterhub/values.schema.yaml (which allows no others).
Z2JH_KEYS = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecret", "imagePullSecrets", "hub",
             "rbac", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "custom", "cull", "debug",
             "global"}
FIGURES: dict[str, float] = {}


def timed(name: str, action):
    """Run ``action()``, keeping its wall time under ``name`` (printed at the end of the module)."""
    start = time.perf_counter()
    result = action()
    FIGURES[name] = time.perf_counter() - start
    return result


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, f"{result.args[-6:]}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, f"{result.args[-6:]} was allowed:\n{result.stdout}"
    return result.stderr


@pytest.fixture(scope="module")
def hub():
    """A running hub; the instructor's course checked out; every learner logged in through the form."""
    if why_not():
        pytest.skip(why_not())
    room = Room(["ada", "grace", "linus"])
    hub = Hub(room)
    try:
        room.create()
        course = room.home(room.instructor) / "mlpm-workshop"
        course.mkdir()
        for name in CHECKOUT:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, course / name, ignore=shutil.ignore_patterns(*RUN_TIME_STATE))
            else:
                shutil.copy(ROOT / name, course / name)
        subprocess.run(["chown", "-R", f"{room.instructor}:", str(course)], check=True)
        timed("hub start", hub.start)
        with ThreadPoolExecutor(len(room.learners)) as pool:
            sessions = pool.map(lambda user: hub.login(user)[1], room.learners)
            hub.sessions = dict(zip(room.learners, sessions, strict=True))
        timed("spawn 3 learners (login) and the instructor",
              lambda: hub.start_servers([room.instructor, *room.learners]))
        yield hub
    finally:
        if hub.process is not None:
            hub.stop()
        left = [p for p in psutil.process_iter(["username", "pid", "cmdline"])
                if p.info["username"] in room.made]
        _, left = psutil.wait_procs(left, timeout=15)  # those still exiting as the hub stopped are not left over
        room.close()
        hub.close()
        print("\nhub figures (s): " + ", ".join(f"{k} {v:.1f}" for k, v in FIGURES.items()))
    alive = [p.pid for p in hub.seen.values() if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"still running after the hub stopped: {alive}"
    assert not left, f"the accounts' processes outlived their servers: {[p.info for p in left]}"
    listening = {c.laddr.port for c in psutil.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}
    assert not hub.ports & listening, f"ports still listening: {sorted(hub.ports & listening)}"


def lab_page_config(hub: Hub, user: str) -> dict:
    """The page config JupyterLab sends to the user's browser."""
    code, html = hub.request(f"/user/{user}/lab")
    assert code == 200, f"/user/{user}/lab: {code}"
    found = re.search(rb'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_only_the_rooms_accounts_log_in(hub):
    """Do learners log in with their Unix password, and are a wrong password and an outsider refused?"""
    room = hub.room
    assert hub.login(room.learners[0])[0] == 200
    assert hub.login(room.learners[0], "not-the-password")[0] == 403
    assert hub.login(room.outsider)[0] == 403
    for user, session in hub.sessions.items():
        assert session.request(f"/user/{user}/lab")[0] == 200


def test_state_exchange_and_culler_are_set_up_as_deploy_says(hub):
    """Is the hub's state in its root-only folder, the exchange sticky with the instructor's course, the culler on?"""
    assert (hub.state / "jupyterhub.sqlite").is_file() and (hub.state / "jupyterhub_cookie_secret").is_file()
    assert hub.state.stat().st_mode & 0o777 == 0o700
    assert not list(hub.base.glob("jupyterhub*")), "hub state in the folder it was started from"
    assert hub.exchange.stat().st_mode & 0o7777 == 0o1777
    course = hub.exchange / COURSE_ID
    assert course.stat().st_uid == hub.room.uid(hub.room.instructor)
    assert (course / "inbound").stat().st_mode & 0o7777 == 0o3733
    assert hub.json("/hub/api/services")["idle-culler"]["pid"], "the idle culler is not running"


def test_every_learner_gets_the_workspace_the_assignments_and_mlpm(hub):
    """Does each learner's lab open on their workspace, with Assignments, no instructor tools, mlpm on PATH?"""
    for user in hub.room.learners:
        lessons = hub.json(f"/user/{user}/api/contents/lessons")["content"]
        assert any(item["name"].startswith("01-") for item in lessons)
        assert hub.json(f"/user/{user}/api/contents/exercises/{SLUG}/{NAME}?content=0")["type"] == "notebook"
        disabled = set(lab_page_config(hub, user)["disabledExtensions"])
        assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                "@jupyter/nbgrader:course-list"} <= disabled
        assert not {"@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:menu"} & disabled
        assert hub.status(f"/user/{user}/formgrader") == 404
        assert hub.status(f"/user/{user}/assignments?course_id={COURSE_ID}") == 200
    printed = hub.terminal(hub.room.learners[0], "command -v mlpm nbgrader; stat -c %a ~")
    venv = PYTHON.parent
    assert f"{venv}/mlpm" in printed and f"{venv}/nbgrader" in printed
    assert "\n700" in printed.replace("\r", ""), "the learner's home is not private"


def test_instructor_gets_formgrader_and_the_course_tools(hub):
    """Does the instructor's lab keep nbgrader's instructor tools, with nbgrader and mlpm in the terminal?"""
    instructor = hub.room.instructor
    assert "@jupyter/nbgrader:formgrader" not in lab_page_config(hub, instructor)["disabledExtensions"]
    assert hub.status(f"/user/{instructor}/formgrader") == 200
    printed = hub.terminal(instructor, "nbgrader --version && mlpm --help | head -1")
    assert "0.9" in printed and "usage: mlpm" in printed


def test_release_fetch_submit_collect_grade_and_forgery(hub, tmp_path):
    """Does module 01 go out and come back graded, a submission in a classmate's name refused?

    ada hands in the solution's answers, grace a blank, linus a broken file; then grace submits a
    blank in ada's name. ada keeps her 21 points and her row names grace.
    """
    room, run = hub.room, hub.run_as
    ada, grace, linus = room.learners
    teacher = room.instructor
    ok(run(teacher, "nbgrader", "release_assignment", SLUG))

    workspaces = {user: room.home(user) / "mlpm-workspace" / "exercises" / SLUG for user in room.learners}
    mine = workspaces[ada] / NAME
    write(attempt(read(mine), solution_answers(read(ROOT / "solutions" / SLUG / NAME))), mine)
    solved = mine.read_bytes()
    shutil.rmtree(workspaces[grace])  # deleted by mistake: fetch brings it back
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda user: ok(run(user, "nbgrader", "fetch_assignment", SLUG)), room.learners))
    assert mine.read_bytes() == solved, "fetching overwrote a learner's work"
    assert (workspaces[grace] / NAME).is_file()
    (workspaces[linus] / NAME).write_text('{"cells": [', encoding="utf-8")
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda user: ok(run(user, "nbgrader", "submit", SLUG)), room.learners))
    ok(run(grace, "nbgrader", "submit", SLUG, f"--student={ada}"))  # the forgery, after ada's own

    course = room.home(teacher) / "mlpm-workshop" / "grading"
    timed("collect", lambda: ok(run(teacher, "nbgrader", "collect", "--update", SLUG)))
    assert sorted(p.name for p in (course / "submitted").iterdir()) == sorted(room.learners)
    report = room.home(teacher) / "report"
    timed("mlpm grade (3 submissions)", lambda: ok(run(
        teacher, "mlpm", "grade", SLUG, str(course / "submitted"), "--course", str(course),
        "--output", str(report), "--jobs", "2", timeout=300)))
    with (report / "grades.csv").open() as f:
        rows = {row["student"]: row for row in csv.DictReader(f)}
    assert (rows[ada]["status"], float(rows[ada]["total"])) == ("ok", FULL_AUTO)
    assert f"handed in under this name by {grace}, not by {ada}" in rows[ada]["notes"]
    assert f"graded {ada}'s own submission" in rows[ada]["notes"]
    assert (rows[grace]["status"], float(rows[grace]["total"])) == ("ok", 0.0)
    assert (rows[linus]["status"], rows[linus]["total"]) == ("malformed_notebook", "")
    assert "not a valid notebook" in rows[linus]["notes"]

    # What a learner must not read: the course source, the gradebook, grades, a classmate's work.
    checkout = room.home(teacher) / "mlpm-workshop"
    for secret in (checkout / "solutions" / SLUG / NAME, course / "gradebook.db", report / "grades.csv",
                   checkout / "grading" / "references", room.home(ada) / "mlpm-workspace" / "exercises"):
        assert "Permission denied" in refused(run(grace, "ls", "-l", str(secret)))
    assert "Permission denied" in refused(run(grace, "cat", str(mine)))
    # The exchange: its course folder cannot be renamed, released into, or replaced.
    exchange = hub.exchange / COURSE_ID
    assert "Operation not permitted" in refused(run(grace, "mv", str(exchange), f"{exchange}-old"))
    refused(run(grace, "mkdir", str(exchange / "outbound" / "00-fake")))
    refused(run(grace, "rm", "-rf", str(exchange / "outbound" / SLUG)))
    refused(run(grace, "ls", str(exchange / "inbound")))
    assert (exchange / "outbound" / SLUG / NAME).is_file()


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: `.ci/run` installs it as root (apt-get)")
def test_a_learner_finds_the_assignments_in_the_lab(hub, request):
    """In a real browser, does a learner who logs in find Nbgrader -> Assignment List, listing module 01?"""
    learner = hub.room.learners[2]
    if not (hub.exchange / COURSE_ID / "outbound" / SLUG).is_dir():  # when run without the class flow
        ok(hub.run_as(hub.room.instructor, "nbgrader", "release_assignment", SLUG))
    page = request.getfixturevalue("chromium")()
    hub.browser_login(page, learner)
    page.wait_for("!!document.querySelector('.lm-MenuBar-itemLabel')", "JupyterLab's menu bar", seconds=90)
    page.click("[...document.querySelectorAll('.lm-MenuBar-itemLabel')].find(e => e.textContent === 'Nbgrader')")
    shown = "[...document.querySelectorAll('.lm-Menu-item:not(.lm-mod-hidden)')].map(e => e.textContent)"
    assert page.wait_for(shown, "the Nbgrader menu") == ["Assignment List"]  # no instructor tools
    page.click("[...document.querySelectorAll('.lm-Menu-itemLabel')].find(e => e.textContent === 'Assignment List')")
    listed = page.wait_for("(document.querySelector('.nbgrader-mainarea-widget') || {}).innerText",
                           "the assignment list", seconds=60)
    page.wait_for(f"document.querySelector('.nbgrader-mainarea-widget').innerText.includes({json.dumps(SLUG)})",
                  f"{SLUG} in the assignment list ({listed!r})", seconds=60)


def test_a_learner_cannot_use_more_memory_than_the_limit(hub):
    """Is a kernel that goes past the 1 GiB per-server limit stopped, with the server still up?"""
    if "NOT enforced" in hub.log.read_text():
        pytest.skip("the hub enforces no limits on this machine (no systemd with jupyterhub-systemdspawner, "
                    "no writable cgroup v1), and says so, as the README's limits table does")
    learner = hub.room.learners[1]
    ended, printed = hub.execute(learner, "held = []\nfor _ in range(150):\n    held.append(bytearray(10 * 2**20))\n"
                                          "print('held', len(held) * 10, 'MiB')")
    assert ended in ("restarting", "dead"), f"the kernel ended {ended!r} and printed {printed!r}"
    assert "held" not in printed
    assert hub.status(f"/user/{learner}/api/status") == 200
    # A process started in its own session must still stop with the server (checked at the end).
    ended, _ = hub.execute(learner, "import subprocess\nsubprocess.Popen(['setsid', 'sleep', '600'])")
    assert ended == "ok"


def test_kubernetes_values_are_the_charts():
    """Does the Zero to JupyterHub values file use only the chart's keys, cull, limit, log in for real and use TLS?"""
    values = yaml.safe_load((DEPLOY / "kubernetes" / "values.yaml").read_text())
    assert set(values) <= Z2JH_KEYS
    assert values["cull"]["enabled"] and values["singleuser"]["memory"]["limit"]
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] != "dummy"
    assert values["proxy"]["https"]["enabled"]
    assert "extraVolumes" not in values["singleuser"]["storage"], "no shared exchange: every pod has the same uid"
    compile(values["hub"]["extraConfig"]["mlpm-role"], "mlpm-role", "exec")
    room = values["hub"]["services"]["mlpm-room"]
    assert room["command"] == ["python3", "-m", "mlpm.room"] and room["oauth_no_confirm"]
    assert values["singleuser"]["extraEnv"]["MLPM_ROOM_URL"] == f"{room['url']}/services/mlpm-room/api/results"
    assert values["hub"]["loadRoles"]["mlpm-room-instructors"]["groups"] == ["instructors"]


def test_kubernetes_images_copy_what_the_wheel_includes():
    """Does each image copy every folder the wheel force-includes (else `pip install` fails in the build)?"""
    included = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"][
        "force-include"]
    for image in ("Dockerfile", "Dockerfile.hub"):
        copied = {line.split()[-2] for line in (DEPLOY / "kubernetes" / image).read_text().splitlines()
                  if line.startswith("COPY ")}
        assert set(included) <= copied, f"{image} does not copy {sorted(set(included) - copied)}"


def test_unknown_role_is_refused_in_one_line(tmp_path):
    """Does a server with a role the hub should not set stop with a clear line, touching nothing?"""
    env = {**os.environ, "MLPM_ROLE": "teacher", "MLPM_WORKSPACE": str(tmp_path / "ws")}
    result = subprocess.run([sys.executable, "-m", "mlpm.hub"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "MLPM_ROLE must be one of learner, instructor, not 'teacher'"
    assert not (tmp_path / "ws").exists()


def test_without_an_exchange_learners_get_the_plain_learner_lab(tmp_path):
    """Where the hub has no exchange (Kubernetes hands in through the LMS), is Assignments off for learners?"""
    with_exchange = singleuser_command("learner", tmp_path, [], exchange=True)
    without = singleuser_command("learner", tmp_path, [], exchange=False)
    off = f"{ASSIGNMENT_LIST}=False"
    assert off not in with_exchange and off in without
    assert HUB_CONFIG / "learner" in config_path("learner", exchange=True)
    assert HUB_CONFIG / "learner" not in config_path("learner", exchange=False)


# --- the room view (issue 25): learners' check cells report, only the instructor looks ----------

ROOM = "/services/mlpm-room/"
EXERCISE = f"exercises/{SLUG}/{NAME}"
# Runs a learner makes in their exercise notebook's kernel: (answer cell, answer or None for the
# handed-out blank), each followed by the question's test cell, as Shift+Enter on both does.
# The cells are the handed-out notebook's (the learner's copy may be anything by now).
CHECK_CELLS = """
import time
cells = {cells!r}
exec(cells["parameters"]); exec(cells["setup"])
for cell, answer in {runs!r}:
    for source in (answer or cells[cell], cells[cell.replace("_answer", "_test")]):
        try:
            exec(source)
        except Exception as error:
            print(type(error).__name__)
time.sleep(2)  # the reporter posts from its own thread
"""
# What a learner tries against the room: posting with no token, a made-up one, or naming a
# classmate in the body; reading the page, the events and the CSV with their own token.
ATTACKS = """
import json, os, urllib.error, urllib.request
url = os.environ["MLPM_ROOM_URL"]
base = url.rsplit("api/results", 1)[0]
def call(url, token=os.environ["JUPYTERHUB_API_TOKEN"], body=None):
    request = urllib.request.Request(url, None if body is None else json.dumps(body).encode(),
                                     headers={{"Authorization": "token " + token}} if token else {{}})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
forged = {{"module": {slug!r}, "question": "2", "status": "passed", "user": {victim!r}}}
print(json.dumps({{"no token": call(url, None, forged), "made-up token": call(url, "0" * 32, forged),
                  "as a classmate": call(url, body=forged), "malformed": call(url, body={{"question": 3}}),
                  "page": call(base), "events": call(base + "api/events"), "csv": call(base + "api/timeline.csv")}}))
"""
GRID = ("Object.fromEntries([...document.querySelectorAll('td[data-user]')]"
        ".map(td => [td.dataset.user + '/' + td.dataset.question, td.className]))")
COUNTS = ("Object.fromEntries([...document.querySelectorAll('[data-summary-question]')]"
          ".map(e => [e.dataset.summaryQuestion, e.textContent]))")


def room_checks(hub: Hub, user: str, runs: list[tuple[str, str | None]]) -> str:
    """Run check cells in ``user``'s module-01 notebook kernel; return what they printed."""
    handed_out = {cell.get("id"): "".join(cell["source"]) for cell in read(ROOT / EXERCISE)["cells"]
                  if cell["cell_type"] == "code"}
    ended, printed = hub.execute(user, CHECK_CELLS.format(cells=handed_out, runs=runs), notebook=EXERCISE,
                                 seconds=180)
    assert ended == "ok", f"{user}'s check cells ended {ended}: {printed}"
    return printed


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: `.ci/run` installs it as root (apt-get)")
def test_the_instructor_sees_the_room_live_and_learners_see_nothing(hub, request, tmp_path):
    """Do three learners' real check cells show up, live, on the instructor's room page, stuck flag and counts
    included, while a learner can neither read the room nor report as a classmate, and a restart loses nothing?

    ada passes questions 1 and 3; grace fails 1, then passes it, and gets 3 wrong; linus gets 1
    partly right three times (stuck) and runs 3's check before answering it. grace's post naming
    ada counts as grace's own.
    """
    from known_wrong.m01_product_strategy import WRONG_ANSWERS

    room, teacher = hub.room, hub.room.instructor
    ada, grace, linus = room.learners
    solved = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
    wrong_q1 = WRONG_ANSWERS["reach-as-mention-count"][1]
    wrong_q3 = WRONG_ANSWERS["rice-multiplies-effort"][1]
    plans = {ada: [("q1_answer", solved["q1_answer"]), ("q3_answer", solved["q3_answer"])],
             grace: [("q1_answer", wrong_q1), ("q1_answer", solved["q1_answer"]), ("q3_answer", wrong_q3)],
             linus: [("q1_answer", wrong_q1)] * 3 + [("q3_answer", None)]}
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda user: room_checks(hub, user, plans[user]), plans))

    # As a learner: nothing to read, nobody to impersonate.
    ended, printed = hub.execute(grace, ATTACKS.format(slug=SLUG, victim=ada))
    assert ended == "ok", printed
    assert json.loads(printed.strip().splitlines()[-1]) == {
        "no token": 403, "made-up token": 403, "as a classmate": 204, "malformed": 400,
        "page": 403, "events": 403, "csv": 403}
    for path in ("", "api/events", "api/timeline.csv"):
        assert hub.sessions[grace].request(ROOM + path)[0] == 403, f"a learner's browser read {path or 'the page'}"
    assert "mlpm-room" not in hub.sessions[grace].request("/hub/home")[1].decode()
    code, instructor = hub.login(teacher)
    assert code == 200 and "/services/mlpm-room/" in instructor.request("/hub/home")[1].decode()
    database = hub.state / "mlpm-room.sqlite"
    assert database.stat().st_uid == 0 and database.stat().st_mode & 0o777 == 0o600
    assert "Permission denied" in refused(hub.run_as(grace, "cat", str(database)))

    # The instructor's page, in a real browser.
    page = request.getfixturevalue("chromium")()
    hub.browser_login(page, teacher)
    page.wait_for("document.readyState === 'complete' && !location.pathname.startsWith('/hub/login')",
                  "the instructor logged in", seconds=60)
    page.send("Page.navigate", url=f"{hub.url}{ROOM}")
    # Module 01's whole row of questions (1-9), "none" (not run yet) wherever nobody has reported.
    questions = [number for number, _ in known_questions(ROOT / "exercises")[SLUG]]
    expected = {f"{user}/{number}": "none" for user in room.learners for number in questions}
    expected |= {f"{ada}/1": "passed", f"{ada}/3": "passed",
                 f"{grace}/1": "passed", f"{grace}/2": "passed", f"{grace}/3": "failed",
                 f"{linus}/1": "partial stuck", f"{linus}/3": "unanswered"}
    deadline = time.monotonic() + 30
    while (grid := page.evaluate(GRID)) != expected:
        assert time.monotonic() < deadline, (f"the grid is {grid}, not {expected}; the page "
                                             f"{page.evaluate('location.href + document.body.innerText')}")
        time.sleep(0.5)
    counts = page.evaluate(COUNTS)
    assert counts["1"] == "2 / 3 · 1 stuck" and counts["3"] == "1 / 3", counts
    assert "Reach is a share of all interviewees" in page.evaluate("document.querySelector('tfoot').innerText")
    page.screenshot(tmp_path / "room.png")

    # Live: a new run shows without a reload, within seconds of the check cell.
    room_checks(hub, ada, [("q2_answer", solved["q2_answer"])])
    start = time.monotonic()
    while (grid := page.evaluate(GRID))[f"{ada}/2"] != "passed":
        assert time.monotonic() - start < 10, f"ada's question 2 not shown live within 10 s: {grid}"
        time.sleep(0.2)

    # The projector view: counts, no names.
    page.send("Page.navigate", url=f"{hub.url}{ROOM}?projector=1")
    page.wait_for(f"document.querySelectorAll('#wall .q').length === {len(questions)}", "the projector view")
    shown = page.evaluate("document.body.innerText")
    assert not any(name in shown for name in room.learners) and "2 / 3" in shown
    page.screenshot(tmp_path / "room-projector.png")

    # The service restarted (it dies; the hub starts it again): nothing lost, the CSV complete.
    pid = hub.json("/hub/api/services")["mlpm-room"]["pid"]
    os.kill(pid, 15)
    hub.wait(lambda: hub.json("/hub/api/services")["mlpm-room"]["pid"] not in (0, pid, None)
             and hub.status(ROOM + "room.js") == 200, "the room service restarted", seconds=90)
    page.send("Page.navigate", url=f"{hub.url}{ROOM}")
    page.wait_for(f"({GRID})[{json.dumps(linus + '/1')}] === 'partial stuck'", "the grid after a restart", seconds=30)
    code, text = instructor.request(ROOM + f"api/timeline.csv?module={SLUG}")
    rows = list(csv.DictReader(text.decode().splitlines()))
    assert code == 200 and len(rows) == 2 + 3 + 4 + 1 + 1, rows  # the malformed post is not a row
    # grace's post naming ada is grace's row; ada's is her own run, live above
    assert [row["user"] for row in rows if row["question"] == "2"] == [grace, ada]
    print(f"\nroom screenshots: {tmp_path}")
