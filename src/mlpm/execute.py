"""`mlpm run`: execute lesson and solution notebooks headless with papermill."""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from mlpm.kernels import IpcKernelManager
from mlpm.resources import usable_cpus

CELL_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class RunResult:
    """The outcome of executing one notebook."""

    notebook: str
    ok: bool
    seconds: float
    error: str = ""


def runnable_notebooks(root: Path) -> list[Path]:
    """Return every lesson and solution notebook of the checkout at ``root``."""
    lessons = sorted((root / "notebooks").glob("*.ipynb"))
    solutions = sorted((root / "solutions").glob("*/*.ipynb"))
    return lessons + solutions


class QuietKernelManager(IpcKernelManager):
    """The kernel manager of headless runs: IPC sockets, and no interrupt when a finished run stops.

    jupyter_client interrupts a kernel before shutting it down; an idle kernel that gets the
    signal while it handles a message logs "KeyboardInterrupt caught in kernel." on the
    terminal. A run stops its kernel only after the last cell (or after nbclient interrupted
    a cell that timed out), so there is nothing left to interrupt.
    """

    async def _async_interrupt_kernel(self) -> None:
        if not self.shutting_down:
            await super()._async_interrupt_kernel()


def execute_notebook(notebook: Path, output: Path, parameters: dict | None = None) -> RunResult:
    """Execute ``notebook`` with papermill into ``output``, from an empty working directory.

    The empty working directory proves the notebook reads nothing by relative path.
    """
    import papermill  # imported here: it is slow to import and only workers need it

    output.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mlpm-run-") as cwd:
        try:
            papermill.execute_notebook(
                str(notebook), str(output), parameters=parameters or {}, cwd=cwd,
                progress_bar=False, log_output=False, execution_timeout=CELL_TIMEOUT_SECONDS,
                kernel_name="python3", kernel_manager_class=QuietKernelManager,
            )
        except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
            summary = str(error).strip().splitlines()
            return RunResult(notebook.name, False, time.perf_counter() - start,
                             summary[-1] if summary else type(error).__name__)
    return RunResult(notebook.name, True, time.perf_counter() - start)


def run_all(root: Path, output_dir: Path, jobs: int | None = None,
            only: list[str] | None = None) -> list[RunResult]:
    """Execute the checkout's notebooks in parallel, with a progress bar.

    Parameters
    ----------
    root : Path
        The checkout.
    output_dir : Path
        Executed copies go here, mirroring their path under ``root``.
    jobs : int, optional
        Worker processes; defaults to the number of CPUs.
    only : list of str, optional
        Substrings; when given, only notebooks whose path contains one of them run.
    """
    from tqdm import tqdm

    notebooks = runnable_notebooks(root)
    if only:
        notebooks = [n for n in notebooks if any(s in n.as_posix() for s in only)]
    results = []
    with ProcessPoolExecutor(max_workers=jobs or usable_cpus()) as pool:
        futures = {
            pool.submit(execute_notebook, n, output_dir / n.relative_to(root)): n for n in notebooks
        }
        for future in tqdm(as_completed(futures), total=len(futures), desc="notebooks", unit="nb"):
            results.append(future.result())
    order = {n.name: i for i, n in enumerate(notebooks)}
    return sorted(results, key=lambda r: order[r.notebook])


def summary_table(results: list[RunResult]) -> str:
    """Render results as a plain-text table: notebook, status, seconds."""
    width = max([len("notebook")] + [len(r.notebook) for r in results])
    lines = [f"{'notebook':<{width}}  status  seconds", f"{'-' * width}  ------  -------"]
    for r in results:
        status = "ok" if r.ok else "FAILED"
        lines.append(f"{r.notebook:<{width}}  {status:<6}  {r.seconds:7.1f}")
        if r.error:
            lines.append(f"{'':<{width}}    {r.error}")
    return "\n".join(lines)
