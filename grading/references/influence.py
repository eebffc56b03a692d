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


def engagement(power: float, interest: float) -> str:
    """Question 1: the power/interest quadrant, 6 or more counting as high."""
    return {(True, True): "manage closely", (True, False): "keep satisfied", (False, True): "keep informed",
            (False, False): "monitor"}[(power >= 6, interest >= 6)]


def cadence_from(engagements: pd.Series, stances) -> pd.Series:
    """Question 1: the cadence of each engagement, one step more frequent for a skeptic or a blocker."""
    return pd.Series([CADENCES[max(0, BASE_CADENCE[e] - (s in ("skeptic", "blocker")))]
                      for e, s in zip(engagements, stances, strict=True)], index=engagements.index)


def stakeholder_map(frame: pd.DataFrame) -> pd.DataFrame:
    """Question 1: engagement and cadence for each stakeholder, indexed like ``frame``."""
    how = pd.Series([engagement(p, i) for p, i in zip(frame["power"], frame["interest"], strict=True)],
                    index=frame.index)
    return pd.DataFrame({"engagement": how, "cadence": cadence_from(how, frame["stance"])})


def raci_problems(chart: dict, outcomes) -> list[str]:
    """Question 2: the activities with not exactly one A, no R, or the ML team Accountable for an outcome."""
    broken = []
    for activity, row in chart.items():
        accountable = [role for role, letter in row.items() if "A" in letter]
        if (len(accountable) != 1 or not any("R" in letter for letter in row.values())
                or (activity in outcomes and "ml_team" in accountable)):
            broken.append(activity)
    return broken


def triage(inbox: pd.DataFrame, capacity: float) -> pd.Series:
    """Question 3: decline what does not serve the OKR; accept by cost of delay per week of effort while it fits."""
    out = pd.Series("decline", index=inbox.index)
    okr = inbox[inbox["serves_okr"]].assign(cd3=lambda d: d["cost_of_delay_eur_per_week"] / d["effort_weeks"])
    free = capacity
    for i, row in okr.sort_values(["cd3", "request_id"], ascending=[False, True]).iterrows():
        out[i] = "accept" if row["effort_weeks"] <= free + 1e-9 else "defer"
        free -= row["effort_weeks"] if out[i] == "accept" else 0.0
    return out


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


def umbrella(asks: pd.DataFrame) -> pd.Series:
    """Question 8: escalate commitments and conflicts, pass what needs the team and is urgent or quick, shield."""
    escalate = asks["changes_commitment"] | asks["conflict_between_leads"]
    pass_on = asks["needs_team_expertise"] & (asks["customer_impact"] | (asks["effort_hours"] <= 2))
    return pd.Series(np.where(escalate, "escalate", np.where(pass_on, "pass", "shield")), index=asks.index)
