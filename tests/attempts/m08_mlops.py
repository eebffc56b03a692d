"""Module 08 (MLOps and backend fluency): four learner attempts and the points a fair teacher gives them.

Fair points were set from the prompts before grading: two attempts correct in other styles (and with
other defensible calls), the typical mistakes of a data scientist new to production work, and one
half done.
"""

ASSIGNMENT = "08-mlops"

# ---------------------------------------------------------------------------------------------
# A: everything right, numpy style; calls where the evidence allows a choice go the other way from
# the model answer (keep the champion over the lite model; a service on the tie; no early_signals).
# ---------------------------------------------------------------------------------------------
_NUMPY_STYLE = {
    "q1_answer": '''\
DECILES = np.linspace(10, 90, 9)


def psi(reference_values, current_values):
    ref = np.asarray(reference_values, dtype=float)
    cur = np.asarray(current_values, dtype=float)
    cuts = np.percentile(ref, DECILES)
    def share(x):
        return np.maximum(np.histogram(np.searchsorted(cuts, x, side="right"), bins=np.arange(11))[0] / x.size, 1e-4)
    e, a = share(ref), share(cur)
    return float(((a - e) * np.log(a / e)).sum())


def psi_band(value):
    return "significant" if value > 0.25 else "moderate" if value >= 0.1 else "stable"


drift = pd.Series([psi(reference[f], current[f]) for f in FEATURES], index=FEATURES)
drifted = [f for f, v in drift.items() if psi_band(v) != "stable"]
drift.round(3)
''',
    "q2_answer": '''\
def measurable_weeks(week_starts, day):
    last_complete = pd.Timestamp(day) - pd.Timedelta(days=LABEL_DELAY_DAYS)
    return [w for w in week_starts if w <= last_complete]


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["input_drift", "score_distribution"]   # early signals need weeks of behaviour first
print(f"{len(measurable_now)} of {len(SCORE_WEEKS)} scored weeks can be measured on {today}.")
''',
    "q3_answer": '''\
def recall_difference(frame):
    y = frame["churned"].to_numpy() == 1
    d = (frame["challenger_flag"].to_numpy() - frame["champion_flag"].to_numpy())[y].astype(float)
    se = d.std(ddof=1) / np.sqrt(d.size)
    return (d.mean(), d.mean() - 1.96 * se, d.mean() + 1.96 * se)


def guardrail_changes(frame):
    y = frame["churned"].to_numpy()
    prec = {m: y[frame[f"{m}_flag"].to_numpy() == 1].mean() for m in ("champion", "challenger")}
    p95 = {m: np.percentile(frame[f"{m}_latency_ms"].to_numpy(), 95) for m in ("champion", "challenger")}
    return {"precision": prec["challenger"] - prec["champion"], "p95_latency_ms": p95["challenger"] - p95["champion"]}


def promote(difference, low, guardrails, margin):
    if difference < margin or low <= 0:
        return "keep champion"
    if guardrails["precision"] < -0.02 or guardrails["p95_latency_ms"] > 25:
        return "keep champion"
    return "promote"


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
''',
    "q4_answer": '''\
def ml_test_score(practices):
    value = {"automated": 1.0, "manual": 0.5}
    out = {}
    for section, tests in practices.items():
        out[section] = float(np.sum([value.get(status, 0.0) for status in tests.values()]))
    out["final"] = min(out[s] for s in practices)
    return out


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = sorted(LARDER_PRACTICES, key=larder_score.get)[0]
larder_band = [name for name, upper in READINESS_BANDS.items() if larder_score["final"] <= upper][0]
larder_score
''',
    "q5_answer": '''\
pipeline_order = ("code_checks", "data_validation", "train", "evaluate", "build_image", "deploy_staging",
                  "integration_tests", "canary", "full_rollout")
caught_by = {"I1": "data_validation", "I2": "data_validation", "I3": "evaluate", "I4": "deploy_staging",
             "I5": "canary"}
print(" -> ".join(pipeline_order))
''',
    "q6_answer": '''\
def config_diff(left, right):
    missing = object()
    return sorted(k for k in {*left, *right} if left.get(k, missing) != right.get(k, missing))


behaviour = {"model_version", "scikit_learn", "timeout_ms", "replicas", "log_level"}
diff_kinds = {k: "risk" if k in behaviour else "expected" for k in config_diff(STAGING, PRODUCTION)}
config_diff(STAGING, PRODUCTION)
''',
    "q7_answer": '''\
def error_budget_minutes(slo, days):
    return (1.0 - slo) * days * 1440.0


def budget_share(requests, slo, days):
    failed = np.count_nonzero(requests["status"].to_numpy() >= 500)
    return failed / len(requests) / ((1 - slo) * days)


def latency_percentiles(latency_ms):
    values = np.asarray(latency_ms, dtype=float)
    return {"p95": np.percentile(values, 95), "p99": np.percentile(values, 99)}


day_availability = 1 - np.mean(scoring_requests["status"].to_numpy() >= 500)
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
_p = latency_percentiles(scoring_requests["latency_ms"])
latency_met = {"p95": bool(_p["p95"] <= P95_SLO_MS), "p99": bool(_p["p99"] <= P99_SLO_MS)}
''',
    "q8_answer": '''\
def is_valid(instance, schema):
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema).is_valid(instance)


validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
breaking = {"C2", "C3", "C5", "C7", "C8", "C9"}
change_kinds = {c: "breaking" if c in breaking else "non-breaking" for c in CHANGES}
model_review = "C6"
validity
''',
    "q9_answer": '''\
TO_STATE = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}


def final_status(events):
    latest = events.drop_duplicates(subset="event_id").sort_values("seq").groupby("subscriber_id").tail(1)
    return latest.set_index("subscriber_id")["event_type"].map(TO_STATE)


n_cancelled = int((final_status(subscription_events) == "cancelled").sum())
favours = dict(freshness="neither", release_cadence="service", scaling="service", team_ownership="monolith",
               data_access="monolith")
scoring_home = {"decision": "service", "evidence": ["release_cadence", "scaling"], "reverse_if": "scaling"}
''',
    "q10_answer": '''\
triggers = dict(psi_stable="nothing", psi_moderate="ticket for the ML team", psi_significant="ticket for the ML team",
                fast_budget_burn="page the on-call engineer")
calls = {
    "basket_drift": dict(decision="back-test as labels arrive", evidence=["drift", "label_delay", "recall_gate"],
                         reverse_if="post-change weeks show recall falling"),
    "lite_challenger": dict(decision="keep champion", evidence=["lite_shadow", "label_delay"],
                            reverse_if="post-change weeks show it keeping recall"),
    "stale_shadow": dict(decision="re-run the shadow on post-change traffic", evidence=["drift"],
                         reverse_if="the drifted inputs barely move either model's scores"),
    "budget_spent": dict(decision="freeze releases and promotions, not fixes", evidence=["error_budget", "latency"],
                         reverse_if="the burn rate stays below 1 for a week"),
    "breaking_change": dict(decision="serve v2 beside v1, retire v1 at zero traffic", evidence=["contract"],
                            reverse_if="no client reads churn_score any more"),
}
''',
}

# ---------------------------------------------------------------------------------------------
# B: everything right, pandas and plain-Python style; the model answer's calls on the lite model,
# freshness read as an argument for the monolith, early_signals kept.
# ---------------------------------------------------------------------------------------------
_PANDAS_STYLE = {
    "q1_answer": '''\
def psi(reference_values, current_values):
    ref = pd.Series(reference_values, dtype=float)
    cur = pd.Series(current_values, dtype=float)
    edges = [ref.quantile(q) for q in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]]
    e_counts = pd.Series(np.searchsorted(edges, ref, side="right")).value_counts()
    a_counts = pd.Series(np.searchsorted(edges, cur, side="right")).value_counts()
    total = 0.0
    for b in range(10):
        e = max(e_counts.get(b, 0) / len(ref), 0.0001)
        a = max(a_counts.get(b, 0) / len(cur), 0.0001)
        total += (a - e) * np.log(a / e)
    return total


def psi_band(value):
    if value > 0.25:
        return "significant"
    if value >= 0.1:
        return "moderate"
    return "stable"


drift = pd.Series({f: psi(reference[f], current[f]) for f in FEATURES})
drifted = drift[drift.apply(psi_band) != "stable"].index.tolist()
drift.round(3)
''',
    "q2_answer": '''\
def measurable_weeks(week_starts, day):
    day = pd.Timestamp(day)
    out = []
    for w in week_starts:
        if (day - w).days >= 28:
            out.append(w)
    return out


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["score_distribution", "input_drift", "early_signals"]
''',
    "q3_answer": '''\
def recall_difference(frame):
    churners = frame.loc[frame.churned == 1]
    d = churners.challenger_flag - churners.champion_flag
    half_width = 1.96 * d.std() / len(d) ** 0.5
    return d.mean(), d.mean() - half_width, d.mean() + half_width


def guardrail_changes(frame):
    precision = frame.groupby("churned").size()  # unused, kept from exploring
    champ = frame[frame.champion_flag == 1].churned.mean()
    chall = frame[frame.challenger_flag == 1].churned.mean()
    return {"precision": chall - champ,
            "p95_latency_ms": frame.challenger_latency_ms.quantile(0.95) - frame.champion_latency_ms.quantile(0.95)}


def promote(difference, low, guardrails, margin):
    gate = [difference >= margin, low > 0, guardrails["precision"] >= -0.02, guardrails["p95_latency_ms"] <= 25]
    return "promote" if all(gate) else "keep champion"


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
''',
    "q4_answer": '''\
def ml_test_score(practices):
    points = pd.DataFrame(practices).replace({"none": 0.0, "manual": 0.5, "automated": 1.0}).astype(float)
    scores = points.sum().to_dict()
    scores["final"] = min(scores.values())
    return scores


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = pd.Series(larder_score).drop("final").idxmin()
larder_band = "first pass"
larder_score
''',
    "q5_answer": '''\
pipeline_order = ["code_checks", "data_validation", "train", "evaluate", "build_image", "deploy_staging",
                  "integration_tests", "canary", "full_rollout"]
caught_by = {}
for incident in INCIDENTS:
    caught_by[incident] = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate",
                           "I4": "integration_tests", "I5": "canary"}[incident]
''',
    "q6_answer": '''\
def config_diff(left, right):
    out = []
    for key in sorted(set(left).union(right)):
        if key not in left or key not in right or left[key] != right[key]:
            out.append(key)
    return out


diff_kinds = {}
for key in config_diff(STAGING, PRODUCTION):
    diff_kinds[key] = "risk" if key in ("model_version", "scikit_learn", "timeout_ms") else "expected"
''',
    "q7_answer": '''\
def error_budget_minutes(slo, days):
    return round((1 - slo) * days * 24 * 60, 9)


def budget_share(requests, slo, days):
    error_rate = requests["status"].ge(500).mean()
    allowed_rate = 1 - slo
    return error_rate / allowed_rate / days


def latency_percentiles(latency_ms):
    s = pd.Series(latency_ms, dtype=float)
    return {"p95": s.quantile(0.95), "p99": s.quantile(0.99)}


day_availability = scoring_requests["status"].lt(500).mean()
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
pct = latency_percentiles(scoring_requests["latency_ms"])
latency_met = {"p95": pct["p95"] <= P95_SLO_MS, "p99": pct["p99"] <= P99_SLO_MS}
print(day_availability, day_budget_share, latency_met)
''',
    "q8_answer": '''\
def is_valid(instance, schema):
    try:
        jsonschema.validate(instance=instance, schema=schema, cls=jsonschema.Draft202012Validator)
        return True
    except jsonschema.exceptions.ValidationError:
        return False


validity = {}
for name, example in EXAMPLES.items():
    validity[name] = is_valid(example, SCORE_REQUEST_SCHEMA)
change_kinds = {"C1": "non-breaking", "C2": "breaking", "C3": "breaking", "C4": "non-breaking",
                "C5": "breaking", "C6": "non-breaking", "C7": "breaking", "C8": "breaking", "C9": "breaking"}
model_review = "C6"
''',
    "q9_answer": '''\
def final_status(events):
    seen = set()
    last = {}
    for _, row in events.iterrows():
        if row["event_id"] in seen:
            continue
        seen.add(row["event_id"])
        sub = row["subscriber_id"]
        if sub not in last or row["seq"] > last[sub][0]:
            last[sub] = (row["seq"], row["event_type"])
    states = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    return pd.Series({sub: states[kind] for sub, (_, kind) in last.items()})


n_cancelled = (final_status(subscription_events) == "cancelled").sum()
favours = {"freshness": "monolith", "release_cadence": "service", "scaling": "service",
           "team_ownership": "monolith", "data_access": "monolith"}
scoring_home = {"decision": "monolith", "evidence": ["freshness", "team_ownership", "data_access"],
                "reverse_if": "team_ownership"}
''',
    "q10_answer": '''\
triggers = {"psi_stable": "nothing", "psi_moderate": "ticket for the ML team",
            "psi_significant": "ticket for the ML team", "fast_budget_burn": "page the on-call engineer"}
calls = {}
calls["basket_drift"] = {"decision": "back-test as labels arrive", "evidence": ["drift", "label_delay"],
                         "reverse_if": "post-change weeks show recall falling"}
calls["lite_challenger"] = {"decision": "promote", "evidence": ["lite_shadow", "serving_cost", "drift"],
                            "reverse_if": "its interval's low end falls below -0.02"}
calls["stale_shadow"] = {"decision": "re-run the shadow on post-change traffic",
                         "evidence": ["drift", "recall_gate", "label_delay"],
                         "reverse_if": "the drifted inputs barely move either model's scores"}
calls["budget_spent"] = {"decision": "freeze releases and promotions, not fixes", "evidence": ["error_budget"],
                         "reverse_if": "the burn rate stays below 1 for a week"}
calls["breaking_change"] = {"decision": "serve v2 beside v1, retire v1 at zero traffic", "evidence": ["contract"],
                            "reverse_if": "no client reads churn_score any more"}
''',
}

# ---------------------------------------------------------------------------------------------
# C: typical mistakes of a data scientist new to production work.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    # bins cut at each sample's own deciles, and 0.25 called significant
    "q1_answer": '''\
def psi(reference_values, current_values):
    ref = np.asarray(reference_values, dtype=float)
    cur = np.asarray(current_values, dtype=float)
    e = np.bincount(np.searchsorted(np.percentile(ref, range(10, 100, 10)), ref, side="right"), minlength=10) / len(ref)
    a = np.bincount(np.searchsorted(np.percentile(cur, range(10, 100, 10)), cur, side="right"), minlength=10) / len(cur)
    e, a = np.maximum(e, 1e-4), np.maximum(a, 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))


def psi_band(value):
    return "stable" if value < 0.1 else "moderate" if value < 0.25 else "significant"


drift = pd.Series({f: psi(reference[f], current[f]) for f in FEATURES})
drifted = [f for f in FEATURES if psi_band(drift[f]) != "stable"]
''',
    # strictly after 28 days; a label-based "proxy"
    "q2_answer": '''\
def measurable_weeks(week_starts, day):
    return [w for w in week_starts if (pd.Timestamp(day) - w).days > 28]


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["input_drift", "score_distribution", "early_signals", "recall_last_week"]
''',
    # two independent recalls instead of the paired interval
    "q3_answer": '''\
def recall_difference(frame):
    churners = frame[frame["churned"] == 1]
    n = len(churners)
    r1, r0 = churners["challenger_flag"].mean(), churners["champion_flag"].mean()
    se = np.sqrt(r1 * (1 - r1) / n + r0 * (1 - r0) / n)
    return r1 - r0, r1 - r0 - 1.96 * se, r1 - r0 + 1.96 * se


def guardrail_changes(frame):
    prec = lambda flag: frame.loc[frame[flag] == 1, "churned"].mean()
    return {"precision": prec("challenger_flag") - prec("champion_flag"),
            "p95_latency_ms": np.percentile(frame["challenger_latency_ms"], 95)
            - np.percentile(frame["champion_latency_ms"], 95)}


def promote(difference, low, guardrails, margin):
    ok = difference >= margin and low > 0 and guardrails["precision"] >= -0.02 and guardrails["p95_latency_ms"] <= 25
    return "promote" if ok else "keep champion"


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
''',
    # the final score as the mean of the sections
    "q4_answer": '''\
def ml_test_score(practices):
    pts = {"none": 0, "manual": 0.5, "automated": 1}
    out = {s: sum(pts[v] for v in t.values()) for s, t in practices.items()}
    out["final"] = sum(out.values()) / len(out)
    return out


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = "monitoring"
larder_band = "reasonably tested"
''',
    # packaged before evaluated; the wiring bug left to the canary
    "q5_answer": '''\
pipeline_order = ["code_checks", "data_validation", "train", "build_image", "evaluate", "deploy_staging",
                  "integration_tests", "canary", "full_rollout"]
caught_by = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate", "I4": "canary", "I5": "canary"}
''',
    # only the library version is a risk
    "q6_answer": '''\
def config_diff(left, right):
    return sorted(k for k in set(left) | set(right) if left.get(k) != right.get(k))


diff_kinds = {k: "risk" if k == "scikit_learn" else "expected" for k in config_diff(STAGING, PRODUCTION)}
''',
    # client errors counted as failures
    "q7_answer": '''\
def error_budget_minutes(slo, days):
    return (1 - slo) * days * 24 * 60


def budget_share(requests, slo, days):
    failed = (requests["status"] != 200).mean()
    return failed / ((1 - slo) * days)


def latency_percentiles(latency_ms):
    return {"p95": np.percentile(latency_ms, 95), "p99": np.percentile(latency_ms, 99)}


day_availability = (scoring_requests["status"] == 200).mean()
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
latency_met = {k: v <= {"p95": P95_SLO_MS, "p99": P99_SLO_MS}[k]
               for k, v in latency_percentiles(scoring_requests["latency_ms"]).items()}
''',
    # any change to the contract breaks it; the model review on the wrong change
    "q8_answer": '''\
def is_valid(instance, schema):
    try:
        jsonschema.validate(instance, schema)
        return True
    except jsonschema.ValidationError:
        return False


validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
change_kinds = {c: "breaking" for c in CHANGES}
change_kinds["C1"] = "non-breaking"
model_review = "C7"
''',
    # events in arrival order; real time read as "needs a service"
    "q9_answer": '''\
def final_status(events):
    state = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    return events.drop_duplicates("event_id").groupby("subscriber_id")["event_type"].last().map(state)


n_cancelled = int((final_status(subscription_events) == "cancelled").sum())
favours = {"freshness": "service", "release_cadence": "service", "scaling": "service",
           "team_ownership": "monolith", "data_access": "monolith"}
scoring_home = {"decision": "service", "evidence": ["freshness", "release_cadence", "scaling"],
                "reverse_if": "freshness"}
''',
    # drift pages and retrains; last month's shadow taken as it is
    "q10_answer": '''\
triggers = {"psi_stable": "nothing", "psi_moderate": "ticket for the ML team",
            "psi_significant": "page the on-call engineer", "fast_budget_burn": "page the on-call engineer"}
calls = {
    "basket_drift": {"decision": "retrain now", "evidence": ["drift"],
                     "reverse_if": "basket value's PSI falls below 0.1"},
    "lite_challenger": {"decision": "promote", "evidence": ["lite_shadow", "serving_cost"],
                        "reverse_if": "post-change weeks show it losing recall"},
    "stale_shadow": {"decision": "decide on it as it is", "evidence": ["recall_gate"],
                     "reverse_if": "the drifted inputs barely move either model's scores"},
    "budget_spent": {"decision": "freeze releases and promotions, not fixes", "evidence": ["error_budget"],
                     "reverse_if": "the burn rate stays below 1 for a week"},
    "breaking_change": {"decision": "serve v2 beside v1, retire v1 at zero traffic", "evidence": ["contract"],
                        "reverse_if": "no client reads churn_score any more"},
}
''',
}

# ---------------------------------------------------------------------------------------------
# D: half done: questions 1 to 5 right (the solution's approach), question 6's function only, the rest
# left as the stubs.
# ---------------------------------------------------------------------------------------------
_HALF_DONE = {
    "q1_answer": _NUMPY_STYLE["q1_answer"],
    "q2_answer": _PANDAS_STYLE["q2_answer"],
    "q3_answer": _NUMPY_STYLE["q3_answer"],
    "q4_answer": _PANDAS_STYLE["q4_answer"],
    "q5_answer": _PANDAS_STYLE["q5_answer"],
    "q6_answer": '''\
def config_diff(left, right):
    return sorted(set(left) ^ set(right) | {k for k in set(left) & set(right) if left[k] != right[k]})
''',
}

_FULL = {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 2, "q5_test": 2, "q6_test": 2, "q7_test": 3,
         "q8_test": 3, "q9_test": 3, "q10_test": 6}

ATTEMPTS = {
    "numpy-style": {"answers": _NUMPY_STYLE, "fair": dict(_FULL), "why": {}},
    "pandas-style": {"answers": _PANDAS_STYLE, "fair": dict(_FULL), "why": {}},
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 1.0, "q2_test": 1.0, "q3_test": 2.0, "q4_test": 1.0, "q5_test": 1.5, "q6_test": 1.0,
                 "q7_test": 2.0, "q8_test": 2.0, "q9_test": 1.0, "q10_test": 3.5},
        "why": {
            "q1_test": "each sample cut at its own deciles: psi is near 0 on every feature, so the drift is missed "
                       "(the core of the question); one band edge wrong; drift and drifted follow its own functions",
            "q2_test": "the boundary day is off by one, and a label-based signal is listed as a proxy",
            "q3_test": "an unpaired interval (wrong, and too wide), but guardrails, the gate and a decision that "
                       "follows",
            "q4_test": "the final score is a mean, not the minimum: the rule's point is missed; the section is right",
            "q5_test": "one step out of place (packaged before evaluated), one incident left to the canary",
            "q6_test": "config_diff misses a key that holds None on one side only (the hint warns of it); only one of "
                       "the three behaviour differences called a risk",
            "q7_test": "client errors counted as failures in the budget share and availability; percentiles right",
            "q8_test": "validation right; a tolerant-reader field and a looser limit called breaking; the model review "
                       "names a change that is breaking anyway",
            "q9_test": "events applied in arrival order (the consumer is the core); real time read as a reason for a "
                       "service, though the decision follows from its own criteria",
            "q10_test": "drift pages on-call and retrains without post-change labels; last month's shadow taken as it "
                        "is; the other three calls right",
        },
    },
    "half-done": {
        "answers": _HALF_DONE,
        "fair": {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 2, "q5_test": 2, "q6_test": 1.0, "q7_test": 0,
                 "q8_test": 0, "q9_test": 0, "q10_test": 0},
        "why": {"q6_test": "the function is right; diff_kinds is not written"},
    },
}

# Prompts that changed since the student version the benchmark's "before" run uses (issue 20).
CHANGED_SINCE_BEFORE = {
    "q4_test": "asks for larder_band, the reading of the final score",
    "q7_test": "the error budget comes from the request log (budget_share, latency_met), not an incident list",
    "q8_test": "two response changes (C8, C9) and model_review added",
    "q9_test": "favours has a third option, and scoring_home is a structured call",
    "q10_test": "new: what each signal triggers, and five calls",
}
