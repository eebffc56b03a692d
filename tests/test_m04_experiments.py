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
from mlpm.checks import own_value
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
    assert "0.0321" not in text and "`r['lift']` is not right yet" in text
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


# --- The checkers the exercise test cells use since partial credit (one check per `with q.check()`) ---

from mlpm.checks.experiments import (  # noqa: E402
    brief_mde,
    check_brief_metrics,
    check_hypothesis,
    check_interval,
    check_mde,
    check_names,
    check_weeks,
    numbers,
    same_numbers,
)


def test_brief_parts_are_checked_on_their_own():
    """Does each part of the brief pass or fail on its own, so one flaw costs one check?"""
    check_hypothesis(GOOD_BRIEF, METRICS, CHANGE_WORDS)
    check_brief_metrics(GOOD_BRIEF, METRICS)
    check_mde(GOOD_BRIEF)
    assert check_weeks(GOOD_BRIEF) == 5
    wrong_metric = brief_with(primary_metric="happiness")
    check_hypothesis(wrong_metric, METRICS, CHANGE_WORDS)  # the hypothesis is not blamed for the metric
    check_mde(wrong_metric)
    assert "primary metric should be one of" in message(check_brief_metrics, wrong_metric, METRICS)
    check_brief_metrics(brief_with(guardrail_metrics=("margin_eur", "orders_8w")), METRICS)  # a tuple too
    assert "no entry for 'mde'" in message(check_mde, {k: v for k, v in GOOD_BRIEF.items() if k != "mde"})


@pytest.mark.parametrize("weeks, expected", [
    (None, "is None"), (4.5, "whole number of weeks (an int), but it is a float"), (True, "but it is a bool"),
    ("5", "but it is a str"), (0, "at least one full week"),
])
def test_weeks_that_are_not_a_whole_number_get_a_message_that_names_what_they_are(weeks, expected):
    """Is None told it is None (not that it should be an int), and each other type named?"""
    text = message(check_weeks, brief_with(duration_weeks=weeks))
    assert expected in text
    if weeks is None:
        assert "should be a whole number" not in text


def test_numpy_weeks_are_whole_weeks():
    """Does a numpy integer count as a whole number of weeks?"""
    assert check_weeks(brief_with(duration_weeks=np.int64(5))) == 5


def test_duration_accepts_the_weeks_of_another_fair_sample_size():
    """Does check_duration accept weeks that follow from an alternative size (error carried forward)?"""
    check_duration(brief_with(duration_weeks=3), 4307, 250, also=[2500])  # 5,000 / 1,750 -> 3 weeks
    check_duration(brief_with(duration_weeks=3), 4307, 250, also=[None, float("nan"), 2500])
    between = message(check_duration, brief_with(duration_weeks=4), 4307, 250, also=[2500])
    assert "does not follow" in between


def test_brief_mde_reads_points_as_a_fraction_for_the_duration():
    """Is an MDE of 3 (points) read as 0.03 for the duration, so the unit mistake costs one check?"""
    assert brief_mde(GOOD_BRIEF) == 0.03
    assert brief_mde(brief_with(mde=3)) == pytest.approx(0.03)
    assert "fix `brief['mde']` first" in message(brief_mde, brief_with(mde=0.5))


def test_estimates_accept_an_alternative_and_compare_only_some_keys():
    """Does check_estimates pass an alternative result as a whole, and look at only the keys asked?"""
    expected = {"lift": 0.03, "p_value": 0.01}
    check_estimates({"lift": 0.05, "p_value": 0.2}, expected, "r", also=[None, {"lift": 0.05, "p_value": 0.2}])
    with pytest.raises(AssertionError):
        check_estimates({"lift": 0.05, "p_value": 0.2}, expected, "r", also=[{"lift": 0.05, "p_value": 0.3}])
    check_estimates({"lift": 0.03, "p_value": 0.5}, expected, "r", only=("lift",))
    assert "`r['p_value']` is not right yet" in message(check_estimates, {"lift": 0.9, "p_value": 0.5}, expected, "r",
                                                    only=("p_value",))


def test_interval_check_separates_the_centre_from_the_width():
    """Is an interval around a wrong estimate blamed on the centre, and a wrong width on the SE?"""
    keys = ["difference", "ci_low", "ci_high"]
    check_interval({"difference": 3.0, "ci_low": 1.0, "ci_high": 5.0}, keys, 2.0, "r", centre="difference")
    check_interval({"difference": -3.0, "ci_low": -5.0, "ci_high": -1.0}, keys, 2.0, "r", centre="difference")
    assert "not centred" in message(check_interval, {"difference": 3.0, "ci_low": 0.0, "ci_high": 5.0}, keys,
                                    2.0, "r", centre="difference")
    width = message(check_interval, {"difference": 3.0, "ci_low": 2.0, "ci_high": 4.0}, keys, 2.0, "r",
                    centre="difference", hint="Use the variance.")
    assert "width is off" in width and "Use the variance." in width and "2.0" not in width
    assert "above" in message(check_interval, {"difference": 3.0, "ci_low": 5.0, "ci_high": 1.0}, keys, 2.0, "r",
                              centre="difference")


def test_names_must_be_a_sorted_list_of_known_names():
    """Does check_names accept a list or tuple of known names in order, and say what is wrong otherwise?"""
    check_names(["android"], ["android", "ios", "web"], "p")
    check_names(("android", "web"), ["android", "ios", "web"], "p")
    check_names([], ["android"], "p")
    assert "should be a list" in message(check_names, "android", ["android"], "p")
    assert "not one of" in message(check_names, ["Android"], ["android"], "p")
    assert "sorted" in message(check_names, ["web", "android"], ["android", "web"], "p")
    assert "twice" in message(check_names, ["web", "web"], ["android", "web"], "p")


def test_helpers_for_error_carried_forward_never_raise():
    """Do own_value, numbers and same_numbers give a value (or None, False) whatever the learner's code does?"""
    def broken():
        raise NotImplementedError

    assert own_value(broken) is None
    assert own_value(lambda: undefined_name) is None  # noqa: F821
    assert own_value(lambda: 3) == 3
    assert numbers(None, 1, np.float64(2.5), float("nan"), "3", True) == [1.0, 2.5]
    assert same_numbers({"a": 1.0}, {"a": 1.0}) and not same_numbers({"a": 1.0}, {"b": 1.0})
    assert not same_numbers([1.0], [1.0 + 1e-6]) and same_numbers([1.0], [1.0 + 1e-9], rel_tol=1e-6)
    assert not same_numbers(None, 1.0) and not same_numbers({"a": "x"}, {"a": 1.0})


# --- Grading cases the review of learner attempts found (messages, not only points) ---

def _graded(answer_id: str, code: str) -> tuple[float, float, list[str]]:
    from test_known_wrong import _grade

    points, maximum, messages, _ = _grade("04-experimentation", answer_id, code, visible=False)
    return points, maximum, messages


def test_standard_deviation_instead_of_variance_is_told_about_the_variance():
    """Does the SD-for-variance bug get the variance hint, not 'use the metric and alpha arguments'?"""
    from known_wrong.m04_experimentation import WRONG_ANSWERS

    _, _, messages = _graded(*WRONG_ANSWERS["guardrail-standard-deviation-not-variance"][:2])
    assert messages and all("not the standard deviation" in m for m in messages if "ci_" in m or "width" in m)
    assert not any("metric argument" in m or "alpha argument" in m for m in messages), messages


def test_a_function_that_ignores_its_metric_or_alpha_is_told_so():
    """Do the hidden checks with another metric and another alpha name the argument that is ignored?"""
    from known_wrong.m04_experimentation import WRONG_ANSWERS

    _, _, metric = _graded(*WRONG_ANSWERS["guardrail-ignores-metric"][:2])
    assert any("use the metric argument" in m for m in metric), metric
    _, _, alpha = _graded(*WRONG_ANSWERS["guardrail-ignores-alpha"][:2])
    assert any("use the alpha argument" in m for m in alpha), alpha
    assert not any("metric argument" in m for m in alpha), alpha


def test_duration_none_is_told_it_is_none():
    """Is a brief whose duration is None told so, instead of 'should be a whole number of weeks (an int)'?"""
    from known_wrong.m04_experimentation import WRONG_ANSWERS

    points, maximum, messages = _graded(*WRONG_ANSWERS["brief-duration-from-a-function-that-does-not-return"][:2])
    assert 0 < points < maximum
    assert any("is None" in m for m in messages) and not any("(an int)" in m for m in messages), messages


def test_planned_size_from_the_learners_own_brief_keeps_full_marks():
    """Does a summary planned with the learner's own brief's MDE (and the decision that follows) get 2 of 2?"""
    from known_wrong.m04_experimentation import FAIR_SCORES

    points, maximum, messages = _graded(*FAIR_SCORES["decision-planned-size-and-break-even-from-own-brief-mde"][:2])
    assert points == maximum == 2, messages


def test_sample_size_slips_are_named_by_their_aspect():
    """Does each slip in the sample size get the message of its own aspect (and only a few checks off)?"""
    from known_wrong.m04_experimentation import WRONG_ANSWERS

    _, _, unpooled = _graded(*WRONG_ANSWERS["sample-size-unpooled-variance-in-both-terms"][:2])
    assert any("pooled rate there" in m for m in unpooled), unpooled
    _, _, one_sided = _graded(*WRONG_ANSWERS["sample-size-one-sided-z-for-alpha"][:2])
    assert any("one-sided z for alpha" in m for m in one_sided), one_sided
    points, maximum, rounded = _graded(*WRONG_ANSWERS["sample-size-rounded-to-the-nearest-user"][:2])
    assert 0 < points < maximum and len(rounded) == 1 and "Round up" in rounded[0], rounded


def test_analysis_slips_are_named_by_their_aspect():
    """Is a one-sided p-value, a p-value with the unpooled SE, or a pooled interval told exactly that?"""
    from known_wrong.m04_experimentation import FAIR_SCORES, WRONG_ANSWERS

    _, _, unpooled_p = _graded(*WRONG_ANSWERS["analysis-p-value-with-unpooled-se"][:2])
    assert any("uses the unpooled standard error" in m for m in unpooled_p), unpooled_p
    _, _, one_sided = _graded(*FAIR_SCORES["analysis-one-sided-p-value-costs-the-p-value-checks"][:2])
    assert any("It is one-sided" in m for m in one_sided), one_sided
    assert all("p_value" in m for m in one_sided), one_sided
    _, _, pooled_ci = _graded(*FAIR_SCORES["analysis-pooled-se-in-interval-costs-the-interval-checks"][:2])
    assert any("uses the pooled standard error" in m for m in pooled_ci), pooled_ci
    assert not any("p_value" in m for m in pooled_ci), pooled_ci


def test_cuped_without_centring_is_told_to_centre():
    """Is an adjustment that subtracts theta times x (not x minus its mean) told about the mean, not theta?"""
    from known_wrong.m04_experimentation import WRONG_ANSWERS

    _, _, messages = _graded(*WRONG_ANSWERS["cuped-x-not-centred"][:2])
    assert messages and all("x minus its mean" in m for m in messages), messages
