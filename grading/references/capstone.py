"""Reference computations for the capstone (module 11: an ML product brief on missed deliveries).

Hidden test cells load them with ``reference("capstone")``. They restate the conventions of earlier
modules (01 opportunity, 02 expected value, 04 sample size, 06 engagement, 07 selection rates) and the
capstone's own pinned rules (the threshold chosen on the first weeks, the bootstrap interval of the
model's extra value, the consistency rules of a brief).

The sample size is module 04's formula, written once in ``grading/references/experiments.py``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.references import reference

GRID = tuple(float(t) for t in np.round(np.arange(0.05, 0.61, 0.01), 2))
KR_WINDOW_DAYS = 28   # a key result is read over the four weeks before its deadline


def opportunity(notes: pd.DataFrame) -> pd.Series:
    """Module 01: reach (share of interviewees) x mean times per month x mean severity, highest first."""
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    score = reach * groups["times_per_month"].mean() * groups["severity"].mean()
    return score.sort_values(ascending=False, kind="mergesort")


def most_affected(orders: pd.DataFrame, column: str) -> str:
    """The value of ``column`` whose orders are missed most often (orders where it is missing are left out)."""
    return str(orders.groupby(column)["missed"].mean().idxmax())


def value_per_order(flags: Any, missed: Any, values: Mapping[str, float]) -> float:
    """Module 02: (TP v_TP + FP v_FP + FN v_FN + TN v_TN) / N, positive meaning flagged."""
    flag = pd.Series(flags).to_numpy(dtype=bool)
    outcome = pd.Series(missed).to_numpy(dtype=bool)
    counts = {"tp": (flag & outcome).sum(), "fp": (flag & ~outcome).sum(),
              "fn": (~flag & outcome).sum(), "tn": (~flag & ~outcome).sum()}
    return float(sum(counts[k] * values[k] for k in counts) / len(flag))


def flags(frame: pd.DataFrame, approach: str, threshold: float) -> pd.Series:
    """The MVP's flags: missed a delivery in the last 12 weeks, or a risk score at or above the threshold."""
    if approach == "heuristic":
        return frame["prior_missed_12w"] >= 1
    return frame["risk_score"] >= threshold


def best_threshold(frame: pd.DataFrame, values: Mapping[str, float], grid: Any = GRID) -> float:
    """The grid threshold with the highest value per order on ``frame``; the lowest on a tie."""
    scored = [(value_per_order(frame["risk_score"] >= t, frame["missed"], values), -t) for t in grid]
    return -max(scored)[1]


def extra_value_interval(frame: pd.DataFrame, threshold: float, values: Mapping[str, float],
                         orders_per_month: float, n_boot: int = 1000, seed: int = 0) -> tuple[float, float]:
    """90 % percentile bootstrap interval of the model's extra value per month over the heuristic.

    Resample the orders of ``frame`` with replacement ``n_boot`` times (``np.random.default_rng(seed)``);
    each time, (model value − heuristic value) per order x ``orders_per_month``; the 5th and 95th
    percentiles.
    """
    model = (frame["risk_score"] >= threshold).to_numpy()
    rule = (frame["prior_missed_12w"] >= 1).to_numpy()
    missed = frame["missed"].to_numpy(dtype=bool)
    rng = np.random.default_rng(seed)
    extra = []
    for _ in range(n_boot):
        pick = rng.integers(0, len(frame), len(frame))
        extra.append((value_per_order(model[pick], missed[pick], values)
                      - value_per_order(rule[pick], missed[pick], values)) * orders_per_month)
    low, high = np.percentile(extra, [5, 95])
    return float(low), float(high)


def approach_for(extra: float, interval: tuple[float, float], run_cost: float, decided_on: str) -> str:
    """The pinned call: the model when its extra value per month (the point estimate, or the interval's low end
    for a learner who commits only when confident) is more than its run cost; else the heuristic."""
    basis = extra if decided_on == "point_estimate" else interval[0]
    return "model" if basis > run_cost else "heuristic"


def sample_size(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Module 04's pinned sample size per arm (``reference("experiments").sample_size_per_arm``)."""
    return reference("experiments").sample_size_per_arm(p1, p2, alpha, power)


def test_weeks(per_arm: int, flagged_share: float, orders_per_week: float, min_weeks: int = 2) -> int:
    """Whole weeks for both arms to reach ``per_arm`` flagged orders, at least ``min_weeks``."""
    return max(min_weeks, math.ceil(2 * per_arm / (flagged_share * orders_per_week)))


def expected_rate(baseline: float, flagged_share: float, flagged_rate: float, save_rate: float) -> float:
    """The missed rate once the MVP runs everywhere: flagged share x their missed rate x the share saved comes off."""
    return baseline - flagged_share * flagged_rate * save_rate


def net_weekly_cost(rate: float, flagged_share: float, orders_per_week: float, cost_per_redelivery: float,
                    credit: float) -> float:
    """Redeliveries plus slot-change credits a week."""
    return orders_per_week * (rate * cost_per_redelivery + flagged_share * credit)


def selection_rates(flags_: Any, groups: Any) -> pd.Series:
    """Share flagged per group (the demographic-parity view of a decision); orders with no group are left out."""
    return pd.Series(flags_).astype(float).groupby(pd.Series(groups).to_numpy()).mean()


def lookback_flags(frame: pd.DataFrame, flags_: Any) -> pd.Series:
    """The MVP's flags, plus fortnightly customers who missed a delivery in the last 24 weeks: their last 12
    deliveries, as many as a weekly customer has in 12 weeks. Needs no age and no model."""
    fortnightly = (frame["plan"] == "fortnightly").to_numpy() & (frame["prior_missed_24w"] >= 1).to_numpy()
    return pd.Series(np.asarray(flags_, dtype=bool) | fortnightly, index=frame.index)


def value_change(frame: pd.DataFrame, mitigation: str, flags_: Any, values: Mapping[str, float],
                 orders_per_month: float, opt_in_value: float) -> float:
    """What a mitigation adds to the MVP's value a month: 0 for none, the opt-in's estimate, or (value per order of
    the looked-back flags − the MVP's) x orders a month on all of ``frame``."""
    if mitigation == "lookback_by_deliveries":
        gain = (value_per_order(lookback_flags(frame, flags_), frame["missed"], values)
                - value_per_order(flags_, frame["missed"], values))
        return float(gain * orders_per_month)
    return {"none": 0.0, "opt_in_for_everyone": float(opt_in_value)}[mitigation]


def late_days(slo: float, days: float) -> float:
    """Days a once-a-day job may be late within ``days`` under a share-of-days target."""
    return (1 - slo) * days


def engagement(power: float, interest: float) -> str:
    """Module 06: the power/interest grid with 'high' meaning 6 or more."""
    return {(True, True): "manage closely", (True, False): "keep satisfied", (False, True): "keep informed",
            (False, False): "monitor"}[(power >= 6, interest >= 6)]


def brief_problems(brief: Mapping[str, Any], facts: Mapping[str, Any], alpha: float = 0.05,
                   power: float = 0.8) -> list[str]:
    """The consistency rules a brief breaks, in the order of the capstone's ``RULES``.

    ``facts`` holds SAVE_RATE, BREAK_EVEN_DROP, TEST_START, ROLLOUT_WEEKS and GUARDRAIL_BASELINES, as in
    the notebook.
    """
    broken = []
    okr, experiment, mvp = brief["okr"], brief["experiment"], brief["mvp"]
    key_results = {kr["metric"]: kr for kr in okr["key_results"]}
    if experiment["primary_metric"] not in key_results:
        broken.append("primary_not_key_result")
    baseline = experiment["baseline"]
    if experiment["per_arm"] != sample_size(baseline, baseline - experiment["mde"], alpha, power):
        broken.append("sample_size_mismatch")
    if brief["dashboard"]["guardrail"] != okr["guardrail"]["metric"]:
        broken.append("guardrail_mismatch")
    if experiment["mde"] < facts["BREAK_EVEN_DROP"] - 1e-9 and not str(experiment.get("mde_reason") or "").strip():
        broken.append("mde_below_break_even")
    missed = key_results.get("missed_delivery_rate")
    if missed is not None:
        floor = expected_rate(missed["baseline"], mvp["flagged_share"], baseline, facts["SAVE_RATE"])
        if missed["target"] < floor - 5e-4:
            broken.append("target_unreachable")
    primary = key_results.get(experiment["primary_metric"])
    if primary is not None:
        end = dt.date.fromisoformat(facts["TEST_START"]) + dt.timedelta(weeks=experiment["weeks"]
                                                                          + facts["ROLLOUT_WEEKS"])
        if end > dt.date.fromisoformat(primary["deadline"]) - dt.timedelta(days=KR_WINDOW_DAYS):
            broken.append("test_ends_too_late")
    if okr["guardrail"]["metric"] not in facts["GUARDRAIL_BASELINES"]:
        broken.append("guardrail_unmeasurable")
    if experiment["unit"] != "customer":
        broken.append("randomised_by_order")
    if dt.date.fromisoformat(brief["delivery"]["ships_by"]) >= dt.date.fromisoformat(facts["TEST_START"]):
        broken.append("ships_after_test_start")
    return broken


def ship_weeks_accepted(counts, remaining: float, confidence: float, margin: float = 0.02) -> list[int]:
    """Q5: the whole weeks a simulated forecast at ``confidence`` may fairly give, from the exact distribution.

    Week k is accepted when the exact share of futures done within k weeks is at least ``confidence`` −
    ``margin`` and the share within k − 1 weeks is below ``confidence`` + ``margin``: a simulation with
    any random draws lands there. The exact distribution is module 06's (``reference("influence")``).
    """
    from mlpm.checks.references import reference

    done = reference("influence").exact_sprints_distribution(counts, remaining).cumsum()
    return [int(k) for k in done.index
            if done[k] >= confidence - margin and done.get(k - 1, 0.0) < confidence + margin]


def coin_flip_weeks(counts, remaining: float) -> list[int]:
    """Q5: the plans the team misses about half the time: the average throughput's weeks and the median run's."""
    average = math.ceil(remaining / float(np.mean(np.asarray(counts, dtype=float))))
    return sorted({average, *ship_weeks_accepted(counts, remaining, 0.5)})
