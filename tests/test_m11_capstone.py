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
    METRICS,
    OUTPUT_METRICS,
    RULES,
    SECTIONS,
    check_cost_key_result,
    check_key_result,
    check_names_in,
    check_rates,
    check_ship_weeks,
)
from mlpm.checks.references import reference
from mlpm.checks.strategy import check_okr
from notebook_tools import ROOT, read_notebook, run_code_cells

SOLUTION = ROOT / "solutions" / "11-capstone" / "11-capstone-exercises.ipynb"
VALUES = {"tp": 6.0, "fp": -1.0, "fn": 0.0, "tn": 0.0}
ORDERS_PER_MONTH = round(80_000 * 52 / 12)
REF = reference("capstone")


@functools.cache
def solved() -> dict:
    return run_code_cells(read_notebook(SOLUTION))


# ---------------------------------------------------------------- pinned computations, independently
def test_opportunity_by_hand_on_a_toy():
    """Is the opportunity reach (of interviewees) x mean frequency x mean severity, highest first?"""
    notes = pd.DataFrame({"interview_id": ["A", "A", "B", "C"], "pain_point": ["x", "y", "x", "x"],
                          "times_per_month": [1.0, 4.0, 3.0, 2.0], "severity": [2, 5, 4, 3]})
    got = REF.opportunity(notes)
    assert list(got.index) == ["y", "x"]  # 6.67 before 6.0
    assert got["x"] == pytest.approx(1.0 * 2.0 * 3.0) and got["y"] == pytest.approx(1 / 3 * 4.0 * 5.0)


def test_value_per_order_agrees_with_sklearn_confusion_matrix():
    """Does the expected value per order match counts from sklearn's confusion matrix?"""
    orders = mlpm.datasets.delivery_orders(seed=4, n_orders=800)
    flags = orders["risk_score"] >= 0.25
    tn, fp, fn, tp = confusion_matrix(orders["missed"], flags, labels=[0, 1]).ravel()
    values = {"tp": 5.0, "fp": -0.7, "fn": -0.3, "tn": 0.1}
    want = (tp * 5.0 - fp * 0.7 - fn * 0.3 + tn * 0.1) / len(orders)
    assert REF.value_per_order(flags, orders["missed"], values) == pytest.approx(want)


@pytest.mark.parametrize("p1, p2, alpha, power", [(0.10, 0.12, 0.05, 0.8), (0.1776, 0.1476, 0.05, 0.8),
                                                  (0.30, 0.25, 0.10, 0.9)])
def test_sample_size_agrees_with_the_formula_in_the_standard_library(p1, p2, alpha, power):
    """Does module 04's pinned sample size hold, computed with statistics.NormalDist instead of scipy?"""
    z = NormalDist().inv_cdf
    p_bar = (p1 + p2) / 2
    raw = (z(1 - alpha / 2) * math.sqrt(2 * p_bar * (1 - p_bar))
           + z(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    assert REF.sample_size(p1, p2, alpha, power) == math.ceil(raw)
    assert REF.sample_size(0.10, 0.12) == 3841  # module 04's reference value


def test_the_solutions_sample_size_is_the_formula_at_break_even():
    """Is 362 per arm the formula for the flagged orders' missed rate and a drop of 1/14, by NormalDist?"""
    orders = mlpm.load("delivery_orders")
    p1 = orders.loc[orders["prior_missed_12w"] >= 1, "missed"].mean()
    p2, z, p_bar = p1 - 1 / 14, NormalDist().inv_cdf, (2 * p1 - 1 / 14) / 2
    raw = (z(0.975) * math.sqrt(2 * p_bar * (1 - p_bar))
           + z(0.8) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    assert math.ceil(raw) == REF.sample_size(p1, p2) == 362


def test_selection_rates_and_ratio_agree_with_fairlearn():
    """Do the selection rates by group and their min/max ratio match fairlearn's?"""
    orders = mlpm.datasets.delivery_orders(seed=2, n_orders=3000)
    flags = (orders["prior_missed_12w"] >= 1).astype(int)
    rates = REF.selection_rates(flags, orders["age_band"])  # orders with no known band are left out
    flags, orders = flags[orders["age_band"].notna()], orders[orders["age_band"].notna()]
    for band, rate in rates.items():
        members = orders["age_band"] == band
        assert rate == pytest.approx(selection_rate(orders["missed"][members], flags[members]))
    want = demographic_parity_ratio(orders["missed"], flags, sensitive_features=orders["age_band"])
    assert rates.min() / rates.max() == pytest.approx(want)


def test_late_days_by_hand():
    """Does 98 % of days over a 90-day quarter allow 1.8 late days, and 99 % over 30 days 0.3?"""
    assert REF.late_days(0.98, 90) == pytest.approx(1.8)
    assert REF.late_days(0.99, 30) == pytest.approx(0.3)


def test_engagement_grid_counts_six_as_high():
    """Is 6 high on both scales of module 06's grid?"""
    assert REF.engagement(6, 6) == "manage closely"
    assert REF.engagement(6, 5) == "keep satisfied"
    assert REF.engagement(5, 6) == "keep informed"
    assert REF.engagement(5, 5) == "monitor"


# ---------------------------------------------------------------- planted effects
def test_interviews_plant_mentions_versus_opportunity():
    """Is the most-mentioned delivery pain different from the biggest opportunity (missed deliveries)?"""
    notes = mlpm.load("delivery_interviews")
    mentions = notes.groupby("pain_point")["interview_id"].nunique()
    assert mentions.idxmax() == "slot_availability"
    assert REF.opportunity(notes).index[0] == "missed_delivery"


def _independent_best_threshold(frame: pd.DataFrame) -> float:
    """Value per order for every grid threshold at once (numpy broadcasting), the first maximum."""
    grid = np.round(np.arange(0.05, 0.61, 0.01), 2)
    flagged = frame["risk_score"].to_numpy()[None, :] >= grid[:, None]
    missed = frame["missed"].to_numpy(dtype=bool)[None, :]
    value = (6.0 * (flagged & missed).sum(axis=1) - 1.0 * (flagged & ~missed).sum(axis=1)) / frame.shape[0]
    return float(grid[int(np.argmax(value))])


@pytest.mark.parametrize("seed", [100, 3, 11, 21])
def test_best_threshold_agrees_with_a_vectorised_grid(seed):
    """Is the value-maximising threshold the first maximum of the whole grid, computed another way?"""
    orders = mlpm.datasets.delivery_orders(seed=seed)
    choose = orders[orders["week"] <= 4]
    assert REF.best_threshold(choose, VALUES) == _independent_best_threshold(choose)


def test_bootstrap_interval_agrees_with_scipy():
    """Is the 90 % interval of the model's extra value close to scipy.stats.bootstrap's percentile interval?"""
    from scipy.stats import bootstrap

    judge = mlpm.load("delivery_orders").query("week > 4")
    model = (judge["risk_score"] >= 0.13).to_numpy()
    rule = (judge["prior_missed_12w"] >= 1).to_numpy()
    missed = judge["missed"].to_numpy(dtype=bool)

    def extra(m, r, y, axis=-1):
        per = lambda f: (6.0 * (f & y).sum(axis=axis) - (f & ~y).sum(axis=axis)) / y.shape[-1]  # noqa: E731
        return (per(m) - per(r)) * ORDERS_PER_MONTH

    theirs = bootstrap((model, rule, missed), extra, paired=True, vectorized=True, n_resamples=4000,
                       confidence_level=0.9, method="percentile", random_state=1).confidence_interval
    ours = REF.extra_value_interval(judge, 0.13, VALUES, ORDERS_PER_MONTH, 4000, seed=1)
    width = theirs.high - theirs.low
    assert abs(ours[0] - theirs.low) < 0.05 * width and abs(ours[1] - theirs.high) < 0.05 * width


def test_lookback_keeps_every_flag_and_adds_only_fortnightly_customers_with_a_miss_in_24_weeks():
    """Does the look-back keep the MVP's flags and add exactly the fortnightly orders with a miss in 24 weeks?"""
    orders = mlpm.datasets.delivery_orders(seed=3, n_orders=3000)
    flags = orders["prior_missed_12w"] >= 1
    looked = REF.lookback_flags(orders, flags)
    added = looked & ~flags
    assert (looked | ~flags).all() and looked.index.equals(orders.index)
    want = [p == "fortnightly" and m >= 1 and not f
            for p, m, f in zip(orders["plan"], orders["prior_missed_24w"], flags, strict=True)]
    assert list(added) == want


def test_the_lookbacks_value_by_confusion_matrix():
    """Is the look-back worth about EUR 173 a month more than the rule (it needs no model, so no run cost),
    counted with sklearn's confusion matrix, as the data card and the model answer say?"""
    orders = mlpm.load("delivery_orders")
    rule = orders["prior_missed_12w"] >= 1

    def value(flags):
        tn, fp, fn, tp = confusion_matrix(orders["missed"], flags, labels=[0, 1]).ravel()
        return (6 * tp - fp) / len(orders)

    gain = (value(REF.lookback_flags(orders, rule)) - value(rule)) * ORDERS_PER_MONTH
    assert round(gain) == 173
    assert solved()["responsible_ai"]["value_change_per_month_eur"] == pytest.approx(gain)
    assert REF.value_change(orders, "lookback_by_deliveries", rule, VALUES, ORDERS_PER_MONTH, -2_000) == (
        pytest.approx(gain))


def _survey_ratio(orders: pd.DataFrame, flags: pd.Series) -> float:
    rates = REF.selection_rates(flags, orders["age_band"])
    return float(rates.min() / rates.max())


def test_orders_plant_the_calls_the_brief_must_make():
    """On the exercise draw: does the model win out of sample with an interval that straddles the run cost, is age
    known for about a third of orders only, does the rule fail the four-fifths screen on them through the plan
    (fortnightly customers miss as often but are flagged less; within a plan the bands are flagged alike), and does
    the look-back pass the screen at about no cost?"""
    orders = mlpm.load("delivery_orders")
    assert 0.08 < orders["missed"].mean() < 0.12
    assert 0.30 < orders["age_band"].notna().mean() < 0.37 and orders["age_band"].notna().sum() == 1994
    choose, judge = orders[orders["week"] <= 4], orders[orders["week"] > 4]
    threshold = REF.best_threshold(choose, VALUES)
    extra = (REF.value_per_order(judge["risk_score"] >= threshold, judge["missed"], VALUES)
             - REF.value_per_order(judge["prior_missed_12w"] >= 1, judge["missed"], VALUES)) * ORDERS_PER_MONTH
    low, high = REF.extra_value_interval(judge, threshold, VALUES, ORDERS_PER_MONTH)
    assert threshold == 0.2 and extra > 6_000 and low < 6_000 < high
    rule = REF.flags(orders, "heuristic", threshold)
    rates = REF.selection_rates(rule, orders["age_band"])
    assert rates.idxmin() == "55+" and rates.min() / rates.max() < 0.8
    by_plan = orders.assign(flagged=rule).groupby("plan")[["flagged", "missed"]].mean()
    assert by_plan.loc["weekly", "flagged"] > 1.5 * by_plan.loc["fortnightly", "flagged"]
    assert abs(by_plan.loc["weekly", "missed"] - by_plan.loc["fortnightly", "missed"]) < 0.01
    known = orders[orders["age_band"].notna()]
    within = rule[known.index].groupby([known["plan"], known["age_band"]]).mean().unstack()
    assert (within["55+"] >= 0.8 * within.max(axis=1)).all()  # within a plan, the over-55s are not flagged less
    assert _survey_ratio(orders, REF.lookback_flags(orders, rule)) >= 0.8
    assert abs(REF.value_change(orders, "lookback_by_deliveries", rule, VALUES, ORDERS_PER_MONTH, 0)) < 1_000
    missed = orders.groupby("slot")["missed"].mean()
    assert missed["evening"] > missed["afternoon"] > missed["morning"]


def test_the_lessons_claims_hold_on_fresh_draws():
    """Over 12 fresh draws: is the in-sample extra value optimistic on average, does the interval straddle the
    run cost on a third or more of them, does the rule fail the four-fifths screen on the survey-linked orders on
    every one, and does the look-back raise the ratio on every draw, pass the screen on 10 or more, and move the
    value by less than the opt-in's EUR 2,000 a month on average?"""
    in_sample, out_of_sample, straddles, fails, passes_after, changes = [], [], 0, 0, 0, []
    for seed in range(1, 13):
        orders = mlpm.datasets.delivery_orders(seed=seed)
        choose, judge = orders[orders["week"] <= 4], orders[orders["week"] > 4]
        rule_all, rule_judge = orders["prior_missed_12w"] >= 1, judge["prior_missed_12w"] >= 1
        best_all, best = _independent_best_threshold(orders), _independent_best_threshold(choose)
        in_sample.append(REF.value_per_order(orders["risk_score"] >= best_all, orders["missed"], VALUES)
                         - REF.value_per_order(rule_all, orders["missed"], VALUES))
        out_of_sample.append(REF.value_per_order(judge["risk_score"] >= best, judge["missed"], VALUES)
                             - REF.value_per_order(rule_judge, judge["missed"], VALUES))
        low, high = REF.extra_value_interval(judge, best, VALUES, ORDERS_PER_MONTH, 300)
        straddles += low < 6_000 < high
        before, after = _survey_ratio(orders, rule_all), _survey_ratio(orders, REF.lookback_flags(orders, rule_all))
        assert after > before, seed
        fails += before < 0.8
        passes_after += after >= 0.8
        changes.append(REF.value_change(orders, "lookback_by_deliveries", rule_all, VALUES, ORDERS_PER_MONTH, 0))
    assert np.mean(in_sample) > np.mean(out_of_sample)
    assert straddles >= 4 and fails == 12 and passes_after >= 10
    assert abs(np.mean(changes)) < 2_000 and max(map(abs, changes)) < 5_000


def test_break_even_expected_rate_and_net_cost_by_hand():
    """Is break-even 1/14 = 7.1 points; does the rule bring 9.48 % to about 7.88 %, and the net cost to about
    EUR 103,200 a week (credits counted)?"""
    orders = mlpm.load("delivery_orders")
    rule = orders["prior_missed_12w"] >= 1
    share, flagged_rate = rule.mean(), orders.loc[rule, "missed"].mean()
    assert (share, round(flagged_rate, 4)) == (0.187, 0.172)
    expected = REF.expected_rate(orders["missed"].mean(), share, flagged_rate, 0.5)
    assert expected == pytest.approx(0.0948 - 0.187 * 0.172 * 0.5, abs=1e-4) and round(expected, 3) == 0.079
    assert REF.net_weekly_cost(expected, share, 80_000, 14.0, 1.0) == pytest.approx(
        80_000 * (expected * 14 + share), rel=1e-9)
    assert 103_000 < REF.net_weekly_cost(expected, share, 80_000, 14.0, 1.0) < 103_500


def test_delivery_csvs_stay_small():
    """Are the committed CSVs under 1 MB?"""
    for name in ("delivery_interviews", "delivery_orders"):
        assert (ROOT / "datasets" / f"{name}.csv").stat().st_size < 1_000_000


# ---------------------------------------------------------------- the solution's brief

def _facts(ns: dict) -> dict:
    return {"SAVE_RATE": ns["SAVE_RATE"], "BREAK_EVEN_DROP": ns["SLOT_CREDIT_EUR"] / ns["COST_PER_REDELIVERY_EUR"],
            "TEST_START": ns["TEST_START"], "ROLLOUT_WEEKS": ns["ROLLOUT_WEEKS"],
            "GUARDRAIL_BASELINES": ns["GUARDRAIL_BASELINES"]}


def test_solution_brief_has_every_section_and_holds_together():
    """Does the solution's brief carry the eleven sections, break none of the rules, and keep its pinned numbers?"""
    ns = solved()
    brief = ns["product_brief"]
    assert list(brief) == list(SECTIONS)
    assert REF.brief_problems(brief, _facts(ns)) == []
    assert ns["brief_problems"](brief) == []
    mvp, experiment = brief["mvp"], brief["experiment"]
    assert mvp["approach"] == "heuristic" and mvp["threshold"] == 0.2 and mvp["decided_on"] == "lower_bound"
    assert mvp["interval_per_month_eur"][0] < ns["MODEL_RUN_COST_EUR_PER_MONTH"] < mvp["extra_per_month_eur"]
    assert experiment["per_arm"] == 362 and experiment["weeks"] == 2 and experiment["ends"] == "2027-04-19"
    assert experiment["mde"] == pytest.approx(1 / 14) and experiment["unit"] == "customer"
    assert brief["okr"]["key_results"][0]["target"] == 0.079
    responsible_ai = brief["responsible_ai"]
    assert not responsible_ai["passes_four_fifths"] and responsible_ai["n_orders"] == 1994
    assert responsible_ai["mitigation"] == "lookback_by_deliveries"
    assert brief["production"]["late_days_per_quarter"] == pytest.approx(1.8)
    assert brief["delivery"] == {"p85_weeks": 6, "ships_by": "2027-04-02"} and "2027-04-02" < ns["TEST_START"]


def test_the_ship_date_is_the_85_percent_one_and_the_shortcuts_are_not():
    """Does module 09's simulation agree with the exact forecast the checker accepts, and do the average
    throughput and the median run (5 weeks on the capstone's board) fail with their message?"""
    ns, plan = solved(), reference("delivery")
    counts = plan.weekly_throughput(ns["board_events"], ns["BOARD_START"], ns["BOARD_END"])
    runs = plan.weeks_needed(counts, ns["MVP_TICKETS"], 10_000, 0)
    accepted = REF.ship_weeks_accepted(counts, ns["MVP_TICKETS"], 0.85)
    coin_flips = REF.coin_flip_weeks(counts, ns["MVP_TICKETS"])
    assert accepted == [plan.percentile_weeks(runs, 0.85)] == [6]
    assert plan.percentile_weeks(runs, 0.5) == plan.average_weeks(counts, ns["MVP_TICKETS"]) == 5
    assert coin_flips == [5]
    for seed in (1, 2, 3):  # the solution's simulation on other draws lands on an accepted week
        check_ship_weeks(ns["ship_weeks"](counts, ns["MVP_TICKETS"], seed=seed), accepted, coin_flips, 0.85, "w")
    with pytest.raises(AssertionError, match="misses about half the time"):
        check_ship_weeks(5, accepted, coin_flips, 0.85, "delivery['p85_weeks']")
    with pytest.raises(AssertionError, match="not the number of weeks"):
        check_ship_weeks(8, accepted, coin_flips, 0.85, "delivery['p85_weeks']")


def _copy(brief: dict) -> dict:
    brief = {k: (dict(v) if isinstance(v, dict) else v) for k, v in brief.items()}
    brief["okr"]["key_results"] = [dict(kr) for kr in brief["okr"]["key_results"]]
    return brief


def _broken(brief: dict, rule: str) -> dict:
    """A copy of ``brief`` that breaks ``rule`` alone."""
    brief = _copy(brief)
    okr, experiment = brief["okr"], brief["experiment"]
    if rule == "primary_not_key_result":
        experiment["primary_metric"] = "flagged_share"
    elif rule == "sample_size_mismatch":
        experiment["per_arm"] += 1
    elif rule == "guardrail_mismatch":
        brief["dashboard"]["guardrail"] = "eight_week_retention"
    elif rule == "mde_below_break_even":
        experiment["mde"] = 0.05
        experiment["per_arm"] = REF.sample_size(experiment["baseline"], experiment["baseline"] - 0.05)
    elif rule == "target_unreachable":
        okr["key_results"][0]["target"] = 0.075
    elif rule == "test_ends_too_late":
        experiment["weeks"] = 7
    elif rule == "guardrail_unmeasurable":
        okr["guardrail"] = dict(okr["guardrail"], metric="reminder_annoyance")
        brief["dashboard"]["guardrail"] = "reminder_annoyance"
    elif rule == "ships_after_test_start":
        brief["delivery"]["ships_by"] = "2027-04-09"
    else:
        experiment["unit"] = "order"
    return brief


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_is_caught_alone_by_the_reference_and_the_solution(rule):
    """Does a brief that breaks one rule trip exactly that rule, in the reference and in the solution?"""
    ns = solved()
    brief = _broken(ns["product_brief"], rule)
    assert REF.brief_problems(brief, _facts(ns)) == [rule]
    assert ns["brief_problems"](brief) == [rule]


def test_a_correct_but_different_brief_breaks_no_rule():
    """The model as the MVP (on the point estimate), a 3-point MDE with a reason, a later cost deadline and
    retention as the guardrail: does it hold together?"""
    ns = solved()
    brief = _copy(ns["product_brief"])
    orders = mlpm.load("delivery_orders")
    flags = orders["risk_score"] >= 0.20
    base = float(orders.loc[flags, "missed"].mean())
    brief["mvp"] = dict(brief["mvp"], approach="model", decided_on="point_estimate", flagged_share=float(flags.mean()))
    brief["experiment"].update(baseline=base, mde=0.03, mde_reason="finance wants to see smaller effects for a "
                               "cheaper reminder later", per_arm=REF.sample_size(base, base - 0.03))
    brief["experiment"]["weeks"] = REF.test_weeks(brief["experiment"]["per_arm"], flags.mean(), 9_000)
    brief["okr"]["key_results"][0]["target"] = 0.081
    brief["okr"]["guardrail"] = {"metric": "eight_week_retention", "baseline": 0.91, "limit": 0.9}
    brief["dashboard"]["guardrail"] = "eight_week_retention"
    assert REF.brief_problems(brief, _facts(ns)) == []
    assert ns["brief_problems"](brief) == []


# ---------------------------------------------------------------- checkers, both ways
def _okr(**changes):
    okr = {"objective": "Customers get their groceries on the first visit",
           "key_results": [{"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.075,
                            "deadline": "2027-06-30"},
                           {"metric": "net_delivery_cost_per_week_eur", "baseline": 109_200, "target": 106_000,
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
    check_okr(okr, "2027-04-01", "2027-06-30",
              metrics=["missed_delivery_rate", "slot_change_rate", "complaints_per_1000_orders"])
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
        check_okr(okr, "2027-04-01", "2027-06-30", metrics=METRICS, outputs=OUTPUT_METRICS)


def test_cost_key_result_must_count_the_credits():
    """Does a cost key result on redeliveries alone fail, and the net one pass?"""
    check_cost_key_result(_okr())
    gross = _okr(key_results=[{"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.083,
                               "deadline": "2027-06-30"},
                              {"metric": "redelivery_cost_per_week_eur", "baseline": 109_200, "target": 100_000,
                               "deadline": "2027-06-30"}])
    with pytest.raises(AssertionError, match="not the slot-change credits"):
        check_cost_key_result(gross)


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
    """With the brief's metric names, is a name in free words refused, and a named output too?"""
    known = ["missed_delivery_rate", "reminders_sent", "complaints_per_1000_orders", "net_delivery_cost_per_week_eur"]
    cost = _okr()["key_results"][1]
    words = _okr(key_results=[{"metric": "missed deliveries", "baseline": 0.1, "target": 0.08,
                                "deadline": "2027-06-30"}, cost])
    with pytest.raises(AssertionError, match="exactly as there"):
        check_okr(words, "2027-04-01", "2027-06-30", metrics=known, outputs=OUTPUT_METRICS)
    output = _okr(key_results=[{"metric": "reminders_sent", "baseline": 0, "target": 900, "deadline": "2027-06-30"},
                               cost])
    with pytest.raises(AssertionError, match="measures an output: the team's work"):
        check_okr(output, "2027-04-01", "2027-06-30", metrics=known, outputs=OUTPUT_METRICS)


def test_rates_checker_accepts_any_index_type_and_counts_off_groups():
    want = pd.Series({"a": 0.5, "b": 0.25})
    check_rates(pd.Series([0.25, 0.5], index=np.array(["b", "a"])), want, "rates")
    with pytest.raises(AssertionError, match="off for 1 of 2 groups"):
        check_rates(pd.Series({"a": 0.5, "b": 0.3}), want, "rates")
    with pytest.raises(AssertionError, match="one value per group"):
        check_rates(pd.Series({"a": 0.5}), want, "rates")
    with pytest.raises(AssertionError, match="pandas Series"):
        check_rates({"a": 0.5, "b": 0.25}, want, "rates")


def test_names_checker_needs_known_distinct_names():
    assert check_names_in(("a", np.str_("b")), ["a", "b"], "x", at_least=2) == ["a", "b"]
    with pytest.raises(AssertionError, match="more than once"):
        check_names_in(["a", "a"], ["a", "b"], "x", at_least=2)
    with pytest.raises(AssertionError, match="at least 2 different"):
        check_names_in(["a"], ["a", "b"], "x", at_least=2)
    with pytest.raises(AssertionError, match="exactly as in `METRICS`"):
        check_names_in(["a", "c"], ["a", "b"], "x")
    with pytest.raises(AssertionError, match="exactly as in `REMINDER_INPUTS`"):
        check_names_in(["a", "c"], ["a", "b"], "x", listed_in="REMINDER_INPUTS")


def test_any_sequence_the_prompt_allows_passes():
    """Do a Series of metric names and an array of key results pass where the prompt says 'a list'?"""
    assert check_names_in(pd.Series(["a", "b"]), ["a", "b"], "x", at_least=2) == ["a", "b"]
    okr = _okr(key_results=np.array(_okr()["key_results"]))
    check_okr(okr, "2027-04-01", "2027-06-30", metrics=METRICS, outputs=OUTPUT_METRICS)
