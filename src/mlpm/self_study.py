"""Self-study: a question's model answer, once you have tried it, in a source checkout only.

An exercise's setup cell makes ``show_solution = ModelAnswers("01-product-strategy")``; after
trying Question 3, ``show_solution(3)`` shows the authored answer from ``solutions/``. "Tried"
means the question's check cell ran on an answer in this kernel, or (for a written answer,
which has no check) the saved notebook's answer cell is no longer the blank one.

The model answers are read from the checkout's ``solutions/`` folder, which is neither in the
generated ``exercises/`` nor in the installed package: in a graded class there is nothing to show.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from mlpm.checks.question import TRIED
from mlpm.paths import content_dir, project_root
from mlpm.progress import graded_cells, source

_MARKER_LINE = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


class Shown:
    """What ``show_solution`` displays: Markdown in a notebook, plain text elsewhere."""

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown

    def __repr__(self) -> str:
        return self.markdown

    def _repr_markdown_(self) -> str:
        return self.markdown


def _answer_cells(notebook: dict, number: str) -> list[tuple[str, dict]]:
    return [(gid, cell) for gid, cell in graded_cells(notebook).items()
            if cell["metadata"]["nbgrader"].get("solution") and gid.split("_")[0] == f"q{number}"]


def _saved_notebook() -> dict | None:
    """The learner's notebook as last saved, when JupyterLab says which one this kernel runs."""
    path = os.environ.get("JPY_SESSION_NAME", "")
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")) if path.endswith(".ipynb") else None
    except (OSError, ValueError):
        return None


class ModelAnswers:
    """``show_solution(N)`` for one assignment, e.g. ``ModelAnswers("01-product-strategy")``."""

    def __init__(self, slug: str) -> None:
        self.slug = slug

    def _tried(self, number: str, released: dict) -> bool:
        if number in TRIED:
            return True
        saved = _saved_notebook()
        if saved is None:
            return False
        mine = graded_cells(saved)
        return any(gid in mine and source(mine[gid]).strip() != source(cell).strip()
                   for gid, cell in _answer_cells(released, number))

    def __call__(self, number: int | str) -> Shown:
        """The model answer to Question ``number``, if you tried it and the solutions are at hand."""
        number = str(number)
        root = project_root()
        if root is None or not (root / "solutions" / self.slug).is_dir():
            return Shown("Model answers come with the workshop's source checkout, for self-study. In a graded "
                         "class they are not handed out: your feedback after grading explains each question.")
        [solution] = sorted((root / "solutions" / self.slug).glob("*.ipynb"))
        authored = json.loads(solution.read_text(encoding="utf-8"))
        cells = _answer_cells(authored, number)
        if not cells:
            return Shown(f"{self.slug} has no Question {number}.")
        released = json.loads((content_dir("exercises") / self.slug / solution.name).read_text(encoding="utf-8"))
        if not self._tried(number, released):
            return Shown(f"Try Question {number} first: write your answer and run its check cell (for a written "
                         f"answer, save the notebook). Then `show_solution({number})` shows a model answer.")
        parts = [f"**A model answer to Question {number}.** Compare it with yours: other answers can be right too."]
        for _, cell in cells:
            text = "\n".join(line for line in source(cell).splitlines() if not _MARKER_LINE.match(line)).strip()
            parts.append(f"```python\n{text}\n```" if cell["cell_type"] == "code" else
                         "\n".join(f"> {line}" for line in text.splitlines()))
        return Shown("\n\n".join(parts))
