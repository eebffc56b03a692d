"""Reference computations for module 04 (experimentation), which its hidden tests compare with.

The sample size per arm is written here once: module 04's hidden tests and the capstone's import it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import chi2, norm

VARIANCES = ("pinned", "unpooled", "pooled")


def sample_size_raw(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8, *,
                    variance: str = "pinned", sides: int = 2) -> float:
    """Users per arm before rounding; ``variance`` and ``sides`` give the usual other conventions.

    The pinned convention: z at 1 - alpha/2 times the pooled spread sqrt(2 p̄ (1 - p̄)), plus z at
    ``power`` times the unpooled spread sqrt(p1 (1 - p1) + p2 (1 - p2)), squared, over (p2 - p1)².
    """
    z_alpha, z_power, p_bar = norm.ppf(1 - alpha / sides), norm.ppf(power), (p1 + p2) / 2
    pooled, unpooled = math.sqrt(2 * p_bar * (1 - p_bar)), math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    alpha_term, power_term = {"pinned": (pooled, unpooled), "unpooled": (unpooled, unpooled),
                              "pooled": (pooled, pooled)}[variance]
    return (z_alpha * alpha_term + z_power * power_term) ** 2 / (p2 - p1) ** 2


def sample_size_per_arm(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users per arm to detect a change from p1 to p2 (two-sided, pinned convention), rounded up."""
    return math.ceil(sample_size_raw(p1, p2, alpha, power))


def srm_p_value(counts: Any, shares: Any) -> float:
    """Pearson's chi-square goodness-of-fit p-value of users per arm against the designed shares."""
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    return float(chi2.sf(((observed - expected) ** 2 / expected).sum(), len(observed) - 1))


def analyse_proportions(frame: pd.DataFrame, metric: str, alpha: float = 0.05) -> dict[str, float]:
    """Rates, lift, Wald interval (unpooled SE) and two-sided pooled z-test p-value."""
    return {k: v for k, v in proportion_slips(frame, metric, alpha).items() if not k.startswith("_")}


def proportion_slips(frame: pd.DataFrame, metric: str, alpha: float = 0.05) -> dict[str, float]:
    """:func:`analyse_proportions` plus what the usual slips give (keys starting with ``_``)."""
    groups = frame.groupby("arm")[metric]
    n, p = groups.size(), groups.mean()
    lift = p["treatment"] - p["control"]
    se = math.sqrt(p["control"] * (1 - p["control"]) / n["control"]
                   + p["treatment"] * (1 - p["treatment"]) / n["treatment"])
    p_bar = frame[metric].mean()
    se_pooled = math.sqrt(p_bar * (1 - p_bar) * (1 / n["control"] + 1 / n["treatment"]))
    z_crit = norm.ppf(1 - alpha / 2)
    return {"control_rate": float(p["control"]), "treatment_rate": float(p["treatment"]), "lift": float(lift),
            "ci_low": float(lift - z_crit * se), "ci_high": float(lift + z_crit * se),
            "p_value": float(2 * norm.sf(abs(lift / se_pooled))),
            "_half": z_crit * se, "_half_pooled": z_crit * se_pooled,
            "_p_unpooled": float(2 * norm.sf(abs(lift / se))), "_p_one_sided": float(norm.sf(abs(lift / se_pooled)))}


def mean_difference(frame: pd.DataFrame, metric: str, alpha: float = 0.05) -> dict[str, float]:
    """Treatment mean minus control mean, with the normal interval from the unpooled standard error."""
    stats = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    difference = stats.loc["treatment", "mean"] - stats.loc["control", "mean"]
    se = math.sqrt((stats["var"] / stats["size"]).sum())
    z_crit = norm.ppf(1 - alpha / 2)
    return {"difference": float(difference), "ci_low": float(difference - z_crit * se),
            "ci_high": float(difference + z_crit * se)}


def ship_decision(summary: dict, srm_threshold: float, alpha: float) -> str:
    """The pinned decision rule, in its order."""
    if summary["srm_p"] < srm_threshold:
        return "investigate_srm"
    if summary["users_per_arm"] < summary["planned_per_arm"]:
        return "extend"
    if not (summary["primary_p"] < alpha and summary["primary_lift"] > 0):
        return "do_not_ship"
    if summary["guardrail_ci_low"] <= -summary["guardrail_limit"]:
        return "do_not_ship"
    if summary["primary_ci_low"] >= summary["break_even"]:
        return "ship"
    if summary["primary_lift"] >= summary["break_even"]:
        return "ship_with_holdout"
    return "do_not_ship"


def ship_rule_cases(toy: dict) -> list[tuple[str, list[dict], str]]:
    """(decision, summaries, message) per step of the rule; a step's second summary also meets a later step."""
    return [
        ("investigate_srm",
         [{**toy, "srm_p": 0.0004}, {**toy, "srm_p": 0.0004, "users_per_arm": 100, "primary_p": 0.5}],
         "`ship_decision` does not return 'investigate_srm' for every summary whose srm_p is below `srm_threshold`: "
         "check the split first, before anything else."),
        ("extend", [{**toy, "users_per_arm": 3999},
                    {**toy, "users_per_arm": 3999, "primary_p": 0.0001, "guardrail_ci_low": -3.0},
                    {**toy, "users_per_arm": 3999, "primary_p": 0.2}],
         "`ship_decision` does not return 'extend' for every summary with fewer users per arm than planned (and no "
         "sample-ratio mismatch): check the planned size before the results."),
        ("do_not_ship", [{**toy, "primary_p": 0.2}, {**toy, "primary_p": 0.001, "primary_lift": -0.02,
                                                     "primary_ci_low": -0.03}],
         "`ship_decision` does not return 'do_not_ship' for every summary whose primary metric is not significant "
         "or whose lift is negative."),
        ("do_not_ship", [{**toy, "guardrail_ci_low": -2.5}, {**toy, "guardrail_ci_low": -2.5, "primary_ci_low": 0.01}],
         "`ship_decision` does not return 'do_not_ship' for every summary whose guardrail ci_low is below "
         "-guardrail_limit."),
        ("ship_with_holdout", [{**toy, "primary_ci_low": 0.01}, {**toy, "primary_ci_low": 0.01, "primary_p": 0.03}],
         "`ship_decision` does not return 'ship_with_holdout' for every summary whose lift reaches the break-even "
         "while the low end of its interval does not."),
        ("do_not_ship", [{**toy, "primary_lift": 0.015, "primary_ci_low": 0.005}],
         "`ship_decision` does not return 'do_not_ship' for a significant lift below the break-even: the offer "
         "works but most likely does not pay for itself."),
        ("ship", [{**toy, "srm_p": 0.002}, {**toy, "guardrail_ci_low": -1.99}],
         "`ship_decision` does not return 'ship' for every summary that passes every step of the rule (an srm_p "
         "below alpha but above `srm_threshold` is no alarm)."),
    ]


def ship_rule_boundaries(toy: dict) -> list[tuple[str, dict]]:
    """(decision, summary) where a lift or a low end sits exactly at the break-even: "at or above" counts it."""
    return [("ship_with_holdout", {**toy, "primary_lift": 0.02, "primary_ci_low": 0.005}),
            ("ship", {**toy, "primary_ci_low": 0.02})]


SUMMARY_HINTS = {
    "srm_p": "The chi-square test of question 3 on this experiment's users per arm, against 50/50. "
             "If question 3 does not pass yet, fix it first.",
    "users_per_arm": "The smaller of the two arms.",
    "planned_per_arm": "Use `sample_size_per_arm` (question 1) from `baseline_retention` to `baseline_retention` "
                       "plus your brief's MDE, at `alpha` and `power`. "
                       "If question 1 or 2 does not pass yet, fix it first.",
    "primary_p": "The p-value of your `retention_result` (question 4). If question 4 does not pass yet, fix it first.",
    "primary_lift": "The lift of your `retention_result` (question 4): treatment minus control, as a fraction.",
    "primary_ci_low": "The low end of the interval of your `retention_result` (question 4).",
    "break_even": "Finance's break-even, your brief's MDE, as a fraction.",
    "guardrail_ci_low": "The lower end of the margin interval of your `margin_result` (question 5). "
                        "If question 5 does not pass yet, fix it first.",
    "guardrail_limit": "The guardrail's limit given in the parameters cell, as a positive number.",
}


def larder_summary(retention: pd.DataFrame, baseline: float, mde: float, alpha: float, power: float,
                   margin_limit: float) -> dict[str, float]:
    """The summary of the retention experiment that question 6 asks for."""
    arms = retention["arm"].value_counts()
    result = analyse_proportions(retention, "retained_8w", alpha)
    return {"srm_p": srm_p_value(arms, [0.5, 0.5]), "users_per_arm": float(arms.min()),
            "planned_per_arm": sample_size_per_arm(baseline, baseline + mde, alpha, power),
            "primary_p": result["p_value"], "primary_lift": result["lift"], "primary_ci_low": result["ci_low"],
            "break_even": mde, "guardrail_ci_low": mean_difference(retention, "margin_eur", alpha)["ci_low"],
            "guardrail_limit": margin_limit}


def own_summary(compute: dict[str, Callable[[], Any]]) -> dict[str, list[Any]]:
    """Each summary value the learner's own earlier answers give (None where they raise)."""
    values: dict[str, list[Any]] = {}
    for key, how in compute.items():
        try:
            values[key] = [how()]
        except Exception:  # noqa: BLE001 - learner code that raises gives no value
            values[key] = [None]
    return values


def cuped(y: Any, x: Any) -> np.ndarray:
    """y - theta (x - mean x), theta = cov(y, x) / var(x) over both arms pooled."""
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    return y - np.cov(y, x)[0, 1] / x.var(ddof=1) * (x - x.mean())


def lift_by_platform(frame: pd.DataFrame, metric: str) -> pd.Series:
    """Treatment rate minus control rate within each platform."""
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]


def peeking_false_positive_rate(n_tests: int, n_days: int, users: int, rate: float, alpha: float, seed: int) -> float:
    """Share of A/A tests significant on any daily look at cumulative counts (pooled z-test)."""
    rng = np.random.default_rng(seed)
    conversions = rng.binomial(users, rate, size=(n_tests, n_days, 2)).cumsum(axis=1)
    n = users * np.arange(1, n_days + 1)[None, :]
    p_c, p_t = conversions[..., 0] / n, conversions[..., 1] / n
    p_bar = (p_c + p_t) / 2
    se = np.sqrt(p_bar * (1 - p_bar) * 2 / n)
    z = np.where(se > 0, (p_t - p_c) / np.where(se > 0, se, 1), 0.0)
    return float((2 * norm.sf(np.abs(z)) < alpha).any(axis=1).mean())
