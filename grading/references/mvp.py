"""Reference computations for module 02 (the ML MVP), which its hidden tests compare with.

Besides the reference of each step, it gives the values a fair teacher accepts after an earlier
mistake: the same step computed from the learner's own earlier answers (error carried forward).
Learner functions passed in here are called safely: one that raises simply gives no value.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

CELLS = ("tp", "fp", "fn", "tn")
STAGES = ["discover", "plan", "design", "implement", "test", "release", "iterate"]


def _safely(compute: Callable[..., Any], *args: Any) -> Any:
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return compute(*args)
    except Exception:  # noqa: BLE001 - a learner function that raises gives no value
        return None


def heuristic_flags(frame: pd.DataFrame) -> pd.Series:
    """The retention analyst's rule: 3 or more substitutions, or more than 14 days since the last order."""
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


def confusion_counts(flagged: Any, churned: Any) -> dict[str, int]:
    """TP, FP, FN, TN with positive = flagged."""
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()), "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}


def value_table(offer_cost: float, save_rate: float, monthly_margin: float, months_kept: float) -> dict[str, float]:
    """EUR value of one subscriber per cell, against doing nothing."""
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}


def ev_per_customer(counts: dict, table: dict) -> float:
    """The pinned EV: every cell's count times its value, over all subscribers."""
    return float(sum(float(counts[c]) * float(table[c]) for c in CELLS) / sum(float(counts[c]) for c in CELLS))


def ev_by_threshold(scores: Any, churned: Any, table: dict, grid: Sequence[float],
                    functions: tuple[Callable, Callable] = (confusion_counts, ev_per_customer)) -> dict[float, float]:
    """EV per customer at each grid threshold (flag when score >= threshold)."""
    counts, ev = functions
    scores = np.asarray(scores, dtype=float)
    return {float(t): float(ev(counts(scores >= t, churned), table)) for t in grid}


def accuracy_by_threshold(scores: Any, churned: Any, grid: Sequence[float]) -> dict[float, float]:
    """Accuracy (TP + TN) / N at each grid threshold."""
    s, c = np.asarray(scores, dtype=float), np.asarray(churned, dtype=bool)
    return {float(t): float(np.mean((s >= t) == c)) for t in grid}


def best_thresholds(values: dict[float, float]) -> list[float]:
    """Every threshold whose value ties with the best."""
    top = max(values.values())
    return [t for t, v in values.items() if v >= top - 1e-9]


def scorecard(flagged: Any, churned: Any, table: dict,
              functions: tuple[Callable, Callable] = (confusion_counts, ev_per_customer)) -> pd.Series:
    """flagged_share, precision, recall, accuracy and EV per customer."""
    counts = functions[0](flagged, churned)
    tp, fp, fn, tn = (float(counts[k]) for k in CELLS)
    n = tp + fp + fn + tn
    return pd.Series({"flagged_share": (tp + fp) / n, "precision": tp / (tp + fp) if tp + fp else 0.0,
                      "recall": tp / (tp + fn) if tp + fn else 0.0, "accuracy": (tp + tn) / n,
                      "ev_per_customer": float(functions[1](counts, table))})


def payback_months(build_cost: float, monthly_gain: float, monthly_run_cost: float) -> float:
    """Build cost over the net monthly gain, or infinity when the net gain is not positive."""
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf


def roi(build_cost: float, monthly_gain: float, monthly_run_cost: float, horizon: float) -> float:
    """(Net monthly gain x horizon - build cost) / build cost."""
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost


def carried_cards(test: pd.DataFrame, validation: pd.DataFrame, grid: Sequence[float], table: dict,
                  own: dict[str, Any]) -> dict[str, list[pd.Series]]:
    """The scorecards of the heuristic and of the model a fair teacher accepts in ``comparison``.

    The reference's, and those that follow from the learner's own flags, counts and EV
    (question 3 and 4), table, threshold (question 5) and scorecard (``own`` holds them, None
    where the learner has none).
    """
    y = test["churned_next_4w"]
    best = best_thresholds(ev_by_threshold(validation["model_score"], validation["churned_next_4w"], table, grid))
    tables = [t for t in (table, own.get("table")) if t is not None]
    rules = [r for r in (heuristic_flags(test), own.get("flags")) if r is not None]
    thresholds = best + ([own["threshold"]] if own.get("threshold") is not None else [])
    functions = [(confusion_counts, ev_per_customer)] + ([own["functions"]] if own.get("functions") else [])
    cards = [scorecard, *([own["scorecard"]] if own.get("scorecard") else [])]

    def collect(flag_sets: list) -> list[pd.Series]:
        found = [_safely(card, flags, y, tab, fs) if card is scorecard else _safely(card, flags, y, tab)
                 for flags in flag_sets for tab in tables for fs in functions for card in cards]
        return [c for c in found if isinstance(c, pd.Series)]

    return {"heuristic": collect(rules), "model": collect([test["model_score"] >= t for t in thresholds])}


def option_numbers(test: pd.DataFrame, validation: pd.DataFrame, grid: Sequence[float], table: dict,
                   costs: dict[str, float], own: dict[str, Any]) -> dict[str, dict[str, list[float]]]:
    """Payback and ROI of the heuristic and of the model on top of it, as a fair teacher accepts them.

    ``costs`` holds heuristic_build, model_build, heuristic_run, model_run, subscribers, horizon.
    ``own`` holds the learner's own EVs (heuristic_evs, model_evs) and functions (payback, roi).
    Returns, per answer name, the accepted values and those of two known mistakes: the model
    valued over doing nothing ("alone") and gains scaled by the size of `test` ("sample").
    The model's run cost is its own, or its own minus the rule's (both readings are accepted).
    """
    h_evs = [ev_per_customer(confusion_counts(heuristic_flags(test), test["churned_next_4w"]), table)]
    h_evs += [e for e in own.get("heuristic_evs", []) if e is not None]
    on_validation = ev_by_threshold(validation["model_score"], validation["churned_next_4w"], table, grid)
    m_evs = [ev_per_customer(confusion_counts(test["model_score"] >= t, test["churned_next_4w"]), table)
             for t in best_thresholds(on_validation)]
    m_evs += [e for e in own.get("model_evs", []) if e is not None]
    functions = [(payback_months, roi)] + ([own["functions"]] if own.get("functions") else [])
    n, small, horizon = costs["subscribers"], len(test), costs["horizon"]
    h_runs, m_runs = [costs["heuristic_run"]], [costs["model_run"], costs["model_run"] - costs["heuristic_run"]]

    def numbers(build: float, gains: list[float], runs: list[float], which: int) -> list[float]:
        found = [_safely(fs[0], build, g, r) if which == 0 else _safely(fs[1], build, g, r, horizon)
                 for g in gains for r in runs for fs in functions]
        return [v for v in found if v is not None]

    gains = {"heuristic": [h * n for h in h_evs], "model": [(m - h) * n for m in m_evs for h in h_evs]}
    result = {}
    options = (("heuristic", costs["heuristic_build"], h_runs), ("model", costs["model_build"], m_runs))
    for option, build, runs in options:
        for which, measure in ((0, "payback"), (1, "roi")):
            result[f"{option}_{measure}"] = {
                "accepted": numbers(build, gains[option], runs, which),
                "sample": numbers(build, [g / n * small for g in gains[option]], runs, which),
                "alone": numbers(build, [m * n for m in m_evs], runs, which) if option == "model" else [],
            }
    return result
