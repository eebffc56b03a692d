"""Checkers for module 04 (experimentation): experiment briefs and numeric results."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import as_real, check_keys, check_type, quiet

BRIEF_KEYS = ("hypothesis", "primary_metric", "guardrail_metrics", "mde", "duration_weeks")
DIRECTION_WORDS = (
    "increase", "raise", "improve", "lift", "more", "higher", "grow", "boost",
    "reduce", "lower", "decrease", "fewer", "cut", "less",
)
MDE_RANGE = (0.005, 0.10)  # absolute change of a rate, as a fraction


def _mentions(text: str, words: tuple[str, ...] | list[str]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word.lower())}", lowered) for word in words)


@quiet
def check_experiment_brief(
    brief: Any, metrics: Mapping[str, tuple[str, ...]], change_words: tuple[str, ...],
) -> None:
    """Validate an experiment brief written as a dict.

    Parameters
    ----------
    brief : dict
        Keys ``hypothesis`` (str), ``primary_metric`` (a key of ``metrics``),
        ``guardrail_metrics`` (a non-empty list of other keys of ``metrics``), ``mde``
        (the minimum detectable effect, an absolute change of a rate as a fraction) and
        ``duration_weeks`` (a whole number of weeks, at least one weekly cycle).
    metrics : mapping
        Metric name -> words that name it in prose (e.g. ``"retained_8w": ("retention",)``).
    change_words : tuple of str
        Words that name the change being tested; the hypothesis must use one.
    """
    check_type(brief, dict, "brief")
    missing = [key for key in BRIEF_KEYS if key not in brief]
    if missing:
        raise AssertionError(f"Your brief has no {', '.join(repr(m) for m in missing)}.")
    unknown = [key for key in brief if key not in BRIEF_KEYS]
    if unknown:
        raise AssertionError(
            f"Your brief has keys we do not use: {', '.join(repr(u) for u in unknown)} "
            f"(the keys are {', '.join(BRIEF_KEYS)})."
        )

    primary = brief["primary_metric"]
    if type(primary) is not str or primary not in metrics:
        raise AssertionError(
            f"The primary metric should be one of {', '.join(repr(m) for m in metrics)}."
        )

    hypothesis = brief["hypothesis"]
    check_type(hypothesis, str, "brief['hypothesis']")
    if len(hypothesis.split()) < 8:
        raise AssertionError(
            "The hypothesis is too short: say what you change, for whom, and what you expect "
            "it to do to the primary metric."
        )
    if not _mentions(hypothesis, change_words):
        raise AssertionError("The hypothesis does not name the change you are testing.")
    if not _mentions(hypothesis, metrics[primary]):
        raise AssertionError(
            "The hypothesis does not say which metric should move. Name the primary metric "
            "in words."
        )
    if not _mentions(hypothesis, DIRECTION_WORDS):
        raise AssertionError(
            "The hypothesis does not say which way the metric should move (e.g. 'increase')."
        )

    guardrails = brief["guardrail_metrics"]
    check_type(guardrails, list, "brief['guardrail_metrics']")
    if not guardrails:
        raise AssertionError(
            "Name at least one guardrail: a metric that must not get worse while you chase "
            "the primary one."
        )
    for metric in guardrails:
        if type(metric) is not str or metric not in metrics:
            raise AssertionError(
                f"Guardrail {metric!r} is not one of {', '.join(repr(m) for m in metrics)}."
            )
    if primary in guardrails:
        raise AssertionError("The primary metric cannot also be its own guardrail.")
    if len(set(guardrails)) != len(guardrails):
        raise AssertionError("A guardrail is listed twice.")

    mde = as_real(brief["mde"], "brief['mde']")
    if mde >= 1:
        raise AssertionError(
            "The MDE looks like percentage points. Write it as a fraction: 0.02 means 2 points."
        )
    low, high = MDE_RANGE
    if not low <= mde <= high:
        raise AssertionError(
            "The MDE is not sensible: it must be positive, large enough to matter to the "
            "business and small enough to be believable for one offer "
            f"(between {low:g} and {high:g} as an absolute change of the rate)."
        )

    weeks = brief["duration_weeks"]
    if type(weeks) is not int:
        raise AssertionError(
            "`duration_weeks` should be a whole number of weeks (an int), so that every day "
            "of the week appears equally often."
        )
    if weeks < 1:
        raise AssertionError("Run for at least one full week to cover the weekly cycle.")


@quiet
def check_duration(brief: dict, needed_per_arm: int, users_per_day: float) -> None:
    """Check that a brief's duration is the fewest whole weeks that reach the sample size.

    Parameters
    ----------
    brief : dict
        A brief that passed :func:`check_experiment_brief`.
    needed_per_arm : int
        Users needed in each arm for the brief's MDE (computed by the test cell).
    users_per_day : float
        Eligible users entering the experiment per day, split over two arms.
    """
    weeks = brief["duration_weeks"]
    needed_weeks = max(1, math.ceil(2 * needed_per_arm / (7 * users_per_day)))
    if weeks < needed_weeks:
        raise AssertionError(
            f"{weeks} week(s) is too short: at {users_per_day:g} users a day you will not reach "
            "the sample size your MDE needs in both arms. Compute the users needed, then the weeks."
        )
    if weeks > needed_weeks:
        raise AssertionError(
            f"{weeks} weeks is longer than your MDE needs. Round the days needed up to whole "
            "weeks, no more: every extra week delays the decision."
        )


@quiet
def check_estimates(
    value: Any, expected: Mapping[str, float], name: str, *, rel_tol: float = 1e-6,
    abs_tol: float = 1e-9, hint: str = "",
) -> None:
    """Check a dict of named numbers: exactly the expected keys, each close to its value."""
    check_keys(value, list(expected), name)
    wrong = []
    for key, want in expected.items():
        got = as_real(value[key], f"{name}[{key!r}]")
        if not math.isclose(got, float(want), rel_tol=rel_tol, abs_tol=abs_tol):
            wrong.append(key)
    if wrong:
        verb = "is" if len(wrong) == 1 else "are"
        message = f"`{name}`: {', '.join(repr(w) for w in wrong)} {verb} not right yet."
        raise AssertionError(message + (f" {hint}" if hint else ""))


@quiet
def check_values(
    value: Any, expected: Any, name: str, *, rel_tol: float = 1e-6, abs_tol: float = 1e-9,
    hint: str = "",
) -> None:
    """Check a one-dimensional array of numbers (array, Series or list) element by element."""
    if not isinstance(value, (np.ndarray, pd.Series, list)):
        raise AssertionError(
            f"`{name}` should be an array or a Series of numbers, but it is a {type(value).__name__}."
        )
    try:
        got = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"`{name}` should hold numbers only.") from None
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        raise AssertionError(f"`{name}` should have one value per user ({want.size}), not {got.size}.")
    if np.isnan(got).any():
        raise AssertionError(f"`{name}` has NaN values: look for a missing value or a division by zero.")
    if not np.allclose(got, want, rtol=rel_tol, atol=abs_tol):
        raise AssertionError(f"`{name}` has values that are off." + (f" {hint}" if hint else ""))
