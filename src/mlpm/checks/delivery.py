"""Checkers for module 09 (delivering ML work): structured calls, flow metrics and the throughput forecast.

A *call* is the shape every judgement question of the module asks for::

    {"decision": "kanban", "evidence": ["research_share", "interrupts"], "would_change_if": "research_drops"}

The checkers accept every decision the evidence supports, and judge the evidence and the condition
against the decision the learner made, so a defensible call with a weak reason loses only the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import _listing, as_sequence, fail, quiet
from mlpm.checks.influence import distribution_gap, simulated_counts

CALL_KEYS = ("decision", "evidence", "would_change_if")


def _text(value: Any) -> str | None:
    return str.__str__(value) if isinstance(value, str) else None


@quiet
def check_call_shape(call: Any, decisions: Sequence[str], facts: Sequence[str], conditions: Sequence[str],
                     name: str) -> None:
    """Check a call's form: the three keys, a decision from ``decisions``, evidence from ``facts``, one condition."""
    if not isinstance(call, dict):
        fail(name, f"should be a dict with the keys {', '.join(map(repr, CALL_KEYS))}, "
                    f"but it is a {type(call).__name__}.")
    missing = [key for key in CALL_KEYS if key not in call]
    if missing:
        fail(name, f"has no entry for {_listing(missing)}.", "A call is a decision, its evidence and what would "
              "change it.")
    if _text(call["decision"]) not in decisions:
        fail(f"{name}['decision']", f"should be one of {', '.join(map(repr, decisions))}.")
    evidence = as_sequence(call["evidence"], f"{name}['evidence']")
    if not evidence or not all(_text(e) in facts for e in evidence):
        fail(f"{name}['evidence']", "should be a non-empty list of the fact keys your decision rests on.")
    if len(set(map(str, evidence))) != len(evidence):
        fail(f"{name}['evidence']", "names a fact more than once.")
    if _text(call["would_change_if"]) not in conditions:
        fail(f"{name}['would_change_if']", f"should be one of {', '.join(map(repr, conditions))}.")


@quiet
def check_call_decision(call: Any, defensible: Sequence[str], name: str, *, hint: str = "") -> None:
    """Check that the decision is one the facts support (any of ``defensible``)."""
    decision = _text(call.get("decision")) if isinstance(call, dict) else None
    if decision not in defensible:
        fail(f"{name}['decision']", "is not a call these facts support yet.", hint)


@quiet
def check_call_evidence(call: Any, supports: Mapping[str, set[str]], name: str, *, at_least: int = 2,
                        hint: str = "") -> None:
    """Check that the evidence named supports the decision made: at least ``at_least`` facts, none against it."""
    if not isinstance(call, dict):
        fail(name, "should be a dict with a decision, its evidence and what would change it.")
    decision = _text(call.get("decision"))
    backing = supports.get(decision, set())
    named = [str(e) for e in as_sequence(call.get("evidence"), f"{name}['evidence']")]
    against = [e for e in named if e not in backing]
    if against:
        fail(f"{name}['evidence']", f"names {len(against)} fact(s) that do not support the decision "
              f"{decision!r}.", hint or "Keep only the facts that argue for your call.")
    if len(named) < at_least:
        fail(f"{name}['evidence']", f"names {len(named)} fact(s); a call this size rests on at least {at_least}.",
              hint)


@quiet
def check_call_condition(call: Any, flips: Mapping[str, set[str]], name: str, *, hint: str = "") -> None:
    """Check that the condition named would really change the decision made."""
    decision = _text(call.get("decision")) if isinstance(call, dict) else None
    condition = _text(call.get("would_change_if")) if isinstance(call, dict) else None
    if condition not in flips.get(decision, set()):
        fail(f"{name}['would_change_if']", f"would not change the decision {decision!r}.",
              hint or "Name the condition that would make you decide otherwise.")


@quiet
def check_week_runs(runs: Any, exact: Mapping[int, float] | pd.Series, n_runs: int, name: str, *,
                    also: Sequence[Mapping[int, float] | pd.Series] = (), tolerance: float = 0.025) -> None:
    """Check simulated weeks: whole numbers, one per run, distributed like the exact throughput forecast.

    ``exact`` maps k weeks to the exact probability that a run needs k weeks (the hidden checks compute
    it from the weekly counts; a visible toy states it); ``also`` holds the distributions that follow
    from the learner's own counts. Any order of random draws passes: the share of runs done within k
    weeks must be within ``tolerance`` of the exact share for every k.
    """
    runs = simulated_counts(runs, n_runs, name, "week")
    gaps = []
    for distribution in (exact, *also):
        gap, _, simulated, wanted = distribution_gap(runs, pd.Series(dict(distribution), dtype=float).sort_index())
        gaps.append((gap, simulated.mean() - wanted.mean()))
    if min(gap for gap, _ in gaps) <= tolerance:
        return
    if len(np.unique(runs)) == 1:
        fail(name, "gives every run the same number of weeks: does each run draw its own weeks at random, from "
                    "every week of the window (empty ones included)?")
    if gaps[0][1] > 0:
        fail(name, "finishes too early on average: does each run stop as soon as the items done reach the "
                    "remaining items, and draw whole weeks from the weekly counts (zero weeks included)?")
    fail(name, "takes more weeks than the history allows: does each run stop as soon as the items done reach "
                "the remaining items (>=), drawing with replacement from every week of the window?")


@quiet
def check_in_range(value: Any, low: float, high: float, name: str, *, low_open: bool = True,
                   hint: str = "") -> None:
    """Check a number against a defensible range: above ``low`` (or at it if not ``low_open``), at most ``high``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        fail(name, f"should be a number, but it is a {type(value).__name__}.")
    number = float(value)
    if number < low or (low_open and number == low):
        fail(name, "does not beat what we already have: a criterion at or below the baseline passes a model "
                    "that adds nothing.", hint)
    if number > high:
        fail(name, "is higher than the evidence shows is reachable: the story could never be done.", hint)
