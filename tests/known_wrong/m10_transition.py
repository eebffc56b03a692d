"""Known-wrong answers and fairly graded answers for 10-transition.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

from known_wrong import blind_attempt_scores

ASSIGNMENT = "10-transition"

_RADAR_HEAD = """
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
"""
_RADAR_TAIL = """
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.set_ylim(0, 5)
    ax.legend()
    ax.set_title("My skills")
    return fig
radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
"""
_PLAN = """
transition_plan = {
    "short_term": [{"goal": "Shadow the retention PM", "by": "2026-10-01"}],
    "medium_term": [{"goal": "Become Associate PM, retention", "by": "2027-06-30"}],
    "shared_with": ["manager", "mentors"],
    "internal_move": "Associate PM, retention",
    "learning": {"influence": "storytelling_with_data", "product strategy": "inspired"},
    "mentors": {"influence": "Ravi Desai", "product strategy": "Lena Fischer"},
    "trial": {"how": "shadow a PM", "weeks": 8, "step_back_if": "the product work drains me"},
}
"""
_BUS = """
bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [{"segment": "families", "pain_points": ["unwanted substitute", "dietary needs ignored"]},
              {"segment": "singles", "pain_points": ["no say before delivery", "refund is slow"]}],
    "solutions": [
        {"name": "approve before delivery", "kind": "non-ml", "addresses": "no say before delivery",
         "impact": 4, "effort": 2},
        {"name": "ranked substitutes", "kind": "ml", "addresses": "unwanted substitute", "impact": 5, "effort": 4},
        {"name": "dietary tags", "kind": "non-ml", "addresses": "dietary needs ignored", "impact": 3, "effort": 1},
        {"name": "instant refund", "kind": "non-ml", "addresses": "refund is slow", "impact": 2, "effort": 2},
    ],
    "mvp": "dietary tags",
    "success_metric": "substitution acceptance rate",
    "guardrail": "picker minutes per order",
    "focus": "families",
    "risks": {"value": "families may still dislike safe substitutes", "feasibility": "allergen tags may be wrong"},
    "trade_off": "singles wait for approval in the app",
}
"""
_METRICS = """
metric_answers = {
    "substitution_suggestions": {"primary": "substitution acceptance rate", "guardrail": "4-week churn rate",
                                 "counter": "refunds per 100 orders"},
    "churn_voucher": {"primary": "4-week churn rate", "guardrail": "average basket EUR",
                      "counter": "voucher cost per saved subscriber"},
    "slot_ranking": {"primary": "delivery on time rate", "guardrail": "4-week churn rate",
                     "counter": "slot picker conversion"},
}
"""
_FERMI = """
def fermi_estimate(factors):
    return math.prod(factors.values())
def order_of_magnitude(x):
    return math.floor(math.log10(x))
"""
_BULLETS_OK = {
    "churn_model": "Launched weekly retention calls for 2,000 flagged subscribers; churn among them fell from 9.1 % to "
                   "7.4 % in 8 weeks.",
    "dashboard": "Saved the data team 6 hours a week by giving category managers a self-serve stock dashboard.",
    "forecast": "Led the move to a new demand forecast; after warehouses ordered against it, fresh-food waste fell "
                "11 %, about EUR 30,000 a month.",
}
# Claims a before/after change does not support: "cut" and "reduced" make the work the cause.
_CUT_CHURN = "Cut churn among flagged subscribers from 9.1 % to 7.4 % in 8 weeks with a weekly call list."
_REDUCED_WASTE = "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, with a better demand forecast."
_DRILL = """
drill_answers = {"sample_size": "about quadruples", "reason_codes": "that subscriber's top reason codes",
                 "four_fifths": "the ratio is 0.6: it fails", "staging": "staging",
                 "drift": "PSI on the input features",
                 "events": "publish an event to a queue", "monolith": "one thing to deploy and debug"}
"""


def _bullets(**changes: str) -> str:
    return f"impact_bullets = {dict(_BULLETS_OK, **changes)!r}\n"


WRONG_ANSWERS = {
    # ---- question 1: scores and gaps ----
    "gap-read-as-the-lowest-score": ("q1_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))
def top_gaps(survey, column, n=2):
    return list(group_scores(survey, column).sort_values().index[:n])
my_gaps = top_gaps(skills_survey, "start")
""", "visible"),
    "gap-sign-flipped": ("q1_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))
def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, column) - group_scores(survey, "target")).round(2)
    return sorted(GROUPS, key=lambda g: (-gap[g], GROUPS.index(g)))[:n]
my_gaps = top_gaps(skills_survey, "start")
""", "visible"),
    "alphabetical-order-and-no-tie-rule": ("q1_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean()
def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, "target") - group_scores(survey, column)).round(2)
    return list(gap.sort_values(ascending=False, kind="stable").index[:n])
my_gaps = top_gaps(skills_survey, "start")
""", "hidden"),
    "gaps-compared-unrounded": ("q1_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))
def top_gaps(survey, column, n=2):
    gap = group_scores(survey, "target") - group_scores(survey, column)
    return sorted(GROUPS, key=lambda g: (-gap[g], GROUPS.index(g)))[:n]
my_gaps = top_gaps(skills_survey, "start")
""", "hidden"),
    # ---- question 2: the radar ----
    "polygon-left-open": ("q2_answer", _RADAR_HEAD + """
    for label, s in scores.items():
        ax.plot(angles, s.reindex(list(GROUPS)).to_numpy(), label=label)
""" + _RADAR_TAIL, "visible"),
    "values-in-the-series-own-order": ("q2_answer", _RADAR_HEAD + """
    for label, s in scores.items():
        v = s.to_numpy()
        ax.plot(np.append(angles, angles[0]), np.append(v, v[0]), label=label)
""" + _RADAR_TAIL, "hidden"),
    "no-legend-and-free-scale": ("q2_answer", """
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for label, s in scores.items():
        v = s.reindex(list(GROUPS)).to_numpy()
        ax.plot(np.append(angles, angles[0]), np.append(v, v[0]), label=label)
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.set_title("My skills")
    return fig
radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""", "visible"),
    # ---- question 3: mentors ----
    "mentor-hours-more-than-not-at-least": ("q3_answer", """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & (table["hours_per_month"] > min_hours) & ~table["name"].isin(taken)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
        taken.add(out[gap])
    return out
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", "visible"),
    "mentor-hours-ignored": ("q3_answer", """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & ~table["name"].isin(taken)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
        taken.add(out[gap])
    return out
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", "visible"),
    "same-mentor-for-two-gaps": ("q3_answer", """
def match_mentors(table, gaps, min_hours):
    out = {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
    return out
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", "visible"),
    "external-mentor-first-on-a-tie": ("q3_answer", """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours) & ~table["name"].isin(taken)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, True, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
        taken.add(out[gap])
    return out
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", "visible"),
    "greedy-gap-by-gap": ("q3_answer", """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        pool = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours) & ~table["name"].isin(taken)]
        pool = pool.sort_values(["strength", "internal", "hours_per_month", "name"],
                                ascending=[False, False, False, True])
        out[gap] = None if pool.empty else pool["name"].iloc[0]
        if out[gap] is not None:
            taken.add(out[gap])
    return out
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", "visible"),
    # ---- question 4: the plan ----
    "plan-kept-from-the-manager": ("q4_answer", _PLAN + """
transition_plan["shared_with"] = ["mentors", "colleagues"]
""", "visible"),
    "medium-term-goal-inside-the-short-term": ("q4_answer", _PLAN + """
transition_plan["medium_term"] = [{"goal": "Become Associate PM, retention", "by": "2026-11-30"}]
""", "visible"),
    "reading-that-serves-another-gap": ("q4_answer", _PLAN + """
transition_plan["learning"]["influence"] = "practical_data_ethics"
""", "hidden"),
    "open-ended-trial": ("q4_answer", _PLAN + """
transition_plan["trial"]["weeks"] = 52
""", "hidden"),
    "mentor-without-time": ("q4_answer", _PLAN + """
transition_plan["mentors"]["influence"] = "Amara Osei"
""", "hidden"),
    # ---- question 5: BUS ----
    "prioritised-by-impact-alone": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: -s["impact"])]
""" + _BUS + """
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "visible"),
    "guardrail-is-the-success-metric": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
""" + _BUS + """
bus_answer["guardrail"] = "substitution acceptance rate"
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "visible"),
    "ties-by-name-not-effort": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["name"]))]
""" + _BUS + """
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "hidden"),
    "mvp-from-the-bottom-of-the-list": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
""" + _BUS + """
bus_answer["mvp"] = "ranked substitutes"
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "hidden"),
    "ml-solutions-only": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
""" + _BUS + """
for s in bus_answer["solutions"]:
    s["kind"] = "ml"
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "hidden"),
    "mvp-for-another-segment": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
""" + _BUS + """
bus_answer["focus"] = "singles"
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "hidden"),
    "one-risk-and-no-trade-off": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]
""" + _BUS + """
bus_answer["risks"] = {"value": "families may still dislike safe substitutes"}
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", "hidden"),
    # ---- question 6: metrics ----
    "model-auc-as-the-primary": ("q6_answer", _METRICS + """
metric_answers["substitution_suggestions"]["primary"] = "model AUC"
""", "hidden"),
    "counter-and-guardrail-swapped": ("q6_answer", _METRICS + """
metric_answers["churn_voucher"] = {"primary": "4-week churn rate", "guardrail": "voucher cost per saved subscriber",
                                   "counter": "average basket EUR"}
""", "hidden"),
    "same-metric-twice": ("q6_answer", _METRICS + """
metric_answers["slot_ranking"]["guardrail"] = "delivery on time rate"
""", "visible"),
    # ---- question 7: Fermi ----
    "rounded-not-floored-magnitude": ("q7_answer", """
def fermi_estimate(factors):
    return math.prod(factors.values())
def order_of_magnitude(x):
    return round(math.log10(x))
substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 35,
                       "share_of_items_substituted": 0.03}
weekly_substitutions = fermi_estimate(substitutions_fermi)
""", "visible"),
    "truncated-magnitude-below-one": ("q7_answer", """
def fermi_estimate(factors):
    return math.prod(factors.values())
def order_of_magnitude(x):
    return int(math.log10(x))
substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 35,
                       "share_of_items_substituted": 0.03}
weekly_substitutions = fermi_estimate(substitutions_fermi)
""", "hidden"),
    "share-as-a-percentage": ("q7_answer", _FERMI + """
substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 35,
                       "share_of_items_substituted": 3}
weekly_substitutions = fermi_estimate(substitutions_fermi)
""", "visible"),
    "estimate-typed-in-not-computed": ("q7_answer", _FERMI + """
substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 35,
                       "share_of_items_substituted": 0.03}
weekly_substitutions = 50_000
""", "hidden"),
    "subscribers-fact-changed": ("q7_answer", _FERMI + """
substitutions_fermi = {"active_subscribers": 1_000_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 35,
                       "share_of_items_substituted": 0.03}
weekly_substitutions = fermi_estimate(substitutions_fermi)
""", "visible"),
    # ---- question 8: impact bullets ----
    "achievement-copied-tool-first": ("q8_answer", "impact_bullets = {k: v for k, v in ACHIEVEMENTS.items()}\n",
                                      "visible"),
    "dashboard-bullet-without-a-number": ("q8_answer", _bullets(
        dashboard="Built a self-serve stock dashboard so category managers no longer wait for weekly extracts."),
        "hidden"),
    "forecast-bullet-opens-with-a-duty": ("q8_answer", _bullets(
        forecast="Responsible for the demand forecast, which lowered fresh-food waste by 11 % a month."), "hidden"),
    "forecast-bullet-lists-the-stack": ("q8_answer", _bullets(
        forecast="Replaced an LSTM with LightGBM in Python, cutting RMSE by 18 % and fresh-food waste by 11 %."),
        "hidden"),
    "forecast-bullet-says-what-was-deployed": ("q8_answer", _bullets(
        forecast="Deployed a LightGBM demand forecast to production for 4 warehouses ordering fresh food daily."),
        "hidden"),
    "overclaimed-churn": ("q8_answer", _bullets(churn_model=_CUT_CHURN), "visible"),
    "overclaimed-waste": ("q8_answer", _bullets(forecast=_REDUCED_WASTE), "hidden"),
    # ---- question 9: the drill ----
    "sample-size-doubles": ("q9_answer", _DRILL + 'drill_answers["sample_size"] = "about doubles"\n', "hidden"),
    "drift-read-from-late-labels": ("q9_answer", _DRILL + 'drill_answers["drift"] = "AUC on next month\'s labels"\n',
                                    "hidden"),
    "answer-not-among-the-options": ("q9_answer", _DRILL + 'drill_answers["events"] = "Kafka"\n', "visible"),
}

FAIR_SCORES = {
    # ---- correct answers in another style than the solution: full points ----
    "scores-with-loops-and-a-rank-column": ("q1_answer", """
import statistics
def group_scores(survey, column):
    return pd.Series({g: statistics.mean(survey.loc[survey["group"] == g, column]) for g in GROUPS})
def top_gaps(survey, column, n=2):
    t, s = group_scores(survey, "target"), group_scores(survey, column)
    frame = pd.DataFrame({"gap": (t - s).round(2), "pos": range(len(GROUPS))}, index=list(GROUPS))
    return tuple(frame.sort_values(["gap", "pos"], ascending=[False, True]).index[:n])
my_gaps = top_gaps(skills_survey, "start")
""", 3.0),
    "radar-with-subplots-suptitle-and-figure-legend": ("q2_answer", """
def skills_radar(scores):
    theta = [2 * math.pi * k / 4 for k in range(4)]
    fig, ax = plt.subplots(subplot_kw={"projection": "polar"})
    for name, series in scores.items():
        r = [float(series[g]) for g in GROUPS]
        ax.plot(theta + theta[:1], r + r[:1], marker="o", label=name)
    ax.set_thetagrids(np.degrees(theta), GROUPS)
    ax.set_rlim(0, 5)
    fig.suptitle("Skills at the start and the end")
    fig.legend()
    return fig
radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""", 3.0),
    "top-gaps-as-a-pandas-index": ("q1_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))
def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, "target") - group_scores(survey, column)).round(2)
    return gap.sort_values(ascending=False, kind="stable").index[:n]  # GROUPS order kept on ties
my_gaps = top_gaps(skills_survey, "start")
""", 3.0),
    "radar-with-filled-polygons-only": ("q2_answer", """
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for label, s in scores.items():
        ax.fill(angles, s.reindex(list(GROUPS)).to_numpy(), alpha=0.3, label=label)  # fill closes the polygon
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.set_ylim(0, 5)
    ax.legend()
    ax.set_title("My skills, start and end")
    return fig
radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""", 3.0),
    "mentors-by-itertools-product-and-a-max": ("q3_answer", """
import itertools
def match_mentors(table, gaps, min_hours):
    able = {gap: [None] + [r for r in table.to_dict("records")
                           if r["group"] == gap and r["hours_per_month"] >= min_hours] for gap in gaps}
    best, best_key = None, None
    for combo in itertools.product(*(able[g] for g in gaps)):
        people = [r for r in combo if r]
        if len({r["name"] for r in people}) < len(people):
            continue
        key = (len(people), sum(r["strength"] for r in people), sum(r["internal"] for r in people),
               sum(r["hours_per_month"] for r in people))
        names = tuple((r is None, r["name"] if r else "") for r in combo)
        if best is None or key > best_key or (key == best_key and names < best[0]):
            best, best_key = (names, combo), key
    return {g: (r["name"] if r else None) for g, r in zip(gaps, best[1])}
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", 3.0),
    "plan-with-tuples-and-numpy-weeks": ("q4_answer", _PLAN + """
transition_plan["shared_with"] = ("skip-level manager", "manager")
transition_plan["trial"]["weeks"] = np.int64(13)
transition_plan["short_term"] = [{"goal": "Lead one discovery interview", "by": "2026-12-31"}]
transition_plan["mentors"] = {"influence": "Jonah Mercer", "product strategy": "Nadia Rahman"}
""", 3.0),
    "bus-on-refund-costs-three-solutions": ("q5_answer", """
import functools
def prioritise(solutions):
    def worse(a, b):
        ra, rb = a["impact"] / a["effort"], b["impact"] / b["effort"]
        if ra != rb:
            return -1 if ra > rb else 1
        by_effort = (a["effort"] > b["effort"]) - (a["effort"] < b["effort"])
        return by_effort or (a["name"] > b["name"]) - (a["name"] < b["name"])
    return [s["name"] for s in sorted(solutions, key=functools.cmp_to_key(worse))]
bus_answer = dict(
    business=dict(goal="cut refund costs", metric="refunds per 100 orders"),
    users=[dict(segment="weekly family shop", pain_points=("substitute costs more", "unwanted substitute")),
           dict(segment="office lunch orders", pain_points=("missing item with no substitute", "refund is slow"))],
    solutions=[
        dict(name="price cap on substitutes", kind="non-ml", addresses="substitute costs more", impact=3, effort=1),
        dict(name="learned substitute ranking", kind="ml", addresses="unwanted substitute", impact=4, effort=4),
        dict(name="stock-out forecast", kind="ml", addresses="missing item with no substitute", impact=3, effort=2),
    ],
    mvp="stock-out forecast",
    success_metric="substitution acceptance rate",
    guardrail="average basket EUR",
    focus="office lunch orders",
    risks=dict(feasibility="two years of stock data may not predict new suppliers",
               viability="holding extra stock to avoid gaps costs more than the refunds"),
    trade_off="families keep paying more for substitutes this quarter",
)
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
""", 4.0),
    "metrics-with-other-fair-guardrails": ("q6_answer", _METRICS + """
metric_answers["substitution_suggestions"]["guardrail"] = "support contacts per 100 orders"
metric_answers["churn_voucher"]["guardrail"] = "app rating"
metric_answers["slot_ranking"]["guardrail"] = "picker minutes per order"
""", 2.0),
    "guardrail-on-time-deliveries": ("q6_answer", _METRICS + """
metric_answers["substitution_suggestions"]["guardrail"] = "delivery on time rate"  # asking first may delay dispatch
metric_answers["churn_voucher"]["guardrail"] = "delivery on time rate"
""", 2.0),
    "fermi-with-reduce-numpy-floor-and-other-guesses": ("q7_answer", """
import functools, operator
def fermi_estimate(factors):
    return functools.reduce(operator.mul, factors.values(), 1)
def order_of_magnitude(x):
    return np.floor(np.log10(x))
substitutions_fermi = dict(active_subscribers=120_000, orders_per_subscriber_per_week=1,
                           items_per_order=50, share_of_items_substituted=0.08)
weekly_substitutions = fermi_estimate(substitutions_fermi)
""", 3.0),
    "bullets-in-other-words": ("q8_answer", """
impact_bullets = {
    "churn_model": "Led a weekly call programme for the 2,000 subscribers a churn score flags; churn in the flagged "
                   "group went from 9.1 % to 7.4 % over 8 weeks, before/after.",
    "dashboard": "Gave category managers a self-serve view of stock, freeing 6 analyst hours a week and flagging "
                 "stock-outs 2 days earlier.",
    "forecast": "Moved warehouse ordering onto a LightGBM forecast; fresh-food waste came down 11 % (EUR 30,000 a "
                "month) in the months that followed.",
}
""", 3.0),
    "bullets-present-tense-and-currency-sign": ("q8_answer", """
impact_bullets = {
    "churn_model": "Turn a churn score into a weekly call list for retention; 4-week churn of flagged subscribers "
                   "is 1.7 points lower than before the calls.",
    "dashboard": "Launched a stock dashboard that saves the data team 6 hours a week and warns buyers of "
                 "stock-outs two days sooner.",
    "forecast": "Introduced a demand forecast for fresh food; since warehouses order against it, waste is down "
                "11 % (€30k a month).",
}
""", 3.0),
    # well-formed bullets that claim cuts and kept subscribers a before/after does not show: the two claim
    # checks (1 of 5.5 each) go, the form and the direct claim of hours saved stay
    "bullets-overclaim-both-before-afters": ("q8_answer", """
impact_bullets = {
    "churn_model": "Led a weekly call programme that kept about 300 at-risk subscribers a quarter and took churn in "
                   "the flagged group from 9.1 % to 7.4 %.",
    "dashboard": "Gave category managers a self-serve view of stock, freeing 6 analyst hours a week and flagging "
                 "stock-outs 2 days earlier.",
    "forecast": "Introduced a demand forecast that trimmed €30k a month of fresh-food waste (down 11 %) across "
                "all warehouses.",
}
""", 3 * 3.5 / 5.5),
    "drill-with-numpy-strings": ("q9_answer", _DRILL + """
drill_answers = {k: np.str_(v) for k, v in drill_answers.items()}
""", 2.0),
    # ---- an earlier mistake, then right work: one mistake costs points once ----
    "gaps-reversed-then-the-right-match": ("q3_answer", """
my_gaps = ["product strategy", "influence"]
import itertools
def match_mentors(table, gaps, min_hours):
    able = {gap: [None] + [r for r in table.to_dict("records")
                           if r["group"] == gap and r["hours_per_month"] >= min_hours] for gap in gaps}
    best, best_key = None, None
    for combo in itertools.product(*(able[g] for g in gaps)):
        people = [r for r in combo if r]
        if len({r["name"] for r in people}) < len(people):
            continue
        key = (len(people), sum(r["strength"] for r in people), sum(r["internal"] for r in people),
               sum(r["hours_per_month"] for r in people))
        names = tuple((r is None, r["name"] if r else "") for r in combo)
        if best is None or key > best_key or (key == best_key and names < best[0]):
            best, best_key = (names, combo), key
    return {g: (r["name"] if r else None) for g, r in zip(gaps, best[1])}
my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
""", 3.0),
    "wrong-gaps-then-a-plan-coherent-with-them": ("q4_answer", """
my_gaps = ["influence", "technical fluency"]
""" + _PLAN + """
transition_plan["learning"] = {"influence": "empowered", "technical fluency": "mlops_specialization"}
transition_plan["mentors"] = {"influence": "Ravi Desai", "technical fluency": "Priya Nair"}
""", 3.0),
    "wrong-group-scores-then-a-right-radar": ("q2_answer", """
def group_scores(survey, column):
    return survey.groupby("group")[column].median().reindex(list(GROUPS))
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for label, s in scores.items():
        v = s.reindex(list(GROUPS)).to_numpy()
        ax.plot(np.append(angles, angles[0]), np.append(v, v[0]), label=label)
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.set_ylim(0, 5)
    ax.legend()
    ax.set_title("My skills, start and end")
    return fig
radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""", 3.0),
    # a wrong prioritise costs its own two checks (1.5 of 11); the list and the MVP that follow from it do not
    "impact-only-prioritise-used-consistently": ("q5_answer", """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: -s["impact"])]
""" + _BUS + """
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
bus_answer["mvp"] = bus_answer["prioritised"][1]
bus_answer["focus"] = "singles"  # the MVP that follows from the learner's own order serves the singles
""", 3.45),
}


# ---- blind learner attempts (played without the solution): every answer cell of an attempt, then the
# points per question. Each case runs the attempt's answers up to that question, as its notebook would.
# The comment gives the fair points decided from the prompt before grading, where they differ.
_BLIND = {
    "blind-other-style": {
        "q1_answer": """
def group_scores(survey, column):
    return pd.Series({g: survey.loc[survey["group"] == g, column].mean() for g in GROUPS})


def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, "target") - group_scores(survey, column)).round(2)
    ranked = sorted(GROUPS, key=lambda g: -gap[g])     # sorted() is stable: ties keep GROUPS order
    return tuple(ranked[:n])


my_gaps = top_gaps(skills_survey, "start")
print(my_gaps)
pd.DataFrame({c: group_scores(skills_survey, c) for c in ("target", "start", "end")})
""",
        "q2_answer": """
def skills_radar(scores):
    angles = [2 * math.pi * k / len(GROUPS) for k in range(len(GROUPS))]
    fig, ax = plt.subplots(subplot_kw={"projection": "polar"}, figsize=(5, 5))
    for label, series in scores.items():
        values = [float(series[g]) for g in GROUPS]
        ax.plot(angles + angles[:1], values + values[:1], marker="o", label=label)
        ax.fill(angles + angles[:1], values + values[:1], alpha=0.1)
    ax.set_thetagrids([math.degrees(a) for a in angles], labels=list(GROUPS))
    ax.set_rlim(0, 5)
    ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1))
    fig.suptitle("My ML PM skills: start and end of the workshop")
    return fig


radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""",
        "q3_answer": """
def match_mentors(table, gaps, min_hours):
    rows = list(table.itertuples(index=False))

    def matches(k, taken):
        # every way to fill gaps k, k+1, ... with a free person who can mentor it, or nobody
        if k == len(gaps):
            yield []
            return
        for r in [None] + [r for r in rows if r.group == gaps[k] and r.hours_per_month >= min_hours
                           and r.name not in taken]:
            for rest in matches(k + 1, taken | ({r.name} if r else set())):
                yield [r] + rest

    def rank(m):
        got = [r for r in m if r]
        return (-len(got), -sum(r.strength for r in got), -sum(r.internal for r in got),
                -sum(r.hours_per_month for r in got), [(r is None, r.name if r else "") for r in m])

    best = min(matches(0, frozenset()), key=rank)
    return {gap: (r.name if r else None) for gap, r in zip(gaps, best)}


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
my_mentors
""",
        "q4_answer": """
_reading = {"product strategy": "inspired", "product delivery": "agile_crash_course",
            "influence": "storytelling_with_data", "technical fluency": "practical_data_ethics"}
transition_plan = {
    "short_term": ({"goal": "shadow the retention PM", "by": "2026-09-30"},
                   {"goal": "run user interviews for the churn project", "by": SHORT_TERM_END}),
    "medium_term": ({"goal": "own a feature end to end as APM", "by": "2027-06-30"},),
    "shared_with": ("manager", "mentors", "HR partner"),
    "internal_move": OPEN_ROLES[0],
    "learning": {g: _reading[g] for g in my_gaps},
    "mentors": dict(my_mentors),
    "trial": {"how": "act as PM for one feature", "weeks": np.int64(8),
              "step_back_if": "I miss building models more than I enjoy the product decisions"},
}
transition_plan["learning"], transition_plan["mentors"]
""",
        "q5_answer": """
from fractions import Fraction


def prioritise(solutions):
    def rank(s):
        return (-Fraction(s["impact"], s["effort"]), s["effort"], s["name"])
    return [s["name"] for s in sorted(solutions, key=rank)]


bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [
        {"segment": "families with allergies", "pain_points": ["dietary needs ignored", "unwanted substitute"]},
        {"segment": "singles out at delivery time", "pain_points": ["no say before delivery", "refund is slow"]},
    ],
    "solutions": [
        {"name": "approve substitutes in the app", "kind": "non-ml", "addresses": "no say before delivery",
         "impact": 4, "effort": 2},
        {"name": "diet-aware substitute model", "kind": "ml", "addresses": "dietary needs ignored", "impact": 5,
         "effort": 4},
        {"name": "instant refund", "kind": "non-ml", "addresses": "refund is slow", "impact": 2, "effort": 1},
        {"name": "allergen filter rule", "kind": "non-ml", "addresses": "dietary needs ignored", "impact": 3,
         "effort": 3},
    ],
    "success_metric": "substitution acceptance rate",
    "guardrail": "refunds per 100 orders",
    "focus": "singles out at delivery time",
    "risks": {"usability": "people who are out may not see the approval request in time",
              "viability": "waiting for approvals could slow the pickers down"},
    "trade_off": "allergy families wait for the diet-aware model, which costs a quarter to build",
}
bus_answer["prioritised"] = tuple(prioritise(bus_answer["solutions"]))
bus_answer["mvp"] = bus_answer["prioritised"][1]
bus_answer["prioritised"]
""",
        "q6_answer": """
metric_answers = {
    "substitution_suggestions": {"primary": "substitution acceptance rate", "guardrail": "app rating",
                                 "counter": "refunds per 100 orders"},
    "churn_voucher": {"primary": "4-week churn rate", "guardrail": "average basket EUR",
                      "counter": "voucher cost per saved subscriber"},
    "slot_ranking": {"primary": "delivery on time rate", "guardrail": "support contacts per 100 orders",
                     "counter": "slot picker conversion"},
}
pd.DataFrame(metric_answers).T
""",
        "q7_answer": """
import functools
import operator


def fermi_estimate(factors):
    return functools.reduce(operator.mul, factors.values(), 1)


def order_of_magnitude(x):
    power = 0
    while x >= 10:
        x, power = x / 10, power + 1
    while x < 1:
        x, power = x * 10, power - 1
    return power


substitutions_fermi = dict(FERMI_FACTS, orders_per_subscriber_per_week=0.8, items_per_order=30,
                           share_of_items_substituted=0.05)
weekly_substitutions = fermi_estimate(substitutions_fermi)
print(f"About {weekly_substitutions:,.0f} substitutions a week: "
      f"order of magnitude 10^{order_of_magnitude(weekly_substitutions)}")
""",
        "q8_answer": """
impact_bullets = {
    "churn_model": "Cut churn among flagged subscribers from 9.1 % to 7.4 % in 8 weeks by giving the retention "
                   "team a weekly list of 2,000 subscribers at risk.",
    "dashboard": "Saved category managers about 6 hours a week and showed out-of-stock items two days sooner "
                 "with a self-serve dashboard.",
    "forecast": "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, by giving the warehouses a more "
                "accurate demand forecast to order against.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
""",
        "q9_answer": """
_picks = {'drift': 'PSI on the input features',
 'events': 'publish an event to a queue',
 'four_fifths': 'the ratio is 0.6: it fails',
 'monolith': 'one thing to deploy and debug',
 'reason_codes': "that subscriber's top reason codes",
 'sample_size': 'about quadruples',
 'staging': 'staging'}
drill_answers = {key: next(o for o in options if o == _picks[key]) for key, (_, _, options) in TECH_DRILL.items()}
""",
    },
    "blind-typical-mistakes": {
        "q1_answer": """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(GROUPS)


def top_gaps(survey, column, n=2):
    # the weakest groups first (forgets the target)
    return list(group_scores(survey, column).sort_values().index[:n])


my_gaps = top_gaps(skills_survey, "start")
print(my_gaps)
""",
        "q2_answer": """
def skills_radar(scores):
    angles = np.linspace(0, 2 * np.pi, len(GROUPS), endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for label, s in scores.items():
        ax.plot(angles, s.reindex(GROUPS).values, label=label)   # not closed
    ax.set_xticks(angles)
    ax.set_xticklabels(GROUPS)
    ax.legend()
    ax.set_title("Skills radar")
    return fig


radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""",
        "q3_answer": """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        c = table[(table["group"] == gap) & (table["hours_per_month"] > min_hours) & ~table["name"].isin(taken)]
        c = c.sort_values(["strength", "internal", "hours_per_month", "name"], ascending=[False, False, False, True])
        out[gap] = c["name"].iloc[0] if len(c) else None
        if out[gap] is not None:
            taken.add(out[gap])
    return out


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
my_mentors
""",
        "q4_answer": """
_reading = {"product strategy": "inspired", "product delivery": "agile_crash_course",
            "influence": "storytelling_with_data", "technical fluency": "practical_data_ethics"}
transition_plan = {
    "short_term": [{"goal": "shadow the retention PM", "by": "2026-09-30"}],
    "medium_term": [{"goal": "move into an APM role", "by": "2027-06-30"}],
    "shared_with": ["mentors"],
    "internal_move": "Associate PM, retention",
    "learning": {g: _reading[g] for g in my_gaps},
    "mentors": dict(my_mentors),
    "trial": {"how": "shadow a PM", "weeks": 26, "step_back_if": "I do not enjoy the stakeholder work"},
}
transition_plan["learning"], transition_plan["mentors"]
""",
        "q5_answer": """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-(s["impact"] - s["effort"]), s["effort"], s["name"]))]


bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [
        {"segment": "families with allergies", "pain_points": ["dietary needs ignored", "unwanted substitute"]},
        {"segment": "singles out at delivery time", "pain_points": ["no say before delivery", "refund is slow"]},
    ],
    "solutions": [
        {"name": "approve substitutes in the app", "kind": "non-ml", "addresses": "no say before delivery",
         "impact": 4, "effort": 2},
        {"name": "diet-aware substitute model", "kind": "ml", "addresses": "dietary needs ignored", "impact": 5,
         "effort": 4},
        {"name": "instant refund", "kind": "non-ml", "addresses": "refund is slow", "impact": 2, "effort": 1},
        {"name": "allergen filter rule", "kind": "non-ml", "addresses": "dietary needs ignored", "impact": 3,
         "effort": 3},
    ],
    "success_metric": "substitution acceptance rate",
    "guardrail": "refunds per 100 orders",
    "focus": "families with allergies",
    "risks": {"value": "people might not use it"},
    "trade_off": "none",
}
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
bus_answer["mvp"] = bus_answer["prioritised"][0]
bus_answer["prioritised"]
""",
        "q6_answer": """
metric_answers = {
    "substitution_suggestions": {"primary": "substitution acceptance rate", "guardrail": "model AUC",
                                 "counter": "refunds per 100 orders"},
    "churn_voucher": {"primary": "4-week churn rate", "guardrail": "app rating",
                      "counter": "voucher cost per saved subscriber"},
    "slot_ranking": {"primary": "delivery on time rate", "guardrail": "4-week churn rate",
                     "counter": "slot picker conversion"},
}
""",
        "q7_answer": """
def fermi_estimate(factors):
    return math.prod(factors.values())


def order_of_magnitude(x):
    return round(math.log10(x))


substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 30,
                       "share_of_items_substituted": 5}   # 5 %
weekly_substitutions = fermi_estimate(substitutions_fermi)
""",
        "q8_answer": """
impact_bullets = {
    "churn_model": "Trained an XGBoost model in Python (AUC 0.81) that cut churn among flagged subscribers "
                   "from 9.1 % to 7.4 % in 8 weeks.",
    "dashboard": "Saved category managers about 6 hours a week and showed out-of-stock items two days sooner "
                 "with a self-serve dashboard.",
    "forecast": "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, by giving the warehouses a more "
                "accurate demand forecast to order against.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
""",
        "q9_answer": """
drill_answers = {'drift': 'PSI on the input features',
 'events': 'publish an event to a queue',
 'four_fifths': 'the ratio is 0.6: it fails',
 'monolith': 'one thing to deploy and debug',
 'reason_codes': "that subscriber's top reason codes",
 'sample_size': 'about doubles',
 'staging': 'staging'}
""",
    },
    "blind-early-slip": {
        "q1_answer": """
def group_scores(survey, column):
    return survey.groupby("group")[column].mean().reindex(GROUPS)


def top_gaps(survey, column, n=2):
    gap = (group_scores(survey, column) - group_scores(survey, "target")).round(2)
    return sorted(GROUPS, key=lambda g: (-gap[g], GROUPS.index(g)))[:n]


my_gaps = top_gaps(skills_survey, "start")
print(my_gaps)
""",
        "q2_answer": """
def skills_radar(scores):
    angles = [2 * math.pi * k / len(GROUPS) for k in range(len(GROUPS))]
    fig, ax = plt.subplots(subplot_kw={"projection": "polar"}, figsize=(5, 5))
    for label, series in scores.items():
        values = [float(series[g]) for g in GROUPS]
        ax.plot(angles + angles[:1], values + values[:1], marker="o", label=label)
        ax.fill(angles + angles[:1], values + values[:1], alpha=0.1)
    ax.set_thetagrids([math.degrees(a) for a in angles], labels=list(GROUPS))
    ax.set_rlim(0, 5)
    ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1))
    fig.suptitle("My ML PM skills: start and end of the workshop")
    return fig


radar = skills_radar({"start": group_scores(skills_survey, "start"), "end": group_scores(skills_survey, "end")})
""",
        "q3_answer": """
def match_mentors(table, gaps, min_hours):
    taken, out = set(), {}
    for gap in gaps:
        c = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours) & ~table["name"].isin(taken)]
        c = c.sort_values(["strength", "internal", "hours_per_month", "name"], ascending=[False, False, False, True])
        out[gap] = c["name"].iloc[0] if len(c) else None
        if out[gap] is not None:
            taken.add(out[gap])
    return out


my_mentors = match_mentors(mentors, my_gaps, MIN_HOURS)
my_mentors
""",
        "q4_answer": """
_reading = {"product strategy": "inspired", "product delivery": "agile_crash_course",
            "influence": "storytelling_with_data", "technical fluency": "practical_data_ethics"}
transition_plan = {
    "short_term": [{"goal": "shadow the retention PM", "by": "2026-09-30"}],
    "medium_term": [{"goal": "move into an APM role", "by": "2027-06-30"}],
    "shared_with": ["manager", "mentors"],
    "internal_move": "Associate PM, retention",
    "learning": {g: _reading[g] for g in my_gaps},
    "mentors": dict(my_mentors),
    "trial": {"how": "shadow a PM", "weeks": 6, "step_back_if": "I do not enjoy the stakeholder work"},
}
transition_plan["learning"], transition_plan["mentors"]
""",
        "q5_answer": """
def prioritise(solutions):
    return [s["name"] for s in sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))]


bus_answer = {
    "business": {"goal": "reduce churn", "metric": "4-week churn rate"},
    "users": [
        {"segment": "families with allergies", "pain_points": ["dietary needs ignored", "unwanted substitute"]},
        {"segment": "singles out at delivery time", "pain_points": ["no say before delivery", "refund is slow"]},
    ],
    "solutions": [
        {"name": "approve substitutes in the app", "kind": "non-ml", "addresses": "no say before delivery",
         "impact": 4, "effort": 2},
        {"name": "diet-aware substitute model", "kind": "ml", "addresses": "dietary needs ignored", "impact": 5,
         "effort": 4},
        {"name": "instant refund", "kind": "non-ml", "addresses": "refund is slow", "impact": 2, "effort": 1},
        {"name": "allergen filter rule", "kind": "non-ml", "addresses": "dietary needs ignored", "impact": 3,
         "effort": 3},
    ],
    "success_metric": "substitution acceptance rate",
    "guardrail": "refunds per 100 orders",
    "focus": "singles out at delivery time",
    "risks": {"value": "a quick refund may not stop people cancelling", "viability": "instant refunds invite abuse"},
    "trade_off": "the allergy families wait for a later fix",
}
bus_answer["prioritised"] = prioritise(bus_answer["solutions"])
bus_answer["mvp"] = bus_answer["prioritised"][0]
bus_answer["prioritised"]
""",
        "q6_answer": """
metric_answers = {
    "substitution_suggestions": {"primary": "substitution acceptance rate", "guardrail": "4-week churn rate",
                                 "counter": "refunds per 100 orders"},
    "churn_voucher": {"primary": "4-week churn rate", "guardrail": "app rating",
                      "counter": "voucher cost per saved subscriber"},
    "slot_ranking": {"primary": "delivery on time rate", "guardrail": "4-week churn rate",
                     "counter": "slot picker conversion"},
}
""",
        "q7_answer": """
def fermi_estimate(factors):
    return math.prod(factors.values())


def order_of_magnitude(x):
    return math.floor(math.log10(x))


substitutions_fermi = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 0.8, "items_per_order": 30,
                       "share_of_items_substituted": 0.05}
weekly_substitutions = fermi_estimate(substitutions_fermi)
""",
        "q8_answer": """
impact_bullets = {
    "churn_model": "Cut churn among flagged subscribers from 9.1 % to 7.4 % in 8 weeks by giving the retention "
                   "team a weekly list of 2,000 subscribers at risk.",
    "dashboard": "Saved category managers about 6 hours a week and showed out-of-stock items two days sooner "
                 "with a self-serve dashboard.",
    "forecast": "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, by giving the warehouses a more "
                "accurate demand forecast to order against.",
}
for key, bullet in impact_bullets.items():
    print(f"- {bullet}")
""",
        "q9_answer": """
drill_answers = {'drift': 'PSI on the input features',
 'events': 'publish an event to a queue',
 'four_fifths': 'the ratio is 0.6: it fails',
 'monolith': 'one thing to deploy and debug',
 'reason_codes': "that subscriber's top reason codes",
 'sample_size': 'about quadruples',
 'staging': 'staging'}
""",
    },
}
_BLIND_POINTS = {
    "blind-other-style": {
        "q1_answer": 3.0,
        "q2_answer": 3.0,
        "q3_answer": 3.0,
        "q4_answer": 3.0,
        "q5_answer": 4.0,
        "q6_answer": 2.0,
        "q7_answer": 3.0,
        "q8_answer": 3 * 3.5 / 5.5,  # fair 1.9 (re-judged from 3 for the claim check): well-formed bullets, but
        # "Cut churn" and "Reduced fresh-food waste" claim as caused what was only measured before and after
        "q9_answer": 2.0,
    },
    "blind-typical-mistakes": {
        "q1_answer": 1.64,  # fair 1.5: lowest score taken for the biggest gap: group_scores right, top_gaps wrong
        "q2_answer": 3 * 9.5 / 13.5,  # fair 2.0: an open polygon and no 0-5 scale
        "q3_answer": 0.88,  # fair 1.0 (re-judged for the whole-match rule): gap by gap, and more than min_hours
        # instead of at least; only the toy with one gap and the learner's own my_mentors hold
        "q4_answer": 1.91,  # fair 2.0
        "q5_answer": 2.55,  # fair 2.5 (re-judged for the focus and risks): impact minus effort instead of the
        # ratio; the focus segment is served, but one risk and no trade-off
        "q6_answer": 1.8,  # fair 1.5-1.8: a model metric as a guardrail, one pick of nine
        "q7_answer": 1.06,  # fair 1.0-1.67: fermi_estimate right, order_of_magnitude wrong, one factor in percent,
        # weekly_substitutions consistent
        "q8_answer": 3 * 2.5 / 5.5,  # fair 1.4 (re-judged from 2.0 for the claim check): the churn bullet leads
        # with the stack, and both before/after bullets claim a cut ("cut churn", "Reduced ... waste")
        "q9_answer": 1.73,  # fair 1.71
    },
    "blind-early-slip": {
        "q1_answer": 1.09,  # fair 1.0-1.5: gap as score - target (the message names the sign): group_scores right,
        # top_gaps wrong, my_gaps its own
        "q2_answer": 3.0,
        "q3_answer": 1.24,  # fair 1.25 (re-judged for the whole-match rule): the old gap-by-gap rule, with the
        # hours, the taken people and None right
        "q4_answer": 3.0,
        "q5_answer": 4.0,
        "q6_answer": 2.0,
        "q7_answer": 3.0,
        "q8_answer": 3 * 3.5 / 5.5,  # fair 1.9 (re-judged from 3 for the claim check): the same overclaimed
        # "Cut churn" and "Reduced fresh-food waste" as the other-style attempt
        "q9_answer": 2.0,
    },
}
FAIR_SCORES.update(blind_attempt_scores(_BLIND, _BLIND_POINTS))

# The message each mistake is named for: a substring of what the learner reads in the test cell.
MESSAGES = {
    "gap-read-as-the-lowest-score": "the lowest score alone is not the gap",
    "gap-sign-flipped": "furthest *above* the target",
    "alphabetical-order-and-no-tie-rule": "not alphabetically",
    "gaps-compared-unrounded": "Round the gaps to 2 decimals",
    "polygon-left-open": "draws a polygon that is not closed",
    "values-in-the-series-own-order": "on their own groups' spokes",
    "no-legend-and-free-scale": "has no legend: label each polygon",
    "mentor-hours-more-than-not-at-least": "exactly `min_hours` hours a month counts",
    "mentor-hours-ignored": "leave out mentors with fewer hours",
    "same-mentor-for-two-gaps": "matches Bo twice",
    "external-mentor-first-on-a-tie": "then internal mentors",
    "greedy-gap-by-gap": "not one gap at a time",
    "plan-kept-from-the-manager": "should include your manager",
    "medium-term-goal-inside-the-short-term": "medium-term goals fall after the short-term horizon",
    "reading-that-serves-another-gap": "names a reading that serves other groups",
    "open-ended-trial": "short enough to step back",
    "mentor-without-time": "too few hours a month to mentor you",
    "prioritised-by-impact-alone": "Sort by impact divided by effort",
    "guardrail-is-the-success-metric": "repeats a metric you already aim to move",
    "ties-by-name-not-effort": "go to the lower effort",
    "mvp-from-the-bottom-of-the-list": "one of the first two prioritised solutions",
    "ml-solutions-only": "at least one of each",
    "mvp-for-another-segment": "does not address a pain point of your focus segment",
    "one-risk-and-no-trade-off": "at least two of `RISKS`",
    "model-auc-as-the-primary": "metric_answers['substitution_suggestions']` has 1 of",
    "counter-and-guardrail-swapped": "metric_answers['churn_voucher']` has 1 of",
    "same-metric-twice": "uses the same metric twice",
    "rounded-not-floored-magnitude": "the power of ten, rounded down",
    "truncated-magnitude-below-one": "use the floor of log10",
    "share-as-a-percentage": "a share is a fraction, not a percentage",
    "estimate-typed-in-not-computed": "use `fermi_estimate`",
    "subscribers-fact-changed": "changes a given fact",
    "achievement-copied-tool-first": "is tool-centric",
    "dashboard-bullet-without-a-number": "has no number",
    "forecast-bullet-opens-with-a-duty": "does not open with an action verb",
    "forecast-bullet-lists-the-stack": "is tool-centric",
    "forecast-bullet-says-what-was-deployed": "not what changed",
    "overclaimed-churn": "claims your work caused the change ('cut churn')",
    "overclaimed-waste": "the evidence is a before/after with no control group",
    "sample-size-doubles": "Look back at module 04",
    "drift-read-from-late-labels": "Look back at module 08",
    "answer-not-among-the-options": "should be one of that question's options",
}
