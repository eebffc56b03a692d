"""Known-wrong answers for 02-ml-mvp.

Each entry: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).
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
heuristic_counts = confusion_counts(heuristic_flags(holdout), holdout["churned_next_4w"])
""", "visible"),
    "heuristic-and-instead-of-or": ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) & (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()), "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(holdout), holdout["churned_next_4w"])
""", "visible"),
    "counts-swap-fp-and-fn": ("q3_answer", """
import numpy as np
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)
def confusion_counts(flagged, churned):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fn": int((f & ~c).sum()), "fp": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
heuristic_counts = confusion_counts(heuristic_flags(holdout), holdout["churned_next_4w"])
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
value_threshold = best_threshold(holdout["model_score"], holdout["churned_next_4w"], table, THRESHOLDS)
accurate_threshold = accuracy_threshold(holdout["model_score"], holdout["churned_next_4w"], THRESHOLDS)
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
value_threshold = best_threshold(holdout["model_score"], holdout["churned_next_4w"], table, THRESHOLDS)
accurate_threshold = accuracy_threshold(holdout["model_score"], holdout["churned_next_4w"], THRESHOLDS)
""", "visible"),
    "thresholds-hard-coded": ("q5_answer", """
def best_threshold(scores, churned, table, grid):
    return 0.15 if len(grid) == 4 else 0.1
def accuracy_threshold(scores, churned, grid):
    return 0.55 if len(grid) == 4 else 0.45
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
    "heuristic": scorecard(heuristic_flags(holdout), holdout["churned_next_4w"], table),
    "model": scorecard(holdout["model_score"] >= value_threshold, holdout["churned_next_4w"], table),
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
    "heuristic": scorecard(heuristic_flags(holdout), holdout["churned_next_4w"], table),
    "model": scorecard(holdout["model_score"] >= accurate_threshold, holdout["churned_next_4w"], table),
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
""", "hidden"),
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
