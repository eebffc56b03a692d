"""Larder's subscribers: one row per active subscriber, with whether they churned next."""

from __future__ import annotations

import numpy as np
import pandas as pd

SEGMENTS = ("family", "couple", "single")


def customers(seed: int = 7, n_customers: int = 4000) -> pd.DataFrame:
    """Generate a snapshot of active subscribers and whether each cancelled in the next 4 weeks.

    Planted: churn rises with item substitutions (the top pain point in the interviews),
    with days since the last order and with support contacts, and falls with tenure.

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
    segment = rng.choice(SEGMENTS, size=n, p=[0.4, 0.35, 0.25])
    plan = rng.choice(["weekly", "fortnightly"], size=n, p=[0.6, 0.4])
    tenure_weeks = np.minimum(1 + rng.geometric(1 / 40, size=n), 156)
    slots = np.where(plan == "weekly", 8, 4)
    skipped = rng.binomial(slots, 0.15)
    orders = slots - skipped
    days_since_last_order = np.where(
        orders > 0,
        rng.integers(0, 8, size=n) + np.where(plan == "weekly", 0, 7) + 7 * (skipped // 2),
        56,
    )
    substitution_rate = np.select([segment == "family", segment == "couple"], [0.45, 0.3], 0.2)
    substitutions = rng.poisson(substitution_rate * np.maximum(orders, 0))
    support_contacts = rng.poisson(0.15 + 0.12 * substitutions)
    basket_mean = np.select([segment == "family", segment == "couple"], [78.0, 56.0], 39.0)
    avg_basket_eur = np.round(np.maximum(rng.normal(basket_mean, 9.0), 15.0), 2)
    used_discount = rng.random(n) < 0.3

    logit = (
        -2.6
        + 0.38 * substitutions
        + 0.045 * days_since_last_order
        + 0.30 * support_contacts
        - 0.35 * np.log(tenure_weeks)
        + 0.45 * used_discount
    )
    churned = rng.random(n) < 1 / (1 + np.exp(-logit))

    return pd.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in range(1, n + 1)],
            "segment": segment,
            "plan": plan,
            "tenure_weeks": tenure_weeks.astype(int),
            "orders_last_8w": orders.astype(int),
            "skipped_weeks_last_8w": skipped.astype(int),
            "days_since_last_order": days_since_last_order.astype(int),
            "substitutions_last_8w": substitutions.astype(int),
            "support_contacts_last_8w": support_contacts.astype(int),
            "avg_basket_eur": avg_basket_eur,
            "used_discount": used_discount,
            "churned_next_4w": churned,
        }
    )


DATASETS = {"customers": customers}
