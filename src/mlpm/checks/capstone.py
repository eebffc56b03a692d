"""Checkers for the capstone (an ML product brief on missed deliveries).

The reference computations the hidden checks compare with live in the course source,
``grading/references/capstone.py`` (``reference("capstone")``), not in this package.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from mlpm.checks.core import as_real, check_keys, check_type, fail, is_sequence, own_value, quiet, same_value

# Every metric a section of the brief may name: name -> what it measures.
METRICS = {
    "missed_delivery_rate": "share of delivered orders where nobody was home",
    "net_delivery_cost_per_week_eur": "what redeliveries and slot-change credits cost Larder each week",
    "redelivery_cost_per_week_eur": "what redeliveries alone cost Larder each week",
    "orders_per_week": "orders out for delivery each week",
    "cost_per_redelivery_eur": "average cost of one redelivery",
    "flagged_share": "share of orders the MVP flags for a reminder",
    "reminder_open_rate": "share of flagged customers who open the reminder",
    "slot_change_rate": "share of flagged customers who move their slot",
    "complaints_per_1000_orders": "delivery complaints per 1,000 orders",
    "slot_credit_cost_per_week_eur": "what the slot-change credits cost each week",
    "eight_week_retention": "share of subscribers still subscribed 8 weeks later",
    "reminder_annoyance": "how much customers mind the reminders (nothing measures it yet)",
    "reminders_sent": "reminders sent each week",
    "model_auc": "ROC AUC of the risk score",
}
OUTPUT_METRICS = ("reminders_sent", "model_auc")  # the team's work or the model: not outcomes
APPROACHES = ("heuristic", "model")
DECISION_BASES = ("point_estimate", "lower_bound")
UNITS = ("order", "customer")
# "top_up_low_bands" is offered and refused: it needs every customer's age, which Larder does not hold.
MITIGATIONS = ("none", "opt_in_for_everyone", "lookback_by_deliveries", "top_up_low_bands")
PSI_ACTIONS = ("nothing", "ticket_and_backtest", "retrain_on_labelled_weeks", "roll_back_release", "page_on_call")
# The brief's sections; "delivery" is module 09's throughput forecast of when the MVP ships.
SECTIONS = ("users", "okr", "mvp", "metric_tree", "dashboard", "experiment", "delivery", "explanation",
            "stakeholders", "responsible_ai", "production")
RULES = ("primary_not_key_result", "sample_size_mismatch", "guardrail_mismatch", "mde_below_break_even",
         "target_unreachable", "test_ends_too_late", "guardrail_unmeasurable", "randomised_by_order",
         "ships_after_test_start")


def own_flags(compute: Any, frame: pd.DataFrame) -> pd.Series | None:
    """The flags the learner's own functions give on ``frame`` (``compute`` calls them), or None.

    Later sections build on the MVP's flags: a value computed with the learner's own flag functions
    is accepted there, so a mistake in those functions costs points once, in question 3.
    """
    flags = own_value(compute)
    if flags is None:
        return None
    try:
        values = pd.Series(flags).to_numpy(dtype=bool)
    except Exception:  # noqa: BLE001 - anything that is not a column of flags: no such value
        return None
    if values.shape != (len(frame),):
        return None
    return pd.Series(values, index=frame.index)


# ---------------------------------------------------------------- reading a learner's sections
def entry(section: Any, key: str, name: str) -> Any:
    """``section[key]``, failing with a message when the section is not a dict or has no such key."""
    if not isinstance(section, dict):
        fail(name, f"should be a dict, but it is a {type(section).__name__}.")
    if key not in section:
        fail(name, f"has no {key!r} entry.")
    return section[key]


def key_result_metrics(okr: Any) -> list[str]:
    """The metric names of an OKR's key results (those that are strings)."""
    results = entry(okr, "key_results", "okr")
    if not is_sequence(results):
        fail("okr['key_results']", "should be a list of dicts.")
    return [str.__str__(kr["metric"]) for kr in results if isinstance(kr, dict) and isinstance(kr.get("metric"), str)]


def guardrail_metric(okr: Any) -> str | None:
    """The OKR's guardrail metric, or None."""
    guardrail = okr.get("guardrail") if isinstance(okr, dict) else None
    metric = guardrail.get("metric") if isinstance(guardrail, dict) else None
    return str.__str__(metric) if isinstance(metric, str) else None


# ---------------------------------------------------------------- checkers
@quiet
def check_cost_key_result(okr: Any) -> None:
    """A key result on the weekly cost counts the slot-change credits as well as the redeliveries."""
    if "redelivery_cost_per_week_eur" in key_result_metrics(okr):
        fail("okr", "has a cost key result that counts the redeliveries but not the slot-change credits the MVP "
                    "pays: the reminders could lower it while Larder spends more.", "Use the net weekly cost.")
    if "net_delivery_cost_per_week_eur" not in key_result_metrics(okr):
        fail("okr", "has no key result on what missed deliveries cost Larder each week, credits included.")


@quiet
def check_key_result(okr: Any, metric: str, baseline: float, *, abs_tol: float = 0.0005) -> None:
    """The OKR has a key result on ``metric`` whose baseline is the measured value and whose target is lower."""
    matches = [kr for kr in entry(okr, "key_results", "okr") if isinstance(kr, dict) and kr.get("metric") == metric]
    if not matches:
        fail("okr", f"has no key result on {metric!r}, the outcome the interviews and the orders point to.")
    kr = matches[0]
    got = as_real(kr.get("baseline"), f"the baseline of the key result on {metric!r}")
    if not math.isclose(got, baseline, abs_tol=abs_tol):
        hint = "Write it as a fraction, not in percent." if math.isclose(got, 100 * baseline, abs_tol=0.05) else ""
        fail(f"the baseline of the key result on {metric!r}", "is not the rate measured in `orders`.", hint)
    target = as_real(kr.get("target"), f"the target of the key result on {metric!r}")
    if not 0 <= target < got:
        fail(f"the target of the key result on {metric!r}", "should be a lower rate than its baseline (and not "
                                                             "below zero): fewer missed deliveries is the point.")


@quiet
def check_section(value: Any, keys: Sequence[str], name: str) -> None:
    """A section of the brief: a dict with exactly these keys."""
    check_keys(value, list(keys), name)


@quiet
def check_option(value: Any, options: Sequence[str], name: str) -> None:
    """One of named options, as a string."""
    if not isinstance(value, str) or str.__str__(value) not in options:
        fail(name, f"should be one of {', '.join(repr(o) for o in options)}, as a string.")


@quiet
def check_names_in(value: Any, allowed: Iterable[str], name: str, *, at_least: int = 1,
                   listed_in: str = "METRICS") -> list[str]:
    """A list (or tuple) of at least ``at_least`` distinct names from ``allowed``; returns them as str.

    ``listed_in`` names the notebook's list that ``allowed`` stands for, in the message.
    """
    allowed = set(allowed)
    if not is_sequence(value):
        fail(name, f"should be a list of metric names, but it is a {type(value).__name__}.")
    if not all(isinstance(v, str) for v in value) or any(str.__str__(v) not in allowed for v in value):
        fail(name, f"should hold metric names exactly as in `{listed_in}`.")
    names = [str.__str__(v) for v in value]
    if len(set(names)) != len(names):
        fail(name, "names a metric more than once: list each once.")
    if len(names) < at_least:
        fail(name, f"should list at least {at_least} different metrics.")
    return names


@quiet
def check_rates(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """A Series of rates by group: same groups, values close to ``expected``."""
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series indexed by group, but it is a {type(value).__name__}.")
    got = {str(k): v for k, v in value.items()}
    want = {str(k): v for k, v in expected.items()}
    if set(got) != set(want) or len(got) != len(value):
        fail(name, "should have one value per group, indexed by the group's name.")
    try:
        off = [k for k in want if not math.isclose(float(got[k]), float(want[k]), rel_tol=1e-6, abs_tol=1e-9)]
    except (TypeError, ValueError):
        fail(name, "should hold numbers.")
    if off:
        fail(name, f"is off for {len(off)} of {len(want)} groups.", hint)


@quiet
def check_ship_weeks(value: Any, accepted: Iterable[int], coin_flips: Iterable[int], confidence: float,
                     name: str) -> None:
    """Whole weeks within which ``confidence`` of the throughput forecast's futures finish the work.

    ``accepted`` are the weeks a simulation at ``confidence`` may fairly give (the hidden checks read
    them off the exact forecast); ``coin_flips`` the plans the team misses about half the time (the
    average throughput's weeks, the median run's).
    """
    weeks = as_real(value, name)
    if weeks != round(weeks):
        fail(name, "should be a whole number of weeks: count the weeks of the runs, do not divide.")
    if int(weeks) in set(accepted):
        return
    if int(weeks) in set(coin_flips):
        fail(name, "is a plan the team misses about half the time (the average throughput, or the median run).",
             f"Take the number of weeks within which {confidence:.0%} of the simulated runs finish.")
    fail(name, f"is not the number of weeks within which {confidence:.0%} of the simulated runs finish:",
         "resample whole weeks of throughput with replacement, count the weeks each run needs, and take that share "
         "of runs, not the median.")


def same_text(value: Any, want: str | None) -> bool:
    """Whether ``value`` is the string ``want`` (numpy strings too)."""
    return want is not None and same_value(value, want)


__all__ = [
    "APPROACHES", "DECISION_BASES", "METRICS", "MITIGATIONS", "OUTPUT_METRICS", "PSI_ACTIONS", "RULES",
    "SECTIONS", "UNITS", "check_cost_key_result", "check_key_result",
    "check_names_in", "check_option", "check_rates", "check_section", "check_ship_weeks", "check_type", "entry",
    "guardrail_metric", "key_result_metrics", "own_flags", "same_text",
]
