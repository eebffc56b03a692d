"""A private nbgrader course for one assignment, made once per run and copied per submission.

Generating the assignment takes seconds; the generated course is kept in a cache folder, keyed
by the assignment's source files, this module's nbgrader configuration and nbgrader's version,
so a later `mlpm grade` or `mlpm check` of unchanged sources copies it instead.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbgrader
from nbgrader.apps.nbgraderapp import NbGraderApp

CONFIG = '''"""Private nbgrader course written by mlpm.grading: one assignment, graded in isolation."""
from pathlib import Path

c = get_config()  # noqa: F821
here = Path(__file__).resolve().parent
c.CourseDirectory.root = str(here)
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
# The gradebook sits beside the course, not in a folder above the running notebook.
c.CourseDirectory.db_url = f"sqlite:///{here.parent / 'db' / 'gradebook.db'}"
c.ClearMarkScheme.enforce_metadata = False
# A learner who deletes a test cell gets it back, and it runs.
c.OverwriteCells.add_missing_cells = True
c.Execute.interrupt_on_timeout = True
'''


@dataclass(frozen=True)
class GradeCell:
    """One graded cell of the assignment: a test cell (auto) or a written answer (manual)."""

    grade_id: str
    points: float
    auto: bool


@dataclass
class Course:
    """A prepared private course for one assignment.

    Attributes
    ----------
    root : Path
        The course folder (``nbgrader_config.py``, ``source/``, ``release/``); its gradebook is
        ``root/../db/gradebook.db``, outside every folder a graded notebook runs in.
    slug : str
        The assignment, e.g. ``01-product-strategy``.
    notebook : str
        The one graded notebook's file name, e.g. ``01-strategy-exercises.ipynb``.
    grade_cells : list[GradeCell]
        Graded cells in notebook order.
    released : dict[str, dict]
        Student-visible version of every nbgrader cell, by grade_id.
    hidden_tests : bool
        Whether the source held hidden tests (False when graded against the student version).
    titles : dict[str, str]
        A short title per graded cell, from its question's prompt (e.g. "Q7 · The scope/time trade-off").
    """

    root: Path
    slug: str
    notebook: str
    grade_cells: list[GradeCell] = field(default_factory=list)
    released: dict[str, dict] = field(default_factory=dict)
    hidden_tests: bool = True
    titles: dict[str, str] = field(default_factory=dict)

    def title(self, grade_id: str) -> str:
        """The question's short title, or its grade_id when the prompt has none."""
        return self.titles.get(grade_id, grade_id)

    @property
    def grade_ids(self) -> set[str]:
        """Every nbgrader grade_id of the assignment's notebook (graded or not)."""
        return set(self.released)

    @property
    def max_score(self) -> float:
        """Total points of the assignment."""
        return sum(cell.points for cell in self.grade_cells)

    @property
    def gradebook(self) -> Path:
        """The private gradebook's file."""
        return self.root.parent / "db" / "gradebook.db"

    def copy_to(self, target: Path) -> Path:
        """Copy the course (without its release folder) and its gradebook into ``target``.

        Returns the copy's course folder, ``target/course``.
        """
        (target / "db").mkdir(parents=True)
        shutil.copy(self.gradebook, target / "db")
        root = target / "course"
        root.mkdir()
        shutil.copy(self.root / "nbgrader_config.py", root)
        shutil.copytree(self.root / "source", root / "source")
        return root


def nbgrader_cells(notebook: dict) -> dict[str, dict]:
    """The cells of a notebook (parsed JSON) that carry nbgrader metadata, by grade_id."""
    cells = {}
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if isinstance(meta, dict) and meta.get("grade_id"):
            cells[meta["grade_id"]] = cell
    return cells


def locked_share(cells: dict[str, dict], released: dict[str, dict]) -> float:
    """Share of the released notebook's locked cells that ``cells`` carry unchanged (same checksum).

    Both arguments are ``nbgrader_cells`` results; 0.0 when the release has no locked cells.
    """
    locked = {gid: c["metadata"]["nbgrader"].get("checksum") for gid, c in released.items()
              if c["metadata"]["nbgrader"].get("locked")}
    same = sum(1 for gid, checksum in locked.items()
               if gid in cells and cells[gid]["metadata"]["nbgrader"].get("checksum") == checksum)
    return same / len(locked) if locked else 0.0


def _generate_here(root: Path, slug: str, log: Path) -> None:
    """Run ``nbgrader generate_assignment`` in this (forked) process, logging to ``log``."""
    handle = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(handle, 1)
    os.dup2(handle, 2)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    os.chdir(root)
    code = 0
    try:
        NbGraderApp.launch_instance(argv=["generate_assignment", slug, "--force"])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _generate(root: Path, slug: str) -> None:
    """Generate the assignment in a forked process: nbgrader is already imported, no new interpreter."""
    log = root.parent / "generate.log"
    process = multiprocessing.get_context("fork").Process(target=_generate_here, args=(root, slug, log))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError(f"`nbgrader generate_assignment {slug}` failed:\n{log.read_text(errors='replace')}")


def default_cache() -> Path:
    """The folder for generated courses: ``$XDG_CACHE_HOME/mlpm/courses`` (default ``~/.cache``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlpm" / "courses"


def cache_key(source_dir: Path, slug: str) -> str:
    """A name that changes whenever the generated course could: sources, configuration, nbgrader."""
    digest = hashlib.sha256()
    for part in (CONFIG, nbgrader.__version__, slug):
        digest.update(part.encode() + b"\0")
    for path in sorted(source_dir.rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(path.relative_to(source_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{slug}-{digest.hexdigest()[:16]}"


def _store(workdir: Path, cached: Path) -> None:
    """Copy a freshly generated course into the cache, atomically; a cache that fails is skipped."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=cached.parent))
        for part in ("course", "db"):
            shutil.copytree(workdir / part, staging / part)
        try:
            staging.rename(cached)
        except OSError:  # another run stored the same course first
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        pass


def prepare_course(
    source_dir: Path, slug: str, workdir: Path, hidden_tests: bool = True, cache: Path | None = None
) -> Course:
    """Generate the assignment into a fresh private course under ``workdir``, or copy it from the cache.

    Parameters
    ----------
    source_dir : Path
        The folder holding the assignment's authored notebooks (``solutions/<slug>``), or the
        student version (``exercises/<slug>``) when no solutions are at hand.
    slug : str
        The assignment name.
    workdir : Path
        An empty folder; the course is created in ``workdir/course``.
    hidden_tests : bool
        Whether ``source_dir`` is the authored version with hidden tests.
    cache : Path, optional
        Folder of generated courses (``default_cache()`` is the usual one); None: always generate.
    """
    notebooks = sorted(source_dir.glob("*.ipynb"))
    if len(notebooks) != 1:
        raise ValueError(f"{source_dir} should hold exactly one notebook, found {len(notebooks)}")
    root = workdir / "course"
    cached = cache / cache_key(source_dir, slug) if cache is not None else None
    if cached is not None and cached.is_dir():
        for part in ("course", "db"):
            shutil.copytree(cached / part, workdir / part)
    else:
        root.mkdir(parents=True)
        (workdir / "db").mkdir()
        (root / "nbgrader_config.py").write_text(CONFIG, encoding="utf-8")
        shutil.copytree(source_dir, root / "source" / slug, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        _generate(root, slug)
        if cached is not None:
            _store(workdir, cached)
    name = notebooks[0].name
    released = json.loads((root / "release" / slug / name).read_text(encoding="utf-8"))
    cells = nbgrader_cells(released)
    grade_cells = [
        GradeCell(gid, float(cell["metadata"]["nbgrader"]["points"]), cell["cell_type"] == "code")
        for gid, cell in cells.items() if cell["metadata"]["nbgrader"].get("grade")
    ]
    return Course(root, slug, name, grade_cells, cells, hidden_tests, question_titles(cells, grade_cells))


def question_titles(cells: dict[str, dict], grade_cells: list[GradeCell]) -> dict[str, str]:
    """A short title per graded cell from the heading of its prompt cell (``q7_test`` -> ``q7_prompt``).

    "## Question 7 · The scope/time trade-off (2 points)" gives "Q7 · The scope/time trade-off".
    """
    titles = {}
    for cell in grade_cells:
        prompt = cells.get(cell.grade_id.split("_")[0] + "_prompt")
        if prompt is None:
            continue
        text = prompt["source"] if isinstance(prompt["source"], str) else "".join(prompt["source"])
        heading = re.match(r"#+\s*Question\s+(\w+)\s*(?:·|:|-)?\s*(.*?)\s*(\([^)]*points?[^)]*\))?\s*$",
                           text.strip().splitlines()[0]) if text.strip() else None
        if heading:
            number, name = heading.group(1), heading.group(2)
            titles[cell.grade_id] = f"Q{number} · {name}" if name else f"Q{number}"
    return titles
