"""Blind attempts at module 09: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.

Rubric (what a point is for, per question, from the prompt alone):

- q1 (3): the way-of-working call 1.5 (a decision the facts support 1, evidence for it and a condition
  that would flip it 0.5); the spike 0.75 (a timebox of at most 5 working days, ending with a decision);
  `commitment_fits` 0.75 (0.15 a situation).
- q2 (3): the quality criterion 1.5 (a metric that matches a fixed top-15 % list, data that looks like
  the future and is available before release, a threshold above the rule and at most the prototype:
  0.5 each); `testable` 0.75; the first slice 0.75 (any vertical slice that ships to subscribers).
- q3 (3): the definition of done 1.5 (the model-work items in, nothing uncheckable or wrong for a 12 %
  problem); `missing` 1.5, judged against the learner's own definition.
- q4 (2): `cycle_times` 1.25 (first start, calendar days, done tickets only); the two percentiles 0.75
  (of the learner's own cycle times).
- q5 (3): `weekly_throughput` 0.75 (Monday labels, every week); `wip_at` 0.5; `avg_wip` 0.5;
  `little_days` 0.5 (per day, from the learner's own numbers); time in column and bottleneck 0.75.
- q6 (3): `weeks_needed` 1.5 (empty weeks drawn too, `>=`, one generator); the two dates 1 (the 85 %
  date is the one the runs support); the average plan and `weeks_later` 0.5.
- q7 (3): `missing_sections` 1; `needs_evaluation` 0.5; `pm_answers` 0.5; the merge call on PR-412 1
  (a decision the facts support carries most of it).
- q8 (3): `history_weeks` 1; `data_plan` 1 (table, approver, enough history for both questions);
  the minimised data request 0.5; the history call on QB 0.5.
- q9 (3): 0.3 a ticket, either reading where the pinned rules allow two (R2 and R10: split or not ready).
"""

ASSIGNMENT = "09-delivery"

_Q1 = '''
way_of_working = {
    "decision": "kanban",
    "evidence": ["research_share", "interrupts", "missed_commitments", "cycle_spread"],
    "would_change_if": "research_drops",
}
spike = {"timebox_days": 5, "ends_with": "decision_memo"}
commitment_fits = {}
for key, text in SITUATIONS.items():
    commitment_fits[key] = key in ("S1", "S4")   # sized work the team controls; not research, running jobs or a metric
way_of_working
'''

_Q2 = '''
quality_criterion = {"metric": "recall_at_15", "data": "holdout_recent", "threshold": 0.43}
testable = ["A1", "A3", "A5"]
first_slice = "one_step"
quality_criterion
'''

_Q3 = '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "code_reviewed"]
missing = {
    "CHURN-231": [],
    "CHURN-244": ["offline_eval", "fairness_check", "model_card"],   # "the job runs" is no evaluation
    "CHURN-250": ["rollback"],                                      # a promise, not a path
    "CHURN-257": [],
    "CHURN-262": ["fairness_check", "model_card"],                  # accuracy by segment says nothing of recall
}
missing
'''

_Q4 = '''
def cycle_times(events):
    times = pd.to_datetime(events["entered_at"])
    result = {}
    for ticket, rows in events.assign(at=times).groupby("ticket_id"):
        starts = rows.loc[rows["status"] == "In progress", "at"]
        ends = rows.loc[rows["status"] == "Done", "at"]
        if len(starts) > 0 and len(ends) > 0:
            result[ticket] = (ends.min() - starts.min()).total_seconds() / 86400
    return pd.Series(result, dtype=float)


_cycle = cycle_times(board_events)
cycle_p50 = float(np.percentile(_cycle, 50))
cycle_p85 = float(np.percentile(_cycle, 85))
print(f"{len(cycle_times(board_events))} tickets done; half took at most {cycle_p50:.1f} days, "
      f"85 % at most {cycle_p85:.1f} days")
'''

_Q5 = '''
def weekly_throughput(events, start, end):
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    done = pd.to_datetime(events.loc[events["status"] == "Done", "entered_at"])
    done = done[(done >= start) & (done < end)]
    mondays = pd.date_range(start, end - pd.Timedelta(days=1), freq="W-MON")
    counts = pd.Series(0, index=mondays)
    for moment in done:
        counts[moment.normalize() - pd.Timedelta(days=moment.weekday())] += 1
    return counts


def wip_at(events, moment):
    moment = pd.Timestamp(moment)
    times = pd.to_datetime(events["entered_at"])
    started = times[events["status"] == "In progress"].groupby(events["ticket_id"]).min()
    finished = times[events["status"] == "Done"].groupby(events["ticket_id"]).min()
    count = 0
    for ticket, first_start in started.items():
        done_by_then = ticket in finished.index and finished[ticket] <= moment
        if first_start <= moment and not done_by_then:
            count += 1
    return count


throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
_midnights = pd.date_range(pd.Timestamp(WINDOW_START) + pd.Timedelta(days=1), WINDOW_END, freq="D")
avg_wip = float(np.mean([wip_at(board_events, m) for m in _midnights]))
little_days = avg_wip / (throughput.sum() / len(_midnights))

_ev = board_events.assign(at=pd.to_datetime(board_events["entered_at"])).sort_values(["ticket_id", "at"])
_totals = {"In progress": [], "Review": [], "Validation": []}
for _ticket, _rows in _ev.groupby("ticket_id"):
    if "Done" not in set(_rows["status"]):
        continue
    _spent = dict.fromkeys(_totals, 0.0)
    _statuses, _times = list(_rows["status"]), list(_rows["at"])
    for _i in range(len(_statuses) - 1):
        if _statuses[_i] in _spent:
            _spent[_statuses[_i]] += (_times[_i + 1] - _times[_i]).total_seconds() / 86400
    for _column, _days in _spent.items():
        _totals[_column].append(_days)
days_in_column = pd.Series({c: float(np.mean(v)) for c, v in _totals.items()})
bottleneck = days_in_column.idxmax()
print(f"{throughput.mean():.1f} tickets a week, average WIP {avg_wip:.1f}: Little's law says {little_days:.1f} days; "
      f"the bottleneck is {bottleneck}")
'''

_Q6 = '''
import math


def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = np.asarray(weekly_counts, dtype=float)
    weeks = np.zeros(n_runs, dtype=int)
    total = np.zeros(n_runs)
    going = np.ones(n_runs, dtype=bool)
    while going.any():
        total[going] += rng.choice(counts, size=int(going.sum()))
        weeks[going] += 1
        going = total < remaining
    return weeks


def _friday(k):
    return EXPORT_AT.normalize() + pd.Timedelta(days=7 * (int(k) - 1) + 4)


def _smallest_weeks(runs, share):
    k = 1
    while (runs <= k).mean() < share:
        k += 1
    return k


runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
forecast = {"p50": _friday(_smallest_weeks(runs, 0.50)), "p85": _friday(_smallest_weeks(runs, 0.85))}
average_date = _friday(math.ceil(remaining_items / throughput.mean()))
weeks_later = (forecast["p85"] - average_date).days // 7
print(f"50 %: {forecast['p50'].date()}, 85 %: {forecast['p85'].date()}; the average plan says {average_date.date()}, "
      f"{weeks_later:g} week(s) earlier than the 85 % date")
'''

_Q7 = '''
import re


def missing_sections(description):
    found = {line[3:].strip().lower() for line in description.splitlines() if line.startswith("## ")}
    return [key for key, heading in SECTIONS.items() if heading.lower() not in found]


needs_evaluation = ["PR-412", "PR-418"]       # a threshold and new features, neither measured on data
pm_answers = ["C2", "C3", "C6", "C8"]          # flagged count, copy, scope, what support will see
merge_call = {
    "decision": "request_changes",
    "evidence": ["changes_who_is_flagged", "no_evaluation", "agents_plan_on_count"],
    "would_change_if": "evaluation_added",
}
pull_requests.assign(missing=pull_requests["description"].map(missing_sections))[["pr_id", "title", "missing"]]
'''

_Q8 = '''
def history_weeks(catalogue, table, as_of):
    row = catalogue[catalogue["table"] == table].iloc[0]
    as_of = pd.Timestamp(as_of)
    start = pd.Timestamp(row["history_from"])
    months = int(row["retention_months"])
    if months > 0:
        start = max(start, as_of - pd.DateOffset(months=months))
    return int((as_of - start).days // 7)


_approver = data_catalogue.set_index("table")["access_approver"]
_qb_needs = (AS_OF - (PRICE_CHANGE - pd.Timedelta(weeks=52))).days // 7
data_plan = {
    "QA": {"table": "subscriptions", "approver": _approver["subscriptions"],
           "enough_history": history_weeks(data_catalogue, "subscriptions", AS_OF) >= 104},
    "QB": {"table": "app_sessions", "approver": _approver["app_sessions"],
           "enough_history": history_weeks(data_catalogue, "app_sessions", AS_OF) >= _qb_needs},
}
data_request = {
    "purpose": "Compare the share of subscribers who cancel in January with the other months, to see whether "
               "the weeks after Christmas need their own retention plan.",
    "table": "subscriptions",
    "fields": ["signup_date", "cancel_date"],
}
history_call = {"decision": "not_enough_history", "evidence": ["retention_13_months", "needs_2025_weeks"],
                "would_change_if": "before_after_instead"}
{name: history_weeks(data_catalogue, name, AS_OF) for name in ("subscriptions", "cancellations", "app_sessions")}
'''

_Q9 = '''
refinement = {
    "R1": "ready", "R4": "ready", "R6": "ready", "R9": "ready",
    "R3": "spike", "R8": "spike",          # an open question stops the estimate
    "R2": "split", "R10": "split",         # far above 8 points, several channels or teams in one
    "R5": "not_ready",                     # waits on platform engineering
    "R7": "not_ready",                     # no user, no test
}
refinement_backlog.assign(decision=refinement_backlog["ticket_id"].map(refinement))[["ticket_id", "title", "decision"]]
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8, "q9_answer": _Q9}


def _edit(code, *pairs):
    """The code with each (old, new) pair replaced; every old text must occur."""
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return code


# --- correct, other defensible calls: Scrum with spikes, precision at 15 %, a segment first, a five-item
#     definition of done, R10 sent back rather than split; other idioms throughout ---------------------------

_OTHER = {
    "q1_answer": '''
way_of_working = {"decision": "scrum_with_timeboxed_spikes", "evidence": ("fortnightly_demo", "engineering_estimable"),
                  "would_change_if": "interrupts_double"}
spike = {"timebox_days": 3, "ends_with": "decision_memo"}
commitment_fits = {"S1": True, "S2": False, "S3": False, "S4": True, "S5": False}
''',
    "q2_answer": '''
quality_criterion = {"metric": "precision_at_15", "data": "holdout_recent", "threshold": 0.33}
testable = ("A5", "A3", "A1")
first_slice = "one_segment"
''',
    "q3_answer": '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card"]


def _meets(evidence):
    text = evidence.strip().lower()
    return bool(text) and not text.startswith("will ") and text != "the training job runs end to end" \\
        and not text.startswith("accuracy by segment")


missing = {ticket: [item for item in definition_of_done if not _meets(evidence.get(item, ""))]
           for ticket, evidence in DONE_TICKETS.items()}
missing
''',
    "q4_answer": '''
def cycle_times(events):
    frame = events.assign(entered_at=pd.to_datetime(events["entered_at"]))
    first = frame.pivot_table(index="ticket_id", columns="status", values="entered_at", aggfunc="min")
    if "In progress" not in first or "Done" not in first:
        return pd.Series(dtype=float)
    days = (first["Done"] - first["In progress"]).dt.total_seconds() / 86400
    return days.dropna()


cycle_p50, cycle_p85 = np.percentile(cycle_times(board_events), [50, 85])
''',
    "q5_answer": '''
def weekly_throughput(events, start, end):
    done = pd.to_datetime(events.loc[events["status"] == "Done", "entered_at"])
    done = done[(done >= pd.Timestamp(start)) & (done < pd.Timestamp(end))]
    weeks = done.dt.to_period("W-SUN").dt.start_time
    mondays = pd.date_range(start, pd.Timestamp(end) - pd.Timedelta(days=1), freq="W-MON")
    return weeks.value_counts().reindex(mondays, fill_value=0)


def wip_at(events, moment):
    moment = pd.Timestamp(moment)
    at = pd.to_datetime(events["entered_at"])
    started = set(events.loc[(events["status"] == "In progress") & (at <= moment), "ticket_id"])
    finished = set(events.loc[(events["status"] == "Done") & (at <= moment), "ticket_id"])
    return len(started - finished)


throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
avg_wip = np.mean([wip_at(board_events, pd.Timestamp(WINDOW_START) + pd.Timedelta(days=d)) for d in range(1, 113)])
little_days = avg_wip / (throughput.sum() / 112)

_rows = board_events.assign(at=pd.to_datetime(board_events["entered_at"])).sort_values(["ticket_id", "at"])
_rows["days"] = (_rows.groupby("ticket_id")["at"].shift(-1) - _rows["at"]).dt.total_seconds() / 86400
_done = _rows.loc[_rows["status"] == "Done", "ticket_id"].unique()
_per = (_rows[_rows["ticket_id"].isin(_done)].groupby(["ticket_id", "status"])["days"].sum().unstack(fill_value=0))
days_in_column = _per.reindex(columns=["In progress", "Review", "Validation"], fill_value=0).mean()
bottleneck = str(days_in_column.idxmax())
''',
    "q6_answer": '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = list(weekly_counts)
    out = []
    for _ in range(n_runs):
        done, weeks = 0, 0
        while done < remaining:
            done += counts[rng.integers(len(counts))]
            weeks += 1
        out.append(weeks)
    return np.array(out)


runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
_week = lambda k: EXPORT_AT.normalize() + pd.Timedelta(days=7 * (int(k) - 1) + 4)
forecast = {f"p{p}": _week(np.quantile(runs, p / 100, method="inverted_cdf")) for p in (50, 85)}
average_date = _week(np.ceil(remaining_items / np.mean(throughput)))
weeks_later = int((forecast["p85"] - average_date) / pd.Timedelta(weeks=1))
''',
    "q7_answer": '''
import re


def missing_sections(description):
    found = [h.strip().lower() for h in re.findall(r"^##\\s+(.+)$", description, flags=re.M)]
    return [key for key in SECTIONS if SECTIONS[key].lower() not in found]


needs_evaluation = [pr for pr in ("PR-412", "PR-418")]
pm_answers = ("C8", "C6", "C3", "C2")
merge_call = {"decision": "request_changes", "evidence": ["no_evaluation", "agents_plan_on_count", "no_flag"],
              "would_change_if": "evaluation_added"}
''',
    "q8_answer": '''
def history_weeks(catalogue, table, as_of):
    row = catalogue.set_index("table").loc[table]
    day = pd.Timestamp(as_of)
    first = pd.Timestamp(row["history_from"])
    if row["retention_months"]:
        first = max(first, day - pd.DateOffset(months=int(row["retention_months"])))
    return (day - first).days // 7


data_plan = {
    "QA": {"table": "subscriptions", "approver": "Data platform lead", "enough_history": True},
    "QB": {"table": "app_sessions", "approver": "Head of engineering", "enough_history": False},
}
data_request = {"purpose": "We want to know whether the monthly cancellation rate is higher in January than in "
                           "other months, using two full years of subscriptions.",
                "table": "subscriptions", "fields": ["cancel_date", "signup_date"]}
history_call = {"decision": "not_enough_history", "evidence": ["needs_2025_weeks", "retention_13_months"],
                "would_change_if": "before_after_instead"}
''',
    "q9_answer": '''
refinement = {"R8": "spike", "R4": "ready", "R2": "split", "R3": "spike", "R1": "ready", "R5": "not_ready",
              "R10": "not_ready", "R6": "ready", "R9": "ready", "R7": "not_ready"}
''',
}

# --- typical mistakes, first set: cross-validation as acceptance data, accuracy in the definition of done,
#     the last start as the cycle start, empty weeks left out of the forecast, approving the one-line PR ------

_OPTIMIST = dict(_RIGHT)
_OPTIMIST.update({
    "q2_answer": _edit(_Q2, ('"data": "holdout_recent", "threshold": 0.43',
                             '"data": "cross_validation", "threshold": 0.45')),
    "q3_answer": '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "code_reviewed",
                      "accuracy_95"]
missing = {
    "CHURN-231": ["accuracy_95"],
    "CHURN-244": ["offline_eval", "fairness_check", "model_card", "accuracy_95"],
    "CHURN-250": ["rollback", "accuracy_95"],
    "CHURN-257": ["accuracy_95"],
    "CHURN-262": ["fairness_check", "model_card", "accuracy_95"],
}
''',
    "q4_answer": _edit(_Q4, ("(ends.min() - starts.min())", "(ends.min() - starts.max())")),
    "q6_answer": _edit(_Q6, ("counts = np.asarray(weekly_counts, dtype=float)",
                             "counts = np.asarray([c for c in weekly_counts if c > 0], dtype=float)")),
    "q7_answer": _edit(_Q7, ('"decision": "request_changes"', '"decision": "approve"'),
                       ('["changes_who_is_flagged", "no_evaluation", "agents_plan_on_count"]',
                        '["small_diff", "has_rollback"]'),
                       ('"would_change_if": "evaluation_added"', '"would_change_if": "second_approval"')),
})

# --- typical mistakes, second set: Scrum as taught, a spike without an end, AUC, layers first, whole days,
#     resample("W-MON"), a generator per run, case-sensitive headings, retention ignored, the columns read
#     instead of the tickets --------------------------------------------------------------------------------

_COLUMNS = dict(_RIGHT)
_COLUMNS.update({
    "q1_answer": '''
way_of_working = {"decision": "scrum", "evidence": ["fortnightly_demo", "engineering_estimable"],
                  "would_change_if": "interrupts_double"}
spike = {"timebox_days": 10, "ends_with": "best_auc"}
commitment_fits = {"S1": True, "S2": False, "S3": False, "S4": True, "S5": True}
''',
    "q2_answer": '''
quality_criterion = {"metric": "auc", "data": "holdout_recent", "threshold": 0.75}
testable = ["A1", "A3", "A5", "A6"]
first_slice = "by_layer"
''',
    "q4_answer": _edit(_Q4, ("(ends.min() - starts.min()).total_seconds() / 86400",
                             "(ends.min() - starts.min()).days")),
    "q5_answer": _edit(_Q5, (
        '''    mondays = pd.date_range(start, end - pd.Timedelta(days=1), freq="W-MON")
    counts = pd.Series(0, index=mondays)
    for moment in done:
        counts[moment.normalize() - pd.Timedelta(days=moment.weekday())] += 1
    return counts''',
        '''    return pd.Series(1, index=done.values).resample("W-MON").sum()''')),
    "q6_answer": _edit(_Q6, ('''    rng = np.random.default_rng(seed)
    counts = np.asarray(weekly_counts, dtype=float)
    weeks = np.zeros(n_runs, dtype=int)
    total = np.zeros(n_runs)
    going = np.ones(n_runs, dtype=bool)
    while going.any():
        total[going] += rng.choice(counts, size=int(going.sum()))
        weeks[going] += 1
        going = total < remaining
    return weeks''', '''    counts = list(weekly_counts)
    weeks = []
    for _ in range(n_runs):
        rng = np.random.default_rng(seed)
        done, k = 0, 0
        while done < remaining:
            done += rng.choice(counts)
            k += 1
        weeks.append(k)
    return np.array(weeks)''')),
    "q7_answer": _edit(_Q7, ('found = {line[3:].strip().lower()', 'found = {line[3:].strip()'),
                       ('heading.lower() not in found', 'heading not in found'),
                       ('needs_evaluation = ["PR-412", "PR-418"]', 'needs_evaluation = ["PR-412"]')),
    "q8_answer": '''
def history_weeks(catalogue, table, as_of):
    row = catalogue[catalogue["table"] == table].iloc[0]
    return int((pd.Timestamp(as_of) - pd.Timestamp(row["history_from"])).days // 7)


data_plan = {
    "QA": {"table": "subscriptions", "approver": "Data platform lead",
           "enough_history": history_weeks(data_catalogue, "subscriptions", AS_OF) >= 104},
    "QB": {"table": "app_sessions", "approver": "Head of engineering",
           "enough_history": history_weeks(data_catalogue, "app_sessions", AS_OF) >= 63},
}
data_request = {"purpose": "Compare the monthly cancellation rate in January with the other months, to plan retention "
                           "after Christmas.",
                "table": "subscriptions",
                "fields": ["subscriber_id", "full_name", "email", "signup_date", "cancel_date"]}
history_call = {"decision": "enough_history", "evidence": ["refreshed_hourly", "event_stream"],
                "would_change_if": "access_granted"}
''',
    "q9_answer": '''
refinement = {}
for _, ticket in refinement_backlog.iterrows():
    if pd.isna(ticket["estimate_points"]) or pd.notna(ticket["depends_on"]):
        refinement[ticket["ticket_id"]] = "not_ready"
    elif ticket["estimate_points"] > 8:
        refinement[ticket["ticket_id"]] = "split"
    else:
        refinement[ticket["ticket_id"]] = "ready"
''',
})

# --- typical mistakes, third set: the "85 % date" from the 85th percentile of weekly throughput (the fast weeks),
#     evidence padded with facts that argue for nothing, a dependency and a size read from one column ----------

_EARLY = dict(_RIGHT)
_EARLY.update({
    "q1_answer": _edit(_Q1, ('["research_share", "interrupts", "missed_commitments", "cycle_spread"]',
                             '["research_share", "interrupts", "fortnightly_demo", "team_of_five"]'),
                       ('"would_change_if": "research_drops"', '"would_change_if": "demo_dropped"')),
    "q6_answer": _edit(_Q6, ('forecast = {"p50": _friday(_smallest_weeks(runs, 0.50)), '
                             '"p85": _friday(_smallest_weeks(runs, 0.85))}',
                             '# 85 % confidence: plan with the 85th percentile of what the team finishes in a week\n'
                             'forecast = {f"p{p}": _friday(math.ceil(remaining_items / np.percentile(throughput, p)))\n'
                             '            for p in (50, 85)}')),
    "q9_answer": _edit(_Q9, ('"R1": "ready", "R4": "ready", "R6": "ready", "R9": "ready",',
                             '"R1": "ready", "R4": "ready", "R6": "ready", "R9": "ready", "R5": "ready",'),
                       ('    "R5": "not_ready",                     # waits on platform engineering\n', ''),
                       ('"R7": "not_ready",                     # no user, no test', '"R7": "split"')),
})

# --- half done: questions 1 to 4; 5 to 9 not started -----------------------------------------------------------

_HALF = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4}

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 3, "q6_test": 3, "q7_test": 3,
         "q8_test": 3, "q9_test": 3}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_correct_other_calls": {"answers": _OTHER, "fair": dict(_FULL), "why": {}},
    "blind_cv_approve": {
        "answers": _OPTIMIST,
        "fair": {**_FULL, "q2_test": 2.25, "q3_test": 2.5, "q4_test": 0.75, "q6_test": 2, "q7_test": 2},
        "why": {
            "q2_test": "recall at 15 % and a threshold between rule and prototype, but checked on cross-validation "
                       "of the training data: optimistic, not data that looks like the future",
            "q3_test": "the model-work items are in, but accuracy above 95 % is no bar for a 12 % churn problem "
                       "(flagging nobody scores 88 %); `missing` follows the learner's own definition",
            "q4_test": "cycle time starts at the last 'In progress', so rework drops out; the percentiles follow "
                       "from that function",
            "q6_test": "the empty weeks are left out of the draws, so a board with idle weeks gets too early a "
                       "date; Larder's 16 weeks have none, so its dates and the average plan are right (set blind at "
                       "1.5, which took the whole function's share for one of its four pinned rules: 2 after review)",
            "q7_test": "headings, PRs without evaluation and the PM's comments right, but approves PR-412, which "
                       "changes who is flagged with no evaluation, on a one-line diff and a second approval",
        },
    },
    "blind_columns_layers": {
        "answers": _COLUMNS,
        "fair": {**_FULL, "q1_test": 1, "q2_test": 1.25, "q4_test": 0.75, "q5_test": 2.25, "q6_test": 0.75,
                 "q7_test": 1.75, "q8_test": 1, "q9_test": 2.1},
        "why": {
            "q1_test": "plain Scrum for a team with 40 % research and twice-weekly interrupts that already misses "
                       "9 sprints in 12; a spike of a whole sprint that ends with the best AUC; the model metric "
                       "committed to (4 of 5 situations right)",
            "q2_test": "AUC over everyone does not match a fixed top-15 % list (data and threshold fit it); an "
                       "untestable segment-recall criterion counted as testable; the layer-by-layer slice ships "
                       "nothing for weeks",
            "q4_test": "whole days (`.days`) instead of the pinned unrounded calendar days; percentiles follow",
            "q5_test": "resample('W-MON') labels each week by the Monday it ends on; WIP, Little's law on its own "
                       "numbers and the bottleneck right",
            "q6_test": "a new generator for every run, so all runs are the same and the 85 % date equals the 50 % "
                       "one, which the spread of throughput does not support; the average plan is right",
            "q7_test": "headings matched case-sensitively; PR-418 (new features, 'the job runs') missed among those "
                       "without an evaluation; comments and the merge call right",
            "q8_test": "retention ignored, so app_sessions looks long enough and the QB call says there is enough "
                       "history; the data request asks for names and e-mails; tables and approvers right",
            "q9_test": "decided from the columns: the two tickets with an open question called not ready instead "
                       "of spikes, and 'Better churn model' (no user, no test) called split (7 of 10)",
        },
    },
    "blind_early_date": {
        "answers": _EARLY,
        "fair": {**_FULL, "q1_test": 2.5, "q6_test": 1.25, "q9_test": 2.4},
        "why": {
            "q1_test": "Kanban is a call the facts support, but the evidence adds the fortnightly demo (an argument "
                       "for Scrum's cadence) and the team size (for nothing), and a dropped demo would not change a "
                       "Kanban decision",
            "q6_test": "the simulation is right, but the dates ignore it: the '85 %' date divides by the 85th "
                       "percentile of weekly throughput (the fast weeks), a date weeks earlier than the runs "
                       "support, which is the one thing the question is for",
            "q9_test": "the real-time scoring ticket waits on platform engineering's unstarted event stream, yet is "
                       "called ready; 'Better churn model' (no user, no test) is called split for its 13 points "
                       "(8 of 10)",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2},
        "why": {},
    },
}
