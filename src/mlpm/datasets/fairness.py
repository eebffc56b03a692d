"""Module 07 data: who gets the retention offer, by age band and by order channel.

``offer_targeting`` holds two months of scored survey respondents (the subscribers whose age
band Larder knows) with the churn model's score, whether they churned, their age band (a
protected attribute the model does not use) and four features. The retention team sends a
discount to everyone at or above a score threshold.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

AGE_BANDS = ("18-34", "35-54", "55+")
CHANNELS = ("app", "web", "phone")
SLOTS = ("evening", "daytime", "weekend")
PLANS = ("weekly", "fortnightly")
CITIES = ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven")
MONTHS = ("2026-09", "2026-10")

# P(channel | age band) and P(delivery slot | age band): the two features associated with age.
CHANNEL_BY_AGE = {"18-34": (0.86, 0.12, 0.02), "35-54": (0.66, 0.29, 0.05), "55+": (0.28, 0.50, 0.22)}
SLOT_BY_AGE = {"18-34": (0.60, 0.10, 0.30), "35-54": (0.50, 0.22, 0.28), "55+": (0.26, 0.52, 0.22)}
# How far (log-odds) the score reads web and phone customers' risk too low.
WEB_PHONE_SHIFT = -0.8


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def offer_targeting(seed: int = 7, n_customers: int = 8000) -> pd.DataFrame:
    """Generate two months of scored survey respondents with their age band and the model's features.

    Planted: churn risk has the same distribution in every age band and every channel (four-week
    churn about 12 %), and the score ranks risk equally well in every channel, but it is set too
    low for web and phone customers (by 0.8 on the log-odds scale: the model learned from app
    customers). Customers aged 55+ order mostly by web and phone, so one threshold selects them
    less often and finds fewer of their churners, while within each channel every age band is
    selected at about the same rate. ``order_channel`` and ``delivery_slot`` are associated with
    age; ``plan`` and ``city`` are not.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same frame.
    n_customers : int
        Number of rows: the first half is scored in September 2026, the second in October.

    Returns
    -------
    pandas.DataFrame
        One row per subscriber and month; see ``datasets/README.md`` for the columns.
    """
    rng = np.random.default_rng(seed)
    n = n_customers
    month = np.repeat(MONTHS, [n - n // 2, n // 2])
    age = rng.choice(AGE_BANDS, size=n, p=[0.36, 0.39, 0.25])
    channel = np.empty(n, dtype=object)
    slot = np.empty(n, dtype=object)
    for band in AGE_BANDS:
        rows = age == band
        channel[rows] = rng.choice(CHANNELS, size=rows.sum(), p=CHANNEL_BY_AGE[band])
        slot[rows] = rng.choice(SLOTS, size=rows.sum(), p=SLOT_BY_AGE[band])
    plan = rng.choice(PLANS, size=n, p=[0.6, 0.4])
    city = rng.choice(CITIES, size=n, p=[0.35, 0.3, 0.2, 0.15])

    # True churn risk on the log-odds scale: the same spread in every age band and channel.
    risk = rng.normal(-2.6, 1.3, size=n) + np.where(plan == "fortnightly", 0.25, 0.0)
    churned = rng.random(n) < _sigmoid(risk)
    # The score ranks risk as well in every channel, but reads web and phone customers too low.
    seen = risk + rng.normal(0, 0.5, size=n) + np.where(channel == "app", 0.0, WEB_PHONE_SHIFT)
    score = np.round(_sigmoid(seen), 3)
    return pd.DataFrame({
        "customer_id": [f"F{i:05d}" for i in range(1, n + 1)],
        "month": month,
        "age_band": age,
        "order_channel": channel,
        "delivery_slot": slot,
        "plan": plan,
        "city": city,
        "churn_score": score,
        "churned_next_4w": churned,
    })


DATASETS = {"offer_targeting": offer_targeting}
