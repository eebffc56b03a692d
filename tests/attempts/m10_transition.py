"""Module 10 (the transition): three learner attempts and the points a fair teacher gives them."""

from known_wrong.m10_transition import FAIR_SCORES

ASSIGNMENT = "10-transition"


def _fair(case: str) -> str:
    return FAIR_SCORES[case][1]


# ---------------------------------------------------------------------------------------------
# A: everything right, in other styles than the solution.
# ---------------------------------------------------------------------------------------------
_OTHER_STYLE = {
    "q1_answer": _fair("scores-with-loops-and-a-rank-column"),
    "q2_answer": _fair("radar-with-subplots-suptitle-and-figure-legend"),
    "q3_answer": _fair("mentors-by-itertools-product-and-a-max"),
    "q4_answer": _fair("plan-with-tuples-and-numpy-weeks"),
    "q5_answer": _fair("bus-on-refund-costs-three-solutions"),
    "q6_answer": _fair("metrics-with-other-fair-guardrails"),
    "q7_answer": _fair("fermi-with-reduce-numpy-floor-and-other-guesses"),
    "q8_answer": _fair("bullets-present-tense-and-currency-sign"),
    "q9_answer": _fair("drill-with-numpy-strings"),
}

# ---------------------------------------------------------------------------------------------
# B: the typical mistakes of a data scientist new to product work.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    # alphabetical groups, no tie rule
    "q1_answer": '''\
def group_scores(survey, column):
    return survey.groupby("group")[column].mean()


def top_gaps(survey, column, n=2):
    gaps = group_scores(survey, "target") - group_scores(survey, column)
    return list(gaps.sort_values(ascending=False).index[:n])


my_gaps = top_gaps(skills_survey, "start")
''',
    # an open polygon and matplotlib's own radial scale
    "q2_answer": '''\
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(polar=True)
    for label, s in scores.items():
        ax.plot(angles, s.reindex(list(GROUPS)).values, label=label)
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.set_title("Skills radar")
    ax.legend()
    return fig


radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
''',
    # the strongest mentor, whatever their time, and the same person twice
    "q3_answer": '''\
def match_mentors(table, gaps, min_hours):
    out = {}
    for gap in gaps:
        best = table[table["group"] == gap].sort_values("strength", ascending=False)
        out[gap] = best["name"].iloc[0]
    return out


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
''',
    # kept from the manager, a half-year trial; the question 3 match used as it is
    "q4_answer": '''\
transition_plan = {
    "short_term": [{"goal": "Read Inspired and shadow a PM", "by": "2026-10-31"}],
    "medium_term": [{"goal": "Apply for the Associate PM role", "by": "2027-03-31"}],
    "shared_with": ["colleagues", "mentors"],
    "internal_move": "Associate PM, retention",
    "learning": {"influence": "stakeholder_mapping", "product strategy": "inspired"},
    "mentors": my_mentors,
    "trial": {"how": "a product rotation", "weeks": 26, "step_back_if": "it does not work out"},
}
''',
    # the guardrail repeats the goal's metric; the MVP is the model, third on the list
    "q5_answer": '''\
def prioritise(solutions):
    ranked = sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))
    return [s["name"] for s in ranked]


bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [{"segment": "families", "pain_points": ["unwanted substitute", "substitute costs more"]},
              {"segment": "singles", "pain_points": ["no say before delivery", "unwanted substitute"]}],
    "solutions": [
        {"name": "substitute recommender", "kind": "ml", "addresses": "unwanted substitute", "impact": 5, "effort": 5},
        {"name": "price-matched substitutes", "kind": "non-ml", "addresses": "substitute costs more", "impact": 3,
         "effort": 1},
        {"name": "approve in the app", "kind": "non-ml", "addresses": "no say before delivery", "impact": 4,
         "effort": 2},
    ],
    "mvp": "substitute recommender",
    "success_metric": "substitution acceptance rate",
    "guardrail": "4-week churn rate",
    "focus": "families",
    "risks": {"feasibility": "not enough accepted substitutes to train on"},
    "trade_off": "singles wait for in-app approval",
}
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
''',
    "q6_answer": '''\
metric_answers = {
    "substitution_suggestions": {"primary": "model AUC", "guardrail": "4-week churn rate",
                                 "counter": "refunds per 100 orders"},
    "churn_voucher": {"primary": "4-week churn rate", "guardrail": "voucher cost per saved subscriber",
                      "counter": "average basket EUR"},
    "slot_ranking": {"primary": "delivery on time rate", "guardrail": "4-week churn rate",
                     "counter": "slot picker conversion"},
}
''',
    # round for the power of ten; the share as a percentage
    "q7_answer": '''\
def fermi_estimate(factors):
    total = 1
    for value in factors.values():
        total *= value
    return total


def order_of_magnitude(x):
    return round(math.log10(x))


substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 1,
                       "items_per_order": 30, "share_of_items_substituted": 3}
weekly_substitutions = fermi_estimate(substitutions_fermi)
''',
    # two bullets still lead with the stack, and both before/after bullets claim a cut
    "q8_answer": '''\
impact_bullets = {
    "churn_model": "Built an XGBoost churn model in Python that cut churn among flagged subscribers "
                   "from 9.1 % to 7.4 %.",
    "dashboard": "Created a Tableau dashboard that saves the data team 6 hours a week.",
    "forecast": "Improved RMSE by 18 % by moving from an LSTM to LightGBM, which reduced waste by 11 %.",
}
''',
    "q9_answer": '''\
drill_answers = {"sample_size": "about doubles", "reason_codes": "that subscriber's top reason codes",
                 "four_fifths": "the ratio is 0.6: it fails", "staging": "staging",
                 "drift": "AUC on next month's labels", "events": "publish an event to a queue",
                 "monolith": "one thing to deploy and debug"}
''',
}

# ---------------------------------------------------------------------------------------------
# C: half done: the first questions right, the plan half written, then out of time.
# ---------------------------------------------------------------------------------------------
_HALF = {
    "q1_answer": '''\
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))


def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, "target") - group_scores(survey, column)).round(2)
    return sorted(GROUPS, key=lambda g: (-gap[g], GROUPS.index(g)))[:n]


my_gaps = top_gaps(skills_survey, "start")
''',
    "q3_answer": '''\
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours) & ~table["name"].isin(taken)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
        taken.add(out[gap])
    return out


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
''',
    "q4_answer": '''\
transition_plan = {
    "short_term": [{"goal": "Shadow the retention PM", "by": "2026-09-30"}],
    "medium_term": [{"goal": "Move into product", "by": "2027-09-30"}],
    "shared_with": ["manager", "mentors"],
    "internal_move": "Associate PM, retention",
}
''',
    "q5_answer": '''\
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
''',
}

ATTEMPTS = {
    "other-style-all-correct": {
        "answers": _OTHER_STYLE,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 3, "q5_test": 4, "q6_test": 2, "q7_test": 3,
                 "q8_test": 3, "q9_test": 2},
        "why": {},
    },
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 1.7, "q2_test": 2, "q3_test": 0.6, "q4_test": 1.8, "q5_test": 2.4, "q6_test": 1.5,
                 "q7_test": 1.1, "q8_test": 0.9, "q9_test": 1.4},
        "why": {
            "q1_test": "scores right but alphabetical (the prompt pins GROUPS order), no tie rule and no rounding",
            "q2_test": "an open polygon and no 0-5 scale: two of the chart's six aspects",
            "q3_test": "the function ignores the hours and who is taken; my_mentors is its own match, used as the "
                       "prompt says, so it is not charged again (one check of five)",
            "q4_test": "plan kept from the manager and a half-year trial; the question 3 match is not charged again",
            "q5_test": "guardrail repeats the goal's metric and the MVP is the costly model: two coherence slips; "
                       "one risk named where the prompt asks for two",
            "q6_test": "model AUC as a product primary and the voucher's counter/guardrail swapped (its basket is a "
                       "fair counter, its cost no guardrail): 7 of 9 picks right "
                       "(re-judged from 1, one scenario of three: a right pick counts, as in the blind attempts)",
            "q7_test": "round instead of floor and a share given as a percentage; arithmetic right (re-judged from "
                       "1.7: the share in percent puts the estimate itself 100 times off, the core of the question; "
                       "fermi_estimate and a consistent weekly_substitutions keep their part)",
            "q8_test": "two of three bullets still lead with tools, and both before/after bullets claim the work "
                       "caused the change ('cut churn', 'reduced waste'), which the prompt now checks; only the "
                       "dashboard bullet holds (re-judged from 1.5 for the claim check)",
            "q9_test": "five of seven drill answers right",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 3, "q2_test": 0, "q3_test": 1.25, "q4_test": 1.2, "q5_test": 0.75, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0, "q9_test": 0},
        "why": {
            "q3_test": "the gap-by-gap rule, not the whole match the prompt pins; hours, taken people and None right",
            "q4_test": "dates, audience and the internal move done; learning, mentors and the trial missing",
            "q5_test": "prioritise written, the BUS answer not started (re-judged for the longer BUS answer of the "
                       "new prompt: the function is a smaller share of the question)",
        },
    },
}
