"""The room's grid: for each learner and question, where they stand, and whether they are stuck.

THE STUCK RULE (pinned here, shown on the page and in the README): a learner is stuck on a
question when their latest run of it did not pass and, since they last passed it (or since
they started it), they have either had ``STUCK_RUNS`` or more runs that did not pass, or spent
``STUCK_MINUTES`` or more since the first of those runs. Runs of a check cell before an answer
exists ("not answered yet") are not attempts: they neither count nor start the clock.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mlpm.room.results import Result

STUCK_RUNS = 3
STUCK_MINUTES = 10
STUCK_RULE = (f"Stuck: the latest run of the question did not pass, and since the last pass there have been "
              f"{STUCK_RUNS} or more runs that did not pass, or {STUCK_MINUTES} or more minutes since the first "
              f"of them. Runs before an answer exists do not count.")


@dataclass
class Cell:
    """One learner on one question of one module."""

    user: str
    module: str
    question: str
    status: str = "unanswered"  # of the latest run
    runs: int = 0  # every run, "not answered yet" ones included
    last: float | None = None  # when the latest run was received
    misses: int = 0  # runs that did not pass since the last pass
    missing_since: float | None = None  # when the first of them was received
    message: str | None = None  # the latest failing message
    points: float | None = None
    max_points: float | None = None

    def add(self, result: Result) -> None:
        """Take in the learner's next run of this question."""
        self.runs += 1
        self.last = result.received
        self.status = result.status
        self.points, self.max_points = result.points, result.max_points
        if result.status == "passed":
            self.misses, self.missing_since, self.message = 0, None, None
        elif result.status in ("partial", "failed"):
            self.misses += 1
            self.missing_since = self.missing_since or result.received
            self.message = result.message

    def stuck(self, now: float) -> bool:
        """Whether the stuck rule holds at time ``now`` (seconds since the epoch)."""
        if self.status == "passed" or self.missing_since is None:
            return False
        return self.misses >= STUCK_RUNS or now - self.missing_since >= STUCK_MINUTES * 60

    def view(self, now: float) -> dict:
        """What the page draws for this cell."""
        return {"user": self.user, "module": self.module, "question": self.question, "status": self.status,
                "last": self.last, "runs": self.runs, "misses": self.misses, "message": self.message,
                "points": self.points, "max_points": self.max_points, "stuck": self.stuck(now)}


def known_questions(exercises: Path) -> dict[str, list[tuple[str, float]]]:
    """Each module's automatically graded questions as (number, points), in the notebook's order.

    Read from the handed-out notebooks ``exercises/<slug>/*.ipynb`` (the wheel ships them): the
    graded code cell ``qN_test`` is question ``N``, the number its ``Question(N, points=...)``
    reports. A missing folder gives no module (the grid then shows reported questions only).
    """
    table: dict[str, list[tuple[str, float]]] = {}
    for notebook in sorted(exercises.glob("[0-9][0-9]-*/*.ipynb")):
        questions = table.setdefault(notebook.parent.name, [])
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell["cell_type"] == "code" and meta.get("grade") and not meta.get("solution"):
                questions.append((meta["grade_id"].split("_")[0].removeprefix("q"), float(meta["points"])))
    return table


def by_number(question: str) -> tuple:
    """Sort key: numbers in numeric order (2 before 10), then anything else by its text."""
    return (0, int(question), "") if question.isdigit() else (1, 0, question)


class Grid:
    """Every cell, kept up to date as results arrive; knows which changed since it was last asked.

    ``questions`` (see :func:`known_questions`) gives each module's whole row of questions from
    the start; a question a learner reports that it does not list comes after the listed ones.
    """

    def __init__(self, questions: dict[str, list[tuple[str, float]]] | None = None):
        self.known = questions or {}
        self.cells: dict[tuple[str, str, str], Cell] = {}
        self.latest_module: str | None = None  # the module of the most recent result
        self.reported: dict[str, set[str]] = {}  # module -> the question numbers reported in it
        self.users: set[str] = set()  # everyone who reported, in any module
        self.changed: set[tuple[str, str, str]] = set()
        self.stuck_shown: dict[tuple[str, str, str], bool] = {}

    def add(self, result: Result) -> Cell:
        key = (result.module, result.user, result.question)
        cell = self.cells.get(key) or self.cells.setdefault(key, Cell(result.user, result.module, result.question))
        cell.add(result)
        self.latest_module = result.module
        self.reported.setdefault(result.module, set()).add(result.question)
        self.users.add(result.user)
        self.changed.add(key)
        return cell

    def modules(self) -> list[str]:
        """Every module the package knows and every one reported (``""``: a kernel that did not know it)."""
        return sorted(set(self.known) | set(self.reported))

    def default_module(self) -> str | None:
        """The module a page that chose none shows: the latest reported, else the first known."""
        if self.latest_module is not None:
            return self.latest_module
        return next(iter(self.modules()), None)

    def questions(self, module: str) -> list[dict]:
        """The module's row of questions: the known ones in order (with points), then the others reported."""
        known = [{"number": number, "points": points} for number, points in self.known.get(module, [])]
        listed = {q["number"] for q in known}
        others = sorted(self.reported.get(module, set()) - listed, key=by_number)
        return known + [{"number": number, "points": None} for number in others]

    def learners(self) -> list[str]:
        """Everyone who reported anything, in any module: a row each, "not yet" where they have not run."""
        return sorted(self.users)

    def module_cells(self, module: str) -> list[Cell]:
        return [cell for (m, _, _), cell in self.cells.items() if m == module]

    def take_changes(self, now: float) -> list[Cell]:
        """The cells that changed, or whose stuck flag flipped with time, since the last call."""
        keys = set(self.changed)
        for key, cell in self.cells.items():
            if self.stuck_shown.get(key) != cell.stuck(now):
                keys.add(key)
        self.changed.clear()
        for key in keys:
            self.stuck_shown[key] = self.cells[key].stuck(now)
        return [self.cells[key] for key in keys]


def summary(cells: list[Cell], now: float) -> dict[str, dict]:
    """Per question: how many passed (latest run), how many are stuck, and the most common failing message.

    The message counted is each learner's latest one among those whose latest run did not pass:
    what the room is stuck on now. Ties go to the message seen first.
    """
    out: dict[str, dict] = {}
    for cell in cells:
        entry = out.setdefault(cell.question, {"passed": 0, "stuck": 0, "tried": 0, "messages": Counter()})
        entry["passed"] += cell.status == "passed"
        entry["stuck"] += cell.stuck(now)
        entry["tried"] += cell.misses > 0 or cell.status == "passed"
        if cell.status in ("partial", "failed") and cell.message:
            entry["messages"][cell.message] += 1
    for entry in out.values():
        common = entry.pop("messages").most_common(1)
        entry["message"], entry["message_count"] = common[0] if common else (None, 0)
    return out
