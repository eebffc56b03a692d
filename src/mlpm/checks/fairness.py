"""Checkers for module 07, responsible AI: who gets the offer?

They compare a learner's answers with what the hidden tests pass in (the reference computations
live in ``grading/references/fairness.py``, outside this package) and write the messages. The
judgement checkers read a call as a dict: a decision, the evidence it rests on and the condition
that would reverse it, each chosen from a menu the prompt gives.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import accepts_also, as_real, as_sequence, check_keys, check_type, fail, quiet

MODEL_CARD_SECTIONS = (
    "model_details", "intended_use", "factors", "metrics", "evaluation_data", "training_data",
    "quantitative_analyses", "ethical_considerations", "caveats_and_recommendations",
)
PER_GROUP_FIGURES = ("selection_rate", "tpr", "fpr")


# ---- checkers ----

@quiet
@accepts_also
def check_error_table(value: Any, expected: pd.DataFrame, name: str, *, hint: str = "") -> None:
    """A DataFrame indexed by group with columns ``tpr`` and ``fpr``, close to ``expected``; says which is off."""
    if not isinstance(value, pd.DataFrame):
        fail(name, f"should be a pandas DataFrame, but it is a {type(value).__name__}.")
    missing = [c for c in expected.columns if c not in value.columns]
    if missing:
        fail(name, f"has no column {', '.join(repr(c) for c in missing)}.")
    if set(map(str, value.index)) != set(map(str, expected.index)) or value.index.has_duplicates:
        fail(name, "should have one row per group, indexed by the group's name.")
    got = value.copy()
    got.index = got.index.map(str)
    for column in expected.columns:
        try:
            numbers = np.asarray(got.loc[[str(g) for g in expected.index], column], dtype=float)
        except (TypeError, ValueError):
            fail(f"{name}['{column}']", "should hold numbers.")
        if not np.allclose(numbers, expected[column].to_numpy(dtype=float), rtol=1e-6, atol=1e-9):
            fail(f"{name}['{column}']", "is not right yet.", hint)


@quiet
def check_policy_result(value: Any, name: str) -> dict[str, float]:
    """A dict with the numbers ``expected_value`` and ``dp_ratio``; returns them as floats."""
    check_type(value, dict, name)
    for key in ("expected_value", "dp_ratio"):
        if key not in value:
            fail(name, f"has no entry for '{key}'.")
    return {key: as_real(value[key], f"{name}['{key}']") for key in ("expected_value", "dp_ratio")}


@quiet
def check_chosen_policy(value: Any, name: str, groups: Sequence[str], grid: Sequence[float]) -> None:
    """A chosen policy: a dict with ``thresholds`` (one per key of ``groups``, from the grid), ``expected_value``
    and ``dp_ratio``."""
    check_policy_result(value, name)
    if "thresholds" not in value or not isinstance(value["thresholds"], dict):
        fail(f"{name}['thresholds']", "should be a dict {group: threshold}.")
    check_keys(value["thresholds"], list(groups), f"{name}['thresholds']")
    for group in groups:
        threshold = as_real(value["thresholds"][group], f"{name}['thresholds'][{group!r}]")
        if not any(math.isclose(threshold, t, abs_tol=1e-9) for t in grid):
            fail(f"{name}['thresholds'][{group!r}]", "is not one of the thresholds in `THRESHOLDS`.")


@quiet
def check_model_card_shape(card: Any, name: str) -> None:
    """The nine sections of Mitchell et al. (2019), none of them empty."""
    check_type(card, dict, name)
    check_keys(card, list(MODEL_CARD_SECTIONS), name)
    empty = [key for key in MODEL_CARD_SECTIONS if card[key] in (None, "", [], {}, ())]
    if empty:
        fail(name, f"has empty sections: {', '.join(repr(k) for k in empty)}. Each section says something.")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if isinstance(item, str)]
    return []


@quiet
def check_model_card_uses(card: Any, name: str) -> None:
    """``intended_use`` names primary uses and out-of-scope uses, each a non-empty list of uses named in words."""
    check_type(card, dict, name)
    uses = card.get("intended_use")
    if not isinstance(uses, dict):
        fail(f"{name}['intended_use']", "should be a dict with 'primary_uses' and 'out_of_scope'.")
    for key in ("primary_uses", "out_of_scope"):
        items = uses.get(key)
        if not isinstance(items, (list, tuple)) or not items or not all(
                isinstance(i, str) and i.strip() for i in items):
            fail(f"{name}['intended_use']['{key}']", "should be a non-empty list of uses, each named in words "
                  "(a string).")


@quiet
def check_model_card_factors(card: Any, protected: str, name: str) -> None:
    """``factors`` names the protected attribute the card is evaluated across."""
    check_type(card, dict, name)
    factors = card.get("factors")
    text = " ".join(_strings(factors) or _strings(list(factors.values()) if isinstance(factors, dict) else []))
    keys = " ".join(map(str, factors)) if isinstance(factors, dict) else ""
    if protected not in text and protected not in keys:
        fail(f"{name}['factors']", "should name the protected attribute the results are broken down by, "
              "by its column name.")


@quiet
def check_model_card_figures(card: Any, accepted: Sequence[Mapping[str, Mapping[str, float]]], name: str) -> None:
    """``quantitative_analyses`` holds per-group figures equal to one accepted set (reference or the learner's own).

    Each accepted set maps ``selection_rate``, ``tpr`` and ``fpr`` to ``{group: value}``.
    """
    check_type(card, dict, name)
    analyses = card.get("quantitative_analyses")
    where = f"{name}['quantitative_analyses']"
    if not isinstance(analyses, dict):
        fail(where, "should be a dict with the per-group figures.")
    missing = [key for key in PER_GROUP_FIGURES if key not in analyses]
    if missing:
        fail(where, f"has no entry for {', '.join(repr(k) for k in missing)}.")
    for key in PER_GROUP_FIGURES:
        figures = analyses[key]
        if isinstance(figures, pd.Series):
            figures = figures.to_dict()
        if not isinstance(figures, dict):
            fail(f"{where}['{key}']", "should be a dict {group: value} (or a Series).")
        matched = False
        for option in accepted:
            want = option.get(key) if option else None
            if not want or set(map(str, figures)) != set(map(str, want)):
                continue
            got = {str(k): v for k, v in figures.items()}
            try:
                if all(math.isclose(as_real(got[str(g)], where), float(w), abs_tol=0.0051) for g, w in want.items()):
                    matched = True
                    break
            except AssertionError:
                continue
        if not matched:
            fail(f"{where}['{key}']", "should hold, for every group, the figure you computed in questions 1 and 2 "
                  "(rounding to two decimals is fine).")


@quiet
def check_model_card_metrics(card: Any, name: str, thresholds: Sequence[Any] = ("threshold",)) -> None:
    """``metrics`` names every key of the quantitative analyses, and the decision threshold with its value.

    ``thresholds`` are the spellings of the threshold's value accepted (e.g. ``(0.3, "current_threshold")``).
    """
    check_type(card, dict, name)
    metrics = card.get("metrics")
    text = " ".join(_strings(metrics) or (list(map(str, metrics)) + _strings(list(metrics.values()))
                                          if isinstance(metrics, dict) else [])).lower()
    analyses = card.get("quantitative_analyses") if isinstance(card.get("quantitative_analyses"), dict) else {}
    unnamed = [key for key in analyses if key.lower() not in text and key.replace("_", " ").lower() not in text]
    if unnamed:
        fail(f"{name}['metrics']", f"should name every figure reported in the quantitative analyses "
              f"(by its key); it does not name {', '.join(repr(k) for k in unnamed[:3])}.")
    if "threshold" not in text or not any(str(t) in text for t in thresholds):
        fail(f"{name}['metrics']", "should have an entry with the word 'threshold' and the decision threshold's "
              "value the figures are measured at.")


@quiet
def check_model_card_data(card: Any, dataset: str, n_rows: int, name: str) -> None:
    """``evaluation_data`` names the dataset and its number of rows; ``training_data`` is described."""
    check_type(card, dict, name)
    evaluation = card.get("evaluation_data")
    if not isinstance(evaluation, dict):
        fail(f"{name}['evaluation_data']", "should be a dict with 'dataset' and 'n_rows'.")
    if str(evaluation.get("dataset")) != dataset:
        fail(f"{name}['evaluation_data']['dataset']", "should name the dataset you evaluated on, as `mlpm.load` "
              "spells it.")
    rows = evaluation.get("n_rows")
    if isinstance(rows, (bool, np.bool_)) or not isinstance(rows, (int, np.integer)) or int(rows) != n_rows:
        fail(f"{name}['evaluation_data']['n_rows']", "should be the number of subscribers evaluated (an int).")
    if not _strings(card.get("training_data")) and not isinstance(card.get("training_data"), dict):
        fail(f"{name}['training_data']", "should describe the training data in a sentence or a dict.")


@quiet
def check_flag(value: Any, expected: bool, name: str, *, hint: str = "") -> None:
    """A bool (Python's or numpy's) equal to ``expected``."""
    if not isinstance(value, (bool, np.bool_)):
        fail(name, f"should be True or False, but it is a {type(value).__name__}.")
    if bool(value) is not bool(expected):
        fail(name, "is not right yet.", hint)


@quiet
def check_claims(value: Any, key: Mapping[str, bool], name: str, *, hint: str = "") -> None:
    """Some entries of a dict of True/False judgements, against the key; says how many are off."""
    check_type(value, dict, name)
    wrong = [claim for claim, want in key.items()
             if not isinstance(value.get(claim), (bool, np.bool_)) or bool(value[claim]) is not want]
    if wrong:
        fail(name, f"has {len(wrong)} of the claims {', '.join(map(repr, key))} not right yet.", hint)


@quiet
def check_candidates(value: Any, keys: Sequence[str], count: int, name: str) -> None:
    """A list or tuple of ``count`` distinct policies, each a dict with a threshold for every key in ``keys``."""
    value = as_sequence(value, name, what="list of policies")
    if not all(isinstance(p, dict) and set(map(str, p)) == set(keys) for p in value):
        fail(name, f"should hold dicts with one threshold for each of {', '.join(map(repr, keys))}.")
    distinct = {tuple(sorted((str(k), float(t)) for k, t in p.items())) for p in value}
    if len(value) != count or len(distinct) != count:
        fail(name, f"should hold {count} different policies; it holds {len(distinct)} different ones "
              f"in {len(value)}.")


@quiet
def check_call_shape(call: Any, menus: Mapping[str, Sequence[str]], name: str, *, lists: Sequence[str] = ()) -> None:
    """A judgement as a dict: each key of ``menus`` holds one option of its menu (a list of options for ``lists``)."""
    check_type(call, dict, name)
    check_keys(call, list(menus), name)
    for key, options in menus.items():
        if key in lists:
            items = as_sequence(call[key], f"{name}['{key}']", what="list of names from the menu")
            if not items or not all(isinstance(i, str) for i in items):
                fail(f"{name}['{key}']", "should be a non-empty list of names from the menu.")
            unknown = [i for i in items if i not in options]
            if unknown:
                fail(f"{name}['{key}']", f"names {unknown[0]!r}, which is not on its menu.")
            if len(set(items)) != len(items):
                fail(f"{name}['{key}']", "names the same item more than once.")
        elif not isinstance(call[key], str) or call[key] not in options:
            fail(f"{name}['{key}']", "should be one of the options on its menu, as a string.")


@quiet
def check_call_choice(call: Any, key: str, accepted: Sequence[str], name: str, *, hint: str = "") -> None:
    """``call[key]`` is one of the ``accepted`` options (every call the evidence supports)."""
    check_type(call, dict, name)
    if call.get(key) not in accepted:
        fail(f"{name}['{key}']", "is not a call the evidence supports.", hint)


@quiet
def check_call_evidence(call: Any, key: str, needed: Sequence[str], name: str, *, against: Sequence[str] = (),
                        hint: str = "") -> None:
    """``call[key]`` names at least one item of ``needed`` and none of ``against`` (evidence against it)."""
    check_type(call, dict, name)
    items = call.get(key)
    items = [i for i in as_sequence(items, f"{name}['{key}']") if isinstance(i, str)]
    if not any(i in needed for i in items):
        fail(f"{name}['{key}']", "does not name the evidence that decides this call.", hint)
    wrong = [i for i in items if i in against]
    if wrong:
        fail(f"{name}['{key}']", f"names {wrong[0]!r}, which does not support this call.", hint)
