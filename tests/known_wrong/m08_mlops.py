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


def _psi(*, side: str = "right", log: str = "np.log", floor: bool = True, edges_from: str = "ref") -> str:
    floor_line = "    e, a = np.maximum(e, 1e-4), np.maximum(a, 1e-4)\n" if floor else ""
    return f'''
def psi(reference_values, current_values):
    ref = np.asarray(reference_values, dtype=float)
    cur = np.asarray(current_values, dtype=float)
    edges = np.percentile({edges_from}, np.arange(10, 100, 10))
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
'''
_AVAILABILITY_200 = '''
day_availability = float((scoring_requests["status"] == 200).mean())
'''
_SHARE_COUNTS_CLIENT_ERRORS = '''
def budget_share(requests, slo, days):
    return float((requests["status"] >= 400).mean() / ((1 - slo) * days))
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
'''
_SHARE_OF_A_DAY_NOT_THE_MONTH = '''
def budget_share(requests, slo, days):
    return float((requests["status"] >= 500).mean() / (1 - slo))
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
'''
_PERCENTILE_NEAREST = '''
def latency_percentiles(latency_ms):
    return {"p95": float(np.percentile(latency_ms, 95, method="nearest")),
            "p99": float(np.percentile(latency_ms, 99, method="nearest"))}
'''
_RELIABILITY_OTHER_STYLE = '''
def error_budget_minutes(slo, days):
    return round((1 - slo) * days * 1440, 6)

def budget_share(requests, slo, days):
    failed = sum(1 for status in requests["status"] if status >= 500)
    allowed = (1 - slo) * len(requests) * days
    return failed / allowed

def latency_percentiles(latency_ms):
    values = pd.Series(latency_ms, dtype=float)
    return dict(p95=values.quantile(0.95), p99=values.quantile(0.99))

day_availability = 1 - (scoring_requests["status"] >= 500).sum() / len(scoring_requests)
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
p = latency_percentiles(scoring_requests["latency_ms"])
latency_met = dict(p95=p["p95"] <= P95_SLO_MS, p99=p["p99"] <= P99_SLO_MS)
'''

_VALID_TYPE_ONLY = '''
def is_valid(instance, schema):
    return isinstance(instance, dict) and all(k in instance for k in schema.get("required", []))
validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
'''
_KINDS = {"C1": "non-breaking", "C2": "breaking", "C3": "breaking", "C4": "non-breaking", "C5": "breaking",
          "C6": "non-breaking", "C7": "breaking", "C8": "breaking", "C9": "breaking"}


def _kinds(**changed: str) -> str:
    return f"change_kinds = {({**_KINDS, **changed})!r}\n"

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
scoring_home = {"decision": "service", "evidence": list(CRITERIA), "reverse_if": "freshness"}
'''
_DECISION_AGAINST_OWN_FAVOURS = '''
scoring_home = {"decision": "service", "evidence": ["release_cadence", "scaling"], "reverse_if": "scaling"}
favours = {"freshness": "service", "release_cadence": "monolith", "scaling": "service", "team_ownership": "monolith",
           "data_access": "monolith"}
'''
_CALLS = {
    "basket_drift": {"decision": "back-test as labels arrive", "evidence": ["drift", "label_delay"],
                     "reverse_if": "post-change weeks show recall falling"},
    "lite_challenger": {"decision": "promote", "evidence": ["lite_shadow", "serving_cost"],
                        "reverse_if": "post-change weeks show it losing recall"},
    "stale_shadow": {"decision": "re-run the shadow on post-change traffic", "evidence": ["drift", "recall_gate"],
                     "reverse_if": "the drifted inputs barely move either model's scores"},
    "budget_spent": {"decision": "freeze releases and promotions, not fixes", "evidence": ["error_budget"],
                     "reverse_if": "the burn rate stays below 1 for a week"},
    "breaking_change": {"decision": "serve v2 beside v1, retire v1 at zero traffic", "evidence": ["contract"],
                        "reverse_if": "no client reads churn_score any more"},
}


def _calls(**changed: dict) -> str:
    calls = {key: {**call, **changed.get(key, {})} for key, call in _CALLS.items()}
    return f"calls = {calls!r}\n"

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
    "psi_bins_from_the_current_sample": ("q1_answer", _psi(edges_from="cur"), "visible"),
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
    "budget_share_counts_client_errors": ("q7_answer", _SHARE_COUNTS_CLIENT_ERRORS, "visible"),
    "one_day_against_a_one_day_budget": ("q7_answer", _SHARE_OF_A_DAY_NOT_THE_MONTH, "visible"),
    "percentile_nearest_rank": ("q7_answer", _PERCENTILE_NEAREST, "visible"),
    "validation_by_hand_checks_only_required": ("q8_answer", _VALID_TYPE_ONLY, "visible"),
    "looser_limit_called_breaking": ("q8_answer", _kinds(C6="breaking"), "hidden"),
    "new_response_field_breaks_a_tolerant_reader": ("q8_answer", _kinds(C4="breaking"), "hidden"),
    "nullable_score_called_safe": ("q8_answer", _kinds(C9="non-breaking", C8="non-breaking"), "hidden"),
    "model_review_on_a_breaking_change": ("q8_answer", 'model_review = "C7"\n', "hidden"),
    "events_in_arrival_order": ("q9_answer", _STATUS_ARRIVAL, "visible"),
    "cancellation_events_counted": ("q9_answer", _CANCEL_EVENTS, "hidden"),
    "every_criterion_favours_a_service": ("q9_answer", _FAVOURS_ALL_SERVICE, "hidden"),
    "decision_against_own_favours": ("q9_answer", _DECISION_AGAINST_OWN_FAVOURS, "hidden"),
    "page_on_call_for_drift": (
        "q10_answer", 'triggers = {**triggers, "psi_significant": "page the on-call engineer"}\n', "hidden"),
    "retrain_now_without_labels": ("q10_answer", _calls(basket_drift={"decision": "retrain now"}), "hidden"),
    "roll_back_for_a_population_shift": ("q10_answer", _calls(basket_drift={"decision": "roll back the model"}),
                                         "hidden"),
    "stale_shadow_taken_as_it_is": ("q10_answer", _calls(stale_shadow={"decision": "decide on it as it is"}),
                                    "hidden"),
    "cost_call_without_the_cost": ("q10_answer", _calls(lite_challenger={"evidence": ["lite_shadow"]}), "hidden"),
    "freeze_fixes_too": ("q10_answer", _calls(budget_spent={"decision": "freeze every change, fixes too"}), "hidden"),
    "reversal_from_another_call": ("q10_answer", _calls(breaking_change={"reverse_if": "the p99 objective is met"}),
                                   "hidden"),
}

FAIR_SCORES = {
    # no floor: a NaN PSI for an integer feature costs the toy and core checks that name the floor, not
    # `drift` or `drifted` again (they follow your psi and psi_band)
    "psi_without_a_floor_charged_once": ("q1_answer", _psi(floor=False), 2.06),
    "psi_with_digitize_and_quantile": ("q1_answer", _PSI_DIGITIZE, 3),
    "psi_with_pd_cut_left_closed": ("q1_answer", _PSI_CUT, 3),
    "measurable_as_strings_and_proxies_as_tuple": ("q2_answer", _MEASURABLE_STRINGS, 2),
    "gate_in_numpy_with_a_list": ("q3_answer", _GATE_NUMPY_STYLE, 3),
    # unpaired interval: loses the interval (the core of recall_difference), keeps the guardrails, the gate and a
    # decision that follows from it
    "decision_follows_an_unpaired_interval": ("q3_answer", _RECALL_UNPAIRED, 1.8),
    "ml_test_score_with_pandas": ("q4_answer", _SCORE_PANDAS, 2),
    "config_diff_with_sets_log_level_a_risk": ("q6_answer", _DIFF_SETS, 2),
    "reliability_with_quantile_and_itertuples": ("q7_answer", _RELIABILITY_OTHER_STYLE, 3),
    "validator_object": ("q8_answer", _VALID_VALIDATOR, 3),
    "consumer_as_a_loop": ("q9_answer", _STATUS_LOOP, 3),
    # freshness read as an argument for the monolith (its database has the last ten minutes): accepted
    "freshness_for_the_monolith_and_a_service_call": ("q9_answer", '''
favours = {"freshness": "monolith", "release_cadence": "service", "scaling": "service", "team_ownership": "monolith",
           "data_access": "monolith"}
scoring_home = {"decision": "monolith", "evidence": ["freshness", "data_access"], "reverse_if": "data_access"}
''', 3),
    # a tie read the other way: move to a service, for independent releases and scaling
    "service_on_a_tie": ("q9_answer", '''
scoring_home = {"decision": "service", "evidence": ["scaling", "release_cadence"], "reverse_if": "release_cadence"}
''', 3),
    "keep_the_champion_over_the_lite_model": ("q10_answer", _calls(lite_challenger={
        "decision": "keep champion", "evidence": ["lite_shadow", "drift", "label_delay"],
        "reverse_if": "post-change weeks show it keeping recall"}), 6),
    # a naive consumer (half the question's weight: the consumer is its core): n_cancelled that follows from it,
    # the criteria and the call keep their points
    "n_cancelled_follows_a_naive_consumer": (
        "q9_answer", _STATUS_ARRIVAL + 'n_cancelled = int((final_status(subscription_events) == "cancelled").sum())\n',
        1.5),
}

# The message each mistake is named for (a substring of what the learner sees after the test cell).
MESSAGES = {
    "psi_log10": "base-10 log",
    "psi_no_floor": "Floor every share at 0.0001 before the log",
    "psi_bins_from_the_current_sample": "comes from bins cut at the current sample's own deciles",
    "psi_edge_values_to_the_left": "belongs to the bin on its right",
    "band_0.1_counts_as_stable": "Check which band 0.1 and 0.25 fall in",
    "measurable_strictly_after_28_days": "use <=",
    "proxies_that_need_labels": "A proxy cannot need to know who churned",
    "unpaired_interval": "std with ddof=1",
    "gate_ignores_the_interval": "All three conditions must hold to promote",
    "decision_typed_in_as_promote": "`decision` does not follow from the gate",
    "final_score_is_the_sum": "the minimum of the sections",
    "manual_test_scores_a_full_point": "0, 0.5 or 1 per test",
    "invest_in_the_strongest_section": "`invest_first`",
    "canary_before_staging": "Staging and its tests come before any production traffic",
    "wiring_bug_left_to_the_canary": "the earliest stage that looks at exactly what broke",
    "diff_misses_keys_on_one_side": "A key on one side only is a difference too",
    "every_difference_expected": "change how the service behaves",
    "budget_in_hours": "The budget is in minutes",
    "availability_counts_client_errors": "Count only server errors",
    "budget_share_counts_client_errors": "Count only server errors (500 and above)",
    "one_day_against_a_one_day_budget": "divide their share by (1 − slo) × days",
    "percentile_nearest_rank": "np.percentile's default method",
    "validation_by_hand_checks_only_required": "a wrong type or a missing field False",
    "looser_limit_called_breaking": "A change that only accepts more",
    "new_response_field_breaks_a_tolerant_reader": "adds a field, leaves old clients working",
    "nullable_score_called_safe": "something the contract ruled out",
    "model_review_on_a_breaking_change": "outside its training range",
    "events_in_arrival_order": "Order by seq, not by arrival",
    "cancellation_events_counted": "Count subscribers, not cancellation events",
    "every_criterion_favours_a_service": "does it need a separate deployment",
    "decision_against_own_favours": "goes against your own `favours`",
    "page_on_call_for_drift": "Drift is a reason to look, not an emergency",
    "retrain_now_without_labels": "`calls['basket_drift']` has a decision the evidence does not support",
    "roll_back_for_a_population_shift": "`calls['basket_drift']` has a decision the evidence does not support",
    "stale_shadow_taken_as_it_is": "`calls['stale_shadow']` has a decision the evidence does not support",
    "cost_call_without_the_cost": "leaves out evidence this decision rests on",
    "freeze_fixes_too": "`calls['budget_spent']` has a decision the evidence does not support",
    "reversal_from_another_call": "names a condition that would not change this decision",
}
