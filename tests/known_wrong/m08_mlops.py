"""Known-wrong answers and fairly graded answers for 08-mlops.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here keeps its points
(error carried forward).
"""

ASSIGNMENT = "08-mlops"


def _psi(*, side: str = "right", log: str = "np.log", floor: bool = True) -> str:
    floor_line = "    e, a = np.maximum(e, 1e-4), np.maximum(a, 1e-4)\n" if floor else ""
    return f'''
def psi(reference_values, current_values):
    ref = np.asarray(reference_values, dtype=float)
    cur = np.asarray(current_values, dtype=float)
    edges = np.percentile(ref, np.arange(10, 100, 10))
    e = np.bincount(np.searchsorted(edges, ref, side="{side}"), minlength=10) / len(ref)
    a = np.bincount(np.searchsorted(edges, cur, side="{side}"), minlength=10) / len(cur)
{floor_line}    return float(np.sum((a - e) * {log}(a / e)))
drift = pd.Series({{f: psi(reference[f], current[f]) for f in FEATURES}})
drifted = [f for f in FEATURES if psi_band(drift[f]) != "stable"]
'''


_PSI_DIGITIZE = '''
def psi(reference_values, current_values):
    ref, cur = np.array(reference_values, float), np.array(current_values, float)
    edges = np.quantile(ref, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    total = 0.0
    for b in range(10):
        e = max(np.mean(np.digitize(ref, edges) == b), 0.0001)
        a = max(np.mean(np.digitize(cur, edges) == b), 0.0001)
        total += (a - e) * np.log(a / e)
    return total

def psi_band(value):
    return "stable" if value < 0.1 else "moderate" if value <= 0.25 else "significant"

drift = pd.Series([psi(reference[f], current[f]) for f in FEATURES], index=FEATURES)
drifted = list(drift[drift >= 0.1].index)
'''
_PSI_CUT = '''
def psi(reference_values, current_values):
    edges = np.percentile(reference_values, np.arange(10, 100, 10))
    bins = [-np.inf, *edges, np.inf]
    def cut(values):
        return pd.cut(pd.Series(values), bins, right=False, duplicates="drop").value_counts(normalize=True, sort=False)
    e, a = cut(reference_values), cut(current_values)
    e, a = e.clip(lower=1e-4), a.clip(lower=1e-4)
    return float(((a - e) * np.log(a / e)).sum())
drift = pd.Series({f: psi(reference[f], current[f]) for f in FEATURES})
drifted = [f for f in FEATURES if psi_band(drift[f]) != "stable"]
'''

_MEASURABLE_STRICT = '''
def measurable_weeks(week_starts, day):
    return [w for w in week_starts if w + pd.Timedelta(days=28) < pd.Timestamp(day)]
measurable_now = measurable_weeks(SCORE_WEEKS, today)
'''
_MEASURABLE_STRINGS = '''
def measurable_weeks(week_starts, day):
    cutoff = (pd.Timestamp(day) - pd.Timedelta(weeks=4)).date()
    return [w.strftime("%Y-%m-%d") for w in week_starts if w.date() <= cutoff]
measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ("score_distribution", "input_drift", "early_signals")
'''

_RECALL_UNPAIRED = '''
def recall_difference(frame):
    churners = frame[frame["churned"] == 1]
    p1, p0, n = churners["challenger_flag"].mean(), churners["champion_flag"].mean(), len(churners)
    se = np.sqrt(p1 * (1 - p1) / n + p0 * (1 - p0) / n)
    return (p1 - p0, p1 - p0 - 1.96 * se, p1 - p0 + 1.96 * se)
difference, low, high = recall_difference(shadow_scores)
decision = promote(difference, low, guardrails, margin)
'''
_PROMOTE_NO_INTERVAL = '''
def promote(difference, low, guardrails, margin):
    ok = difference >= margin and guardrails["precision"] >= -0.02 and guardrails["p95_latency_ms"] <= 25
    return "promote" if ok else "keep champion"
decision = promote(difference, low, guardrails, margin)
'''
_GATE_NUMPY_STYLE = '''
def recall_difference(frame):
    y = frame["churned"].to_numpy() == 1
    d = frame["challenger_flag"].to_numpy()[y] - frame["champion_flag"].to_numpy()[y]
    half = 1.96 * np.std(d, ddof=1) / len(d) ** 0.5
    return [d.mean(), d.mean() - half, d.mean() + half]

def guardrail_changes(frame):
    out = {}
    flagged = {m: frame[frame[m + "_flag"] == 1] for m in ("champion", "challenger")}
    out["precision"] = flagged["challenger"]["churned"].mean() - flagged["champion"]["churned"].mean()
    out["p95_latency_ms"] = (frame["challenger_latency_ms"].quantile(0.95)
                             - frame["champion_latency_ms"].quantile(0.95))
    return out

def promote(difference, low, guardrails, margin):
    checks = [difference >= margin, low > 0, guardrails["precision"] >= -0.02, guardrails["p95_latency_ms"] <= 25]
    return "promote" if all(checks) else "keep champion"

difference, low, high = recall_difference(shadow_scores)
decision = promote(difference, low, guardrail_changes(shadow_scores), margin)
'''

_SCORE_SUM = '''
def ml_test_score(practices):
    points = {"none": 0.0, "manual": 0.5, "automated": 1.0}
    scores = {s: sum(points[v] for v in tests.values()) for s, tests in practices.items()}
    scores["final"] = sum(scores.values())
    return scores
larder_score = ml_test_score(LARDER_PRACTICES)
'''
_SCORE_MANUAL_ONE = '''
def ml_test_score(practices):
    points = {"none": 0.0, "manual": 1.0, "automated": 1.0}
    scores = {s: sum(points[v] for v in tests.values()) for s, tests in practices.items()}
    scores["final"] = min(scores.values())
    return scores
larder_score = ml_test_score(LARDER_PRACTICES)
'''
_SCORE_PANDAS = '''
def ml_test_score(practices):
    table = pd.DataFrame(practices).replace({"none": 0, "manual": 0.5, "automated": 1})
    sections = table.sum().to_dict()
    return {**sections, "final": min(sections.values())}
larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = pd.Series({k: v for k, v in larder_score.items() if k != "final"}).idxmin()
'''

_PIPELINE_CANARY_EARLY = '''
pipeline_order = ["code_checks", "data_validation", "train", "evaluate", "build_image", "canary", "deploy_staging",
                  "integration_tests", "full_rollout"]
'''
_INCIDENT_LATE = '''
caught_by = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate", "I4": "canary", "I5": "canary"}
'''

_DIFF_COMMON_ONLY = '''
def config_diff(left, right):
    return sorted(k for k in left if k in right and left[k] != right[k])
diff_kinds = {k: "expected" for k in config_diff(STAGING, PRODUCTION)}
'''
_DIFF_ALL_EXPECTED = '''
diff_kinds = {k: "expected" for k in config_diff(STAGING, PRODUCTION)}
'''
_DIFF_SETS = '''
def config_diff(left, right):
    sentinel = object()
    return sorted({key for key in left.keys() | right.keys() if left.get(key, sentinel) != right.get(key, sentinel)})
diff_kinds = dict(api_release="expected", db_secret="expected", feature_store_url="expected", log_level="risk",
                  model_version="risk", pager_channel="expected", replicas="expected", scikit_learn="risk",
                  timeout_ms="risk")
'''

_BUDGET_HOURS = '''
def error_budget_minutes(slo, days):
    return (1 - slo) * days * 24
minutes_left = budget_left(INCIDENTS_30D, availability_slo, 30)
'''
_AVAILABILITY_200 = '''
day_availability = float((scoring_requests["status"] == 200).mean())
'''
_PERCENTILE_NEAREST = '''
def latency_percentiles(latency_ms):
    return {"p95": float(np.percentile(latency_ms, 95, method="nearest")),
            "p99": float(np.percentile(latency_ms, 99, method="nearest"))}
'''
_RELIABILITY_OTHER_STYLE = '''
def error_budget_minutes(slo, days):
    return round((1 - slo) * days * 1440, 6)

def budget_left(incidents, slo, days):
    spent = sum(row.minutes * row.share_failed for row in incidents.itertuples())
    return error_budget_minutes(slo, days) - spent

def latency_percentiles(latency_ms):
    values = pd.Series(latency_ms, dtype=float)
    return dict(p95=values.quantile(0.95), p99=values.quantile(0.99))

minutes_left = budget_left(INCIDENTS_30D, availability_slo, 30)
day_availability = 1 - (scoring_requests["status"] >= 500).sum() / len(scoring_requests)
p = latency_percentiles(scoring_requests["latency_ms"])
slo_met = dict(availability=day_availability >= availability_slo, p95=p["p95"] <= P95_SLO_MS,
               p99=p["p99"] <= P99_SLO_MS)
'''

_VALID_TYPE_ONLY = '''
def is_valid(instance, schema):
    return isinstance(instance, dict) and all(k in instance for k in schema.get("required", []))
validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
'''
_C6_BREAKING = '''
change_kinds = {"C1": "non-breaking", "C2": "breaking", "C3": "breaking", "C4": "non-breaking", "C5": "breaking",
                "C6": "breaking", "C7": "breaking"}
'''
_VALID_VALIDATOR = '''
def is_valid(instance, schema):
    return jsonschema.Draft202012Validator(schema).is_valid(instance)
validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
'''

_STATUS_ARRIVAL = '''
def final_status(events):
    state = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    return events.groupby("subscriber_id")["event_type"].last().map(state)
'''
_CANCEL_EVENTS = '''
n_cancelled = int((subscription_events["event_type"] == "cancelled").sum())
'''
_FAVOURS_ALL_SERVICE = '''
favours = {k: "service" for k in CRITERIA}
scoring_home = "service"
'''
_STATUS_LOOP = '''
def final_status(events):
    seen, latest = set(), {}
    for row in events.itertuples():
        if row.event_id in seen:
            continue
        seen.add(row.event_id)
        if row.subscriber_id not in latest or row.seq > latest[row.subscriber_id][0]:
            latest[row.subscriber_id] = (row.seq, row.event_type)
    names = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    return pd.Series({s: names[kind] for s, (_, kind) in latest.items()})
n_cancelled = sum(final_status(subscription_events) == "cancelled")
'''

WRONG_ANSWERS = {
    "psi_log10": ("q1_answer", _psi(log="np.log10"), "visible"),
    "psi_no_floor": ("q1_answer", _psi(floor=False), "visible"),
    "psi_edge_values_to_the_left": ("q1_answer", _psi(side="left"), "hidden"),
    "band_0.1_counts_as_stable": (
        "q1_answer",
        'def psi_band(value):\n    return "stable" if value <= 0.1 else ("moderate" if value <= 0.25 else '
        '"significant")\n',
        "visible"),
    "measurable_strictly_after_28_days": ("q2_answer", _MEASURABLE_STRICT, "visible"),
    "proxies_that_need_labels": ("q2_answer", 'proxies = ["input_drift", "score_distribution", "recall_last_week"]\n',
                                 "hidden"),
    "unpaired_interval": ("q3_answer", _RECALL_UNPAIRED, "visible"),
    "gate_ignores_the_interval": ("q3_answer", _PROMOTE_NO_INTERVAL, "visible"),
    "decision_typed_in_as_promote": ("q3_answer", 'decision = "promote"\n', "hidden"),
    "final_score_is_the_sum": ("q4_answer", _SCORE_SUM, "visible"),
    "manual_test_scores_a_full_point": ("q4_answer", _SCORE_MANUAL_ONE, "visible"),
    "invest_in_the_strongest_section": ("q4_answer", 'invest_first = "data"\n', "hidden"),
    "canary_before_staging": ("q5_answer", _PIPELINE_CANARY_EARLY, "hidden"),
    "wiring_bug_left_to_the_canary": ("q5_answer", _INCIDENT_LATE, "hidden"),
    "diff_misses_keys_on_one_side": ("q6_answer", _DIFF_COMMON_ONLY, "visible"),
    "every_difference_expected": ("q6_answer", _DIFF_ALL_EXPECTED, "hidden"),
    "budget_in_hours": ("q7_answer", _BUDGET_HOURS, "visible"),
    "availability_counts_client_errors": ("q7_answer", _AVAILABILITY_200, "hidden"),
    "percentile_nearest_rank": ("q7_answer", _PERCENTILE_NEAREST, "visible"),
    "validation_by_hand_checks_only_required": ("q8_answer", _VALID_TYPE_ONLY, "visible"),
    "looser_limit_called_breaking": ("q8_answer", _C6_BREAKING, "hidden"),
    "events_in_arrival_order": ("q9_answer", _STATUS_ARRIVAL, "visible"),
    "cancellation_events_counted": ("q9_answer", _CANCEL_EVENTS, "hidden"),
    "every_criterion_favours_a_service": ("q9_answer", _FAVOURS_ALL_SERVICE, "hidden"),
}

FAIR_SCORES = {
    "psi_with_digitize_and_quantile": ("q1_answer", _PSI_DIGITIZE, 3),
    "psi_with_pd_cut_left_closed": ("q1_answer", _PSI_CUT, 3),
    "measurable_as_strings_and_proxies_as_tuple": ("q2_answer", _MEASURABLE_STRINGS, 2),
    "gate_in_numpy_with_a_list": ("q3_answer", _GATE_NUMPY_STYLE, 3),
    # unpaired interval: loses the toy and other-run checks, keeps the gate and a decision that follows from it
    "decision_follows_an_unpaired_interval": ("q3_answer", _RECALL_UNPAIRED, 3 * 5 / 7),
    "ml_test_score_with_pandas": ("q4_answer", _SCORE_PANDAS, 2),
    "config_diff_with_sets_log_level_a_risk": ("q6_answer", _DIFF_SETS, 2),
    "reliability_with_quantile_and_itertuples": ("q7_answer", _RELIABILITY_OTHER_STYLE, 3),
    "validator_object": ("q8_answer", _VALID_VALIDATOR, 3),
    "consumer_as_a_loop": ("q9_answer", _STATUS_LOOP, 3),
    # a naive consumer: n_cancelled that follows from it still counts
    "n_cancelled_follows_a_naive_consumer": (
        "q9_answer", _STATUS_ARRIVAL + 'n_cancelled = int((final_status(subscription_events) == "cancelled").sum())\n',
        3 * 5 / 7),
}

# ---- three attempts graded with `mlpm check` (see the module's report): another style (A, 23/23), typical
# mistakes of a data scientist new to production work (B, 13.08/23) and half done (C: q1-q4 as the solution,
# 10/23). A's answers are the fair cases above; B's answers follow, question by question, with the points
# a fair teacher gives them (q1, q2, q4 and q5 raised by the blind review: values that follow from B's own
# functions count, and one misplaced pipeline step costs one check).
_B_PSI_RIGHT_CLOSED = '''
def psi(reference_values, current_values):
    edges = np.percentile(reference_values, np.arange(10, 100, 10))
    bins = np.concatenate([[-np.inf], np.unique(edges), [np.inf]])
    e = pd.cut(reference_values, bins).value_counts(normalize=True, sort=False).to_numpy()
    a = pd.cut(current_values, bins).value_counts(normalize=True, sort=False).to_numpy()
    e, a = np.clip(e, 1e-4, None), np.clip(a, 1e-4, None)
    return float(np.sum((a - e) * np.log(a / e)))

def psi_band(value):
    if value < 0.1:
        return "stable"
    elif value < 0.25:
        return "moderate"
    return "significant"

drift = pd.Series({f: psi(reference[f], current[f]) for f in FEATURES})
drifted = [f for f in FEATURES if psi_band(drift[f]) != "stable"]
'''
_B_LABELS = '''
def measurable_weeks(week_starts, day):
    return [w for w in week_starts if (pd.Timestamp(day) - w).days > 28]
measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["input_drift", "score_distribution", "recall_last_week"]
'''
_B_SCORE_MEAN = '''
def ml_test_score(practices):
    pts = {"none": 0, "manual": 0.5, "automated": 1}
    out = {s: sum(pts[v] for v in t.values()) for s, t in practices.items()}
    out["final"] = sum(out.values()) / len(out)
    return out
larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = "monitoring"
'''
_B_PIPELINE = '''
pipeline_order = ["code_checks", "data_validation", "train", "build_image", "evaluate", "deploy_staging",
                  "integration_tests", "canary", "full_rollout"]
caught_by = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate", "I4": "canary", "I5": "canary"}
'''
_B_ALL_RISK = '''
def config_diff(left, right):
    return sorted(k for k in set(left) | set(right) if left.get(k) != right.get(k))
diff_kinds = {k: "risk" for k in config_diff(STAGING, PRODUCTION)}
'''
_B_CONTRACT = '''
change_kinds = {"C1": "non-breaking", "C2": "breaking", "C3": "breaking", "C4": "breaking", "C5": "breaking",
                "C6": "breaking", "C7": "breaking"}
'''
_B_EVENTS = '''
def final_status(events):
    state = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    return events.drop_duplicates("event_id").groupby("subscriber_id")["event_type"].last().map(state)
n_cancelled = int((subscription_events["event_type"] == "cancelled").sum())
'''
FAIR_SCORES.update({
    "attempt_B_q1_edges_left_and_0.25_significant": ("q1_answer", _B_PSI_RIGHT_CLOSED, 1.0),  # drift follows
    "attempt_B_q2_strict_delay_and_a_label_proxy": ("q2_answer", _B_LABELS, 2 * 4 / 6),  # measurable_now follows
    "attempt_B_q3_gate_without_the_interval": ("q3_answer", _PROMOTE_NO_INTERVAL, 3 * 4 / 7),
    "attempt_B_q4_final_is_the_mean": ("q4_answer", _B_SCORE_MEAN, 1.2),  # larder_score follows
    "attempt_B_q5_packaged_before_evaluated": ("q5_answer", _B_PIPELINE, 1.2),  # one misplaced step, one check
    "attempt_B_q6_every_difference_a_risk": ("q6_answer", _B_ALL_RISK, 1.2),
    "attempt_B_q7_availability_counts_4xx": ("q7_answer", _AVAILABILITY_200, 3 * 7 / 8),
    "attempt_B_q8_any_change_breaks": ("q8_answer", _B_CONTRACT, 3 * 6 / 7),
    "attempt_B_q9_arrival_order_and_event_count": ("q9_answer", _B_EVENTS, 3 * 4 / 7),
})

# ---- blind attempts (a helper playing the learner from the lesson and the student notebook only, then graded with
# `mlpm check`): another style (23/23), typical mistakes (17.04/23) and one early slip (edge values to the left in
# psi, 22.33/23). Fair points were judged from the prompt before grading; where they differed by more than half a
# point the checks were fixed: values that follow from the learner's own function (drift, measurable_now,
# larder_score) are accepted, as the notebook promises, and one misplaced pipeline step costs one order check.
FAIR_SCORES.update({
    "blind-other-style-q1": ("q1_answer", """
FLOOR = 1e-4


def _shares(values, edges):
    idx = np.searchsorted(edges, np.asarray(values, dtype=float), side="right")
    counts = np.array([(idx == k).sum() for k in range(len(edges) + 1)], dtype=float)
    return np.clip(counts / counts.sum(), FLOOR, None)


def psi(reference_values, current_values):
    edges = np.percentile(np.asarray(reference_values, dtype=float), [10, 20, 30, 40, 50, 60, 70, 80, 90])
    e, a = _shares(reference_values, edges), _shares(current_values, edges)
    return float(np.dot(a - e, np.log(a / e)))


def psi_band(value):
    return "stable" if value < 0.1 else ("moderate" if value <= 0.25 else "significant")


drift = pd.Series(map(lambda f: psi(reference[f], current[f]), FEATURES), index=FEATURES)
drifted = drift[drift.map(psi_band) != "stable"].index.tolist()
drift.round(3)
""", 3),
    "blind-other-style-q2": ("q2_answer", """
def measurable_weeks(week_starts, day):
    cutoff = pd.Timestamp(day) - pd.Timedelta(days=LABEL_DELAY_DAYS)
    return list(filter(lambda w: pd.Timestamp(w) <= cutoff, week_starts))


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ("input_drift", "score_distribution", "early_signals")
print(f"{len(measurable_now)} of {len(SCORE_WEEKS)} scored weeks can be measured on {today}.")
""", 2),
    "blind-other-style-q3": ("q3_answer", """
def recall_difference(frame):
    churners = frame.query("churned == 1")
    d = (churners["challenger_flag"] - churners["champion_flag"]).to_numpy(dtype=float)
    mean = d.mean()
    half = 1.96 * np.std(d, ddof=1) / np.sqrt(d.size)
    return mean, mean - half, mean + half


def _precision(frame, flag):
    return frame["churned"][frame[flag] == 1].mean()


def guardrail_changes(frame):
    return dict(precision=_precision(frame, "challenger_flag") - _precision(frame, "champion_flag"),
                p95_latency_ms=np.percentile(frame["challenger_latency_ms"], 95)
                - np.percentile(frame["champion_latency_ms"], 95))


def promote(difference, low, guardrails, margin):
    ok = all([difference >= margin, low > 0, guardrails["precision"] >= -0.02, guardrails["p95_latency_ms"] <= 25])
    return ["keep champion", "promote"][ok]


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
print(f"recall difference {difference:+.4f} (95 % interval {low:+.4f} to {high:+.4f}); guardrails {guardrails}; "
      f"decision: {decision}")
""", 3),
    "blind-other-style-q4": ("q4_answer", """
POINTS = {"automated": 1.0, "manual": 0.5, "none": 0.0}


def ml_test_score(practices):
    scores = {section: float(np.sum([POINTS[s] for s in tests.values()])) for section, tests in practices.items()}
    scores["final"] = min(scores.values())
    return scores


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = sorted(LARDER_PRACTICES, key=lambda s: larder_score[s])[0]
larder_score
""", 2),
    "blind-other-style-q5": ("q5_answer", """
pipeline_order = ("code_checks", "data_validation", "train", "evaluate", "build_image", "deploy_staging",
                  "integration_tests", "canary", "full_rollout")
caught_by = dict(I1="code_checks", I2="data_validation", I3="evaluate", I4="integration_tests", I5="canary")
print(" -> ".join(pipeline_order))
""", 2),
    "blind-other-style-q6": ("q6_answer", """
_MISSING = object()


def config_diff(left, right):
    keys = left.keys() | right.keys()
    return sorted(k for k in keys if left.get(k, _MISSING) != right.get(k, _MISSING))


_risk = {"model_version", "scikit_learn", "timeout_ms"}
diff_kinds = {k: ("risk" if k in _risk else "expected") for k in config_diff(STAGING, PRODUCTION)}
config_diff(STAGING, PRODUCTION)
""", 2),
    "blind-other-style-q7": ("q7_answer", """
def error_budget_minutes(slo, days):
    return (1 - slo) * days * 1440


def budget_left(incidents, slo, days):
    spent = np.dot(incidents["minutes"].to_numpy(dtype=float), incidents["share_failed"].to_numpy(dtype=float))
    return error_budget_minutes(slo, days) - spent


def latency_percentiles(latency_ms):
    p95, p99 = np.percentile(np.asarray(latency_ms, dtype=float), [95, 99])
    return {"p95": p95, "p99": p99}


minutes_left = budget_left(INCIDENTS_30D, availability_slo, 30)
day_availability = 1 - scoring_requests["status"].ge(500).mean()
_lat = latency_percentiles(scoring_requests["latency_ms"])
slo_met = {"availability": day_availability >= availability_slo, "p95": _lat["p95"] <= P95_SLO_MS,
           "p99": _lat["p99"] <= P99_SLO_MS}
print(f"budget {error_budget_minutes(availability_slo, 30):.1f} min, left {minutes_left:.1f} min; "
      f"availability {day_availability:.5f}; {slo_met}")
""", 3),
    "blind-other-style-q8": ("q8_answer", """
def is_valid(instance, schema):
    validator_class = jsonschema.validators.validator_for(schema)
    return not any(True for _ in validator_class(schema).iter_errors(instance))


validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
change_kinds = dict(zip(CHANGES, ["non-breaking", "breaking", "breaking", "non-breaking", "breaking", "non-breaking",
                                  "breaking"]))
validity
""", 3),
    "blind-other-style-q9": ("q9_answer", """
STATE = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}


def final_status(events):
    unique = events.groupby("event_id", sort=False).head(1)
    last = unique.loc[unique.groupby("subscriber_id")["seq"].idxmax()]
    return last.set_index("subscriber_id")["event_type"].map(STATE).rename("status")


n_cancelled = int(final_status(subscription_events).eq("cancelled").sum())
favours = {"freshness": "service", "release_cadence": "service", "scaling": "service",
           "team_ownership": "monolith", "data_access": "monolith"}
scoring_home = "service" if list(favours.values()).count("service") >= 3 else "monolith"
print(f"{n_cancelled} subscribers cancelled; scoring lives in the {scoring_home}.")
""", 3),
    "blind-typical-mistakes-q1": ("q1_answer", """
FLOOR = 1e-4


def _shares(values, edges):
    idx = np.searchsorted(edges, np.asarray(values, dtype=float), side="right")
    counts = np.array([(idx == k).sum() for k in range(len(edges) + 1)], dtype=float)
    return np.clip(counts / counts.sum(), FLOOR, None)


def psi(reference_values, current_values):
    edges = np.percentile(np.asarray(reference_values, dtype=float), [10, 20, 30, 40, 50, 60, 70, 80, 90])
    e, a = _shares(reference_values, edges), _shares(current_values, edges)
    return float(np.dot(a - e, np.log(a / e)))


def psi_band(value):
    return "stable" if value <= 0.1 else ("moderate" if value <= 0.25 else "significant")


drift = pd.Series(map(lambda f: psi(reference[f], current[f]), FEATURES), index=FEATURES)
drifted = drift[drift.map(psi_band) != "stable"].index.tolist()
drift.round(3)
""", 3 * 8 / 9),
    "blind-typical-mistakes-q2": ("q2_answer", """
def measurable_weeks(week_starts, day):
    return [w for w in week_starts if w + pd.Timedelta(days=28) < pd.Timestamp(day)]


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["input_drift", "score_distribution", "early_signals", "recall_last_week"]
print(f"{len(measurable_now)} of {len(SCORE_WEEKS)} scored weeks can be measured on {today}.")
""", 2 * 4 / 6),
    "blind-typical-mistakes-q3": ("q3_answer", """
def recall_difference(frame):
    churners = frame.query("churned == 1")
    d = (churners["challenger_flag"] - churners["champion_flag"]).to_numpy(dtype=float)
    mean = d.mean()
    half = 1.96 * np.std(d) / np.sqrt(d.size)
    return mean, mean - half, mean + half


def _precision(frame, flag):
    return frame["churned"][frame[flag] == 1].mean()


def guardrail_changes(frame):
    return dict(precision=_precision(frame, "challenger_flag") - _precision(frame, "champion_flag"),
                p95_latency_ms=np.percentile(frame["challenger_latency_ms"], 95)
                - np.percentile(frame["champion_latency_ms"], 95))


def promote(difference, low, guardrails, margin):
    ok = all([difference >= margin, low > 0, guardrails["precision"] >= -0.02, guardrails["p95_latency_ms"] <= 25])
    return ["keep champion", "promote"][ok]


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
print(f"recall difference {difference:+.4f} (95 % interval {low:+.4f} to {high:+.4f}); guardrails {guardrails}; "
      f"decision: {decision}")
""", 3 * 5 / 7),
    "blind-typical-mistakes-q4": ("q4_answer", """
POINTS = {"automated": 1, "manual": 0.5, "none": 0}


def ml_test_score(practices):
    scores = {s: sum(POINTS[v] for v in tests.values()) for s, tests in practices.items()}
    scores["final"] = sum(scores.values())
    return scores


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = min(LARDER_PRACTICES, key=larder_score.get)
larder_score
""", 2 * 3 / 5),
    "blind-typical-mistakes-q5": ("q5_answer", """
pipeline_order = ["code_checks", "data_validation", "train", "build_image", "evaluate", "deploy_staging",
                  "integration_tests", "canary", "full_rollout"]
caught_by = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate", "I4": "canary", "I5": "canary"}
print(" -> ".join(pipeline_order))
""", 2 * 3 / 5),
    "blind-typical-mistakes-q6": ("q6_answer", """
_MISSING = object()


def config_diff(left, right):
    keys = left.keys() | right.keys()
    return sorted(k for k in keys if left.get(k, _MISSING) != right.get(k, _MISSING))


_risk = {"scikit_learn"}
diff_kinds = {k: ("risk" if k in _risk else "expected") for k in config_diff(STAGING, PRODUCTION)}
config_diff(STAGING, PRODUCTION)
""", 2 * 4 / 5),
    "blind-typical-mistakes-q7": ("q7_answer", """
def error_budget_minutes(slo, days):
    return (1 - slo) * days * 1440


def budget_left(incidents, slo, days):
    spent = np.dot(incidents["minutes"].to_numpy(dtype=float), incidents["share_failed"].to_numpy(dtype=float))
    return error_budget_minutes(slo, days) - spent


def latency_percentiles(latency_ms):
    p95, p99 = np.percentile(np.asarray(latency_ms, dtype=float), [95, 99])
    return {"p95": p95, "p99": p99}


minutes_left = budget_left(INCIDENTS_30D, availability_slo, 30)
day_availability = (scoring_requests["status"] < 400).mean()
_lat = latency_percentiles(scoring_requests["latency_ms"])
slo_met = {"availability": day_availability >= availability_slo, "p95": _lat["p95"] <= P95_SLO_MS,
           "p99": _lat["p99"] <= P99_SLO_MS}
print(f"budget {error_budget_minutes(availability_slo, 30):.1f} min, left {minutes_left:.1f} min; "
      f"availability {day_availability:.5f}; {slo_met}")
""", 3 * 7 / 8),
    "blind-typical-mistakes-q8": ("q8_answer", """
def is_valid(instance, schema):
    validator_class = jsonschema.validators.validator_for(schema)
    return not any(True for _ in validator_class(schema).iter_errors(instance))


validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
change_kinds = dict(zip(CHANGES, ["breaking", "breaking", "breaking", "non-breaking", "breaking", "breaking",
                                  "breaking"]))
validity
""", 3 * 6 / 7),
    "blind-typical-mistakes-q9": ("q9_answer", """
def final_status(events):
    states = {}
    for row in events.drop_duplicates("event_id").itertuples():
        states[row.subscriber_id] = {"subscribed": "active", "resumed": "active", "paused": "paused",
                                     "cancelled": "cancelled"}[row.event_type]
    return pd.Series(states)


n_cancelled = int((final_status(subscription_events) == "cancelled").sum())
favours = {"freshness": "service", "release_cadence": "service", "scaling": "service",
           "team_ownership": "monolith", "data_access": "service"}
scoring_home = "service" if sum(v == "service" for v in favours.values()) >= 3 else "monolith"
print(f"{n_cancelled} subscribers cancelled; scoring lives in the {scoring_home}.")
""", 3 * 4 / 7),
    "blind-early-slip-q1-edges-to-the-left-drift-from-own-psi": ("q1_answer", """
FLOOR = 1e-4


def _shares(values, edges):
    idx = np.searchsorted(edges, np.asarray(values, dtype=float), side="left")
    counts = np.array([(idx == k).sum() for k in range(len(edges) + 1)], dtype=float)
    return np.clip(counts / counts.sum(), FLOOR, None)


def psi(reference_values, current_values):
    edges = np.percentile(np.asarray(reference_values, dtype=float), [10, 20, 30, 40, 50, 60, 70, 80, 90])
    e, a = _shares(reference_values, edges), _shares(current_values, edges)
    return float(np.dot(a - e, np.log(a / e)))


def psi_band(value):
    return "stable" if value < 0.1 else ("moderate" if value <= 0.25 else "significant")


drift = pd.Series(map(lambda f: psi(reference[f], current[f]), FEATURES), index=FEATURES)
drifted = drift[drift.map(psi_band) != "stable"].index.tolist()
drift.round(3)
""", 3 * 7 / 9),
})

