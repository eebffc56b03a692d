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
_MONEY = "VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR"
_Q5_VALUE = """
current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
"""
_EVALUATE_COST_ON_FALSE_POSITIVES = """
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    selected = frame["churn_score"] >= frame[by].map(thresholds)
    churned = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    tpr = selected[churned].groupby(frame.loc[churned, "age_band"]).mean()
    return {"expected_value": value * (selected & churned).sum() - cost * (selected & ~churned).sum(),
            "dp_ratio": rates.min() / rates.max(), "tpr_gap": tpr.max() - tpr.min()}
"""
_SELECTION_ABOVE = """
def selection_rates(frame, threshold):
    return (frame["churn_score"] > threshold).groupby(frame["age_band"]).mean()
"""
_CHOOSE = """
def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    best = None
    for thresholds in candidates:
        outcome = evaluate_policy(frame, thresholds, value, cost, by=by)
        if min_ratio is not None and outcome["dp_ratio"] < min_ratio:
            continue
        if best is None or outcome["expected_value"] > best["expected_value"]:
            best = {"thresholds": thresholds, **outcome}
    return best
"""
_Q6_VALUES = """
single_candidates = [{b: t for b in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, t)) for t in itertools.product(THRESHOLDS, repeat=3)]
channel_candidates = [{"app": a, "web": w, "phone": w} for a in THRESHOLDS for w in THRESHOLDS]
best_single = choose_policy(choice, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_overall = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
channel_choice = choose_policy(choice, channel_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by="order_channel")
"""
_CARD = """
model_card = {
    "model_details": "Larder churn score v1.3, gradient boosting, ML team, November 2026.",
    "intended_use": {"primary_uses": ["choose who gets the retention discount"],
                     "out_of_scope": ["pricing or delivery fees per person", "credit or fraud decisions"]},
    "factors": {"protected": "age_band", "features checked as proxies": ["order_channel", "delivery_slot"]},
    "metrics": ["selection_rate", "tpr", "fpr", "all at the decision threshold current_threshold = 0.3"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": {"source": "twelve months of subscribers", "age": "not collected"},
    "quantitative_analyses": {"selection_rate": current_rates.round(2).to_dict(),
                              "tpr": current_errors["tpr"].round(2).to_dict(),
                              "fpr": current_errors["fpr"].round(2).to_dict()},
    "ethical_considerations": ["55+ customers are under-served: their channels are scored too low."],
    "caveats_and_recommendations": ["Monitor parity monthly."],
}
"""
_DIAGNOSIS_EVIDENCE = """
_selected = offers["churn_score"] >= current_threshold
within_channel = _selected.groupby([offers["order_channel"], offers["age_band"]]).mean().unstack()
calibration = offers.groupby("order_channel").agg(mean_score=("churn_score", "mean"),
                                                  churn_rate=("churned_next_4w", "mean"))
"""
_HEADLINE = """
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    values = [statistic(frame.sample(len(frame), replace=True, random_state=rng)) for _ in range(n_boot)]
    return tuple(np.quantile(values, [0.025, 0.975]))
def _cost(f):
    return (evaluate_policy(f, best_overall["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)["expected_value"]
            - evaluate_policy(f, pinned_choice["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)["expected_value"])
choice_cost, confirm_cost = _cost(choice), _cost(confirm)
headline_interval = bootstrap_interval(confirm, _cost, n_boot=300)
"""
_FINALISTS = """
finalists = {"today": ({b: current_threshold for b in GROUPS}, "age_band"),
             "best_single": (best_single["thresholds"], "age_band"),
             "pinned_choice": (pinned_choice["thresholds"], "age_band"),
             "channel_choice": (channel_choice["thresholds"], "order_channel")}
confirmation = pd.DataFrame({n: evaluate_policy(confirm, t, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=b)
                             for n, (t, b) in finalists.items()}).T
"""
_AI_ACT = """
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "transparency", "v7": "minimal", "v8": "high_risk"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "no_listed_use", "v8": "annex3_life_health_insurance"}
ai_act_dates = {"prohibitions_and_ai_literacy": "2025-02-02", "general_purpose_ai_and_penalties": "2025-08-02",
                "annex3_high_risk_and_art50": "2026-08-02", "annex1_products": "2027-08-02"}
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
    # ---- question 4: the diagnosis ----
    "diagnosis-older-customers-need-it-less": ("q4_answer", _DIAGNOSIS_EVIDENCE + """
diagnosis = {"cause": "need", "evidence": ["current_rates"], "reverse_if": "churn_differs"}
""", "hidden"),
    "diagnosis-need-with-a-reversal-that-confirms-it": ("q4_answer", _DIAGNOSIS_EVIDENCE + """
diagnosis = {"cause": "need", "evidence": ["within_channel", "calibration"], "reverse_if": "churn_differs"}
""", "hidden"),
    "diagnosis-right-but-evidence-not-deciding": ("q4_answer", _DIAGNOSIS_EVIDENCE + """
diagnosis = {"cause": "channel_calibration", "evidence": ["proxy_strength", "current_rates"],
             "reverse_if": "bigger_sample"}
""", "hidden"),
    "within-channel-rates-as-counts": ("q4_answer", _DIAGNOSIS_EVIDENCE + """
within_channel = pd.crosstab(offers["order_channel"], offers["age_band"], values=_selected, aggfunc="sum")
diagnosis = {"cause": "channel_calibration", "evidence": ["within_channel"], "reverse_if": "scores_match_churn"}
""", "hidden"),
    "diagnosis-as-free-text": ("q4_answer", _DIAGNOSIS_EVIDENCE + """
diagnosis = {"cause": "the score is too low for web and phone", "evidence": "calibration",
             "reverse_if": "age_gap_within_channel"}
""", "visible"),
    # ---- question 5: a policy in euros and parity ----
    "discount-cost-only-on-false-positives": ("q5_answer", _EVALUATE_COST_ON_FALSE_POSITIVES + _Q5_VALUE, "visible"),
    "thresholds-always-by-age-band": ("q5_answer", """
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    selected = frame["churn_score"] >= frame["age_band"].map(thresholds)
    churned = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    tpr = selected[churned].groupby(frame.loc[churned, "age_band"]).mean()
    return {"expected_value": value * (selected & churned).sum() - cost * selected.sum(),
            "dp_ratio": rates.min() / rates.max(), "tpr_gap": tpr.max() - tpr.min()}
""" + _Q5_VALUE, "hidden"),
    "value-and-cost-typed-in": ("q5_answer", """
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    selected = frame["churn_score"] >= frame[by].map(thresholds)
    churned = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    tpr = selected[churned].groupby(frame.loc[churned, "age_band"]).mean()
    return {"expected_value": 40 * (selected & churned).sum() - 8 * selected.sum(),
            "dp_ratio": rates.min() / rates.max(), "tpr_gap": tpr.max() - tpr.min()}
""" + _Q5_VALUE, "hidden"),
    # ---- question 6: choosing on the choice month ----
    "parity-constraint-ignored": ("q6_answer", """
def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    outcomes = [{"thresholds": t, **evaluate_policy(frame, t, value, cost, by=by)} for t in candidates]
    return max(outcomes, key=lambda o: o["expected_value"])
pinned_choice = best_overall
""", "visible"),
    "by-not-passed-on": ("q6_answer", """
def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    best = None
    for thresholds in candidates:
        outcome = evaluate_policy(frame, thresholds, value, cost)
        if min_ratio is not None and outcome["dp_ratio"] < min_ratio:
            continue
        if best is None or outcome["expected_value"] > best["expected_value"]:
            best = {"thresholds": thresholds, **outcome}
    return best
""", "hidden"),
    "chosen-on-both-months": ("q6_answer", """
best_single = choose_policy(offers, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
""", "hidden"),
    # ---- question 7: is the headline robust? ----
    "headline-the-in-sample-cost": ("q7_answer", _HEADLINE + """
headline_call = {"decision": "headline", "evidence": ["choice_cost"], "reverse_if": "interval_spans_zero"}
""", "hidden"),
    "interval-bootstrapped-on-the-choice-month": ("q7_answer", _HEADLINE.replace(
        "bootstrap_interval(confirm,", "bootstrap_interval(choice,") + """
headline_call = {"decision": "no_headline", "evidence": ["confirm_cost"], "reverse_if": "interval_one_side"}
""", "hidden"),
    "bootstrap-without-replacement": ("q7_answer", """
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    values = [statistic(frame.sample(frac=1, random_state=rng)) for _ in range(n_boot)]
    return tuple(np.percentile(values, [2.5, 97.5]))
""", "hidden"),
    "headline-interval-not-a-pair": ("q7_answer", """
headline_interval = headline_interval[0]
""", "visible"),
    # ---- question 8: the recommendation ----
    "per-band-recommended-against-the-in-sample-best": ("q8_answer", _FINALISTS + """
recommendation = {"policy": "pinned_choice", "harm": "dp_ratio", "comparator": "best_overall",
                  "evidence": ["choice_value", "confirm_dp_ratio"], "reverse_if": "more_choice_value"}
""", "hidden"),
    "confirmation-scored-on-the-choice-month": ("q8_answer", """
finalists = {"today": ({b: current_threshold for b in GROUPS}, "age_band"),
             "best_single": (best_single["thresholds"], "age_band"),
             "pinned_choice": (pinned_choice["thresholds"], "age_band"),
             "channel_choice": (channel_choice["thresholds"], "order_channel")}
confirmation = pd.DataFrame({n: evaluate_policy(choice, t, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=b)
                             for n, (t, b) in finalists.items()}).T
""", "hidden"),
    "recommendation-without-a-harm": ("q8_answer", _FINALISTS + """
recommendation = {"policy": "channel_choice", "comparator": "today", "evidence": ["confirm_value"],
                  "reverse_if": "harm_in_monitoring"}
""", "visible"),
    # ---- question 9: the model card ----
    "card-with-six-sections": ("q9_answer", _CARD + """
for _section in ("factors", "metrics", "training_data"):
    del model_card[_section]
""", "visible"),
    "card-figures-at-another-threshold": ("q9_answer", _CARD + """
model_card["quantitative_analyses"] = {"selection_rate": selection_rates(offers, 0.2).to_dict(),
                                       "tpr": error_rates(offers, 0.2)["tpr"].to_dict(),
                                       "fpr": error_rates(offers, 0.2)["fpr"].to_dict()}
""", "hidden"),
    "card-factors-without-the-protected-attribute": ("q9_answer", _CARD + """
model_card["factors"] = ["order_channel", "delivery_slot", "plan", "city"]
""", "hidden"),
    "card-metrics-name-no-threshold-value": ("q9_answer", _CARD + """
model_card["metrics"] = ["selection_rate", "tpr", "fpr", "at the decision threshold"]
""", "hidden"),
    # ---- question 10: the AI Act ----
    "churn-discount-called-high-risk": ("q10_answer", _AI_ACT + """
ai_act_tier["v1"], ai_act_reason["v1"] = "high_risk", "annex3_creditworthiness"
""", "hidden"),
    "tier-from-the-old-drafts": ("q10_answer", _AI_ACT + """
ai_act_tier["v6"] = "limited"
""", "visible"),
    "any-pricing-called-annex-iii": ("q10_answer", _AI_ACT + """
ai_act_tier["v7"], ai_act_reason["v7"] = "high_risk", "annex3_life_health_insurance"
""", "hidden"),
    "entry-into-force-taken-for-application": ("q10_answer", _AI_ACT + """
ai_act_dates["annex3_high_risk_and_art50"] = "2024-08-01"
""", "hidden"),
    # ---- question 11: the GDPR and Dutch law ----
    "art22-for-every-discount": ("q11_answer", """
gdpr_answers = {"g1": "c", "g2": "b", "g3": "c", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "a"}
""", "hidden"),
    "letter-the-situation-does-not-offer": ("q11_answer", """
gdpr_answers = {"g1": "c", "g2": "a", "g3": "c", "g4": "b", "g5": "b", "g6": "d", "g7": "b", "g8": "a"}
""", "visible"),
    "dpia-only-for-art35-3-examples": ("q11_answer", """
gdpr_answers = {"g1": "c", "g2": "a", "g3": "a", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "a"}
""", "hidden"),
    "age-called-protected-in-dutch-goods-and-services-law": ("q11_answer", """
gdpr_answers = {"g1": "c", "g2": "a", "g3": "c", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "b"}
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
    "evaluate-policy-with-numpy": ("q5_answer", """
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    cut = np.array([thresholds[k] for k in frame[by]])
    selected = frame["churn_score"].to_numpy() >= cut
    churned = frame["churned_next_4w"].to_numpy()
    bands = frame["age_band"].to_numpy()
    rates = [selected[bands == b].mean() for b in GROUPS]
    tprs = [selected[(bands == b) & churned].mean() for b in GROUPS]
    return {"expected_value": float(value * np.sum(selected & churned) - cost * selected.sum()),
            "dp_ratio": min(rates) / max(rates), "tpr_gap": max(tprs) - min(tprs)}
current_policy = evaluate_policy(offers, dict.fromkeys(GROUPS, current_threshold), VALUE_PER_SAVED_EUR,
                                 DISCOUNT_COST_EUR)
""", 3.0),
    "choose-with-tuples-and-a-sorted-table": ("q6_answer", """
single_candidates = tuple(dict.fromkeys(GROUPS, t) for t in THRESHOLDS)
per_group_candidates = tuple({"18-34": a, "35-54": b, "55+": c} for a in THRESHOLDS for b in THRESHOLDS
                             for c in THRESHOLDS)
channel_candidates = tuple({"app": a, "web": w, "phone": w} for a in THRESHOLDS for w in THRESHOLDS)
def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    rows = pd.DataFrame([{"thresholds": t, **evaluate_policy(frame, t, value, cost, by=by)} for t in candidates])
    if min_ratio is not None:
        rows = rows[rows["dp_ratio"] >= min_ratio]
    if rows.empty:
        return None
    return rows.sort_values("expected_value", ascending=False).iloc[0].to_dict()
best_single = choose_policy(choice, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_overall = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
channel_choice = choose_policy(choice, channel_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by="order_channel")
""", 3.0),
    "diagnosis-with-crosstab-and-another-reversal": ("q4_answer", """
within_channel = pd.crosstab(offers["order_channel"], offers["age_band"],
                             values=offers["churn_score"] >= current_threshold, aggfunc="mean")
calibration = pd.DataFrame({"mean_score": offers.groupby("order_channel")["churn_score"].mean(),
                            "churn_rate": offers.groupby("order_channel")["churned_next_4w"].mean()})
diagnosis = dict(cause="channel_calibration", evidence=("calibration", "churn_by_age"), reverse_if="scores_match_churn")
""", 4.0),
    "headline-with-pandas-resampling": ("q7_answer", _HEADLINE + """
headline_call = {"decision": "no_headline", "evidence": ["headline_interval"], "reverse_if": "interval_one_side"}
""", 5.0),
    "recommendation-held-to-parity-against-the-best-single": ("q8_answer", _FINALISTS + """
recommendation = {"policy": "channel_choice", "harm": "dp_ratio", "comparator": "best_single",
                  "evidence": ["confirm_dp_ratio", "confirm_value"], "reverse_if": "retrained_and_calibrated"}
""", 6.0),
    "card-with-rounded-figures-and-a-factors-dict": ("q9_answer", _CARD, 3.0),
    "ai-act-in-a-table": ("q10_answer", """
_plan = {"v1": ("minimal", "no_listed_use"), "v2": ("high_risk", "annex3_creditworthiness"),
         "v3": ("high_risk", "annex3_employment"), "v4": ("prohibited", "art5_emotion_recognition_at_work"),
         "v5": ("prohibited", "art5_social_scoring"), "v6": ("transparency", "art50_interacts_with_people"),
         "v7": ("minimal", "no_listed_use"), "v8": ("high_risk", "annex3_life_health_insurance")}
ai_act_tier = {v: t for v, (t, _) in _plan.items()}
ai_act_reason = {v: r for v, (_, r) in _plan.items()}
ai_act_dates = dict(zip(MILESTONES, ("2025-02-02", "2025-08-02", "2026-08-02", "2027-08-02")))
""", 3.0),
    "gdpr-as-a-string": ("q11_answer", """
gdpr_answers = dict(zip(GDPR_VIGNETTES, "cacbbcba"))
""", 3.0),
    # ---- error carried forward: an earlier answer is wrong, this one is right: full points ----
    "error-rates-right-after-selection-above-threshold": ("q2_answer", _SELECTION_ABOVE + """
current_rates = selection_rates(offers, current_threshold)
""", 3.0),
    "choice-right-after-cost-only-on-false-positives": ("q6_answer", _EVALUATE_COST_ON_FALSE_POSITIVES + _Q5_VALUE
                                                        + _CHOOSE + _Q6_VALUES, 3.0),
    "card-right-after-selection-above-threshold": ("q9_answer", _SELECTION_ABOVE + _Q1_VALUES + _CARD, 3.0),
}

# The learner-facing message each mistake is named for (a substring of it).
MESSAGES = {
    "selected-only-above-the-threshold": "at or above the threshold (`>=`)",
    "ratio-largest-over-smallest": "smallest rate divided by the largest",
    "rates-at-a-fixed-threshold": "Use the `threshold` argument",
    "tpr-and-fpr-swapped": "TPR: among churners, the share selected",
    "fpr-over-everyone": "TPR: among churners, the share selected",
    "equalized-odds-as-the-mean-of-both": "larger of the TPR difference and the FPR difference",
    "cramers-v-bias-corrected": "No bias correction",
    "dropping-age-believed-to-fix-it": "Ask what the model uses today",
    "proxies-by-a-stricter-bar": "A proxy has a V at or above `proxy_bar`",
    "diagnosis-older-customers-need-it-less": "Within one channel, do the age bands differ?",
    "diagnosis-need-with-a-reversal-that-confirms-it": "contradict your cause, not one that repeats it",
    "diagnosis-right-but-evidence-not-deciding": "Name a figure that would look different",
    "within-channel-rates-as-counts": "each cell the share selected",
    "diagnosis-as-free-text": "should be one of the options on its menu",
    "discount-cost-only-on-false-positives": "minus the cost of every discount sent",
    "thresholds-always-by-age-band": "from the column named by `by`",
    "value-and-cost-typed-in": "the `value` and `cost` arguments",
    "parity-constraint-ignored": "Skip candidates whose DP ratio is below `min_ratio`",
    "by-not-passed-on": "Pass `by` on to `evaluate_policy`",
    "chosen-on-both-months": "Choose on `choice`",
    "headline-the-in-sample-cost": "tell 'costs something' apart from 'costs nothing'",
    "interval-bootstrapped-on-the-choice-month": "closer to the interval on `choice` than on `confirm`",
    "bootstrap-without-replacement": "resample all rows with replacement",
    "headline-interval-not-a-pair": "should be a pair (low, high)",
    "per-band-recommended-against-the-in-sample-best": "apply it to every subscriber",
    "confirmation-scored-on-the-choice-month": "Score each finalist on `confirm`",
    "recommendation-without-a-harm": "has no entry for 'harm'",
    "card-with-six-sections": "has no entry for",
    "card-figures-at-another-threshold": "the figure you computed in questions 1 and 2",
    "card-factors-without-the-protected-attribute": "protected attribute",
    "card-metrics-name-no-threshold-value": "the decision threshold's value",
    "churn-discount-called-high-risk": "Check the banned practices first",
    "tier-from-the-old-drafts": "ai_act_tier",
    "any-pricing-called-annex-iii": "Check the banned practices first",
    "entry-into-force-taken-for-application": "entered into force before any of them applied",
    "art22-for-every-discount": "states both the rule and the facts that trigger it",
    "letter-the-situation-does-not-offer": "gdpr_answers",
    "dpia-only-for-art35-3-examples": "states both the rule and the facts that trigger it",
    "age-called-protected-in-dutch-goods-and-services-law": "states both the rule and the facts that trigger it",
}
