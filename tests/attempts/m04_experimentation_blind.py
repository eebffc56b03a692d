"""Blind attempts at module 04: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.
"""

ASSIGNMENT = "04-experimentation"

_Q1 = '''
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    p_bar = (p1 + p2) / 2
    z_a = norm.ppf(1 - alpha / 2)
    z_b = norm.ppf(power)
    top = z_a * math.sqrt(2 * p_bar * (1 - p_bar)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top ** 2 / (p2 - p1) ** 2)


sample_size_per_arm(0.10, 0.12)
'''

_Q2 = '''
mde = 0.03
per_arm = sample_size_per_arm(baseline_retention, baseline_retention + mde, alpha, power)
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers raises their 8-week retention "
                  "by at least 3 points",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur", "support_contacts_8w"],
    "mde": mde,
    "duration_weeks": math.ceil(2 * per_arm / (users_per_day * 7)),
}
brief
'''

_Q3 = '''
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    statistic = ((observed - expected) ** 2 / expected).sum()
    return float(chi2.sf(statistic, len(observed) - 1))


banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = sorted(platform for platform, rows in banner.groupby("platform")
                       if srm_p_value(rows["arm"].value_counts(), [0.5, 0.5]) < srm_threshold)
print(banner["arm"].value_counts(normalize=True).round(4), banner_srm_p, srm_platforms)
'''

_Q4 = '''
def analyse_proportions(frame, metric, alpha=0.05):
    c = frame.loc[frame["arm"] == "control", metric]
    t = frame.loc[frame["arm"] == "treatment", metric]
    pc, pt, nc, nt = c.mean(), t.mean(), len(c), len(t)
    lift = pt - pc
    se = math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt)
    z = norm.ppf(1 - alpha / 2)
    pooled = (c.sum() + t.sum()) / (nc + nt)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt))
    p = 2 * norm.sf(abs(lift / se_pooled))
    return {"control_rate": float(pc), "treatment_rate": float(pt), "lift": float(lift),
            "ci_low": float(lift - z * se), "ci_high": float(lift + z * se), "p_value": float(p)}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
'''

_Q5 = '''
def mean_difference(frame, metric, alpha=0.05):
    stats = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    diff = stats.loc["treatment", "mean"] - stats.loc["control", "mean"]
    se = math.sqrt((stats["var"] / stats["size"]).sum())
    z = norm.ppf(1 - alpha / 2)
    return {"difference": float(diff), "ci_low": float(diff - z * se), "ci_high": float(diff + z * se)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
'''

_Q6 = '''
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


larder_summary = {
    "srm_p": srm_p_value(retention["arm"].value_counts(), [0.5, 0.5]),
    "users_per_arm": int(retention["arm"].value_counts().min()),
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

_Q7 = '''
def cuped(y, x):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    theta = np.cov(y, x)[0, 1] / x.var(ddof=1)
    return y - theta * (x - x.mean())


_adjusted = cuped(retention["orders_8w"], retention["pre_period_orders"])
orders_variance_reduction = float(1 - _adjusted.var(ddof=1) / retention["orders_8w"].var(ddof=1))
orders_variance_reduction
'''

_Q8 = '''
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]


_arm_rates = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = float(_arm_rates["treatment"] - _arm_rates["control"])
# every platform's lift is positive, but treatment users are mostly on web, where retention is low
pilot_verdict = "offer_helps"
pilot_reason = "arms_differ_in_platform_mix"
print(lift_by_platform(pilot, "retained_8w").round(3), round(pooled_lift, 3))
'''

_Q9 = '''
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    conversions = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2)).cumsum(axis=1)
    n = users_per_day * np.arange(1, n_days + 1)[None, :]
    p_c, p_t = conversions[..., 0] / n, conversions[..., 1] / n
    pooled = (conversions[..., 0] + conversions[..., 1]) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (p_t - p_c) / se, 0.0)
    p = 2 * norm.sf(np.abs(z))
    return float((p < alpha).any(axis=1).mean())


peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
peeking_rate
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9}

# --- fully correct, in another style: scipy's chisquare, NumPy arrays, a day loop in the simulation --

_OTHER = {
    "q1_answer": '''
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf([1 - alpha / 2, power])
    pbar = np.mean([p1, p2])
    need = (z_alpha * np.sqrt(2 * pbar * (1 - pbar)) + z_power * np.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
    return int(np.ceil(need / (p2 - p1) ** 2))


sample_size_per_arm(0.10, 0.12)
''',
    "q2_answer": '''
MDE = 0.03  # finance's break-even: +3 points
users_each_arm = sample_size_per_arm(baseline_retention, baseline_retention + MDE, alpha, power)
weeks = 1
while users_per_day * 7 * weeks / 2 < users_each_arm:
    weeks += 1
brief = dict(
    hypothesis="If we give at-risk subscribers free delivery for 4 weeks, more of them stay subscribed "
               "8 weeks later (retention +3 points or more)",
    primary_metric="retained_8w",
    guardrail_metrics=["margin_eur"],
    mde=MDE,
    duration_weeks=weeks,
)
brief
''',
    "q3_answer": '''
from scipy.stats import chisquare


def srm_p_value(counts, shares):
    counts = np.asarray(counts, dtype=float)
    return float(chisquare(counts, f_exp=np.asarray(shares) * counts.sum()).pvalue)


def _arm_counts(rows):
    return [int((rows.arm == "control").sum()), int((rows.arm == "treatment").sum())]


banner_srm_p = srm_p_value(_arm_counts(banner), [0.5, 0.5])
srm_platforms = []
for plat in sorted(banner.platform.unique()):
    if srm_p_value(_arm_counts(banner[banner.platform == plat]), [0.5, 0.5]) < srm_threshold:
        srm_platforms.append(plat)
print(banner["arm"].value_counts(normalize=True).round(4), banner_srm_p, srm_platforms)
''',
    "q4_answer": '''
def analyse_proportions(frame, metric, alpha=0.05):
    arm = frame["arm"].to_numpy()
    y = frame[metric].to_numpy(dtype=float)
    yc, yt = y[arm == "control"], y[arm == "treatment"]
    rc, rt = yc.mean(), yt.mean()
    d = rt - rc
    se_u = np.sqrt(rc * (1 - rc) / yc.size + rt * (1 - rt) / yt.size)
    pool = y[(arm == "control") | (arm == "treatment")].mean()
    se_p = np.sqrt(pool * (1 - pool) * (1 / yc.size + 1 / yt.size))
    half = norm.ppf(1 - alpha / 2) * se_u
    out = dict(control_rate=rc, treatment_rate=rt, lift=d, ci_low=d - half, ci_high=d + half,
               p_value=2 * (1 - norm.cdf(abs(d / se_p))))
    return {key: float(value) for key, value in out.items()}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
''',
    "q5_answer": '''
def mean_difference(frame, metric, alpha=0.05):
    c = frame[frame.arm == "control"][metric].to_numpy(dtype=float)
    t = frame[frame.arm == "treatment"][metric].to_numpy(dtype=float)
    diff = t.mean() - c.mean()
    se = np.sqrt(c.var(ddof=1) / c.size + t.var(ddof=1) / t.size)
    lo, hi = norm.interval(1 - alpha, loc=diff, scale=se)
    return {"difference": float(diff), "ci_low": float(lo), "ci_high": float(hi)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
''',
    "q6_answer": '''
def ship_decision(summary):
    rules = [
        (lambda s: s["srm_p"] < srm_threshold, "investigate_srm"),
        (lambda s: s["users_per_arm"] < s["planned_per_arm"], "extend"),
        (lambda s: s["primary_p"] >= alpha or s["primary_lift"] <= 0, "do_not_ship"),
        (lambda s: s["guardrail_ci_low"] <= -s["guardrail_limit"], "do_not_ship"),
        (lambda s: s["primary_ci_low"] >= s["break_even"], "ship"),
        (lambda s: s["primary_lift"] >= s["break_even"], "ship_with_holdout"),
    ]
    for test, decision in rules:
        if test(summary):
            return decision
    return "do_not_ship"


_n = retention.arm.value_counts()
larder_summary = dict(
    srm_p=srm_p_value([_n["control"], _n["treatment"]], [0.5, 0.5]),
    users_per_arm=int(_n.min()),
    planned_per_arm=users_each_arm,
    primary_p=retention_result["p_value"], primary_lift=retention_result["lift"],
    primary_ci_low=retention_result["ci_low"], break_even=brief["mde"],
    guardrail_ci_low=margin_result["ci_low"], guardrail_limit=margin_limit_eur,
)
larder_decision = ship_decision(larder_summary)
larder_decision
''',
    "q7_answer": '''
def cuped(y, x):
    y, x = np.asarray(y, float), np.asarray(x, float)
    xc = x - x.mean()
    theta = (xc * (y - y.mean())).sum() / (xc ** 2).sum()
    return y - theta * xc


_y = retention.orders_8w.to_numpy(dtype=float)
orders_variance_reduction = 1 - np.var(cuped(_y, retention.pre_period_orders), ddof=1) / np.var(_y, ddof=1)
orders_variance_reduction
''',
    "q8_answer": '''
def lift_by_platform(frame, metric):
    out = {}
    for plat, rows in frame.groupby("platform"):
        means = rows.groupby("arm")[metric].mean()
        out[plat] = means["treatment"] - means["control"]
    return pd.Series(out)


_means = pilot.groupby("arm").retained_8w.mean()
pooled_lift = _means["treatment"] - _means["control"]
print(pd.crosstab(pilot.platform, pilot.arm, normalize="columns").round(2))
pilot_verdict = "offer_helps"
pilot_reason = "arms_differ_in_platform_mix"
print(lift_by_platform(pilot, "retained_8w").round(3), round(pooled_lift, 3))
''',
    "q9_answer": '''
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    daily_conv = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2))
    hit = np.zeros(n_tests, dtype=bool)
    conv = np.zeros((n_tests, 2))
    for day in range(n_days):
        conv += daily_conv[:, day, :]
        n = users_per_day * (day + 1)
        p = conv.sum(axis=1) / (2 * n)
        se = np.sqrt(p * (1 - p) * (2 / n))
        diff = (conv[:, 1] - conv[:, 0]) / n
        z = np.divide(diff, se, out=np.zeros_like(diff), where=se > 0)
        hit |= 2 * norm.sf(np.abs(z)) < alpha
    return float(hit.mean())


peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, seed=seed)
peeking_rate
''',
}

# --- typical mistakes: truncating the sample size, the MDE in points, a one-sided p-value, SRM at alpha

_POINTS = dict(_RIGHT)
_POINTS.update({
    "q1_answer": _Q1.replace("return math.ceil(top ** 2 / (p2 - p1) ** 2)", "return int(top ** 2 / (p2 - p1) ** 2)"),
    "q2_answer": '''
mde_points = 3.0  # finance: +3 points of retention
per_arm = sample_size_per_arm(baseline_retention, baseline_retention + mde_points / 100, alpha, power)
brief = {
    "hypothesis": "Free delivery for 4 weeks makes at-risk subscribers more likely to stay (retention +3 points)",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ["margin_eur"],
    "mde": mde_points,
    "duration_weeks": math.ceil(2 * per_arm / (users_per_day * 7)),
}
brief
''',
    "q3_answer": _Q3.replace("< srm_threshold)", "< alpha)"),
    "q6_answer": _Q6.replace('baseline_retention + brief["mde"]', 'baseline_retention + brief["mde"] / 100').replace(
        '"break_even": brief["mde"]', '"break_even": brief["mde"] / 100'),
    "q4_answer": _Q4.replace("p = 2 * norm.sf(abs(lift / se_pooled))", "p = norm.sf(lift / se_pooled)"),
})

# --- typical mistakes: pooled SE in the interval, the SD instead of the variance, the decision rule in
#     the wrong order -------------------------------------------------------------------------------------------

_SE = dict(_RIGHT)
_SE.update({
    "q4_answer": _Q4.replace("ci_low\": float(lift - z * se), \"ci_high\": float(lift + z * se)",
                             "ci_low\": float(lift - z * se_pooled), \"ci_high\": float(lift + z * se_pooled)"),
    "q5_answer": '''
def mean_difference(frame, metric, alpha=0.05):
    stats = frame.groupby("arm")[metric].agg(["mean", "std", "size"])
    diff = stats.loc["treatment", "mean"] - stats.loc["control", "mean"]
    se = math.sqrt((stats["std"] / stats["size"]).sum())
    z = norm.ppf(1 - alpha / 2)
    return {"difference": float(diff), "ci_low": float(diff - z * se), "ci_high": float(diff + z * se)}


margin_result = mean_difference(retention, "margin_eur", alpha)
margin_result
''',
    "q6_answer": _Q6.replace('''    if s["srm_p"] < srm_threshold:
        return "investigate_srm"
    if s["users_per_arm"] < s["planned_per_arm"]:
        return "extend"
    if not s["primary_p"] < alpha or s["primary_lift"] <= 0:
        return "do_not_ship"
''', '''    # first: did it work at all?
    if not s["primary_p"] < alpha or s["primary_lift"] <= 0:
        return "do_not_ship"
    if s["srm_p"] < srm_threshold:
        return "investigate_srm"
    if s["users_per_arm"] < s["planned_per_arm"]:
        return "extend"
'''),
})

# --- typical mistakes: CUPED not centred, the pooled pilot number believed, only the last look counted ---

_LAST = dict(_RIGHT)
_LAST.update({
    "q7_answer": _Q7.replace("return y - theta * (x - x.mean())", "return y - theta * x"),
    "q8_answer": '''
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]


_arm_rates = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = float(_arm_rates["treatment"] - _arm_rates["control"])
# overall the offer group kept 11 points fewer subscribers; web is where it is worst
pilot_verdict = "offer_hurts"
pilot_reason = "offer_annoys_web_users"
print(lift_by_platform(pilot, "retained_8w").round(3), round(pooled_lift, 3))
''',
    "q9_answer": _Q9.replace("return float((p < alpha).any(axis=1).mean())",
                             "return float((p[:, -1] < alpha).mean())  # the result at the end of the test"),
})

# --- half done: Q1 to Q3, the rates of Q4; the rest stubbed ----------------------------------------------

_HALF = {
    "q1_answer": _Q1,
    "q2_answer": _Q2,
    "q3_answer": _Q3,
    "q4_answer": '''
def analyse_proportions(frame, metric, alpha=0.05):
    rates = frame.groupby("arm")[metric].mean()
    lift = rates["treatment"] - rates["control"]
    # TODO: the interval and the p-value
    return {"control_rate": float(rates["control"]), "treatment_rate": float(rates["treatment"]),
            "lift": float(lift), "ci_low": None, "ci_high": None, "p_value": None}


retention_result = analyse_proportions(retention, "retained_8w", alpha)
retention_result
''',
}

ATTEMPTS = {
    "blind_numpy_correct": {
        "answers": _OTHER,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 3, "q5_test": 2, "q6_test": 2,
                 "q7_test": 2, "q8_test": 2, "q9_test": 2},
        "why": {},
    },
    "blind_points_onesided": {
        "answers": _POINTS,
        "fair": {"q1_test": 1.25, "q2_test": 2.5, "q3_test": 1.5, "q4_test": 2, "q5_test": 2, "q6_test": 2,
                 "q7_test": 2, "q8_test": 2, "q9_test": 2},
        "why": {
            "q1_test": "the pinned formula is right, but int() truncates instead of rounding up, so the "
                       "result is one user short",
            "q2_test": "the MDE is written in points (3.0), not as the fraction the brief asks for (0.03); "
                       "hypothesis, metrics and duration (computed from 0.03) are right",
            "q3_test": "the test is right, but platforms are flagged at alpha (0.05) instead of the pinned "
                       "srm_threshold, so iOS is wrongly sent to the engineers",
            "q4_test": "rates, lift and interval right, but the p-value is one-sided (no factor 2, no abs), "
                       "against the prompt's two-sided test",
        },
    },
    "blind_se_order": {
        "answers": _SE,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 2, "q5_test": 1, "q6_test": 1,
                 "q7_test": 2, "q8_test": 2, "q9_test": 2},
        "why": {
            "q4_test": "rates, lift and p-value right, but the interval uses the pooled standard error where "
                       "the prompt asks for the unpooled one",
            "q5_test": "the difference is right, but the standard error divides the standard deviation (not "
                       "the variance) by n, so the interval is wrong",
            "q6_test": "the steps are right but not in the pinned order: significance is checked before the "
                       "SRM and sample-size checks, so a broken or short test with p >= alpha gets "
                       "'do_not_ship' instead of 'investigate_srm' or 'extend'",
        },
    },
    "blind_last_look": {
        "answers": _LAST,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 3, "q5_test": 2, "q6_test": 2,
                 "q7_test": 1, "q8_test": 1, "q9_test": 0.5},
        "why": {
            "q7_test": "theta is right and so is the variance reduction, but the adjusted metric subtracts "
                       "theta times x, not theta times (x minus its mean): it loses the mean of y",
            "q8_test": "lift_by_platform and pooled_lift are right, but the verdict and reason follow the "
                       "pooled number: every platform's lift is positive, the arms differ in platform mix",
            "q9_test": "simulates A/A tests correctly, but counts only the last look, not ANY daily look: "
                       "the point of the question (peeking) is missed",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {"q1_test": 2, "q2_test": 3, "q3_test": 2, "q4_test": 1, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0, "q9_test": 0},
        "why": {
            "q4_test": "rates and lift are right; the interval and the p-value are left as None (a TODO)",
        },
    },
}
