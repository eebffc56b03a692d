"""Checkers for module 01 (product strategy): OKRs and build-or-buy decisions."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mlpm.checks.core import as_real, as_sequence, check_keys, check_type, is_sequence, quiet

# An output is work the team does; a key result measures what changes because of it.
OUTPUT_VERBS = (
    "launch", "ship", "release", "deploy", "build", "train", "implement", "deliver", "complete",
    "finish", "create", "develop", "publish", "roll", "go", "migrate", "integrate", "write", "design",
)
OUTPUT_PHRASES = (
    "launch", "launched", "deploy", "deployed", "deployment", "rollout", "roll out", "rolled out",
    "go live", "go-live", "model trained", "models trained",
)
# A metric of the model or the system is an output too: it says what the team built, not what changed.
MODEL_METRIC = re.compile(
    r"\b(auc|roc|accuracy|precision|recall|f1|rmse|log[- ]?loss|model|models|ml features?|in production|"
    r"scored|predictions?)\b")
OKR_KEYS = {"objective", "key_results", "guardrail"}
KEY_RESULT_KEYS = {"metric", "baseline", "target", "deadline"}
GUARDRAIL_KEYS = {"metric", "baseline", "limit"}

BUILD_OPTIONS = ("genai_api", "core_ml_team")
BUILD_REASONS = {
    "generic_language_task": "genai_api",
    "proprietary_data_edge": "core_ml_team",
    "scale_latency_cost": "core_ml_team",
    "high_stakes_needs_control": "core_ml_team",
}


def _output_word(text: str) -> str | None:
    """Return the output verb or phrase a metric is built on, if any.

    A metric that starts with an imperative ("launch the model", "deploy the API") or names
    a launch or deployment anywhere is an output; "on-time delivery rate" or "shipping cost
    per order" are not.
    """
    lowered = text.lower().strip()
    first_word = lowered.split()[0] if lowered else ""
    if first_word in OUTPUT_VERBS:
        return first_word
    for phrase in OUTPUT_PHRASES:
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return phrase
    model = MODEL_METRIC.search(lowered)
    return model.group(0) if model else None


def _check_keys(value: dict, required: set[str], where: str) -> None:
    missing = sorted(required - set(value))
    if missing:
        raise AssertionError(f"{where} has no {', '.join(repr(m) for m in missing)}.")
    unknown = sorted(set(value) - required)
    if unknown:
        raise AssertionError(
            f"{where} has keys we do not use: {', '.join(repr(u) for u in unknown)} "
            f"(the keys are {', '.join(sorted(required))})."
        )


def _parse_deadline(text: Any, where: str) -> dt.date:
    if type(text) is not str:
        raise AssertionError(f"{where}: the deadline should be a date string like '2027-03-31'.")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise AssertionError(
            f"{where}: the deadline {text!r} is not a date in the form YYYY-MM-DD."
        ) from None


@quiet
def check_okr(okr: Any, quarter_start: str = "2027-01-01", quarter_end: str = "2027-03-31") -> None:
    """Validate an OKR written as a dict.

    An OKR has a qualitative ``objective``, 2 to 5 ``key_results`` (each a dict with
    ``metric``, ``baseline``, ``target`` and ``deadline``) that measure outcomes rather
    than outputs, and a ``guardrail`` (``metric``, ``baseline``, ``limit``) that must not
    get worse while the team chases the key results.
    """
    check_type(okr, dict, "okr")
    _check_keys(okr, OKR_KEYS, "Your OKR")

    objective = okr["objective"]
    check_type(objective, str, "okr['objective']")
    if len(objective.split()) < 4:
        raise AssertionError("The objective is too short: say in a sentence what should change for whom.")
    if re.search(r"\d", objective):
        raise AssertionError(
            "The objective contains a number. Keep it qualitative and inspiring; "
            "the numbers belong in the key results."
        )

    key_results = okr["key_results"]
    if not is_sequence(key_results):
        raise AssertionError(
            f"`okr['key_results']` should be a list of dicts, but it is a {type(key_results).__name__}.")
    if not 2 <= len(key_results) <= 5:
        raise AssertionError(
            f"You have {len(key_results)} key results; write 2 to 5 so the team can focus."
        )
    outputs = [f"{number} ({_output_word(kr['metric'])!r})" for number, kr in enumerate(key_results, start=1)
               if isinstance(kr, dict) and isinstance(kr.get("metric"), str) and _output_word(kr["metric"])]
    if outputs:
        raise AssertionError(
            f"Key result {' and '.join(outputs)} measure{'s' if len(outputs) == 1 else ''} an output: the team's "
            "work or the model itself. A key result measures the change in customer or business behaviour that "
            "the work should cause.")
    start, end = dt.date.fromisoformat(quarter_start), dt.date.fromisoformat(quarter_end)
    metrics = []
    for number, kr in enumerate(key_results, start=1):
        where = f"Key result {number}"
        check_type(kr, dict, f"key result {number}")
        _check_keys(kr, KEY_RESULT_KEYS, where)
        metric = kr["metric"]
        check_type(metric, str, f"key result {number}'s metric")
        if len(metric.split()) < 2:
            raise AssertionError(
                f"{where}: name the metric in a few words, e.g. what is counted and over which window."
            )
        if kr["baseline"] is None:
            raise AssertionError(f"{where} has no baseline: say where the metric is today.")
        baseline = as_real(kr["baseline"], f"key result {number}'s baseline")
        target = as_real(kr["target"], f"key result {number}'s target")
        if target == baseline:
            raise AssertionError(f"{where}: the target equals the baseline, so nothing has to change.")
        deadline = _parse_deadline(kr["deadline"], where)
        if not start <= deadline <= end:
            raise AssertionError(
                f"{where}: the deadline {kr['deadline']} is outside the quarter "
                f"({quarter_start} to {quarter_end})."
            )
        metrics.append(metric.strip().lower())
    if len(set(metrics)) != len(metrics):
        raise AssertionError("Two key results use the same metric; each should measure something different.")

    guardrail = okr["guardrail"]
    check_type(guardrail, dict, "okr['guardrail']")
    _check_keys(guardrail, GUARDRAIL_KEYS, "The guardrail")
    check_type(guardrail["metric"], str, "the guardrail's metric")
    if guardrail["metric"].strip().lower() in metrics:
        raise AssertionError(
            "The guardrail repeats a key result's metric. A guardrail watches something "
            "else that must not get worse, such as margin or customer complaints."
        )
    as_real(guardrail["baseline"], "the guardrail's baseline")
    as_real(guardrail["limit"], "the guardrail's limit")


def find_key_result(okr: dict, *words: str) -> dict:
    """Return the first key result whose metric mentions any of ``words``, or fail."""
    for kr in okr["key_results"]:
        if any(word in kr["metric"].lower() for word in words):
            return kr
    raise AssertionError(
        f"None of your key results is about {' or '.join(words)}; the question asks for one."
    )


@quiet
def check_build_decisions(decisions: Any, use_cases: dict[str, str]) -> None:
    """Validate the shape of GenAI-API vs core-ML-team decisions, one per use case."""
    check_keys(decisions, list(use_cases), "decisions")
    for case, decision in decisions.items():
        if not is_sequence(decision) or len(decision) != 2:
            raise AssertionError(f"decisions[{case!r}] should be a pair: (option, reason).")
        option, reason = decision
        if not isinstance(option, str) or str.__str__(option) not in BUILD_OPTIONS:
            raise AssertionError(f"decisions[{case!r}]: the option should be one of {BUILD_OPTIONS}.")
        if not isinstance(reason, str) or str.__str__(reason) not in BUILD_REASONS:
            raise AssertionError(
                f"decisions[{case!r}]: the reason should be one of {tuple(BUILD_REASONS)}."
            )
        if BUILD_REASONS[str.__str__(reason)] != str.__str__(option):
            raise AssertionError(
                f"decisions[{case!r}]: the reason {reason!r} argues for "
                f"{BUILD_REASONS[reason]!r}, not for {option!r}."
            )


@quiet
def check_build_key(decisions: dict, key: dict[str, tuple[str, set[str]]]) -> None:
    """Compare decisions with an answer key of (option, acceptable reasons) per use case."""
    wrong_option = [case for case, (option, _) in key.items() if str.__str__(decisions[case][0]) != option]
    if wrong_option:
        cases = " and ".join(repr(case) for case in key)
        raise AssertionError(
            f"Of {cases}, {len(wrong_option)} pick{'s' if len(wrong_option) == 1 else ''} a different option "
            "than ours. "
            "For each use case ask: is this a generic language task a foundation model already "
            "does well, or does the value come from Larder's own data, scale or control?"
        )
    wrong_reason = [case for case, (_, reasons) in key.items() if str.__str__(decisions[case][1]) not in reasons]
    if wrong_reason:
        raise AssertionError(
            f"Your options for {' and '.join(repr(case) for case in key)} are right, but {len(wrong_reason)} "
            "reason(s) are not the main one. "
            "Re-read what makes each use case hard."
        )


PRIVACY_SAFEGUARDS = {"redact_personal_data", "processing_agreement"}
OUTPUT_SAFEGUARDS = {"human_review", "evaluation_set"}


@quiet
def check_safeguards(safeguards: Any, decisions: Any, options: dict[str, str]) -> None:
    """Shape of the safeguards: one entry per use case the learner sends to a GenAI API, each a list of options."""
    check_type(safeguards, dict, "safeguards")
    chosen = sorted(case for case, pick in decisions.items()
                    if is_sequence(pick) and len(pick) and pick[0] == "genai_api")
    if sorted(safeguards) != chosen:
        raise AssertionError("`safeguards` should have one entry for each use case your `decisions` send to "
                             "`genai_api`, and no others.")
    for case, picked in safeguards.items():
        if not (is_sequence(picked) or isinstance(picked, (set, frozenset))) or not len(picked):
            raise AssertionError(f"`safeguards[{case!r}]` should be a non-empty list of keys of SAFEGUARDS.")
        unknown = [p for p in picked if not isinstance(p, str) or str.__str__(p) not in options]
        if unknown:
            raise AssertionError(f"`safeguards[{case!r}]` has entries that are not keys of SAFEGUARDS.")


@quiet
def check_outputs_tested(safeguards: dict) -> None:
    """Every GenAI use case has a way to catch a wrong output (human review or an evaluation set)."""
    no_test = [case for case, picked in safeguards.items() if not OUTPUT_SAFEGUARDS & {str(p) for p in picked}]
    if no_test:
        raise AssertionError(
            f"{len(no_test)} GenAI use case(s) have no way to catch a wrong output. A fluent model can be "
            "wrong: how will you know before customers do?")


@quiet
def check_personal_data_protected(safeguards: dict, personal_data: set[str]) -> None:
    """Every GenAI use case whose input holds personal data has a privacy safeguard."""
    exposed = [case for case, picked in safeguards.items()
               if case in personal_data and not PRIVACY_SAFEGUARDS & {str(p) for p in picked}]
    if exposed:
        raise AssertionError(
            f"{len(exposed)} use case(s) send customers' personal data to a third party without a privacy "
            "safeguard. Which of the texts hold names, addresses or orders?")


@quiet
def check_release(plan: Any, backlog: Any, capacity_weeks: float, best_value: float) -> None:
    """Check a release plan: known items, once each, within capacity, and as valuable as the best.

    ``best_value`` is the largest total value (reach x impact x confidence) any plan within
    the capacity reaches; the test cell computes it.
    """
    plan = as_sequence(plan, "your plan", what="list of item ids")
    known = set(backlog["item_id"])
    unknown = [item for item in plan if not isinstance(item, str) or str.__str__(item) not in known]
    if unknown:
        raise AssertionError(f"Your plan has entries that are not item ids of the backlog: {unknown[:3]}.")
    plan = [str.__str__(item) for item in plan]
    if len(set(plan)) != len(plan):
        raise AssertionError("Your plan lists an item twice; each item ships once.")
    chosen = backlog[backlog["item_id"].isin(plan)]
    effort = float(chosen["effort_weeks"].sum())
    if effort > capacity_weeks:
        raise AssertionError(
            f"Your plan needs {effort:g} person-weeks but only {capacity_weeks:g} are available."
        )
    value = float((chosen["reach"] * chosen["impact"] * chosen["confidence"]).sum())
    if value < best_value * (1 - 1e-9):
        if set(plan) in _greedy_plans(backlog, capacity_weeks):
            raise AssertionError(
                "Another set of items fits the same capacity and delivers more value. Taking items "
                "in RICE order until the time runs out is not always best: compare whole sets."
            )
        raise AssertionError(
            "Another set of items fits the same capacity and delivers more value. Check how your "
            "search compares plans: by total value (reach × impact × confidence), over every set that fits."
        )


def _greedy_plans(backlog: Any, capacity_weeks: float) -> list[set[str]]:
    """The plans that taking items in RICE order gives: stopping at the first misfit, or skipping it."""
    rice = backlog["reach"] * backlog["impact"] * backlog["confidence"] / backlog["effort_weeks"]
    ordered = backlog.assign(_rice=rice).sort_values("_rice", ascending=False)
    plans = []
    for skip_misfits in (False, True):
        plan, used = set(), 0.0
        for row in ordered.itertuples(index=False):
            if used + row.effort_weeks <= capacity_weeks:
                plan.add(row.item_id)
                used += row.effort_weeks
            elif not skip_misfits:
                break
        plans.append(plan)
    return plans
