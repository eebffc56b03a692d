"""Checkers for the capstone (an ML product brief on missed deliveries).

The reference computations the hidden checks compare with live in the course source,
``grading/references/capstone.py`` (``reference("capstone")``), not in this package.
"""

from __future__ import annotations

import datetime as dt
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
FOUR_FIFTHS = 0.8


def _fail(message: str) -> None:
    raise AssertionError(message)


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
        _fail(f"`{name}` should be a dict, but it is a {type(section).__name__}.")
    if key not in section:
        _fail(f"`{name}` has no {key!r} entry.")
    return section[key]


def key_result_metrics(okr: Any) -> list[str]:
    """The metric names of an OKR's key results (those that are strings)."""
    results = entry(okr, "key_results", "okr")
    if not is_sequence(results):
        _fail("`okr['key_results']` should be a list of dicts.")
    return [str.__str__(kr["metric"]) for kr in results if isinstance(kr, dict) and isinstance(kr.get("metric"), str)]


def guardrail_metric(okr: Any) -> str | None:
    """The OKR's guardrail metric, or None."""
    guardrail = okr.get("guardrail") if isinstance(okr, dict) else None
    metric = guardrail.get("metric") if isinstance(guardrail, dict) else None
    return str.__str__(metric) if isinstance(metric, str) else None


# ---------------------------------------------------------------- checkers
def _exact_keys(value: Any, keys: Sequence[str], where: str) -> None:
    if not isinstance(value, dict):
        _fail(f"{where} should be a dict, but it is a {type(value).__name__}.")
    missing = [k for k in keys if k not in value]
    if missing:
        _fail(f"{where} has no {', '.join(repr(k) for k in missing)}.")
    extra = [k for k in value if k not in keys]
    if extra:
        _fail(f"{where} has keys we do not use: {', '.join(repr(k) for k in extra)} (the keys are "
              f"{', '.join(keys)}).")


def _day(text: Any, where: str) -> dt.date:
    if not isinstance(text, str):
        _fail(f"{where}: the deadline should be a date string like '2027-06-30'.")
    try:
        return dt.date.fromisoformat(str.__str__(text))
    except ValueError:
        _fail(f"{where}: the deadline {text!r} is not a date in the form YYYY-MM-DD.")


@quiet
def check_brief_okr(okr: Any, quarter_start: str, quarter_end: str) -> None:
    """Module 01's OKR shape, with metrics named by their ``METRICS`` names (snake_case, one word).

    An objective (a qualitative sentence, no digits), 2 to 5 key results (``metric``, ``baseline``,
    ``target``, ``deadline`` inside the quarter; different metrics; target not the baseline) and a
    guardrail (``metric``, ``baseline``, ``limit``) on a metric that is not a key result.
    """
    _exact_keys(okr, ("objective", "key_results", "guardrail"), "Your OKR")
    objective = okr["objective"]
    if not isinstance(objective, str) or len(objective.split()) < 4:
        _fail("The objective should be a sentence (a str) that says what should change for whom.")
    if any(ch.isdigit() for ch in objective):
        _fail("The objective contains a number. Keep it qualitative; the numbers belong in the key results.")
    results = okr["key_results"]
    if not is_sequence(results) or not 2 <= len(results) <= 5:
        _fail("`okr['key_results']` should be a list of 2 to 5 key results, so the team can focus.")
    start, end = dt.date.fromisoformat(quarter_start), dt.date.fromisoformat(quarter_end)
    metrics = []
    for number, kr in enumerate(results, start=1):
        where = f"Key result {number}"
        _exact_keys(kr, ("metric", "baseline", "target", "deadline"), where)
        if not isinstance(kr["metric"], str):
            _fail(f"{where}: the metric should be a name (a str) from `METRICS`.")
        baseline = as_real(kr["baseline"], f"key result {number}'s baseline")
        if as_real(kr["target"], f"key result {number}'s target") == baseline:
            _fail(f"{where}: the target equals the baseline, so nothing has to change.")
        if not start <= _day(kr["deadline"], where) <= end:
            _fail(f"{where}: the deadline {kr['deadline']} is outside the quarter ({quarter_start} to {quarter_end}).")
        metrics.append(str.__str__(kr["metric"]))
    if len(set(metrics)) != len(metrics):
        _fail("Two key results use the same metric; each should measure something different.")
    guardrail = okr["guardrail"]
    _exact_keys(guardrail, ("metric", "baseline", "limit"), "The guardrail")
    if not isinstance(guardrail["metric"], str):
        _fail("The guardrail's metric should be a name (a str) from `METRICS`.")
    if str.__str__(guardrail["metric"]) in metrics:
        _fail("The guardrail repeats a key result's metric. A guardrail watches something else that must not get "
              "worse.")
    as_real(guardrail["baseline"], "the guardrail's baseline")
    as_real(guardrail["limit"], "the guardrail's limit")


@quiet
def check_metric_names(okr: Any, known: Iterable[str]) -> None:
    """Every key result and the guardrail name a metric from the list; no key result is an output."""
    known = set(known)
    metrics = key_result_metrics(okr)
    unknown = [m for m in metrics if m not in known]
    guardrail = guardrail_metric(okr)
    if unknown or guardrail not in known:
        _fail("Name every key result's and the guardrail's metric exactly as in `METRICS`, so the other "
              "sections of the brief can refer to them.")
    outputs = [m for m in metrics if m in OUTPUT_METRICS]
    if outputs:
        _fail(f"The key result on {outputs[0]!r} measures the team's work or the model, not what changes for "
              "customers or Larder. Key results measure outcomes.")


@quiet
def check_cost_key_result(okr: Any) -> None:
    """A key result on the weekly cost counts the slot-change credits as well as the redeliveries."""
    if "redelivery_cost_per_week_eur" in key_result_metrics(okr):
        _fail("Your cost key result counts the redeliveries but not the slot-change credits the MVP pays: the "
              "reminders could lower it while Larder spends more. Use the net weekly cost.")
    if "net_delivery_cost_per_week_eur" not in key_result_metrics(okr):
        _fail("Your OKR has no key result on what missed deliveries cost Larder each week, credits included.")


@quiet
def check_key_result(okr: Any, metric: str, baseline: float, *, abs_tol: float = 0.0005) -> None:
    """The OKR has a key result on ``metric`` whose baseline is the measured value and whose target is lower."""
    matches = [kr for kr in entry(okr, "key_results", "okr") if isinstance(kr, dict) and kr.get("metric") == metric]
    if not matches:
        _fail(f"Your OKR has no key result on {metric!r}, the outcome the interviews and the orders point to.")
    kr = matches[0]
    got = as_real(kr.get("baseline"), f"the baseline of the key result on {metric!r}")
    if not math.isclose(got, baseline, abs_tol=abs_tol):
        hint = " Write it as a fraction, not in percent." if math.isclose(got, 100 * baseline, abs_tol=0.05) else ""
        _fail(f"The baseline of the key result on {metric!r} is not the rate measured in `orders`." + hint)
    target = as_real(kr.get("target"), f"the target of the key result on {metric!r}")
    if not 0 <= target < got:
        _fail(f"The target of the key result on {metric!r} should be a lower rate than its baseline "
              "(and not below zero): fewer missed deliveries is the point.")


@quiet
def check_section(value: Any, keys: Sequence[str], name: str) -> None:
    """A section of the brief: a dict with exactly these keys."""
    check_keys(value, list(keys), name)


@quiet
def check_option(value: Any, options: Sequence[str], name: str) -> None:
    """One of named options, as a string."""
    if not isinstance(value, str) or str.__str__(value) not in options:
        _fail(f"`{name}` should be one of {', '.join(repr(o) for o in options)}, as a string.")


@quiet
def check_names_in(value: Any, allowed: Iterable[str], name: str, *, at_least: int = 1,
                   listed_in: str = "METRICS") -> list[str]:
    """A list (or tuple) of at least ``at_least`` distinct names from ``allowed``; returns them as str.

    ``listed_in`` names the notebook's list that ``allowed`` stands for, in the message.
    """
    allowed = set(allowed)
    if not is_sequence(value):
        _fail(f"`{name}` should be a list of metric names, but it is a {type(value).__name__}.")
    if not all(isinstance(v, str) for v in value) or any(str.__str__(v) not in allowed for v in value):
        _fail(f"`{name}` should hold metric names exactly as in `{listed_in}`.")
    names = [str.__str__(v) for v in value]
    if len(set(names)) != len(names):
        _fail(f"`{name}` names a metric more than once: list each once.")
    if len(names) < at_least:
        _fail(f"`{name}` should list at least {at_least} different metrics.")
    return names


@quiet
def check_rates(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """A Series of rates by group: same groups, values close to ``expected``."""
    if not isinstance(value, pd.Series):
        _fail(f"`{name}` should be a pandas Series indexed by group, but it is a {type(value).__name__}.")
    got = {str(k): v for k, v in value.items()}
    want = {str(k): v for k, v in expected.items()}
    if set(got) != set(want) or len(got) != len(value):
        _fail(f"`{name}` should have one value per group, indexed by the group's name.")
    try:
        off = [k for k in want if not math.isclose(float(got[k]), float(want[k]), rel_tol=1e-6, abs_tol=1e-9)]
    except (TypeError, ValueError):
        _fail(f"`{name}` should hold numbers.")
    if off:
        _fail(f"`{name}` is off for {len(off)} of {len(want)} groups.{(' ' + hint) if hint else ''}")


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
        fail(name, "is a plan the team misses about half the time (the average throughput, or the median "
                   f"run). Take the number of weeks within which {confidence:.0%} of the simulated runs finish.")
    fail(name, f"is not the number of weeks within which {confidence:.0%} of the simulated runs finish: "
               "resample whole weeks of throughput with replacement, count the weeks each run needs, and take "
               "that share of runs, not the median.")


def same_text(value: Any, want: str | None) -> bool:
    """Whether ``value`` is the string ``want`` (numpy strings too)."""
    return want is not None and same_value(value, want)


__all__ = [
    "APPROACHES", "DECISION_BASES", "FOUR_FIFTHS", "METRICS", "MITIGATIONS", "OUTPUT_METRICS", "PSI_ACTIONS", "RULES",
    "SECTIONS", "UNITS", "check_brief_okr", "check_cost_key_result", "check_key_result", "check_metric_names",
    "check_names_in", "check_option", "check_rates", "check_section", "check_ship_weeks", "check_type", "entry",
    "guardrail_metric", "key_result_metrics", "own_flags", "same_text",
]
