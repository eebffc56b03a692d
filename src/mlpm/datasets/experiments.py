"""Module 04 data: Larder's retention-offer experiment, a banner test with a sample-ratio
mismatch, and a pilot whose arms differ in platform mix (Simpson's paradox)."""

from __future__ import annotations

import numpy as np
import pandas as pd

PLATFORMS = ("ios", "android", "web")
COHORTS = ("2025-H1", "2025-H2", "2026-H1")

# The retention offer: "free delivery for 4 weeks" for subscribers flagged at risk.
TRUE_RETENTION_LIFT = 0.03  # percentage points of 8-week retention, as a fraction
RETENTION_PLATFORM_OFFSET = {"ios": 0.04, "android": 0.0, "web": -0.06}
DELIVERY_FEE_EUR = 1.99

# The banner test: 1 in 6 treatment users on Android is never logged (the old app crashes
# while rendering the banner), which turns a 50/50 design into about 51.5/48.5 in expectation.
BANNER_ANDROID_LOSS = 1 / 6
BANNER_BASE_RATE = {"ios": 0.12, "android": 0.06, "web": 0.09}
BANNER_TRUE_LIFT = 0.005

# The pilot: the offer was randomised within each platform, but with a different share.
PILOT_PLATFORM_SHARE = {"ios": 0.40, "android": 0.35, "web": 0.25}
PILOT_OFFER_SHARE = {"ios": 0.15, "android": 0.50, "web": 0.85}
PILOT_BASE_RATE = {"ios": 0.70, "android": 0.55, "web": 0.35}
PILOT_TRUE_LIFT = 0.06


def _lookup(table: dict[str, float], keys: np.ndarray) -> np.ndarray:
    return np.array([table[k] for k in keys], dtype=float)


def retention_experiment(seed: int = 8, n_users: int = 14000) -> pd.DataFrame:
    """Generate the retention-offer A/B test: one row per at-risk subscriber.

    Planted: the offer raises the chance of staying 8 weeks by exactly
    ``TRUE_RETENTION_LIFT`` (3 percentage points) on every platform; it costs margin
    (free delivery for 4 weeks), so margin per user drops by about 1 EUR; pre-period
    orders predict the 8-week orders, so CUPED removes much of their variance.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same frame.
    n_users : int
        Number of subscribers randomised 50/50 (a fair coin per user).

    Returns
    -------
    pandas.DataFrame
        Columns ``user_id, arm, platform, signup_cohort, pre_period_orders, retained_8w,
        orders_8w, margin_eur``.
    """
    rng = np.random.default_rng(seed)
    n = n_users
    treated = rng.random(n) < 0.5
    platform = rng.choice(PLATFORMS, size=n, p=[0.45, 0.35, 0.20])
    cohort = rng.choice(COHORTS, size=n, p=[0.3, 0.35, 0.35])
    engagement = rng.gamma(shape=1.5, scale=2.2, size=n)  # orders per 8 weeks, at-risk users
    pre_orders = rng.poisson(engagement)

    p_retain = (
        0.40 + 0.045 * np.minimum(pre_orders, 8) + _lookup(RETENTION_PLATFORM_OFFSET, platform)
        + TRUE_RETENTION_LIFT * treated
    )
    retained = rng.random(n) < p_retain
    orders = np.where(
        retained,
        rng.poisson(1.0 + 1.1 * engagement + 0.3 * treated),
        rng.poisson(0.5 + 0.1 * engagement),
    )
    first_4w = rng.binomial(orders, 0.45)
    margin = 8.5 * orders + 2.0 * np.sqrt(orders) * rng.standard_normal(n)
    margin -= treated * DELIVERY_FEE_EUR * first_4w
    return pd.DataFrame(
        {
            "user_id": [f"R{i:05d}" for i in range(1, n + 1)],
            "arm": np.where(treated, "treatment", "control"),
            "platform": platform,
            "signup_cohort": cohort,
            "pre_period_orders": pre_orders.astype(int),
            "retained_8w": retained.astype(int),
            "orders_8w": orders.astype(int),
            "margin_eur": np.round(margin, 2),
        }
    )


def offer_banner_experiment(seed: int = 5, n_users: int = 40000) -> pd.DataFrame:
    """Generate a home-screen banner test with a planted sample-ratio mismatch.

    Designed 50/50, but the old Android app crashes while rendering the banner before the
    exposure is logged, so ``BANNER_ANDROID_LOSS`` of treatment users on Android are
    missing: in expectation 51.5 % control vs 48.5 % treatment, all of it on Android.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_users : int
        About this many users are logged: the generator assigns a few more, then loses some.

    Returns
    -------
    pandas.DataFrame
        Columns ``user_id, arm, platform, ordered_next_week``.
    """
    rng = np.random.default_rng(seed)
    n = round(n_users / (1 - 0.35 * BANNER_ANDROID_LOSS / 2))
    treated = rng.random(n) < 0.5
    platform = rng.choice(PLATFORMS, size=n, p=[0.45, 0.35, 0.20])
    ordered = rng.random(n) < _lookup(BANNER_BASE_RATE, platform) + BANNER_TRUE_LIFT * treated
    lost = treated & (platform == "android") & (rng.random(n) < BANNER_ANDROID_LOSS)
    keep = ~lost
    m = int(keep.sum())
    return pd.DataFrame(
        {
            "user_id": [f"B{i:05d}" for i in range(1, m + 1)],
            "arm": np.where(treated[keep], "treatment", "control"),
            "platform": platform[keep],
            "ordered_next_week": ordered[keep].astype(int),
        }
    )


def offer_pilot(seed: int = 6, n_users: int = 9000) -> pd.DataFrame:
    """Generate the retention offer's pilot, randomised within platform at unequal shares.

    Planted (Simpson's paradox): the offer raises 8-week retention by ``PILOT_TRUE_LIFT``
    on every platform, but most offers went to web users, who stay least, so pooled over
    platforms the offer arm looks worse than control.

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    n_users : int
        Number of subscribers in the pilot.

    Returns
    -------
    pandas.DataFrame
        Columns ``user_id, platform, arm, retained_8w``.
    """
    rng = np.random.default_rng(seed)
    n = n_users
    platform = rng.choice(list(PILOT_PLATFORM_SHARE), size=n, p=list(PILOT_PLATFORM_SHARE.values()))
    treated = rng.random(n) < _lookup(PILOT_OFFER_SHARE, platform)
    retained = rng.random(n) < _lookup(PILOT_BASE_RATE, platform) + PILOT_TRUE_LIFT * treated
    return pd.DataFrame(
        {
            "user_id": [f"P{i:05d}" for i in range(1, n + 1)],
            "platform": platform,
            "arm": np.where(treated, "treatment", "control"),
            "retained_8w": retained.astype(int),
        }
    )


DATASETS = {
    "retention_experiment": retention_experiment,
    "offer_banner_experiment": offer_banner_experiment,
    "offer_pilot": offer_pilot,
}
