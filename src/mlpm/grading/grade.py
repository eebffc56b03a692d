"""`mlpm grade ASSIGNMENT SUBMISSIONS`: collect, autograde in parallel, merge, feedback, report."""

from __future__ import annotations

import os
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from mlpm.grading import feedback, gradebook, report
from mlpm.grading.autograde import OK, Limits, Result, grade_submissions, scripts_on_path
from mlpm.grading.collect import GRADABLE, collect
from mlpm.grading.course import default_cache, prepare_course
from mlpm.grading.owners import check_owners


@dataclass
class GradeRun:
    """What one `mlpm grade` run produced."""

    results: list[Result]
    rows: list[dict]
    grades_csv: Path
    report: Path
    feedback_dir: Path


def grade(
    root: Path,
    slug: str,
    submissions: Path,
    output: Path,
    limits: Limits,
    jobs: int | None = None,
    course_root: Path | None = None,
    progress: bool = True,
    scratch: Path | None = None,
    inbound: Path | None = None,
) -> GradeRun:
    """Grade every submission of ``slug`` and write grades.csv, feedback/ and report.md.

    Parameters
    ----------
    root : Path
        The project checkout (its ``solutions/<slug>`` is the source with hidden tests).
    slug : str
        The assignment, e.g. ``01-product-strategy``.
    submissions : Path
        A folder or zip in one of the layouts of ``mlpm.grading.collect``.
    output : Path
        Folder for ``grades.csv``, ``report.md`` with its PNGs, and ``feedback/<student>.html``.
    limits : Limits
        Per-cell and per-notebook time limits, memory cap.
    jobs : int, optional
        Submissions graded at once (default: one per CPU).
    course_root : Path, optional
        The nbgrader course whose gradebook receives the grades (default: ``root/grading``).
    progress : bool
        Show a progress bar with an ETA on stderr.
    scratch : Path, optional
        Where the run's temporary folder goes (default: the system's temporary folder).
    inbound : Path, optional
        nbgrader's exchange inbound folder the submissions were collected from: each is checked
        to come from the student's own account (``mlpm.grading.owners``).
    """
    scripts_on_path()
    source = root / "solutions" / slug
    if not source.is_dir():
        known = ", ".join(sorted(p.name for p in (root / "solutions").iterdir() if p.is_dir()))
        raise SystemExit(f"No assignment {slug!r} in {root / 'solutions'}; known: {known}")
    course_root = (course_root or root / "grading").resolve()
    output, submissions = Path(output).resolve(), Path(submissions).resolve()  # workers change folder
    with tempfile.TemporaryDirectory(prefix="mlpm-grade-", dir=scratch) as scratch:
        work = Path(scratch)
        course = prepare_course(source, slug, work, cache=default_cache())
        handed_in = collect(submissions, course, scratch=work)
        if inbound is not None and inbound.is_dir() and os.access(inbound, os.R_OK | os.X_OK):
            handed_in = check_owners(handed_in, inbound, course)
        gradable = [(s.student, s.path) for s in handed_in if s.status == GRADABLE]
        with warnings.catch_warnings():  # nbgrader's own SQLAlchemy warnings are noise here
            warnings.simplefilter("ignore")
            gradebook.ensure_assignment(course_root, course)
            manual = gradebook.manual_scores(course_root, course)

        notes = {s.student: s.notes for s in handed_in}
        feedback.warm_up()  # workers fork from here with the templates loaded

        def write_feedback(result: Result) -> None:
            """In the grading worker: the student's feedback page (with the collection notes)."""
            result.notes = notes[result.student] + result.notes
            feedback.write_feedback(course, result, manual.get(result.student, {}),
                                    output / "feedback" / f"{result.student}.html")

        def record(result: Result) -> None:
            """In this process, one at a time: merge into the gradebook; explain what was not graded."""
            if result.status != OK:  # a graded submission's page was written by its worker
                result.notes = notes[result.student] + result.notes
                feedback.write_feedback(course, result, manual.get(result.student, {}),
                                        output / "feedback" / f"{result.student}.html")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                gradebook.merge(course_root, course, result)
            bar.update(1)

        tqdm.monitor_interval = 0  # no monitor thread: grading forks this process
        with tqdm(total=len(handed_in), unit="notebook", desc=f"grading {slug}", disable=not progress,
                  file=sys.stderr) as bar:
            for submission in handed_in:
                if submission.status != GRADABLE:
                    record(Result(submission.student, submission.status))
            graded = grade_submissions(course, gradable, work / "submissions", limits, jobs,
                                       on_result=record, in_worker=write_feedback)
        by_student = {r.student: r for r in graded}
        results = [by_student.get(s.student) or Result(s.student, s.status, s.notes) for s in handed_in]
        rows = report.score_table(course, results, manual)
        grades_csv = report.write_csv(rows, output / "grades.csv")
        report_path = report.write_report(course, results, rows, output)
    return GradeRun(results, rows, grades_csv, report_path, output / "feedback")


def summary(run: GradeRun) -> str:
    """A plain-text table of students, statuses and totals for the terminal."""
    width = max([len(r["student"]) for r in run.rows] + [7])
    lines = [f"{'student':<{width}}  {'status':<18}  total"]
    for row in run.rows:
        total = f"{row['total']:g} / {row['max']:g}" if row["total"] != "" else "-"
        if row["needs_manual_grading"]:
            total += f" ({row['waiting_points']:g} written points not graded yet)"
        lines.append(f"{row['student']:<{width}}  {row['status']:<18}  {total}")
    return "\n".join(lines)
