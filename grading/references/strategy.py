"""Reference computations for module 01 (product strategy), which its hidden tests compare with."""

from __future__ import annotations

import itertools

import pandas as pd

QUADRANT_NAMES = {(True, False): "quick win", (True, True): "big bet",
                  (False, False): "fill-in", (False, True): "time sink"}


def opportunity_scores(notes: pd.DataFrame) -> pd.Series:
    """Reach (share of all interviewees) x mean frequency x mean severity, per pain point."""
    groups = notes.groupby("pain_point")
    reach = groups["interview_id"].nunique() / notes["interview_id"].nunique()
    return reach * groups["times_per_month"].mean() * groups["severity"].mean()


def item_value(items: pd.DataFrame) -> pd.Series:
    """Value = reach x impact x confidence, indexed by item id."""
    items = items.set_index("item_id")
    return items["reach"] * items["impact"] * items["confidence"]


def rice_scores(items: pd.DataFrame) -> pd.Series:
    """RICE = reach x impact x confidence / effort, indexed by item id."""
    return item_value(items) / items.set_index("item_id")["effort_weeks"]


def rank_backlog(items: pd.DataFrame) -> list[str]:
    """Item ids by RICE rounded to 2 decimals (highest first), then less effort, then item id."""
    scored = items.assign(_rice=rice_scores(items).round(2).to_numpy())
    ordered = scored.sort_values(["_rice", "effort_weeks", "item_id"], ascending=[False, True, True])
    return list(ordered["item_id"])


def quadrant_axes(value: pd.Series, effort: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(high value, high effort): at or above the median of each axis."""
    return value >= value.median(), effort >= effort.median()


def quadrant(items: pd.DataFrame, value: pd.Series | None = None) -> pd.Series:
    """The impact/effort label of each item; ``value`` replaces reach x impact x confidence if given."""
    value = item_value(items) if value is None else value
    high_value, high_effort = quadrant_axes(value, items.set_index("item_id")["effort_weeks"])
    return pd.Series([QUADRANT_NAMES[key] for key in zip(high_value, high_effort, strict=True)], index=high_value.index)


def _plans(items: pd.DataFrame):
    rows = list(items.itertuples(index=False))
    for size in range(len(rows) + 1):
        yield from itertools.combinations(rows, size)


def best_value(items: pd.DataFrame, capacity: float) -> float:
    """The largest total value any set of items within ``capacity`` person-weeks reaches."""
    return max(sum(r.reach * r.impact * r.confidence for r in plan) for plan in _plans(items)
               if sum(r.effort_weeks for r in plan) <= capacity)


def best_release(items: pd.DataFrame, capacity: float) -> list[str]:
    """A most valuable set of item ids within ``capacity``, sorted alphabetically."""
    best, most = [], 0.0
    for plan in _plans(items):
        value = sum(r.reach * r.impact * r.confidence for r in plan)
        if sum(r.effort_weeks for r in plan) <= capacity and value > most:
            best, most = [r.item_id for r in plan], value
    return sorted(best)


def smallest_capacity(items: pd.DataFrame, share: float) -> int:
    """The fewest person-weeks whose best release reaches ``share`` of the whole backlog's value."""
    total = float(item_value(items).sum())
    return int(min(sum(r.effort_weeks for r in plan) for plan in _plans(items)
                   if sum(r.reach * r.impact * r.confidence for r in plan) >= share * total * (1 - 1e-12)))


def valued_as(items: pd.DataFrame, value: pd.Series | None) -> pd.DataFrame | None:
    """``items`` re-valued so that reach x impact x confidence equals ``value`` (None stays None).

    Hidden tests use it to grade a plan by the value a learner's own earlier answer implies.
    """
    if value is None:
        return None
    value = value.reindex(items["item_id"])
    return items.assign(reach=value.to_numpy(dtype=float), impact=1.0, confidence=1.0)


def consistent_capacity(items: pd.DataFrame, share: float, own_value: pd.Series | None, answer: object) -> object:
    """``answer`` if it is the smallest capacity under the value a learner's own earlier answer implies, else None."""
    own_items = valued_as(items, own_value)
    if own_items is None or answer is None:
        return None
    try:
        return answer if float(answer) == smallest_capacity(own_items, share) else None
    except (TypeError, ValueError):
        return None
