"""Known-wrong answers and fairly graded answers for 05-explaining-models.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

MESSAGES: mistake name -> a piece of the message the learner sees for that mistake.

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

ASSIGNMENT = "05-explaining-models"

_Q1_RIGHT = """
def impurity_ranking(model, columns):
    return pd.Series(model.feature_importances_, index=list(columns)).sort_values(ascending=False)
def permutation_ranking(model, X, y):
    r = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    return pd.Series(r.importances_mean, index=X.columns).sort_values(ascending=False)
impurity = impurity_ranking(forest, FEATURES)
"""

_Q3_RIGHT_CURVE = """
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))
effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
_p95 = np.percentile(holdout["substitutions_per_month"], 95)
supported_up_to = float(SUBSTITUTION_GRID[SUBSTITUTION_GRID <= _p95].max())
"""

_Q4_RIGHT_FUNCTIONS = """
def contributions(row, coefficients, baseline):
    return coefficients * (row[coefficients.index].astype(float) - baseline[coefficients.index])
def top_reasons(contribs, k=3):
    return list(contribs[contribs > 0].sort_values(ascending=False).index[:k])
"""

_Q5_RIGHT_COUNTS = """
_f, _c = scored["risk_score"] >= threshold, scored["churned_next_4w"]
score_counts = {"tp": int((_f & _c).sum()), "fp": int((_f & ~_c).sum()), "fn": int((~_f & _c).sum()),
                "tn": int((~_f & ~_c).sum())}
score_frequencies = natural_frequencies(score_counts)
"""

_Q6_RIGHT_FUNCTIONS = """
def reliability_table(scores, churned):
    f = pd.DataFrame({"score": np.asarray(scores, dtype=float), "churned": np.asarray(churned, dtype=float)})
    f["decile"] = pd.qcut(f["score"], 10, labels=False) + 1
    return f.groupby("decile").agg(mean_score=("score", "mean"), churn_rate=("churned", "mean"),
                                   subscribers=("score", "size"))
def brier_score(scores, churned):
    return float(np.mean((np.asarray(scores, dtype=float) - np.asarray(churned, dtype=float)) ** 2))
score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
"""

_Q7_RIGHT_AUC = """
def segment_auc(frame, column):
    return pd.Series({s: roc_auc_score(r["churned_next_4w"], r["risk_score"]) for s, r in frame.groupby(column)})
def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values().index)
city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
"""

_Q7_RIGHT_CALLS = """
new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "cannot tell from these data"
"""


def _chart(body: str, highlight_line: str = "actionable_driver = 'substitutions_per_month'") -> str:
    return f"""
import matplotlib.pyplot as plt
def importance_chart(importance, highlight):
{body}
shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
{highlight_line}
makeover = importance_chart(shipped_importance, actionable_driver)
"""


_GOOD_CHART = """    s = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(list(s.index), s.to_numpy(), color=["#d95f02" if n == highlight else "#bbbbbb" for n in s.index])
    ax.bar_label(bars, fmt="%.2f")
    ax.set_title(f"The score leans most on {highlight}")
    return fig"""

WRONG_ANSWERS = {
    # ---- question 1 ----
    "impurity-not-sorted": ("q1_answer", """
def impurity_ranking(model, columns):
    return pd.Series(model.feature_importances_, index=list(columns))
def permutation_ranking(model, X, y):
    r = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    return pd.Series(r.importances_mean, index=X.columns).sort_values(ascending=False)
impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
""", "visible"),
    "permutation-with-default-accuracy-scoring": ("q1_answer", """
def impurity_ranking(model, columns):
    return pd.Series(model.feature_importances_, index=list(columns)).sort_values(ascending=False)
def permutation_ranking(model, X, y):
    r = permutation_importance(model, X, y, n_repeats=10, random_state=0)
    return pd.Series(r.importances_mean, index=X.columns).sort_values(ascending=False)
impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
""", "visible"),
    "permutation-on-the-training-rows": ("q1_answer", _Q1_RIGHT + """
permutation = permutation_ranking(forest, train[FEATURES], train["churned_next_4w"])
""", "hidden"),
    # ---- question 2 ----
    "choice-reason-not-an-option": ("q2_answer", """
ranking_choice = {"show": "permutation", "traps": ["referral_code", "avg_basket_eur"], "reason": "it is better"}
""", "visible"),
    "choice-shows-impurity-whose-top-holds-the-traps": ("q2_answer", """
ranking_choice = {"show": "impurity", "traps": ["referral_code", "avg_basket_eur"],
                  "reason": "impurity_shows_direction"}
""", "visible"),
    "choice-traps-are-the-impurity-top-three": ("q2_answer", """
ranking_choice = {"show": "permutation", "traps": list(impurity.index[:3]), "reason": "impurity_favours_many_values"}
""", "visible"),
    "choice-reason-permutation-shows-causes": ("q2_answer", """
ranking_choice = {"show": "permutation", "traps": ["referral_code", "avg_basket_eur"],
                  "reason": "permutation_shows_causes"}
""", "hidden"),
    # ---- question 3 ----
    "curve-averages-predicted-labels": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    values = []
    for v in grid:
        rows = X.copy()
        rows[feature] = v
        values.append(model.predict(rows).mean())
    return pd.Series(values, index=np.asarray(grid))
effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
supported_up_to = 2.5
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", "visible"),
    "curve-reads-levels-off-where-there-are-no-data": ("q3_answer", _Q3_RIGHT_CURVE + """
effect_shape = {"direction": "rises", "beyond": "levels off"}
""", "hidden"),
    "support-from-the-whole-grid": ("q3_answer", _Q3_RIGHT_CURVE + """
supported_up_to = float(SUBSTITUTION_GRID.max())
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", "hidden"),
    "curve-at-the-average-subscriber": ("q3_answer", _Q3_RIGHT_CURVE.replace(
        """    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))""",
        """    rows = pd.concat([X.mean().to_frame().T] * len(grid), ignore_index=True)
    rows[feature] = np.asarray(grid)
    return pd.Series(model.predict_proba(rows[X.columns])[:, 1], index=np.asarray(grid))""") + """
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", "visible"),
    "support-from-every-subscriber": ("q3_answer", _Q3_RIGHT_CURVE + """
_p95_all = np.percentile(drivers["substitutions_per_month"], 95)
supported_up_to = float(SUBSTITUTION_GRID[SUBSTITUTION_GRID <= _p95_all].max())
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", "hidden"),
    "curve-on-the-challenger-forest": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
supported_up_to = 2.5
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", "hidden"),
    # ---- question 4 ----
    "contributions-without-the-baseline": ("q4_answer", """
def contributions(row, coefficients, baseline):
    return coefficients * row[coefficients.index].astype(float)
def top_reasons(contribs, k=3):
    return list(contribs[contribs > 0].sort_values(ascending=False).index[:k])
def reason_sentence(feature, value, typical_value):
    return f"{value:.1f} {DESCRIPTIONS[feature]}, against {typical_value:.1f} for a typical subscriber"
best_reasons = [reason_sentence(c, best_customer[c], typical[c])
                for c in top_reasons(contributions(best_customer, coefficients, typical))]
""", "visible"),
    "top-reasons-keep-negative-contributions": ("q4_answer", _Q4_RIGHT_FUNCTIONS.replace(
        "contribs[contribs > 0]", "contribs") + """
def reason_sentence(feature, value, typical_value):
    return f"{value:.1f} {DESCRIPTIONS[feature]}, against {typical_value:.1f} for a typical subscriber"
best_reasons = [reason_sentence(c, best_customer[c], typical[c])
                for c in top_reasons(contributions(best_customer, coefficients, typical))]
""", "visible"),
    "sentence-with-two-decimals": ("q4_answer", _Q4_RIGHT_FUNCTIONS + """
def reason_sentence(feature, value, typical_value):
    return f"{value:.2f} {DESCRIPTIONS[feature]}, against {typical_value:.2f} for a typical subscriber"
best_reasons = [reason_sentence(c, best_customer[c], typical[c])
                for c in top_reasons(contributions(best_customer, coefficients, typical))]
""", "visible"),
    "best-reasons-against-the-median-subscriber": ("q4_answer", _Q4_RIGHT_FUNCTIONS + """
def reason_sentence(feature, value, typical_value):
    return f"{value:.1f} {DESCRIPTIONS[feature]}, against {typical_value:.1f} for a typical subscriber"
_median = train[SHIPPED_FEATURES].median()
best_reasons = [reason_sentence(c, best_customer[c], _median[c])
                for c in top_reasons(contributions(best_customer, coefficients, _median))]
""", "hidden"),
    # ---- question 5 ----
    "frequencies-round-half-to-even": ("q5_answer", """
def natural_frequencies(counts):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {"leave": round(1000 * (counts["tp"] + counts["fn"]) / n),
            "flagged": round(1000 * (counts["tp"] + counts["fp"]) / n),
            "flagged_and_leave": round(1000 * counts["tp"] / n)}
""" + _Q5_RIGHT_COUNTS, "hidden"),
    "frequencies-per-1000-flagged": ("q5_answer", """
import math
def natural_frequencies(counts):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {"leave": math.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": math.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": math.floor(1000 * counts["tp"] / (counts["tp"] + counts["fp"]) + 0.5)}
""" + _Q5_RIGHT_COUNTS, "visible"),
    "score-counts-flag-below-the-threshold": ("q5_answer", """
import math
def natural_frequencies(counts):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {"leave": math.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": math.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": math.floor(1000 * counts["tp"] / n + 0.5)}
_f, _c = scored["risk_score"] < threshold, scored["churned_next_4w"]
score_counts = {"tp": int((_f & _c).sum()), "fp": int((_f & ~_c).sum()), "fn": int((~_f & _c).sum()),
                "tn": int((~_f & ~_c).sum())}
score_frequencies = {"leave": 122, "flagged": 187, "flagged_and_leave": 52}
""", "hidden"),
    # ---- question 6 ----
    "deciles-numbered-from-zero": ("q6_answer", _Q6_RIGHT_FUNCTIONS.replace("labels=False) + 1", "labels=False)") + """
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
""", "visible"),
    "deciles-of-equal-width": ("q6_answer", _Q6_RIGHT_FUNCTIONS.replace(
        'pd.qcut(f["score"], 10, labels=False)', 'pd.cut(f["score"], 10, labels=False)') + """
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
""", "visible"),
    "brier-takes-the-root": ("q6_answer", _Q6_RIGHT_FUNCTIONS.replace(
        "return float(np.mean(", "return float(np.sqrt(np.mean(").replace("** 2))", "** 2)))") + """
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
""", "visible"),
    "reading-thirty-percent-is-this-one-leaves": ("q6_answer", _Q6_RIGHT_FUNCTIONS + """
calibration_reading = {"top_deciles": "under-predicts", "thirty_percent_means": "this_one_leaves"}
""", "hidden"),
    # ---- question 7 ----
    "weak-includes-a-segment-at-the-bar": ("q7_answer", _Q7_RIGHT_AUC.replace("aucs < bar", "aucs <= bar")
                                           + _Q7_RIGHT_CALLS, "visible"),
    "weak-highest-first": ("q7_answer", _Q7_RIGHT_AUC.replace("sort_values()", "sort_values(ascending=False)")
                           + _Q7_RIGHT_CALLS, "visible"),
    "weak-only-cities": ("q7_answer", _Q7_RIGHT_AUC + _Q7_RIGHT_CALLS + """
weak = weak_segments(city_auc, auc_bar)
""", "hidden"),
    "new-city-used-now": ("q7_answer", _Q7_RIGHT_AUC + """
new_city_call = {"decision": "use_now", "evidence": ["Amsterdam", "Rotterdam"], "reverse_if": "overall_auc_rises"}
new_subscribers_reading = "cannot tell from these data"
""", "hidden"),
    "new-subscribers-read-as-weak-too": ("q7_answer", _Q7_RIGHT_AUC + """
new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven", "new"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "weak too"
""", "hidden"),
    "call-without-evidence": ("q7_answer", _Q7_RIGHT_AUC + """
new_city_call = {"decision": "not_yet", "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "cannot tell from these data"
""", "visible"),
    # ---- question 8 ----
    "verdicts-without-reasons": ("q8_answer", """
claim_verdicts = {c: "supported" for c in CLAIMS}
""", "visible"),
    "importance-read-as-cause": ("q8_answer", """
claim_verdicts = {
    "c1": ("supported", "association"), "c2": ("supported", "association"),
    "c3": ("not supported", "noise_column"), "c4": ("supported", "association"),
    "c5": ("supported", "measured_on_holdout"), "c6": ("not supported", "weak_segment"),
    "c7": ("not supported", "miscalibrated"), "c8": ("not supported", "no_data"),
}
""", "hidden"),
    "curve-beyond-the-data-taken-as-evidence": ("q8_answer", """
claim_verdicts = {
    "c1": ("supported", "association"), "c2": ("not supported", "importance_is_not_cause"),
    "c3": ("not supported", "noise_column"), "c4": ("not supported", "importance_is_not_cause"),
    "c5": ("supported", "measured_on_holdout"), "c6": ("not supported", "weak_segment"),
    "c7": ("not supported", "miscalibrated"), "c8": ("supported", "association"),
}
""", "hidden"),
    # ---- question 9 ----
    "chart-with-upright-bars": ("q9_answer", _chart("""    s = importance.sort_values(ascending=False)
    fig, ax = plt.subplots()
    bars = ax.bar(list(s.index), s.to_numpy(), color=["#d95f02" if n == highlight else "#bbbbbb" for n in s.index])
    ax.bar_label(bars, fmt="%.2f")
    ax.set_title(f"The score leans most on {highlight}")
    return fig"""), "visible"),
    "chart-keeps-a-legend-and-a-generic-title": ("q9_answer", _chart("""    s = importance.sort_values()
    fig, ax = plt.subplots()
    for name, value in s.items():
        bars = ax.barh(name, value, color="#d95f02" if name == highlight else "#bbbbbb", label=name)
        ax.bar_label(bars, fmt="%.3f")
    ax.set_title("Feature importances")
    ax.legend()
    return fig"""), "visible"),
    "chart-title-claims-a-cause": ("q9_answer", _chart(_GOOD_CHART.replace(
        'f"The score leans most on {highlight}"', 'f"Cutting {highlight} is the lever that reduces churn"')),
        "visible"),
    "chart-title-says-drives-churn": ("q9_answer", _chart(_GOOD_CHART.replace(
        'f"The score leans most on {highlight}"', 'f"{highlight} drives churn more than anything else"')), "visible"),
    "chart-longest-bar-at-the-bottom": ("q9_answer", _chart(_GOOD_CHART.replace(
        "importance.sort_values()", "importance.sort_values(ascending=False)")), "visible"),
    "chart-without-labels-or-highlight": ("q9_answer", _chart("""    s = importance.sort_values()
    fig, ax = plt.subplots()
    ax.barh(list(s.index), s.to_numpy(), color=plt.cm.tab10(range(len(s))))
    ax.set_title(f"The score leans most on {highlight}")
    return fig"""), "visible"),
    "chart-highlights-tenure": ("q9_answer", _chart(_GOOD_CHART, "actionable_driver = 'tenure_months'"), "hidden"),
    "makeover-of-the-challenger-forest": ("q9_answer", _chart(_GOOD_CHART).replace(
        'shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])',
        'shipped_importance = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])'), "hidden"),
}

MESSAGES = {
    "impurity-not-sorted": "not sorted with the most important feature first",
    "permutation-with-default-accuracy-scoring": "Use the pinned settings: scoring='roc_auc'",
    "permutation-on-the-training-rows": "Use the forest on the holdout (not the training rows)",
    "choice-reason-not-an-option": "which is not one of the options",
    "choice-shows-impurity-whose-top-holds-the-traps": "yet its top three holds the columns you call traps",
    "choice-traps-are-the-impurity-top-three": "does not follow from your two rankings",
    "choice-reason-permutation-shows-causes": "is the reason you chose true",
    "curve-averages-predicted-labels": "Average the predicted probability of churn",
    "curve-reads-levels-off-where-there-are-no-data": "Count the held-out subscribers with 4 or more substitutions",
    "support-from-the-whole-grid": "Take the 95th percentile of the holdout's substitutions",
    "curve-on-the-challenger-forest": "Use the shipped model",
    "curve-at-the-average-subscriber": "Average the predicted probability of churn over every row",
    "support-from-every-subscriber": "Take the 95th percentile of the holdout's substitutions",
    "contributions-without-the-baseline": "Multiply each coefficient by (value - baseline)",
    "top-reasons-keep-negative-contributions": "A reason must push the risk up",
    "sentence-with-two-decimals": "each with one decimal",
    "best-reasons-against-the-median-subscriber": "the baseline `typical`",
    "frequencies-round-half-to-even": "rounded another way",
    "frequencies-per-1000-flagged": "count it per 1,000 subscribers, all of them",
    "score-counts-flag-below-the-threshold": "flag when risk_score >= threshold",
    "deciles-numbered-from-zero": "numbers its deciles from 0",
    "deciles-of-equal-width": "ten equal-count groups",
    "brier-takes-the-root": "takes the square root",
    "reading-thirty-percent-is-this-one-leaves": "A probability speaks about a group",
    "weak-includes-a-segment-at-the-bar": "strictly below the bar",
    "weak-highest-first": "Put the lowest AUC first",
    "weak-only-cities": "Use both AUC Series together",
    "new-city-used-now": "is not a call these numbers support yet",
    "new-subscribers-read-as-weak-too": "Does the interval sit on one side of it?",
    "call-without-evidence": "should have exactly the keys 'decision', 'evidence' and 'reverse_if'",
    "verdicts-without-reasons": "should be a pair (verdict, reason)",
    "importance-read-as-cause": "A pattern in the data is not the effect of changing it",
    "curve-beyond-the-data-taken-as-evidence": "how many subscribers sit there?",
    "chart-with-upright-bars": "has bars that stand upright",
    "chart-keeps-a-legend-and-a-generic-title": "names the chart but not the finding",
    "chart-title-claims-a-cause": "states a cause",
    "chart-title-says-drives-churn": "states a cause",
    "chart-longest-bar-at-the-bottom": "the longest is at the bottom",
    "chart-without-labels-or-highlight": "has a bar without a label",
    "chart-highlights-tenure": "which one can a Larder team change directly",
    "makeover-of-the-challenger-forest": "has labels that should not be there",
}

FAIR_SCORES = {
    # ---- correct answers in another style than the solution: full points ----
    "rankings-from-a-dict-sorted-by-hand": ("q1_answer", """
def impurity_ranking(model, columns):
    pairs = sorted(zip(columns, model.feature_importances_), key=lambda p: -p[1])
    return pd.Series(dict(pairs))
def permutation_ranking(model, X, y):
    result = permutation_importance(model, X, y, n_repeats=10, random_state=0, scoring="roc_auc")
    return pd.Series(dict(zip(X.columns, result["importances_mean"]))).sort_values(ascending=False)
impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
""", 3.0),
    "traps-as-a-tuple-in-another-order": ("q2_answer", """
ranking_choice = {"reason": "impurity_favours_many_values", "traps": ("referral_code", "avg_basket_eur"),
                  "show": "permutation"}
""", 2.0),
    "traps-from-own-wrong-rankings": ("q2_answer", _Q1_RIGHT + """
permutation = permutation_ranking(forest, train[FEATURES], train["churned_next_4w"])
ranking_choice = {"show": "permutation", "traps": [c for c in impurity.index[:3] if permutation[c] < 0.005],
                  "reason": "impurity_favours_many_values"}
""", 2.0),
    "curve-by-hand-and-support-by-counting": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    out = {}
    for value in grid:
        out[value] = model.predict_proba(X.assign(**{feature: value}))[:, 1].mean()
    return pd.Series(out)
effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
_p95 = holdout["substitutions_per_month"].quantile(0.95)
supported_up_to = max(g for g in SUBSTITUTION_GRID if g <= _p95)
effect_shape = {"beyond": "too few subscribers to say", "direction": "rises"}
""", 3.0),
    "direction-read-from-own-curve-on-training-rows": ("q3_answer", _Q3_RIGHT_CURVE + """
effect_curve = dependence_curve(shipped, train[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
effect_shape = {"direction": "rises", "beyond": "too few subscribers to say"}
""", 3 * 4.5 / 5.5),
    "reasons-with-numpy-and-format": ("q4_answer", """
def contributions(row, coefficients, baseline):
    cols = list(coefficients.index)
    values = np.array([float(row[c]) for c in cols]) - np.array([float(baseline[c]) for c in cols])
    return pd.Series(coefficients.to_numpy() * values, index=cols)
def top_reasons(contribs, k=3):
    ranked = sorted(((v, c) for c, v in contribs.items() if v > 0), reverse=True)
    return [c for _, c in ranked[:k]]
def reason_sentence(feature, value, typical_value):
    return "{:.1f} {}, against {:.1f} for a typical subscriber".format(value, DESCRIPTIONS[feature], typical_value)
best_reasons = tuple(reason_sentence(c, best_customer[c], typical[c])
                     for c in top_reasons(contributions(best_customer, coefficients, typical)))
""", 3.0),
    "best-reasons-from-own-two-decimal-sentences": ("q4_answer", _Q4_RIGHT_FUNCTIONS + """
def reason_sentence(feature, value, typical_value):
    return f"{value:.2f} {DESCRIPTIONS[feature]}, against {typical_value:.2f} for a typical subscriber"
best_reasons = [reason_sentence(c, best_customer[c], typical[c])
                for c in top_reasons(contributions(best_customer, coefficients, typical))]
""", 3 * 4.75 / 5.5),
    "frequencies-with-decimal-half-up": ("q5_answer", """
from decimal import ROUND_HALF_UP, Decimal
def natural_frequencies(counts):
    def r(x):
        return int(Decimal(x).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    n = Decimal(counts["tp"] + counts["fp"] + counts["fn"] + counts["tn"])
    return {"flagged_and_leave": r(Decimal(1000 * counts["tp"]) / n),
            "leave": r(Decimal(1000 * (counts["tp"] + counts["fn"])) / n),
            "flagged": r(Decimal(1000 * (counts["tp"] + counts["fp"])) / n)}
_f = (scored["risk_score"] >= threshold).to_numpy()
_c = scored["churned_next_4w"].to_numpy()
score_counts = dict(tp=int(np.sum(_f & _c)), fp=int(np.sum(_f & ~_c)), fn=int(np.sum(~_f & _c)),
                    tn=int(np.sum(~_f & ~_c)))
score_frequencies = natural_frequencies(score_counts)
""", 2.0),
    "frequencies-as-whole-floats": ("q5_answer", """
def natural_frequencies(counts):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {"leave": np.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": np.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": np.floor(1000 * counts["tp"] / n + 0.5)}
""" + _Q5_RIGHT_COUNTS, 2 * 3.5 / 4),
    "frequencies-from-own-swapped-counts": ("q5_answer", """
import math
def natural_frequencies(counts):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return {"leave": math.floor(1000 * (counts["tp"] + counts["fn"]) / n + 0.5),
            "flagged": math.floor(1000 * (counts["tp"] + counts["fp"]) / n + 0.5),
            "flagged_and_leave": math.floor(1000 * counts["tp"] / n + 0.5)}
_f, _c = scored["risk_score"] >= threshold, scored["churned_next_4w"]
score_counts = {"tp": int((_f & _c).sum()), "fp": int((~_f & _c).sum()), "fn": int((_f & ~_c).sum()),
                "tn": int((~_f & ~_c).sum())}
score_frequencies = natural_frequencies(score_counts)
""", 2 * 3 / 4),
    "table-with-qcut-labels-and-crosstab-style": ("q6_answer", """
def reliability_table(scores, churned):
    s = pd.Series(np.asarray(scores, dtype=float))
    y = pd.Series(np.asarray(churned, dtype=bool))
    decile = pd.qcut(s, 10, labels=list(range(1, 11)))
    table = pd.DataFrame({"mean_score": s.groupby(decile, observed=True).mean(),
                          "churn_rate": y.groupby(decile, observed=True).mean(),
                          "subscribers": s.groupby(decile, observed=True).count()})
    return table
def brier_score(scores, churned):
    return sum((float(p) - float(o)) ** 2 for p, o in zip(scores, churned)) / len(scores)
score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"thirty_percent_means": "3_in_10_leave", "top_deciles": "over-predicts"}
""", 3.0),
    "segment-auc-with-apply-and-a-tuple": ("q7_answer", """
def segment_auc(frame, column):
    return frame.groupby(column)[["churned_next_4w", "risk_score"]].apply(
        lambda g: roc_auc_score(g["churned_next_4w"], g["risk_score"]))
def weak_segments(aucs, bar):
    below = [(a, s) for s, a in aucs.items() if a < bar]
    return tuple(s for a, s in sorted(below))
city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
new_city_call = {"evidence": ("Eindhoven", "new"), "reverse_if": "own_data_clears_bar", "decision": "not_yet"}
new_subscribers_reading = "cannot tell from these data"
""", 4.0),
    "verdicts-as-lists": ("q8_answer", """
claim_verdicts = {
    "c1": ["supported", "association"], "c2": ["not supported", "importance_is_not_cause"],
    "c3": ["not supported", "noise_column"], "c4": ["not supported", "importance_is_not_cause"],
    "c5": ["supported", "measured_on_holdout"], "c6": ["not supported", "weak_segment"],
    "c7": ["not supported", "miscalibrated"], "c8": ["not supported", "no_data"],
}
""", 3.0),
    "chart-with-text-labels-and-inverted-axis": ("q9_answer", _chart("""    s = importance.sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(6, 3))
    colours = ["tab:orange" if n == highlight else "lightgrey" for n in s.index]
    ax.barh(range(len(s)), s.to_numpy(), color=colours)
    ax.set_yticks(range(len(s)), [n.replace("_", " ") for n in s.index])
    ax.invert_yaxis()
    for i, v in enumerate(s):
        ax.text(v, i, f" {v:.2f}", va="center")
    fig.suptitle("Substitutions weigh more in the churn score than any other column")
    return fig"""), 3.0),
    "title-says-what-drives-the-score": ("q9_answer", _chart(_GOOD_CHART.replace(
        'f"The score leans most on {highlight}"', '"Substitutions drive the churn score more than any other column"')),
        3.0),
    "makeover-of-own-wrong-permutation": ("q9_answer", """
def permutation_ranking(model, X, y):
    r = permutation_importance(model, X, y, n_repeats=10, random_state=0)
    return pd.Series(r.importances_mean, index=X.columns).sort_values(ascending=False)
""" + _chart(_GOOD_CHART), 3.0),
}
