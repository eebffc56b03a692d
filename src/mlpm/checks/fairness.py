"""Checkers and reference computations for module 07, responsible AI: who gets the offer?

Conventions (the lesson and the prompts pin them): a subscriber is selected when the score is at
or above the threshold; a difference is the largest group's rate minus the smallest one's, a
ratio the smallest over the largest; the equalized odds difference is the larger of the TPR and
FPR differences (fairlearn's ``between_groups`` and ``worst_case``); Cramér's V is without bias
correction; expected value = value per targeted churner × true positives − discount cost ×
everyone targeted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import as_real, check_keys, check_one_of, check_type, quiet  # noqa: F401 (check_one_of: the test cells import it from here)

MODEL_CARD_SECTIONS = (
    "model_details", "intended_use", "factors", "metrics", "evaluation_data", "training_data",
    "quantitative_analyses", "ethical_considerations", "caveats_and_recommendations",
)
PER_GROUP_FIGURES = ("selection_rate", "tpr", "fpr")


def _fail(message: str) -> None:
    raise AssertionError(message)


# ---- reference computations (plain pandas; the tests cross-check them against fairlearn and scipy) ----

def selection_rates_by_group(frame: pd.DataFrame, threshold: float, group: str = "age_band",
                             score: str = "churn_score") -> pd.Series:
    """Share of each group with ``score >= threshold``."""
    return (frame[score] >= threshold).groupby(frame[group]).mean().rename("selection_rate")


def error_rates_by_group(frame: pd.DataFrame, threshold: float, group: str = "age_band",
                         score: str = "churn_score", outcome: str = "churned_next_4w") -> pd.DataFrame:
    """True and false positive rates per group, columns ``tpr`` and ``fpr``."""
    selected = frame[score] >= threshold
    churned = frame[outcome].astype(bool)
    tpr = selected[churned].groupby(frame.loc[churned, group]).mean()
    fpr = selected[~churned].groupby(frame.loc[~churned, group]).mean()
    return pd.DataFrame({"tpr": tpr, "fpr": fpr})


def difference(rates: pd.Series) -> float:
    """Largest minus smallest."""
    return float(rates.max() - rates.min())


def ratio(rates: pd.Series) -> float:
    """Smallest over largest."""
    return float(rates.min() / rates.max())


def cramers_v(x: pd.Series, y: pd.Series) -> float:
    """Cramér's V of two categorical columns, without bias correction."""
    table = pd.crosstab(x, y).to_numpy(dtype=float)
    expected = table.sum(axis=1, keepdims=True) * table.sum(axis=0, keepdims=True) / table.sum()
    chi2 = float(((table - expected) ** 2 / expected).sum())
    return math.sqrt(chi2 / (table.sum() * (min(table.shape) - 1)))


def policy_outcome(frame: pd.DataFrame, thresholds: Mapping[str, float], value: float, cost: float,
                   group: str = "age_band", score: str = "churn_score",
                   outcome: str = "churned_next_4w") -> dict[str, float]:
    """Expected value (euros) and demographic parity ratio of per-group thresholds."""
    cut = frame[group].map(dict(thresholds)).astype(float)
    selected = frame[score] >= cut
    true_positives = int((selected & frame[outcome].astype(bool)).sum())
    rates = selected.groupby(frame[group]).mean()
    return {"expected_value": value * true_positives - cost * int(selected.sum()), "dp_ratio": ratio(rates)}


def best_policy(frame: pd.DataFrame, candidates: Sequence[Mapping[str, float]], value: float, cost: float,
                min_ratio: float | None = None, group: str = "age_band") -> dict[str, Any]:
    """The candidate with the most expected value (with a DP ratio of at least ``min_ratio`` if given)."""
    codes, groups = pd.factorize(frame[group], sort=True)
    scores = frame["churn_score"].to_numpy(dtype=float)
    churned = frame["churned_next_4w"].to_numpy(dtype=bool)
    sizes = np.bincount(codes, minlength=len(groups))
    best = None
    for thresholds in candidates:
        cut = np.array([thresholds[g] for g in groups], dtype=float)[codes]
        selected = scores >= cut
        rates = np.bincount(codes, weights=selected, minlength=len(groups)) / sizes
        result = {"expected_value": value * int((selected & churned).sum()) - cost * int(selected.sum()),
                  "dp_ratio": float(rates.min() / rates.max())}
        if min_ratio is not None and result["dp_ratio"] < min_ratio:
            continue
        if best is None or result["expected_value"] > best["expected_value"]:
            best = {"thresholds": dict(thresholds), **result}
    return best


# ---- checkers ----

@quiet
def check_error_table(value: Any, expected: pd.DataFrame, name: str, *, hint: str = "") -> None:
    """A DataFrame indexed by group with columns ``tpr`` and ``fpr``, close to ``expected``; says which is off."""
    if not isinstance(value, pd.DataFrame):
        _fail(f"`{name}` should be a pandas DataFrame, but it is a {type(value).__name__}.")
    missing = [c for c in expected.columns if c not in value.columns]
    if missing:
        _fail(f"`{name}` has no column {', '.join(repr(c) for c in missing)}.")
    if set(map(str, value.index)) != set(map(str, expected.index)) or value.index.has_duplicates:
        _fail(f"`{name}` should have one row per group, indexed by the group's name.")
    got = value.copy()
    got.index = got.index.map(str)
    for column in expected.columns:
        try:
            numbers = np.asarray(got.loc[[str(g) for g in expected.index], column], dtype=float)
        except (TypeError, ValueError):
            _fail(f"`{name}['{column}']` should hold numbers.")
        if not np.allclose(numbers, expected[column].to_numpy(dtype=float), rtol=1e-6, atol=1e-9):
            _fail(f"`{name}['{column}']` is not right yet. {hint}".strip())


@quiet
def check_policy_result(value: Any, name: str) -> dict[str, float]:
    """A dict with the numbers ``expected_value`` and ``dp_ratio``; returns them as floats."""
    check_type(value, dict, name)
    for key in ("expected_value", "dp_ratio"):
        if key not in value:
            _fail(f"`{name}` has no entry for '{key}'.")
    return {key: as_real(value[key], f"{name}['{key}']") for key in ("expected_value", "dp_ratio")}


@quiet
def check_chosen_policy(value: Any, name: str, groups: Sequence[str], grid: Sequence[float]) -> None:
    """A chosen policy: a dict with per-group ``thresholds`` from the grid, ``expected_value`` and ``dp_ratio``."""
    check_policy_result(value, name)
    if "thresholds" not in value or not isinstance(value["thresholds"], dict):
        _fail(f"`{name}['thresholds']` should be a dict {{group: threshold}}.")
    check_keys(value["thresholds"], list(groups), f"{name}['thresholds']")
    for group in groups:
        threshold = as_real(value["thresholds"][group], f"{name}['thresholds'][{group!r}]")
        if not any(math.isclose(threshold, t, abs_tol=1e-9) for t in grid):
            _fail(f"`{name}['thresholds'][{group!r}]` is not one of the thresholds in `THRESHOLDS`.")


@quiet
def check_model_card_shape(card: Any, name: str) -> None:
    """The nine sections of Mitchell et al. (2019), none of them empty."""
    check_type(card, dict, name)
    check_keys(card, list(MODEL_CARD_SECTIONS), name)
    empty = [key for key in MODEL_CARD_SECTIONS if card[key] in (None, "", [], {}, ())]
    if empty:
        _fail(f"`{name}` has empty sections: {', '.join(repr(k) for k in empty)}. Each section says something.")


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
        _fail(f"`{name}['intended_use']` should be a dict with 'primary_uses' and 'out_of_scope'.")
    for key in ("primary_uses", "out_of_scope"):
        items = uses.get(key)
        if not isinstance(items, (list, tuple)) or not items or not all(
                isinstance(i, str) and i.strip() for i in items):
            _fail(f"`{name}['intended_use']['{key}']` should be a non-empty list of uses, each named in words "
                  "(a string).")


@quiet
def check_model_card_factors(card: Any, protected: str, name: str) -> None:
    """``factors`` names the protected attribute the card is evaluated across."""
    check_type(card, dict, name)
    factors = card.get("factors")
    text = " ".join(_strings(factors) or _strings(list(factors.values()) if isinstance(factors, dict) else []))
    keys = " ".join(map(str, factors)) if isinstance(factors, dict) else ""
    if protected not in text and protected not in keys:
        _fail(f"`{name}['factors']` should name the protected attribute the results are broken down by, "
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
        _fail(f"`{where}` should be a dict with the per-group figures.")
    missing = [key for key in PER_GROUP_FIGURES if key not in analyses]
    if missing:
        _fail(f"`{where}` has no entry for {', '.join(repr(k) for k in missing)}.")
    for key in PER_GROUP_FIGURES:
        figures = analyses[key]
        if isinstance(figures, pd.Series):
            figures = figures.to_dict()
        if not isinstance(figures, dict):
            _fail(f"`{where}['{key}']` should be a dict {{group: value}} (or a Series).")
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
            _fail(f"`{where}['{key}']` should hold, for every group, the figure you computed in questions 1 and 2 "
                  "(rounding to two decimals is fine).")


@quiet
def check_model_card_metrics(card: Any, name: str) -> None:
    """``metrics`` lists every figure in the quantitative analyses, and a fairness metric with its threshold."""
    check_type(card, dict, name)
    metrics = card.get("metrics")
    text = " ".join(_strings(metrics) or (list(map(str, metrics)) + _strings(list(metrics.values()))
                                          if isinstance(metrics, dict) else [])).lower()
    analyses = card.get("quantitative_analyses") if isinstance(card.get("quantitative_analyses"), dict) else {}
    unnamed = [key for key in analyses if key.lower() not in text and key.replace("_", " ").lower() not in text]
    if unnamed:
        _fail(f"`{name}['metrics']` should name every figure reported in the quantitative analyses "
              f"(by its key); it does not name {', '.join(repr(k) for k in unnamed[:3])}.")
    if "threshold" not in text:
        _fail(f"`{name}['metrics']` should say at which decision threshold the figures are measured.")


@quiet
def check_model_card_data(card: Any, dataset: str, n_rows: int, name: str) -> None:
    """``evaluation_data`` names the dataset and its number of rows; ``training_data`` is described."""
    check_type(card, dict, name)
    evaluation = card.get("evaluation_data")
    if not isinstance(evaluation, dict):
        _fail(f"`{name}['evaluation_data']` should be a dict with 'dataset' and 'n_rows'.")
    if str(evaluation.get("dataset")) != dataset:
        _fail(f"`{name}['evaluation_data']['dataset']` should name the dataset you evaluated on, as `mlpm.load` "
              "spells it.")
    rows = evaluation.get("n_rows")
    if isinstance(rows, (bool, np.bool_)) or not isinstance(rows, (int, np.integer)) or int(rows) != n_rows:
        _fail(f"`{name}['evaluation_data']['n_rows']` should be the number of subscribers evaluated (an int).")
    if not _strings(card.get("training_data")) and not isinstance(card.get("training_data"), dict):
        _fail(f"`{name}['training_data']` should describe the training data in a sentence or a dict.")


@quiet
def check_flag(value: Any, expected: bool, name: str, *, hint: str = "") -> None:
    """A bool (Python's or numpy's) equal to ``expected``."""
    if not isinstance(value, (bool, np.bool_)):
        _fail(f"`{name}` should be True or False, but it is a {type(value).__name__}.")
    if bool(value) is not bool(expected):
        _fail(f"`{name}` is not right yet. {hint}".strip())


@quiet
def check_same_items(value: Any, expected: Sequence[str], name: str, *, hint: str = "") -> None:
    """A list or tuple of strings holding exactly the items of ``expected``, in any order."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        _fail(f"`{name}` should be a list of names (strings).")
    got, want = sorted(map(str.__str__, value)), sorted(expected)
    if len(set(got)) != len(got):
        _fail(f"`{name}` names the same item more than once.")
    if got != want:
        _fail(f"`{name}` is not right yet. {hint}".strip())


@quiet
def check_claims(value: Any, key: Mapping[str, bool], name: str, *, hint: str = "") -> None:
    """Some entries of a dict of True/False judgements, against the key; says how many are off."""
    check_type(value, dict, name)
    wrong = [claim for claim, want in key.items()
             if not isinstance(value.get(claim), (bool, np.bool_)) or bool(value[claim]) is not want]
    if wrong:
        _fail(f"`{name}` has {len(wrong)} of the claims {', '.join(map(repr, key))} not right yet. {hint}".strip())


def own_best_values(evaluate: Any, frame: pd.DataFrame, candidates: Sequence[Mapping[str, float]], value: float,
                    cost: float, min_ratio: float) -> tuple[float, float] | None:
    """The best expected value without and with the parity constraint, under a learner's own ``evaluate``.

    Used for error carried forward: a learner whose ``evaluate_policy`` is wrong can still choose
    correctly with it. None when ``evaluate`` raises or returns something unusable.
    """
    try:
        outcomes = [evaluate(frame, dict(t), value, cost) for t in candidates]
        pairs = [(float(o["expected_value"]), float(o["dp_ratio"])) for o in outcomes]
    except Exception:  # noqa: BLE001 - any error of learner code means: no such value
        return None
    fair = [ev for ev, r in pairs if r >= min_ratio]
    return max(ev for ev, _ in pairs), (max(fair) if fair else math.nan)
