"""Known-wrong answers and fairly graded answers for 02-ml-mvp.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

ASSIGNMENT = "02-ml-mvp"

WRONG_ANSWERS = {
    "stages-missing-iterate": ("q1_answer", """
stage_order = ["discover", "plan", "design", "implement", "test", "release"]
""", "visible"),
    "stages-test-after-release": ("q1_answer", """
stage_order = ["discover", "plan", "design", "implement", "release", "test", "iterate"]
""", "hidden"),
    "scenario-stage-not-an-option": ("q2_answer", """
next_stage = {key: "build" for key in SCENARIOS}
""", "visible"),
    "scenario-loop-never-goes-back": ("q2_answer", """
next_stage = {
    "s1": "discover", "s2": "plan", "s3": "design", "s4": "implement",
    "s5": "test", "s6": "release", "s7": "iterate", "s8": "iterate",
}
""", "hidden"),
    "heuristic-days-at-or-above-14": ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] >= 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()), "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
""", "visible"),
    "heuristic-and-instead-of-or": ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) & (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()), "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
""", "visible"),
    "counts-swap-fp-and-fn": ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fn": int((f & ~c).sum()), "fp": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
""", "visible"),
    "counts-hard-coded": ("q3_answer", """
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    return {"tp": 1, "fp": 2, "fn": 1, "tn": 1}
heuristic_counts = {"tp": 100, "fp": 500, "fn": 100, "tn": 1300}
""", "hidden"),
    "value-table-forgets-voucher-on-saved": ("q4_answer", """
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}
def ev_per_customer(counts, table):
    return sum(counts[c] * table[c] for c in counts) / sum(counts.values())
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
""", "visible"),
    "ev-ignores-fn-and-tn": ("q4_answer", """
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}
def ev_per_customer(counts, table):
    return (counts["tp"] * table["tp"] + counts["fp"] * table["fp"]) / sum(counts.values())
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
""", "visible"),
    "ev-divides-by-flagged": ("q4_answer", """
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}
def ev_per_customer(counts, table):
    return sum(counts[c] * table[c] for c in counts) / (counts["tp"] + counts["fp"])
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
""", "visible"),
    "value-table-hard-coded": ("q4_answer", """
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": 50.0, "fp": -10.0, "fn": 0.0, "tn": 0.0}
def ev_per_customer(counts, table):
    return sum(counts[c] * table[c] for c in counts) / sum(counts.values())
table = {"tp": 55.0, "fp": -5.0, "fn": 0.0, "tn": 0.0}
heuristic_ev = 1.73
""", "hidden"),
    "threshold-maximises-accuracy-not-value": ("q5_answer", """
import numpy as np
def accuracy_threshold(scores, churned, grid):
    s, c = np.asarray(scores, dtype=float), np.asarray(churned, dtype=bool)
    return float(grid[int(np.argmax([np.mean((s >= t) == c) for t in grid]))])
def best_threshold(scores, churned, table, grid):
    return accuracy_threshold(scores, churned, grid)
value_threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)
""", "visible"),
    "threshold-flags-below-the-score": ("q5_answer", """
import numpy as np
def best_threshold(scores, churned, table, grid):
    s = np.asarray(scores, dtype=float)
    values = [ev_per_customer(confusion_counts(s < t, churned), table) for t in grid]
    return float(grid[int(np.argmax(values))])
def accuracy_threshold(scores, churned, grid):
    s, c = np.asarray(scores, dtype=float), np.asarray(churned, dtype=bool)
    return float(grid[int(np.argmax([np.mean((s >= t) == c) for t in grid]))])
value_threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)
""", "visible"),
    "thresholds-hard-coded": ("q5_answer", """
def best_threshold(scores, churned, table, grid):
    return {4: 0.15, 2: 0.5}.get(len(grid), 0.1)  # the two visible toys' answers
def accuracy_threshold(scores, churned, grid):
    return {4: 0.55, 2: 0.5}.get(len(grid), 0.45)
value_threshold = 0.1
accurate_threshold = 0.45
""", "hidden"),
    "precision-divides-by-churners": ("q6_answer", """
import pandas as pd
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    return pd.Series({"flagged_share": (c["tp"] + c["fp"]) / n, "precision": c["tp"] / (c["tp"] + c["fn"]),
                      "recall": c["tp"] / (c["tp"] + c["fp"]), "accuracy": (c["tp"] + c["tn"]) / n,
                      "ev_per_customer": ev_per_customer(c, table)})
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), test["churned_next_4w"], table),
    "model": scorecard(test["model_score"] >= value_threshold, test["churned_next_4w"], table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
""", "visible"),
    "comparison-model-at-accuracy-threshold": ("q6_answer", """
import pandas as pd
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    k, m = c["tp"] + c["fp"], c["tp"] + c["fn"]
    return pd.Series({"flagged_share": k / n, "precision": c["tp"] / k if k else 0.0,
                      "recall": c["tp"] / m if m else 0.0, "accuracy": (c["tp"] + c["tn"]) / n,
                      "ev_per_customer": ev_per_customer(c, table)})
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), test["churned_next_4w"], table),
    "model": scorecard(test["model_score"] >= accurate_threshold, test["churned_next_4w"], table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
""", "hidden"),
    "payback-ignores-run-cost": ("q7_answer", """
import math
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    return build_cost / monthly_gain if monthly_gain > 0 else math.inf
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost
heuristic_payback = heuristic_roi = model_payback = model_roi = 0.0
""", "visible"),
    "roi-is-return-not-net-of-cost": ("q7_answer", """
import math
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return (monthly_gain - monthly_run_cost) * horizon / build_cost
heuristic_payback = heuristic_roi = model_payback = model_roi = 0.0
""", "visible"),
    "model-roi-against-doing-nothing": ("q7_answer", """
import math
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost
heuristic_build = heuristic_person_weeks * cost_per_person_week_eur
model_build = model_person_weeks * cost_per_person_week_eur
heuristic_gain = comparison.loc["ev_per_customer", "heuristic"] * subscribers
model_gain = comparison.loc["ev_per_customer", "model"] * subscribers
heuristic_payback = payback_months(heuristic_build, heuristic_gain, heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_build, heuristic_gain, heuristic_run_cost_eur, horizon_months)
model_payback = payback_months(model_build, model_gain, model_run_cost_eur)
model_roi = roi(model_build, model_gain, model_run_cost_eur, horizon_months)
""", "visible"),  # the question's key idea: a visible check judges the model on top of the rule
    "payback-rigged-eq-object": ("q7_answer", """
class AlwaysEqual(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    return AlwaysEqual(0.0)
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return AlwaysEqual(0.0)
heuristic_payback = heuristic_roi = model_payback = model_roi = AlwaysEqual(0.0)
""", "visible"),
    "scope-everything-in": ("q8_answer", """
mvp_scope = {key: "in" for key in ITEMS}
""", "hidden"),
    "scope-unknown-option": ("q8_answer", """
mvp_scope = {key: "later" for key in ITEMS}
""", "visible"),
}

WRONG_ANSWERS["counts-helper-returns-none"] = ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)
def _count(mask):
    int(mask.sum())  # computes the count but never returns it
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": _count(f & c), "fp": _count(f & ~c), "fn": _count(~f & c), "tn": _count(~f & ~c)}
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
""", "visible")

# Earlier answers a learner can get wrong, reused by the error-carried-forward cases below.
_Q3_DAYS_AT_14 = """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] >= 14)
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
"""
_Q3_AND_AND_SWAPPED_COUNTS = """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) & (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fn": int((f & ~c).sum()), "fp": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
"""
_Q4_NO_VOUCHER_ON_SAVED = """
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
"""
_Q5_REFERENCE = """
def best_threshold(scores, churned, table, grid):
    scores = np.asarray(scores, dtype=float)
    values = [ev_per_customer(confusion_counts(scores >= t, churned), table) for t in grid]
    return float(grid[int(np.argmax(values))])
value_threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, THRESHOLDS)
"""
_Q5_BY_ACCURACY = """
value_threshold = accurate_threshold
"""
_Q6_REFERENCE = """
def scorecard(flagged, churned, table):
    counts = confusion_counts(flagged, churned)
    n = sum(counts.values())
    n_flagged = counts["tp"] + counts["fp"]
    n_churners = counts["tp"] + counts["fn"]
    return pd.Series({
        "flagged_share": n_flagged / n,
        "precision": counts["tp"] / n_flagged if n_flagged else 0.0,
        "recall": counts["tp"] / n_churners if n_churners else 0.0,
        "accuracy": (counts["tp"] + counts["tn"]) / n,
        "ev_per_customer": ev_per_customer(counts, table),
    })
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), test["churned_next_4w"], table),
    "model": scorecard(test["model_score"] >= value_threshold, test["churned_next_4w"], table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
"""
_Q7_REFERENCE = """
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost
heuristic_build = heuristic_person_weeks * cost_per_person_week_eur
model_build = model_person_weeks * cost_per_person_week_eur
heuristic_gain = comparison.loc["ev_per_customer", "heuristic"] * subscribers
model_gain = (comparison.loc["ev_per_customer", "model"] - comparison.loc["ev_per_customer", "heuristic"]) * subscribers
heuristic_payback = payback_months(heuristic_build, heuristic_gain, heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_build, heuristic_gain, heuristic_run_cost_eur, horizon_months)
model_payback = payback_months(model_build, model_gain, model_run_cost_eur)
model_roi = roi(model_build, model_gain, model_run_cost_eur, horizon_months)
"""

FAIR_SCORES = {
    # ---- correct answers in another style than the solution: full points ----
    "stages-as-a-tuple": ("q1_answer", """
stage_order = ("discover", "plan", "design", "implement", "test", "release", "iterate")
""", 1.0),
    "next-stages-as-numpy-strings": ("q2_answer", """
import numpy as np
next_stage = dict(zip(SCENARIOS, np.array(["discover", "plan", "design", "implement", "test", "release",
                                           "iterate", "discover"])))
""", 2.0),
    "flags-with-isin-counts-with-crosstab": ("q3_answer", """
import numpy as np
import pandas as pd
def heuristic_flags(frame):
    many_substitutions = frame.substitutions_last_8w.ge(3)
    gone_quiet = frame.days_since_last_order.gt(14)
    return many_substitutions | gone_quiet
def confusion_counts(flagged, churned):
    table = pd.crosstab(np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)).reindex(
        index=[True, False], columns=[True, False], fill_value=0)
    return {"tp": table.loc[True, True], "fp": table.loc[True, False],
            "fn": table.loc[False, True], "tn": table.loc[False, False]}  # numpy integers
heuristic_counts = confusion_counts(heuristic_flags(test), test.churned_next_4w)
""", 2.0),
    "ev-with-numpy-dot-and-int-cells": ("q4_answer", """
import numpy as np
CELLS = ["tp", "fp", "fn", "tn"]
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    expected_saved_margin = save_rate * (monthly_margin * months_kept)
    return dict(tp=expected_saved_margin - offer_cost, fp=-offer_cost, fn=0, tn=0)
def ev_per_customer(counts, table):
    n = np.array([counts[c] for c in CELLS], dtype=float)
    v = np.array([table[c] for c in CELLS], dtype=float)
    return n @ v / n.sum()  # a numpy float
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
""", 2.0),
    "thresholds-with-max-key-and-numpy-scalars": ("q5_answer", """
import numpy as np
def best_threshold(scores, churned, table, grid):
    return max(grid, key=lambda t: ev_per_customer(confusion_counts(np.asarray(scores) >= t, churned), table))
def accuracy_threshold(scores, churned, grid):
    c = np.asarray(churned, dtype=bool)
    return max(grid, key=lambda t: ((np.asarray(scores) >= t) == c).mean())  # a numpy float from the grid
value_threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)
""", 3.0),
    "scorecard-from-arrays-comparison-with-concat": ("q6_answer", """
import numpy as np
import pandas as pd
def scorecard(flagged, churned, table):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    tp, fp, fn, tn = (f & c).sum(), (f & ~c).sum(), (~f & c).sum(), (~f & ~c).sum()
    return pd.Series([f.mean(), tp / max(tp + fp, 1), tp / max(tp + fn, 1), (f == c).mean(),
                      (tp * table["tp"] + fp * table["fp"] + fn * table["fn"] + tn * table["tn"]) / f.size],
                     index=["flagged_share", "precision", "recall", "accuracy", "ev_per_customer"])
y = test["churned_next_4w"]
comparison = pd.concat([scorecard(heuristic_flags(test), y, table),
                        scorecard(test["model_score"] >= value_threshold, y, table)],
                       axis=1, keys=["heuristic", "model"])
heuristic_share = heuristic_ev / comparison["model"]["ev_per_customer"]
""", 2.0),
    "roi-as-ratio-minus-one-payback-float-inf": ("q7_answer", """
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    if monthly_gain <= monthly_run_cost:
        return float("inf")
    return build_cost / (monthly_gain - monthly_run_cost)
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return (monthly_gain - monthly_run_cost) * horizon / build_cost - 1
rule_ev, model_ev = heuristic_ev, comparison["model"]["ev_per_customer"]
heuristic_payback = payback_months(2500.0, rule_ev * subscribers, 100.0)
heuristic_roi = roi(2500.0, rule_ev * subscribers, 100.0, 12)
model_payback = payback_months(8 * 2500.0, (model_ev - rule_ev) * subscribers, 500.0)
model_roi = roi(8 * 2500.0, (model_ev - rule_ev) * subscribers, 500.0, 12)
""", 3.0),
    "scope-as-numpy-strings": ("q8_answer", """
import numpy as np
mvp_scope = {item: np.str_("in" if item in {"weekly_flag_list", "voucher_email", "holdout_group", "saves_dashboard"}
                          else "cut") for item in ITEMS}
""", 2.0),
    # ---- the review's cases: partial credit where a fair teacher gives it ----
    "stages-test-after-release-half": ("q1_answer", """
stage_order = ["discover", "plan", "design", "implement", "release", "test", "iterate"]
""", 0.5),
    "scenario-s8-iterate-loses-one-pair": ("q2_answer", """
next_stage = {
    "s1": "discover", "s2": "plan", "s3": "design", "s4": "implement",
    "s5": "test", "s6": "release", "s7": "iterate", "s8": "iterate",
}
""", round(2 * 2 / 2.25, 2)),  # 7 of 8 situations (a quarter point each; the form check 0.25)
    # a count helper without `return`: the flags half of the question is right, the counts half is not
    "counts-helper-returns-none-keeps-the-flags-points": ("q3_answer", WRONG_ANSWERS["counts-helper-returns-none"][1],
                                                          0.89),
    # ---- error carried forward: an earlier answer is wrong, this one is right: full points ----
    "ev-right-after-wrong-heuristic-counts": ("q4_answer", _Q3_DAYS_AT_14 + """
table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
""", 2.0),
    "threshold-right-after-wrong-counts-and-table": ("q5_answer", _Q3_AND_AND_SWAPPED_COUNTS + _Q4_NO_VOUCHER_ON_SAVED
                                                     + _Q5_REFERENCE, 3.0),
    "scorecard-right-after-wrong-flags-table-and-threshold": (
        "q6_answer", _Q3_AND_AND_SWAPPED_COUNTS + _Q4_NO_VOUCHER_ON_SAVED + _Q5_BY_ACCURACY + _Q6_REFERENCE, 2.0),
    "scorecard-right-after-wrong-heuristic-flags": ("q6_answer", _Q3_DAYS_AT_14 + _Q6_REFERENCE, 2.0),
    "roi-reference-code-after-wrong-flags": ("q7_answer", _Q3_DAYS_AT_14 + _Q6_REFERENCE + _Q7_REFERENCE, 3.0),
    "roi-reference-code-after-wrong-table-threshold-and-comparison": (
        "q7_answer", _Q3_AND_AND_SWAPPED_COUNTS + _Q4_NO_VOUCHER_ON_SAVED + _Q5_BY_ACCURACY + _Q6_REFERENCE
        + _Q7_REFERENCE, 3.0),
    "roi-after-comparison-model-at-accuracy-threshold": ("q7_answer", """
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), test["churned_next_4w"], table),
    "model": scorecard(test["model_score"] >= accurate_threshold, test["churned_next_4w"], table),
})
""" + _Q7_REFERENCE, 3.0),
    "roi-heuristic-ev-from-question-4": ("q7_answer", _Q7_REFERENCE + """
heuristic_gain = heuristic_ev * subscribers
heuristic_payback = payback_months(heuristic_build, heuristic_gain, heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_build, heuristic_gain, heuristic_run_cost_eur, horizon_months)
""", 3.0),
    # ---- q7: the model replaces the rule, so the rule's run cost is saved: the other reading ----
    "roi-model-replaces-rule-nets-its-run-cost": ("q7_answer", _Q7_REFERENCE + """
# The model's gain on top of the rule: the model replaces the rule, so the rule's run cost is saved.
model_run_on_top = model_run_cost_eur - heuristic_run_cost_eur
model_payback = payback_months(model_build, model_gain, model_run_on_top)
model_roi = roi(model_build, model_gain, model_run_on_top, horizon_months)
""", 3.0),
    "roi-model-gain-over-the-rules-net": ("q7_answer", _Q7_REFERENCE + """
# The model's gain over what the rule nets (its gain after its run cost).
model_gain = comparison.loc["ev_per_customer", "model"] * subscribers - (heuristic_gain - heuristic_run_cost_eur)
model_payback = payback_months(model_build, model_gain, model_run_cost_eur)
model_roi = roi(model_build, model_gain, model_run_cost_eur, horizon_months)
""", 3.0),
}

WRONG_ANSWERS["comparison-on-validation-not-test"] = ("q6_answer", """
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(validation), validation["churned_next_4w"], table),
    "model": scorecard(validation["model_score"] >= value_threshold, validation["churned_next_4w"], table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
""", "hidden")

# The review of realistic attempts: an edge the toys did not show, and values that follow from the
# learner's own earlier functions within a question (messages are checked in test_m02_mvp.py).
_Q5_STRICTLY_ABOVE = """
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(np.asarray(scores) > t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])
value_threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, THRESHOLDS)
"""
_Q6_RECALL_OVER_FLAGGED = _Q6_REFERENCE.replace('"recall": counts["tp"] / n_churners if n_churners else 0.0',
                                                '"recall": counts["tp"] / n_flagged if n_flagged else 0.0')
_Q7_AGAINST_NOTHING = _Q7_REFERENCE.replace(
    'model_gain = (comparison.loc["ev_per_customer", "model"] - comparison.loc["ev_per_customer", "heuristic"]) '
    '* subscribers', 'model_gain = comparison.loc["ev_per_customer", "model"] * subscribers')
assert _Q6_RECALL_OVER_FLAGGED != _Q6_REFERENCE and _Q7_AGAINST_NOTHING != _Q7_REFERENCE

WRONG_ANSWERS["threshold-flags-strictly-above-the-threshold"] = ("q5_answer", _Q5_STRICTLY_ABOVE, "visible")

# Both thresholds tuned on `test`, the sample meant for the comparison (its function and its values).
_Q5_TUNED_ON_TEST = """
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(np.asarray(scores) >= t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])
def accuracy_threshold(scores, churned, grid):
    s, c = np.asarray(scores, dtype=float), np.asarray(churned, dtype=bool)
    return float(grid[int(np.argmax([np.mean((s >= t) == c) for t in grid]))])
def tune_and_measure(validation, test, table, grid):
    threshold = best_threshold(test["model_score"], test["churned_next_4w"], table, grid)
    counts = confusion_counts(test["model_score"] >= threshold, test["churned_next_4w"])
    return threshold, ev_per_customer(counts, table)
value_threshold, model_test_ev = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = accuracy_threshold(test["model_score"], test["churned_next_4w"], THRESHOLDS)
"""
# The threshold chosen on `validation`, but its EV reported there too: in-sample, flattered by the tuning.
_Q5_MEASURED_WHERE_TUNED = _Q5_TUNED_ON_TEST.replace(
    'best_threshold(test["model_score"], test["churned_next_4w"], table, grid)',
    'best_threshold(validation["model_score"], validation["churned_next_4w"], table, grid)').replace(
    'confusion_counts(test["model_score"] >= threshold, test["churned_next_4w"])',
    'confusion_counts(validation["model_score"] >= threshold, validation["churned_next_4w"])').replace(
    'accuracy_threshold(test["model_score"], test["churned_next_4w"], THRESHOLDS)',
    'accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)')
assert _Q5_MEASURED_WHERE_TUNED.count("validation[") == 6
WRONG_ANSWERS["threshold-tuned-on-test"] = ("q5_answer", _Q5_TUNED_ON_TEST, "visible")
WRONG_ANSWERS["threshold-measured-where-it-was-tuned"] = ("q5_answer", _Q5_MEASURED_WHERE_TUNED, "hidden")

FAIR_SCORES.update({
    # q5 (weights 12): `score > t` fails only the visible edge toy (weight 1; the grid's scores are continuous)
    "threshold-strictly-above-costs-the-edge-check": ("q5_answer", _Q5_STRICTLY_ABOVE, round(3 * 11 / 12, 2)),
    # tuning on `test` fails tune_and_measure's choice on the toy and on two other draws (weights 0.75 each) and
    # accurate_threshold (1): most of the values part of the question (a point of 3). On Larder's draw value_threshold
    # is the same on both samples, so only the function shows where it was tuned.
    "threshold-tuned-on-test-costs-a-point": ("q5_answer", _Q5_TUNED_ON_TEST, round(3 * 8.75 / 12, 2)),
    # the EV measured where the threshold was tuned fails the EV check (weight 0.25)
    "threshold-measured-where-it-was-tuned-costs-the-ev-check": (
        "q5_answer", _Q5_MEASURED_WHERE_TUNED, round(3 * 11.75 / 12, 2)),
    # q4 (weights 6.5): v_TP without the voucher fails the three value_table checks (weights 1, 0.5, 0.5); `table`
    # and heuristic_ev follow from the learner's own value_table (error carried forward inside the question)
    "heuristic-ev-from-own-value-table-keeps-its-points": (
        "q4_answer", _Q4_NO_VOUCHER_ON_SAVED, round(2 * 4.5 / 6.5, 2)),
    # q6 (weights 7.25): after swapped counts (q3) and a table without the voucher (q4), a scorecard whose
    # recall divides by the flagged fails the two scorecard checks that see recall (weights 1 and 1); the
    # comparison's columns follow from the learner's own functions and keep their points
    "comparison-from-own-counts-table-and-scorecard-keeps-its-points": (
        "q6_answer", _Q3_AND_AND_SWAPPED_COUNTS + _Q4_NO_VOUCHER_ON_SAVED + _Q6_RECALL_OVER_FLAGGED,
        round(2 * 5.25 / 7.25, 2)),
    # q7 (weights 6.25): judging the model against doing nothing (the question's key idea) fails the visible
    # and the hidden check of the model's numbers (weights 1 and 2 of 6.25): about half the question
    "model-against-doing-nothing-costs-about-half": ("q7_answer", _Q7_AGAINST_NOTHING, round(3 * 3.25 / 6.25, 2)),
})

MESSAGES = {
    "threshold-tuned-on-test": "It picks the best threshold on `test`. Choose it on `validation`",
    "threshold-measured-where-it-was-tuned": "Give the EV per customer on `test`",
    "stages-missing-iterate": "`stage_order` misses 'iterate'",
    "stages-test-after-release": "the order goes wrong at 'release'",
    "scenario-stage-not-an-option": "`next_stage['s1']` should be one of",
    "scenario-loop-never-goes-back": "the loop can go back",
    "heuristic-days-at-or-above-14": "flags 1 subscriber(s) it should not, and misses 0",
    "heuristic-and-instead-of-or": "flags 0 subscriber(s) it should not, and misses 2",
    "counts-swap-fp-and-fn": "swaps fp and fn",
    "counts-hard-coded": "should add up to the number of subscribers",
    "counts-helper-returns-none": "`confusion_counts(toy)['tp']` is None",
    "value-table-forgets-voucher-on-saved": "has entries that are off for 'tp'. Who pays the voucher",
    "ev-ignores-fn-and-tn": "Use all four cells",
    "ev-divides-by-flagged": "divide by all subscribers, not only the flagged ones",
    "value-table-hard-coded": "`value_table(other inputs)` has entries that are off",
    "threshold-maximises-accuracy-not-value": "Maximise the EV per customer",
    "threshold-flags-below-the-score": "flag when score >= threshold",
    "threshold-flags-strictly-above-the-threshold": "flag when score >= threshold, not >",
    "thresholds-hard-coded": "`best_threshold(other subscribers, other table)` is on the grid, but another",
    "precision-divides-by-churners": "precision divides by the flagged subscribers",
    "comparison-model-at-accuracy-threshold": "the threshold that maximises value on `validation`",
    "comparison-on-validation-not-test": "Score the rule of question 3 on `test`",
    "payback-ignores-run-cost": "subtract the monthly run cost first",
    "roi-is-return-not-net-of-cost": "does not subtract the build cost from the net return",
    "model-roi-against-doing-nothing": "counts the model's whole gain over doing nothing",
    "payback-rigged-eq-object": "`payback_months(12000, 5000, 2000)` is not right yet",
    "scope-everything-in": "cut what can wait for evidence",
    "scope-unknown-option": "should be one of 'in', 'cut'",
}
