"""Known-wrong answers and fairly graded answers for 11-capstone.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).

MESSAGES: mistake name -> a part of the message the learner reads for it.
"""

from attempts.m11_capstone import ATTEMPTS

ASSIGNMENT = "11-capstone"
OTHER = ATTEMPTS["another-style"]["answers"]  # the realistic attempts of tests/attempts/, correct in another style

# The solution's answers to questions 5 to 8, as the mistakes below start from them (_Q5_SHIP: question 5's
# ship-date part).
_Q5 = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_beta, p_bar = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    top = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top**2 / (p2 - p1) ** 2)


flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, mvp["threshold"])
baseline = float(orders.loc[flags, "missed"].mean())
break_even = SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR
mde = break_even          # detect the smallest drop that pays; smaller drops would not change the decision
per_arm = sample_size_per_arm(baseline, baseline - mde, alpha, power)
weeks = max(MIN_TEST_WEEKS, math.ceil(2 * per_arm / (flags.mean() * TEST_ORDERS_PER_WEEK)))
experiment = {
    "primary_metric": "missed_delivery_rate",
    "unit": "customer",
    "baseline": baseline,
    "break_even": break_even,
    "mde": mde,
    "mde_reason": None,
    "per_arm": per_arm,
    "weeks": weeks,
    "ends": (dt.date.fromisoformat(TEST_START) + dt.timedelta(weeks=weeks)).isoformat(),
}
experiment
"""
_Q5_SHIP = """
def ship_weeks(weekly_counts, remaining, confidence=0.85, n_runs=10_000, seed=0):
    counts = np.asarray(weekly_counts, dtype=float)
    horizon = 3 * (int(np.ceil(remaining / counts[counts > 0].min())) + 1)
    done = np.random.default_rng(seed).choice(counts, size=(n_runs, horizon)).cumsum(axis=1)
    runs = (done >= remaining).argmax(axis=1) + 1
    return int(np.quantile(runs, confidence, method="inverted_cdf"))


finished = pd.to_datetime(board_events.loc[board_events["status"] == "Done", "entered_at"])
mondays = finished.dt.normalize() - pd.to_timedelta(finished.dt.day_of_week, unit="D")
throughput = mondays.value_counts().reindex(
    pd.date_range(BOARD_START, BOARD_END, freq="W-MON", inclusive="left"), fill_value=0)
p85_weeks = ship_weeks(throughput, MVP_TICKETS)
delivery = {
    "p85_weeks": p85_weeks,
    "ships_by": (dt.date.fromisoformat(BUILD_START) + dt.timedelta(weeks=p85_weeks - 1, days=4)).isoformat(),
}
"""
_Q6 = """
def selection_rates(flags, groups):
    return pd.Series(np.asarray(flags, dtype=float)).groupby(np.asarray(groups)).mean()


def parity_ratio(rates):
    return float(rates.min() / rates.max())


def lookback_flags(frame, flags):
    fortnightly_missed = (frame["plan"] == "fortnightly") & (frame["prior_missed_24w"] >= 1)
    return pd.Series(np.asarray(flags, dtype=bool), index=frame.index) | fortnightly_missed


mvp_flags = heuristic_flags(orders) if mvp["approach"] == "heuristic" else model_flags(orders, mvp["threshold"])
surveyed = orders[orders["age_band"].notna()]
rates = selection_rates(mvp_flags[surveyed.index], surveyed["age_band"])
# The cause: within each plan the bands are flagged alike; fortnightly customers (most of those aged 55+) have half
# the deliveries in 12 weeks to have missed one, and miss as often per delivery.
responsible_ai = {
    "group": "age_band",
    "n_orders": len(surveyed),
    "ratio": parity_ratio(rates),
    "passes_four_fifths": parity_ratio(rates) >= 0.8,
    "lowest_group": rates.idxmin(),
    # the look-back fixes the cause for every order, with no age data and no model; the top-up would need every
    # customer's age at decision time, which Larder does not hold
    "mitigation": "lookback_by_deliveries",
    "value_change_per_month_eur": (value_per_order(lookback_flags(orders, mvp_flags), orders["missed"], VALUES)
                                   - value_per_order(mvp_flags, orders["missed"], VALUES)) * ORDERS_PER_MONTH,
}
responsible_ai
"""
_Q7 = """
def late_days_allowed(slo, days=90):
    return (1 - slo) * days


production = {
    "psi_moderate": 0.1,
    "psi_significant": 0.25,
    "psi_actions": {"moderate": "ticket_and_backtest", "significant": "retrain_on_labelled_weeks"},
    "slo": SLO,
    "late_days_per_quarter": late_days_allowed(SLO, SLO_DAYS),
    "monitor": [experiment["primary_metric"], okr["guardrail"]["metric"], "flagged_share"],
}
production
"""
_Q8 = """
def brief_problems(brief):
    problems = []
    okr_, experiment_, mvp_ = brief["okr"], brief["experiment"], brief["mvp"]
    results = {kr["metric"]: kr for kr in okr_["key_results"]}
    if experiment_["primary_metric"] not in results:
        problems.append("primary_not_key_result")
    base = experiment_["baseline"]
    if experiment_["per_arm"] != sample_size_per_arm(base, base - experiment_["mde"]):
        problems.append("sample_size_mismatch")
    if brief["dashboard"]["guardrail"] != okr_["guardrail"]["metric"]:
        problems.append("guardrail_mismatch")
    if experiment_["mde"] < SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR and not experiment_["mde_reason"]:
        problems.append("mde_below_break_even")
    missed = results.get("missed_delivery_rate")
    if missed and missed["target"] < missed["baseline"] - mvp_["flagged_share"] * base * SAVE_RATE - 0.0005:
        problems.append("target_unreachable")
    primary = results.get(experiment_["primary_metric"])
    if primary:
        live = dt.date.fromisoformat(TEST_START) + dt.timedelta(weeks=experiment_["weeks"] + ROLLOUT_WEEKS)
        if live > dt.date.fromisoformat(primary["deadline"]) - dt.timedelta(days=KR_WINDOW_DAYS):
            problems.append("test_ends_too_late")
    if okr_["guardrail"]["metric"] not in GUARDRAIL_BASELINES:
        problems.append("guardrail_unmeasurable")
    if experiment_["unit"] != "customer":
        problems.append("randomised_by_order")
    if dt.date.fromisoformat(brief["delivery"]["ships_by"]) >= dt.date.fromisoformat(TEST_START):
        problems.append("ships_after_test_start")
    return problems


def engagement(power, interest):
    high_power, high_interest = power >= 6, interest >= 6
    if high_power:
        return "manage closely" if high_interest else "keep satisfied"
    return "keep informed" if high_interest else "monitor"


product_brief = {
    "users": users,
    "okr": okr,
    "mvp": mvp,
    "metric_tree": metric_tree,
    "dashboard": dashboard,
    "experiment": experiment,
    "delivery": delivery,
    "explanation": {"customers": "reason_codes", "dispatch_team": "natural_frequencies", "finance": "expected_value"},
    "stakeholders": {role: engagement(*grid) for role, grid in STAKEHOLDER_GRID.items()},
    "responsible_ai": responsible_ai,
    "production": production,
}
brief_problems(product_brief)
"""


def _swap(code: str, old: str, new: str) -> str:
    """``code`` with ``old`` replaced by ``new`` (``old`` must be there: a fixture that stops matching fails)."""
    assert old in code, old
    return code.replace(old, new)


_Q6_VALUE_CHANGE = ('"value_change_per_month_eur": (value_per_order(lookback_flags(orders, mvp_flags), '
                    'orders["missed"], VALUES)\n                                   - value_per_order(mvp_flags, '
                    'orders["missed"], VALUES)) * ORDERS_PER_MONTH,')
_OTHER_GUARDRAIL = ('guardrail=dict(metric="eight_week_retention", '
                    'baseline=GUARDRAIL_BASELINES["eight_week_retention"], limit=0.9)')

WRONG_ANSWERS = {
    # ---- question 1: framing ----
    "q1: reach as a share of rows, not of interviewees": ("q1_answer", _swap(
        OTHER["q1_answer"], 'table["reach"] = people.groupby("pain_point").size() / notes["interview_id"].nunique()',
        'table["reach"] = notes.groupby("pain_point").size() / len(notes)'), "visible"),
    "q1: the weekly cost of the sample, not of Larder's week": ("q1_answer", _swap(
        OTHER["q1_answer"], 'round(ORDERS_PER_WEEK * orders["missed"].mean() * COST_PER_REDELIVERY_EUR)',
        'orders["missed"].sum() / 8 * COST_PER_REDELIVERY_EUR'), "hidden"),
    "q1: who is hit hardest typed in, not read from the orders": ("q1_answer", _swap(
        OTHER["q1_answer"], '{"by": "age_band", "group": by_age.idxmax()}', '{"by": "area", "group": "rural"}'),
        "hidden"),
    # ---- question 2: the OKR ----
    "q2: baseline in percent": ("q2_answer", _swap(
        OTHER["q2_answer"], "baseline=_rate, target=0.081",
        "baseline=round(100 * orders['missed'].mean(), 2), target=8.1"), "visible"),
    "q2: the cost key result leaves out the credits": ("q2_answer", _swap(
        OTHER["q2_answer"], 'metric="net_delivery_cost_per_week_eur"', 'metric="redelivery_cost_per_week_eur"'),
        "visible"),
    "q2: a target the MVP cannot reach": ("q2_answer", _swap(OTHER["q2_answer"], "target=0.081", "target=0.06"),
                                          "hidden"),
    "q2: a guardrail nothing measures": ("q2_answer", _swap(
        OTHER["q2_answer"], _OTHER_GUARDRAIL, 'guardrail=dict(metric="reminder_annoyance", baseline=0, limit=1)'),
        "hidden"),
    # ---- question 3: the MVP ----
    "q3: value counts only the saved deliveries": ("q3_answer", _swap(
        OTHER["q3_answer"], 'return counts @ np.array([values[k] for k in ("tp", "fp", "fn", "tn")]) / f.size',
        'return counts[0] * values["tp"] / f.size'), "visible"),
    "q3: threshold chosen and judged on the same eight weeks": ("q3_answer", _swap(
        OTHER["q3_answer"], "t = best_threshold(first, VALUES)", "t = best_threshold(orders, VALUES)"), "hidden"),
    "q3: bootstrap without replacement": ("q3_answer", _swap(
        OTHER["q3_answer"], "sample = frame.iloc[rng.integers(0, len(frame), len(frame))]",
        "sample = frame.iloc[rng.permutation(len(frame))]"), "hidden"),
    "q3: the lower bound claimed, the point estimate used": ("q3_answer", _swap(
        OTHER["q3_answer"], '"decided_on": "point_estimate"', '"decided_on": "lower_bound"'), "hidden"),
    "q3: the interval bootstrapped on all eight weeks": ("q3_answer", _swap(
        OTHER["q3_answer"], "extra_value_interval(last, t, VALUES, n_boot)",
        "extra_value_interval(orders, t, VALUES, n_boot)"), "hidden"),
    # ---- question 4: the tree and the dashboard ----
    "q4: reminder inputs hung under the root": ("q4_answer", """
metric_tree = {"redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur",
                                                "flagged_share", "reminder_open_rate", "slot_change_rate"]}
dashboard = {"headline": "missed_delivery_rate", "inputs": ["flagged_share", "slot_change_rate"],
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
    "q4: an output as the dashboard's headline": ("q4_answer", """
metric_tree = {
    "redelivery_cost_per_week_eur": ["orders_per_week", "missed_delivery_rate", "cost_per_redelivery_eur"],
    "missed_delivery_rate": ["flagged_share", "reminder_open_rate", "slot_change_rate"],
}
dashboard = {"headline": "reminders_sent", "inputs": ["flagged_share", "slot_change_rate"],
             "guardrail": okr["guardrail"]["metric"]}
""", "hidden"),
    # ---- question 5: the experiment ----
    "q5: orders randomised, not customers": ("q5_answer", _swap(_Q5, '"unit": "customer"', '"unit": "order"'),
                                             "hidden"),
    "q5: the baseline over all orders, not the flagged ones": ("q5_answer", _swap(
        _Q5, 'baseline = float(orders.loc[flags, "missed"].mean())', 'baseline = float(orders["missed"].mean())'),
        "hidden"),
    "q5: an MDE below break-even with no reason": ("q5_answer", _swap(_Q5, "mde = break_even ", "mde = 0.03 "),
                                                   "hidden"),
    "q5: break-even typed as a round 3 points": ("q5_answer", _swap(
        _Q5, "break_even = SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR", "break_even = 0.03"), "hidden"),
    "q5: rounds to the nearest whole number": ("q5_answer", _swap(
        _Q5, "return math.ceil(top**2", "return round(top**2"), "hidden"),
    "q5: weeks ignore the two-week minimum": ("q5_answer", _swap(
        _Q5, "weeks = max(MIN_TEST_WEEKS, math.ceil(", "weeks = max(1, math.ceil("), "hidden"),
    "q5: a test that ends after the key result is read": ("q5_answer", _swap(_swap(
        _Q5, "mde = break_even ", "mde = 0.02 "), '"mde_reason": None',
        '"mde_reason": "we want to see even a small effect of the reminder"'), "hidden"),
    # ---- question 6: responsible AI ----
    "q5: the ship date at the average throughput": ("q5_answer", _Q5 + _swap(
        _Q5_SHIP, "    counts = np.asarray(weekly_counts, dtype=float)\n",
        "    return math.ceil(remaining / np.mean(weekly_counts))\n"), "hidden"),
    "q5: the ship date from the median run": ("q5_answer", _Q5 + _swap(
        _Q5_SHIP, "ship_weeks(throughput, MVP_TICKETS)", "ship_weeks(throughput, MVP_TICKETS, confidence=0.5)"),
        "hidden"),
    "q6: ratio upside down": ("q6_answer", _swap(_Q6, "return float(rates.min() / rates.max())",
                                                 "return float(rates.max() / rates.min())"), "visible"),
    "q6: no mitigation for a failed screen": ("q6_answer", _swap(_swap(
        _Q6, '"mitigation": "lookback_by_deliveries"', '"mitigation": "none"'), _Q6_VALUE_CHANGE,
        '"value_change_per_month_eur": 0,'), "hidden"),
    "q6: a mitigation that needs every customer's age": ("q6_answer", _swap(
        _Q6, '"mitigation": "lookback_by_deliveries"', '"mitigation": "top_up_low_bands"'), "hidden"),
    "q6: the look-back replaces the flags instead of adding to them": ("q6_answer", _swap(
        _Q6, 'return pd.Series(np.asarray(flags, dtype=bool), index=frame.index) | fortnightly_missed',
        "return fortnightly_missed"), "hidden"),
    "q6: the screen counts the orders of unknown age": ("q6_answer", _swap(
        _Q6, '"n_orders": len(surveyed),', '"n_orders": len(orders),'), "hidden"),
    "q6: the look-back's cost per order, not per month": ("q6_answer", _swap(
        _Q6, _Q6_VALUE_CHANGE, _Q6_VALUE_CHANGE.replace(" * ORDERS_PER_MONTH", "")), "hidden"),
    # ---- question 7: production ----
    "q7: late days counted in minutes": ("q7_answer", _swap(_Q7, "return (1 - slo) * days",
                                                            "return (1 - slo) * days * 24 * 60"), "visible"),
    "q7: a significant drift rolls the release back": ("q7_answer", _swap(
        _Q7, '"significant": "retrain_on_labelled_weeks"', '"significant": "roll_back_release"'), "hidden"),
    "q7: production does not watch the guardrail": ("q7_answer", _swap(_Q7, 'okr["guardrail"]["metric"], ', ""),
                                                    "hidden"),
    # ---- question 8: the whole brief ----
    "q8: the reachable-target rule left out": ("q8_answer", _swap(
        _Q8, '        problems.append("target_unreachable")', "        pass"), "hidden"),
    "q8: the ship-date rule left out": ("q8_answer", _swap(
        _Q8, '        problems.append("ships_after_test_start")', "        pass"), "hidden"),
    "q8: the test date checked against the deadline, not the reading window": ("q8_answer", _swap(
        _Q8, 'dt.date.fromisoformat(primary["deadline"]) - dt.timedelta(days=KR_WINDOW_DAYS)',
        'dt.date.fromisoformat(primary["deadline"])'), "hidden"),
    "q8: an MDE exactly at break-even read as below": ("q8_answer", _swap(
        _Q8, 'experiment_["mde"] < SLOT_CREDIT_EUR / COST_PER_REDELIVERY_EUR', 'experiment_["mde"] <= 0.0715'),
        "hidden"),
    "q8: high read as above 6 on the grid": ("q8_answer", _swap(
        _Q8, "high_power, high_interest = power >= 6, interest >= 6",
        "high_power, high_interest = power > 6, interest > 6"), "hidden"),
    "q8: customers shown permutation importance": ("q8_answer", _swap(
        _Q8, '"customers": "reason_codes"', '"customers": "permutation_importance"'), "hidden"),
    "q8: dispatch shown partial dependence": ("q8_answer", _swap(
        _Q8, '"dispatch_team": "natural_frequencies"', '"dispatch_team": "partial_dependence"'), "hidden"),
}

FAIR_SCORES = {
    # ---- correct answers in another style (and with the other defensible calls): full points ----
    **{f"{cell[:2]}: the another-style attempt's answer": (cell, code, points) for (cell, code), points in zip(
        OTHER.items(), (4, 4, 5, 3, 5, 4, 3, 4), strict=True)},
    "q6: the screen as a numpy bool": ("q6_answer", _swap(
        _Q6, '"passes_four_fifths": parity_ratio(rates) >= 0.8',
        '"passes_four_fifths": np.bool_(parity_ratio(rates) >= 0.8)'), 4),
    "q5: an MDE below break-even, with a reason and in time": ("q5_answer", _swap(_swap(
        _Q5, "mde = break_even ", "mde = 0.04 "), '"mde_reason": None',
        '"mde_reason": "finance wants to learn whether a reminder without a credit could work"'), 5),
    "q5: the 85 % weeks read with numpy's 'higher' percentile": ("q5_answer", _Q5 + _swap(
        _Q5_SHIP, 'int(np.quantile(runs, confidence, method="inverted_cdf"))',
        'int(np.percentile(runs, 100 * confidence, method="higher"))'), 5),
    # ---- an earlier call or mistake, then right work: one mistake costs points once ----
    "q5: after the model on the point estimate, the experiment follows it": ("q5_answer", OTHER["q3_answer"] + _Q5, 5),
    "q6: after the model on the point estimate, the look-back adds to the model's flags": (
        "q6_answer", OTHER["q3_answer"] + _Q6, 4),
    "q6: the screen on every order, the unknown ages left out by groupby": ("q6_answer", _swap(
        _Q6, 'rates = selection_rates(mvp_flags[surveyed.index], surveyed["age_band"])',
        'rates = selection_rates(mvp_flags, orders["age_band"])'), 4),
    # ---- one part of a question wrong: the rest of it keeps its points ----
    "q6: the right fix, its cost per order instead of per month": ("q6_answer", _swap(
        _Q6, _Q6_VALUE_CHANGE, _Q6_VALUE_CHANGE.replace(" * ORDERS_PER_MONTH", "")), 3.47),
    "q8: one audience of three given a method that does not answer it": ("q8_answer", _swap(
        _Q8, '"finance": "expected_value"', '"finance": "permutation_importance"'), 3.84),
    "q7: after an OKR with retention as the guardrail, production watches it": (
        "q7_answer", OTHER["q2_answer"] + _Q7, 3),
    "q8: after a sample size that rounds to the nearest, the rules still score in full": ("q8_answer", _swap(
        _Q5, "return math.ceil(top**2", "return round(top**2") + _Q8, 4),
}

MESSAGES = {
    "q1: reach as a share of rows, not of interviewees": "share of interviewees (not of rows)",
    "q1: the weekly cost of the sample, not of Larder's week": "Orders a week x the missed rate",
    "q1: who is hit hardest typed in, not read from the orders": "missed most often",
    "q2: baseline in percent": "fraction, not in percent",
    "q2: the cost key result leaves out the credits": "not the slot-change credits",
    "q2: a target the MVP cannot reach": "below the rate the MVP can bring",
    "q2: a guardrail nothing measures": "Larder can measure today",
    "q3: value counts only the saved deliveries": "weigh each by its value",
    "q3: threshold chosen and judged on the same eight weeks": "on weeks 1-4 only",
    "q3: bootstrap without replacement": "resample the orders with replacement",
    "q3: the lower bound claimed, the point estimate used": "does not follow from your basis",
    "q3: the interval bootstrapped on all eight weeks": "bootstrap the weeks that judge",
    "q4: reminder inputs hung under the root": "is not an input metric a team can move directly",
    "q4: dashboard guardrail is not the OKR's": "your OKR's guardrail metric",
    "q4: an output as the dashboard's headline": "one of your OKR's key-result metrics",
    "q5: orders randomised, not customers": "keep each customer in one arm",
    "q5: the baseline over all orders, not the flagged ones": "not among all orders",
    "q5: an MDE below break-even with no reason": "below break-even",
    "q5: break-even typed as a round 3 points": "credit per flagged order over the cost",
    "q5: rounds to the nearest whole number": "round up (math.ceil)",
    "q5: weeks ignore the two-week minimum": "at least `MIN_TEST_WEEKS`",
    "q5: a test that ends after the key result is read": "Your test ends too late",
    "q5: the ship date at the average throughput": "misses about half the time",
    "q5: the ship date from the median run": "misses about half the time",
    "q6: ratio upside down": "The lowest rate divided by the highest",
    "q6: no mitigation for a failed screen": "choose a mitigation",
    "q6: a mitigation that needs every customer's age": "needs every customer's age",
    "q6: the look-back replaces the flags instead of adding to them": "keep every order your flags flag",
    "q6: the screen counts the orders of unknown age": "whose age band is known",
    "q6: the look-back's cost per order, not per month": "The value per month the mitigation adds",
    "q7: late days counted in minutes": "(1 - target) times the days",
    "q7: a significant drift rolls the release back": "should not roll back or page",
    "q7: production does not watch the guardrail": "include your experiment's primary metric and your OKR's guardrail",
    "q8: the reachable-target rule left out": "'target_unreachable'",
    "q8: the ship-date rule left out": "'ships_after_test_start'",
    "q8: the test date checked against the deadline, not the reading window": "'test_ends_too_late'",
    "q8: an MDE exactly at break-even read as below": "exactly on the rule's edge",
    "q8: high read as above 6 on the grid": "high means 6 or more",
    "q8: customers shown permutation importance": "why did I get this reminder",
    "q8: dispatch shown partial dependence": "how often is a flag right",
}
