"""Module 05's reference computations: what the hidden tests compare learners' answers with.

Each function is the pinned method of one question, written once. The test cells load them with
``reference("explaining")``; the lesson and the solution compute the same things in their own words.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.inspection import permutation_importance
from sklearn.metrics import roc_auc_score

LABEL = "churned_next_4w"
DIRECTION_TOLERANCE = 0.02  # a change of the average risk smaller than 2 points is "flat"


def impurity_ranking(model, columns) -> pd.Series:
    """Question 1: the fitted model's impurity importances, largest first."""
    return pd.Series(model.feature_importances_, index=list(columns)).sort_values(ascending=False)


def permutation_ranking(model, X: pd.DataFrame, y) -> pd.Series:
    """Question 1: permutation importance with the pinned settings (drop in ROC AUC, 10 repeats, seed 0)."""
    result = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    return pd.Series(result.importances_mean, index=X.columns).sort_values(ascending=False)


def traps(impurity: pd.Series, permutation: pd.Series, top: int = 3, below: float = 0.005) -> list[str]:
    """Question 2: the impurity ranking's top columns whose permutation importance is below ``below``, sorted."""
    ranked = impurity.sort_values(ascending=False)
    return sorted(str(c) for c in ranked.index[:top] if permutation[c] < below)


def dependence_curve(model, X: pd.DataFrame, feature: str, grid) -> pd.Series:
    """Question 3: the average predicted churn risk with ``feature`` set to each grid value, by hand."""
    rows = X.copy()
    values = []
    for value in np.asarray(grid):
        rows[feature] = value
        values.append(model.predict_proba(rows)[:, 1].mean())
    return pd.Series(values, index=np.asarray(grid))


def supported_up_to(values, grid, share: float = 0.95) -> float:
    """Question 3: the largest grid value at or below the ``share`` percentile of the data (linear percentile)."""
    limit = float(np.percentile(np.asarray(values, dtype=float), 100 * share))
    grid = np.asarray(grid, dtype=float)
    return float(grid[grid <= limit + 1e-12].max())


def direction(curve: pd.Series, tolerance: float = DIRECTION_TOLERANCE) -> str:
    """Question 3: "rises", "falls", "flat" or "rises then falls", changes under ``tolerance`` ignored.

    "rises then falls": it climbs more than ``tolerance`` above its start, then drops more than
    ``tolerance`` below its peak; "falls then rises" does not occur in the module and reads as its
    larger move.
    """
    values = np.asarray(curve, dtype=float)
    start, peak, end = values[0], values.max(), values[-1]
    rise, drop_after_peak = peak - start, peak - values[int(np.argmax(values)):].min()
    if rise > tolerance and drop_after_peak > tolerance:
        return "rises then falls"
    if end - start > tolerance:
        return "rises"
    if start - end > tolerance:
        return "falls"
    return "flat"


def contributions(row: pd.Series, coefficients: pd.Series, baseline: pd.Series) -> pd.Series:
    """Question 4: each column's contribution to the log-odds against the baseline."""
    columns = coefficients.index
    return coefficients * (row[columns].astype(float) - baseline[columns].astype(float))


def top_reasons(contribs: pd.Series, k: int = 3) -> list[str]:
    """Question 4: the (at most) ``k`` columns with the largest positive contributions, largest first."""
    contribs = contribs.astype(float)
    return list(contribs[contribs > 0].sort_values(ascending=False).index[:k])


def reason_sentence(description: str, value: float, typical_value: float) -> str:
    """Question 4: the pinned template, both numbers to one decimal."""
    return f"{float(value):.1f} {description}, against {float(typical_value):.1f} for a typical subscriber"


def confusion_counts(scores, churned, threshold: float) -> dict[str, int]:
    """Question 5: tp, fp, fn, tn with positive meaning flagged (score at or above the threshold)."""
    flagged = np.asarray(scores, dtype=float) >= threshold
    left = np.asarray(churned, dtype=bool)
    return {"tp": int((flagged & left).sum()), "fp": int((flagged & ~left).sum()),
            "fn": int((~flagged & left).sum()), "tn": int((~flagged & ~left).sum())}


def natural_frequencies(counts) -> dict[str, int]:
    """Question 5: of 1,000 subscribers, how many leave, are flagged, are flagged and leave (halves up)."""
    tp, fp, fn, tn = (int(counts[k]) for k in ("tp", "fp", "fn", "tn"))
    everyone = tp + fp + fn + tn
    return {"leave": half_up(1000 * (tp + fn) / everyone), "flagged": half_up(1000 * (tp + fp) / everyone),
            "flagged_and_leave": half_up(1000 * tp / everyone)}


def reliability_table(scores, churned) -> pd.DataFrame:
    """Question 6: ten equal-count groups of the score, numbered 1 (lowest) to 10."""
    frame = pd.DataFrame({"score": np.asarray(scores, dtype=float), "churned": np.asarray(churned, dtype=float)})
    frame["decile"] = pd.qcut(frame["score"], 10, labels=False) + 1
    return frame.groupby("decile").agg(mean_score=("score", "mean"), churn_rate=("churned", "mean"),
                                       subscribers=("score", "size"))


def brier_score(scores, churned) -> float:
    """Question 6: the mean of (score - outcome) squared."""
    return float(np.mean((np.asarray(scores, dtype=float) - np.asarray(churned, dtype=float)) ** 2))


def top_reading(table: pd.DataFrame, margin: float = 0.02) -> str:
    """Question 6: how deciles 9 and 10 read, mean score against churn rate, within ``margin``."""
    top = table.loc[[9, 10]]
    gap = float((top["mean_score"] - top["churn_rate"]).mean())
    return "over-predicts" if gap > margin else "under-predicts" if gap < -margin else "about right"


def segment_auc(frame: pd.DataFrame, column: str) -> pd.Series:
    """Question 7: the ROC AUC of the risk score within each value of ``column``, indexed by segment."""
    return pd.Series({s: roc_auc_score(r[LABEL], r["risk_score"]) for s, r in frame.groupby(column)})


def weak_segments(aucs: pd.Series, bar: float) -> list[str]:
    """Question 7: the segments strictly below the bar, lowest AUC first."""
    return list(aucs[aucs < bar].sort_values().index)


def auc_interval(frame: pd.DataFrame, n_boot: int = 400, seed: int = 0) -> tuple[float, float]:
    """Question 7: a 95 % bootstrap interval (percentiles) of the AUC on ``frame``'s rows."""
    rng = np.random.default_rng(seed)
    y, s = frame[LABEL].to_numpy(dtype=bool), frame["risk_score"].to_numpy(dtype=float)
    values = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(y), len(y))
        if y[rows].all() or not y[rows].any():
            continue
        values.append(roc_auc_score(y[rows], s[rows]))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def half_up(number: float) -> int:
    """Round to the nearest whole number, an exact half upwards."""
    return int(math.floor(float(number) + 0.5))
