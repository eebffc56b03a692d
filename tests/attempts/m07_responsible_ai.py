"""Module 07 (responsible AI): three learner attempts and the points a fair teacher gives them.

Written from the student notebook and the lesson alone; the fair points were set from the prompts
before grading.
"""

ASSIGNMENT = "07-responsible-ai"

# ---------------------------------------------------------------------------------------------
# A: everything right, in other styles than the solution.
# ---------------------------------------------------------------------------------------------
_OTHER_STYLE = {
    "q1_answer": '''\
def selection_rates(frame, threshold):
    counts = frame.assign(sel=frame.churn_score.ge(threshold)).pivot_table(index="age_band", values="sel",
                                                                             aggfunc="mean")
    return counts["sel"]


def dp_difference(rates):
    return float(np.ptp(rates.to_numpy()))


def dp_ratio(rates):
    return float(rates.min()) / float(rates.max())


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = bool(current_dp_ratio < min_ratio)
''',
    "q2_answer": '''\
def error_rates(frame, threshold):
    out = {}
    for band, rows in frame.groupby("age_band"):
        picked = rows.churn_score >= threshold
        out[band] = {"tpr": picked[rows.churned_next_4w].mean(), "fpr": picked[~rows.churned_next_4w].mean()}
    return pd.DataFrame(out).T


current_errors = error_rates(offers, current_threshold)
equal_opportunity_difference = current_errors.tpr.max() - current_errors.tpr.min()
equalized_odds_difference = (current_errors.max() - current_errors.min()).max()
under_served = current_errors.tpr.idxmin()
''',
    "q3_answer": '''\
def cramers_v(x, y):
    observed = pd.crosstab(x, y).values.astype(float)
    n = observed.sum()
    expected = observed.sum(1)[:, None] * observed.sum(0)[None, :] / n
    chi2 = ((observed - expected) ** 2 / expected).sum()
    return (chi2 / (n * (min(observed.shape) - 1))) ** 0.5


proxy_strength = pd.Series([cramers_v(offers[c], offers.age_band) for c in FEATURES], index=FEATURES)
proxies = proxy_strength[proxy_strength >= proxy_bar].index.tolist()
removal_claims = {"c1": False, "c2": False, "c3": True, "c4": True, "c5": False}
''',
    "q4_answer": '''\
offers_now = offers.assign(sel=offers.churn_score >= current_threshold)
within_channel = offers_now.pivot_table(index="order_channel", columns="age_band", values="sel", aggfunc="mean")
calibration = offers.groupby("order_channel")[["churn_score", "churned_next_4w"]].mean()
calibration.columns = ["mean_score", "churn_rate"]
diagnosis = {"cause": "channel_calibration", "evidence": ["calibration", "within_channel"],
             "reverse_if": "scores_match_churn"}
''',
    "q5_answer": '''\
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    f = frame.assign(sel=frame.churn_score >= frame[by].map(thresholds).astype(float))
    saved = int((f.sel & f.churned_next_4w).sum())
    by_band = f.groupby("age_band").sel.mean()
    tpr = f[f.churned_next_4w].groupby("age_band").sel.mean()
    return {"expected_value": value * saved - cost * int(f.sel.sum()),
            "dp_ratio": by_band.min() / by_band.max(), "tpr_gap": tpr.max() - tpr.min()}


current_policy = evaluate_policy(offers, {"18-34": current_threshold, "35-54": current_threshold,
                                          "55+": current_threshold}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
''',
    "q6_answer": '''\
single_candidates = tuple({g: t for g in GROUPS} for t in THRESHOLDS)
per_group_candidates = tuple(dict(zip(GROUPS, c)) for c in itertools.product(THRESHOLDS, THRESHOLDS, THRESHOLDS))
channel_candidates = [dict(app=a, web=b, phone=b) for a, b in itertools.product(THRESHOLDS, THRESHOLDS)]


def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    results = [dict(thresholds=c, **evaluate_policy(frame, c, value, cost, by)) for c in candidates]
    ok = [r for r in results if min_ratio is None or r["dp_ratio"] >= min_ratio]
    return max(ok, key=lambda r: r["expected_value"], default=None)


best_single = choose_policy(choice, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_overall = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio=min_ratio)
channel_choice = choose_policy(choice, channel_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by="order_channel")
''',
    "q7_answer": '''\
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    stats = np.array([statistic(frame.sample(n=len(frame), replace=True, random_state=rng)) for _ in range(n_boot)])
    return (float(np.quantile(stats, 0.025)), float(np.quantile(stats, 0.975)))


def cost_of_parity(f):
    a = evaluate_policy(f, best_overall["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
    b = evaluate_policy(f, pinned_choice["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
    return a["expected_value"] - b["expected_value"]


choice_cost = cost_of_parity(choice)
confirm_cost = cost_of_parity(confirm)
headline_interval = bootstrap_interval(confirm, cost_of_parity, n_boot=500, seed=1)
headline_call = {"decision": "no_headline", "evidence": ["headline_interval", "confirm_cost", "choice_cost"],
                 "reverse_if": "interval_one_side"}
''',
    "q8_answer": '''\
finalists = {"today": (dict.fromkeys(GROUPS, current_threshold), "age_band"),
             "best_single": (best_single["thresholds"], "age_band"),
             "pinned_choice": (pinned_choice["thresholds"], "age_band"),
             "channel_choice": (channel_choice["thresholds"], "order_channel")}
rows = []
for name, (t, by) in finalists.items():
    rows.append(pd.Series(evaluate_policy(confirm, t, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=by), name=name))
confirmation = pd.DataFrame(rows)
recommendation = {"policy": "channel_choice", "harm": "dp_ratio", "comparator": "best_single",
                  "evidence": ["confirm_value", "confirm_dp_ratio", "age_coverage"],
                  "reverse_if": "counsel_objects"}
''',
    "q9_answer": '''\
model_card = {
    "model_details": "Churn score v1.3 (gradient boosting), Larder ML team, 2026.",
    "intended_use": {"primary_uses": ["choose who gets a retention discount"],
                     "out_of_scope": ["prices", "credit", "refusing service"]},
    "factors": ["age_band", "order_channel"],
    "metrics": ["selection_rate", "tpr", "fpr", f"decision threshold {current_threshold}"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": int(offers.shape[0])},
    "training_data": "A year of subscriber history.",
    "quantitative_analyses": {"selection_rate": current_rates.round(2).to_dict(),
                              "tpr": current_errors["tpr"].round(2).to_dict(),
                              "fpr": current_errors["fpr"].round(2).to_dict()},
    "ethical_considerations": ["Web and phone customers, often 55+, are scored too low."],
    "caveats_and_recommendations": ["Recalibrate by channel; monitor monthly on the survey sample."],
}
''',
    "q10_answer": '''\
ai_act_tier, ai_act_reason = {}, {}
for v, tier, reason in [("v1", "minimal", "no_listed_use"), ("v2", "high_risk", "annex3_creditworthiness"),
                        ("v3", "high_risk", "annex3_employment"),
                        ("v4", "prohibited", "art5_emotion_recognition_at_work"),
                        ("v5", "prohibited", "art5_social_scoring"),
                        ("v6", "transparency", "art50_interacts_with_people"),
                        ("v7", "minimal", "no_listed_use"), ("v8", "high_risk", "annex3_life_health_insurance")]:
    ai_act_tier[v], ai_act_reason[v] = tier, reason
ai_act_dates = {"prohibitions_and_ai_literacy": DATES[1], "general_purpose_ai_and_penalties": DATES[2],
                "annex3_high_risk_and_art50": DATES[4], "annex1_products": DATES[5]}
''',
    "q11_answer": '''\
gdpr_answers = {"g1": "c", "g2": "a", "g3": "c", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "a"}
''',
}

# ---------------------------------------------------------------------------------------------
# B: the typical mistakes of a data scientist new to product and fairness work.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    # strictly above the threshold
    "q1_answer": '''\
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
''',
    # FPR over everyone in the band, not over the non-churners
    "q2_answer": '''\
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
''',
    # right V; believes dropping age closes the gap
    "q3_answer": '''\
from scipy.stats import chi2_contingency


def cramers_v(x, y):
    table = pd.crosstab(x, y)
    chi2 = chi2_contingency(table, correction=False)[0]
    return math.sqrt(chi2 / (table.to_numpy().sum() * (min(table.shape) - 1)))


proxy_strength = pd.Series({f: cramers_v(offers[f], offers["age_band"]) for f in FEATURES})
proxies = [f for f in FEATURES if proxy_strength[f] >= proxy_bar]
removal_claims = {"c1": True, "c2": False, "c3": True, "c4": True, "c5": False}
''',
    # tables right and the right cause, but evidence that does not decide it and a reversal that is no reversal
    "q4_answer": '''\
sel = offers["churn_score"] >= current_threshold
within_channel = sel.groupby([offers["order_channel"], offers["age_band"]]).mean().unstack()
calibration = offers.groupby("order_channel").agg(mean_score=("churn_score", "mean"),
                                                  churn_rate=("churned_next_4w", "mean"))
diagnosis = {"cause": "channel_calibration", "evidence": ["proxy_strength", "current_rates"],
             "reverse_if": "bigger_sample"}
''',
    # the discount charged only on subscribers who would have stayed
    "q5_answer": '''\
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    selected = frame["churn_score"] >= frame[by].map(thresholds)
    churn = frame["churned_next_4w"]
    rates = selected.groupby(frame["age_band"]).mean()
    tpr = selected[churn].groupby(frame.loc[churn, "age_band"]).mean()
    return {"expected_value": value * (selected & churn).sum() - cost * (selected & ~churn).sum(),
            "dp_ratio": rates.min() / rates.max(), "tpr_gap": tpr.max() - tpr.min()}


current_policy = evaluate_policy(offers, {b: current_threshold for b in GROUPS}, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
''',
    # right, on its own evaluate_policy
    "q6_answer": '''\
single_candidates = [{b: t for b in GROUPS} for t in THRESHOLDS]
per_group_candidates = [dict(zip(GROUPS, t)) for t in itertools.product(THRESHOLDS, repeat=3)]
channel_candidates = [{"app": a, "web": w, "phone": w} for a in THRESHOLDS for w in THRESHOLDS]


def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    best = None
    for c in candidates:
        r = evaluate_policy(frame, c, value, cost, by=by)
        if min_ratio is not None and r["dp_ratio"] < min_ratio:
            continue
        if best is None or r["expected_value"] > best["expected_value"]:
            best = {"thresholds": c, **r}
    return best


best_single = choose_policy(choice, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_overall = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio)
channel_choice = choose_policy(choice, channel_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by="order_channel")
''',
    # the computation right, but the in-sample figure headlined
    "q7_answer": '''\
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n_boot):
        idx = rng.choice(len(frame), size=len(frame), replace=True)
        vals.append(statistic(frame.iloc[idx]))
    return tuple(np.percentile(vals, [2.5, 97.5]))


def gap(f):
    return (evaluate_policy(f, best_overall["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)["expected_value"]
            - evaluate_policy(f, pinned_choice["thresholds"], VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)["expected_value"])


choice_cost = gap(choice)
confirm_cost = gap(confirm)
headline_interval = bootstrap_interval(confirm, gap, n_boot=300)
headline_call = {"decision": "headline", "evidence": ["choice_cost", "candidates_searched"],
                 "reverse_if": "larger_choice_cost"}
''',
    # the table right; recommends per band against the in-sample best, on in-sample value
    "q8_answer": '''\
finalists = {"today": ({b: current_threshold for b in GROUPS}, "age_band"),
             "best_single": (best_single["thresholds"], "age_band"),
             "pinned_choice": (pinned_choice["thresholds"], "age_band"),
             "channel_choice": (channel_choice["thresholds"], "order_channel")}
confirmation = pd.DataFrame({n: evaluate_policy(confirm, t, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=b)
                             for n, (t, b) in finalists.items()}).T
recommendation = {"policy": "pinned_choice", "harm": "dp_ratio", "comparator": "best_overall",
                  "evidence": ["confirm_dp_ratio", "choice_value"], "reverse_if": "harm_in_monitoring"}
''',
    # metrics name no threshold value
    "q9_answer": '''\
model_card = {
    "model_details": "XGBoost churn model v1.3",
    "intended_use": {"primary_uses": ["retention discounts"], "out_of_scope": ["pricing", "credit"]},
    "factors": ["age_band"],
    "metrics": ["selection_rate", "tpr", "fpr", "computed at the decision threshold"],
    "evaluation_data": {"dataset": "offer_targeting", "n_rows": len(offers)},
    "training_data": "2025 subscribers",
    "quantitative_analyses": {"selection_rate": current_rates.to_dict(), "tpr": current_errors["tpr"].to_dict(),
                              "fpr": current_errors["fpr"].to_dict()},
    "ethical_considerations": ["age disparity"],
    "caveats_and_recommendations": ["retrain quarterly"],
}
''',
    # any model that sets a price called Annex III; dates right
    "q10_answer": '''\
ai_act_tier = {"v1": "minimal", "v2": "high_risk", "v3": "high_risk", "v4": "prohibited", "v5": "prohibited",
               "v6": "transparency", "v7": "high_risk", "v8": "high_risk"}
ai_act_reason = {"v1": "no_listed_use", "v2": "annex3_creditworthiness", "v3": "annex3_employment",
                 "v4": "art5_emotion_recognition_at_work", "v5": "art5_social_scoring",
                 "v6": "art50_interacts_with_people", "v7": "annex3_life_health_insurance",
                 "v8": "annex3_life_health_insurance"}
ai_act_dates = {"prohibitions_and_ai_literacy": "2025-02-02", "general_purpose_ai_and_penalties": "2025-08-02",
                "annex3_high_risk_and_art50": "2026-08-02", "annex1_products": "2027-08-02"}
''',
    # DPIA read from Art. 35(3) alone; age assumed protected in Dutch goods-and-services law
    "q11_answer": '''\
gdpr_answers = {"g1": "c", "g2": "a", "g3": "a", "g4": "b", "g5": "b", "g6": "c", "g7": "b", "g8": "b"}
''',
}

# ---------------------------------------------------------------------------------------------
# C: half done: the measurements, then out of time after the evidence of question 4.
# ---------------------------------------------------------------------------------------------
_HALF = {
    "q1_answer": _OTHER_STYLE["q1_answer"],
    "q2_answer": _TYPICAL["q2_answer"].replace("(sel & ~churn).groupby(frame[\"age_band\"])",
                                               "sel[~churn].groupby(frame.loc[~churn, \"age_band\"])"),
    "q3_answer": _OTHER_STYLE["q3_answer"],
    "q4_answer": '''\
sel = offers["churn_score"] >= current_threshold
within_channel = sel.groupby([offers["order_channel"], offers["age_band"]]).mean().unstack()
calibration = offers.groupby("order_channel").agg(mean_score=("churn_score", "mean"),
                                                  churn_rate=("churned_next_4w", "mean"))
''',
}

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 4, "q5_test": 3, "q6_test": 3, "q7_test": 5,
         "q8_test": 6, "q9_test": 3, "q10_test": 3, "q11_test": 3}

ATTEMPTS = {
    "other-style-all-correct": {"answers": _OTHER_STYLE, "fair": dict(_FULL), "why": {}},
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 2, "q2_test": 1.5, "q3_test": 2.5, "q4_test": 2, "q5_test": 1.5, "q6_test": 3,
                 "q7_test": 2, "q8_test": 2, "q9_test": 2.5, "q10_test": 2.5, "q11_test": 2.25},
        "why": {
            "q1_test": "`>` instead of `>=`: the rule is off at the boundary; difference, ratio and flag right",
            "q2_test": "FPR over the whole band, not over its non-churners; TPR and the summaries right",
            "q3_test": "V, strengths and proxies right; one claim of five wrong (dropping age fixes nothing)",
            "q4_test": "both tables and the cause right, but the evidence named does not decide the cause and the "
                       "'reversal' would not reverse it",
            "q5_test": "the cost charged only on false positives; the rest of the policy right",
            "q7_test": "bootstrap, costs and interval right; the call headlines the in-sample figure against its "
                       "own interval, with in-sample evidence and no real reversal",
            "q8_test": "the table right; recommends a policy that needs everyone's age, priced against the "
                       "in-sample best, on choice-month value",
            "q9_test": "metrics never say at which threshold the figures are measured",
            "q10_test": "any pricing read as Annex III (the delivery fee is not); tiers, other reasons and dates right",
            "q11_test": "DPIA read from Art. 35(3) alone, and age taken as protected in Dutch goods-and-services law",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 0.5, "q5_test": 0, "q6_test": 0, "q7_test": 0,
                 "q8_test": 0, "q9_test": 0, "q10_test": 0, "q11_test": 0},
        "why": {"q4_test": "both tables right, no call made"},
    },
}
