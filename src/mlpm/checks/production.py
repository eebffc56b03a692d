"""Module 08 (MLOps and backend fluency): the pinned computations and the checkers for its answers.

The reference functions state module 08's conventions in code (the lesson and the prompts state
them in words); hidden checks and tests compare learners' functions with them on other data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import _fail, _listing, check_one_of, quiet  # noqa: F401 (check_one_of: the test cells import it from here)

PSI_FLOOR = 1e-4
PSI_BANDS = ("stable", "moderate", "significant")
LABEL_DELAY_DAYS = 28
Z_95 = 1.96
ML_TEST_POINTS = {"none": 0.0, "manual": 0.5, "automated": 1.0}
STATUS_AFTER = {"subscribed": "active", "paused": "paused", "resumed": "active", "cancelled": "cancelled"}


def reference_edges(reference: Iterable[float]) -> np.ndarray:
    """The nine interior bin edges: the reference's 10th to 90th percentiles (numpy's linear method)."""
    return np.percentile(np.asarray(reference, dtype=float), np.arange(10, 100, 10))


def decile_shares(values: Iterable[float], edges: np.ndarray) -> np.ndarray:
    """Share of ``values`` in each of the ten bins; a value equal to an edge goes to the bin on its right."""
    index = np.searchsorted(edges, np.asarray(values, dtype=float), side="right")
    return np.bincount(index, minlength=len(edges) + 1) / len(index)


def psi_from_shares(expected: Iterable[float], actual: Iterable[float]) -> float:
    """PSI = sum((a - e) * ln(a / e)), natural log, each share floored at 1e-4 first."""
    e = np.maximum(np.asarray(expected, dtype=float), PSI_FLOOR)
    a = np.maximum(np.asarray(actual, dtype=float), PSI_FLOOR)
    return float(np.sum((a - e) * np.log(a / e)))


def psi(reference: Iterable[float], current: Iterable[float]) -> float:
    """The population stability index of ``current`` against ``reference``, on the reference's deciles."""
    edges = reference_edges(reference)
    return psi_from_shares(decile_shares(reference, edges), decile_shares(current, edges))


def psi_band(value: float) -> str:
    """Below 0.1 stable, 0.1 up to and including 0.25 moderate, above 0.25 significant."""
    if value < 0.1:
        return "stable"
    return "moderate" if value <= 0.25 else "significant"


def measurable_weeks(week_starts: Iterable[Any], today: Any, delay_days: int = LABEL_DELAY_DAYS) -> list[pd.Timestamp]:
    """The Mondays whose scores can be checked on ``today``: their label arrives ``delay_days`` later (inclusive)."""
    today = pd.Timestamp(today)
    return [pd.Timestamp(w) for w in week_starts if pd.Timestamp(w) + pd.Timedelta(days=delay_days) <= today]


def recall_difference(frame: pd.DataFrame) -> tuple[float, float, float]:
    """Challenger minus champion recall on churners, with its paired normal 95 % interval (z = 1.96)."""
    churners = frame[frame["churned"] == 1]
    d = (churners["challenger_flag"] - churners["champion_flag"]).to_numpy(dtype=float)
    diff = float(d.mean())
    se = float(d.std(ddof=1) / math.sqrt(len(d)))
    return diff, diff - Z_95 * se, diff + Z_95 * se


def guardrail_changes(frame: pd.DataFrame) -> dict[str, float]:
    """Challenger minus champion: precision of the flags, and p95 latency in ms (numpy's linear percentile)."""
    def precision(flag: str) -> float:
        return float(frame.loc[frame[flag] == 1, "churned"].mean())
    return {"precision": precision("challenger_flag") - precision("champion_flag"),
            "p95_latency_ms": float(np.percentile(frame["challenger_latency_ms"], 95)
                                    - np.percentile(frame["champion_latency_ms"], 95))}


def promote(diff: float, ci_low: float, guardrails: Mapping[str, float], margin: float = 0.01,
            precision_drop: float = 0.02, latency_rise_ms: float = 25.0) -> str:
    """The gate: margin reached, interval above zero, and no guardrail worse by more than its tolerance."""
    ok = (diff >= margin and ci_low > 0 and guardrails["precision"] >= -precision_drop
          and guardrails["p95_latency_ms"] <= latency_rise_ms)
    return "promote" if ok else "keep champion"


def ml_test_score(practices: Mapping[str, Mapping[str, str]]) -> dict[str, float]:
    """Breck et al. (2017): each test 0, 0.5 (manual) or 1 (automated); a section sums; final = minimum."""
    scores = {section: sum(ML_TEST_POINTS[s] for s in tests.values()) for section, tests in practices.items()}
    return {**scores, "final": min(scores.values())}


def error_budget_minutes(slo: float, days: float) -> float:
    """Minutes of full unavailability the objective allows over ``days`` days."""
    return (1 - slo) * days * 24 * 60


def budget_left(incidents: pd.DataFrame, slo: float, days: float) -> float:
    """Error budget minus the bad minutes (each incident's minutes times the share of requests it failed)."""
    return error_budget_minutes(slo, days) - float((incidents["minutes"] * incidents["share_failed"]).sum())


def latency_percentiles(latency_ms: Iterable[float]) -> dict[str, float]:
    """p95 and p99 with numpy's default (linear) percentile method."""
    p95, p99 = np.percentile(np.asarray(latency_ms, dtype=float), [95, 99])
    return {"p95": float(p95), "p99": float(p99)}


def availability(requests: pd.DataFrame) -> float:
    """Share of requests the service answered without a server error (status below 500)."""
    return float((requests["status"] < 500).mean())


def final_status(events: pd.DataFrame) -> pd.Series:
    """The idempotent consumer: keep each event_id once, order by subscriber and seq, take the last state."""
    unique = events.drop_duplicates("event_id").sort_values(["subscriber_id", "seq"])
    last = unique.groupby("subscriber_id")["event_type"].last()
    return last.map(STATUS_AFTER).rename("status")


def config_diff(left: Mapping[str, Any], right: Mapping[str, Any]) -> list[str]:
    """Keys whose values differ, or that exist on one side only, sorted."""
    return sorted(k for k in set(left) | set(right) if left.get(k, _ABSENT) != right.get(k, _ABSENT))


_ABSENT = object()


def _as_list(value: Any, name: str) -> list[Any]:
    if isinstance(value, (set, frozenset, list, tuple, pd.Series, pd.Index, np.ndarray)):
        return list(value)
    _fail(name, f"should be a list (or set) of names, but it is a {type(value).__name__}.")
    return []


@quiet
def check_name_set(value: Any, expected: Iterable[str], name: str, *, options: Sequence[str] | None = None,
                   hint: str = "") -> None:
    """Check an unordered collection of names: no repeats, every name allowed, the same set as ``expected``."""
    items = _as_list(value, name)
    if not all(isinstance(item, str) for item in items):
        _fail(name, "should hold names as strings.")
    items = [str.__str__(item) for item in items]
    if len(set(items)) != len(items):
        _fail(name, "names an item more than once.")
    if options is not None:
        unknown = [item for item in items if item not in options]
        if unknown:
            _fail(name, f"has names that are not among the options: {_listing(unknown)}.")
    want = set(expected)
    missing, extra = want - set(items), set(items) - want
    if missing and extra:
        _fail(name, f"has {len(extra)} name(s) that should not be there and misses {len(missing)}.", hint)
    if missing:
        _fail(name, f"misses {len(missing)} name(s).", hint)
    if extra:
        _fail(name, f"has {len(extra)} name(s) that should not be there.", hint)


@quiet
def check_dates(value: Any, expected: Sequence[Any], name: str, *, hint: str = "") -> None:
    """Check a list of dates in order (Timestamps, dates or ISO strings all pass)."""
    items = _as_list(value, name)
    try:
        got = [pd.Timestamp(item).normalize() for item in items]
    except (TypeError, ValueError):
        _fail(name, "should hold dates (Timestamps or 'YYYY-MM-DD' strings).")
    want = [pd.Timestamp(item).normalize() for item in expected]
    if len(got) < len(want):
        _fail(name, f"has {len(got)} date(s), fewer than it should.", hint)
    if len(got) > len(want):
        _fail(name, f"has {len(got)} date(s), more than it should.", hint)
    if got != want:
        _fail(name, "has the right number of dates, but not the right ones (or not in order, earliest first).", hint)


@quiet
def check_status(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """Check a Series of states indexed by subscriber (any index order)."""
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if not isinstance(value, pd.Series):
        _fail(name, f"should be a pandas Series indexed by subscriber_id, but it is a {type(value).__name__}.")
    if value.index.has_duplicates:
        _fail(name, "has a subscriber more than once: one state per subscriber.")
    missing = [k for k in expected.index if k not in value.index]
    extra = [k for k in value.index if k not in expected.index]
    if missing or extra:
        _fail(name, f"should have one entry per subscriber_id in the stream ({len(missing)} missing, "
              f"{len(extra)} unexpected).", "Index it by subscriber_id.")
    wrong = [k for k in expected.index if not isinstance(value[k], str) or str.__str__(value[k]) != expected[k]]
    if wrong:
        _fail(name, f"has {len(wrong)} of {len(expected)} subscribers in the wrong state.", hint)


@quiet
def check_names_from(value: Any, options: Sequence[str], name: str) -> None:
    """Check the shape of a collection of names: strings, each one of ``options``, none repeated."""
    items = _as_list(value, name)
    if not all(isinstance(item, str) for item in items):
        _fail(name, "should hold names as strings.")
    unknown = [str.__str__(item) for item in items if str.__str__(item) not in options]
    if unknown:
        _fail(name, f"has names that are not among the options: {_listing(unknown)}.")
    if len(set(map(str.__str__, items))) != len(items):
        _fail(name, "names an item more than once.")
    if not items:
        _fail(name, "is empty: pick the options that apply.")
