"""Module 05 data: the subscribers the churn model learns from, and last month's scored subscribers.

``churn_drivers`` is what the ML team trains and explains the churn model on: behaviour columns,
a column with no link to churn (the trap for impurity importance) and the label. ``scored_subscribers``
is last month's list as the retention team received it: the deployed model's risk score, the
segment columns and who left, with a miscalibrated score and a city where the model fails.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

HOUSEHOLDS = ("family", "couple", "single")
CITIES = ("Amsterdam", "Rotterdam", "Utrecht")
NEW_CITY = "Eindhoven"

# The planted shape of the top driver: risk climbs steeply between about 1.5 and 3.5 substitutions
# a month and levels off above 4 (a subscriber who has given up on the substitutions does not get
# more likely to leave with every extra one).
SUBSTITUTION_CENTRE = 2.5
SUBSTITUTION_WIDTH = 0.45
SUBSTITUTION_EFFECT = 2.6

# A long-standing, high-spending subscriber whose last month went wrong: the one the head of
# retention calls "my best customer" (module 05, the written answer).
BEST_CUSTOMER = {
    "customer_id": "D00003", "household": "family", "city": "Amsterdam", "tenure_months": 34,
    "substitutions_per_month": 4.3, "days_since_last_order": 12, "support_contacts_per_month": 1.7,
    "avg_basket_eur": 96.4,
}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def churn_drivers(seed: int = 5, n_customers: int = 3000) -> pd.DataFrame:
    """Generate the subscribers the churn model is trained and explained on.

    Planted: churn risk rises in an S-shape with substitutions a month (steep from about 1.5 to
    3.5, flat above 4), rises with days since the last order and support contacts, and falls with
    tenure. ``referral_code`` is a five-digit number printed on the welcome card: it has no link
    to churn, but a deep random forest splits on it often, so impurity importance ranks it high
    while permutation importance on a holdout puts it near zero. ``avg_basket_eur`` follows the
    household only. The third row is the "best customer" of :data:`BEST_CUSTOMER`.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same frame.
    n_customers : int
        Number of subscribers (rows), at least 3.

    Returns
    -------
    pandas.DataFrame
        One row per subscriber; see ``datasets/README.md`` for the columns.
    """
    rng = np.random.default_rng(seed)
    n = n_customers
    household = rng.choice(HOUSEHOLDS, size=n, p=[0.4, 0.35, 0.25])
    city = rng.choice(CITIES, size=n, p=[0.45, 0.3, 0.25])
    tenure_months = np.minimum(1 + rng.geometric(1 / 11, size=n), 48)
    rate = np.select([household == "family", household == "couple"], [1.9, 1.3], 0.8)
    substitutions = np.round(rng.poisson(rate * 3) / 3, 1)
    days_since_last_order = np.minimum(rng.geometric(1 / 6, size=n) - 1, 40)
    support = np.round(rng.poisson(0.25 + 0.3 * substitutions) / 3, 1)
    basket_mean = np.select([household == "family", household == "couple"], [80.0, 57.0], 38.0)
    avg_basket_eur = np.round(np.maximum(rng.normal(basket_mean, 10.0), 15.0), 2)
    referral_code = rng.integers(10000, 100000, size=n)

    frame = pd.DataFrame({
        "customer_id": [f"D{i:05d}" for i in range(1, n + 1)],
        "household": household,
        "city": city,
        "tenure_months": tenure_months.astype(int),
        "substitutions_per_month": substitutions,
        "days_since_last_order": days_since_last_order.astype(int),
        "support_contacts_per_month": support,
        "avg_basket_eur": avg_basket_eur,
        "referral_code": referral_code.astype(int),
    })
    frame.loc[2, list(BEST_CUSTOMER)] = list(BEST_CUSTOMER.values())
    frame = frame.astype({"tenure_months": int, "days_since_last_order": int})

    logit = (
        -2.2
        + SUBSTITUTION_EFFECT * _sigmoid((frame["substitutions_per_month"] - SUBSTITUTION_CENTRE) / SUBSTITUTION_WIDTH)
        + 0.07 * frame["days_since_last_order"]
        + 0.45 * frame["support_contacts_per_month"]
        - 0.45 * np.log(frame["tenure_months"])
    )
    frame["churned_next_4w"] = rng.random(n) < _sigmoid(logit.to_numpy())
    return frame


def scored_subscribers(seed: int = 11, n_customers: int = 4000) -> pd.DataFrame:
    """Generate last month's subscribers with the deployed model's risk score and who left.

    Planted: the score ranks well but is over-confident: above about 0.2 it promises more churn
    than happens (the top decile's mean score is far above its churn rate). In the new city,
    Eindhoven (launched two months ago, about 8 % of subscribers, all of them new), churn follows
    late deliveries the model never saw, so the score barely ranks there (AUC about 0.55);
    elsewhere its AUC is about 0.8, and for new subscribers outside Eindhoven a little lower.

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
    city = rng.choice((*CITIES, NEW_CITY), size=n, p=[0.4, 0.28, 0.24, 0.08])
    glasgow = city == NEW_CITY
    tenure_months = np.where(glasgow, rng.integers(1, 3, size=n), np.minimum(1 + rng.geometric(1 / 11, size=n), 48))
    new = tenure_months <= 2
    # What the model sees, on the log-odds scale, and the risk it should have reported.
    signal = rng.normal(-2.3, 1.05, size=n) + np.where(new, 0.4, 0.0)
    hidden = rng.normal(0.0, 1.0, size=n)  # what it does not see (late deliveries, in Eindhoven)
    true_logit = np.where(glasgow, -1.7 + 0.2 * (signal + 2.0) + 1.3 * hidden,
                          np.where(new, 0.8 * signal + 0.6 * hidden - 0.2, signal))
    churned = rng.random(n) < _sigmoid(true_logit - 0.15)  # centres churn on the fact sheet's 12 %
    risk_score = np.round(_sigmoid(1.45 * signal + 1.0), 4)
    return pd.DataFrame({
        "customer_id": [f"S{i:05d}" for i in range(1, n + 1)],
        "city": city,
        "tenure_months": tenure_months.astype(int),
        "tenure_band": np.where(new, "new", "tenured"),
        "risk_score": risk_score,
        "churned_next_4w": churned,
    })


DATASETS = {"churn_drivers": churn_drivers, "scored_subscribers": scored_subscribers}
