"""Can a learner grade one notebook with `mlpm check`, anywhere on disk, without a course?"""

from __future__ import annotations

import re

import pytest

from known_wrong.m01_product_strategy import WRONG_ANSWERS
from mlpm.cli import main
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.grading.autograde import Result
from mlpm.grading.check import render
from mlpm.grading.course import Course, GradeCell
from notebook_tools import ROOT

pytestmark = pytest.mark.nbgrader

SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"


def test_check_prints_points_per_question_and_failing_messages(tmp_path, capsys):
    """Does `mlpm check` on a wrong answer (in a folder of any name) show its points and the check's message?"""
    answers = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
    gid, code, _ = WRONG_ANSWERS["rice-multiplies-effort"]
    notebook = write(attempt(read(ROOT / "exercises" / SLUG / NAME), {**answers, gid: code}),
                     tmp_path / "my work" / "attempt.ipynb")
    code = main(["check", str(notebook), "--cell-timeout", "30"])
    printed = capsys.readouterr().out
    assert code == 0
    assert f"· {SLUG}" in printed
    assert re.search(r"Q1 · Size the opportunities +2 / 2 +passed", printed)
    # weights 3 of 6: the three inputs it multiplies (1 each); the toy, effort's part and other backlogs fail
    assert re.search(r"Q3 · RICE scores +1 / 2 +partly right", printed)
    assert "Q3: `rice_scores(toy)` has values that are off" in printed
    assert "Automatic points: 20 / 21" in printed  # q4 ranks with a correct rice_scores: no second loss


def test_check_explains_a_file_it_cannot_read(tmp_path, capsys):
    """Does `mlpm check` on a broken file say in one line that it is not a valid notebook (exit 2)?"""
    broken = tmp_path / NAME
    broken.write_text('{"cells": [', encoding="utf-8")
    assert main(["check", str(broken)]) == 2
    printed = capsys.readouterr()
    assert printed.err.strip().splitlines() == [f"mlpm check: {NAME} is not a valid notebook file: "
                                                 "Expecting value: line 1 column 12 (char 11)"]
    assert printed.out == ""


@pytest.mark.parametrize("name, message", [
    ("missing.ipynb", "missing.ipynb: no such file or folder"),
    ("notes.txt", "notes.txt is not a notebook (an .ipynb file)"),
    ("empty folder", "empty folder holds no exercise notebook"),
    ("lesson.ipynb", "lesson.ipynb is not one of the workshop's exercise notebooks"),
])
def test_check_says_in_one_line_what_is_wrong_with_a_path(tmp_path, capsys, name, message):
    """Does `mlpm check` on a missing file, a text file, a folder without exercises or a lesson exit 2 with one line?"""
    (tmp_path / "notes.txt").write_text("my notes", encoding="utf-8")
    (tmp_path / "empty folder").mkdir()
    write(read(ROOT / "notebooks" / "01-product-strategy.ipynb"), tmp_path / "lesson.ipynb")
    assert main(["check", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("mlpm check: ") and message in err[0]


def test_check_a_folder_grades_each_exercise_and_totals(tmp_path, capsys):
    """Does `mlpm check FOLDER` grade every exercise notebook under it (not lessons), then print a total?"""
    answers = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
    exercise = read(ROOT / "exercises" / SLUG / NAME)
    write(attempt(exercise, answers), tmp_path / "work" / "solved" / NAME)
    write(exercise, tmp_path / "work" / "blank" / NAME)
    write(exercise, tmp_path / "work" / ".ipynb_checkpoints" / NAME)
    write(read(ROOT / "notebooks" / "01-product-strategy.ipynb"), tmp_path / "work" / "lesson.ipynb")
    assert main(["check", str(tmp_path / "work")]) == 0
    printed = capsys.readouterr().out
    assert printed.count(f"{NAME} · {SLUG}") == 2
    assert "Automatic points: 21 / 21" in printed
    assert printed.strip().endswith("Total over 2 notebooks (1 not started): 21 / 42 automatic points")


def test_check_reports_an_untouched_notebook_as_not_started_without_grading_it(tmp_path, capsys, monkeypatch):
    """Is a notebook whose answer cells are all as handed out (even if its cells ran) "not started", and not
    graded, while one answer typed in makes it graded?"""
    exercise = read(ROOT / "exercises" / SLUG / NAME)
    ran = {**exercise, "cells": [{**c, "execution_count": 1} if c["cell_type"] == "code" else c
                                 for c in exercise["cells"]]}
    write(ran, tmp_path / "blank" / NAME)
    monkeypatch.setattr("mlpm.grading.check.grade_submissions", lambda *a, **k: pytest.fail("graded it"))
    assert main(["check", str(tmp_path / "blank")]) == 0
    assert capsys.readouterr().out.strip() == (f"{tmp_path / 'blank' / NAME} · {SLUG}: not started (every answer "
                                                "cell is as handed out), so not graded: 0 / 21 automatic points")
    gid, code, _ = WRONG_ANSWERS["rice-multiplies-effort"]
    write(attempt(exercise, {gid: code}), tmp_path / "started" / NAME)
    with pytest.raises(pytest.fail.Exception, match="graded it"):
        main(["check", str(tmp_path / "started")])


def test_visible_only_check_says_the_grade_can_still_change(tmp_path):
    """Does a check without hidden tests (installed package) warn that the instructor's grade runs more checks?"""
    course = Course(tmp_path, SLUG, NAME, [GradeCell("q1_test", 2.0, True)], hidden_tests=False)
    printed = render(tmp_path / NAME, course, Result("you", "ok", scores={"q1_test": 2.0}))
    assert "visible checks only" in printed and "hidden checks on other data" in printed
    course.hidden_tests = True
    assert "hidden checks on other data" not in render(tmp_path / NAME, course,
                                                         Result("you", "ok", scores={"q1_test": 2.0}))
