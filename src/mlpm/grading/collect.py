"""Read a class's submissions from a folder or a zip, one notebook per student.

Accepted layouts (a zip is unpacked first; a single top-level folder inside it is entered):

1. nbgrader's ``submitted/`` layout: ``<student>/<assignment>/<notebook>.ipynb``; the folder
   given may be ``submitted/`` itself or a course folder that holds it.
2. One folder per student (Moodle and most LMS "download all"): ``<student>[_anything]/...ipynb``,
   at any depth inside the student's folder.
3. Flat files named per student (Canvas "download submissions"):
   ``<student>_<anything>.ipynb``.

The student id is the student folder's name (layout 1), or the folder's or file's name up to
its first underscore (layouts 2 and 3); characters other than letters, digits, ``.`` and ``-``
become ``-``. Hidden files, ``__MACOSX`` and ``.ipynb_checkpoints`` are ignored.

Each student's notebook is checked before any kernel starts; a problem becomes the student's
status: ``empty_file``, ``malformed_notebook``, ``wrong_notebook`` (no graded cells: not an
exercise notebook), ``other_assignment`` (graded cells of another assignment) or
``missing_notebook`` (files, but no ``.ipynb``). A notebook under another file name whose cells
match the assignment is graded, with a note.
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from mlpm.grading.course import Course, locked_share, nbgrader_cells

EMPTY_FILE = "empty_file"
MALFORMED = "malformed_notebook"
WRONG_NOTEBOOK = "wrong_notebook"
OTHER_ASSIGNMENT = "other_assignment"
MISSING_NOTEBOOK = "missing_notebook"
GRADABLE = "ok"

_IGNORED = {"__MACOSX", ".ipynb_checkpoints"}


@dataclass
class Submission:
    """One student's hand-in: the notebook to grade, or the reason it cannot be graded."""

    student: str
    status: str
    path: Path | None = None
    notes: list[str] = field(default_factory=list)


def student_id(name: str) -> str:
    """The student id in a file or folder name: the part before the first underscore, made safe."""
    head = Path(name).name.split("_", 1)[0]
    if head.endswith(".ipynb"):
        head = head[: -len(".ipynb")]
    return re.sub(r"[^A-Za-z0-9.-]", "-", head).strip(".-") or "unknown"


def _visible(path: Path, top: Path) -> bool:
    return not any(part.startswith(".") or part in _IGNORED for part in path.relative_to(top).parts)


def unpack(source: Path, scratch: Path | None = None) -> Path:
    """Return the folder to read: ``source`` itself, or a zip unpacked into ``scratch``."""
    if source.is_dir():
        return source
    if not zipfile.is_zipfile(source):
        raise ValueError(f"{source} is neither a folder nor a zip file")
    target = Path(tempfile.mkdtemp(prefix="mlpm-submissions-", dir=scratch))
    with zipfile.ZipFile(source) as archive:
        archive.extractall(target)
    entries = [p for p in target.iterdir() if _visible(p, target)]
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else target


def _files_by_student(folder: Path, slug: str) -> dict[str, list[Path]]:
    """Group every visible file under ``folder`` by student, following the layouts above."""
    if (folder / "submitted").is_dir():
        folder = folder / "submitted"
    groups: dict[str, list[Path]] = {}
    nbgrader_layout = any((child / slug).is_dir() for child in folder.iterdir() if child.is_dir())
    for child in sorted(folder.iterdir()):
        if not _visible(child, folder):
            continue
        if child.is_dir():
            base = child / slug if nbgrader_layout else child
            student = child.name if nbgrader_layout else student_id(child.name)
            files = [p for p in sorted(base.rglob("*")) if p.is_file() and _visible(p, base)] if base.is_dir() else []
        else:
            student, files = student_id(child.name), [child]
        groups.setdefault(student, []).extend(files)
    return groups


def read_notebook(path: Path) -> tuple[dict | None, str, str]:
    """Parse a notebook file: (notebook or None, problem status or "", reason or "")."""
    raw = path.read_bytes()
    if not raw.strip():
        return None, EMPTY_FILE, f"{path.name} is empty ({len(raw)} bytes)"
    try:
        notebook = json.loads(raw.decode("utf-8"))
        nbformat.validate(nbformat.from_dict(notebook), relax_add_props=True)
    except Exception as error:  # noqa: BLE001 - whatever fails to parse is a malformed file
        first = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
        return None, MALFORMED, f"{path.name} is not a valid notebook file: {first}"
    return notebook, "", ""


def check_notebook(path: Path, course: Course) -> tuple[str, str]:
    """Whether a file is a notebook of the course's assignment: (status, reason or "")."""
    expected = f"expected {course.notebook} of {course.slug}"
    notebook, status, reason = read_notebook(path)
    if notebook is None:
        return status, f"{reason}; {expected}"
    cells = nbgrader_cells(notebook)
    if not cells:
        return WRONG_NOTEBOOK, f"{path.name} has no graded cells: not an exercise notebook; {expected}"
    if locked_share(cells, course.released) < 0.5:
        return OTHER_ASSIGNMENT, f"{path.name} holds the cells of another assignment; {expected}"
    return GRADABLE, ""


def collect(source: Path, course: Course, scratch: Path | None = None) -> list[Submission]:
    """Read every student's submission for ``course`` from a folder or zip (see module doc).

    Parameters
    ----------
    source : Path
        The submissions folder or zip.
    course : Course
        The prepared course of the assignment being graded.
    scratch : Path, optional
        Where a zip is unpacked (default: the system's temporary folder).

    Returns
    -------
    list[Submission]
        One per student, sorted by student id.
    """
    folder = unpack(Path(source), scratch)
    submissions = []
    for student, files in sorted(_files_by_student(folder, course.slug).items()):
        notebooks = sorted((p for p in files if p.suffix == ".ipynb"),
                           key=lambda p: (not p.name.endswith(course.notebook), p.name))
        if not notebooks:
            names = ", ".join(p.name for p in files) or "nothing"
            submissions.append(Submission(student, MISSING_NOTEBOOK, notes=[
                f"no notebook handed in (found {names}); expected {course.notebook}"]))
            continue
        checked = [(path, *check_notebook(path, course)) for path in notebooks]
        good = [(path, reason) for path, status, reason in checked if status == GRADABLE]
        if not good:
            path, status, reason = checked[0]
            submissions.append(Submission(student, status, notes=[reason]))
            continue
        path = good[0][0]
        notes = []
        if not path.name.endswith(course.notebook):
            notes.append(f"handed in as {path.name}; graded as {course.notebook}")
        if len(notebooks) > 1:
            notes.append("also handed in, not graded: " + ", ".join(p.name for p in notebooks if p != path))
        submissions.append(Submission(student, GRADABLE, path, notes))
    return submissions
