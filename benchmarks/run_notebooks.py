"""Time `mlpm run`: every lesson and solution notebook, in parallel and one at a time.

Usage: python benchmarks/run_notebooks.py [--repeat 5]

Prints, over the repeats, the median wall time of the whole run with one worker per CPU
and with a single worker (their ratio is the speed-up of running in parallel), and the
median seconds per notebook (kernel start and imports included).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from mlpm.execute import run_all

ROOT = Path(__file__).resolve().parents[1]


def timed_run(jobs: int) -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        results = run_all(ROOT, Path(out), jobs=jobs)
        total = time.perf_counter() - start
    failed = [r.notebook for r in results if not r.ok]
    if failed:
        raise SystemExit(f"notebooks failed: {failed}")
    return total, {r.notebook: r.seconds for r in results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    totals: dict[int, list[float]] = {0: [], 1: []}
    per_notebook: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for jobs in (0, 1):  # 0: one worker per CPU
            total, seconds = timed_run(jobs or None)
            totals[jobs].append(total)
            if jobs == 1:
                for name, value in seconds.items():
                    per_notebook.setdefault(name, []).append(value)
    parallel, serial = statistics.median(totals[0]), statistics.median(totals[1])
    print(f"notebooks: {len(per_notebook)}, repeats: {args.repeat}")
    print(f"mlpm run, parallel (one worker per CPU): median {parallel:.1f} s")
    print(f"mlpm run, one worker:                    median {serial:.1f} s")
    print(f"speed-up of parallel over one worker:    {serial / parallel:.2f}x")
    for name, values in per_notebook.items():
        print(f"  {name:<40} median {statistics.median(values):.2f} s per notebook (one worker)")
    medians = [statistics.median(v) for v in per_notebook.values()]
    print(f"median seconds per notebook: {statistics.median(medians):.2f}")


if __name__ == "__main__":
    main()
