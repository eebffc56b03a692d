"""Do module 04's checkers judge experiment briefs and estimates fairly, and do its datasets hold
their planted effects?"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import mlpm
from mlpm.checks.experiments import check_duration, check_estimates, check_experiment_brief, check_values
from mlpm.datasets.experiments import PILOT_TRUE_LIFT, TRUE_RETENTION_LIFT

METRICS = {
    "retained_8w": ("retention", "retain", "stay", "subscribed"),
    "orders_8w": ("order", "box"),
    "margin_eur": ("margin",),
}
CHANGE_WORDS = ("free delivery", "offer")
GOOD_BRIEF = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur"],
    "mde": 0.03,
    "duration_weeks": 5,
}


class AlwaysEqual(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def brief_with(**changes):
    return {**GOOD_BRIEF, **changes}


def message(check, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as caught:
        check(*args, **kwargs)
    return str(caught.value)


def test_a_good_brief_passes():
    """Does a complete, sensible brief pass the brief checker?"""
    check_experiment_brief(GOOD_BRIEF, METRICS, CHANGE_WORDS)


@pytest.mark.parametrize("changes, expected", [
    ({"hypothesis": "Free delivery will increase retention."}, "too short"),
    ({"hypothesis": "Showing recipes on the home screen will increase 8-week retention of at-risk users."},
     "does not name the change"),
    ({"hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will be really good."},
     "which metric"),
    ({"hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will change their retention."},
     "which way"),
    ({"primary_metric": "happiness"}, "primary metric should be one of"),
    ({"guardrail_metrics": []}, "at least one guardrail"),
    ({"guardrail_metrics": ["retained_8w"]}, "its own guardrail"),
    ({"guardrail_metrics": "margin_eur"}, "should be a list"),
    ({"mde": 3}, "percentage points"),
    ({"mde": 0.5}, "not sensible"),
    ({"mde": -0.03}, "not sensible"),
    ({"duration_weeks": 4.5}, "whole number of weeks"),
    ({"duration_weeks": 0}, "at least one full week"),
])
def test_brief_problems_get_a_specific_message(changes, expected):
    """Does each kind of flawed brief get a message that names its flaw?"""
    assert expected in message(check_experiment_brief, brief_with(**changes), METRICS, CHANGE_WORDS)


def test_brief_with_missing_or_unknown_keys_is_refused():
    """Does a brief with a missing or an extra key say which one?"""
    partial = {k: v for k, v in GOOD_BRIEF.items() if k != "mde"}
    assert "'mde'" in message(check_experiment_brief, partial, METRICS, CHANGE_WORDS)
    assert "'owner'" in message(check_experiment_brief, brief_with(owner="me"), METRICS, CHANGE_WORDS)


def test_duration_must_be_the_fewest_whole_weeks():
    """Is a brief too short or too long for its sample size told which, without the answer?"""
    check_duration(GOOD_BRIEF, needed_per_arm=4307, users_per_day=250)  # 8,614 / 1,750 = 4.9 -> 5
    short = message(check_duration, brief_with(duration_weeks=4), 4307, 250)
    long = message(check_duration, brief_with(duration_weeks=6), 4307, 250)
    assert "too short" in short and "longer" in long
    assert "5" not in short.replace("250", "") and "5" not in long.replace("250", "")


def test_estimates_accept_close_numbers_and_refuse_rigged_ones():
    """Does check_estimates pass close values, refuse a rigged float and hide the expected value?"""
    check_estimates({"lift": 0.0300001, "p_value": 0.01}, {"lift": 0.03, "p_value": 0.01}, "r", rel_tol=1e-4)
    with pytest.raises(AssertionError):
        check_estimates({"lift": AlwaysEqual(0.0), "p_value": 0.01}, {"lift": 0.03, "p_value": 0.01}, "r")
    text = message(check_estimates, {"lift": 0.05, "p_value": 0.01}, {"lift": 0.0321, "p_value": 0.01}, "r")
    assert "0.0321" not in text and "'lift' is not right yet" in text
    assert "no entry" in message(check_estimates, {"lift": 0.03}, {"lift": 0.03, "p_value": 0.01}, "r")
    assert "should be a dict" in message(check_estimates, [0.03], {"lift": 0.03}, "r")


def test_values_check_shape_numbers_and_nan():
    """Does check_values compare arrays element-wise and explain shape or NaN problems?"""
    check_values(np.array([4.0, 4.0]), [4, 4], "y")
    check_values(pd.Series([4.0, 4.0]), [4, 4], "y")
    assert "one value per user" in message(check_values, [4.0], [4, 4], "y")
    assert "NaN" in message(check_values, [np.nan, 4.0], [4, 4], "y")
    assert "off" in message(check_values, [4.0, 5.0], [4, 4], "y")
    assert "array or a Series" in message(check_values, 4.0, [4], "y")


def test_checkers_stay_quiet_on_stderr(capfd):
    """Do the checkers keep warnings off stderr, even on NaN input?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AssertionError):
            check_values([np.nan, np.inf], [0.0, 0.0], "y")
    assert capfd.readouterr().err == ""


def _rates(frame: pd.DataFrame, metric: str) -> pd.Series:
    return frame.groupby("arm")[metric].mean()


def test_retention_experiment_plants_a_true_lift_and_a_guardrail_cost():
    """Does the offer lift retention by about 3 points, significantly, while margin per user drops a bit?"""
    frame = mlpm.load("retention_experiment")
    rates = _rates(frame, "retained_8w")
    lift = rates["treatment"] - rates["control"]
    assert abs(lift - TRUE_RETENTION_LIFT) < 0.01
    n = frame["arm"].value_counts()
    pooled = frame["retained_8w"].mean()
    z = lift / math.sqrt(pooled * (1 - pooled) * (1 / n["control"] + 1 / n["treatment"]))
    assert 2 * stats.norm.sf(abs(z)) < 0.01
    margin = _rates(frame, "margin_eur")
    assert -2.0 < margin["treatment"] - margin["control"] < -0.5
    assert stats.chisquare(n).pvalue > 0.001


def test_retention_experiment_pre_period_reduces_variance():
    """Do pre-period orders remove a substantial share of the variance of 8-week orders (CUPED)?"""
    frame = mlpm.load("retention_experiment")
    correlation = frame["orders_8w"].corr(frame["pre_period_orders"])
    assert 0.25 < correlation**2 < 0.6


def test_banner_experiment_plants_a_sample_ratio_mismatch_on_android():
    """Is the banner test's split about 51.5/48.5, with p < 0.001 overall and only on Android?"""
    frame = mlpm.load("offer_banner_experiment")
    counts = frame["arm"].value_counts()
    assert 0.505 < counts["control"] / len(frame) < 0.525
    assert stats.chisquare(counts).pvalue < 0.001
    by_platform = {p: stats.chisquare(u["arm"].value_counts()).pvalue for p, u in frame.groupby("platform")}
    assert [p for p, value in by_platform.items() if value < 0.001] == ["android"]
    assert len(frame.to_csv(index=False)) < 1_000_000


def test_pilot_plants_simpsons_paradox():
    """Does the offer help on every platform of the pilot but look harmful pooled over platforms?"""
    frame = mlpm.load("offer_pilot")
    by_platform = frame.groupby(["platform", "arm"])["retained_8w"].mean().unstack()
    lifts = by_platform["treatment"] - by_platform["control"]
    assert (lifts > 0).all() and abs(lifts.mean() - PILOT_TRUE_LIFT) < 0.03
    pooled = _rates(frame, "retained_8w")
    assert pooled["treatment"] - pooled["control"] < -0.05


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_experiment_generators_take_other_seeds_and_sizes(seed):
    """Can hidden tests draw smaller experiments with other seeds, with both arms present?"""
    for generate in (mlpm.datasets.retention_experiment, mlpm.datasets.offer_banner_experiment,
                     mlpm.datasets.offer_pilot):
        frame = generate(seed=seed, n_users=2000)
        assert set(frame["arm"]) == {"control", "treatment"}
        assert 1800 < len(frame) < 2200  # the banner test loses some users, by design
