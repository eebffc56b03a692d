"""Blind attempts at module 06: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.

Rubric (what a point is for, per question, read from the prompt):

- Q1 (4): the placements read from the notes, about 2 (power from what a person controls, interest
  from how often they ask and what they say, stance from their words); the evidence columns 0.5;
  `stakeholder_map` (quadrant and the skeptic/blocker step) 1.5.
- Q2 (3): `raci_problems` (three rules, 'AR' counting as both) 1.5; the launch chart 1.5 (shape, no
  rule broken, each activity owned where Larder would own it: no DPO owning the privacy record).
- Q3 (4): the OKR calls 1; `triage` (decline, CD3 ranking, walk on past a misfit) 2; alternatives 0.5;
  the chatbot call 0.5.
- Q4 (3): `sprints_needed` (resampling, stop at >=, one generator) 2; Larder's runs from the
  *completed* points 1.
- Q5 (3): `forecast_dates` 1; the slip 0.5; the launch call 1.5 (a date most futures meet, since
  phase 2 at least 85 % as the prompt now pins; its chance from the runs; a reversal that is new
  evidence). Carried forward from the learner's runs.
- Q6 (3): keys 0.25; a headline that leads with the news 0.75; options with real trade-offs 0.75;
  an ask for a decision with a deadline and a recommendation the forecast supports 0.75; a close
  next update 0.5.
- Q7 (2): the six chart choices 1 (one sixth each); the big idea 1.
- Q8 (3): the action per ask, with the rule that decides it (fifteen asks).
"""

ASSIGNMENT = "06-influence"

_Q1 = '''
placements = {
    "S01": {"power": "high", "interest": "high", "stance": "supporter"},   # can move or stop it; 6 asks; "I back this"
    "S02": {"power": "high", "interest": "low", "stance": "neutral"},      # can cancel any project; 0 asks
    "S03": {"power": "high", "interest": "low", "stance": "skeptic"},      # can freeze the spend; "a cost until..."
    "S04": {"power": "high", "interest": "high", "stance": "champion"},    # the launch saves nothing without his agents
    "S05": {"power": "high", "interest": "high", "stance": "blocker"},     # no voucher e-mail without her slot
    "S06": {"power": "high", "interest": "low", "stance": "neutral"},      # go-live waits for his advice
    "S07": {"power": "high", "interest": "low", "stance": "neutral"},      # no job goes live without her review
    "S08": {"power": "low", "interest": "high", "stance": "supporter"},    # no budget, no sign-off; 9 asks
    "S09": {"power": "low", "interest": "low", "stance": "neutral"},       # no say; 2 asks
    "S10": {"power": "low", "interest": "low", "stance": "skeptic"},       # no say; "I doubt..."
    "S11": {"power": "low", "interest": "low", "stance": "neutral"},       # cannot hold it up; 0 asks
    "S12": {"power": "low", "interest": "low", "stance": "neutral"},       # checkout is not touched
}
grid_evidence = {"power": "controls", "interest": "asks_last_4_weeks", "stance": "said"}

QUADRANTS = {("high", "high"): "manage closely", ("high", "low"): "keep satisfied",
             ("low", "high"): "keep informed", ("low", "low"): "monitor"}
BASE_CADENCE = {"manage closely": "weekly", "keep informed": "fortnightly", "keep satisfied": "monthly",
                "monitor": "quarterly"}


def stakeholder_map(placements):
    rows = []
    for sid, call in placements.items():
        engagement = QUADRANTS[(call["power"], call["interest"])]
        step = CADENCES.index(BASE_CADENCE[engagement])
        if call["stance"] in ("skeptic", "blocker"):
            step = max(step - 1, 0)
        rows.append({"engagement": engagement, "cadence": CADENCES[step]})
    return pd.DataFrame(rows, index=list(placements))


larder_map = stakeholder_map(placements)
'''

_Q2 = '''
def raci_problems(chart, outcomes):
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if "A" in letter]
        responsible = [role for role, letter in row.items() if "R" in letter]
        if len(accountable) != 1 or not responsible or (activity in outcomes and "ml_team" in accountable):
            broken.append(activity)
    return broken


launch_raci = {
    "success_metric": {"pm": "AR", "ml_team": "C", "retention_lead": "C", "finance": "C"},
    "flag_pipeline": {"ml_team": "AR", "pm": "C", "retention_lead": "I"},
    "voucher_email": {"retention_lead": "A", "crm_team": "R", "finance": "I"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R", "pm": "I"},
    "privacy_review": {"retention_lead": "A", "ml_team": "R", "dpo": "C"},
    "voucher_budget": {"finance": "A", "retention_lead": "R", "coo": "I"},
    "churn_reduction": {"retention_lead": "A", "retention_agents": "R", "ml_team": "C", "pm": "C", "coo": "I"},
    "go_live": {"coo": "A", "pm": "R", "dpo": "C", "retention_lead": "C", "ml_team": "C"},
}
'''

_Q3 = '''
okr_calls = {"R01": True, "R02": True, "R03": True, "R04": True, "R05": True, "R06": True, "R07": True,
             "R08": False, "R09": False, "R10": False, "R11": False, "R12": False, "R13": False}


def triage(inbox, okr_calls, capacity_weeks):
    decisions = {}
    candidates = []
    for index, row in inbox.iterrows():
        if okr_calls[row["request_id"]]:
            candidates.append((-row["cost_of_delay_eur_per_week"] / row["effort_weeks"], row["request_id"], index))
        else:
            decisions[index] = "decline"
    free = capacity_weeks
    for _, _, index in sorted(candidates):
        effort = inbox.loc[index, "effort_weeks"]
        if effort <= free:
            decisions[index] = "accept"
            free = free - effort
        else:
            decisions[index] = "defer"
    return pd.Series([decisions[i] for i in inbox.index], index=inbox.index)


decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "other_team", "R09": "other_team", "R10": "self_serve", "R11": "smaller_version",
                "R12": "existing_asset", "R13": "other_team"}
chatbot_call = {"decision": "does_not_serve", "evidence": ["okr_is_churn", "note_is_engagement", "cancel_reasons"],
                "would_change_if": "cancel_survey_recipes"}
'''

_Q4 = '''
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    history = [float(v) for v in velocities]
    out = np.zeros(n_runs, dtype=int)
    for run in range(n_runs):
        total, count = 0.0, 0
        while total < remaining:
            total += history[rng.integers(len(history))]
            count += 1
        out[run] = count
    return out


runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
'''

_Q5 = '''
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    runs = np.asarray(runs)
    out = {}
    for name, pct in (("p50", 50), ("p85", 85)):
        k = int(runs.min())
        while (runs <= k).sum() * 100 < pct * len(runs):
            k += 1
        out[name] = pd.Timestamp(last_sprint_end) + pd.Timedelta(days=k * sprint_days)
    return out


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days / 7
_sprints_by = (forecast["p85"] - LAST_SPRINT_END).days // SPRINT_DAYS
launch_call = {"commit_to": forecast["p85"], "chance": float((np.asarray(runs) <= _sprints_by).mean()),
               "reverse_if": "scope_cut_reforecast"}
'''

_Q6 = '''
status_update = {
    "headline": f"Churn launch moves from 28 August to {forecast['p85']:%d %B} (85 % forecast), "
                f"{slip_weeks:g} weeks later than promised.",
    "impact": "The retention team starts calling flagged subscribers about a month later, so a month of saves "
              "is lost and the 10.5 % churn key result for 30 September is at risk.",
    "cause": "We planned the date on the points the team commits to each sprint; it completes about a fifth less.",
    "options": [
        {"option": "Commit to the 85 % date with the full scope",
         "trade_off": "A month of saves is lost and the board hears a later date."},
        {"option": "Drop the saves dashboard and the reason codes, then re-run the forecast on the points left",
         "trade_off": "Agents call without reasons and the board sees no saves figure at launch; the date only "
                      "moves if the new forecast gives it 85 %."},
    ],
    "ask": "Please approve committing to the 85 % date by Friday 26 June, so I can update the board pack.",
    "next_update": "2026-07-03",
}
'''

_Q7 = '''
chart_choice = {"m1": "line", "m2": "bar", "m3": "scatter", "m4": "histogram", "m5": "stacked_bar", "m6": "table"}
big_idea = ("We should commit to 25 September, four weeks after the promised date, because a date we miss "
            "again would cost the board's trust and a month of saves.")
'''

_Q8 = '''
week_sort = {
    "A01": {"action": "escalate", "because": "moves_commitment"},
    "A02": {"action": "pass", "because": "subscribers_waiting"},
    "A03": {"action": "escalate", "because": "moves_commitment"},
    "A04": {"action": "escalate", "because": "leads_disagree"},
    "A05": {"action": "pass", "because": "quick_team_answer"},
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
'''

_RIGHT = {"q1_answer": _Q1, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8}


def _edit(code, *pairs):
    """The code with each (old, new) pair replaced; every old text must occur."""
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return code


# --- correct, other style and the other calls the notes support ---------------------------------------

_OTHER = {
    "q1_answer": '''
_notes = stakeholders.set_index("stakeholder_id")
_power = {sid: "high" if sid in ("S01", "S02", "S03", "S04", "S05", "S06", "S07") else "low" for sid in _notes.index}
_interest = {sid: "high" if sid in ("S01", "S04", "S08", "S09") else "low" for sid in _notes.index}
_stance = {"S01": "champion", "S02": "supporter", "S03": "skeptic", "S04": "champion", "S05": "blocker",
           "S06": "neutral", "S07": "supporter", "S08": "supporter", "S09": "neutral", "S10": "skeptic",
           "S11": "neutral", "S12": "neutral"}
placements = {sid: {"power": _power[sid], "interest": _interest[sid], "stance": _stance[sid]} for sid in _notes.index}
grid_evidence = dict(power="controls", interest="asks_last_4_weeks", stance="said")


def stakeholder_map(placements):
    frame = pd.DataFrame.from_dict(placements, orient="index")
    both = frame["power"] + "/" + frame["interest"]
    engagement = both.map({"high/high": "manage closely", "high/low": "keep satisfied",
                           "low/high": "keep informed", "low/low": "monitor"})
    position = engagement.map({"manage closely": 0, "keep informed": 1, "keep satisfied": 2, "monitor": 3})
    position = (position - frame["stance"].isin(["skeptic", "blocker"]).astype(int)).clip(lower=0)
    return pd.DataFrame({"engagement": engagement, "cadence": [CADENCES[p] for p in position]})


larder_map = stakeholder_map(placements)
''',
    "q2_answer": '''
def raci_problems(chart, outcomes):
    def owners(row):
        return [r for r, letter in row.items() if letter in ("A", "AR")]

    def doers(row):
        return [r for r, letter in row.items() if letter in ("R", "AR")]

    return [a for a, row in chart.items()
            if len(owners(row)) != 1 or len(doers(row)) == 0 or (a in outcomes and "ml_team" in owners(row))]


launch_raci = {
    "success_metric": {"pm": "A", "ml_team": "R", "retention_lead": "C", "finance": "C", "coo": "I"},
    "flag_pipeline": {"ml_team": "AR", "pm": "I"},
    "voucher_email": {"crm_team": "AR", "retention_lead": "C", "pm": "I"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R"},
    "privacy_review": {"coo": "A", "pm": "R", "ml_team": "R", "dpo": "C"},
    "voucher_budget": {"coo": "A", "finance": "R", "retention_lead": "C"},
    "churn_reduction": {"retention_lead": "A", "retention_agents": "R", "crm_team": "R", "ml_team": "C", "coo": "I"},
    "go_live": {"coo": "A", "pm": "R", "dpo": "C", "ml_team": "C", "retention_lead": "C"},
}
''',
    "q3_answer": _edit(_Q3, ('"R10": False', '"R10": True'),
                       ('"R10": "self_serve", ', ''),
                       ('"R12": "existing_asset"', '"R12": "later_quarter"'),
                       ('"R11": "smaller_version"', '"R11": "other_team"'),
                       ('["okr_is_churn", "note_is_engagement", "cancel_reasons"]',
                        '["okr_is_churn", "cancel_reasons"]'),
                       ('''def triage(inbox, okr_calls, capacity_weeks):
    decisions = {}
    candidates = []
    for index, row in inbox.iterrows():
        if okr_calls[row["request_id"]]:
            candidates.append((-row["cost_of_delay_eur_per_week"] / row["effort_weeks"], row["request_id"], index))
        else:
            decisions[index] = "decline"
    free = capacity_weeks
    for _, _, index in sorted(candidates):
        effort = inbox.loc[index, "effort_weeks"]
        if effort <= free:
            decisions[index] = "accept"
            free = free - effort
        else:
            decisions[index] = "defer"
    return pd.Series([decisions[i] for i in inbox.index], index=inbox.index)''',
                        '''def triage(inbox, okr_calls, capacity_weeks):
    serves = inbox["request_id"].map(okr_calls).astype(bool)
    out = pd.Series(np.where(serves, "defer", "decline"), index=inbox.index)
    ranked = (inbox[serves].assign(cd3=inbox["cost_of_delay_eur_per_week"] / inbox["effort_weeks"])
              .sort_values(["cd3", "request_id"], ascending=[False, True]))
    left = float(capacity_weeks)
    for i, effort in ranked["effort_weeks"].items():
        if effort <= left:
            out[i], left = "accept", left - effort
    return out''')),
    "q4_answer": '''
def sprints_needed(velocities, remaining, n_runs, seed):
    v = np.asarray(velocities, dtype=float)
    rng = np.random.default_rng(seed)
    longest = int(np.ceil(remaining / v.min())) + 1
    done = rng.choice(v, size=(n_runs, longest)).cumsum(axis=1) >= remaining
    return done.argmax(axis=1) + 1


runs = sprints_needed(sprint_history["completed_points"].to_numpy(), remaining_points, n_runs, forecast_seed)
''',
    "q5_answer": '''
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    start = pd.Timestamp(last_sprint_end)
    return {f"p{p}": start + pd.Timedelta(days=sprint_days * int(np.quantile(runs, p / 100, method="inverted_cdf")))
            for p in (50, 85)}


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE) / pd.Timedelta(weeks=1)
launch_call = dict(commit_to=forecast["p85"].date(),
                   chance=np.mean(np.asarray(runs) * SPRINT_DAYS <= (forecast["p85"] - LAST_SPRINT_END).days),
                   reverse_if="velocity_reforecast")
''',
    "q6_answer": '''
status_update = dict(
    headline="The churn MVP launch slips four weeks, to 25 September (85 % of simulated futures).",
    impact="Flagged subscribers wait another month for a call, and the September churn key result will likely "
           "be missed.",
    cause="The plan used committed points per sprint; the team completes fewer, and two sprints lost half to "
          "holidays and an incident.",
    options=[
        dict(option="Move the launch to 25 September",
             trade_off="Four more weeks without saves; the board hears a new date."),
        dict(option="Launch on 11 September with the full scope",
             trade_off="About one simulated future in five misses it, and a second slip costs more trust."),
        dict(option="Add an engineer from checkout",
             trade_off="Checkout work stops, and a new person slows the team first."),
    ],
    ask="Can you confirm 25 September as the board date by Thursday 25 June?",
    next_update=STATUS_DATE + pd.Timedelta(days=14),
)
''',
    "q7_answer": '''
chart_choice = dict(m1="line", m2="bar", m3="bar", m4="histogram", m5="stacked_bar", m6="table")
big_idea = ("I recommend we tell the board 25 September now, since a second slip would cost more trust than "
            "four weeks of saves.")
''',
    "q8_answer": _edit(_Q8, ('"A10": {"action": "shield", "because": "team_can_wait"}',
                             '"A10": {"action": "escalate", "because": "moves_commitment"}'),
                       ('"A05": {"action": "pass", "because": "quick_team_answer"}',
                        '"A05": {"action": "pass", "because": "subscribers_waiting"}'),
                       ('"A13": {"action": "shield", "because": "pm_handles"}',
                        '"A13": {"action": "shield", "because": "team_can_wait"}'),
                       ('"A15": {"action": "shield", "because": "team_can_wait"}',
                        '"A15": {"action": "shield", "because": "pm_handles"}')),
}

# --- typical mistakes (1): the loudest voices have power, the biggest cost of delay goes first, the
#     forecast from committed points, the DPO owns the privacy record, a buried headline ------------------

_LOUD = dict(_RIGHT)
_LOUD.update({
    "q1_answer": _edit(_Q1, ('"S02": {"power": "high"', '"S02": {"power": "low"'),
                       ('"S03": {"power": "high"', '"S03": {"power": "low"'),
                       ('"S06": {"power": "high"', '"S06": {"power": "low"'),
                       ('"S07": {"power": "high"', '"S07": {"power": "low"'),
                       ('"S08": {"power": "low"', '"S08": {"power": "high"'),
                       ('{"power": "controls"', '{"power": "asks_last_4_weeks"')),
    "q2_answer": _edit(_Q2, ('"privacy_review": {"retention_lead": "A", "ml_team": "R", "dpo": "C"}',
                             '"privacy_review": {"dpo": "A", "ml_team": "R", "retention_lead": "C"}')),
    "q3_answer": _edit(_Q3, ('-row["cost_of_delay_eur_per_week"] / row["effort_weeks"]',
                             '-row["cost_of_delay_eur_per_week"]')),
    "q4_answer": _edit(_Q4, ('sprint_history["completed_points"]', 'sprint_history["committed_points"]')),
    "q6_answer": _edit(_Q6, ('f"Churn launch moves', 'f"Due to lower velocity, the churn launch moves')),
    "q7_answer": _edit(_Q7, ('"m4": "histogram"', '"m4": "line"'), ('"m6": "table"', '"m6": "bar"')),
    "q8_answer": _edit(_Q8, ('"A07": {"action": "shield", "because": "team_can_wait"}',
                             '"A07": {"action": "pass", "because": "quick_team_answer"}'),
                       ('"A10": {"action": "shield", "because": "team_can_wait"}',
                        '"A10": {"action": "pass", "because": "quick_team_answer"}'),
                       ('"A11": {"action": "escalate", "because": "moves_commitment"}',
                        '"A11": {"action": "pass", "because": "quick_team_answer"}'),
                       ('"A15": {"action": "shield", "because": "team_can_wait"}',
                        '"A15": {"action": "pass", "because": "quick_team_answer"}')),
})

# --- typical mistakes (2): off by one at the edges, stop at the first request that does not fit, keep
#     the promised date, a big idea that is a topic -------------------------------------------------------

_EDGES = dict(_RIGHT)
_EDGES.update({
    "q1_answer": _edit(_Q1, ("step = max(step - 1, 0)", "step = step - 1")),
    "q2_answer": _edit(_Q2, ('accountable = [role for role, letter in row.items() if "A" in letter]',
                             'accountable = [role for role, letter in row.items() if letter == "A"]'),
                       ('responsible = [role for role, letter in row.items() if "R" in letter]',
                        'responsible = [role for role, letter in row.items() if letter == "R"]'),
                       ('{"pm": "AR", "ml_team": "C"', '{"pm": "A", "ml_team": "R"'),
                       ('"flag_pipeline": {"ml_team": "AR", "pm": "C"', '"flag_pipeline": {"ml_team": "R", "pm": "A"')),
    "q3_answer": _edit(_Q3, ('"R08": False', '"R08": True'),
                       ('alternatives = {"R08": "other_team", ', 'alternatives = {'),
                       ('''    free = capacity_weeks
    for _, _, index in sorted(candidates):
        effort = inbox.loc[index, "effort_weeks"]
        if effort <= free:''', '''    free = capacity_weeks
    full = False
    for _, _, index in sorted(candidates):
        effort = inbox.loc[index, "effort_weeks"]
        if not full and effort <= free:'''),
                       ('''        else:
            decisions[index] = "defer"
    return''', '''        else:
            decisions[index] = "defer"
            full = True
    return''')),
    "q4_answer": _edit(_Q4, ("while total < remaining:", "while total <= remaining:")),
    "q5_answer": _edit(_Q5, ('{"commit_to": forecast["p85"]', '{"commit_to": PROMISED_DATE'),
                       ('_sprints_by = (forecast["p85"] -', '_sprints_by = (PROMISED_DATE -'),
                       ('"reverse_if": "scope_cut_reforecast"', '"reverse_if": "coo_insists"')),
    "q6_answer": _edit(_Q6, ('''        {"option": "Commit to the 85 % date with the full scope",''',
                             '''        {"option": "Keep 28 August by moving two engineers from checkout",
         "trade_off": "Checkout improvements wait a quarter."},
        {"option": "Commit to the 85 % date with the full scope",'''),
                       ('"ask": "Please approve committing to the 85 % date by Friday 26 June',
                        '"ask": "Please approve keeping 28 August by moving two engineers from checkout, '
                        'by Friday 26 June')),
    "q7_answer": '''
chart_choice = {"m1": "line", "m2": "bar", "m3": "scatter", "m4": "histogram", "m5": "stacked_bar", "m6": "table"}
big_idea = "The churn launch slips four weeks to 25 September, which costs about a month of saves."
''',
    "q8_answer": _edit(_Q8, ('"A05": {"action": "pass", "because": "quick_team_answer"}',
                             '"A05": {"action": "shield", "because": "pm_handles"}'),
                       ('"A02": {"action": "pass", "because": "subscribers_waiting"}',
                        '"A02": {"action": "pass", "because": "quick_team_answer"}')),
})

# --- half done: the map, the RACI chart and the forecast runs; the rest not started --------------------

_HALF = {"q1_answer": _Q1, "q2_answer": _Q2, "q4_answer": _Q4}

_FULL = {"q1_test": 4, "q2_test": 3, "q3_test": 4, "q4_test": 3, "q5_test": 3, "q6_test": 3, "q7_test": 2,
         "q8_test": 3}

ATTEMPTS = {
    "blind_correct": {"answers": _RIGHT, "fair": dict(_FULL), "why": {}},
    "blind_other_calls": {"answers": _OTHER, "fair": dict(_FULL), "why": {}},
    "blind_loud_voices": {
        "answers": _LOUD,
        "fair": {**_FULL, "q1_test": 2.75, "q2_test": 2.5, "q3_test": 2.5, "q4_test": 1.75, "q6_test": 2.25,
                 "q7_test": 1.67, "q8_test": 2},
        "why": {
            "q1_test": "power read from how often people ask (and said so in grid_evidence): five of twelve powers "
                       "wrong, the CEO, Finance, the DPO and engineering kept low, the agents' lead high; the map "
                       "function is right",
            "q2_test": "raci_problems right and no rule broken, but the DPO is Accountable for the privacy record he "
                       "must advise on and monitor; the controller's business owner should own it",
            "q3_test": "calls, alternatives and the chatbot call right, but triage ranks by cost of delay alone, "
                       "not per week of effort: the core rule is wrong in the right shape",
            "q4_test": "sprints_needed right, but Larder's runs resample the committed points, the very mistake "
                       "the forecast is there to correct",
            "q6_test": "opens the headline with background ('Due to ...'): the news is buried; the rest is right",
            "q7_test": "big idea right, but the forecast's spread as a line and the exact costs as a bar: "
                       "two of six charts wrong",
            "q8_test": "passes every ask only the team can do whatever its size, and the CEO's 'quick add' to "
                       "the launch scope straight to the team: four of fifteen actions wrong",
        },
    },
    "blind_edges": {
        "answers": _EDGES,
        "fair": {**_FULL, "q1_test": 3.5, "q2_test": 2.25, "q3_test": 2.75, "q4_test": 2, "q5_test": 2,
                 "q6_test": 2, "q7_test": 1, "q8_test": 2.5},
        "why": {
            "q1_test": "placements right, but the skeptic/blocker step wraps round: a blocker managed closely "
                       "(weekly) drops to quarterly",
            "q2_test": "raci_problems reads only 'A' and 'R', so an 'AR' owner counts as neither, against the "
                       "pinned rule; the chart itself is right",
            "q3_test": "calls the CMO's lookalike model (new sign-ups) as serving the OKR, and triage stops at "
                       "the first request that does not fit, deferring smaller ones that would",
            "q4_test": "a run stops only when the total passes the remaining points (>), not when it reaches "
                       "them (>=): one sprint too many whenever a run lands exactly",
            "q5_test": "forecast, slip and chance right, but commits to the promised date most futures miss, "
                       "and would only move because the COO insists",
            "q6_test": "structure right, but the ask recommends keeping the promised date, which the forecast "
                       "gives about one chance in ten",
            "q7_test": "charts right, but the big idea states news without a point of view",
            "q8_test": "the subscriber's data question shielded as the PM's to answer, and the missing flags "
                       "passed as a quick answer though they take 3 hours: one action and one reason wrong",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {**{k: 0 for k in _FULL}, "q1_test": 4, "q2_test": 3, "q4_test": 3},
        "why": {},
    },
}
