"""Module 08 (MLOps and backend fluency): the checkers for its answers.

The reference computations they are compared with live in the course source
(``grading/references/production.py``, loaded with ``reference("production")``), not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import _listing, accepts_also, as_sequence, check_keys, fail, quiet


@quiet
@accepts_also
def check_dates(value: Any, expected: Sequence[Any], name: str, *, hint: str = "") -> None:
    """Check a list of dates in order (Timestamps, dates or ISO strings all pass); ``also=`` accepts more lists."""
    items = as_sequence(value, name)
    try:
        got = [pd.Timestamp(item).normalize() for item in items]
    except (TypeError, ValueError):
        fail(name, "should hold dates (Timestamps or 'YYYY-MM-DD' strings).")
    want = [pd.Timestamp(item).normalize() for item in expected]
    if len(got) < len(want):
        fail(name, f"has {len(got)} date(s), fewer than it should.", hint)
    if len(got) > len(want):
        fail(name, f"has {len(got)} date(s), more than it should.", hint)
    if got != want:
        fail(name, "has the right number of dates, but not the right ones (or not in order, earliest first).", hint)


@quiet
def check_status(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """Check a Series of states indexed by subscriber (any index order)."""
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series indexed by subscriber_id, but it is a {type(value).__name__}.")
    if value.index.has_duplicates:
        fail(name, "has a subscriber more than once: one state per subscriber.")
    missing = [k for k in expected.index if k not in value.index]
    extra = [k for k in value.index if k not in expected.index]
    if missing or extra:
        fail(name, f"should have one entry per subscriber_id in the stream ({len(missing)} missing, "
              f"{len(extra)} unexpected).", "Index it by subscriber_id.")
    wrong = [k for k in expected.index if not isinstance(value[k], str) or str.__str__(value[k]) != expected[k]]
    if wrong:
        fail(name, f"has {len(wrong)} of {len(expected)} subscribers in the wrong state.", hint)


@quiet
def check_names_from(value: Any, options: Sequence[str], name: str) -> None:
    """Check the shape of a collection of names: strings, each one of ``options``, none repeated."""
    items = as_sequence(value, name)
    if not all(isinstance(item, str) for item in items):
        fail(name, "should hold names as strings.")
    unknown = [str.__str__(item) for item in items if str.__str__(item) not in options]
    if unknown:
        fail(name, f"has names that are not among the options: {_listing(unknown)}.")
    if len(set(map(str.__str__, items))) != len(items):
        fail(name, "names an item more than once.")
    if not items:
        fail(name, "is empty: pick the options that apply.")


@quiet
def check_call(value: Any, accepted: Mapping[str, tuple[set[str], set[str], set[str]]], name: str, *,
               part: str) -> None:
    """Check one part of a call ``{"decision": ..., "evidence": [...], "reverse_if": ...}``.

    ``accepted`` maps each decision the evidence supports to (evidence it must name, evidence it
    may name, conditions that would reverse it). ``part`` is "decision", "evidence" or
    "reverse_if"; evidence and reverse_if are judged against the learner's own decision when that
    decision is accepted, so a wrong decision costs its own points only.
    """
    if not isinstance(value, Mapping) or set(value) != {"decision", "evidence", "reverse_if"}:
        fail(name, 'should be a dict with the keys "decision", "evidence" and "reverse_if".')
    decision = value["decision"]
    if part == "decision":
        if not isinstance(decision, str) or str.__str__(decision) not in accepted:
            fail(name, "has a decision the evidence does not support.",
                  "Ask what the numbers you computed allow today, and who would act on it.")
        return
    must, may, reverse = (accepted[str.__str__(decision)] if isinstance(decision, str)
                          and str.__str__(decision) in accepted else next(iter(accepted.values())))
    if part == "evidence":
        cited = as_sequence(value["evidence"], f"{name}['evidence']", what="list of EVIDENCE keys")
        if not all(isinstance(item, str) for item in cited):
            fail(f"{name}['evidence']", "should hold names of EVIDENCE as strings.")
        cited = {str.__str__(item) for item in cited}
        if not must <= cited:
            fail(f"{name}['evidence']", "leaves out evidence this decision rests on.",
                  "Which of your results would someone ask to see before agreeing?")
        if cited - may:
            fail(f"{name}['evidence']", "names evidence that does not bear on this call.")
        return
    if not isinstance(value["reverse_if"], str) or str.__str__(value["reverse_if"]) not in reverse:
        fail(f"{name}['reverse_if']", "names a condition that would not change this decision.",
              "Pick what, if it turned out true, would make you decide the other way.")


PSI_SLIPS = {
    "log10": "is the PSI with a base-10 log: the pinned PSI uses the natural log (np.log).",
    "current_edges": "comes from bins cut at the current sample's own deciles: cut the ten bins at the "
                     "reference sample's deciles, and count both samples in those same bins.",
    "own_edges": "cuts each sample at its own deciles, so both look evenly spread: cut the ten bins at the "
                 "reference sample's deciles, and count both samples in those same bins.",
    "left_edges": "puts a value equal to an edge in the bin on its left: it belongs to the bin on its right "
                  "(side='right').",
}


@quiet
def check_psi(value: Any, expected: float, slips: Mapping[str, float], name: str, *, hint: str = "") -> None:
    """Check one PSI value; when it is off, name the slip it matches (``slips``: slip -> the value it gives)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        fail(name, f"should be a number, but it is a {type(value).__name__}.")
    got = float(value)
    if not np.isfinite(got):
        fail(name, "is not a finite number: an empty bin gives ln(0) or a division by zero. "
                    "Floor every share at 0.0001 before the log.")
    if abs(got - expected) <= 1e-6 * max(1.0, abs(expected)):
        return
    for slip, slipped in slips.items():
        distinct = np.isfinite(slipped) and abs(slipped - expected) > 1e-6
        if distinct and abs(got - slipped) <= 1e-6 * max(1.0, abs(slipped)):
            fail(name, PSI_SLIPS[slip])
    fail(name, "is not the pinned PSI.", hint)


@quiet
def check_calls(value: Any, calls: Mapping[str, Mapping[str, Any]], evidence: Mapping[str, str], name: str) -> None:
    """Check the shape of a dict of calls: one per key of ``calls``, each with a decision and a reversal
    among that call's options and evidence among ``evidence``'s keys."""
    check_keys(value, list(calls), name)
    for key, options in calls.items():
        call, where = value[key], f"{name}[{key!r}]"
        if not isinstance(call, Mapping) or set(call) != {"decision", "evidence", "reverse_if"}:
            fail(where, 'should be a dict with the keys "decision", "evidence" and "reverse_if".')
        if not isinstance(call["decision"], str) or str.__str__(call["decision"]) not in options["decisions"]:
            fail(f"{where}['decision']", "should be one of that call's decisions, as a string.")
        cited = as_sequence(call["evidence"], f"{where}['evidence']", what="list of EVIDENCE keys")
        if not cited or not all(isinstance(item, str) and str.__str__(item) in evidence for item in cited):
            fail(f"{where}['evidence']", "should list keys of EVIDENCE (at least one).")
        if not isinstance(call["reverse_if"], str) or str.__str__(call["reverse_if"]) not in options["reverse_if"]:
            fail(f"{where}['reverse_if']", "should be one of that call's reverse_if conditions, as a string.")
