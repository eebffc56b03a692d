"""Module 03 data: Larder's daily app metrics and weekly support-ticket themes.

Both generators share one plan per seed (:func:`impact_plan`): the day "smarter
substitutions" launched and the days one platform lost its client-side tracking.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

START = pd.Timestamp("2026-03-02")  # a Monday
PLATFORMS = ("ios", "android", "web")
# platform -> (daily active users, conversion, basket EUR, share of users adding to basket)
PLATFORM_BASE = {
    "ios": (36000, 0.065, 56.0, 0.24),
    "android": (28000, 0.058, 52.0, 0.22),
    "web": (20000, 0.050, 61.0, 0.20),
}
WEEKDAY_USERS = (1.00, 0.96, 0.97, 1.00, 1.06, 1.12, 1.15)  # Monday ... Sunday
WEEKLY_GROWTH = 0.002  # traffic grows 0.2 % a week
# Smarter substitutions act after checkout, when an order is picked: the launch cannot change the
# order a customer is placing that day. A subscriber who gets a substitute they keep trusts the next
# box and orders again instead of skipping a week, so conversion (orders per visit) climbs as the
# weekly ordering cycle turns over, and more where orders need substitutes more often (web's big
# weekly shops most, Android's smaller ones least).
SUBSTITUTED_ORDER_SHARE = {"ios": 0.30, "android": 0.20, "web": 0.40}  # orders with at least one substitute
REORDER_LIFT_PER_SUBSTITUTED_ORDER = 0.30  # fully ramped conversion lift per unit of that share
LAUNCH_CONVERSION_LIFT = {  # conversion x (1 + lift) once ramped: iOS +9 %, Android +6 %, web +12 %
    platform: round(REORDER_LIFT_PER_SUBSTITUTED_ORDER * share, 4)
    for platform, share in SUBSTITUTED_ORDER_SHARE.items()
}
LAUNCH_RAMP_DAYS = 14  # the lift grows linearly from 0 on launch day to full 14 days later
LAUNCH_BASKET_CHANGE = -0.015  # kept substitutes are often own-brand, a little cheaper: from launch day on
LAUNCH_BASKET_RATE_LIFT = 0.03  # a few more users fill a basket (ramps in with conversion)
OUTAGE_CAPTURE = 0.03  # share of client-side events still recorded during the outage
THEME_RATES = {  # tickets per 1,000 orders: (before launch, after launch)
    "wrong_substitution": (12.0, 6.5),
    "late_delivery": (5.0, 5.0),
    "missing_item": (4.0, 4.0),
    "price": (3.0, 3.2),
    "app_bug": (2.0, 2.0),
}


@dataclass(frozen=True)
class ImpactPlan:
    """The dates planted for one seed: the launch and the tracking outage."""

    launch: pd.Timestamp
    outage_platform: str
    outage_start: pd.Timestamp
    outage_days: int


def impact_plan(seed: int = 10, n_weeks: int = 20) -> ImpactPlan:
    """Return the launch date and the tracking outage that ``daily_metrics`` plants for a seed.

    The launch falls on a weekday in weeks ``n_weeks // 2`` to ``n_weeks // 2 + 2``; the
    outage lasts 2 or 3 days on one platform, at least 5 weeks before the launch.
    """
    if n_weeks < 16:
        raise ValueError("n_weeks must be at least 16")
    rng = np.random.default_rng([seed, 3])
    launch_week = int(rng.integers(n_weeks // 2, n_weeks // 2 + 3))
    launch = START + pd.Timedelta(days=7 * launch_week + int(rng.integers(1, 4)))
    outage_week = int(rng.integers(4, max(5, launch_week - 5)))
    outage_start = START + pd.Timedelta(days=7 * outage_week + int(rng.integers(0, 5)))
    return ImpactPlan(
        launch=launch,
        outage_platform=str(rng.choice(["android", "ios", "android", "web"])),
        outage_start=outage_start,
        outage_days=int(rng.integers(2, 4)),
    )


def launch_ramp(day: pd.Timestamp, launch: pd.Timestamp) -> float:
    """Share of the full conversion lift reached on ``day``: 0 before and on launch day, 1 after the ramp.

    The first boxes picked by the new model arrive from launch day on; their subscribers come back
    for their next weekly order over the following one to two weeks.
    """
    return float(np.clip((day - launch).days / LAUNCH_RAMP_DAYS, 0.0, 1.0))


def daily_metrics(seed: int = 10, n_weeks: int = 20) -> pd.DataFrame:
    """Generate Larder's app metrics: one row per day and platform.

    Planted: "smarter substitutions" launches on ``impact_plan(seed).launch``. It acts after
    checkout (when orders are picked), so it does not lift launch-day conversion: subscribers
    who kept a good substitute order again the next week instead of skipping, and conversion
    climbs linearly over ``LAUNCH_RAMP_DAYS`` days to +9 % on iOS, +6 % on Android and +12 %
    on web (where orders need substitutes most often), then holds. Basket value falls 1.5 %
    from launch day (kept substitutes are a little cheaper); traffic does not move. A
    tracking outage on one platform loses 97 % of the client-side events (active users and
    baskets) for 2 or 3 days, while orders and revenue, recorded by the backend, stay normal.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same frame and plan.
    n_weeks : int
        Number of whole weeks, starting Monday 2026-03-02.

    Returns
    -------
    pandas.DataFrame
        Columns ``date, platform, active_users, baskets, orders, revenue_eur``.
    """
    plan = impact_plan(seed, n_weeks)
    rng = np.random.default_rng([seed, 4])
    dates = pd.date_range(START, periods=7 * n_weeks, freq="D")
    rows = []
    for day in dates:
        launched = day >= plan.launch
        ramp = launch_ramp(day, plan.launch)
        week = (day - START).days / 7
        for platform in PLATFORMS:
            users0, conversion0, basket0, basket_rate0 = PLATFORM_BASE[platform]
            expected_users = users0 * WEEKDAY_USERS[day.day_of_week] * (1 + WEEKLY_GROWTH) ** week
            users = int(rng.poisson(expected_users * rng.normal(1, 0.02)))
            lift = LAUNCH_CONVERSION_LIFT[platform] * ramp
            conversion = conversion0 * (1 + lift) * rng.normal(1, 0.01)
            basket_rate = basket_rate0 * (1 + LAUNCH_BASKET_RATE_LIFT * ramp)
            orders = int(rng.binomial(users, conversion))
            baskets = int(max(orders, rng.binomial(users, basket_rate)))
            basket_eur = basket0 * (1 + LAUNCH_BASKET_CHANGE * launched) * rng.normal(1, 0.01)
            revenue = round(orders * basket_eur, 2)
            in_outage = (
                platform == plan.outage_platform
                and plan.outage_start <= day < plan.outage_start + pd.Timedelta(days=plan.outage_days)
            )
            if in_outage:  # the app stopped sending events; the backend still records orders
                users = int(rng.binomial(users, OUTAGE_CAPTURE))
                baskets = int(rng.binomial(baskets, OUTAGE_CAPTURE))
            rows.append((day.strftime("%Y-%m-%d"), platform, users, baskets, orders, revenue))
    return pd.DataFrame(rows, columns=["date", "platform", "active_users", "baskets", "orders", "revenue_eur"])


def feedback(seed: int = 10, n_weeks: int = 20) -> pd.DataFrame:
    """Generate weekly support-ticket counts by theme, tagged by the support team.

    Planted: "wrong_substitution" tickets per 1,000 orders fall from about 12 to about 6.5
    once smarter substitutions are live; the other themes stay flat, and "app_bug" does
    not rise during the tracking outage (customers did not notice it).

    Parameters
    ----------
    seed : int
        Seed; use the same seed as ``daily_metrics`` so the two tell one story.
    n_weeks : int
        Number of whole weeks, starting Monday 2026-03-02.

    Returns
    -------
    pandas.DataFrame
        Columns ``week_start, theme, tickets``: one row per week and theme.
    """
    plan = impact_plan(seed, n_weeks)
    daily = daily_metrics(seed, n_weeks)
    days = pd.to_datetime(daily["date"])
    weekly_orders = daily.groupby(days.dt.to_period("W").dt.start_time)["orders"].sum()
    rng = np.random.default_rng([seed, 5])
    rows = []
    for week_start, orders in weekly_orders.items():
        # share of the week's days on which the launch was live
        live = float(np.clip((week_start + pd.Timedelta(days=7) - plan.launch).days / 7, 0, 1))
        for theme, (before, after) in THEME_RATES.items():
            rate = before + (after - before) * live
            rows.append((week_start.strftime("%Y-%m-%d"), theme, int(rng.poisson(rate * orders / 1000))))
    return pd.DataFrame(rows, columns=["week_start", "theme", "tickets"])


DATASETS = {"daily_metrics": daily_metrics, "feedback": feedback}
