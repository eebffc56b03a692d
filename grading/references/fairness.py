"""Reference computations for module 07, responsible AI: what the hidden tests compare with.

Conventions (the lesson and the prompts pin them): a subscriber is selected when the score is at
or above the threshold; a difference is the largest group's rate minus the smallest one's, a
ratio the smallest over the largest; the equalized odds difference is the larger of the TPR and
FPR differences (fairlearn's ``between_groups`` and ``worst_case``); Cramér's V is without bias
correction; expected value = value per targeted churner × true positives − discount cost ×
everyone targeted; a policy maps each value of one column (``by``) to a threshold, and its parity
is always measured across age bands.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

GROUP, SCORE, OUTCOME = "age_band", "churn_score", "churned_next_4w"


def selection_rates_by_group(frame: pd.DataFrame, threshold: float, group: str = GROUP) -> pd.Series:
    """Share of each group with ``score >= threshold``."""
    return (frame[SCORE] >= threshold).groupby(frame[group]).mean().rename("selection_rate")


def error_rates_by_group(frame: pd.DataFrame, threshold: float | pd.Series, group: str = GROUP) -> pd.DataFrame:
    """True and false positive rates per group, columns ``tpr`` and ``fpr`` (``threshold`` may be per row)."""
    selected = frame[SCORE] >= threshold
    churned = frame[OUTCOME].astype(bool)
    tpr = selected[churned].groupby(frame.loc[churned, group]).mean()
    fpr = selected[~churned].groupby(frame.loc[~churned, group]).mean()
    return pd.DataFrame({"tpr": tpr, "fpr": fpr})


def difference(rates: pd.Series) -> float:
    """Largest minus smallest."""
    return float(rates.max() - rates.min())


def ratio(rates: pd.Series) -> float:
    """Smallest over largest."""
    return float(rates.min() / rates.max())


def cramers_v(x: pd.Series, y: pd.Series) -> float:
    """Cramér's V of two categorical columns, without bias correction."""
    table = pd.crosstab(x, y).to_numpy(dtype=float)
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    chi2 = float(((table - expected) ** 2 / expected).sum())
    return math.sqrt(chi2 / (table.sum() * (min(table.shape) - 1)))


def within_channel_rates(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Selection rate per order channel (rows) and age band (columns)."""
    return (frame[SCORE] >= threshold).groupby([frame["order_channel"], frame[GROUP]]).mean().unstack()


def calibration_by_channel(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean score and churn rate per order channel, columns ``mean_score`` and ``churn_rate``."""
    grouped = frame.groupby("order_channel")
    return pd.DataFrame({"mean_score": grouped[SCORE].mean(), "churn_rate": grouped[OUTCOME].mean()})


def policy_outcome(frame: pd.DataFrame, thresholds: Mapping[str, float], value: float, cost: float,
                   by: str = GROUP) -> dict[str, float]:
    """Expected value (euros), demographic parity ratio and TPR gap across age bands of a policy."""
    cut = frame[by].map(dict(thresholds)).astype(float)
    selected = frame[SCORE] >= cut
    true_positives = int((selected & frame[OUTCOME].astype(bool)).sum())
    rates = selected.groupby(frame[GROUP]).mean()
    return {"expected_value": value * true_positives - cost * int(selected.sum()), "dp_ratio": ratio(rates),
            "tpr_gap": difference(error_rates_by_group(frame, cut)["tpr"])}


def best_policy(frame: pd.DataFrame, candidates: Sequence[Mapping[str, float]], value: float, cost: float,
                min_ratio: float | None = None, by: str = GROUP) -> dict[str, Any] | None:
    """The candidate with the most expected value (with a DP ratio of at least ``min_ratio`` if given)."""
    keys, codes_by = np.unique(frame[by].astype(str), return_inverse=True)
    groups, codes = np.unique(frame[GROUP].astype(str), return_inverse=True)
    scores = frame[SCORE].to_numpy(dtype=float)
    churned = frame[OUTCOME].to_numpy(dtype=bool)
    sizes = np.bincount(codes, minlength=len(groups))
    best = None
    for thresholds in candidates:
        cut = np.array([thresholds[k] for k in keys], dtype=float)[codes_by]
        selected = scores >= cut
        rates = np.bincount(codes, weights=selected, minlength=len(groups)) / sizes
        result = {"expected_value": value * int((selected & churned).sum()) - cost * int(selected.sum()),
                  "dp_ratio": float(rates.min() / rates.max())}
        if min_ratio is not None and result["dp_ratio"] < min_ratio:
            continue
        if best is None or result["expected_value"] > best["expected_value"]:
            best = {"thresholds": dict(thresholds), **result}
    return best


def policy_value(frame: pd.DataFrame, thresholds: Mapping[str, float], value: float, cost: float,
                 by: str = GROUP) -> float:
    """Expected value (euros) of a policy alone: the fast path for bootstraps."""
    selected = frame[SCORE].to_numpy(dtype=float) >= frame[by].map(dict(thresholds)).to_numpy(dtype=float)
    churned = frame[OUTCOME].to_numpy(dtype=bool)
    return float(value * (selected & churned).sum() - cost * selected.sum())


def bootstrap_interval(frame: pd.DataFrame, statistic: Callable[[pd.DataFrame], float], n_boot: int = 1000,
                       seed: int = 0) -> tuple[float, float]:
    """95 % percentile interval of ``statistic`` over resamples of the rows with replacement."""
    rng = np.random.default_rng(seed)
    values = [statistic(frame.iloc[rng.integers(0, len(frame), len(frame))]) for _ in range(n_boot)]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def own_best_values(evaluate: Any, frame: pd.DataFrame, candidates: Sequence[Mapping[str, float]], value: float,
                    cost: float, min_ratio: float, **by: str) -> tuple[float, float] | None:
    """The best expected value without and with the parity constraint, under a learner's own ``evaluate``.

    Used for error carried forward: a learner whose ``evaluate_policy`` is wrong can still choose
    correctly with it. None when ``evaluate`` raises or returns something unusable.
    """
    try:
        outcomes = [evaluate(frame, dict(t), value, cost, **by) for t in candidates]
        pairs = [(float(o["expected_value"]), float(o["dp_ratio"])) for o in outcomes]
    except Exception:  # noqa: BLE001 - any error of learner code means: no such value
        return None
    fair = [ev for ev, r in pairs if r >= min_ratio]
    return max(ev for ev, _ in pairs), (max(fair) if fair else math.nan)
