"""Time `mlpm grade` against plain, sequential `nbgrader autograde` on the same submissions.

Usage: python benchmarks/grade_vs_nbgrader.py [--n 16] [--repeat 3] [--jobs CPU]

Builds N copies of a solved module 01 submission, then times, in one run and alternating:

- ``mlpm grade 01-product-strategy FOLDER`` (a command line, with its own course folder):
  collect, grade N notebooks in parallel, merge, feedback pages and the class report;
- ``nbgrader autograde 01-product-strategy --force`` (a command line) in a course copy where
  ``generate_assignment`` has already run: the same notebooks one after another, no feedback;
- a bare kernel run of the same notebook (nbclient, a fresh kernel each time), N times.

Both course folders get an untimed first run so their gradebooks exist. Prints medians, the
ratio nbgrader / mlpm (target: at least 1.6 on 2 cores), and the per-submission overhead of
each against the bare kernel run (mlpm: wall time x jobs / N, i.e. worker-seconds each).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mlpm.grading.attempts import attempt, read, solution_answers, write

ROOT = Path(__file__).resolve().parents[1]
SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds


def _setup(base: Path, n: int) -> tuple[Path, Path, dict]:
    """The LMS folder for mlpm, an nbgrader course with the same submissions, the solved notebook."""
    solved = attempt(read(ROOT / "exercises" / SLUG / NAME), solution_answers(read(ROOT / "solutions" / SLUG / NAME)))
    folder = base / "class"
    course = base / "nbgrader-course"
    (course / "grading").mkdir(parents=True)
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course / "grading")
    shutil.copytree(ROOT / "solutions" / SLUG, course / "solutions" / SLUG)
    for i in range(n):
        write(solved, folder / f"student{i:02d}_{NAME}")
        write(solved, course / "grading" / "submitted" / f"student{i:02d}" / SLUG / NAME)
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", SLUG, "--force"],
                   cwd=course / "grading", env=_env(), check=True, capture_output=True)
    (base / "mlpm-course").mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", base / "mlpm-course")
    return folder, course / "grading", solved


def _bare_run(solved: dict, cwd: Path) -> float:
    notebook = nbformat.reads(json.dumps(solved), as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def main() -> None:
    """Run the comparison and print the figures."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--n", type=int, default=16, help="submissions (default: 16)")
    options.add_argument("--repeat", type=int, default=3, help="timed runs of each (default: 3)")
    options.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mlpm workers (default: CPU count)")
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlpm-bench-") as scratch:
        base = Path(scratch)
        folder, nbgrader_course, solved = _setup(base, args.n)
        mlpm = [sys.executable, "-m", "mlpm", "grade", SLUG, str(folder), "--course", str(base / "mlpm-course"),
                "--output", str(base / "out"), "--jobs", str(args.jobs)]
        nbgrader = [sys.executable, "-m", "nbgrader", "autograde", SLUG, "--force"]
        _timed(mlpm, ROOT)  # untimed first runs: gradebooks created, files cached
        _timed(nbgrader, nbgrader_course)
        times: dict[str, list[float]] = {"mlpm": [], "nbgrader": [], "bare": []}
        for _ in range(args.repeat):
            times["mlpm"].append(_timed(mlpm, ROOT))
            times["nbgrader"].append(_timed(nbgrader, nbgrader_course))
            times["bare"].append(statistics.median(_bare_run(solved, base) for _ in range(3)))
    mlpm_s, nbgrader_s, bare_s = (statistics.median(times[k]) for k in ("mlpm", "nbgrader", "bare"))
    print(f"{args.n} submissions, {args.repeat} runs each, mlpm --jobs {args.jobs}, {os.cpu_count()} CPUs")
    print(f"mlpm grade (parallel, feedback, report): median {mlpm_s:6.1f} s  runs {_fmt(times['mlpm'])}")
    print(f"nbgrader autograde (sequential):         median {nbgrader_s:6.1f} s  runs {_fmt(times['nbgrader'])}")
    print(f"bare kernel run of the notebook:         median {bare_s:6.2f} s per notebook")
    print(f"ratio nbgrader / mlpm: {nbgrader_s / mlpm_s:.2f}x (target >= 1.6x)")
    print(f"per-submission overhead over a bare run: mlpm {mlpm_s * args.jobs / args.n - bare_s:+.2f} worker-s, "
          f"nbgrader {nbgrader_s / args.n - bare_s:+.2f} s")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


if __name__ == "__main__":
    main()
