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
    assert re.search(r"Q3 · RICE scores +0.75 / 2 +partly right", printed)  # 3 of 8 checks: the inputs it multiplies
    assert "Q3: `rice_scores(toy)` has values that are off" in printed
    assert "Automatic points: 19.75 / 21" in printed  # q4 ranks with a correct rice_scores: no second loss


def test_check_explains_a_file_it_cannot_read(tmp_path, capsys):
    """Does `mlpm check` on a broken file say it is not a valid notebook, rather than score it 0?"""
    broken = tmp_path / NAME
    broken.write_text('{"cells": [', encoding="utf-8")
    assert main(["check", str(broken)]) == 1
    assert "malformed_notebook" in capsys.readouterr().out


def test_visible_only_check_says_the_grade_can_still_change(tmp_path):
    """Does a check without hidden tests (installed package) warn that the instructor's grade runs more checks?"""
    course = Course(tmp_path, SLUG, NAME, [GradeCell("q1_test", 2.0, True)], hidden_tests=False)
    printed = render(tmp_path / NAME, course, Result("you", "ok", scores={"q1_test": 2.0}))
    assert "visible checks only" in printed and "hidden checks on other data" in printed
    course.hidden_tests = True
    assert "hidden checks on other data" not in render(tmp_path / NAME, course,
                                                         Result("you", "ok", scores={"q1_test": 2.0}))
