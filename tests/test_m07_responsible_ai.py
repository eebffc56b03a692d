"""Do module 07's pinned fairness figures agree with fairlearn and scipy, do its checkers judge both
ways, and does offer_targeting hold its planted effects?"""

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
from scipy.stats.contingency import association

import mlpm
from mlpm.checks.fairness import (
    MODEL_CARD_SECTIONS,
    best_policy,
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
    check_same_items,
    cramers_v,
    difference,
    error_rates_by_group,
    own_best_values,
    policy_outcome,
    ratio,
    selection_rates_by_group,
)
from notebook_tools import ROOT, read_notebook, source

GROUPS = ("18-34", "35-54", "55+")
FEATURES = ("order_channel", "delivery_slot", "plan", "region")
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
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


def test_policy_value_and_parity_by_hand_and_by_fairlearn():
    """Is a policy's expected value value x TP - cost x selected, and its ratio fairlearn's DP ratio?"""
    toy = pd.DataFrame({"age_band": ["a"] * 4 + ["b"] * 4,
                        "churn_score": [0.9, 0.6, 0.3, 0.1, 0.7, 0.45, 0.2, 0.8],
                        "churned_next_4w": [True, False, True, False, True, False, False, False]})
    result = policy_outcome(toy, {"a": 0.5, "b": 0.4}, 40, 12)
    assert result["expected_value"] == 40 * 2 - 12 * 5 and math.isclose(result["dp_ratio"], 0.5 / 0.75)
    frame = mlpm.load("offer_targeting")
    policy = {"18-34": 0.45, "35-54": 0.3, "55+": 0.25}
    chosen = frame["churn_score"] >= frame["age_band"].map(policy)
    fairlearn_ratio = demographic_parity_ratio(frame["churned_next_4w"], chosen, sensitive_features=frame["age_band"])
    assert math.isclose(policy_outcome(frame, policy, 40, 12)["dp_ratio"], fairlearn_ratio)


def test_best_policy_is_the_brute_force_maximum():
    """Does the fast search return the most expected value, under the ratio constraint, as a slow loop does?"""
    frame = mlpm.datasets.offer_targeting(seed=3, n_customers=1500)
    candidates = [dict(zip(GROUPS, t, strict=True)) for t in itertools.product((0.3, 0.4, 0.5), repeat=3)]
    outcomes = [policy_outcome(frame, c, 40, 12) for c in candidates]
    assert best_policy(frame, candidates, 40, 12)["expected_value"] == max(o["expected_value"] for o in outcomes)
    fair = [o["expected_value"] for o in outcomes if o["dp_ratio"] >= 0.75]
    constrained = best_policy(frame, candidates, 40, 12, 0.75)
    assert constrained["expected_value"] == max(fair) < best_policy(frame, candidates, 40, 12)["expected_value"]
    assert policy_outcome(frame, constrained["thresholds"], 40, 12)["dp_ratio"] >= 0.75


# ---- the planted effects the data card promises ----

def test_offer_targeting_plants_an_under_served_age_band():
    """Does 55+ churn as often as the others but get fewer offers and fewer of its churners found?"""
    frame = mlpm.load("offer_targeting")
    churn = frame.groupby("age_band")["churned_next_4w"].mean()
    assert churn.max() - churn.min() < 0.02
    rates = selection_rates_by_group(frame, 0.5)
    errors = error_rates_by_group(frame, 0.5)
    assert rates.idxmin() == errors["tpr"].idxmin() == "55+"
    assert round(ratio(rates), 3) == 0.562 and round(difference(rates), 3) == 0.080
    assert round(difference(errors["tpr"]), 3) == 0.151


def test_offer_targeting_plants_two_proxies():
    """Are order channel and delivery slot above the 0.2 bar and plan and region far below it?"""
    frame = mlpm.load("offer_targeting")
    strength = {f: cramers_v(frame[f], frame["age_band"]) for f in FEATURES}
    assert {f for f, v in strength.items() if v >= 0.2} == {"order_channel", "delivery_slot"}
    assert max(strength["plan"], strength["region"]) < 0.1


def test_parity_costs_little_by_band_and_much_by_one_threshold():
    """Is the pinned policy EUR 24 below the unconstrained best, and the best fair single threshold far below?"""
    frame = mlpm.load("offer_targeting")
    every = [dict(zip(GROUPS, t, strict=True)) for t in itertools.product(THRESHOLDS, repeat=3)]
    singles = [dict.fromkeys(GROUPS, t) for t in THRESHOLDS]
    best, pinned = best_policy(frame, every, 40, 12), best_policy(frame, every, 40, 12, 0.8)
    fair_single = best_policy(frame, singles, 40, 12, 0.8)
    assert best["dp_ratio"] < 0.8 <= pinned["dp_ratio"]
    assert (best["expected_value"], pinned["expected_value"], fair_single["expected_value"]) == (4800, 4776, 3356)
    assert best_policy(frame, singles, 40, 12)["dp_ratio"] < 0.8


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
    check_model_card_metrics(card, "model_card")
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
    """Do the flag, item, claim and policy checkers accept what the prompts allow and refuse the rest?"""
    check_flag(np.bool_(True), True, "f")
    with pytest.raises(AssertionError, match="should be True or False"):
        check_flag("True", True, "f")
    with pytest.raises(AssertionError, match="not right yet"):
        check_flag(False, True, "f")
    check_same_items(("delivery_slot", "order_channel"), ["order_channel", "delivery_slot"], "p")
    with pytest.raises(AssertionError, match="more than once"):
        check_same_items(["plan", "plan"], ["plan", "region"], "p")
    with pytest.raises(AssertionError, match="not right yet"):
        check_same_items(["plan"], ["order_channel"], "p")
    check_claims({"c1": np.bool_(False), "c2": True}, {"c1": False}, "c")
    with pytest.raises(AssertionError, match="1 of the claims"):
        check_claims({"c1": "False"}, {"c1": False}, "c")
    result = {"thresholds": {"18-34": 0.4, "35-54": 0.3, "55+": 0.25}, "expected_value": np.int64(4776),
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
    candidates = [dict.fromkeys(GROUPS, t) for t in (0.3, 0.5)]

    def doubled(f, t, v, c):
        return {**policy_outcome(f, t, v, c), "expected_value": 2 * policy_outcome(f, t, v, c)["expected_value"]}

    best, _ = own_best_values(doubled, frame, candidates, 40, 12, 0.0)
    assert best == 2 * best_policy(frame, candidates, 40, 12)["expected_value"]
    assert own_best_values(lambda *a: 1 / 0, frame, candidates, 40, 12, 0.8) is None


# ---- the lesson and the prompts say what the law is and is not ----

def test_legal_content_is_labelled_and_pins_its_articles():
    """Do the lesson and the exercise say 'not legal advice', call four-fifths a US screen, and name the articles?"""
    lesson = " ".join(source(c) for c in read_notebook(LESSON)["cells"])
    exercise = " ".join(source(c) for c in read_notebook(SOLUTION)["cells"])
    for text in (lesson, exercise):
        assert "not legal advice" in text and "2024/1689" in text and "2016/679" in text
    assert "not an EU legal test" in lesson and "not an EU legal test" in exercise
    for article in ("Art. 5(1)(c)", "Art. 5(1)(f)", "Annex III", "point 5(b)", "Art. 50", "Art. 22(2)",
                    "Art. 35", "6(1)(f)", "Art. 5(1)(c), data minimisation", "Art. 28", "Chapter V",
                    "disparate treatment"):
        assert article in lesson, article


def test_solution_cells_are_json_clean():
    """Is the exercise source written with indent 1 and a trailing newline, as the other modules are?"""
    text = SOLUTION.read_text(encoding="utf-8")
    assert text.endswith("}\n") and json.loads(text)["nbformat"] == 4
