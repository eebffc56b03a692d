"""Known-wrong answers, one module per assignment, each named by the mistake it represents."""

from __future__ import annotations


def blind_attempt_scores(answers: dict[str, dict[str, str]], points: dict[str, dict[str, float]]) -> dict:
    """``FAIR_SCORES`` rows for attempts played without the solution, one per graded answer.

    ``answers`` maps attempt -> answer cell -> code, in question order; ``points`` maps attempt ->
    answer cell -> fair points. Each answer is graded after the attempt's earlier answers, as in
    the learner's notebook, so that a slip carried into later questions is graded as it was made.
    """
    rows = {}
    for attempt, by_cell in points.items():
        ids = list(answers[attempt])
        for answer_id, fair in by_cell.items():
            code = "\n".join(answers[attempt][i] for i in ids[: ids.index(answer_id) + 1])
            rows[f"{attempt}-{answer_id.split('_')[0]}"] = (answer_id, code, fair)
    return rows
