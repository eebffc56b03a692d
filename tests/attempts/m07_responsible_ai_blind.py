"""Blind attempts at module 07: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.
"""

ASSIGNMENT = "07-responsible-ai"

_Q1 = '''
def selection_rates(frame, threshold):
    return (frame["churn_score"] >= threshold).groupby(frame["age_band"]).mean()


def dp_difference(rates):
    return float(rates.max() - rates.min())


def dp_ratio(rates):
    return float(rates.min() / rates.max())


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = bool(current_dp_ratio < min_ratio)
print(current_rates.round(3).to_dict(), f"difference {current_dp_difference:.3f}, ratio {current_dp_ratio:.3f}")
'''

_Q2 = '''
def error_rates(frame, threshold):
    selected = frame["churn_score"] >= threshold
    churned = frame["churned_next_4w"].astype(bool)
    tpr = selected[churned].groupby(frame.loc[churned, "age_band"]).mean()
    fpr = selected[~churned].groupby(frame.loc[~churned, "age_band"]).mean()
    return pd.DataFrame({"tpr": tpr, "fpr": fpr})


current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = float(current_errors["tpr"].max() - current_errors["tpr"].min())
equalized_odds_difference = float(max(equal_opportunity_difference,
                                      current_errors["fpr"].max() - current_errors["fpr"].min()))
under_served = str(current_errors["tpr"].idxmin())
current_errors.round(3)
'''

_Q3 = '''
def cramers_v(x, y):
    table = pd.crosstab(x, y).to_numpy(dtype=float)
    n = table.sum()
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / n
    chi_square = ((table - expected) ** 2 / expected).sum()
    return float(math.sqrt(chi_square / (n * (min(table.shape) - 1))))


proxy_strength = pd.Series({f: cramers_v(offers[f], offers[GROUP]) for f in FEATURES})
proxies = [f for f in FEATURES if proxy_strength[f] >= proxy_bar]
removal_claims = {"c1": False, "c2": False, "c3": True, "c4": True, "c5": False}
proxy_strength.round(3)
'''

_Q4 = '''
_selected = offers["churn_score"] >= current_threshold
within_channel = _selected.groupby([offers["order_channel"], offers["age_band"]]).mean().unstack()
calibration = pd.DataFrame({
    "mean_score": offers.groupby("order_channel")["churn_score"].mean(),
    "churn_rate": offers.groupby("order_channel")["churned_next_4w"].mean(),
})
print(offers.groupby("age_band")["churned_next_4w"].mean().round(3))
diagnosis = {"cause": "channel_calibration", "evidence": ["within_channel", "calibration", "churn_by_age"],
             "reverse_if": "scores_match_churn"}
print(within_channel.round(3), calibration.round(3), sep="\\n\\n")
'''

_Q5 = '''
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    selected = frame["churn_score"] >= frame[by].map(thresholds)
    churned = frame["churned_next_4w"].astype(bool)
    rates = selected.groupby(frame["age_band"]).mean()
    tpr = selected[churned].groupby(frame.loc[churned, "age_band"]).mean()
    return {"expected_value": float(value * (selected & churned).sum() - cost * selected.sum()),
            "dp_ratio": float(rates.min() / rates.max()),
            "tpr_gap": float(tpr.max() - tpr.min())}


current_policy = evaluate_policy(offers, {band: current_threshold for band in GROUPS},
                                 VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
current_policy
'''

_Q6 = '''
single_candidates = [{band: t for band in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, triple)) for triple in itertools.product(THRESHOLDS, repeat=3)]
channel_candidates = [{"app": a, "web": w, "phone": w} for a in THRESHOLDS for w in THRESHOLDS]


def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    best = None
    for thresholds in candidates:
        result = evaluate_policy(frame, thresholds, value, cost, by=by)
        if min_ratio is not None and result["dp_ratio"] < min_ratio:
            continue
        if best is None or result["expected_value"] > best["expected_value"]:
            best = {"thresholds": dict(thresholds), **result}
    return best


_args = (VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_single = choose_policy(choice, single_candidates, *_args)
best_overall = choose_policy(choice, per_group_candidates, *_args)
pinned_choice = choose_policy(choice, per_group_candidates, *_args, min_ratio=min_ratio)
channel_choice = choose_policy(choice, channel_candidates, *_args, by="order_channel")
pd.DataFrame({"best_single": best_single, "best_overall": best_overall, "pinned_choice": pinned_choice,
              "channel_choice": channel_choice}).T
'''

_Q7 = '''
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    values = [statistic(frame.iloc[rng.integers(0, len(frame), len(frame))]) for _ in range(n_boot)]
    low, high = np.percentile(values, [2.5, 97.5])
    return (float(low), float(high))


def _parity_cost(frame):
    args = (VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
    return (evaluate_policy(frame, best_overall["thresholds"], *args)["expected_value"]
            - evaluate_policy(frame, pinned_choice["thresholds"], *args)["expected_value"])


choice_cost = _parity_cost(choice)
confirm_cost = _parity_cost(confirm)
headline_interval = bootstrap_interval(confirm, _parity_cost, n_boot=500, seed=0)
headline_call = {"decision": "no_headline", "evidence": ["confirm_cost", "headline_interval", "candidates_searched"],
                 "reverse_if": "interval_one_side"}
print(f"cost of parity by band: {choice_cost:.0f} on the choice month, {confirm_cost:.0f} on the confirmation "
      f"month, 95 % interval {headline_interval[0]:.0f} to {headline_interval[1]:.0f}")
'''

_Q8 = '''
finalists = {
    "today": ({band: current_threshold for band in GROUPS}, "age_band"),
    "best_single": (best_single["thresholds"], "age_band"),
    "pinned_choice": (pinned_choice["thresholds"], "age_band"),
    "channel_choice": (channel_choice["thresholds"], "order_channel"),
}
confirmation = pd.DataFrame({name: evaluate_policy(confirm, thresholds, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=by)
                             for name, (thresholds, by) in finalists.items()}).T
recommendation = {"policy": "channel_choice", "harm": "tpr_gap", "comparator": "best_single",
                  "evidence": ["confirm_value", "confirm_tpr_gap", "age_coverage"],
                  "reverse_if": "harm_in_monitoring"}
confirmation.round(3)
'''

_Q9 = '''
model_card = {
    "model_details": {"owner": "Larder ML team", "version": "churn-v3", "date": "2026-10",
                      "type": "gradient-boosted classifier of 4-week churn"},
    "intended_use": {"primary_uses": ["pick subscribers for a retention discount"],
                     "out_of_scope": ["pricing", "credit or payment decisions", "refusing any service"]},
    "factors": ["age_band", "order_channel"],
    "metrics": ["selection_rate", "tpr", "fpr", "decision threshold 0.3"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": int(len(offers))},
    "training_data": "Order, app and delivery history of subscribers before September 2026.",
    "quantitative_analyses": {"selection_rate": current_rates.round(3).to_dict(),
                              "tpr": current_errors["tpr"].round(3).to_dict(),
                              "fpr": current_errors["fpr"].round(3).to_dict()},
    "ethical_considerations": ["The score under-reads web and phone customers' risk, who are mostly aged 55+."],
    "caveats_and_recommendations": ["Age is known only for surveyed subscribers; monitor parity and TPR gaps "
                                    "monthly on that sample, with intervals."],
}
'''

_Q10 = '''
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "transparency", "v7": "minimal", "v8": "high_risk"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "no_listed_use", "v8": "annex3_life_health_insurance"}
ai_act_dates = {"prohibitions_and_ai_literacy": "2025-02-02", "general_purpose_ai_and_penalties": "2025-08-02",
                "annex3_high_risk_and_art50": "2026-08-02", "annex1_products": "2027-08-02"}
'''

_Q11 = '''
gdpr_answers = {"g1": "c", "g2": "a", "g3": "c", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "a"}
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9, "q10_answer": _Q10,
          "q11_answer": _Q11}

# --- typical mistakes: the ratio of largest over smallest, FPR over everyone, the headline from the
#     choice month, the per-band policy recommended, the discount as high risk, consent as the basis -------

def _edit(code, *pairs):
    """The code with each (old, new) pair replaced; every old text must occur."""
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return code


_MISTAKES = dict(_RIGHT)
_MISTAKES.update({
    "q1_answer": _edit(_Q1, ("return float(rates.min() / rates.max())", "return float(rates.max() / rates.min())")),
    "q2_answer": _edit(_Q2, ('fpr = selected[~churned].groupby(frame.loc[~churned, "age_band"]).mean()',
                             'fpr = selected.groupby(frame["age_band"]).mean()  # selected among everyone')),
    "q7_answer": _edit(_Q7, ('"decision": "no_headline"', '"decision": "headline"'),
                       ('["confirm_cost", "headline_interval", "candidates_searched"]', '["choice_cost"]'),
                       ('"reverse_if": "interval_one_side"', '"reverse_if": "finer_grid"')),
    "q8_answer": _edit(_Q8, ('"policy": "channel_choice"', '"policy": "pinned_choice"'),
                       ('"harm": "tpr_gap"', '"harm": "dp_ratio"'),
                       ('"comparator": "best_single"', '"comparator": "best_overall"')),
    "q10_answer": _edit(_Q10, ('"v1": "minimal"', '"v1": "high_risk"'),
                        ('"v1": "no_listed_use"', '"v1": "annex3_creditworthiness"'),
                        ('"v7": "minimal"', '"v7": "high_risk"'),
                        ('"v7": "no_listed_use"', '"v7": "annex3_creditworthiness"'),
                        ('"annex3_high_risk_and_art50": "2026-08-02"', '"annex3_high_risk_and_art50": "2024-08-01"')),
    "q11_answer": '''
gdpr_answers = {"g1": "c", "g2": "b", "g3": "c", "g4": "c", "g5": "b", "g6": "c", "g7": "b", "g8": "b"}
''',
})

# --- half done: questions 1 to 3 and the legal questions; 4 to 9 not started ----------------------------

_HALF = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q10_answer": _Q10, "q11_answer": _Q11}

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 4, "q5_test": 3, "q6_test": 3, "q7_test": 5,
         "q8_test": 6, "q9_test": 3, "q10_test": 3, "q11_test": 3}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_ratio_headline": {
        "answers": _MISTAKES,
        "fair": {**_FULL, "q1_test": 1.5, "q2_test": 2, "q7_test": 3, "q8_test": 3, "q10_test": 2,
                 "q11_test": 2.25},
        "why": {
            "q1_test": "rates and difference right, but the DP ratio is largest over smallest (above 1), the "
                       "inverse of the pinned ratio, so the four-fifths screen never flags adverse impact",
            "q2_test": "TPR right, but the FPR is the selection rate among everyone, not among non-churners",
            "q7_test": "bootstrap and costs right, but the call headlines the cost from the choice month alone, "
                       "which the confirmation month and its interval do not support",
            "q8_test": "finalists and the confirmation table right, but it recommends the per-age-band policy, "
                       "which Larder cannot apply to the two thirds whose age it does not know, priced against a "
                       "policy that cannot be run either",
            "q10_test": "6 of 8 tiers right but the churn discount and the delivery fee are called credit "
                        "scoring (high risk), and the high-risk date is the entry into force",
            "q11_test": "5 of 8 right: Art. 22 for a discount e-mail, consent as the only basis for profiling "
                        "and age in the AWGB are wrong",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 3, "q3_test": 3, "q10_test": 3, "q11_test": 3},
        "why": {},
    },
}
