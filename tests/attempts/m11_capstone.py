"""Module 11 (capstone): three learner attempts and the points a fair teacher gives them."""

ASSIGNMENT = "11-capstone"

ATTEMPTS = {
    "another-style": {
        # a careful data scientist who writes everything their own way: pivot tables, numpy dot products,
        # other (valid) key results and guardrail, tuples, a rule table for the consistency checks
        "answers": {
            "q1_answer": '''\
def opportunity_scores(notes):
    table = notes.pivot_table(index="pain_point", values=["times_per_month", "severity"], aggfunc="mean")
    people = notes[["interview_id", "pain_point"]].drop_duplicates()
    table["reach"] = people.groupby("pain_point").size() / notes["interview_id"].nunique()
    score = table["reach"] * table["times_per_month"] * table["severity"]
    return score.sort_values(ascending=False)


ranking = opportunity_scores(interviews)
people = interviews[["interview_id", "pain_point"]].drop_duplicates()
users = {"pain_point": ranking.index[0], "opportunity": round(ranking.iloc[0], 3),
         "reach": round((people["pain_point"] == ranking.index[0]).sum() / interviews["interview_id"].nunique(), 3)}
users
''',
            "q2_answer": '''\
okr = dict(
    objective="Make first-time delivery the normal experience for every Larder customer",
    key_results=(
        dict(metric="missed_delivery_rate", baseline=0.098, target=0.08, deadline="2027-06-30"),
        dict(metric="eight_week_retention", baseline=0.81, target=0.83, deadline="2027-06-30"),
        dict(metric="redelivery_cost_per_week_eur", baseline=12_300, target=10_000, deadline="2027-05-31"),
    ),
    guardrail=dict(metric="slot_credit_cost_per_week_eur", baseline=0, limit=2_000),
)
okr
''',
            "q3_answer": '''\
def heuristic_flags(frame):
    return frame["prior_missed_12w"].gt(0)


def model_flags(frame, threshold):
    return frame["risk_score"].ge(threshold)


def value_per_order(flags, missed, values):
    f = np.asarray(flags).astype(int)
    m = np.asarray(missed).astype(int)
    counts = np.array([(f * m).sum(), (f * (1 - m)).sum(), ((1 - f) * m).sum(), ((1 - f) * (1 - m)).sum()])
    return counts @ np.array([values[k] for k in ("tp", "fp", "fn", "tn")]) / f.size


values = {name: value_per_order(flag(orders), orders["missed"], VALUES)
          for name, flag in (("heuristic", heuristic_flags), ("model", lambda o: model_flags(o, model_threshold)))}
gain = (values["model"] - values["heuristic"]) * ORDERS_PER_MONTH
approach = "model" if gain > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"
mvp = {"approach": approach, "value_per_order": values[approach],
       "monthly_value_eur": values[approach] * ORDERS_PER_MONTH}
mvp
''',
            "q4_answer": '''\
metric_tree = {
    "missed_delivery_rate": ("reminder_open_rate", "slot_change_rate", "flagged_share"),
    "redelivery_cost_per_week_eur": ("orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"),
}
dashboard = {"headline": "redelivery_cost_per_week_eur", "inputs": ("slot_change_rate", "reminder_open_rate"),
             "guardrail": okr["guardrail"]["metric"]}
dashboard
''',
            "q5_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_a, z_b = norm.ppf(1 - alpha / 2), norm.ppf(power)
    pooled = (p1 + p2) / 2
    n = (z_a * (2 * pooled * (1 - pooled)) ** 0.5 + z_b * (p1 * (1 - p1) + p2 * (1 - p2)) ** 0.5) ** 2
    return int(np.ceil(n / (p1 - p2) ** 2))


chosen = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
p0 = orders["missed"][chosen].mean()
n = sample_size_per_arm(p0, p0 - MDE, alpha=alpha, power=power)
weekly = chosen.sum() / len(orders) * ORDERS_PER_WEEK
experiment = dict(primary_metric="missed_delivery_rate", baseline=p0, mde=MDE, per_arm=n,
                  weeks=int(np.ceil(2 * n / weekly)))
experiment
''',
            "q6_answer": '''\
def selection_rates(flags, groups):
    table = pd.crosstab(np.asarray(groups), np.asarray(flags, dtype=bool), normalize="index")
    return table[True] if True in table.columns else table.iloc[:, 0] * 0


def parity_ratio(rates):
    return min(rates) / max(rates)


chosen = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, model_threshold)
by_age = selection_rates(chosen, orders["age_band"])
ratio = parity_ratio(by_age)
responsible_ai = {"group": "age_band", "ratio": ratio, "passes_four_fifths": bool(ratio >= 0.8),
                  "lowest_group": by_age.idxmin()}
responsible_ai
''',
            "q7_answer": '''\
def error_budget_minutes(slo, days=30):
    return (1 - slo) * pd.Timedelta(days=days) / pd.Timedelta(minutes=1)


production = {"psi_moderate": 0.10, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": ["flagged_share", okr["guardrail"]["metric"], experiment["primary_metric"]]}
production
''',
            "q8_answer": '''\
def brief_problems(brief):
    o, e, m, d, r = (brief[k] for k in ("okr", "experiment", "mvp", "dashboard", "responsible_ai"))
    rules = {
        "primary_not_key_result": e["primary_metric"] not in {kr["metric"] for kr in o["key_results"]},
        "sample_size_mismatch": e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]),
        "value_mismatch": not math.isclose(m["monthly_value_eur"], m["value_per_order"] * ORDERS_PER_MONTH),
        "guardrail_mismatch": d["guardrail"] != o["guardrail"]["metric"],
        "parity_mismatch": bool(r["passes_four_fifths"]) is not bool(r["ratio"] >= 0.8),
    }
    return [rule for rule, broken in rules.items() if broken]


def grid(power, interest):
    return {(1, 1): "manage closely", (1, 0): "keep satisfied", (0, 1): "keep informed",
            (0, 0): "monitor"}[(int(power >= 6), int(interest >= 6))]


product_brief = dict(users=users, okr=okr, mvp=mvp, metric_tree=metric_tree, dashboard=dashboard,
                     experiment=experiment, responsible_ai=responsible_ai, production=production,
                     explanation=dict(customers="reason_codes", dispatch_team="reason_codes",
                                      finance="natural_frequencies"),
                     stakeholders={role: grid(*pi) for role, pi in STAKEHOLDER_GRID.items()})
brief_problems(product_brief)
''',
        },
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 4, "q4_test": 3, "q5_test": 4, "q6_test": 3,
                 "q7_test": 3, "q8_test": 4},
        "why": {},
    },
    "typical-mistakes": {
        # a data scientist new to product work: reach over rows, a model metric as a key result, the model
        # because it scores higher, a baseline over all orders, production that watches the model not the
        # guardrail, the four-fifths edge read strictly, and feature importance for customers
        "answers": {
            "q1_answer": '''\
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g.size() / len(notes)
    return (reach * g["times_per_month"].mean() * g["severity"].mean()).sort_values(ascending=False)


scores = opportunity_scores(interviews)
users = {"pain_point": scores.index[0], "opportunity": scores.iloc[0],
         "reach": (interviews["pain_point"] == scores.index[0]).mean()}
''',
            "q2_answer": '''\
okr = {
    "objective": "Predict missed deliveries accurately and cut redeliveries",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.06, "deadline": "2027-06-30"},
        {"metric": "model_auc", "baseline": 0.70, "target": 0.80, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.2, "limit": 5.0},
}
''',
            "q3_answer": '''\
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    tp = (flags & (missed == 1)).sum()
    fp = (flags & (missed == 0)).sum()
    fn = (~flags & (missed == 1)).sum()
    tn = (~flags & (missed == 0)).sum()
    return (tp * values["tp"] + fp * values["fp"] + fn * values["fn"] + tn * values["tn"]) / len(flags)


h = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
m = value_per_order(model_flags(orders, model_threshold), orders["missed"], VALUES)
best = "model" if m > h else "heuristic"
mvp = {"approach": best, "value_per_order": max(m, h), "monthly_value_eur": max(m, h) * ORDERS_PER_MONTH}
''',
            "q4_answer": '''\
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "reminder_open_rate"],
             "guardrail": "complaints_per_1000_orders"}
''',
            "q5_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    pbar = (p1 + p2) / 2
    return math.ceil((za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
                     / (p1 - p2) ** 2)


base = orders["missed"].mean()
n = sample_size_per_arm(base, base - MDE)
experiment = {"primary_metric": "missed_delivery_rate", "baseline": base, "mde": MDE, "per_arm": n,
              "weeks": math.ceil(2 * n / ORDERS_PER_WEEK)}
''',
            "q6_answer": '''\
def selection_rates(flags, groups):
    return pd.Series(flags).groupby(groups).mean()


def parity_ratio(rates):
    return rates.min() / rates.max()


rates = selection_rates(model_flags(orders, model_threshold), orders["age_band"])
responsible_ai = {"group": "age_band", "ratio": parity_ratio(rates), "passes_four_fifths": parity_ratio(rates) >= 0.8,
                  "lowest_group": rates.idxmin()}
''',
            "q7_answer": '''\
def error_budget_minutes(slo, days=30):
    return (1 - slo) * days * 24 * 60


production = {"psi_moderate": 0.1, "psi_significant": 0.25, "slo": SLO,
              "error_budget_minutes": error_budget_minutes(SLO),
              "monitor": ["missed_delivery_rate", "model_auc", "flagged_share"]}
''',
            "q8_answer": '''\
def brief_problems(brief):
    out = []
    if brief["experiment"]["primary_metric"] not in [k["metric"] for k in brief["okr"]["key_results"]]:
        out.append("primary_not_key_result")
    e = brief["experiment"]
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        out.append("sample_size_mismatch")
    if abs(brief["mvp"]["monthly_value_eur"] - brief["mvp"]["value_per_order"] * ORDERS_PER_MONTH) > 0.01:
        out.append("value_mismatch")
    if brief["dashboard"]["guardrail"] != brief["okr"]["guardrail"]["metric"]:
        out.append("guardrail_mismatch")
    if brief["responsible_ai"]["passes_four_fifths"] != (brief["responsible_ai"]["ratio"] > 0.8):
        out.append("parity_mismatch")
    return out


product_brief = {
    "users": users, "okr": okr, "mvp": mvp, "metric_tree": metric_tree, "dashboard": dashboard,
    "experiment": experiment, "responsible_ai": responsible_ai, "production": production,
    "explanation": {"customers": "permutation_importance", "dispatch_team": "natural_frequencies",
                    "finance": "expected_value"},
    "stakeholders": {"head_of_logistics": "manage closely", "finance_lead": "keep satisfied",
                     "drivers_lead": "keep informed", "data_protection_officer": "keep satisfied",
                     "brand_manager": "monitor"},
}
''',
        },
        "fair": {"q1_test": 2, "q2_test": 2.4, "q3_test": 3.5, "q4_test": 3, "q5_test": 3.5, "q6_test": 3,
                 "q7_test": 2.5, "q8_test": 3.5},
        "why": {
            "q1_test": "reach over rows is the one wrong idea of the score; users follows from their own scores",
            "q2_test": "the model's AUC is an output, not an outcome; the rest of the OKR is sound",
            "q3_test": "the model's run cost is ignored in the choice; the functions and the values are right",
            "q5_test": "the test runs on all orders, not the flagged ones: one design slip (baseline), weeks follow it",
            "q7_test": "production watches the model's AUC instead of the OKR's guardrail",
            "q8_test": "the four-fifths edge read strictly, and feature importance does not tell a customer why",
        },
    },
    "half-done": {
        # ran out of time after the experiment's sample-size function: questions 1 to 4 done, the
        # function of question 5 written, nothing after it
        "answers": {
            "q1_answer": '''\
def opportunity_scores(notes):
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    return (reach * groups["times_per_month"].mean() * groups["severity"].mean()).sort_values(ascending=False)


scores = opportunity_scores(interviews)
users = {"pain_point": "missed_delivery", "opportunity": float(scores["missed_delivery"]), "reach": 19 / 36}
''',
            "q2_answer": '''\
okr = {
    "objective": "Customers get their groceries on the first visit",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": 0.0975, "target": 0.08, "deadline": "2027-06-30"},
        {"metric": "redelivery_cost_per_week_eur", "baseline": 12285, "target": 10000, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.2, "limit": 5.0},
}
''',
            "q3_answer": '''\
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    f, m = np.asarray(flags, dtype=bool), np.asarray(missed, dtype=bool)
    return ((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"]
            + (~f & m).sum() * values["fn"] + (~f & ~m).sum() * values["tn"]) / len(f)


v = value_per_order(heuristic_flags(orders), orders["missed"], VALUES)
mvp = {"approach": "heuristic", "value_per_order": v, "monthly_value_eur": v * ORDERS_PER_MONTH}
''',
            "q4_answer": '''\
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["reminder_open_rate", "slot_change_rate"],
             "guardrail": "complaints_per_1000_orders"}
''',
            "q5_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_beta, p_bar = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top**2 / (p2 - p1) ** 2)


# YOUR CODE HERE
raise NotImplementedError()
experiment
''',
        },
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 4, "q4_test": 3, "q5_test": 1.5, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0},
        "why": {"q5_test": "the sample-size function is right (about a third of the question); no experiment section"},
    },
}
