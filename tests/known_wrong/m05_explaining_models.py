"""Known-wrong answers and fairly graded answers for 05-explaining-models.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

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

_Q4_RIGHT_FUNCTIONS = """
def contributions(row, coefficients, baseline):
    return coefficients * (row[coefficients.index].astype(float) - baseline[coefficients.index])
def top_reasons(contribs, k=3):
    return list(contribs[contribs > 0].sort_values(ascending=False).index[:k])
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
city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
"""


def _chart(body: str, highlight_line: str = "actionable_driver = 'substitutions_per_month'") -> str:
    return f"""
import matplotlib.pyplot as plt
def importance_chart(importance, highlight):
{body}
{highlight_line}
makeover = importance_chart(permutation, actionable_driver)
"""


_GOOD_CHART = """    s = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(list(s.index), s.to_numpy(), color=["#d95f02" if n == highlight else "#bbbbbb" for n in s.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title(f"{highlight} moves churn risk most")
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
    "choice-shows-impurity-because-it-has-direction": ("q2_answer", """
ranking_choice = {"show": "impurity", "traps": ["referral_code", "avg_basket_eur"],
                  "reason": "impurity_shows_direction"}
""", "hidden"),
    "choice-traps-are-the-impurity-top-three": ("q2_answer", """
ranking_choice = {"show": "permutation", "traps": list(impurity.index[:3]), "reason": "impurity_favours_many_values"}
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
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
effect_shape = {"direction": "rises", "levels_off_at": 4.0}
""", "visible"),
    "shape-bend-at-the-maximum": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
effect_shape = {"direction": "rises", "levels_off_at": float(effect_curve.idxmax())}
""", "hidden"),
    "shape-says-rises-then-falls": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
effect_shape = {"direction": "rises then falls", "levels_off_at": 4.0}
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
_median = train[REASON_FEATURES].median()
best_reasons = [reason_sentence(c, best_customer[c], _median[c])
                for c in top_reasons(contributions(best_customer, coefficients, _median))]
""", "hidden"),
    # ---- question 5 ----
    "frequencies-round-half-to-even": ("q5_answer", """
def natural_frequencies(counts):
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": round(1000 * tp / (tp + fp)), "caught_per_10_leavers": round(10 * tp / (tp + fn))}
score_frequencies = natural_frequencies(score_counts)
""", "visible"),
    "frequencies-swap-precision-and-recall": ("q5_answer", """
import math
def natural_frequencies(counts):
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": math.floor(1000 * tp / (tp + fn) + 0.5),
            "caught_per_10_leavers": math.floor(10 * tp / (tp + fp) + 0.5)}
score_frequencies = natural_frequencies(score_counts)
""", "visible"),
    "score-counts-flag-below-the-threshold": ("q5_answer", """
import math
def natural_frequencies(counts):
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": math.floor(1000 * tp / (tp + fp) + 0.5),
            "caught_per_10_leavers": math.floor(10 * tp / (tp + fn) + 0.5)}
_f, _c = scored["risk_score"] < threshold, scored["churned_next_4w"]
score_counts = {"tp": int((_f & _c).sum()), "fp": int((_f & ~_c).sum()), "fn": int((~_f & _c).sum()),
                "tn": int((~_f & ~_c).sum())}
score_frequencies = {"leave_per_1000_flagged": 305, "caught_per_10_leavers": 4}
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
    "weak-includes-a-segment-at-the-bar": ("q7_answer", _Q7_RIGHT_AUC + """
def weak_segments(aucs, bar):
    return list(aucs[aucs <= bar].sort_values().index)
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
""", "visible"),
    "weak-highest-first": ("q7_answer", _Q7_RIGHT_AUC + """
def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values(ascending=False).index)
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
""", "visible"),
    "weak-only-cities": ("q7_answer", _Q7_RIGHT_AUC + """
def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values().index)
weak = weak_segments(city_auc, auc_bar)
""", "hidden"),
    # ---- question 8 ----
    "verdicts-without-reasons": ("q8_answer", """
claim_verdicts = {c: "supported" for c in CLAIMS}
""", "visible"),
    "importance-read-as-cause": ("q8_answer", """
claim_verdicts = {
    "c1": ("supported", "association"), "c2": ("supported", "association"),
    "c3": ("not supported", "noise_column"), "c4": ("supported", "association"),
    "c5": ("supported", "measured_on_holdout"), "c6": ("not supported", "weak_segment"),
    "c7": ("not supported", "miscalibrated"),
}
""", "hidden"),
    # ---- question 9 ----
    "chart-with-upright-bars": ("q9_answer", _chart("""    s = importance.sort_values(ascending=False)
    fig, ax = plt.subplots()
    bars = ax.bar(list(s.index), s.to_numpy(), color=["#d95f02" if n == highlight else "#bbbbbb" for n in s.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title(f"{highlight} moves churn risk most")
    return fig"""), "visible"),
    "chart-keeps-a-legend-and-a-generic-title": ("q9_answer", _chart("""    s = importance.sort_values()
    fig, ax = plt.subplots()
    for name, value in s.items():
        bars = ax.barh(name, value, color="#d95f02" if name == highlight else "#bbbbbb", label=name)
        ax.bar_label(bars, fmt="%.3f")
    ax.set_title("Feature importances")
    ax.legend()
    return fig"""), "visible"),
    "chart-longest-bar-at-the-bottom": ("q9_answer", _chart(_GOOD_CHART.replace(
        "importance.sort_values()", "importance.sort_values(ascending=False)")), "visible"),
    "chart-without-labels-or-highlight": ("q9_answer", _chart("""    s = importance.sort_values()
    fig, ax = plt.subplots()
    ax.barh(list(s.index), s.to_numpy(), color=plt.cm.tab10(range(len(s))))
    ax.set_title(f"{highlight} moves churn risk most")
    return fig"""), "visible"),
    "chart-highlights-tenure": ("q9_answer", _chart(_GOOD_CHART, "actionable_driver = 'tenure_months'"), "hidden"),
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
    "curve-by-hand-and-bend-read-off": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    out = {}
    for value in grid:
        out[value] = model.predict_proba(X.assign(**{feature: value}))[:, 1].mean()
    return pd.Series(out)
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
_start, _top = effect_curve.iloc[0], effect_curve.max()
effect_shape = {"direction": "rises",
                "levels_off_at": next(g for g, v in effect_curve.items() if v - _start >= 0.9 * (_top - _start))}
""", 2.0),
    "bend-read-from-own-curve-on-training-rows": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    r = partial_dependence(model, X, [feature], custom_values={feature: np.asarray(grid)}, kind="average")
    return pd.Series(r["average"][0], index=np.asarray(grid))
effect_curve = dependence_curve(forest, train[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
_rise = effect_curve - effect_curve.iloc[0]
effect_shape = {"direction": "rises", "levels_off_at": float(effect_curve.index[_rise >= 0.9 * _rise.max()][0])}
""", 5 / 6 * 2),
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
""", 5 / 7 * 3),
    "frequencies-with-decimal-half-up": ("q5_answer", """
from decimal import ROUND_HALF_UP, Decimal
def natural_frequencies(counts):
    def r(x):
        return int(Decimal(x).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": r(Decimal(1000 * tp) / Decimal(tp + fp)),
            "caught_per_10_leavers": r(Decimal(10 * tp) / Decimal(tp + fn))}
_f = (scored["risk_score"] >= threshold).to_numpy()
_c = scored["churned_next_4w"].to_numpy()
score_counts = dict(tp=int(np.sum(_f & _c)), fp=int(np.sum(_f & ~_c)), fn=int(np.sum(~_f & _c)),
                    tn=int(np.sum(~_f & ~_c)))
score_frequencies = natural_frequencies(score_counts)
""", 2.0),
    "frequencies-from-own-swapped-counts": ("q5_answer", """
import math
def natural_frequencies(counts):
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": math.floor(1000 * tp / (tp + fp) + 0.5),
            "caught_per_10_leavers": math.floor(10 * tp / (tp + fn) + 0.5)}
_f, _c = scored["risk_score"] >= threshold, scored["churned_next_4w"]
score_counts = {"tp": int((_f & _c).sum()), "fp": int((~_f & _c).sum()), "fn": int((_f & ~_c).sum()),
                "tn": int((~_f & ~_c).sum())}
score_frequencies = natural_frequencies(score_counts)
""", 4 / 5 * 2),
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
    "segment-auc-with-apply": ("q7_answer", """
def segment_auc(frame, column):
    return frame.groupby(column)[["churned_next_4w", "risk_score"]].apply(
        lambda g: roc_auc_score(g["churned_next_4w"], g["risk_score"]))
def weak_segments(aucs, bar):
    below = [(a, s) for s, a in aucs.items() if a < bar]
    return tuple(s for a, s in sorted(below))
city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
""", 2.0),
    "verdicts-as-lists": ("q8_answer", """
claim_verdicts = {
    "c1": ["supported", "association"], "c2": ["not supported", "importance_is_not_cause"],
    "c3": ["not supported", "noise_column"], "c4": ["not supported", "importance_is_not_cause"],
    "c5": ["supported", "measured_on_holdout"], "c6": ["not supported", "weak_segment"],
    "c7": ["not supported", "miscalibrated"],
}
""", 2.0),
    "chart-with-text-labels-and-inverted-axis": ("q9_answer", _chart("""    s = importance.sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(6, 3))
    colours = ["tab:orange" if n == highlight else "lightgrey" for n in s.index]
    ax.barh(range(len(s)), s.to_numpy(), color=colours)
    ax.set_yticks(range(len(s)), [n.replace("_", " ") for n in s.index])
    ax.invert_yaxis()
    for i, v in enumerate(s):
        ax.text(v, i, f" {v:.3f}", va="center")
    fig.suptitle("Substitutions drive the churn score more than any other column")
    return fig"""), 3.0),
    "makeover-of-own-wrong-permutation": ("q9_answer", """
permutation = permutation_ranking(forest, train[FEATURES], train["churned_next_4w"])
""" + _chart(_GOOD_CHART), 3.0),
    # ---- attempt B of the closing note: a data scientist new to product work, typical slips ----
    "attempt-b-bend-read-at-the-maximum": ("q3_answer", """
def dependence_curve(model, X, feature, grid):
    pdp = partial_dependence(model, X, [feature], custom_values={feature: grid}, kind="average")
    return pd.Series(pdp["average"][0], index=grid)
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
effect_shape = {"direction": "rises", "levels_off_at": float(effect_curve.idxmax())}
""", 5 / 6 * 2),
    "attempt-b-no-baseline-and-negative-reasons": ("q4_answer", """
def contributions(row, coefficients, baseline):
    return coefficients * row[coefficients.index]
def top_reasons(contribs, k=3):
    return list(contribs.sort_values(ascending=False).index[:k])
def reason_sentence(feature, value, typical_value):
    return f"{value:.1f} {DESCRIPTIONS[feature]}, against {typical_value:.1f} for a typical subscriber"
best_reasons = [reason_sentence(f, best_customer[f], typical[f])
                for f in top_reasons(contributions(best_customer, coefficients, typical))]
""", 4 / 7 * 3),
    "attempt-b-python-round": ("q5_answer", """
def natural_frequencies(counts):
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"leave_per_1000_flagged": round(1000 * tp / (tp + fp)), "caught_per_10_leavers": round(10 * tp / (tp + fn))}
f = scored["risk_score"] >= threshold
y = scored["churned_next_4w"]
score_counts = {"tp": int((f & y).sum()), "fp": int((f & ~y).sum()), "fn": int((~f & y).sum()),
                "tn": int((~f & ~y).sum())}
score_frequencies = natural_frequencies(score_counts)
""", 4 / 5 * 2),
    "attempt-b-thirty-percent-read-as-a-rank": ("q6_answer", _Q6_RIGHT_FUNCTIONS + """
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "top_30_percent"}
""", 6 / 7 * 3),
    "attempt-b-weak-segments-of-cities-only": ("q7_answer", _Q7_RIGHT_AUC + """
def weak_segments(aucs, bar):
    return list(aucs[aucs < bar].sort_values().index)
weak = weak_segments(city_auc, auc_bar)
""", 5 / 6 * 2),
    "attempt-b-two-claims-wrong": ("q8_answer", """
claim_verdicts = {
    "c1": ("supported", "association"), "c2": ("supported", "association"),
    "c3": ("not supported", "noise_column"), "c4": ("not supported", "importance_is_not_cause"),
    "c5": ("supported", "measured_on_holdout"), "c6": ("not supported", "weak_segment"),
    "c7": ("supported", "measured_on_holdout"),
}
""", 11 / 15 * 2),
    "attempt-b-generic-title-and-a-non-actionable-driver": ("q9_answer", _chart("""    s = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(s.index, s.values, color=["tab:red" if i == highlight else "tab:grey" for i in s.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title("Permutation feature importance")
    return fig""", "actionable_driver = 'days_since_last_order'"), 8 / 10 * 3),
    # ---- attempt C of the closing note: half done, out of time after question 4 ----
    "attempt-c-one-trap-named": ("q2_answer", """
ranking_choice = {"show": "permutation", "traps": ["referral_code"], "reason": "impurity_favours_many_values"}
""", 3 / 4 * 2),
    "attempt-c-curve-without-its-reading": ("q3_answer", """
globals().pop("effect_shape", None)
def dependence_curve(model, X, feature, grid):
    pdp = partial_dependence(model, X, [feature], custom_values={feature: grid}, kind="average")
    return pd.Series(pdp["average"][0], index=grid)
effect_curve = dependence_curve(forest, holdout[FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
""", 3 / 6 * 2),
    "attempt-c-contributions-only": ("q4_answer", """
globals().pop("best_reasons", None)
def contributions(row, coefficients, baseline):
    return coefficients * (row[coefficients.index] - baseline[coefficients.index])
def top_reasons(contribs, k=3):
    raise NotImplementedError()
def reason_sentence(feature, value, typical_value):
    raise NotImplementedError()
best_contributions = contributions(best_customer, coefficients, typical)
""", 2 / 7 * 3),
}
