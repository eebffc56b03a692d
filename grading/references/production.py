"""Module 08 (MLOps and backend fluency): the reference computations and calls hidden checks compare with.

They state module 08's conventions in code (the lesson and the prompts state them in words). Loaded
by hidden test cells with ``reference("production")``; never part of the installed package.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

PSI_FLOOR = 1e-4
LABEL_DELAY_DAYS = 28
Z_95 = 1.96
ML_TEST_POINTS = {"none": 0.0, "manual": 0.5, "automated": 1.0}
STATUS_AFTER = {"subscribed": "active", "paused": "paused", "resumed": "active", "cancelled": "cancelled"}
# Breck et al. (2017): how to read a final ML Test Score, (upper limit of the band, reading)
ML_TEST_BANDS = ((0.0, "research project"), (1.0, "serious holes"), (2.0, "first pass"),
                 (3.0, "reasonably tested"), (5.0, "strong"), (math.inf, "exceptional"))


def reference_edges(reference: Iterable[float]) -> np.ndarray:
    """The nine interior bin edges: the reference's 10th to 90th percentiles (numpy's linear method)."""
    return np.percentile(np.asarray(reference, dtype=float), np.arange(10, 100, 10))


def decile_shares(values: Iterable[float], edges: np.ndarray) -> np.ndarray:
    """Share of ``values`` in each of the ten bins; a value equal to an edge goes to the bin on its right."""
    index = np.searchsorted(edges, np.asarray(values, dtype=float), side="right")
    return np.bincount(index, minlength=len(edges) + 1) / len(index)


def psi_from_shares(expected: Iterable[float], actual: Iterable[float]) -> float:
    """PSI = sum((a - e) * ln(a / e)), natural log, each share floored at 1e-4 first."""
    e = np.maximum(np.asarray(expected, dtype=float), PSI_FLOOR)
    a = np.maximum(np.asarray(actual, dtype=float), PSI_FLOOR)
    return float(np.sum((a - e) * np.log(a / e)))


def psi(reference: Iterable[float], current: Iterable[float]) -> float:
    """The population stability index of ``current`` against ``reference``, on the reference's deciles."""
    edges = reference_edges(reference)
    return psi_from_shares(decile_shares(reference, edges), decile_shares(current, edges))


def psi_band(value: float) -> str:
    """Below 0.1 stable, 0.1 up to and including 0.25 moderate, above 0.25 significant."""
    if value < 0.1:
        return "stable"
    return "moderate" if value <= 0.25 else "significant"


def measurable_weeks(week_starts: Iterable[Any], today: Any, delay_days: int = LABEL_DELAY_DAYS) -> list[pd.Timestamp]:
    """The Mondays whose scores can be checked on ``today``: their label arrives ``delay_days`` later (inclusive)."""
    today = pd.Timestamp(today)
    return [pd.Timestamp(w) for w in week_starts if pd.Timestamp(w) + pd.Timedelta(days=delay_days) <= today]


def recall_difference(frame: pd.DataFrame) -> tuple[float, float, float]:
    """Challenger minus champion recall on churners, with its paired normal 95 % interval (z = 1.96)."""
    churners = frame[frame["churned"] == 1]
    d = (churners["challenger_flag"] - churners["champion_flag"]).to_numpy(dtype=float)
    diff = float(d.mean())
    se = float(d.std(ddof=1) / math.sqrt(len(d)))
    return diff, diff - Z_95 * se, diff + Z_95 * se


def guardrail_changes(frame: pd.DataFrame) -> dict[str, float]:
    """Challenger minus champion: precision of the flags, and p95 latency in ms (numpy's linear percentile)."""
    def precision(flag: str) -> float:
        return float(frame.loc[frame[flag] == 1, "churned"].mean())
    return {"precision": precision("challenger_flag") - precision("champion_flag"),
            "p95_latency_ms": float(np.percentile(frame["challenger_latency_ms"], 95)
                                    - np.percentile(frame["champion_latency_ms"], 95))}


def promote(diff: float, ci_low: float, guardrails: Mapping[str, float], margin: float = 0.01,
            precision_drop: float = 0.02, latency_rise_ms: float = 25.0) -> str:
    """The gate: margin reached, interval above zero, and no guardrail worse by more than its tolerance."""
    ok = (diff >= margin and ci_low > 0 and guardrails["precision"] >= -precision_drop
          and guardrails["p95_latency_ms"] <= latency_rise_ms)
    return "promote" if ok else "keep champion"


def ml_test_score(practices: Mapping[str, Mapping[str, str]]) -> dict[str, float]:
    """Breck et al. (2017): each test 0, 0.5 (manual) or 1 (automated); a section sums; final = minimum."""
    scores = {section: sum(ML_TEST_POINTS[s] for s in tests.values()) for section, tests in practices.items()}
    return {**scores, "final": min(scores.values())}


def ml_test_band(final: float) -> str:
    """Breck et al.'s reading of a final score: 0, (0, 1], (1, 2], (2, 3], (3, 5], above 5."""
    return next(name for limit, name in ML_TEST_BANDS if final <= limit)


def error_budget_minutes(slo: float, days: float) -> float:
    """Minutes of full unavailability the objective allows over ``days`` days (flat traffic assumed)."""
    return (1 - slo) * days * 24 * 60


def availability(requests: pd.DataFrame) -> float:
    """Share of requests the service answered without a server error (status below 500)."""
    return float((requests["status"] < 500).mean())


def budget_share(requests: pd.DataFrame, slo: float, days: float) -> float:
    """Share of a ``days``-day error budget one day's log spent: its error rate over (1 - slo) × days.

    The budget counts requests: (1 - slo) of the ``days`` days' requests may fail, and the log is
    taken as one typical day of them.
    """
    return (1 - availability(requests)) / ((1 - slo) * days)


def latency_percentiles(latency_ms: Iterable[float]) -> dict[str, float]:
    """p95 and p99 with numpy's default (linear) percentile method."""
    p95, p99 = np.percentile(np.asarray(latency_ms, dtype=float), [95, 99])
    return {"p95": float(p95), "p99": float(p99)}


def final_status(events: pd.DataFrame) -> pd.Series:
    """The idempotent consumer: keep each event_id once, order by subscriber and seq, take the last state."""
    unique = events.drop_duplicates("event_id").sort_values(["subscriber_id", "seq"])
    last = unique.groupby("subscriber_id")["event_type"].last()
    return last.map(STATUS_AFTER).rename("status")


def config_diff(left: Mapping[str, Any], right: Mapping[str, Any]) -> list[str]:
    """Keys whose values differ, or that exist on one side only, sorted."""
    absent = object()
    return sorted(k for k in set(left) | set(right) if left.get(k, absent) != right.get(k, absent))


# ---- the calls (question 10): decision -> (evidence that must be named, evidence that may be, reverse_if accepted)
TRIGGERS = {"psi_stable": {"nothing"}, "psi_moderate": {"ticket for the ML team"},
            "psi_significant": {"ticket for the ML team"}, "fast_budget_burn": {"page the on-call engineer"}}
CALLS = {
    "basket_drift": {
        "back-test as labels arrive": ({"drift", "label_delay"}, {"drift", "label_delay", "recall_gate"},
                                       {"post-change weeks show recall falling"}),
    },
    "lite_challenger": {
        "promote": ({"lite_shadow", "serving_cost"}, {"lite_shadow", "serving_cost", "drift", "label_delay"},
                    {"its interval's low end falls below -0.02", "post-change weeks show it losing recall"}),
        "keep champion": ({"lite_shadow"}, {"lite_shadow", "serving_cost", "drift", "label_delay"},
                          {"the saving proves larger than the switching work",
                           "post-change weeks show it keeping recall"}),
    },
    "stale_shadow": {
        "re-run the shadow on post-change traffic": ({"drift"}, {"drift", "recall_gate", "label_delay"},
                                                     {"the drifted inputs barely move either model's scores"}),
    },
    "budget_spent": {
        "freeze releases and promotions, not fixes": ({"error_budget"}, {"error_budget", "latency"},
                                                       {"the burn rate stays below 1 for a week"}),
    },
    "breaking_change": {
        "serve v2 beside v1, retire v1 at zero traffic": ({"contract"}, {"contract"},
                                                           {"no client reads churn_score any more"}),
    },
}


def psi_variants(reference: Iterable[float], current: Iterable[float]) -> dict[str, float]:
    """What the usual slips of the pinned PSI give, so a checker can name the slip it sees.

    ``log10``: base-10 log; ``current_edges``: both samples counted in bins cut at the current sample's
    deciles; ``own_edges``: each sample counted in bins cut at its own deciles; ``left_edges``: a value
    equal to an edge put in the bin on its left.
    """
    ref, cur = np.asarray(reference, dtype=float), np.asarray(current, dtype=float)
    edges, own_edges = reference_edges(ref), reference_edges(cur)
    e, a = np.maximum(decile_shares(ref, edges), PSI_FLOOR), np.maximum(decile_shares(cur, edges), PSI_FLOOR)
    left = [np.maximum(np.bincount(np.searchsorted(edges, x, side="left"), minlength=10) / len(x), PSI_FLOOR)
            for x in (ref, cur)]
    return {"log10": float(np.sum((a - e) * np.log10(a / e))),
            "current_edges": psi_from_shares(decile_shares(ref, own_edges), decile_shares(cur, own_edges)),
            "own_edges": psi_from_shares(decile_shares(ref, edges), decile_shares(cur, own_edges)),
            "left_edges": psi_from_shares(*left)}
