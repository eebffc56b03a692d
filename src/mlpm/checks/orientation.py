"""Checkers for module 00 (orientation): the warm-up questions.

The choice questions use the generic checkers (:func:`mlpm.checks.core.check_options`,
:func:`mlpm.checks.core.check_choices_in`); only the churn-rate look-up needs its own words.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import check_series, quiet


@quiet
def check_rates(value: Any, expected: pd.Series, name: str, *, percent_ok: bool = False) -> None:
    """Check a Series of churn rates by group: shares between 0 and 1, one per group.

    A one-column DataFrame (``frame.groupby(...)[["col"]].mean()``) is read as its column. A
    percentage or a count gets its own message before the values are compared. With
    ``percent_ok`` (the hidden checks), rates given as percentages pass: the visible check has
    already charged that slip once.
    """
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if isinstance(value, pd.Series) and pd.api.types.is_numeric_dtype(value) and len(value):
        values = np.asarray(value, dtype=float)
        if percent_ok and np.nanmax(values) > 1:
            value = value / 100
        elif np.nanmax(values) > 1:
            looks = "percentages" if np.nanmax(values) <= 100 and not np.allclose(values, np.round(values)) else (
                "counts or percentages")
            raise AssertionError(
                f"`{name}` has values above 1: it looks like {looks}. Give each group's churn rate as a "
                "share between 0 and 1 (the mean of a True/False column is exactly that).")
    check_series(value, expected, name,
                 hint="Each value is the share of that group's subscribers who churned: churners ÷ subscribers.")
