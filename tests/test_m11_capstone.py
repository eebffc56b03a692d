"""Do the capstone's pinned computations agree with independent ones, do its checkers judge both ways,
and do the delivery datasets hold their planted effects?"""

from __future__ import annotations

import functools
import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import demographic_parity_ratio, selection_rate
from sklearn.metrics import confusion_matrix

import mlpm
from mlpm.checks.capstone import (
    RULES,
    SECTIONS,
    brief_problems_reference,
    check_brief_okr,
    check_key_result,
    check_metric_names,
    check_names_in,
    check_problem_list,
    check_rates,
    engagement_reference,
    error_budget_reference,
    flags_reference,
    opportunity_reference,
    sample_size_reference,
    selection_rates_reference,
    value_per_order_reference,
)
from notebook_tools import ROOT, read_notebook, run_code_cells

SOLUTION = ROOT / "solutions" / "11-capstone" / "11-capstone-exercises.ipynb"
VALUES = {"tp": 6.0, "fp": -1.0, "fn": 0.0, "tn": 0.0}


@functools.cache
def solved() -> dict:
    return run_code_cells(read_notebook(SOLUTION))


# ---------------------------------------------------------------- pinned computations, independently
def test_opportunity_by_hand_on_a_toy():
    """Is the opportunity reach (of interviewees) x mean frequency x mean severity, highest first?"""
    notes = pd.DataFrame({"interview_id": ["A", "A", "B", "C"], "pain_point": ["x", "y", "x", "x"],
                          "times_per_month": [1.0, 4.0, 3.0, 2.0], "severity": [2, 5, 4, 3]})
    got = opportunity_reference(notes)
    assert list(got.index) == ["y", "x"]  # 6.67 before 6.0
    assert got["x"] == pytest.approx(1.0 * 2.0 * 3.0) and got["y"] == pytest.approx(1 / 3 * 4.0 * 5.0)


def test_value_per_order_agrees_with_sklearn_confusion_matrix():
    """Does the expected value per order match counts from sklearn's confusion matrix?"""
    orders = mlpm.datasets.delivery_orders(seed=4, n_orders=800)
    flags = orders["risk_score"] >= 0.25
    tn, fp, fn, tp = confusion_matrix(orders["missed"], flags, labels=[0, 1]).ravel()
    values = {"tp": 5.0, "fp": -0.7, "fn": -0.3, "tn": 0.1}
    want = (tp * 5.0 - fp * 0.7 - fn * 0.3 + tn * 0.1) / len(orders)
    assert value_per_order_reference(flags, orders["missed"], values) == pytest.approx(want)


@pytest.mark.parametrize("p1, p2, alpha, power", [(0.10, 0.12, 0.05, 0.8), (0.1776, 0.1476, 0.05, 0.8),
                                                  (0.30, 0.25, 0.10, 0.9)])
def test_sample_size_agrees_with_the_formula_in_the_standard_library(p1, p2, alpha, power):
    """Does module 04's pinned sample size hold, computed with statistics.NormalDist instead of scipy?"""
    z = NormalDist().inv_cdf
    p_bar = (p1 + p2) / 2
    raw = (z(1 - alpha / 2) * math.sqrt(2 * p_bar * (1 - p_bar))
           + z(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    assert sample_size_reference(p1, p2, alpha, power) == math.ceil(raw)
    assert sample_size_reference(0.10, 0.12) == 3841  # module 04's reference value


def test_selection_rates_and_ratio_agree_with_fairlearn():
    """Do the selection rates by group and their min/max ratio match fairlearn's?"""
    orders = mlpm.datasets.delivery_orders(seed=2, n_orders=3000)
    flags = (orders["prior_missed_12w"] >= 1).astype(int)
    rates = selection_rates_reference(flags, orders["age_band"])
    for band, rate in rates.items():
        members = orders["age_band"] == band
        assert rate == pytest.approx(selection_rate(orders["missed"][members], flags[members]))
    want = demographic_parity_ratio(orders["missed"], flags, sensitive_features=orders["age_band"])
    assert rates.min() / rates.max() == pytest.approx(want)


def test_error_budget_by_hand():
    """Is 99.9 % over 30 days 43.2 minutes, and 99.5 % 216?"""
    assert error_budget_reference(0.999) == pytest.approx(43.2)
    assert error_budget_reference(0.995) == pytest.approx(216.0)
    assert error_budget_reference(0.99, 7) == pytest.approx(100.8)


def test_engagement_grid_counts_six_as_high():
    """Is 6 high on both scales of module 06's grid?"""
    assert engagement_reference(6, 6) == "manage closely"
    assert engagement_reference(6, 5) == "keep satisfied"
    assert engagement_reference(5, 6) == "keep informed"
    assert engagement_reference(5, 5) == "monitor"


# ---------------------------------------------------------------- planted effects
def test_interviews_plant_mentions_versus_opportunity():
    """Is the most-mentioned delivery pain different from the biggest opportunity (missed deliveries)?"""
    notes = mlpm.load("delivery_interviews")
    mentions = notes.groupby("pain_point")["interview_id"].nunique()
    assert mentions.idxmax() == "slot_availability"
    assert opportunity_reference(notes).index[0] == "missed_delivery"


def test_orders_plant_the_heuristic_as_mvp_and_a_failed_screen():
    """Does the model add less than its run cost, and does the rule fail the four-fifths screen by age?"""
    orders = mlpm.load("delivery_orders")
    assert 0.08 < orders["missed"].mean() < 0.12
    rule = value_per_order_reference(flags_reference(orders, "heuristic", 0.2), orders["missed"], VALUES)
    model = value_per_order_reference(flags_reference(orders, "model", 0.2), orders["missed"], VALUES)
    assert 0 < rule < model and 0 < (model - rule) * 39_000 < 1_500
    rates = selection_rates_reference(flags_reference(orders, "heuristic", 0.2), orders["age_band"])
    assert rates.idxmin() == "55+" and rates.min() / rates.max() < 0.8
    missed = orders.groupby("slot")["missed"].mean()
    assert missed["evening"] > missed["afternoon"] > missed["morning"]


def test_delivery_csvs_stay_small():
    """Are the committed CSVs under 1 MB?"""
    for name in ("delivery_interviews", "delivery_orders"):
        assert (ROOT / "datasets" / f"{name}.csv").stat().st_size < 1_000_000


# ---------------------------------------------------------------- the solution's brief
def test_solution_brief_has_every_section_and_holds_together():
    """Does the solution's brief carry the ten sections and break none of the rules?"""
    ns = solved()
    brief = ns["product_brief"]
    assert list(brief) == list(SECTIONS)
    assert brief_problems_reference(brief, ns["ORDERS_PER_MONTH"]) == []
    assert ns["brief_problems"](brief) == []
    assert brief["mvp"]["approach"] == "heuristic" and brief["experiment"]["per_arm"] == 2375
    assert brief["experiment"]["weeks"] == 4 and not brief["responsible_ai"]["passes_four_fifths"]


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_is_caught_alone_by_the_reference(rule):
    """Does the reference name exactly the rule a brief breaks?"""
    ns = solved()
    brief = {k: (dict(v) if isinstance(v, dict) else v) for k, v in ns["product_brief"].items()}
    if rule == "primary_not_key_result":
        brief["experiment"]["primary_metric"] = "flagged_share"
    elif rule == "sample_size_mismatch":
        brief["experiment"]["per_arm"] += 1
    elif rule == "value_mismatch":
        brief["mvp"]["monthly_value_eur"] *= 2
    elif rule == "guardrail_mismatch":
        brief["dashboard"]["guardrail"] = "eight_week_retention"
    else:
        brief["responsible_ai"]["passes_four_fifths"] = True
    assert brief_problems_reference(brief, ns["ORDERS_PER_MONTH"]) == [rule]


# ---------------------------------------------------------------- checkers, both ways
def _okr(**changes):
    okr = {"objective": "Customers get their groceries on the first visit",
           "key_results": [{"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.075,
                            "deadline": "2027-06-30"},
                           {"metric": "redelivery_cost_per_week_eur", "baseline": 12285, "target": 9500,
                            "deadline": "2027-05-31"}],
           "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.2, "limit": 5.0}}
    okr.update(changes)
    return okr


def test_okr_checkers_pass_good_okrs_in_other_styles():
    """Do a tuple of key results, numpy numbers and a three-decimal baseline pass?"""
    okr = _okr(key_results=(
        {"metric": "missed_delivery_rate", "baseline": np.float64(0.098), "target": np.float32(0.08),
         "deadline": "2027-04-30"},
        {"metric": "slot_change_rate", "baseline": 0.02, "target": 0.1, "deadline": "2027-06-30"}))
    check_brief_okr(okr, "2027-04-01", "2027-06-30")
    check_metric_names(okr, ["missed_delivery_rate", "slot_change_rate", "complaints_per_1000_orders"])
    check_key_result(okr, "missed_delivery_rate", 0.0975, abs_tol=0.0006)


@pytest.mark.parametrize("okr, message", [
    (_okr(objective="Cut misses to 7.5 %"), "contains a number"),
    (_okr(objective="Fewer misses"), "should be a sentence"),
    (_okr(key_results=[{"metric": "missed_delivery_rate", "baseline": 0.1, "target": 0.08,
                        "deadline": "2027-06-30"}]), "2 to 5"),
    (_okr(guardrail={"metric": "missed_delivery_rate", "baseline": 1, "limit": 2}), "repeats a key result"),
    (_okr(key_results=[{"metric": "missed_delivery_rate", "baseline": 0.1, "target": 0.08, "deadline": "2027-07-31"},
                       {"metric": "slot_change_rate", "baseline": 0.0, "target": 0.1, "deadline": "2027-06-30"}]),
     "outside the quarter"),
])
def test_okr_shape_names_the_problem(okr, message):
    with pytest.raises(AssertionError, match=message):
        check_brief_okr(okr, "2027-04-01", "2027-06-30")


def test_key_result_checker_says_percent_and_direction():
    """Does a baseline in percent get the percent hint, and a target above the baseline the direction?"""
    percent = _okr(key_results=[{"metric": "missed_delivery_rate", "baseline": 9.75, "target": 7.5,
                                 "deadline": "2027-06-30"}])
    with pytest.raises(AssertionError, match="fraction, not in percent"):
        check_key_result(percent, "missed_delivery_rate", 0.0975)
    upward = _okr(key_results=[{"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.11,
                                "deadline": "2027-06-30"}])
    with pytest.raises(AssertionError, match="lower rate than its baseline"):
        check_key_result(upward, "missed_delivery_rate", 0.0975)


def test_metric_names_checker_catches_free_words_and_outputs():
    known = ["missed_delivery_rate", "reminders_sent", "complaints_per_1000_orders"]
    words = _okr(key_results=[{"metric": "missed deliveries", "baseline": 0.1, "target": 0.08,
                                "deadline": "2027-06-30"}])
    with pytest.raises(AssertionError, match="exactly as in `METRICS`"):
        check_metric_names(words, known)
    output = _okr(key_results=[{"metric": "reminders_sent", "baseline": 0, "target": 900, "deadline": "2027-06-30"}])
    with pytest.raises(AssertionError, match="measures the team's work"):
        check_metric_names(output, known)


def test_rates_checker_accepts_any_index_type_and_counts_off_groups():
    want = pd.Series({"a": 0.5, "b": 0.25})
    check_rates(pd.Series([0.25, 0.5], index=np.array(["b", "a"])), want, "rates")
    with pytest.raises(AssertionError, match="off for 1 of 2 groups"):
        check_rates(pd.Series({"a": 0.5, "b": 0.3}), want, "rates")
    with pytest.raises(AssertionError, match="one value per group"):
        check_rates(pd.Series({"a": 0.5}), want, "rates")
    with pytest.raises(AssertionError, match="pandas Series"):
        check_rates({"a": 0.5, "b": 0.25}, want, "rates")


def test_problem_list_checker_accepts_any_order_and_says_which_way_it_is_off():
    check_problem_list(("value_mismatch", "parity_mismatch"), ["parity_mismatch", "value_mismatch"], "p")
    with pytest.raises(AssertionError, match="misses 1 broken rule"):
        check_problem_list(["value_mismatch"], ["parity_mismatch", "value_mismatch"], "p")
    with pytest.raises(AssertionError, match="flags 1 rule"):
        check_problem_list(["value_mismatch", "guardrail_mismatch"], ["value_mismatch"], "p")
    with pytest.raises(AssertionError, match="more than once"):
        check_problem_list(["value_mismatch", "value_mismatch"], ["value_mismatch"], "p")


def test_names_checker_needs_known_distinct_names():
    assert check_names_in(("a", np.str_("b")), ["a", "b"], "x", at_least=2) == ["a", "b"]
    with pytest.raises(AssertionError, match="at least 2 different"):
        check_names_in(["a", "a"], ["a", "b"], "x", at_least=2)
    with pytest.raises(AssertionError, match="exactly as in `METRICS`"):
        check_names_in(["a", "c"], ["a", "b"], "x")
    with pytest.raises(AssertionError, match="exactly as in `REMINDER_INPUTS`"):
        check_names_in(["a", "c"], ["a", "b"], "x", listed_in="REMINDER_INPUTS")
