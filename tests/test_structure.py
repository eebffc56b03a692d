"""Are the notebooks well-formed: clean, with the cells every module needs and no leaks?"""

from __future__ import annotations

import subprocess

import pytest

from mlpm.modules import read_front_matter
from notebook_tools import (
    ROOT,
    assignments,
    nbgrader_meta,
    read_notebook,
    released,
    solution_notebooks,
    source,
)

MIN_AUTO_GRADED = 6
# Module 00 is a fifteen-minute warm-up (issue 11: at least 2 auto-graded questions, no written answer).
WARM_UP = {"00-orientation": 2}


def tracked_notebooks() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True)
    return listed.stdout.split() or [str(p.relative_to(ROOT)) for p in ROOT.glob("*/**/*.ipynb")]


def grade_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if nbgrader_meta(c).get("grade")]


def auto_test_cells(notebook: dict) -> list[dict]:
    return [c for c in grade_cells(notebook) if not nbgrader_meta(c).get("solution")]


@pytest.mark.parametrize("path", tracked_notebooks())
def test_notebook_is_committed_clean(path):
    """Is the notebook free of outputs and execution counts?"""
    for cell in read_notebook(ROOT / path)["cells"]:
        if cell["cell_type"] == "code":
            assert not cell["outputs"] and cell["execution_count"] is None, f"{path} has outputs"


@pytest.mark.parametrize("slug", assignments())
def test_every_module_has_a_lesson_with_front_matter(slug):
    """Does each assignment have a lesson whose first cell gives title, minutes and objectives?"""
    lesson = ROOT / "notebooks" / f"{slug}.ipynb"
    title, teach, practise, objectives = read_front_matter(lesson)
    assert title and teach > 0 and practise > 0 and len(objectives) >= 3
    cells = read_notebook(lesson)["cells"]
    assert any(source(c).startswith("## Key points") for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("path", [*solution_notebooks(), *sorted((ROOT / "notebooks").glob("*.ipynb"))],
                         ids=lambda p: p.name)
def test_exactly_one_parameters_cell(path):
    """Can papermill find exactly one cell tagged 'parameters'?"""
    tagged = [c for c in read_notebook(path)["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1


@pytest.mark.parametrize("slug", assignments())
def test_assignment_has_enough_graded_questions(slug):
    """Does the module have >= 6 auto-graded test cells (2 for the warm-up), all with hidden tests, and a
    written answer (none needed in the warm-up)?"""
    notebooks = [read_notebook(p) for p in solution_notebooks() if p.parent.name == slug]
    tests = [c for nb in notebooks for c in auto_test_cells(nb)]
    manual = [c for nb in notebooks for c in grade_cells(nb) if nbgrader_meta(c).get("solution")]
    assert len(tests) >= WARM_UP.get(slug, MIN_AUTO_GRADED)
    assert all("### BEGIN HIDDEN TESTS" in source(c) for c in tests)
    assert manual or slug in WARM_UP, "no manually graded written answer"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_grade_ids_unique_and_points_positive(path):
    """Are grade ids unique and every graded cell worth points?"""
    notebook = read_notebook(path)
    ids = [nbgrader_meta(c)["grade_id"] for c in notebook["cells"] if nbgrader_meta(c)]
    assert len(ids) == len(set(ids))
    assert all(float(nbgrader_meta(c)["points"]) > 0 for c in grade_cells(notebook))


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_written_answers_have_a_guide_and_a_mark_scheme(path):
    """Is each written answer followed by a visible 'a strong answer will' list and a mark scheme?"""
    cells = read_notebook(path)["cells"]
    for i, cell in enumerate(cells):
        meta = nbgrader_meta(cell)
        if meta.get("grade") and meta.get("solution"):
            guide = source(cells[i + 1])
            assert "A strong answer will" in guide
            assert "=== BEGIN MARK SCHEME ===" in guide and "=== END MARK SCHEME ===" in guide


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_every_question_has_a_hint(path):
    """Does every auto-graded question come with a collapsed hint?"""
    notebook = read_notebook(path)
    hints = [c for c in notebook["cells"] if source(c).startswith("<details>")]
    assert len(hints) >= len(auto_test_cells(notebook))


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_no_solution_hidden_test_or_mark_scheme_leaks_into_exercises(path):
    """Does the student version hide every solution line, hidden test and mark scheme?"""
    student = "\n".join(source(c) for c in read_notebook(released(path))["cells"])
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME"):
        assert marker not in student
    secret_lines, public_lines = [], []
    for cell in read_notebook(path)["cells"]:
        text, inside = source(cell), False
        written = nbgrader_meta(cell).get("solution") and cell["cell_type"] == "markdown"
        for line in text.splitlines():
            if "### BEGIN SOLUTION" in line or "### BEGIN HIDDEN TESTS" in line or "BEGIN MARK SCHEME" in line:
                inside = True
            elif "### END" in line or "END MARK SCHEME" in line:
                inside = False
            elif (inside or written) and len(line.strip()) > 25:
                secret_lines.append(line.strip())
            else:
                public_lines.append(line)
    public = "\n".join(public_lines)  # a prompt or hint may show a line on purpose
    leaked = [line for line in secret_lines if line in student and line not in public]
    assert not leaked, f"leaked into exercises: {leaked[:3]}"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_test_cells_follow_the_partial_credit_pattern(path):
    """Does every test cell open a Question with its own number and points, mark its hidden checks and end
    with q.result(), so nbgrader reads partial credit and the learner one line?"""
    for cell in auto_test_cells(read_notebook(path)):
        meta, text = nbgrader_meta(cell), source(cell).strip()
        number = meta["grade_id"].split("_")[0].removeprefix("q")
        points = float(meta["points"])
        assert text.startswith(f"q = Question({number}, points={points:g})"), meta["grade_id"]
        assert text.endswith("q.result()"), meta["grade_id"]
        hidden = text.split("### BEGIN HIDDEN TESTS")[1:]
        assert hidden and any("q.hidden()" in part or "q.carry_forward(" in part for part in hidden), (
            f"{meta['grade_id']}: hidden checks must follow q.hidden() or q.carry_forward(...)")
        assert "with checking()" not in text


@pytest.mark.parametrize("path", [*sorted((ROOT / "notebooks").glob("*.ipynb")), *solution_notebooks(),
                                  *sorted((ROOT / "exercises").glob("*/*.ipynb"))],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_ends_with_what_next(path):
    """Does every lesson and exercise end with a "## What next" markdown cell that names `mlpm check` and the next
    module's lesson (the next number present), unless it is the last module?"""
    last = read_notebook(path)["cells"][-1]
    text = source(last)
    assert last["cell_type"] == "markdown" and text.startswith("## What next")
    assert "mlpm check" in text
    number = int((path.stem if path.parent.name == "notebooks" else path.parent.name)[:2])
    later = sorted(n for n in (int(lesson.name[:2]) for lesson in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
                   if n > number)
    if later:
        assert f"{later[0]:02d}-" in text, "name the next module's lesson"


@pytest.mark.parametrize("path", solution_notebooks(), ids=lambda p: p.parent.name)
def test_setup_cell_offers_model_answers_for_self_study(path):
    """Does every exercise's setup cell make `show_solution` for its own assignment?"""
    setup = [cell for cell in read_notebook(path)["cells"] if nbgrader_meta(cell).get("grade_id") == "setup"]
    assert setup and f'show_solution = ModelAnswers("{path.parent.name}")' in source(setup[0])
