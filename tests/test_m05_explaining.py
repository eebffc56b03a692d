"""Do module 05's pinned computations agree with independent ones, do its checkers grade both ways,
and do its datasets hold the planted effects the data cards promise?"""

from __future__ import annotations

import math
from fractions import Fraction

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from scipy import stats  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.inspection import partial_dependence, permutation_importance  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import brier_score_loss, roc_auc_score  # noqa: E402

import mlpm  # noqa: E402
from mlpm.checks.explaining import (
    _half_up as half_up,
)
from mlpm.checks.explaining import (  # noqa: E402
    check_brier,
    check_call,
    check_direct_labels,
    check_finding_title,
    check_frequencies,
    check_highlight,
    check_horizontal_bars,
    check_importances,
    check_no_legend,
    check_reliability_table,
    check_sentence,
    check_sorted_bars,
)
from mlpm.checks.references import reference  # noqa: E402

FEATURES = ["substitutions_per_month", "days_since_last_order", "support_contacts_per_month", "tenure_months",
            "avg_basket_eur", "referral_code"]


class AlwaysEqual(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


@pytest.fixture(scope="module")
def drivers():
    return mlpm.load("churn_drivers")


@pytest.fixture(scope="module")
def scored():
    return mlpm.load("scored_subscribers")


@pytest.fixture(scope="module")
def small_forest():
    """A quick forest on another draw, with its holdout."""
    frame = mlpm.datasets.churn_drivers(seed=41, n_customers=600)
    holdout, train = frame[frame.index % 3 == 0], frame[frame.index % 3 != 0]
    model = RandomForestClassifier(n_estimators=25, random_state=0, n_jobs=1)
    model.fit(train[FEATURES], train["churned_next_4w"])
    return model, holdout


# ---- independent cross-checks of the pinned computations ----------------------------------------


def test_permutation_importance_matches_a_shuffle_by_hand(small_forest):
    """Is sklearn's permutation importance (roc_auc, 10 repeats, seed 0) the mean AUC drop of shuffling one column?"""
    model, holdout = small_forest
    X, y = holdout[FEATURES], holdout["churned_next_4w"]
    pinned = permutation_importance(model, X, y, scoring="roc_auc", n_repeats=10, random_state=0).importances_mean
    base = roc_auc_score(y, model.predict_proba(X)[:, 1])
    # sklearn draws one seed from random_state=0; each column replays the same ten in-place shuffles
    seed = np.random.RandomState(0).randint(np.iinfo(np.int32).max + 1)
    by_hand = []
    for column in FEATURES:
        shuffler, order, rows, drops = np.random.RandomState(seed), np.arange(len(X)), X.copy(), []
        for _ in range(10):
            shuffler.shuffle(order)
            rows[column] = rows[column].to_numpy()[order]
            drops.append(base - roc_auc_score(y, model.predict_proba(rows)[:, 1]))
        by_hand.append(np.mean(drops))
    np.testing.assert_allclose(pinned, by_hand, rtol=1e-10, atol=1e-12)


def test_partial_dependence_matches_the_average_by_hand(small_forest):
    """Is sklearn's partial dependence with custom values the average predicted churn with the column set?"""
    model, holdout = small_forest
    X = holdout[FEATURES]
    grid = np.arange(0, 6.5, 0.5)
    pinned = partial_dependence(model, X, ["substitutions_per_month"], custom_values={"substitutions_per_month": grid},
                                kind="average")["average"][0]
    by_hand = [model.predict_proba(X.assign(substitutions_per_month=v))[:, 1].mean() for v in grid]
    np.testing.assert_allclose(pinned, by_hand, rtol=1e-12)


@pytest.mark.parametrize("values, shape", [
    ([0.10, 0.12, 0.20, 0.35], "rises"),
    ([0.10, 0.30, 0.31, 0.305], "rises"),          # a dip of 0.005 at the end is not a fall
    ([0.10, 0.30, 0.25, 0.24], "rises then falls"),
    ([0.30, 0.29, 0.31, 0.30], "flat"),
    ([0.40, 0.30, 0.20, 0.21], "falls"),
])
def test_direction_ignores_changes_under_two_points(values, shape):
    """Does the pinned reading of a curve's direction ignore moves smaller than 0.02?"""
    assert reference("explaining").direction(pd.Series(values, index=range(len(values)))) == shape


def test_supported_range_stops_at_the_linear_95th_percentile(drivers):
    """Is `supported_up_to` the largest grid value at or below scipy's (linear) 95th percentile?"""
    holdout = drivers[drivers.index % 3 == 0]
    grid = np.arange(0, 6.5, 0.5)
    limit = stats.scoreatpercentile(holdout["substitutions_per_month"], 95)
    assert reference("explaining").supported_up_to(holdout["substitutions_per_month"], grid) == max(
        g for g in grid if g <= limit)
    # the region the data card calls empty: 4 or more substitutions, under 1 % of subscribers
    assert (holdout["substitutions_per_month"] >= 4).sum() <= 10


def test_shipped_model_beats_the_challenger_on_fresh_draws():
    """Does the logistic regression rank held-out subscribers better than the full-depth forest, on other draws?"""
    for seed in (6, 7, 8):
        frame = mlpm.datasets.churn_drivers(seed=seed)
        holdout, train = frame[frame.index % 3 == 0], frame[frame.index % 3 != 0]
        y = holdout["churned_next_4w"]
        forest = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1).fit(train[FEATURES],
                                                                                           train["churned_next_4w"])
        shipped = LogisticRegression(max_iter=5000).fit(train[FEATURES[:5]], train["churned_next_4w"])
        assert roc_auc_score(train["churned_next_4w"], forest.predict_proba(train[FEATURES])[:, 1]) > 0.99
        assert (roc_auc_score(y, shipped.predict_proba(holdout[FEATURES[:5]])[:, 1])
                > roc_auc_score(y, forest.predict_proba(holdout[FEATURES])[:, 1]))


def test_reason_contributions_add_up_to_the_log_odds_difference(drivers):
    """Do coefficient x (value - training mean) contributions sum to the customer's log-odds minus the mean's?"""
    columns = FEATURES[:5]
    holdout = drivers[drivers.index % 3 == 0]
    train = drivers.drop(holdout.index)
    model = LogisticRegression(max_iter=5000).fit(train[columns], train["churned_next_4w"])
    coefficients = pd.Series(model.coef_[0], index=columns)
    typical = train[columns].mean()
    customer = drivers.set_index("customer_id").loc["D00003", columns].astype(float)
    contributions = coefficients * (customer - typical)
    log_odds = model.decision_function(customer.to_frame().T)[0]
    typical_log_odds = model.decision_function(typical.to_frame().T)[0]
    assert math.isclose(contributions.sum(), log_odds - typical_log_odds, rel_tol=1e-9)
    top = list(contributions[contributions > 0].sort_values(ascending=False).index[:3])
    assert top == ["substitutions_per_month", "days_since_last_order", "support_contacts_per_month"]
    assert model.predict_proba(customer.to_frame().T)[0, 1] >= 0.3  # the shipped model flags her


def test_natural_frequencies_by_hand_on_a_small_matrix():
    """Do natural frequencies of a small matrix match counting people by hand, halves rounded up?"""
    # 100 subscribers: 20 leave (200 of 1,000), 20 flagged (200), 9 flagged and leave (90)
    assert reference("explaining").natural_frequencies({"tp": 9, "fp": 11, "fn": 11, "tn": 69}) == {
        "leave": 200, "flagged": 200, "flagged_and_leave": 90}
    # 2,000 subscribers: 9 flagged and leave is 4.5 per 1,000, rounded up to 5; 21 leave is 10.5 -> 11
    assert reference("explaining").natural_frequencies({"tp": 9, "fp": 1, "fn": 12, "tn": 1978}) == {
        "leave": 11, "flagged": 5, "flagged_and_leave": 5}


def test_natural_frequencies_of_the_list_agree_with_exact_fractions(scored):
    """Do the list's frequencies equal the exact fractions of the confusion matrix, rounded half up?"""
    counts = reference("explaining").confusion_counts(scored["risk_score"], scored["churned_next_4w"], 0.3)
    n = sum(counts.values())
    exact = {"leave": Fraction(1000 * (counts["tp"] + counts["fn"]), n),
             "flagged": Fraction(1000 * (counts["tp"] + counts["fp"]), n),
             "flagged_and_leave": Fraction(1000 * counts["tp"], n)}
    pinned = reference("explaining").natural_frequencies(counts)
    assert pinned == {k: math.floor(v + Fraction(1, 2)) for k, v in exact.items()}
    assert 100 <= pinned["leave"] <= 140  # the fact sheet's 10-14 %


@pytest.mark.parametrize("numerator, denominator", [(9, 2), (1001, 2), (7, 3), (5, 8), (2, 3)])
def test_half_up_agrees_with_exact_fractions(numerator, denominator):
    """Does the pinned rounding agree with rounding the exact fraction half up?"""
    exact = Fraction(numerator, denominator)
    assert half_up(numerator / denominator) == math.floor(exact + Fraction(1, 2))


def test_brier_matches_sklearn(scored):
    """Is the pinned Brier score sklearn's brier_score_loss?"""
    pinned = float(np.mean((scored["risk_score"] - scored["churned_next_4w"].astype(float)) ** 2))
    assert math.isclose(pinned, brier_score_loss(scored["churned_next_4w"], scored["risk_score"]), rel_tol=1e-12)


def test_reliability_table_matches_sklearn_calibration_curve(scored):
    """Does the pinned reliability table agree with sklearn's calibration_curve on ten quantile bins?"""
    table = reference("explaining").reliability_table(scored["risk_score"], scored["churned_next_4w"])
    rate, mean = calibration_curve(scored["churned_next_4w"], scored["risk_score"], n_bins=10, strategy="quantile")
    np.testing.assert_allclose(table["mean_score"], mean, atol=2e-3)
    np.testing.assert_allclose(table["churn_rate"], rate, atol=5e-3)


def test_reliability_deciles_are_equal_count_groups_by_hand(scored):
    """Do qcut deciles match sorting the scores and cutting them into ten groups by rank?"""
    deciles = pd.qcut(scored["risk_score"], 10, labels=False) + 1
    ranks = scored["risk_score"].rank(method="first").to_numpy() - 1
    by_rank = (ranks * 10 // len(scored)).astype(int) + 1
    # ties at the edges may move a subscriber by one group; nearly all agree
    assert (deciles.to_numpy() == by_rank).mean() > 0.995
    sizes = deciles.value_counts()
    assert sizes.min() >= 398 and sizes.max() <= 402


def test_segment_auc_matches_pairs_counted_by_hand():
    """Is the segment AUC the share of (leaver, stayer) pairs the score orders right?"""
    scores = np.array([0.3, 0.7, 0.1, 0.8, 0.2, 0.6])
    churned = np.array([True, True, False, False, False, True])
    pairs = [(s1 > s0) + 0.5 * (s1 == s0) for s1 in scores[churned] for s0 in scores[~churned]]
    assert math.isclose(roc_auc_score(churned, scores), np.mean(pairs))


# ---- the planted effects --------------------------------------------------------------------------


def test_churn_drivers_plant_the_impurity_trap(drivers):
    """Does impurity put the referral code and basket in its top three while permutation puts them near zero?"""
    holdout = drivers[drivers.index % 3 == 0]
    train = drivers.drop(holdout.index)
    forest = RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1)
    forest.fit(train[FEATURES], train["churned_next_4w"])
    impurity = pd.Series(forest.feature_importances_, index=FEATURES).sort_values(ascending=False)
    permutation = pd.Series(permutation_importance(forest, holdout[FEATURES], holdout["churned_next_4w"],
                                                   scoring="roc_auc", n_repeats=10, random_state=0).importances_mean,
                            index=FEATURES)
    assert {"referral_code", "avg_basket_eur"} <= set(impurity.index[:3])
    assert permutation.idxmax() == "substitutions_per_month"
    assert permutation["referral_code"] < 0.005 and permutation["avg_basket_eur"] < 0.005


@pytest.mark.parametrize("seed", [5, 6, 7, 8, 9])
def test_churn_follows_the_fact_sheet(seed):
    """Is four-week churn 10-14 % in every draw of both datasets, as the fact sheet says of random samples?"""
    assert 0.10 <= mlpm.datasets.churn_drivers(seed=seed)["churned_next_4w"].mean() <= 0.14
    assert 0.10 <= mlpm.datasets.scored_subscribers(seed=seed + 6)["churned_next_4w"].mean() <= 0.14
    cities = set(mlpm.datasets.scored_subscribers(seed=seed)["city"])
    assert cities == {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"}


def test_scored_subscribers_plant_overconfidence_and_a_weak_city(scored):
    """Does the top decile over-promise, and is Eindhoven the only city below the bar?"""
    deciles = pd.qcut(scored["risk_score"], 10, labels=False) + 1
    top = scored[deciles == 10]
    assert top["risk_score"].mean() - top["churned_next_4w"].mean() > 0.15
    aucs = {city: roc_auc_score(g["churned_next_4w"], g["risk_score"]) for city, g in scored.groupby("city")}
    assert aucs["Eindhoven"] < 0.6 and all(a > 0.7 for city, a in aucs.items() if city != "Eindhoven")
    assert (scored.loc[scored["city"] == "Eindhoven", "tenure_band"] == "new").all()


@pytest.mark.parametrize("seed", [12, 13, 14, 15, 16])
def test_model_answer_calls_hold_on_fresh_months(seed):
    """On other months, is Eindhoven's whole AUC interval below the bar (the "not yet" call), and does the
    interval of new subscribers elsewhere reach the bar (so the exercise's "cannot tell" is no artefact)?"""
    ref = reference("explaining")
    month = mlpm.datasets.scored_subscribers(seed=seed)
    assert ref.auc_interval(month[month["city"] == "Eindhoven"])[1] < 0.70
    elsewhere = month[(month["tenure_band"] == "new") & (month["city"] != "Eindhoven")]
    low, high = ref.auc_interval(elsewhere)
    assert low < 0.70 < high or high < 0.70 or low > 0.70  # an interval, read against the bar
    assert high - low > 0.08  # about 300 subscribers: too wide to settle a few points either way


# ---- checkers, both ways --------------------------------------------------------------------------


def test_importances_pass_sorted_and_fail_unsorted():
    """Does a sorted importance Series pass, and an unsorted one fail saying to sort?"""
    expected = pd.Series({"a": 0.1, "b": 0.3, "c": 0.2})
    check_importances(expected.sort_values(ascending=False), expected, "imp")
    with pytest.raises(AssertionError, match="not sorted"):
        check_importances(expected, expected, "imp")
    with pytest.raises(AssertionError, match="values that are off"):
        check_importances((expected * 2).sort_values(ascending=False), expected, "imp")


@pytest.mark.parametrize("value, message", [
    ("4.1 substitutions a month, against 1.2 for a typical subscriber", None),
    ("  4.1 substitutions a month,  against 1.2 for a typical subscriber ", None),
    ("4.06 substitutions a month, against 1.20 for a typical subscriber", "numbers"),
    ("4.1 substitutions per month, against 1.2 for a typical subscriber", "words"),
    (4.1, "should be a str"),
])
def test_sentence_names_numbers_or_words(value, message):
    """Does a rendered sentence pass, and a wrong one say whether its numbers or its words are off?"""
    want = "4.1 substitutions a month, against 1.2 for a typical subscriber"
    if message is None:
        check_sentence(value, want, "s")
    else:
        with pytest.raises(AssertionError, match=message):
            check_sentence(value, want, "s")


COUNTS = {"tp": 9, "fp": 11, "fn": 12, "tn": 1968}  # 2,000 subscribers: 10.5 leave, 10 flagged, 4.5 both
EXPECTED = {"leave": 11, "flagged": 10, "flagged_and_leave": 5}


@pytest.mark.parametrize("value, message", [
    ({"leave": 11, "flagged": 10, "flagged_and_leave": 5}, None),
    ({"leave": np.int64(11), "flagged": np.int64(10), "flagged_and_leave": np.int64(5)}, None),
    ({"leave": 10, "flagged": 10, "flagged_and_leave": 5}, "rounded another way"),
    ({"leave": 11.0, "flagged": 10, "flagged_and_leave": 5}, "whole number"),
    ({"leave": 11}, "exactly the keys"),
    ({"leave": 11, "flagged": 10, "flagged_and_leave": AlwaysEqual(5)}, "whole number"),
    ({"leave": 11, "flagged": 10, "flagged_and_leave": 450}, "per 1,000 subscribers, all of them"),
    ({"leave": 11, "flagged": 25, "flagged_and_leave": 5}, "count everyone flagged"),
])
def test_frequencies_both_ways(value, message):
    """Do right frequencies pass (numpy ints too), and wrong ones name rounding, type, keys or population?"""
    if message is None:
        check_frequencies(value, EXPECTED, COUNTS, "f")
    else:
        with pytest.raises(AssertionError, match=message):
            check_frequencies(value, EXPECTED, COUNTS, "f")


def test_frequencies_accept_the_learners_own_counts():
    """Do frequencies of the learner's own (wrong) counts pass when offered as carried forward?"""
    ref = reference("explaining")
    counts = {"tp": 30, "fp": 70, "fn": 20, "tn": 880}
    own = {"tp": 30, "fp": 20, "fn": 70, "tn": 880}
    with pytest.raises(AssertionError):
        check_frequencies(ref.natural_frequencies(own), ref.natural_frequencies(counts), counts, "f")
    check_frequencies(ref.natural_frequencies(own), ref.natural_frequencies(counts), counts, "f",
                      also=[None, ref.natural_frequencies(own)])


def test_frequencies_judge_only_the_keys_asked_for():
    """Does a check of L and F pass a learner whose T counts per 1,000 flagged, while the check of T fails?"""
    per_flagged = {"leave": 11, "flagged": 10, "flagged_and_leave": 450}
    check_frequencies(per_flagged, EXPECTED, COUNTS, "f", keys=("leave", "flagged"))
    with pytest.raises(AssertionError, match="per 1,000 subscribers, all of them"):
        check_frequencies(per_flagged, EXPECTED, COUNTS, "f", keys=("flagged_and_leave",))
    with pytest.raises(AssertionError, match="exactly the keys"):
        check_frequencies({"leave": 11, "flagged": 10}, EXPECTED, COUNTS, "f", keys=("leave", "flagged"))


def test_frequencies_can_leave_the_int_type_to_another_check():
    """With integers=False, do whole floats pass on their counts, while unrounded ones still fail?"""
    floats = {"leave": 11.0, "flagged": np.float64(10.0), "flagged_and_leave": 5.0}
    check_frequencies(floats, EXPECTED, COUNTS, "f", integers=False)
    with pytest.raises(AssertionError, match="whole number"):
        check_frequencies(floats, EXPECTED, COUNTS, "f")
    with pytest.raises(AssertionError, match="whole number: round it"):
        check_frequencies({**floats, "leave": 10.5}, EXPECTED, COUNTS, "f", integers=False)
    with pytest.raises(AssertionError, match="rounded another way"):
        check_frequencies({**floats, "leave": 10.0}, EXPECTED, COUNTS, "f", integers=False)


CALL_OPTIONS = ("use_now", "rank_only", "not_yet")
REVERSALS = ("own_data_clears_bar", "overall_auc_rises")
SEGMENTS = ["Amsterdam", "Eindhoven", "new", "tenured"]


@pytest.mark.parametrize("call, message", [
    ({"decision": "not_yet", "evidence": ["Eindhoven", "new"], "reverse_if": "own_data_clears_bar"}, None),
    ({"decision": "not_yet", "evidence": ("Eindhoven",), "reverse_if": "own_data_clears_bar"}, None),
    ({"decision": "use_now", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}, "not a call"),
    ({"decision": "not_yet", "evidence": ["new"], "reverse_if": "own_data_clears_bar"}, "leaves out"),
    ({"decision": "not_yet", "evidence": ["Eindhoven"], "reverse_if": "overall_auc_rises"}, "would not change"),
    ({"decision": "not_yet", "evidence": ["Glasgow"], "reverse_if": "own_data_clears_bar"}, "not in your AUC"),
    ({"decision": "not_yet", "evidence": [], "reverse_if": "own_data_clears_bar"}, "non-empty list"),
    ({"decision": "later", "evidence": ["Eindhoven"], "reverse_if": "own_data_clears_bar"}, "should be one of"),
    ({"decision": "not_yet", "reverse_if": "own_data_clears_bar"}, "exactly the keys"),
])
def test_call_checker_reads_decision_evidence_and_reversal(call, message):
    """Does a structured call pass when supported, and name the part that is off when not?"""
    kwargs = {"decisions": {"not_yet"}, "must_cite": {"Eindhoven"}, "reversals": {"own_data_clears_bar"}}
    if message is None:
        check_call(call, CALL_OPTIONS, REVERSALS, SEGMENTS, "call", **kwargs)
    else:
        with pytest.raises(AssertionError, match=message):
            check_call(call, CALL_OPTIONS, REVERSALS, SEGMENTS, "call", **kwargs)


def _table(scores, churned):
    frame = pd.DataFrame({"s": scores, "c": np.asarray(churned, dtype=float)})
    frame["d"] = pd.qcut(frame["s"], 10, labels=False) + 1
    return frame.groupby("d").agg(mean_score=("s", "mean"), churn_rate=("c", "mean"), subscribers=("s", "size"))


SCORES = np.linspace(0.01, 0.9, 50) ** 1.5
CHURNED = np.arange(50) % 4 == 0


def test_reliability_table_both_ways():
    """Does the right table pass, and a 0-based, equal-width or swapped one fail with its own message?"""
    want = _table(SCORES, CHURNED)
    check_reliability_table(want.copy(), want, "t")
    with pytest.raises(AssertionError, match="from 0"):
        check_reliability_table(want.set_axis(want.index - 1), want, "t")
    with pytest.raises(AssertionError, match="swaps"):
        swapped = want.rename(columns={"mean_score": "churn_rate", "churn_rate": "mean_score"})
        check_reliability_table(swapped, want, "t")
    wide = pd.DataFrame({"s": SCORES, "c": CHURNED.astype(float)})
    wide["d"] = pd.cut(wide["s"], 10, labels=False) + 1
    wide = wide.groupby("d").agg(mean_score=("s", "mean"), churn_rate=("c", "mean"), subscribers=("s", "size"))
    with pytest.raises(AssertionError, match="equal-count|ten rows"):
        check_reliability_table(wide, want, "t")
    with pytest.raises(AssertionError, match="no column"):
        check_reliability_table(want.drop(columns="subscribers"), want, "t")


def test_reliability_table_can_leave_the_numbering_to_another_check():
    """With numbering=False, does a table numbered 0 to 9 pass on its numbers, and a wrong rule still fail?"""
    want = _table(SCORES, CHURNED)
    check_reliability_table(want.set_axis(want.index - 1), want, "t", numbering=False)
    with pytest.raises(AssertionError, match="swaps"):
        swapped = want.rename(columns={"mean_score": "churn_rate", "churn_rate": "mean_score"})
        check_reliability_table(swapped.set_axis(want.index - 1), want, "t", numbering=False)
    with pytest.raises(AssertionError, match="indexed by decile"):
        check_reliability_table(want.set_axis(want.index + 5), want, "t", numbering=False)


def test_brier_names_a_root_and_an_absolute_error():
    """Does the Brier check pass the mean squared error and name a root or an absolute error?"""
    s, y = np.array([0.2, 0.9, 0.5, 0.1]), np.array([0, 1, 1, 0])
    check_brier(np.float64(0.0775), 0.0775, "b", scores=s, churned=y)
    with pytest.raises(AssertionError, match="square root"):
        check_brier(math.sqrt(0.0775), 0.0775, "b", scores=s, churned=y)
    with pytest.raises(AssertionError, match="absolute"):
        check_brier(0.225, 0.0775, "b", scores=s, churned=y)
    with pytest.raises(AssertionError, match="should be a number"):
        check_brier(True, 0.0775, "b")


IMPORTANCE = pd.Series({"tenure": 0.02, "substitutions": 0.06, "basket": 0.001, "days": 0.03})


def _good_chart(importance=IMPORTANCE, highlight="substitutions"):
    ordered = importance.sort_values()
    fig, ax = plt.subplots()
    bars = ax.barh(list(ordered.index), ordered.to_numpy(),
                   color=["#d95f02" if n == highlight else "#bbbbbb" for n in ordered.index])
    ax.bar_label(bars, fmt="%.3f")
    ax.set_title("The churn score leans most on substitutions")
    return fig


def _all_chart_checks(fig, importance=IMPORTANCE, highlight="substitutions"):
    check_horizontal_bars(fig, importance)
    check_sorted_bars(fig)
    check_finding_title(fig, [highlight])
    check_direct_labels(fig)
    check_no_legend(fig)
    check_highlight(fig, importance, highlight)


def test_a_clean_chart_passes_every_check():
    """Does the reference makeover pass every chart check, with negative importances too?"""
    fig = _good_chart()
    _all_chart_checks(fig)
    plt.close(fig)
    with_negative = pd.Series({"a": 0.3, "b": -0.01, "c": 0.1})
    fig = _good_chart(with_negative, "c")
    _all_chart_checks(fig, with_negative, "c")
    plt.close(fig)


def test_a_chart_in_another_style_passes():
    """Do a descending order with an inverted axis, ax.text labels and a suptitle pass?"""
    s = IMPORTANCE.sort_values(ascending=False)
    fig, ax = plt.subplots()
    ax.barh(range(len(s)), s * 100, color=["tab:orange" if n == "substitutions" else "lightgrey" for n in s.index])
    ax.invert_yaxis()
    for i, v in enumerate(s * 100):
        ax.text(v, i, f"{v:.1f}")
    fig.suptitle("Substitutions matter more than anything else")
    _all_chart_checks(fig)
    plt.close(fig)


@pytest.mark.parametrize("mistake, message", [
    ("upright", "stand upright"),
    ("reversed", "longest is at the bottom"),
    ("legend", "has a legend"),
    ("title", "names the chart but not the finding"),
    ("causal_title", "states a cause"),
    ("labels", "has a bar without a label"),
    ("rainbow", "several colours"),
    ("same_colour", "same colour"),
    ("not_a_figure", "Return the matplotlib Figure"),
])
def test_a_cluttered_chart_fails_with_its_own_message(mistake, message):
    """Does each chart mistake fail with the message that names it?"""
    ordered = IMPORTANCE.sort_values()
    colours = ["#d95f02" if n == "substitutions" else "#bbbbbb" for n in ordered.index]
    fig, ax = plt.subplots()
    if mistake == "upright":
        bars = ax.bar(list(ordered.index)[::-1], ordered.to_numpy()[::-1], color=colours[::-1])
    elif mistake == "reversed":
        bars = ax.barh(list(ordered.index)[::-1], ordered.to_numpy()[::-1], color=colours[::-1])
    elif mistake == "rainbow":
        bars = ax.barh(list(ordered.index), ordered.to_numpy(), color=["red", "green", "blue", "#d95f02"])
    elif mistake == "same_colour":
        bars = ax.barh(list(ordered.index), ordered.to_numpy(), color="#bbbbbb")
    else:
        bars = ax.barh(list(ordered.index), ordered.to_numpy(), color=colours, label="importance")
    if mistake != "labels":
        ax.bar_label(bars)
    ax.set_title({"title": "Feature importances", "causal_title": "Substitutions: the lever that cuts churn"}.get(
        mistake, "The churn score leans most on substitutions"))
    if mistake == "legend":
        ax.legend()
    with pytest.raises(AssertionError, match=message):
        _all_chart_checks(ax if mistake == "not_a_figure" else fig)
    plt.close(fig)


@pytest.mark.parametrize("title, causal", [
    ("Substitutions drive churn more than anything else", True),
    ("Substitutions increase churn", True),
    ("Substitutions drive cancellations", True),
    ("Substitutions drive the churn score more than any other column", False),
    ("The churn score leans most on substitutions", False),
    ("Top driver of the churn score: substitutions", False),
    ("Fewer substitutions reduce churn", True),
    ("Cutting substitutions cuts cancellations", True),
    ("Shuffling substitutions cuts the model's AUC most", False),
    ("Substitutions: shuffling them reduces accuracy the most", False),
])
def test_a_title_that_makes_churn_the_effect_states_a_cause(title, causal):
    """Is "X drives churn" a cause, while "X drives the churn score" (the model) is a finding?"""
    fig = _good_chart()
    fig.axes[0].set_title(title)
    if causal:
        with pytest.raises(AssertionError, match="states a cause"):
            check_finding_title(fig, ["substitutions"])
    else:
        check_finding_title(fig, ["substitutions"])
    plt.close(fig)


def test_upright_bars_are_charged_once():
    """Does an upright chart fail the horizontal check only, its highlight still read from the bar heights?"""
    ordered = IMPORTANCE.sort_values(ascending=False)
    fig, ax = plt.subplots()
    bars = ax.bar(list(ordered.index), ordered.to_numpy(),
                  color=["#d95f02" if n == "substitutions" else "#bbbbbb" for n in ordered.index])
    ax.bar_label(bars)
    with pytest.raises(AssertionError, match="stand upright"):
        check_horizontal_bars(fig, IMPORTANCE)
    check_highlight(fig, IMPORTANCE, "substitutions")
    plt.close(fig)


def test_bars_that_ignore_the_importances_fail():
    """Does a chart whose bar lengths do not follow the importances fail?"""
    fig, ax = plt.subplots()
    ax.barh(list(IMPORTANCE.index), [4, 3, 2, 1])
    with pytest.raises(AssertionError, match="do not follow the importances"):
        check_horizontal_bars(fig, IMPORTANCE)
    plt.close(fig)
