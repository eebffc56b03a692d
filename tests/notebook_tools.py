"""Helpers the tests share: finding notebooks and running their cells in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER_LINE = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


def read_notebook(path: Path) -> dict:
    """Load a notebook as plain JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    """A cell's source as one string."""
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def nbgrader_meta(cell: dict) -> dict:
    """A cell's nbgrader metadata, or an empty dict."""
    return cell.get("metadata", {}).get("nbgrader", {})


def assignments() -> list[str]:
    """Slugs of every assignment in solutions/."""
    return sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())


def solution_notebooks() -> list[Path]:
    """Every authored exercise notebook."""
    return sorted((ROOT / "solutions").glob("*/*.ipynb"))


def released(solution: Path) -> Path:
    """The generated student version of an authored notebook."""
    return ROOT / "exercises" / solution.parent.name / solution.name


def strip_markers(text: str) -> str:
    """Remove nbgrader's BEGIN/END SOLUTION and HIDDEN TESTS marker lines."""
    return "\n".join(line for line in text.splitlines() if not MARKER_LINE.match(line))


def cells_by_id(notebook: dict) -> dict[str, dict]:
    """Cells keyed by nbgrader grade_id."""
    return {nbgrader_meta(c)["grade_id"]: c for c in notebook["cells"] if nbgrader_meta(c)}


def run_code_cells(notebook: dict, namespace: dict | None = None) -> dict:
    """Execute a notebook's code cells in order in one namespace, as a kernel would."""
    namespace = {} if namespace is None else namespace
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile(source(cell), "<cell>", "exec"), namespace)
    return namespace


def run_test_cell(code: str, namespace: dict) -> tuple[float, float, list[str], bool]:
    """Run a test cell in-process as nbgrader scores it: (points, max points, messages, answered).

    A cell that raises scores 0 (its message lines are the messages); one that ends with
    ``q.result()`` scores the result's points.
    """
    from mlpm.checks import NotAnsweredYet

    namespace.pop("q", None)
    try:
        exec(compile(code, "<test cell>", "exec"), namespace)
    except AssertionError as error:
        question = namespace.get("q")
        maximum = question.max_points if question is not None else float("nan")
        return 0.0, maximum, str(error).splitlines(), not isinstance(error, NotAnsweredYet)
    result = namespace["q"].result()  # the cell's last line; calling it again gives the same result
    return result.points, result.max_points, result.messages, True
