"""Do module 08's pinned computations agree with independent ones, do its checkers judge both ways,
and do the production datasets hold their planted effects?"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import mlpm
from mlpm.checks.production import (
    availability,
    budget_left,
    check_dates,
    check_name_set,
    check_names_from,
    check_status,
    config_diff,
    decile_shares,
    error_budget_minutes,
    final_status,
    guardrail_changes,
    latency_percentiles,
    measurable_weeks,
    ml_test_score,
    promote,
    psi,
    psi_band,
    psi_from_shares,
    recall_difference,
    reference_edges,
)
from notebook_tools import ROOT, read_notebook, run_code_cells

SOLUTION = ROOT / "solutions" / "08-mlops" / "08-mlops-exercises.ipynb"
FEATURES = ["basket_value_eur", "discount_share", "orders_per_month", "tenure_months", "delivery_rating"]


@functools.cache
def solved() -> dict:
    """The solution notebook's namespace, run in-process (its functions are the references under test)."""
    return run_code_cells(read_notebook(Path(SOLUTION)))


# ---- PSI ----------------------------------------------------------------------------------------------

def test_psi_hand_example_on_three_bins():
    """Do reference shares 0.3/0.4/0.3 against 0.2/0.4/0.4 give 0.0693 with the natural log?"""
    by_hand = -0.1 * math.log(2 / 3) + 0.1 * math.log(4 / 3)
    assert round(by_hand, 4) == 0.0693
    assert psi_from_shares([0.3, 0.4, 0.3], [0.2, 0.4, 0.4]) == pytest.approx(by_hand, abs=1e-12)
    assert round(psi_from_shares([0.3, 0.4, 0.3], [0.2, 0.4, 0.4]), 4) == 0.0693


def test_psi_is_a_symmetrised_kullback_leibler_divergence():
    """Is PSI = KL(a||e) + KL(e||a), computed with scipy's entropy, on floored shares?"""
    rng = np.random.default_rng(1)
    ref, cur = rng.gamma(4, 10, 2000), rng.gamma(4.5, 10, 1500)
    edges = reference_edges(ref)
    e, a = np.maximum(decile_shares(ref, edges), 1e-4), np.maximum(decile_shares(cur, edges), 1e-4)
    # scipy normalises its inputs, so compare on the floored shares without renormalising
    kl = float(np.sum(a * np.log(a / e)) + np.sum(e * np.log(e / a)))
    assert psi(ref, cur) == pytest.approx(kl, rel=1e-12)
    assert stats.entropy(a, e) + stats.entropy(e, a) == pytest.approx(kl, rel=1e-2)


def test_psi_bins_put_edge_values_to_the_right_like_digitize():
    """Are a value equal to an edge and np.digitize's bin the same (right-open bins, open-ended ends)?"""
    ref = np.repeat(np.arange(1, 11), 10).astype(float)  # edges land on the values themselves
    edges = reference_edges(ref)
    manual = np.array([sum(1 for x in ref if sum(x >= edge for edge in edges) == b) for b in range(10)]) / len(ref)
    assert np.allclose(decile_shares(ref, edges), manual)
    assert np.allclose(decile_shares(ref, edges), np.bincount(np.digitize(ref, edges), minlength=10) / len(ref))


def test_psi_bands_on_the_edges():
    """Is 0.1 moderate, 0.25 moderate and just above 0.25 significant?"""
    assert [psi_band(v) for v in (0.0999, 0.1, 0.25, 0.2501)] == ["stable", "moderate", "moderate", "significant"]


def test_feature_snapshots_plant_drift_in_two_features():
    """After the price change, is basket value significant, discount share moderate and the rest stable?"""
    frame = mlpm.load("feature_snapshots")
    ref, cur = frame[frame["period"] == "reference"], frame[frame["period"] == "current"]
    bands = {f: psi_band(psi(ref[f], cur[f])) for f in FEATURES}
    assert bands == {"basket_value_eur": "significant", "discount_share": "moderate", "orders_per_month": "stable",
                     "tenure_months": "stable", "delivery_rating": "stable"}
    assert round(psi(ref["basket_value_eur"], cur["basket_value_eur"]), 3) == 0.301
    assert round(psi(ref["discount_share"], cur["discount_share"]), 3) == 0.132


@pytest.mark.parametrize("seed", [1, 2, 3, 81])
def test_drift_bands_hold_on_other_seeds(seed):
    """Do other draws keep basket value significant or near it, discount moderate and the rest stable?"""
    frame = mlpm.datasets.feature_snapshots(seed=seed)
    ref, cur = frame[frame["period"] == "reference"], frame[frame["period"] == "current"]
    assert psi(ref["basket_value_eur"], cur["basket_value_eur"]) > 0.25
    assert psi_band(psi(ref["discount_share"], cur["discount_share"])) == "moderate"
    assert all(psi(ref[f], cur[f]) < 0.05 for f in FEATURES[2:])


# ---- label delay ----------------------------------------------------------------------------------------

def test_measurable_weeks_by_hand():
    """On Monday 14 September, are the Mondays up to 17 August (exactly 28 days before) measurable?"""
    weeks = pd.date_range("2026-07-06", periods=11, freq="W-MON")
    got = measurable_weeks(weeks, "2026-09-14")
    assert got[-1] == pd.Timestamp("2026-08-17") and len(got) == 7
    assert (pd.Timestamp("2026-09-14") - pd.Timestamp("2026-08-17")).days == 28
    assert len(measurable_weeks(weeks, "2026-09-13")) == 6
    assert solved()["measurable_now"] == got


# ---- champion / challenger ---------------------------------------------------------------------------

def test_paired_interval_agrees_with_the_discordant_pairs_formula():
    """Is the paired normal interval the one from discordant counts b, c: (b − c)/n ± 1.96 √(...)?"""
    frame = mlpm.load("shadow_scores")
    churners = frame[frame["churned"] == 1]
    n = len(churners)
    b = int(((churners["challenger_flag"] == 1) & (churners["champion_flag"] == 0)).sum())
    c = int(((churners["challenger_flag"] == 0) & (churners["champion_flag"] == 1)).sum())
    diff = (b - c) / n
    variance = ((b + c) - (b - c) ** 2 / n) / (n - 1) / n  # sample variance of d with ddof=1, over n
    low, high = diff - 1.96 * math.sqrt(variance), diff + 1.96 * math.sqrt(variance)
    assert recall_difference(frame) == pytest.approx((diff, low, high), rel=1e-12)
    assert solved()["recall_difference"](frame) == pytest.approx((diff, low, high), rel=1e-12)


def test_paired_interval_is_close_to_scipy_paired_t_interval():
    """Is the z interval within a hair of scipy's paired t interval on ~600 churners?"""
    frame = mlpm.load("shadow_scores")
    churners = frame[frame["churned"] == 1]
    result = stats.ttest_rel(churners["challenger_flag"], churners["champion_flag"])
    t_low, t_high = result.confidence_interval(0.95)
    _, low, high = recall_difference(frame)
    assert low == pytest.approx(t_low, abs=2e-4) and high == pytest.approx(t_high, abs=2e-4)


def test_shadow_scores_plant_a_challenger_that_wins_on_average_but_fails_the_gate():
    """Does the challenger beat the margin on average, with an interval below 0, guardrails holding?"""
    frame = mlpm.load("shadow_scores")
    diff, low, high = recall_difference(frame)
    guard = guardrail_changes(frame)
    assert diff >= 0.01 and low < 0 < high
    assert guard["precision"] >= -0.02 and 0 < guard["p95_latency_ms"] <= 25
    assert promote(diff, low, guard) == "keep champion"
    assert promote(diff, abs(low), guard) == "promote"  # the interval alone decides
    assert solved()["decision"] == "keep champion"


def test_promote_on_the_lines():
    """Does the gate treat 'at least the margin', 'above 0' and 'at most' tolerances as pinned?"""
    ok = {"precision": -0.02, "p95_latency_ms": 25.0}
    assert promote(0.01, 1e-9, ok) == "promote"
    assert promote(0.01, 0.0, ok) == "keep champion"
    assert promote(0.05, 0.01, {"precision": -0.0201, "p95_latency_ms": 0}) == "keep champion"
    assert promote(0.05, 0.01, {"precision": 0, "p95_latency_ms": 25.01}) == "keep champion"


# ---- ML Test Score --------------------------------------------------------------------------------------

def test_ml_test_score_by_hand_on_larder():
    """Is Larder's final score the minimum of its section sums (monitoring: 1 automated + 1 manual = 1.5)?"""
    practices = solved()["LARDER_PRACTICES"]
    assert all(len(tests) == 7 for tests in practices.values()) and len(practices) == 4
    counted = {s: sum(1.0 if v == "automated" else 0.5 if v == "manual" else 0.0 for v in t.values())
               for s, t in practices.items()}
    assert counted == {"data": 3.5, "model": 3.0, "infrastructure": 3.5, "monitoring": 1.5}
    assert ml_test_score(practices) == {**counted, "final": 1.5}
    assert solved()["invest_first"] == "monitoring"


# ---- reliability -----------------------------------------------------------------------------------------

def test_error_budget_is_43_2_minutes():
    """Is 99.9 % over 30 days 43.2 minutes (30 × 1,440 × 0.001)?"""
    assert 30 * 1440 * 0.001 == pytest.approx(43.2)
    assert error_budget_minutes(0.999, 30) == pytest.approx(43.2, rel=1e-12)
    assert solved()["error_budget_minutes"](0.999, 30) == pytest.approx(43.2, rel=1e-12)


def test_budget_left_after_the_incident_log():
    """Do 18 + 25 × 0.4 + 20 × 0.35 = 35 bad minutes leave 8.2 of 43.2?"""
    incidents = solved()["INCIDENTS_30D"]
    assert budget_left(incidents, 0.999, 30) == pytest.approx(43.2 - 35.0)
    assert solved()["minutes_left"] == pytest.approx(8.2)


def test_percentiles_are_numpy_linear_and_match_the_hand_rule():
    """Is p95 of 1..100 95.05 (linear: rank 0.95 × 99 between the 95th and 96th value), as numpy gives?"""
    values = np.arange(1.0, 101.0)
    rank = 0.95 * (len(values) - 1)
    by_hand = values[int(rank)] + (rank - int(rank)) * (values[int(rank) + 1] - values[int(rank)])
    assert latency_percentiles(values)["p95"] == pytest.approx(by_hand) == pytest.approx(95.05)
    assert latency_percentiles(values)["p99"] == pytest.approx(float(pd.Series(values).quantile(0.99)))


def test_scoring_requests_plant_p95_met_and_p99_missed():
    """Does the day meet a 300 ms p95, miss an 800 ms p99, and fall short of 99.9 % availability?"""
    requests = mlpm.load("scoring_requests")
    pct = latency_percentiles(requests["latency_ms"])
    assert pct["p95"] <= 300 < 800 < pct["p99"]
    assert availability(requests) == pytest.approx(1 - 45 / 8000)
    assert solved()["slo_met"] == {"availability": False, "p95": True, "p99": False}


# ---- API contract: cross-checked with jsonschema's own validator ----------------------------------------

def test_validity_matches_jsonschema_draft_2020_12():
    """Does the solution's validity agree with Draft202012Validator, with E1 and E4 the only valid examples?"""
    namespace = solved()
    schema = namespace["SCORE_REQUEST_SCHEMA"]
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    expected = {name: validator.is_valid(example) for name, example in namespace["EXAMPLES"].items()}
    assert namespace["validity"] == expected
    assert [name for name, ok in expected.items() if ok] == ["E1", "E4"]


def _valid_today_invalid_after(change: dict) -> bool:
    """Whether a request valid under today's schema fails under the changed one (breaking for senders)."""
    namespace = solved()
    today = namespace["SCORE_REQUEST_SCHEMA"]
    after = {**today, "properties": {**today["properties"], **change.get("properties", {})},
             "required": change.get("required", today["required"])}
    probe = [{"subscriber_id": "S12345", "basket_value_eur": 499.0, "orders_last_90d": 150, "plan": "single"},
             {"subscriber_id": "S12345", "basket_value_eur": 10.0, "orders_last_90d": 3, "plan": "family",
              "country": "NL"}]
    before_ok, after_ok = jsonschema.Draft202012Validator(today), jsonschema.Draft202012Validator(after)
    return any(before_ok.is_valid(p) and not after_ok.is_valid(p) for p in probe)


def test_request_changes_classified_by_trying_todays_requests():
    """Do C1, C2, C5, C6, C7 break today's valid requests exactly as the solution says?"""
    kinds = solved()["change_kinds"]
    props = solved()["SCORE_REQUEST_SCHEMA"]["properties"]
    trials = {
        "C1": {"properties": {"channel": {"enum": ["app", "web"]}}},
        "C2": {"required": ["subscriber_id", "basket_value_eur", "orders_last_90d", "plan", "country"]},
        "C5": {"properties": {"subscriber_id": {"type": "integer"}}},
        "C6": {"properties": {"basket_value_eur": {**props["basket_value_eur"], "maximum": 1000}}},
        "C7": {"properties": {"orders_last_90d": {**props["orders_last_90d"], "maximum": 100}}},
    }
    for change, trial in trials.items():
        assert (kinds[change] == "breaking") == _valid_today_invalid_after(trial), change
    assert kinds["C3"] == "breaking" and kinds["C4"] == "non-breaking"  # response side: removal vs addition


# ---- events --------------------------------------------------------------------------------------------

def _replay(events: pd.DataFrame) -> pd.Series:
    """An independent consumer: a state machine fed one event at a time, skipping ids already seen and
    holding back events that arrive before their predecessor."""
    seen, pending, applied, state = set(), {}, {}, {}
    after = {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"}
    for row in events.sort_values("arrival").itertuples():
        if row.event_id in seen:
            continue
        seen.add(row.event_id)
        pending.setdefault(row.subscriber_id, {})[row.seq] = row.event_type
        while applied.get(row.subscriber_id, 0) + 1 in pending[row.subscriber_id]:
            nxt = applied.get(row.subscriber_id, 0) + 1
            state[row.subscriber_id] = after[pending[row.subscriber_id].pop(nxt)]
            applied[row.subscriber_id] = nxt
    return pd.Series(state).sort_index()


@pytest.mark.parametrize("seed", [8, 89, 5])
def test_final_status_agrees_with_a_replaying_state_machine(seed):
    """Does dedupe-then-sort give the same states as replaying the stream with a buffer?"""
    events = mlpm.datasets.subscription_events(seed=seed)
    assert final_status(events).sort_index().equals(_replay(events).rename("status"))


def test_subscription_events_plant_duplicates_and_disorder():
    """Are there 20 duplicates, a naive consumer wrong on 5 subscribers, and 25 cancelled rows for 23?"""
    events = mlpm.load("subscription_events")
    assert events["event_id"].duplicated().sum() == 20
    right = final_status(events)
    naive = events.groupby("subscriber_id")["event_type"].last().map(
        {"subscribed": "active", "resumed": "active", "paused": "paused", "cancelled": "cancelled"})
    assert (naive != right).sum() == 5
    assert (events["event_type"] == "cancelled").sum() == 25 and (right == "cancelled").sum() == 23
    assert solved()["n_cancelled"] == 23


def test_config_diff_includes_one_sided_and_none_keys():
    """Does config_diff list a key present on one side only, even when the other side's value is None?"""
    assert config_diff({"a": None, "b": 1}, {"b": 1}) == ["a"]
    assert config_diff({"a": 1}, {"a": 1}) == []
    assert solved()["config_diff"]({"a": None, "b": 1}, {"b": 1}) == ["a"]


# ---- the module's checkers, both ways ---------------------------------------------------------------------

def test_check_dates_both_ways():
    """Does check_dates accept Timestamps or strings in order, and say what is off otherwise?"""
    want = [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-12")]
    check_dates(["2026-01-05", "2026-01-12"], want, "x")
    check_dates(pd.Series(want), want, "x")
    for got, words in (([want[0]], "fewer"), (want + [pd.Timestamp("2026-01-19")], "more"),
                       (want[::-1], "not the right ones"), (5, "should be a list")):
        with pytest.raises(AssertionError, match=words):
            check_dates(got, want, "x")


def test_check_name_set_both_ways():
    """Does check_name_set accept any order or a set, and refuse repeats, unknown, missing and extra names?"""
    check_name_set({"b", "a"}, ["a", "b"], "x", options=["a", "b", "c"])
    check_name_set(("a", "b"), ["a", "b"], "x")
    for got, words in ((["a", "a", "b"], "more than once"), (["a", "z"], "not among"), (["a"], "misses"),
                       (["a", "b", "c"], "should not be there"), ("ab", "should be a list")):
        with pytest.raises(AssertionError, match=words):
            check_name_set(got, ["a", "b"], "x", options=["a", "b", "c"])


def test_check_names_from_both_ways():
    """Does check_names_from accept known names and refuse empty, unknown or repeated ones?"""
    check_names_from(["a"], ["a", "b"], "x")
    for got, words in (([], "empty"), (["q"], "not among"), (["a", "a"], "more than once"), ([1], "strings")):
        with pytest.raises(AssertionError, match=words):
            check_names_from(got, ["a", "b"], "x")


def test_check_status_both_ways():
    """Does check_status accept any index order or a one-column frame, and count the wrong states?"""
    want = pd.Series({"A": "active", "B": "cancelled"})
    check_status(pd.Series({"B": "cancelled", "A": "active"}), want, "x")
    check_status(pd.DataFrame({"status": ["active", "cancelled"]}, index=["A", "B"]), want, "x")
    with pytest.raises(AssertionError, match="1 of 2 subscribers"):
        check_status(pd.Series({"A": "paused", "B": "cancelled"}), want, "x")
    with pytest.raises(AssertionError, match="one entry per subscriber_id"):
        check_status(pd.Series({"A": "active"}), want, "x")
    with pytest.raises(AssertionError, match="pandas Series"):
        check_status({"A": "active", "B": "cancelled"}, want, "x")
