"""Do module 07's pinned fairness figures agree with fairlearn, scipy and a plain loop, do its claims about
robustness hold on fresh draws, do its checkers judge both ways, and does offer_targeting hold its planted
effects?"""

from __future__ import annotations

import copy
import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from scipy.stats import bootstrap
from scipy.stats.contingency import association

import mlpm
import mlpm.checks.fairness as checks
from mlpm.checks.fairness import (
    MODEL_CARD_SECTIONS,
    check_call_choice,
    check_call_evidence,
    check_call_shape,
    check_candidates,
    check_chosen_policy,
    check_claims,
    check_error_table,
    check_flag,
    check_model_card_data,
    check_model_card_factors,
    check_model_card_figures,
    check_model_card_metrics,
    check_model_card_shape,
    check_model_card_uses,
    check_policy_result,
)
from mlpm.checks.references import reference
from notebook_tools import ROOT, read_notebook, source

REF = reference("fairness")
best_policy, policy_outcome, own_best_values = REF.best_policy, REF.policy_outcome, REF.own_best_values
selection_rates_by_group, error_rates_by_group, cramers_v = (REF.selection_rates_by_group, REF.error_rates_by_group,
                                                             REF.cramers_v)
difference, ratio = REF.difference, REF.ratio
GROUPS = ("18-34", "35-54", "55+")
FEATURES = ("order_channel", "delivery_slot", "plan", "city")
THRESHOLDS = (0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3)
VALUE, COST, TODAY = 40, 8, 0.3
SINGLES = [dict.fromkeys(GROUPS, t) for t in THRESHOLDS]
PER_BAND = [dict(zip(GROUPS, t, strict=True)) for t in itertools.product(THRESHOLDS, repeat=3)]
PER_CHANNEL = [{"app": a, "web": w, "phone": w} for a in THRESHOLDS for w in THRESHOLDS]
SOLUTION = ROOT / "solutions" / "07-responsible-ai" / "07-responsible-ai-exercises.ipynb"
LESSON = ROOT / "notebooks" / "07-responsible-ai.ipynb"
FRAMES = {"committed": lambda: mlpm.load("offer_targeting"),
          "seed 3": lambda: mlpm.datasets.offer_targeting(seed=3, n_customers=900),
          "seed 21": lambda: mlpm.datasets.offer_targeting(seed=21, n_customers=1500)}
def _fairlearn(frame: pd.DataFrame, threshold: float) -> MetricFrame:
    metrics = {"selection_rate": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate}
    return MetricFrame(metrics=metrics, y_true=frame["churned_next_4w"], y_pred=frame["churn_score"] >= threshold,
                       sensitive_features=frame["age_band"])


# ---- the pinned figures against fairlearn and scipy ----

@pytest.mark.parametrize("data", FRAMES)
@pytest.mark.parametrize("threshold", [0.35, 0.5])
def test_selection_rates_and_parity_match_fairlearn(data, threshold):
    """Do selection rates, the DP difference (max - min) and ratio (min / max) equal fairlearn's?"""
    frame = FRAMES[data]()
    rates = selection_rates_by_group(frame, threshold)
    pd.testing.assert_series_equal(rates, _fairlearn(frame, threshold).by_group["selection_rate"], check_names=False)
    y, p, s = frame["churned_next_4w"], frame["churn_score"] >= threshold, frame["age_band"]
    assert math.isclose(difference(rates), demographic_parity_difference(y, p, sensitive_features=s))
    assert math.isclose(ratio(rates), demographic_parity_ratio(y, p, sensitive_features=s))


@pytest.mark.parametrize("data", FRAMES)
@pytest.mark.parametrize("threshold", [0.35, 0.5])
def test_error_rates_and_odds_differences_match_fairlearn(data, threshold):
    """Do TPR/FPR by group, the equal opportunity and the equalized odds differences equal fairlearn's?"""
    frame = FRAMES[data]()
    errors = error_rates_by_group(frame, threshold)
    reference = _fairlearn(frame, threshold)
    np.testing.assert_allclose(errors[["tpr", "fpr"]], reference.by_group[["tpr", "fpr"]])
    assert math.isclose(difference(errors["tpr"]), reference.difference()["tpr"])
    odds = equalized_odds_difference(frame["churned_next_4w"], frame["churn_score"] >= threshold,
                                     sensitive_features=frame["age_band"])  # between_groups, worst_case
    assert math.isclose(max(difference(errors["tpr"]), difference(errors["fpr"])), odds)


@pytest.mark.parametrize("data", FRAMES)
def test_cramers_v_matches_scipy_without_correction(data):
    """Is our Cramér's V scipy's association(method='cramer') on the crosstab, for every feature?"""
    frame = FRAMES[data]()
    for feature in FEATURES:
        table = pd.crosstab(frame[feature], frame["age_band"]).to_numpy()
        assert math.isclose(cramers_v(frame[feature], frame["age_band"]), association(table, method="cramer"))


def test_cramers_v_of_a_hand_computed_table():
    """A 2x2 table [[30, 10], [10, 30]]: chi-square 20 on 80 rows, V = sqrt(20 / 80) = 0.5."""
    x = pd.Series(["p"] * 40 + ["q"] * 40)
    y = pd.Series(["m"] * 30 + ["n"] * 10 + ["m"] * 10 + ["n"] * 30)
    assert math.isclose(cramers_v(x, y), 0.5)


def _plain_outcome(frame: pd.DataFrame, thresholds: dict, by: str = "age_band") -> tuple[int, float, float]:
    """Expected value, DP ratio and TPR gap of a policy, row by row in plain Python (independent of REF)."""
    selected = {g: [0, 0] for g in GROUPS}
    found = {g: [0, 0] for g in GROUPS}
    value = 0
    for row in frame.itertuples(index=False):
        chosen = row.churn_score >= thresholds[getattr(row, by)]
        selected[row.age_band][0] += chosen
        selected[row.age_band][1] += 1
        if row.churned_next_4w:
            found[row.age_band][0] += chosen
            found[row.age_band][1] += 1
        value += (VALUE if (chosen and row.churned_next_4w) else 0) - (COST if chosen else 0)
    rates = [a / n for a, n in selected.values()]
    tprs = [a / n for a, n in found.values()]
    return value, min(rates) / max(rates), max(tprs) - min(tprs)


def test_policy_value_and_parity_by_hand_and_by_fairlearn():
    """Is a policy's expected value value x TP - cost x selected, its ratio fairlearn's DP ratio, and its TPR gap
    fairlearn's, also for a policy by channel?"""
    toy = pd.DataFrame({"age_band": ["a"] * 4 + ["b"] * 4,
                        "churn_score": [0.9, 0.6, 0.3, 0.1, 0.7, 0.45, 0.2, 0.8],
                        "churned_next_4w": [True, False, True, False, True, False, False, False]})
    result = policy_outcome(toy, {"a": 0.5, "b": 0.4}, 40, 12)
    assert result["expected_value"] == 40 * 2 - 12 * 5 and math.isclose(result["dp_ratio"], 0.5 / 0.75)
    frame = mlpm.load("offer_targeting")
    for policy, by in (({"18-34": 0.2, "35-54": 0.15, "55+": 0.125}, "age_band"),
                       ({"app": 0.2, "web": 0.1, "phone": 0.15}, "order_channel")):
        chosen = frame["churn_score"] >= frame[by].map(policy)
        y, s = frame["churned_next_4w"], frame["age_band"]
        outcome = policy_outcome(frame, policy, VALUE, COST, by=by)
        assert math.isclose(outcome["dp_ratio"], demographic_parity_ratio(y, chosen, sensitive_features=s))
        tpr = MetricFrame(metrics=true_positive_rate, y_true=y, y_pred=chosen, sensitive_features=s)
        assert math.isclose(outcome["tpr_gap"], tpr.difference())
        plain = _plain_outcome(frame, policy, by)
        assert outcome["expected_value"] == plain[0] and math.isclose(outcome["dp_ratio"], plain[1])


def test_best_policy_is_the_brute_force_maximum():
    """Does the fast search return the most expected value, under the ratio constraint and by channel, as a slow
    loop does?"""
    frame = mlpm.datasets.offer_targeting(seed=3, n_customers=1500)
    candidates = [dict(zip(GROUPS, t, strict=True)) for t in itertools.product((0.15, 0.2, 0.25), repeat=3)]
    outcomes = [_plain_outcome(frame, c) for c in candidates]
    assert best_policy(frame, candidates, VALUE, COST)["expected_value"] == max(o[0] for o in outcomes)
    fair = [o[0] for o in outcomes if o[1] >= 0.75]
    constrained = best_policy(frame, candidates, VALUE, COST, 0.75)
    assert constrained["expected_value"] == max(fair)
    assert policy_outcome(frame, constrained["thresholds"], VALUE, COST)["dp_ratio"] >= 0.75
    channels = PER_CHANNEL[::7]
    by_channel = best_policy(frame, channels, VALUE, COST, by="order_channel")
    assert by_channel["expected_value"] == max(_plain_outcome(frame, c, "order_channel")[0] for c in channels)


def test_bootstrap_interval_agrees_with_scipy():
    """Is our percentile bootstrap of a mean within a few per cent of the interval's width of scipy's?"""
    frame = mlpm.datasets.offer_targeting(seed=5, n_customers=800)
    ours = REF.bootstrap_interval(frame, lambda f: float(f["churn_score"].mean()), 2000, 1)
    theirs = bootstrap((frame["churn_score"].to_numpy(),), np.mean, n_resamples=4000, method="percentile",
                       random_state=2).confidence_interval
    width = theirs.high - theirs.low
    assert abs(ours[0] - theirs.low) < 0.1 * width and abs(ours[1] - theirs.high) < 0.1 * width


# ---- the planted effects the data card promises ----

def test_offer_targeting_follows_the_fact_sheet():
    """Is four-week churn 10-14 % in each month and age band, do the ages follow the survey's mix, and are the
    cities Larder's?"""
    frame = mlpm.load("offer_targeting")
    assert len(frame) == 8000 and (frame["month"].value_counts() == 4000).all()
    for column in ("month", "age_band"):
        churn = frame.groupby(column)["churned_next_4w"].mean()
        assert churn.between(0.10, 0.14).all(), churn
    assert set(frame["city"]) == {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"}
    assert set(frame["plan"]) == {"weekly", "fortnightly"}


def test_offer_targeting_plants_an_under_served_age_band():
    """Does 55+ churn about as often as the others but get fewer offers and fewer of its churners found, at the
    pinned figures?"""
    frame = mlpm.load("offer_targeting")
    rates = selection_rates_by_group(frame, TODAY)
    errors = error_rates_by_group(frame, TODAY)
    assert rates.idxmin() == errors["tpr"].idxmin() == "55+"
    assert round(ratio(rates), 3) == 0.645 and round(difference(rates), 3) == 0.035
    assert round(difference(errors["tpr"]), 3) == 0.143
    assert rates.round(3).to_dict() == {"18-34": 0.098, "35-54": 0.088, "55+": 0.063}


def test_the_cause_is_a_score_set_too_low_for_web_and_phone():
    """Within each channel, are the age bands selected alike, and is the score's mean about half the churn rate
    for web and phone but close to it for app, on the committed data and on fresh draws?"""
    for frame in (mlpm.load("offer_targeting"), mlpm.datasets.offer_targeting(seed=40),
                  mlpm.datasets.offer_targeting(seed=41)):
        selected = frame["churn_score"] >= TODAY
        overall = selected.groupby(frame["age_band"]).mean()
        within = selected.groupby([frame["order_channel"], frame["age_band"]]).mean().unstack()
        assert overall.max() - overall.min() > 0.025
        assert (within.loc[["app", "web"]].max(axis=1) - within.loc[["app", "web"]].min(axis=1) < 0.03).all()
        calibration = REF.calibration_by_channel(frame)
        assert abs(calibration.loc["app", "mean_score"] / calibration.loc["app", "churn_rate"] - 1) < 0.15
        web_phone = calibration.loc[["web", "phone"]]
        assert (web_phone["mean_score"] < 0.7 * web_phone["churn_rate"]).all()


def test_offer_targeting_plants_two_proxies():
    """Are order channel and delivery slot above the 0.2 bar and plan and city far below it?"""
    frame = mlpm.load("offer_targeting")
    strength = {f: cramers_v(frame[f], frame["age_band"]) for f in FEATURES}
    assert {f for f, v in strength.items() if v >= 0.2} == {"order_channel", "delivery_slot"}
    assert max(strength["plan"], strength["city"]) < 0.05
    assert round(strength["order_channel"], 3) == 0.341 and round(strength["delivery_slot"], 3) == 0.273


def _choose_and_confirm(frame: pd.DataFrame) -> dict[str, dict[str, float]]:
    september, october = frame[frame["month"] == "2026-09"], frame[frame["month"] == "2026-10"]
    chosen = {"today": (dict.fromkeys(GROUPS, TODAY), "age_band"),
              "best_single": (best_policy(september, SINGLES, VALUE, COST)["thresholds"], "age_band"),
              "best_overall": (best_policy(september, PER_BAND, VALUE, COST)["thresholds"], "age_band"),
              "pinned_choice": (best_policy(september, PER_BAND, VALUE, COST, 0.8)["thresholds"], "age_band"),
              "channel_choice": (best_policy(september, PER_CHANNEL, VALUE, COST, by="order_channel")["thresholds"],
                                 "order_channel")}
    return {name: {"september": policy_outcome(september, p, VALUE, COST, by=by),
                   "october": policy_outcome(october, p, VALUE, COST, by=by), "thresholds": p}
            for name, (p, by) in chosen.items()}


def test_pinned_choices_and_their_confirmation_month():
    """Are the exercise's September choices and their October figures what the data card says, recomputed row by
    row?"""
    frame = mlpm.load("offer_targeting")
    october = frame[frame["month"] == "2026-10"]
    result = _choose_and_confirm(frame)
    assert {n: tuple(r["thresholds"].values()) for n, r in result.items()} == {
        "today": (0.3, 0.3, 0.3), "best_single": (0.175, 0.175, 0.175), "best_overall": (0.175, 0.25, 0.125),
        "pinned_choice": (0.175, 0.175, 0.125), "channel_choice": (0.175, 0.125, 0.125)}
    assert {n: r["september"]["expected_value"] for n, r in result.items()} == {
        "today": 2848, "best_single": 3944, "best_overall": 4144, "pinned_choice": 4112, "channel_choice": 4352}
    october_values = {"today": 3088, "best_single": 3896, "best_overall": 3816, "pinned_choice": 3872,
                      "channel_choice": 3992}
    for name, want in october_values.items():
        by = "order_channel" if name == "channel_choice" else "age_band"
        plain = _plain_outcome(october, result[name]["thresholds"], by)
        assert plain[0] == result[name]["october"]["expected_value"] == want
        assert math.isclose(plain[1], result[name]["october"]["dp_ratio"])
        assert math.isclose(plain[2], result[name]["october"]["tpr_gap"])
    assert round(result["channel_choice"]["october"]["dp_ratio"], 3) == 0.833
    assert round(result["channel_choice"]["october"]["tpr_gap"], 3) == 0.128


def test_the_per_band_headline_is_noise_on_the_confirmation_month():
    """Is the in-sample cost of parity by band small and positive, while October's bootstrap interval spans zero
    by hundreds of euros?"""
    frame = mlpm.load("offer_targeting")
    result = _choose_and_confirm(frame)
    september = {name: result[name]["september"]["expected_value"] for name in ("best_overall", "pinned_choice")}
    assert september["best_overall"] - september["pinned_choice"] == 32
    october = frame[frame["month"] == "2026-10"]
    best, pinned = result["best_overall"]["thresholds"], result["pinned_choice"]["thresholds"]
    low, high = REF.bootstrap_interval(
        october, lambda f: REF.policy_value(f, best, VALUE, COST) - REF.policy_value(f, pinned, VALUE, COST), 500, 0)
    assert low < -200 and high > 200


def test_on_fresh_draws_per_channel_thresholds_beat_todays_and_pass_the_screen():
    """On 20 fresh draws, chosen on September and scored on October: is the channel policy worth more than today's
    policy and the best single threshold in most draws, does it keep the TPR gap under 0.15 in nearly all and pass
    the four-fifths screen in most (today's and the best single threshold never do), and does the in-sample winner
    per band lose value out of sample on average (optimism)?"""
    rows = [_choose_and_confirm(mlpm.datasets.offer_targeting(seed=seed)) for seed in range(100, 120)]
    channel = [r["channel_choice"]["october"] for r in rows]
    pairs = list(zip(channel, rows, strict=True))
    assert np.mean([c["expected_value"] > r["today"]["october"]["expected_value"] for c, r in pairs]) >= 0.9
    assert np.mean([c["expected_value"] >= r["best_single"]["october"]["expected_value"] for c, r in pairs]) >= 0.75
    assert np.mean([c["tpr_gap"] <= 0.15 for c in channel]) >= 0.9
    assert np.mean([c["dp_ratio"] >= 0.8 for c in channel]) >= 0.6
    assert np.mean([r["today"]["october"]["dp_ratio"] < 0.8 for r in rows]) == 1.0
    assert np.mean([r["best_single"]["october"]["dp_ratio"] < 0.8 for r in rows]) >= 0.9
    optimism = [r["best_overall"]["september"]["expected_value"] - r["best_overall"]["october"]["expected_value"]
                for r in rows]
    assert np.mean(optimism) > 100
    assert np.median([c["tpr_gap"] for c in channel]) < np.median([r["today"]["october"]["tpr_gap"] for r in rows])


# ---- the checkers, both ways ----

def _reference_card(frame: pd.DataFrame) -> dict:
    rates, errors = selection_rates_by_group(frame, 0.5), error_rates_by_group(frame, 0.5)
    return {
        "model_details": "Larder churn score v1.3",
        "intended_use": {"primary_uses": ["rank subscribers for the discount"],
                         "out_of_scope": ["set individual delivery fees"]},
        "factors": ["age_band"],
        "metrics": ["selection_rate, tpr, fpr at the decision threshold 0.5"],
        "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(frame)},
        "training_data": "Twelve months of subscribers.",
        "quantitative_analyses": {"selection_rate": rates.round(2).to_dict(), "tpr": errors["tpr"].to_dict(),
                                  "fpr": errors["fpr"].round(3).to_dict()},
        "ethical_considerations": ["55+ under-served"],
        "caveats_and_recommendations": ["monitor monthly"],
    }


def _card_checks(card: dict, frame: pd.DataFrame) -> None:
    accepted = [{"selection_rate": selection_rates_by_group(frame, 0.5).to_dict(),
                 **{k: v.to_dict() for k, v in error_rates_by_group(frame, 0.5).items()}}]
    check_model_card_shape(card, "model_card")
    check_model_card_uses(card, "model_card")
    check_model_card_factors(card, "age_band", "model_card")
    check_model_card_figures(card, accepted, "model_card")
    check_model_card_metrics(card, "model_card", (0.5, "current_threshold"))
    check_model_card_data(card, "offer_targeting", len(frame), "model_card")


def test_model_card_checks_pass_the_reference_and_name_each_problem():
    """Does a complete card pass, and does each broken section fail with a message about that section?"""
    frame = mlpm.load("offer_targeting")
    _card_checks(_reference_card(frame), frame)
    assert len(MODEL_CARD_SECTIONS) == 9
    breaks = {
        "has no entry for 'metrics'": lambda c: c.pop("metrics"),
        "empty sections": lambda c: c.update(ethical_considerations=[]),
        "'out_of_scope'": lambda c: c["intended_use"].update(out_of_scope=[]),
        "protected attribute": lambda c: c.update(factors=["order_channel"]),
        "figure you computed": lambda c: c["quantitative_analyses"]["tpr"].update({"55+": 0.5}),
        "does not name 'fpr'": lambda c: c.update(metrics=["selection_rate and tpr at the threshold 0.5"]),
        "decision threshold": lambda c: c.update(metrics=["selection_rate, tpr, fpr"]),
        "threshold's value": lambda c: c.update(metrics=["selection_rate, tpr, fpr at the decision threshold"]),
        "'n_rows'": lambda c: c["evaluation_data"].update(n_rows=float(len(frame))),
        "'dataset'": lambda c: c["evaluation_data"].update(dataset="offers.csv"),
    }
    for words, damage in breaks.items():
        card = copy.deepcopy(_reference_card(frame))
        damage(card)
        with pytest.raises(AssertionError, match=words.replace("(", r"\(").replace(")", r"\)")):
            _card_checks(card, frame)


def test_model_card_figures_accept_the_learners_own_and_series():
    """Do figures from the learner's own earlier answers, or pandas Series, pass?"""
    frame = mlpm.load("offer_targeting")
    card = _reference_card(frame)
    own = {"selection_rate": {"18-34": 0.1, "35-54": 0.2, "55+": 0.3}, "tpr": card["quantitative_analyses"]["tpr"],
           "fpr": card["quantitative_analyses"]["fpr"]}
    card["quantitative_analyses"]["selection_rate"] = pd.Series(own["selection_rate"])
    check_model_card_figures(card, [{"selection_rate": {"18-34": 0.9, "35-54": 0.9, "55+": 0.9}}, own], "model_card")


def test_error_table_checker_both_ways():
    """Does the table checker pass the reference (any row order) and say which column is off?"""
    frame = mlpm.datasets.offer_targeting(seed=3, n_customers=900)
    reference = error_rates_by_group(frame, 0.5)
    check_error_table(reference.iloc[::-1][["fpr", "tpr"]], reference, "t")
    with pytest.raises(AssertionError, match=r"`t\['fpr'\]` is not right yet"):
        check_error_table(reference.assign(fpr=reference["fpr"] + 0.01), reference, "t")
    with pytest.raises(AssertionError, match="no column 'tpr'"):
        check_error_table(reference.rename(columns={"tpr": "TPR"}), reference, "t")
    with pytest.raises(AssertionError, match="should be a pandas DataFrame"):
        check_error_table(reference.to_dict(), reference, "t")


def test_small_checkers_both_ways():
    """Do the flag, claim and policy checkers accept what the prompts allow and refuse the rest?"""
    check_flag(np.bool_(True), True, "f")
    with pytest.raises(AssertionError, match="should be True or False"):
        check_flag("True", True, "f")
    with pytest.raises(AssertionError, match="not right yet"):
        check_flag(False, True, "f")
    check_claims({"c1": np.bool_(False), "c2": True}, {"c1": False}, "c")
    with pytest.raises(AssertionError, match="1 of the claims"):
        check_claims({"c1": "False"}, {"c1": False}, "c")
    result = {"thresholds": {"18-34": 0.3, "35-54": 0.25, "55+": 0.2}, "expected_value": np.int64(4776),
              "dp_ratio": np.float64(0.82)}
    check_chosen_policy(result, "p", GROUPS, THRESHOLDS)
    assert check_policy_result(result, "p") == {"expected_value": 4776.0, "dp_ratio": 0.82}
    with pytest.raises(AssertionError, match="not one of the thresholds"):
        check_chosen_policy({**result, "thresholds": {**result["thresholds"], "55+": 0.33}},
                            "p", GROUPS, THRESHOLDS)
    with pytest.raises(AssertionError, match="no entry for 'dp_ratio'"):
        check_policy_result({"expected_value": 1.0}, "p")


def test_own_best_values_follow_the_learners_evaluate_and_survive_errors():
    """Does error carried forward use the learner's own evaluate_policy, and give None when it raises?"""
    frame = mlpm.datasets.offer_targeting(seed=3, n_customers=600)
    candidates = [dict.fromkeys(GROUPS, t) for t in (0.15, 0.3)]

    def doubled(f, t, v, c):
        return {**policy_outcome(f, t, v, c), "expected_value": 2 * policy_outcome(f, t, v, c)["expected_value"]}

    best, _ = own_best_values(doubled, frame, candidates, 40, 12, 0.0)
    assert best == 2 * best_policy(frame, candidates, 40, 12)["expected_value"]
    assert own_best_values(lambda *a: 1 / 0, frame, candidates, 40, 12, 0.8) is None


# ---- the lesson and the prompts say what the law is and is not ----

def test_legal_content_is_labelled_and_pins_its_articles():
    """Do the lesson and the exercise say 'not legal advice', call four-fifths a US screen, place Larder under Dutch
    law, and name the articles, the AI Act's dates and the DPIA triggers?"""
    lesson = " ".join(source(c) for c in read_notebook(LESSON)["cells"])
    exercise = " ".join(source(c) for c in read_notebook(SOLUTION)["cells"])
    for text in (lesson, exercise):
        assert "not legal advice" in text and "2024/1689" in text and "2016/679" in text
        assert "Netherlands" in text and "UAVG" in text and "AWGB" in text
    assert "not an EU legal test" in lesson and "not an EU legal test" in exercise
    for article in ("Art. 5(1)(c)", "Art. 5(1)(f)", "Annex III", "point 5(b)", "point 5(c)", "Art. 50", "Art. 22(2)",
                    "Art. 35(1)", "Art. 35(4)", "EDPB", "two or more", "6(1)(f)", "Art. 5(1)(c), data minimisation",
                    "Art. 28", "Chapter V", "Art. 113", "Art. 26", "Art. 27", "Art. 86", "2 February 2025",
                    "2 August 2025", "2 August 2026", "2 August 2027", "amendments may move", "does not list age",
                    "not an Annex III use"):
        assert article in lesson, article


def test_no_text_calls_per_age_thresholds_unlawful_or_headlines_the_in_sample_cost():
    """Does no model answer or lesson call per-age thresholds direct discrimination (Dutch goods-and-services law
    does not list age), and does the memo's subject line carry no in-sample euro figure?"""
    lesson = " ".join(source(c) for c in read_notebook(LESSON)["cells"])
    cells = {c["id"]: source(c) for c in read_notebook(SOLUTION)["cells"]}
    for text in (lesson, cells["q12_answer"], cells["q9_answer"]):
        assert "direct discrimination" not in text and "disparate treatment" not in text
    subject = next(line for line in cells["q12_answer"].splitlines() if line.startswith("**Subject:**"))
    assert "€" not in subject and "recalibrate by channel" in subject
    scheme = cells["q12_guide"]
    assert "today's policy or the best single threshold" in scheme and "by channel" in scheme


def test_reference_computations_are_not_in_the_learners_package():
    """Can a learner's notebook no longer import the reference computations from mlpm.checks.fairness?"""
    for name in ("policy_outcome", "best_policy", "selection_rates_by_group", "error_rates_by_group", "cramers_v",
                 "bootstrap_interval", "own_best_values"):
        assert not hasattr(checks, name), name
    setup = next(source(c) for c in read_notebook(SOLUTION)["cells"] if c["id"] == "setup")
    assert "reference" not in setup


def test_judgement_questions_carry_a_third_of_the_automatic_points():
    """Do questions 4, 7 and 8 (the calls) carry at least a third of the module's automatic points?"""
    points = {c["id"]: c["metadata"]["nbgrader"]["points"] for c in read_notebook(SOLUTION)["cells"]
              if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"}
    assert sum(points[q] for q in ("q4_test", "q7_test", "q8_test")) >= sum(points.values()) / 3


def test_judgement_checkers_both_ways():
    """Do the call checkers accept a well-formed call the evidence supports and name what is off otherwise?"""
    menus = {"decision": ["a", "b"], "evidence": ["x", "y", "z"], "reverse_if": ["r", "s"]}
    call = {"decision": "a", "evidence": ("x", "z"), "reverse_if": "r"}
    check_call_shape(call, menus, "c", lists=["evidence"])
    check_call_choice(call, "decision", ["a"], "c")
    check_call_evidence(call, "evidence", ["x"], "c", against=["y"])
    with pytest.raises(AssertionError, match="not on its menu"):
        check_call_shape({**call, "evidence": ["w"]}, menus, "c", lists=["evidence"])
    with pytest.raises(AssertionError, match="one of the options"):
        check_call_shape({**call, "decision": "A"}, menus, "c", lists=["evidence"])
    with pytest.raises(AssertionError, match="not a call the evidence supports"):
        check_call_choice(call, "decision", ["b"], "c")
    with pytest.raises(AssertionError, match="does not name the evidence"):
        check_call_evidence(call, "evidence", ["y"], "c")
    with pytest.raises(AssertionError, match="does not support this call"):
        check_call_evidence({**call, "evidence": ["x", "y"]}, "evidence", ["x"], "c", against=["y"])
    check_candidates(tuple(SINGLES), GROUPS, 9, "s")
    with pytest.raises(AssertionError, match="different policies"):
        check_candidates(SINGLES[:8] + SINGLES[:1], GROUPS, 9, "s")
    with pytest.raises(AssertionError, match="should be a list of policies"):
        check_candidates({"a": 1}, GROUPS, 9, "s")


def test_solution_cells_are_json_clean():
    """Is the exercise source written with indent 1 and a trailing newline, as the other modules are?"""
    text = SOLUTION.read_text(encoding="utf-8")
    assert text.endswith("}\n") and json.loads(text)["nbformat"] == 4
