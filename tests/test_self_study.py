"""Can a learner working alone see a question's model answer after trying it, and only from a source checkout?"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from mlpm import self_study
from mlpm.checks.question import TRIED, NotAnsweredYet, Question
from mlpm.grading.attempts import attempt, read, write
from notebook_tools import ROOT

SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"
Q3_LINE = 'return items["reach"] * items["impact"] * items["confidence"] / items["effort_weeks"]'


@pytest.fixture(autouse=True)
def fresh_kernel(monkeypatch):
    """Nothing tried yet, and no notebook named by JupyterLab."""
    TRIED.clear()
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    yield
    TRIED.clear()


def _run_check(number: int, answered: bool) -> None:
    q = Question(number, points=2)
    with q.check():
        if not answered:
            raise NameError("rice_scores")  # a name the test cell uses is not defined yet
        raise AssertionError("`rice_scores(toy)` has values that are off.")
    try:
        q.result()
    except (AssertionError, NotAnsweredYet):
        pass


def test_model_answer_waits_until_the_question_was_tried():
    """Before any check of Question 3 ran on an answer, does show_solution(3) ask for an attempt and show no code?"""
    shown = self_study.ModelAnswers(SLUG)(3)
    assert "Try Question 3 first" in repr(shown) and Q3_LINE not in repr(shown)
    _run_check(3, answered=False)  # the check ran, but there was no answer yet
    assert "Try Question 3 first" in repr(self_study.ModelAnswers(SLUG)(3))


def test_model_answer_after_a_failed_check():
    """After Question 3's check failed on an answer, does show_solution(3) show the authored code, without markers?"""
    _run_check(3, answered=True)
    shown = self_study.ModelAnswers(SLUG)(3)._repr_markdown_()
    assert Q3_LINE in shown and "```python" in shown
    assert "BEGIN SOLUTION" not in shown
    assert "Try Question 4 first" in repr(self_study.ModelAnswers(SLUG)(4))


def test_written_answer_unlocks_once_the_saved_notebook_has_one(tmp_path, monkeypatch):
    """Is a written answer's model (no check to run) shown once the saved notebook's answer cell is no longer blank?"""
    exercise = read(ROOT / "exercises" / SLUG / NAME)
    notebook = write(exercise, tmp_path / NAME)
    monkeypatch.setenv("JPY_SESSION_NAME", str(notebook))
    assert "Try Question 10 first" in repr(self_study.ModelAnswers(SLUG)(10))
    write(attempt(exercise, {"q10_answer": "Swapped items drive churn."}), notebook)
    shown = repr(self_study.ModelAnswers(SLUG)(10))
    assert shown.startswith("**A model answer to Question 10.**") and "> Families and couples" in shown


def test_unknown_question_is_named():
    """Does show_solution(42) say the module has no such question?"""
    assert repr(self_study.ModelAnswers(SLUG)(42)) == f"{SLUG} has no Question 42."


def test_no_model_answers_outside_a_source_checkout(monkeypatch):
    """From the installed package (no checkout), does show_solution explain that a graded class gets none?"""
    _run_check(3, answered=True)
    monkeypatch.setattr(self_study, "project_root", lambda: None)
    shown = repr(self_study.ModelAnswers(SLUG)(3))
    assert "source checkout" in shown and Q3_LINE not in shown


@pytest.mark.notebooks
def test_wheel_carries_no_solution(tmp_path):
    """Does the wheel a graded class installs hold no solutions/, no notebook with a solution or mark-scheme block,
    and exactly the generated exercises (which test_structure checks for leaks)?"""
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("mlpm_workshop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert not [name for name in files if "solutions/" in name]
    for marker in (b"### BEGIN SOLUTION", b"### BEGIN HIDDEN TESTS", b"=== BEGIN MARK SCHEME"):
        assert not [name for name, data in files.items() if name.endswith(".ipynb") and marker in data], marker
    packaged = {name.split("content/exercises/")[1]: data for name, data in files.items()
                if "content/exercises/" in name and name.endswith(".ipynb")}
    generated = {p.relative_to(ROOT / "exercises").as_posix(): p.read_bytes()
                 for p in (ROOT / "exercises").glob("*/*.ipynb")}
    assert packaged == generated
