"""Do the checks catch known-wrong answers, pass the solutions and fail blank exercises?

Cells run in-process (no kernel) for speed; the real nbgrader path is in test_nbgrader.py.
"""

from __future__ import annotations

import copy
import functools
import importlib
import pkgutil

import pytest

import known_wrong
from mlpm.checks import NotAnsweredYet
from notebook_tools import (
    cells_by_id,
    nbgrader_meta,
    read_notebook,
    released,
    run_code_cells,
    solution_notebooks,
    source,
)


def _fixtures() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for info in pkgutil.iter_modules(known_wrong.__path__):
        module = importlib.import_module(f"known_wrong.{info.name}")
        for mistake, (answer_id, code, caught_by) in module.WRONG_ANSWERS.items():
            rows.append((module.ASSIGNMENT, mistake, answer_id, code, caught_by))
    return rows


FIXTURES = _fixtures()


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


def _run(code: str, namespace: dict) -> None:
    exec(compile(code, "<test cell>", "exec"), namespace)


@pytest.mark.parametrize(
    "assignment, mistake, answer_id, code, caught_by", FIXTURES,
    ids=[f"{row[0]}:{row[1]}" for row in FIXTURES],
)
def test_known_wrong_answer_is_caught(assignment, mistake, answer_id, code, caught_by):
    """Does the test cell reject this known-wrong answer, with a message, at the right level?"""
    path = _notebook_with(assignment, answer_id)
    solution = read_notebook(path)
    test_id = _test_cell_after(solution, answer_id)
    full_test = source(cells_by_id(solution)[test_id])
    visible_test = source(cells_by_id(read_notebook(released(path)))[test_id])
    namespace = copy.copy(_solved_namespace(path))
    _run(code, namespace)

    if caught_by == "hidden":
        _run(visible_test, namespace)  # a hard-coded answer gets past what the learner sees...
    with pytest.raises(AssertionError) as caught:  # ...but never past the full test cell
        _run(visible_test if caught_by == "visible" else full_test, namespace)
    assert str(caught.value).strip(), "the learner gets an AssertionError with no message"
    assert not isinstance(caught.value, NotAnsweredYet), "a wrong answer is reported as not answered yet"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_every_auto_graded_question_has_a_known_wrong_fixture(path):
    """Is each auto-graded test cell exercised by at least one known-wrong answer?"""
    notebook = read_notebook(path)
    covered = {_test_cell_after(notebook, row[2]) for row in FIXTURES if row[0] == path.parent.name}
    tests = {
        nbgrader_meta(c)["grade_id"] for c in notebook["cells"]
        if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")
    }
    assert tests <= covered, f"test cells without a known-wrong fixture: {sorted(tests - covered)}"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_solution_passes_every_test_cell(path):
    """Does the authored solution pass all visible and hidden checks?"""
    _solved_namespace(path)  # raises on the first failing cell


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_blank_exercise_fails_every_test_cell_asking_to_answer_first(path):
    """Does a learner who runs a check before answering get told to answer first?"""
    namespace: dict = {}
    for cell in read_notebook(released(path))["cells"]:
        if cell["cell_type"] != "code":
            continue
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            with pytest.raises(NotImplementedError):
                _run(source(cell), namespace)
        elif meta.get("grade"):
            with pytest.raises(NotAnsweredYet, match="not defined yet|NotImplementedError"):
                _run(source(cell), namespace)
        else:
            _run(source(cell), namespace)
