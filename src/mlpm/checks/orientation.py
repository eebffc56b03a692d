"""Checkers for module 00 (orientation): the warm-up questions.

The choice questions use the generic checkers (:func:`mlpm.checks.core.check_options`,
:func:`mlpm.checks.core.check_choices_in`); only the churn-rate look-up needs its own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import check_series, fail, quiet

ROUNDING = 0.005  # what rounding to two decimals can move a share by


@quiet
def check_rates(value: Any, expected: pd.Series, name: str, *, lenient: bool = False) -> None:
    """Check a Series of churn rates by group: shares between 0 and 1, one per group, not rounded.

    A one-column DataFrame (``frame.groupby(...)[["col"]].mean()``) is read as its column. A
    percentage or a count gets its own message before the values are compared. With ``lenient``
    (the hidden checks), percentages and rates rounded to two or more decimals pass: the visible
    check has already charged those slips of the pinned convention once.
    """
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if isinstance(value, pd.Series) and pd.api.types.is_numeric_dtype(value) and len(value):
        values = np.asarray(value, dtype=float)
        if abs(np.nansum(values) - 1) < 1e-9 and abs(float(expected.sum()) - 1) > 1e-6:
            fail(name, "adds up to 1 across the groups: it looks like each group's share of all churners. A churn "
                       "rate divides a group's churners by that group's subscribers.")
        if lenient and np.nanmax(values) > 1:
            value = value / 100
        elif np.nanmax(values) > 1:
            looks = "percentages" if np.nanmax(values) <= 100 and not np.allclose(values, np.round(values)) else (
                "counts or percentages")
            fail(name, f"has values above 1: it looks like {looks}. Give each group's churn rate as a share "
                       "between 0 and 1 (the mean of a True/False column is exactly that).")
        if lenient and set(value.index) == set(expected.index) and not value.index.has_duplicates:
            gaps = np.abs(np.asarray(value.reindex(expected.index), dtype=float) - np.asarray(expected, dtype=float))
            if np.all(gaps <= ROUNDING + 1e-12):
                return
    check_series(value, expected, name,
                 hint="Each value is the share of that group's subscribers who churned, not rounded: "
                      "churners ÷ subscribers.")


@quiet
def check_riskiest(value: Any, customers: pd.DataFrame, name: str = "riskiest_segment", *,
                   also: Sequence[Any] = ()) -> None:
    """Check the segment with the highest churn rate: the true one, or one of ``also``.

    ``also`` holds what the learner's own ``churn_by_segment(customers).idxmax()`` gives (None if it
    raised, and skipped), so a mistake in the function is not charged again here (error carried
    forward within the question).
    """
    segments = sorted(customers["segment"].unique())
    if not isinstance(value, str):
        fail(name, f"should be a str, the name of a segment, but it is a {type(value).__name__}.")
    if str.__str__(value) not in segments:
        fail(name, f"is {value!r}, which is not a segment of `customers`: {', '.join(repr(s) for s in segments)}.")
    rates = customers.groupby("segment")["churned_next_4w"].mean()
    accepted = {rates.idxmax(), *(other for other in also if isinstance(other, str))}
    if str.__str__(value) not in accepted:
        fail(name, "is not the segment with the highest churn rate. Compare the rates, not the number of churners.")


@quiet
def check_pick(value: Any, key: str, accepted: set[str], name: str, *, hint: str = "") -> None:
    """Check one entry of a dict of choices, with a message that does not say which entry is off.

    With two options, naming the entry would give the answer away; the hidden checks run one per
    entry, so the points are the share of entries right, and identical messages show once.
    """
    choice = value.get(key) if isinstance(value, dict) else None
    if not isinstance(choice, str) or str.__str__(choice) not in accepted:
        fail(name, "has entries that are not right yet.", hint)
