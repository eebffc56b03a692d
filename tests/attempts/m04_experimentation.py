"""Module 04 (experimentation): learner attempts and the points a fair teacher gives them.

RUBRIC (from the prompts, and from what each mistake breaks for the ship decision). The same
mistake costs the same points in every attempt here and in the blind ones.

q1 (2) sample size: 1 for the pinned formula on any rates, 1 for rounding up to an int and using
   alpha/power. A wrong variance term costs 1; rounding to the nearest (not up) 0.5; one-sided z 1.
q2 (3) brief: hypothesis with a direction, metrics, MDE as a fraction, duration; 0.25-0.75 each.
q3 (2) SRM: statistic, df and the pinned threshold; wrong df 1, the wrong threshold 0.5.
q4 (3) proportions: 1 each for the rates and lift, the interval, the p-value. A convention that
   moves a number by a few percent (pooled SE in the interval, unpooled SE in the p-value) costs
   half of that output's point: the ship decision rarely changes. A slip that changes the error
   rate (a one-sided p-value, z at 1 - alpha in the interval) costs the whole point: it doubles the
   false positives, or sells a 90 % interval as a 95 % one. The blind grader charged the pooled-SE
   interval the whole point; we keep half and say why in the report.
q5 (2) means: 1 for the difference, 1 for its interval. The sign flipped costs 1 (the guardrail's
   low end turns into its high end); any wrong standard error (standard deviations added, or the
   SD, not the variance, divided by n) costs the interval's 1, as in the blind attempts.
q6 (2) ship rule: the rule in its pinned order is the core. Checking a step too early changes the
   decision for a whole class of tests: 0.75 for one step out of order, 1 for more. A boundary read
   as strict 0.25. One summary entry a little off (half the total for the smaller arm) that leaves
   Larder's decision unchanged 0.25.
q7 (2) CUPED: theta = cov/var is the core (1); centring x (0.5) and the variance reduction (0.5).
   Not centring keeps the lift between arms (the constant cancels) and only shifts the metric's
   level: 0.5 (the blind grader charged 1; we keep 0.5 and say why). Mixing ddof=1 and ddof=0 in
   theta is a detail that vanishes with the sample size: 0.5. theta as a correlation: 1.
q8 (2) Simpson: lifts 1, verdict 0.5, reason 0.5.
q9 (2) peeking: the point is that ANY daily look counts. Counting the last look only is an
   ordinary test and misses the point: 0.5 (the blind attempts' reading; ours was 1, revised).
   Ignoring the alpha argument: 0.5.
"""

ASSIGNMENT = "04-experimentation"
# Questions whose prompt changed after the fair-grading change, so that an attempt at today's prompt
# cannot be read against the old one (the benchmark leaves them out of "before").
# ---------------------------------------------------------------------------------------------
# Correct answers in a plain style, shared by several attempts.
# ---------------------------------------------------------------------------------------------
_Q1 = '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf(1 - alpha / 2), norm.ppf(power)
    p_bar = (p1 + p2) / 2
    n = (z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))
         + z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    return math.ceil(n)


sample_size_per_arm(0.10, 0.12)
'''

_HYPOTHESIS = ("Offering free delivery for 4 weeks to at-risk subscribers will increase the share of them "
               "still subscribed after 8 weeks (retention).")

_Q2 = f'''\
mde = 0.03
needed = sample_size_per_arm(baseline_retention, baseline_retention + mde, alpha, power)
brief = {{
    "hypothesis": "{_HYPOTHESIS}",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur", "support_contacts_8w"],
    "mde": mde,
    "duration_weeks": math.ceil(2 * needed / (users_per_day * 7)),
}}
brief
'''

_SRM = '''\
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    statistic = ((observed - expected) ** 2 / expected).sum()
    return float(chi2.sf(statistic, len(observed) - 1))
'''

_SRM_USE = '''\

banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = sorted(platform for platform, rows in banner.groupby("platform")
                       if srm_p_value(rows["arm"].value_counts(), [0.5, 0.5]) < srm_threshold)
print(banner["arm"].value_counts(normalize=True).round(4), banner_srm_p, srm_platforms)
'''

_Q3 = _SRM + _SRM_USE

_PROPORTIONS_HEAD = '''\
def analyse_proportions(frame, metric, alpha=0.05):
    arms = frame.groupby("arm")[metric].agg(["mean", "size"])
    p_c, p_t = arms.loc["control", "mean"], arms.loc["treatment", "mean"]
    n_c, n_t = arms.loc["control", "size"], arms.loc["treatment", "size"]
    lift = p_t - p_c
    p_bar = (p_c * n_c + p_t * n_t) / (n_c + n_t)
    z = norm.ppf(1 - alpha / 2)
'''

_PROPORTIONS_SE = '''\
    se_unpooled = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    se_pooled = math.sqrt(p_bar * (1 - p_bar) * (1 / n_c + 1 / n_t))
'''

_PROPORTIONS_RETURN = '''\
    return {"control_rate": float(p_c), "treatment_rate": float(p_t), "lift": float(lift),
            "ci_low": float(lift - z * se_unpooled), "ci_high": float(lift + z * se_unpooled),
            "p_value": float(2 * norm.sf(abs(lift / se_pooled)))}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
'''

_Q4 = _PROPORTIONS_HEAD + _PROPORTIONS_SE + _PROPORTIONS_RETURN

_Q5 = '''\
def mean_difference(frame, metric, alpha=0.05):
    arms = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    difference = arms.loc["treatment", "mean"] - arms.loc["control", "mean"]
    se = math.sqrt((arms["var"] / arms["size"]).sum())
    z = norm.ppf(1 - alpha / 2)
    return {"difference": float(difference), "ci_low": float(difference - z * se),
            "ci_high": float(difference + z * se)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
'''

_DECISION = '''\
def ship_decision(summary):
    s = summary
    if s["srm_p"] < srm_threshold:
        return "investigate_srm"
    if s["users_per_arm"] < s["planned_per_arm"]:
        return "extend"
    if not s["primary_p"] < alpha or s["primary_lift"] <= 0:
        return "do_not_ship"
    if s["guardrail_ci_low"] <= -s["guardrail_limit"]:
        return "do_not_ship"
    if s["primary_ci_low"] >= s["break_even"]:
        return "ship"
    if s["primary_lift"] >= s["break_even"]:
        return "ship_with_holdout"
    return "do_not_ship"
'''

_SUMMARY = '''\

arm_sizes = retention["arm"].value_counts()
larder_summary = {
    "srm_p": srm_p_value(arm_sizes, [0.5, 0.5]),
    "users_per_arm": int(arm_sizes.min()),
    "planned_per_arm": sample_size_per_arm(baseline_retention, baseline_retention + brief["mde"], alpha, power),
    "primary_p": retention_result["p_value"],
    "primary_lift": retention_result["lift"],
    "primary_ci_low": retention_result["ci_low"],
    "break_even": brief["mde"],
    "guardrail_ci_low": margin_result["ci_low"],
    "guardrail_limit": margin_limit_eur,
}
larder_decision = ship_decision(larder_summary)
larder_decision
'''

_Q6 = _DECISION + _SUMMARY

_CUPED = '''\
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    theta = np.cov(y, x)[0, 1] / x.var(ddof=1)
    return y - theta * (x - x.mean())
'''

_REDUCTION = '''\

_orders = retention["orders_8w"].to_numpy(dtype=float)
orders_variance_reduction = 1 - cuped(_orders, retention["pre_period_orders"]).var() / _orders.var()
orders_variance_reduction
'''

_Q7 = _CUPED + _REDUCTION

_LIFTS = '''\
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]
'''

_POOLED = '''\

_pooled = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = _pooled["treatment"] - _pooled["control"]
'''

_PRINT8 = '''\
print(lift_by_platform(pilot, "retained_8w").round(3), round(pooled_lift, 3))
'''

_Q8 = _LIFTS + _POOLED + '''\
pilot_verdict = "offer_helps"  # it helps on every platform
pilot_reason = "arms_differ_in_platform_mix"
''' + _PRINT8

_PEEK_HEAD = '''\
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    conversions = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2)).cumsum(axis=1)
    n = users_per_day * np.arange(1, n_days + 1)
    p_c, p_t = conversions[..., 0] / n, conversions[..., 1] / n
    p_bar = (p_c + p_t) / 2
    se = np.sqrt(p_bar * (1 - p_bar) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (p_t - p_c) / se, 0.0)
    p = 2 * norm.sf(np.abs(z))
'''

_PEEK_USE = '''\

peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
peeking_rate
'''

_Q9 = _PEEK_HEAD + '''\
    return float((p < alpha).any(axis=1).mean())
''' + _PEEK_USE

FULL = {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 3, "q5_test": 2, "q6_test": 2, "q7_test": 2,
        "q8_test": 2, "q9_test": 2}

ATTEMPTS = {
    # -----------------------------------------------------------------------------------------
    "correct-other-style": {
        "answers": {
            # scipy's norm.isf, numpy square roots, np.ceil cast to int
            "q1_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    p_bar = np.mean([p1, p2])
    alpha_term = norm.isf(alpha / 2) * np.sqrt(2 * p_bar * (1 - p_bar))
    power_term = norm.isf(1 - power) * np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return int(np.ceil((alpha_term + power_term) ** 2 / (p2 - p1) ** 2))


sample_size_per_arm(0.10, 0.12)
''',
            # guardrails as a tuple, the duration computed with -(-a // b)
            "q2_answer": '''\
MDE = 0.03
per_arm = sample_size_per_arm(baseline_retention, baseline_retention + MDE, alpha=alpha, power=power)
brief = dict(
    hypothesis="If at-risk subscribers get free delivery for 4 weeks (the offer), more of them will stay "
               "subscribed after 8 weeks: retention goes up.",
    primary_metric="retained_8w",
    guardrail_metrics=("margin_eur",),
    mde=MDE,
    duration_weeks=int(-(-2 * per_arm // (7 * users_per_day))),
)
brief
''',
            # scipy.stats.chisquare does the statistic; numpy float out
            "q3_answer": '''\
from scipy.stats import chisquare


def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    return chisquare(observed, np.asarray(shares) * observed.sum()).pvalue


by_platform = pd.crosstab(banner["platform"], banner["arm"])
banner_srm_p = srm_p_value(by_platform.sum(), [0.5, 0.5])
srm_platforms = [p for p in sorted(by_platform.index) if srm_p_value(by_platform.loc[p], [0.5, 0.5]) < srm_threshold]
print(banner["arm"].value_counts(normalize=True).round(4), banner_srm_p, srm_platforms)
''',
            # boolean masks, numpy scalars left in the dict, the z-test through the chi-square identity
            "q4_answer": '''\
def analyse_proportions(frame, metric, alpha=0.05):
    c = frame.loc[frame.arm == "control", metric].to_numpy(dtype=float)
    t = frame.loc[frame.arm == "treatment", metric].to_numpy(dtype=float)
    p_c, p_t, lift = c.mean(), t.mean(), t.mean() - c.mean()
    half = norm.isf(alpha / 2) * np.sqrt(p_c * (1 - p_c) / c.size + p_t * (1 - p_t) / t.size)
    p_bar = np.concatenate([c, t]).mean()
    z = lift / np.sqrt(p_bar * (1 - p_bar) * (1 / c.size + 1 / t.size))
    return dict(control_rate=p_c, treatment_rate=p_t, lift=lift, ci_low=lift - half, ci_high=lift + half,
                p_value=chi2.sf(z ** 2, 1))


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
''',
            # pivot of mean/var/count; the interval from norm.interval
            "q5_answer": '''\
def mean_difference(frame, metric, alpha=0.05):
    stats_ = frame.pivot_table(index="arm", values=metric, aggfunc=["mean", "var", "count"])[
        [("mean", metric), ("var", metric), ("count", metric)]]
    stats_.columns = ["mean", "var", "n"]
    difference = stats_.at["treatment", "mean"] - stats_.at["control", "mean"]
    se = np.sqrt(stats_.at["treatment", "var"] / stats_.at["treatment", "n"]
                 + stats_.at["control", "var"] / stats_.at["control", "n"])
    low, high = norm.interval(1 - alpha, loc=difference, scale=se)
    return {"difference": difference, "ci_low": low, "ci_high": high}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
''',
            # the rule as an ordered list of (test, decision) pairs
            "q6_answer": '''\
def ship_decision(summary):
    s = summary
    rules = [
        (lambda: s["srm_p"] < srm_threshold, "investigate_srm"),
        (lambda: s["users_per_arm"] < s["planned_per_arm"], "extend"),
        (lambda: s["primary_p"] >= alpha or s["primary_lift"] <= 0, "do_not_ship"),
        (lambda: s["guardrail_ci_low"] <= -s["guardrail_limit"], "do_not_ship"),
        (lambda: s["primary_ci_low"] >= s["break_even"], "ship"),
        (lambda: s["primary_lift"] >= s["break_even"], "ship_with_holdout"),
    ]
    return next((decision for applies, decision in rules if applies()), "do_not_ship")


sizes = pd.crosstab(retention["arm"], "n")["n"]
larder_summary = dict(
    srm_p=srm_p_value(sizes, (0.5, 0.5)),
    users_per_arm=sizes.min(),
    planned_per_arm=sample_size_per_arm(baseline_retention, baseline_retention + brief["mde"], alpha, power),
    primary_p=retention_result["p_value"], primary_lift=retention_result["lift"],
    primary_ci_low=retention_result["ci_low"], break_even=brief["mde"],
    guardrail_ci_low=margin_result["ci_low"], guardrail_limit=margin_limit_eur,
)
larder_decision = ship_decision(larder_summary)
larder_decision
''',
            # theta from a least-squares fit (np.polyfit), a list in, an array out
            "q7_answer": '''\
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    theta = np.polyfit(x, y, 1)[0]
    return y - theta * (x - x.mean())


adjusted = cuped(retention.orders_8w, retention.pre_period_orders)
orders_variance_reduction = 1 - adjusted.var(ddof=1) / retention.orders_8w.var(ddof=1)
orders_variance_reduction
''',
            # crosstab means; numpy float for the pooled lift
            "q8_answer": '''\
def lift_by_platform(frame, metric):
    rates = pd.crosstab(frame["platform"], frame["arm"], values=frame[metric], aggfunc="mean")
    return rates.eval("treatment - control")


rates = pilot.groupby("arm")["retained_8w"].mean().to_numpy()
pooled_lift = rates[1] - rates[0]  # arms sort as control, treatment
pilot_verdict, pilot_reason = "offer_helps", "arms_differ_in_platform_mix"
print(lift_by_platform(pilot, "retained_8w").round(3), round(pooled_lift, 3))
''',
            # a loop over days, vectorised over tests; scipy's two-sided p from the chi-square
            "q9_answer": '''\
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    daily = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2))
    converted = np.zeros((n_tests, 2))
    ever = np.zeros(n_tests, dtype=bool)
    for day in range(n_days):
        converted += daily[:, day, :]
        n = users_per_day * (day + 1)
        pooled = converted.sum(axis=1) / (2 * n)
        se = np.sqrt(pooled * (1 - pooled) * 2 / n)
        diff = (converted[:, 1] - converted[:, 0]) / n
        z2 = np.divide(diff ** 2, se ** 2, out=np.zeros(n_tests), where=se > 0)
        ever |= chi2.sf(z2, 1) < alpha
    return ever.mean()


peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
peeking_rate
''',
        },
        "fair": dict(FULL),
        "why": {},
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-a": {
        "answers": {
            # the unpooled variance in both terms (a common textbook variant, not the pinned one)
            "q1_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf(1 - alpha / 2), norm.ppf(power)
    variance = p1 * (1 - p1) + p2 * (1 - p2)
    return math.ceil((z_alpha + z_power) ** 2 * variance / (p2 - p1) ** 2)


sample_size_per_arm(0.10, 0.12)
''',
            # the MDE written in points, not as a fraction (the duration uses 0.03)
            "q2_answer": f'''\
needed = sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
brief = {{
    "hypothesis": "{_HYPOTHESIS}",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur"],
    "mde": 3,
    "duration_weeks": math.ceil(2 * needed / (users_per_day * 7)),
}}
brief
''',
            # the platforms judged at 0.05 instead of the pinned srm_threshold
            "q3_answer": _SRM + '''

banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = sorted(platform for platform, rows in banner.groupby("platform")
                       if srm_p_value(rows["arm"].value_counts(), [0.5, 0.5]) < 0.05)
print(banner["arm"].value_counts(normalize=True).round(4), banner_srm_p, srm_platforms)
''',
            # the pooled SE for the interval too
            "q4_answer": _PROPORTIONS_HEAD + '''\
    se_pooled = math.sqrt(p_bar * (1 - p_bar) * (1 / n_c + 1 / n_t))
    se_unpooled = se_pooled
''' + _PROPORTIONS_RETURN,
            # standard deviations where the variances belong
            "q5_answer": '''\
def mean_difference(frame, metric, alpha=0.05):
    arms = frame.groupby("arm")[metric].agg(["mean", "std", "size"])
    difference = arms.loc["treatment", "mean"] - arms.loc["control", "mean"]
    se = math.sqrt((arms["std"] / arms["size"]).sum())
    z = norm.ppf(1 - alpha / 2)
    return {"difference": float(difference), "ci_low": float(difference - z * se),
            "ci_high": float(difference + z * se)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
''',
            # users per arm as half the total, not the smaller arm
            "q6_answer": _DECISION + '''

larder_summary = {
    "srm_p": srm_p_value(retention["arm"].value_counts(), [0.5, 0.5]),
    "users_per_arm": len(retention) / 2,
    "planned_per_arm": sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power),
    "primary_p": retention_result["p_value"],
    "primary_lift": retention_result["lift"],
    "primary_ci_low": retention_result["ci_low"],
    "break_even": 0.03,
    "guardrail_ci_low": margin_result["ci_low"],
    "guardrail_limit": margin_limit_eur,
}
larder_decision = ship_decision(larder_summary)
larder_decision
''',
            # the correlation instead of the regression slope
            "q7_answer": '''\
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    theta = np.corrcoef(y, x)[0, 1]
    return y - theta * (x - x.mean())
''' + _REDUCTION,
            # the pooled number trusted
            "q8_answer": _LIFTS + _POOLED + '''\
pilot_verdict = "offer_hurts"
pilot_reason = "offer_annoys_web_users"
''' + _PRINT8,
            # a false positive only when the LAST look is significant
            "q9_answer": _PEEK_HEAD + '''\
    return float((p[:, -1] < alpha).mean())
''' + _PEEK_USE,
        },
        "fair": {"q1_test": 1, "q2_test": 2.25, "q3_test": 1.5, "q4_test": 2.5, "q5_test": 1, "q6_test": 1.75,
                 "q7_test": 1, "q8_test": 1, "q9_test": 0.5},
        "why": {
            "q1_test": "rounded up to an int, but the variance term is not the pinned one (pooled for alpha, "
                       "unpooled for power)",
            "q2_test": "hypothesis, metrics and duration right; the MDE is in points (3), the prompt asks for a "
                       "fraction",
            "q3_test": "srm_p_value and banner_srm_p right; the platforms are judged at 0.05 instead of "
                       "srm_threshold",
            "q4_test": "rates, lift and p-value right; the interval uses the pooled SE, the prompt pins unpooled",
            "q5_test": "the difference and the keys right; the SE adds standard deviations, not variances (was 1.33; "
                       "see the rubric)",
            "q6_test": "ship_decision right; users_per_arm is half the total, not the smaller arm, a few users off "
                       "without changing Larder's decision (was 1.5; see the rubric)",
            "q7_test": "the adjustment's shape is right; theta is the correlation, not cov / var",
            "q8_test": "lift_by_platform and pooled_lift right; verdict and reason trust the pooled number that "
                       "the platform mix reverses",
            "q9_test": "the simulation and the pooled z-test are right; it counts only the last look, which is "
                       "exactly what peeking is not (was 1; see the rubric)",
        },
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-b": {
        "answers": {
            # rounded to the nearest integer, not up
            "q1_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf(1 - alpha / 2), norm.ppf(power)
    p_bar = (p1 + p2) / 2
    n = (z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))
         + z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    return int(round(n))


sample_size_per_arm(0.10, 0.12)
''',
            # users_per_day read as per arm: half the weeks
            "q2_answer": f'''\
mde = 0.03
needed = sample_size_per_arm(baseline_retention, baseline_retention + mde, alpha, power)
brief = {{
    "hypothesis": "{_HYPOTHESIS}",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur", "support_contacts_8w"],
    "mde": mde,
    "duration_weeks": math.ceil(needed / (users_per_day * 7)),
}}
brief
''',
            # degrees of freedom = number of arms
            "q3_answer": '''\
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    return float(chi2.sf(((observed - expected) ** 2 / expected).sum(), len(observed)))
''' + _SRM_USE,
            # a one-sided p-value
            "q4_answer": _PROPORTIONS_HEAD + _PROPORTIONS_SE + '''\
    return {"control_rate": float(p_c), "treatment_rate": float(p_t), "lift": float(lift),
            "ci_low": float(lift - z * se_unpooled), "ci_high": float(lift + z * se_unpooled),
            "p_value": float(norm.sf(lift / se_pooled))}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
''',
            # control minus treatment
            "q5_answer": '''\
def mean_difference(frame, metric, alpha=0.05):
    arms = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    difference = arms.loc["control", "mean"] - arms.loc["treatment", "mean"]
    se = math.sqrt((arms["var"] / arms["size"]).sum())
    z = norm.ppf(1 - alpha / 2)
    return {"difference": float(difference), "ci_low": float(difference - z * se),
            "ci_high": float(difference + z * se)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
''',
            # the break-even checked before the guardrail (steps 4 and 5 swapped)
            "q6_answer": '''\
def ship_decision(summary):
    s = summary
    if s["srm_p"] < srm_threshold:
        return "investigate_srm"
    if s["users_per_arm"] < s["planned_per_arm"]:
        return "extend"
    if not s["primary_p"] < alpha or s["primary_lift"] <= 0:
        return "do_not_ship"
    if s["primary_ci_low"] >= s["break_even"]:
        return "ship"
    if s["guardrail_ci_low"] <= -s["guardrail_limit"]:
        return "do_not_ship"
    if s["primary_lift"] >= s["break_even"]:
        return "ship_with_holdout"
    return "do_not_ship"
''' + _SUMMARY,
            # the centring on the mean of x left out
            "q7_answer": '''\
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    theta = np.cov(y, x)[0, 1] / x.var(ddof=1)
    return y - theta * x
''' + _REDUCTION,
            # "the numbers disagree, so no evidence"
            "q8_answer": _LIFTS + _POOLED + '''\
pilot_verdict = "no_evidence"
pilot_reason = "arms_differ_in_platform_mix"
''' + _PRINT8,
            "q9_answer": _Q9,
        },
        "fair": {"q1_test": 1.5, "q2_test": 2.25, "q3_test": 1, "q4_test": 2, "q5_test": 1, "q6_test": 1.25,
                 "q7_test": 1.5, "q8_test": 1.5, "q9_test": 2},
        "why": {
            "q1_test": "the pinned formula and an int; rounded to the nearest whole number, not up",
            "q2_test": "hypothesis, metrics and MDE right; the duration counts users_per_day for each arm (half "
                       "the weeks needed)",
            "q3_test": "the statistic is right; df = arms instead of arms - 1, so every p-value is off",
            "q4_test": "rates, lift and interval right; the p-value is one-sided, which doubles the false "
                       "positives (was 2.5; see the rubric)",
            "q5_test": "the interval's width is right; the difference is control - treatment, so its sign and "
                       "the guardrail's low end are wrong",
            "q6_test": "the summary is right and so is most of the rule; the break-even is checked before the "
                       "guardrail (steps 4 and 5 swapped; was 1.5, see the rubric)",
            "q7_test": "theta right and the variance reduction right; x is not centred, so the adjusted metric "
                       "loses its mean",
            "q8_test": "lifts and reason right; the verdict should be that the offer helps (it does on every "
                       "platform)",
        },
    },
    # -----------------------------------------------------------------------------------------
    "half-done": {
        "answers": {
            "q1_answer": _Q1,
            # one guardrail as a string, not a list
            "q2_answer": f'''\
mde = 0.03
needed = sample_size_per_arm(baseline_retention, baseline_retention + mde, alpha, power)
brief = {{
    "hypothesis": "{_HYPOTHESIS}",
    "primary_metric": "retained_8w",
    "guardrail_metrics": "margin_eur",
    "mde": mde,
    "duration_weeks": math.ceil(2 * needed / (users_per_day * 7)),
}}
brief
''',
            "q3_answer": _Q3,
            # the p-value with the unpooled SE
            "q4_answer": _PROPORTIONS_HEAD + '''\
    se_unpooled = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    se_pooled = se_unpooled
''' + _PROPORTIONS_RETURN,
        },
        "fair": {"q1_test": 2, "q2_test": 2.5, "q3_test": 2, "q4_test": 2.5, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0, "q9_test": 0},
        "why": {
            "q2_test": "a complete, correct brief; the guardrail is a string where the prompt shows a list",
            "q4_test": "rates, lift and interval right; the p-value uses the unpooled SE, the prompt pins pooled",
        },
    },
    # -----------------------------------------------------------------------------------------
    "early-slip": {
        "answers": {
            # the slip: a one-sided z for alpha; q2 and q6 build on this sample size
            "q1_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf(1 - alpha), norm.ppf(power)
    p_bar = (p1 + p2) / 2
    n = (z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))
         + z_power * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    return math.ceil(n)


sample_size_per_arm(0.10, 0.12)
''',
            "q2_answer": _Q2,
            "q3_answer": _Q3,
            "q4_answer": _Q4,
            "q5_answer": _Q5,
            "q6_answer": _Q6,
            "q7_answer": _Q7,
            "q8_answer": _Q8,
            "q9_answer": _Q9,
        },
        "fair": {**FULL, "q1_test": 1},
        "why": {
            "q1_test": "the pinned formula, rounded up to an int; z for alpha is one-sided (1 - alpha, not "
                       "1 - alpha/2)",
        },
    },
}

# A data scientist new to product work, written from the prompts (round 2 of the fair-grading work):
# sound statistics, product conventions and the decision rule partly off.
ATTEMPTS["new-to-product"] = {
    "answers": {
        "q1_answer": '''\
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    pbar = (p1 + p2) / 2
    a = norm.ppf(1 - alpha / 2) * (2 * pbar * (1 - pbar)) ** 0.5
    b = norm.ppf(power) * (p1 * (1 - p1) + p2 * (1 - p2)) ** 0.5
    return int(np.ceil((a + b) ** 2 / (p1 - p2) ** 2))
''',
        # one arm's size over all users per day; support contacts as the only guardrail
        "q2_answer": '''\
n = sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
brief = {
    "hypothesis": "Free delivery for 4 weeks for at-risk subscribers raises 8-week retention by 3 points or more.",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["support_contacts_8w"],
    "mde": 0.03,
    "duration_weeks": math.ceil(n / (7 * users_per_day)),
}
''',
        "q3_answer": '''\
from scipy.stats import chisquare


def srm_p_value(counts, shares):
    counts = np.asarray(counts, dtype=float)
    return float(chisquare(counts, np.asarray(shares) * counts.sum()).pvalue)


banner_srm_p = srm_p_value(banner.arm.value_counts().to_numpy(), [0.5, 0.5])
srm_platforms = [p for p, g in sorted(banner.groupby("platform"))
                 if srm_p_value(g.arm.value_counts().to_numpy(), [0.5, 0.5]) < srm_threshold]
''',
        # the interval with the pooled standard error (one SE for everything)
        "q4_answer": '''\
def analyse_proportions(frame, metric, alpha=0.05):
    c = frame.loc[frame.arm == "control", metric]
    t = frame.loc[frame.arm == "treatment", metric]
    lift = t.mean() - c.mean()
    p = frame[metric].mean()
    se = np.sqrt(p * (1 - p) * (1 / len(c) + 1 / len(t)))
    z = norm.ppf(1 - alpha / 2)
    return {"control_rate": float(c.mean()), "treatment_rate": float(t.mean()), "lift": float(lift),
            "ci_low": float(lift - z * se), "ci_high": float(lift + z * se),
            "p_value": float(2 * norm.sf(abs(lift / se)))}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
''',
        "q5_answer": '''\
def mean_difference(frame, metric, alpha=0.05):
    c = frame.loc[frame.arm == "control", metric].to_numpy(float)
    t = frame.loc[frame.arm == "treatment", metric].to_numpy(float)
    d = t.mean() - c.mean()
    half = norm.ppf(1 - alpha / 2) * np.sqrt(np.var(c, ddof=1) / len(c) + np.var(t, ddof=1) / len(t))
    return {"difference": float(d), "ci_low": float(d - half), "ci_high": float(d + half)}


margin_result = mean_difference(retention, "margin_eur", alpha)
''',
        # looks at the result before the planned size: significance first, then "extend"
        "q6_answer": '''\
def ship_decision(s):
    if s["srm_p"] < srm_threshold:
        return "investigate_srm"
    if s["primary_p"] >= alpha or s["primary_lift"] <= 0:
        return "do_not_ship"
    if s["users_per_arm"] < s["planned_per_arm"]:
        return "extend"
    if s["guardrail_ci_low"] <= -s["guardrail_limit"]:
        return "do_not_ship"
    if s["primary_ci_low"] >= s["break_even"]:
        return "ship"
    return "ship_with_holdout" if s["primary_lift"] >= s["break_even"] else "do_not_ship"


counts = retention.arm.value_counts()
larder_summary = {
    "srm_p": srm_p_value(counts, [0.5, 0.5]), "users_per_arm": int(counts.min()),
    "planned_per_arm": sample_size_per_arm(baseline_retention, baseline_retention + brief["mde"], alpha, power),
    "primary_p": retention_result["p_value"], "primary_lift": retention_result["lift"],
    "primary_ci_low": retention_result["ci_low"], "break_even": brief["mde"],
    "guardrail_ci_low": margin_result["ci_low"], "guardrail_limit": margin_limit_eur,
}
larder_decision = ship_decision(larder_summary)
''',
        "q7_answer": '''\
def cuped(y, x):
    y, x = np.asarray(y, float), np.asarray(x, float)
    theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)
    return y - theta * (x - x.mean())


adjusted = cuped(retention.orders_8w, retention.pre_period_orders)
orders_variance_reduction = 1 - np.var(adjusted, ddof=1) / np.var(retention.orders_8w, ddof=1)
''',
        # trusts the pooled number for the verdict, yet names the platform mix as the reason
        "q8_answer": '''\
def lift_by_platform(frame, metric):
    m = frame.pivot_table(index="platform", columns="arm", values=metric, aggfunc="mean")
    return m["treatment"] - m["control"]


pooled_lift = pilot.loc[pilot.arm == "treatment", "retained_8w"].mean() - \\
    pilot.loc[pilot.arm == "control", "retained_8w"].mean()
pilot_verdict = "offer_hurts"
pilot_reason = "arms_differ_in_platform_mix"
''',
        "q9_answer": '''\
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    conv = np.cumsum(rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2)), axis=1)
    n = users_per_day * np.arange(1, n_days + 1)
    pc, pt = conv[:, :, 0] / n, conv[:, :, 1] / n
    pool = (conv[:, :, 0] + conv[:, :, 1]) / (2 * n)
    se = np.sqrt(pool * (1 - pool) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (pt - pc) / se, 0)
    return float(np.mean((2 * norm.sf(np.abs(z)) < alpha).any(axis=1)))


peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
''',
    },
    "fair": {"q1_test": 2, "q2_test": 1.75, "q3_test": 2, "q4_test": 2.5, "q5_test": 2, "q6_test": 1.25,
             "q7_test": 2, "q8_test": 1.25, "q9_test": 2},
    "why": {
        "q2_test": "hypothesis, primary metric and MDE right; the duration counts one arm only (half the weeks), and "
                   "the only guardrail ignores what free delivery costs",
        "q4_test": "rates, lift and p-value right; the interval uses the pooled standard error (the prompt pins the "
                   "unpooled one; was 2, see the rubric)",
        "q6_test": "summary and decision right for Larder; the rule checks significance before the planned size, "
                   "so it never says 'extend' for an under-powered test that is not significant yet",
        "q8_test": "lift_by_platform and pooled_lift right; the reason (the platform mix) is right, but the verdict "
                   "trusts the pooled number it explains away",
    },
}

# Written for round 2 of the grading work (issue 21), from the prompts, fair points set before grading.
# Correct in another style: the standard library's NormalDist, boolean masks, loops over days.
ATTEMPTS["correct-stdlib-and-masks"] = {
    "answers": {
        "q1_answer": '''\
from statistics import NormalDist


def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z = NormalDist().inv_cdf
    p_bar = (p1 + p2) / 2
    top = z(1 - alpha / 2) * (2 * p_bar * (1 - p_bar)) ** 0.5 + z(power) * (p1 * (1 - p1) + p2 * (1 - p2)) ** 0.5
    return int(math.ceil(top ** 2 / (p1 - p2) ** 2))
''',
        "q2_answer": '''\
per_arm = sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
brief = dict(
    hypothesis="If at-risk subscribers get free delivery for 4 weeks, more of them will stay subscribed: "
               "8-week retention will increase by at least 3 points.",
    primary_metric="retained_8w",
    guardrail_metrics=("margin_eur",),
    mde=0.03,
    duration_weeks=-(-2 * per_arm // (7 * users_per_day)),
)
''',
        "q3_answer": '''\
from scipy.stats import chisquare


def srm_p_value(counts, shares):
    counts = np.asarray(counts, dtype=float)
    return float(chisquare(counts, f_exp=np.asarray(shares, dtype=float) * counts.sum()).pvalue)


banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = []
for platform in sorted(banner["platform"].unique()):
    arms = banner.loc[banner["platform"] == platform, "arm"].value_counts()
    if srm_p_value(arms, [0.5, 0.5]) < srm_threshold:
        srm_platforms.append(platform)
''',
        "q4_answer": '''\
def analyse_proportions(frame, metric, alpha=0.05):
    treated = (frame["arm"] == "treatment").to_numpy()
    y = frame[metric].to_numpy(dtype=float)
    n_t, n_c = treated.sum(), (~treated).sum()
    p_t, p_c = y[treated].mean(), y[~treated].mean()
    lift = p_t - p_c
    z = norm.ppf(1 - alpha / 2)
    se = np.sqrt(p_t * (1 - p_t) / n_t + p_c * (1 - p_c) / n_c)
    p_all = y.mean()
    se0 = np.sqrt(p_all * (1 - p_all) * (1 / n_t + 1 / n_c))
    return dict(control_rate=float(p_c), treatment_rate=float(p_t), lift=float(lift),
                ci_low=float(lift - z * se), ci_high=float(lift + z * se),
                p_value=float(2 * (1 - norm.cdf(abs(lift) / se0))))


retention_result = analyse_proportions(retention, "retained_8w", alpha)
''',
        "q5_answer": '''\
def mean_difference(frame, metric, alpha=0.05):
    t = frame.loc[frame["arm"] == "treatment", metric]
    c = frame.loc[frame["arm"] == "control", metric]
    d = t.mean() - c.mean()
    half = norm.ppf(1 - alpha / 2) * math.sqrt(t.var() / len(t) + c.var() / len(c))
    return {"difference": float(d), "ci_low": float(d - half), "ci_high": float(d + half)}


margin_result = mean_difference(retention, "margin_eur", alpha)
''',
        "q6_answer": '''\
def ship_decision(summary):
    steps = [
        (summary["srm_p"] < srm_threshold, "investigate_srm"),
        (summary["users_per_arm"] < summary["planned_per_arm"], "extend"),
        (summary["primary_p"] >= alpha or summary["primary_lift"] <= 0, "do_not_ship"),
        (summary["guardrail_ci_low"] <= -summary["guardrail_limit"], "do_not_ship"),
        (summary["primary_ci_low"] >= summary["break_even"], "ship"),
        (summary["primary_lift"] >= summary["break_even"], "ship_with_holdout"),
    ]
    return next((decision for applies, decision in steps if applies), "do_not_ship")


arms = retention["arm"].value_counts()
larder_summary = {
    "srm_p": srm_p_value(arms, [0.5, 0.5]), "users_per_arm": int(arms.min()),
    "planned_per_arm": sample_size_per_arm(baseline_retention, baseline_retention + brief["mde"], alpha, power),
    "primary_p": retention_result["p_value"], "primary_lift": retention_result["lift"],
    "primary_ci_low": retention_result["ci_low"], "break_even": brief["mde"],
    "guardrail_ci_low": margin_result["ci_low"], "guardrail_limit": margin_limit_eur,
}
larder_decision = ship_decision(larder_summary)
''',
        "q7_answer": '''\
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    theta = np.polyfit(x, y, 1)[0]  # the least-squares slope is cov(y, x) / var(x)
    return y - theta * (x - x.mean())


adjusted = cuped(retention["orders_8w"], retention["pre_period_orders"])
orders_variance_reduction = float(1 - adjusted.var() / retention["orders_8w"].to_numpy(dtype=float).var())
''',
        "q8_answer": '''\
def lift_by_platform(frame, metric):
    table = frame.pivot_table(index="platform", columns="arm", values=metric, aggfunc="mean")
    return table["treatment"] - table["control"]


means = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = float(means["treatment"] - means["control"])
pilot_verdict = "offer_helps"
pilot_reason = "arms_differ_in_platform_mix"
''',
        "q9_answer": '''\
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    daily = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2))
    control, treatment = np.zeros(n_tests), np.zeros(n_tests)
    significant = np.zeros(n_tests, dtype=bool)
    for day in range(n_days):
        control += daily[:, day, 0]
        treatment += daily[:, day, 1]
        n = users_per_day * (day + 1)
        pooled = (control + treatment) / (2 * n)
        se = np.sqrt(pooled * (1 - pooled) * 2 / n)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.where(se > 0, (treatment - control) / n / se, 0.0)
        significant |= 2 * norm.sf(np.abs(z)) < alpha
    return float(significant.mean())


peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
''',
    },
    "fair": dict(FULL),
    "why": {},
}

# One typical slip per question, each in an otherwise right answer.
ATTEMPTS["typical-mistakes-c"] = {
    "answers": {
        # the power term with p1's variance twice, not both rates' variances
        "q1_answer": _Q1.replace("math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))", "math.sqrt(2 * p1 * (1 - p1))"),
        # a hypothesis that names no direction
        "q2_answer": _Q2.replace(_HYPOTHESIS, "Offering free delivery for 4 weeks to at-risk subscribers will change "
                                              "how many of them are still subscribed after 8 weeks (retention)."),
        "q3_answer": _Q3,
        # a one-sided critical value for the interval (z at 1 - alpha)
        "q4_answer": _PROPORTIONS_HEAD.replace("z = norm.ppf(1 - alpha / 2)", "z = norm.ppf(1 - alpha)")
        + _PROPORTIONS_SE + _PROPORTIONS_RETURN,
        "q5_answer": _Q5,
        # "at or above" read as strictly above in steps 5 and 6
        "q6_answer": _DECISION.replace('>= s["break_even"]', '> s["break_even"]') + _SUMMARY,
        # the covariance with ddof=1 over the variance with ddof=0
        "q7_answer": _CUPED.replace("x.var(ddof=1)", "x.var()") + _REDUCTION,
        # the platform mix named as the reason, but the pilot judged too small
        "q8_answer": _LIFTS + _POOLED + '''\
pilot_verdict = "offer_helps"
pilot_reason = "too_few_users"
''' + _PRINT8,
        # the alpha argument ignored in the test
        "q9_answer": _PEEK_HEAD + '''\
    return float((p < 0.05).any(axis=1).mean())
''' + _PEEK_USE,
    },
    "fair": {**FULL, "q1_test": 1, "q2_test": 2.5, "q4_test": 2, "q6_test": 1.75, "q7_test": 1.5,
             "q8_test": 1.5, "q9_test": 1.5},
    "why": {
        "q1_test": "rounded up to an int and the alpha term right; the power term uses p1's variance twice instead "
                   "of both rates' (the pinned formula)",
        "q2_test": "metrics, MDE and duration right; the hypothesis says retention will change, not which way",
        "q4_test": "rates, lift and p-value right; the interval uses z at 1 - alpha (one-sided), not 1 - alpha/2, "
                   "a 90 % interval sold as a 95 % one (was 2.5; see the rubric)",
        "q6_test": "the rule in its order and the summary right; 'at or above the break-even' is read as strictly "
                   "above, which differs only on the boundary",
        "q7_test": "the centring and the reduction right; theta mixes ddof=1 (np.cov) with ddof=0 (var), which is "
                   "off on small samples",
        "q8_test": "both lifts and the verdict right; the reason given is the sample size, not the platform mix "
                   "that reverses the pooled number",
        "q9_test": "cumulative counts, the pooled test and 'any look' right; the alpha argument is ignored (0.05 "
                   "hard-coded)",
    },
}
