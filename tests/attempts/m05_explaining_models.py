"""Module 05 (explaining a model): four learner attempts, written from the prompts, and the points a
fair teacher gives them."""

ASSIGNMENT = "05-explaining-models"

# ---------------------------------------------------------------------------------------------
# A: everything right, with loops and hand-made computations where the solution calls a library.
# ---------------------------------------------------------------------------------------------
_LOOPS = {
    "q1_answer": '''\
def impurity_ranking(model, columns):
    values = {name: value for name, value in zip(columns, model.feature_importances_)}
    return pd.Series(values).sort_values(ascending=False)


def permutation_ranking(model, X, y):
    res = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    out = pd.Series(res["importances_mean"], index=list(X.columns))
    return out.sort_values(ascending=False)


impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
''',
    "q2_answer": '''\
side_by_side = pd.concat({"imp": impurity, "perm": permutation}, axis=1).sort_values("imp", ascending=False)
traps = [c for c in side_by_side.index[:3] if side_by_side.loc[c, "perm"] < 0.005]
ranking_choice = dict(show="permutation", traps=traps, reason="impurity_favours_many_values")
''',
    "q3_answer": '''\
def dependence_curve(model, X, feature, grid):
    averages = []
    for g in grid:
        X_mod = X.copy()
        X_mod[feature] = g
        averages.append(float(np.mean(model.predict_proba(X_mod)[:, 1])))
    return pd.Series(averages, index=list(grid))


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
p95 = np.percentile(holdout["substitutions_per_month"].to_numpy(), 95)
supported_up_to = max(g for g in SUBSTITUTION_GRID if g <= p95)
part = effect_curve[effect_curve.index <= supported_up_to]
print(part, (holdout["substitutions_per_month"] >= 4).sum())
effect_shape = {"direction": "rises" if part.iloc[-1] - part.iloc[0] > 0.02 else "flat",
                "beyond": "too few subscribers to say"}
''',
    "q4_answer": '''\
def contributions(row, coefficients, baseline):
    return pd.Series({c: coefficients[c] * (float(row[c]) - float(baseline[c])) for c in coefficients.index})


def top_reasons(contribs, k=3):
    positive = contribs[contribs > 0]
    return positive.sort_values(ascending=False).index.tolist()[:k]


def reason_sentence(feature, value, typical_value):
    return "%.1f %s, against %.1f for a typical subscriber" % (value, DESCRIPTIONS[feature], typical_value)


c = contributions(best_customer, coefficients, typical)
best_reasons = [reason_sentence(f, best_customer[f], typical[f]) for f in top_reasons(c)]
''',
    "q5_answer": '''\
def natural_frequencies(counts):
    total = sum(counts.values())
    scale = lambda n: int(math.floor(n * 1000 / total + 0.5))  # noqa: E731
    return {"leave": scale(counts["tp"] + counts["fn"]), "flagged": scale(counts["tp"] + counts["fp"]),
            "flagged_and_leave": scale(counts["tp"])}


pred = (scored["risk_score"] >= threshold).to_numpy()
true = scored["churned_next_4w"].to_numpy()
score_counts = {"tp": int((pred & true).sum()), "fp": int((pred & ~true).sum()),
                "fn": int((~pred & true).sum()), "tn": int((~pred & ~true).sum())}
score_frequencies = natural_frequencies(score_counts)
''',
    "q6_answer": '''\
def reliability_table(scores, churned):
    df = pd.DataFrame({"s": np.asarray(scores, dtype=float), "y": np.asarray(churned).astype(int)})
    df["decile"] = pd.qcut(df["s"], q=10, labels=range(1, 11)).astype(int)
    out = df.groupby("decile").agg(mean_score=("s", "mean"), churn_rate=("y", "mean"), subscribers=("y", "count"))
    return out


def brier_score(scores, churned):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(churned, dtype=float)
    return float(((s - y) ** 2).sum() / len(s))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
''',
    "q7_answer": '''\
def segment_auc(frame, column):
    out = {}
    for value in frame[column].unique():
        part = frame[frame[column] == value]
        out[value] = roc_auc_score(part["churned_next_4w"], part["risk_score"])
    return pd.Series(out).sort_index()


def weak_segments(aucs, bar):
    return [name for name, a in sorted(aucs.items(), key=lambda kv: kv[1]) if a < bar]


city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
others = scored[(scored.city != "Eindhoven") & (scored.tenure_band == "new")]
print(auc_interval(others), auc_interval(scored[scored.city == "Eindhoven"]))
new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "cannot tell from these data"
''',
    "q8_answer": '''\
claim_verdicts = {}
claim_verdicts["c1"] = ("supported", "association")
claim_verdicts["c2"] = ("not supported", "importance_is_not_cause")
claim_verdicts["c3"] = ("not supported", "noise_column")
claim_verdicts["c4"] = ("not supported", "importance_is_not_cause")
claim_verdicts["c5"] = ("supported", "measured_on_holdout")
claim_verdicts["c6"] = ("not supported", "weak_segment")
claim_verdicts["c7"] = ("not supported", "miscalibrated")
claim_verdicts["c8"] = ("not supported", "no_data")
''',
    "q9_answer": '''\
def importance_chart(importance, highlight):
    s = importance.sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.barh(range(len(s)), s.values, color=["tab:orange" if n == highlight else "lightgrey" for n in s.index])
    ax.set_yticks(range(len(s)))
    ax.set_yticklabels([n.replace("_", " ") for n in s.index])
    ax.invert_yaxis()
    for i, v in enumerate(s.values):
        ax.text(v, i, f" {v:.2f}", va="center")
    fig.suptitle("Substitutions weigh most in the churn score")
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
''',
}

# ---------------------------------------------------------------------------------------------
# B: right too, another style: vectorised, tuples, other defensible evidence and wording.
# ---------------------------------------------------------------------------------------------
_VECTORISED = {
    **_LOOPS,
    "q2_answer": '''\
ranking_choice = {"show": "permutation", "reason": "impurity_favours_many_values",
                  "traps": tuple(c for c in impurity.nlargest(3).index if permutation.loc[c] < 0.005)}
''',
    "q3_answer": '''\
def dependence_curve(model, X, feature, grid):
    pd_result = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(pd_result["average"][0], index=np.asarray(grid))


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
supported_up_to = float(SUBSTITUTION_GRID[np.searchsorted(SUBSTITUTION_GRID,
                                                          np.percentile(holdout["substitutions_per_month"], 95),
                                                          side="right") - 1])
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
''',
    "q5_answer": '''\
def natural_frequencies(counts):
    n = counts["tp"] + counts["fp"] + counts["fn"] + counts["tn"]
    per = {"leave": counts["tp"] + counts["fn"], "flagged": counts["tp"] + counts["fp"],
           "flagged_and_leave": counts["tp"]}
    return {k: math.floor(1000 * v / n + 0.5) for k, v in per.items()}


tab = pd.crosstab(scored["risk_score"] >= threshold, scored["churned_next_4w"])
score_counts = {"tp": int(tab.loc[True, True]), "fp": int(tab.loc[True, False]), "fn": int(tab.loc[False, True]),
                "tn": int(tab.loc[False, False])}
score_frequencies = natural_frequencies(score_counts)
''',
    "q7_answer": '''\
def segment_auc(frame, column):
    return frame.groupby(column).apply(lambda g: roc_auc_score(g["churned_next_4w"], g["risk_score"]),
                                       include_groups=False)


def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values().index)


city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
new_city_call = {"decision": "not_yet", "evidence": ("Eindhoven", "new"), "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = NEW_READINGS[2]
''',
    "q8_answer": '''\
_why = {"c1": "association", "c2": "importance_is_not_cause", "c3": "noise_column", "c4": "importance_is_not_cause",
        "c5": "measured_on_holdout", "c6": "weak_segment", "c7": "miscalibrated", "c8": "no_data"}
claim_verdicts = {c: (VERDICTS[0] if c in ("c1", "c5") else VERDICTS[1], r) for c, r in _why.items()}
''',
    "q9_answer": '''\
def importance_chart(importance, highlight):
    ordered = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(ordered.index, ordered.to_numpy() * 100,
                   color=["#1b9e77" if i == highlight else "#cccccc" for i in ordered.index])
    ax.bar_label(bars, fmt="%.0f")
    ax.set_title("The churn score leans most on substitutions")
    ax.set_xlabel("AUC points lost when shuffled")
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout.churned_next_4w)
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
''',
}

# ---------------------------------------------------------------------------------------------
# C: the typical mistakes of a data scientist new to product work.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    # permutation measured on the rows the forest was trained on
    "q1_answer": '''\
def impurity_ranking(model, columns):
    return pd.Series(model.feature_importances_, index=columns).sort_values(ascending=False)


def permutation_ranking(model, X, y):
    r = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    return pd.Series(r.importances_mean, index=X.columns).sort_values(ascending=False)


impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, train[FEATURES], train["churned_next_4w"])
''',
    # traps: the impurity top three, whatever permutation says
    "q2_answer": '''\
ranking_choice = {"show": "permutation", "traps": list(impurity.index[:3]), "reason": "impurity_favours_many_values"}
''',
    # the curve where there are no data, read as a finding
    "q3_answer": '''\
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: grid}, kind="average")
    return pd.Series(r["average"][0], index=grid)


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
supported_up_to = float(SUBSTITUTION_GRID[SUBSTITUTION_GRID <= holdout["substitutions_per_month"].quantile(0.95)].max())
effect_shape = {"direction": "rises", "beyond": "keeps rising"}
''',
    # contributions without the baseline
    "q4_answer": '''\
def contributions(row, coefficients, baseline):
    return coefficients * row[coefficients.index]


def top_reasons(contribs, k=3):
    return list(contribs[contribs > 0].sort_values(ascending=False).index[:k])


def reason_sentence(feature, value, typical_value):
    return f"{value:.1f} {DESCRIPTIONS[feature]}, against {typical_value:.1f} for a typical subscriber"


best_reasons = [reason_sentence(f, best_customer[f], typical[f])
                for f in top_reasons(contributions(best_customer, coefficients, typical))]
''',
    # two denominators: "of 1,000 flagged" for the flagged leavers
    "q5_answer": '''\
def natural_frequencies(counts):
    n = sum(counts.values())
    return {"leave": math.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": math.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": math.floor(1000 * counts["tp"] / (counts["tp"] + counts["fp"]) + 0.5)}


f = scored["risk_score"] >= threshold
y = scored["churned_next_4w"]
score_counts = {"tp": int((f & y).sum()), "fp": int((f & ~y).sum()), "fn": int((~f & y).sum()),
                "tn": int((~f & ~y).sum())}
score_frequencies = natural_frequencies(score_counts)
''',
    # ten equal-width bins
    "q6_answer": '''\
def reliability_table(scores, churned):
    df = pd.DataFrame({"score": scores, "churned": churned.astype(float)})
    df["decile"] = pd.cut(df["score"], 10, labels=False) + 1
    return df.groupby("decile").agg(mean_score=("score", "mean"), churn_rate=("churned", "mean"),
                                    subscribers=("score", "size"))


def brier_score(scores, churned):
    return float(np.mean((np.asarray(scores) - np.asarray(churned, dtype=float)) ** 2))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
''',
    # the new city used as a rank, and new subscribers read as a second weak segment from the point estimate
    "q7_answer": '''\
def segment_auc(frame, column):
    return pd.Series({k: roc_auc_score(g["churned_next_4w"], g["risk_score"]) for k, g in frame.groupby(column)})


def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values().index)


city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
new_city_call = {"decision": "rank_only", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "weak too"
''',
    # importance read as cause, twice, and the curve beyond the data taken at its word
    "q8_answer": '''\
claim_verdicts = {
    "c1": ("supported", "association"), "c2": ("supported", "association"),
    "c3": ("not supported", "noise_column"), "c4": ("supported", "association"),
    "c5": ("supported", "measured_on_holdout"), "c6": ("not supported", "weak_segment"),
    "c7": ("not supported", "miscalibrated"), "c8": ("supported", "association"),
}
''',
    # a generic title; everything else right
    "q9_answer": '''\
def importance_chart(importance, highlight):
    s = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(s.index, s.values, color=["red" if i == highlight else "grey" for i in s.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title("Permutation feature importance")
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
''',
}

# ---------------------------------------------------------------------------------------------
# D: half done: questions 1 to 4 right, question 5's function only, out of time.
# ---------------------------------------------------------------------------------------------
_HALF = {key: _LOOPS[key] for key in ("q1_answer", "q2_answer", "q3_answer", "q4_answer")}
_HALF["q5_answer"] = '''\
def natural_frequencies(counts):
    n = counts["tp"] + counts["fp"] + counts["fn"] + counts["tn"]
    return {"leave": math.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": math.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": math.floor(1000 * counts["tp"] / n + 0.5)}
'''

_FULL = {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 3, "q5_test": 2, "q6_test": 3, "q7_test": 4,
         "q8_test": 3, "q9_test": 3}

ATTEMPTS = {
    "other-style-loops": {"answers": _LOOPS, "fair": dict(_FULL), "why": {}},
    "other-style-vectorised": {"answers": _VECTORISED, "fair": dict(_FULL), "why": {}},
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 2.25, "q2_test": 1.25, "q3_test": 2, "q4_test": 1.75, "q5_test": 1, "q6_test": 2,
                 "q7_test": 2.25, "q8_test": 1.9, "q9_test": 2.5},
        "why": {
            "q1_test": "both functions right; the forest's permutation ranking taken on its training rows",
            "q2_test": "the right ranking and reason, but the traps are the impurity top three, not the rule",
            "q3_test": "curve, support and direction right; the call beyond the data reads the model's formula "
                       "as a finding",
            "q4_test": "top_reasons and the template right; contributions ignore the typical subscriber, so "
                       "the best customer's reasons are wrong",
            "q5_test": "counts and two of three frequencies right, but flagged leavers are counted per 1,000 "
                       "flagged: the two-denominator habit the question is about",
            "q6_test": "Brier score and both readings right; equal-width bins instead of equal-count deciles",
            "q7_test": "AUCs and weak segments right; the new city used as a rank although it barely beats a "
                       "coin, and new subscribers called weak from a point estimate whose interval spans the bar",
            "q8_test": "five of eight claims right; importance read as cause twice, the curve beyond the data "
                       "taken as evidence",
            "q9_test": "the chart is right but its title names the chart, not the finding",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 3, "q5_test": 1, "q6_test": 0, "q7_test": 0,
                 "q8_test": 0, "q9_test": 0},
        "why": {"q5_test": "the frequencies function is right; the list's counts and frequencies were not computed"},
    },
}
