"""Checkers for module 01 (product strategy): OKRs and build-or-buy decisions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from mlpm.checks.core import as_real, as_sequence, check_keys, fail, is_sequence, quiet

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
# An objective that names what the team will build or launch is the solution, not the change it should cause.
SOLUTION_VERBS = ("launch", "deploy", "implement", "roll out", "go live")
SOLUTION_NOUNS = re.compile(
    r"\b(machine learning|ml|ai|a\.i|artificial intelligence|gen ?ai|llms?|chat ?bots?|models?|algorithms?|"
    r"recommenders?|recommendation (?:engine|system)s?|engines?|classifiers?|predictors?|predictions?|predictive|"
    r"propensity|(?:churn|risk) scores?|scoring|dashboards?|apis?|neural networks?|data science)\b")
# "model" in these phrases is how the business works, not something the team builds.
NOT_SOLUTIONS = re.compile(r"\b(business|subscription|pricing|operating|delivery|role) models?\b")
OKR_KEYS = ("objective", "key_results", "guardrail")
KEY_RESULT_KEYS = ("metric", "baseline", "target", "deadline")
GUARDRAIL_KEYS = ("metric", "baseline", "limit")

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
    lowered = text.lower().replace("_", " ").strip()
    first_word = lowered.split()[0] if lowered else ""
    if first_word in OUTPUT_VERBS:
        return first_word
    for phrase in OUTPUT_PHRASES:
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return phrase
    model = MODEL_METRIC.search(lowered)
    return model.group(0) if model else None


def _check_keys(value: Any, required: tuple[str, ...], name: str) -> None:
    if not isinstance(value, dict):
        fail(name, f"should be a dict, but it is a {type(value).__name__}.")
    missing = [key for key in required if key not in value]
    if missing:
        fail(name, f"has no {', '.join(repr(m) for m in missing)}.")
    unknown = [key for key in value if key not in required]
    if unknown:
        fail(name, f"has keys we do not use: {', '.join(repr(u) for u in unknown)} (the keys are "
                   f"{', '.join(required)}).")


def _parse_deadline(text: Any, name: str) -> dt.date:
    if not isinstance(text, str):
        fail(name, "should be a date string like '2027-03-31'.")
    try:
        return dt.date.fromisoformat(str.__str__(text))
    except ValueError:
        fail(name, f"is {text!r}, which is not a date in the form YYYY-MM-DD.")


def _metric_name(value: Any, name: str, metrics: Collection[str] | None) -> str:
    """The metric's name as a plain str: any name in words, or, with ``metrics``, one of those names."""
    where = "`METRICS`" if metrics is not None else ""
    if not isinstance(value, str) or not re.search(r"[A-Za-z]", value):
        fail(name, f"should name the metric in words (a str{', from ' + where if where else ''}).")
    metric = str.__str__(value).strip()
    if metrics is not None and metric not in metrics:
        fail(name, f"is {metric!r}, which is not in `METRICS`: name every key result's and the guardrail's metric "
                   "exactly as there, so the other sections of the brief can refer to them.")
    return metric


def _solution_word(text: str) -> str | None:
    """Return the word by which an objective names a solution (a model, an ML system, a launch), if any."""
    lowered = NOT_SOLUTIONS.sub(" ", text.lower().replace("_", " ").replace("-", " ")).strip()
    verb = next((verb for verb in SOLUTION_VERBS if re.match(rf"{verb}\b", lowered)), None)
    noun = SOLUTION_NOUNS.search(lowered)
    return verb or (noun.group(0) if noun else None)


@quiet
def check_objective(okr: Any) -> None:
    """Validate an OKR's ``objective``: a qualitative sentence about an outcome, not the solution.

    The objective says what should change, for whom: no numbers (they belong in the key results),
    and no solution or output ("launch the churn model", "use machine learning to..."): a model
    is one way to reach the objective, which the key results then test.
    """
    _check_keys(okr, OKR_KEYS, "okr")
    objective = okr["objective"]
    if not isinstance(objective, str):
        fail("okr['objective']", f"should be a str, but it is a {type(objective).__name__}.")
    objective = str.__str__(objective)
    if len(objective.split()) < 4:
        fail("okr['objective']", "is too short: it should be a sentence that says what should change for whom.")
    if re.search(r"\d", objective):
        fail("okr['objective']", "contains a number. Keep it qualitative and inspiring; the numbers belong in the "
                                 "key results.")
    solution = _solution_word(objective)
    if solution:
        fail("okr['objective']", f"names a solution ({solution!r}): what the team would build or launch. An "
                                 "objective says what should change for customers or the business; a model or a "
                                 "launch is only one way to get there, and the key results test whether it works.")


@quiet
def check_key_results(
    okr: Any, quarter_start: str = "2027-01-01", quarter_end: str = "2027-03-31", *,
    metrics: Collection[str] | None = None, outputs: Collection[str] = (),
) -> None:
    """Validate an OKR's ``key_results`` and ``guardrail``.

    2 to 5 key results (each a dict with ``metric``, ``baseline``, ``target`` and ``deadline``) that
    measure outcomes rather than outputs, with deadlines inside the quarter, and a ``guardrail``
    (``metric``, ``baseline``, ``limit``) on another metric, which must not get worse while the
    team chases the key results.

    Parameters
    ----------
    okr : Any
        The learner's OKR.
    quarter_start, quarter_end : str
        The quarter, as ISO dates: every deadline falls inside it.
    metrics : collection of str, optional
        The names every metric must be spelled as (the capstone's ``METRICS``). Without it, any name
        in words is a metric ("4-week churn rate", "churn_rate", "NPS").
    outputs : collection of str
        Metric names that measure the team's work or the model (the capstone's ``OUTPUT_METRICS``),
        refused as key results on top of the output words every OKR is checked for.
    """
    _check_keys(okr, OKR_KEYS, "okr")
    key_results = okr["key_results"]
    if not is_sequence(key_results):
        fail("okr['key_results']", f"should be a list of dicts, but it is a {type(key_results).__name__}.")
    if not 2 <= len(key_results) <= 5:
        fail("okr['key_results']", f"has {len(key_results)} key results; write 2 to 5 so the team can focus.")
    start, end = dt.date.fromisoformat(quarter_start), dt.date.fromisoformat(quarter_end)
    names = []
    for number, kr in enumerate(key_results):
        where = f"okr['key_results'][{number}]"
        _check_keys(kr, KEY_RESULT_KEYS, where)
        metric = _metric_name(kr["metric"], f"{where}['metric']", metrics)
        output = metric if metric in outputs else _output_word(metric)
        if output:
            fail(where, f"({output!r}) measures an output: the team's work or the model itself. A key result "
                        "measures the change in customer or business behaviour that the work should cause.")
        if kr["baseline"] is None:
            fail(where, "has no baseline: say where the metric is today.")
        baseline = as_real(kr["baseline"], f"{where}['baseline']")
        if as_real(kr["target"], f"{where}['target']") == baseline:
            fail(where, "has a target that equals the baseline, so nothing has to change.")
        if not start <= _parse_deadline(kr["deadline"], f"{where}['deadline']") <= end:
            fail(f"{where}['deadline']", f"is {kr['deadline']}, outside the quarter ({quarter_start} to "
                                         f"{quarter_end}).")
        names.append(metric.lower())
    if len(set(names)) != len(names):
        fail("okr['key_results']", "uses the same metric twice; each key result should measure something different.")

    guardrail = okr["guardrail"]
    _check_keys(guardrail, GUARDRAIL_KEYS, "okr['guardrail']")
    if _metric_name(guardrail["metric"], "okr['guardrail']['metric']", metrics).lower() in names:
        fail("okr['guardrail']", "repeats a key result's metric. A guardrail watches something else that must not "
                                 "get worse, such as margin or customer complaints.")
    as_real(guardrail["baseline"], "okr['guardrail']['baseline']")
    as_real(guardrail["limit"], "okr['guardrail']['limit']")


@quiet
def check_okr(
    okr: Any, quarter_start: str = "2027-01-01", quarter_end: str = "2027-03-31", *,
    metrics: Collection[str] | None = None, outputs: Collection[str] = (),
) -> None:
    """Validate an OKR written as a dict (module 01's, and the capstone brief's).

    A qualitative ``objective`` about an outcome (`check_objective`), then key results that measure
    outcomes and a guardrail (`check_key_results`, which takes the other parameters).
    """
    check_objective(okr)
    check_key_results(okr, quarter_start, quarter_end, metrics=metrics, outputs=outputs)


def find_key_result(okr: dict, *words: str) -> dict:
    """Return the key result whose metric mentions any of ``words``, or fail.

    An outcome is preferred to an output ("churn model AUC" mentions churn too): the first match that
    is not an output, else the first match.
    """
    matches = [kr for kr in okr["key_results"]
               if isinstance(kr, dict) and isinstance(kr.get("metric"), str)
               and any(word in kr["metric"].lower() for word in words)]
    if not matches:
        fail("okr['key_results']", f"has no key result about {' or '.join(words)}; the question asks for one.")
    return next((kr for kr in matches if not _output_word(kr["metric"])), matches[0])


@quiet
def check_build_decisions(decisions: Any, use_cases: dict[str, str]) -> None:
    """Validate the shape of GenAI-API vs core-ML-team decisions, one per use case."""
    check_keys(decisions, list(use_cases), "decisions")
    for case, decision in decisions.items():
        name = f"decisions[{case!r}]"
        if not is_sequence(decision) or len(decision) != 2:
            fail(name, "should be a pair: (option, reason).")
        option, reason = decision
        if not isinstance(option, str) or str.__str__(option) not in BUILD_OPTIONS:
            fail(name, f"should have an option from {BUILD_OPTIONS} first.")
        if not isinstance(reason, str) or str.__str__(reason) not in BUILD_REASONS:
            fail(name, f"should have a reason from {tuple(BUILD_REASONS)} second.")
        if BUILD_REASONS[str.__str__(reason)] != str.__str__(option):
            fail(name, f"gives the reason {reason!r}, which argues for {BUILD_REASONS[str.__str__(reason)]!r}, "
                       f"not for {option!r}.")


@quiet
def check_build_key(decisions: dict, key: dict[str, tuple[str, set[str]]]) -> None:
    """Compare decisions with an answer key of (option, acceptable reasons) per use case."""
    cases = " and ".join(repr(case) for case in key)
    wrong_option = [case for case, (option, _) in key.items() if str.__str__(decisions[case][0]) != option]
    if wrong_option:
        fail("decisions", f"picks a different option than ours for {len(wrong_option)} of {cases}.",
             "For each use case ask: is this a generic language task a foundation model already does well, or "
             "does the value come from Larder's own data, scale or control?")
    wrong_reason = [case for case, (_, reasons) in key.items() if str.__str__(decisions[case][1]) not in reasons]
    if wrong_reason:
        fail("decisions", f"has the right options for {cases}, but {len(wrong_reason)} reason(s) are not the "
                          "main one.", "Re-read what makes each use case hard.")


PRIVACY_SAFEGUARDS = {"redact_personal_data", "processing_agreement"}
OUTPUT_SAFEGUARDS = {"human_review", "evaluation_set"}


@quiet
def check_safeguards(safeguards: Any, decisions: Any, options: dict[str, str]) -> None:
    """Shape of the safeguards: one entry per use case the learner sends to a GenAI API, each a list of options."""
    if not isinstance(safeguards, dict):
        fail("safeguards", f"should be a dict, but it is a {type(safeguards).__name__}.")
    chosen = sorted(case for case, pick in decisions.items()
                    if is_sequence(pick) and len(pick) and pick[0] == "genai_api")
    if sorted(safeguards) != chosen:
        fail("safeguards", "should have one entry for each use case your `decisions` send to `genai_api`, and no "
                           "others.")
    for case, picked in safeguards.items():
        if not (is_sequence(picked) or isinstance(picked, (set, frozenset))) or not len(picked):
            fail(f"safeguards[{case!r}]", "should be a non-empty list of keys of SAFEGUARDS.")
        unknown = [p for p in picked if not isinstance(p, str) or str.__str__(p) not in options]
        if unknown:
            fail(f"safeguards[{case!r}]", "has entries that are not keys of SAFEGUARDS.")


@quiet
def check_outputs_tested(safeguards: dict) -> None:
    """Every GenAI use case has a way to catch a wrong output (human review or an evaluation set)."""
    no_test = [case for case, picked in safeguards.items() if not OUTPUT_SAFEGUARDS & {str(p) for p in picked}]
    if no_test:
        fail("safeguards", f"leaves {len(no_test)} GenAI use case(s) with no way to catch a wrong output.",
             "A fluent model can be wrong: how will you know before customers do?")


@quiet
def check_personal_data_protected(safeguards: dict, personal_data: set[str]) -> None:
    """Every GenAI use case whose input holds personal data has a privacy safeguard."""
    exposed = [case for case, picked in safeguards.items()
               if case in personal_data and not PRIVACY_SAFEGUARDS & {str(p) for p in picked}]
    if exposed:
        fail("safeguards", f"lets {len(exposed)} use case(s) send customers' personal data to a third party "
                           "without a privacy safeguard.", "Which of the texts hold names, addresses or orders?")


@quiet
def check_release(
    plan: Any, backlog: Any, capacity_weeks: float, best_value: float, name: str = "release_plan",
) -> None:
    """Check a release plan: known items, once each, within capacity, and as valuable as the best.

    ``best_value`` is the largest total value (reach x impact x confidence) any plan within
    the capacity reaches; the test cell computes it. ``name`` is the answer as the learner wrote it.
    """
    plan = as_sequence(plan, name, what="list of item ids")
    known = set(backlog["item_id"])
    unknown = [item for item in plan if not isinstance(item, str) or str.__str__(item) not in known]
    if unknown:
        fail(name, f"has entries that are not item ids of the backlog: {unknown[:3]}.")
    plan = [str.__str__(item) for item in plan]
    if len(set(plan)) != len(plan):
        fail(name, "lists an item twice; each item ships once.")
    chosen = backlog[backlog["item_id"].isin(plan)]
    effort = float(chosen["effort_weeks"].sum())
    if effort > capacity_weeks:
        fail(name, f"needs {effort:g} person-weeks but only {capacity_weeks:g} are available.")
    value = float((chosen["reach"] * chosen["impact"] * chosen["confidence"]).sum())
    if value < best_value * (1 - 1e-9):
        if set(plan) in _greedy_plans(backlog, capacity_weeks):
            fail(name, "is not the most valuable plan: another set of items fits the same capacity and delivers "
                       "more value.", "Taking items in RICE order until the time runs out is not always best: "
                                      "compare whole sets.")
        fail(name, "is not the most valuable plan: another set of items fits the same capacity and delivers more "
                   "value.", "Check how your search compares plans: by total value (reach × impact × confidence), "
                             "over every set that fits.")


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
