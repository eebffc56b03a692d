"""Synthetic student attempts built from an exercise: for the demo class, tests and benchmarks.

An attempt is the student version (``exercises/``) with some answer cells filled in, from the
solution (``solutions/``) or with given code, exactly as a learner would hand it in: no outputs.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

from mlpm.grading.course import nbgrader_cells

_MARKER_LINE = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


def read(path: Path) -> dict:
    """Load a notebook as plain JSON."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write(notebook: dict, path: Path) -> Path:
    """Write a notebook as JSON (the way Jupyter does: indent 1, trailing newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def solution_answers(solution: dict) -> dict[str, str]:
    """The authored answer of every solution cell, without nbgrader's marker lines."""
    answers = {}
    for gid, cell in nbgrader_cells(solution).items():
        if cell["metadata"]["nbgrader"].get("solution"):
            text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            answers[gid] = "\n".join(line for line in text.splitlines() if not _MARKER_LINE.match(line))
    return answers


def attempt(exercise: dict, answers: dict[str, str]) -> dict:
    """A copy of the student version with the given answer cells (by grade_id) replaced."""
    notebook = copy.deepcopy(exercise)
    for gid, cell in nbgrader_cells(notebook).items():
        if gid in answers:
            cell["source"] = answers[gid]
    return notebook
