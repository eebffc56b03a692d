"""Do module 02's checkers give actionable messages, and does the customers data hold the MVP story?"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import mlpm
from mlpm.checks import own_value
from mlpm.checks.mvp import (
    check_amount,
    check_counts,
    check_flags,
    check_options,
    check_threshold,
    check_value_table,
)

COUNTS = {"tp": 3, "fp": 5, "fn": 2, "tn": 10}
TABLE = {"tp": 55.0, "fp": -5.0, "fn": 0.0, "tn": 0.0}
GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)


class AlwaysEqual(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def test_options_accept_a_complete_answer():
    """Does a dict with every key and allowed values pass?"""
    check_options({"a": "in", "b": "cut"}, ["a", "b"], ("in", "cut"), "scope")


@pytest.mark.parametrize("value, message", [
    ({"a": "in"}, "no entry for 'b'"),
    ({"a": "in", "b": "cut", "c": "in"}, "should not be there"),
    ({"a": "in", "b": "later"}, "should be one of"),
    (["in", "cut"], "should be a dict"),
])
def test_options_say_what_is_wrong(value, message):
    """Does a malformed choice dict get a message naming the problem?"""
    with pytest.raises(AssertionError, match=message):
        check_options(value, ["a", "b"], ("in", "cut"), "scope")


def test_flags_count_extra_and_missed_without_naming_rows():
    """Do wrong flags get counts of extra and missed subscribers?"""
    expected = pd.Series([True, False, True])
    with pytest.raises(AssertionError, match="flags 1 subscriber.*misses 1"):
        check_flags(pd.Series([True, True, False]), expected, "flags")


@pytest.mark.parametrize("value, message", [
    (pd.Series([1, 0, 1]), "dtype bool"),
    (np.array([True, False, True]), "pandas Series"),
    (pd.Series([True, False, True], index=[5, 6, 7]), "indexed like the input"),
])
def test_flags_refuse_the_wrong_shape(value, message):
    """Are flags that are not a boolean Series aligned with the input refused?"""
    with pytest.raises(AssertionError, match=message):
        check_flags(value, pd.Series([True, False, True]), "flags")


def test_counts_accept_numpy_integers():
    """Do counts made with numpy sums pass?"""
    check_counts({k: np.int64(v) for k, v in COUNTS.items()}, COUNTS, "counts")


@pytest.mark.parametrize("value, message", [
    ({**COUNTS, "fp": COUNTS["fn"], "fn": COUNTS["fp"]}, "swaps fp and fn"),
    ({**COUNTS, "tp": COUNTS["fn"], "fn": COUNTS["tp"]}, "swaps flagged and not flagged"),
    ({**COUNTS, "tn": 11}, "add up"),
    ({**COUNTS, "tp": True}, "whole number"),
    ({"TP": 3, "fp": 5, "fn": 2, "tn": 10}, "exactly the keys"),
])
def test_counts_name_the_mistake(value, message):
    """Do typical confusion-matrix mistakes get a message that names them?"""
    with pytest.raises(AssertionError, match=message):
        check_counts(value, COUNTS, "counts")


def test_value_table_names_the_wrong_cell_not_its_value():
    """Does a wrong table entry get named, without showing the expected value?"""
    with pytest.raises(AssertionError) as caught:
        check_value_table({**TABLE, "tp": 60.0}, TABLE, "table")
    assert "'tp'" in str(caught.value) and "55" not in str(caught.value)


def test_threshold_accepts_ties_and_refuses_worse_or_off_grid():
    """Is any best threshold accepted, and a worse or off-grid one refused?"""
    objective = {0.1: 2.0, 0.15: 2.0, 0.2: 1.0}
    check_threshold(0.1, objective, "t")
    check_threshold(np.float64(0.15), objective, "t")
    with pytest.raises(AssertionError, match="another threshold does better"):
        check_threshold(0.2, objective, "t")
    with pytest.raises(AssertionError, match="one of the thresholds"):
        check_threshold(0.12, objective, "t")
    with pytest.raises(AssertionError, match="another threshold does better"):
        check_threshold(AlwaysEqual(0.2), objective, "t")


def test_threshold_position_is_named_and_passes_only_where_allowed():
    """Is the best threshold's position (np.argmax) told so, and accepted only with positions=True?"""
    objective = {0.1: 1.0, 0.15: 2.0, 0.2: 1.0}
    with pytest.raises(AssertionError, match="position of a threshold in the grid"):
        check_threshold(np.int64(1), objective, "t")
    check_threshold(np.int64(1), objective, "t", positions=True)
    with pytest.raises(AssertionError, match="position of a threshold in the grid"):
        check_threshold(0, objective, "t", positions=True)  # the position of a worse threshold


def test_counts_say_none_when_a_count_is_not_returned():
    """Does a None count (a helper without return) get its own message, not a type name?"""
    with pytest.raises(AssertionError, match="is None"):
        check_counts({**COUNTS, "fp": None}, COUNTS, "counts")


def test_counts_accept_what_the_learners_own_flags_imply():
    """Are counts consistent with an earlier answer accepted, and malformed alternatives skipped?"""
    own = {"tp": 4, "fp": 4, "fn": 1, "tn": 11}
    check_counts(own, COUNTS, "counts", also=[{"tp": None}, own])
    with pytest.raises(AssertionError, match="not right yet"):
        check_counts({**own, "tp": 5, "tn": 10}, COUNTS, "counts", also=[own])


def test_value_table_accepts_an_alternative_table():
    """Is a table equal to one of ``also`` accepted, and one equal to none refused?"""
    other = {**TABLE, "tp": 60.0}
    check_value_table(other, TABLE, "table", also=[other])
    with pytest.raises(AssertionError, match="'tp'"):
        check_value_table({**TABLE, "tp": 61.0}, TABLE, "table", also=[other])


def test_threshold_accepts_the_best_of_an_alternative_objective():
    """Is a threshold that is best for the learner's own table accepted (error carried forward)?"""
    objective = {0.1: 2.0, 0.2: 1.0, 0.3: 0.5}
    own = {0.1: 1.0, 0.2: 1.5, 0.3: 0.5}
    check_threshold(0.2, objective, "t", also=[own])
    with pytest.raises(AssertionError, match="another threshold does better"):
        check_threshold(0.3, objective, "t", also=[own])


def test_figure_names_a_known_mistake_only_when_it_matches():
    """Is a known mistake's message shown only for its value, and the generic hint otherwise?"""
    check_amount(4.0, [3.0, 4.0], "x")
    check_amount(math.inf, [math.inf], "x")
    with pytest.raises(AssertionError, match="over doing nothing"):
        check_amount(9.0, [3.0], "x", mistakes=[([9.0], "it counts the gain over doing nothing.")], hint="Look.")
    with pytest.raises(AssertionError) as caught:
        check_amount(8.0, [3.0], "x", mistakes=[([9.0], "it counts the gain over doing nothing.")], hint="Look.")
    assert "doing nothing" not in str(caught.value) and "Look." in str(caught.value)
    with pytest.raises(AssertionError, match="is None"):
        check_amount(None, [3.0], "x")
    with pytest.raises(AssertionError, match="should be a number"):
        check_amount("3", [3.0], "x")
    with pytest.raises(AssertionError, match="is None"):
        check_threshold(None, {0.1: 1.0}, "t")


def test_own_value_returns_none_when_learner_code_fails(capsys):
    """Does own_value swallow errors and warnings of learner code?"""
    assert own_value(lambda: undefined_name) is None  # noqa: F821
    assert own_value(lambda x: np.log(x), 0.0) == -np.inf
    assert own_value(lambda: 1 / 0) is None
    assert capsys.readouterr().err == ""


def test_checkers_stay_quiet_on_stderr(capsys):
    """Do the checkers keep warnings off stderr even when numbers are odd?"""
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        with pytest.raises(AssertionError):
            check_value_table({**TABLE, "tp": float("nan")}, TABLE, "table")
    assert capsys.readouterr().err == ""


# ---- planted effects in `customers`, as module 02 uses them ----

FEATURES = ["substitutions_last_8w", "days_since_last_order", "support_contacts_last_8w", "tenure_weeks",
            "used_discount", "skipped_weeks_last_8w", "orders_last_8w", "avg_basket_eur"]


def _features(frame):
    x = frame[FEATURES].astype(float)
    return x.assign(tenure_weeks=np.log(x["tenure_weeks"]))


def _module_02_split():
    """The exercise's validation part (to choose the threshold on) and test part (to compare on)."""
    customers = mlpm.load("customers")
    holdout = customers.sample(frac=0.5, random_state=2)
    train = customers.drop(holdout.index)
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(_features(train), train["churned_next_4w"])
    holdout = holdout.assign(score=model.predict_proba(_features(holdout))[:, 1])
    validation = holdout.sample(frac=0.5, random_state=18)
    return validation, holdout.drop(validation.index)


def _ev(flagged, churned, table=TABLE):
    f, c = np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)
    return ((f & c).sum() * table["tp"] + (f & ~c).sum() * table["fp"]
            + (~f & c).sum() * table["fn"] + (~f & ~c).sum() * table["tn"]) / len(f)


def _value_threshold(validation):
    return GRID[int(np.argmax([_ev(validation["score"] >= t, validation["churned_next_4w"]) for t in GRID]))]


def _rule(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


def test_customers_plant_value_threshold_below_accuracy_threshold():
    """On the exercise's validation part, is the value-maximising threshold lower than the most accurate one?"""
    validation, _ = _module_02_split()
    y = validation["churned_next_4w"]
    ev = [_ev(validation["score"] >= t, y) for t in GRID]
    accuracy = [np.mean((validation["score"] >= t) == y) for t in GRID]
    value_t, accuracy_t = GRID[np.argmax(ev)], GRID[np.argmax(accuracy)]
    assert value_t < accuracy_t
    assert max(ev) > 3 * ev[int(np.argmax(accuracy))], "the accurate threshold should leave most value behind"


def test_customers_plant_heuristic_gets_most_of_the_model_value():
    """On the test part, does the two-line rule reach 70 to 90 % of the model's EV at the validation threshold?"""
    validation, test = _module_02_split()
    y = test["churned_next_4w"]
    model = _ev(test["score"] >= _value_threshold(validation), y)
    assert 0.7 <= _ev(_rule(test), y) / model <= 0.9


def test_customers_plant_model_increment_pays_back_after_the_horizon():
    """With the exercise's costs, does the rule pay back within a month but the model on top not within 12?"""
    validation, test = _module_02_split()
    y = test["churned_next_4w"]
    rule_ev = _ev(_rule(test), y)
    model_ev = _ev(test["score"] >= _value_threshold(validation), y)
    subscribers = len(mlpm.load("customers"))
    rule_payback = 1 * 2500 / (rule_ev * subscribers - 100)
    model_net = (model_ev - rule_ev) * subscribers - 500
    model_payback = 8 * 2500 / model_net if model_net > 0 else math.inf
    assert rule_payback < 1 and model_payback > 12


def _best(frame, table):
    ev = [_ev(frame["score"] >= t, frame["churned_next_4w"], table) for t in GRID]
    return {float(t) for t, v in zip(GRID, ev, strict=True) if v >= max(ev) - 1e-9}


def test_only_a_function_call_can_show_which_sample_a_threshold_was_tuned_on():
    """Do Larder's two samples pick the same value threshold, while q5's hidden draws for tune_and_measure disagree?"""
    validation, test = _module_02_split()
    assert _best(validation, TABLE) == _best(test, TABLE), "value_threshold alone now shows where it was tuned"
    make = mlpm.datasets.generators()["customers"]
    tables = ({"tp": 40.0, "fp": -8.0, "fn": 0.0, "tn": 0.0}, {"tp": 25.0, "fp": -6.0, "fn": -3.0, "tn": 0.5})
    for seed, table in zip((8, 19), tables, strict=True):  # as in q5's hidden test cell
        other = make(seed=seed, n_customers=2000)
        scored = other.sample(frac=0.5, random_state=seed)
        train = other.drop(scored.index)
        model = make_pipeline(StandardScaler(), LogisticRegression()).fit(_features(train), train["churned_next_4w"])
        scored = scored.assign(score=model.predict_proba(_features(scored))[:, 1])
        first = scored.sample(frac=0.5, random_state=seed)
        assert not _best(first, table) & _best(scored.drop(first.index), table), seed


# --- Grading cases the review of learner attempts found (messages, not only points) ---

def _graded(answer_id: str, code: str) -> tuple[float, float, list[str]]:
    from test_known_wrong import _grade

    points, maximum, messages, _ = _grade("02-ml-mvp", answer_id, code, visible=False)
    return points, maximum, messages


def test_flagging_strictly_above_the_threshold_is_told_about_the_edge():
    """Is `score > t` caught by the edge toy, with a message about the scores on the threshold?"""
    from known_wrong.m02_ml_mvp import WRONG_ANSWERS

    points, maximum, messages = _graded(*WRONG_ANSWERS["threshold-flags-strictly-above-the-threshold"][:2])
    assert 0 < points < maximum
    assert messages == [m for m in messages if "score >= threshold, not >" in m] and messages, messages


def test_heuristic_ev_from_the_learners_own_value_table_is_accepted():
    """After a wrong value_table, are `table` and heuristic_ev that follow from it accepted (no false message)?"""
    from known_wrong.m02_ml_mvp import FAIR_SCORES

    _, _, messages = _graded(*FAIR_SCORES["heuristic-ev-from-own-value-table-keeps-its-points"][:2])
    assert messages and all("value_table" in m for m in messages), messages


def test_comparison_from_the_learners_own_functions_gets_no_false_message():
    """Is a comparison built at value_threshold with the learner's own functions accepted, not told to flag at it?"""
    from known_wrong.m02_ml_mvp import FAIR_SCORES

    _, _, messages = _graded(*FAIR_SCORES["comparison-from-own-counts-table-and-scorecard-keeps-its-points"][:2])
    assert not any("comparison" in m for m in messages), messages
    assert messages and all("recall" in m for m in messages), messages


def test_model_judged_against_doing_nothing_is_told_so_and_costs_about_half():
    """Does judging the model against doing nothing (q7's key idea) get the true message and lose about half?"""
    from known_wrong.m02_ml_mvp import FAIR_SCORES

    points, maximum, messages = _graded(*FAIR_SCORES["model-against-doing-nothing-costs-about-half"][:2])
    assert 0.4 <= 1 - points / maximum <= 0.6, (points, maximum)
    assert messages and all("whole gain over doing nothing" in m for m in messages), messages


def test_thresholds_tuned_on_test_are_told_so_and_cost_about_a_point():
    """Is tuning on `test` named in tune_and_measure's messages, with the functions' own checks left alone?"""
    from known_wrong.m02_ml_mvp import WRONG_ANSWERS

    points, maximum, messages = _graded(*WRONG_ANSWERS["threshold-tuned-on-test"][:2])
    assert 0.6 <= maximum - points <= 1.0, (points, maximum)
    tuned = [m for m in messages if m.startswith("`tune_and_measure")]
    # the toy's message and the other subscribers' (both draws say the same, shown once)
    assert len(tuned) == 2 and all("best threshold on `test`" in m for m in tuned), messages
    assert [m for m in messages if m not in tuned] == [m for m in messages if m.startswith("`accurate_threshold")]
