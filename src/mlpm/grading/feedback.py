"""Per-student feedback HTML: the graded notebook, with hidden tests and mark schemes removed.

Every locked cell (test cells, prompts, the guide next to a written answer) gets back its
student-visible source from the released notebook, so hidden tests' source and mark schemes
do not reach the student, while the test cells' outputs, i.e. pass or fail and the check's
message, stay. Test cells' tracebacks are cut to their last line (the message): a traceback
quotes the test's source. Outputs longer than ``MAX_OUTPUT_CHARS`` are cut. A summary of
points per question, in the words the notebook shows, opens the page.
"""

from __future__ import annotations

import copy
import functools
import html
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from mlpm.checks.question import inline_html
from mlpm.grading.autograde import OK, Result
from mlpm.grading.course import Course, nbgrader_cells

MAX_OUTPUT_CHARS = 20_000


def _trim(output: dict) -> None:
    """Cut a very long text output (a learner printing megabytes) to its first characters."""
    data = output.get("data", {})
    for holder, key in ((output, "text"), (data, "text/plain"), (data, "text/html")):
        text = holder.get(key)
        if isinstance(text, list):
            text = "".join(text)
        if isinstance(text, str) and len(text) > MAX_OUTPUT_CHARS:
            holder[key] = text[:MAX_OUTPUT_CHARS] + f"\n... output cut: {len(text):,} characters in all ..."


def _summary(course: Course, result: Result, manual: dict[str, float]) -> str:
    """An HTML table: points per question, and each result in the words the notebook shows."""
    rows = ["<table><thead><tr><th>question</th><th>points</th><th>result</th></tr></thead><tbody>"]
    total, pending = 0.0, False
    for cell in course.grade_cells:
        score = manual.get(cell.grade_id, result.scores.get(cell.grade_id))
        if score is None:
            shown, verdict, pending = "–", "waiting for your instructor", True
        else:
            total += score
            shown = f"{score:g} / {cell.points:g}"
            if cell.auto:
                lines = result.outcomes.get(cell.grade_id) or ["✓ passed"]
            elif cell.grade_id in manual:
                lines = ["graded by your instructor"]
            else:  # nbgrader gives 0 to a written answer left as handed out, with no one reading it
                lines = ["left blank: 0 points, given automatically (there was nothing to grade)"]
            verdict = "<br>".join(inline_html(line) for line in lines)
        rows.append(f"<tr><td>{inline_html(course.title(cell.grade_id))}</td><td>{shown}</td><td>{verdict}</td></tr>")
    rows.append("</tbody></table>")
    notes = "".join(f"<li>{inline_html(note)}</li>" for note in result.notes)
    return (f"<h1>Feedback for {html.escape(result.student)} · {html.escape(course.slug)}</h1>\n\n"
            f"<p><b>Total{' so far' if pending else ''}: {total:g} / {course.max_score:g}</b>"
            + (" (written answers still to be graded)" if pending else "") + "</p>\n\n" + "".join(rows)
            + (f"\n\n<p>Notes from the grader:</p><ul>{notes}</ul>" if notes else ""))


def cut_tracebacks(cell: dict) -> None:
    """Replace each traceback of a cell by its message: a traceback quotes the test's source."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]


class CutTestTracebacks(Preprocessor):
    """For plain ``nbgrader generate_feedback``: test cells' tracebacks cut to their message."""

    enabled = Bool(True)  # nbconvert's preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        """Cut the tracebacks of auto-graded test cells (nbgrader grade cells with code)."""
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cut_tracebacks(cell)
        return cell, resources


def student_notebook(course: Course, graded: dict, result: Result, manual: dict[str, float]) -> dict:
    """The feedback version of an autograded notebook (parsed JSON), see module doc."""
    notebook = copy.deepcopy(graded)
    auto = {cell.grade_id for cell in course.grade_cells if cell.auto}
    for gid, cell in nbgrader_cells(notebook).items():
        released = course.released.get(gid)
        meta = cell["metadata"]["nbgrader"]
        if released is not None and meta.get("locked") and not meta.get("solution"):
            text = released["source"]
            cell["source"] = text if isinstance(text, str) else "".join(text)
        if gid in auto:
            cut_tracebacks(cell)
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            _trim(output)
    summary = nbformat.v4.new_markdown_cell(_summary(course, result, manual))
    notebook["cells"].insert(0, summary)
    return notebook


@functools.cache
def _exporter() -> HTMLExporter:
    """One HTML exporter per process: loading its templates costs more than using them."""
    return HTMLExporter(template_name="lab")


def warm_up() -> None:
    """Load and compile the HTML templates once, before grading workers are forked from this process."""
    _exporter().from_notebook_node(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# warm-up"), nbformat.v4.new_code_cell("1")]))


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
            f"<body style='font-family:sans-serif;max-width:50em;margin:2em auto'>{body}</body></html>")


def write_feedback(course: Course, result: Result, manual: dict[str, float], target: Path) -> Path:
    """Write ``target`` (HTML) for one student: the feedback notebook, or why it was not graded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if result.status != OK or result.autograded is None:
        reasons = "".join(f"<li>{html.escape(note)}</li>" for note in result.notes)
        body = (f"<h1>Feedback for {html.escape(result.student)} · {html.escape(course.slug)}</h1>"
                f"<p>Your notebook could not be graded (<code>{html.escape(result.status)}</code>):</p>"
                f"<ul>{reasons}</ul><p>Fix this and hand it in again, or ask your instructor.</p>")
        target.write_text(_page(f"Feedback for {result.student} · {course.slug}", body), encoding="utf-8")
        return target
    graded = nbformat.read(result.autograded, as_version=4)
    notebook = nbformat.from_dict(student_notebook(course, graded, result, manual))
    notebook.metadata["title"] = f"Feedback for {result.student} · {course.slug}"  # the page's <title>
    body, _ = _exporter().from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")
    return target

