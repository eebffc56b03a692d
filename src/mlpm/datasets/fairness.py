"""Module 07 data: who gets the retention offer, by age band.

``offer_targeting`` holds last month's subscribers with the churn model's score, whether they
churned, their age band (a protected attribute the model does not use) and four features the
model does use. The retention team sends a discount to everyone at or above a score threshold.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

AGE_BANDS = ("18-34", "35-54", "55+")
CHANNELS = ("app", "web", "phone")
SLOTS = ("evening", "daytime", "weekend")
PLANS = ("weekly", "fortnightly", "monthly")
REGIONS = ("north", "south", "east", "west")

# P(channel | age band) and P(delivery slot | age band): the two proxies for age.
CHANNEL_BY_AGE = {"18-34": (0.86, 0.12, 0.02), "35-54": (0.66, 0.29, 0.05), "55+": (0.28, 0.50, 0.22)}
SLOT_BY_AGE = {"18-34": (0.60, 0.10, 0.30), "35-54": (0.50, 0.22, 0.28), "55+": (0.26, 0.52, 0.22)}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def offer_targeting(seed: int = 7, n_customers: int = 3000) -> pd.DataFrame:
    """Generate last month's scored subscribers with their age band and the model's features.

    Planted: churn is about as common in every age band, but the model learned its signal from
    app activity, so it sees web and phone customers' risk only dimly and scores their churners
    low. Customers aged 55+ order mostly by web and phone, so at a threshold of 0.5 the model
    selects them far less often (demographic parity ratio well below 0.8) and finds fewer of
    their churners (lower true positive rate). ``order_channel`` and ``delivery_slot`` are
    associated with age (the proxies); ``plan`` and ``region`` are not.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same frame.
    n_customers : int
        Number of subscribers (rows).

    Returns
    -------
    pandas.DataFrame
        One row per subscriber; see ``datasets/README.md`` for the columns.
    """
    rng = np.random.default_rng(seed)
    n = n_customers
    age = rng.choice(AGE_BANDS, size=n, p=[0.36, 0.39, 0.25])
    channel = np.empty(n, dtype=object)
    slot = np.empty(n, dtype=object)
    for band in AGE_BANDS:
        rows = age == band
        channel[rows] = rng.choice(CHANNELS, size=rows.sum(), p=CHANNEL_BY_AGE[band])
        slot[rows] = rng.choice(SLOTS, size=rows.sum(), p=SLOT_BY_AGE[band])
    plan = rng.choice(PLANS, size=n, p=[0.45, 0.4, 0.15])
    region = rng.choice(REGIONS, size=n, p=[0.3, 0.3, 0.2, 0.2])

    # True churn risk on the log-odds scale: the same spread in every age band.
    risk = rng.normal(-1.55, 1.25, size=n) + np.select([plan == "monthly", plan == "weekly"], [0.3, -0.1], 0.0)
    churned = rng.random(n) < _sigmoid(risk)
    # The model sees risk clearly through app activity, dimly for web and phone orders.
    app = channel == "app"
    seen = np.where(app, 0.95 * risk + rng.normal(0, 0.55, size=n),
                    0.5 * risk - 1.0 + rng.normal(0, 0.7, size=n))
    score = np.round(_sigmoid(1.1 * seen + 0.35), 3)
    return pd.DataFrame({
        "customer_id": [f"F{i:05d}" for i in range(1, n + 1)],
        "age_band": age,
        "order_channel": channel,
        "delivery_slot": slot,
        "plan": plan,
        "region": region,
        "churn_score": score,
        "churned_next_4w": churned,
    })


DATASETS = {"offer_targeting": offer_targeting}
