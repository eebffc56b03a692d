"""Checkers for module 04 (experimentation): experiment briefs and numeric results."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import as_real, check_keys, check_type, fail, is_sequence, quiet

BRIEF_KEYS = ("hypothesis", "primary_metric", "guardrail_metrics", "mde", "duration_weeks")
DIRECTION_WORDS = (
    "increase", "raise", "improve", "lift", "more", "higher", "grow", "boost",
    "reduce", "lower", "decrease", "fewer", "cut", "less",
)
MDE_RANGE = (0.005, 0.10)  # absolute change of a rate, as a fraction


def _mentions(text: str, words: tuple[str, ...] | list[str]) -> bool:
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word.lower())}", lowered) for word in words)


def entry(value: Any, key: str, name: str) -> Any:
    """``value[key]`` once ``value`` is a dict that has ``key``; else a message naming what is missing."""
    check_type(value, dict, name)
    if key not in value:
        fail(name, f"has no entry for {key!r}.")
    return value[key]


def _brief_value(brief: Any, key: str) -> Any:
    return entry(brief, key, "brief")


def brief_mde(brief: Any) -> float:
    """The brief's MDE as a fraction, to compute the duration from (3 read as 3 points, i.e. 0.03).

    The duration check uses it so that an MDE in the wrong unit costs points once, in the MDE check.
    """
    mde = as_real(_brief_value(brief, "mde"), "brief['mde']")
    if 1 <= mde <= 100 * MDE_RANGE[1]:
        mde /= 100
    if not MDE_RANGE[0] <= mde <= MDE_RANGE[1]:
        fail("brief['duration_weeks']", "follows from the MDE: fix `brief['mde']` first.")
    return mde


@quiet
def check_brief_keys(brief: Any) -> None:
    """Check that a brief is a dict with exactly the keys of :data:`BRIEF_KEYS`."""
    check_type(brief, dict, "brief")
    missing = [key for key in BRIEF_KEYS if key not in brief]
    if missing:
        fail("brief", f"has no {', '.join(repr(m) for m in missing)}.")
    unknown = [key for key in brief if key not in BRIEF_KEYS]
    if unknown:
        fail("brief", f"has keys we do not use: {', '.join(repr(u) for u in unknown)}",
             f"(the keys are {', '.join(BRIEF_KEYS)}).")


@quiet
def check_hypothesis(brief: Any, metrics: Mapping[str, tuple[str, ...]], change_words: tuple[str, ...]) -> None:
    """Check a brief's keys and its hypothesis: long enough, names the change, the metric and a direction."""
    check_brief_keys(brief)
    hypothesis = brief["hypothesis"]
    if not isinstance(hypothesis, str):
        fail("brief['hypothesis']", f"should be a str, but it is a {type(hypothesis).__name__}.")
    if len(hypothesis.split()) < 8:
        fail("brief['hypothesis']", "is too short:",
             "say what you change, for whom, and what you expect it to do to the primary metric.")
    if not _mentions(hypothesis, change_words):
        fail("brief['hypothesis']", "does not name the change you are testing.")
    primary = brief["primary_metric"]
    words = metrics.get(primary, ()) if isinstance(primary, str) else ()
    if not _mentions(hypothesis, words or tuple(w for names in metrics.values() for w in names)):
        fail("brief['hypothesis']", "does not say which metric should move.", "Name the primary metric in words.")
    if not _mentions(hypothesis, DIRECTION_WORDS):
        fail("brief['hypothesis']", "does not say which way the metric should move (e.g. 'increase').")


@quiet
def check_brief_metrics(brief: Any, metrics: Mapping[str, tuple[str, ...]]) -> None:
    """Check a brief's primary metric and guardrails: known metrics, at least one guardrail, no repeats."""
    primary = _brief_value(brief, "primary_metric")
    if not isinstance(primary, str) or str.__str__(primary) not in metrics:
        fail("brief['primary_metric']", "is not a metric we offer:",
             f"the primary metric should be one of {', '.join(repr(m) for m in metrics)}.")
    guardrails = _brief_value(brief, "guardrail_metrics")
    if not is_sequence(guardrails):
        fail("brief['guardrail_metrics']", f"should be a list, but it is a {type(guardrails).__name__}.")
    if not len(guardrails):
        fail("brief['guardrail_metrics']", "is empty.",
             "Name at least one guardrail: a metric that must not get worse while you chase the primary one.")
    for metric in guardrails:
        if not isinstance(metric, str) or str.__str__(metric) not in metrics:
            fail("brief['guardrail_metrics']", f"holds {metric!r}, which is not one of "
                 f"{', '.join(repr(m) for m in metrics)}.")
    if str.__str__(primary) in [str.__str__(m) for m in guardrails]:
        fail("brief['guardrail_metrics']", "holds the primary metric: it cannot also be its own guardrail.")
    if len({str.__str__(m) for m in guardrails}) != len(guardrails):
        fail("brief['guardrail_metrics']", "lists a guardrail twice.")


@quiet
def check_mde(brief: Any) -> None:
    """Check that a brief's MDE is a fraction in :data:`MDE_RANGE` (not percentage points)."""
    mde = as_real(_brief_value(brief, "mde"), "brief['mde']")
    if mde >= 1:
        fail("brief['mde']", "looks like percentage points.", "Write it as a fraction: 0.02 means 2 points.")
    low, high = MDE_RANGE
    if not low <= mde <= high:
        fail("brief['mde']", "is not sensible:", "it must be positive, large enough to matter to the business "
             "and small enough to be believable for one offer "
             f"(between {low:g} and {high:g} as an absolute change of the rate).")


@quiet
def check_weeks(brief: Any) -> int:
    """Check that a brief's ``duration_weeks`` is a whole number of weeks, at least one; return it."""
    weeks = _brief_value(brief, "duration_weeks")
    if weeks is None:
        fail("brief['duration_weeks']", "is None:", "put the number of weeks itself in the brief "
             "(a function that prints or does not return its result gives None).")
    if isinstance(weeks, (bool, np.bool_)) or not isinstance(weeks, (int, np.integer)):
        fail("brief['duration_weeks']", "should be a whole number of weeks (an int), but it is a "
             f"{type(weeks).__name__}:", "round the days up to whole weeks, so that every day of the week "
             "appears equally often."
        )
    if weeks < 1:
        fail("brief['duration_weeks']", "is under one week.",
             "Run for at least one full week to cover the weekly cycle.")
    return int(weeks)


@quiet
def check_experiment_brief(
    brief: Any, metrics: Mapping[str, tuple[str, ...]], change_words: tuple[str, ...],
) -> None:
    """Validate an experiment brief written as a dict (all the parts below, in order).

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
    check_brief_keys(brief)
    check_brief_metrics(brief, metrics)
    check_hypothesis(brief, metrics, change_words)
    check_mde(brief)
    check_weeks(brief)


@quiet
def check_duration(brief: Any, needed_per_arm: Any, users_per_day: float, *, also: Sequence[Any] = (),
                   hint: str = "") -> None:
    """Check that a brief's duration is the fewest whole weeks that reach the sample size.

    Parameters
    ----------
    brief : dict
        The learner's brief.
    needed_per_arm : int
        Users needed in each arm for the brief's MDE.
    users_per_day : float
        Eligible users entering the experiment per day, split over two arms.
    also : sequence of int
        Other users-per-arm a fair reading accepts (e.g. from the learner's own earlier function);
        ``None`` and non-numbers are skipped.
    hint : str
        Appended to the message when the weeks are wrong.
    """
    weeks = check_weeks(brief)
    sizes = [size for size in (needed_per_arm, *also) if _is_number(size) and float(size) > 0]
    if not sizes:
        fail("brief['duration_weeks']", "cannot be checked: the users needed per arm could not be computed.",
             "Check question 1 first.")
    accepted = {max(1, math.ceil(2 * float(size) / (7 * users_per_day))) for size in sizes}
    if weeks in accepted:
        return
    if weeks < min(accepted):
        fail("brief['duration_weeks']", f"({weeks} week(s)) is too short: at {users_per_day:g} users a day you will "
             "not reach the sample size your MDE needs in both arms.",
             f"Compute the users needed, then the weeks. {hint}".strip())
    if weeks > max(accepted):
        fail("brief['duration_weeks']", f"({weeks} weeks) is longer than your MDE needs.",
             f"Round the days needed up to whole weeks, no more: every extra week delays the decision. {hint}".strip())
    fail("brief['duration_weeks']", f"({weeks} weeks) does not follow from the sample size your MDE needs:",
         f"compute the users needed in both arms, divide by the users per week and round up. {hint}".strip())


def _is_number(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, float, np.integer, np.floating)) \
        and not math.isnan(float(value))


def numbers(*values: Any) -> list[float]:
    """The real numbers among ``values`` (for ``also=``): ``None``, NaN and non-numbers dropped."""
    return [float(value) for value in values if _is_number(value)]


def same_numbers(first: Any, second: Any, *, rel_tol: float = 1e-12) -> bool:
    """Whether two results (dicts or arrays of numbers) hold the same numbers; False if either is odd.

    Test cells use it to choose a hint, e.g. a function that gives the same interval for another
    alpha ignores its alpha argument.
    """
    try:
        if isinstance(first, dict) and isinstance(second, dict):
            if list(first) != list(second):
                return False
            first, second = list(first.values()), list(second.values())
        a = np.asarray(first, dtype=float)
        b = np.asarray(second, dtype=float)
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=rel_tol, atol=1e-12, equal_nan=True))
    except (TypeError, ValueError):
        return False


@quiet
def check_estimates(
    value: Any, expected: Mapping[str, float], name: str, *, rel_tol: float = 1e-6,
    abs_tol: float = 1e-9, hint: str = "", only: Sequence[str] | None = None, also: Sequence[Any] = (),
) -> None:
    """Check a dict of named numbers: exactly the expected keys, each close to its value.

    ``only`` limits the comparison to some keys, so that one check can look at one part of a
    result. ``also`` holds other dicts a fair reading accepts as a whole (e.g. the result of the
    learner's own function, for a value they were asked to compute with it); ``None`` is skipped.
    """
    check_keys(value, list(expected), name)
    keys = [key for key in expected if only is None or key in only]
    got = {key: as_real(value[key], f"{name}[{key!r}]") for key in keys}

    def _close(want: Any, key: str) -> bool:
        return math.isclose(got[key], float(want[key]), rel_tol=rel_tol, abs_tol=abs_tol)

    for other in also:
        if isinstance(other, Mapping) and all(key in other and _is_number(other[key]) for key in keys) \
                and all(_close(other, key) for key in keys):
            return
    wrong = [key for key in keys if not _close(expected, key)]
    if wrong:
        if len(wrong) == 1:
            fail(f"{name}[{wrong[0]!r}]", "is not right yet.", hint)
        fail(name, f"has values that are not right yet for {', '.join(repr(w) for w in wrong)}.", hint)


@quiet
def check_values(
    value: Any, expected: Any, name: str, *, rel_tol: float = 1e-6, abs_tol: float = 1e-9,
    hint: str = "",
) -> None:
    """Check a one-dimensional array of numbers (array, Series or list) element by element."""
    if not isinstance(value, (np.ndarray, pd.Series, list)):
        fail(name, f"should be an array or a Series of numbers, but it is a {type(value).__name__}.")
    try:
        got = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        fail(name, "should hold numbers only.")
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        fail(name, f"should have one value per user ({want.size}), not {got.size}.")
    if np.isnan(got).any():
        fail(name, "has NaN values: look for a missing value or a division by zero.")
    if not np.allclose(got, want, rtol=rel_tol, atol=abs_tol):
        fail(name, "has values that are off.", hint)


@quiet
def check_interval(
    value: Any, keys: Sequence[str], half_width: float, name: str, *, centre: str, abs_tol: float = 1e-9,
    rel_tol: float = 1e-6, hint: str = "",
) -> None:
    """Check the interval of a result dict on its own: centred on ``value[centre]``, of the right half-width.

    A wrong estimate then costs points in the estimate's check only, and a wrong standard error
    in this one only.
    """
    check_keys(value, list(keys), name)
    low = as_real(value["ci_low"], f"{name}['ci_low']")
    high = as_real(value["ci_high"], f"{name}['ci_high']")
    middle = as_real(value[centre], f"{name}[{centre!r}]")
    if low > high:
        fail(name, "has its 'ci_low' above its 'ci_high'.")
    if not math.isclose((low + high) / 2, middle, rel_tol=1e-6, abs_tol=max(abs_tol, 1e-9)):
        fail(name, f"has an interval that is not centred on {centre!r}.",
             f"It is {centre!r} plus or minus the same margin.")
    if not math.isclose((high - low) / 2, half_width, rel_tol=rel_tol, abs_tol=abs_tol):
        fail(name, "has an interval that is centred right but its width is off.", hint)


@quiet
def check_names(value: Any, allowed: Sequence[str], name: str) -> None:
    """Check a sorted list (or tuple) of distinct names, each one of ``allowed``."""
    if not is_sequence(value):
        fail(name, f"should be a list, but it is a {type(value).__name__}.")
    for item in value:
        if not isinstance(item, str) or str.__str__(item) not in allowed:
            fail(name, f"holds {item!r}, which is not one of {', '.join(repr(a) for a in allowed)}.")
    names = [str.__str__(item) for item in value]
    if len(set(names)) != len(names):
        fail(name, "lists a name twice.")
    if names != sorted(names):
        fail(name, "should be sorted alphabetically.")
