"""Module 01 data: user-interview notes and Larder's ML backlog."""

from __future__ import annotations

import numpy as np
import pandas as pd

# pain point -> (chance an interviewee mentions it, times per month, severity 1-5)
PAIN_POINTS = {
    "delivery_window": (0.60, 2.0, 2.0),
    "price": (0.50, 1.0, 3.0),
    "substitutions": (0.45, 3.0, 4.2),
    "late_delivery": (0.35, 1.0, 3.0),
    "app_search": (0.30, 4.0, 1.2),
    "recipe_fatigue": (0.30, 2.0, 2.0),
    "skip_confusion": (0.25, 1.0, 3.0),
}

QUOTES = {
    "delivery_window": ["The evening slots are always full.", "I have to plan my week around the van."],
    "price": ["It adds up at the end of the month.", "The supermarket is cheaper for basics."],
    "substitutions": [
        "Half my recipe ingredients got swapped again.",
        "They sent oat milk instead of cow's milk, my kids would not drink it.",
    ],
    "late_delivery": ["The box came two hours late.", "I waited in all morning."],
    "app_search": ["I cannot find anything in the app.", "Search never finds the brand I want."],
    "recipe_fatigue": ["The same five recipes every week.", "I am bored of the menu."],
    "skip_confusion": ["I thought I had skipped this week.", "The skip button is hidden."],
}

BACKLOG_TITLES = (
    "Churn-risk score for the retention team",
    "Smarter substitutions that respect preferences",
    "Personalised recipe recommendations",
    "Delivery-slot demand forecast",
    "Basket auto-fill from past orders",
    "Price-sensitivity discount targeting",
    "Support ticket auto-triage",
    "Stock-out prediction per warehouse",
    "Search ranking with learning to rank",
    "Skip-week nudges before cut-off",
    "Fraud check on new sign-ups",
    "Generated recipe descriptions",
)

IMPACT_SCALE = (0.25, 0.5, 1.0, 2.0, 3.0)
CONFIDENCE_SCALE = (0.5, 0.8, 1.0)


def interviews(seed: int = 11, n_interviews: int = 40) -> pd.DataFrame:
    """Generate user-interview notes: one row per pain point an interviewee mentioned.

    Planted: ``delivery_window`` is mentioned most often, but ``substitutions`` is the
    biggest opportunity once frequency and severity are counted.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_interviews : int
        Number of interviewees; each mentions at least one pain point.

    Returns
    -------
    pandas.DataFrame
        Columns ``interview_id, segment, pain_point, times_per_month, severity, quote``.
    """
    rng = np.random.default_rng(seed)
    names = list(PAIN_POINTS)
    rows = []
    for i in range(1, n_interviews + 1):
        segment = rng.choice(["family", "couple", "single"], p=[0.4, 0.35, 0.25])
        mentioned = [p for p in names if rng.random() < PAIN_POINTS[p][0]]
        if not mentioned:
            mentioned = [names[rng.integers(len(names))]]
        for pain in mentioned:
            _, frequency, severity = PAIN_POINTS[pain]
            rows.append(
                {
                    "interview_id": f"I{i:02d}",
                    "segment": str(segment),
                    "pain_point": pain,
                    "times_per_month": int(max(1, rng.poisson(frequency))),
                    "severity": int(np.clip(round(rng.normal(severity, 0.8)), 1, 5)),
                    "quote": str(rng.choice(QUOTES[pain])),
                }
            )
    return pd.DataFrame(rows)


def backlog(seed: int = 3, n_items: int = 12) -> pd.DataFrame:
    """Generate Larder's ML backlog with the inputs of a RICE score.

    Planted: items 1 and 2 have exactly the same RICE score (item 2 has twice the reach
    and twice the effort), so a ranking needs its tie-break.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_items : int
        Number of backlog items, at most ``len(BACKLOG_TITLES)``.

    Returns
    -------
    pandas.DataFrame
        Columns ``item_id, title, reach, impact, confidence, effort_weeks``. Reach is
        customers per quarter, impact on the 0.25-3 scale, confidence a fraction,
        effort in person-weeks.
    """
    if not 2 <= n_items <= len(BACKLOG_TITLES):
        raise ValueError(f"n_items must be between 2 and {len(BACKLOG_TITLES)}")
    rng = np.random.default_rng(seed)
    reach = rng.integers(5, 200, size=n_items) * 100
    impact = rng.choice(IMPACT_SCALE, size=n_items)
    confidence = rng.choice(CONFIDENCE_SCALE, size=n_items)
    effort = rng.integers(1, 7, size=n_items)
    reach[1], impact[1], confidence[1], effort[1] = 2 * reach[0], impact[0], confidence[0], 2 * effort[0]
    return pd.DataFrame(
        {
            "item_id": [f"B{i:02d}" for i in range(1, n_items + 1)],
            "title": list(BACKLOG_TITLES[:n_items]),
            "reach": reach.astype(int),
            "impact": impact.astype(float),
            "confidence": confidence.astype(float),
            "effort_weeks": effort.astype(int),
        }
    )


DATASETS = {"interviews": interviews, "backlog": backlog}
