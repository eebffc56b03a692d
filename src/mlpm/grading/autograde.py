"""Autograde one submission in isolation, and many in parallel.

Each submission is graded in its own copy of the private course (``course.Course``), by a
forked child process that runs nbgrader's autograde in-process. The child starts a new
process session and runs with its working folder, HOME and TMPDIR inside the copy; its
kernel is ``mlpm.grading.kernel``, which caps the kernel's address space. The parent enforces a wall-clock limit per
notebook (the child and every process it started, the kernel included, are killed) and
nbgrader's ``Execute.timeout`` limits each cell. Forking from a parent that has already
imported nbgrader keeps the per-submission overhead to the kernel run itself, and the child
starts that kernel first (``early_kernel``), so it boots while nbgrader prepares the notebook.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

import psutil

# Imported in the parent on purpose: forked children start with nbgrader already loaded.
from nbgrader.api import Gradebook
from nbgrader.apps.nbgraderapp import NbGraderApp
from traitlets.config import Config

from mlpm.checks.question import MEDIA_TYPE, CheckFailed, NotAnsweredYet, QuestionResult
from mlpm.grading import early_kernel, kernel
from mlpm.grading.course import Course, nbgrader_cells
from mlpm.resources import available_memory, usable_cpus

OK = "ok"
TIMEOUT = "timeout"
KERNEL_DIED = "kernel_died"
MEMORY_LIMIT = "memory_limit"
GRADING_ERROR = "grading_error"
TAMPERED = "tampered_with_grading"
# What one grading worker and its kernel hold at their peak, with room to spare (a kernel that ran
# the heaviest lesson holds about 0.3 GiB with its server: README, "Sizing").
WORKER_MEMORY = 512 * 2**20


def default_jobs() -> int:
    """Submissions graded at once unless told: one per CPU this process may use, as memory allows.

    CPUs: the process's affinity capped by its cgroup's CPU quota (a pod with a 1-CPU limit gets
    one worker, not one per node core). One more worker, to fill the time a worker's core idles
    while its kernel starts, gained nothing once the kernel started early: on 2 cores, 16
    submissions took 30.3 s with 3 workers and 30.4 s with 2 (``benchmarks/grade_vs_nbgrader.py
    --jobs 2 3``, medians of 3, same run). Memory: at most one worker per ``WORKER_MEMORY`` the
    machine, or the cgroup's limit, still has free.
    """
    by_memory = max(1, available_memory() // WORKER_MEMORY)
    return max(1, min(usable_cpus(), by_memory))


def scripts_on_path() -> None:
    """Put this interpreter's scripts first on PATH: nbgrader calls ``alembic`` for a new gradebook."""
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission.

    Attributes
    ----------
    cell_timeout : int
        Seconds a single cell may run before it is interrupted (it then fails).
    notebook_timeout : int
        Seconds the whole grading of one notebook may take before everything is killed.
    memory_mb : int
        Address-space cap in MiB for the kernel that runs the notebook (0: no cap).
    """

    cell_timeout: int = 60
    notebook_timeout: int = 600
    memory_mb: int = 2048


@dataclass
class Result:
    """The outcome of grading one submission.

    ``scores`` maps each grade_id to its automatic score (None: waits for manual grading);
    it is empty unless ``status`` is ``"ok"``. ``failures`` lists (grade_id, message) for each
    failing check (a question may have several), ``unanswered`` the test cells whose answer was
    missing, and ``outcomes`` each test cell's result as the notebook shows it, line by line.
    ``notes`` say what the grader noticed or repaired.
    """

    student: str
    status: str
    notes: list[str] = field(default_factory=list)
    scores: dict[str, float | None] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    outcomes: dict[str, list[str]] = field(default_factory=dict)
    needs_manual: set[str] = field(default_factory=set)
    autograded: Path | None = None
    submitted: Path | None = None
    seconds: float = 0.0


@dataclass
class _Job:
    student: str
    notebook: Path
    folder: Path
    notes: list[str]
    process: multiprocessing.Process | None = None
    started: float = 0.0


def _child(course: Course, job: _Job, limits: Limits, in_worker: Callable[[Result], None] | None) -> None:
    """Autograde one student in the job's folder, then read the result back (forked child).

    Writes ``result.json`` next to the log; the kernel has exited by then. ``in_worker`` runs
    here, in parallel with other submissions, for per-submission work such as feedback pages.
    """
    folder, slug, student = job.folder, course.slug, job.student
    os.setsid()
    log = os.open(folder / "autograde.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    # The parent's sys.stdout/stderr may be wrappers (pytest, a progress bar): log to the file.
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    home = folder / "home"
    home.mkdir(exist_ok=True)
    kernels = folder / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({  # -I -S: the wrapper needs only the standard library
        "argv": [sys.executable, "-I", "-S", kernel.__file__, "-f", "{connection_file}"],
        "display_name": "Python 3 (memory-capped)", "language": "python",
    }))
    os.environ.update({
        "JUPYTER_PATH": str(folder / "jupyter"), "MLPM_MEMORY_MB": str(limits.memory_mb or 0),
        "HOME": str(home), "TMPDIR": str(home), "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2",
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    })
    os.chdir(folder)
    code = 0
    try:
        # The kernel boots while nbgrader prepares; naming the notebook keeps the folder it runs in.
        running_folder = folder / "autograded" / student / slug
        running_folder.mkdir(parents=True)
        early_kernel.start(running_folder)
        steps = Config(Autograde={"autograde_preprocessors": early_kernel.autograde_steps()})
        NbGraderApp.launch_instance(config=steps, argv=[
            "autograde", slug, "--student", student, "--force", f"--notebook={Path(course.notebook).stem}",
            f"--Execute.timeout={limits.cell_timeout}",
            "--Execute.shutdown_kernel=immediate",  # the outputs are in; a graceful exit only costs time
        ])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException as error:  # noqa: BLE001 - anything here means the grading failed
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        code = 1
    if code == 0:
        result = _read_back(course, job, limits)
        if in_worker is not None and result.status == OK:
            try:
                in_worker(result)
            except Exception as error:  # noqa: BLE001 - the grade stands without its extras
                result.notes.append(f"after grading: {type(error).__name__}: {error}")
        (folder / "result.json").write_text(json.dumps(_as_json(result)), encoding="utf-8")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _as_json(result: Result) -> dict:
    data = {key: getattr(result, key) for key in result.__dataclass_fields__}
    data["needs_manual"] = sorted(result.needs_manual)
    for key in ("autograded", "submitted"):
        data[key] = None if data[key] is None else str(data[key])
    return data


def _from_json(data: dict) -> Result:
    result = Result(**data)
    result.needs_manual = set(result.needs_manual)
    result.failures = [tuple(pair) for pair in result.failures]
    result.autograded = Path(result.autograded) if result.autograded else None
    result.submitted = Path(result.submitted) if result.submitted else None
    return result


def _kill_tree(pid: int) -> None:
    """Kill a process, everything it started and its session (kernels start their own)."""
    try:
        family = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    for process in family:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _prepare(course: Course, student: str, notebook: Path, workdir: Path) -> _Job:
    """Copy the course and place the submission; note deleted or edited test cells."""
    folder = course.copy_to(workdir / student)
    target = folder / "submitted" / student / course.slug
    target.mkdir(parents=True)
    submitted = json.loads(notebook.read_text(encoding="utf-8"))
    notes = _deduplicate(submitted)
    (target / course.notebook).write_text(json.dumps(submitted), encoding="utf-8")
    return _Job(student, notebook, folder, notes + _repairs(course, submitted))


def _deduplicate(notebook: dict) -> list[str]:
    """Keep the first copy of a graded cell that appears twice; later copies run as ordinary cells.

    nbgrader refuses a notebook with a grade_id (or a cell id) twice. The copies still run in
    their place, so the learner's code runs as it did in their notebook; only the first is graded.
    """
    seen_grade_ids, seen_ids, notes = set(), set(), []
    for position, cell in enumerate(notebook.get("cells", [])):
        meta = cell.get("metadata", {})
        gid = meta.get("nbgrader", {}).get("grade_id")
        if gid is not None and gid in seen_grade_ids:
            del meta["nbgrader"]
            notes.append(f"cell {gid} appears more than once: the first copy is graded, later copies ran as "
                         "ordinary cells")
        elif gid is not None:
            seen_grade_ids.add(gid)
        if "id" in cell and cell["id"] in seen_ids:
            cell["id"] = f"{cell['id']}-copy-{position}"
        seen_ids.add(cell.get("id"))
    return notes


def _repairs(course: Course, notebook: dict) -> list[str]:
    """Say which test cells nbgrader will re-add (deleted) and which locked cells it will restore."""
    submitted = nbgrader_cells(notebook)
    notes = []
    for gid, cell in course.released.items():
        meta = cell["metadata"]["nbgrader"]
        if not meta.get("locked") or meta.get("solution"):
            continue
        kind = "test cell" if meta.get("grade") else "locked cell"
        if gid not in submitted:
            if meta.get("grade"):
                notes.append(f"{kind} {gid} was deleted: re-added and run")
        elif _text(submitted[gid].get("source", "")) != _text(cell["source"]):
            notes.append(f"{kind} {gid} differs from the assignment's (edited, or an older version): restored")
    return notes


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def _outputs_text(cell: dict) -> str:
    return "".join(
        f"{out.get('ename', '')}: {out.get('evalue', '')}\n" if out.get("output_type") == "error"
        else _text(out.get("text", "")) for out in cell.get("outputs", [])
    )


def _outcome(output: dict) -> tuple[list[str], list[str], bool] | None:
    """(lines shown, failing messages, answered) of one test-cell output, or None if it says nothing."""
    kind = output.get("output_type")
    if kind == "error":
        name, value = output.get("ename", "Error"), str(output.get("evalue", "")).strip()
        if name == NotAnsweredYet.__name__:
            return [value], [], False
        if name == CheckFailed.__name__:
            lines = value.splitlines()
            return lines, [_message(line) for line in lines if line.startswith("✗ ")], True
        line = f"{name}: {value.splitlines()[0] if value else ''}".strip()
        return [line], [line], True
    if kind == "stream" and output.get("name") == "stderr":
        line = "wrote to stderr: " + _text(output.get("text", "")).strip()[:200]
        return [line], [line], True
    data = output.get("data", {}).get(MEDIA_TYPE)
    if kind == "execute_result" and isinstance(data, dict):
        result = QuestionResult(**data)
        return result.lines, list(result.messages), True
    return None


def _message(line: str) -> str:
    """A failing check's message from a result line: without the mark and the question's title."""
    text = line.removeprefix("✗ ")
    head, _, rest = text.partition(": ")
    return rest if head.startswith("Question ") and rest else text


def read_outcomes(course: Course, notebook: dict, result: Result) -> None:
    """Fill ``result``'s failures, unanswered questions and shown outcomes from an executed notebook."""
    auto = {cell.grade_id for cell in course.grade_cells if cell.auto}
    for gid, cell in nbgrader_cells(notebook).items():
        if gid not in auto:
            continue
        for output in cell.get("outputs", []):
            found = _outcome(output)
            if found is None:
                continue
            lines, messages, answered = found
            result.outcomes[gid] = lines
            result.failures += [(gid, message) for message in messages]
            if not answered:
                result.unanswered.append(gid)
            break


def _limit_notes(course: Course, notebook: dict, limits: Limits) -> list[str]:
    """Notes for cells that hit the per-cell time limit or the memory cap."""
    notes = []
    for gid, cell in nbgrader_cells(notebook).items():
        text = _outputs_text(cell)
        if "CellTimeoutError" in text or ("KeyboardInterrupt" in text and cell.get("cell_type") == "code"):
            notes.append(f"{gid} stopped after the {limits.cell_timeout} s cell time limit")
        elif "MemoryError" in text:
            notes.append(f"{gid} ran out of memory (cap {limits.memory_mb} MB)")
    return notes


def _classify_failure(log: str, limits: Limits, folder: Path) -> tuple[str, str]:
    """Status and reason for a grading process that exited without a graded notebook."""
    gradebook = folder.parent / "db" / "gradebook.db"
    if not gradebook.exists() or not gradebook.read_bytes().startswith(b"SQLite format 3"):
        return TAMPERED, ("the notebook's code overwrote or deleted grading files outside its own folder (the "
                          "private gradebook), so no grade could be recorded; look for code that writes or deletes "
                          "files, e.g. with glob or os.walk over parent folders")
    if "DeadKernelError" in log or "Kernel died" in log or "kernel died" in log:
        return KERNEL_DIED, "the kernel died while running the notebook (e.g. os._exit or a crash)"
    if "CellTimeoutError" in log:
        return TIMEOUT, (f"a cell ran past the {limits.cell_timeout} s cell time limit and did not stop "
                         "when interrupted (it ignores SIGINT)")
    if "MemoryError" in log:
        return MEMORY_LIMIT, f"grading ran out of memory (cap {limits.memory_mb} MB)"
    lines = [line for line in log.splitlines() if "ERROR" in line or "Error" in line]
    last = lines[-1] if lines else (log.strip().splitlines() or ["its log is empty"])[-1]
    return GRADING_ERROR, "nbgrader could not grade it: " + last.strip()[:300]


def _finish(course: Course, job: _Job, limits: Limits, timed_out: bool) -> Result:
    """Read the private gradebook and the autograded notebook of a finished job."""
    seconds = time.monotonic() - job.started
    result = Result(job.student, OK, list(job.notes), seconds=seconds, submitted=job.notebook)
    if timed_out:
        result.status = TIMEOUT
        result.notes.append(f"the notebook ran longer than the {limits.notebook_timeout} s limit and was stopped")
        return result
    graded = job.folder / "autograded" / job.student / course.slug / course.notebook
    log_file = job.folder / "autograde.log"
    log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
    saved = job.folder / "result.json"
    if job.process.exitcode != 0 or not graded.exists() or not saved.exists():
        result.status, reason = _classify_failure(log, limits, job.folder)
        if result.status == GRADING_ERROR:
            reason += f" (exit code {job.process.exitcode})"
        result.notes.append(reason)
        return result
    result = _from_json(json.loads(saved.read_text(encoding="utf-8")))
    result.seconds = seconds
    return result


def _read_back(course: Course, job: _Job, limits: Limits) -> Result:
    """Scores from the private gradebook, failing messages and notes from the autograded notebook."""
    result = Result(job.student, OK, list(job.notes), submitted=job.notebook)
    graded = job.folder / "autograded" / job.student / course.slug / course.notebook
    try:
        notebook = json.loads(graded.read_text(encoding="utf-8"))
        with Gradebook(f"sqlite:///{job.folder.parent / 'db' / 'gradebook.db'}") as gradebook:
            submission = gradebook.find_submission_notebook(Path(course.notebook).stem, course.slug, job.student)
            scores = {grade.name: grade.auto_score for grade in submission.grades}
            result.needs_manual = {grade.name for grade in submission.grades if grade.needs_manual_grade}
    except Exception as error:  # noqa: BLE001 - a damaged private gradebook is reported, not fatal
        result.status = GRADING_ERROR
        result.notes.append(f"could not read the grades back: {type(error).__name__}: {error}")
        return result
    result.scores = {cell.grade_id: scores.get(cell.grade_id) for cell in course.grade_cells}
    read_outcomes(course, notebook, result)
    result.notes += _limit_notes(course, notebook, limits)
    result.autograded = graded
    return result


def grade_submissions(
    course: Course,
    submissions: Iterable[tuple[str, Path]],
    workdir: Path,
    limits: Limits,
    jobs: int | None = None,
    on_result: Callable[[Result], None] | None = None,
    in_worker: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Grade (student, notebook path) pairs, ``jobs`` at a time, each in isolation.

    Parameters
    ----------
    course : Course
        The prepared private course.
    submissions : iterable of (str, Path)
        Student ids and their notebook files (already checked to be notebooks).
    workdir : Path
        Folder for the per-submission course copies (kept: the autograded notebooks live there).
    limits : Limits
        Time and memory limits.
    jobs : int, optional
        Submissions graded at once (default: :func:`default_jobs`).
    on_result : callable, optional
        Called in this process with each Result as soon as it is known (e.g. to merge it).
    in_worker : callable, optional
        Called in the grading worker with each successful Result before it is returned (e.g. to
        write its feedback page in parallel); what it changes in the Result comes back.

    Returns
    -------
    list[Result]
        One per submission, in the order given.
    """
    jobs = max(1, jobs or default_jobs())
    context = multiprocessing.get_context("fork")
    pending = [(student, Path(path)) for student, path in submissions]
    order = [student for student, _ in pending]
    pending.reverse()
    running: list[_Job] = []
    results: dict[str, Result] = {}
    finished: list[Result] = []
    while pending or running or finished:
        while pending and len(running) < jobs:
            student, notebook = pending.pop()
            job = _prepare(course, student, notebook, workdir)
            job.process = context.Process(target=_child, args=(course, job, limits, in_worker))
            job.started = time.monotonic()
            job.process.start()
            running.append(job)
        for result in finished:  # after refilling the slots, so workers never wait for this
            if on_result:
                on_result(result)
        finished.clear()
        if not running:
            continue
        now = time.monotonic()
        deadline = min(job.started + limits.notebook_timeout for job in running)
        wait([job.process.sentinel for job in running], timeout=max(0.0, deadline - now))
        for job in list(running):
            timed_out = time.monotonic() - job.started > limits.notebook_timeout
            if job.process.is_alive() and not timed_out:
                continue
            _kill_tree(job.process.pid)  # also reaps a kernel left behind by a finished run
            job.process.join()
            running.remove(job)
            results[job.student] = _finish(course, job, limits, timed_out)
            finished.append(results[job.student])
    return [results[student] for student in order]
