"""Module 06 (influence): three learner attempts, written from the prompts, and the points a fair
teacher gives them."""

ASSIGNMENT = "06-influence"

# ---------------------------------------------------------------------------------------------
# A: everything right, in other styles than the solution.
# ---------------------------------------------------------------------------------------------
_OTHER_STYLE = {
    "q1_answer": '''\
# Power: what they can stop or sign off. Interest: asks and what they said. Two notes read the other way.
placements = {}
for sid, role in zip(stakeholders["stakeholder_id"], stakeholders["role"]):
    power = "high" if role in {"COO", "CEO", "Finance lead", "Head of retention", "Head of CRM",
                               "Data protection officer", "Head of engineering"} else "low"
    interest = "high" if role in {"COO", "Head of retention", "Retention agents' lead"} else "low"
    stance = {"Finance lead": "skeptic", "Head of supply": "skeptic", "Head of CRM": "blocker",
              "Head of retention": "champion", "COO": "champion", "Retention agents' lead": "supporter",
              "CEO": "supporter", "Head of engineering": "supporter"}.get(role, "neutral")
    placements[sid] = {"power": power, "interest": interest, "stance": stance}
grid_evidence = {"power": "controls", "interest": "said", "stance": "said"}


def stakeholder_map(placements):
    grid = {("high", "high"): "manage closely", ("high", "low"): "keep satisfied",
            ("low", "high"): "keep informed", ("low", "low"): "monitor"}
    start = {"manage closely": 0, "keep informed": 1, "keep satisfied": 2, "monitor": 3}
    rows = []
    for who, call in placements.items():
        how = grid[(call["power"], call["interest"])]
        step = start[how] - (1 if call["stance"] in ("skeptic", "blocker") else 0)
        rows.append((who, how, CADENCES[max(step, 0)]))
    return pd.DataFrame(rows, columns=["who", "engagement", "cadence"]).set_index("who")


larder_map = stakeholder_map(placements)
''',
    "q2_answer": '''\
def raci_problems(chart, outcomes):
    out = []
    for activity, letters in chart.items():
        n_accountable = sum("A" in x for x in letters.values())
        n_responsible = sum("R" in x for x in letters.values())
        ml_owns_outcome = activity in outcomes and "A" in letters.get("ml_team", "")
        if n_accountable != 1 or n_responsible == 0 or ml_owns_outcome:
            out.append(activity)
    return out


launch_raci = {
    "success_metric": {"pm": "A", "ml_team": "R", "retention_lead": "C", "finance": "C"},
    "flag_pipeline": {"pm": "A", "ml_team": "R", "dpo": "C"},
    "voucher_email": {"retention_lead": "A", "crm_team": "R", "dpo": "C", "pm": "I"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R"},
    "privacy_review": {"coo": "A", "pm": "R", "ml_team": "R", "dpo": "C"},
    "voucher_budget": {"finance": "A", "retention_lead": "R", "coo": "I"},
    "churn_reduction": {"coo": "A", "retention_lead": "R", "retention_agents": "R", "ml_team": "C"},
    "go_live": {"coo": "A", "pm": "R", "ml_team": "C", "dpo": "C", "retention_lead": "C"},
}
''',
    "q3_answer": '''\
SERVES = {"Show agents a reason code next to each churn flag",
          "Leave out subscribers who got a voucher in the last 8 weeks",
          "Score subscribers daily instead of weekly", "A separate flag threshold for families",
          "A dashboard of saves in the no-voucher group against the voucher group",
          "Replace the rule with a gradient-boosted churn model", "Cap voucher e-mails so nobody gets two in a month",
          "A weekly CSV of the most-substituted products by warehouse"}   # substitutions drive churn: a yes
okr_calls = {r: s in SERVES for r, s in zip(request_inbox["request_id"], request_inbox["summary"])}


def triage(inbox, okr_calls, capacity_weeks):
    out = {i: "decline" for i in inbox.index}
    okr = inbox[[bool(okr_calls[r]) for r in inbox["request_id"]]].copy()
    okr["ratio"] = okr["cost_of_delay_eur_per_week"] / okr["effort_weeks"]
    left = capacity_weeks
    for i in okr.sort_values(["ratio", "request_id"], ascending=[False, True]).index:
        need = okr.at[i, "effort_weeks"]
        if need <= left:
            out[i], left = "accept", left - need
        else:
            out[i] = "defer"
    return pd.Series(out)[inbox.index]


decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "later_quarter", "R09": "other_team", "R11": "other_team", "R12": "existing_asset",
                "R13": "other_team"}
chatbot_call = {"decision": "does_not_serve", "evidence": ["note_is_engagement", "okr_is_churn"],
                "would_change_if": "cancel_survey_recipes"}
''',
    "q4_answer": '''\
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    v = list(velocities)
    counts = np.zeros(n_runs, dtype=int)
    for run in range(n_runs):
        total = 0
        while total < remaining:
            total += v[rng.integers(len(v))]
            counts[run] += 1
    return counts


runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
''',
    "q5_answer": '''\
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    values = np.sort(np.asarray(runs))
    result = {}
    for key, share in (("p50", 0.5), ("p85", 0.85)):
        k = values[int(np.ceil(share * len(values))) - 1]
        result[key] = last_sprint_end + pd.Timedelta(days=int(k) * sprint_days)
    return result


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE) / pd.Timedelta(weeks=1)
k85 = (forecast["p85"] - LAST_SPRINT_END).days // SPRINT_DAYS
launch_call = {"commit_to": forecast["p85"].date(), "chance": np.mean(np.asarray(runs) <= k85),
               "reverse_if": "velocity_reforecast"}
''',
    "q6_answer": '''\
status_update = {
    "headline": f"New churn launch date: {forecast['p85']:%d %B}, four weeks after the promised one (85 % forecast).",
    "impact": "About a month of this quarter's saves moves into next quarter; Eindhoven stays on today's process.",
    "cause": "The plan used the points the team commits, not the fewer it completes.",
    "options": [
        {"option": "Commit to the 85 % date", "trade_off": "a month of saves lost this quarter"},
        {"option": "Cut the saves dashboard and reason codes to keep August",
         "trade_off": "no measure of what calls save, and the date still needs a re-forecast"},
    ],
    "ask": "Can you approve the 85 % date at Thursday's ops review?",
    "next_update": pd.Timestamp("2026-07-06"),
}
''',
    "q7_answer": '''\
chart_choice = dict(m1="line", m2="bar", m3="bar", m4="histogram", m5="stacked_bar", m6="table")
big_idea = "We must move the launch to 25 September, because a date we miss would cost more trust than four weeks."
''',
    "q8_answer": '''\
E, P, S = "escalate", "pass", "shield"
calls = {"A01": (E, "moves_commitment"), "A02": (P, "subscribers_waiting"), "A03": (E, "moves_commitment"),
         "A04": (E, "leads_disagree"), "A05": (P, "quick_team_answer"), "A06": (S, "pm_handles"),
         "A07": (S, "pm_handles"), "A08": (S, "pm_handles"), "A09": (P, "quick_team_answer"),
         "A10": (E, "moves_commitment"),  # 12 hours out of the launch sprint: leadership decides
         "A11": (E, "moves_commitment"), "A12": (P, "quick_team_answer"), "A13": (S, "pm_handles"),
         "A14": (E, "leads_disagree"), "A15": (S, "team_can_wait")}
week_sort = {aid: {"action": action, "because": why} for aid, (action, why) in calls.items()}
''',
}

# ---------------------------------------------------------------------------------------------
# B: the typical mistakes of a data scientist new to product work.
# ---------------------------------------------------------------------------------------------
_TYPICAL = {
    "q1_answer": '''\
# power and interest from how often people ask: the loudest are the ones who matter
placements = {}
for person in stakeholders.itertuples():
    level = "high" if person.asks_last_4_weeks >= 3 else "low"
    stance = {"Head of retention": "champion", "Finance lead": "skeptic", "Head of supply": "skeptic",
              "Head of CRM": "skeptic", "COO": "supporter", "Retention agents' lead": "supporter"}.get(person.role,
                                                                                                    "neutral")
    placements[person.stakeholder_id] = {"power": level, "interest": level, "stance": stance}
grid_evidence = {"power": "asks_last_4_weeks", "interest": "asks_last_4_weeks", "stance": "said"}


def stakeholder_map(placements):
    base = {"manage closely": "weekly", "keep informed": "fortnightly", "keep satisfied": "monthly",
            "monitor": "quarterly"}
    out = {}
    for sid, p in placements.items():
        if p["power"] == "high":
            how = "manage closely" if p["interest"] == "high" else "keep satisfied"
        else:
            how = "keep informed" if p["interest"] == "high" else "monitor"
        k = CADENCES.index(base[how])
        out[sid] = [how, CADENCES[max(0, k - 1)] if p["stance"] in ("skeptic", "blocker") else base[how]]
    return pd.DataFrame.from_dict(out, orient="index", columns=["engagement", "cadence"])


larder_map = stakeholder_map(placements)
''',
    # the DPO made Accountable for the lawful basis
    "q2_answer": '''\
def raci_problems(chart, outcomes):
    broken = []
    for activity, row in chart.items():
        owners = [r for r, x in row.items() if "A" in x]
        doers = [r for r, x in row.items() if "R" in x]
        if len(owners) != 1 or not doers or (activity in outcomes and "ml_team" in owners):
            broken.append(activity)
    return broken


launch_raci = {
    "success_metric": {"pm": "AR", "ml_team": "C", "retention_lead": "C"},
    "flag_pipeline": {"ml_team": "AR", "pm": "I"},
    "voucher_email": {"crm_team": "AR", "retention_lead": "C"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R"},
    "privacy_review": {"dpo": "AR", "pm": "C", "ml_team": "C"},
    "voucher_budget": {"finance": "AR", "retention_lead": "C"},
    "churn_reduction": {"retention_lead": "A", "retention_agents": "R", "ml_team": "R"},
    "go_live": {"pm": "A", "ml_team": "R", "coo": "I"},
}
''',
    "q3_answer": '''\
# anything about churn, loyalty or engagement serves the OKR; ranked by cost of delay alone
okr_calls = {r: r not in ("R08", "R09", "R10", "R13") for r in request_inbox["request_id"]}


def triage(inbox, okr_calls, capacity_weeks):
    decision = pd.Series("decline", index=inbox.index)
    free = capacity_weeks
    keep = inbox[inbox["request_id"].map(okr_calls)]
    for i, row in keep.sort_values(["cost_of_delay_eur_per_week", "request_id"], ascending=[False, True]).iterrows():
        if row["effort_weeks"] <= free:
            decision[i] = "accept"
            free -= row["effort_weeks"]
        else:
            decision[i] = "defer"
    return decision


decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "other_team", "R09": "other_team", "R10": "self_serve", "R13": "other_team"}
chatbot_call = {"decision": "serves", "evidence": ["note_is_engagement", "recipes_visited"],
                "would_change_if": "capacity_frees"}
''',
    # right
    "q4_answer": '''\
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    v = np.asarray(velocities, dtype=float)
    out = []
    for _ in range(n_runs):
        done, k = 0.0, 0
        while done < remaining:
            done += rng.choice(v)
            k += 1
        out.append(k)
    return np.array(out)


runs = sprints_needed(sprint_history["completed_points"], remaining_points, n_runs, forecast_seed)
''',
    # dates right, but the call keeps the promised date "because the COO promised it"
    "q5_answer": '''\
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    out = {}
    for name, q in (("p50", 0.5), ("p85", 0.85)):
        k = int(np.quantile(runs, q, method="inverted_cdf"))
        out[name] = last_sprint_end + pd.Timedelta(days=k * sprint_days)
    return out


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days / 7
launch_call = {"commit_to": PROMISED_DATE, "chance": float((runs <= 5).mean()), "reverse_if": "coo_insists"}
''',
    # background first, and the ask keeps the promised date
    "q6_answer": '''\
status_update = {
    "headline": "Due to lower velocity, the churn launch is at risk: 25 September at 85 %.",
    "impact": "Saves start later than planned.",
    "cause": "We used committed points for the plan.",
    "options": [
        {"option": "Move to 25 September", "trade_off": "a month of saves"},
        {"option": "Keep 28 August without Eindhoven", "trade_off": "Eindhoven waits"},
    ],
    "ask": "Please approve keeping 28 August without Eindhoven by Friday.",
    "next_update": "2026-07-03",
}
''',
    # a topic for a big idea
    "q7_answer": '''\
chart_choice = {"m1": "line", "m2": "bar", "m3": "scatter", "m4": "histogram", "m5": "stacked_bar", "m6": "table"}
big_idea = "An update on the churn launch date and the flags in Eindhoven for the board."
''',
    "q8_answer": '''\
# whatever needs the team goes to the team, even when it moves the launch
week_sort = {
    "A01": {"action": "pass", "because": "quick_team_answer"},
    "A02": {"action": "pass", "because": "subscribers_waiting"},
    "A03": {"action": "escalate", "because": "moves_commitment"},
    "A04": {"action": "escalate", "because": "leads_disagree"},
    "A05": {"action": "pass", "because": "subscribers_waiting"},
    "A06": {"action": "shield", "because": "pm_handles"},
    "A07": {"action": "pass", "because": "quick_team_answer"},
    "A08": {"action": "shield", "because": "pm_handles"},
    "A09": {"action": "pass", "because": "quick_team_answer"},
    "A10": {"action": "pass", "because": "quick_team_answer"},
    "A11": {"action": "pass", "because": "quick_team_answer"},
    "A12": {"action": "pass", "because": "subscribers_waiting"},
    "A13": {"action": "shield", "because": "pm_handles"},
    "A14": {"action": "escalate", "because": "leads_disagree"},
    "A15": {"action": "pass", "because": "quick_team_answer"},
}
''',
}

# ---------------------------------------------------------------------------------------------
# C: half done: questions 1 to 4 right, out of time.
# ---------------------------------------------------------------------------------------------
_HALF = {key: _OTHER_STYLE[key] for key in ("q1_answer", "q2_answer", "q3_answer", "q4_answer")}

_FULL = {"q1_test": 4, "q2_test": 3, "q3_test": 4, "q4_test": 3, "q5_test": 3, "q6_test": 3, "q7_test": 2,
         "q8_test": 3}

ATTEMPTS = {
    "other-style-all-correct": {"answers": _OTHER_STYLE, "fair": dict(_FULL), "why": {}},
    "typical-mistakes": {
        "answers": _TYPICAL,
        "fair": {"q1_test": 2.25, "q2_test": 2.5, "q3_test": 2, "q4_test": 3, "q5_test": 1.75, "q6_test": 2,
                 "q7_test": 1.25, "q8_test": 2},
        "why": {
            "q1_test": "the map rule is right, but power read from how often people ask: the quiet people who can "
                       "stop the launch (CEO, finance, DPO, engineering) are sidelined and the loud agents' lead is "
                       "managed closely; the blocker read as a skeptic",
            "q2_test": "the rule check and most owners right; the DPO made Accountable for the lawful basis, which "
                       "the controller's business owner holds",
            "q3_test": "11 of 13 OKR calls right (the chatbot and next year's deck taken as serving churn), "
                       "alternatives right; ranked by cost of delay alone, and the chatbot call argues from app "
                       "visits",
            "q5_test": "dates and slip right; the call commits to a date about 1 in 10 futures meets and is moved "
                       "by pressure, not evidence",
            "q6_test": "news buried behind 'Due to', a thin impact, and the ask keeps a date the forecast does not "
                       "support",
            "q7_test": "chart choices right; the big idea is a topic without a point of view",
            "q8_test": "10 of 15 asks right; two commitment changes (launch earlier, the CEO's scope add) and three "
                       "long asks sent to the team because only the team could do them",
        },
    },
    "half-done": {
        "answers": _HALF,
        "fair": {"q1_test": 4, "q2_test": 3, "q3_test": 4, "q4_test": 3, "q5_test": 0, "q6_test": 0, "q7_test": 0,
                 "q8_test": 0},
        "why": {},
    },
}

CHANGED_SINCE_BEFORE = {
    "q1_test": "the grid is placed from notes (controls, asks, what they said), not from power/interest/stance columns",
    "q3_test": "whether a request serves the OKR is judged from its note (`okr_calls`), plus the chatbot call",
    "q8_test": "the asks are in words; the learner sorts them with the rule that decides, no boolean columns",
}
