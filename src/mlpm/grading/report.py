"""grades.csv and the class report (markdown with PNG figures, and the same as one HTML page) for one assignment."""

from __future__ import annotations

import base64
import collections
import csv
import re
import textwrap
from pathlib import Path

import matplotlib
import mistune

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from mlpm.grading.autograde import OK, Result  # noqa: E402
from mlpm.grading.course import Course  # noqa: E402


def score_table(course: Course, results: list[Result], manual: dict[str, dict[str, float]]) -> list[dict]:
    """One row per student: status, total, points per graded cell, notes.

    A student whose notebook could not be graded has an empty total and empty points (never 0);
    the status and notes say why. A written answer not graded yet is empty and flagged.
    """
    rows = []
    for result in results:
        row: dict = {"student": result.student, "status": result.status, "total": "", "max": course.max_score}
        given = manual.get(result.student, {})
        waiting = []
        for cell in course.grade_cells:
            score = given.get(cell.grade_id, result.scores.get(cell.grade_id)) if result.status == OK else None
            row[cell.grade_id] = "" if score is None else score
            if result.status == OK and score is None:
                waiting.append(cell.grade_id)
        if result.status == OK:
            row["total"] = sum(float(row[cell.grade_id] or 0) for cell in course.grade_cells)
        row["needs_manual_grading"] = " ".join(waiting)
        row["waiting_points"] = sum(cell.points for cell in course.grade_cells if cell.grade_id in waiting)
        row["notes"] = "; ".join(result.notes)
        rows.append(row)
    return rows


def write_csv(rows: list[dict], path: Path) -> Path:
    """Write the score table as CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["student", "status"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _fraction_matrix(course: Course, rows: list[dict]) -> np.ndarray:
    matrix = np.full((len(rows), len(course.grade_cells)), np.nan)
    for i, row in enumerate(rows):
        for j, cell in enumerate(course.grade_cells):
            if row[cell.grade_id] != "":
                matrix[i, j] = row[cell.grade_id] / cell.points
    return matrix


def _waiting(rows: list[dict]) -> set[str]:
    """Questions that some graded student still waits on (written answers not graded yet)."""
    return {gid for row in rows for gid in row["needs_manual_grading"].split()}


def plot_distribution(course: Course, rows: list[dict], path: Path) -> Path:
    """Histogram of totals of the graded students, with the median marked."""
    totals = [row["total"] for row in rows if row["total"] != ""]
    figure, axes = plt.subplots(figsize=(7, 3.5))
    bins = np.arange(0, course.max_score + 2) - 0.5
    axes.hist(totals, bins=bins, color="#4c72b0", edgecolor="white")
    if totals:
        median = float(np.median(totals))
        axes.axvline(median, color="#dd8452", linestyle="--", label=f"median {median:g}")
        axes.legend(frameon=False)
    axes.set(xlabel=f"total points (of {course.max_score:g})", ylabel="students",
             title=f"{course.slug}: score distribution ({len(totals)} graded)", xlim=(-0.5, course.max_score + 0.5))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path


def plot_heatmap(course: Course, rows: list[dict], path: Path) -> Path:
    """Student x question heatmap of the share of points; ungraded rows and cells are grey."""
    order = sorted(rows, key=lambda r: (r["total"] == "", -(r["total"] or 0), r["student"]))
    matrix = _fraction_matrix(course, order)
    labels = [r["student"] if r["status"] == OK else f"{r['student']} ({r['status']})" for r in order]
    figure, axes = plt.subplots(figsize=(1.6 + 1.0 * len(course.grade_cells), 2.0 + 0.38 * len(order)))
    cmap = matplotlib.colormaps["RdYlGn"]
    cmap = cmap.with_extremes(bad="#d9d9d9")
    image = axes.imshow(np.ma.masked_invalid(matrix), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    axes.set_xticks(range(len(course.grade_cells)),
                    [f"{_wrapped(course.title(c.grade_id))}\n({c.points:g} pt{'' if c.auto else ', manual'})"
                     for c in course.grade_cells],
                    fontsize=7.5)
    axes.set_yticks(range(len(order)), labels, fontsize=8)
    waiting = _waiting(rows)
    for j, column in enumerate(matrix.T):
        graded = column[~np.isnan(column)]
        if graded.size and course.grade_cells[j].grade_id not in waiting:
            axes.text(j, -0.7, f"{graded.mean():.0%}", ha="center", va="bottom", fontsize=8)
    axes.set_title("share of points per question (top: class mean once all graded; grey: not graded yet)",
                   fontsize=10, pad=18)
    figure.colorbar(image, ax=axes, fraction=0.03, pad=0.02, format=matplotlib.ticker.PercentFormatter(1.0))
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path


def _wrapped(title: str, width: int = 13) -> str:
    """A question title on lines of at most ``width`` characters, whole (a heatmap label)."""
    return textwrap.fill(title, width, break_long_words=False)


# A quoted label, or a list of them, in a failing message: 'Finance', 'Ops' and 2 more.
_LABELS = re.compile(r"'[^']*'(?:, '[^']*')*(?: and \d+ more)?")


def _grouped(messages: list[str]) -> str:
    """One line for messages that differ only in their quoted labels: the labels all of them share
    stay (they are the message's fixed wording), the ones that differ become "…"."""
    first = messages[0]
    spans = [[match.group() for match in _LABELS.finditer(message)] for message in messages]
    pieces, end = [], 0
    for k, match in enumerate(_LABELS.finditer(first)):
        same = all(labels[k] == match.group() for labels in spans)
        pieces += [first[end:match.start()], match.group() if same else "…"]
        end = match.end()
    return "".join(pieces) + first[end:]


def common_failures(results: list[Result]) -> list[tuple[str, str, int]]:
    """(question, failing check message, number of students), most common first; blanks left out.

    Messages that differ only in the labels they quote (the same mistake on another student's
    data) count as one, shown with the labels that differ replaced by "…".
    """
    groups: dict[tuple[str, str], dict[str, list[str]]] = {}
    for result in results:
        for gid, message in set(result.failures):
            groups.setdefault((gid, _LABELS.sub("…", message)), {}).setdefault(result.student, []).append(message)
    counted = [(gid, _grouped([m for messages in by_student.values() for m in messages]), len(by_student))
               for (gid, _), by_student in groups.items()]
    return sorted(counted, key=lambda row: -row[2])


def unanswered_counts(results: list[Result]) -> collections.Counter:
    """Question -> number of students whose check said it was not answered yet."""
    return collections.Counter(gid for r in results for gid in set(r.unanswered))


# Notes that only inform (a renamed file is graded as usual); every other note needs a look.
INFORMATIONAL_NOTES = ("handed in as ",)
MOST_COMMON_SHOWN = 25


def needs_a_look(course: Course, results: list[Result], rows: list[dict]) -> list[tuple[str, str, str]]:
    """(student, status, why) for each submission an instructor should open: not graded, repaired, or blank."""
    auto = [cell.grade_id for cell in course.grade_cells if cell.auto]
    by_student = {r.student: r for r in results}
    found = []
    for row in rows:
        result = by_student.get(row["student"])
        notes = result.notes if result is not None else [row["notes"]]
        why = [note for note in notes if note and not note.startswith(INFORMATIONAL_NOTES)]
        if row["status"] == OK and result is not None and set(auto) <= set(result.unanswered):
            why.insert(0, "blank: no auto-graded question answered (handed in the wrong file?)")
        if row["status"] != OK or why:
            found.append((row["student"], row["status"], "; ".join(why)))
    return found


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_report(course: Course, results: list[Result], rows: list[dict], folder: Path) -> Path:
    """Write ``report.md`` and ``report.html`` (figures inside) into ``folder``; return the markdown's path."""
    folder.mkdir(parents=True, exist_ok=True)
    plot_distribution(course, rows, folder / "score-distribution.png")
    plot_heatmap(course, rows, folder / "question-heatmap.png")
    graded = [r for r in rows if r["status"] == OK]
    statuses = collections.Counter(r["status"] for r in rows if r["status"] != OK)
    totals = [r["total"] for r in graded]
    lines = [f"# Class report · {course.slug}", "",
             f"{len(rows)} students: {len(graded)} graded"
             + "".join(f", {n} {status}" for status, n in sorted(statuses.items())) + ".", ""]
    waiting = _waiting(rows)
    if totals:
        manual_max = sum(c.points for c in course.grade_cells if c.grade_id in waiting)
        lines += [f"Total points (of {course.max_score:g}): median {np.median(totals):g}, "
                  f"mean {np.mean(totals):.1f}, lowest {min(totals):g}, highest {max(totals):g}."
                  + (f" Written answers ({manual_max:g} points) are not graded yet for everyone: "
                     "totals are points so far." if manual_max else ""), ""]
    lines += ["![score distribution](score-distribution.png)", "",
              "![student x question heatmap](question-heatmap.png)", "",
              "## Questions, hardest first", "",
              "| question | points | class mean | students below full marks | of whom not answered |",
              "|---|---|---|---|---|"]
    matrix = _fraction_matrix(course, graded)
    stats = []
    for j, cell in enumerate(course.grade_cells):
        column = matrix[:, j][~np.isnan(matrix[:, j])] if len(graded) else np.array([])
        if column.size and cell.grade_id not in waiting:
            stats.append((float(column.mean()), cell, int((column < 1).sum()), column.size))
    unanswered = unanswered_counts(results)
    for mean, cell, below, n in sorted(stats, key=lambda s: s[0]):
        blank = unanswered.get(cell.grade_id, 0) if cell.auto else ""
        title = _md(course.title(cell.grade_id))
        lines.append(f"| {title} | {cell.points:g} | {mean:.0%} | {below} of {n} | {blank} |")
    students_waiting = [r["student"] for r in graded if r["needs_manual_grading"]]
    if students_waiting:
        names = ", ".join(course.title(gid) for gid in sorted(waiting))
        lines += ["", f"Not ranked yet: {names}, with written answers of "
                      f"{len(students_waiting)} students waiting for manual grading (grade them in formgrader, "
                      "then run `mlpm grade` again to refresh this report)."]
    failures = common_failures(results)
    lines += ["", "## Most common failing checks", "",
              "Answers that were tried and are wrong (questions left unanswered are counted above).", "",
              "| question | message | students |", "|---|---|---|"]
    lines += [f"| {_md(course.title(gid))} | {_md(message)} | {n} |"
              for gid, message, n in failures[:MOST_COMMON_SHOWN]]
    if len(failures) > MOST_COMMON_SHOWN:
        lines += ["", f"{len(failures) - MOST_COMMON_SHOWN} more messages, each for fewer students, are in the "
                      "students' feedback pages."]
    problems = needs_a_look(course, results, rows)
    if problems:
        lines += ["", "## Submissions that need a look", "", "| student | status | why |", "|---|---|---|"]
        lines += [f"| {student} | {status} | {_md(why)} |" for student, status, why in problems]
    report = folder / "report.md"
    text = "\n".join(lines) + "\n"
    report.write_text(text, encoding="utf-8")
    (folder / "report.html").write_text(_html(course, text, folder), encoding="utf-8")
    return report


def _html(course: Course, markdown: str, folder: Path) -> str:
    """The report as one HTML page, figures embedded, readable in any browser."""
    def embed(match: re.Match) -> str:
        data = base64.b64encode((folder / match.group(2)).read_bytes()).decode("ascii")
        return f"![{match.group(1)}](data:image/png;base64,{data})"

    body = mistune.create_markdown(plugins=["table"])(re.sub(r"!\[([^\]]*)\]\(([^)]+\.png)\)", embed, markdown))
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
             "img{max-width:100%}")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Class report · {course.slug}</title>"
            f"<style>{style}</style></head><body>{body}</body></html>")
