"""Module 09 (delivering ML work): six learner attempts and the points a fair teacher gives them."""

ASSIGNMENT = "09-delivery"

# ---------------------------------------------------------------------------------------------
# Two correct attempts in other styles than the solution.
# ---------------------------------------------------------------------------------------------
_LOOPS = {
    "q1_answer": '''
way_of_working = dict(decision="kanban", evidence=["interrupts", "cycle_spread", "research_share"],
                      would_change_if="oncall_rota")
spike = dict(timebox_days=3, ends_with="decision_memo")
commitment_fits = {s: s in ("S1", "S4") for s in SITUATIONS}
''',
    "q2_answer": '''
quality_criterion = {"metric": "recall_at_15", "data": "holdout_recent", "threshold": 0.42}
testable = ["A5", "A3", "A1"]
first_slice = "heuristic_first"
''',
    "q3_answer": '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "code_reviewed"]
missing = {"CHURN-231": [], "CHURN-257": [], "CHURN-250": ["rollback"],
           "CHURN-244": ["offline_eval", "fairness_check", "model_card"], "CHURN-262": ["fairness_check", "model_card"]}
''',
    "q4_answer": '''
def cycle_times(events):
    first_start, finished = {}, {}
    for row in events.itertuples():
        when = pd.Timestamp(row.entered_at)
        if row.status == "In progress":
            if row.ticket_id not in first_start or when < first_start[row.ticket_id]:
                first_start[row.ticket_id] = when
        elif row.status == "Done":
            finished[row.ticket_id] = when
    out = {}
    for ticket, end in finished.items():
        if ticket in first_start:
            out[ticket] = (end - first_start[ticket]) / pd.Timedelta(days=1)
    return pd.Series(out)


ct = cycle_times(board_events).to_numpy()
cycle_p50 = float(np.percentile(ct, 50))
cycle_p85 = float(np.percentile(ct, 85))
''',
    "q5_answer": '''
def weekly_throughput(events, start, end):
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    mondays = []
    d = start
    while d < end:
        mondays.append(d)
        d += pd.Timedelta(days=7)
    counts = {m: 0 for m in mondays}
    for row in events[events["status"] == "Done"].itertuples():
        t = pd.Timestamp(row.entered_at)
        if start <= t < end:
            counts[(t - pd.Timedelta(days=t.weekday())).normalize()] += 1
    return pd.Series(counts)


def wip_at(events, moment):
    moment = pd.Timestamp(moment)
    first_start, finished = {}, {}
    for ticket, status, when in zip(events["ticket_id"], events["status"], pd.to_datetime(events["entered_at"])):
        if status == "In progress" and (ticket not in first_start or when < first_start[ticket]):
            first_start[ticket] = when
        if status == "Done":
            finished[ticket] = when
    return sum(1 for t, s in first_start.items() if s <= moment and not (t in finished and finished[t] <= moment))


throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
days = [pd.Timestamp(WINDOW_START) + pd.Timedelta(days=k) for k in range(1, 113)]
avg_wip = sum(wip_at(board_events, d) for d in days) / len(days)
little_days = avg_wip / (throughput.sum() / 112)
totals = {"In progress": [], "Review": [], "Validation": []}
for ticket, rows in board_events.groupby("ticket_id"):
    rows = rows.assign(t=pd.to_datetime(rows["entered_at"])).sort_values("t")
    if "Done" not in set(rows["status"]):
        continue
    spent = {c: 0.0 for c in totals}
    for (status, t0), t1 in zip(zip(rows["status"], rows["t"]), list(rows["t"])[1:]):
        if status in spent:
            spent[status] += (t1 - t0) / pd.Timedelta(days=1)
    for c in totals:
        totals[c].append(spent[c])
days_in_column = pd.Series({c: np.mean(v) for c, v in totals.items()})
bottleneck = max(totals, key=lambda c: np.mean(totals[c]))
''',
    "q6_answer": '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = np.array(weekly_counts)
    result = np.zeros(n_runs, dtype=int)
    for r in range(n_runs):
        total = 0
        while total < remaining:
            total += rng.choice(counts)
            result[r] += 1
    return result


runs = weeks_needed(throughput.values, remaining_items, n_runs, forecast_seed)
def pct_weeks(p):
    for k in range(1, runs.max() + 1):
        if (runs <= k).mean() >= p:
            return k
fri = lambda k: pd.Timestamp("2026-09-25") + pd.Timedelta(weeks=k - 1)
forecast = {"p50": fri(pct_weeks(0.5)), "p85": fri(pct_weeks(0.85))}
average_date = fri(int(np.ceil(remaining_items / throughput.mean())))
weeks_later = (forecast["p85"] - average_date).days / 7
''',
    "q7_answer": '''
def missing_sections(description):
    heads = [line[3:].strip().lower() for line in description.splitlines() if line.startswith("## ")]
    return [k for k, v in SECTIONS.items() if v.lower() not in heads]


needs_evaluation = ["PR-418", "PR-412"]
pm_answers = ["C2", "C3", "C6", "C8"]
merge_call = {"decision": "request_changes", "evidence": ["no_evaluation", "agents_plan_on_count", "no_flag"],
              "would_change_if": "evaluation_added"}
''',
    "q8_answer": '''
def history_weeks(catalogue, table, as_of):
    row = catalogue[catalogue["table"] == table].iloc[0]
    day = pd.Timestamp(as_of)
    first = pd.Timestamp(row["history_from"])
    if row["retention_months"]:
        first = max(first, day - pd.DateOffset(months=int(row["retention_months"])))
    return (day - first).days // 7


def approver_of(t):
    return data_catalogue.loc[data_catalogue["table"] == t, "access_approver"].iloc[0]


data_plan = {
    "QA": {"table": "subscriptions", "approver": approver_of("subscriptions"), "enough_history": True},
    "QB": {"table": "app_sessions", "approver": approver_of("app_sessions"), "enough_history": False},
}
data_request = {"purpose": "To see whether the share of subscribers who cancel in January is higher than in the "
                           "other months, so that we can plan a January retention offer.",
                "table": "subscriptions", "fields": ["signup_date", "cancel_date", "segment"]}
history_call = {"decision": "not_enough_history", "evidence": ["needs_2025_weeks", "retention_13_months"],
                "would_change_if": "before_after_instead"}
''',
    "q9_answer": '''
refinement = {"R1": "ready", "R4": "ready", "R6": "ready", "R9": "ready", "R3": "spike", "R8": "spike",
              "R2": "split", "R10": "split", "R5": "not_ready", "R7": "not_ready"}
''',
}

_OTHER_CALLS = {
    "q1_answer": '''
way_of_working = {"decision": "scrum_with_timeboxed_spikes",
                  "evidence": ["fortnightly_demo", "engineering_estimable"], "would_change_if": "interrupts_double"}
spike = {"timebox_days": np.int64(5), "ends_with": "decision_memo"}
commitment_fits = {"S1": True, "S2": False, "S3": False, "S4": True, "S5": False}
''',
    "q2_answer": '''
quality_criterion = {"metric": "precision_at_15", "data": "holdout_recent", "threshold": 0.34}
testable = ("A1", "A3", "A5")
first_slice = "one_segment"
''',
    "q3_answer": '''
definition_of_done = ("offline_eval", "fairness_check", "monitoring", "rollback", "model_card")
missing = {t: [] for t in DONE_TICKETS}
missing["CHURN-244"] = ["offline_eval", "fairness_check", "model_card"]
missing["CHURN-250"] = ["rollback"]
missing["CHURN-262"] = ["fairness_check", "model_card"]
''',
    "q4_answer": '''
def cycle_times(events):
    e = events.assign(at=pd.to_datetime(events["entered_at"]))
    wide = e.pivot_table(index="ticket_id", columns="status", values="at", aggfunc="min")
    wide = wide.dropna(subset=["In progress", "Done"])
    return (wide["Done"] - wide["In progress"]).dt.total_seconds() / (24 * 3600)


cycle_p50, cycle_p85 = cycle_times(board_events).quantile([0.5, 0.85])
''',
    "q5_answer": '''
def _firsts(events):
    e = events.assign(at=pd.to_datetime(events["entered_at"]))
    return e.pivot_table(index="ticket_id", columns="status", values="at", aggfunc="min")


def weekly_throughput(events, start, end):
    done = _firsts(events)["Done"].dropna()
    done = done[(done >= start) & (done < end)]
    weeks = done.dt.to_period("W-SUN").dt.start_time
    index = pd.date_range(start, end, freq="7D", inclusive="left")
    return weeks.value_counts().reindex(index, fill_value=0)


def wip_at(events, moment):
    f = _firsts(events)
    moment = pd.Timestamp(moment)
    started = f["In progress"] <= moment
    finished = f["Done"] <= moment
    return int((started & ~finished).sum())


throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
avg_wip = np.mean([wip_at(board_events, d) for d in pd.date_range("2026-06-02", "2026-09-21")])
little_days = avg_wip / throughput.sum() * 112
e = board_events.assign(at=pd.to_datetime(board_events["entered_at"])).sort_values("at")
e["next"] = e.groupby("ticket_id")["at"].shift(-1)
e = e[e["ticket_id"].isin(e.loc[e["status"] == "Done", "ticket_id"])]
e["d"] = (e["next"] - e["at"]).dt.total_seconds() / 86400
days_in_column = e.groupby(["ticket_id", "status"])["d"].sum().unstack(fill_value=0)[["In progress", "Review",
                                                                                       "Validation"]].mean()
bottleneck = days_in_column.sort_values().index[-1]
''',
    "q6_answer": '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    draws = rng.choice(np.asarray(weekly_counts), size=(n_runs, 100))
    return np.argmax(np.cumsum(draws, axis=1) >= remaining, axis=1) + 1


runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
k50, k85 = np.quantile(runs, [0.5, 0.85], method="inverted_cdf")
first_friday = pd.Timestamp("2026-09-25")
forecast = {"p50": first_friday + pd.Timedelta(weeks=int(k50) - 1),
            "p85": first_friday + pd.Timedelta(weeks=int(k85) - 1)}
average_date = first_friday + pd.Timedelta(weeks=int(-(-remaining_items // throughput.mean())) - 1)
weeks_later = float((forecast["p85"] - average_date) / pd.Timedelta(weeks=1))
''',
    "q7_answer": '''
import re


def missing_sections(description):
    found = {m.strip().lower() for m in re.findall(r"(?m)^## +(.*)$", description)}
    return [key for key in SECTIONS if SECTIONS[key].lower() not in found]


needs_evaluation = list(pull_requests.loc[pull_requests["pr_id"].isin(["PR-412", "PR-418"]), "pr_id"])
pm_answers = ["C2", "C3", "C6", "C8", "C10", "C5"]
merge_call = {"decision": "request_changes", "evidence": ["changes_who_is_flagged", "no_evaluation"],
              "would_change_if": "evaluation_added"}
''',
    "q8_answer": '''
def history_weeks(catalogue, table, as_of):
    r = catalogue.set_index("table").loc[table]
    as_of = pd.Timestamp(as_of)
    limit = as_of - pd.DateOffset(months=int(r.retention_months)) if r.retention_months > 0 else pd.Timestamp.min
    return (as_of - max(pd.Timestamp(r.history_from), limit)).days // 7


cat = data_catalogue.set_index("table")
data_plan = {"QA": {"table": "subscriptions", "approver": cat.loc["subscriptions", "access_approver"],
                    "enough_history": history_weeks(data_catalogue, "subscriptions", AS_OF) >= 104},
             "QB": {"table": "app_sessions", "approver": cat.loc["app_sessions", "access_approver"],
                    "enough_history": bool(history_weeks(data_catalogue, "app_sessions", AS_OF) >= 63)}}
data_request = {"purpose": "Monthly cancellation rates since 2022, to check if January after the Christmas break "
                           "is worse than other months before we plan a campaign.",
                "table": "subscriptions", "fields": ["cancel_date", "signup_date"]}
history_call = {"decision": "not_enough_history", "evidence": ["retention_13_months", "needs_2025_weeks"],
                "would_change_if": "before_after_instead"}
''',
    "q9_answer": '''
refinement = dict(R1="ready", R2="split", R3="spike", R4="ready", R5="not_ready", R6="ready", R7="spike", R8="spike",
                  R9="ready", R10="not_ready")
''',
}

_FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 3, "q6_test": 3, "q7_test": 3,
         "q8_test": 3, "q9_test": 3}

# ---------------------------------------------------------------------------------------------
# Typical mistakes of a data scientist new to delivery work.
# ---------------------------------------------------------------------------------------------
_VELOCITY_THINKER = dict(_LOOPS)
_VELOCITY_THINKER.update({
    # plans everything in sprints, and accuracy is the metric it knows
    "q1_answer": '''
way_of_working = {"decision": "scrum", "evidence": ["fortnightly_demo", "engineering_estimable"],
                  "would_change_if": "interrupts_double"}
spike = {"timebox_days": 10, "ends_with": "decision_memo"}
commitment_fits = {"S1": True, "S2": True, "S3": False, "S4": True, "S5": True}
''',
    "q2_answer": '''
quality_criterion = {"metric": "accuracy", "data": "cross_validation", "threshold": 0.86}
testable = ["A1", "A3", "A5", "A6"]
first_slice = "by_layer"
''',
    # cycle time in working days, from the latest start
    "q4_answer": '''
def cycle_times(events):
    e = events.assign(day=pd.to_datetime(events["entered_at"]).dt.normalize())
    start = e[e["status"] == "In progress"].groupby("ticket_id")["day"].max()
    end = e[e["status"] == "Done"].groupby("ticket_id")["day"].max()
    both = start.index.intersection(end.index)
    return pd.Series(np.busday_count(start[both].values.astype("datetime64[D]"),
                                     end[both].values.astype("datetime64[D]")), index=both).astype(float)


cycle_p50, cycle_p85 = np.percentile(cycle_times(board_events), [50, 85])
''',
    # the average plan, quoted as both dates
    "q6_answer": '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    counts = np.asarray(weekly_counts, dtype=float)
    done = rng.choice(counts, size=(n_runs, 60)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1) + 1


runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
average_date = pd.Timestamp("2026-09-25") + pd.Timedelta(weeks=int(np.ceil(remaining_items / throughput.mean())) - 1)
forecast = {"p50": average_date, "p85": average_date}
weeks_later = 0
''',
})

_DATA_AND_PR_SLIPS = dict(_OTHER_CALLS)
_DATA_AND_PR_SLIPS.update({
    # resample labels each week by the Monday it ends on; Little's law with weekly throughput
    "q5_answer": '''
def weekly_throughput(events, start, end):
    d = events[events["status"] == "Done"].assign(at=lambda x: pd.to_datetime(x["entered_at"]))
    d = d[(d["at"] >= start) & (d["at"] < end)]
    return d.resample("W-MON", on="at").size()


def wip_at(events, moment):
    e = events.assign(at=pd.to_datetime(events["entered_at"]))
    s = e[e["status"] == "In progress"].groupby("ticket_id")["at"].min()
    f = e[e["status"] == "Done"].groupby("ticket_id")["at"].min().reindex(s.index)
    return int(((s <= pd.Timestamp(moment)) & ~(f <= pd.Timestamp(moment))).sum())


throughput = weekly_throughput(board_events, WINDOW_START, WINDOW_END)
avg_wip = np.mean([wip_at(board_events, d) for d in pd.date_range("2026-06-02", periods=112)])
little_days = avg_wip / throughput.mean()
e = board_events.assign(at=pd.to_datetime(board_events["entered_at"])).sort_values(["ticket_id", "at"])
e["d"] = (e.groupby("ticket_id")["at"].shift(-1) - e["at"]).dt.total_seconds() / 86400
e = e[e["ticket_id"].isin(e.loc[e["status"] == "Done", "ticket_id"])]
days_in_column = e.groupby(["ticket_id", "status"])["d"].sum().unstack(fill_value=0)[["In progress", "Review",
                                                                                       "Validation"]].mean()
bottleneck = days_in_column.idxmax()
''',
    # headings matched exactly; the PM answers every comment on a PR they care about
    "q7_answer": '''
def missing_sections(description):
    return [k for k, title in SECTIONS.items() if "## " + title not in description]


needs_evaluation = ["PR-412", "PR-418", "PR-427"]
pm_answers = ["C1", "C2", "C3", "C6", "C8"]
merge_call = {"decision": "request_changes", "evidence": ["no_evaluation", "yaml_order"],
              "would_change_if": "evaluation_added"}
''',
    # no retention limit, and the whole table requested
    "q8_answer": '''
def history_weeks(catalogue, table, as_of):
    r = catalogue.set_index("table").loc[table]
    return (pd.Timestamp(as_of) - pd.Timestamp(r["history_from"])).days // 7


data_plan = {"QA": {"table": "subscriptions", "approver": "Data platform lead", "enough_history": True},
             "QB": {"table": "app_sessions", "approver": "Head of engineering",
                    "enough_history": history_weeks(data_catalogue, "app_sessions", AS_OF) >= 63}}
data_request = {"purpose": "January churn analysis for the retention team, all subscribers, all columns please.",
                "table": "subscriptions",
                "fields": data_catalogue.set_index("table").loc["subscriptions", "columns"].split(";")}
history_call = {"decision": "enough_history", "evidence": ["refreshed_hourly"], "would_change_if": "access_granted"}
''',
})

_CHECKLIST_SLIPS = dict(_LOOPS)
_CHECKLIST_SLIPS.update({
    # a DoD with a number on it, and a promise counted as met
    "q3_answer": '''
definition_of_done = ["offline_eval", "fairness_check", "monitoring", "rollback", "model_card", "accuracy_95"]
missing = {"CHURN-231": [], "CHURN-244": ["offline_eval", "fairness_check", "model_card"], "CHURN-250": [],
           "CHURN-257": [], "CHURN-262": ["model_card"]}
''',
    # stops only when the total exceeds the remaining items
    "q6_answer": '''
def weeks_needed(weekly_counts, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n_runs):
        total, weeks = 0, 0
        while total <= remaining:
            total += rng.choice(np.asarray(weekly_counts))
            weeks += 1
        out.append(weeks)
    return np.array(out)


runs = weeks_needed(throughput, remaining_items, n_runs, forecast_seed)
k = {p: int(np.quantile(runs, q, method="inverted_cdf")) for p, q in (("p50", 0.5), ("p85", 0.85))}
forecast = {p: EXPORT_AT.normalize() + pd.Timedelta(days=7 * (v - 1) + 4) for p, v in k.items()}
average_weeks = int(np.ceil(remaining_items / throughput.mean()))
average_date = EXPORT_AT.normalize() + pd.Timedelta(days=7 * (average_weeks - 1) + 4)
weeks_later = (forecast["p85"] - average_date).days / 7
''',
    # refinement read off the estimate column
    "q9_answer": '''
refinement = {}
for t in refinement_backlog.itertuples():
    if pd.isna(t.estimate_points):
        refinement[t.ticket_id] = "spike"
    elif t.estimate_points > 8:
        refinement[t.ticket_id] = "split"
    else:
        refinement[t.ticket_id] = "ready"
''',
})

_HALF_DONE = {key: _LOOPS[key] for key in ("q1_answer", "q2_answer", "q3_answer", "q4_answer")}

ATTEMPTS = {
    "correct-loops": {"answers": _LOOPS, "fair": dict(_FULL), "why": {}},
    "correct-other-calls": {"answers": _OTHER_CALLS, "fair": dict(_FULL), "why": {}},
    "velocity-thinker": {
        "answers": _VELOCITY_THINKER,
        "fair": {**_FULL, "q1_test": 1.0, "q2_test": 0.5, "q4_test": 0.5, "q6_test": 1.5},
        "why": {
            "q1_test": "pure Scrum for a team that is 40 % research, a two-week spike, commits to research and "
                       "to a metric value; only the memo and two commitments are right",
            "q2_test": "accuracy on cross-validation at the prototype's value: the form is right, the metric, the "
                       "data and the slice are not; the testable list has one extra",
            "q4_test": "working days from the last start: the rule is wrong on every board; the percentiles are "
                       "computed from its own cycle times",
            "q6_test": "the simulation is right, but both dates are the average plan: the date to promise is one the "
                       "runs do not support, which costs most of the question (was 2 before that rule)",
        },
    },
    "data-and-pr-slips": {
        "answers": _DATA_AND_PR_SLIPS,
        "fair": {**_FULL, "q5_test": 1.5, "q7_test": 1.5, "q8_test": 1.25},
        "why": {
            "q5_test": "weeks labelled by the Monday they end on, and Little's law with weekly throughput; WIP, "
                       "the column times and the bottleneck are right",
            "q7_test": "headings matched case-sensitively, a PR with an evaluation listed as lacking one, a style "
                       "comment taken on; the merge call is right but cites a style nit",
            "q8_test": "no retention limit (the QB plan follows from it and is not charged again), a call that "
                       "ignores the 13-month retention it was given, the whole table with names and e-mails requested",
        },
    },
    "checklist-slips": {
        "answers": _CHECKLIST_SLIPS,
        "fair": {**_FULL, "q3_test": 1.5, "q6_test": 2.0, "q9_test": 1.5},
        "why": {
            "q3_test": "accuracy above 95 % in the DoD, a promise counted as a rollback and accuracy by segment as "
                       "a fairness check; the other tickets are right",
            "q6_test": "stops only when the total exceeds the remaining items: one run in five takes a week more; "
                       "dates and the average plan follow consistently",
            "q9_test": "decided from the estimate column: R5 (waits on another team) and R7 (no user, untestable) "
                       "called ready and split",
        },
    },
    "half-done": {
        "answers": _HALF_DONE,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2},
        "why": {},
    },
}
