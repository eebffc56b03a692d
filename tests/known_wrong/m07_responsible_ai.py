"""Known-wrong answers and fairly graded answers for 07-responsible-ai.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

ASSIGNMENT = "07-responsible-ai"

_Q1_VALUES = """
current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = current_dp_ratio < min_ratio
"""
_Q2_VALUES = """
current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = current_errors["tpr"].max() - current_errors["tpr"].min()
equalized_odds_difference = max(equal_opportunity_difference, current_errors["fpr"].max() - current_errors["fpr"].min())
under_served = current_errors["tpr"].idxmin()
"""
_Q3_VALUES = """
proxy_strength = pd.Series({f: cramers_v(offers[f], offers["age_band"]) for f in FEATURES})
proxies = [f for f in FEATURES if proxy_strength[f] >= proxy_bar]
removal_claims = {"c1": False, "c2": False, "c3": True, "c4": True, "c5": False}
"""
_Q4_VALUE = """
current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
"""
_Q5_VALUES = """
single_candidates = [{b: t for b in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, t)) for t in itertools.product(THRESHOLDS, repeat=3)]
money = (VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_single = choose_policy(offers, single_candidates, *money)
fair_single = choose_policy(offers, single_candidates, *money, min_ratio=min_ratio)
best_overall = choose_policy(offers, per_group_candidates, *money)
pinned_choice = choose_policy(offers, per_group_candidates, *money, min_ratio=min_ratio)
parity_cost_eur = best_overall["expected_value"] - pinned_choice["expected_value"]
"""
_CHOOSE = """
def choose_policy(frame, candidates, value, cost, min_ratio=None):
    best = None
    for thresholds in candidates:
        outcome = evaluate_policy(frame, thresholds, value, cost)
        if min_ratio is not None and outcome["dp_ratio"] < min_ratio:
            continue
        if best is None or outcome["expected_value"] > best["expected_value"]:
            best = {"thresholds": thresholds, **outcome}
    return best
"""
_EVALUATE_COST_ON_FALSE_POSITIVES = """
def evaluate_policy(frame, thresholds, value, cost):
    selected = frame["churn_score"] >= frame["age_band"].map(thresholds)
    churned = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    return {"expected_value": value * (selected & churned).sum() - cost * (selected & ~churned).sum(),
            "dp_ratio": rates.min() / rates.max()}
"""
_SELECTION_ABOVE = """
def selection_rates(frame, threshold):
    return (frame["churn_score"] > threshold).groupby(frame["age_band"]).mean()
"""
_CARD = """
model_card = {
    "model_details": "Larder churn score v1.3, gradient boosting, ML team, November 2026.",
    "intended_use": {"primary_uses": ["choose who gets the weekly retention discount"],
                     "out_of_scope": ["pricing or delivery fees per person", "credit or fraud decisions"]},
    "factors": {"protected": "age_band", "features checked as proxies": ["order_channel", "delivery_slot"]},
    "metrics": ["selection_rate", "tpr", "fpr", "all at the decision threshold current_threshold = 0.5"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": {"source": "twelve months of subscribers", "age": "not collected"},
    "quantitative_analyses": {"selection_rate": current_rates.round(2).to_dict(),
                              "tpr": current_errors["tpr"].round(2).to_dict(),
                              "fpr": current_errors["fpr"].round(2).to_dict()},
    "ethical_considerations": ["55+ customers are under-served through the order channel."],
    "caveats_and_recommendations": ["Monitor parity monthly."],
}
"""

WRONG_ANSWERS = {
    # ---- question 1: selection rates and demographic parity ----
    "selected-only-above-the-threshold": ("q1_answer", _SELECTION_ABOVE + """
def dp_difference(rates):
    return rates.max() - rates.min()
def dp_ratio(rates):
    return rates.min() / rates.max()
""" + _Q1_VALUES, "visible"),
    "ratio-largest-over-smallest": ("q1_answer", """
def selection_rates(frame, threshold):
    return (frame["churn_score"] >= threshold).groupby(frame["age_band"]).mean()
def dp_difference(rates):
    return rates.max() - rates.min()
def dp_ratio(rates):
    return rates.max() / rates.min()
""" + _Q1_VALUES, "visible"),
    "rates-at-a-fixed-threshold": ("q1_answer", """
def selection_rates(frame, threshold):
    return (frame["churn_score"] >= 0.5).groupby(frame["age_band"]).mean()
def dp_difference(rates):
    return rates.max() - rates.min()
def dp_ratio(rates):
    return rates.min() / rates.max()
""" + _Q1_VALUES, "hidden"),
    # ---- question 2: error rates ----
    "tpr-and-fpr-swapped": ("q2_answer", """
def error_rates(frame, threshold):
    selected = frame["churn_score"] >= threshold
    churned = frame["churned_next_4w"]
    return pd.DataFrame({"fpr": selected[churned].groupby(frame.loc[churned, "age_band"]).mean(),
                         "tpr": selected[~churned].groupby(frame.loc[~churned, "age_band"]).mean()})
""" + _Q2_VALUES, "visible"),
    "fpr-over-everyone": ("q2_answer", """
def error_rates(frame, threshold):
    selected = frame["churn_score"] >= threshold
    churned = frame["churned_next_4w"]
    return pd.DataFrame({"tpr": selected[churned].groupby(frame.loc[churned, "age_band"]).mean(),
                         "fpr": selected.groupby(frame["age_band"]).mean()})
""" + _Q2_VALUES, "visible"),
    "equalized-odds-as-the-mean-of-both": ("q2_answer", """
def error_rates(frame, threshold):
    selected = frame["churn_score"] >= threshold
    churned = frame["churned_next_4w"]
    return pd.DataFrame({"tpr": selected[churned].groupby(frame.loc[churned, "age_band"]).mean(),
                         "fpr": selected[~churned].groupby(frame.loc[~churned, "age_band"]).mean()})
""" + _Q2_VALUES + """
fpr_gap = current_errors["fpr"].max() - current_errors["fpr"].min()
equalized_odds_difference = (equal_opportunity_difference + fpr_gap) / 2
""", "hidden"),
    # ---- question 3: proxies ----
    "cramers-v-bias-corrected": ("q3_answer", """
from scipy.stats import chi2_contingency
def cramers_v(x, y):
    table = pd.crosstab(x, y)
    chi2 = chi2_contingency(table, correction=False)[0]
    n = table.to_numpy().sum()
    r, k = table.shape
    phi2 = max(0, chi2 / n - (k - 1) * (r - 1) / (n - 1))
    r_c, k_c = r - (r - 1) ** 2 / (n - 1), k - (k - 1) ** 2 / (n - 1)
    return math.sqrt(phi2 / min(k_c - 1, r_c - 1))
""" + _Q3_VALUES, "visible"),
    "dropping-age-believed-to-fix-it": ("q3_answer", """
def cramers_v(x, y):
    from scipy.stats.contingency import association
    return association(pd.crosstab(x, y).to_numpy(), method="cramer")
""" + _Q3_VALUES + """
removal_claims = {"c1": True, "c2": True, "c3": False, "c4": True, "c5": False}
""", "hidden"),
    "proxies-by-a-stricter-bar": ("q3_answer", """
def cramers_v(x, y):
    from scipy.stats.contingency import association
    return association(pd.crosstab(x, y).to_numpy(), method="cramer")
""" + _Q3_VALUES + """
proxies = [f for f in FEATURES if proxy_strength[f] >= 0.3]
""", "hidden"),
    # ---- question 4: a policy in euros and parity ----
    "discount-cost-only-on-false-positives": ("q4_answer", _EVALUATE_COST_ON_FALSE_POSITIVES + _Q4_VALUE, "visible"),
    "one-threshold-for-every-band": ("q4_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    selected = frame["churn_score"] >= list(thresholds.values())[0]
    rates = selected.groupby(frame["age_band"]).mean()
    return {"expected_value": value * (selected & frame["churned_next_4w"]).sum() - cost * selected.sum(),
            "dp_ratio": rates.min() / rates.max()}
""" + _Q4_VALUE, "visible"),
    "value-and-cost-typed-in": ("q4_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    selected = frame["churn_score"] >= frame["age_band"].map(thresholds)
    rates = selected.groupby(frame["age_band"]).mean()
    return {"expected_value": 40 * (selected & frame["churned_next_4w"]).sum() - 12 * selected.sum(),
            "dp_ratio": rates.min() / rates.max()}
""" + _Q4_VALUE, "hidden"),
    # ---- question 5: choosing a policy ----
    "parity-constraint-ignored": ("q5_answer", """
def choose_policy(frame, candidates, value, cost, min_ratio=None):
    outcomes = [{"thresholds": t, **evaluate_policy(frame, t, value, cost)} for t in candidates]
    return max(outcomes, key=lambda o: o["expected_value"])
""" + _Q5_VALUES, "visible"),
    "fair-single-taken-from-per-band-candidates": ("q5_answer", _CHOOSE + _Q5_VALUES + """
fair_single = pinned_choice
""", "hidden"),
    "parity-cost-against-the-best-single-threshold": ("q5_answer", _CHOOSE + _Q5_VALUES + """
parity_cost_eur = best_single["expected_value"] - pinned_choice["expected_value"]
""", "hidden"),
    # ---- question 6: the model card ----
    "card-with-six-sections": ("q6_answer", _CARD + """
for _section in ("factors", "metrics", "training_data"):
    del model_card[_section]
""", "visible"),
    "card-figures-at-another-threshold": ("q6_answer", _CARD + """
model_card["quantitative_analyses"] = {"selection_rate": selection_rates(offers, 0.4).to_dict(),
                                       "tpr": error_rates(offers, 0.4)["tpr"].to_dict(),
                                       "fpr": error_rates(offers, 0.4)["fpr"].to_dict()}
""", "hidden"),
    "card-factors-without-the-protected-attribute": ("q6_answer", _CARD + """
model_card["factors"] = ["order_channel", "delivery_slot", "plan", "region"]
""", "hidden"),
    # ---- question 7: the AI Act ----
    "churn-discount-called-high-risk": ("q7_answer", """
ai_act_tier = {"v1": "high_risk", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "transparency", "v7": "minimal"}
ai_act_reason = {"v1": "annex3_creditworthiness", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "no_listed_use"}
""", "hidden"),
    "tier-from-the-old-drafts": ("q7_answer", """
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "limited", "v7": "minimal"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "no_listed_use"}
""", "visible"),
    "emotion-recognition-called-high-risk": ("q7_answer", """
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "high_risk", "v5": "prohibited",
               "v6": "transparency", "v7": "minimal"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "annex3_employment", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "no_listed_use"}
""", "hidden"),
    # ---- question 8: the GDPR ----
    "art22-for-every-discount": ("q8_answer", """
gdpr_answers = {"g1": "b", "g2": "a", "g3": "a", "g4": "b", "g5": "c", "g6": "b"}
""", "hidden"),
    "letter-the-situation-does-not-offer": ("q8_answer", """
gdpr_answers = {"g1": "b", "g2": "b", "g3": "a", "g4": "b", "g5": "d", "g6": "b"}
""", "visible"),
    "contract-basis-and-no-transfer-tool": ("q8_answer", """
gdpr_answers = {"g1": "b", "g2": "b", "g3": "a", "g4": "a", "g5": "c", "g6": "a"}
""", "hidden"),
}

FAIR_SCORES = {
    # ---- correct in another style: full points ----
    "rates-by-value-counts-and-numpy-flag": ("q1_answer", """
def selection_rates(frame, threshold):
    chosen = frame[frame.churn_score >= threshold]
    return (chosen["age_band"].value_counts() / frame["age_band"].value_counts()).fillna(0.0)
def dp_difference(rates):
    return float(np.max(rates) - np.min(rates))
def dp_ratio(rates):
    return float(np.min(rates) / np.max(rates))
current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = np.float64(current_dp_ratio) < 0.8
""", 3.0),
    "error-rates-by-crosstab": ("q2_answer", """
def error_rates(frame, threshold):
    table = pd.crosstab([frame["age_band"], frame["churned_next_4w"]], frame["churn_score"] >= threshold,
                        normalize="index")
    share = table[True].unstack()
    return pd.DataFrame({"tpr": share[True], "fpr": share[False]})
current_errors = error_rates(offers, current_threshold)
gaps = current_errors.max() - current_errors.min()
equal_opportunity_difference = gaps["tpr"]
equalized_odds_difference = gaps.max()
under_served = str(current_errors["tpr"].sort_values().index[0])
""", 3.0),
    "cramers-v-with-scipy-and-a-tuple": ("q3_answer", """
from scipy.stats import chi2_contingency
def cramers_v(x, y):
    table = pd.crosstab(x, y)
    chi2 = chi2_contingency(table, correction=False)[0]
    return (chi2 / (table.values.sum() * (min(table.shape) - 1))) ** 0.5
proxy_strength = pd.Series([cramers_v(offers[f], offers.age_band) for f in FEATURES], index=list(FEATURES))
proxies = list(proxy_strength[proxy_strength >= proxy_bar].index)
removal_claims = dict(c1=False, c2=False, c3=True, c4=True, c5=False)
""", 3.0),
    "evaluate-policy-with-numpy": ("q4_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    cut = np.array([thresholds[b] for b in frame["age_band"]])
    selected = frame["churn_score"].to_numpy() >= cut
    tp = np.sum(selected & frame["churned_next_4w"].to_numpy())
    rates = [selected[(frame["age_band"] == b).to_numpy()].mean() for b in sorted(set(frame["age_band"]))]
    return {"expected_value": float(value * tp - cost * selected.sum()), "dp_ratio": min(rates) / max(rates)}
current_policy = evaluate_policy(offers, dict.fromkeys(GROUPS, current_threshold), VALUE_PER_SAVED_EUR,
                                 DISCOUNT_COST_EUR)
""", 3.0),
    "choose-by-sorting-a-table": ("q5_answer", """
single_candidates = [dict.fromkeys(GROUPS, t) for t in THRESHOLDS]
per_group_candidates = [{"18-34": a, "35-54": b, "55+": c} for a in THRESHOLDS for b in THRESHOLDS for c in THRESHOLDS]
def choose_policy(frame, candidates, value, cost, min_ratio=None):
    rows = pd.DataFrame([{"thresholds": t, **evaluate_policy(frame, t, value, cost)} for t in candidates])
    if min_ratio is not None:
        rows = rows[rows["dp_ratio"] >= min_ratio]
    if rows.empty:
        return None
    return rows.sort_values("expected_value", ascending=False).iloc[0].to_dict()
best_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
fair_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
best_overall = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
parity_cost_eur = best_overall["expected_value"] - pinned_choice["expected_value"]
""", 3.0),
    "card-with-rounded-figures-and-a-factors-dict": ("q6_answer", _CARD, 3.0),
    # ---- realistic attempts (graded with `mlpm check`; fair points judged from the prompt alone) ----
    "attempt-B-ratio-largest-over-smallest": ("q1_answer", WRONG_ANSWERS["ratio-largest-over-smallest"][1], 2.25),
    "attempt-B-equalized-odds-as-a-mean": ("q2_answer", WRONG_ANSWERS["equalized-odds-as-the-mean-of-both"][1],
                                           round(3 * 6 / 7, 2)),
    "attempt-B-bias-corrected-v-and-dropping-age-fixes-it": ("q3_answer", WRONG_ANSWERS["cramers-v-bias-corrected"][1]
                                                             + """
removal_claims = {"c1": True, "c2": False, "c3": True, "c4": True, "c5": False}
""", round(3 * 3 / 7, 2)),
    "attempt-B-discount-cost-only-on-false-positives": ("q4_answer", _EVALUATE_COST_ON_FALSE_POSITIVES + _Q4_VALUE,
                                                        3 * 5 / 8),  # current_policy follows from it: paid once
    "attempt-B-card-with-auc-and-no-out-of-scope": ("q6_answer", """
model_card = {
    "model_details": "XGBoost churn model v1.3",
    "intended_use": {"primary_uses": ["predict churn for retention offers"], "out_of_scope": []},
    "factors": ["age_band"],
    "metrics": ["AUC", "accuracy"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": 3000},
    "training_data": "2025 subscribers",
    "quantitative_analyses": {"selection_rate": current_rates.to_dict(), "tpr": current_errors["tpr"].to_dict(),
                              "fpr": current_errors["fpr"].to_dict(), "auc": 0.73},
    "ethical_considerations": ["age disparity"],
    "caveats_and_recommendations": ["retrain quarterly"],
}
""", 2.0),
    "attempt-B-churn-model-high-risk-and-chatbot-minimal": ("q7_answer", """
ai_act_tier = {"v1": "high_risk", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "minimal", "v7": "minimal"}
ai_act_reason = {"v1": "annex3_creditworthiness", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "no_listed_use", "v7": "no_listed_use"}
""", round(3 * 5 / 7, 2)),
    "attempt-B-art22-for-discounts-and-contract-basis": ("q8_answer", """
gdpr_answers = {"g1": "b", "g2": "a", "g3": "a", "g4": "a", "g5": "c", "g6": "b"}
""", round(3 * 5 / 7, 2)),
    "attempt-C-strengths-computed-proxies-and-claims-not-written": ("q3_answer", """
from scipy.stats.contingency import association
def cramers_v(x, y):
    return association(pd.crosstab(x, y).to_numpy(), method="cramer")
proxy_strength = pd.Series({f: cramers_v(offers[f], offers["age_band"]) for f in FEATURES})
del proxies, removal_claims  # (the fixture runs after the solution: here the learner never wrote them)
""", round(3 * 3 / 7, 2)),
    # ---- error carried forward: an earlier answer is wrong, this one is right: full points ----
    "error-rates-right-after-selection-above-threshold": ("q2_answer", _SELECTION_ABOVE + """
current_rates = selection_rates(offers, current_threshold)
""", 3.0),
    "choice-right-after-cost-only-on-false-positives": ("q5_answer", _EVALUATE_COST_ON_FALSE_POSITIVES + _Q4_VALUE
                                                        + _CHOOSE + _Q5_VALUES, 3.0),
    "card-right-after-selection-above-threshold": ("q6_answer", _SELECTION_ABOVE + _Q1_VALUES + _CARD, 3.0),
}

# The blind early-slip attempt, answer by answer: each later answer is graded after its q1.
_EARLY_SLIP_Q1 = """
def selection_rates(frame, threshold):
    selected = frame["churn_score"] >= threshold
    return selected.groupby(frame["age_band"]).sum() / selected.sum()


def dp_difference(rates):
    return rates.max() - rates.min()


def dp_ratio(rates):
    return rates.min() / rates.max()


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = bool(current_dp_ratio < min_ratio)
print(current_rates.round(3).to_dict(), f"difference {current_dp_difference:.3f}, ratio {current_dp_ratio:.3f}")
"""
_EARLY_SLIP_Q4 = """
def evaluate_policy(frame, thresholds, value, cost):
    cut = frame["age_band"].map(thresholds)
    selected = frame["churn_score"] >= cut
    saved = (selected & frame["churned_next_4w"]).sum()
    return {"expected_value": value * saved - cost * selected.sum(),
            "dp_ratio": dp_ratio(selection_rates(frame, cut))}


current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
current_policy
"""
_EARLY_SLIP_Q5 = """
single_candidates = [{b: t for b in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, triple)) for triple in itertools.product(THRESHOLDS, repeat=3)]


def choose_policy(frame, candidates, value, cost, min_ratio=None):
    best = None
    for c in candidates:
        r = evaluate_policy(frame, c, value, cost)
        if min_ratio is not None and r["dp_ratio"] < min_ratio:
            continue
        if best is None or r["expected_value"] > best["expected_value"]:
            best = {"thresholds": c, "expected_value": r["expected_value"], "dp_ratio": r["dp_ratio"]}
    return best


best_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
fair_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
best_overall = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
parity_cost_eur = best_overall["expected_value"] - pinned_choice["expected_value"]
pd.DataFrame({"best_single": best_single, "fair_single": fair_single, "best_overall": best_overall,
              "pinned_choice": pinned_choice}).T
"""
_EARLY_SLIP_Q6 = """
model_card = {
    "model_details": "Churn model v2, gradient boosting, built by Larder's data team in 2026.",
    "intended_use": {"primary_uses": ["pick who gets a retention discount"],
                     "out_of_scope": ["pricing", "credit decisions", "refusing service"]},
    "factors": ["age_band"],
    "metrics": ["selection_rate", "tpr", "fpr", "threshold 0.5"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": "Module 02's subscriber history.",
    "quantitative_analyses": {"selection_rate": current_rates.round(3).to_dict(),
                              "tpr": current_errors["tpr"].round(3).to_dict(),
                              "fpr": current_errors["fpr"].round(3).to_dict()},
    "ethical_considerations": ["older subscribers get fewer offers"],
    "caveats_and_recommendations": ["legal advice before per-band thresholds"],
}
"""


# ---- blind attempts (a helper playing the learner from the lesson and the student notebook only, then graded with
# `mlpm check`): another style (24/24), typical mistakes of a data scientist new to product work (17.76/24) and one
# early slip that later questions build on (selection rate as the group's share of everyone selected, 22.88/24).
# An answer that depends on an earlier wrong one carries that one along. The fair points were judged from the
# prompt before grading; where they differed by more than half a point the checks were fixed (own values accepted
# for current_rates, current_errors and current_policy; Question 4 graded with a correct Question 1; Question 5
# accepts None and the choices that follow from a wrong dp_ratio; out-of-scope uses may be short).
FAIR_SCORES.update({
    "blind-other-style-q1": ("q1_answer", """
def selection_rates(frame, threshold):
    flagged = frame.assign(_sel=np.where(frame["churn_score"].to_numpy() >= threshold, 1.0, 0.0))
    return flagged.groupby("age_band")["_sel"].mean()


def dp_difference(rates):
    return np.ptp(np.asarray(rates, dtype=float))


def dp_ratio(rates):
    values = np.asarray(rates, dtype=float)
    return values.min() / values.max()


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = current_dp_ratio < min_ratio
print(current_rates.round(3).to_dict(), f"difference {current_dp_difference:.3f}, ratio {current_dp_ratio:.3f}")
""", 3.0),
    "blind-other-style-q2": ("q2_answer", """
def _share_selected(sub, threshold):
    return (sub["churn_score"] >= threshold).groupby(sub["age_band"]).mean()


def error_rates(frame, threshold):
    churned = frame["churned_next_4w"].astype(bool)
    return pd.concat({"tpr": _share_selected(frame[churned], threshold),
                      "fpr": _share_selected(frame[~churned], threshold)}, axis=1)


current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = np.ptp(current_errors["tpr"].to_numpy())
equalized_odds_difference = max(np.ptp(current_errors["tpr"].to_numpy()), np.ptp(current_errors["fpr"].to_numpy()))
under_served = str(current_errors["tpr"].sort_values().index[0])
current_errors.round(3)
""", 3.0),
    "blind-other-style-q3": ("q3_answer", """
from scipy.stats import chi2_contingency


def cramers_v(x, y):
    table = pd.crosstab(np.asarray(x), np.asarray(y))
    chi2 = chi2_contingency(table.to_numpy(), correction=False)[0]
    return np.sqrt(chi2 / (table.to_numpy().sum() * (min(table.shape) - 1)))


proxy_strength = pd.Series([cramers_v(offers[f], offers[GROUP]) for f in FEATURES], index=list(FEATURES))
proxies = [f for f, v in proxy_strength.items() if v >= proxy_bar]
removal_claims = dict(c1=False, c2=False, c3=True, c4=True, c5=False)
proxy_strength.round(3)
""", 3.0),
    "blind-other-style-q4": ("q4_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    cut = frame["age_band"].map(dict(thresholds)).astype(float)
    chosen = frame["churn_score"].to_numpy() >= cut.to_numpy()
    saved = np.sum(chosen & frame["churned_next_4w"].to_numpy(dtype=bool))
    rates = pd.Series(chosen).groupby(frame["age_band"].to_numpy()).mean()
    return {"expected_value": value * saved - cost * chosen.sum(), "dp_ratio": rates.min() / rates.max()}


current_policy = evaluate_policy(offers, dict.fromkeys(GROUPS, current_threshold), VALUE_PER_SAVED_EUR,
                                 DISCOUNT_COST_EUR)
current_policy
""", 3.0),
    "blind-other-style-q5": ("q5_answer", """
single_candidates = [dict.fromkeys(GROUPS, t) for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, combo)) for combo in itertools.product(THRESHOLDS, THRESHOLDS, THRESHOLDS)]


def choose_policy(frame, candidates, value, cost, min_ratio=None):
    scored = [(c, evaluate_policy(frame, c, value, cost)) for c in candidates]
    if min_ratio is not None:
        scored = [(c, r) for c, r in scored if r["dp_ratio"] >= min_ratio]
    if not scored:
        return None
    best, result = max(scored, key=lambda pair: pair[1]["expected_value"])
    return {"thresholds": best, **result}


args = (offers,)
best_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
fair_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
best_overall = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
parity_cost_eur = max(best_overall["expected_value"] - pinned_choice["expected_value"], 0)
pd.DataFrame({"best_single": best_single, "fair_single": fair_single, "best_overall": best_overall,
              "pinned_choice": pinned_choice}).T
""", 3.0),
    "blind-other-style-q6": ("q6_answer", """
model_card = {
    "model_details": {"owner": "Larder data science", "version": "churn v2", "date": "2026-09",
                      "type": "gradient boosting classifier"},
    "intended_use": {"primary_uses": ("choose who gets a retention discount",),
                     "out_of_scope": ("setting prices", "credit decisions", "refusing any service")},
    "factors": ("age_band", "order_channel"),
    "metrics": ("selection_rate", "tpr", "fpr", f"decision threshold: churn_score >= {current_threshold}"),
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": "Twelve months of Larder subscribers from module 02, app activity and orders.",
    "quantitative_analyses": {"selection_rate": {k: round(float(v), 2) for k, v in current_rates.items()},
                              "tpr": {k: round(float(v), 2) for k, v in current_errors["tpr"].items()},
                              "fpr": {k: round(float(v), 2) for k, v in current_errors["fpr"].items()}},
    "ethical_considerations": ("55+ subscribers are under-served through proxy features",),
    "caveats_and_recommendations": ("Per-band thresholds need legal advice first", "Improve web and phone signal"),
}
""", 3.0),
    "blind-other-style-q7": ("q7_answer", """
_plan = {
    "v1": ("minimal", "no_listed_use"),
    "v2": ("high_risk", "annex3_creditworthiness"),
    "v3": ("high_risk", "annex3_employment"),
    "v4": ("prohibited", "art5_emotion_recognition_at_work"),
    "v5": ("prohibited", "art5_social_scoring"),
    "v6": ("transparency", "art50_interacts_with_people"),
    "v7": ("minimal", "no_listed_use"),
}
ai_act_tier = {v: t for v, (t, _) in _plan.items()}
ai_act_reason = {v: r for v, (_, r) in _plan.items()}
""", 3.0),
    "blind-other-style-q8": ("q8_answer", """
gdpr_answers = dict(zip(["g1", "g2", "g3", "g4", "g5", "g6"], "bbabcb"))
""", 3.0),
    "blind-typical-mistakes-q1": ("q1_answer", """
def selection_rates(frame, threshold):
    return (frame["churn_score"] > threshold).groupby(frame["age_band"]).mean()


def dp_difference(rates):
    return rates.max() - rates.min()


def dp_ratio(rates):
    return rates.min() / rates.max()


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = current_dp_ratio < min_ratio
print(current_rates.round(3).to_dict(), f"difference {current_dp_difference:.3f}, ratio {current_dp_ratio:.3f}")
""", 3 * 6 / 8),
    "blind-typical-mistakes-q2": ("q2_answer", """
def error_rates(frame, threshold):
    sel = frame["churn_score"] >= threshold
    churn = frame["churned_next_4w"]
    tpr = sel[churn].groupby(frame.loc[churn, "age_band"]).mean()
    fpr = (sel & ~churn).groupby(frame["age_band"]).mean()
    return pd.DataFrame({"tpr": tpr, "fpr": fpr})


current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = current_errors["tpr"].max() - current_errors["tpr"].min()
equalized_odds_difference = max(equal_opportunity_difference, current_errors["fpr"].max() - current_errors["fpr"].min())
under_served = current_errors["tpr"].idxmin()
current_errors.round(3)
""", 3 * 4 / 7),
    "blind-typical-mistakes-q3": ("q3_answer", """
from scipy.stats import chi2_contingency


def cramers_v(x, y):
    table = pd.crosstab(x, y)
    chi2 = chi2_contingency(table)[0]
    return math.sqrt(chi2 / (len(x) * (min(table.shape) - 1)))


proxy_strength = pd.Series({f: cramers_v(offers[f], offers[GROUP]) for f in FEATURES})
proxies = [f for f in FEATURES if proxy_strength[f] >= proxy_bar]
removal_claims = {"c1": True, "c2": False, "c3": True, "c4": True, "c5": False}
proxy_strength.round(3)
""", 3 * 5 / 7),
    "blind-typical-mistakes-q4": ("q4_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    selected = frame["churn_score"] >= frame["age_band"].map(thresholds)
    churn = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    return {"expected_value": value * (selected & churn).sum() - cost * (selected & ~churn).sum(),
            "dp_ratio": rates.min() / rates.max()}


current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
current_policy
""", 3 * 5 / 8),
    "blind-typical-mistakes-q5": ("q5_answer", """
def evaluate_policy(frame, thresholds, value, cost):
    selected = frame["churn_score"] >= frame["age_band"].map(thresholds)
    churn = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    return {"expected_value": value * (selected & churn).sum() - cost * (selected & ~churn).sum(),
            "dp_ratio": rates.min() / rates.max()}


current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
current_policy

single_candidates = [{b: t for b in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, triple)) for triple in itertools.product(THRESHOLDS, repeat=3)]


def choose_policy(frame, candidates, value, cost, min_ratio=None):
    best = None
    for c in candidates:
        r = evaluate_policy(frame, c, value, cost)
        if min_ratio is not None and r["dp_ratio"] < min_ratio:
            continue
        if best is None or r["expected_value"] > best["expected_value"]:
            best = {"thresholds": c, "expected_value": r["expected_value"], "dp_ratio": r["dp_ratio"]}
    return best


best_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
fair_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
best_overall = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(offers, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
parity_cost_eur = pinned_choice["expected_value"] - best_overall["expected_value"]
pd.DataFrame({"best_single": best_single, "fair_single": fair_single, "best_overall": best_overall,
              "pinned_choice": pinned_choice}).T
""", 3.0),
    "blind-typical-mistakes-q6": ("q6_answer", """
def selection_rates(frame, threshold):
    return (frame["churn_score"] > threshold).groupby(frame["age_band"]).mean()


def dp_difference(rates):
    return rates.max() - rates.min()


def dp_ratio(rates):
    return rates.min() / rates.max()


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = current_dp_ratio < min_ratio
print(current_rates.round(3).to_dict(), f"difference {current_dp_difference:.3f}, ratio {current_dp_ratio:.3f}")

def error_rates(frame, threshold):
    sel = frame["churn_score"] >= threshold
    churn = frame["churned_next_4w"]
    tpr = sel[churn].groupby(frame.loc[churn, "age_band"]).mean()
    fpr = (sel & ~churn).groupby(frame["age_band"]).mean()
    return pd.DataFrame({"tpr": tpr, "fpr": fpr})


current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = current_errors["tpr"].max() - current_errors["tpr"].min()
equalized_odds_difference = max(equal_opportunity_difference, current_errors["fpr"].max() - current_errors["fpr"].min())
under_served = current_errors["tpr"].idxmin()
current_errors.round(3)

model_card = {
    "model_details": "Churn model v2, gradient boosting, built by Larder's data team in 2026.",
    "intended_use": {"primary_uses": ["pick who gets a retention discount"],
                     "out_of_scope": ["pricing", "credit decisions", "refusing service"]},
    "factors": ["age_band"],
    "metrics": ["selection_rate", "tpr", "fpr", "threshold 0.5"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": "Module 02's subscriber history.",
    "quantitative_analyses": {"selection_rate": (current_rates * 100).round(1).to_dict(),
                              "tpr": (current_errors["tpr"] * 100).round(1).to_dict(),
                              "fpr": (current_errors["fpr"] * 100).round(1).to_dict()},
    "ethical_considerations": ["older subscribers get fewer offers"],
    "caveats_and_recommendations": ["legal advice before per-band thresholds"],
}
""", 2.5),
    "blind-typical-mistakes-q7": ("q7_answer", """
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "high_risk", "v5": "prohibited",
               "v6": "transparency", "v7": "minimal"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "annex3_employment", "v5": "art5_social_scoring", "v6": "art50_interacts_with_people",
                 "v7": "no_listed_use"}
""", 3 * 5 / 7),
    "blind-typical-mistakes-q8": ("q8_answer", """
gdpr_answers = {"g1": "b", "g2": "a", "g3": "a", "g4": "a", "g5": "c", "g6": "b"}
""", 3 * 5 / 7),
    "blind-early-slip-q1-share-of-all-selected": ("q1_answer", _EARLY_SLIP_Q1, 3 * 5 / 8),
    "blind-early-slip-q4-policy-reuses-own-q1": ("q4_answer", _EARLY_SLIP_Q1 + _EARLY_SLIP_Q4, 3.0),
    "blind-early-slip-q5-choice-after-own-q1-and-q4": ("q5_answer",
                                                        _EARLY_SLIP_Q1 + _EARLY_SLIP_Q4 + _EARLY_SLIP_Q5, 3.0),
    "blind-early-slip-q6-card-after-own-q1": ("q6_answer", _EARLY_SLIP_Q1 + _EARLY_SLIP_Q6, 3.0),
})

