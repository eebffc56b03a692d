"""Known-wrong answers and fairly graded answers for 11-capstone.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

from attempts.m11_capstone import ATTEMPTS
from known_wrong import blind_attempt_scores

ASSIGNMENT = "11-capstone"
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
    "q6: parity_ratio hard-coded to the toy's answer": ("q6_answer", _RAI.replace(
        "return float(rates.min() / rates.max())", "return 0.4"), "hidden"),
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


# ---- blind learner attempts (played without the solution): every answer cell of an attempt, then the
# points per question. Each case runs the attempt's answers up to that question, as its notebook would.
# The comment gives the fair points decided from the prompt before grading, where they differ.
_BLIND = {
    "blind-other-style": {
        "q1_answer": """
def opportunity_scores(notes):
    per = notes.groupby("pain_point").agg(people=("interview_id", "nunique"), freq=("times_per_month", "mean"),
                                          sev=("severity", "mean"))
    reach = per["people"] / notes["interview_id"].nunique()
    return (reach * per["freq"] * per["sev"]).sort_values(ascending=False)


_opp = opportunity_scores(interviews)
_top = _opp.index[0]
users = {"pain_point": _top, "opportunity": _opp.iloc[0],
         "reach": np.float64(interviews.loc[interviews["pain_point"] == _top, "interview_id"].nunique()
                             / interviews["interview_id"].nunique())}
users
""",
        "q2_answer": """
_rate = round(float(orders["missed"].mean()), 3)
okr = {
    "objective": "Customers get their box the first time, without wasting an evening",
    "key_results": (
        {"metric": "missed_delivery_rate", "baseline": _rate, "target": 0.08, "deadline": QUARTER_END},
        {"metric": "redelivery_cost_per_week_eur", "baseline": ORDERS_PER_WEEK * _rate * COST_PER_REDELIVERY_EUR,
         "target": 10_000.0, "deadline": "2027-06-15"},
    ),
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.0, "limit": 4.5},
}
okr
""",
        "q3_answer": """
def heuristic_flags(frame):
    return frame["prior_missed_12w"].gt(0)


def model_flags(frame, threshold):
    return frame["risk_score"].ge(threshold)


def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    cell = np.where(f, np.where(m, values["tp"], values["fp"]), np.where(m, values["fn"], values["tn"]))
    return cell.mean()


_v = {a: value_per_order(fl, orders["missed"], VALUES)
      for a, fl in (("heuristic", heuristic_flags(orders)), ("model", model_flags(orders, model_threshold)))}
_choice = "model" if (_v["model"] - _v["heuristic"]) * ORDERS_PER_MONTH > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"
mvp = {"approach": _choice, "value_per_order": _v[_choice], "monthly_value_eur": _v[_choice] * ORDERS_PER_MONTH}
mvp
""",
        "q4_answer": """
metric_tree = {
    TREE_ROOT: ("orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"),
    "missed_delivery_rate": REMINDER_INPUTS,
}
dashboard = {"headline": okr["key_results"][0]["metric"], "inputs": tuple(REMINDER_INPUTS),
             "guardrail": okr["guardrail"]["metric"]}
dashboard
""",
        "q5_answer": """
from statistics import NormalDist


def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z = NormalDist().inv_cdf
    pbar = (p1 + p2) / 2
    top = z(1 - alpha / 2) * (2 * pbar * (1 - pbar)) ** 0.5 + z(power) * (p1 * (1 - p1) + p2 * (1 - p2)) ** 0.5
    return int(np.ceil(top ** 2 / (p2 - p1) ** 2))


_flags = model_flags(orders, model_threshold) if mvp["approach"] == "model" else heuristic_flags(orders)
_base = orders["missed"][_flags].mean()
_n = sample_size_per_arm(_base, _base - MDE, alpha, power)
experiment = {"primary_metric": "missed_delivery_rate", "baseline": _base, "mde": MDE, "per_arm": _n,
              "weeks": int(np.ceil(2 * _n / (_flags.mean() * ORDERS_PER_WEEK)))}
experiment
""",
        "q6_answer": """
def selection_rates(flags, groups):
    table = pd.crosstab(np.asarray(groups), np.asarray(flags, dtype=bool), normalize="index")
    return table[True] if True in table.columns else pd.Series(0.0, index=table.index)


def parity_ratio(rates):
    return np.min(rates) / np.max(rates)


_flags = model_flags(orders, model_threshold) if mvp["approach"] == "model" else heuristic_flags(orders)
_rates = selection_rates(_flags, orders["age_band"])
responsible_ai = {"group": "age_band", "ratio": parity_ratio(_rates),
                  "passes_four_fifths": parity_ratio(_rates) >= 0.8, "lowest_group": _rates.idxmin()}
responsible_ai
""",
        "q7_answer": """
def error_budget_minutes(slo, days=30):
    return (1 - slo) * pd.Timedelta(days=days) / pd.Timedelta(minutes=1)


production = {"psi_moderate": 0.1, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": (experiment["primary_metric"], okr["guardrail"]["metric"], "flagged_share")}
production
""",
        "q8_answer": """
RULE_TESTS = {
    "primary_not_key_result": lambda b: b["experiment"]["primary_metric"] not in {
        k["metric"] for k in b["okr"]["key_results"]},
    "sample_size_mismatch": lambda b: b["experiment"]["per_arm"] != sample_size_per_arm(
        b["experiment"]["baseline"], b["experiment"]["baseline"] - b["experiment"]["mde"]),
    "value_mismatch": lambda b: not math.isclose(b["mvp"]["monthly_value_eur"],
                                                 b["mvp"]["value_per_order"] * ORDERS_PER_MONTH),
    "guardrail_mismatch": lambda b: b["dashboard"]["guardrail"] != b["okr"]["guardrail"]["metric"],
    "parity_mismatch": lambda b: bool(b["responsible_ai"]["passes_four_fifths"])
    is not bool(b["responsible_ai"]["ratio"] >= 0.8),
}


def brief_problems(brief):
    return tuple(rule for rule, broken in RULE_TESTS.items() if broken(brief))


def _engagement(power, interest):
    high_p, high_i = power >= 6, interest >= 6
    return {(True, True): "manage closely", (True, False): "keep satisfied", (False, True): "keep informed",
            (False, False): "monitor"}[(high_p, high_i)]


product_brief = dict(users=users, okr=okr, mvp=mvp, metric_tree=metric_tree, dashboard=dashboard,
                     experiment=experiment,
                     explanation=dict(zip(AUDIENCES, ("reason_codes", "natural_frequencies", "expected_value"))),
                     stakeholders={role: _engagement(*pi) for role, pi in STAKEHOLDER_GRID.items()},
                     responsible_ai=responsible_ai, production=production)
brief_problems(product_brief)
""",
    },
    "blind-typical-mistakes": {
        "q1_answer": """
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g.size() / len(notes)
    return (reach * g["times_per_month"].mean() * g["severity"].mean()).sort_values(ascending=False)


_opp = opportunity_scores(interviews)
_reach = interviews.groupby("pain_point").size() / len(interviews)
users = {"pain_point": _opp.index[0], "opportunity": float(_opp.iloc[0]), "reach": float(_reach[_opp.index[0]])}
users
""",
        "q2_answer": """
okr = {
    "objective": "Deliveries arrive when customers are home",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": round(orders["missed"].mean() * 100, 2), "target": 8.0,
         "deadline": "2027-06-30"},
        {"metric": "redelivery_cost_per_week_eur", "baseline": 12285.0, "target": 10000.0, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.0, "limit": 4.5},
}
okr
""",
        "q3_answer": """
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    return ((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"] + (~f & m).sum() * values["fn"]
            + (~f & ~m).sum() * values["tn"]) / f.sum()   # per flagged order


_vh = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
_vm = value_per_order(model_flags(orders, model_threshold), orders["missed"], VALUES)
_approach = "model" if (_vm - _vh) * ORDERS_PER_MONTH > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"
_vpo = _vm if _approach == "model" else _vh
mvp = {"approach": _approach, "value_per_order": _vpo, "monthly_value_eur": _vpo * ORDERS_PER_MONTH}
mvp
""",
        "q4_answer": """
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "model_auc", "inputs": ["flagged_share", "slot_change_rate"],
             "guardrail": okr["guardrail"]["metric"]}
dashboard
""",
        "q5_answer": """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    pbar = (p1 + p2) / 2
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    return math.ceil(n)


_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
baseline = orders["missed"].mean()
per_arm = sample_size_per_arm(baseline, baseline - MDE, alpha, power)
experiment = {"primary_metric": okr["key_results"][0]["metric"], "baseline": baseline, "mde": MDE, "per_arm": per_arm,
              "weeks": math.ceil(2 * per_arm / (_flags.mean() * ORDERS_PER_WEEK))}
experiment
""",
        "q6_answer": """
def selection_rates(flags, groups):
    return pd.Series(flags).astype(float).groupby(np.asarray(groups)).mean()


def parity_ratio(rates):
    return rates.max() / rates.min()


_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
_rates = selection_rates(_flags, orders["age_band"])
_ratio = parity_ratio(_rates)
responsible_ai = {"group": "age_band", "ratio": float(_ratio), "passes_four_fifths": bool(_ratio >= 0.8),
                  "lowest_group": _rates.idxmin()}
responsible_ai
""",
        "q7_answer": """
def error_budget_minutes(slo, days=30):
    return (1 - slo) * days * 24


production = {"psi_moderate": 0.1, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": [experiment["primary_metric"], okr["guardrail"]["metric"], "flagged_share"]}
production
""",
        "q8_answer": """
def brief_problems(brief):
    problems = []
    krs = [kr["metric"] for kr in brief["okr"]["key_results"]]
    e = brief["experiment"]
    if e["primary_metric"] not in krs:
        problems.append("primary_not_key_result")
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        problems.append("sample_size_mismatch")
    if not math.isclose(brief["mvp"]["monthly_value_eur"], brief["mvp"]["value_per_order"] * ORDERS_PER_MONTH):
        problems.append("value_mismatch")
    if brief["dashboard"]["guardrail"] != brief["okr"]["guardrail"]["metric"]:
        problems.append("guardrail_mismatch")
    r = brief["responsible_ai"]
    if bool(r["passes_four_fifths"]) != (r["ratio"] > 0.8):
        problems.append("parity_mismatch")
    return problems


product_brief = {"users": users, "okr": okr, "mvp": mvp, "metric_tree": metric_tree, "dashboard": dashboard,
                 "experiment": experiment,
                 "explanation": {"customers": "reason_codes", "dispatch_team": "natural_frequencies",
                                 "finance": "permutation_importance"},
                 "stakeholders": {"head_of_logistics": "manage closely", "finance_lead": "keep satisfied",
                                  "drivers_lead": "keep informed", "data_protection_officer": "monitor",
                                  "brand_manager": "monitor"},
                 "responsible_ai": responsible_ai, "production": production}
brief_problems(product_brief)
""",
    },
    "blind-early-slip": {
        "q1_answer": """
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g["interview_id"].nunique() / notes["interview_id"].nunique()
    return (reach * g["times_per_month"].mean() * g["severity"].mean()).sort_values(ascending=False)


_opp = opportunity_scores(interviews)
_reach = interviews.groupby("pain_point")["interview_id"].nunique() / interviews["interview_id"].nunique()
users = {"pain_point": _opp.index[0], "opportunity": float(_opp.iloc[0]), "reach": float(_reach[_opp.index[0]])}
users
""",
        "q2_answer": """
okr = {
    "objective": "Deliveries arrive when customers are home",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": float(orders["missed"].mean()), "target": 0.08,
         "deadline": "2027-06-30"},
        {"metric": "redelivery_cost_per_week_eur", "baseline": 12285.0, "target": 10000.0, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.0, "limit": 4.5},
}
okr
""",
        "q3_answer": """
def heuristic_flags(frame):
    return frame["prior_missed_12w"] > 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    return ((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"] + (~f & m).sum() * values["fn"]
            + (~f & ~m).sum() * values["tn"]) / len(f)


_vh = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
_vm = value_per_order(model_flags(orders, model_threshold), orders["missed"], VALUES)
_approach = "model" if (_vm - _vh) * ORDERS_PER_MONTH > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"
_vpo = _vm if _approach == "model" else _vh
mvp = {"approach": _approach, "value_per_order": _vpo, "monthly_value_eur": _vpo * ORDERS_PER_MONTH}
mvp
""",
        "q4_answer": """
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": okr["key_results"][0]["metric"], "inputs": ["flagged_share", "slot_change_rate"],
             "guardrail": okr["guardrail"]["metric"]}
dashboard
""",
        "q5_answer": """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    pbar = (p1 + p2) / 2
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    return math.ceil(n)


_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
baseline = orders.loc[_flags, "missed"].mean()
per_arm = sample_size_per_arm(baseline, baseline - MDE, alpha, power)
experiment = {"primary_metric": okr["key_results"][0]["metric"], "baseline": baseline, "mde": MDE, "per_arm": per_arm,
              "weeks": math.ceil(2 * per_arm / (_flags.mean() * ORDERS_PER_WEEK))}
experiment
""",
        "q6_answer": """
def selection_rates(flags, groups):
    return pd.Series(flags).astype(float).groupby(np.asarray(groups)).mean()


def parity_ratio(rates):
    return rates.min() / rates.max()


_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
_rates = selection_rates(_flags, orders["age_band"])
_ratio = parity_ratio(_rates)
responsible_ai = {"group": "age_band", "ratio": float(_ratio), "passes_four_fifths": bool(_ratio >= 0.8),
                  "lowest_group": _rates.idxmin()}
responsible_ai
""",
        "q7_answer": """
def error_budget_minutes(slo, days=30):
    return (1 - slo) * days * 24 * 60


production = {"psi_moderate": 0.1, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": [experiment["primary_metric"], okr["guardrail"]["metric"], "flagged_share"]}
production
""",
        "q8_answer": """
def brief_problems(brief):
    problems = []
    krs = [kr["metric"] for kr in brief["okr"]["key_results"]]
    e = brief["experiment"]
    if e["primary_metric"] not in krs:
        problems.append("primary_not_key_result")
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        problems.append("sample_size_mismatch")
    if not math.isclose(brief["mvp"]["monthly_value_eur"], brief["mvp"]["value_per_order"] * ORDERS_PER_MONTH):
        problems.append("value_mismatch")
    if brief["dashboard"]["guardrail"] != brief["okr"]["guardrail"]["metric"]:
        problems.append("guardrail_mismatch")
    r = brief["responsible_ai"]
    if bool(r["passes_four_fifths"]) != (r["ratio"] >= 0.8):
        problems.append("parity_mismatch")
    return problems


product_brief = {"users": users, "okr": okr, "mvp": mvp, "metric_tree": metric_tree, "dashboard": dashboard,
                 "experiment": experiment,
                 "explanation": {"customers": "reason_codes", "dispatch_team": "natural_frequencies",
                                 "finance": "expected_value"},
                 "stakeholders": {"head_of_logistics": "manage closely", "finance_lead": "keep satisfied",
                                  "drivers_lead": "keep informed", "data_protection_officer": "keep satisfied",
                                  "brand_manager": "monitor"},
                 "responsible_ai": responsible_ai, "production": production}
brief_problems(product_brief)
""",
    },
}
_BLIND_POINTS = {
    "blind-other-style": {
        "q1_answer": 3.0,
        "q2_answer": 3.0,
        "q3_answer": 4.0,
        "q4_answer": 3.0,
        "q5_answer": 4.0,
        "q6_answer": 3.0,
        "q7_answer": 3.0,
        "q8_answer": 4.0,
    },
    "blind-typical-mistakes": {
        "q1_answer": 1.88,  # fair 2.0
        "q2_answer": 2.4,  # fair 2.0
        "q3_answer": 3.0,  # fair 2.67
        "q4_answer": 2.4,  # fair 2.5
        "q5_answer": 3.56,  # fair 3.5
        "q6_answer": 2.25,  # fair 2.0: parity_ratio inverted: charged by the visible check and the new hidden one
        # on other orders (was 2.57)
        "q7_answer": 2.4,  # fair 2.0
        "q8_answer": 2.91,  # fair 3.0
    },
    "blind-early-slip": {
        "q1_answer": 3.0,
        "q2_answer": 3.0,
        "q3_answer": 3.0,  # fair 3.0: heuristic flags '> 1' instead of '>= 1': the flags' checks cost it; mvp
        # from the learner's own flags is consistent (was 2.5)
        "q4_answer": 3.0,
        "q5_answer": 4.0,  # fair 4: the baseline and weeks from the learner's own flags (was 3.11)
        "q6_answer": 3.0,  # fair 3: the ratio and lowest group from the learner's own flags (was 2.57)
        "q7_answer": 3.0,
        "q8_answer": 4.0,
    },
}


FAIR_SCORES.update(blind_attempt_scores(_BLIND, _BLIND_POINTS))
