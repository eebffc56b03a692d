"""Known-wrong answers for 01-product-strategy.

Each entry: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded answer).
"""

ASSIGNMENT = "01-product-strategy"

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
""", "hidden"),
    "genai-reason-contradicts-option": ("q9_answer", """
decisions = {key: ("genai_api", "proprietary_data_edge") for key in USE_CASES}
""", "visible"),
}

WRONG_ANSWERS["capacity-rigged-eq-object"] = ("q7_answer", """
class AlwaysEqual(int):
    def __eq__(self, other):
        return True
    __hash__ = int.__hash__
def smallest_capacity(items, share):
    return AlwaysEqual(0)
weeks_for_80_percent = AlwaysEqual(0)
""", "visible")
