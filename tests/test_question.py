"""Does a question score the share of its checks that pass, and say so in one line?"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

from mlpm.checks import CheckFailed, NotAnsweredYet, Question, check_number


def _question(*outcomes: str, hidden: bool = False, points: float = 2) -> Question:
    """A question whose checks pass ("pass"), fail ("fail"), or find the answer missing ("blank")."""
    q = Question(3, points=points)
    for position, outcome in enumerate(outcomes):
        if hidden and position == len(outcomes) // 2:
            q.hidden()
        with q.check():
            if outcome == "fail":
                check_number(1, 2, f"answer_{position}", hint="Look at the units.")
            elif outcome == "blank":
                undefined_answer  # noqa: B018, F821
    return q


def test_partial_credit_is_the_share_of_checks_that_pass():
    """Do 2 passing checks of 3 give two thirds of the points, as a number nbgrader reads?"""
    result = _question("pass", "fail", "pass", hidden=True, points=3).result()
    assert result.points == 2.0
    bundle = result._repr_mimebundle_()
    assert bundle["text/plain"] == "2"
    assert bundle["application/vnd.mlpm.question+json"]["passed"] == 2


def test_a_check_weighs_what_it_says_it_is_worth():
    """Does a failing core check of weight 4 cost four fifths of the points next to a passing form check?"""
    q = Question(5, points=3)
    with q.check():
        pass  # the form: type and keys
    with q.check(weight=4):
        check_number(1, 2, "core_rule(hidden)")
    result = q.result()
    assert result.points == 0.6
    assert (result.passed, result.total) == (1, 2)


def test_a_check_weight_must_be_positive():
    """Is a zero or negative weight refused, so a check cannot silently count for nothing?"""
    with pytest.raises(ValueError, match="positive"):
        Question(1, points=1).check(weight=0)


def test_points_are_rounded_down_never_above_the_maximum():
    """Are fractional points rounded to two decimals and never above the question's points?"""
    assert _question("pass", "fail", "fail", hidden=True, points=2).result().points == 0.67
    assert _question("pass", "pass", points=2).result().points == 2.0


def test_a_pass_is_one_line_that_says_hidden_checks_follow():
    """Does a learner whose visible checks pass read one line saying more checks run at grading?"""
    assert _question("pass", "pass").result().lines == [
        "✓ Question 3: the visible checks pass (more checks run when your work is graded)."]
    assert _question("pass", "pass", hidden=True).result().lines == ["✓ Question 3: all 2 checks pass."]


def test_a_partial_fail_shows_the_message_first_without_points_before_grading():
    """Does a partly wrong answer show its message on the first line, and the tally last?"""
    lines = _question("pass", "fail").result().lines
    assert lines[0] == "✗ Question 3: `answer_1` is not right yet. Look at the units."
    assert lines[-1] == "Question 3: 1 of 2 visible checks pass."


def test_nothing_passing_is_an_error_with_a_one_line_rendering():
    """Does an answer that passes nothing raise (0 points for nbgrader) and render without a traceback?"""
    with pytest.raises(CheckFailed) as caught:
        _question("fail", "fail").result()
    rendered = caught.value._render_traceback_()
    assert "Look at the units" in rendered[0] and "Traceback" not in "".join(rendered)


def test_blank_answer_is_not_answered_yet():
    """Is a question whose checks all find the answer missing reported as not answered, not wrong?"""
    with pytest.raises(NotAnsweredYet, match="Question 3 is not answered yet: `undefined_answer` is not defined yet"):
        _question("blank", "blank").result()


def test_a_name_missing_inside_learner_code_is_a_bug_not_a_blank():
    """Is a NameError raised inside the learner's function reported as their code's error?"""
    answer_cell: dict = {}
    exec(compile("def scores():\n    return np_typo.zeros(3)\n", "<answer cell>", "exec"), answer_cell)
    scores = answer_cell["scores"]
    q = Question(1, points=1)
    with q.check():
        scores()
    with pytest.raises(CheckFailed, match="Your code raised NameError in `scores`"):
        q.result()


def test_a_name_missing_inside_a_helper_of_the_test_cell_is_a_blank():
    """Is an answer missing inside a helper the test cell defines still 'not answered', not a bug?"""
    def ratio():
        return undefined_answer * 2  # noqa: F821

    q = Question(1, points=1)
    with q.check():
        ratio()
    with pytest.raises(NotAnsweredYet):
        q.result()


def test_carry_forward_checks_with_the_reference_and_restores_the_learner_answer():
    """Is a later question graded with a correct earlier function, and the learner's put back after?"""
    namespace = {"earlier": lambda x: x + 100}  # the learner's wrong earlier answer
    exec("def later(x):\n    return earlier(x) * 2", namespace)
    q = Question(7, points=2)
    q.carry_forward(namespace, 6, earlier=lambda x: x + 1)
    with q.check():
        check_number(namespace["later"](1), 4, "later(1)")
    result = q.result()
    assert result.points == 2 and "Question 6" in result.lines[-1]
    assert namespace["earlier"](0) == 100


def test_a_check_keeps_warnings_off_stderr(capfd):
    """Does a warning inside a check stay off stderr (nbgrader would score the cell 0)?"""
    q = Question(1, points=1)
    with q.check():
        warnings.warn("noisy", FutureWarning, stacklevel=1)
        np.log(np.array([0.0]))
    assert q.result().points == 1 and capfd.readouterr().err == ""


def test_a_check_never_swallows_a_keyboard_interrupt():
    """Does a cell time limit (KeyboardInterrupt) still stop the cell?"""
    q = Question(1, points=1)
    with pytest.raises(KeyboardInterrupt), q.check():
        raise KeyboardInterrupt


def test_in_ipython_a_failing_check_prints_one_line_on_stdout_only():
    """In a real IPython shell, is a failed question one coloured line with no traceback, and nothing on stderr?"""
    code = textwrap.dedent('''
        from mlpm.checks import Question, check_number
        q = Question(2, points=1)
        with q.check():
            check_number(1, 2, "answer", hint="Look at the units.")
        q.result()
    ''')
    script = f"from IPython.testing.globalipapp import start_ipython\nip = start_ipython()\nip.run_cell({code!r})\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "✗ Question 2: `answer` is not right yet. Look at the units." in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
