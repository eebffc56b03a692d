"""Known-wrong answers and fairly graded answers for 06-influence.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
MESSAGES: mistake name -> a piece of the message the learner sees for that mistake.
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows). The code runs after the full solution, so it can also
replace earlier answers: an earlier mistake followed by a right answer here must keep full
points (error carried forward).
"""

ASSIGNMENT = "06-influence"

_PLACEMENTS = """
placements = {
    "S01": {"power": "high", "interest": "high", "stance": "supporter"},
    "S02": {"power": "high", "interest": "low", "stance": "supporter"},
    "S03": {"power": "high", "interest": "low", "stance": "skeptic"},
    "S04": {"power": "high", "interest": "high", "stance": "champion"},
    "S05": {"power": "high", "interest": "high", "stance": "blocker"},
    "S06": {"power": "high", "interest": "low", "stance": "neutral"},
    "S07": {"power": "high", "interest": "low", "stance": "neutral"},
    "S08": {"power": "low", "interest": "high", "stance": "supporter"},
    "S09": {"power": "low", "interest": "high", "stance": "neutral"},
    "S10": {"power": "low", "interest": "low", "stance": "skeptic"},
    "S11": {"power": "low", "interest": "low", "stance": "neutral"},
    "S12": {"power": "low", "interest": "low", "stance": "neutral"},
}
grid_evidence = {"power": "controls", "interest": "asks_last_4_weeks", "stance": "said"}
"""
_STAKEHOLDER_MAP = """
def stakeholder_map(placements):
    quadrant = {("high", "high"): "manage closely", ("high", "low"): "keep satisfied",
                ("low", "high"): "keep informed", ("low", "low"): "monitor"}
    base = {"manage closely": 0, "keep informed": 1, "keep satisfied": 2, "monitor": 3}
    rows = {}
    for who, call in placements.items():
        how = quadrant[(call["power"], call["interest"])]
        rows[who] = {"engagement": how,
                     "cadence": CADENCES[max(0, base[how] - (call["stance"] in ("skeptic", "blocker")))]}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["engagement", "cadence"])
larder_map = stakeholder_map(placements)
"""
_RACI_PROBLEMS = """
def raci_problems(chart, outcomes):
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if "A" in letter]
        if len(accountable) != 1 or not any("R" in x for x in row.values()) or (
                activity in outcomes and "ml_team" in accountable):
            broken.append(activity)
    return broken
"""
_LAUNCH_RACI = """
launch_raci = {
    "success_metric": {"pm": "AR", "ml_team": "R", "retention_lead": "C", "finance": "C", "coo": "I"},
    "flag_pipeline": {"ml_team": "AR", "pm": "C", "dpo": "C", "retention_lead": "I"},
    "voucher_email": {"crm_team": "AR", "retention_lead": "C", "pm": "C", "dpo": "C"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R", "pm": "I"},
    "privacy_review": {"retention_lead": "A", "pm": "R", "dpo": "C", "ml_team": "C"},
    "voucher_budget": {"finance": "A", "retention_lead": "R", "pm": "C", "coo": "I"},
    "churn_reduction": {"retention_lead": "A", "retention_agents": "R", "pm": "R", "ml_team": "C", "coo": "I"},
    "go_live": {"pm": "AR", "ml_team": "C", "retention_lead": "C", "crm_team": "C", "dpo": "C", "coo": "I"},
}
"""
_OKR_CALLS = """
okr_calls = {"R01": True, "R02": True, "R03": True, "R04": True, "R05": True, "R06": True, "R07": True,
             "R08": False, "R09": False, "R10": False, "R11": False, "R12": False, "R13": False}
"""
_TRIAGE_BY_DELAY = """
def triage(inbox, okr_calls, capacity_weeks):
    decision = pd.Series("decline", index=inbox.index)
    free = capacity_weeks
    keep = inbox[inbox["request_id"].map(okr_calls).astype(bool)]
    for i, row in keep.sort_values("cost_of_delay_eur_per_week", ascending=False).iterrows():
        decision[i] = "accept" if row["effort_weeks"] <= free else "defer"
        free -= row["effort_weeks"] if decision[i] == "accept" else 0
    return decision
decisions = triage(request_inbox, okr_calls, capacity_weeks)
"""
_ALTERNATIVES = """
alternatives = {"R08": "other_team", "R09": "other_team", "R10": "self_serve", "R11": "smaller_version",
                "R12": "existing_asset", "R13": "other_team"}
"""
_WEEK_SORT = """
week_sort = {
    "A01": {"action": "escalate", "because": "moves_commitment"},
    "A02": {"action": "pass", "because": "subscribers_waiting"},
    "A03": {"action": "escalate", "because": "moves_commitment"},
    "A04": {"action": "escalate", "because": "leads_disagree"},
    "A05": {"action": "pass", "because": "subscribers_waiting"},
    "A06": {"action": "shield", "because": "pm_handles"},
    "A07": {"action": "shield", "because": "team_can_wait"},
    "A08": {"action": "shield", "because": "pm_handles"},
    "A09": {"action": "pass", "because": "quick_team_answer"},
    "A10": {"action": "shield", "because": "team_can_wait"},
    "A11": {"action": "escalate", "because": "moves_commitment"},
    "A12": {"action": "pass", "because": "subscribers_waiting"},
    "A13": {"action": "shield", "because": "pm_handles"},
    "A14": {"action": "escalate", "because": "leads_disagree"},
    "A15": {"action": "shield", "because": "team_can_wait"},
}
"""
_SPRINTS_LOOP = """
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    velocities = list(velocities)
    out = []
    for _ in range(n_runs):
        done, sprints = 0, 0
        while done < remaining:
            done += rng.choice(velocities)
            sprints += 1
        out.append(sprints)
    return np.array(out)
"""
_RUNS_FROM_COMMITTED = """
runs = sprints_needed(sprint_history["committed_points"], remaining_points, n_runs, forecast_seed)
"""
_FORECAST = """
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    runs = np.asarray(runs)
    sprints = {name: int(np.quantile(runs, q, method="inverted_cdf")) for name, q in (("p50", 0.5), ("p85", 0.85))}
    return {name: pd.Timestamp(last_sprint_end) + pd.Timedelta(days=sprint_days * k) for name, k in sprints.items()}
forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days / 7
"""
_UPDATE = """
status_update = {
    "headline": f"The churn launch moves to {forecast['p85']:%d %B} (85 % forecast), {slip_weeks:g} weeks late.",
    "impact": "The retention team starts a month later: a month of saves moves into next quarter.",
    "cause": "We planned on committed points; the team completes about 23 a sprint.",
    "options": [
        {"option": "Full scope on the forecast date", "trade_off": "a month of saves lost this quarter"},
        {"option": "Keep 28 August by cutting 25 points", "trade_off": "no measure of what the calls save"},
    ],
    "ask": f"Please approve {forecast['p85']:%d %B} as the new date by Friday 26 June.",
    "next_update": "2026-07-03",
}
"""

WRONG_ANSWERS = {
    # ---- question 1: the stakeholder map ----
    "grid-power-from-how-often-they-ask": ("q1_answer", _PLACEMENTS + """
for _sid, _asks in zip(stakeholders["stakeholder_id"], stakeholders["asks_last_4_weeks"]):
    placements[_sid]["power"] = "high" if _asks >= 3 else "low"   # the loudest have the most power
grid_evidence = {"power": "asks_last_4_weeks", "interest": "asks_last_4_weeks", "stance": "said"}
""" + _STAKEHOLDER_MAP, "hidden"),
    "grid-loudest-person-in-high-power": ("q1_answer", _PLACEMENTS + """
placements["S08"] = {"power": "high", "interest": "high", "stance": "supporter"}  # asks every day
""" + _STAKEHOLDER_MAP, "hidden"),
    "grid-stance-from-the-role-not-the-words": ("q1_answer", _PLACEMENTS + """
placements["S05"]["stance"] = "neutral"   # a head of CRM: just a channel owner
placements["S03"]["stance"] = "neutral"   # finance is always like that
""" + _STAKEHOLDER_MAP, "hidden"),
    "grid-evidence-power-from-the-role": ("q1_answer", _PLACEMENTS + """
grid_evidence = {"power": "role", "interest": "asks_last_4_weeks", "stance": "said"}
""" + _STAKEHOLDER_MAP, "hidden"),
    "cadence-ignores-stance": ("q1_answer", _PLACEMENTS + """
def stakeholder_map(placements):
    quadrant = {("high", "high"): "manage closely", ("high", "low"): "keep satisfied",
                ("low", "high"): "keep informed", ("low", "low"): "monitor"}
    base = {"manage closely": "weekly", "keep informed": "fortnightly", "keep satisfied": "monthly",
            "monitor": "quarterly"}
    rows = {w: {"engagement": quadrant[(c["power"], c["interest"])]} for w, c in placements.items()}
    for w in rows:
        rows[w]["cadence"] = base[rows[w]["engagement"]]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["engagement", "cadence"])
larder_map = stakeholder_map(placements)
""", "visible"),
    "grid-dpo-without-power-because-his-advice-is-not-binding": ("q1_answer", _PLACEMENTS + """
placements["S06"]["power"] = "low"   # the DPO only advises: the management board decides
""" + _STAKEHOLDER_MAP, "hidden"),
    "map-hard-coded-for-the-toy": ("q1_answer", _PLACEMENTS + """
def stakeholder_map(placements):
    return pd.DataFrame({"engagement": ["manage closely", "keep satisfied", "keep informed", "monitor", "monitor"],
                         "cadence": ["weekly", "fortnightly", "fortnightly", "monthly", "quarterly"]},
                        index=list(placements)[:5])
larder_map = stakeholder_map(placements)
""", "hidden"),
    # ---- question 2: RACI ----
    "raci-ml-team-accountable-for-churn": ("q2_answer", _RACI_PROBLEMS + _LAUNCH_RACI + """
launch_raci["churn_reduction"] = {"ml_team": "AR", "retention_lead": "C", "pm": "C", "coo": "I"}
""", "visible"),
    "raci-problems-reads-only-single-letters": ("q2_answer", """
def raci_problems(chart, outcomes):
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if letter == "A"]
        if len(accountable) != 1 or "R" not in row.values() or (activity in outcomes and "ml_team" in accountable):
            broken.append(activity)
    return broken
""" + _LAUNCH_RACI, "hidden"),
    "raci-dpo-accountable-for-the-lawful-basis": ("q2_answer", _RACI_PROBLEMS + _LAUNCH_RACI + """
launch_raci["privacy_review"] = {"dpo": "A", "pm": "R", "ml_team": "C"}
""", "hidden"),
    "raci-coo-owns-every-outcome-and-the-pm-does-everything": ("q2_answer", _RACI_PROBLEMS + """
launch_raci = {activity: {"coo": "A", "pm": "R"} for activity in ACTIVITIES}
""", "hidden"),
    # ---- question 3: saying no ----
    "okr-every-note-about-churn-or-loyalty-serves": ("q3_answer", _OKR_CALLS + """
okr_calls.update(R08=True, R11=True, R12=True)   # "stay for years", "open every day", "churn deck"
""" + _ALTERNATIVES.replace('"R08": "other_team", ', "").replace('"R11": "smaller_version",', "").replace(
        '"R12": "existing_asset", ', "") + "decisions = triage(request_inbox, okr_calls, capacity_weeks)\n",
        "hidden"),
    "triage-by-cost-of-delay-not-per-week": ("q3_answer", _OKR_CALLS + _TRIAGE_BY_DELAY + _ALTERNATIVES, "visible"),
    "triage-stops-at-the-first-request-that-does-not-fit": ("q3_answer", _OKR_CALLS + """
def triage(inbox, okr_calls, capacity_weeks):
    decision = pd.Series("decline", index=inbox.index)
    okr = inbox[inbox["request_id"].map(okr_calls).astype(bool)].assign(
        cd3=lambda d: d["cost_of_delay_eur_per_week"] / d["effort_weeks"])
    free, full = capacity_weeks, False
    for i, row in okr.sort_values(["cd3", "request_id"], ascending=[False, True]).iterrows():
        full = full or row["effort_weeks"] > free
        decision[i] = "defer" if full else "accept"
        free -= 0 if full else row["effort_weeks"]
    return decision
decisions = triage(request_inbox, okr_calls, capacity_weeks)
""" + _ALTERNATIVES, "visible"),
    "triage-ignores-the-okr-calls": ("q3_answer", _OKR_CALLS + """
def triage(inbox, okr_calls, capacity_weeks):
    decision = pd.Series("defer", index=inbox.index)
    free = capacity_weeks
    ranked = inbox.assign(cd3=inbox["cost_of_delay_eur_per_week"] / inbox["effort_weeks"])
    for i, row in ranked.sort_values(["cd3", "request_id"], ascending=[False, True]).iterrows():
        if row["effort_weeks"] <= free:
            decision[i] = "accept"
            free -= row["effort_weeks"]
    return decision
decisions = triage(request_inbox, okr_calls, capacity_weeks)
""" + _ALTERNATIVES, "visible"),
    "no-alternative-for-some-declines": ("q3_answer", """
alternatives = {"R08": "other_team", "R11": "later_quarter"}
""", "visible"),
    "every-no-deferred-to-later": ("q3_answer", """
alternatives = {r: "later_quarter" for r in ("R08", "R09", "R10", "R11", "R12", "R13")}
""", "hidden"),
    "chatbot-serves-because-people-open-the-app": ("q3_answer", """
chatbot_call = {"decision": "serves", "evidence": ["note_is_engagement", "recipes_visited"],
                "would_change_if": "capacity_frees"}
""", "hidden"),
    "chatbot-no-because-of-who-asked-and-the-cost": ("q3_answer", """
chatbot_call = {"decision": "does_not_serve", "evidence": ["effort_8_weeks", "ceo_asked"],
                "would_change_if": "cancel_survey_recipes"}
""", "hidden"),
    "chatbot-reversed-by-pressure": ("q3_answer", """
chatbot_call = {"decision": "does_not_serve", "evidence": ["okr_is_churn", "cancel_reasons"],
                "would_change_if": "ceo_insists"}
""", "hidden"),
    # ---- question 4: the forecast ----
    "forecast-from-committed-points": ("q4_answer", _SPRINTS_LOOP + _RUNS_FROM_COMMITTED, "hidden"),
    "forecast-from-mean-velocity": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    return np.full(n_runs, int(np.ceil(remaining / np.mean(velocities))))
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", "visible"),
    "forecast-ignores-the-seed": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng()
    v = np.asarray(velocities, dtype=float)
    done = rng.choice(v, size=(n_runs, 40)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1) + 1
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", "visible"),
    "forecast-needs-to-pass-the-remaining-points": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    v = np.asarray(velocities, dtype=float)
    done = rng.choice(v, size=(n_runs, 40)).cumsum(axis=1)
    return (done > remaining).argmax(axis=1) + 1
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", "visible"),
    "forecast-one-sprint-short": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    v = np.asarray(velocities, dtype=float)
    done = rng.choice(v, size=(n_runs, 40)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1)
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", "visible"),
    # ---- question 5: dates and slip ----
    "percentile-interpolated-then-truncated": ("q5_answer", """
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    return {name: pd.Timestamp(last_sprint_end) + pd.Timedelta(days=sprint_days * int(np.percentile(runs, p)))
            for name, p in (("p50", 50), ("p85", 85))}
forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days / 7
""", "visible"),
    "slip-in-days": ("q5_answer", _FORECAST + """
slip_weeks = (forecast["p85"] - PROMISED_DATE).days
""", "hidden"),
    "slip-from-the-median": ("q5_answer", _FORECAST + """
slip_weeks = (forecast["p50"] - PROMISED_DATE).days / 7
""", "hidden"),
    "launch-call-keeps-the-promised-date": ("q5_answer", _FORECAST + """
launch_call = {"commit_to": PROMISED_DATE, "chance": 0.096, "reverse_if": "coo_insists"}
""", "hidden"),
    "launch-call-chance-not-from-the-runs": ("q5_answer", _FORECAST + """
launch_call = {"commit_to": forecast["p85"], "chance": 0.5, "reverse_if": "scope_cut_reforecast"}
""", "hidden"),
    "launch-call-moved-by-more-simulations": ("q5_answer", _FORECAST + """
launch_call = {"commit_to": forecast["p85"], "chance": float((runs <= 7).mean()), "reverse_if": "more_runs"}
""", "hidden"),
    # ---- question 6: the status update ----
    "headline-buried-under-background": ("q6_answer", _UPDATE + """
status_update["headline"] = "Due to lower velocity than planned, the churn launch moves to 25 September."
""", "visible"),
    "options-without-trade-offs": ("q6_answer", _UPDATE + """
status_update["options"] = [{"option": "Full scope later", "trade_off": ""}, {"option": "Cut scope", "trade_off": ""}]
""", "visible"),
    "no-ask-only-information": ("q6_answer", _UPDATE + """
status_update["ask"] = "No action needed, just keeping you in the loop."
""", "visible"),
    "next-update-in-a-month": ("q6_answer", _UPDATE + """
status_update["next_update"] = "2026-07-24"
""", "hidden"),
    "headline-in-sprints-not-the-forecast": ("q6_answer", _UPDATE + """
status_update["headline"] = "The churn launch needs 2 more sprints than planned."
status_update["impact"] = "The retention team starts later than planned."
""", "hidden"),
    "ask-keeps-the-promised-date": ("q6_answer", _UPDATE + """
status_update["ask"] = "Please approve keeping 28 August for the launch, by Friday 26 June."
""", "hidden"),
    # ---- question 7: charts and the big idea ----
    "chart-pie-is-not-an-option": ("q7_answer", """
chart_choice = {"m1": "line", "m2": "pie", "m3": "scatter", "m4": "histogram", "m5": "pie", "m6": "table"}
""", "visible"),
    "big-idea-is-a-topic": ("q7_answer", """
big_idea = "Launch status update for the churn flags."
""", "visible"),
    "big-idea-without-stakes": ("q7_answer", """
big_idea = "We should commit to the later date and keep Eindhoven out, as that is the best plan."
""", "visible"),
    "charts-all-bars": ("q7_answer", """
chart_choice = {m: "bar" for m in MESSAGES}
""", "hidden"),
    # ---- question 8: the umbrella ----
    "umbrella-passes-the-ceos-quick-add": ("q8_answer", _WEEK_SORT + """
week_sort["A11"] = {"action": "pass", "because": "quick_team_answer"}   # needs the model, an hour
week_sort["A01"] = {"action": "pass", "because": "quick_team_answer"}   # the team knows if it can go faster
""", "hidden"),
    "umbrella-passes-everything-the-team-could-do": ("q8_answer", _WEEK_SORT + """
for _aid in ("A07", "A10", "A15"):
    week_sort[_aid] = {"action": "pass", "because": "quick_team_answer"}
""", "hidden"),
    "umbrella-right-actions-wrong-reasons": ("q8_answer", _WEEK_SORT + """
for _aid in ("A01", "A03", "A11"):
    week_sort[_aid]["because"] = "leads_disagree"
""", "hidden"),
    "umbrella-actions-without-reasons": ("q8_answer", """
week_sort = {"A01": "escalate", "A02": "pass", "A03": "escalate", "A04": "escalate", "A05": "pass",
             "A06": "shield", "A07": "shield", "A08": "shield", "A09": "pass", "A10": "shield",
             "A11": "escalate", "A12": "pass", "A13": "shield", "A14": "escalate", "A15": "shield"}
""", "visible"),
}

FAIR_SCORES = {
    # ---- correct answers in another style than the solution: full points ----
    "map-with-apply-and-the-ambiguous-notes-read-the-other-way": ("q1_answer", """
placements = {sid: dict(zip(("power", "interest", "stance"), call)) for sid, call in {
    "S01": ("high", "high", "champion"), "S02": ("high", "low", "neutral"), "S03": ("high", "low", "skeptic"),
    "S04": ("high", "high", "champion"), "S05": ("high", "low", "blocker"), "S06": ("high", "low", "neutral"),
    "S07": ("high", "low", "supporter"), "S08": ("low", "high", "supporter"), "S09": ("low", "low", "neutral"),
    "S10": ("low", "low", "skeptic"), "S11": ("low", "low", "neutral"), "S12": ("low", "low", "neutral")}.items()}
grid_evidence = {"power": "controls", "interest": "said", "stance": "said"}
LADDER = ["quarterly", "monthly", "fortnightly", "weekly"]
def stakeholder_map(placements):
    frame = pd.DataFrame(placements).T
    def row(r):
        how = {(1, 1): "manage closely", (1, 0): "keep satisfied", (0, 1): "keep informed", (0, 0): "monitor"}[
            (int(r.power == "high"), int(r.interest == "high"))]
        k = {"monitor": 0, "keep satisfied": 1, "keep informed": 2, "manage closely": 3}[how]
        if r.stance in {"skeptic", "blocker"}:
            k = min(k + 1, 3)
        return pd.Series({"engagement": how, "cadence": LADDER[k]})
    return frame.apply(row, axis=1)
larder_map = stakeholder_map(placements)
""", 4.0),
    "raci-problems-as-a-set-with-counter": ("q2_answer", """
from collections import Counter
def raci_problems(chart, outcomes):
    bad = set()
    for activity, row in chart.items():
        letters = Counter()
        for role, letter in row.items():
            for ch in letter:
                letters[ch] += 1
        owner = [r for r, x in row.items() if "A" in x]
        if letters["A"] != 1 or letters["R"] == 0 or (activity in set(outcomes) and owner == ["ml_team"]):
            bad.add(activity)
    return bad
launch_raci = {
    "success_metric": {"pm": "A", "ml_team": "R", "retention_lead": "C"},
    "flag_pipeline": {"pm": "A", "ml_team": "R"},
    "voucher_email": {"retention_lead": "A", "crm_team": "R", "dpo": "C"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R"},
    "privacy_review": {"retention_lead": "A", "pm": "R", "dpo": "C"},
    "voucher_budget": {"coo": "A", "finance": "R", "retention_lead": "C"},
    "churn_reduction": {"coo": "A", "retention_lead": "R", "retention_agents": "R", "ml_team": "C"},
    "go_live": {"coo": "A", "pm": "R", "ml_team": "C"},
}
""", 3.0),
    "triage-with-a-running-total-numpy-strings-and-the-csv-accepted": ("q3_answer", """
okr_calls = {r: r in {"R01", "R02", "R03", "R04", "R05", "R06", "R07", "R10"} for r in request_inbox["request_id"]}
def triage(inbox, okr_calls, capacity_weeks):
    ranked = inbox.assign(cd3=inbox.cost_of_delay_eur_per_week / inbox.effort_weeks).sort_values(
        ["cd3", "request_id"], ascending=[False, True])
    used, out = 0.0, {}
    for idx, r in ranked.iterrows():
        if not okr_calls[r.request_id]:
            out[idx] = np.str_("decline")
        elif used + r.effort_weeks <= capacity_weeks:
            used += r.effort_weeks
            out[idx] = np.str_("accept")
        else:
            out[idx] = np.str_("defer")
    return pd.Series(out).reindex(inbox.index)
decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "later_quarter", "R09": "other_team", "R11": "later_quarter", "R12": "existing_asset",
                "R13": "later_quarter"}
chatbot_call = {"decision": "does_not_serve", "evidence": ("cancel_reasons", "okr_is_churn"),
                "would_change_if": "cancel_survey_recipes"}
""", 4.0),
    "forecast-with-a-loop": ("q4_answer", _SPRINTS_LOOP + """
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", 3.0),
    "dates-with-a-cumulative-share-loop-and-date-objects": ("q5_answer", """
import datetime as dt
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    runs = np.asarray(runs)
    out = {}
    for name, share in (("p50", 0.5), ("p85", 0.85)):
        k = 1
        while (runs <= k).mean() < share:
            k += 1
        out[name] = (pd.Timestamp(last_sprint_end) + dt.timedelta(days=k * sprint_days)).date()
    return out
forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE.date()).days / 7
""", 3.0),
    "update-with-iso-dates-and-timestamp": ("q6_answer", """
status_update = {
    "headline": f"Churn launch now {forecast['p85'].date().isoformat()} at 85 % confidence, "
                f"not {PROMISED_DATE.date()}.",
    "impact": "Retention saves start four weeks later; that shifts part of the Q3 churn goal into Q4.",
    "cause": "The plan assumed committed points; completed points run about a fifth lower.",
    "options": [
        {"option": "Hold scope", "trade_off": "keeps Eindhoven out but gives up four weeks of saves"},
        {"option": "Cut the dashboard to keep August", "trade_off": "we cannot measure what the calls save"},
    ],
    "ask": "Could you decide between the two options by 26 June?",
    "next_update": pd.Timestamp("2026-06-29"),
}
""", 3.0),
    "big-idea-with-must-and-euros": ("q7_answer", """
chart_choice = dict(m1="line", m2="bar", m3="scatter", m4="bar", m5="stacked_bar", m6="table")
big_idea = ("We must promise the board the September date now, or we risk a second slip and a month of saves "
            "worth about EUR 40,000.")
""", 2.0),
    "chart-m3-as-a-binned-churn-rate": ("q7_answer", """
chart_choice = {"m1": "line", "m2": "bar", "m3": "bar", "m4": "histogram", "m5": "stacked_bar", "m6": "table"}
""", 2.0),
    "launch-call-at-a-later-safer-date-with-velocity": ("q5_answer", _FORECAST + """
_k = 8
launch_call = {"commit_to": LAST_SPRINT_END + pd.Timedelta(days=_k * SPRINT_DAYS), "chance": float(np.mean(runs <= _k)),
               "reverse_if": "velocity_reforecast"}
""", 3.0),
    "raci-coo-accountable-for-the-lawful-basis": ("q2_answer", _RACI_PROBLEMS + _LAUNCH_RACI + """
launch_raci["privacy_review"] = {"coo": "A", "pm": "R", "dpo": "C"}
""", 3.0),
    "umbrella-the-scheduler-move-escalated-and-other-reasons": ("q8_answer", _WEEK_SORT + """
week_sort["A10"] = {"action": "escalate", "because": "moves_commitment"}   # 12 hours of the launch sprint
week_sort["A05"]["because"] = "quick_team_answer"
week_sort["A12"]["because"] = "quick_team_answer"
week_sort["A07"]["because"] = "pm_handles"
""", 3.0),
    # ---- three realistic attempts graded with `mlpm check` (see the module's report): fair points ----
    "attempt-A-update-with-words-and-a-third-option": ("q6_answer", """
status_update = {
    "headline": "Churn launch: four weeks late, now 25 September at 85 % confidence.",
    "impact": "Saves start a month later, so roughly a third of Q3's churn reduction moves to Q4. "
              "Eindhoven would get mostly wasted vouchers.",
    "cause": "Our plan used committed points; the team completes about a fifth less.",
    "options": [
        {"option": "Hold full scope", "trade_off": "launch 25 September, lose a month of saves"},
        {"option": "Cut 25 points to keep 28 August", "trade_off": "keeps the date; no saves dashboard"},
        {"option": "Add two engineers", "trade_off": "maybe two weeks back, checkout work slips"},
    ],
    "ask": "Can you choose between options 1 and 2 at Thursday's ops review?",
    "next_update": pd.Timestamp("2026-07-02"),
}
""", 3.0),
    "attempt-A-m5-as-a-line-of-shares": ("q7_answer", """
chart_choice = dict(m1="line", m2="bar", m3="scatter", m4="bar", m5="line", m6="table")
big_idea = ("We must promise the board the September date now, or we risk a second slip and a month of saves "
            "worth about EUR 40,000.")
""", 2.0),
    "attempt-B-ml-team-owns-the-churn-outcome": ("q2_answer", """
def raci_problems(chart, outcomes):
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if "A" in letter]
        if len(accountable) != 1 or not any("R" in x for x in row.values()) or (
                activity in outcomes and "ml_team" in accountable):
            broken.append(activity)
    return broken

launch_raci = {
    "success_metric": {"pm": "AR", "ml_team": "R", "retention_lead": "C", "finance": "C", "coo": "I"},
    "flag_pipeline": {"ml_team": "AR", "pm": "C", "dpo": "C", "retention_lead": "I"},
    "voucher_email": {"crm_team": "AR", "retention_lead": "C", "pm": "C", "dpo": "C"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R", "pm": "I"},
    "privacy_review": {"retention_lead": "A", "pm": "R", "dpo": "C", "ml_team": "C"},
    "voucher_budget": {"finance": "A", "retention_lead": "R", "pm": "C", "coo": "I"},
    "churn_reduction": {"retention_lead": "A", "retention_agents": "R", "pm": "R", "ml_team": "C", "coo": "I"},
    "go_live": {"pm": "AR", "ml_team": "C", "retention_lead": "C", "crm_team": "C", "dpo": "C", "coo": "I"},
}

launch_raci["churn_reduction"] = {"ml_team": "AR", "retention_lead": "C", "pm": "C", "coo": "I"}
""", 2.44),
    "attempt-B-global-numpy-seed": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    np.random.seed(seed)  # the global generator, seeded: reproducible too
    out = []
    for _ in range(n_runs):
        total, n = 0, 0
        while total < remaining:
            total += np.random.choice(list(velocities))
            n += 1
        out.append(n)
    return np.array(out)
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", 3.0),
    "attempt-B-percentile-rounded-slip-in-days": ("q5_answer", """
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    p50, p85 = np.percentile(runs, [50, 85])
    return {"p50": last_sprint_end + pd.Timedelta(days=round(p50) * sprint_days),
            "p85": last_sprint_end + pd.Timedelta(days=round(p85) * sprint_days)}
forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days  # forgot to convert to weeks
""", 2.76),
    "attempt-B-buried-headline-ask-without-a-date": ("q6_answer", """
status_update = {
    "headline": "Due to lower velocity than planned, the churn launch moves to 25 September (P85).",
    "impact": "Churn reduction starts 4 weeks later.",
    "cause": "Velocity estimates were based on committed rather than completed story points.",
    "options": [
        {"option": "Delay the launch", "trade_off": "4 weeks later"},
        {"option": "Reduce scope (drop Eindhoven)", "trade_off": "Eindhoven is not covered at launch"},
    ],
    "ask": "Please approve the new date.",
    "next_update": "2026-07-06",
}
""", 2.22),
    "attempt-B-big-idea-without-a-point-of-view": ("q7_answer", """
chart_choice = {"m1": "line", "m2": "bar", "m3": "scatter", "m4": "histogram", "m5": "line", "m6": "table"}
big_idea = "The churn launch will slip by four weeks because velocity was overestimated."
""", 1.06),
    "attempt-C-calls-and-triage-right-alternatives-and-chatbot-not-written": ("q3_answer", _OKR_CALLS + """
def triage(inbox, okr_calls, capacity_weeks):
    decision = pd.Series("decline", index=inbox.index)
    okr = inbox[inbox["request_id"].map(okr_calls).astype(bool)].assign(
        cd3=lambda d: d["cost_of_delay_eur_per_week"] / d["effort_weeks"])
    free = capacity_weeks
    for i, row in okr.sort_values(["cd3", "request_id"], ascending=[False, True]).iterrows():
        if row["effort_weeks"] <= free:
            decision[i] = "accept"
            free -= row["effort_weeks"]
        else:
            decision[i] = "defer"
    return decision
decisions = triage(request_inbox, okr_calls, capacity_weeks)
# TODO alternatives, chatbot
del alternatives, chatbot_call  # (the fixture runs after the solution: here the learner never wrote them)
""", 3.02),
    "triage-right-after-calls-that-serve-everything-about-churn": ("q3_answer", _OKR_CALLS + """
okr_calls.update(R08=True, R11=True, R12=True)
""" + _ALTERNATIVES.replace('"R08": "other_team", ', "").replace('"R11": "smaller_version",', "").replace(
        '"R12": "existing_asset", ', "") + "decisions = triage(request_inbox, okr_calls, capacity_weeks)\n", 3.74),
    # ---- partial credit where a careful teacher gives it ----
    "triage-stops-at-the-first-misfit-keeps-the-ranking": (
        "q3_answer", WRONG_ANSWERS["triage-stops-at-the-first-request-that-does-not-fit"][1], 3.27),
    "triage-by-cost-of-delay-loses-the-ranking-and-the-walk": (
        "q3_answer", WRONG_ANSWERS["triage-by-cost-of-delay-not-per-week"][1], 2.43),
    "forecast-goes-on-when-a-run-lands-exactly-charged-once": ("q4_answer", """
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    history = [float(v) for v in velocities]
    out = np.zeros(n_runs, dtype=int)
    for run in range(n_runs):
        total, count = 0.0, 0
        while total <= remaining:   # goes on when the total lands exactly on the points left
            total += history[rng.integers(len(history))]
            count += 1
        out[run] = count
    return out
runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
""", 2.4),
    "forecast-right-function-run-on-committed-points": ("q4_answer", _SPRINTS_LOOP + _RUNS_FROM_COMMITTED, 2.0),
    "one-chart-wrong-costs-one-chart": ("q7_answer", """
chart_choice = {"m1": "line", "m2": "bar", "m3": "scatter", "m4": "histogram", "m5": "stacked_bar", "m6": "bar"}
""", 1.84),
    # ---- other calls the evidence supports: full points ----
    "alternative-churn-deck-scheduled-before-next-years-planning": ("q3_answer", """
alternatives = {"R08": "other_team", "R09": "other_team", "R10": "self_serve", "R11": "smaller_version",
                "R12": "later_quarter", "R13": "other_team"}
""", 4.0),
    "umbrella-all-hands-talk-given-by-the-team-can-wait": ("q8_answer", _WEEK_SORT + """
week_sort["A13"] = {"action": "shield", "because": "team_can_wait"}   # a data scientist presents: 3 hours, nobody waits
""", 3.0),
    # ---- error carried forward: an earlier answer is wrong, this one is right: full points ----
    "dates-right-after-runs-from-committed-points": ("q5_answer", _SPRINTS_LOOP + _RUNS_FROM_COMMITTED + _FORECAST,
                                                     3.0),
    "update-right-after-runs-from-committed-points": ("q6_answer", _SPRINTS_LOOP + _RUNS_FROM_COMMITTED + _FORECAST
                                                      + _UPDATE, 3.0),
}

MESSAGES = {
    "grid-power-from-how-often-they-ask": "not how often they ask",
    "grid-loudest-person-in-high-power": "not how often they ask",
    "grid-stance-from-the-role-not-the-words": "the stance is in what they said",
    "grid-dpo-without-power-because-his-advice-is-not-binding": "advice go-live waits for",
    "grid-evidence-power-from-the-role": "Which note says what a person can stop, fund or change",
    "cadence-ignores-stance": "a skeptic or blocker moves one step more frequent",
    "map-hard-coded-for-the-toy": "should have exactly one label per item",
    "raci-ml-team-accountable-for-churn": "the ML team is Accountable for a business outcome",
    "raci-problems-reads-only-single-letters": "'AR' counts as both Accountable and Responsible",
    "raci-dpo-accountable-for-the-lawful-basis": "the DPO advises on and monitors the processing",
    "raci-coo-owns-every-outcome-and-the-pm-does-everything": "Who would be asked why it did not happen?",
    "okr-every-note-about-churn-or-loyalty-serves": "may still serve another goal",
    "triage-by-cost-of-delay-not-per-week": "Rank by cost of delay per week of effort",
    "triage-stops-at-the-first-request-that-does-not-fit": "keep going after a request that does not fit",
    "triage-ignores-the-okr-calls": "Decline exactly the requests you called False",
    "no-alternative-for-some-declines": "has no entry for",
    "every-no-deferred-to-later": "For each no, offer what serves the requester",
    "chatbot-serves-because-people-open-the-app": "is not a call these facts support yet",
    "chatbot-no-because-of-who-asked-and-the-cost": "not its cost, and not who asked",
    "chatbot-reversed-by-pressure": "Pressure and price do not",
    "forecast-from-committed-points": "draw from the completed points",
    "forecast-from-mean-velocity": "each run should draw its own sprint velocities",
    "forecast-ignores-the-seed": "create the generator from `seed` once",
    "forecast-needs-to-pass-the-remaining-points": "stop as soon as the points delivered reach the remaining points",
    "forecast-one-sprint-short": "counts one sprint too few in every run",
    "percentile-interpolated-then-truncated": "the smallest number of sprints with at least 85 % of the runs done",
    "slip-in-days": "looks like days",
    "slip-from-the-median": "to your 85th-percentile date",
    "launch-call-keeps-the-promised-date": "is a date most simulated futures miss",
    "launch-call-chance-not-from-the-runs": "is not the share of your runs",
    "launch-call-moved-by-more-simulations": "would not make an earlier date true",
    "headline-buried-under-background": "the news is buried",
    "options-without-trade-offs": "has no real trade-off",
    "no-ask-only-information": "does not ask for a decision",
    "next-update-in-a-month": "is more than 14 days away",
    "headline-in-sprints-not-the-forecast": "states your forecast in neither the headline nor the impact",
    "ask-keeps-the-promised-date": "asks to keep a date your forecast gives little chance",
    "chart-pie-is-not-an-option": "should be one of",
    "big-idea-is-a-topic": "too short to carry a point of view",
    "big-idea-without-stakes": "does not say what is at stake in numbers",
    "charts-all-bars": "Ask what the reader must compare",
    "umbrella-passes-the-ceos-quick-add": "Apply the rules in order",
    "umbrella-passes-everything-the-team-could-do": "is not a call this ask supports yet",
    "umbrella-right-actions-wrong-reasons": "gives a reason that does not decide the ask",
    "umbrella-actions-without-reasons": "should be a dict with exactly the keys 'action' and 'because'",
}
