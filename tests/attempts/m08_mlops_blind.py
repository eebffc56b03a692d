"""Blind attempts at module 08: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.
"""

ASSIGNMENT = "08-mlops"

_Q1 = '''
def psi(reference_values, current_values):
    ref = np.asarray(reference_values, dtype=float)
    cur = np.asarray(current_values, dtype=float)
    edges = np.percentile(ref, np.arange(10, 100, 10))
    e = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=10) / len(ref)
    a = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=10) / len(cur)
    e, a = np.maximum(e, 1e-4), np.maximum(a, 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))


def psi_band(value):
    if value < 0.1:
        return "stable"
    if value <= 0.25:
        return "moderate"
    return "significant"


drift = pd.Series({f: psi(reference[f], current[f]) for f in FEATURES})
drifted = [f for f in FEATURES if psi_band(drift[f]) != "stable"]
drift.round(3)
'''

_Q2 = '''
def measurable_weeks(week_starts, day):
    day = pd.Timestamp(day)
    return [w for w in week_starts if w + pd.Timedelta(days=LABEL_DELAY_DAYS) <= day]


measurable_now = measurable_weeks(SCORE_WEEKS, today)
proxies = ["input_drift", "score_distribution", "early_signals"]
print(f"{len(measurable_now)} of {len(SCORE_WEEKS)} scored weeks can be measured on {today}.")
'''

_Q3 = '''
def recall_difference(frame):
    churners = frame[frame["churned"] == 1]
    d = churners["challenger_flag"] - churners["champion_flag"]
    diff = d.mean()
    se = d.std(ddof=1) / np.sqrt(len(d))
    return (float(diff), float(diff - 1.96 * se), float(diff + 1.96 * se))


def _precision(frame, flag):
    return frame.loc[frame[flag] == 1, "churned"].mean()


def guardrail_changes(frame):
    return {"precision": float(_precision(frame, "challenger_flag") - _precision(frame, "champion_flag")),
            "p95_latency_ms": float(np.percentile(frame["challenger_latency_ms"], 95)
                                    - np.percentile(frame["champion_latency_ms"], 95))}


def promote(difference, low, guardrails, margin):
    ok = (difference >= margin and low > 0 and guardrails["precision"] >= -0.02
          and guardrails["p95_latency_ms"] <= 25)
    return "promote" if ok else "keep champion"


difference, low, high = recall_difference(shadow_scores)
guardrails = guardrail_changes(shadow_scores)
decision = promote(difference, low, guardrails, margin)
print(f"recall difference {difference:+.4f} (95 % interval {low:+.4f} to {high:+.4f}); guardrails {guardrails}; "
      f"decision: {decision}")
'''

_Q4 = '''
_POINTS = {"none": 0.0, "manual": 0.5, "automated": 1.0}


def ml_test_score(practices):
    scores = {section: sum(_POINTS[s] for s in tests.values()) for section, tests in practices.items()}
    scores["final"] = min(scores.values())
    return scores


larder_score = ml_test_score(LARDER_PRACTICES)
invest_first = min(LARDER_PRACTICES, key=lambda section: larder_score[section])
larder_band = next(band for band, top in READINESS_BANDS.items() if larder_score["final"] <= top)
larder_score
'''

_Q5 = '''
pipeline_order = ["code_checks", "data_validation", "train", "evaluate", "build_image", "deploy_staging",
                  "integration_tests", "canary", "full_rollout"]
caught_by = {"I1": "code_checks", "I2": "data_validation", "I3": "evaluate", "I4": "integration_tests",
             "I5": "canary"}
print(" -> ".join(pipeline_order))
'''

_Q6 = '''
def config_diff(left, right):
    keys = set(left) | set(right)
    return sorted(k for k in keys if (k in left) != (k in right) or left.get(k) != right.get(k))


diff_kinds = {"api_release": "expected", "db_secret": "expected", "feature_store_url": "expected",
              "log_level": "expected", "model_version": "risk", "pager_channel": "expected",
              "replicas": "expected", "scikit_learn": "risk", "timeout_ms": "risk"}
config_diff(STAGING, PRODUCTION)
'''

_Q7 = '''
def error_budget_minutes(slo, days):
    return (1 - slo) * days * 24 * 60


def budget_share(requests, slo, days):
    failed = (requests["status"] >= 500).mean()
    return float(failed / ((1 - slo) * days))


def latency_percentiles(latency_ms):
    values = np.asarray(latency_ms, dtype=float)
    return {"p95": float(np.percentile(values, 95)), "p99": float(np.percentile(values, 99))}


day_availability = float(1 - (scoring_requests["status"] >= 500).mean())
day_budget_share = budget_share(scoring_requests, availability_slo, 30)
_lat = latency_percentiles(scoring_requests["latency_ms"])
latency_met = {"p95": bool(_lat["p95"] <= P95_SLO_MS), "p99": bool(_lat["p99"] <= P99_SLO_MS)}
print(f"budget {error_budget_minutes(availability_slo, 30):.1f} min in 30 days; availability on the day "
      f"{day_availability:.4f}, which burned {day_budget_share:.0%} of the month's budget; {latency_met}")
'''

_Q8 = '''
def is_valid(instance, schema):
    return bool(jsonschema.Draft202012Validator(schema).is_valid(instance))


validity = {name: is_valid(example, SCORE_REQUEST_SCHEMA) for name, example in EXAMPLES.items()}
change_kinds = {"C1": "non-breaking", "C2": "breaking", "C3": "breaking", "C4": "non-breaking", "C5": "breaking",
                "C6": "non-breaking", "C7": "breaking", "C8": "breaking", "C9": "breaking"}
model_review = "C6"
validity
'''

_Q9 = '''
_STATE = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}


def final_status(events):
    once = events.drop_duplicates("event_id").sort_values(["subscriber_id", "seq"])
    return once.groupby("subscriber_id")["event_type"].last().map(_STATE)


n_cancelled = int((final_status(subscription_events) == "cancelled").sum())
favours = {"freshness": "neither", "release_cadence": "service", "scaling": "service",
           "team_ownership": "monolith", "data_access": "monolith"}
scoring_home = {"decision": "monolith", "evidence": ["team_ownership", "data_access"],
                "reverse_if": "team_ownership"}
print(f"{n_cancelled} subscribers cancelled; scoring stays in the {scoring_home['decision']}.")
'''

_Q10 = '''
triggers = {"psi_stable": "nothing", "psi_moderate": "ticket for the ML team",
            "psi_significant": "ticket for the ML team", "fast_budget_burn": "page the on-call engineer"}
calls = {
    "basket_drift": {"decision": "back-test as labels arrive", "evidence": ["drift", "label_delay"],
                     "reverse_if": "post-change weeks show recall falling"},
    "lite_challenger": {"decision": "promote", "evidence": ["lite_shadow", "serving_cost"],
                        "reverse_if": "its interval's low end falls below -0.02"},
    "stale_shadow": {"decision": "re-run the shadow on post-change traffic", "evidence": ["drift", "recall_gate"],
                     "reverse_if": "the drifted inputs barely move either model's scores"},
    "budget_spent": {"decision": "freeze releases and promotions, not fixes", "evidence": ["error_budget"],
                     "reverse_if": "the burn rate stays below 1 for a week"},
    "breaking_change": {"decision": "serve v2 beside v1, retire v1 at zero traffic", "evidence": ["contract"],
                        "reverse_if": "no client reads churn_score any more"},
}
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9, "q10_answer": _Q10}


def _edit(code, *pairs):
    """The code with each (old, new) pair replaced; every old text must occur."""
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return code


# --- typical mistakes: the edge on the left, < for the label date, the gate without the interval, the
#     total instead of the weakest section, 4xx as failures, a retrain on drift ------------------------------

_MISTAKES = dict(_RIGHT)
_MISTAKES.update({
    "q1_answer": _edit(_Q1, ('side="right"), minlength=10) / len(ref)', 'side="left"), minlength=10) / len(ref)'),
                       ('side="right"), minlength=10) / len(cur)', 'side="left"), minlength=10) / len(cur)')),
    "q2_answer": _edit(_Q2, ("pd.Timedelta(days=LABEL_DELAY_DAYS) <= day", "pd.Timedelta(days=LABEL_DELAY_DAYS) < day"),
                       ('"early_signals"]', '"early_signals", "recall_last_week"]')),
    "q3_answer": _edit(_Q3, ("difference >= margin and low > 0 and", "difference >= margin and")),
    "q4_answer": _edit(_Q4, ('scores["final"] = min(scores.values())', 'scores["final"] = sum(scores.values())')),
    "q7_answer": _edit(_Q7, ('failed = (requests["status"] >= 500).mean()',
                             'failed = (requests["status"] >= 400).mean()  # every error')),
    "q10_answer": _edit(_Q10, ('"psi_significant": "ticket for the ML team"', '"psi_significant": "retrain now"'),
                        ('"decision": "back-test as labels arrive", "evidence": ["drift", "label_delay"]',
                         '"decision": "retrain now", "evidence": ["drift"]'),
                        ('"reverse_if": "post-change weeks show recall falling"',
                         "\"reverse_if\": \"basket value's PSI falls below 0.1\"")),
})

# --- half done: questions 1, 2, 4 and 5; the rest not started -----------------------------------------------

_HALF = {"q1_answer": _Q1, "q2_answer": _Q2, "q4_answer": _Q4, "q5_answer": _Q5}

_FULL = {"q1_test": 3, "q2_test": 2, "q3_test": 3, "q4_test": 2, "q5_test": 2, "q6_test": 2, "q7_test": 3,
         "q8_test": 3, "q9_test": 3, "q10_test": 6}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_gate_retrain": {
        "answers": _MISTAKES,
        "fair": {**_FULL, "q1_test": 2, "q2_test": 1, "q3_test": 2, "q4_test": 1, "q7_test": 2, "q10_test": 4},
        "why": {
            "q1_test": "the PSI formula, floor and bands are right, but values equal to an edge go to the left "
                       "bin (side='left'), against the pinned rule that matters for integer features",
            "q2_test": "measurable_weeks uses < (misses the day the labels complete), and the proxies include "
                       "last week's recall, which needs churn labels that are not in yet",
            "q3_test": "recall difference and guardrails right, but the gate ignores the interval's low end, "
                       "one of its three pinned conditions",
            "q4_test": "sections right, but the final score is the sum of the sections, not the minimum: the "
                       "core of the pinned rule (as ready as the weakest section)",
            "q7_test": "budget minutes and percentiles right, but the budget share counts 4xx client errors "
                       "as failures",
            "q10_test": "3 of 4 triggers and 4 of 5 calls right, but significant drift means 'retrain now' and "
                        "the basket-drift call retrains before any post-change week has labels",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 2, "q4_test": 2, "q5_test": 2},
        "why": {},
    },
}
