"""One question's checks: partial credit, one-line results and error carried forward.

A test cell builds a :class:`Question`, runs each check in its own ``with q.check():`` block
and ends with ``q.result()``::

    q = Question(3, points=2)
    with q.check():
        check_number(rice_scores(toy)["X"], 400, "rice_scores(toy)['X']")
    ### BEGIN HIDDEN TESTS
    q.hidden()
    with q.check():
        ...
    ### END HIDDEN TESTS
    q.result()

A failing check does not stop the others, so the question scores the weighted share of its
checks that pass. Each check says what it is worth: ``q.check(weight=3)`` for the core rule on
hidden data, the default 1 for a form check (type, keys, shape), so a wrong rule in the right
shape does not keep most of the points. ``q.result()`` then

- returns a :class:`QuestionResult` when at least one check passes: the notebook shows one
  line per result, and its ``text/plain`` is the points, which nbgrader reads as partial
  credit (``nbgrader.utils.determine_grade``);
- raises :class:`NotAnsweredYet` when nothing passes because the answer is missing, and
  :class:`CheckFailed` when nothing passes otherwise. Both are errors for nbgrader (0 points)
  and show their message in one line instead of a traceback (IPython calls
  ``_render_traceback_``).

A question that builds on an earlier answer calls :meth:`Question.carry_forward` in its hidden
part, before the checks, to run them with a correct version of the earlier step: one mistake
then costs points once.
"""

from __future__ import annotations

import html
import re
import sys
import types
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from mlpm.checks import room_report

MEDIA_TYPE = "application/vnd.mlpm.question+json"
MAX_MESSAGES = 4
_MISSING = object()
TRIED: set[str] = set()
"""Numbers of the questions whose checks ran on an answer in this kernel (self-study unlocks their model answers)."""


class NotAnsweredYet(AssertionError):
    """A check ran before its answer: the name is undefined or still raises the stub's error."""

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[33m… {line}\x1b[0m" for line in str(self).splitlines()]


class CheckFailed(AssertionError):
    """No check of a question passed; the message is the result's lines (what to look at)."""

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[31m{line}\x1b[0m" for line in str(self).splitlines()]


class QuestionResult:
    """The outcome of a question's checks, shown as one line per result.

    ``text/plain`` is the points alone (nbgrader's partial credit); HTML and the
    ``application/vnd.mlpm.question+json`` data carry the words.
    """

    def __init__(self, title: str, points: float, max_points: float, passed: int, total: int,
                 hidden_ran: bool, messages: list[str], notes: list[str]) -> None:
        self.title, self.points, self.max_points = title, points, max_points
        self.passed, self.total, self.hidden_ran = passed, total, hidden_ran
        self.messages, self.notes = messages, notes

    @property
    def lines(self) -> list[str]:
        """The result in words: a ✓ line, or one ✗ line per distinct failing message."""
        if not self.messages:
            if self.hidden_ran:
                head = f"✓ {self.title}: all {self.total} checks pass."
            else:
                head = f"✓ {self.title}: the visible checks pass (more checks run when your work is graded)."
            return [head] + self.notes
        return _failure_lines(self) + self.notes

    def __repr__(self) -> str:
        return f"{self.points:g}"

    def _repr_html_(self) -> str:
        colour = "#1a7f37" if not self.messages else "#b35900"
        rows = "".join(f"<div>{inline_html(line)}</div>" for line in self.lines)
        return f"<div style='color:{colour};font-family:var(--jp-code-font-family, monospace)'>{rows}</div>"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {"text/plain": repr(self), "text/html": self._repr_html_(), MEDIA_TYPE: self.as_json()}

    def as_json(self) -> dict[str, Any]:
        """The result as data, for ``mlpm grade`` and ``mlpm check``."""
        return {"title": self.title, "points": self.points, "max_points": self.max_points, "passed": self.passed,
                "total": self.total, "hidden_ran": self.hidden_ran, "messages": self.messages, "notes": self.notes}


def inline_html(text: str) -> str:
    """Escape a line for HTML and show `code` as code (the notebook's result and the feedback page)."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _failure_lines(result: QuestionResult) -> list[str]:
    shown = result.messages[:MAX_MESSAGES]
    lines = [f"✗ {result.title}: {shown[0]}"] + [f"✗ {message}" for message in shown[1:]]
    if len(result.messages) > MAX_MESSAGES:
        lines.append(f"✗ ... and {len(result.messages) - MAX_MESSAGES} more problem(s) in this question.")
    if result.hidden_ran:
        lines.append(f"{result.title}: {result.passed} of {result.total} checks pass, "
                     f"{result.points:g} of {result.max_points:g} points.")
    else:
        lines.append(f"{result.title}: {result.passed} of {result.total} visible checks pass.")
    return lines


def _learner_frame(traceback: types.TracebackType | None) -> types.FrameType | None:
    """The innermost frame of the traceback that runs notebook code (not a library's)."""
    found = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if not any(part in filename for part in ("site-packages", "/lib/python", "<frozen")):
            found = traceback.tb_frame
        traceback = traceback.tb_next
    return found


def _innermost(traceback: types.TracebackType | None) -> types.FrameType | None:
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback.tb_frame if traceback is not None else None


class _Check:
    """Context manager for one check: records pass or fail and swallows the failure."""

    def __init__(self, question: Question, weight: float) -> None:
        self.question = question
        self.weight = weight
        self.frame: types.FrameType | None = None
        self._warnings = warnings.catch_warnings()
        self._errstate = np.errstate(all="ignore")

    def __enter__(self) -> None:
        self.frame = sys._getframe(1)
        self._warnings.__enter__()
        warnings.simplefilter("ignore")
        self._errstate.__enter__()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: types.TracebackType | None) -> bool:
        self._errstate.__exit__(None, None, None)
        self._warnings.__exit__(None, None, None)
        if kind is None:
            self.question._record(None, answered=True, weight=self.weight)
            return True
        if not issubclass(kind, Exception):
            return False  # KeyboardInterrupt (a cell time limit), SystemExit: let them through
        message, answered = self._explain(error, traceback)
        self.question._record(message, answered=answered, weight=self.weight)
        return True

    def _explain(self, error: BaseException, traceback: types.TracebackType | None) -> tuple[str, bool]:
        """The learner-facing message for a failed check, and whether an answer exists."""
        if isinstance(error, NotAnsweredYet):
            return str(error), False
        if isinstance(error, NotImplementedError):
            return ("Your answer still has `raise NotImplementedError()`. Replace it with your code, "
                    "run that cell, then run this check again."), False
        innermost = _innermost(traceback)
        in_test_cell = innermost is not None and innermost.f_code.co_filename == self.frame.f_code.co_filename
        if isinstance(error, NameError) and in_test_cell:
            name = getattr(error, "name", None) or "your answer"
            return (f"`{name}` is not defined yet. Write your answer in the cell above, run it, "
                    "then run this check again."), False
        if isinstance(error, AssertionError):
            return (str(error).strip() or "A check did not pass."), True
        frame = _learner_frame(traceback)
        where = ""
        if frame is not None and frame is not self.frame and frame.f_code.co_name != "<module>":
            where = f" in `{frame.f_code.co_name}`"
        detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
        return (f"Your code raised {type(error).__name__}{where}"
                + (f" ({detail})" if detail else "")
                + ". Run it in a cell of its own to see the full error."), True


class Question:
    """The checks of one question; see the module docstring for the test-cell pattern.

    Parameters
    ----------
    number : int or str
        The question's number, as its prompt gives it.
    points : float
        The test cell's points (its nbgrader metadata; a structure test keeps them equal).
    """

    def __init__(self, number: int | str, points: float) -> None:
        self.number = str(number)
        self.title = f"Question {number}"
        self.max_points = float(points)
        self.passed = 0
        self.total = 0
        self.weight_passed = 0.0
        self.weight_total = 0.0
        self.messages: list[str] = []
        self.unanswered: list[str] = []
        self.notes: list[str] = []
        self.hidden_ran = False
        self._restore: list[tuple[dict, str, Any]] = []

    def check(self, weight: float = 1) -> _Check:
        """One check worth ``weight``: ``with q.check(weight=3): ...``. A failure is recorded, and the cell goes on."""
        if not weight > 0:
            raise ValueError(f"A check's weight must be positive, not {weight!r}.")
        return _Check(self, float(weight))

    def hidden(self) -> None:
        """Mark that the hidden checks run from here (the pass line then says all checks ran)."""
        self.hidden_ran = True

    def carry_forward(self, namespace: dict, question: int | str, **references: Callable[..., Any]) -> None:
        """Run this question's checks with correct versions of an earlier question's functions.

        ``namespace`` is the notebook's ``globals()``; each keyword replaces the learner's
        function of that name until :meth:`result` restores it. The result says so, so a
        mistake in the earlier question costs points only there. ``question`` may name several
        ("1, 3 and 4").
        """
        self.hidden_ran = True
        for name, reference in references.items():
            self._restore.append((namespace, name, namespace.get(name, _MISSING)))
            namespace[name] = reference
        names = ", ".join(f"`{name}`" for name in references)
        several = isinstance(question, str) and ("," in question or " and " in question)
        self.notes.append(f"(Checked with a correct {names} from Question{'s' if several else ''} {question}, "
                          "so a mistake there costs points only once.)")

    def _record(self, message: str | None, *, answered: bool, weight: float) -> None:
        self.total += 1
        self.weight_total += weight
        if message is None:
            self.passed += 1
            self.weight_passed += weight
        elif not answered:
            if message not in self.unanswered:
                self.unanswered.append(message)
        elif message not in self.messages:
            self.messages.append(message)

    def _put_back(self) -> None:
        for namespace, name, original in reversed(self._restore):
            if original is _MISSING:
                namespace.pop(name, None)
            else:
                namespace[name] = original
        self._restore.clear()

    @property
    def points(self) -> float:
        """Points earned: the weighted share of checks that pass, times the question's points."""
        return round(self.max_points * self.weight_passed / self.weight_total, 2) if self.total else 0.0

    def result(self) -> QuestionResult:
        """Finish the question: return its result, or raise when no check passes (0 points).

        On a hub with the room view, the outcome (never the answer) also goes to the
        instructor's page (:mod:`mlpm.checks.room_report`).
        """
        self._put_back()
        if not self.total:
            self._report("failed", "no check ran")
            raise CheckFailed(f"{self.title}: no check ran. Run the whole cell again.")
        if self.passed or self.messages:
            TRIED.add(self.number)
        if not self.passed and not self.messages:
            self._report("unanswered", self.unanswered[0])
            raise NotAnsweredYet(f"{self.title} is not answered yet: {self.unanswered[0]}")
        result = QuestionResult(self.title, self.points, self.max_points, self.passed, self.total,
                                self.hidden_ran, self.messages + self.unanswered, self.notes)
        status = "passed" if self.passed == self.total else "partial" if self.passed else "failed"
        self._report(status, result.messages[0] if result.messages else None)
        if not self.passed:
            raise CheckFailed("\n".join(result.lines))
        return result

    def _report(self, status: str, message: str | None) -> None:
        room_report.report(self.number, status, self.points, self.max_points, self.passed, self.total, message)
