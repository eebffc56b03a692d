"""Module 07 (responsible AI): five learner attempts and the points a fair teacher gives them.

Written from the student notebook and the lesson alone; the fair points were set from the prompts
before grading.

Marking rubric (from the prompts, by what each mistake breaks for the decision; the fair points
below follow it, and so do the weights of the test cells):

- q1 (3): the selection rule on other subscribers and thresholds, 1.25 (`>` for `>=` is wrong exactly
  where a score equals the threshold: about 1); the ratio as smallest over largest, 1 (the four-fifths
  screen reads it); the difference, 0.25; `current_*` and the flag from your own functions, 0.5. A flag
  that follows from your own (wrong) ratio is carried forward, not charged again: an inverted ratio costs
  about 1.25 (the blind attempts charge 1.5, the flag twice).
- q2 (3): the TPR rule, 1; the FPR rule (among the non-churners, as the prompt pins it), 1; the
  summaries from your own table, 1 (`current_errors`, the two differences, `under_served`, 0.25 each).
  An FPR over everyone in the band costs the FPR point and nothing more: 2. (Our first attempts gave
  1.5, the blind ones 2: the prompt pins each rate on its own, the intro promises that later figures
  follow your own table, and the module's decisions, `under_served` and the TPR gap, rest on the TPR.)
- q3 (3): Cramér's V, 1.5 (hand-computed and on other data); `proxy_strength` and `proxies`, 0.5; the
  five claims, 1 (one wrong claim costs about 0.5: each is a belief that sends a team to the wrong fix).
- q4 (4): the two tables with their type, 0.67 (they are the evidence, and earn it when the call goes
  wrong); the call's form, 0.22; the cause, 1.33; evidence that would look different under another
  cause, 0.89; a finding that would contradict the cause chosen, 0.89 (one that confirms it is no
  reversal: "churn differs" for the cause "need" earns nothing).
- q5 (3): the value rule (value on selected churners, cost on every discount sent), 1.5; thresholds
  from the column named by `by`, 0.5; parity and TPR gap across age bands whatever `by` is, 0.75;
  `current_policy`, 0.25.
- q6 (3): `choose_policy` (most value, the `min_ratio` filter, `by` passed on), 1.5; the four choices
  on `choice` from your own `evaluate_policy`, 1; the candidate lists, 0.5.
- q7 (5): the bootstrap, 1.25; the two costs, 0.5; the interval on `confirm`, 0.5 (one taken on `choice`
  earns nothing: it measures the headline where it was chosen); the form, 0.25; the
  call, 2.5 (decision 1.5, evidence measured where it was not chosen 0.5, a reversal 0.5). A headline
  from the month that chose the policies loses the whole call: 2.5 with everything else right. (Our
  first attempts gave 2, the blind ones 3. The question's title asks whether the headline is robust and
  the computations only serve that call, so the call carries half; 2 would charge the right
  computations for the call's fault, 3 would leave the in-sample optimism the question exists to catch
  with most of its points.)
- q8 (6): the form, 0.25; the confirmation table, 1.25; the policy, 2 (one Larder can apply to everyone
  that passes the chosen harm on `confirm`); the comparator, 1 (something Larder could run instead, not
  the in-sample best per band); the evidence, 1 (confirmation-month figures, never choice-month value);
  the reversal, 0.5 (new evidence, not in-sample value).
- q9 (3): the shape and uses, 0.75; the figures, 1.1; the protected attribute in `factors`, 0.4; the
  threshold's value in `metrics`, 0.4; the evaluation data, 0.35.
- q10 (3): each plan's tier with its reason, about 0.29 (8 plans, 2.3); each date, about 0.14 (4 dates,
  0.55); the form, 0.15. (Each plan and each date counts on its own.)
- q11 (3): each answer, 0.36 (8 answers); the form, 0.1. By this rubric the blind attempt with three
  wrong answers earns 1.9, not the 2.25 it was given.
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

# ---------------------------------------------------------------------------------------------
# D: everything right in a third style, with the other defensible calls (another reversal for the
#    diagnosis, the TPR gap as the harm, priced against today).
# ---------------------------------------------------------------------------------------------
_THIRD_STYLE = {
    "q1_answer": """\
def selection_rates(frame, threshold):
    picked = np.where(frame["churn_score"].to_numpy() >= threshold, 1.0, 0.0)
    return pd.Series(picked, index=frame.index).groupby(frame["age_band"]).mean()


def dp_difference(rates):
    values = sorted(rates)
    return values[-1] - values[0]


def dp_ratio(rates):
    values = sorted(rates)
    return values[0] / values[-1]


current_rates = selection_rates(offers, current_threshold)
current_dp_difference = dp_difference(current_rates)
current_dp_ratio = dp_ratio(current_rates)
adverse_impact = not current_dp_ratio >= min_ratio
""",
    "q2_answer": """\
def error_rates(frame, threshold):
    rows = []
    for band, part in frame.groupby("age_band"):
        churners = part[part["churned_next_4w"]]
        stayers = part[~part["churned_next_4w"]]
        rows.append({"age_band": band, "tpr": (churners["churn_score"] >= threshold).mean(),
                     "fpr": (stayers["churn_score"] >= threshold).mean()})
    return pd.DataFrame(rows).set_index("age_band")


current_errors = error_rates(offers, current_threshold)
_spread = current_errors.max() - current_errors.min()
equal_opportunity_difference = float(_spread["tpr"])
equalized_odds_difference = float(_spread.max())
under_served = current_errors["tpr"].sort_values().index[0]
""",
    "q3_answer": """\
def cramers_v(x, y):
    table = pd.crosstab(x, y)
    n = len(x)
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    chi2 = 0.0
    for r in table.index:
        for c in table.columns:
            e = rows[r] * cols[c] / n
            chi2 += (table.loc[r, c] - e) ** 2 / e
    return math.sqrt(chi2 / (n * (min(table.shape) - 1)))


proxy_strength = pd.Series({name: cramers_v(offers[name], offers[GROUP]) for name in FEATURES})
proxies = sorted(proxy_strength.index[proxy_strength >= proxy_bar])
removal_claims = dict(c1=False, c2=False, c3=True, c4=True, c5=False)
""",
    "q4_answer": """\
within_channel = pd.crosstab(offers["order_channel"], offers["age_band"],
                             values=(offers["churn_score"] >= current_threshold).astype(float), aggfunc="mean")
calibration = pd.DataFrame({"mean_score": offers.groupby("order_channel")["churn_score"].mean(),
                            "churn_rate": offers.groupby("order_channel")["churned_next_4w"].mean()})
diagnosis = {"cause": "channel_calibration", "evidence": ["calibration", "within_channel"],
             "reverse_if": "churn_differs"}
""",
    "q5_answer": """\
def evaluate_policy(frame, thresholds, value, cost, by="age_band"):
    cut = frame[by].map(thresholds).to_numpy(dtype=float)
    chosen = frame["churn_score"].to_numpy() >= cut
    left = frame["churned_next_4w"].to_numpy(dtype=bool)
    band = frame["age_band"].to_numpy()
    rates = [chosen[band == b].mean() for b in GROUPS]
    tprs = [chosen[(band == b) & left].mean() for b in GROUPS]
    return {"expected_value": float(value * (chosen & left).sum() - cost * chosen.sum()),
            "dp_ratio": min(rates) / max(rates), "tpr_gap": max(tprs) - min(tprs)}


current_policy = evaluate_policy(offers, dict.fromkeys(GROUPS, current_threshold), VALUE_PER_SAVED_EUR,
                                 DISCOUNT_COST_EUR)
""",
    "q6_answer": """\
single_candidates = [dict.fromkeys(GROUPS, t) for t in THRESHOLDS]
per_group_candidates = [{"18-34": a, "35-54": b, "55+": c} for a in THRESHOLDS for b in THRESHOLDS for c in THRESHOLDS]
channel_candidates = [{"app": a, "web": o, "phone": o} for a, o in itertools.product(THRESHOLDS, repeat=2)]


def choose_policy(frame, candidates, value, cost, min_ratio=None, by="age_band"):
    table = pd.DataFrame([{"thresholds": c, **evaluate_policy(frame, c, value, cost, by=by)} for c in candidates])
    if min_ratio is not None:
        table = table[table["dp_ratio"] >= min_ratio]
    if table.empty:
        return None
    return table.loc[table["expected_value"].idxmax()].to_dict()


best_single = choose_policy(choice, single_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
best_overall = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
pinned_choice = choose_policy(choice, per_group_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, min_ratio=min_ratio)
channel_choice = choose_policy(choice, channel_candidates, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by="order_channel")
""",
    "q7_answer": """\
def bootstrap_interval(frame, statistic, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    draws = [statistic(frame.sample(frac=1.0, replace=True, random_state=rng)) for _ in range(n_boot)]
    low, high = np.quantile(draws, [0.025, 0.975])
    return low, high


def parity_cost(frame):
    args = (VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR)
    unconstrained = evaluate_policy(frame, best_overall["thresholds"], *args)["expected_value"]
    return unconstrained - evaluate_policy(frame, pinned_choice["thresholds"], *args)["expected_value"]


choice_cost, confirm_cost = parity_cost(choice), parity_cost(confirm)
headline_interval = bootstrap_interval(confirm, parity_cost, n_boot=500, seed=7)
headline_call = {"decision": "no_headline", "evidence": ["headline_interval", "confirm_cost"],
                 "reverse_if": "interval_one_side"}
""",
    "q8_answer": """\
finalists = {"today": (dict.fromkeys(GROUPS, current_threshold), "age_band")}
for name in ("best_single", "pinned_choice", "channel_choice"):
    finalists[name] = (globals()[name]["thresholds"], "order_channel" if name == "channel_choice" else "age_band")
confirmation = pd.DataFrame.from_dict(
    {name: evaluate_policy(confirm, t, VALUE_PER_SAVED_EUR, DISCOUNT_COST_EUR, by=by)
     for name, (t, by) in finalists.items()}, orient="index")
recommendation = {"policy": "channel_choice", "harm": "tpr_gap", "comparator": "today",
                  "evidence": ["confirm_value", "confirm_tpr_gap", "age_coverage"],
                  "reverse_if": "retrained_and_calibrated"}
""",
    "q9_answer": """\
model_card = dict(
    model_details={"name": "churn score", "version": "1.3", "owner": "ML team", "type": "gradient boosting"},
    intended_use={"primary_uses": ["rank subscribers for the retention discount"],
                  "out_of_scope": ["individual prices or fees", "credit decisions", "refusing service"]},
    factors=["age_band", "order_channel", "delivery_slot"],
    metrics=["selection_rate", "tpr", "fpr", "dp_ratio", f"threshold {current_threshold}"],
    evaluation_data={"dataset": "offer_targeting", "n_rows": len(offers)},
    training_data={"period": "12 months before September 2026", "features": list(FEATURES)},
    quantitative_analyses={"selection_rate": {k: round(v, 2) for k, v in current_rates.items()},
                           "tpr": {k: round(v, 2) for k, v in current_errors["tpr"].items()},
                           "fpr": {k: round(v, 2) for k, v in current_errors["fpr"].items()},
                           "dp_ratio": round(current_dp_ratio, 2)},
    ethical_considerations=["Older subscribers are selected less: the score under-reads web and phone risk."],
    caveats_and_recommendations=["Age is known for the surveyed third only: use it to monitor, not to target."],
)
""",
    "q10_answer": """\
_calls = {"v1": "minimal no_listed_use", "v2": "high_risk annex3_creditworthiness",
          "v3": "high_risk annex3_employment", "v4": "prohibited art5_emotion_recognition_at_work",
          "v5": "prohibited art5_social_scoring", "v6": "transparency art50_interacts_with_people",
          "v7": "minimal no_listed_use", "v8": "high_risk annex3_life_health_insurance"}
ai_act_tier = {v: c.split()[0] for v, c in _calls.items()}
ai_act_reason = {v: c.split()[1] for v, c in _calls.items()}
ai_act_dates = dict(zip(MILESTONES, [DATES[1], DATES[2], DATES[4], DATES[5]]))
""",
    "q11_answer": """\
gdpr_answers = {}
gdpr_answers.update(g1="c", g2="a", g3="c", g4="b")
gdpr_answers.update(g5="b", g6="c", g7="b", g8="a")
""",
}

# ---------------------------------------------------------------------------------------------
# E: other typical mistakes of a data scientist new to responsible AI: the gap blamed on need, the
#    headline bootstrapped on the month that chose the policies, the cost of parity priced against
#    the in-sample best per band, a model card without the protected attribute.
# ---------------------------------------------------------------------------------------------
_NEW_TO_RAI = dict(_THIRD_STYLE)
_NEW_TO_RAI.update({
    # the two differences added up
    "q2_answer": _THIRD_STYLE["q2_answer"].replace("equalized_odds_difference = float(_spread.max())",
                                                   "equalized_odds_difference = float(_spread.sum())"),
    # dropping the proxies believed to close the gap
    "q3_answer": _THIRD_STYLE["q3_answer"].replace("c2=False", "c2=True"),
    # older customers need the offer less: the disparity read as a verdict on need
    "q4_answer": _THIRD_STYLE["q4_answer"].replace(
        '{"cause": "channel_calibration", "evidence": ["calibration", "within_channel"],\n             '
        '"reverse_if": "churn_differs"}',
        '{"cause": "need", "evidence": ["churn_by_age", "current_rates"], "reverse_if": "churn_differs"}'),
    # the interval and the headline from the month that chose the policies
    "q7_answer": _THIRD_STYLE["q7_answer"].replace(
        "bootstrap_interval(confirm, parity_cost", "bootstrap_interval(choice, parity_cost").replace(
        '{"decision": "no_headline", "evidence": ["headline_interval", "confirm_cost"],\n                 '
        '"reverse_if": "interval_one_side"}',
        '{"decision": "headline", "evidence": ["choice_cost", "headline_interval"], "reverse_if": "finer_grid"}'),
    # the right policy, priced against the in-sample best per band, reversed by in-sample value
    "q8_answer": _THIRD_STYLE["q8_answer"].replace(
        '{"policy": "channel_choice", "harm": "tpr_gap", "comparator": "today",\n                  '
        '"evidence": ["confirm_value", "confirm_tpr_gap", "age_coverage"],\n                  '
        '"reverse_if": "retrained_and_calibrated"}',
        '{"policy": "channel_choice", "harm": "dp_ratio", "comparator": "best_overall",\n                  '
        '"evidence": ["confirm_value", "confirm_dp_ratio"], "reverse_if": "more_choice_value"}'),
    # the card's factors leave out the protected attribute
    "q9_answer": _THIRD_STYLE["q9_answer"].replace('factors=["age_band", "order_channel", "delivery_slot"]',
                                                   'factors=["order_channel", "delivery_slot"]'),
    # the support chatbot taken for minimal risk
    "q10_answer": _THIRD_STYLE["q10_answer"].replace('"v6": "transparency art50_interacts_with_people"',
                                                     '"v6": "minimal no_listed_use"'),
    # Art. 22 for a discount e-mail; transparency taken to make a new input lawful
    "q11_answer": _THIRD_STYLE["q11_answer"].replace('g2="a"', 'g2="b"').replace('g5="b"', 'g5="a"'),
})
for _question, _answer in _NEW_TO_RAI.items():
    assert _question in ("q1_answer", "q5_answer", "q6_answer") or _answer != _THIRD_STYLE[_question], _question

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 4, "q5_test": 3, "q6_test": 3, "q7_test": 5,
         "q8_test": 6, "q9_test": 3, "q10_test": 3, "q11_test": 3}

ATTEMPTS = {
    "other-style-all-correct": {"answers": _OTHER_STYLE, "fair": dict(_FULL), "why": {}},
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 2.5, "q4_test": 2.2, "q5_test": 1.5, "q6_test": 3,
                 "q7_test": 2.5, "q8_test": 2, "q9_test": 2.6, "q10_test": 2.7, "q11_test": 2.25},
        "why": {
            "q1_test": "`>` instead of `>=`: the rule is off at the boundary; difference, ratio and flag right",
            "q2_test": "FPR over the whole band, not over its non-churners; TPR and the summaries right "
                       "(was 1.5; see the rubric)",
            "q3_test": "V, strengths and proxies right; one claim of five wrong (dropping age fixes nothing)",
            "q4_test": "both tables and the cause right, but the evidence named does not decide the cause and the "
                       "'reversal' would not reverse it (was 2; see the rubric)",
            "q5_test": "the cost charged only on false positives; the rest of the policy right",
            "q7_test": "bootstrap, costs and interval right; the call headlines the in-sample figure against its "
                       "own interval, with in-sample evidence and no real reversal (was 2; see the rubric)",
            "q8_test": "the table right; recommends a policy that needs everyone's age, priced against the "
                       "in-sample best, on choice-month value",
            "q9_test": "metrics never say at which threshold the figures are measured (was 2.5; see the rubric)",
            "q10_test": "any pricing read as Annex III (the delivery fee is not); tiers, other reasons and dates right "
                        "(was 2.5; see the rubric)",
            "q11_test": "DPIA read from Art. 35(3) alone, and age taken as protected in Dutch goods-and-services law",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 0.67, "q5_test": 0, "q6_test": 0, "q7_test": 0,
                 "q8_test": 0, "q9_test": 0, "q10_test": 0, "q11_test": 0},
        "why": {"q4_test": "both tables right, no call made (was 0.5; see the rubric)"},
    },
    "third-style-other-calls": {"answers": _THIRD_STYLE, "fair": dict(_FULL), "why": {}},
    "new-to-responsible-ai": {
        "answers": _NEW_TO_RAI,
        "fair": {**_FULL, "q2_test": 2.75, "q3_test": 2.5, "q4_test": 0.9, "q7_test": 2, "q8_test": 4.5,
                 "q9_test": 2.6, "q10_test": 2.7, "q11_test": 2.25},
        "why": {
            "q2_test": "rates right; the equalized odds difference adds the two differences instead of taking "
                       "the larger",
            "q3_test": "V, strengths and proxies right; one claim wrong (dropping proxies is not certain to close "
                       "the gap)",
            "q4_test": "both tables right, but the gap blamed on need, with evidence that cannot tell the causes "
                       "apart and a 'reversal' that would confirm it",
            "q7_test": "bootstrap and costs right, but the interval is taken on the choice month and the call "
                       "headlines the in-sample cost: the interval and the whole call lost",
            "q8_test": "table and policy right, held to parity; priced against the in-sample best per band, which "
                       "Larder cannot run, and reversed by choice-month value",
            "q9_test": "factors leave out the protected attribute, age_band",
            "q10_test": "the support chatbot taken for minimal risk (Art. 50 applies)",
            "q11_test": "Art. 22 for a discount e-mail, and a privacy notice taken to make a new input lawful",
        },
    },
}
