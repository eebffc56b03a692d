"""Module 11 (capstone): five learner attempts and the points a fair teacher gives them.

Written from the prompts: the fair points were set per question before the attempts were graded.

Marking rubric (from the prompts; the fair points below follow it):

- q1 (4): `opportunity_scores`, 1.5 (reach over interviewees, the means, the order); the pick with its score
  and reach, 0.75; who is hit hardest, read from the orders, 1; the weekly cost of Larder's week, 0.5;
  the keys, 0.25. A wrong score rule keeps the points of a pick that follows from it.
- q2 (4): the OKR's form, 0.5; the missed-rate baseline, 0.5; a missed-rate target the MVP can reach,
  1.25; the cost key result net of credits (baseline and a reachable target), 0.75; a guardrail Larder
  measures today, with its baseline, 1.
- q3 (5): the flags and the value per order, 1.25; `best_threshold`, 0.75; the bootstrap interval, 0.75;
  out of sample (the threshold chosen on weeks 1-4, the extra value judged on weeks 5-8), 1.5; an
  approach that follows the learner's own basis, 0.5; the chosen approach's value and share, and the
  form, 0.25.
- q4 (3): the metric tree, 1.75 (module 03's rules 1.2, multiplying back on another week 0.55); the
  dashboard's form and inputs, 0.25; its headline a key result, 0.5; its guardrail the OKR's, 0.5.
- q5 (5): the sample size, 0.8 (formula, rounding up, alpha and power); randomised by customer, 0.5; the
  baseline among the flagged, 0.3; break-even, 0.15; the MDE call (at break-even or a reason), 0.8;
  per arm, 0.3; weeks for both arms, 0.3; a test over in time, 0.5; `ship_weeks` (85 % of runs, not the
  average), 0.65; the brief's 85 % date ready before the test, 0.5; the form, 0.2.
- q6 (4): `selection_rates` and `parity_ratio`, 0.8; the form, 0.25; `lookback_flags`, 0.55; the number
  of survey-linked orders, 0.25; the screen (ratio, pass, lowest band), 0.55; the mitigation Larder can
  run and its value, 1.6.
- q7 (3): `late_days_allowed`, 1.1; the bands and form, 0.25; the moderate action, 0.4; the significant
  action, 0.7; the monitor list with the primary metric and the guardrail, 0.55.
- q8 (4): the toy and the form, 0.5; each bookkeeping rule 0.15, each substance rule 0.3 (2.25 in all);
  the rules' edges, 0.3; the stakeholders, 0.3; the explanations, 0.5 (a method that does not fit one
  audience costs them all: one check).
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

# ---------------------------------------------------------------------------------------------
# D: everything right again, in a third style and with the other defensible calls: the heuristic on the
# interval's low end, who is hit hardest by area, the credit cost as guardrail, the look-back, an MDE above
# break-even.
# ---------------------------------------------------------------------------------------------
_THIRD = {
    "q1_answer": """\
def opportunity_scores(notes):
    everyone = notes["interview_id"].nunique()
    table = notes.groupby("pain_point").agg(people=("interview_id", "nunique"), times=("times_per_month", "mean"),
                                            hurt=("severity", "mean"))
    return (table["people"] / everyone * table["times"] * table["hurt"]).sort_values(ascending=False)


board = opportunity_scores(interviews)
_who = interviews.groupby("pain_point")["interview_id"].nunique() / interviews["interview_id"].nunique()
_by_area = orders.groupby("area")["missed"].mean()
users = dict(pain_point=board.idxmax(), opportunity=board.max(), reach=_who[board.idxmax()],
             most_affected=dict(by="area", group=_by_area.idxmax()),
             weekly_cost_eur=ORDERS_PER_WEEK * orders["missed"].mean() * COST_PER_REDELIVERY_EUR)
""",
    "q2_answer": """\
_base = orders["missed"].mean()
_rule = orders["prior_missed_12w"].ge(1)
_expected = _base - _rule.mean() * orders["missed"][_rule].mean() * SAVE_RATE
_cost_floor = ORDERS_PER_WEEK * (_expected * COST_PER_REDELIVERY_EUR + _rule.mean() * SLOT_CREDIT_EUR)
okr = {
    "objective": "Deliveries reach customers the first time we try",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": round(_base, 3), "target": round(_expected + 0.003, 3),
         "deadline": "2027-06-15"},
        {"metric": "net_delivery_cost_per_week_eur",
         "baseline": round(ORDERS_PER_WEEK * _base * COST_PER_REDELIVERY_EUR, -2),
         "target": round(_cost_floor + 1_000, -2), "deadline": "2027-06-15"},
    ],
    "guardrail": {"metric": "slot_credit_cost_per_week_eur",
                  "baseline": GUARDRAIL_BASELINES["slot_credit_cost_per_week_eur"], "limit": 12_000},
}
""",
    "q3_answer": """\
def heuristic_flags(frame):
    return frame["prior_missed_12w"].fillna(0) > 0


def model_flags(frame, threshold):
    return frame["risk_score"] >= threshold


def value_per_order(flags, missed, values):
    table = pd.crosstab(np.asarray(flags, dtype=bool), np.asarray(missed, dtype=bool)).reindex(
        index=[True, False], columns=[True, False], fill_value=0)
    total = (table.loc[True, True] * values["tp"] + table.loc[True, False] * values["fp"]
             + table.loc[False, True] * values["fn"] + table.loc[False, False] * values["tn"])
    return total / table.to_numpy().sum()


def best_threshold(frame, values):
    best, best_value = None, -np.inf
    for t in THRESHOLDS:
        v = value_per_order(model_flags(frame, t), frame["missed"], values)
        if v > best_value:
            best, best_value = t, v
    return best


def extra_value_interval(frame, threshold, values, n_boot=1000, seed=0):
    rng = np.random.default_rng(seed)
    m_flags, h_flags = model_flags(frame, threshold).to_numpy(), heuristic_flags(frame).to_numpy()
    y = frame["missed"].to_numpy()
    draws = [rng.integers(0, len(frame), len(frame)) for _ in range(n_boot)]
    extra = [(value_per_order(m_flags[d], y[d], values) - value_per_order(h_flags[d], y[d], values))
             * ORDERS_PER_MONTH for d in draws]
    return (np.percentile(extra, 5), np.percentile(extra, 95))


tune, test = orders[orders["week"].between(1, 4)], orders[orders["week"].between(5, 8)]
cut = best_threshold(tune, VALUES)
lift = ORDERS_PER_MONTH * (value_per_order(model_flags(test, cut), test["missed"], VALUES)
                           - value_per_order(heuristic_flags(test), test["missed"], VALUES))
band = extra_value_interval(test, cut, VALUES, n_boot=n_boot)
go_model = band[0] > MODEL_RUN_COST_EUR_PER_MONTH          # a running cost is committed on the low end
picked = model_flags(orders, cut) if go_model else heuristic_flags(orders)
mvp = {"approach": "model" if go_model else "heuristic", "threshold": cut, "extra_per_month_eur": lift,
       "interval_per_month_eur": band, "decided_on": "lower_bound",
       "value_per_order": value_per_order(picked, orders["missed"], VALUES),
       "monthly_value_eur": value_per_order(picked, orders["missed"], VALUES) * ORDERS_PER_MONTH,
       "flagged_share": picked.mean()}
""",
    "q4_answer": """\
metric_tree = {TREE_ROOT: ["cost_per_redelivery_eur", "orders_per_week", "missed_delivery_rate"],
               "missed_delivery_rate": ["slot_change_rate", "flagged_share", "reminder_open_rate"]}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "slot_change_rate", "reminder_open_rate"],
             "guardrail": okr["guardrail"]["metric"]}
""",
    "q5_answer": """\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    p_bar = (p1 + p2) / 2
    a = norm.ppf(1 - alpha / 2) * np.sqrt(2 * p_bar * (1 - p_bar))
    b = norm.ppf(power) * np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return int(np.ceil(((a + b) / (p1 - p2)) ** 2))


def ship_weeks(weekly_counts, remaining, confidence=0.85, n_runs=10_000, seed=0):
    rng = np.random.default_rng(seed)
    counts = np.asarray(weekly_counts)
    finish = np.empty(n_runs, dtype=int)
    for i in range(n_runs):
        total, week = 0, 0
        while total < remaining:
            total += counts[rng.integers(len(counts))]
            week += 1
        finish[i] = week
    return int(min(k for k in np.unique(finish) if (finish <= k).mean() >= confidence))


mine = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, mvp["threshold"])
base = orders.loc[mine, "missed"].mean()
mde = 0.08                                   # above break-even, and the test stays short
n = sample_size_per_arm(base, base - mde, alpha, power)
weeks = max(MIN_TEST_WEEKS, math.ceil(2 * n / (mine.mean() * TEST_ORDERS_PER_WEEK)))
experiment = {"primary_metric": "missed_delivery_rate", "unit": "customer", "baseline": base,
              "break_even": SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR, "mde": mde, "mde_reason": None, "per_arm": n,
              "weeks": weeks, "ends": (pd.Timestamp(TEST_START) + pd.DateOffset(weeks=weeks)).strftime("%Y-%m-%d")}
_done = pd.to_datetime(board_events.query("status == 'Done'")["entered_at"])
_week_of = _done.dt.to_period("W-SUN").dt.start_time
_per_week = _week_of.value_counts().reindex(pd.date_range(BOARD_START, BOARD_END, freq="W-MON", inclusive="left"),
                                            fill_value=0)
_p85 = ship_weeks(_per_week.to_numpy(), MVP_TICKETS)
delivery = {"p85_weeks": _p85,
            "ships_by": (pd.Timestamp(BUILD_START) + pd.Timedelta(weeks=_p85 - 1, days=4)).date().isoformat()}
""",
    "q6_answer": """\
def selection_rates(flags, groups):
    table = pd.DataFrame({"flag": list(map(bool, flags)), "group": list(groups)})
    return table.groupby("group")["flag"].mean()


def parity_ratio(rates):
    return float(min(rates) / max(rates))


def lookback_flags(frame, flags):
    old = pd.Series(list(flags), index=frame.index).astype(bool)
    return old | (frame["plan"].eq("fortnightly") & (frame["prior_missed_24w"] > 0))


mine = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, mvp["threshold"])
_seen = orders["age_band"].notna()
_rates = selection_rates(mine[_seen], orders.loc[_seen, "age_band"])
_ratio = parity_ratio(_rates)
responsible_ai = {"group": "age_band", "n_orders": int(_seen.sum()), "ratio": _ratio,
                  "passes_four_fifths": _ratio >= 0.8, "lowest_group": _rates.idxmin(),
                  "mitigation": "lookback_by_deliveries",
                  "value_change_per_month_eur": ORDERS_PER_MONTH * (
                      value_per_order(lookback_flags(orders, mine), orders["missed"], VALUES)
                      - value_per_order(mine, orders["missed"], VALUES))}
""",
    "q7_answer": """\
def late_days_allowed(slo, days=90):
    return round((1 - slo) * days, 6)


production = dict(psi_moderate=0.10, psi_significant=0.25,
                  psi_actions=dict(moderate="ticket_and_backtest", significant="retrain_on_labelled_weeks"),
                  slo=SLO, late_days_per_quarter=late_days_allowed(SLO, days=SLO_DAYS),
                  monitor=[okr["guardrail"]["metric"], experiment["primary_metric"], "flagged_share", "model_auc"])
""",
    "q8_answer": """\
def brief_problems(brief):
    o, e, m = brief["okr"], brief["experiment"], brief["mvp"]
    by_metric = {kr["metric"]: kr for kr in o["key_results"]}
    found = []
    if e["primary_metric"] not in by_metric:
        found.append("primary_not_key_result")
    if e["per_arm"] != sample_size_per_arm(e["baseline"], e["baseline"] - e["mde"]):
        found.append("sample_size_mismatch")
    if brief["dashboard"]["guardrail"] != o["guardrail"]["metric"]:
        found.append("guardrail_mismatch")
    if e["mde"] < SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR and not e["mde_reason"]:
        found.append("mde_below_break_even")
    kr = by_metric.get("missed_delivery_rate")
    if kr is not None and kr["target"] < kr["baseline"] - m["flagged_share"] * e["baseline"] * SAVE_RATE - 0.0005:
        found.append("target_unreachable")
    if e["primary_metric"] in by_metric:
        window = pd.Timestamp(by_metric[e["primary_metric"]]["deadline"]) - pd.Timedelta(days=KR_WINDOW_DAYS)
        if pd.Timestamp(TEST_START) + pd.Timedelta(weeks=e["weeks"] + ROLLOUT_WEEKS) > window:
            found.append("test_ends_too_late")
    if o["guardrail"]["metric"] not in GUARDRAIL_BASELINES:
        found.append("guardrail_unmeasurable")
    if e["unit"] != "customer":
        found.append("randomised_by_order")
    if not pd.Timestamp(brief["delivery"]["ships_by"]) < pd.Timestamp(TEST_START):
        found.append("ships_after_test_start")
    return found


def _grid(power, interest):
    return {(True, True): "manage closely", (True, False): "keep satisfied", (False, True): "keep informed",
            (False, False): "monitor"}[(power >= 6, interest >= 6)]


product_brief = {name: globals()[name] for name in ("users", "okr", "mvp", "metric_tree", "dashboard", "experiment",
                                                     "delivery", "responsible_ai", "production")}
product_brief["explanation"] = {"customers": "reason_codes", "dispatch_team": "reason_codes",
                                "finance": "expected_value"}
product_brief["stakeholders"] = {role: _grid(*grid) for role, grid in STAKEHOLDER_GRID.items()}
""",
}

# ---------------------------------------------------------------------------------------------
# E: other typical mistakes: a score that sums instead of averaging, a guardrail nobody measures, the model
# kept against the learner's own basis, an input as headline, weeks for one arm, the screen's sample
# miscounted, the guardrail left out of monitoring, a ship date exactly on the test's start let through.
# ---------------------------------------------------------------------------------------------
_TYPICAL_B = {
    "q1_answer": """\
def opportunity_scores(notes):
    g = notes.groupby("pain_point")
    reach = g["interview_id"].nunique() / notes["interview_id"].nunique()
    return (reach * g["times_per_month"].sum() * g["severity"].mean()).sort_values(ascending=False)


s = opportunity_scores(interviews)
top = s.index[0]
users = {"pain_point": top, "opportunity": float(s.iloc[0]),
         "reach": interviews.loc[interviews["pain_point"] == top, "interview_id"].nunique()
         / interviews["interview_id"].nunique(),
         "most_affected": {"by": "slot", "group": orders.groupby("slot")["missed"].mean().idxmax()},
         "weekly_cost_eur": ORDERS_PER_WEEK * orders["missed"].mean() * COST_PER_REDELIVERY_EUR}
""",
    "q2_answer": """\
rate = orders["missed"].mean()
f = orders["prior_missed_12w"] >= 1
floor = rate - f.mean() * orders.loc[f, "missed"].mean() * SAVE_RATE
okr = {
    "objective": "Customers get their box the first time",
    "key_results": [
        {"metric": "missed_delivery_rate", "baseline": round(rate, 3), "target": round(floor, 3) + 0.001,
         "deadline": "2027-06-30"},
        {"metric": "net_delivery_cost_per_week_eur", "baseline": round(ORDERS_PER_WEEK * rate * 14),
         "target": round(ORDERS_PER_WEEK * (floor * 14 + f.mean())) + 500, "deadline": "2027-06-30"},
    ],
    "guardrail": {"metric": "reminder_annoyance", "baseline": 0.0, "limit": 0.05},
}
""",
    # the basis says the low end, but the model is kept because its point estimate pays
    "q3_answer": _OTHER["q3_answer"].replace('"decided_on": "point_estimate"', '"decided_on": "lower_bound"'),
    "q4_answer": """\
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "flagged_share", "inputs": ["reminder_open_rate", "slot_change_rate"],
             "guardrail": okr["guardrail"]["metric"]}
""",
    # the weeks count one arm's boxes only
    "q5_answer": """\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb = norm.ppf(1 - alpha / 2), norm.ppf(power)
    pbar = (p1 + p2) / 2
    return math.ceil((za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
                     / (p1 - p2) ** 2)


def ship_weeks(weekly_counts, remaining, confidence=0.85, n_runs=10_000, seed=0):
    rng = np.random.default_rng(seed)
    draws = rng.choice(np.asarray(weekly_counts, dtype=float), size=(n_runs, 60)).cumsum(axis=1)
    runs = (draws >= remaining).argmax(axis=1) + 1
    return int(np.quantile(runs, confidence, method="inverted_cdf"))


fl = model_flags(orders, mvp["threshold"]) if mvp["approach"] == "model" else heuristic_flags(orders)
b = orders.loc[fl, "missed"].mean()
n = sample_size_per_arm(b, b - 1 / 14, alpha, power)
w = max(MIN_TEST_WEEKS, math.ceil(n / (fl.mean() * TEST_ORDERS_PER_WEEK)))
experiment = {"primary_metric": "missed_delivery_rate", "unit": "customer", "baseline": b, "break_even": 1 / 14,
              "mde": 1 / 14, "mde_reason": None, "per_arm": n, "weeks": w,
              "ends": (dt.date.fromisoformat(TEST_START) + dt.timedelta(weeks=w)).isoformat()}
done = pd.to_datetime(board_events.loc[board_events["status"] == "Done", "entered_at"])
monday = done.dt.normalize() - pd.to_timedelta(done.dt.day_of_week, unit="D")
tp = monday.value_counts().reindex(pd.date_range(BOARD_START, BOARD_END, freq="W-MON", inclusive="left"),
                                   fill_value=0)
k = ship_weeks(tp, MVP_TICKETS)
delivery = {"p85_weeks": k,
            "ships_by": (dt.date.fromisoformat(BUILD_START) + dt.timedelta(weeks=k - 1, days=4)).isoformat()}
""",
    # the screen's rates right, but it reports every order as read
    "q6_answer": """\
def selection_rates(flags, groups):
    return pd.Series(np.asarray(flags, dtype=float)).groupby(np.asarray(groups)).mean()


def parity_ratio(rates):
    return rates.min() / rates.max()


def lookback_flags(frame, flags):
    return pd.Series(np.asarray(flags, dtype=bool), index=frame.index) | (
        (frame["plan"] == "fortnightly") & (frame["prior_missed_24w"] >= 1))


fl = model_flags(orders, mvp["threshold"]) if mvp["approach"] == "model" else heuristic_flags(orders)
known = orders["age_band"].notna()
r = selection_rates(fl[known], orders.loc[known, "age_band"])
responsible_ai = {"group": "age_band", "n_orders": len(orders), "ratio": parity_ratio(r),
                  "passes_four_fifths": bool(parity_ratio(r) >= 0.8), "lowest_group": r.idxmin(),
                  "mitigation": "lookback_by_deliveries",
                  "value_change_per_month_eur": (value_per_order(lookback_flags(orders, fl), orders["missed"], VALUES)
                                                 - value_per_order(fl, orders["missed"], VALUES)) * ORDERS_PER_MONTH}
""",
    # the guardrail left out of what production watches
    "q7_answer": """\
def late_days_allowed(slo, days=90):
    return (1 - slo) * days


production = {"psi_moderate": 0.1, "psi_significant": 0.25,
              "psi_actions": {"moderate": "ticket_and_backtest", "significant": "retrain_on_labelled_weeks"},
              "slo": SLO, "late_days_per_quarter": late_days_allowed(SLO, SLO_DAYS),
              "monitor": [experiment["primary_metric"], "flagged_share"]}
""",
    # a ship date on the test's first day let through
    "q8_answer": _OTHER["q8_answer"].replace(
        'pd.Timestamp(brief["delivery"]["ships_by"]) >= pd.Timestamp(TEST_START)',
        'pd.Timestamp(brief["delivery"]["ships_by"]) > pd.Timestamp(TEST_START)'),
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
ATTEMPTS["third-style-other-calls"] = {
    "answers": _THIRD,
    "fair": {"q1_test": 4, "q2_test": 4, "q3_test": 5, "q4_test": 3, "q5_test": 5, "q6_test": 4, "q7_test": 3,
             "q8_test": 4},
    "why": {},
}
ATTEMPTS["typical-mistakes-b"] = {
    "answers": _TYPICAL_B,
    "fair": {"q1_test": 2.5, "q2_test": 3, "q3_test": 4.5, "q4_test": 2.5, "q5_test": 4.7, "q6_test": 3.75,
             "q7_test": 2.5, "q8_test": 3.7},
    "why": {
        "q1_test": "the score adds the times per month instead of averaging them (a wrong rule in the right shape); "
                   "the pick follows from it, and who is hit hardest and the weekly cost are right",
        "q2_test": "a reachable target and a net cost key result, but a guardrail nobody measures today",
        "q3_test": "the functions and the out-of-sample method right; the basis is the interval's low end, which "
                   "does not cover the run cost, yet the model is kept",
        "q4_test": "the tree right; the dashboard's headline is an input, not a key result the team promised",
        "q5_test": "everything right but the weeks, which give one arm its boxes, not both",
        "q6_test": "the screen right on the survey-linked orders but reported as read on every order",
        "q7_test": "the bands, actions and late days right; the OKR's guardrail is not monitored",
        "q8_test": "every rule right but one edge: an MVP that ships on the test's first day is let through",
    },
}
