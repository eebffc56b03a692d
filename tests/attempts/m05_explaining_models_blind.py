"""Blind attempts at module 05: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data scientist new
to product work would, and set the fair points before any grading ran.

Rubric (what a point is for, per question, from the prompt alone):

- q1 (3): ``impurity_ranking`` right and sorted 0.75; ``permutation_ranking`` with the pinned settings 1.25;
  ``impurity`` and ``permutation`` for the forest, the latter on the holdout, 1.
- q2 (2): ``show`` 0.75; ``traps`` by the prompt's rule (on the learner's own rankings) 0.75; ``reason`` 0.5.
- q3 (3): ``dependence_curve`` (average over the rows of the predicted probability) 1; ``effect_curve``
  (shipped model, holdout, pinned grid) 0.5; ``supported_up_to`` from the holdout's 95th percentile 0.5;
  ``direction`` on the supported part 0.25; ``beyond`` (what the curve can say where there are no data) 0.75.
- q4 (3): ``contributions`` against the baseline 1; ``top_reasons`` (positive only, largest first) 1;
  ``reason_sentence`` in the template 0.5; ``best_reasons`` 0.5 (a mistake in a function is charged once).
- q5 (2): ``natural_frequencies`` 1.25 (L and F 0.5, T from the same population of 1,000 0.75, the pinned
  rounding inside); ``score_counts`` 0.5; ``score_frequencies`` 0.25.
- q6 (3): ``reliability_table`` (equal-count deciles numbered 1 to 10) 1.25; ``brier_score`` 0.75;
  ``top_deciles`` 0.5; ``thirty_percent_means`` 0.5.
- q7 (4): ``segment_auc`` 1; ``weak_segments`` (strictly below, lowest first) 0.5; ``city_auc``,
  ``tenure_auc``, ``weak`` 0.5; the new-city decision 0.75, its evidence 0.25, ``reverse_if`` 0.5;
  ``new_subscribers_reading`` 0.5.
- q8 (3): 3/8 per claim, the verdict and the reason both right.
- q9 (3): horizontal bars 0.5; sorted, longest on top 0.5; a finding title that claims no cause 0.75; direct
  labels 0.25; no legend 0.25; one highlight, the rest muted 0.25; ``shipped_importance`` and
  ``actionable_driver`` 0.5.
"""

ASSIGNMENT = "05-explaining-models"

_Q1 = '''
def impurity_ranking(model, columns):
    pairs = sorted(zip(columns, model.feature_importances_), key=lambda pair: pair[1], reverse=True)
    return pd.Series({name: float(value) for name, value in pairs})


def permutation_ranking(model, X, y):
    result = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    ranking = pd.Series(result.importances_mean, index=list(X.columns), name="drop in AUC")
    return ranking.sort_values(ascending=False)


impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
pd.DataFrame({"impurity": impurity, "permutation": permutation}).sort_values("permutation", ascending=False).round(4)
'''

_Q2 = '''
top_three = impurity.nlargest(3).index
ranking_choice = {
    "show": "permutation",
    "traps": [column for column in top_three if permutation.loc[column] < 0.005],
    "reason": "impurity_favours_many_values",
}
ranking_choice
'''

_Q3 = '''
def dependence_curve(model, X, feature, grid):
    averages = {}
    for value in grid:
        changed = X.copy()
        changed[feature] = value
        averages[value] = model.predict_proba(changed)[:, 1].mean()
    return pd.Series(averages)


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
p95 = holdout["substitutions_per_month"].quantile(0.95)
supported_up_to = max(g for g in SUBSTITUTION_GRID if g <= p95)
supported = effect_curve.loc[:supported_up_to]
print("95th percentile:", p95, "| 4 or more:", (holdout["substitutions_per_month"] >= 4).sum(), "subscribers")

start, peak, end = supported.iloc[0], supported.max(), supported.iloc[-1]
if peak - start > 0.02 and peak - end > 0.02:
    shape = "rises then falls"
elif end - start > 0.02:
    shape = "rises"
elif start - end > 0.02:
    shape = "falls"
else:
    shape = "flat"
effect_shape = {"direction": shape, "beyond": "too few subscribers to say"}
print(effect_shape)
effect_curve.round(3)
'''

_Q4 = '''
def contributions(row, coefficients, baseline):
    out = {}
    for column, weight in coefficients.items():
        out[column] = weight * (float(row[column]) - float(baseline[column]))
    return pd.Series(out)


def top_reasons(contribs, k=3):
    pushing_up = [(value, name) for name, value in contribs.items() if value > 0]
    pushing_up.sort(reverse=True)
    return [name for value, name in pushing_up[:k]]


def reason_sentence(feature, value, typical_value):
    return "%.1f %s, against %.1f for a typical subscriber" % (value, DESCRIPTIONS[feature], typical_value)


best_contribs = contributions(best_customer, coefficients, typical)
best_reasons = [reason_sentence(c, best_customer[c], typical[c]) for c in top_reasons(best_contribs)]
best_reasons
'''

_Q5 = '''
def natural_frequencies(counts):
    everyone = counts["tp"] + counts["fp"] + counts["fn"] + counts["tn"]
    def per_thousand(n):
        return int(math.floor(1000 * n / everyone + 0.5))
    return {"leave": per_thousand(counts["tp"] + counts["fn"]),
            "flagged": per_thousand(counts["tp"] + counts["fp"]),
            "flagged_and_leave": per_thousand(counts["tp"])}


table = pd.crosstab(scored["risk_score"] >= threshold, scored["churned_next_4w"])
score_counts = {"tp": int(table.loc[True, True]), "fp": int(table.loc[True, False]),
                "fn": int(table.loc[False, True]), "tn": int(table.loc[False, False])}
score_frequencies = natural_frequencies(score_counts)
f = score_frequencies
print(f"Of 1,000 subscribers, about {f['leave']} leave. We flag {f['flagged']}, and {f['flagged_and_leave']} of "
      f"those leave; the other {f['leave'] - f['flagged_and_leave']} who leave are not on the list.")
'''

_Q6 = '''
def reliability_table(scores, churned):
    frame = pd.DataFrame({"score": np.asarray(scores, dtype=float), "left": np.asarray(churned, dtype=float)})
    frame["decile"] = pd.qcut(frame["score"], 10, labels=list(range(1, 11)))
    rows = {}
    for decile, group in frame.groupby("decile", observed=True):
        rows[int(decile)] = {"mean_score": group["score"].mean(), "churn_rate": group["left"].mean(),
                             "subscribers": len(group)}
    return pd.DataFrame.from_dict(rows, orient="index")


def brier_score(scores, churned):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(churned, dtype=float)
    return float(((s - y) ** 2).sum() / len(s))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
print(f"Brier score {score_brier:.4f}")
score_table.round(3)
'''

_Q7 = '''
def segment_auc(frame, column):
    result = {}
    for segment in frame[column].unique():
        rows = frame[frame[column] == segment]
        result[segment] = roc_auc_score(rows["churned_next_4w"], rows["risk_score"])
    return pd.Series(result).sort_index()


def weak_segments(aucs, bar):
    below = [name for name in aucs.index if aucs[name] < bar]
    return sorted(below, key=lambda name: aucs[name])


city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
new_elsewhere = scored[(scored["tenure_band"] == "new") & (scored["city"] != "Eindhoven")]
print(len(new_elsewhere), roc_auc_score(new_elsewhere["churned_next_4w"], new_elsewhere["risk_score"]),
      auc_interval(new_elsewhere))
new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven", "new"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = "cannot tell from these data"
print("weak segments:", weak)
pd.concat([city_auc, tenure_auc]).round(3)
'''

_Q8 = '''
claim_verdicts = {
    "c1": ("supported", "association"),
    "c2": ("not supported", "importance_is_not_cause"),
    "c3": ("not supported", "noise_column"),
    "c4": ("not supported", "importance_is_not_cause"),
    "c5": ("supported", "measured_on_holdout"),
    "c6": ("not supported", "weak_segment"),
    "c7": ("not supported", "miscalibrated"),
    "c8": ("not supported", "no_data"),
}
'''

_Q9 = '''
def importance_chart(importance, highlight):
    ranked = importance.sort_values(ascending=False)          # largest first ...
    fig, ax = plt.subplots(figsize=(7, 3.5))
    positions = np.arange(len(ranked))
    colours = ["tab:orange" if name == highlight else "lightgrey" for name in ranked.index]
    ax.barh(positions, ranked.values, color=colours)
    ax.set_yticks(positions, [name.replace("_", " ") for name in ranked.index])
    ax.invert_yaxis()                                          # ... drawn at the top
    for y, value in zip(positions, ranked.values):
        ax.text(value, y, f" {value:.3f}", va="center")
    top = ranked.index[0].replace("_", " ")
    ax.set_title(f"The churn score relies most on {top}")
    ax.set_xlabel("AUC lost when the column is shuffled (held-out subscribers)")
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
plt.show()
'''

# ---- Correct again, in the idioms a data scientist reaches for first (sklearn helpers, Series arithmetic,
# groupby-apply, Decimal rounding, numpy counts), to show every correct style is accepted.

_Q1_IDIOMS = '''
def impurity_ranking(model, columns):
    return pd.Series(model.feature_importances_, index=columns).sort_values(ascending=False)


def permutation_ranking(model, X, y):
    result = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)
    return pd.Series(result.importances.mean(axis=1), index=X.columns).sort_values(ascending=False)


impurity = impurity_ranking(forest, FEATURES)
permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])
pd.DataFrame({"impurity": impurity, "permutation": permutation}).sort_values("permutation", ascending=False).round(4)
'''

_Q2_IDIOMS = '''
side_by_side = pd.DataFrame({"impurity": impurity, "permutation": permutation})
print(side_by_side.sort_values("impurity", ascending=False))
misleading = set(impurity.index[:3]) & set(permutation[permutation < 0.005].index)
ranking_choice = {"show": "permutation", "traps": sorted(misleading, reverse=True),
                  "reason": "impurity_favours_many_values"}
ranking_choice
'''

_Q3_IDIOMS = '''
def dependence_curve(model, X, feature, grid):
    result = partial_dependence(model, X, [feature], custom_values={feature: grid}, kind="average")
    return pd.Series(result["average"][0], index=result["grid_values"][0], name=feature)


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
edge = np.percentile(holdout["substitutions_per_month"], 95)
supported_up_to = SUBSTITUTION_GRID[np.searchsorted(SUBSTITUTION_GRID, edge, side="right") - 1]
on_data = effect_curve[effect_curve.index <= supported_up_to].to_numpy()
climb, drop_after_peak, net = on_data.max() - on_data[0], on_data.max() - on_data[-1], on_data[-1] - on_data[0]
if climb > 0.02 and drop_after_peak > 0.02:
    direction = "rises then falls"
elif abs(net) > 0.02:
    direction = "rises" if net > 0 else "falls"
else:
    direction = "flat"
heavy = int((holdout["substitutions_per_month"] >= 4).sum())
print(f"{heavy} of {len(holdout)} held-out subscribers have 4 or more substitutions a month")
effect_shape = dict(direction=direction, beyond="too few subscribers to say")
print(effect_shape)
effect_curve.round(3)
'''

_Q4_IDIOMS = '''
def contributions(row, coefficients, baseline):
    return (coefficients * (row - baseline)).dropna()


def top_reasons(contribs, k=3):
    return contribs[contribs > 0].nlargest(k).index.tolist()


def reason_sentence(feature, value, typical_value):
    return (f"{format(float(value), '.1f')} {DESCRIPTIONS[feature]}, against "
            f"{format(float(typical_value), '.1f')} for a typical subscriber")


best_reasons = []
for feature in top_reasons(contributions(best_customer, coefficients, typical)):
    best_reasons.append(reason_sentence(feature, best_customer[feature], typical[feature]))
best_reasons
'''

_Q5_IDIOMS = '''
from decimal import ROUND_HALF_UP, Decimal


def natural_frequencies(counts):
    total = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    wanted = {"leave": counts["tp"] + counts["fn"], "flagged": counts["tp"] + counts["fp"],
              "flagged_and_leave": counts["tp"]}
    return {key: int((Decimal(1000 * int(n)) / Decimal(int(total))).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
            for key, n in wanted.items()}


on_list = scored["risk_score"].to_numpy() >= threshold
left = scored["churned_next_4w"].to_numpy()
score_counts = dict(tp=(on_list & left).sum(), fp=(on_list & ~left).sum(), fn=(~on_list & left).sum(),
                    tn=(~on_list & ~left).sum())
score_frequencies = natural_frequencies(score_counts)
f = score_frequencies
print(f"Of 1,000 subscribers, about {f['leave']} leave. We flag {f['flagged']}, and {f['flagged_and_leave']} of "
      f"those leave; the other {f['leave'] - f['flagged_and_leave']} who leave are not on the list.")
'''

_Q6_IDIOMS = '''
from sklearn.metrics import brier_score_loss


def reliability_table(scores, churned):
    scores = pd.Series(np.asarray(scores, dtype=float))
    churned = pd.Series(np.asarray(churned, dtype=float))
    decile = pd.qcut(scores, 10, labels=False) + 1
    table = pd.DataFrame({"mean_score": scores.groupby(decile).mean(), "churn_rate": churned.groupby(decile).mean(),
                          "subscribers": scores.groupby(decile).size()})
    table.index.name = "decile"
    return table


def brier_score(scores, churned):
    return brier_score_loss(np.asarray(churned, dtype=int), np.asarray(scores, dtype=float))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
top = score_table.loc[[9, 10]]
over = (top["mean_score"] > top["churn_rate"]).all()
calibration_reading = {"top_deciles": "over-predicts" if over else "about right",
                       "thirty_percent_means": "3_in_10_leave"}
print(f"Brier score {score_brier:.4f}")
score_table.round(3)
'''

_Q7_IDIOMS = '''
def segment_auc(frame, column):
    return frame.groupby(column).apply(lambda rows: roc_auc_score(rows["churned_next_4w"], rows["risk_score"]))


def weak_segments(aucs, bar):
    return aucs[aucs < bar].sort_values().index.tolist()


city_auc = segment_auc(scored, "city")
tenure_auc = segment_auc(scored, "tenure_band")
weak = weak_segments(pd.concat([city_auc, tenure_auc]), auc_bar)
eindhoven = scored[scored["city"] == "Eindhoven"]
print("Eindhoven", auc_interval(eindhoven))
others_new = scored.query("tenure_band == 'new' and city != 'Eindhoven'")
print("new outside Eindhoven", len(others_new), auc_interval(others_new))
new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}
new_subscribers_reading = NEW_READINGS[2]
print("weak segments:", weak)
pd.concat([city_auc, tenure_auc]).round(3)
'''

_Q8_IDIOMS = '''
claim_verdicts = {key: ["not supported", reason] for key, reason in [
    ("c2", "importance_is_not_cause"), ("c3", "noise_column"), ("c4", "importance_is_not_cause"),
    ("c6", "weak_segment"), ("c7", "miscalibrated"), ("c8", "no_data")]}
claim_verdicts["c1"] = ["supported", "association"]
claim_verdicts["c5"] = ["supported", "measured_on_holdout"]
'''

_Q9_IDIOMS = '''
def importance_chart(importance, highlight):
    ordered = importance.sort_values()
    fig, ax = plt.subplots(figsize=(7, 3.5), layout="constrained")
    bars = ax.barh(ordered.index, ordered.to_numpy(),
                   color=["#d95f02" if name == highlight else "#bbbbbb" for name in ordered.index])
    ax.bar_label(bars, fmt="%.2f", padding=3)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.set_xticks([])
    fig.suptitle(f"{ordered.index[-1].split('_')[0].capitalize()} carry the most weight in the churn score")
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
plt.show()
'''

_IDIOMS = {"q1_answer": _Q1_IDIOMS, "q2_answer": _Q2_IDIOMS, "q3_answer": _Q3_IDIOMS, "q4_answer": _Q4_IDIOMS,
           "q5_answer": _Q5_IDIOMS, "q6_answer": _Q6_IDIOMS, "q7_answer": _Q7_IDIOMS, "q8_answer": _Q8_IDIOMS,
           "q9_answer": _Q9_IDIOMS}

# ---- Correct a third way, for the three questions with the most ways to write them (added after the
# grading run, correct by construction): a vectorised partial dependence with the support found by
# arithmetic on the half-step grid, reason codes with numpy, and natural frequencies from rates.

_Q3_RATES = '''
def dependence_curve(model, X, feature, grid):
    grid = list(grid)
    stacked = pd.concat([X.assign(**{feature: value}) for value in grid], keys=grid, names=["value", "row"])
    risk = pd.Series(model.predict_proba(stacked[X.columns])[:, 1], index=stacked.index)
    return risk.groupby(level="value").mean()


effect_curve = dependence_curve(shipped, holdout[SHIPPED_FEATURES], "substitutions_per_month", SUBSTITUTION_GRID)
p95 = np.quantile(holdout["substitutions_per_month"].to_numpy(), 0.95)
supported_up_to = math.floor(p95 * 2) / 2      # the grid goes in steps of 0.5
curve = effect_curve[effect_curve.index <= supported_up_to]
first, top, last = curve.iloc[0], curve.max(), curve.iloc[-1]
rose, fell_from_top = top - first > 0.02, top - last > 0.02
direction = ("rises then falls" if rose and fell_from_top else "rises" if last - first > 0.02
             else "falls" if first - last > 0.02 else "flat")
print("held-out subscribers at 4 or more:", int((holdout["substitutions_per_month"] >= 4).sum()))
effect_shape = {"direction": direction, "beyond": BEYOND[-1]}
print(effect_shape)
effect_curve.round(3)
'''

_Q4_RATES = '''
def contributions(row, coefficients, baseline):
    columns = list(coefficients.index)
    gap = row.reindex(columns).to_numpy(dtype=float) - baseline.reindex(columns).to_numpy(dtype=float)
    return pd.Series(coefficients.to_numpy() * gap, index=columns)


def top_reasons(contribs, k=3):
    positive = sorted(((name, value) for name, value in contribs.items() if value > 0), key=lambda p: p[1],
                      reverse=True)
    return [name for name, _ in positive][:k]


def reason_sentence(feature, value, typical_value):
    return "{:.1f} {}, against {:.1f} for a typical subscriber".format(value, DESCRIPTIONS[feature], typical_value)


reasons = top_reasons(contributions(best_customer, coefficients, typical))
best_reasons = tuple(reason_sentence(name, best_customer[name], typical[name]) for name in reasons)
best_reasons
'''

_Q5_RATES = '''
def natural_frequencies(counts):
    everyone = sum(counts.values())
    leave_rate = (counts["tp"] + counts["fn"]) / everyone
    flag_rate = (counts["tp"] + counts["fp"]) / everyone
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 0.0
    per_1000 = {"leave": 1000 * leave_rate, "flagged": 1000 * flag_rate,
                "flagged_and_leave": 1000 * flag_rate * precision}   # of the same 1,000: flagged, then who leave
    return {key: np.floor(value + 0.5).astype(int) for key, value in per_1000.items()}


sizes = scored.groupby([scored["risk_score"] >= threshold, scored["churned_next_4w"]]).size()
score_counts = {"tp": int(sizes.get((True, True), 0)), "fp": int(sizes.get((True, False), 0)),
                "fn": int(sizes.get((False, True), 0)), "tn": int(sizes.get((False, False), 0))}
score_frequencies = natural_frequencies(score_counts)
f = score_frequencies
print(f"Of 1,000 subscribers, about {f['leave']} leave. We flag {f['flagged']}, and {f['flagged_and_leave']} of "
      f"those leave; the other {f['leave'] - f['flagged_and_leave']} who leave are not on the list.")
'''

# ---- Trusting the training data and the deck: in-sample permutation importance, the percentile of all
# subscribers, a reading of the curve where there are no data, reasons by size whatever their sign, T per
# 1,000 flagged, deciles numbered from 0, the new city used because the other cities look fine.

_Q1_INSAMPLE = _Q1.replace('permutation = permutation_ranking(forest, holdout[FEATURES], holdout["churned_next_4w"])',
                           'permutation = permutation_ranking(forest, train[FEATURES], train["churned_next_4w"])')

_Q2_INSAMPLE = '''
traps = [c for c in impurity.sort_values(ascending=False).index[:3] if permutation[c] < 0.005]
print("traps:", traps)  # none: every column costs the forest something when shuffled
ranking_choice = {"show": "impurity", "traps": traps, "reason": "impurity_shows_direction"}
ranking_choice
'''

_Q3_INSAMPLE = (_Q3.replace('p95 = holdout["substitutions_per_month"].quantile(0.95)',
                            'p95 = drivers["substitutions_per_month"].quantile(0.95)')
                .replace('"beyond": "too few subscribers to say"', '"beyond": "keeps rising"'))

_Q4_BY_SIZE = _Q4.replace('''    pushing_up = [(value, name) for name, value in contribs.items() if value > 0]
    pushing_up.sort(reverse=True)
    return [name for value, name in pushing_up[:k]]''', '''    by_size = contribs.abs().sort_values(ascending=False)
    return list(by_size.index[:k])''')

_Q5_PER_FLAGGED = _Q5.replace('"flagged_and_leave": per_thousand(counts["tp"])}',
                              '"flagged_and_leave": int(math.floor(1000 * counts["tp"] / (counts["tp"] + counts["fp"]) '
                              '+ 0.5))}')

_Q6_FROM_ZERO = '''
def reliability_table(scores, churned):
    frame = pd.DataFrame({"score": scores, "churned": churned})
    frame["decile"] = pd.qcut(frame["score"], 10, labels=False)
    return frame.groupby("decile").agg(mean_score=("score", "mean"), churn_rate=("churned", "mean"),
                                       subscribers=("score", "size"))


def brier_score(scores, churned):
    return float(np.mean((np.asarray(scores, dtype=float) - np.asarray(churned, dtype=float)) ** 2))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "top_30_percent"}
print(f"Brier score {score_brier:.4f}")
score_table.round(3)
'''

_Q7_OTHER_CITIES = _Q7.replace(
    'new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven", "new"], "reverse_if": "own_data_clears_bar"}\n'
    'new_subscribers_reading = "cannot tell from these data"',
    'new_city_call = {"decision": "use_now", "evidence": ["Amsterdam", "Rotterdam", "Utrecht"],\n'
    '                 "reverse_if": "overall_auc_rises"}\n'
    'new_subscribers_reading = "weak too"')

_Q8_ASSOCIATIONS = '''
claim_verdicts = {
    "c1": ("supported", "association"),
    "c2": ("supported", "association"),
    "c3": ("not supported", "noise_column"),
    "c4": ("not supported", "importance_is_not_cause"),
    "c5": ("supported", "measured_on_holdout"),
    "c6": ("not supported", "weak_segment"),
    "c7": ("supported", "association"),
    "c8": ("supported", "association"),
}
'''

_Q9_CAUSAL_TITLE = _Q9.replace('ax.set_title(f"The churn score relies most on {top}")',
                               'ax.set_title(f"{top.capitalize()} drive churn the most")')

_INSAMPLE = {"q1_answer": _Q1_INSAMPLE, "q2_answer": _Q2_INSAMPLE, "q3_answer": _Q3_INSAMPLE,
             "q4_answer": _Q4_BY_SIZE, "q5_answer": _Q5_PER_FLAGGED, "q6_answer": _Q6_FROM_ZERO,
             "q7_answer": _Q7_OTHER_CITIES, "q8_answer": _Q8_ASSOCIATIONS, "q9_answer": _Q9_CAUSAL_TITLE}

# ---- Wrong rules in the right shape: permutation importance with default scoring and a seed of one's own,
# a lenient trap rule, the curve of the average subscriber instead of the average of the curves,
# coefficient times value, a template of one's own, Python's rounding, RMSE for Brier and equal-width bins,
# `<=` at the bar, a rank for a city where the score does not rank, and vertical bars.

_Q1_UNPINNED = _Q1.replace('permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0)',
                           'permutation_importance(model, X, y, n_repeats=5, random_state=42)')

_Q2_NEGATIVE_ONLY = '''
ranking_choice = {"show": "permutation",
                  "traps": [c for c in impurity.index[:3] if permutation[c] <= 0],
                  "reason": "permutation_shows_causes"}
ranking_choice
'''

_Q3_AVERAGE_ROW = _Q3.replace('''    averages = {}
    for value in grid:
        changed = X.copy()
        changed[feature] = value
        averages[value] = model.predict_proba(changed)[:, 1].mean()
    return pd.Series(averages)''', '''    average_row = X.mean().to_frame().T
    rows = pd.concat([average_row] * len(grid), ignore_index=True)
    rows[feature] = list(grid)
    return pd.Series(model.predict_proba(rows[X.columns])[:, 1], index=list(grid))''')

_Q4_NO_BASELINE = (_Q4.replace("weight * (float(row[column]) - float(baseline[column]))", "weight * float(row[column])")
                   .replace('return "%.1f %s, against %.1f for a typical subscriber" % (value, DESCRIPTIONS[feature], '
                            'typical_value)',
                            'return f"{value:.1f} {DESCRIPTIONS[feature]} (typical subscriber: {typical_value:.1f})"'))

_Q5_BANKERS = _Q5.replace("int(math.floor(1000 * n / everyone + 0.5))", "round(1000 * n / everyone)")

_Q6_RMSE_WIDTH = '''
def reliability_table(scores, churned):
    frame = pd.DataFrame({"score": np.asarray(scores, dtype=float), "churned": np.asarray(churned, dtype=float)})
    frame["decile"] = pd.cut(frame["score"], 10, labels=False) + 1
    return frame.groupby("decile").agg(mean_score=("score", "mean"), churn_rate=("churned", "mean"),
                                       subscribers=("score", "size"))


def brier_score(scores, churned):
    return float(np.sqrt(np.mean((np.asarray(scores, dtype=float) - np.asarray(churned, dtype=float)) ** 2)))


score_table = reliability_table(scored["risk_score"], scored["churned_next_4w"])
score_brier = brier_score(scored["risk_score"], scored["churned_next_4w"])
calibration_reading = {"top_deciles": "over-predicts", "thirty_percent_means": "3_in_10_leave"}
print(f"Brier score {score_brier:.4f}")
score_table.round(3)
'''

_Q7_RANK_ONLY = (_Q7.replace("below = [name for name in aucs.index if aucs[name] < bar]\n"
                             "    return sorted(below, key=lambda name: aucs[name])",
                             "below = [name for name in aucs.index if aucs[name] <= bar]\n"
                             "    return sorted(below, key=lambda name: aucs[name], reverse=True)")
                 .replace('new_city_call = {"decision": "not_yet", "evidence": ["Eindhoven", "new"], '
                          '"reverse_if": "own_data_clears_bar"}\n'
                          'new_subscribers_reading = "cannot tell from these data"',
                          'new_city_call = {"decision": "rank_only", "evidence": ["Eindhoven"], '
                          '"reverse_if": "recalibrated"}\n'
                          'new_subscribers_reading = "weak too"'))

_Q8_OVERCAUTIOUS = (_Q8.replace('"c1": ("supported", "association")',
                                '"c1": ("not supported", "importance_is_not_cause")')
                    .replace('"c8": ("not supported", "no_data")', '"c8": ("supported", "association")'))

_Q9_VERTICAL = '''
def importance_chart(importance, highlight):
    ranked = importance.sort_values(ascending=False)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    bars = ax.bar([name.replace("_", " ") for name in ranked.index], ranked.values,
                  color=["tab:orange" if name == highlight else "lightgrey" for name in ranked.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title(f"The churn score relies most on {ranked.index[0].replace('_', ' ')}")
    ax.tick_params(axis="x", labelrotation=30)
    return fig


shipped_importance = permutation_ranking(shipped, holdout[SHIPPED_FEATURES], holdout["churned_next_4w"])
actionable_driver = "substitutions_per_month"
makeover = importance_chart(shipped_importance, actionable_driver)
plt.show()
'''

_WRONG_RULES = {"q1_answer": _Q1_UNPINNED, "q2_answer": _Q2_NEGATIVE_ONLY, "q3_answer": _Q3_AVERAGE_ROW,
                "q4_answer": _Q4_NO_BASELINE, "q5_answer": _Q5_BANKERS, "q6_answer": _Q6_RMSE_WIDTH,
                "q7_answer": _Q7_RANK_ONLY, "q8_answer": _Q8_OVERCAUTIOUS, "q9_answer": _Q9_VERTICAL}

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9}

_FULL = {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 3, "q5_test": 2, "q6_test": 3, "q7_test": 4,
         "q8_test": 3, "q9_test": 3}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_correct_idioms": {"answers": _IDIOMS, "fair": dict(_FULL), "why": {}},
    "blind_correct_rates": {"answers": {**_RIGHT, "q3_answer": _Q3_RATES, "q4_answer": _Q4_RATES,
                                        "q5_answer": _Q5_RATES},
                            "fair": dict(_FULL), "why": {}},
    "blind_insample_deck": {
        "answers": _INSAMPLE,
        "fair": {"q1_test": 2, "q2_test": 0.75, "q3_test": 1.75, "q4_test": 2, "q5_test": 1, "q6_test": 2,
                 "q7_test": 2, "q8_test": 1.875, "q9_test": 2.25},
        "why": {
            "q1_test": "both functions right, but `permutation` is measured on the training rows the forest has "
                       "memorised, not on the holdout",
            "q2_test": "the (empty) traps follow from its own in-sample rankings, but it shows the impurity ranking "
                       "for a reason that is false (impurity importance has no direction)",
            "q3_test": "curve right; the 95th percentile of all subscribers (3.0) instead of the holdout's, and it "
                       "reads 'keeps rising' from the logistic formula where 3 held-out subscribers are",
            "q4_test": "contributions and the template right, but reasons chosen by size whatever their sign, so "
                       "long tenure becomes a reason for the flag (charged once, in top_reasons)",
            "q5_test": "counts, L and F right, but T per 1,000 flagged: two populations, the mistake the question "
                       "is about",
            "q6_test": "Brier and the top-decile reading right; deciles numbered 0 to 9 against the pin, and 30 % "
                       "read as a rank ('top 30 %')",
            "q7_test": "segment AUCs and weak segments right; the new city used now on the other cities' "
                       "numbers, reversed by a change elsewhere, and new subscribers called weak on an interval "
                       "that straddles the bar",
            "q8_test": "5 of 8: a causal claim (c2), a calibration claim (c7) and a no-data claim (c8) accepted as "
                       "associations",
            "q9_test": "a good chart, but its title claims a cause ('drive churn')",
        },
    },
    "blind_wrong_rules": {
        "answers": _WRONG_RULES,
        "fair": {"q1_test": 1.25, "q2_test": 0.75, "q3_test": 1.75, "q4_test": 1.5, "q5_test": 1.5, "q6_test": 1,
                 "q7_test": 1.75, "q8_test": 2.25, "q9_test": 2.25},
        "why": {
            "q1_test": "impurity right; permutation importance without the pinned scoring, repeats and seed. Set "
                       "blind at 1.75 (half the permutation part for the right method); lowered to 1.25 after the "
                       "run: the prompt pins the scoring in bold, and accuracy on a 12 % base rate measures "
                       "another thing (its ranking puts days since the last order on top of the shipped model), "
                       "a wrong core rule in the right shape",
            "q2_test": "shows the permutation ranking, but counts only negative importances as traps (not below "
                       "0.005) and says permutation importance shows causes",
            "q3_test": "support and the readings right, but the curve of the average subscriber, not the average "
                       "of every subscriber's curve: the wrong core rule (the effect curve half-credited)",
            "q4_test": "top_reasons right; contributions against a zero baseline (coefficient x value) and a "
                       "template of its own (best_reasons carry the template mistake: charged once)",
            "q5_test": "one population and the counts right, but Python's round sends exact halves to even, "
                       "against the pinned rounding",
            "q6_test": "the readings right; ten equal-width bins instead of equal-count deciles and the root of "
                       "the mean squared error",
            "q7_test": "segment_auc right; weak_segments keeps AUCs equal to the bar and puts the highest first; "
                       "a rank for the city where the score does not rank, reversed by recalibration, and "
                       "new subscribers called weak on an interval that straddles the bar",
            "q8_test": "6 of 8: turns down a plain association (c1) and accepts a claim where there are no data "
                       "(c8)",
            "q9_test": "upright bars (the prompt asks for horizontal bars with the longest on top); sorted, "
                       "labelled, highlighted and titled well",
        },
    },
    "blind_half_done": {
        "answers": {k: _RIGHT[k] for k in ("q1_answer", "q2_answer", "q3_answer", "q4_answer")},
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 3},
        "why": {},
    },
}
