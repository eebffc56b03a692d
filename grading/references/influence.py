"""Module 06's reference computations: what the hidden tests compare learners' answers with.

Each function is the pinned rule of one question, written once. The test cells load them with
``reference("influence")``; the lesson and the solution state the same rules in their own words.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

CADENCES = ("weekly", "fortnightly", "monthly", "quarterly")
BASE_CADENCE = {"manage closely": 0, "keep informed": 1, "keep satisfied": 2, "monitor": 3}
BOTH = {"high", "low"}

# Question 1: the calls the stakeholder notes support, by role. A set with two entries marks a note written
# to be ambiguous on purpose: either call is defensible and accepted.
STAKEHOLDER_CALLS = {
    "COO": {"power": {"high"}, "interest": {"high"}, "stance": {"supporter", "champion"}},
    "CEO": {"power": {"high"}, "interest": {"low"}, "stance": {"supporter", "neutral"}},
    "Finance lead": {"power": {"high"}, "interest": {"low"}, "stance": {"skeptic"}},
    "Head of retention": {"power": {"high"}, "interest": {"high"}, "stance": {"champion"}},
    "Head of CRM": {"power": {"high"}, "interest": BOTH, "stance": {"blocker"}},
    "Data protection officer": {"power": {"high"}, "interest": {"low"}, "stance": {"neutral"}},
    "Head of engineering": {"power": {"high"}, "interest": {"low"}, "stance": {"neutral", "supporter"}},
    "Retention agents' lead": {"power": {"low"}, "interest": {"high"}, "stance": {"supporter"}},
    "Customer support lead": {"power": {"low"}, "interest": BOTH, "stance": {"neutral"}},
    "Head of supply": {"power": {"low"}, "interest": {"low"}, "stance": {"skeptic"}},
    "Brand manager": {"power": {"low"}, "interest": {"low"}, "stance": {"neutral"}},
    "Checkout product manager": {"power": {"low"}, "interest": {"low"}, "stance": {"neutral"}},
}
# Question 1: which note is the evidence for each call.
GRID_EVIDENCE = {"power": {"controls"}, "interest": {"asks_last_4_weeks", "said"}, "stance": {"said"}}


def engagement(power: str, interest: str) -> str:
    """Question 1: the power/interest quadrant of a placement ("high" or "low" on each)."""
    return {("high", "high"): "manage closely", ("high", "low"): "keep satisfied", ("low", "high"): "keep informed",
            ("low", "low"): "monitor"}[(power, interest)]


def stakeholder_map(placements: dict) -> pd.DataFrame:
    """Question 1: engagement and cadence per stakeholder id, one step more frequent for a skeptic or blocker."""
    rows = {}
    for who, call in placements.items():
        how = engagement(call["power"], call["interest"])
        rows[who] = {"engagement": how,
                     "cadence": CADENCES[max(0, BASE_CADENCE[how] - (call["stance"] in ("skeptic", "blocker")))]}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["engagement", "cadence"])


def stakeholder_calls(frame: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    """Question 1: the accepted calls for each stakeholder id of a ``stakeholders`` frame."""
    return {sid: STAKEHOLDER_CALLS[role] for sid, role in zip(frame["stakeholder_id"], frame["role"], strict=True)}


def raci_problems(chart: dict, outcomes) -> list[str]:
    """Question 2: the activities with not exactly one A, no R, or the ML team Accountable for an outcome."""
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if "A" in letter]
        if (len(accountable) != 1 or not any("R" in letter for letter in row.values())
                or (activity in outcomes and "ml_team" in accountable)):
            broken.append(activity)
    return broken


# Question 3: whether each request serves this quarter's churn OKR, by summary ({True, False}: either call).
OKR_CALLS = {
    "Show agents a reason code next to each churn flag": {True},
    "Leave out subscribers who got a voucher in the last 8 weeks": {True},
    "Score subscribers daily instead of weekly": {True},
    "A dashboard of saves in the no-voucher group against the voucher group": {True},
    "Replace the rule with a gradient-boosted churn model": {True},
    "A separate flag threshold for families": {True},
    "Cap voucher e-mails so nobody gets two in a month": {True},
    "A lookalike model to find prospects who resemble our best subscribers": {False},
    "A monthly revenue forecast model for the board pack": {False},
    "A weekly CSV of the most-substituted products by warehouse": {True, False},
    "A GenAI chatbot that answers recipe questions in the app": {False},
    "Re-run last year's churn analysis deck on this year's data": {False},
    "Score B2B office-lunch leads for the new sales team": {False},
}
# Question 3: the alternatives that serve the requester of a declined request.
DECLINE_ALTERNATIVES = {
    "A lookalike model to find prospects who resemble our best subscribers": {"other_team", "later_quarter"},
    "A monthly revenue forecast model for the board pack": {"other_team"},
    "A weekly CSV of the most-substituted products by warehouse": {"self_serve"},
    "A GenAI chatbot that answers recipe questions in the app": {"later_quarter", "smaller_version", "other_team"},
    # wanted for next year's campaign planning: reuse the deck, or schedule the re-run before that planning
    "Re-run last year's churn analysis deck on this year's data": {"existing_asset", "later_quarter"},
    "Score B2B office-lunch leads for the new sales team": {"other_team", "later_quarter"},
}
# Question 3: the chatbot call. Only "does_not_serve" is supported; these facts argue for it, these conditions flip it.
CHATBOT_SUPPORTS = {"does_not_serve": {"okr_is_churn", "note_is_engagement", "cancel_reasons"}}
CHATBOT_FLIPS = {"does_not_serve": {"cancel_survey_recipes"}}


def okr_calls(inbox: pd.DataFrame) -> dict[str, set[bool]]:
    """Question 3: the accepted calls for each request id of a ``request_inbox`` frame."""
    return {rid: OKR_CALLS[summary] for rid, summary in zip(inbox["request_id"], inbox["summary"], strict=True)}


def triage(inbox: pd.DataFrame, serves, capacity: float) -> pd.Series:
    """Question 3: decline what does not serve the OKR (``serves``: request id -> bool); accept by cost of
    delay per week of effort while it fits, else defer and go on."""
    out = pd.Series("decline", index=inbox.index)
    keep = inbox["request_id"].map(lambda r: bool(serves[r])).astype(bool)
    okr = inbox[keep].assign(cd3=lambda d: d["cost_of_delay_eur_per_week"] / d["effort_weeks"])
    free = capacity
    for i, row in okr.sort_values(["cd3", "request_id"], ascending=[False, True]).iterrows():
        out[i] = "accept" if row["effort_weeks"] <= free + 1e-9 else "defer"
        free -= row["effort_weeks"] if out[i] == "accept" else 0.0
    return out


def ranked_to_first_misfit(inbox: pd.DataFrame, serves, capacity: float) -> pd.Series:
    """Question 3: the requests the walk takes down to and including its first request that does not fit
    (a boolean mask on ``inbox``'s index): the part of the triage that checks the ranking; the rest checks
    the going on past a misfit."""
    decision = triage(inbox, serves, capacity)
    kept = inbox[decision != "decline"].assign(cd3=lambda d: d["cost_of_delay_eur_per_week"] / d["effort_weeks"])
    order = list(kept.sort_values(["cd3", "request_id"], ascending=[False, True]).index)
    deferred = [i for i in order if decision[i] == "defer"]
    cut = order.index(deferred[0]) + 1 if deferred else len(order)
    return pd.Series(inbox.index.isin(order[:cut]), index=inbox.index)


def exact_sprints_distribution(velocities, remaining: float, max_sprints: int = 200, *,
                               strict: bool = False) -> pd.Series:
    """Questions 4-5 (and 09's, 11's throughput forecasts): the exact probability of needing k sprints.

    Each sprint delivers one of ``velocities`` with equal probability, independently; the work is done
    in the first sprint whose cumulative points reach ``remaining``. Computed by dynamic programming
    over the points still to do (no simulation): a simulation with any random draws is compared with it.
    With ``strict``, a run ends only once the total *passes* ``remaining`` (the ``>`` misreading of the
    pinned ``>=``), so that a simulation with that one slip can be recognised.
    """
    values, counts = np.unique(np.asarray(velocities, dtype=float), return_counts=True)
    weights = counts / counts.sum()
    if values.max() <= 0:
        raise ValueError("at least one velocity must be positive")
    states = {float(remaining): 1.0}
    probability = {}
    for k in range(1, max_sprints + 1):
        left: dict[float, float] = {}
        done = 0.0
        for points, p in states.items():
            for value, w in zip(values, weights, strict=True):
                rest = points - value
                finished = rest < -1e-9 if strict else rest <= 1e-9
                if finished:
                    done += p * w
                else:
                    left[rest] = left.get(rest, 0.0) + p * w
        probability[k] = done
        states = left
        if sum(states.values()) < 1e-12:
            break
    return pd.Series(probability, name="probability")


def quantile_sprints(distribution: pd.Series, q: float) -> int:
    """The pinned percentile of an exact distribution: the smallest k with at least ``q`` of the runs done."""
    cumulative = distribution.cumsum()
    return int(cumulative.index[np.argmax(cumulative.to_numpy() >= q - 1e-12)])


def sprints_needed(velocities, remaining: float, n_runs: int, seed: int) -> np.ndarray:
    """Question 4: Monte Carlo sprints to reach ``remaining`` points, resampling past velocities."""
    rng = np.random.default_rng(seed)
    v = np.asarray(velocities, dtype=float)
    done = rng.choice(v, size=(n_runs, int(np.ceil(remaining / v[v > 0].min())) + 1)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1) + 1


def percentile_sprints(runs, q: float) -> set[int]:
    """Question 5: the pinned percentile (smallest k with at least q of the runs done), with the two readings
    that agree with it away from exact ties."""
    values = np.asarray(runs)
    return {int(np.quantile(values, q, method="inverted_cdf")), int(np.quantile(values, q, method="higher")),
            int(math.ceil(np.quantile(values, q)))}


def forecast_dates(runs, last_sprint_end, sprint_days: int = 14) -> dict[str, list[pd.Timestamp]]:
    """Question 5: the accepted 50 % and 85 % dates, the last day of the sprint the percentile names."""
    end = pd.Timestamp(last_sprint_end)
    return {name: [end + pd.Timedelta(days=k * sprint_days) for k in sorted(percentile_sprints(runs, q))]
            for name, q in (("p50", 0.5), ("p85", 0.85))}


def share_done_by(runs, day, last_sprint_end, sprint_days: int = 14) -> float:
    """Question 5: the share of runs whose launch day (last day of their last sprint) is on or before ``day``."""
    sprints = (pd.Timestamp(day).normalize() - pd.Timestamp(last_sprint_end).normalize()).days // sprint_days
    return float((np.asarray(runs) <= sprints).mean())


# Question 8: for each ask (by its words), the actions a fair reader accepts and, for each, the reasons
# that justify it. A10 is ambiguous on purpose: 12 hours of this sprint may put the launch date at risk.
ACTIONS = ("escalate", "pass", "shield")
REASONS_FOR = {"escalate": {"moves_commitment", "leads_disagree"},
               "pass": {"subscribers_waiting", "quick_team_answer"},
               "shield": {"pm_handles", "team_can_wait"}}
ASK_CALLS = {
    "Can we launch two weeks earlier? I would like to tell the board on Thursday.":
        {"escalate": {"moves_commitment"}},
    "The flags did not arrive this morning; the agents have no list to call.":
        {"pass": {"subscribers_waiting"}},
    "From next month the voucher budget is cut by a third; please plan for it.":
        {"escalate": {"moves_commitment"}},
    "CRM and retention both want Tuesday's e-mail slot for their e-mail; can you sort it out?":
        {"escalate": {"leads_disagree"}},
    "A subscriber asked which of their data the churn flag uses; we must reply within the month.":
        {"pass": {"subscribers_waiting", "quick_team_answer"}},
    "A weekly sync on the voucher e-mail's wording; I have invited the whole ML team.":
        {"shield": {"pm_handles"}},
    "Can two of your data scientists join our substitutions workshop next Thursday? It runs all afternoon.":
        {"shield": {"team_can_wait", "pm_handles"}},
    "Quick one: is the churn work still on track?":
        {"shield": {"pm_handles"}},
    "Which columns does the flag job read, exactly? I need the list for the processing record.":
        {"pass": {"quick_team_answer"}},
    "Please move the flag job to the new scheduler this sprint; the old one is retired in October.":
        {"shield": {"team_can_wait"}, "escalate": {"moves_commitment"}},
    "Can we add recipe recommendations to the launch? It should be a quick add for the model.":
        {"escalate": {"moves_commitment"}},
    "A subscriber got the voucher twice this week; is the exclusion rule broken?":
        {"pass": {"subscribers_waiting", "quick_team_answer"}},
    "Could someone present the churn model at next month's all-hands?":
        {"shield": {"pm_handles", "team_can_wait"}},
    "Finance and retention disagree on whether a family counts as one saved account or several; the dashboard "
    "needs one answer.":
        {"escalate": {"leads_disagree"}},
    "Can I have the feature table by Friday? It is for a side analysis on basket size.":
        {"shield": {"team_can_wait", "pm_handles"}},
}


def ask_calls(asks: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    """Question 8: the accepted actions (and their reasons) for each ask id of an ``inbound_asks`` frame."""
    return {aid: ASK_CALLS[text] for aid, text in zip(asks["ask_id"], asks["ask"], strict=True)}
