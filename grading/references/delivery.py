"""Reference computations of module 09 (delivering ML work): what its hidden tests compare with.

The conventions are the ones the lesson pins: cycle time in calendar days from the first entry
into "In progress" to the entry into "Done"; percentiles with numpy's default (linear) method;
weeks labelled by their Monday; work in progress counted at midnight after each day.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

ACTIVE = ("In progress", "Review", "Validation")
SECTION_HEADINGS = {"why": "why", "what changed": "what_changed", "how it was tested": "how_tested",
                    "risk and rollback": "risk_rollback", "feature flag": "feature_flag"}


def _times(events: pd.DataFrame) -> pd.DataFrame:
    frame = events[["ticket_id", "status", "entered_at"]].copy()
    frame["entered_at"] = pd.to_datetime(frame["entered_at"])
    return frame.sort_values(["ticket_id", "entered_at"], kind="stable")


def cycle_times(events: pd.DataFrame) -> pd.Series:
    """Calendar days from each ticket's first "In progress" to its "Done", for tickets that are done."""
    frame = _times(events)
    started = frame[frame["status"] == "In progress"].groupby("ticket_id")["entered_at"].min()
    done = frame[frame["status"] == "Done"].groupby("ticket_id")["entered_at"].min()
    both = done.index.intersection(started.index)
    return ((done[both] - started[both]).dt.total_seconds() / 86400).rename("cycle_days")


def cycle_percentiles(times: pd.Series) -> dict[str, float]:
    """The 50th and 85th percentiles of cycle times, numpy's default linear method."""
    p50, p85 = np.percentile(np.asarray(times, dtype=float), [50, 85])
    return {"p50": float(p50), "p85": float(p85)}


def weekly_throughput(events: pd.DataFrame, start: str, end: str) -> pd.Series:
    """Tickets entering "Done" per week, labelled by the week's Monday, every week from ``start`` to ``end``.

    ``start`` is a Monday; ``end`` is the first day after the window (also a Monday).
    """
    frame = _times(events)
    done = frame.loc[frame["status"] == "Done", "entered_at"]
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    done = done[(done >= start) & (done < end)]
    weeks = pd.date_range(start, end - pd.Timedelta(days=1), freq="W-MON")
    monday = done.dt.normalize() - pd.to_timedelta(done.dt.day_of_week, unit="D")
    return monday.value_counts().reindex(weeks, fill_value=0).astype(int).rename("done")


def wip_at(events: pd.DataFrame, moment: str | pd.Timestamp) -> int:
    """Tickets started (first "In progress" at or before ``moment``) and not done at ``moment``."""
    frame = _times(events)
    moment = pd.Timestamp(moment)
    started = frame[frame["status"] == "In progress"].groupby("ticket_id")["entered_at"].min()
    done = frame[frame["status"] == "Done"].groupby("ticket_id")["entered_at"].min()
    finished = done.reindex(started.index)
    open_ = (started <= moment) & ~(finished <= moment)
    return int(open_.sum())


def average_wip(events: pd.DataFrame, start: str, end: str) -> float:
    """Mean work in progress at midnight after each day from ``start`` up to (not including) ``end``."""
    days = pd.date_range(pd.Timestamp(start) + pd.Timedelta(days=1), pd.Timestamp(end), freq="D")
    return float(np.mean([wip_at(events, day) for day in days]))


def littles_law_days(events: pd.DataFrame, start: str, end: str) -> float:
    """Average cycle time that Little's law predicts: average WIP / throughput per day."""
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    per_day = weekly_throughput(events, start, end).sum() / days
    return average_wip(events, start, end) / per_day


def time_in_status(events: pd.DataFrame) -> pd.Series:
    """Mean calendar days that done tickets spent in each active column (all visits added up)."""
    frame = _times(events)
    done_ids = frame.loc[frame["status"] == "Done", "ticket_id"].unique()
    frame = frame[frame["ticket_id"].isin(done_ids)].copy()
    frame["left_at"] = frame.groupby("ticket_id")["entered_at"].shift(-1)
    frame["days"] = (frame["left_at"] - frame["entered_at"]).dt.total_seconds() / 86400
    per_ticket = frame[frame["status"].isin(ACTIVE)].pivot_table(
        index="ticket_id", columns="status", values="days", aggfunc="sum", fill_value=0.0)
    return per_ticket.reindex(columns=list(ACTIVE), fill_value=0.0).mean().rename("mean_days")


def weeks_needed(counts, remaining: int, n_runs: int, seed: int) -> np.ndarray:
    """Monte Carlo: weeks until the resampled weekly throughput reaches ``remaining`` items, per run."""
    rng = np.random.default_rng(seed)
    counts = np.asarray(counts, dtype=float)
    width = int(np.ceil(remaining / counts[counts > 0].min())) + 1
    done = rng.choice(counts, size=(n_runs, width * 3)).cumsum(axis=1)
    return (done >= remaining).argmax(axis=1) + 1


def percentile_weeks(runs, q: float) -> int:
    """The smallest whole number of weeks within which at least ``q`` of the runs finish."""
    return int(np.quantile(np.asarray(runs), q, method="inverted_cdf"))


def friday_of_week(first_monday: str | pd.Timestamp, weeks: int) -> pd.Timestamp:
    """The Friday of the ``weeks``-th week, counting the week of ``first_monday`` as week 1."""
    return pd.Timestamp(first_monday) + pd.Timedelta(days=7 * (weeks - 1) + 4)


def average_weeks(counts, remaining: int) -> int:
    """The velocity-style plan: remaining items over the mean weekly throughput, rounded up."""
    return int(np.ceil(remaining / float(np.mean(np.asarray(counts, dtype=float)))))


def missing_sections(description: str) -> list[str]:
    """The pinned description sections a pull request's markdown has no ``## `` heading for, in order."""
    found = {SECTION_HEADINGS.get(h.strip().lower()) for h in re.findall(r"^##\s+(.+)$", description, flags=re.M)}
    return [key for key in SECTION_HEADINGS.values() if key not in found]


def history_weeks(catalogue: pd.DataFrame, table: str, as_of: str | pd.Timestamp) -> int:
    """Whole weeks of history a table holds on ``as_of``: from the later of its start and its retention limit."""
    row = catalogue.set_index("table").loc[table]
    as_of = pd.Timestamp(as_of)
    start = pd.Timestamp(row["history_from"])
    if int(row["retention_months"]) > 0:
        start = max(start, as_of - pd.DateOffset(months=int(row["retention_months"])))
    return int((as_of - start).days // 7)
