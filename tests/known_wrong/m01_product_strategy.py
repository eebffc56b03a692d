"""Known-wrong answers for 01-product-strategy.

Each entry: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded answer).
"""

ASSIGNMENT = "01-product-strategy"

SOLVED_Q9_DECISIONS = """
decisions = {
    "U1": ("genai_api", "generic_language_task"), "U2": ("core_ml_team", "proprietary_data_edge"),
    "U3": ("genai_api", "generic_language_task"), "U4": ("core_ml_team", "scale_latency_cost"),
    "U5": ("genai_api", "generic_language_task"), "U6": ("core_ml_team", "proprietary_data_edge"),
}
"""

WRONG_ANSWERS = {
    "reach-as-mention-count": ("q1_answer", """
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    scores = groups["interview_id"].nunique() * groups["times_per_month"].mean() * groups["severity"].mean()
    return scores.sort_values(ascending=False)
top_pain_point = opportunity_scores(interviews).index[0]
""", "visible"),
    "top-pain-point-by-mentions": ("q1_answer", """
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    scores = reach * groups["times_per_month"].mean() * groups["severity"].mean()
    return scores.sort_values(ascending=False)
top_pain_point = interviews["pain_point"].value_counts().index[0]
""", "hidden"),
    "opportunities-hard-coded": ("q1_answer", """
import pandas as pd
def opportunity_scores(notes):
    if len(notes) == 3:
        return pd.Series({"slow app": 6.0, "late box": 2.5})
    return pd.Series({"substitutions": 5.25, "delivery_window": 2.252083, "app_search": 2.0,
                      "price": 1.7825, "late_delivery": 1.725, "skip_confusion": 1.275,
                      "recipe_fatigue": 1.045455})
top_pain_point = "substitutions"
""", "hidden"),
    "okr-key-result-is-an-output": ("q2_answer", """
okr = {
    "objective": "Subscribers trust Larder to deliver what they chose",
    "key_results": [
        {"metric": "launch the churn model", "baseline": 0.0, "target": 1.0, "deadline": "2027-03-31"},
        {"metric": "4-week churn rate", "baseline": 0.101, "target": 0.08, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order", "baseline": 9.5, "limit": 9.0},
}
""", "visible"),
    "okr-churn-baseline-made-up": ("q2_answer", """
okr = {
    "objective": "Subscribers trust Larder to deliver what they chose",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": 0.2, "target": 0.15, "deadline": "2027-03-31"},
        {"metric": "substitutions per order", "baseline": 0.3, "target": 0.2, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order", "baseline": 9.5, "limit": 9.0},
}
""", "hidden"),
    "rice-multiplies-effort": ("q3_answer", """
def rice_scores(items):
    items = items.set_index("item_id")
    return items["reach"] * items["impact"] * items["confidence"] * items["effort_weeks"]
""", "visible"),
    "rice-hard-coded": ("q3_answer", """
import pandas as pd
def rice_scores(items):
    if list(items["item_id"]) == ["X", "Y"]:
        return pd.Series({"X": 400.0, "Y": 200.0})
    return pd.Series(6520.0, index=items["item_id"])
""", "hidden"),
    "rank-ignores-tie-break": ("q4_answer", """
def rank_backlog(items):
    rice = rice_scores(items).round(2)
    return list(rice.sort_values(ascending=False, kind="stable").index)
""", "visible"),
    "rank-ascending": ("q4_answer", """
def rank_backlog(items):
    scored = items.assign(rice=rice_scores(items).round(2).to_numpy())
    return list(scored.sort_values(["rice", "effort_weeks", "item_id"])["item_id"])
""", "visible"),
    "quadrant-strictly-above-median": ("q5_answer", """
import pandas as pd
def quadrant(items):
    items = items.set_index("item_id")
    value = items["reach"] * items["impact"] * items["confidence"]
    high_value = value > value.median()
    high_effort = items["effort_weeks"] > items["effort_weeks"].median()
    names = {(True, False): "quick win", (True, True): "big bet",
             (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[k] for k in zip(high_value, high_effort)], index=items.index)
""", "visible"),
    "release-greedy-by-rice": ("q6_answer", """
def best_release(items, capacity):
    chosen, used = [], 0
    for item_id in rank_backlog(items):
        effort = int(items.loc[items["item_id"] == item_id, "effort_weeks"].iloc[0])
        if used + effort <= capacity:
            chosen.append(item_id)
            used += effort
    return sorted(chosen)
release_plan = best_release(backlog, capacity_weeks)
""", "visible"),
    "release-ignores-capacity": ("q6_answer", """
def best_release(items, capacity):
    return sorted(items["item_id"])
release_plan = best_release(backlog, capacity_weeks)
""", "visible"),
    "capacity-share-of-effort": ("q7_answer", """
import math
def smallest_capacity(items, share):
    return math.ceil(share * items["effort_weeks"].sum())
weeks_for_80_percent = smallest_capacity(backlog, 0.8)
""", "visible"),
    "capacity-hard-coded": ("q7_answer", """
def smallest_capacity(items, share):
    return {0.6: 2, 0.9: 4}.get(share, 14)
weeks_for_80_percent = 14
""", "hidden"),
    "risks-all-value": ("q8_answer", """
risk_tags = {key: "value" for key in ASSUMPTIONS}
""", "hidden"),
    "risks-unknown-label": ("q8_answer", """
risk_tags = {key: "ethics" for key in ASSUMPTIONS}
""", "visible"),
    "genai-everywhere": ("q9_answer", """
decisions = {key: ("genai_api", "generic_language_task") for key in USE_CASES}
safeguards = {key: ["redact_personal_data", "evaluation_set"] for key in USE_CASES}
""", "hidden"),
    "genai-customer-emails-sent-unprotected": ("q9_answer", SOLVED_Q9_DECISIONS + """
safeguards = {"U1": ["human_review"], "U3": ["evaluation_set"], "U5": ["evaluation_set"]}
""", "hidden"),
    "genai-output-never-tested": ("q9_answer", SOLVED_Q9_DECISIONS + """
safeguards = {"U1": ["redact_personal_data"], "U3": ["processing_agreement"], "U5": ["processing_agreement"]}
""", "hidden"),
    "okr-churn-baseline-typed-from-data-card": ("q2_answer", """
okr = {
    "objective": "Subscribers trust Larder to deliver what they chose",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": 0.10, "target": 0.08, "deadline": "2027-03-31"},
        {"metric": "substitutions per order", "baseline": 0.3, "target": 0.2, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order", "baseline": 9.5, "limit": 9.0},
}
""", "hidden"),
    "okr-model-auc-as-key-result": ("q2_answer", """
okr = {
    "objective": "Subscribers trust Larder to deliver what they chose",
    "key_results": [
        {"metric": "churn model AUC on the holdout", "baseline": 0.70, "target": 0.80, "deadline": "2027-03-31"},
        {"metric": "4-week churn rate", "baseline": float(customers["churned_next_4w"].mean()), "target": 0.08,
         "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order", "baseline": 9.5, "limit": 9.0},
}
""", "visible"),
    "genai-reason-contradicts-option": ("q9_answer", """
decisions = {key: ("genai_api", "proprietary_data_edge") for key in USE_CASES}
""", "visible"),
}

# The objective names the solution leadership asked for: the key results are sound outcomes.
_OKR_OBJECTIVE = """
churn = float(customers["churned_next_4w"].mean())
okr = {
    "objective": %r,
    "key_results": [
        {"metric": "4-week churn rate", "baseline": churn, "target": round(churn * 0.85, 3), "deadline": "2027-03-31"},
        {"metric": "share of orders with a rejected substitution", "baseline": 0.18, "target": 0.12,
         "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 9.5, "limit": 9.2},
}
"""
OBJECTIVES_NAMING_THE_SOLUTION = {
    "okr-objective-ships-the-churn-model": "Ship the churn model to the retention team",
    "okr-objective-launches-the-ml-recommender": "Launch the ML recommender for substitutes",
    "okr-objective-uses-machine-learning": "Use machine learning to understand and reduce churn",
}
WRONG_ANSWERS.update({name: ("q2_answer", _OKR_OBJECTIVE % objective, "visible")
                      for name, objective in OBJECTIVES_NAMING_THE_SOLUTION.items()})

WRONG_ANSWERS["capacity-rigged-eq-object"] = ("q7_answer", """
class AlwaysEqual(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
def smallest_capacity(items, share):
    return AlwaysEqual(0)
weeks_for_80_percent = AlwaysEqual(0)
""", "visible")

# Correct answers in another style than the solution, and right answers after an earlier mistake:
# the points a fair teacher gives the question (hidden checks included).
FAIR_SCORES = {
    "opportunities-with-named-aggregations": ("q1_answer", """
def opportunity_scores(notes):
    people = notes["interview_id"].nunique()
    table = notes.groupby("pain_point").agg(n=("interview_id", "nunique"), f=("times_per_month", "mean"),
                                            s=("severity", "mean"))
    return (table["n"] / people * table["f"] * table["s"]).sort_values(ascending=False)
top_pain_point = str(opportunity_scores(interviews).idxmax())
""", 2),
    "okr-baseline-rounded-to-three-decimals": ("q2_answer", """
churn = round(customers["churned_next_4w"].mean(), 3)
okr = {
    "objective": "Families get the groceries they chose and stay with Larder",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": churn, "target": round(churn * 0.85, 3), "deadline": "2027-03-31"},
        {"metric": "share of orders with a rejected substitution", "baseline": 0.18, "target": 0.12,
         "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 9.5, "limit": 9.2},
}
""", 3),
    # an objective in the learner's own words that starts with a verb or mentions a model of the business
    "okr-objective-builds-trust": ("q2_answer", _OKR_OBJECTIVE % "Build lasting trust with families who plan their "
                                                                 "week around Larder", 3),
    "okr-objective-subscription-model": ("q2_answer", _OKR_OBJECTIVE % "Larder's subscription model works for busy "
                                                                       "families again", 3),
    "rice-with-numpy-arrays": ("q3_answer", """
import numpy as np
import pandas as pd
def rice_scores(items):
    values = np.asarray(items[["reach", "impact", "confidence"]], dtype=float).prod(axis=1)
    return pd.Series(values / items["effort_weeks"].to_numpy(), index=items["item_id"])
""", 2),
    "rank-right-after-wrong-rice": ("q4_answer", """
def rice_scores(items):
    return items.set_index("item_id")["reach"] * 1.0
def rank_backlog(items):
    rice = items.set_index("item_id").eval("reach * impact * confidence / effort_weeks").round(2)
    table = items.set_index("item_id").assign(rice=rice).reset_index()
    return table.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, True, True])["item_id"].tolist()
""", 2),
    "rank-as-a-tuple-reusing-wrong-rice": ("q4_answer", """
def rice_scores(items):
    return items.set_index("item_id")["reach"] * 1.0
def rank_backlog(items):
    scored = items.assign(rice=rice_scores(items).round(2).to_numpy())
    return tuple(scored.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, True, True])["item_id"])
""", 2),
    "capacity-right-after-greedy-release": ("q7_answer", """
def best_release(items, capacity):
    chosen, used = [], 0
    for row in items.sort_values("reach", ascending=False).itertuples():
        if used + row.effort_weeks <= capacity:
            chosen.append(row.item_id)
            used += row.effort_weeks
    return sorted(chosen)
def smallest_capacity(items, share):
    value = items.set_index("item_id").eval("reach * impact * confidence")
    weeks = 0
    while value[best_release(items, weeks)].sum() < share * value.sum() * (1 - 1e-12):
        weeks += 1
    return weeks
weeks_for_80_percent = smallest_capacity(backlog, 0.8)
""", 2),
    "risk-a8-read-as-value": ("q8_answer", """
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "feasibility", "A6": "value", "A7": "viability", "A8": "value"}
""", 2),
    "risks-one-slip": ("q8_answer", """
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "viability", "A6": "value", "A7": "viability", "A8": "usability"}
""", round(2 * 2 / 2.25, 2)),  # 7 of 8 tags (a quarter point each; the form check 0.25)
    "decisions-as-lists-safeguards-as-sets": ("q9_answer", """
decisions = {"U1": ["genai_api", "generic_language_task"], "U2": ["core_ml_team", "proprietary_data_edge"],
             "U3": ["genai_api", "generic_language_task"], "U4": ["core_ml_team", "proprietary_data_edge"],
             "U5": ["genai_api", "generic_language_task"], "U6": ["core_ml_team", "scale_latency_cost"]}
safeguards = {"U1": {"processing_agreement", "human_review"}, "U3": {"redact_personal_data", "human_review"},
              "U5": {"human_review"}}
""", 3),
}

WRONG_ANSWERS["capacity-loop-runs-out"] = ("q7_answer", """
def smallest_capacity(items, share):
    value = items.set_index("item_id").eval("reach * impact * confidence")
    for weeks in range(len(items)):  # one try per item, not per person-week: the loop can run out
        if value[best_release(items, weeks)].sum() >= share * value.sum():
            return weeks
weeks_for_80_percent = smallest_capacity(backlog, 0.8)
""", "visible")

MESSAGES = {
    "reach-as-mention-count": "Reach is a share of all interviewees",
    "top-pain-point-by-mentions": "the most mentioned pain point is not always the one that hurts most",
    "opportunities-hard-coded": "Your function should work on any interview notes, not only Larder's",
    "okr-key-result-is-an-output": "('launch') measures an output",
    "okr-churn-baseline-made-up": "the churn key result's baseline` is not right yet",
    "okr-churn-baseline-typed-from-data-card": "the churn key result's baseline` is not right yet",
    "okr-model-auc-as-key-result": "('model') measures an output",
    "rice-multiplies-effort": "then divide by effort",
    "rice-hard-coded": "Compute the scores from the frame you are given",
    "rank-ignores-tie-break": "equal scores go by less effort, then by item id",
    "rank-ascending": "Highest RICE first",
    "quadrant-strictly-above-median": "An item exactly at the median counts as high",
    "release-greedy-by-rice": "Taking items in RICE order until the time runs out is not always best",
    "release-ignores-capacity": "person-weeks but only 6 are available",
    "capacity-share-of-effort": "share of the VALUE of the whole backlog (not of its effort)",
    "capacity-hard-coded": "`smallest_capacity(another backlog)` is not right yet",
    "capacity-rigged-eq-object": "`smallest_capacity(toy, 0.6)` is not right yet",
    "capacity-loop-runs-out": "a loop that runs to its end without returning gives None",
    "risks-all-value": "who would tell us first",
    "risks-unknown-label": "should be one of 'value', 'usability', 'feasibility', 'viability'",
    "genai-everywhere": "picks a different option than ours",
    "genai-customer-emails-sent-unprotected": "personal data to a third party without a privacy safeguard",
    "genai-output-never-tested": "no way to catch a wrong output",
    "genai-reason-contradicts-option": "argues for 'core_ml_team', not for 'genai_api'",
}

# The objective is the OKR's headline and the trap the prompt sets: 0.75 of the question's 3 points.
FAIR_SCORES.update({name: ("q2_answer", _OKR_OBJECTIVE % objective, 2.25)
                    for name, objective in OBJECTIVES_NAMING_THE_SOLUTION.items()})
MESSAGES.update({
    "okr-objective-ships-the-churn-model": "names a solution ('model')",
    "okr-objective-launches-the-ml-recommender": "names a solution ('launch')",
    "okr-objective-uses-machine-learning": "names a solution ('machine learning')",
})
