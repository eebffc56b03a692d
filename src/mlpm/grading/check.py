"""`mlpm check PATH...`: a learner grades notebooks with the instructor's engine.

No course folder or gradebook is needed: a throwaway course is made in a temporary folder.
The assignment is the one whose locked cells the notebook carries (else its folder's name).
In a source checkout the notebook is graded against ``solutions/`` (hidden checks included);
from an installed package, against the student version (visible checks only).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mlpm.grading.autograde import OK, Limits, Result, grade_submissions, scripts_on_path
from mlpm.grading.collect import GRADABLE, check_notebook, read_notebook
from mlpm.grading.course import Course, default_cache, locked_share, nbgrader_cells, prepare_course
from mlpm.paths import content_dir, project_root


class NotCheckable(Exception):
    """A path `mlpm check` cannot grade; the message says why, in one line."""


def _sources() -> dict[str, tuple[Path, bool]]:
    """Assignment -> (folder to generate it from, whether it has hidden tests)."""
    root = project_root()
    sources = {p.name: (p, False) for p in content_dir("exercises").iterdir() if p.is_dir()}
    if root is not None:
        sources.update({p.name: (p, True) for p in (root / "solutions").iterdir()
                        if p.is_dir() and p.name in sources})
    return sources


def find_assignment(notebook: Path) -> str:
    """The assignment a notebook belongs to: most locked cells in common, or the folder name."""
    sources = _sources()
    cells = nbgrader_cells(read_notebook(notebook)[0] or {})
    best, best_share = None, 0.0
    for slug in sorted(sources):
        for released in sorted((content_dir("exercises") / slug).glob("*.ipynb")):
            share = locked_share(cells, nbgrader_cells(read_notebook(released)[0] or {}))
            if share > best_share:
                best, best_share = slug, share
    if best is None and notebook.resolve().parent.name in sources:
        best = notebook.resolve().parent.name
    if best is None:
        raise NotCheckable(f"{notebook} is not one of the workshop's exercise notebooks "
                           f"({', '.join(sorted(sources))})")
    return best


def _is_exercise(path: Path) -> bool:
    """Whether a notebook file has graded cells (a lesson or a scratch notebook has none)."""
    try:
        notebook = read_notebook(path)[0]
    except OSError:
        return True  # checking it will say why it cannot be read
    return notebook is None or any(cell["metadata"]["nbgrader"].get("grade")
                                   for cell in nbgrader_cells(notebook).values())


def notebooks_to_check(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The notebooks that ``paths`` name, and one line per path that names none.

    A folder stands for every exercise notebook under it (checkpoints and hidden folders
    skipped); an unreadable notebook in it is kept, so that checking it says what is wrong.
    """
    notebooks, problems = [], []
    for path in paths:
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*.ipynb"))
                     if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                     and _is_exercise(p)]
            notebooks += found
            if not found:
                problems.append(f"{path} holds no exercise notebook")
        elif not path.exists():
            problems.append(f"{path}: no such file or folder")
        elif path.suffix != ".ipynb":
            problems.append(f"{path} is not a notebook (an .ipynb file)")
        else:
            notebooks.append(path)
    return notebooks, problems


def not_started(notebook: Path) -> tuple[str, float] | None:
    """(assignment, its automatic points) when every answer cell of ``notebook`` is still as handed
    out: there is nothing to grade yet. None when something was answered (or it is not an exercise).
    """
    try:
        mine = nbgrader_cells(read_notebook(notebook)[0] or {})
        slug = find_assignment(notebook)
    except (OSError, NotCheckable):
        return None
    for released in sorted((content_dir("exercises") / slug).glob("*.ipynb")):
        cells = nbgrader_cells(read_notebook(released)[0] or {})
        stubs = {gid: cell for gid, cell in cells.items() if cell["metadata"]["nbgrader"].get("solution")}
        if stubs and all(gid in mine and _source(mine[gid]).strip() == _source(stub).strip()
                         for gid, stub in stubs.items()):
            return slug, sum(float(c["metadata"]["nbgrader"].get("points", 0)) for c in cells.values()
                             if c["cell_type"] == "code" and c["metadata"]["nbgrader"].get("grade"))
    return None


def _source(cell: dict) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def check(notebook: Path, limits: Limits) -> tuple[Course, Result]:
    """Grade one notebook in a throwaway course; return the course and the result.

    Raises :class:`NotCheckable` when the file is not a readable exercise notebook.
    """
    scripts_on_path()
    try:
        problem, reason = read_notebook(notebook)[1:]
    except OSError as error:
        raise NotCheckable(f"{notebook} cannot be read: {error.strerror}") from None
    if problem:
        raise NotCheckable(reason)
    slug = find_assignment(notebook)
    source, hidden = _sources()[slug]
    with tempfile.TemporaryDirectory(prefix="mlpm-check-") as scratch:
        work = Path(scratch)
        course = prepare_course(source, slug, work, hidden_tests=hidden, cache=default_cache())
        status, reason = check_notebook(notebook, course)
        if status != GRADABLE:
            raise NotCheckable(reason)
        [result] = grade_submissions(course, [("you", notebook)], work / "submissions", limits, jobs=1)
        result.autograded = None  # it lives in the temporary folder
    return course, result


def automatic_points(course: Course, result: Result) -> tuple[float, float]:
    """(points earned, points possible) of the automatically graded questions."""
    auto = [cell for cell in course.grade_cells if cell.auto]
    return (sum(result.scores.get(cell.grade_id) or 0 for cell in auto) if result.status == OK else 0.0,
            sum(cell.points for cell in auto))


def render(notebook: Path, course: Course, result: Result) -> str:
    """The text `mlpm check` prints: points per question, then each failing check's message."""
    checks = "hidden checks included" if course.hidden_tests else "visible checks only"
    lines = [f"{notebook} · {course.slug} ({checks})", ""]
    if result.status != OK:
        return "\n".join(lines + [f"Could not grade it ({result.status}):"] + [f"  {n}" for n in result.notes])
    width = max(len(course.title(cell.grade_id)) for cell in course.grade_cells)
    for cell in course.grade_cells:
        title = course.title(cell.grade_id)
        if not cell.auto:
            lines.append(f"  {title:<{width}}  {'':>9}  graded by your instructor ({cell.points:g} points)")
            continue
        score = result.scores.get(cell.grade_id) or 0
        verdict = ("not answered yet" if cell.grade_id in result.unanswered
                   else "passed" if score == cell.points else "partly right" if score else "failed")
        lines.append(f"  {title:<{width}}  {score:>4g} / {cell.points:<3g} {verdict}")
    lines += ["", "Automatic points: {:g} / {:g}".format(*automatic_points(course, result))]
    if not course.hidden_tests:
        lines += ["(Visible checks only: your instructor's grading also runs hidden checks on other data, "
                  "so write general code; hard-coded answers will lose these points.)"]
    if result.failures:
        lines += ["", "What to look at:"]
        lines += [f"  {course.title(gid).split(' · ')[0]}: {message}" for gid, message in result.failures]
    if result.unanswered:
        lines += ["", "Not answered yet: " + ", ".join(course.title(gid).split(" · ")[0] for gid in result.unanswered)]
    if result.notes:
        lines += ["", "Notes:"] + [f"  {note}" for note in result.notes]
    return "\n".join(lines)
