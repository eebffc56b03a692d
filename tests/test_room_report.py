"""Does a learner's check cell tell the room view its outcome (never its answer), and only on the hub?"""

from __future__ import annotations

import csv
import io
import os
import queue
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from nbclient import NotebookClient

from known_wrong.m01_product_strategy import WRONG_ANSWERS
from mlpm.checks import CheckFailed, NotAnsweredYet, Question, room_report
from mlpm.cli import main
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.kernels import IpcKernelManager
from notebook_tools import ROOT
from room_standalone import INSTRUCTOR
from room_standalone import start as start_room_service
from room_stub import LiveRoom, StallingRoom, dead_url

TOKEN = "learner-token-abc"
NOTEBOOK = "/home/jupyter-ada/01-product-strategy/01-strategy-exercises.ipynb"
SECRET = 0.3719  # a learner's value: it must not leave the kernel
# Generous: a check cell that waited for the post would take the 2 s timeout.
NOT_BLOCKED_SECONDS = 0.5


@pytest.fixture
def reporter(monkeypatch):
    """The reporter with a fresh queue and sender, in a learner's kernel on the hub (URL set per test)."""
    monkeypatch.setattr(room_report, "_queue", queue.Queue(maxsize=room_report.QUEUE_SIZE))
    monkeypatch.setattr(room_report, "_sender", None)
    monkeypatch.setattr(room_report, "_module", [])
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", TOKEN)
    monkeypatch.setenv("JPY_SESSION_NAME", NOTEBOOK)
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv(room_report.URL_VARIABLE, raising=False)
    return monkeypatch


@pytest.fixture
def room():
    service = LiveRoom()
    yield service
    service.close()


def _answer(*outcomes: str) -> object:
    """Run a question whose checks pass, fail showing a learner's value, or find no answer; return or raise."""
    q = Question(3, points=3)
    for outcome in outcomes:
        with q.check():
            if outcome == "fail":
                raise AssertionError(f"`rice_scores(toy)['X']` is {SECRET}: RICE divides by effort.")
            elif outcome == "blank":
                rice_scores  # noqa: B018, F821
    try:
        return q.result()
    except (CheckFailed, NotAnsweredYet) as error:
        return error


def _received(room: LiveRoom, count: int) -> list[tuple[dict, dict]]:
    return [room.received.get(timeout=5) for _ in range(count)]


def test_every_outcome_reaches_the_room_with_the_learners_token(reporter, room):
    """Do passed, partial, failed and unanswered runs each post the protocol's body with the hub token?"""
    reporter.setenv(room_report.URL_VARIABLE, room.url)
    for outcomes in (["pass", "pass"], ["pass", "fail"], ["fail", "fail"], ["blank"]):
        _answer(*outcomes)
    posts = _received(room, 4)
    assert all(headers["Authorization"] == f"token {TOKEN}" for headers, _ in posts)
    bodies = [body for _, body in posts]
    assert [b["status"] for b in bodies] == ["passed", "partial", "failed", "unanswered"]
    assert [(b["points"], b["max_points"], b["passed"], b["total"]) for b in bodies] == [
        (3.0, 3.0, 2, 2), (1.5, 3.0, 1, 2), (0.0, 3.0, 0, 2), (0.0, 3.0, 0, 1)]
    assert {b["module"] for b in bodies} == {"01-product-strategy"}
    assert {b["question"] for b in bodies} == {"3"}
    assert bodies[0]["message"] is None
    assert bodies[1]["message"] == "`rice_scores(toy)[…]` is …: RICE divides by effort."
    assert "not defined yet" in bodies[3]["message"]
    assert all(str(SECRET) not in str(body) and "37" not in str(body["message"]) for body in bodies)
    assert set(bodies[0]) == {"module", "question", "points", "max_points", "passed", "total", "status",
                              "message", "sent"}
    assert time.strptime(bodies[0]["sent"], "%Y-%m-%dT%H:%M:%SZ")


def test_the_room_service_keeps_what_a_check_cell_sends(reporter, tmp_path):
    """Does the real mlpm-room service take the reporter's body and keep it under the token's owner?"""
    process, base = start_room_service(tmp_path / "room.sqlite")
    try:
        reporter.setenv(room_report.URL_VARIABLE, base + "api/results")
        reporter.setenv("JUPYTERHUB_API_TOKEN", "learner-ada")
        _answer("pass", "fail")
        request = urllib.request.Request(base + "api/timeline.csv", headers={"Authorization": f"token {INSTRUCTOR}"})
        rows: list[dict] = []
        deadline = time.monotonic() + 10
        while not rows and time.monotonic() < deadline:
            time.sleep(0.1)
            with urllib.request.urlopen(request, timeout=5) as response:
                rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    finally:
        process.terminate()
        process.wait()
    assert [(r["user"], r["module"], r["question"], r["status"]) for r in rows] == [
        ("ada", "01-product-strategy", "3", "partial")]
    assert rows[0]["message"] == "`rice_scores(toy)[…]` is …: RICE divides by effort."


def test_messages_are_masked_to_one_short_line():
    """Are numbers and quoted literals masked, apostrophes and names kept, and the line cut at 200 characters?"""
    mask = room_report.mask
    assert mask("`q3_answer['churn']` is 0.12 but\n  should be  -4e-3 (12%).") == \
        "`q3_answer[…]` is … but should be … (…%)."
    assert mask('The plan doesn\'t name "Ada Lovelace" or 1,200 users.') == \
        "The plan doesn't name … or … users."
    assert mask("Your code raised KeyError ('segment_7')") == "Your code raised KeyError (…)"
    long = mask("word " * 100)
    assert len(long) == room_report.MESSAGE_CHARS and long.endswith("…")
    assert mask(None) is None


def test_the_module_is_read_from_the_notebook_the_kernel_runs():
    """Is the module the notebook's folder, or the module of an exercise notebook of that name, else None?"""
    assert room_report.module_slug(NOTEBOOK) == "01-product-strategy"
    assert room_report.module_slug("/home/ada/copy/01-strategy-exercises.ipynb") == "01-product-strategy"
    assert room_report.module_slug("/home/ada/scratch.ipynb") is None
    assert room_report.module_slug("") is None


def test_nothing_is_sent_or_started_off_the_hub():
    """Off the hub, does a check cell start no thread and not even import urllib.request?"""
    code = ("import sys, threading\n"
            "from mlpm.checks import Question\n"
            "q = Question(1, points=1)\n"
            "with q.check():\n    pass\n"
            "q.result()\n"
            "print('urllib.request' in sys.modules, threading.active_count())")
    env = {k: v for k, v in os.environ.items() if k not in ("MLPM_ROOM_URL", "JUPYTERHUB_API_TOKEN")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "1"]
    assert result.stderr == ""


@pytest.mark.parametrize("unset", ["MLPM_ROOM_URL", "JUPYTERHUB_API_TOKEN"])
def test_both_variables_are_needed(reporter, room, unset):
    """Without the room URL or without the learner's token, is nothing sent?"""
    reporter.setenv(room_report.URL_VARIABLE, room.url)
    reporter.delenv(unset)
    _answer("pass", "fail")
    with pytest.raises(queue.Empty):
        room.received.get(timeout=0.5)
    assert room_report._sender is None


def test_an_nbgrader_run_does_not_report(reporter, room):
    """When nbgrader executes the notebook (autograde, validate), is nothing sent?"""
    reporter.setenv(room_report.URL_VARIABLE, room.url)
    reporter.setenv("NBGRADER_EXECUTION", "autograde")
    _answer("pass", "fail")
    with pytest.raises(queue.Empty):
        room.received.get(timeout=0.5)


@pytest.mark.notebooks
def test_a_headless_kernel_cannot_report(reporter, room):
    """Does a kernel that mlpm grade, check or run starts lose the room URL, so its check cells send nothing?"""
    reporter.setenv(room_report.URL_VARIABLE, room.url)
    cell = ("import os\nfrom mlpm.checks import Question\n"
            "q = Question(1, points=1)\nwith q.check():\n    pass\nq.result()\n"
            "print(repr(os.environ.get('MLPM_ROOM_URL')))")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)])
    NotebookClient(notebook, timeout=60, kernel_name="python3", kernel_manager_class=IpcKernelManager).execute()
    printed = [output for output in notebook.cells[0].outputs if output.get("name") == "stdout"]
    assert printed[0]["text"].strip() == "None"
    with pytest.raises(queue.Empty):
        room.received.get(timeout=0.5)


@pytest.mark.nbgrader
def test_mlpm_check_does_not_report(reporter, room, tmp_path, capsys):
    """Does `mlpm check`, run where a learner's room URL and token are set, grade without sending anything?"""
    reporter.setenv(room_report.URL_VARIABLE, room.url)
    slug, name = "01-product-strategy", "01-strategy-exercises.ipynb"
    answers = solution_answers(read(ROOT / "solutions" / slug / name))
    gid, code, _ = WRONG_ANSWERS["rice-multiplies-effort"]
    notebook = write(attempt(read(ROOT / "exercises" / slug / name), {**answers, gid: code}), tmp_path / name)
    assert main(["check", str(notebook), "--cell-timeout", "30"]) == 0
    assert "Automatic points: 20 / 21" in capsys.readouterr().out  # every check cell ran, one partly wrong
    with pytest.raises(queue.Empty):
        room.received.get(timeout=0.5)


@pytest.mark.parametrize("service", ["dead", "stalling", "malformed URL"])
def test_a_dead_or_stalling_room_neither_slows_nor_shows(reporter, capfd, service):
    """With the service down or hanging (or a broken URL), do 50 check cells run without waiting and print nothing?"""
    stalling = StallingRoom() if service == "stalling" else None
    url = {"dead": dead_url, "stalling": lambda: stalling.url, "malformed URL": lambda: "http://[::1/api"}[service]()
    reporter.setenv(room_report.URL_VARIABLE, url)
    try:
        start = time.perf_counter()
        for _ in range(50):
            _answer("pass", "fail")
        seconds = time.perf_counter() - start
        time.sleep(0.3)  # let the sender try (and fail) a few posts
    finally:
        if stalling:
            stalling.close()
    assert seconds < NOT_BLOCKED_SECONDS
    assert room_report._queue.qsize() <= room_report.QUEUE_SIZE
    assert capfd.readouterr() == ("", "")


def test_a_full_queue_drops_outcomes_instead_of_growing(reporter):
    """While the sender is stuck, is the queue capped at QUEUE_SIZE and the rest dropped quietly?"""
    stalling = StallingRoom()
    reporter.setenv(room_report.URL_VARIABLE, stalling.url)
    try:
        for _ in range(3 * room_report.QUEUE_SIZE):
            _answer("pass")
        waiting = room_report._queue.qsize()
    finally:
        stalling.close()
    # The sender holds at most one outcome in its stuck post; the queue holds at most QUEUE_SIZE more.
    assert room_report.QUEUE_SIZE - 1 <= waiting <= room_report.QUEUE_SIZE
