"""The instructor's nbgrader gradebook: merge autograde results in, read manual grades out.

Submissions are graded in private gradebooks (one per submission, see ``autograde``); only
this module, in the parent process and one submission at a time, writes the course's
``gradebook.db``. A merge sets automatic scores and leaves manual scores alone, so grading
again keeps what the instructor entered in formgrader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from mlpm.grading.autograde import OK, Result
from mlpm.grading.course import Course


def db_url(course_root: Path) -> str:
    """The SQLite URL of a course folder's ``gradebook.db``."""
    return f"sqlite:///{course_root / 'gradebook.db'}"


def ensure_assignment(course_root: Path, course: Course) -> None:
    """Copy the assignment's cells into the course gradebook if it does not know them yet.

    Normally ``nbgrader generate_assignment`` records them; copying from the private course
    lets ``mlpm grade`` work on a fresh checkout without regenerating ``exercises/``.
    """
    notebook = Path(course.notebook).stem
    with Gradebook(db_url(course_root)) as main:
        try:
            main.find_notebook(notebook, course.slug)
            return
        except MissingEntry:
            pass
        with Gradebook(f"sqlite:///{course.gradebook}") as private:
            source = private.find_notebook(notebook, course.slug)
            main.update_or_create_assignment(course.slug)
            main.update_or_create_notebook(notebook, course.slug)
            for cell in source.grade_cells:
                main.update_or_create_grade_cell(cell.name, notebook, course.slug,
                                                 max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in source.solution_cells:
                main.update_or_create_solution_cell(cell.name, notebook, course.slug)
            for cell in source.task_cells:
                main.update_or_create_task_cell(cell.name, notebook, course.slug,
                                                max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in source.source_cells:
                main.update_or_create_source_cell(cell.name, notebook, course.slug, cell_type=cell.cell_type,
                                                  locked=cell.locked, source=cell.source, checksum=cell.checksum)


def _replace(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and target.resolve() == source.resolve():
        return  # grading the course's own submitted/ folder: the file is already in place
    if target.exists():
        target.chmod(0o644)
        target.unlink()
    shutil.copyfile(source, target)


def merge(course_root: Path, course: Course, result: Result) -> None:
    """Record one graded submission in the course: gradebook rows and notebooks for formgrader.

    Automatic scores are overwritten; a manual score already entered is kept (and the cell is
    then not flagged as needing manual grading).
    """
    if result.status != OK:
        return
    notebook = Path(course.notebook).stem
    for folder, path in (("submitted", result.submitted), ("autograded", result.autograded)):
        _replace(path, course_root / folder / result.student / course.slug / course.notebook)
    with Gradebook(db_url(course_root)) as main:
        main.update_or_create_student(result.student)
        main.update_or_create_submission(course.slug, result.student)
        for gid, score in result.scores.items():
            grade = main.find_grade(gid, notebook, course.slug, result.student)
            grade.auto_score = score
            grade.needs_manual_grade = gid in result.needs_manual and grade.manual_score is None
        main.db.commit()


def manual_scores(course_root: Path, course: Course) -> dict[str, dict[str, float]]:
    """Manual scores entered so far: student -> grade_id -> score."""
    notebook = Path(course.notebook).stem
    scores: dict[str, dict[str, float]] = {}
    with Gradebook(db_url(course_root)) as main:
        try:
            submissions = main.notebook_submissions(notebook, course.slug)
        except MissingEntry:
            return scores
        for submission in submissions:
            for grade in submission.grades:
                if grade.manual_score is not None:
                    scores.setdefault(submission.student.id, {})[grade.name] = grade.manual_score
    return scores
