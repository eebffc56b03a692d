"""Do module 08's pinned computations agree with independent ones, do its checkers judge both ways,
and do the production datasets hold their planted effects?"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
from scipy import stats

import mlpm
from mlpm.checks import production as checkers
from mlpm.checks.production import (
    check_call,
    check_calls,
    check_dates,
    check_names_from,
    check_psi,
    check_status,
)
from mlpm.checks.references import reference
from notebook_tools import ROOT, read_notebook, run_code_cells

SOLUTION = ROOT / "solutions" / "08-mlops" / "08-mlops-exercises.ipynb"
FEATURES = ["basket_value_eur", "discount_share", "orders_per_month", "tenure_months", "delivery_rating"]
REF = reference("production")
(availability, budget_share, config_diff, decile_shares, error_budget_minutes, final_status, guardrail_changes,
 latency_percentiles, measurable_weeks, ml_test_band, ml_test_score, promote, psi, psi_band, psi_from_shares,
 recall_difference, reference_edges) = (
    REF.availability, REF.budget_share, REF.config_diff, REF.decile_shares, REF.error_budget_minutes, REF.final_status,
    REF.guardrail_changes, REF.latency_percentiles, REF.measurable_weeks, REF.ml_test_band, REF.ml_test_score,
    REF.promote, REF.psi, REF.psi_band, REF.psi_from_shares, REF.recall_difference, REF.reference_edges)


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
    assert -0.02 <= guard["precision"] < 0 and 0 < guard["p95_latency_ms"] <= 25
    assert promote(diff, low, guard) == "keep champion"
    assert promote(diff, abs(low), guard) == "promote"  # the interval alone decides
    assert solved()["decision"] == "keep champion"


def test_shadow_holdout_churns_like_the_fact_sheet_and_the_models_flag_different_numbers():
    """Is churn 10-14 % (a random holdout), and do the models flag 600 and 660, so precision is no
    mirror of recall?"""
    frame = mlpm.load("shadow_scores")
    assert 0.10 <= frame["churned"].mean() <= 0.14
    assert (frame["champion_flag"].sum(), frame["challenger_flag"].sum()) == (600, 660)


def test_precision_guardrail_fails_on_some_draws():
    """Across 40 fresh draws, does the precision guardrail fail at least once while recall rises?"""
    fails = 0
    for seed in range(20, 60):
        frame = mlpm.datasets.shadow_scores(seed=seed)
        diff, _, _ = recall_difference(frame)
        fails += diff > 0 and guardrail_changes(frame)["precision"] < -0.02
    assert fails >= 1


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
    assert solved()["larder_band"] == ml_test_band(1.5) == "first pass"


def test_ml_test_bands_match_the_notebook_table():
    """Do the reference bands and READINESS_BANDS agree on every edge (upper ends inclusive)?"""
    bands = solved()["READINESS_BANDS"]
    for score in (0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6.5):
        assert ml_test_band(score) == next(name for name, upper in bands.items() if score <= upper), score


# ---- reliability -----------------------------------------------------------------------------------------

def test_error_budget_is_43_2_minutes():
    """Is 99.9 % over 30 days 43.2 minutes (30 × 1,440 × 0.001)?"""
    assert 30 * 1440 * 0.001 == pytest.approx(43.2)
    assert error_budget_minutes(0.999, 30) == pytest.approx(43.2, rel=1e-12)
    assert solved()["error_budget_minutes"](0.999, 30) == pytest.approx(43.2, rel=1e-12)


def test_budget_share_counts_requests_and_equals_the_minutes_reading_under_flat_traffic():
    """Is the day's share of a 30-day budget its failed share over 0.001 × 30, and the same as its bad
    minutes (failed share × 1,440) over 43.2 minutes when traffic is flat?"""
    requests = mlpm.load("scoring_requests")
    failed = int((requests["status"] >= 500).sum())
    share = failed / len(requests) / (0.001 * 30)
    assert budget_share(requests, 0.999, 30) == pytest.approx(share, rel=1e-12)
    assert share == pytest.approx(failed / len(requests) * 1440 / 43.2, rel=1e-12)
    assert solved()["day_budget_share"] == pytest.approx(share, rel=1e-12)
    assert 0.1 < share < 0.5  # a fifth of the month in a day: the burn that pages


def test_scoring_requests_follow_the_fact_sheet_scale_and_a_daily_rhythm():
    """Are there 2,500 requests (500 cancellations a working day ÷ one in five visitors cancelling), and is
    the evening busiest hour many times the quietest night hour?"""
    requests = mlpm.load("scoring_requests")
    assert len(requests) == 500 * 5
    hours = pd.to_datetime(requests["timestamp"]).dt.hour.value_counts().reindex(range(24), fill_value=0)
    assert hours.idxmax() in range(17, 22) and hours.max() >= 10 * max(hours.min(), 1)


def test_percentiles_are_numpy_linear_and_match_the_hand_rule():
    """Is p95 of 1..100 95.05 (linear: rank 0.95 × 99 between the 95th and 96th value), as numpy gives?"""
    values = np.arange(1.0, 101.0)
    rank = 0.95 * (len(values) - 1)
    by_hand = values[int(rank)] + (rank - int(rank)) * (values[int(rank) + 1] - values[int(rank)])
    assert latency_percentiles(values)["p95"] == pytest.approx(by_hand) == pytest.approx(95.05)
    assert latency_percentiles(values)["p99"] == pytest.approx(float(pd.Series(values).quantile(0.99)))


def test_scoring_requests_plant_p95_met_and_p99_missed():
    """Does the day meet a 300 ms p95 and miss an 800 ms p99, with 16 server errors in 2,500 requests?"""
    requests = mlpm.load("scoring_requests")
    pct = latency_percentiles(requests["latency_ms"])
    assert pct["p95"] <= 300 < 800 < pct["p99"]
    assert availability(requests) == pytest.approx(1 - 16 / 2500)
    assert solved()["latency_met"] == {"p95": True, "p99": False}


@pytest.mark.parametrize("seed", [1, 2, 3, 18, 87, 101])
def test_latency_and_burn_hold_on_fresh_draws(seed):
    """On other draws, does p95 still meet 300 ms, p99 miss 800 ms and the day burn over a tenth of the budget?"""
    requests = mlpm.datasets.scoring_requests(seed=seed)
    pct = latency_percentiles(requests["latency_ms"])
    assert pct["p95"] <= 300 < 800 < pct["p99"]
    assert budget_share(requests, 0.999, 30) > 0.1


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


def test_response_changes_break_a_client_that_validates_todays_response():
    """Do C3, C8 and C9 make a today-valid client's response check fail, and does C4 fail only a client
    with additionalProperties false (not a tolerant reader)?"""
    kinds = solved()["change_kinds"]
    today = {"type": "object", "properties": {"subscriber_id": {"type": "string"},
                                              "churn_score": {"type": "number", "minimum": 0, "maximum": 1},
                                              "risk_band": {"enum": ["low", "medium", "high"]}},
             "required": ["subscriber_id", "churn_score", "risk_band"]}
    strict = {**today, "additionalProperties": False}
    base = {"subscriber_id": "S12345", "churn_score": 0.4, "risk_band": "medium"}
    after = {"C3": {"subscriber_id": "S12345", "score": 0.4, "risk_band": "medium"},
             "C4": {**base, "model_version": "churn-2026-09-01"},
             "C8": {**base, "risk_band": "unknown"}, "C9": {**base, "churn_score": None}}
    tolerant = jsonschema.Draft202012Validator(today)
    for change, response in after.items():
        assert (kinds[change] == "breaking") == (not tolerant.is_valid(response)), change
    assert not jsonschema.Draft202012Validator(strict).is_valid(after["C4"])
    assert solved()["model_review"] == "C6"


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
    check_dates(want[:1], want, "x", also=[want[:1]])  # a carried-forward list
    for got, words in (([want[0]], "fewer"), (want + [pd.Timestamp("2026-01-19")], "more"),
                       (want[::-1], "not the right ones"), (5, "should be a list")):
        with pytest.raises(AssertionError, match=words):
            check_dates(got, want, "x")


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


# ---- PSI caveats: small samples and integer features -------------------------------------------------

@pytest.mark.parametrize("n", [100, 400, 3000])
def test_psi_without_drift_is_about_b_minus_1_times_1_over_n_plus_1_over_m(n):
    """Drawing both samples from one distribution, is the mean PSI near (B − 1)(1/n + 1/m), the
    chi-square approximation, rather than 0?"""
    rng = np.random.default_rng(n)
    values = [psi(rng.gamma(9, 6.5, n), rng.gamma(9, 6.5, n)) for _ in range(400)]
    expected = 9 * (1 / n + 1 / n)
    assert np.mean(values) == pytest.approx(expected, rel=0.25)
    if n == 100:  # at n = 100 a no-drift PSI is typically 0.19, and about a quarter exceed 0.25
        assert np.mean(np.array(values) > 0.25) == pytest.approx(0.25, abs=0.1)


def test_psi_chi_square_view_agrees_with_scipy():
    """Is n·m/(n+m) × PSI close to a chi-square with 9 degrees of freedom (scipy) under no drift?"""
    rng = np.random.default_rng(5)
    n = 2000
    scaled = [n / 2 * psi(rng.normal(size=n), rng.normal(size=n)) for _ in range(300)]
    assert np.mean(scaled) == pytest.approx(stats.chi2(9).mean(), rel=0.15)


def test_decile_bins_collapse_on_an_integer_feature():
    """On orders per month (integers), do several of the nine decile edges coincide, leaving fewer than ten
    bins with data, so the "ten bins of 10 %" picture no longer holds?"""
    frame = mlpm.load("feature_snapshots")
    ref = frame.loc[frame["period"] == "reference", "orders_per_month"]
    edges = reference_edges(ref)
    shares = decile_shares(ref, edges)
    assert len(np.unique(edges)) < 9 and (shares > 0).sum() < 10
    assert shares.max() > 0.15


# ---- calls (question 10) and the package boundary ---------------------------------------------------------

def test_solution_calls_are_accepted_and_every_call_has_options_that_fit():
    """Is each model call accepted by the reference, and is every accepted decision and condition among the
    notebook's options?"""
    namespace = solved()
    for key, accepted in REF.CALLS.items():
        options = namespace["CALLS"][key]
        for decision, (must, may, reverse) in accepted.items():
            assert decision in options["decisions"] and reverse <= set(options["reverse_if"])
            assert must <= may <= set(namespace["EVIDENCE"])
        for part in ("decision", "evidence", "reverse_if"):
            check_call(namespace["calls"][key], accepted, key, part=part)
    assert namespace["triggers"] == {k: next(iter(v)) for k, v in REF.TRIGGERS.items()}
    check_calls(namespace["calls"], namespace["CALLS"], namespace["EVIDENCE"], "calls")


@pytest.mark.parametrize("change, message", [
    (lambda calls: list(calls.values()), "`calls` should be a dict, but it is a list."),
    (lambda calls: {k: v for k, v in list(calls.items())[1:]}, "`calls` has no entry for"),
    (lambda calls: {**calls, "extra_call": {}}, "`calls` has entries that should not be there: 'extra_call'."),
])
def test_check_calls_names_a_missing_or_stray_call(change, message):
    """Does check_calls say, as check_keys does, which call is missing or should not be there?"""
    namespace = solved()
    with pytest.raises(AssertionError, match=re.escape(message)):
        check_calls(change(dict(namespace["calls"])), namespace["CALLS"], namespace["EVIDENCE"], "calls")


def test_lite_model_is_non_inferior_so_promoting_it_is_defensible():
    """Is the lite model's interval low end above minus the non-inferiority margin (promote accepted), while
    it is last month's, pre-change evidence (keep champion accepted too)?"""
    namespace = solved()
    low, high = namespace["LITE_SHADOW"]["interval"]
    assert -namespace["NON_INFERIORITY"] < low < 0 < high
    assert set(REF.CALLS["lite_challenger"]) == {"promote", "keep champion"}


def test_check_call_both_ways():
    """Does check_call accept a defensible call and name a wrong decision, missing or stray evidence, and a
    condition that would not reverse it?"""
    accepted = REF.CALLS["lite_challenger"]
    keep = {"decision": "keep champion", "evidence": ["lite_shadow", "drift"],
            "reverse_if": "post-change weeks show it keeping recall"}
    for part in ("decision", "evidence", "reverse_if"):
        check_call(keep, accepted, "x", part=part)
    for call, part, words in (({**keep, "decision": "retrain"}, "decision", "does not support"),
                              ({**keep, "evidence": ["drift"]}, "evidence", "leaves out"),
                              ({**keep, "evidence": ["lite_shadow", "contract"]}, "evidence", "does not bear"),
                              ({**keep, "reverse_if": "its interval's low end falls below -0.02"}, "reverse_if",
                               "would not change"),
                              ({"decision": "promote"}, "decision", "should be a dict")):
        with pytest.raises(AssertionError, match=words):
            check_call(call, accepted, "x", part=part)


def test_check_psi_names_the_slip():
    """Does check_psi name base-10 logs, bins cut from the current sample and a non-finite PSI?"""
    rng = np.random.default_rng(3)
    ref, cur = rng.gamma(9, 6.5, 500), rng.gamma(9, 7.5, 500)
    want, slips = psi(ref, cur), REF.psi_variants(ref, cur)
    check_psi(want, want, slips, "x")
    for got, words in ((slips["log10"], "base-10"), (slips["current_edges"], "current sample"),
                       (slips["own_edges"], "its own deciles"),
                       (float("nan"), "not a finite number"), (want * 1.5, "not the pinned"), ("0.3", "number")):
        with pytest.raises(AssertionError, match=words):
            check_psi(got, want, slips, "x")
    assert slips["log10"] == pytest.approx(want / math.log(10))


def test_reference_computations_are_not_in_the_installed_package():
    """Can a learner import psi, promote or the accepted calls from mlpm.checks.production? (They must not.)"""
    for name in ("psi", "psi_band", "promote", "ml_test_score", "latency_percentiles", "error_budget_minutes",
                 "budget_share", "final_status", "measurable_weeks", "CALLS", "TRIGGERS"):
        assert not hasattr(checkers, name), name


def test_data_card_figures_recomputed_independently():
    """Do the data card's pinned figures for shadow_scores and scoring_requests come out of plain pandas and a
    hand-written linear percentile (no reference function)?"""
    shadow = mlpm.load("shadow_scores")
    churners = shadow[shadow["churned"] == 1]
    assert len(churners) == 462
    assert round(churners["challenger_flag"].mean() - churners["champion_flag"].mean(), 4) == 0.0325
    result = stats.ttest_rel(churners["challenger_flag"], churners["champion_flag"])
    t_low, t_high = result.confidence_interval(0.95)
    assert round(t_low, 3) == -0.008 and round(t_high, 3) == 0.073
    precision = [shadow.groupby(flag)["churned"].mean()[1] for flag in ("champion_flag", "challenger_flag")]
    assert round(precision[1] - precision[0], 4) == -0.0047
    requests = mlpm.load("scoring_requests")
    ordered = np.sort(requests["latency_ms"].to_numpy())

    def linear(q):
        rank = q * (len(ordered) - 1)
        low = int(rank)
        return ordered[low] + (rank - low) * (ordered[low + 1] - ordered[low])

    assert round(linear(0.95), 1) == 218.8 and round(linear(0.99), 1) == 1068.5
    counts = requests["status"].value_counts().to_dict()
    assert counts == {200: 2474, 400: 10, 500: 3, 503: 13}
    assert round((counts[500] + counts[503]) / 2500 / (0.001 * 30), 4) == 0.2133
