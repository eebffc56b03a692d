"""Time `mlpm grade` against plain, sequential `nbgrader autograde` on the same submissions.

Usage: python benchmarks/grade_vs_nbgrader.py [--n 16] [--repeat 3] [--jobs N [N ...]]

Builds N copies of a solved module 01 submission, then times, in one run and alternating:

- ``mlpm grade 01-product-strategy FOLDER --jobs J`` (a command line, with its own course
  folder): collect, grade N notebooks in parallel, merge, feedback pages and the class report;
  once per J given (default: mlpm's default), to compare worker counts in the same run;
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
from mlpm.grading.autograde import default_jobs
from mlpm.kernels import IpcKernelManager

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
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                   kernel_manager_class=IpcKernelManager).execute()  # as mlpm's kernels: no TCP warning
    return time.perf_counter() - start


def main() -> None:
    """Run the comparison and print the figures."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--n", type=int, default=16, help="submissions (default: 16)")
    options.add_argument("--repeat", type=int, default=3, help="timed runs of each (default: 3)")
    options.add_argument("--jobs", type=int, nargs="+", default=[default_jobs()],
                         help="mlpm workers, one or more counts (default: mlpm's default)")
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlpm-bench-") as scratch:
        base = Path(scratch)
        folder, nbgrader_course, solved = _setup(base, args.n)
        commands = {f"mlpm --jobs {jobs}": [sys.executable, "-m", "mlpm", "grade", SLUG, str(folder), "--course",
                                            str(base / "mlpm-course"), "--output", str(base / "out"),
                                            "--jobs", str(jobs)] for jobs in args.jobs}
        commands["nbgrader"] = [sys.executable, "-m", "nbgrader", "autograde", SLUG, "--force"]
        folders = {name: nbgrader_course if name == "nbgrader" else ROOT for name in commands}
        for name, command in commands.items():  # untimed first runs: gradebooks created, files cached
            _timed(command, folders[name])
        times: dict[str, list[float]] = {name: [] for name in [*commands, "bare"]}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(_timed(command, folders[name]))
            times["bare"].append(statistics.median(_bare_run(solved, base) for _ in range(3)))
    medians = {name: statistics.median(values) for name, values in times.items()}
    nbgrader_s, bare_s = medians["nbgrader"], medians["bare"]
    print(f"{args.n} submissions, {args.repeat} runs each, {os.cpu_count()} CPUs, "
          f"mlpm's default --jobs {default_jobs()}")
    for name in commands:
        print(f"{name:<15} median {medians[name]:6.1f} s  runs {_fmt(times[name])}")
    print(f"bare kernel run of the notebook: median {bare_s:.2f} s per notebook")
    print(f"nbgrader autograde, sequential: {nbgrader_s / args.n - bare_s:+.2f} s per submission over a bare run")
    for jobs in args.jobs:
        mlpm_s = medians[f"mlpm --jobs {jobs}"]
        print(f"mlpm --jobs {jobs}: ratio nbgrader / mlpm {nbgrader_s / mlpm_s:.2f}x (target >= 1.6x), "
              f"{mlpm_s * jobs / args.n - bare_s:+.2f} worker-s per submission over a bare run")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


if __name__ == "__main__":
    main()
