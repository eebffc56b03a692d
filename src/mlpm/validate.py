"""What the Validate button shows in the learner's lab: one line per question, wrapped, and a total.

nbgrader's own answer lists the full source of every failing test cell and its traceback, in
boxes that do not wrap. Here the server runs nbgrader's validator as before and answers in the
same shape, so nbgrader's Validate dialog (which we cannot change) shows our text instead: a
single "failed" entry whose HTML hides the dialog's "The following cell failed:" heading and
the empty source box, and wraps its lines. A notebook whose visible checks all pass keeps
nbgrader's "Success!" (the dialog's green path); a changed locked cell keeps nbgrader's report.
"""

from __future__ import annotations

import html
import re

from nbgrader.validator import Validator

from mlpm.checks.question import MEDIA_TYPE, QuestionResult

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# The dialog is #validation-message: a heading, the cell's source, then our HTML inside a <pre>.
_STYLE = ("<style>#validation-message > div:nth-child(-n+2) {display: none}"
          " #validation-message pre:has(.mlpm-validate) {border: none; margin: 0; padding: 0}</style>")


class KeepingValidator(Validator):
    """nbgrader's validator, keeping the executed notebook so that its outputs can be read."""

    executed = None

    def _preprocess(self, nb):
        self.executed = super()._preprocess(nb)
        return self.executed


def _is_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def result_line(cell) -> tuple[str, str]:
    """(the first line a test cell showed, "pass", "fail" or "unanswered")."""
    for output in cell.get("outputs", []):
        data = output.get("data", {}).get(MEDIA_TYPE)
        if output.get("output_type") == "execute_result" and isinstance(data, dict):
            result = QuestionResult(**data)
            return result.lines[0], "fail" if result.messages else "pass"
        if output.get("output_type") == "error":
            text = _ANSI.sub("", str(output.get("evalue", ""))).strip()
            if output.get("ename") == "NotAnsweredYet":
                return text.split(" is not answered yet")[0], "unanswered"
            if output.get("ename") != "CheckFailed":
                text = f"{output.get('ename', 'Error')}: {text}"
            return text.splitlines()[0] if text else output.get("ename", "Error"), "fail"
    return "no result: the check cell showed nothing", "fail"


def dialog(lines: list[str]) -> dict:
    """The response that makes nbgrader's Validate dialog show ``lines``, wrapped, and nothing else."""
    text = "\n".join(lines)
    rows = "".join(f"<div style='margin-top: {1 if line == lines[-1] else 0}em'>{html.escape(line)}</div>"
                   for line in lines if line)
    body = (f"{_STYLE}<div class='mlpm-validate' style='white-space: pre-wrap; overflow-wrap: anywhere;"
            f" font-family: var(--jp-ui-font-family); line-height: 1.6'>{rows}</div>")
    return {"success": True, "value": {"failed": [{"source": "", "error": body, "raw_error": text}]}}


def summary(found: dict, executed) -> dict:
    """The Validate response for a validated notebook: nbgrader's for a pass or a changed cell, else ours.

    Parameters
    ----------
    found : dict
        What ``Validator.validate`` returned.
    executed : NotebookNode or None
        The notebook as the validator ran it (None if it did not run it).
    """
    if "failed" not in found or executed is None:
        return {"success": True, "value": found}
    results = [result_line(cell) for cell in executed.cells if _is_test(cell)]
    lines = [line for line, kind in results if kind != "unanswered"]
    unanswered = [line for line, kind in results if kind == "unanswered"]
    if unanswered:
        lines.append("Not answered yet: " + ", ".join(unanswered) + ".")
    passing = sum(kind == "pass" for _, kind in results)
    total = (f"{passing} of {len(results)} questions pass their visible checks; hidden checks run when your "
             "work is graded.")
    return dialog(lines + ["", total])
