"""Does reporting to the room view slow a learner's check cell? Time one with the service live, down and stalling.

Usage: python benchmarks/room_reporting.py [--runs 50] [--rounds 4]

The check cell is module 01's Question 1 test cell (visible and hidden checks, from
``solutions/``), run in this process on the model answer (it passes) and on the known-wrong
answer "reach-as-mention-count" (no check passes: ``CheckFailed``, the message masked and sent).
Four conditions, as a learner's kernel would meet them:

- (a) off the hub: no ``MLPM_ROOM_URL``, nothing is sent;
- (b) on the hub, service live: a stand-in that answers 204 (``tests/room_stub.py``);
- (c) service down: the URL's port is closed (connection refused);
- (d) service stalling: the port accepts connections but never answers (each post waits the 2 s timeout).

Cells run back to back (the worst case: the sender posts while the next cell runs); the
conditions alternate in ``--rounds`` rounds of ``--runs`` cells each, with a fresh reporter
queue each time, each condition first in turn. The reporter's own call (what ``Question.result()``
adds) is also timed alone, since its microseconds drown in the cell's noise on a shared machine.
Prints a markdown table: median and 95th percentile per run, and the ratio of medians to (a) from
the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import queue
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from known_wrong.m01_product_strategy import WRONG_ANSWERS  # noqa: E402 - the fixtures live in tests/
from mlpm.checks import CheckFailed, NotAnsweredYet, room_report  # noqa: E402
from mlpm.grading.attempts import read, solution_answers  # noqa: E402
from mlpm.grading.course import nbgrader_cells  # noqa: E402
from room_stub import LiveRoom, StallingRoom, dead_url  # noqa: E402

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


def time_cell(namespace: dict, test: object, runs: int) -> list[float]:
    """Seconds per run of the test cell, back to back."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            exec(test, namespace)  # noqa: S102
        except (CheckFailed, NotAnsweredYet):
            pass
        times.append(time.perf_counter() - start)
    return times


def time_report(runs: int) -> list[float]:
    """Seconds per call of the reporter alone, as ``Question.result()`` makes it on a failing question."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        room_report.report("1", "failed", 0.0, 2.0, 0, 3, "`opportunity_scores(toy)` is 0.37, not 'slow app'.")
        times.append(time.perf_counter() - start)
    return times


def fresh_reporter() -> None:
    """A new queue and sender, so one condition's backlog never spills into the next."""
    room_report._queue = queue.Queue(maxsize=room_report.QUEUE_SIZE)
    room_report._sender = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="cells per condition per round")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()

    live, stalling = LiveRoom(), StallingRoom()
    conditions = {"(a) off the hub (no room URL)": None, "(b) service live": live.url,
                  "(c) service down (port closed)": dead_url(), "(d) service stalling (never answers)": stalling.url}
    answers = solution_answers(read(SOLUTION))
    cells = {"model answer (passes)": prepare(answers["q1_answer"]),
             f"known-wrong '{WRONG}' (fails)": prepare(WRONG_ANSWERS[WRONG][1])}
    os.environ["JUPYTERHUB_API_TOKEN"] = "learner-benchmark"
    os.environ["JPY_SESSION_NAME"] = f"/home/learner/{SLUG}/{SOLUTION.name}"
    os.environ.pop("NBGRADER_EXECUTION", None)

    times: dict[tuple[str, str], list[float]] = {}
    for namespace, test in cells.values():
        time_cell(namespace, test, 20)  # warm up pandas and the checkers
    order = list(conditions.items())
    for round_ in range(args.rounds):
        for condition, url in order[round_ % 4:] + order[:round_ % 4]:  # each condition goes first once in 4
            if url is None:
                os.environ.pop(room_report.URL_VARIABLE, None)
            else:
                os.environ[room_report.URL_VARIABLE] = url
            fresh_reporter()
            for cell, (namespace, test) in cells.items():
                times.setdefault((condition, cell), []).extend(time_cell(namespace, test, args.runs))
            fresh_reporter()
            times.setdefault((condition, REPORT), []).extend(time_report(args.runs))
    received = live.received.qsize()
    live.close()
    stalling.close()

    print(f"Module 01 Question 1 check cell, in-process, {args.rounds} rounds x {args.runs} runs per condition "
          f"({os.cpu_count()} CPUs; the live stand-in received {received} posts)\n")
    print("| condition | check cell | median (ms) | p95 (ms) | median / (a) |")
    print("|---|---|---:|---:|---:|")
    for cell in [*cells, REPORT]:
        base = statistics.median(times[(next(iter(conditions)), cell)])
        for condition in conditions:
            values = sorted(times[(condition, cell)])
            median, p95 = statistics.median(values), values[int(0.95 * (len(values) - 1))]
            print(f"| {condition} | {cell} | {median * 1000:.3f} | {p95 * 1000:.3f} | {median / base:.2f} |")


if __name__ == "__main__":
    main()
