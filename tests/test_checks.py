"""Do the checkers give actionable messages, refuse rigged objects and stay quiet on stderr?"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from mlpm.checks import (
    check_choice,
    check_keys,
    check_labels,
    check_mapping,
    check_number,
    check_sequence,
    check_series,
    check_whole_number,
    same_value,
)
from mlpm.checks.strategy import check_build_decisions, check_okr, check_release, find_key_result


class AlwaysEqual(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


GOOD_OKR = {
    "objective": "Subscribers trust Larder to deliver the groceries they chose",
    "key_results": [
        {"metric": "4-week churn rate", "baseline": 0.10, "target": 0.08, "deadline": "2027-03-31"},
        {"metric": "substitutions per order", "baseline": 0.3, "target": 0.2, "deadline": "2027-02-28"},
    ],
    "guardrail": {"metric": "gross margin per order", "baseline": 9.5, "limit": 9.0},
}


def okr_with(**changes):
    okr = {**GOOD_OKR, "key_results": [dict(kr) for kr in GOOD_OKR["key_results"]]}
    for path, value in changes.items():
        if path.startswith("kr1_"):
            okr["key_results"][0][path[4:]] = value
        else:
            okr[path] = value
    return okr


def test_number_message_never_contains_the_expected_value():
    """Does a wrong number get a message that does not give away the answer?"""
    with pytest.raises(AssertionError) as caught:
        check_number(41.0, 42.5, "answer", hint="Recount the weeks.")
    assert "42.5" not in str(caught.value) and "Recount the weeks." in str(caught.value)


@pytest.mark.parametrize("value", [True, "42", [42]])
def test_number_refuses_non_numbers(value):
    """Is a bool, a string or a list refused as a number, with its type named?"""
    with pytest.raises(AssertionError, match="should be a number"):
        check_number(value, 1, "answer")


def test_none_is_told_it_returns_nothing():
    """Is None (a function that computes but does not return) told so, not called a wrong type?"""
    with pytest.raises(AssertionError, match="is None: your code computes a value but does not return"):
        check_number(None, 1, "answer")


def test_number_with_rigged_eq_is_judged_by_its_value():
    """Does an object whose __eq__ always says True still fail when its value is wrong?"""
    with pytest.raises(AssertionError, match="not right yet"):
        check_number(AlwaysEqual(1.0), 2.0, "answer")


def test_nan_gets_its_own_message():
    """Is NaN explained (division by zero, missing value) rather than called wrong?"""
    with pytest.raises(AssertionError, match="NaN"):
        check_number(float("nan"), 1.0, "answer")


def test_series_names_the_labels_that_are_off():
    """Does a wrong Series point at the labels to look at?"""
    with pytest.raises(AssertionError, match="'b'"):
        check_series(pd.Series({"a": 1.0, "b": 5.0}), pd.Series({"a": 1.0, "b": 2.0}), "s")
    with pytest.raises(AssertionError, match="no value for 'b'"):
        check_series(pd.Series({"a": 1.0}), pd.Series({"a": 1.0, "b": 2.0}), "s")
    with pytest.raises(AssertionError, match="pandas Series"):
        check_series({"a": 1.0}, pd.Series({"a": 1.0}), "s")


def test_sequence_says_where_the_order_breaks():
    """Does a ranking say how far it is right before the order breaks?"""
    with pytest.raises(AssertionError, match="first 1 item"):
        check_sequence(["a", "c", "b"], ["a", "b", "c"], "ranking")
    with pytest.raises(AssertionError, match="starts with the wrong item"):
        check_sequence(["c", "b", "a"], ["a", "b", "c"], "ranking")
    with pytest.raises(AssertionError, match="repeats an item"):
        check_sequence(["a", "a", "b"], ["a", "b", "c"], "ranking")
    with pytest.raises(AssertionError, match="missing or does not belong"):
        check_sequence(["a", "b", "d"], ["a", "b", "c"], "ranking")


def test_labels_and_mapping_count_wrong_entries_without_revealing_them():
    """Do label and dict checks say how many are wrong, not what is right?"""
    expected = pd.Series({"x": "quick win", "y": "big bet"})
    with pytest.raises(AssertionError, match="1 of 2"):
        check_labels(pd.Series({"x": "quick win", "y": "fill-in"}), expected, "q")
    with pytest.raises(AssertionError, match="1 of 2 entries") as caught:
        check_mapping({"A1": "value", "A2": "value"}, {"A1": "value", "A2": "usability"}, "tags")
    assert "usability" not in str(caught.value)


def test_mapping_names_a_wrong_type_without_the_value():
    """Is a string where a number is expected named as a type problem?"""
    with pytest.raises(AssertionError, match=r"`shares\['traffic'\]` should be a number, but it is a str"):
        check_mapping({"traffic": "0.5"}, {"traffic": 0.5}, "shares")


@pytest.mark.parametrize("answer", [
    {"traffic": np.float64(0.5), "mix": ("a", "b"), "name": np.str_("web")},
    {"traffic": 0.5, "mix": ["a", "b"], "name": "web"},
])
def test_mapping_accepts_what_a_prompt_allows(answer):
    """Do numpy scalars and strings, and a list for a pair, pass where the prompt does not insist?"""
    check_mapping(answer, {"traffic": 0.5, "mix": ("a", "b"), "name": "web"}, "answer")


def test_sequence_accepts_a_tuple_but_not_a_rigged_string():
    """Is a tuple ranking accepted, and a str subclass that equals everything refused?"""
    check_sequence(("a", "b"), ["a", "b"], "ranking")

    class Sly(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    assert not same_value(Sly("z"), "a")


def test_series_with_shifted_date_labels_says_the_labels_differ():
    """Do weeks labelled by Tuesday instead of Monday get a message about labels, not 'no value'?"""
    got = pd.Series({pd.Timestamp("2026-03-03"): 1.0})
    with pytest.raises(AssertionError, match="labelled differently: it has 2026-03-03 where 2026-03-02") as caught:
        check_series(got, pd.Series({pd.Timestamp("2026-03-02"): 1.0}), "weekly")
    assert "no value" not in str(caught.value)


def test_whole_number_explains_none():
    """Does None get its own message instead of 'should be an int'?"""
    with pytest.raises(AssertionError, match="is None"):
        check_whole_number(None, "weeks")
    check_whole_number(np.int64(3), "weeks")
    with pytest.raises(AssertionError, match="whole number"):
        check_whole_number(3.0, "weeks")


def test_series_shows_dates_as_dates():
    """Are date labels shown as 2026-03-02, not as Timestamp(...)?"""
    day = pd.Timestamp("2026-03-02")
    with pytest.raises(AssertionError, match="off for 2026-03-02") as caught:
        check_series(pd.Series({day: 1.0}), pd.Series({day: 2.0}), "weekly")
    assert "Timestamp" not in str(caught.value)


def test_choice_lists_the_options():
    """Does an answer outside the options list them?"""
    with pytest.raises(AssertionError, match="'value', 'usability'"):
        check_choice("ethics", ("value", "usability"), "tag")


def test_good_okr_passes():
    """Does a well-formed OKR pass and expose its churn key result?"""
    check_okr(GOOD_OKR)
    assert find_key_result(GOOD_OKR, "churn")["baseline"] == 0.10


@pytest.mark.parametrize("changes, message", [
    ({"objective": "Cut churn to 8% by March"}, "contains a number"),
    ({"objective": "Churn"}, "too short"),
    ({"kr1_metric": "launch the churn model"}, "measures an output"),
    ({"kr1_metric": "Deploy scoring API"}, "measures an output"),
    ({"kr1_metric": "churn model AUC on the holdout"}, "measures an output"),
    ({"kr1_metric": "number of ML features in production"}, "measures an output"),
    ({"kr1_metric": "share of orders scored by the new model"}, "measures an output"),
    ({"kr1_baseline": None}, "has no baseline"),
    ({"kr1_target": 0.10}, "equals the baseline"),
    ({"kr1_deadline": "2027-06-30"}, "outside the quarter"),
    ({"kr1_deadline": "March"}, "YYYY-MM-DD"),
    ({"kr1_baseline": "10%"}, "should be a number"),
    ({"key_results": []}, "write 2 to 5"),
    ({"guardrail": {"metric": "4-week churn rate", "baseline": 0.1, "limit": 0.12}}, "repeats a key result"),
    ({"guardrails": {}}, "keys we do not use"),
])
def test_okr_rules_give_specific_messages(changes, message):
    """Does each broken OKR rule get a message that says what to fix?"""
    with pytest.raises(AssertionError, match=message):
        check_okr(okr_with(**changes))


@pytest.mark.parametrize("metric", ["on-time delivery rate", "shipping cost per order", "completed orders per week"])
def test_outcome_metrics_named_after_delivery_are_not_outputs(metric):
    """Is a real outcome metric that contains an output-like word still accepted?"""
    check_okr(okr_with(kr1_metric=metric))


def test_okr_without_baseline_key_says_so():
    """Is a key result with no 'baseline' key named by its number?"""
    okr = okr_with()
    del okr["key_results"][1]["baseline"]
    with pytest.raises(AssertionError, match="Key result 2 has no 'baseline'"):
        check_okr(okr)


def test_release_checks_capacity_and_value():
    """Are over-capacity, unknown, repeated and sub-optimal plans each explained?"""
    items = pd.DataFrame({"item_id": ["A", "B"], "reach": [10, 20], "impact": [1.0, 1.0],
                          "confidence": [1.0, 1.0], "effort_weeks": [2, 3]})
    check_release(["B"], items, 3, best_value=20)
    with pytest.raises(AssertionError, match="needs 5 person-weeks"):
        check_release(["A", "B"], items, 3, best_value=20)
    with pytest.raises(AssertionError, match="not item ids"):
        check_release(["Z"], items, 3, best_value=20)
    with pytest.raises(AssertionError, match="twice"):
        check_release(["A", "A"], items, 9, best_value=20)
    with pytest.raises(AssertionError, match="more value"):
        check_release(["A"], items, 3, best_value=20)


def test_release_names_greedy_only_for_a_greedy_plan():
    """Is the 'RICE order' hint shown to a greedy plan, and a neutral one to another sub-optimal plan?"""
    items = pd.DataFrame({"item_id": ["A", "B", "C"], "reach": [700, 1800, 1800], "impact": [1.0] * 3,
                          "confidence": [1.0] * 3, "effort_weeks": [1, 3, 3]})
    with pytest.raises(AssertionError, match="in RICE order"):
        check_release(["A", "B"], items, 6, best_value=3600)  # greedy: A first, then B; C no longer fits
    with pytest.raises(AssertionError, match="over every set that fits") as caught:
        check_release(["A"], items, 6, best_value=3600)  # not greedy: stopped too early
    assert "RICE order" not in str(caught.value)


def test_build_decisions_reason_must_support_option():
    """Is a reason that argues for the other option caught?"""
    cases = {"U1": "draft e-mails"}
    check_build_decisions({"U1": ("genai_api", "generic_language_task")}, cases)
    with pytest.raises(AssertionError, match="argues for 'core_ml_team'"):
        check_build_decisions({"U1": ("genai_api", "proprietary_data_edge")}, cases)
    check_build_decisions({"U1": ["genai_api", "generic_language_task"]}, cases)  # "pairs": a list is a pair too
    with pytest.raises(AssertionError, match="should be a pair"):
        check_build_decisions({"U1": "genai_api"}, cases)


@pytest.mark.parametrize("answer, message", [
    ({"a": 1}, "has no entry for 'b'. Answer every one."),
    ({"a": 1, "b": 2, "c": 3}, "should not be there: 'c'"),
    ([("a", 1), ("b", 2)], "should be a dict"),
])
def test_keys_names_what_is_missing_or_extra(answer, message):
    """Does a dict with missing or extra keys (or no dict) get a message naming them?"""
    with pytest.raises(AssertionError, match=re.escape(message)):
        check_keys(answer, ["a", "b"], "plan")
    check_keys({"b": 0, "a": 0}, ["a", "b"], "plan")
