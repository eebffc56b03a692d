"""Module 01 (product strategy): learner attempts and the points a fair teacher gives them.

RUBRIC (from the prompts, and from what each mistake breaks for the product decision). The same
mistake costs the same points in every attempt here and in the blind ones.

q1 (2) opportunity scores. 1 for the pinned score (reach as a share of interviewees x mean frequency
   x mean severity), 1 for the sorted Series and top pain point. A wrong part of the score (reach as
   a count or a share of mentions, frequency summed) costs the score's point: every number is off.
   Counting mentions only is the mistake the question is about: 0.5.
q2 (3) OKR. Outcomes, not outputs, are the point: each output or model-metric KR costs 0.5; an
   objective that names the solution ("use machine learning", "ship the churn model") 0.75 (it is
   the OKR's headline and the very trap the prompt sets; revised from 0.5: the blind grader charged
   1 for it next to an output KR); a KR in percent where the prompt pins a fraction 1; a deadline
   outside the quarter 0.5; one KR where 2-5 are asked 1.
q3 (2) RICE. A missing factor costs 1; the right formula indexed by row number, not item_id, 0.5.
q4 (2) ranking. Highest (rounded) RICE first carries the question; the pinned tie rule the rest.
   Skipping or reversing the effort tie-break costs 1: among equal scores the cheaper item ships
   first, and a reversed rule is no better than a missing one. Not rounding to 2 decimals costs 0.67:
   the order differs only for scores within 0.005 of each other (the blind grader charged 1: we
   keep 0.67 and say why in the report).
q5 (2) quadrants. The label table and the two axes (value = reach x impact x confidence; effort)
   carry it. "At or above the median" coded as strictly above is a boundary slip that mislabels
   only items exactly at a median: 0.5 (the blind attempts' reading; ours was 1, revised).
   Medians of Larder's whole backlog instead of the items given: the function labels no other
   backlog right, only the reported labels are: 0.5.
q6 (3) best release. The point is the most valuable SET within capacity; a feasible, sorted plan
   is form. Greedy down the RICE ranking misses the point: 0.5 (the blind attempts' reading; ours
   was 1, revised). The best set with ids not sorted: 2.5.
q7 (2) smallest capacity. The search over capacities is the core. ">" instead of "at least" 1;
   share of effort instead of value (a different question) 1.5 off; a float, not an int, 0.25.
q8 (2) risk tags: 0.25 per tag.
q9 (3) build or buy: 2 for the six decisions (1/3 each), 1 for safeguards (half for a use case
   whose personal data leave Larder unprotected, or whose wrong outputs nobody would catch).
"""

ASSIGNMENT = "01-product-strategy"

# ---------------------------------------------------------------------------------------------
# Answers shared by several attempts (each one correct, in the style the attempt uses).
# ---------------------------------------------------------------------------------------------
_Q1_PLAIN = '''\
def opportunity_scores(notes):
    people = notes["interview_id"].nunique()
    by_pain = notes.groupby("pain_point")
    reach = by_pain["interview_id"].nunique() / people
    frequency = by_pain["times_per_month"].mean()
    severity = by_pain["severity"].mean()
    return (reach * frequency * severity).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
opportunity_scores(interviews)
'''

_Q2_PLAIN = '''\
churn_baseline = customers["churned_next_4w"].mean()
okr = {
    "objective": "Families and couples keep their Larder box because substitutions stop spoiling their plans",
    "key_results": [
        {"metric": "4-week churn rate of active subscribers", "baseline": round(churn_baseline, 3),
         "target": 0.085, "deadline": "2027-03-31"},
        {"metric": "share of subscribers who skip two or more weeks in a row", "baseline": 0.22,
         "target": 0.18, "deadline": "2027-03-31"},
        {"metric": "support contacts about substitutions per thousand orders", "baseline": 31.0,
         "target": 20.0, "deadline": "2027-02-28"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 6.2, "limit": 5.9},
}
'''

_Q3_PLAIN = '''\
def rice_scores(items):
    scores = items["reach"] * items["impact"] * items["confidence"] / items["effort_weeks"]
    return pd.Series(scores.to_numpy(), index=items["item_id"])


rice_scores(backlog)
'''

_Q4_PLAIN = '''\
def rank_backlog(items):
    table = items.assign(rice=rice_scores(items).round(2).to_numpy())
    ordered = table.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, True, True])
    return list(ordered["item_id"])


rank_backlog(backlog)
'''

_Q5_PLAIN = '''\
def quadrant(items):
    table = items.set_index("item_id")
    value = table["reach"] * table["impact"] * table["confidence"]
    high_value = value >= value.median()
    high_effort = table["effort_weeks"] >= table["effort_weeks"].median()
    names = {(True, False): "quick win", (True, True): "big bet",
             (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[(v, e)] for v, e in zip(high_value, high_effort)], index=table.index)


quadrant(backlog)
'''

_Q6_EXACT = '''\
def best_release(items, capacity):
    rows = list(items[["item_id", "reach", "impact", "confidence", "effort_weeks"]].itertuples(index=False))
    best, best_value = [], -1.0
    for k in range(len(rows) + 1):
        for combo in itertools.combinations(rows, k):
            effort = sum(r.effort_weeks for r in combo)
            value = sum(r.reach * r.impact * r.confidence for r in combo)
            if effort <= capacity and value > best_value:
                best, best_value = [r.item_id for r in combo], value
    return sorted(best)


release_plan = best_release(backlog, capacity_weeks)
release_plan
'''

_Q7_PLAIN = '''\
def smallest_capacity(items, share):
    total = (items["reach"] * items["impact"] * items["confidence"]).sum()
    value_of = dict(zip(items["item_id"], items["reach"] * items["impact"] * items["confidence"]))
    weeks = 0
    while True:
        plan = best_release(items, weeks)
        if sum(value_of[i] for i in plan) >= share * total:
            return weeks
        weeks += 1


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
'''

_Q8_PLAIN = '''\
risk_tags = {
    "A1": "value",
    "A2": "usability",
    "A3": "feasibility",
    "A4": "viability",
    "A5": "feasibility",
    "A6": "value",
    "A7": "viability",
    "A8": "usability",
}
'''

_Q9_PLAIN = '''\
decisions = {
    "U1": ("genai_api", "generic_language_task"),
    "U2": ("core_ml_team", "proprietary_data_edge"),
    "U3": ("genai_api", "generic_language_task"),
    "U4": ("core_ml_team", "scale_latency_cost"),
    "U5": ("genai_api", "generic_language_task"),
    "U6": ("core_ml_team", "proprietary_data_edge"),
}
safeguards = {
    "U1": ["redact_personal_data", "processing_agreement", "human_review", "evaluation_set"],
    "U3": ["redact_personal_data", "processing_agreement", "evaluation_set"],
    "U5": ["evaluation_set"],
}
'''

ATTEMPTS = {
    # -----------------------------------------------------------------------------------------
    "correct-other-style": {
        "answers": {
            # named aggregation, len(set(...)) for the people, idxmax for the top
            "q1_answer": '''\
def opportunity_scores(notes):
    n_people = len(set(notes["interview_id"]))
    agg = notes.groupby("pain_point").agg(
        people=("interview_id", "nunique"),
        freq=("times_per_month", "mean"),
        sev=("severity", "mean"),
    )
    return (agg["people"] / n_people * agg["freq"] * agg["sev"]).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).idxmax()
opportunity_scores(interviews)
''',
            # key results as a tuple, the baseline unrounded (numpy float), deadlines from the
            # parameters, a target written as a share of the baseline
            "q2_answer": '''\
baseline = customers.churned_next_4w.astype(float).mean()
okr = dict(
    objective="Subscribers trust that the box they planned is the box they get",
    key_results=(
        dict(metric="4-week churn rate", baseline=baseline, target=baseline * 0.8, deadline=quarter_end),
        dict(metric="average boxes ordered per subscriber per month", baseline=3.1, target=3.4,
             deadline=quarter_end),
    ),
    guardrail=dict(metric="discount cost per order in EUR", baseline=0.9, limit=1.1),
)
''',
            # DataFrame.eval on an item-indexed frame
            "q3_answer": '''\
def rice_scores(items):
    return items.set_index("item_id").eval("reach * impact * confidence / effort_weeks")


rice_scores(backlog)
''',
            # sorted() with a key tuple instead of sort_values
            "q4_answer": '''\
def rank_backlog(items):
    rice = rice_scores(items).round(2)
    effort = items.set_index("item_id")["effort_weeks"]
    return sorted(rice.index, key=lambda item: (-rice[item], effort[item], item))


rank_backlog(backlog)
''',
            # np.select, labels come back as numpy strings
            "q5_answer": '''\
import numpy as np


def quadrant(items):
    t = items.set_index("item_id")
    value = t.reach * t.impact * t.confidence
    hv = (value >= value.median()).to_numpy()
    he = (t.effort_weeks >= t.effort_weeks.median()).to_numpy()
    labels = np.select([hv & ~he, hv & he, ~hv & ~he], ["quick win", "big bet", "fill-in"], default="time sink")
    return pd.Series(labels, index=t.index)


quadrant(backlog)
''',
            # bit masks instead of itertools, a sorted tuple
            "q6_answer": '''\
def plan_value(items, ids):
    rows = items[items["item_id"].isin(ids)]
    return float((rows.reach * rows.impact * rows.confidence).sum())


def best_release(items, capacity):
    ids = list(items["item_id"])
    effort = list(items["effort_weeks"])
    value = list(items["reach"] * items["impact"] * items["confidence"])
    best_mask, best_value = 0, 0.0
    for mask in range(1 << len(ids)):
        chosen = [i for i in range(len(ids)) if mask >> i & 1]
        if sum(effort[i] for i in chosen) <= capacity:
            v = sum(value[i] for i in chosen)
            if v > best_value:
                best_mask, best_value = mask, v
    return tuple(sorted(ids[i] for i in range(len(ids)) if best_mask >> i & 1))


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
            # a 0/1 knapsack table over capacities; np.argmax gives a numpy integer
            "q7_answer": '''\
def smallest_capacity(items, share):
    value = (items["reach"] * items["impact"] * items["confidence"]).to_numpy()
    effort = items["effort_weeks"].to_numpy()
    total_effort = int(effort.sum())
    best = np.zeros(total_effort + 1)
    for v, e in zip(value, effort):
        for w in range(total_effort, e - 1, -1):
            best[w] = max(best[w], best[w - e] + v)
    return np.argmax(best >= share * value.sum() - 1e-9)


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
            # built from lists; A8 read as value (do they want and trust it?)
            "q8_answer": '''\
ids = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]
tags = ["value", "usability", "feasibility", "viability", "feasibility", "value", "viability", "value"]
risk_tags = dict(zip(ids, tags))
''',
            # lists as pairs; U4 read as Larder's own data; safeguards as tuples
            "q9_answer": '''\
decisions = {
    "U1": ["genai_api", "generic_language_task"],
    "U2": ["core_ml_team", "proprietary_data_edge"],
    "U3": ["genai_api", "generic_language_task"],
    "U4": ["core_ml_team", "proprietary_data_edge"],
    "U5": ["genai_api", "generic_language_task"],
    "U6": ["core_ml_team", "proprietary_data_edge"],
}
safeguards = {
    use_case: ("evaluation_set",) + (("redact_personal_data", "processing_agreement")
                                     if use_case in ("U1", "U3") else ())
    for use_case, (option, _) in decisions.items() if option == "genai_api"
}
''',
        },
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 2, "q5_test": 2, "q6_test": 3,
                 "q7_test": 2, "q8_test": 2, "q9_test": 3},
        "why": {},
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-a": {
        "answers": {
            # wrong denominator: reach divides by the number of mentions (rows), not interviewees
            "q1_answer": '''\
def opportunity_scores(notes):
    by_pain = notes.groupby("pain_point")
    reach = by_pain["interview_id"].nunique() / len(notes)
    frequency = by_pain["times_per_month"].mean()
    severity = by_pain["severity"].mean()
    return (reach * frequency * severity).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
opportunity_scores(interviews)
''',
            # churn as a percentage, though the prompt asks for a fraction
            "q2_answer": '''\
churn_pct = 100 * customers["churned_next_4w"].mean()
okr = {
    "objective": "Families and couples keep their Larder box because substitutions stop spoiling their plans",
    "key_results": [
        {"metric": "4-week churn rate (%)", "baseline": round(churn_pct, 1), "target": 8.5,
         "deadline": "2027-03-31"},
        {"metric": "share of subscribers who skip two or more weeks in a row", "baseline": 0.22,
         "target": 0.18, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 6.2, "limit": 5.9},
}
''',
            "q3_answer": _Q3_PLAIN,
            # read too fast: ties go straight to item_id, the effort tie-break is skipped
            "q4_answer": '''\
def rank_backlog(items):
    table = items.assign(rice=rice_scores(items).round(2).to_numpy())
    return list(table.sort_values(["rice", "item_id"], ascending=[False, True])["item_id"])


rank_backlog(backlog)
''',
            # off by one at the threshold: strictly above the median counts as high
            "q5_answer": '''\
def quadrant(items):
    table = items.set_index("item_id")
    value = table["reach"] * table["impact"] * table["confidence"]
    high_value = value > value.median()
    high_effort = table["effort_weeks"] > table["effort_weeks"].median()
    names = {(True, False): "quick win", (True, True): "big bet",
             (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[(v, e)] for v, e in zip(high_value, high_effort)], index=table.index)


quadrant(backlog)
''',
            # greedy down the RICE ranking instead of the best set
            "q6_answer": '''\
def best_release(items, capacity):
    effort = items.set_index("item_id")["effort_weeks"]
    chosen, used = [], 0
    for item_id in rank_backlog(items):
        if used + effort[item_id] <= capacity:
            chosen.append(item_id)
            used += effort[item_id]
    return sorted(chosen)


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
            # strictly more than the share ("reaches at least" read as "beats")
            "q7_answer": '''\
def smallest_capacity(items, share):
    value = items.set_index("item_id").eval("reach * impact * confidence")
    for weeks in range(int(items["effort_weeks"].sum()) + 1):
        if value[best_release(items, weeks)].sum() > share * value.sum():
            return weeks
    return int(items["effort_weeks"].sum())


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
            "q8_answer": _Q8_PLAIN,
            "q9_answer": _Q9_PLAIN,
        },
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 1, "q5_test": 1.5, "q6_test": 0.5,
                 "q7_test": 1, "q8_test": 2, "q9_test": 3},
        "why": {
            "q1_test": "frequency, severity, sorting and the top pain point are right; reach divides by mentions, not "
                       "interviewees, so every score is wrong",
            "q2_test": "a sound OKR (outcomes, guardrail, deadlines), but the churn KR is in percent though the prompt "
                       "pins a fraction",
            "q4_test": "RICE rounded and sorted highest first, then item id; the pinned effort tie-break is skipped",
            "q5_test": "value, effort and the four labels are right; 'at or above the median' coded as strictly above "
                       "(items at the median mislabelled); a boundary slip, see the rubric (was 1)",
            "q6_test": "a feasible, sorted plan within capacity, but greedy by RICE does not maximise value, the "
                       "point of the question (was 1; see the rubric)",
            "q7_test": "the search over capacities against the whole backlog's value is right; '>' instead of 'at "
                       "least' is off by one at the threshold (the greedy best_release is already paid for in q6)",
        },
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-b": {
        "answers": {
            # counts mentions, ignores frequency and severity
            "q1_answer": '''\
def opportunity_scores(notes):
    return notes["pain_point"].value_counts().sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
opportunity_scores(interviews)
''',
            # an output and a model metric as key results next to a correct churn KR
            "q2_answer": '''\
okr = {
    "objective": "Larder keeps the subscribers it is at risk of losing",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": round(customers["churned_next_4w"].mean(), 3),
         "target": 0.085, "deadline": "2027-03-31"},
        {"metric": "AUC of the churn prediction model", "baseline": 0.70, "target": 0.85,
         "deadline": "2027-02-15"},
        {"metric": "launch churn risk scores to the retention team", "baseline": 0.0, "target": 1.0,
         "deadline": "2027-03-01"},
    ],
    "guardrail": {"metric": "discount cost per order in EUR", "baseline": 0.9, "limit": 1.1},
}
''',
            # forgets confidence
            "q3_answer": '''\
def rice_scores(items):
    t = items.set_index("item_id")
    return t["reach"] * t["impact"] / t["effort_weeks"]


rice_scores(backlog)
''',
            # the pinned rule, correctly, on top of q3's scores
            "q4_answer": _Q4_PLAIN,
            # "value" taken as RICE (divided by effort)
            "q5_answer": '''\
def quadrant(items):
    t = items.set_index("item_id")
    value = t["reach"] * t["impact"] * t["confidence"] / t["effort_weeks"]
    high_value = value >= value.median()
    high_effort = t["effort_weeks"] >= t["effort_weeks"].median()
    labels = []
    for hv, he in zip(high_value, high_effort):
        if hv:
            labels.append("big bet" if he else "quick win")
        else:
            labels.append("time sink" if he else "fill-in")
    return pd.Series(labels, index=t.index)


quadrant(backlog)
''',
            "q6_answer": _Q6_EXACT,
            # share of the EFFORT instead of the value
            "q7_answer": '''\
def smallest_capacity(items, share):
    total_effort = items["effort_weeks"].sum()
    weeks = 0
    while True:
        plan = best_release(items, weeks)
        used = items.loc[items["item_id"].isin(plan), "effort_weeks"].sum()
        if used >= share * total_effort:
            return weeks
        weeks += 1


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
            # legal read as "can we build it", the discount cost as "do customers want it"
            "q8_answer": '''\
risk_tags = {
    "A1": "value", "A2": "usability", "A3": "feasibility", "A4": "value",
    "A5": "feasibility", "A6": "value", "A7": "feasibility", "A8": "usability",
}
''',
            # interview summaries kept in-house ("it is our data"); U1 safeguards forget the personal data
            "q9_answer": '''\
decisions = {
    "U1": ("genai_api", "generic_language_task"),
    "U2": ("core_ml_team", "proprietary_data_edge"),
    "U3": ("core_ml_team", "proprietary_data_edge"),
    "U4": ("core_ml_team", "scale_latency_cost"),
    "U5": ("genai_api", "generic_language_task"),
    "U6": ("core_ml_team", "proprietary_data_edge"),
}
safeguards = {
    "U1": ["human_review"],
    "U5": ["evaluation_set"],
}
''',
        },
        "fair": {"q1_test": 0.5, "q2_test": 2, "q3_test": 1, "q4_test": 2, "q5_test": 1, "q6_test": 3,
                 "q7_test": 0.5, "q8_test": 1.5, "q9_test": 2.25},
        "why": {
            "q1_test": "a sorted Series of pain points and a valid name, but counting mentions is exactly the "
                       "mistake the question is about: no reach share, frequency or severity",
            "q2_test": "objective, churn KR with a computed fraction, guardrail all fine; two of three key results "
                       "are a model metric and a launch (outputs)",
            "q3_test": "reach x impact / effort is right, confidence is missing",
            "q5_test": "the four labels and the median rule are right; value divided by effort (RICE) instead of "
                       "reach x impact x confidence",
            "q7_test": "the loop over capacities with best_release is right, but it measures the share of effort, "
                       "not of value, so it answers a different question",
            "q8_test": "6 of 8 tags right: A4 (discount cost vs margin) and A7 (legal) are viability",
            "q9_test": "5 of 6 decisions right (U3 is a generic language task); safeguards: U5 right, U1 lacks any "
                       "protection for customer e-mails (U3's absence follows from its decision)",
        },
    },
    # -----------------------------------------------------------------------------------------
    "half-done": {
        "answers": {
            "q1_answer": _Q1_PLAIN,
            # one key result only, though the prompt asks for 2 to 5
            "q2_answer": '''\
okr = {
    "objective": "Subscribers stay with Larder because their box is what they planned",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": customers["churned_next_4w"].mean(),
         "target": 0.08, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 6.2, "limit": 5.9},
}
''',
            "q3_answer": _Q3_PLAIN,
            # no rounding to 2 decimals before sorting
            "q4_answer": '''\
def rank_backlog(items):
    table = items.assign(rice=rice_scores(items).to_numpy())
    ordered = table.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, True, True])
    return list(ordered["item_id"])


rank_backlog(backlog)
''',
        },
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 2, "q4_test": 1.33, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0, "q9_test": 0},
        "why": {
            "q2_test": "a good objective, a correct churn KR and a guardrail, but one key result where the prompt "
                       "asks for 2 to 5",
            "q4_test": "two of the three parts of the pinned rule (effort, then item id) are right; RICE is not "
                       "rounded to 2 decimals, so scores that tie once rounded come out by their last digits",
        },
    },
    # -----------------------------------------------------------------------------------------
    "early-slip": {
        "answers": {
            "q1_answer": _Q1_PLAIN,
            "q2_answer": _Q2_PLAIN,
            # the slip: a value helper without confidence, reused by every later question
            "q3_answer": '''\
def item_value(items):
    return items["reach"] * items["impact"]


def rice_scores(items):
    return pd.Series((item_value(items) / items["effort_weeks"]).to_numpy(), index=items["item_id"])


rice_scores(backlog)
''',
            "q4_answer": _Q4_PLAIN,
            "q5_answer": '''\
def quadrant(items):
    value = pd.Series(item_value(items).to_numpy(), index=items["item_id"])
    effort = pd.Series(items["effort_weeks"].to_numpy(), index=items["item_id"])
    high_value = value >= value.median()
    high_effort = effort >= effort.median()
    names = {(True, False): "quick win", (True, True): "big bet",
             (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[(v, e)] for v, e in zip(high_value, high_effort)], index=value.index)


quadrant(backlog)
''',
            "q6_answer": '''\
def best_release(items, capacity):
    ids = list(items["item_id"])
    value = dict(zip(ids, item_value(items)))
    effort = dict(zip(ids, items["effort_weeks"]))
    best, best_value = [], -1.0
    for k in range(len(ids) + 1):
        for combo in itertools.combinations(ids, k):
            if sum(effort[i] for i in combo) <= capacity and sum(value[i] for i in combo) > best_value:
                best, best_value = list(combo), sum(value[i] for i in combo)
    return sorted(best)


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
            "q7_answer": '''\
def smallest_capacity(items, share):
    value = dict(zip(items["item_id"], item_value(items)))
    total = sum(value.values())
    for weeks in range(int(items["effort_weeks"].sum()) + 1):
        if sum(value[i] for i in best_release(items, weeks)) >= share * total:
            return weeks


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
            "q8_answer": _Q8_PLAIN,
            "q9_answer": _Q9_PLAIN,
        },
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 1, "q4_test": 2, "q5_test": 2, "q6_test": 3,
                 "q7_test": 2, "q8_test": 2, "q9_test": 3},
        "why": {
            "q3_test": "reach x impact / effort is right, confidence is missing (the slip later questions reuse)",
        },
    },
}

# A data scientist new to product work, written from the prompts (round 2 of the fair-grading work):
# fluent pandas, different idioms, product calls partly off.
ATTEMPTS["new-to-product"] = {
    "answers": {
        "q1_answer": '''\
def opportunity_scores(notes):
    everyone = notes["interview_id"].nunique()
    table = notes.groupby("pain_point").agg(people=("interview_id", "nunique"),
                                            freq=("times_per_month", "mean"), sev=("severity", "mean"))
    table["score"] = table["people"] / everyone * table["freq"] * table["sev"]
    return table["score"].sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).idxmax()
''',
        # a churn KR from the data, but a target that cuts churn by 70 %: "stretch goal"
        "q2_answer": '''\
base = float(customers["churned_next_4w"].mean())
okr = {
    "objective": "Subscribers get the groceries they picked and keep ordering with Larder",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": base, "target": round(base * 0.3, 3), "deadline": "2027-03-31"},
        {"metric": "share of orders with a rejected substitute", "baseline": 0.18, "target": 0.12,
         "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "gross margin per order (EUR)", "baseline": 9.5, "limit": 9.0},
}
''',
        "q3_answer": '''\
def rice_scores(items):
    scores = items.apply(lambda r: r.reach * r.impact * r.confidence / r.effort_weeks, axis=1)
    scores.index = items["item_id"]
    return scores
''',
        "q4_answer": '''\
def rank_backlog(items):
    rice = rice_scores(items)
    rows = [(-round(rice[i], 2), e, i) for i, e in zip(items["item_id"], items["effort_weeks"])]
    return [i for _, _, i in sorted(rows)]
''',
        "q5_answer": '''\
import numpy as np


def quadrant(items):
    t = items.set_index("item_id")
    value = t.reach * t.impact * t.confidence
    hv, he = value >= value.median(), t.effort_weeks >= t.effort_weeks.median()
    labels = np.where(hv, np.where(he, "big bet", "quick win"), np.where(he, "time sink", "fill-in"))
    return pd.Series(labels, index=t.index)
''',
        "q6_answer": '''\
def best_release(items, capacity):
    ids = list(items["item_id"])
    value = (items["reach"] * items["impact"] * items["confidence"]).tolist()
    effort = items["effort_weeks"].tolist()
    best_mask, best = 0, -1.0
    for mask in range(2 ** len(ids)):
        chosen = [k for k in range(len(ids)) if mask >> k & 1]
        if sum(effort[k] for k in chosen) <= capacity and sum(value[k] for k in chosen) > best:
            best_mask, best = mask, sum(value[k] for k in chosen)
    return sorted(ids[k] for k in range(len(ids)) if best_mask >> k & 1)


release_plan = best_release(backlog, capacity_weeks)
''',
        "q7_answer": '''\
def smallest_capacity(items, share):
    value = dict(zip(items["item_id"], items["reach"] * items["impact"] * items["confidence"]))
    total = sum(value.values())
    weeks = 0
    while sum(value[i] for i in best_release(items, weeks)) < share * total - 1e-9:
        weeks += 1
    return weeks


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
''',
        # legal read as "can we build it"
        "q8_answer": '''\
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "feasibility", "A6": "value", "A7": "feasibility", "A8": "value"}
''',
        # decisions right; the customer e-mails leave Larder with a human check but no privacy safeguard
        "q9_answer": '''\
decisions = {"U1": ("genai_api", "generic_language_task"), "U2": ("core_ml_team", "proprietary_data_edge"),
             "U3": ("genai_api", "generic_language_task"), "U4": ("core_ml_team", "scale_latency_cost"),
             "U5": ("genai_api", "generic_language_task"), "U6": ("core_ml_team", "proprietary_data_edge")}
safeguards = {"U1": ["human_review"], "U3": ["processing_agreement", "evaluation_set"],
              "U5": ["human_review"]}
''',
    },
    "fair": {"q1_test": 2, "q2_test": 2.25, "q3_test": 2, "q4_test": 2, "q5_test": 2, "q6_test": 3,
             "q7_test": 2, "q8_test": 1.75, "q9_test": 2.5},
    "why": {
        "q2_test": "outcomes, a computed churn baseline, deadlines and a guardrail; a 70 % cut in one quarter is not "
                   "a believable target (the prompt pins 5 % to 60 %)",
        "q8_test": "7 of 8 tags right: A7 (legal) is viability, not feasibility",
        "q9_test": "all six decisions right; U1 sends customers' e-mails to the provider without a privacy safeguard "
                   "(half of the safeguards' point)",
    },
}

# Round 3 of the fair-grading work (issue 21, modules 01 and 02): more typical mistakes and another half-done
# notebook, the fair points set from the prompts before the attempts were graded.
ATTEMPTS["typical-mistakes-c"] = {
    "answers": {
        # frequency summed over the mentions instead of averaged
        "q1_answer": '''\
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    return (reach * groups["times_per_month"].sum() * groups["severity"].mean()).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
''',
        # a sound OKR, but one deadline falls after the quarter
        "q2_answer": '''\
churn = round(customers["churned_next_4w"].mean(), 3)
okr = {
    "objective": "Subscribers get the groceries they planned and stay with Larder",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": churn, "target": round(0.85 * churn, 3), "deadline": "2027-03-31"},
        {"metric": "rejected substitutions per 100 orders", "baseline": 14.0, "target": 9.0, "deadline": "2027-04-30"},
    ],
    "guardrail": {"metric": "gross margin per order in EUR", "baseline": 9.5, "limit": 9.0},
}
''',
        # the formula is right, but the Series keeps the frame's row numbers instead of the item ids
        "q3_answer": '''\
def rice_scores(items):
    return items["reach"] * items["impact"] * items["confidence"] / items["effort_weeks"]
''',
        # ties read the other way round: more effort first ("the bigger job is the bigger bet")
        "q4_answer": '''\
def rank_backlog(items):
    table = items.assign(rice=(items["reach"] * items["impact"] * items["confidence"]
                               / items["effort_weeks"]).round(2))
    return table.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, False, True])["item_id"].tolist()
''',
        # the medians of Larder's whole backlog, whatever items are passed in
        "q5_answer": '''\
def quadrant(items):
    everything = backlog.reach * backlog.impact * backlog.confidence
    t = items.set_index("item_id")
    value = t.reach * t.impact * t.confidence
    high_value = value >= everything.median()
    high_effort = t.effort_weeks >= backlog.effort_weeks.median()
    names = {(True, False): "quick win", (True, True): "big bet", (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[(v, e)] for v, e in zip(high_value, high_effort)], index=t.index)
''',
        "q6_answer": _Q6_EXACT,
        # the search is right, but the capacity comes back as a float (numpy's arange)
        "q7_answer": '''\
import numpy as np


def smallest_capacity(items, share):
    value = items.set_index("item_id").eval("reach * impact * confidence")
    for weeks in np.arange(0, items["effort_weeks"].sum() + 1, 1.0):
        if value[best_release(items, weeks)].sum() >= share * value.sum():
            return weeks


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
''',
        # the data pipeline read as a business risk
        "q8_answer": '''\
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "viability", "A6": "value", "A7": "viability", "A8": "value"}
''',
        # decisions right; the interview transcripts leave Larder with an evaluation set but no privacy safeguard
        "q9_answer": '''\
decisions = {"U1": ("genai_api", "generic_language_task"), "U2": ("core_ml_team", "proprietary_data_edge"),
             "U3": ("genai_api", "generic_language_task"), "U4": ("core_ml_team", "scale_latency_cost"),
             "U5": ("genai_api", "generic_language_task"), "U6": ("core_ml_team", "proprietary_data_edge")}
safeguards = {"U1": ["redact_personal_data", "human_review"], "U3": ["evaluation_set"], "U5": ["evaluation_set"]}
''',
    },
    "fair": {"q1_test": 1, "q2_test": 2.5, "q3_test": 1.5, "q4_test": 1, "q5_test": 0.5, "q6_test": 3,
             "q7_test": 1.75, "q8_test": 1.75, "q9_test": 2.5},
    "why": {
        "q1_test": "reach and severity right, sorted, a valid name; frequency summed, not the mean the prompt pins, "
                   "so every score is off",
        "q2_test": "outcomes, a computed churn KR and a guardrail; one deadline after the quarter",
        "q3_test": "the formula is right, but the Series is indexed by row number, not by item_id as asked",
        "q4_test": "rounded RICE highest first and item id right; the effort tie-break is reversed, no "
                       "better than skipped (was 1.33; see the rubric)",
        "q5_test": "labels, value and the at-or-above rule right, but the medians are Larder's backlog's, not those "
                   "of the items given: right on `backlog` only, so only the reported labels earn (was 1; see the "
                   "rubric)",
        "q7_test": "the search is right; the capacity is a float where the prompt asks for a whole number (an int)",
        "q8_test": "7 of 8 tags right: the data pipeline (A5) is feasibility",
        "q9_test": "all six decisions right; the interview transcripts (U3) go out without a privacy safeguard "
                   "(half of the safeguards' point)",
    },
}

ATTEMPTS["half-done-b"] = {
    "answers": {
        "q1_answer": _Q1_PLAIN,
        "q2_answer": _Q2_PLAIN,
        "q3_answer": _Q3_PLAIN,
        # started: sorted by the raw RICE score only, no rounding and no tie-breaks yet
        "q4_answer": '''\
def rank_backlog(items):
    return list(rice_scores(items).sort_values(ascending=False).index)
''',
    },
    "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 0.67, "q5_test": 0, "q6_test": 0,
             "q7_test": 0, "q8_test": 0, "q9_test": 0},
    "why": {
        "q4_test": "highest RICE first is right; neither the rounding nor the two tie-breaks are there yet",
    },
}
