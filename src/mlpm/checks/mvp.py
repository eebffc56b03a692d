"""Checkers for module 02 (designing an ML MVP): stages, flags, confusion counts, value and thresholds.

Checks of answers that build on earlier ones take ``also``: the values (or objectives) that follow
from the learner's own earlier answers, so that one mistake costs points once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import (  # noqa: F401 (check_options: notebooks import it from here)
    accepts_also,
    as_real,
    check_keys,
    check_options,
    check_series,
    check_type,
    check_whole_number,
    fail,
    quiet,
)

COUNT_KEYS = ("tp", "fp", "fn", "tn")


def _listing(items: Sequence[Any]) -> str:
    return ", ".join(repr(item) for item in items)


@quiet
def check_flags(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """Check a boolean Series of flags, one per row of the input, against ``expected``.

    Parameters
    ----------
    value : Any
        The learner's flags.
    expected : pandas.Series
        The right flags (bool), indexed like the input frame.
    name : str
        The answer's name, used in messages.
    hint : str
        Added to the message when some flags differ.
    """
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series of True/False, but it is a {type(value).__name__}.")
    if not pd.api.types.is_bool_dtype(value.dtype):
        fail(name, f"should hold True/False values (dtype bool), not {value.dtype}.")
    if len(value) != len(expected) or not value.index.equals(expected.index):
        fail(name, "should have one flag per subscriber, indexed like the input frame.")
    got = value.to_numpy(dtype=bool)
    want = expected.to_numpy(dtype=bool)
    extra = int((got & ~want).sum())
    missed = int((~got & want).sum())
    if extra or missed:
        fail(name, f"flags {extra} subscriber(s) it should not, and misses {missed} it should flag.", hint)


def _count(value: Any, where: str) -> int:
    check_whole_number(value, where)
    return int(value)


@quiet
@accepts_also
def check_counts(value: Any, expected: Mapping[str, int], name: str) -> None:
    """Check a confusion-matrix dict ``{"tp": ..., "fp": ..., "fn": ..., "tn": ...}`` of whole numbers.

    Parameters
    ----------
    value : Any
        The learner's counts.
    expected : mapping
        The right counts, with the keys of ``COUNT_KEYS``.
    name : str
        The answer's name, used in messages.

    Takes ``also=``: other counts to accept (those that follow from the learner's own flags).
    """
    check_type(value, dict, name)
    if sorted(value) != sorted(COUNT_KEYS):
        fail(name, f"should have exactly the keys {_listing(COUNT_KEYS)}.")
    got = {key: _count(value[key], f"{name}[{key!r}]") for key in COUNT_KEYS}
    want = {key: int(expected[key]) for key in COUNT_KEYS}
    if sum(got.values()) != sum(want.values()):
        fail(name, "has four counts that should add up to the number of subscribers: every subscriber lands in "
                   "exactly one cell.")
    if got == want:
        return
    if (got["tp"], got["fn"]) == (want["fn"], want["tp"]) or (got["fp"], got["tn"]) == (want["tn"], want["fp"]):
        fail(name, "looks like it swaps flagged and not flagged.",
             "'Positive' means flagged: tp = flagged and churned, fn = not flagged but churned.")
    if (got["fp"], got["fn"]) == (want["fn"], want["fp"]):
        fail(name, "swaps fp and fn.", "fp = flagged but stayed; fn = not flagged but churned.")
    wrong = [key for key in COUNT_KEYS if got[key] != want[key]]
    fail(name, f"has {len(wrong)} of 4 counts that are not right yet: {_listing(wrong)}.")


@quiet
@accepts_also
def check_value_table(value: Any, expected: Mapping[str, float], name: str, *, hint: str = "") -> None:
    """Check a cost/benefit table: a dict of EUR per customer for each confusion-matrix cell.

    Parameters
    ----------
    value : Any
        The learner's table.
    expected : mapping
        The right table, with the keys of ``COUNT_KEYS``.
    name : str
        The answer's name, used in messages.
    hint : str
        Added to the message when some entries are off.

    Takes ``also=``: other tables to accept (those that follow from the learner's own earlier answers).
    """
    check_type(value, dict, name)
    if sorted(value) != sorted(COUNT_KEYS):
        fail(name, f"should have exactly the keys {_listing(COUNT_KEYS)}.")
    got = {key: as_real(value[key], f"{name}[{key!r}]") for key in COUNT_KEYS}
    wrong = [key for key in COUNT_KEYS if not math.isclose(got[key], float(expected[key]), rel_tol=1e-9, abs_tol=1e-9)]
    if wrong:
        fail(name, f"has entries that are off for {_listing(wrong)}.", hint)


@quiet
@accepts_also
def check_threshold(
    value: Any, objective: Mapping[float, float], name: str, *, hint: str = "", positions: bool = False,
) -> None:
    """Check that ``value`` is a threshold of the grid whose objective is the best on the grid.

    Parameters
    ----------
    value : Any
        The learner's threshold.
    objective : mapping of float to float
        For every threshold of the grid, the value of what should be maximised there
        (expected value per customer, or accuracy), computed by the test cell. A threshold
        whose objective ties with the best (within 1e-9) is accepted.
    name : str
        The answer's name, used in messages.
    hint : str
        Added to the message when the threshold is not the best.

    positions : bool
        Whether a whole number that is the position of a best threshold in the grid passes too. A
        function that returns ``np.argmax(...)`` instead of the threshold makes one mistake: the checks
        that read the threshold itself (its form, the function on hidden data) charge it, and the checks
        of the criterion may pass ``positions=True`` so as not to charge it again.

    Takes ``also=``: other objectives on the same grid (e.g. computed with the learner's own value
    table); a threshold that is the best for one of them is accepted too.
    """
    threshold = as_real(value, name)
    grid = list(objective)
    best = max(objective.values())
    on_grid = [t for t in grid if math.isclose(threshold, float(t), abs_tol=1e-9)]
    if not on_grid:
        if isinstance(value, (int, np.integer)) and 0 <= value < len(grid):
            if positions and objective[grid[int(value)]] >= best - 1e-9 * (1 + abs(best)):
                return
            fail(name, "looks like the position of a threshold in the grid, not the threshold itself.",
                 "Return the grid's value at that position, as a float.")
        fail(name, "should be one of the thresholds of the grid, e.g. 0.25.")
    if objective.get(on_grid[0], -math.inf) >= best - 1e-9 * (1 + abs(best)):
        return
    fail(name, "is on the grid, but another threshold does better.", hint)


def _close(number: float, want: float, rel_tol: float) -> bool:
    return math.isclose(number, float(want), rel_tol=rel_tol, abs_tol=1e-9)


@quiet
@accepts_also
def check_amount(
    value: Any, expected: float | Sequence[float], name: str, *, mistakes: Sequence[tuple[Sequence[float], str]] = (),
    hint: str = "", rel_tol: float = 1e-6,
) -> None:
    """Check a number against every value a fair reading accepts; name a known mistake when it matches one.

    Parameters
    ----------
    value : Any
        The learner's number (``math.inf`` is a number too).
    expected : float or sequence of float
        The reference, or several values a fair reading accepts (another reading the prompt allows).
    name : str
        The answer's name, used in messages.
    mistakes : sequence of (values, message)
        Values a known mistake gives, with the message to show when the learner's value is one
        of them (so the message is true of the answer it describes).
    hint : str
        The message for any other wrong value.

    Takes ``also=``: values that follow from the learner's own earlier answers.
    """
    accepted = list(expected) if isinstance(expected, (list, tuple)) else [expected]
    number = as_real(value, name)
    if any(_close(number, want, rel_tol) for want in accepted):
        return
    for values, message in mistakes:
        if any(_close(number, want, rel_tol) for want in values):
            fail(name, f"is not right yet: {message}")
    fail(name, "is not right yet.", hint)
