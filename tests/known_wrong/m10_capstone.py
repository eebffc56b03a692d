"""Known-wrong answers and fairly graded answers for 10-capstone.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

from attempts.m10_capstone import ATTEMPTS

ASSIGNMENT = "10-capstone"
ANOTHER_STYLE = ATTEMPTS["another-style"]  # the realistic attempts of tests/attempts/, question by question

_USERS = """
scores = opportunity_scores(interviews)
users = {"pain_point": scores.index[0], "opportunity": float(scores.iloc[0]),
         "reach": interviews.loc[interviews["pain_point"] == scores.index[0], "interview_id"].nunique()
         / interviews["interview_id"].nunique()}
"""
_OKR = """
okr = {
    "objective": "Customers get their groceries on the first visit, without waiting in for a van",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": {baseline}, "target": {target}, "deadline": "2027-06-30"},
        {"metric": "{second}", "baseline": 12285, "target": 9500, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "{guardrail}", "baseline": 4.2, "limit": 5.0},
}
"""


def _okr(baseline: str = "0.0975", target: str = "0.075", second: str = "redelivery_cost_per_week_eur",
         guardrail: str = "complaints_per_1000_orders") -> str:
    return (_OKR.replace("{baseline}", baseline).replace("{target}", target).replace("{second}", second)
            .replace("{guardrail}", guardrail))


_FLAGS = """
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold
"""
_VALUE = """
def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    return float(((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"]
                  + (~f & m).sum() * values["fn"] + (~f & ~m).sum() * values["tn"]) / len(f))
"""
_MVP_MODEL = """
_v = value_per_order(model_flags(orders, model_threshold), orders["missed"], VALUES)
mvp = {"approach": "model", "value_per_order": _v, "monthly_value_eur": _v * ORDERS_PER_MONTH}
"""
_EXPERIMENT = """
flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
baseline = float(orders.loc[flags, "missed"].mean())
per_arm = sample_size_per_arm(baseline, baseline - MDE, alpha, power)
experiment = {"primary_metric": "missed_delivery_rate", "baseline": baseline, "mde": MDE, "per_arm": per_arm,
              "weeks": math.ceil(2 * per_arm / (flags.mean() * ORDERS_PER_WEEK))}
"""
_SIZE = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_beta, p_bar = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top**2 / (p2 - p1) ** 2)
"""
_RAI = """
def selection_rates(flags, groups):
    return pd.Series(np.asarray(flags, dtype=float)).groupby(np.asarray(groups)).mean()


def parity_ratio(rates):
    return float(rates.min() / rates.max())


mvp_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
rates = selection_rates(mvp_flags, orders["age_band"])
responsible_ai = {"group": "age_band", "ratio": parity_ratio(rates), "passes_four_fifths": parity_ratio(rates) >= 0.8,
                  "lowest_group": rates.idxmin()}
"""
_PRODUCTION = """
def error_budget_minutes(slo, days=30):
    return (1 - slo) * days * 24 * 60


production = {"psi_moderate": 0.1, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": [experiment["primary_metric"], okr["guardrail"]["metric"], "flagged_share"]}
"""
_PROBLEMS = """
def brief_problems(brief):
    problems = []
    if brief["experiment"]["primary_metric"] not in [kr["metric"] for kr in brief["okr"]["key_results"]]:
        problems.append("primary_not_key_result")
    e = brief["experiment"]
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        problems.append("sample_size_mismatch")
    if not math.isclose(brief["mvp"]["monthly_value_eur"], brief["mvp"]["value_per_order"] * ORDERS_PER_MONTH):
        problems.append("value_mismatch")
    if brief["dashboard"]["guardrail"] != brief["okr"]["guardrail"]["metric"]:
        problems.append("guardrail_mismatch")
    if brief["responsible_ai"]["passes_four_fifths"] != (brief["responsible_ai"]["ratio"] {compare} 0.8):
        problems.append("parity_mismatch")
    return problems
"""
_BRIEF = """
product_brief = {
    "users": users, "okr": okr, "mvp": mvp, "metric_tree": metric_tree, "dashboard": dashboard,
    "experiment": experiment, "responsible_ai": responsible_ai, "production": production,
    "explanation": {"customers": "{customers}", "dispatch_team": "natural_frequencies", "finance": "expected_value"},
    "stakeholders": {role: {engagement} for role, (p, i) in STAKEHOLDER_GRID.items()},
}
"""
_GRID = ('("manage closely" if p >= 6 and i >= 6 else "keep satisfied" if p >= 6 else "keep informed" if i >= 6 '
         'else "monitor")')
_GRID_STRICT = _GRID.replace(">= 6", "> 6")


def _brief(customers: str = "reason_codes", engagement: str = _GRID) -> str:
    return _BRIEF.replace("{customers}", customers).replace("{engagement}", engagement)


WRONG_ANSWERS = {
    "q1: reach as a share of rows, not of interviewees": ("q1_answer", """
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups.size() / len(notes)
    return (reach * groups["times_per_month"].mean() * groups["severity"].mean()).sort_values(ascending=False)
""" + _USERS, "visible"),
    "q1: scores not sorted": ("q1_answer", """
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    return reach * groups["times_per_month"].mean() * groups["severity"].mean()
""" + _USERS, "visible"),
    "q1: the most-mentioned pain point typed in": ("q1_answer", """
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    return (reach * groups["times_per_month"].mean() * groups["severity"].mean()).sort_values(ascending=False)
users = {"pain_point": "slot_availability", "opportunity": 2.149, "reach": 25 / 36}
""", "hidden"),
    "q2: baseline in percent": ("q2_answer", _okr(baseline="9.75", target="7.5"), "visible"),
    "q2: a key result on an output": ("q2_answer", _okr(second="reminders_sent"), "visible"),
    "q2: a metric name typed in free words": ("q2_answer", _okr(second="weekly redelivery cost"), "visible"),
    "q2: the guardrail is not something the reminders could harm": (
        "q2_answer", _okr(guardrail="orders_per_week"), "hidden"),
    "q2: a target no quarter can reach": ("q2_answer", _okr(target="0.01"), "hidden"),
    "q3: value counts only the saved deliveries": ("q3_answer", _FLAGS + """
def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    return float((f & m).sum() * values["tp"] / len(f))
mvp = {"approach": "heuristic", "value_per_order": 0.0407, "monthly_value_eur": 0.0407 * ORDERS_PER_MONTH}
""", "visible"),
    "q3: model flags strictly above the threshold": ("q3_answer", """
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] > threshold
""" + _VALUE + """
_v = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
mvp = {"approach": "heuristic", "value_per_order": _v, "monthly_value_eur": _v * ORDERS_PER_MONTH}
""", "visible"),
    "q3: picks the higher value and ignores the model's run cost": ("q3_answer", _FLAGS + _VALUE + _MVP_MODEL,
                                                                     "hidden"),
    "q3: monthly value from a week of orders": ("q3_answer", _FLAGS + _VALUE + """
_v = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
mvp = {"approach": "heuristic", "value_per_order": _v, "monthly_value_eur": _v * ORDERS_PER_WEEK}
""", "hidden"),
    "q4: reminder inputs hung under the root": ("q4_answer", """
metric_tree = {"redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur",
                                                "flagged_share", "reminder_open_rate", "slot_change_rate"]}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "slot_change_rate"],
             "guardrail": "complaints_per_1000_orders"}
""", "visible"),
    "q4: a dashboard input the reminders do not move": ("q4_answer", """
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["orders_per_week", "slot_change_rate"],
             "guardrail": "complaints_per_1000_orders"}
""", "visible"),
    "q4: dashboard guardrail is not the OKR's": ("q4_answer", """
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "slot_change_rate"],
             "guardrail": "slot_credit_cost_per_week_eur"}
""", "hidden"),
    "q5: primary metric is not a key result": ("q5_answer", _SIZE + _EXPERIMENT.replace(
        '"primary_metric": "missed_delivery_rate"', '"primary_metric": "reminder_open_rate"'), "visible"),
    "q5: rounds to the nearest whole number": ("q5_answer", _SIZE.replace("math.ceil(", "round(") + _EXPERIMENT,
                                               "hidden"),
    "q5: baseline over all orders, not the flagged ones": ("q5_answer", _SIZE + _EXPERIMENT.replace(
        'baseline = float(orders.loc[flags, "missed"].mean())', 'baseline = float(orders["missed"].mean())'), "hidden"),
    "q5: weeks count one arm only": ("q5_answer", _SIZE + _EXPERIMENT.replace("math.ceil(2 * per_arm",
                                                                              "math.ceil(per_arm"), "hidden"),
    "q6: ratio upside down": ("q6_answer", _RAI.replace("rates.min() / rates.max()", "rates.max() / rates.min()"),
                              "visible"),
    "q6: the model's flags although the MVP is the rule": ("q6_answer", _RAI.replace(
        'heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags', "model_flags"), "hidden"),
    "q6: the screen read the wrong way": ("q6_answer", _RAI.replace('"passes_four_fifths": parity_ratio(rates) >= 0.8',
                                                                     '"passes_four_fifths": True'), "hidden"),
    "q7: error budget in hours": ("q7_answer", _PRODUCTION.replace("(1 - slo) * days * 24 * 60",
                                                                   "(1 - slo) * days * 24"), "visible"),
    "q7: production does not watch the guardrail": ("q7_answer", _PRODUCTION.replace(
        'okr["guardrail"]["metric"], ', ""), "hidden"),
    "q8: monthly value checked against a week": ("q8_answer", _PROBLEMS.replace("{compare}", ">=").replace(
        "* ORDERS_PER_MONTH", "* ORDERS_PER_WEEK") + _brief(), "visible"),
    "q8: a ratio of exactly 0.8 read as failing": ("q8_answer", _PROBLEMS.replace("{compare}", ">") + _brief(),
                                                   "hidden"),
    "q8: high read as above 6 on the grid": ("q8_answer", _PROBLEMS.replace("{compare}", ">=") + _brief(
        engagement=_GRID_STRICT), "hidden"),
    "q8: customers shown permutation importance": ("q8_answer", _PROBLEMS.replace("{compare}", ">=") + _brief(
        customers="permutation_importance"), "hidden"),
}

FAIR_SCORES = {
    **{f"{cell[:2]}: the another-style attempt's answer": (cell, code, points) for (cell, code), points in zip(
        ANOTHER_STYLE["answers"].items(), (3, 3, 4, 3, 4, 3, 3, 4), strict=True)},
    "q5: a test on all orders, weeks of all orders (the population slip costs once)": ("q5_answer", _SIZE
                                                                                      + _EXPERIMENT.replace(
        'baseline = float(orders.loc[flags, "missed"].mean())', 'baseline = float(orders["missed"].mean())').replace(
        "flags.mean() * ORDERS_PER_WEEK", "ORDERS_PER_WEEK"), 3.56),
    "q1: reach from de-duplicated rows and value_counts": ("q1_answer", """
def opportunity_scores(notes):
    people = notes.drop_duplicates(["interview_id", "pain_point"])
    reach = people["pain_point"].value_counts() / notes["interview_id"].nunique()
    means = notes.groupby("pain_point")[["times_per_month", "severity"]].mean()
    return (reach * means["times_per_month"] * means["severity"]).sort_values(ascending=False)
ranked = opportunity_scores(interviews)
users = dict(pain_point=ranked.idxmax(), opportunity=ranked.max(), reach=19 / 36)
""", 3),
    "q2: baseline rounded to three decimals, targets as ints": ("q2_answer", _okr(baseline="0.098", target="0.07"), 3),
    "q3: expected value with sklearn's confusion matrix": ("q3_answer", _FLAGS + """
from sklearn.metrics import confusion_matrix


def value_per_order(flags, missed, values):
    tn, fp, fn, tp = confusion_matrix(np.asarray(missed, dtype=bool), np.asarray(flags, dtype=bool),
                                      labels=[False, True]).ravel()
    return (tp * values["tp"] + fp * values["fp"] + fn * values["fn"] + tn * values["tn"]) / (tn + fp + fn + tp)


h = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
m = value_per_order(model_flags(orders, model_threshold), orders["missed"], VALUES)
best = "model" if (m - h) * ORDERS_PER_MONTH > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"
mvp = {"approach": best, "value_per_order": {"model": m, "heuristic": h}[best]}
mvp["monthly_value_eur"] = mvp["value_per_order"] * ORDERS_PER_MONTH
""", 4),
    "q4: after an OKR with another guardrail, the dashboard follows it": ("q4_answer", _okr(
        guardrail="slot_credit_cost_per_week_eur") + """
metric_tree = {
    "missed_delivery_rate": ("slot_change_rate", "reminder_open_rate", "flagged_share"),
    "redelivery_cost_per_week_eur": ("missed_delivery_rate", "orders_per_week", "cost_per_redelivery_eur"),
}
dashboard = {"headline": "redelivery_cost_per_week_eur", "inputs": ("reminder_open_rate", "slot_change_rate"),
             "guardrail": okr["guardrail"]["metric"]}
""", 3),
    "q5: after choosing the model in question 3, the experiment follows it": ("q5_answer", _MVP_MODEL + _SIZE
                                                                              + _EXPERIMENT, 4),
    "q6: after choosing the model in question 3, the check follows it": ("q6_answer", _MVP_MODEL + _RAI, 3),
    "q7: after an OKR with another guardrail, production watches it": ("q7_answer", _okr(
        guardrail="slot_credit_cost_per_week_eur") + _PRODUCTION, 3),
    "q8: after a sample size that rounds to the nearest, the rules still score in full": (
        "q8_answer", _SIZE.replace("math.ceil(", "round(") + _PROBLEMS.replace("{compare}", ">=") + _brief(), 4),
}
