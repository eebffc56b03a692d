"""Time `mlpm check` on a solved module 01 notebook against a bare run of the same notebook.

Usage: python benchmarks/check_speed.py [--repeat 5] [--phases]

Both are timed as a learner would wait for them, from a fresh Python process, alternating:

- ``mlpm check NOTEBOOK``: the command line, course cache warm (one untimed run first);
- a bare run: a fresh ``python -c`` that executes the notebook with nbclient in a fresh kernel;
- the same bare run without jsonschema's IRI format checker, which `mlpm check` skips (it costs
  about 1.3 s of importing nbformat), so that the ratio without that saving shows too.

Prints each median and the ratios check / bare (target: at most 1.5). With ``--phases`` it also
times where the difference goes, each in fresh processes (medians): importing what each side
needs, and inside one process the check's own phases against the bare kernel run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlpm.grading.attempts import attempt, read, solution_answers, write

ROOT = Path(__file__).resolve().parents[1]
SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"
BARE = """
import sys, nbformat
from nbclient import NotebookClient
notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
"""
SKIP_IRI = "import sys; sys.modules['rfc3987_syntax'] = None\n"


def _timed(command: list[str], cwd: Path, expect: int = 0) -> float:
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != expect:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds


PHASES = SKIP_IRI + """
import sys, time
from pathlib import Path
start = time.perf_counter()
import nbformat
from nbclient import NotebookClient
from mlpm.kernels import IpcKernelManager
from mlpm.grading import check as C
from mlpm.grading.autograde import Limits
from mlpm.grading.course import default_cache, prepare_course
imported = time.perf_counter()
notebook, times = Path(sys.argv[1]), {}
def timed(name, function):
    def wrapper(*args, **kwargs):
        begin = time.perf_counter()
        result = function(*args, **kwargs)
        times[name] = times.get(name, 0) + time.perf_counter() - begin
        return result
    return wrapper
C.find_assignment = timed("find the assignment", C.find_assignment)
C.prepare_course = timed("copy the course from the cache", C.prepare_course)
C.grade_submissions = timed("nbgrader autograde (forked child, kernel included)", C.grade_submissions)
C.check(notebook, Limits())
begin = time.perf_counter()
NotebookClient(nbformat.read(notebook, as_version=4), timeout=120, kernel_name="python3",
               kernel_manager_class=IpcKernelManager).execute()
times["bare kernel run of the same notebook (nbclient)"] = time.perf_counter() - begin
for name, seconds in times.items():
    print(f"{name}\t{seconds:.3f}")
"""


def _phases(notebook: Path, cwd: Path, repeat: int) -> None:
    """Import times of each side in fresh processes, and the check's phases in one process (medians)."""
    imports = {"import mlpm.grading.check (mlpm check)": SKIP_IRI + "import mlpm.grading.check",
               "import nbformat, nbclient (bare run)": "import nbformat, nbclient",
               "import nbformat, nbclient (bare run, IRI checker skipped)": SKIP_IRI + "import nbformat, nbclient"}
    rows: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, code in imports.items():
            rows.setdefault(name, []).append(_timed([sys.executable, "-c", code], cwd))
        result = subprocess.run([sys.executable, "-c", PHASES, str(notebook)], cwd=cwd, capture_output=True,
                                text=True, check=True)
        for line in result.stdout.strip().splitlines():
            name, seconds = line.split("\t")
            rows.setdefault(name, []).append(float(seconds))
    print("\nwhere the time goes (medians):")
    for name, values in rows.items():
        print(f"  {statistics.median(values):5.2f} s  {name}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=5)
    options.add_argument("--phases", action="store_true", help="also time imports and the check's phases")
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlpm-bench-") as scratch:
        work = Path(scratch)
        answers = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
        notebook = write(attempt(read(ROOT / "exercises" / SLUG / NAME), answers), work / NAME)
        check = [sys.executable, "-m", "mlpm", "check", str(notebook)]
        commands = {"mlpm check": check, "bare run": [sys.executable, "-c", BARE, str(notebook)],
                    "bare run, IRI checker skipped": [sys.executable, "-c", SKIP_IRI + BARE, str(notebook)]}
        _timed(check, work)  # fills the course cache, as a learner's first check does
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(_timed(command, work))
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, values in times.items():
            print(f"{name:<30} median {medians[name]:5.2f} s   runs: {', '.join(f'{v:.2f}' for v in values)}")
        for bare in ("bare run", "bare run, IRI checker skipped"):
            print(f"ratio check / {bare}: {medians['mlpm check'] / medians[bare]:.2f} (target: at most 1.5)")
        if args.phases:
            _phases(notebook, work, args.repeat)


if __name__ == "__main__":
    main()
