"""Do the checks grade like a fair teacher: known-wrong answers lose points, correct ones in
another style keep them, a blank scores zero and one mistake costs points once?

Cells run in-process (no kernel) for speed; the real nbgrader path is in test_nbgrader.py.
Each fixture module in ``known_wrong/`` has ``WRONG_ANSWERS`` (mistake -> answer cell,
code, "visible" or "hidden": which checks catch it), ``MESSAGES`` (mistake -> a substring of the
message that mistake is named for, which the learner must see in the test cell after it) and
``FAIR_SCORES`` (case -> answer cell, code, the points a fair teacher gives the question that follows).
"""

from __future__ import annotations

import copy
import functools
import importlib
import math
import pkgutil

import pytest

import known_wrong
from notebook_tools import (
    cells_by_id,
    nbgrader_meta,
    read_notebook,
    released,
    run_code_cells,
    run_test_cell,
    solution_notebooks,
    source,
)


def _fixture_modules() -> list:
    return [importlib.import_module(f"known_wrong.{info.name}") for info in pkgutil.iter_modules(known_wrong.__path__)]


def _fixtures(table: str) -> list[tuple]:
    return [(module.ASSIGNMENT, name, *row)
            for module in _fixture_modules() for name, row in getattr(module, table, {}).items()]


WRONG = _fixtures("WRONG_ANSWERS")
FAIR = _fixtures("FAIR_SCORES")
PINNED = {(module.ASSIGNMENT, mistake): text
          for module in _fixture_modules() for mistake, text in getattr(module, "MESSAGES", {}).items()}


def _notebook_with(assignment: str, answer_id: str):
    for path in solution_notebooks():
        if path.parent.name == assignment and answer_id in cells_by_id(read_notebook(path)):
            return path
    raise LookupError(f"no notebook of {assignment} has a cell {answer_id}")


def _test_cell_after(notebook: dict, answer_id: str) -> str:
    """The grade_id of the first auto-graded test cell after an answer cell."""
    ids = [nbgrader_meta(c).get("grade_id") for c in notebook["cells"]]
    for cell in notebook["cells"][ids.index(answer_id) + 1:]:
        meta = nbgrader_meta(cell)
        if meta.get("grade") and not meta.get("solution"):
            return meta["grade_id"]
    raise LookupError(f"no test cell follows {answer_id}")


@functools.cache
def _solved_namespace(path) -> dict:
    return run_code_cells(read_notebook(path))


def _grade(assignment: str, answer_id: str, code: str, *, visible: bool) -> tuple[float, float, list[str], bool]:
    """Grade the test cell after ``answer_id`` once ``code`` has replaced the solution's answer."""
    path = _notebook_with(assignment, answer_id)
    notebook = read_notebook(released(path) if visible else path)
    test_id = _test_cell_after(read_notebook(path), answer_id)
    namespace = copy.copy(_solved_namespace(path))
    exec(compile(code, "<answer cell>", "exec"), namespace)
    return run_test_cell(source(cells_by_id(notebook)[test_id]), namespace)


@pytest.mark.parametrize("module", _fixture_modules(), ids=lambda m: m.__name__.split(".")[-1])
def test_every_known_wrong_answer_names_the_message_it_is_for(module):
    """Does the fixture file pin, for each of its mistakes, the message a learner must see (MESSAGES)?"""
    pinned = getattr(module, "MESSAGES", None)
    assert pinned is not None, (
        f"{module.ASSIGNMENT}: the fixture file has no MESSAGES (mistake -> substring of the message it is "
        f"named for); its {len(module.WRONG_ANSWERS)} known-wrong answers only show that points are lost")
    unpinned = sorted(set(module.WRONG_ANSWERS) - set(pinned))
    assert not unpinned, f"{module.ASSIGNMENT}: MESSAGES has no entry for {unpinned}"
    unknown = sorted(set(pinned) - set(module.WRONG_ANSWERS))
    assert not unknown, f"{module.ASSIGNMENT}: MESSAGES names mistakes that are not in WRONG_ANSWERS: {unknown}"
    assert all(isinstance(text, str) and text.strip() for text in pinned.values()), "an empty pinned message"


@pytest.mark.parametrize("assignment, mistake, answer_id, code, caught_by", WRONG,
                         ids=[f"{row[0]}:{row[1]}" for row in WRONG])
def test_known_wrong_answer_loses_points_with_its_message(assignment, mistake, answer_id, code, caught_by):
    """Does the test cell take points off this known-wrong answer, at the right level, with the message it is for?

    Without a pinned message (MESSAGES, checked per fixture file above) only the loss of points is
    checked here.
    """
    if caught_by == "hidden":  # a hard-coded answer gets past what the learner sees...
        points, maximum, messages, _ = _grade(assignment, answer_id, code, visible=True)
        assert points == maximum, f"the visible checks already catch it: {messages}"
    points, maximum, messages, answered = _grade(assignment, answer_id, code, visible=caught_by == "visible")
    assert points < maximum, "the wrong answer keeps full marks"  # ...but never past the full cell
    assert messages and all(m.strip() for m in messages), "the learner gets no message"
    assert answered, "a wrong answer is reported as not answered yet"
    pinned = PINNED.get((assignment, mistake))
    if pinned is not None:
        assert any(pinned in message for message in messages), f"no message says {pinned!r}: {messages}"


@pytest.mark.parametrize("assignment, case, answer_id, code, fair", FAIR,
                         ids=[f"{row[0]}:{row[1]}" for row in FAIR])
def test_answer_scores_what_a_fair_teacher_gives(assignment, case, answer_id, code, fair):
    """Does this answer (correct in another style, or right after an earlier mistake) get fair points?"""
    points, _, messages, _ = _grade(assignment, answer_id, code, visible=False)
    assert math.isclose(points, fair, abs_tol=0.011), f"{points} points, a fair teacher gives {fair}: {messages}"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_every_auto_graded_question_has_a_known_wrong_fixture(path):
    """Is each auto-graded test cell exercised by at least one known-wrong answer?"""
    notebook = read_notebook(path)
    covered = {_test_cell_after(notebook, row[2]) for row in WRONG if row[0] == path.parent.name}
    tests = {
        nbgrader_meta(c)["grade_id"] for c in notebook["cells"]
        if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")
    }
    assert tests <= covered, f"test cells without a known-wrong fixture: {sorted(tests - covered)}"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_solution_scores_full_marks_in_every_test_cell(path):
    """Does the authored solution pass all visible and hidden checks?"""
    namespace: dict = {}
    for cell in read_notebook(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        meta = nbgrader_meta(cell)
        if meta.get("grade") and not meta.get("solution"):
            points, maximum, messages, _ = run_test_cell(source(cell), namespace)
            assert points == maximum == meta["points"], f"{meta['grade_id']}: {messages}"
        else:
            exec(compile(source(cell), "<cell>", "exec"), namespace)


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_blank_exercise_scores_zero_asking_to_answer_first(path):
    """Does a learner who runs a check before answering get 0 and be told to answer first?"""
    namespace: dict = {}
    for cell in read_notebook(released(path))["cells"]:
        if cell["cell_type"] != "code":
            continue
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            with pytest.raises(NotImplementedError):
                exec(compile(source(cell), "<cell>", "exec"), namespace)
        elif meta.get("grade"):
            points, _, messages, answered = run_test_cell(source(cell), namespace)
            assert points == 0 and not answered, f"{meta['grade_id']}: {points} points, {messages}"
            assert "not answered yet" in messages[0], messages
        else:
            exec(compile(source(cell), "<cell>", "exec"), namespace)


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_blank_exercise_scores_zero_as_not_answered_in_hidden_checks_too(path):
    """Does a blank notebook, graded with the hidden checks, get "not answered yet" and 0 everywhere?

    A hidden check that reads an undefined answer inside a helper (``own_value``) would say
    "not right yet" to a learner who has written nothing.
    """
    stubs = cells_by_id(read_notebook(released(path)))
    namespace: dict = {}
    for cell in read_notebook(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        meta = nbgrader_meta(cell)
        if meta.get("grade") and not meta.get("solution"):
            points, _, messages, answered = run_test_cell(source(cell), namespace)
            assert points == 0 and not answered, f"{meta['grade_id']}: {points} points, {messages}"
            assert "not answered yet" in messages[0], messages
        else:
            code = source(stubs[meta["grade_id"]]) if meta.get("solution") else source(cell)
            try:
                exec(compile(code, "<cell>", "exec"), namespace)
            except NotImplementedError:
                assert meta.get("solution"), meta.get("grade_id")
