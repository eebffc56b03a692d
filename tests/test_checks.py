"""Do the checkers give actionable messages, refuse rigged objects and stay quiet on stderr?"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from mlpm.checks import (
    as_sequence,
    check_choice,
    check_choices_in,
    check_keys,
    check_labels,
    check_mapping,
    check_names,
    check_number,
    check_sequence,
    check_series,
    check_whole_number,
    fail,
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
    with pytest.raises(AssertionError, match="is None: your code gives no value here.*a loop that runs to its end"):
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


def test_sequence_names_the_item_where_the_order_breaks():
    """Does a ranking name the learner's first item out of place (an item, never a position)?"""
    with pytest.raises(AssertionError, match="order goes wrong at 'c'"):
        check_sequence(["a", "c", "b"], ["a", "b", "c"], "ranking")
    with pytest.raises(AssertionError, match="order goes wrong at 'c'"):
        check_sequence(["c", "b", "a"], ["a", "b", "c"], "ranking")
    with pytest.raises(AssertionError, match="lists 'a' more than once"):
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


@pytest.mark.parametrize("objective, word", [
    ("Launch the ML recommender for substitutes", "launch"),
    ("Ship the churn model to the retention team", "model"),
    ("Use machine learning to understand and reduce churn", "machine learning"),
    ("Roll out AI-powered substitutions to every subscriber", "roll out"),
    ("Give the retention team predictive churn alerts", "predictive"),
    ("Deliver a churn dashboard that leadership trusts", "dashboard"),
])
def test_objective_naming_a_solution_is_refused(objective, word):
    """Is an objective that names what the team would build or launch refused, naming the word?"""
    with pytest.raises(AssertionError, match=rf"names a solution \('{word}'\)"):
        check_okr({**GOOD_OKR, "objective": objective})


@pytest.mark.parametrize("objective", [
    "New and loyal subscribers trust Larder to deliver the groceries they chose",
    "Build lasting trust with families who plan their week around Larder",
    "Subscribers can predict exactly what arrives in their box",
    "Larder's subscription model works for busy families again",
    "Ship every box complete, so subscribers never have to shop twice",
    "Make first-time delivery the normal experience for every Larder customer",
    "Fewer families leave because of swaps they did not want",
])
def test_objective_about_an_outcome_is_accepted(objective):
    """Is an outcome in the learner's own words accepted, whatever verb it starts with?"""
    check_okr({**GOOD_OKR, "objective": objective})


@pytest.mark.parametrize("metric", ["on-time delivery rate", "shipping cost per order", "completed orders per week",
                                    "churn", "NPS", "churn_rate_4w", "missed_delivery_rate"])
def test_every_reasonable_metric_name_is_accepted(metric):
    """Are outcome metrics with output-like words, one-word and snake_case names all accepted?"""
    check_okr(okr_with(kr1_metric=metric))


@pytest.mark.parametrize("metric", ["model_auc", "launch_date_of_the_model", "42"])
def test_snake_case_outputs_and_numbers_are_not_metric_names(metric):
    """Is an output written in snake_case still an output, and a bare number not a name?"""
    with pytest.raises(AssertionError, match="measures an output|name the metric in words"):
        check_okr(okr_with(kr1_metric=metric))


def test_okr_with_a_list_of_metrics_names_them_exactly():
    """With ``metrics=`` (the capstone's METRICS), is a name outside the list refused, and a named output too?"""
    names = ["4-week churn rate", "substitutions per order", "gross margin per order", "reminders_sent"]
    check_okr(GOOD_OKR, metrics=names)
    with pytest.raises(AssertionError, match="not in `METRICS`"):
        check_okr(okr_with(kr1_metric="churn"), metrics=names)
    with pytest.raises(AssertionError, match=r"\('reminders_sent'\) measures an output"):
        check_okr(okr_with(kr1_metric="reminders_sent"), metrics=names, outputs=["reminders_sent"])


def test_okr_without_baseline_key_says_so():
    """Is a key result with no 'baseline' key named by its number?"""
    okr = okr_with()
    del okr["key_results"][1]["baseline"]
    with pytest.raises(AssertionError, match=r"`okr\['key_results'\]\[1\]` has no 'baseline'"):
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


# The shared vocabulary: also=, check_names, fail, as_sequence.

@pytest.mark.parametrize("check, reference, own, wrong", [
    (check_number, 2.0, 3.0, 4.0),
    (check_series, pd.Series({"a": 1.0}), pd.Series({"a": 2.0}), pd.Series({"a": 5.0})),
    (check_sequence, ["a", "b"], ["b", "a"], ["a", "c"]),
    (check_names, ["a", "b"], ["b", "a"], ["a", "c"]),
    (check_labels, pd.Series({"x": "win"}), pd.Series({"x": "bet"}), pd.Series({"x": "fill-in"})),
    (check_mapping, {"k": "v"}, {"k": "w"}, {"k": "z"}),
])
def test_every_checker_accepts_carried_forward_values_with_also(check, reference, own, wrong):
    """Does each generic checker pass the reference and an also= value, skip None, and show the reference's message?"""
    check(reference, reference, "answer", also=[None, own])
    check(own, reference, "answer", also=[None, own])
    with pytest.raises(AssertionError) as against_reference:
        check(wrong, reference, "answer")
    with pytest.raises(AssertionError) as with_also:
        check(wrong, reference, "answer", also=(own, None))
    assert str(with_also.value) == str(against_reference.value)


def test_also_refuses_a_bare_value_instead_of_a_list():
    """Is an author's also=value (not a list of values) refused loudly, not read item by item?"""
    with pytest.raises(TypeError, match="list or tuple"):
        check_number(1.0, 1.0, "answer", also=1.0)


@pytest.mark.parametrize("answer, message", [
    (["a", "a", "b"], r"lists 'a' more than once: each name belongs once"),
    (["a", "x"], r"has 'x', which does not belong here"),
    (["a"], r"misses 1 name\(s\) that belong here"),
    (["b", "a"], r"right names, but the order goes wrong at 'b'"),
    ("a, b", r"should be a list of names, but it is a str"),
    ({"a": 1}, r"should be a list of names, but it is a dict"),
    (["a", 3], r"should hold names"),
])
def test_names_say_which_item_is_duplicate_unknown_missing_or_out_of_order(answer, message):
    """Does check_names use one wording per fault and name items, never positions?"""
    with pytest.raises(AssertionError, match=message) as caught:
        check_names(answer, ["a", "b"], "picked")
    assert not re.search(r"\b(position|index|first \d)", str(caught.value))


@pytest.mark.parametrize("answer", [["a", "b"], ("a", "b"), np.array(["a", "b"]), pd.Series(["a", "b"]),
                                    pd.Index(["a", "b"])])
def test_names_accept_any_sequence_the_prompt_allows(answer):
    """Do a list, a tuple, a numpy array, a Series and an Index (`.index[:n]`) of the right names all pass?"""
    check_names(answer, ["a", "b"], "picked")
    check_sequence(answer, ["a", "b"], "picked")


def test_names_unordered_and_offered_options():
    """Is order free in a selection, a typo called unknown, and a missing option named only if that tells nothing?"""
    check_names(["b", "a"], ["a", "b"], "picked", ordered=False)
    with pytest.raises(AssertionError, match="'aa', which is not one of the names offered"):
        check_names(["aa"], ["a"], "picked", options=["a", "b"])
    with pytest.raises(AssertionError, match=r"misses 1 name\(s\)") as caught:
        check_names(["a"], ["a", "b"], "picked", options=["a", "b", "c"])
    assert "'b'" not in str(caught.value)
    with pytest.raises(AssertionError, match="misses 'b'"):
        check_names(["a"], ["a", "b"], "ranking", options=["a", "b"])


def test_fail_writes_one_line_with_the_name_as_code():
    """Does fail() give the agreed form: `name` problem hint?"""
    with pytest.raises(AssertionError) as caught:
        fail("plan", "is too long.", "Drop the item with the least value per week.")
    assert str(caught.value) == "`plan` is too long. Drop the item with the least value per week."


@pytest.mark.parametrize("answer, items", [
    ([1, 2], [1, 2]), ((1, 2), [1, 2]), (np.array([1, 2]), [1, 2]), (pd.Series([1, 2], index=[5, 6]), [1, 2]),
    (pd.Index(["x", "y"]), ["x", "y"]),
])
def test_as_sequence_accepts_list_tuple_array_series(answer, items):
    """Does as_sequence give the items of any sequence the prompt allows?"""
    assert as_sequence(answer, "plan") == items


@pytest.mark.parametrize("answer, kind", [("ab", "str"), ({"a": 1}, "dict"), ({1, 2}, "set"), (3, "int"),
                                          (np.zeros((2, 2)), "ndarray"),
                                          (pd.MultiIndex.from_tuples([(1, 2)]), "MultiIndex")])
def test_as_sequence_refuses_what_is_not_a_sequence(answer, kind):
    """Are a string, a dict, a set, a number and a 2-d array refused with their type named?"""
    with pytest.raises(AssertionError, match=f"`plan` should be a list, but it is a {kind}"):
        as_sequence(answer, "plan")


def test_labels_and_series_name_no_row_numbers():
    """Does a Series indexed 0, 1, 2 get a count, not 'for example 0, 1' (labels that name no item)?"""
    with pytest.raises(AssertionError) as caught:
        check_labels(pd.Series(["x", "y"]), pd.Series(["x", "z"]), "labels")
    assert str(caught.value) == "`labels` has 1 of 2 labels that are not right yet."
    with pytest.raises(AssertionError) as caught:
        check_series(pd.Series([1.0, 2.0]), pd.Series([1.0, 3.0]), "s")
    assert str(caught.value) == "`s` has 1 of 2 values that are off."


def test_labels_name_the_items_the_learner_knows_when_told():
    """Is a wrong label on a shuffled index named by the frame's ID ('T4'), not its row label (13)?"""
    inbox = pd.DataFrame({"request_id": ["T1", "T4"]}, index=[10, 13])
    with pytest.raises(AssertionError) as caught:
        check_labels(pd.Series(["accept", "defer"], index=inbox.index),
                     pd.Series(["accept", "accept"], index=inbox.index), "triage", items=inbox["request_id"])
    assert str(caught.value) == "`triage` has 1 of 2 labels that are not right yet for 'T4'."


def test_choices_in_one_entry_at_a_time_counts_without_naming():
    """With ``only=``, does one entry decide, while the message counts over the group and names no entry?"""
    key = {"A1": {"value"}, "A2": {"usability"}}
    answer = {"A1": "value", "A2": "value"}
    check_choices_in(answer, key, "risk_tags", only="A1")
    with pytest.raises(AssertionError) as caught:
        check_choices_in(answer, key, "risk_tags", only="A2")
    assert str(caught.value) == "`risk_tags` has 1 of 'A1', 'A2' not right yet."


def test_find_key_result_prefers_the_outcome_to_an_output():
    """Next to "churn model AUC", is the churn rate the key result found for "churn"?"""
    okr = okr_with(key_results=[
        {"metric": "churn model AUC on holdout", "baseline": 0.5, "target": 0.8, "deadline": "2027-02-28"},
        {"metric": "4-week churn rate", "baseline": 0.1, "target": 0.09, "deadline": "2027-03-31"}])
    assert find_key_result(okr, "churn")["metric"] == "4-week churn rate"


def test_series_indexed_by_row_number_is_told_so_without_listing_positions():
    """Is a Series left on its 0, 1, 2 row numbers told to index by its items, not shown "0, 1"?"""
    with pytest.raises(AssertionError) as caught:
        check_series(pd.Series([400.0, 200.0]), pd.Series({"X": 400.0, "Y": 200.0}), "rice_scores(toy)")
    assert "indexed by row number" in str(caught.value) and "0, 1 where" not in str(caught.value)
