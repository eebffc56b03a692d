"""The common mistakes, read as data from the known-wrong fixtures (``tests/known_wrong/mNN_*.py``).

The fixture modules are imported, not parsed, so rows added with ``WRONG_ANSWERS[...] = ...`` or
``WRONG_ANSWERS.update(...)`` count too. A fixture's ``MESSAGES`` (mistake name -> a substring of the
message a learner sees) says what the checks tell a learner who makes that mistake.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """One known-wrong answer: its name, the answer cell, who catches it, and the learner's message."""

    name: str
    cell: str
    caught: str  # "visible" or "hidden"
    message: str = ""

    @property
    def words(self) -> str:
        return re.sub(r"[_-]+", " ", self.name).capitalize()


def _load(path: Path):
    """Import one fixture module from ``path`` (its folder's parent on ``sys.path`` for its own imports)."""
    tests = str(path.parent.parent)
    added = tests not in sys.path
    if added:
        sys.path.insert(0, tests)
    try:
        spec = importlib.util.spec_from_file_location(f"known_wrong.{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        if added:
            sys.path.remove(tests)
    return module


def mistakes(root: Path, slug: str) -> list[Mistake]:
    """Every known-wrong answer of the module ``slug``, in the fixtures' order."""
    found = []
    for path in sorted((root / "tests" / "known_wrong").glob(f"m{slug.split('-')[0]}_*.py")):
        fixture = _load(path)
        messages = getattr(fixture, "MESSAGES", {})
        for name, (cell, _code, caught) in fixture.WRONG_ANSWERS.items():
            found.append(Mistake(name, cell, caught, messages.get(name, "")))
    return found
