"""Module 06 data: the PM's notes on Larder's stakeholders, the request inbox, past sprints and a week of asks.

Every generator draws its rows from templates that fit Larder's churn launch, jittered by the seed.
The stakeholders, requests and asks are evidence in words (what people control, said, asked for):
the calls made from them (power, interest, stance, whether a request serves the OKR, what to do with
an ask) are the learner's, and the calls a fair reader accepts live with the course's references,
not here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# role -> (name, what they control over the launch, times they asked about it in the last four weeks,
#          what they said when the PM interviewed them, what they need from the launch)
STAKEHOLDERS = {
    "COO": ("Amara Osei",
            "Owns the retention budget and the launch date she announced to the board; can move or stop the launch.",
            6, "I told the board August. I back this, and I need a date I can repeat and the churn it moves.",
            "a launch date she can repeat to the board, and the churn it moves"),
    "CEO": ("Tomas Lindqvist", "Sets the company's priorities and can re-staff or cancel any project.",
            0, "Churn matters, of course. One line a quarter on whether it is turning is enough for me.",
            "one line a quarter on whether churn is turning"),
    "Finance lead": ("Ines Carvalho", "Signs off the voucher budget every month and can freeze the spend.",
                     1, "Vouchers are a cost until someone shows me they pay back. I approve the budget month by "
                        "month, not for the quarter.",
                     "the voucher budget and when the spend pays back"),
    "Head of retention": ("Jonah Mercer",
                          "Runs the 14 retention agents who act on the flags; the launch saves nothing without "
                          "them.",
                          11, "Best thing to happen to my team this year. I have told every lead we will use the "
                              "flags from day one.",
                          "a flag list his team can act on every Monday"),
    "Head of CRM": ("Lucia Ferrante",
                    "Owns the e-mail calendar; no voucher e-mail goes out without a slot from her.",
                    3, "If the voucher e-mail pushes out my campaigns, it does not get a slot. Two marketing e-mails "
                       "a week per subscriber, and not one more.",
                    "no more than two marketing e-mails per subscriber a week"),
    "Data protection officer": ("Henrik Aalto",
                                "Must be consulted before the flags use personal data; his written advice goes to "
                                "the management board, and go-live waits for it.",
                                1, "I have no view on churn. Before go-live I need the lawful basis and the list of "
                                   "data the flags use.",
                                "a lawful basis and a record of which data the flags use"),
    "Head of engineering": ("Mei Tanaka",
                            "Runs the production scheduler and the on-call rota; no job goes live without her "
                            "team's review.",
                            1, "Fine by me, as long as it comes with a runbook and nobody gets paged at night.",
                            "no new on-call load without a runbook"),
    "Retention agents' lead": ("Sam Okafor", "Leads one shift of agents; no budget and no sign-off.",
                               9, "My agents ask me every day when the list is coming! They want to know why each "
                                  "person is flagged; if it makes sense, we will use it.",
                               "why each subscriber was flagged"),
    "Customer support lead": ("Nadia Rahman", "Runs the support inbox; no say in what the launch does.",
                              2, "Give us a heads-up before vouchers go out, or we drown in 'why did I get this' "
                                 "tickets.",
                              "a heads-up before vouchers go out"),
    "Head of supply": ("Piotr Nowak", "Runs the warehouses; no say in the churn launch.",
                       2, "I doubt substitutions are why people leave. Show me before anyone blames my warehouses.",
                       "no blame on the warehouses for substitutions"),
    "Brand manager": ("Elodie Marchand", "Checks customer e-mails for tone; cannot hold up a launch.",
                      0, "Just send me the voucher e-mail so I can check it sounds like Larder.",
                      "the voucher e-mail in Larder's voice"),
    "Checkout product manager": ("Ravi Desai", "Owns the checkout flow, which the churn launch does not touch.",
                                 1, "As long as nobody changes checkout, do what you like.",
                                 "no change to the checkout flow"),
}

# (from, summary, the requester's note, effort person-weeks, cost of delay EUR per week)
REQUESTS = (
    ("Head of retention", "Show agents a reason code next to each churn flag",
     "Agents lose people in the first minute when they cannot say why we called. A reason next to each flag "
     "keeps them on the line.", 1.5, 3000),
    ("Finance lead", "Leave out subscribers who got a voucher in the last 8 weeks",
     "A third of this month's vouchers went to people who had one in the last two months and were staying "
     "anyway; at this rate we overshoot the voucher budget in week three.", 0.5, 2500),
    ("Head of retention", "Score subscribers daily instead of weekly",
     "Most cancellations come within three days of a bad delivery; by Monday's list those subscribers have "
     "already left.", 3.0, 2000),
    ("COO", "A dashboard of saves in the no-voucher group against the voucher group",
     "The board will ask what the flags saved, not how many calls we made.", 1.0, 4000),
    ("ML team", "Replace the rule with a gradient-boosted churn model",
     "On last month's holdout the boosted model finds more of the leavers in the top 15 % (recall 0.47 "
     "against 0.38).", 5.0, 6000),
    ("Head of retention", "A separate flag threshold for families",
     "Families leave most often, and my agents reach fewer of them than any other group.", 2.0, 1800),
    ("Head of CRM", "Cap voucher e-mails so nobody gets two in a month",
     "Subscribers who get two voucher e-mails in a month unsubscribe from all our e-mail, and then we cannot "
     "reach them when they are about to leave.", 1.0, 1200),
    ("CMO", "A lookalike model to find prospects who resemble our best subscribers",
     "Our best subscribers stay for years. Find prospects who look like them, so we sign up more of that kind.",
     6.0, 3000),
    ("Finance lead", "A monthly revenue forecast model for the board pack",
     "The board pack needs a revenue forecast every month, and your team knows our data best.", 4.0, 1500),
    ("Head of supply", "A weekly CSV of the most-substituted products by warehouse",
     "Substitutions are the top reason code on the churn flags. If each warehouse saw its most-substituted "
     "products every week, it could stock better.", 0.5, 800),
    ("CEO", "A GenAI chatbot that answers recipe questions in the app",
     "Everyone loves our recipes. A chatbot that answers recipe questions would make the app something people "
     "open every day.", 8.0, 2500),
    ("Head of CRM", "Re-run last year's churn analysis deck on this year's data",
     "Before we plan next year's campaigns, I would like last year's churn deck with this year's numbers.",
     1.0, 500),
    ("Head of sales", "Score B2B office-lunch leads for the new sales team",
     "The new office-lunch sales team needs its leads ranked by the end of March.", 3.0, 2000),
)

# (from, the ask in the asker's words, the hours it would take)
ASKS = (
    ("COO", "Can we launch two weeks earlier? I would like to tell the board on Thursday.", 1.0),
    ("Head of retention", "The flags did not arrive this morning; the agents have no list to call.", 3.0),
    ("Finance lead", "From next month the voucher budget is cut by a third; please plan for it.", 2.0),
    ("Head of CRM", "CRM and retention both want Tuesday's e-mail slot for their e-mail; can you sort it out?", 1.0),
    ("Customer support lead", "A subscriber asked which of their data the churn flag uses; we must reply within "
                              "the month.", 0.5),
    ("Brand manager", "A weekly sync on the voucher e-mail's wording; I have invited the whole ML team.", 4.0),
    ("Head of supply", "Can two of your data scientists join our substitutions workshop next Thursday? It runs all "
                       "afternoon.", 6.0),
    ("Checkout product manager", "Quick one: is the churn work still on track?", 0.5),
    ("Data protection officer", "Which columns does the flag job read, exactly? I need the list for the processing "
                                "record.", 1.0),
    ("Head of engineering", "Please move the flag job to the new scheduler this sprint; the old one is retired in "
                            "October.", 12.0),
    ("CEO", "Can we add recipe recommendations to the launch? It should be a quick add for the model.", 1.0),
    ("Retention agents' lead", "A subscriber got the voucher twice this week; is the exclusion rule broken?", 2.0),
    ("CMO", "Could someone present the churn model at next month's all-hands?", 3.0),
    ("Head of retention", "Finance and retention disagree on whether a family counts as one saved account or "
                          "several; the dashboard needs one answer.", 1.0),
    ("Growth analyst", "Can I have the feature table by Friday? It is for a side analysis on basket size.", 3.0),
)

SPRINT_DAYS = 14
FIRST_SPRINT_END = pd.Timestamp("2026-01-16")  # a Friday


def stakeholders(seed: int = 60, n_stakeholders: int = 12) -> pd.DataFrame:
    """Generate the PM's notes on the people Larder's churn launch touches.

    The notes are evidence, not scores: what each person controls, how often they asked about the
    launch in the last four weeks and what they said in a short interview. The learner places each
    one on the power/interest grid and reads their stance from these notes (the calls a fair reader
    makes are in the data card).

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds take a random subset of the roles, in random order,
        and move each count of asks by up to one.
    n_stakeholders : int
        How many of the 12 roles to include.

    Returns
    -------
    pandas.DataFrame
        Columns ``stakeholder_id, role, name, controls, asks_last_4_weeks, said, needs``.
    """
    rng = np.random.default_rng([seed, 6])
    roles = list(STAKEHOLDERS)
    if seed != 60:
        roles = [roles[i] for i in rng.permutation(len(roles))[:n_stakeholders]]
    rows = []
    for i, role in enumerate(roles[:n_stakeholders], start=1):
        name, controls, asks, said, needs = STAKEHOLDERS[role]
        if seed != 60:
            asks = int(max(0, asks + rng.integers(-1, 2)))
        rows.append({"stakeholder_id": f"S{i:02d}", "role": role, "name": name, "controls": controls,
                     "asks_last_4_weeks": int(asks), "said": said, "needs": needs})
    return pd.DataFrame(rows)


def request_inbox(seed: int = 61, n_requests: int = 13) -> pd.DataFrame:
    """Generate the inbox of requests to the churn team this quarter, each with the requester's note.

    Whether a request serves the churn OKR is not a column: the learner judges it from the summary and
    the note. Planted (default seed): the request with the highest cost of delay (the boosted model) has
    a low cost of delay per week of effort and does not fit the capacity left, so it is deferred; notes
    that mention churn or retention do not always serve this quarter's OKR (the data card lists the calls).

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds change efforts and costs of delay.
    n_requests : int
        How many of the 13 request templates to include (a random subset, in random order).

    Returns
    -------
    pandas.DataFrame
        Columns ``request_id, from_role, summary, note, effort_weeks, cost_of_delay_eur_per_week``.
    """
    rng = np.random.default_rng([seed, 61])
    order = np.arange(len(REQUESTS))
    if seed != 61:
        order = rng.permutation(len(REQUESTS))[:n_requests]
    rows = []
    for i, k in enumerate(order, start=1):
        who, summary, note, effort, delay = REQUESTS[k]
        if seed != 61:
            effort = float(max(0.5, effort + 0.5 * rng.integers(-2, 3)))
            delay = int(round(delay * rng.lognormal(0.0, 0.35), -2))
        rows.append({"request_id": f"R{i:02d}", "from_role": who, "summary": summary, "note": note,
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
    """Generate a week of asks that reach the product manager of the churn team, in the askers' words.

    Whether an ask changes a commitment, is a conflict between leads, needs the team or touches
    subscribers is not a column: the learner reads it from the ask. Planted (default seed): the CEO's
    "quick add" to the launch scope needs the team's expertise but changes a commitment; the loudest
    asks are not the ones to pass on (the data card lists the calls).

    Parameters
    ----------
    seed : int
        Seed of the random generator; other seeds change the hours and which asks arrive.
    n_asks : int
        How many of the 15 ask templates to include (a random subset, in random order).

    Returns
    -------
    pandas.DataFrame
        Columns ``ask_id, day, from_role, ask, effort_hours``.
    """
    rng = np.random.default_rng([seed, 63])
    order = np.arange(len(ASKS))
    if seed != 63:
        order = rng.permutation(len(ASKS))[:n_asks]
    days = ("Mon", "Tue", "Wed", "Thu", "Fri")
    rows = []
    for i, k in enumerate(order, start=1):
        who, ask, hours = ASKS[k]
        if seed != 63:
            hours = float(max(0.5, hours + 0.5 * rng.integers(-2, 3)))
        rows.append({"ask_id": f"A{i:02d}", "day": days[min(4, (i - 1) * 5 // len(order))], "from_role": who,
                     "ask": ask, "effort_hours": float(hours)})
    return pd.DataFrame(rows)


DATASETS = {
    "stakeholders": stakeholders,
    "request_inbox": request_inbox,
    "sprint_history": sprint_history,
    "inbound_asks": inbound_asks,
}
