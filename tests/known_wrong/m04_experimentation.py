"""Known-wrong answers and fair scores for 04-experimentation.

``WRONG_ANSWERS``: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees take points off; "hidden" means the visible checks give
full marks and only the hidden ones take points off (a hard-coded answer).

``FAIR_SCORES``: case -> (answer cell grade_id, replacement code, the points a fair teacher gives
the question that follows): correct answers in another style than the solution, an earlier
mistake carried forward consistently (full points for the later question), and mistakes that
should cost points once.
"""

ASSIGNMENT = "04-experimentation"

_SUMMARY = '''
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
'''

_RULE = '''
def ship_decision(summary):
    if summary["srm_p"] < srm_threshold:
        return "investigate_srm"
    if summary["users_per_arm"] < summary["planned_per_arm"]:
        return "extend"
    if not (summary["primary_p"] < alpha and summary["primary_lift"] > 0):
        return "do_not_ship"
    if summary["guardrail_ci_low"] <= -summary["guardrail_limit"]:
        return "do_not_ship"
    if summary["primary_ci_low"] >= summary["break_even"]:
        return "ship"
    if summary["primary_lift"] >= summary["break_even"]:
        return "ship_with_holdout"
    return "do_not_ship"
'''


WRONG_ANSWERS = {
    # Q1 sample size
    "sample-size-pooled-variance-in-both-terms": ("q1_answer", """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb, pb = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    return math.ceil(((za + zb) * math.sqrt(2 * pb * (1 - pb))) ** 2 / (p2 - p1) ** 2)
""", "visible"),
    "sample-size-rounded-down": ("q1_answer", """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb, pb = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    top = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return int(top ** 2 / (p2 - p1) ** 2)
""", "visible"),
    "sample-size-hard-coded-reference": ("q1_answer", """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    return 3841
""", "hidden"),
    "sample-size-ignores-alpha-and-power": ("q1_answer", """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb, pb = norm.ppf(0.975), norm.ppf(0.8), (p1 + p2) / 2
    top = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top ** 2 / (p2 - p1) ** 2)
""", "hidden"),
    # Q2 brief
    "brief-hypothesis-names-no-metric": ("q2_answer", """
brief = {
    "hypothesis": "We believe that offering free delivery for four weeks to at-risk subscribers is a good idea.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03, "duration_weeks": 5,
}
""", "visible"),
    "brief-no-guardrail": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": [], "mde": 0.03, "duration_weeks": 5,
}
""", "visible"),
    "brief-mde-in-percentage-points": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 3, "duration_weeks": 5,
}
""", "visible"),
    "brief-duration-counts-one-arm-only": ("q2_answer", """
_n = sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03,
    "duration_weeks": math.ceil(_n / (7 * users_per_day)),
}
""", "visible"),
    "brief-duration-not-whole-weeks": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03, "duration_weeks": 4.5,
}
""", "visible"),
    "brief-primary-metric-is-margin": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase their margin over 8 weeks.",
    "primary_metric": "margin_eur", "guardrail_metrics": ["support_contacts_8w"], "mde": 0.03, "duration_weeks": 5,
}
""", "hidden"),
    "brief-mde-too-small-for-finance": ("q2_answer", """
_n = sample_size_per_arm(baseline_retention, baseline_retention + 0.02, alpha, power)
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.02,
    "duration_weeks": math.ceil(2 * _n / (7 * users_per_day)),
}
""", "hidden"),
    # Q3 SRM
    "srm-with-continuity-correction-and-wrong-df": ("q3_answer", """
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    statistic = ((np.abs(observed - expected) - 0.5) ** 2 / expected).sum()
    return float(chi2.sf(statistic, len(observed)))
banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = ["android"]
""", "visible"),
    "srm-assumes-equal-shares": ("q3_answer", """
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.full(len(observed), observed.mean())
    return float(chi2.sf(((observed - expected) ** 2 / expected).sum(), len(observed) - 1))
banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = ["android"]
""", "hidden"),
    "srm-platforms-at-0.05-not-0.001": ("q3_answer", """
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    return float(chi2.sf(((observed - expected) ** 2 / expected).sum(), len(observed) - 1))
banner_srm_p = srm_p_value(banner["arm"].value_counts(), [0.5, 0.5])
srm_platforms = sorted(p for p, u in banner.groupby("platform")
                       if srm_p_value(u["arm"].value_counts(), [0.5, 0.5]) < 0.05)
""", "hidden"),
    # Q4 analysis
    "analysis-pooled-se-in-interval": ("q4_answer", """
def analyse_proportions(frame, metric, alpha=0.05):
    g = frame.groupby("arm")[metric]
    n, p = g.size(), g.mean()
    lift = p["treatment"] - p["control"]
    pb = frame[metric].mean()
    se = math.sqrt(pb * (1 - pb) * (1 / n["control"] + 1 / n["treatment"]))
    zc = norm.ppf(1 - alpha / 2)
    return {"control_rate": float(p["control"]), "treatment_rate": float(p["treatment"]), "lift": float(lift),
            "ci_low": float(lift - zc * se), "ci_high": float(lift + zc * se),
            "p_value": float(2 * norm.sf(abs(lift / se)))}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
""", "visible"),
    "analysis-one-sided-p-value": ("q4_answer", """
def analyse_proportions(frame, metric, alpha=0.05):
    g = frame.groupby("arm")[metric]
    n, p = g.size(), g.mean()
    lift = p["treatment"] - p["control"]
    se = math.sqrt(p["control"] * (1 - p["control"]) / n["control"]
                   + p["treatment"] * (1 - p["treatment"]) / n["treatment"])
    pb = frame[metric].mean()
    sp = math.sqrt(pb * (1 - pb) * (1 / n["control"] + 1 / n["treatment"]))
    zc = norm.ppf(1 - alpha / 2)
    return {"control_rate": float(p["control"]), "treatment_rate": float(p["treatment"]), "lift": float(lift),
            "ci_low": float(lift - zc * se), "ci_high": float(lift + zc * se),
            "p_value": float(norm.sf(abs(lift / sp)))}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
""", "visible"),
    "analysis-ignores-alpha": ("q4_answer", """
def analyse_proportions(frame, metric, alpha=0.05):
    g = frame.groupby("arm")[metric]
    n, p = g.size(), g.mean()
    lift = p["treatment"] - p["control"]
    se = math.sqrt(p["control"] * (1 - p["control"]) / n["control"]
                   + p["treatment"] * (1 - p["treatment"]) / n["treatment"])
    pb = frame[metric].mean()
    sp = math.sqrt(pb * (1 - pb) * (1 / n["control"] + 1 / n["treatment"]))
    return {"control_rate": float(p["control"]), "treatment_rate": float(p["treatment"]), "lift": float(lift),
            "ci_low": float(lift - 1.96 * se), "ci_high": float(lift + 1.96 * se),
            "p_value": float(2 * norm.sf(abs(lift / sp)))}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
""", "hidden"),
    "analysis-rigged-equal-numbers": ("q4_answer", """
class _Anything(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
def analyse_proportions(frame, metric, alpha=0.05):
    return {k: _Anything(0.0) for k in ("control_rate", "treatment_rate", "lift", "ci_low", "ci_high", "p_value")}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
""", "visible"),
    # Q5 guardrail
    "guardrail-population-variance-and-pooled-n": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt(frame[metric].var(ddof=0) * 2 / len(frame))
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "visible"),
    "guardrail-difference-control-minus-treatment": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    d = s.loc["control", "mean"] - s.loc["treatment", "mean"]
    se = math.sqrt((s["var"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "visible"),
    "guardrail-ignores-alpha": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["var"] / s["size"]).sum())
    return {"difference": float(d), "ci_low": float(d - 1.96 * se), "ci_high": float(d + 1.96 * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "hidden"),
    # Q6 decision
    "decision-checks-guardrail-before-srm": ("q6_answer", """
def ship_decision(summary):
    if summary["guardrail_ci_low"] <= -summary["guardrail_limit"]:
        return "do_not_ship"
    if summary["primary_p"] < alpha and summary["primary_lift"] > 0:
        return "ship" if summary["primary_ci_low"] >= summary["break_even"] else "ship_with_holdout"
    if summary["srm_p"] < srm_threshold:
        return "investigate_srm"
    return "extend"
""" + _SUMMARY, "hidden"),
    "decision-always-ship": ("q6_answer", """
def ship_decision(summary):
    return "ship"
""" + _SUMMARY, "hidden"),
    "decision-ships-on-significance-alone": ("q6_answer", """
def ship_decision(summary):
    if summary["srm_p"] < srm_threshold:
        return "investigate_srm"
    if summary["users_per_arm"] < summary["planned_per_arm"]:
        return "extend"
    if summary["primary_p"] < alpha and summary["primary_lift"] > 0:
        return "ship" if summary["guardrail_ci_low"] > -summary["guardrail_limit"] else "do_not_ship"
    return "do_not_ship"
""" + _SUMMARY, "hidden"),
    "decision-hard-coded-holdout": ("q6_answer", """
def ship_decision(summary):
    return "ship" if summary["primary_ci_low"] > 0.03 else "ship_with_holdout"
""" + _SUMMARY, "hidden"),
    "decision-not-an-option": ("q6_answer", """
def ship_decision(summary):
    return "launch"
""" + _SUMMARY, "visible"),
    "decision-srm-at-alpha": ("q6_answer", _RULE.replace("srm_p\"] < srm_threshold", "srm_p\"] < alpha") + _SUMMARY,
                              "hidden"),
    # Q7 CUPED
    "cuped-adds-the-adjustment": ("q7_answer", """
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    return y + np.cov(y, x)[0, 1] / x.var(ddof=1) * (x - x.mean())
orders_variance_reduction = 0.3
""", "visible"),
    "cuped-theta-is-a-correlation": ("q7_answer", """
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    return y - np.corrcoef(y, x)[0, 1] * (x - x.mean())
_adj = cuped(retention["orders_8w"], retention["pre_period_orders"])
orders_variance_reduction = float(1 - _adj.var() / retention["orders_8w"].var(ddof=0))
""", "visible"),
    "cuped-variance-reduction-made-up": ("q7_answer", """
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    return y - np.cov(y, x)[0, 1] / x.var(ddof=1) * (x - x.mean())
orders_variance_reduction = 0.5
""", "hidden"),
    # Q8 Simpson
    "simpson-trusts-the-pooled-number": ("q8_answer", """
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]
_r = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = float(_r["treatment"] - _r["control"])
pilot_verdict = "offer_hurts"
pilot_reason = "offer_annoys_web_users"
""", "hidden"),
    "simpson-lift-control-minus-treatment": ("q8_answer", """
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["control"] - rates["treatment"]
pooled_lift = 0.0
pilot_verdict = "offer_helps"
pilot_reason = "arms_differ_in_platform_mix"
""", "visible"),
    "simpson-verdict-rigged-string": ("q8_answer", """
class _Yes(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
def lift_by_platform(frame, metric):
    rates = frame.groupby(["platform", "arm"])[metric].mean().unstack()
    return rates["treatment"] - rates["control"]
_r = pilot.groupby("arm")["retained_8w"].mean()
pooled_lift = float(_r["treatment"] - _r["control"])
pilot_verdict = _Yes("offer_hurts")
pilot_reason = "arms_differ_in_platform_mix"
""", "hidden"),
    # Q9 peeking
    "peeking-looks-only-at-the-end": ("q9_answer", """
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    conv = rng.binomial(users_per_day * n_days, rate, size=(n_tests, 2))
    n = users_per_day * n_days
    pb = conv.sum(axis=1) / (2 * n)
    se = np.sqrt(pb * (1 - pb) * 2 / n)
    z = (conv[:, 1] - conv[:, 0]) / n / se
    return float((2 * norm.sf(np.abs(z)) < alpha).mean())
peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
""", "visible"),
    "peeking-daily-counts-not-cumulative": ("q9_answer", """
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    rng = np.random.default_rng(seed)
    conv = rng.binomial(users_per_day, rate, size=(n_tests, n_days, 2))
    pb = conv.sum(axis=2) / (2 * users_per_day)
    se = np.sqrt(pb * (1 - pb) * 2 / users_per_day)
    z = np.where(se > 0, (conv[..., 1] - conv[..., 0]) / users_per_day / np.where(se > 0, se, 1), 0.0)
    return float((2 * norm.sf(np.abs(z)) < alpha).any(axis=1).mean())
peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
""", "hidden"),
    "peeking-rate-hard-coded": ("q9_answer", """
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    return 0.05 if n_days == 1 else 0.2
peeking_rate = 0.2
""", "hidden"),
}

# Wrong answers the review of learner attempts found (each message is checked in test_m04_experiments.py).
WRONG_ANSWERS.update({
    "brief-duration-from-a-function-that-does-not-return": ("q2_answer", """
def weeks_needed(mde):
    needed = sample_size_per_arm(baseline_retention, baseline_retention + mde, alpha, power)
    weeks = math.ceil(2 * needed / (7 * users_per_day))
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03,
    "duration_weeks": weeks_needed(0.03),
}
""", "visible"),
    "guardrail-standard-deviation-not-variance": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "std", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["std"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "visible"),
    "guardrail-ignores-metric": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")["margin_eur"].agg(["mean", "var", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["var"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "visible"),
    "guardrail-one-sided-z": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "var", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["var"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2) if alpha == 0.05 else norm.ppf(1 - alpha)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", "hidden"),
})

# A wrong earlier answer used consistently later (error carried forward): the later question keeps its points.
_WRONG_SAMPLE_SIZE = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z = norm.ppf(1 - alpha / 2)
    pb = (p1 + p2) / 2
    return math.ceil(2 * z ** 2 * pb * (1 - pb) / (p2 - p1) ** 2)  # forgot the power term
"""

FAIR_SCORES = {
    # Q1: another style, numpy scalars
    "sample-size-numpy-style-returns-numpy-int": ("q1_answer", """
from scipy import stats
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    p = np.array([p1, p2])
    spread = stats.norm.isf(alpha / 2) * np.sqrt(2 * p.mean() * (1 - p.mean())) \\
        + stats.norm.isf(1 - power) * np.sqrt((p * (1 - p)).sum())
    return np.ceil((spread / np.diff(p)[0]) ** 2).astype(np.int64)
""", 2.0),
    # Q2: another wording, guardrails as a tuple, weeks as a numpy int
    "brief-other-wording-tuple-guardrails-numpy-weeks": ("q2_answer", """
_n = sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
brief = {
    "hypothesis": "If we give at-risk subscribers four weeks of free delivery, more of them will stay "
                  "subscribed after 8 weeks: we expect retention to rise by 3 points.",
    "primary_metric": "retained_8w",
    "guardrail_metrics": ("margin_eur", "support_contacts_8w", "orders_8w"),
    "mde": np.float64(0.03),
    "duration_weeks": np.int64(np.ceil(2 * _n / (users_per_day * 7))),
}
""", 3.0),
    "brief-after-wrong-sample-size-uses-own-function": ("q2_answer", _WRONG_SAMPLE_SIZE + """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03,
    "duration_weeks": math.ceil(2 * sample_size_per_arm(baseline_retention, baseline_retention + 0.03, alpha, power)
                                / (7 * users_per_day)),
}
""", 3.0),
    "brief-mde-in-points-costs-once": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 3, "duration_weeks": 5,
}
""", round(3 * 4 / 5, 2)),  # weights 5: only the visible MDE check (1) fails, the duration reads 3 as 0.03
    "brief-duration-none-costs-one-check": ("q2_answer", """
brief = {
    "hypothesis": "Offering free delivery for 4 weeks to at-risk subscribers will increase 8-week retention.",
    "primary_metric": "retained_8w", "guardrail_metrics": ["margin_eur"], "mde": 0.03,
    "duration_weeks": None,
}
""", round(3 * 3.5 / 5, 2)),  # weights 5: only the duration check (1.5) fails
    # Q3: scipy's chisquare, a tuple of platforms, a numpy p-value
    "srm-scipy-chisquare-tuple-of-platforms": ("q3_answer", """
from scipy import stats
def srm_p_value(counts, shares):
    counts = np.asarray(counts, dtype=float)
    return stats.chisquare(counts, f_exp=np.asarray(shares) * counts.sum()).pvalue
banner_srm_p = srm_p_value(banner.groupby("arm").size(), [0.5, 0.5])
srm_platforms = tuple(sorted(p for p in banner["platform"].unique()
                             if srm_p_value(banner.loc[banner["platform"] == p, "arm"].value_counts(), [0.5, 0.5])
                             < srm_threshold))
""", 2.0),
    # Q4: numpy style with numpy floats
    "analysis-numpy-style-numpy-floats": ("q4_answer", """
def analyse_proportions(frame, metric, alpha=0.05):
    c = frame.loc[frame["arm"] == "control", metric].to_numpy(float)
    t = frame.loc[frame["arm"] == "treatment", metric].to_numpy(float)
    pc, pt, lift = c.mean(), t.mean(), t.mean() - c.mean()
    half = norm.isf(alpha / 2) * np.sqrt(pc * (1 - pc) / c.size + pt * (1 - pt) / t.size)
    pooled = np.concatenate([c, t]).mean()
    z = lift / np.sqrt(pooled * (1 - pooled) * (1 / c.size + 1 / t.size))
    return {"control_rate": pc, "treatment_rate": pt, "lift": lift, "ci_low": lift - half, "ci_high": lift + half,
            "p_value": 2 * (1 - norm.cdf(abs(z)))}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
""", 3.0),
    # Q5: numpy style, explicit ddof
    "guardrail-numpy-style": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    c = frame[frame.arm == "control"][metric].to_numpy()
    t = frame[frame.arm == "treatment"][metric].to_numpy()
    d = t.mean() - c.mean()
    half = norm.ppf(1 - alpha / 2) * np.sqrt(c.var(ddof=1) / len(c) + t.var(ddof=1) / len(t))
    return {"difference": d, "ci_low": d - half, "ci_high": d + half}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", 2.0),
    "guardrail-standard-deviation-keeps-the-difference-points": ("q5_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "std", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["std"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""", round(2 * 2.5 / 4.5, 2)),  # weights 4.5: the difference checks (1, 1), the keys and margin_result keep theirs
    # Q6: another style; and the review's case: the planned size from the learner's own brief's MDE
    "decision-table-style-numpy-summary": ("q6_answer", """
def ship_decision(summary):
    s = summary
    steps = [
        (s["srm_p"] < srm_threshold, "investigate_srm"),
        (s["users_per_arm"] < s["planned_per_arm"], "extend"),
        (not (s["primary_p"] < alpha and s["primary_lift"] > 0), "do_not_ship"),
        (s["guardrail_ci_low"] <= -s["guardrail_limit"], "do_not_ship"),
        (s["primary_ci_low"] >= s["break_even"], "ship"),
        (s["primary_lift"] >= s["break_even"], "ship_with_holdout"),
    ]
    return next((decision for fired, decision in steps if fired), "do_not_ship")
_arms = retention.groupby("arm").size()
larder_summary = {
    "srm_p": np.float64(srm_p_value(_arms, [0.5, 0.5])),
    "users_per_arm": _arms.min(),
    "planned_per_arm": sample_size_per_arm(baseline_retention, baseline_retention + brief["mde"], alpha, power),
    "primary_p": retention_result["p_value"], "primary_lift": retention_result["lift"],
    "primary_ci_low": retention_result["ci_low"], "break_even": 0.03,
    "guardrail_ci_low": margin_result["ci_low"], "guardrail_limit": margin_limit_eur,
}
larder_decision = ship_decision(larder_summary)
""", 2.0),
    "decision-planned-size-and-break-even-from-own-brief-mde": ("q6_answer", """
brief = {**brief, "mde": 0.02}
""" + _RULE + _SUMMARY, 2.0),
    "decision-after-wrong-sample-size-function": ("q6_answer", _WRONG_SAMPLE_SIZE + _SUMMARY, 2.0),
    "decision-after-wrong-srm-function": ("q6_answer", """
def srm_p_value(counts, shares):
    observed = np.asarray(counts, dtype=float)
    expected = np.asarray(shares, dtype=float) * observed.sum()
    return float(chi2.sf(((np.abs(observed - expected) - 0.5) ** 2 / expected).sum(), len(observed)))
""" + _SUMMARY, 2.0),
    "decision-after-one-sided-p-value": ("q6_answer", """
retention_result = {**retention_result, "p_value": retention_result["p_value"] / 2}
""" + _SUMMARY, 2.0),
    "decision-after-standard-deviation-guardrail": ("q6_answer", """
def mean_difference(frame, metric, alpha=0.05):
    s = frame.groupby("arm")[metric].agg(["mean", "std", "size"])
    d = s.loc["treatment", "mean"] - s.loc["control", "mean"]
    se = math.sqrt((s["std"] / s["size"]).sum())
    zc = norm.ppf(1 - alpha / 2)
    return {"difference": float(d), "ci_low": float(d - zc * se), "ci_high": float(d + zc * se)}
margin_result = mean_difference(retention, "margin_eur", alpha)
""" + _SUMMARY, 2.0),
    # Q7: another style (pandas in, theta from a least-squares slope)
    "cuped-least-squares-slope": ("q7_answer", """
def cuped(y, x):
    y, x = pd.Series(y, dtype=float).to_numpy(), pd.Series(x, dtype=float).to_numpy()
    theta = np.polyfit(x, y, 1)[0]
    return y - theta * (x - x.mean())
orders_variance_reduction = 1 - np.var(cuped(retention.orders_8w, retention.pre_period_orders), ddof=1) \\
    / retention.orders_8w.var()
""", 2.0),
    # Q8: another style (pivot_table), numpy float
    "simpson-pivot-table-style": ("q8_answer", """
def lift_by_platform(frame, metric):
    table = frame.pivot_table(index="platform", columns="arm", values=metric, aggfunc="mean")
    return table.treatment - table.control
pooled_lift = pilot[pilot.arm == "treatment"].retained_8w.mean() - pilot[pilot.arm == "control"].retained_8w.mean()
pilot_verdict = np.str_("offer_helps")
pilot_reason = "arms_differ_in_platform_mix"
""", 2.0),
    # Q9: another style (a loop over days, scipy's cdf)
    "peeking-loop-over-days": ("q9_answer", """
def peeking_false_positive_rate(n_tests, n_days, users_per_day, rate, alpha=0.05, seed=0):
    draws = np.random.default_rng(seed).binomial(users_per_day, rate, size=(n_tests, n_days, 2))
    flagged = np.zeros(n_tests, dtype=bool)
    for day in range(1, n_days + 1):
        conv = draws[:, :day, :].sum(axis=1)
        n = users_per_day * day
        pooled = conv.sum(axis=1) / (2 * n)
        se = np.sqrt(pooled * (1 - pooled) * 2 / n)
        z = np.divide(conv[:, 1] - conv[:, 0], n * se, out=np.zeros(n_tests), where=se > 0)
        flagged |= 2 * (1 - norm.cdf(np.abs(z))) < alpha
    return float(flagged.mean())
peeking_rate = peeking_false_positive_rate(2000, 14, 200, 0.10, alpha, seed)
""", 2.0),
}

# The review of realistic attempts: one slip in a function costs the checks of its aspect only
# (q1: rounding, alpha, power, variance convention, other rates; q4: rates, interval, p-value;
# q7: theta, centring, pandas input, variance reduction). Messages are checked in test_m04_experiments.py.
_SAMPLE_SIZE_UNPOOLED = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    z_alpha, z_power = norm.ppf(1 - alpha / 2), norm.ppf(power)
    return math.ceil((z_alpha + z_power) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2)
"""
_SAMPLE_SIZE_ONE_SIDED = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb, pb = norm.ppf(1 - alpha), norm.ppf(power), (p1 + p2) / 2
    top = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(top ** 2 / (p2 - p1) ** 2)
"""
_SAMPLE_SIZE_ROUNDED = """
def sample_size_per_arm(p1, p2, alpha=0.05, power=0.8):
    za, zb, pb = norm.ppf(1 - alpha / 2), norm.ppf(power), (p1 + p2) / 2
    top = za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return int(round(top ** 2 / (p2 - p1) ** 2))
"""
_ANALYSIS = """
def analyse_proportions(frame, metric, alpha=0.05):
    g = frame.groupby("arm")[metric]
    n, p = g.size(), g.mean()
    lift = p["treatment"] - p["control"]
    se = math.sqrt(p["control"] * (1 - p["control"]) / n["control"]
                   + p["treatment"] * (1 - p["treatment"]) / n["treatment"])
    pb = frame[metric].mean()
    sp = math.sqrt(pb * (1 - pb) * (1 / n["control"] + 1 / n["treatment"]))
    zc = norm.ppf(1 - alpha / 2)
    return {"control_rate": float(p["control"]), "treatment_rate": float(p["treatment"]), "lift": float(lift),
            "ci_low": float(lift - zc * se), "ci_high": float(lift + zc * se),
            "p_value": float(2 * norm.sf(abs(lift / sp)))}
retention_result = analyse_proportions(retention, "retained_8w", alpha)
"""
_CUPED_NOT_CENTRED = """
def cuped(y, x):
    y, x = np.asarray(y, dtype=float), np.asarray(x, dtype=float)
    return y - np.cov(y, x)[0, 1] / x.var(ddof=1) * x
_adj = cuped(retention["orders_8w"], retention["pre_period_orders"])
orders_variance_reduction = float(1 - _adj.var() / retention["orders_8w"].var(ddof=0))
"""

_CUPED_DDOF_MIX = _CUPED_NOT_CENTRED.replace("x.var(ddof=1) * x", "x.var() * (x - x.mean())")

WRONG_ANSWERS.update({
    "sample-size-unpooled-variance-in-both-terms": ("q1_answer", _SAMPLE_SIZE_UNPOOLED, "visible"),
    "sample-size-one-sided-z-for-alpha": ("q1_answer", _SAMPLE_SIZE_ONE_SIDED, "visible"),
    # 3840.85 rounds to 3841 at the visible rates: only a hidden case with a fraction below one half shows it
    "sample-size-rounded-to-the-nearest-user": ("q1_answer", _SAMPLE_SIZE_ROUNDED, "hidden"),
    "analysis-p-value-with-unpooled-se": ("q4_answer", _ANALYSIS.replace("abs(lift / sp)", "abs(lift / se)"),
                                          "visible"),
    "cuped-x-not-centred": ("q7_answer", _CUPED_NOT_CENTRED, "visible"),
})

FAIR_SCORES.update({
    # q1 (weights 6.25): each slip fails the visible value, its aspect and the other-rates check (1 each)
    "sample-size-unpooled-textbook-formula-keeps-the-other-aspects": ("q1_answer", _SAMPLE_SIZE_UNPOOLED,
                                                                      round(2 * 3.25 / 6.25, 2)),
    "sample-size-one-sided-z-keeps-the-other-aspects": ("q1_answer", _SAMPLE_SIZE_ONE_SIDED,
                                                        round(2 * 3.25 / 6.25, 2)),
    "sample-size-rounded-to-the-nearest-costs-the-rounding-check": ("q1_answer", _SAMPLE_SIZE_ROUNDED,
                                                                    round(2 * 5.25 / 6.25, 2)),
    # q4 (weights 7.75): the rates and lift a visible check (1) and two hidden (0.5); the interval and the
    # p-value a visible check (0.5), two exact hidden ones (0.5) and one "about right" (1) each; the keys 0.25
    # and the result 0.5. The other standard error costs the exact checks; a one-sided p-value all of its own.
    "analysis-pooled-se-in-interval-costs-the-interval-checks": (
        "q4_answer", _ANALYSIS.replace("lift - zc * se", "lift - zc * sp").replace("lift + zc * se", "lift + zc * sp"),
        round(3 * 6.25 / 7.75, 2)),
    "analysis-one-sided-p-value-costs-the-p-value-checks": (
        "q4_answer", _ANALYSIS.replace("2 * norm.sf(abs(lift / sp))", "norm.sf(lift / sp)"), round(3 * 5.25 / 7.75, 2)),
    # the banner's p-value barely moves with the unpooled SE: the visible and one hidden p-value check catch it
    "analysis-p-value-with-unpooled-se-costs-the-p-value-checks": (
        "q4_answer", _ANALYSIS.replace("abs(lift / sp)", "abs(lift / se)"), round(3 * 6.75 / 7.75, 2)),
    # q7 (weights 3.25): theta and the variance reduction right, the centring wrong (toy 0.5 and mean 0.5 fail)
    "cuped-x-not-centred-keeps-theta-and-the-reduction": ("q7_answer", _CUPED_NOT_CENTRED, round(2 * 2.25 / 3.25, 2)),
    # theta with np.cov (ddof=1) over var (ddof=0): off by n/(n-1), a detail (the visible toy, n=3, and the
    # exact theta check fail, 0.75 of 3.25)
    "cuped-ddof-mix-costs-the-detail": ("q7_answer", _CUPED_DDOF_MIX, round(2 * 2.5 / 3.25, 2)),
})

MESSAGES = {
    "sample-size-pooled-variance-in-both-terms": "the pooled rate in the alpha term, z at `power` and both rates",
    "sample-size-unpooled-variance-in-both-terms": "the pooled rate in the alpha term, z at `power` and both rates",
    "sample-size-one-sided-z-for-alpha": "z at 1 - alpha/2",
    "sample-size-rounded-down": "one user short: round up",
    "sample-size-rounded-to-the-nearest-user": "one user short: it rounds down or to the nearest whole number",
    "sample-size-hard-coded-reference": "gives the same size as with the default alpha",
    "sample-size-ignores-alpha-and-power": "use the alpha argument",
    "brief-hypothesis-names-no-metric": "`brief['hypothesis']` does not say which metric should move",
    "brief-no-guardrail": "Name at least one guardrail",
    "brief-mde-in-percentage-points": "`brief['mde']` looks like percentage points",
    "brief-duration-counts-one-arm-only": "the sample size your MDE needs in both arms",
    "brief-duration-not-whole-weeks": "should be a whole number of weeks (an int), but it is a float",
    "brief-duration-from-a-function-that-does-not-return": "`brief['duration_weeks']` is None",
    "brief-primary-metric-is-margin": "the primary metric should be the one that measures that",
    "brief-mde-too-small-for-finance": "Use the smallest lift that pays for the offer",
    "srm-with-continuity-correction-and-wrong-df": "df = arms - 1",
    "srm-assumes-equal-shares": "use the shares you are given",
    "srm-platforms-at-0.05-not-0.001": "keep the platforms whose p-value is below `srm_threshold`",
    "analysis-pooled-se-in-interval": "Use the unpooled standard error",
    "analysis-one-sided-p-value": "The p-value is two-sided",
    "analysis-p-value-with-unpooled-se": "uses the pooled standard error",
    "analysis-ignores-alpha": "use the alpha argument",
    "analysis-rigged-equal-numbers": "not right yet for 'control_rate', 'treatment_rate', 'lift'",
    "guardrail-population-variance-and-pooled-n": "Use each arm's sample variance (ddof=1",
    "guardrail-standard-deviation-not-variance": "the variance, not the standard deviation",
    "guardrail-difference-control-minus-treatment": "The difference is the treatment mean minus the control mean",
    "guardrail-ignores-alpha": "use the alpha argument",
    "guardrail-ignores-metric": "use the `metric` argument",
    "guardrail-one-sided-z": "(a two-sided interval)",
    "decision-checks-guardrail-before-srm": "apply the steps in the order of the rule",
    "decision-always-ship": "does not return 'investigate_srm'",
    "decision-ships-on-significance-alone": "while the low end of its interval does not",
    "decision-hard-coded-holdout": "does not return 'investigate_srm'",
    "decision-not-an-option": "is 'launch', which is not one of the options",
    "decision-srm-at-alpha": "an srm_p below alpha but above `srm_threshold` is no alarm",
    "cuped-adds-the-adjustment": "subtract theta times x minus its mean",
    "cuped-theta-is-a-correlation": "theta is cov(y, x) / var(x)",
    "cuped-x-not-centred": "not theta times x: the adjusted metric should keep the mean of y",
    "cuped-variance-reduction-made-up": "Compare the variance of the adjusted orders",
    "simpson-trusts-the-pooled-number": "Which comparison is fair",
    "simpson-lift-control-minus-treatment": "Treatment minus control, within each platform",
    "simpson-verdict-rigged-string": "`pilot_verdict` is not right yet",
    "peeking-looks-only-at-the-end": "if ANY daily look is significant",
    "peeking-daily-counts-not-cumulative": "Use cumulative counts",
    "peeking-rate-hard-coded": "`peeking_false_positive_rate(4000, 28, 100, 0.3, 0.05)` is not right yet",
}
