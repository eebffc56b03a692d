"""Do realistic learner attempts get the points a fair teacher gives them, question by question?

Each fixture module in ``attempts/`` holds whole attempts at one assignment (see
``attempts/__init__.py``). An attempt runs in-process (no kernel, as in test_known_wrong.py)
through the authored notebook in ``solutions/``: the attempt's answer cells replace the
solution's, the answer cells it leaves out keep the student version's stub, every other cell
runs as it is, and each test cell, hidden checks included, is scored as nbgrader would.
The real nbgrader path for the same attempts is ``benchmarks/fair_grading.py``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import io
import pkgutil

import pytest

import attempts
from notebook_tools import (
    cells_by_id,
    nbgrader_meta,
    read_notebook,
    released,
    run_test_cell,
    solution_notebooks,
    source,
)

TOLERANCE = 0.5  # points a question's automatic score may differ from the fair one

# Questions where the checks do not (yet) give what a fair teacher gives: (assignment, attempt,
# test cell) -> why. Listed, not hidden, and strict: once the module's owner fixes the check, the
# test fails until the line is removed.
KNOWN_DEFECTS: dict[tuple[str, str, str], str] = {}


def _modules() -> list:
    return [importlib.import_module(f"attempts.{info.name}") for info in pkgutil.iter_modules(attempts.__path__)]


def _solution(assignment: str):
    [path] = [p for p in solution_notebooks() if p.parent.name == assignment]
    return path


@functools.cache
def _scores(assignment: str, name: str) -> dict[str, tuple[float, float, list[str]]]:
    """Test cell grade_id -> (points, max points, messages) for one attempt, in-process."""
    [module] = [m for m in _modules() if m.ASSIGNMENT == assignment and name in m.ATTEMPTS]
    answers = module.ATTEMPTS[name]["answers"]
    path = _solution(assignment)
    stubs = cells_by_id(read_notebook(released(path)))
    namespace: dict = {}
    scores = {}
    for cell in read_notebook(path)["cells"]:
        if cell["cell_type"] != "code":
            continue
        meta = nbgrader_meta(cell)
        gid = meta.get("grade_id")
        if meta.get("grade") and not meta.get("solution"):
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    points, maximum, messages, _ = run_test_cell(source(cell), namespace)
                except Exception as error:  # noqa: BLE001 - a kernel would show the error: 0 points
                    points, maximum, messages = 0.0, meta["points"], [f"{type(error).__name__}: {error}"]
            scores[gid] = (points, maximum, messages)
            continue
        code = answers.get(gid, source(stubs[gid])) if meta.get("solution") else source(cell)
        with contextlib.redirect_stdout(io.StringIO()):
            try:  # a kernel runs on after a failing cell, and so does nbgrader
                exec(compile(code, f"<{gid or 'cell'}>", "exec"), namespace)
            except Exception:  # noqa: BLE001, S110 - the learner's error is the learner's
                pass
    return scores


def _cases() -> list:
    cases = []
    for module in _modules():
        for name, attempt in module.ATTEMPTS.items():
            for test_id, fair in attempt["fair"].items():
                key = (module.ASSIGNMENT, name, test_id)
                marks = [pytest.mark.xfail(reason=KNOWN_DEFECTS[key], strict=True)] if key in KNOWN_DEFECTS else []
                cases.append(pytest.param(*key, fair, marks=marks, id=":".join(key)))
    return cases


@pytest.mark.parametrize("module", _modules(), ids=lambda m: m.__name__.split(".")[-1])
def test_attempts_are_well_formed(module):
    """Does every attempt judge every auto-graded question, and explain each partial mark?"""
    notebook = read_notebook(_solution(module.ASSIGNMENT))
    tests = {nbgrader_meta(c)["grade_id"]: nbgrader_meta(c)["points"] for c in notebook["cells"]
             if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution")}
    answer_cells = {nbgrader_meta(c)["grade_id"] for c in notebook["cells"] if nbgrader_meta(c).get("solution")}
    for name, attempt in module.ATTEMPTS.items():
        assert set(attempt["answers"]) <= answer_cells, f"{name}: unknown answer cells"
        assert set(attempt["fair"]) == set(tests), f"{name}: fair points for {sorted(attempt['fair'])}"
        for test_id, fair in attempt["fair"].items():
            assert 0 <= fair <= tests[test_id], f"{name}: {test_id} fair {fair} of {tests[test_id]}"
            if 0 < fair < tests[test_id]:
                assert attempt["why"].get(test_id), f"{name}: say why {test_id} gets {fair}"


@pytest.mark.parametrize("assignment, attempt, test_id, fair", _cases())
def test_attempt_scores_what_a_fair_teacher_gives(assignment, attempt, test_id, fair):
    """Are the automatic points of this question within half a point of the fair ones?"""
    points, maximum, messages = _scores(assignment, attempt)[test_id]
    assert abs(points - fair) <= TOLERANCE, f"{points:g} of {maximum:g} points, fair is {fair:g}: {messages}"
