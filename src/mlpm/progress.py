"""`mlpm progress`: the questions you answered and the visible checks they pass, module by module.

Reads your exercise notebooks as saved: no kernel runs, so it is instant and works from inside
JupyterLab (``from mlpm.progress import progress; progress()``). Checks are those of each test
cell as it last ran in your notebook: the visible ones only, so they are not points earned (a
wrong answer can pass them; hidden checks on other data run when the work is graded). `mlpm
check` gives points, with the instructor's engine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from mlpm.checks.question import MEDIA_TYPE
from mlpm.paths import content_dir
from mlpm.workspace import MANIFEST

BAR_WIDTH = 20
_CHECKS = re.compile(r"(\d+) of (\d+) (?:visible )?checks pass")


@dataclass
class ModuleProgress:
    """One module's exercise notebook as the learner saved it."""

    slug: str
    started: bool = False
    questions: int = 0
    answered: int = 0
    auto_questions: int = 0
    passing: int = 0
    checks_passed: int = 0
    checks_run: int = 0
    auto_points: float = 0.0
    written_points: float = 0.0

    @property
    def bar(self) -> str:
        """The share of automatically graded questions whose visible checks all pass, as a text bar."""
        filled = round(BAR_WIDTH * self.passing / self.auto_questions) if self.auto_questions else 0
        return "█" * filled + "░" * (BAR_WIDTH - filled)


def source(cell: dict) -> str:
    """A cell's source as one string."""
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def graded_cells(notebook: dict) -> dict[str, dict]:
    """The cells of a notebook (parsed JSON) that carry nbgrader metadata, by grade_id."""
    cells = {}
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if isinstance(meta, dict) and meta.get("grade_id"):
            cells[meta["grade_id"]] = cell
    return cells


def _checks(cell: dict) -> tuple[int, int]:
    """(checks passed, checks run) shown by a test cell's saved output."""
    for output in cell.get("outputs", []):
        data = output.get("data", {}).get(MEDIA_TYPE)
        if output.get("output_type") == "execute_result" and isinstance(data, dict):
            return int(data["passed"]), int(data["total"])
        if output.get("output_type") == "error":
            found = _CHECKS.search(str(output.get("evalue", "")))
            return (0, int(found.group(2))) if found else (0, 0)
    return 0, 0


def module_progress(slug: str, released: dict, mine: dict | None) -> ModuleProgress:
    """Compare the learner's saved notebook (None: there is none) with the handed-out version."""
    row = ModuleProgress(slug)
    theirs = graded_cells(mine) if mine is not None else {}
    cells = graded_cells(released)
    answers = {gid: cell for gid, cell in cells.items() if cell["metadata"]["nbgrader"].get("solution")}
    for gid, cell in cells.items():
        if not cell["metadata"]["nbgrader"].get("grade"):
            continue
        points = float(cell["metadata"]["nbgrader"]["points"])
        question = gid.split("_")[0]
        row.questions += 1
        if cell["cell_type"] == "code":
            row.auto_questions += 1
            row.auto_points += points
        else:
            row.written_points += points
        own = [aid for aid in answers if aid.split("_")[0] == question and aid in theirs]
        if any(source(theirs[aid]).strip() != source(answers[aid]).strip() for aid in own):
            row.answered += 1
        if gid in theirs and cell["cell_type"] == "code":
            passed, run = _checks(theirs[gid])
            row.checks_passed, row.checks_run = row.checks_passed + passed, row.checks_run + run
            row.passing += bool(run) and passed == run
    row.started = row.answered > 0 or any(
        c.get("outputs") or c.get("execution_count") for c in (mine or {}).get("cells", []) if c["cell_type"] == "code")
    return row


def find_workspace(start: Path) -> Path | None:
    """The workspace holding ``start`` (the folder with mlpm's sync manifest), if any."""
    for folder in [start, *start.parents]:
        if (folder / MANIFEST).is_file():
            return folder
    return None


def workspace_progress(workspace: Path) -> list[ModuleProgress]:
    """One row per module, from ``workspace/exercises/<slug>/<notebook>``."""
    rows = []
    for folder in sorted(p for p in content_dir("exercises").iterdir() if p.is_dir()):
        for released in sorted(folder.glob("*.ipynb")):
            path = workspace / "exercises" / folder.name / released.name
            try:
                mine = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
            except (ValueError, UnicodeDecodeError):
                mine = None
            rows.append(module_progress(folder.name, json.loads(released.read_text(encoding="utf-8")), mine))
    return rows


def render(rows: list[ModuleProgress]) -> str:
    """The progress table as text: one line per module, then the totals and what they are not."""
    width = max(len(row.slug) for row in rows + [ModuleProgress("module")])
    lines = [f"{'module':<{width}}  {'answered':<9}  {'visible checks pass':<{BAR_WIDTH + 9}}  "
             "written answers, to be graded by your instructor", ""]
    for row in rows:
        if not row.started:
            lines.append(f"{row.slug:<{width}}  not started ({row.questions} questions)")
            continue
        written = f"{row.written_points:g} points" if row.written_points else "none"
        lines.append(f"{row.slug:<{width}}  {row.answered:>3} / {row.questions:<3}  "
                     f"{row.passing:>2} / {row.auto_questions:<2} {row.bar}  {written}")
    answered, questions = sum(r.answered for r in rows), sum(r.questions for r in rows)
    passing, auto = sum(r.passing for r in rows), sum(r.auto_questions for r in rows)
    lines += ["", f"{answered} of {questions} questions answered; the visible checks pass on {passing} of the {auto} "
                  "automatically graded questions.",
              "Visible checks are not points: a wrong answer can pass them, and hidden checks on other data run",
              "when your work is graded. `mlpm check` gives your points. (From your notebooks as last run and saved.)"]
    return "\n".join(lines)


class Progress:
    """The progress table; a notebook shows it as text in a fixed-width block."""

    def __init__(self, rows: list[ModuleProgress]) -> None:
        self.rows = rows

    def __repr__(self) -> str:
        return render(self.rows)

    def _repr_html_(self) -> str:
        import html

        return f"<pre>{html.escape(render(self.rows))}</pre>"


def progress(workspace: Path | str | None = None) -> Progress:
    """Your progress across modules, from your saved notebooks (call it in any notebook or a terminal).

    ``workspace`` defaults to the workspace holding the current folder, else ``mlpm lab``'s default.
    """
    if workspace is None:
        from mlpm.lab import default_workspace

        workspace = find_workspace(Path.cwd()) or default_workspace()
    return Progress(workspace_progress(Path(workspace)))
