"""Does reporting to the room view slow a learner's check cell? Time one with the service live, down and stalling.

Usage: python benchmarks/room_reporting.py [--runs 100] [--pause 0.1]

The check cell is module 01's Question 1 test cell (visible and hidden checks, from
``solutions/``), run in this process on the model answer (it passes) and on the known-wrong
answer "reach-as-mention-count" (no check passes: ``CheckFailed``, the message masked and sent).
Four conditions, as a learner's kernel would meet them:

- (a) off the hub: no ``MLPM_ROOM_URL``, nothing is sent;
- (b) on the hub, service live: the real ``mlpm room`` in a process of its own
  (``tests/room_standalone.py``: the hub's token check stood in for);
- (c) service down: the URL's port is closed (connection refused);
- (d) service stalling: the port accepts connections but never answers (each post waits the 2 s timeout);
- (a') off the hub again: a control, whose ratio to (a) shows how far the machine's noise alone goes.

Between runs the kernel idles ``--pause`` seconds, as a learner reads the result (the sender
posts then); ``--pause 0`` runs cells back to back, the worst case, where the post competes with
the next cell for the interpreter. The conditions are interleaved run by run (each first in
turn, each with its own reporter queue and sender), so that the load of a shared machine falls
on all of them alike. The reporter's own call
(what ``Question.result()`` adds) is also timed alone. Prints a markdown table: median and 95th
percentile per run, and the ratio of medians to (a) from the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import queue
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from known_wrong.m01_product_strategy import WRONG_ANSWERS  # noqa: E402 - the fixtures live in tests/
from mlpm.checks import CheckFailed, NotAnsweredYet, room_report  # noqa: E402
from mlpm.grading.attempts import read, solution_answers  # noqa: E402
from mlpm.grading.course import nbgrader_cells  # noqa: E402
from mlpm.room.service import RATE  # noqa: E402
from room_standalone import INSTRUCTOR, start  # noqa: E402
from room_stub import StallingRoom, dead_url  # noqa: E402

SLUG = "01-product-strategy"
SOLUTION = ROOT / "solutions" / SLUG / "01-strategy-exercises.ipynb"
WRONG = "reach-as-mention-count"
REPORT = "the report call alone"


def _source(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def prepare(answer: str) -> tuple[dict, object]:
    """A namespace with the notebook's setup and this Question 1 answer run, and the compiled test cell."""
    cells = nbgrader_cells(read(SOLUTION))
    namespace: dict = {}
    parameters = next(c for c in read(SOLUTION)["cells"] if "parameters" in c["metadata"].get("tags", []))
    with contextlib.redirect_stdout(io.StringIO()):  # the setup cell prints what it loaded
        for code in (_source(parameters), _source(cells["setup"]), answer):
            exec(compile(code, "<cell>", "exec"), namespace)  # noqa: S102 - the workshop's own notebook
    return namespace, compile(_source(cells["q1_test"]), "<q1_test>", "exec")


def run_cell(namespace: dict, test: object) -> float:
    """Seconds for one run of the test cell."""
    start = time.perf_counter()
    try:
        exec(test, namespace)  # noqa: S102
    except (CheckFailed, NotAnsweredYet):
        pass
    return time.perf_counter() - start


def run_report() -> float:
    """Seconds for one call of the reporter alone, as ``Question.result()`` makes it on a failing question."""
    start = time.perf_counter()
    room_report.report("1", "failed", 0.0, 2.0, 0, 3, "`opportunity_scores(toy)` is 0.37, not 'slow app'.")
    return time.perf_counter() - start


class Condition:
    """A room URL (None: off the hub) with its own reporter queue and sender, swapped in for each run."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.state = (queue.Queue(maxsize=room_report.QUEUE_SIZE), None)

    def __enter__(self) -> None:
        if self.url is None:
            os.environ.pop(room_report.URL_VARIABLE, None)
        else:
            os.environ[room_report.URL_VARIABLE] = self.url
        room_report._queue, room_report._sender = self.state

    def __exit__(self, *exc: object) -> None:
        self.state = (room_report._queue, room_report._sender)


def stored_results(base: str) -> int:
    request = urllib.request.Request(base + "api/timeline.csv", headers={"Authorization": f"token {INSTRUCTOR}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(response.read().decode().strip().splitlines()) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="runs of each cell in each condition")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds the kernel idles after each run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mlpm-room-reporting-") as folder:
        service, base = start(Path(folder) / "room.sqlite")
        stalling = StallingRoom()
        try:
            conditions = {"(a) off the hub (no room URL)": Condition(None),
                          "(b) service live (mlpm room)": Condition(base + "api/results"),
                          "(c) service down (port closed)": Condition(dead_url()),
                          "(d) service stalling (never answers)": Condition(stalling.url),
                          "(a') off the hub again (the noise floor)": Condition(None)}
            answers = solution_answers(read(SOLUTION))
            cells = {"model answer (passes)": prepare(answers["q1_answer"]),
                     f"known-wrong '{WRONG}' (fails)": prepare(WRONG_ANSWERS[WRONG][1])}
            os.environ["JUPYTERHUB_API_TOKEN"] = "learner-benchmark"
            os.environ["JPY_SESSION_NAME"] = f"/home/learner/{SLUG}/{SOLUTION.name}"
            os.environ.pop("NBGRADER_EXECUTION", None)
            for namespace, test in cells.values():
                for _ in range(20):
                    run_cell(namespace, test)  # warm up pandas and the checkers
            times: dict[tuple[str, str], list[float]] = {}
            order = list(conditions.items())
            for run in range(args.runs):
                for condition, room in order[run % len(order):] + order[:run % len(order)]:  # each first in turn
                    with room:
                        for cell, (namespace, test) in cells.items():
                            times.setdefault((condition, cell), []).append(run_cell(namespace, test))
                            time.sleep(args.pause)
                        times.setdefault((condition, REPORT), []).append(run_report())
                        time.sleep(args.pause)
            time.sleep(1)
            stored = stored_results(base)
        finally:
            stalling.close()
            service.terminate()
            service.wait()

    print(f"Module 01 Question 1 check cell, in-process, {args.runs} runs of each cell per condition, "
          f"interleaved, {args.pause:g} s idle after each run ({os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; the live service stored {stored} of {3 * args.runs} results: past "
          f"{RATE} a minute per learner it answers 429, as fast)\n")
    print("| condition | check cell | median (ms) | p95 (ms) | median / (a) |")
    print("|---|---|---:|---:|---:|")
    for cell in [*cells, REPORT]:
        base_median = statistics.median(times[(next(iter(conditions)), cell)])
        for condition in conditions:
            values = sorted(times[(condition, cell)])
            median, p95 = statistics.median(values), values[int(0.95 * (len(values) - 1))]
            print(f"| {condition} | {cell} | {median * 1000:.3f} | {p95 * 1000:.3f} | {median / base_median:.2f} |")


if __name__ == "__main__":
    main()
