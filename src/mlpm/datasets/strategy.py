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

# Each idea with believable estimates: (title, reach in customers per quarter (low, high),
# impacts, confidences, effort in person-weeks (low, high)). Ideas that rest on a GenAI API are
# cheap; a high-stakes or data-heavy model takes a core team weeks; an idea that spends margin
# (discounts) or touches a risky decision (fraud) carries low confidence.
BACKLOG = (
    ("Churn-risk score for the retention team", (10_000, 16_000), (1.0, 2.0), (0.5, 0.8), (3, 4)),
    ("Smarter substitutions that respect preferences", (20_000, 32_000), (1.0, 2.0), (0.5, 0.8), (6, 8)),
    ("Personalised recipe recommendations", (4_000, 12_000), (0.5, 1.0), (0.5, 0.8), (4, 8)),
    ("Delivery-slot demand forecast", (5_000, 15_000), (0.25, 0.5), (0.8,), (3, 6)),
    ("Basket auto-fill from past orders", (4_000, 12_000), (0.5, 1.0, 2.0), (0.5, 0.8), (3, 6)),
    ("Price-sensitivity discount targeting", (8_000, 16_000), (1.0, 2.0), (0.5,), (3, 6)),
    ("Support ticket auto-triage (GenAI API)", (10_000, 18_000), (0.25, 0.5), (0.8, 1.0), (1, 2)),
    ("Stock-out prediction per warehouse", (10_000, 20_000), (0.5, 1.0), (0.5, 0.8), (4, 8)),
    ("Search ranking with learning to rank", (5_000, 20_000), (0.5, 1.0), (0.5, 0.8), (6, 10)),
    ("Skip-week nudges before cut-off", (2_000, 6_000), (0.5, 1.0), (0.5, 0.8), (1, 2)),
    ("Fraud check on new sign-ups", (2_000, 7_000), (1.0, 2.0, 3.0), (0.5,), (6, 10)),
    ("Generated recipe descriptions (GenAI API)", (8_000, 20_000), (0.25, 0.5), (0.8, 1.0), (1, 2)),
)
BACKLOG_TITLES = tuple(title for title, *_ in BACKLOG)


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


def backlog(seed: int = 40, n_items: int = 12) -> pd.DataFrame:
    """Generate Larder's ML backlog with the inputs of a RICE score.

    Every seed gives believable estimates per idea (``BACKLOG``). Planted: items 1 and 2 have
    exactly the same RICE score (item 2, smarter substitutions, has twice the reach and twice the
    effort of item 1), so a ranking needs its tie-break.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_items : int
        Number of backlog items, at most ``len(BACKLOG)``.

    Returns
    -------
    pandas.DataFrame
        Columns ``item_id, title, reach, impact, confidence, effort_weeks``. Reach is
        customers per quarter, impact on the 0.25-3 scale, confidence a fraction,
        effort in person-weeks.
    """
    if not 2 <= n_items <= len(BACKLOG):
        raise ValueError(f"n_items must be between 2 and {len(BACKLOG)}")
    rng = np.random.default_rng(seed)
    rows = []
    for title, (reach_low, reach_high), impacts, confidences, (effort_low, effort_high) in BACKLOG[:n_items]:
        rows.append({"title": title, "reach": int(rng.integers(reach_low // 100, reach_high // 100 + 1)) * 100,
                     "impact": float(rng.choice(impacts)), "confidence": float(rng.choice(confidences)),
                     "effort_weeks": int(rng.integers(effort_low, effort_high + 1))})
    first = rows[0]
    rows[1].update(reach=2 * first["reach"], impact=first["impact"], confidence=first["confidence"],
                   effort_weeks=2 * first["effort_weeks"])
    frame = pd.DataFrame(rows)
    frame.insert(0, "item_id", [f"B{i:02d}" for i in range(1, n_items + 1)])
    return frame


DATASETS = {"interviews": interviews, "backlog": backlog}
