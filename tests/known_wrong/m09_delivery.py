"""Known-wrong answers and fairly graded answers for 09-delivery.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here keeps its points
(error carried forward).

MESSAGES: mistake name -> a substring of the message the learner sees for it.
"""

ASSIGNMENT = "09-delivery"

_RIGHT_Q1_REST = '''
spike = {"timebox_days": 4, "ends_with": "decision_memo"}
commitment_fits = {"S1": True, "S2": False, "S3": False, "S4": True, "S5": False}
'''

_WORKING_DAYS = '''
def cycle_times(events):
    at = pd.to_datetime(events["entered_at"])
    start = at[events["status"] == "In progress"].groupby(events["ticket_id"]).min()
    end = at[events["status"] == "Done"].groupby(events["ticket_id"]).min()
    both = end.index.intersection(start.index)
    days = np.busday_count(start[both].values.astype("datetime64[D]"),
                           end[both].values.astype("datetime64[D]"))
    return pd.Series(days.astype(float), index=both)
times = cycle_times(board_events)
cycle_p50, cycle_p85 = np.percentile(times, 50), np.percentile(times, 85)
'''

_RESAMPLE_WEEKS = '''
def weekly_throughput(events, start, end):
    done = events[events["status"] == "Done"].copy()
    done["at"] = pd.to_datetime(done["entered_at"])
    done = done[(done["at"] >= pd.Timestamp(start)) & (done["at"] < pd.Timestamp(end))]
    return done.set_index("at").resample("W-MON").size()
throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
little_days = avg_wip / (throughput.sum() / 112)
'''

_Q6_RIGHT_OWN_STYLE = '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = list(weekly_counts)
    out = []
    for _ in range(n_runs):
        total, weeks = 0, 0
        while total < remaining:
            total += counts[rng.integers(len(counts))]
            weeks += 1
        out.append(weeks)
    return np.array(out)
runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
_fri = lambda k: EXPORT_AT.normalize() + pd.Timedelta(days=7 * (int(k) - 1) + 4)
forecast = {"p50": _fri(np.quantile(runs, 0.5, method="inverted_cdf")),
            "p85": _fri(np.quantile(runs, 0.85, method="inverted_cdf"))}
average_date = _fri(np.ceil(remaining_items / np.mean(throughput)))
weeks_later = (forecast["p85"] - average_date) / pd.Timedelta(weeks=1)
'''

WRONG_ANSWERS = {
    "pure-scrum-for-half-research": ("q1_answer", '''
way_of_working = {"decision": "scrum", "evidence": ["fortnightly_demo", "engineering_estimable"],
                  "would_change_if": "interrupts_double"}
''' + _RIGHT_Q1_REST, "hidden"),
    "spike-without-timebox-ends-with-model": ("q1_answer", '''
way_of_working = {"decision": "kanban", "evidence": ["research_share", "interrupts"],
                  "would_change_if": "research_drops"}
spike = {"timebox_days": 20, "ends_with": "production_model"}
commitment_fits = {"S1": True, "S2": False, "S3": False, "S4": True, "S5": False}
''', "hidden"),
    "commits-to-a-metric-and-to-research": ("q1_answer", '''
way_of_working = {"decision": "kanban", "evidence": ["research_share", "interrupts"],
                  "would_change_if": "research_drops"}
spike = {"timebox_days": 5, "ends_with": "decision_memo"}
commitment_fits = {"S1": True, "S2": True, "S3": False, "S4": True, "S5": True}
''', "hidden"),
    "accuracy-on-training-data": ("q2_answer", '''
quality_criterion = {"metric": "accuracy", "data": "training", "threshold": 0.95}
testable = ["A1", "A3", "A5"]
first_slice = "one_step"
''', "hidden"),
    "threshold-at-the-baseline": ("q2_answer", '''
quality_criterion = {"metric": "recall_at_15", "data": "holdout_recent", "threshold": 0.38}
testable = ["A1", "A3", "A5"]
first_slice = "one_segment"
''', "hidden"),
    "horizontal-slice": ("q2_answer", '''
quality_criterion = {"metric": "precision_at_15", "data": "holdout_recent", "threshold": 0.33}
testable = ["A1", "A3", "A5", "A6"]
first_slice = "by_layer"
''', "hidden"),
    "dod-with-accuracy-95": ("q3_answer", '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "accuracy_95"]
missing = {"CHURN-231": [], "CHURN-244": ["offline_eval", "fairness_check", "model_card"], "CHURN-250": ["rollback"],
           "CHURN-257": [], "CHURN-262": ["fairness_check", "model_card"]}
''', "hidden"),
    "promise-counts-as-rollback": ("q3_answer", '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "code_reviewed"]
missing = {"CHURN-231": ["model_card"], "CHURN-244": ["offline_eval", "fairness_check", "model_card"],
           "CHURN-250": [], "CHURN-257": ["offline_eval", "fairness_check", "model_card"],
           "CHURN-262": ["fairness_check", "model_card"]}
''', "hidden"),
    "cycle-from-last-start": ("q4_answer", '''
def cycle_times(events):
    at = pd.to_datetime(events["entered_at"])
    started = at[events["status"] == "In progress"].groupby(events["ticket_id"]).max()
    done = at[events["status"] == "Done"].groupby(events["ticket_id"]).max()
    return ((done - started).dropna().dt.total_seconds() / 86400)
cycle_p50, cycle_p85 = np.percentile(cycle_times(board_events), [50, 85])
''', "visible"),
    "working-days": ("q4_answer", _WORKING_DAYS, "visible"),
    "resample-labels-week-end": ("q5_answer", _RESAMPLE_WEEKS, "visible"),
    "little-per-week": ("q5_answer", '''
little_days = avg_wip / throughput.mean()
''', "hidden"),
    "stops-only-when-exceeded": ("q6_answer", '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = np.asarray(weekly_counts, dtype=float)
    done = rng.choice(counts, size=(n_runs, 200)).cumsum(axis=1)
    return (done > remaining).argmax(axis=1) + 1
runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
''', "visible"),
    "quotes-the-average": ("q6_answer", '''
forecast = {"p50": average_date, "p85": average_date}
weeks_later = 0.0
''', "hidden"),
    "case-sensitive-headings": ("q7_answer", '''
def missing_sections(description):
    return [key for key, title in SECTIONS.items()
            if f"## {title}" not in description]
''', "visible"),
    "approves-pr-412": ("q7_answer", '''
merge_call = {"decision": "approve", "evidence": ["has_rollback", "small_diff"], "would_change_if": "keys_sorted"}
''', "hidden"),
    "answers-style-comments": ("q7_answer", '''
pm_answers = ["C1", "C2", "C3", "C4", "C6", "C7", "C8"]
''', "hidden"),
    "ignores-retention": ("q8_answer", '''
def history_weeks(catalogue, table, as_of):
    row = catalogue.set_index("table").loc[table]
    return int((pd.Timestamp(as_of) - pd.Timestamp(row["history_from"])).days // 7)
''', "visible"),
    "asks-for-everything": ("q8_answer", '''
data_request = {"purpose": "Compare January cancellations with the other months to plan a January retention "
                           "campaign for families and couples.",
                "table": "subscriptions",
                "fields": ["subscriber_id", "full_name", "email", "street_address", "city", "segment", "plan",
                           "signup_date", "cancel_date"]}
''', "hidden"),
    "year-on-year-from-a-short-table": ("q8_answer", '''
data_plan = {"QA": {"table": "subscriptions", "approver": "Data platform lead", "enough_history": True},
             "QB": {"table": "app_sessions", "approver": "Head of engineering", "enough_history": True}}
history_call = {"decision": "enough_history", "evidence": ["refreshed_hourly"], "would_change_if": "faster_refresh"}
''', "hidden"),
    "generator-per-run": ("q6_answer", '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    out = []
    for _ in range(n_runs):
        rng = np.random.default_rng(seed)
        total, weeks = 0, 0
        while total < remaining:
            total += rng.choice(np.asarray(weekly_counts))
            weeks += 1
        out.append(weeks)
    return np.array(out)
runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
forecast = {p: EXPORT_AT.normalize() + pd.Timedelta(days=7 * (int(np.quantile(runs, q, method="inverted_cdf")) - 1) + 4)
            for p, q in (("p50", 0.5), ("p85", 0.85))}
''', "visible"),
    "empty-weeks-dropped": ("q6_answer", '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = np.asarray([c for c in weekly_counts if c > 0], dtype=float)
    done = rng.choice(counts, size=(n_runs, 100)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1) + 1
''', "visible"),
    "p85-from-the-fast-weeks": ("q6_answer", '''
forecast = {f"p{p}": EXPORT_AT.normalize() + pd.Timedelta(
    days=7 * (int(np.ceil(remaining_items / np.percentile(throughput, p))) - 1) + 4) for p in (50, 85)}
''', "hidden"),
    "counts-without-a-denominator": ("q8_answer", '''
data_plan = {"QA": {"table": "cancellations", "approver": "Data platform lead", "enough_history": True},
             "QB": {"table": "app_sessions", "approver": "Head of engineering", "enough_history": False}}
data_request = {"purpose": "Count cancellations per calendar month since January 2024 to see whether January "
                           "stands out after the Christmas break.",
                "table": "cancellations", "fields": ["cancel_date", "reason_code"]}
''', "hidden"),
    "estimate-column-only": ("q9_answer", '''
refinement = {}
for _, t in refinement_backlog.iterrows():
    if pd.isna(t["estimate_points"]):
        refinement[t["ticket_id"]] = "spike"
    elif t["estimate_points"] > 8:
        refinement[t["ticket_id"]] = "split"
    else:
        refinement[t["ticket_id"]] = "ready"
''', "hidden"),
}

MESSAGES = {
    "pure-scrum-for-half-research": "is not a call these facts support yet",
    "spike-without-timebox-ends-with-model": "at most half a two-week sprint",
    "commits-to-a-metric-and-to-research": "Can the team promise an answer to research",
    "accuracy-on-training-data": "does not match how agents use the list",
    "threshold-at-the-baseline": "does not beat what we already have",
    "horizontal-slice": "does not ship value to subscribers on its own",
    "dod-with-accuracy-95": "holds an item that is not checkable",
    "promise-counts-as-rollback": "a promise meets nothing",
    "cycle-from-last-start": "`cycle_times(toy)` has values that are off",
    "working-days": "`cycle_times(toy)` has values that are off",
    "resample-labels-week-end": "by the Monday it starts on",
    "little-per-week": "throughput per day (not per week)",
    "stops-only-when-exceeded": "takes more weeks than the history allows",
    "quotes-the-average": "`forecast['p85']` is not right yet",
    "case-sensitive-headings": "match the headings in any letter case",
    "approves-pr-412": "is not a call these facts support yet",
    "answers-style-comments": "takes on a comment about code style",
    "ignores-retention": "start at the later of history_from and the retention limit",
    "asks-for-everything": "asks for a direct identifier",
    "year-on-year-from-a-short-table": "does the table still hold the weeks of 2025",
    "estimate-column-only": "not right yet",
    "generator-per-run": "gives every run the same number of weeks",
    "empty-weeks-dropped": "empty ones included",
    "p85-from-the-fast-weeks": "`forecast['p85']` is not right yet",
    "counts-without-a-denominator": "who was subscribed as well as who cancelled",
}

FAIR_SCORES = {
    # scrum with timeboxed spikes is as defensible as kanban, with its own evidence and condition
    "scrum-with-spikes-is-defensible": ("q1_answer", '''
way_of_working = {"decision": "scrum_with_timeboxed_spikes",
                  "evidence": ["research_share", "fortnightly_demo", "engineering_estimable"],
                  "would_change_if": "demo_dropped"}
''' + _RIGHT_Q1_REST, 3.0),
    # the right call with one fact that argues for nothing: the evidence check only
    "kanban-with-a-neutral-fact": ("q1_answer", '''
way_of_working = {"decision": "kanban", "evidence": ["research_share", "interrupts", "team_of_five"],
                  "would_change_if": "oncall_rota"}
''' + _RIGHT_Q1_REST, 2.68),
    "precision-criterion-and-heuristic-slice": ("q2_answer", '''
quality_criterion = {"metric": "precision_at_15", "data": "holdout_recent", "threshold": 0.35}
testable = ("A5", "A1", "A3")
first_slice = "heuristic_first"
''', 3.0),
    # a DoD without code review is defensible; the tickets are then judged against it
    "dod-without-code-review": ("q3_answer", '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card"]
missing = {"CHURN-231": [], "CHURN-244": ["offline_eval", "fairness_check", "model_card"], "CHURN-250": ["rollback"],
           "CHURN-257": [], "CHURN-262": ["model_card", "fairness_check"]}
''', 3.0),
    "cycle-times-with-a-loop": ("q4_answer", '''
def cycle_times(events):
    first, end = {}, {}
    for t, s, at in zip(events["ticket_id"], events["status"], pd.to_datetime(events["entered_at"])):
        if s == "In progress" and (t not in first or at < first[t]):
            first[t] = at
        if s == "Done":
            end[t] = at
    return pd.Series({t: (end[t] - first[t]).total_seconds() / 86400 for t in end if t in first})
cycle_p50 = np.percentile(list(cycle_times(board_events)), 50)
cycle_p85 = np.percentile(list(cycle_times(board_events)), 85)
''', 2.0),
    # question 6 after the resample mistake of question 5: its own weekly counts carry forward
    "forecast-right-after-wrong-weeks": ("q6_answer", _RESAMPLE_WEEKS + _Q6_RIGHT_OWN_STYLE, 3.0),
    "pm-also-answers-the-evaluation-question": ("q7_answer", '''
needs_evaluation = ("PR-418", "PR-412")
pm_answers = ["C2", "C3", "C5", "C6", "C8"]
merge_call = {"decision": "request_changes", "evidence": ["no_evaluation", "no_flag"],
              "would_change_if": "evaluation_added"}
''', 3.0),
    # R2 bundles channels at 40 points (split) but has no real user and untestable criteria: not ready is defensible
    "r2-not-ready-is-defensible": ("q9_answer", '''
refinement = {"R1": "ready", "R2": "not_ready", "R3": "spike", "R4": "ready", "R5": "not_ready", "R6": "ready",
              "R7": "not_ready", "R8": "spike", "R9": "ready", "R10": "split"}
''', 3.0),
    # an extra item in the DoD costs once: listing it as missing on every ticket follows from the learner's own DoD
    "dod-extra-item-listed-as-missing": ("q3_answer", '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "ceo_demo"]
missing = {"CHURN-231": ["ceo_demo"], "CHURN-244": ["offline_eval", "fairness_check", "model_card", "ceo_demo"],
           "CHURN-250": ["rollback", "ceo_demo"], "CHURN-257": ["ceo_demo"],
           "CHURN-262": ["fairness_check", "model_card", "ceo_demo"]}
''', 2.62),
    "other-defensible-refinement": ("q9_answer", '''
refinement = {"R1": "ready", "R2": "split", "R3": "spike", "R4": "ready", "R5": "not_ready", "R6": "ready",
              "R7": "spike", "R8": "spike", "R9": "ready", "R10": "not_ready"}
''', 3.0),
}
