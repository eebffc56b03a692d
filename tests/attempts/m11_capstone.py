"""Module 11 (capstone): three learner attempts and the points a fair teacher gives them.

Written from the prompts: the fair points were set per question before the attempts were graded.
"""

ASSIGNMENT = "11-capstone"

# ---------------------------------------------------------------------------------------------
# A: everything right, in other styles and with the other defensible calls: the model on the point
# estimate, an MDE below break-even with a reason, the opt-in as the mitigation, retention as the guardrail.
# ---------------------------------------------------------------------------------------------
_OTHER = {
    "q1_answer": '''\
def opportunity_scores(notes):
    table = notes.pivot_table(index="pain_point", values=["times_per_month", "severity"], aggfunc="mean")
    people = notes[["interview_id", "pain_point"]].drop_duplicates()
    table["reach"] = people.groupby("pain_point").size() / notes["interview_id"].nunique()
    return (table["reach"] * table["times_per_month"] * table["severity"]).sort_values(ascending=False)


ranking = opportunity_scores(interviews)
people = interviews[["interview_id", "pain_point"]].drop_duplicates()
by_age = orders.pivot_table(index="age_band", values="missed", aggfunc="mean")["missed"]
users = {"pain_point": ranking.index[0], "opportunity": round(ranking.iloc[0], 3),
         "reach": round((people["pain_point"] == ranking.index[0]).sum() / interviews["interview_id"].nunique(), 3),
         "most_affected": {"by": "age_band", "group": by_age.idxmax()},
         "weekly_cost_eur": round(ORDERS_PER_WEEK * orders["missed"].mean() * COST_PER_REDELIVERY_EUR)}
users
''',
    # written after question 3 chose the model at 0.20: its flags give the reachable target
    "q2_answer": '''\
_flags = orders["risk_score"] >= 0.20
_rate = round(float(orders["missed"].mean()), 3)
_floor = _rate - _flags.mean() * orders.loc[_flags, "missed"].mean() * SAVE_RATE
okr = dict(
    objective="Make first-time delivery the normal experience for every Larder customer",
    key_results=(
        dict(metric="missed_delivery_rate", baseline=_rate, target=0.081, deadline="2027-06-30"),
        dict(metric="net_delivery_cost_per_week_eur", baseline=round(ORDERS_PER_WEEK * _rate * 14),
             target=104_000, deadline="2027-06-30"),
    ),
    guardrail=dict(metric="eight_week_retention", baseline=GUARDRAIL_BASELINES["eight_week_retention"], limit=0.9),
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


def best_threshold(frame, values):
    scores = pd.Series({t: value_per_order(model_flags(frame, t), frame["missed"], values) for t in THRESHOLDS})
    return scores.idxmax()


def extra_value_interval(frame, threshold, values, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    gains = np.empty(n_boot)
    for b in range(n_boot):
        sample = frame.iloc[rng.integers(0, len(frame), len(frame))]
        gains[b] = (value_per_order(model_flags(sample, threshold), sample["missed"], values)
                    - value_per_order(heuristic_flags(sample), sample["missed"], values)) * ORDERS_PER_MONTH
    return tuple(np.percentile(gains, [5, 95]))


first, last = orders.query("week <= 4"), orders.query("week >= 5")
t = best_threshold(first, VALUES)
gain = (value_per_order(model_flags(last, t), last["missed"], VALUES)
        - value_per_order(heuristic_flags(last), last["missed"], VALUES)) * ORDERS_PER_MONTH
mvp = {"threshold": t, "extra_per_month_eur": gain,
       "interval_per_month_eur": extra_value_interval(last, t, VALUES, n_boot), "decided_on": "point_estimate",
       "approach": "model" if gain > MODEL_RUN_COST_EUR_PER_MONTH else "heuristic"}
_f = model_flags(orders, t) if mvp["approach"] == "model" else heuristic_flags(orders)
mvp.update(value_per_order=value_per_order(_f, orders["missed"], VALUES), flagged_share=_f.mean())
mvp["monthly_value_eur"] = mvp["value_per_order"] * ORDERS_PER_MONTH
mvp
''',
    "q4_answer": '''\
metric_tree = {
    "missed_delivery_rate": ("reminder_open_rate", "slot_change_rate", "flagged_share"),
    "redelivery_cost_per_week_eur": ("orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"),
}
dashboard = {"headline": okr["key_results"][1]["metric"], "inputs": ("slot_change_rate", "reminder_open_rate"),
             "guardrail": okr["guardrail"]["metric"]}
''',
    "q5_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    pooled = (p1 + p2) / 2
    za, zb = norm.isf(alpha / 2), norm.isf(1 - power)
    n = (za * (2 * pooled * (1 - pooled)) ** 0.5 + zb * (p1 * (1 - p1) + p2 * (1 - p2)) ** 0.5) ** 2 / (p1 - p2) ** 2
    return int(np.ceil(n))


_flags = model_flags(orders, mvp["threshold"]) if mvp["approach"] == "model" else heuristic_flags(orders)
_base = orders["missed"][_flags].mean()
_n = sample_size_per_arm(_base, _base - 0.05, alpha, power)
_weeks = max(MIN_TEST_WEEKS, -(-2 * _n // int(_flags.mean() * TEST_ORDERS_PER_WEEK)))
experiment = {"primary_metric": "missed_delivery_rate", "unit": "customer", "baseline": _base,
              "break_even": SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR, "mde": 0.05,
              "mde_reason": "finance wants to know whether a cheaper reminder without a credit could work",
              "per_arm": _n, "weeks": _weeks,
              "ends": str(pd.Timestamp(TEST_START) + pd.Timedelta(weeks=_weeks))[:10]}


def ship_weeks(weekly_counts, remaining, confidence=0.85, n_runs=10_000, seed=0):
    rng = np.random.default_rng(seed)
    counts = list(weekly_counts)
    runs = []
    for _ in range(n_runs):
        done, week = 0, 0
        while done < remaining:
            done += rng.choice(counts)
            week += 1
        runs.append(week)
    return int(np.sort(runs)[math.ceil(confidence * n_runs) - 1])


_done = board_events[board_events["status"] == "Done"].assign(at=lambda d: pd.to_datetime(d["entered_at"]))
_weekly = _done.set_index("at").resample("W-SUN")["ticket_id"].count()
_weekly.index = _weekly.index - pd.Timedelta(days=6)
_weekly = _weekly.reindex(pd.date_range(BOARD_START, BOARD_END, freq="7D", inclusive="left"), fill_value=0)
_w85 = ship_weeks(_weekly.to_numpy(), MVP_TICKETS)
delivery = {"p85_weeks": _w85, "ships_by": str(pd.Timestamp(BUILD_START) + pd.Timedelta(days=7 * _w85 - 3))[:10]}
experiment
''',
    "q6_answer": '''\
def selection_rates(flags, groups):
    frame = pd.DataFrame({"f": np.asarray(flags, dtype=float), "g": np.asarray(groups)})
    return frame.groupby("g")["f"].mean()


def parity_ratio(rates):
    return rates.min() / rates.max()


def lookback_flags(frame, flags):
    extra = frame["plan"].eq("fortnightly").to_numpy() & frame["prior_missed_24w"].ge(1).to_numpy()
    return pd.Series(np.logical_or(np.asarray(flags, dtype=bool), extra), index=frame.index)


_flags = model_flags(orders, mvp["threshold"]) if mvp["approach"] == "model" else heuristic_flags(orders)
_known = orders.dropna(subset=["age_band"])
_rates = selection_rates(_flags.loc[_known.index], _known["age_band"])
responsible_ai = {"group": "age_band", "n_orders": _known.shape[0], "ratio": parity_ratio(_rates),
                  "passes_four_fifths": parity_ratio(_rates) >= 0.8, "lowest_group": _rates.idxmin(),
                  "mitigation": "opt_in_for_everyone", "value_change_per_month_eur": OPT_IN_VALUE_PER_MONTH_EUR}
responsible_ai
''',
    "q7_answer": '''\
def late_days_allowed(slo, days=90):
    return days - slo * days


production = {"psi_moderate": 0.1, "psi_significant": 0.25,
              "psi_actions": {"moderate": "ticket_and_backtest", "significant": "ticket_and_backtest"},
              "slo": SLO, "late_days_per_quarter": late_days_allowed(SLO, SLO_DAYS),
              "monitor": ("flagged_share", experiment["primary_metric"], okr["guardrail"]["metric"],
                          "slot_change_rate")}
''',
    "q8_answer": '''\
def brief_problems(brief):
    okr_, exp, mvp_ = brief["okr"], brief["experiment"], brief["mvp"]
    krs = {kr["metric"]: kr for kr in okr_["key_results"]}
    primary = krs.get(exp["primary_metric"])
    missed = krs.get("missed_delivery_rate")
    live = pd.Timestamp(TEST_START) + pd.Timedelta(weeks=exp["weeks"] + ROLLOUT_WEEKS)
    checks = {
        "primary_not_key_result": primary is None,
        "sample_size_mismatch": exp["per_arm"] != sample_size_per_arm(exp["baseline"], exp["baseline"] - exp["mde"]),
        "guardrail_mismatch": brief["dashboard"]["guardrail"] != okr_["guardrail"]["metric"],
        "mde_below_break_even": exp["mde"] < SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR and not exp.get("mde_reason"),
        "target_unreachable": missed is not None and missed["target"] < (
            missed["baseline"] - mvp_["flagged_share"] * exp["baseline"] * SAVE_RATE - 0.0005),
        "test_ends_too_late": primary is not None and live > pd.Timestamp(primary["deadline"]) - pd.Timedelta(
            days=KR_WINDOW_DAYS),
        "guardrail_unmeasurable": okr_["guardrail"]["metric"] not in GUARDRAIL_BASELINES,
        "randomised_by_order": exp["unit"] != "customer",
        "ships_after_test_start": pd.Timestamp(brief["delivery"]["ships_by"]) >= pd.Timestamp(TEST_START),
    }
    return [rule for rule, broken in checks.items() if broken]


product_brief = dict(users=users, okr=okr, mvp=mvp, metric_tree=metric_tree, dashboard=dashboard,
                     experiment=experiment, delivery=delivery, responsible_ai=responsible_ai, production=production,
                     explanation={"customers": "reason_codes", "dispatch_team": "reason_codes",
                                  "finance": "natural_frequencies"},
                     stakeholders={role: ("manage closely" if p >= 6 and i >= 6 else "keep satisfied" if p >= 6
                                          else "keep informed" if i >= 6 else "monitor")
                                   for role, (p, i) in STAKEHOLDER_GRID.items()})
brief_problems(product_brief)
''',
}

# ---------------------------------------------------------------------------------------------
# B: the typical mistakes of a data scientist writing a first brief.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    # reach over rows; the weekly cost of the sample, not of Larder's week
    "q1_answer": '''\
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g.size() / len(notes)
    return (reach * g["times_per_month"].mean() * g["severity"].mean()).sort_values(ascending=False)


s = opportunity_scores(interviews)
users = {"pain_point": s.index[0], "opportunity": s.iloc[0],
         "reach": interviews.loc[interviews["pain_point"] == s.index[0], "interview_id"].nunique() / 36,
         "most_affected": {"by": "slot", "group": "evening"},
         "weekly_cost_eur": orders["missed"].sum() / 8 * COST_PER_REDELIVERY_EUR}
''',
    # an ambitious target the MVP cannot reach; the cost key result leaves out the credits
    "q2_answer": '''\
okr = {
    "objective": "Customers get their groceries on the first visit",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": 0.0948, "target": 0.06, "deadline": "2027-06-30"},
        {"metric": "redelivery_cost_per_week_eur", "baseline": 106_200, "target": 80_000, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "complaints_per_1000_orders", "baseline": 4.2, "limit": 5.0},
}
''',
    # the threshold chosen and judged on all eight weeks; the model on the point estimate
    "q3_answer": '''\
def heuristic_flags(frame):
    return frame["prior_missed_12w"] >= 1


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    f = np.asarray(flags, dtype=bool)
    m = np.asarray(missed, dtype=bool)
    return ((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"] + (~f & m).sum() * values["fn"]
            + (~f & ~m).sum() * values["tn"]) / len(f)


def best_threshold(frame, values):
    return max(THRESHOLDS, key=lambda t: value_per_order(model_flags(frame, t), frame["missed"], values))


def extra_value_interval(frame, threshold, values, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    m, h, y = model_flags(frame, threshold).values, heuristic_flags(frame).values, frame["missed"].values
    out = []
    for _ in range(n_boot):
        i = rng.integers(0, len(frame), len(frame))
        out.append((value_per_order(m[i], y[i], values) - value_per_order(h[i], y[i], values)) * ORDERS_PER_MONTH)
    return np.percentile(out, 5), np.percentile(out, 95)


t = best_threshold(orders, VALUES)
extra = (value_per_order(model_flags(orders, t), orders["missed"], VALUES)
         - value_per_order(heuristic_flags(orders), orders["missed"], VALUES)) * ORDERS_PER_MONTH
mvp = {"approach": "model", "threshold": t, "extra_per_month_eur": extra,
       "interval_per_month_eur": extra_value_interval(orders, t, VALUES), "decided_on": "point_estimate",
       "value_per_order": value_per_order(model_flags(orders, t), orders["missed"], VALUES),
       "flagged_share": model_flags(orders, t).mean()}
mvp["monthly_value_eur"] = mvp["value_per_order"] * ORDERS_PER_MONTH
''',
    "q4_answer": '''\
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "reminder_open_rate"],
             "guardrail": "complaints_per_1000_orders"}
''',
    # orders randomised; a 3-point MDE with no reason (below break-even); the ship date at the average throughput
    "q5_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    pbar = (p1 + p2) / 2
    return math.ceil((za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
                     / (p1 - p2) ** 2)


f = model_flags(orders, mvp["threshold"])
b = orders.loc[f, "missed"].mean()
n = sample_size_per_arm(b, b - 0.03)
w = max(2, math.ceil(2 * n / (f.mean() * TEST_ORDERS_PER_WEEK)))
experiment = {"primary_metric": "missed_delivery_rate", "unit": "order", "baseline": b, "break_even": 1 / 14,
              "mde": 0.03, "mde_reason": None, "per_arm": n, "weeks": w,
              "ends": (dt.date.fromisoformat(TEST_START) + dt.timedelta(weeks=w)).isoformat()}


def ship_weeks(weekly_counts, remaining, confidence=0.85, n_runs=10_000, seed=0):
    return math.ceil(remaining / np.mean(weekly_counts))


done = board_events[board_events["status"] == "Done"]
per_week = pd.to_datetime(done["entered_at"]).dt.to_period("W-SUN").value_counts()
tp = per_week.reindex(pd.period_range(BOARD_START, periods=16, freq="W-SUN"), fill_value=0)
k = ship_weeks(tp.values, MVP_TICKETS)
delivery = {"p85_weeks": k, "ships_by": (dt.date.fromisoformat(BUILD_START) + dt.timedelta(days=7 * k - 3)).isoformat()}
''',
    # the screen right, then a top-up by age band (it needs every customer's age); the look-back not written
    "q6_answer": '''\
def selection_rates(flags, groups):
    return pd.Series(flags).astype(float).groupby(pd.Series(groups).values).mean()


def parity_ratio(rates):
    return rates.min() / rates.max()


def lookback_flags(frame, flags):
    return flags


f = model_flags(orders, mvp["threshold"])
r = selection_rates(f, orders["age_band"])
responsible_ai = {"group": "age_band", "n_orders": int(orders["age_band"].notna().sum()), "ratio": parity_ratio(r),
                  "passes_four_fifths": bool(parity_ratio(r) >= 0.8), "lowest_group": r.idxmin(),
                  "mitigation": "top_up_low_bands", "value_change_per_month_eur": 2_500}
''',
    # a significant drift rolls the model back; late days right
    "q7_answer": '''\
def late_days_allowed(slo, days=90):
    return (1 - slo) * days


production = {"psi_moderate": 0.1, "psi_significant": 0.25,
              "psi_actions": {"moderate": "ticket_and_backtest", "significant": "roll_back_release"},
              "slo": SLO, "late_days_per_quarter": late_days_allowed(SLO, SLO_DAYS),
              "monitor": ["missed_delivery_rate", "complaints_per_1000_orders"]}
''',
    # the bookkeeping rules and two of the substance ones; the date, guardrail and ship-date rules forgotten
    "q8_answer": '''\
def brief_problems(brief):
    p = []
    e, o = brief["experiment"], brief["okr"]
    if e["primary_metric"] not in [k["metric"] for k in o["key_results"]]:
        p.append("primary_not_key_result")
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        p.append("sample_size_mismatch")
    if brief["dashboard"]["guardrail"] != o["guardrail"]["metric"]:
        p.append("guardrail_mismatch")
    if e["mde"] < 1 / 14 and not e["mde_reason"]:
        p.append("mde_below_break_even")
    if e["unit"] != "customer":
        p.append("randomised_by_order")
    return p


product_brief = {
    "users": users, "okr": okr, "mvp": mvp, "metric_tree": metric_tree, "dashboard": dashboard,
    "experiment": experiment, "delivery": delivery, "responsible_ai": responsible_ai, "production": production,
    "explanation": {"customers": "reason_codes", "dispatch_team": "natural_frequencies", "finance": "expected_value"},
    "stakeholders": {"head_of_logistics": "manage closely", "finance_lead": "keep satisfied",
                     "drivers_lead": "keep informed", "data_protection_officer": "keep satisfied",
                     "brand_manager": "monitor"},
}
''',
}

# ---------------------------------------------------------------------------------------------
# C: half done: framing, OKR and the MVP's functions right, then out of time (no bootstrap, no brief).
# ---------------------------------------------------------------------------------------------
_HALF = {
    "q1_answer": _OTHER["q1_answer"],
    "q2_answer": '''\
_rule = orders["prior_missed_12w"] >= 1
_base = orders["missed"].mean()
_exp = _base - _rule.mean() * orders.loc[_rule, "missed"].mean() * SAVE_RATE
okr = {
    "objective": "Customers get their groceries on the first visit",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": round(_base, 3), "target": round(_exp + 0.002, 3),
         "deadline": "2027-06-30"},
        {"metric": "net_delivery_cost_per_week_eur", "baseline": 106_200, "target": 104_000,
         "deadline": "2027-06-30"},
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
    f, m = np.asarray(flags, bool), np.asarray(missed, bool)
    return float(((f & m).sum() * values["tp"] + (f & ~m).sum() * values["fp"]
                  + (~f & m).sum() * values["fn"] + (~f & ~m).sum() * values["tn"]) / len(f))


def best_threshold(frame, values):
    return float(max(THRESHOLDS, key=lambda t: value_per_order(model_flags(frame, t), frame["missed"], values)))
''',
}

ATTEMPTS = {
    "another-style": {
        "answers": _OTHER,
        "fair": {"q1_test": 4, "q2_test": 4, "q3_test": 5, "q4_test": 3, "q5_test": 5, "q6_test": 4, "q7_test": 3,
                 "q8_test": 4},
        "why": {},
    },
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 3.5, "q4_test": 3, "q5_test": 2.5, "q6_test": 2,
                 "q7_test": 2.5, "q8_test": 2.5},
        "why": {
            "q1_test": "reach over rows (the score and the order are wrong), and the weekly cost of the sample "
                       "instead of Larder's week; the choice of pain point and who is hit hardest are right",
            "q2_test": "the target is below what the MVP can bring and the cost key result leaves out the credits; "
                       "shape, baseline and a measured guardrail right",
            "q3_test": "the threshold chosen and judged on the same eight weeks (in-sample); the functions, the "
                       "bootstrap and a call that follows its own basis are right",
            "q5_test": "orders randomised instead of customers, an MDE below break-even with no reason, and the "
                       "MVP's ship date from the average throughput (a coin flip, not 85 %); the formula, "
                       "baseline, size and weeks are right",
            "q6_test": "the rates and the screen right on the survey-linked orders, but a top-up by age band (it needs "
                       "every customer's age, which Larder does not hold) and no look-back written",
            "q7_test": "a significant drift rolls the release back; late days and monitoring right",
            "q8_test": "four of the six substance rules missing (the reachable target, the test date, the "
                       "measurable guardrail and the ship date); the bookkeeping, stakeholders and explanations right",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 4, "q2_test": 4, "q3_test": 2, "q4_test": 0, "q5_test": 0, "q6_test": 0, "q7_test": 0,
                 "q8_test": 0},
        "why": {"q3_test": "the flags, the value and the threshold written; no bootstrap and no `mvp`"},
    },
}
