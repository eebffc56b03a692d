"""Blind attempts at module 10: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.

Rubric (what a point is for, from the prompt alone):

- q1 (3): ``group_scores`` means per group in ``GROUPS`` order (1.5); ``top_gaps`` by target - score,
  biggest first, ties to the earlier group (1.5, of which the tie rule about 0.5).
- q2 (3): each group's score on its own labelled spoke whatever the Series' order (1.25), closed
  polygons (0.75), the 0-5 scale, title and legend (1).
- q3 (3): who can mentor (the group, at least ``min_hours``: 0.75), one person per gap (0.5), the
  whole-match rule with its tie-breaks (1.75).
- q4 (3): the plan's seven parts in shape (0.5); dates in their horizons, so progress shows early
  (0.75); manager in the loop and an open role (0.5); a reading that serves each gap and a mentor with
  time per gap (0.75); a bounded trial with a trigger to step back (0.5).
- q5 (4): ``prioritise`` by the pinned rule (0.75); the goal's own metric, a success metric tied to it
  and a different guardrail (1); segments with ranked pains, solutions (ML and non-ML) tied to them
  (0.75); a focus segment and an MVP from the first two that serves it, users before solutions (1);
  two product risks and a trade-off (0.5).
- q6 (2): per scenario (2/3 each) a primary the launch moves, a counter-metric of the same launch and
  a whole-business guardrail; a model metric is never the primary.
- q7 (3): the product of any factors (1); the power of ten rounded down (0.5); the given fact kept and
  each factor plausible in its unit, a share as a fraction (1.5).
- q8 (3): one bullet per achievement (0.5); each bullet (about 0.5 each) opens with a verb, has a number, an
  outcome that changed, at most one tool, one line; the two before/after bullets (churn, waste) say what
  fell, not that the work cut it (about 0.5 each: the prompt says these claims are checked).
- q9 (2): each of the seven drill answers right (2/7 each).
"""

ASSIGNMENT = "10-transition"

_Q1 = '''
def group_scores(survey, column):
    means = {}
    for group in GROUPS:
        values = [row[column] for _, row in survey.iterrows() if row["group"] == group]
        means[group] = sum(values) / len(values)
    return pd.Series(means, index=list(GROUPS), dtype=float)


def top_gaps(survey, column, n=2):
    target = group_scores(survey, "target")
    score = group_scores(survey, column)
    gaps = [(round(target[g] - score[g], 2), g) for g in GROUPS]
    ordered = sorted(gaps, key=lambda pair: (-pair[0], GROUPS.index(pair[1])))
    return [group for _, group in ordered[:n]]


my_gaps = top_gaps(skills_survey, "start")
print(my_gaps)
pd.DataFrame({c: group_scores(skills_survey, c) for c in ("target", "start", "end")})
'''

_Q2 = '''
def skills_radar(scores):
    angles = [2 * math.pi * k / len(GROUPS) for k in range(len(GROUPS))]
    fig, ax = plt.subplots(figsize=(6, 6), subplot_kw={"projection": "polar"})
    for label, series in scores.items():
        values = [float(series[g]) for g in GROUPS]
        ax.plot(angles + angles[:1], values + values[:1], marker="o", label=label)
    ax.set_xticks(angles)
    ax.set_xticklabels([g.replace(" ", "\\n") for g in GROUPS])
    ax.set_ylim(0, 5)
    ax.legend(loc="lower left")
    fig.suptitle("Skills self-assessment: start and end of the workshop")
    return fig


radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
'''

_Q3 = '''
import itertools


def match_mentors(table, gaps, min_hours):
    rows = table.to_dict("records")
    choices = []
    for gap in gaps:
        able = [r for r in rows if r["group"] == gap and r["hours_per_month"] >= min_hours]
        choices.append(able + [None])
    best_key, best = None, None
    for combo in itertools.product(*choices):
        people = [r["name"] for r in combo if r is not None]
        if len(people) != len(set(people)):
            continue
        key = (-len(people),
               -sum(r["strength"] for r in combo if r is not None),
               -sum(bool(r["internal"]) for r in combo if r is not None),
               -sum(r["hours_per_month"] for r in combo if r is not None),
               [(1, "") if r is None else (0, r["name"]) for r in combo])
        if best_key is None or key < best_key:
            best_key, best = key, combo
    return {gap: (None if r is None else r["name"]) for gap, r in zip(gaps, best)}


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
my_mentors
'''

# another valid mentor pair than question 3's (Lena Fischer has exactly MIN_HOURS), dates on the horizons' ends
_Q4 = '''
transition_plan = {
    "short_term": [
        {"goal": "Shadow the retention PM in three discovery interviews", "by": "2026-09-30"},
        {"goal": "Present the churn results to the leadership team myself", "by": "2026-12-31"},
    ],
    "medium_term": [{"goal": "Start as Associate PM in retention", "by": "2027-06-30"}],
    "shared_with": ["manager", "mentors", "skip-level manager"],
    "internal_move": "Associate PM, retention",
    "learning": {"influence": "storytelling_with_data", "product strategy": "continuous_discovery"},
    "mentors": {"influence": "Ravi Desai", "product strategy": "Lena Fischer"},
    "trial": {"how": "act as PM for one feature", "weeks": 13,
              "step_back_if": "after three months I still avoid the stakeholder meetings"},
}
transition_plan["learning"], transition_plan["mentors"]
'''

_Q5 = '''
from fractions import Fraction


def prioritise(solutions):
    ranked = sorted(solutions, key=lambda s: (-Fraction(s["impact"], s["effort"]), s["effort"], s["name"]))
    return [s["name"] for s in ranked]


bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [
        {"segment": "families with allergies", "pain_points": ["dietary needs ignored", "unwanted substitute"]},
        {"segment": "busy commuters", "pain_points": ["no say before delivery", "unwanted substitute",
                                                      "substitute costs more"]},
    ],
    "focus": "families with allergies",
    "solutions": [
        {"name": "allergen-aware substitute model", "kind": "ml", "addresses": "dietary needs ignored",
         "impact": 5, "effort": 4},
        {"name": "no substitutes for allergy-flagged items", "kind": "non-ml", "addresses": "dietary needs ignored",
         "impact": 3, "effort": 1},
        {"name": "approve substitutes in the app", "kind": "non-ml", "addresses": "no say before delivery",
         "impact": 4, "effort": 3},
        {"name": "price-match the substitute", "kind": "non-ml", "addresses": "substitute costs more",
         "impact": 2, "effort": 2},
    ],
    "mvp": "no substitutes for allergy-flagged items",
    "success_metric": "substitution acceptance rate",
    "guardrail": "average basket EUR",
    "risks": {"value": "families may prefer a safe substitute to a missing item",
              "feasibility": "allergen data on products may be incomplete"},
    "trade_off": "commuters keep getting substitutes they never approved for another quarter",
}
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
bus_answer["prioritised"]
'''

_Q6 = '''
metric_answers = {}
metric_answers["substitution_suggestions"] = {"primary": "substitution acceptance rate",
                                              "counter": "support contacts per 100 orders",
                                              "guardrail": "4-week churn rate"}
metric_answers["churn_voucher"] = {"primary": "4-week churn rate", "counter": "voucher cost per saved subscriber",
                                   "guardrail": "average basket EUR"}
metric_answers["slot_ranking"] = {"primary": "delivery on time rate", "counter": "slot picker conversion",
                                  "guardrail": "4-week churn rate"}
pd.DataFrame(metric_answers).T
'''

_Q7 = '''
def fermi_estimate(factors):
    total = 1
    for value in factors.values():
        total *= value
    return total


def order_of_magnitude(x):
    power = 0
    while x >= 10:
        x /= 10
        power += 1
    while x < 1:
        x *= 10
        power -= 1
    return power


substitutions_fermi = dict(FERMI_FACTS)
substitutions_fermi.update({"orders_per_subscriber_per_week": 0.9,   # most get a box every week, some skip
                            "items_per_order": 35,
                            "share_of_items_substituted": 0.03})
weekly_substitutions = fermi_estimate(substitutions_fermi)
print(f"About {weekly_substitutions:,.0f} a week, 10^{order_of_magnitude(weekly_substitutions)}")
'''

_Q8 = '''
impact_bullets = {
    "churn_model": "Gave the retention team a weekly list of the 2,000 subscribers most likely to leave; "
                   "churn among them fell from 9.1 % to 7.4 % in eight weeks.",
    "dashboard": "Freed about 6 hours a week of data-team time with a self-serve stock dashboard, and "
                 "category managers now spot out-of-stock items two days sooner.",
    "forecast": "Rebuilt the demand forecast the warehouses order against; fresh-food waste fell 11 %, "
                "saving about EUR 30,000 a month.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
'''

_Q9 = '''
drill_answers = {
    "sample_size": "about quadruples",
    "reason_codes": "that subscriber's top reason codes",
    "four_fifths": "the ratio is 0.6: it fails",
    "staging": "staging",
    "drift": "PSI on the input features",
    "events": "publish an event to a queue",
    "monolith": "one thing to deploy and debug",
}
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9}


def _edit(code, *pairs):
    """The code with each (old, new) pair replaced; every old text must occur."""
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return code


# --- model first: lowest score as the gap, mentors gap by gap, the manager kept out and an open-ended
#     rotation, the ML model as the MVP, AUC as a primary, a share in percent, tool-centric bullets ------

_MODEL_FIRST = dict(_RIGHT)
_MODEL_FIRST.update({
    "q1_answer": _edit(_Q1, ("gaps = [(round(target[g] - score[g], 2), g) for g in GROUPS]",
                             "gaps = [(-score[g], g) for g in GROUPS]  # the weakest groups first")),
    "q3_answer": '''
def match_mentors(table, gaps, min_hours):
    taken, chosen = set(), {}
    for gap in gaps:
        able = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours)
                     & ~table["name"].isin(taken)]
        able = able.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        chosen[gap] = None if able.empty else able["name"].iloc[0]
        taken.add(chosen[gap])
    return chosen


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
my_mentors
''',
    "q4_answer": _edit(_Q4, ('"shared_with": ["manager", "mentors", "skip-level manager"]',
                             '"shared_with": ["mentors", "colleagues"]'),
                       ('"trial": {"how": "act as PM for one feature", "weeks": 13,',
                        '"trial": {"how": "a product rotation", "weeks": 26,')),
    "q5_answer": _edit(_Q5, ('"mvp": "no substitutes for allergy-flagged items"',
                             '"mvp": "allergen-aware substitute model"')),
    "q6_answer": _edit(_Q6, ('{"primary": "4-week churn rate", "counter": "voucher cost per saved subscriber",',
                             '{"primary": "model AUC", "counter": "voucher cost per saved subscriber",'),
                       ('"counter": "support contacts per 100 orders",\n'
                        '                                              "guardrail": "4-week churn rate"}',
                        '"counter": "4-week churn rate",\n'
                        '                                              '
                        '"guardrail": "support contacts per 100 orders"}')),
    "q7_answer": _edit(_Q7, ('"share_of_items_substituted": 0.03', '"share_of_items_substituted": 3')),
    "q8_answer": '''
impact_bullets = {
    "churn_model": "Trained an XGBoost churn model (AUC 0.81) that flags 2,000 subscribers a week; churn among "
                   "them fell from 9.1 % to 7.4 %.",
    "dashboard": "Built a Tableau dashboard on Snowflake with 40 SQL queries for the category managers.",
    "forecast": "Rebuilt the demand forecast the warehouses order against; fresh-food waste fell 11 %, "
                "saving about EUR 30,000 a month.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
''',
    "q9_answer": _edit(_Q9, ('"about quadruples"', '"about doubles"'),
                       ('"PSI on the input features"', '"AUC on next month\'s labels"')),
})

# --- headings right, substance wrong: ties alphabetical, the radar in the Series' own order, "more than"
#     min_hours, a plan with no near milestone and off-gap help, a BUS answer whose metric is not the
#     goal's and whose MVP is the model for nobody in particular, counter and guardrail swapped, a
#     monthly rate as weekly, an over-claimed bullet ---------------------------------------------------

_HEADINGS_ONLY = dict(_RIGHT)
_HEADINGS_ONLY.update({
    "q1_answer": '''
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))


def top_gaps(survey, column, n=2):
    means = survey.groupby("group")[[column, "target"]].mean()
    gap = (means["target"] - means[column]).round(2)
    return list(gap.sort_values(ascending=False, kind="stable").index[:n])


my_gaps = top_gaps(skills_survey, "start")
print(my_gaps)
pd.DataFrame({c: group_scores(skills_survey, c) for c in ("target", "start", "end")})
''',
    "q2_answer": _edit(_Q2, ("values = [float(series[g]) for g in GROUPS]",
                             "values = [float(v) for v in series.to_numpy()]")),
    "q3_answer": _edit(_Q3, ('r["hours_per_month"] >= min_hours', 'r["hours_per_month"] > min_hours')),
    "q4_answer": '''
transition_plan = {
    "short_term": [{"goal": "Get better at stakeholder management", "by": "2027-03-31"}],
    "medium_term": [{"goal": "Become a product manager somewhere", "by": "2028-06-30"}],
    "shared_with": ["manager", "mentors"],
    "internal_move": "ML PM, supply forecasting",
    "learning": {"influence": "inspired", "product strategy": "inspired"},
    "mentors": {"influence": "Amara Osei", "product strategy": "Ravi Desai"},
    "trial": {"how": "shadow a PM", "weeks": 8, "step_back_if": "the role turns out to be mostly meetings"},
}
transition_plan["learning"], transition_plan["mentors"]
''',
    "q5_answer": _edit(_Q5, ('"metric": "4-week churn rate"}', '"metric": "substitution acceptance rate"}'),
                       ('"success_metric": "substitution acceptance rate"',
                        '"success_metric": "picker minutes per order"'),
                       ('"focus": "families with allergies"', '"focus": "all subscribers"'),
                       ('"mvp": "no substitutes for allergy-flagged items"',
                        '"mvp": "allergen-aware substitute model"'),
                       ('"feasibility": "allergen data on products may be incomplete"', '')),
    "q6_answer": '''
metric_answers = {
    "substitution_suggestions": {"primary": "substitution acceptance rate", "counter": "4-week churn rate",
                                 "guardrail": "share of orders with a substitution"},
    "churn_voucher": {"primary": "4-week churn rate", "counter": "app rating",
                      "guardrail": "voucher cost per saved subscriber"},
    "slot_ranking": {"primary": "delivery on time rate", "counter": "4-week churn rate",
                     "guardrail": "slot picker conversion"},
}
pd.DataFrame(metric_answers).T
''',
    "q7_answer": _edit(_Q7, ('"orders_per_subscriber_per_week": 0.9,   # most get a box every week, some skip',
                             '"orders_per_subscriber_per_week": 4,   # about four boxes a month'),
                       ("""    power = 0
    while x >= 10:
        x /= 10
        power += 1
    while x < 1:
        x *= 10
        power -= 1
    return power""", "    return round(math.log10(x))")),
    "q8_answer": '''
impact_bullets = {
    "churn_model": "Cut churn by 19 % for the 2,000 subscribers the retention team calls each week, using an "
                   "XGBoost model.",
    "dashboard": "Built a self-serve dashboard that category managers use every week instead of asking for extracts.",
    "forecast": "Replaced the LSTM demand forecast with LightGBM, cutting RMSE by 18 % and waste by 11 %.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
''',
    "q9_answer": _edit(_Q9, ('"the ratio is 0.6: it fails"', '"it passes"'),
                       ('"one thing to deploy and debug"', '"each part scales alone"'),
                       ('"that subscriber\'s top reason codes"', '"the global feature importances"')),
})

# --- half done: the skills, the radar, the mentors and the drill; the rest not started --------------

_HALF = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q9_answer": _Q9}

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 3, "q5_test": 4, "q6_test": 2, "q7_test": 3,
         "q8_test": 3, "q9_test": 2}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_model_first": {
        "answers": _MODEL_FIRST,
        "fair": {**_FULL, "q1_test": 1.5, "q3_test": 1.25, "q4_test": 2, "q5_test": 3.5, "q6_test": 1.5,
                 "q7_test": 1.5, "q8_test": 1.8, "q9_test": 1.4},
        "why": {
            "q1_test": "group scores right, but the gaps rank the lowest scores, not target minus score (the same "
                       "two groups on this survey, not on another)",
            "q3_test": "filters on hours and takes nobody twice, but picks gap by gap, the greedy match the prompt "
                       "warns against; on Larder's list it gives strategy to the external mentor",
            "q4_test": "dates, role, learning and mentors hold together, but the manager is kept out of the plan and "
                       "the trial (26 weeks) is no longer one you can step back from in time",
            "q5_test": "business, users, metrics and risks right, but the MVP is the ML model ranked third, not one "
                       "of the first two (re-judged from 3 to the rubric: the MVP does serve the focus segment, so "
                       "half of the focus-and-MVP point stands)",
            "q6_test": "slot ranking right; AUC as the voucher's primary, and churn as the substitution "
                       "counter-metric: 7 of 9 picks (re-judged from 1.25 after grading: the swapped-in guardrail, "
                       "support contacts, is support load, a guardrail the prompt names, so only the counter is wrong)",
            "q7_test": "product and power of ten right, but the share is in percent (3), so the estimate is 100 "
                       "times too big",
            "q8_test": "one bullet per achievement and the forecast bullet good; the churn bullet leads with two "
                       "tools and a model metric, the dashboard bullet says only what was built; both before/after "
                       "bullets claim only what fell (re-judged from 1.35 for the prompt's claim check: the honest "
                       "claims earn their part)",
            "q9_test": "5 of 7: the sample size doubles (it quadruples) and drift waits for late labels",
        },
    },
    "blind_headings_only": {
        "answers": _HEADINGS_ONLY,
        "fair": {**_FULL, "q1_test": 2.5, "q2_test": 1.75, "q3_test": 2.5, "q4_test": 1.5, "q5_test": 1.5,
                 "q6_test": 0.75, "q7_test": 1, "q8_test": 1, "q9_test": 1.15},
        "why": {
            "q1_test": "scores and gaps right, but ties go to the alphabetical order, not to the earlier group of "
                       "GROUPS",
            "q2_test": "spokes, closed polygons, scale, title and legend right, but each Series is drawn in its own "
                       "order, so a Series in another order puts scores on the wrong spokes",
            "q3_test": "whole-match rule right, but a mentor with exactly min_hours is left out (the prompt says at "
                       "least)",
            "q4_test": "shared with the manager, an open role and a bounded trial, but no goal in the next six months "
                       "and one past the medium term, a reading that does not serve influence and the COO with no "
                       "hours as a mentor",
            "q5_test": "prioritise and the solutions right, but the business metric is not the goal's own, the "
                       "success metric is not tied to the goal, the focus is nobody in particular, the MVP is the "
                       "third-ranked model and only one risk is named (re-judged from 1.75: the headings are all "
                       "there but the substance is not, which should not keep near half the points)",
            "q6_test": "primaries right, but each counter-metric is a business-health metric and each guardrail a "
                       "metric of the launch itself: the two jobs swapped",
            "q7_test": "the product is right, but order_of_magnitude rounds (4 for 3,500) and orders per week is a "
                       "monthly count (4)",
            "q8_test": "one bullet per achievement, but the churn bullet claims a cut a before/after change does not "
                       "show, the dashboard bullet has no number or change and the forecast bullet names three tools "
                       "and claims the waste cut too (re-judged for the claim check: unchanged, the claims were "
                       "already docked)",
            "q9_test": "4 of 7: the four-fifths ratio, the monolith and the reason codes are wrong",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 3, "q3_test": 3, "q9_test": 2},
        "why": {},
    },
}
