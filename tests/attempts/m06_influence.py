"""Module 06 (influence): five learner attempts, written from the prompts, and the points a fair
teacher gives them.

Marking rubric (from the prompts; the fair points below follow it):

- q1 (4): the map rule, 1 (engagement from the quadrant 0.5, cadence with the skeptic/blocker step 0.5);
  the twelve placements, 2.5 (about 0.2 a person, any call the notes support); `grid_evidence`, 0.5.
  Power read from how often people ask costs every person it misplaces.
- q2 (3): `raci_problems`, 1.25 (the three rules on any chart); the chart, 1.75: its shape and rules 0.25,
  who owns the outcomes 0.5, the deliverables 0.5, the lawful basis (not the DPO) 0.25, the doers 0.25.
- q3 (4): the thirteen OKR calls, 1.25 (about 0.1 each); the triage rule, 1.5 (decline the no's 0.25,
  rank by CD3 and go on past a request that does not fit 1.0, ties 0.25); `decisions` from your own
  triage, 0.25; an alternative per no, 0.25; the chatbot call, 0.75 (decision, evidence, condition).
- q4 (3): the pinned resampling, 1.9 (of it, the count, where the sprint that first reaches the remaining
  points counts, 0.7: a count one off in every run costs that once); Larder's runs from the completed
  points, 0.7; the seed, 0.3; the type, 0.1.
- q5 (3): `forecast_dates`, 1; the forecast and the slip, 0.5; the call, 1.5: a date most futures meet
  0.75, its chance from the runs 0.25, new evidence (not pressure) as what moves it 0.5.
- q6 (3): the form (keys, options with trade-offs, an ask) 0.75; the next update 0.25; the forecast's
  date or slip in the update 1.0; an ask the forecast supports 1.0.
- q7 (2): the six charts, 1 (in two groups of three); the big idea, 1.
- q8 (3): the fifteen actions, 2.25 (0.15 each); the reasons of the right ones, 0.5; the form, 0.25.
"""

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

# ---------------------------------------------------------------------------------------------
# D: everything right again, vectorised, with the other calls the notes allow.
# ---------------------------------------------------------------------------------------------
_VECTORISED = {
    "q1_answer": """\
notes = stakeholders.set_index("stakeholder_id")
can_stop = notes["controls"].str.contains("can move|cancel|freeze|act on|no voucher e-mail|go-live waits|no job goes")
busy = notes["asks_last_4_weeks"] >= 3
stance = pd.Series("neutral", index=notes.index)
stance[["S01", "S04"]] = "champion"        # the COO pushes for a date she announced
stance[["S07", "S08"]] = "supporter"
stance[["S03", "S10"]] = "skeptic"
stance["S05"] = "blocker"
placements = {sid: {"power": "high" if can_stop[sid] else "low", "interest": "high" if busy[sid] else "low",
                    "stance": stance[sid]} for sid in notes.index}
grid_evidence = dict(power="controls", interest="said", stance="said")

QUADRANTS = pd.DataFrame({"engagement": ["manage closely", "keep satisfied", "keep informed", "monitor"],
                          "step": [0, 2, 1, 3]},
                         index=pd.MultiIndex.from_tuples([("high", "high"), ("high", "low"), ("low", "high"),
                                                          ("low", "low")]))


def stakeholder_map(placements):
    calls = pd.DataFrame.from_dict(placements, orient="index")
    found = QUADRANTS.loc[list(zip(calls["power"], calls["interest"]))]
    step = found["step"].to_numpy() - calls["stance"].isin(["skeptic", "blocker"]).to_numpy()
    return pd.DataFrame({"engagement": found["engagement"].to_numpy(),
                         "cadence": [CADENCES[k] for k in np.clip(step, 0, 3)]}, index=calls.index)


larder_map = stakeholder_map(placements)
""",
    "q2_answer": """\
def raci_problems(chart, outcomes):
    def broken(activity, row):
        owners = [r for r, letter in row.items() if letter in ("A", "AR")]
        doers = [r for r, letter in row.items() if letter in ("R", "AR")]
        return len(owners) != 1 or len(doers) == 0 or (activity in outcomes and "ml_team" in owners)
    return [activity for activity, row in chart.items() if broken(activity, row)]


launch_raci = {
    "success_metric": {"pm": "AR", "ml_team": "C", "finance": "C", "retention_lead": "C"},
    "flag_pipeline": {"pm": "A", "ml_team": "R", "dpo": "C"},
    "voucher_email": {"retention_lead": "A", "crm_team": "R", "pm": "C"},
    "agent_outreach": {"retention_lead": "A", "retention_agents": "R"},
    "privacy_review": {"coo": "A", "pm": "R", "dpo": "C"},
    "voucher_budget": {"coo": "A", "finance": "R", "retention_lead": "C"},
    "churn_reduction": {"coo": "A", "retention_lead": "R", "retention_agents": "R", "pm": "C"},
    "go_live": {"coo": "A", "pm": "R", "dpo": "C", "ml_team": "C"},
}
""",
    "q3_answer": """\
serves_churn = ["R01", "R02", "R03", "R04", "R05", "R06", "R07", "R10"]   # R10: substitutions are the top reason code
okr_calls = {r: r in serves_churn for r in request_inbox["request_id"]}


def triage(inbox, okr_calls, capacity_weeks):
    frame = inbox.assign(serves=[bool(okr_calls[r]) for r in inbox["request_id"]],
                         cd3=inbox["cost_of_delay_eur_per_week"] / inbox["effort_weeks"])
    result = pd.Series("decline", index=inbox.index, dtype=object)
    free = capacity_weeks
    for i in frame[frame["serves"]].sort_values(["cd3", "request_id"], ascending=[False, True]).index:
        fits = frame.at[i, "effort_weeks"] <= free
        result[i] = "accept" if fits else "defer"
        free -= frame.at[i, "effort_weeks"] if fits else 0
    return result


decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "later_quarter", "R09": "other_team", "R11": "other_team", "R12": "existing_asset",
                "R13": "later_quarter"}
chatbot_call = dict(decision="does_not_serve", evidence=["okr_is_churn", "cancel_reasons"],
                    would_change_if="cancel_survey_recipes")
""",
    "q4_answer": """\
def sprints_needed(velocities, remaining, n_runs, seed):
    rng = np.random.default_rng(seed)
    pool = np.asarray(velocities, dtype=float)
    done = np.zeros(n_runs)
    count = np.zeros(n_runs, dtype=int)
    while (done < remaining).any():
        going = done < remaining
        done[going] += rng.choice(pool, size=going.sum())
        count[going] += 1
    return count


runs = sprints_needed(sprint_history["completed_points"].to_numpy(), remaining_points, n_runs, forecast_seed)
""",
    "q5_answer": """\
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    runs = np.asarray(runs)
    def smallest(share):
        return next(k for k in range(runs.min(), runs.max() + 1) if (runs <= k).mean() >= share)
    return {key: pd.Timestamp(last_sprint_end) + pd.Timedelta(days=smallest(share) * sprint_days)
            for key, share in {"p50": 0.5, "p85": 0.85}.items()}


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE) / pd.Timedelta(days=7)
_k = (forecast["p85"] - LAST_SPRINT_END) // pd.Timedelta(days=SPRINT_DAYS)
launch_call = {"commit_to": str(forecast["p85"].date()), "chance": float(np.mean(runs <= _k)),
               "reverse_if": "velocity_reforecast"}
""",
    "q6_answer": """\
new_date = f"{forecast['p85']:%d %B}"
status_update = {
    "headline": f"The churn launch slips {slip_weeks:.0f} weeks, to {new_date} (85 % forecast).",
    "impact": "The retention agents start calling a month later; that month of saves lands in next quarter.",
    "cause": "Our plan assumed the points the team commits each sprint, not the fewer it completes.",
    "options": [
        {"option": f"Move the launch to {new_date}", "trade_off": "a month of saves moves out of this quarter"},
        {"option": "Cut the dashboard and reason codes and re-forecast",
         "trade_off": "no way to show what the calls save"},
    ],
    "ask": f"Please confirm {new_date} as the launch date by Thursday 25 June.",
    "next_update": pd.Timestamp("2026-07-06"),
}
""",
    "q7_answer": """\
chart_choice = {"m1": "line", "m2": "bar", "m3": "bar", "m4": "bar", "m5": "line", "m6": "table"}
big_idea = ("I recommend we move the churn launch four weeks, to 25 September, because promising a date "
            "nine in ten futures miss costs us more than a month of saves.")
""",
    "q8_answer": """\
RULE_BY_ASK = {"A01": "moves_commitment", "A02": "subscribers_waiting", "A03": "moves_commitment",
               "A04": "leads_disagree", "A05": "quick_team_answer", "A06": "pm_handles", "A07": "pm_handles",
               "A08": "pm_handles", "A09": "quick_team_answer", "A10": "moves_commitment",
               "A11": "moves_commitment", "A12": "quick_team_answer", "A13": "pm_handles",
               "A14": "leads_disagree", "A15": "team_can_wait"}
ACTION_OF = {"moves_commitment": "escalate", "leads_disagree": "escalate", "subscribers_waiting": "pass",
             "quick_team_answer": "pass", "pm_handles": "shield", "team_can_wait": "shield"}
week_sort = {aid: {"action": ACTION_OF[why], "because": why} for aid, why in RULE_BY_ASK.items()}
""",
}

# ---------------------------------------------------------------------------------------------
# E: other typical mistakes: no step up for skeptics, the churn deck taken as churn work, the CEO's
# rank as evidence, the chance of the median date, a late next update, data questions kept by the PM.
# ---------------------------------------------------------------------------------------------
_TYPICAL_B = {
    # placements right but the CRM head read as a skeptic and supply as neutral; no step up for skeptics
    "q1_answer": """\
placements = {
    "S01": {"power": "high", "interest": "high", "stance": "supporter"},
    "S02": {"power": "high", "interest": "low", "stance": "supporter"},
    "S03": {"power": "high", "interest": "low", "stance": "skeptic"},
    "S04": {"power": "high", "interest": "high", "stance": "champion"},
    "S05": {"power": "high", "interest": "high", "stance": "skeptic"},
    "S06": {"power": "high", "interest": "low", "stance": "neutral"},
    "S07": {"power": "high", "interest": "low", "stance": "neutral"},
    "S08": {"power": "low", "interest": "high", "stance": "supporter"},
    "S09": {"power": "low", "interest": "high", "stance": "neutral"},
    "S10": {"power": "low", "interest": "low", "stance": "neutral"},
    "S11": {"power": "low", "interest": "low", "stance": "neutral"},
    "S12": {"power": "low", "interest": "low", "stance": "neutral"},
}
grid_evidence = {"power": "controls", "interest": "asks_last_4_weeks", "stance": "said"}


def stakeholder_map(placements):
    rows = []
    for who, p in placements.items():
        if p["power"] == "high" and p["interest"] == "high":
            rows.append((who, "manage closely", "weekly"))
        elif p["power"] == "high":
            rows.append((who, "keep satisfied", "monthly"))
        elif p["interest"] == "high":
            rows.append((who, "keep informed", "fortnightly"))
        else:
            rows.append((who, "monitor", "quarterly"))
    return pd.DataFrame(rows, columns=["who", "engagement", "cadence"]).set_index("who")


larder_map = stakeholder_map(placements)
""",
    "q2_answer": _OTHER_STYLE["q2_answer"],
    # the churn deck taken as churn work; the CEO's rank offered as evidence
    "q3_answer": """\
okr_calls = {r: r in ("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R12") for r in request_inbox["request_id"]}


def triage(inbox, okr_calls, capacity_weeks):
    ranked = inbox.assign(cd3=inbox["cost_of_delay_eur_per_week"] / inbox["effort_weeks"]).sort_values(
        ["cd3", "request_id"], ascending=[False, True])
    left, out = capacity_weeks, {}
    for i, row in ranked.iterrows():
        if not okr_calls[row["request_id"]]:
            out[i] = "decline"
        elif row["effort_weeks"] <= left:
            out[i], left = "accept", left - row["effort_weeks"]
        else:
            out[i] = "defer"
    return pd.Series(out).reindex(inbox.index)


decisions = triage(request_inbox, okr_calls, capacity_weeks)
alternatives = {"R08": "other_team", "R09": "other_team", "R10": "self_serve", "R11": "smaller_version",
                "R13": "other_team"}
chatbot_call = {"decision": "does_not_serve", "evidence": ["okr_is_churn", "ceo_asked"],
                "would_change_if": "cancel_survey_recipes"}
""",
    "q4_answer": _OTHER_STYLE["q4_answer"],
    # the dates and the call right; the chance read at the median date, the slip left in days
    "q5_answer": """\
def forecast_dates(runs, last_sprint_end, sprint_days=14):
    out = {}
    for name, q in (("p50", 0.5), ("p85", 0.85)):
        k = int(np.quantile(np.asarray(runs), q, method="inverted_cdf"))
        out[name] = last_sprint_end + pd.Timedelta(days=k * sprint_days)
    return out


forecast = forecast_dates(runs, LAST_SPRINT_END, SPRINT_DAYS)
slip_weeks = (forecast["p85"] - PROMISED_DATE).days
_k50 = (forecast["p50"] - LAST_SPRINT_END).days // SPRINT_DAYS
launch_call = {"commit_to": forecast["p85"], "chance": float((runs <= _k50).mean()),
               "reverse_if": "scope_cut_reforecast"}
""",
    # right, but the next update three weeks out
    "q6_answer": """\
status_update = {
    "headline": f"Churn launch moves from 28 August to {forecast['p85']:%d %B} (85 % forecast).",
    "impact": "About a month of this quarter's saves moves into next quarter.",
    "cause": "The plan used committed points; the team completes fewer.",
    "options": [
        {"option": "Commit to the 85 % date", "trade_off": "a month of saves lost this quarter"},
        {"option": "Cut the saves dashboard to win back time", "trade_off": "we cannot show what the calls save"},
    ],
    "ask": f"Please approve {forecast['p85']:%d %B} as the new date by Friday 26 June.",
    "next_update": "2026-07-17",
}
""",
    "q7_answer": _OTHER_STYLE["q7_answer"],
    # the data questions (a subscriber's, the DPO's) answered by the PM alone
    "q8_answer": """\
week_sort = {
    "A01": {"action": "escalate", "because": "moves_commitment"},
    "A02": {"action": "pass", "because": "subscribers_waiting"},
    "A03": {"action": "escalate", "because": "moves_commitment"},
    "A04": {"action": "escalate", "because": "leads_disagree"},
    "A05": {"action": "shield", "because": "pm_handles"},
    "A06": {"action": "shield", "because": "pm_handles"},
    "A07": {"action": "shield", "because": "team_can_wait"},
    "A08": {"action": "shield", "because": "pm_handles"},
    "A09": {"action": "shield", "because": "pm_handles"},
    "A10": {"action": "shield", "because": "team_can_wait"},
    "A11": {"action": "escalate", "because": "moves_commitment"},
    "A12": {"action": "pass", "because": "subscribers_waiting"},
    "A13": {"action": "shield", "because": "pm_handles"},
    "A14": {"action": "escalate", "because": "leads_disagree"},
    "A15": {"action": "shield", "because": "team_can_wait"},
}
""",
}

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

ATTEMPTS["vectorised-other-calls"] = {"answers": _VECTORISED, "fair": dict(_FULL), "why": {}}
ATTEMPTS["typical-mistakes-b"] = {
    "answers": _TYPICAL_B,
    "fair": {"q1_test": 3.1, "q2_test": 3, "q3_test": 3.65, "q4_test": 3, "q5_test": 2.5, "q6_test": 2.75,
             "q7_test": 2, "q8_test": 2.7},
    "why": {
        "q1_test": "the quadrants right but no step up for a skeptic or a blocker (half the rule), and two stances "
                   "misread: the CRM head who says her e-mail gets no slot is a blocker, supply's doubt a skeptic's",
        "q3_test": "the triage rule, alternatives and chatbot decision right; last year's churn deck taken as "
                   "serving this quarter's OKR, and the CEO's rank offered as evidence about the OKR",
        "q5_test": "dates and the call right; the chance read at the median date, not the date committed to, and "
                   "the slip left in days",
        "q6_test": "a clear update, but the next one three weeks out, past the two weeks the prompt allows",
        "q8_test": "13 of 15 asks right; a subscriber's data question and the DPO's column list need the team's "
                   "answer, not the PM's",
    },
}

CHANGED_SINCE_BEFORE = {
    "q1_test": "the grid is placed from notes (controls, asks, what they said), not from power/interest/stance columns",
    "q3_test": "whether a request serves the OKR is judged from its note (`okr_calls`), plus the chatbot call",
    "q8_test": "the asks are in words; the learner sorts them with the rule that decides, no boolean columns",
}
