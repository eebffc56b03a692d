"""Reference computations for module 03 (measuring impact), which its hidden tests compare with."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd


def weekly_kpis(daily: pd.DataFrame) -> pd.DataFrame:
    """Weekly KPIs of all platforms, indexed by each week's Monday; ratios from the week's totals."""
    frame = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = frame.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    groups = per_day.groupby(per_day.index.to_period("W").start_time)
    visits = groups["active_users"].sum()
    return pd.DataFrame({
        "active_users": visits / groups.size(),
        "conversion": groups["orders"].sum() / visits,
        "revenue_per_user": groups["revenue_eur"].sum() / visits,
        "revenue_eur": groups["revenue_eur"].sum(),
    })


def flag_anomalies(values: pd.Series, window: int = 28, k: float = 5.0) -> pd.Series:
    """A day is flagged when it is more than k x 1.4826 x MAD from the median of the window days before it."""
    values = values.astype(float)
    centre = values.rolling(window).median().shift(1)
    mad = values.rolling(window).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True).shift(1)
    return ((values - centre).abs() > k * 1.4826 * mad).astype(bool)


def flag_periods(frame: pd.DataFrame, window: int, k: float,
                 flags: Callable[..., pd.Series] = flag_anomalies) -> list[tuple[str, str, str]]:
    """(platform, first day, last day) of every run of days where users or conversion is flagged."""
    found = []
    for platform, rows in frame.groupby("platform"):
        rows = rows.sort_values("date").set_index("date")
        flagged = flags(rows["active_users"], window, k) | flags(rows["orders"] / rows["active_users"], window, k)
        runs: list[list[pd.Timestamp]] = []
        for day in pd.to_datetime(flagged[flagged.astype(bool)].index):
            if runs and day - runs[-1][1] == pd.Timedelta(days=1):
                runs[-1][1] = day
            else:
                runs.append([day, day])
        found += [(platform, a.strftime("%Y-%m-%d"), b.strftime("%Y-%m-%d")) for a, b in runs]
    return sorted(found, key=lambda period: (period[1], period[0]))


def classify_period(frame: pd.DataFrame, platform: str, first_day: str, last_day: str) -> tuple[str, str]:
    """The pinned rule: a tracking outage, a real change in conversion, or unclear."""
    rows = frame[frame["platform"] == platform].assign(date=pd.to_datetime(frame["date"]))
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    period = rows[(rows["date"] >= first) & (rows["date"] <= last)]
    base = rows[(rows["date"] >= first - pd.Timedelta(days=28)) & (rows["date"] < first)]
    users = period["active_users"].mean() / base["active_users"].median()
    orders = period["orders"].mean() / base["orders"].median()
    conversion = (period["orders"].sum() / period["active_users"].sum()) / (
        base["orders"].sum() / base["active_users"].sum())
    if users < 0.5 and 0.8 <= orders <= 1.25:
        return ("data_problem", "events_missing_orders_normal")
    if 0.8 <= users <= 1.25 and abs(conversion - 1) >= 0.1:
        return ("real_change", "conversion_moved_traffic_normal")
    return ("unclear", "needs_investigation")


def period_totals(frame: pd.DataFrame, first_day: str, end_day: str) -> dict[str, float]:
    """Visits, conversion, basket value and revenue from first_day (included) to end_day (excluded)."""
    rows = frame[(frame["date"] >= first_day) & (frame["date"] < end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": visits, "conversion": orders / visits, "basket_eur": revenue / orders, "revenue_eur": revenue}


def decompose_revenue(before: dict, after: dict) -> pd.Series:
    """The revenue change split by log ratios into traffic, conversion and basket."""
    scale = (after["revenue_eur"] - before["revenue_eur"]) / math.log(after["revenue_eur"] / before["revenue_eur"])
    return pd.Series({
        "traffic": scale * math.log(after["visits"] / before["visits"]),
        "conversion": scale * math.log(after["conversion"] / before["conversion"]),
        "basket": scale * math.log(after["basket_eur"] / before["basket_eur"]),
    })


def theme_rates(feedback: pd.DataFrame, daily: pd.DataFrame) -> pd.DataFrame:
    """Tickets per 1,000 orders, per week and theme."""
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    orders = daily.groupby(pd.to_datetime(daily["date"]).dt.to_period("W").dt.start_time)["orders"].sum()
    rates = tickets.div(orders, axis=0) * 1000
    rates.columns.name = None
    return rates


def rate_change(rates: pd.DataFrame, launch: str | pd.Timestamp) -> pd.Series:
    """Mean rate of the weeks from the launch on over the full weeks before it, minus 1."""
    launch = pd.Timestamp(launch)
    return rates[rates.index >= launch].mean() / rates[rates.index + pd.Timedelta(days=7) <= launch].mean() - 1
