"""Module 00 (orientation): is the churn-rate checker right both ways, and do the warm-ups' keys agree
with the lesson?"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mlpm
from mlpm.checks.orientation import check_pick, check_rates, check_riskiest
from notebook_tools import ROOT, cells_by_id, read_notebook, source

SOLUTION = ROOT / "solutions" / "00-orientation" / "00-orientation-exercises.ipynb"
LESSON = ROOT / "notebooks" / "00-orientation.ipynb"
EXPECTED = pd.Series({"couple": 0.25, "family": 0.5, "single": 0.0})


def _namespace(grade_id: str) -> dict:
    namespace: dict = {}
    exec(source(cells_by_id(read_notebook(SOLUTION))[grade_id]).replace("### BEGIN SOLUTION", "")
         .replace("### END SOLUTION", ""), namespace)
    return namespace


def test_reference_rates_match_churners_over_subscribers():
    """Does the pinned rate (mean of the True/False column) equal churners ÷ subscribers, counted apart?"""
    customers = mlpm.load("customers")
    rates = customers.groupby("segment")["churned_next_4w"].mean()
    for segment, rows in customers.groupby("segment"):
        assert rates[segment] == pytest.approx(int(rows["churned_next_4w"].sum()) / len(rows))
    assert rates.idxmax() == "family", "the lesson and the data card speak of families as the riskiest segment"


def test_check_rates_passes_the_reference_and_a_one_column_frame():
    """Does a Series of shares, or a one-column DataFrame of them, pass?"""
    check_rates(EXPECTED.copy(), EXPECTED, "rates")
    check_rates(EXPECTED.to_frame("churned_next_4w"), EXPECTED, "rates")
    check_rates(EXPECTED.iloc[::-1], EXPECTED, "rates")  # order does not matter


@pytest.mark.parametrize("wrong, words", [
    (pd.Series({"couple": 12.5, "family": 50.0, "single": 0.0}), "looks like percentages"),
    (EXPECTED * 100, "counts or percentages"),
    (pd.Series({"couple": 1.0, "family": 4.0, "single": 0.0}), "counts or percentages"),
    (pd.Series({"couple": 0.5, "family": 0.25, "single": 0.0}), "off for 'couple'"),
    (pd.Series({"couple": 1 / 3, "family": 2 / 3, "single": 0.0}), "share of all churners"),
    (pd.Series({"couple": 0.25, "family": 0.5}), "no value for 'single'"),
    ([0.25, 0.5, 0.0], "should be a pandas Series"),
])
def test_check_rates_fails_wrong_answers_with_the_right_message(wrong, words):
    """Does each known kind of wrong answer fail with a message that names it (and not the value)?"""
    with pytest.raises(AssertionError, match=words) as caught:
        check_rates(wrong, EXPECTED, "rates")
    assert "0.25" not in str(caught.value)


def test_lenient_accepts_percentages_and_rounding_only_in_the_hidden_checks():
    """Are a percentage and a rounded rate charged once (visible) and accepted where lenient is set (hidden)?"""
    thirds = pd.Series({"couple": 1 / 3, "family": 2 / 3, "single": 0.0})
    for slip in (thirds * 100, thirds.round(2), (thirds * 100).round(1)):
        check_rates(slip, thirds, "rates", lenient=True)
        with pytest.raises(AssertionError):
            check_rates(slip, thirds, "rates")
    for wrong in (thirds + 0.01, thirds.drop("single"), thirds * 100 + 1):
        with pytest.raises(AssertionError):
            check_rates(wrong, thirds, "rates", lenient=True)


TOY = pd.DataFrame({"segment": ["a", "a", "b", "b", "b", "c"],
                    "churned_next_4w": [True, False, True, True, False, False]})  # b: 2 churners of 3


def test_check_riskiest_passes_the_true_segment_and_the_one_from_the_learners_own_rates():
    """Does the highest-rate segment pass, and another one only when the learner's own rates point to it?"""
    check_riskiest("b", TOY, also=[None])
    check_riskiest(np.str_("b"), TOY, also=["b"])
    check_riskiest("a", TOY, also=["a"])  # error carried forward from the learner's own churn_by_segment


@pytest.mark.parametrize("wrong, own, words", [
    ("a", "b", "not the segment with the highest churn rate"),
    ("a", None, "not the segment with the highest churn rate"),
    ("B", None, "not a segment of `customers`"),
    (["b"], None, "should be a str"),
    (pd.Series({"b": 0.6}).idxmax, None, "should be a str"),
])
def test_check_riskiest_fails_wrong_answers_with_the_right_message(wrong, own, words):
    """Does a wrong segment, an unknown name or a non-string fail with a message that says which?"""
    with pytest.raises(AssertionError, match=words):
        check_riskiest(wrong, TOY, also=[own])


def test_check_pick_passes_an_accepted_choice_and_hides_which_entry_is_off():
    """Does a right entry pass (numpy strings too), and a wrong, missing or non-string one fail without naming it?"""
    check_pick({"A1": "pm"}, "A1", {"pm"}, "who_owns")
    check_pick({"A1": np.str_("pm")}, "A1", {"pm"}, "who_owns")
    for wrong in ({"A1": "data scientist"}, {}, {"A1": ["pm"]}, [("A1", "pm")]):
        with pytest.raises(AssertionError, match="has entries that are not right yet") as caught:
            check_pick(wrong, "A1", {"pm"}, "who_owns")
        assert "A1" not in str(caught.value)


def test_skill_group_key_agrees_with_the_lessons_table():
    """Does each situation's skill group in the key match the group of the module the lesson assigns?"""
    lesson = "\n".join(source(c) for c in read_notebook(LESSON)["cells"] if c["cell_type"] == "code")
    start = lesson.index("MODULE_GROUPS = {")
    namespace: dict = {}
    exec(lesson[start:lesson.index("}\n", start) + 2], namespace)
    groups = namespace["MODULE_GROUPS"]
    answer = _namespace("q3_answer")["skill_for"]
    situations = _namespace("q3_situations")
    # the module a learner would open for each situation
    module_of = {"S1": "01-product-strategy", "S2": "02-ml-mvp", "S3": "05-explaining-models",
                 "S4": "07-responsible-ai", "S5": "01-product-strategy", "S6": "03-measuring-impact",
                 "S7": "06-influence", "S8": "08-mlops"}
    assert set(module_of) == set(situations["SITUATIONS"])
    for situation, module in module_of.items():
        assert module in groups[answer[situation]], situation
    assert set(groups) == set(situations["SKILL_GROUPS"])


def test_activity_key_splits_the_week_evenly():
    """Is the PM/data-scientist key balanced, so guessing one role for all scores half at most?"""
    owners = list(_namespace("q2_answer")["who_owns"].values())
    assert owners.count("pm") == owners.count("data scientist") == 5
