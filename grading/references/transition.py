"""Reference computations for module 10 (the transition): the gaps, the mentor match, the priority order.

Hidden test cells load them with ``reference("transition")``; they restate the rules the prompts pin.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

GROUPS = ("product strategy", "product delivery", "influence", "technical fluency")


def group_scores(survey: pd.DataFrame, column: str) -> pd.Series:
    """Each group's mean of ``column``, in ``GROUPS`` order."""
    return survey.groupby("group")[column].mean().reindex(list(GROUPS))


def top_gaps(survey: pd.DataFrame, column: str, n: int = 2, *, sign: int = 1) -> list[str]:
    """The ``n`` groups with the biggest gaps (target − score, rounded to 2 decimals), ties in ``GROUPS`` order.

    ``sign=-1`` ranks score − target instead: the answer a flipped sign gives.
    """
    gap = (sign * (group_scores(survey, "target") - group_scores(survey, column))).round(2)
    return sorted(GROUPS, key=lambda g: (-gap[g], GROUPS.index(g)))[:n]


def match_mentors(table: pd.DataFrame, gaps: Sequence[str], min_hours: float) -> dict[str, Any]:
    """The best match of a different mentor (or None) to each gap, by the pinned rule.

    Among every way to give each gap a different person who coaches it with at least ``min_hours``
    hours a month (or nobody), choose the most gaps matched, then the highest total strength, then the
    most internal mentors, then the most hours in total, then the names in gap order alphabetically
    (nobody last).
    """
    options = []
    for gap in gaps:
        rows = table[(table["group"] == gap) & (table["hours_per_month"] >= min_hours)]
        options.append([None, *rows.itertuples(index=False)])
    best_key, best = None, None
    for combo in itertools.product(*options):
        names = [r.name for r in combo if r is not None]
        if len(set(names)) < len(names):
            continue
        chosen = [r for r in combo if r is not None]
        key = (-len(chosen), -sum(r.strength for r in chosen), -sum(bool(r.internal) for r in chosen),
               -sum(r.hours_per_month for r in chosen), tuple((r is None, "" if r is None else r.name) for r in combo))
        if best_key is None or key < best_key:
            best_key, best = key, combo
    return {gap: (None if r is None else r.name) for gap, r in zip(gaps, best, strict=True)}


def greedy_mentors(table: pd.DataFrame, gaps: Sequence[str], min_hours: float) -> dict[str, Any]:
    """The old greedy rule (gap by gap: strongest, internal, hours, name): what a greedy answer gives."""
    taken, out = set(), {}
    for gap in gaps:
        rows = [r for r in table.itertuples() if r.group == gap and r.hours_per_month >= min_hours
                and r.name not in taken]
        rows.sort(key=lambda r: (-r.strength, not r.internal, -r.hours_per_month, r.name))
        out[gap] = rows[0].name if rows else None
        if rows:
            taken.add(rows[0].name)
    return out


def prioritise(solutions: Sequence[Mapping[str, Any]]) -> list[str]:
    """Names by impact ÷ effort, highest first; ties to the lower effort, then the name."""
    ranked = sorted(solutions, key=lambda s: (-s["impact"] / s["effort"], s["effort"], s["name"]))
    return [s["name"] for s in ranked]
