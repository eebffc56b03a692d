"""Module 06 data: Larder's stakeholders, the request inbox, past sprints and a week of inbound asks.

Every generator draws its rows from templates that fit Larder's churn launch, jittered by the
seed, so each seed is believable and the pinned rules of module 06 have something to decide.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# role -> (name, power 1-10, interest 1-10, stance, what they need from the launch)
STAKEHOLDERS = {
    "COO": ("Amara Osei", 9, 8, "supporter", "a launch date she can repeat to the board, and the churn it moves"),
    "CEO": ("Tomas Lindqvist", 10, 4, "supporter", "one line a quarter on whether churn is turning"),
    "Finance lead": ("Ines Carvalho", 8, 3, "skeptic", "the voucher budget and when the spend pays back"),
    "Head of retention": ("Jonah Mercer", 7, 9, "champion", "a flag list her team can act on every Monday"),
    "Head of CRM": ("Lucia Ferrante", 6, 6, "blocker",
                    "no more than two marketing e-mails per subscriber a week"),
    "Data protection officer": ("Henrik Aalto", 7, 4, "neutral",
                                "a lawful basis and a record of which data the flags use"),
    "Head of engineering": ("Mei Tanaka", 6, 3, "neutral", "no new on-call load without a runbook"),
    "Retention agents' lead": ("Sam Okafor", 3, 8, "supporter", "why each subscriber was flagged"),
    "Customer support lead": ("Nadia Rahman", 4, 6, "neutral", "a heads-up before vouchers go out"),
    "Head of supply": ("Piotr Nowak", 5, 4, "skeptic", "no blame on the warehouses for substitutions"),
    "Brand manager": ("Elodie Marchand", 2, 3, "neutral", "the voucher e-mail in Larder's voice"),
    "Checkout product manager": ("Ravi Desai", 4, 2, "neutral", "no change to the checkout flow"),
}
STANCES = ("champion", "supporter", "neutral", "skeptic", "blocker")

# (from, summary, serves the churn OKR, effort person-weeks, cost of delay EUR per week)
REQUESTS = (
    ("Head of retention", "Show agents a reason code next to each churn flag", True, 1.5, 3000),
    ("Finance lead", "Leave out subscribers who got a voucher in the last 8 weeks", True, 0.5, 2500),
    ("Head of retention", "Score subscribers daily instead of weekly", True, 3.0, 2000),
    ("COO", "A dashboard of saves in the no-voucher group against the voucher group", True, 1.0, 4000),
    ("ML team", "Replace the rule with a gradient-boosted churn model", True, 5.0, 6000),
    ("Head of retention", "A separate flag threshold for families", True, 2.0, 1800),
    ("Head of CRM", "Cap voucher e-mails so nobody gets two in a month", True, 1.0, 1200),
    ("CMO", "A lookalike model to find prospects who resemble our best subscribers", False, 6.0, 3000),
    ("Finance lead", "A monthly revenue forecast model for the board pack", False, 4.0, 1500),
    ("Head of supply", "A weekly CSV of the most-substituted products by warehouse", False, 0.5, 800),
    ("CEO", "A GenAI chatbot that answers recipe questions in the app", False, 8.0, 2500),
    ("Head of CRM", "Re-run last year's churn analysis deck on this year's data", False, 1.0, 500),
    ("Head of sales", "Score B2B office-lunch leads for the new sales team", False, 3.0, 2000),
)

# For each request that does not serve the OKR: the named alternatives a fair reader accepts.
ALTERNATIVES = ("self_serve", "existing_asset", "other_team", "later_quarter", "smaller_version")
DECLINE_ALTERNATIVES = {
    "A lookalike model to find prospects who resemble our best subscribers": {"other_team", "later_quarter"},
    "A monthly revenue forecast model for the board pack": {"other_team"},
    "A weekly CSV of the most-substituted products by warehouse": {"self_serve"},
    "A GenAI chatbot that answers recipe questions in the app": {"later_quarter", "smaller_version", "other_team"},
    "Re-run last year's churn analysis deck on this year's data": {"existing_asset"},
    "Score B2B office-lunch leads for the new sales team": {"other_team", "later_quarter"},
}

# (from, summary, changes a commitment, conflict between leads, needs the team's expertise,
#  customer impact, effort hours)
ASKS = (
    ("COO", "Can we move the launch two weeks earlier for the board meeting?", True, False, False, False, 1.0),
    ("Head of retention", "Flags stopped arriving this morning; agents have no list", False, False, True, True, 3.0),
    ("Finance lead", "Please cut the voucher budget by a third from next month", True, False, False, False, 2.0),
    ("Head of CRM", "CRM and retention both want Tuesday's e-mail slot for the voucher", False, True, False, False,
     1.0),
    ("Customer support lead", "Which features does the churn flag use? A subscriber asked", False, False, True, True,
     0.5),
    ("Brand manager", "Weekly sync on the e-mail wording, all of the ML team invited", False, False, False, False, 4.0),
    ("Head of supply", "Join a workshop on warehouse substitutions next Thursday", False, False, True, False, 6.0),
    ("Checkout product manager", "Quick status: is the churn work still on track?", False, False, False, False, 0.5),
    ("Data protection officer", "Is tenure or postcode used in the flags? Need it for the record", False, False, True,
     False, 1.0),
    ("Head of engineering", "Move the flag job to the new scheduler this sprint", False, False, True, False, 12.0),
    ("CEO", "Add recipe recommendations to the launch scope", True, False, True, False, 1.0),
    ("Retention agents' lead", "A subscriber got a voucher twice; is the exclusion rule broken?", False, False, True,
     True, 2.0),
    ("CMO", "Present the churn model at the all-hands next month", False, False, False, False, 3.0),
    ("Head of retention", "Finance and retention disagree on whether families count as one saved account",
     False, True, False, False, 1.0),
    ("ML team", "Analyst from the growth team wants the feature table by Friday", False, False, True, False, 3.0),
)

SPRINT_DAYS = 14
FIRST_SPRINT_END = pd.Timestamp("2026-01-16")  # a Friday


def stakeholders(seed: int = 60, n_stakeholders: int = 12) -> pd.DataFrame:
    """Generate Larder's stakeholders of the churn launch with power, interest and stance.

    Planted (default seed): the Head of CRM, a blocker, sits exactly on the pinned threshold of 6 for
    power and interest, so a map that reads "high" as "above 6" puts her in the wrong quadrant; the
    Finance lead is a skeptic to keep satisfied, whose cadence moves up from monthly.

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds move power and interest by up to one point
        and may change a neutral stance.
    n_stakeholders : int
        How many of the 12 roles to include (a random subset for other sizes).

    Returns
    -------
    pandas.DataFrame
        Columns ``stakeholder_id, role, name, power, interest, stance, needs``.
    """
    rng = np.random.default_rng([seed, 6])
    roles = list(STAKEHOLDERS)
    if n_stakeholders < len(roles):
        keep = sorted(rng.choice(len(roles), size=n_stakeholders, replace=False))
        roles = [roles[i] for i in keep]
    rows = []
    for i, role in enumerate(roles, start=1):
        name, power, interest, stance, needs = STAKEHOLDERS[role]
        if seed != 60:
            power = int(np.clip(power + rng.integers(-1, 2), 1, 10))
            interest = int(np.clip(interest + rng.integers(-1, 2), 1, 10))
            if stance == "neutral" and rng.random() < 0.3:
                stance = str(rng.choice(["supporter", "skeptic"]))
        rows.append({"stakeholder_id": f"S{i:02d}", "role": role, "name": name, "power": power,
                     "interest": interest, "stance": stance, "needs": needs})
    return pd.DataFrame(rows)


def request_inbox(seed: int = 61, n_requests: int = 13) -> pd.DataFrame:
    """Generate the inbox of requests to the churn team this quarter.

    Planted (default seed): the request with the highest cost of delay (the boosted model) has a
    low cost of delay per week of effort and does not fit the capacity left, so it is deferred;
    a smaller request ranked after it still fits and is accepted; six requests do not serve the
    churn OKR, two of them from the CEO and the CMO.

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds change efforts and costs of delay.
    n_requests : int
        How many of the 13 request templates to include (a random subset, in random order).

    Returns
    -------
    pandas.DataFrame
        Columns ``request_id, from_role, summary, serves_okr, effort_weeks,
        cost_of_delay_eur_per_week``.
    """
    rng = np.random.default_rng([seed, 61])
    order = np.arange(len(REQUESTS))
    if seed != 61:
        order = rng.permutation(len(REQUESTS))[:n_requests]
    rows = []
    for i, k in enumerate(order, start=1):
        who, summary, serves, effort, delay = REQUESTS[k]
        if seed != 61:
            effort = float(max(0.5, effort + 0.5 * rng.integers(-2, 3)))
            delay = int(round(delay * rng.lognormal(0.0, 0.35), -2))
        rows.append({"request_id": f"R{i:02d}", "from_role": who, "summary": summary, "serves_okr": bool(serves),
                     "effort_weeks": float(effort), "cost_of_delay_eur_per_week": int(delay)})
    return pd.DataFrame(rows)


def sprint_history(seed: int = 62, n_sprints: int = 12) -> pd.DataFrame:
    """Generate the churn team's past two-week sprints: points committed and completed.

    Planted (default seed): the team commits about 30 points a sprint but completes about 24, with
    two sprints lost to holidays and an incident; a plan made on committed points promises a launch
    two to three sprints too early.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_sprints : int
        Number of past sprints, each 14 days, the first ending on Friday 16 January 2026.

    Returns
    -------
    pandas.DataFrame
        Columns ``sprint, start_date, end_date, committed_points, completed_points``.
    """
    rng = np.random.default_rng([seed, 62])
    rows = []
    slow = set(rng.choice(np.arange(2, n_sprints), size=2, replace=False).tolist())
    for s in range(1, n_sprints + 1):
        end = FIRST_SPRINT_END + pd.Timedelta(days=SPRINT_DAYS * (s - 1))
        committed = int(rng.integers(27, 34))
        share = rng.uniform(0.35, 0.55) if s in slow else rng.uniform(0.72, 0.95)
        completed = int(min(committed, round(committed * share)))
        rows.append({"sprint": s, "start_date": (end - pd.Timedelta(days=SPRINT_DAYS - 1)).date().isoformat(),
                     "end_date": end.date().isoformat(), "committed_points": committed,
                     "completed_points": completed})
    return pd.DataFrame(rows)


def inbound_asks(seed: int = 63, n_asks: int = 15) -> pd.DataFrame:
    """Generate a week of asks that reach the product manager of the churn team.

    Planted (default seed): an ask that needs the team's expertise but changes a commitment is
    escalated, not passed on; a 12-hour engineering ask with no customer impact is shielded, while
    a half-hour question from support that touches subscribers goes to the team.

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds change the efforts and which asks arrive.
    n_asks : int
        How many of the 15 ask templates to include (a random subset, in random order).

    Returns
    -------
    pandas.DataFrame
        Columns ``ask_id, day, from_role, summary, changes_commitment, conflict_between_leads,
        needs_team_expertise, customer_impact, effort_hours``.
    """
    rng = np.random.default_rng([seed, 63])
    order = np.arange(len(ASKS))
    if seed != 63:
        order = rng.permutation(len(ASKS))[:n_asks]
    days = ("Mon", "Tue", "Wed", "Thu", "Fri")
    rows = []
    for i, k in enumerate(order, start=1):
        who, summary, commitment, conflict, expertise, customers, hours = ASKS[k]
        if seed != 63:
            hours = float(max(0.5, hours + 0.5 * rng.integers(-2, 3)))
        rows.append({"ask_id": f"A{i:02d}", "day": days[min(4, (i - 1) * 5 // len(order))], "from_role": who,
                     "summary": summary, "changes_commitment": bool(commitment),
                     "conflict_between_leads": bool(conflict), "needs_team_expertise": bool(expertise),
                     "customer_impact": bool(customers), "effort_hours": float(hours)})
    return pd.DataFrame(rows)


DATASETS = {
    "stakeholders": stakeholders,
    "request_inbox": request_inbox,
    "sprint_history": sprint_history,
    "inbound_asks": inbound_asks,
}
