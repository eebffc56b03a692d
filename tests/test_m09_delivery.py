"""Module 09 (delivering ML work): do the data hold their planted facts, do the reference flow metrics agree
with an independent computation, and do the checkers accept what is defensible and refuse the rest?"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import mlpm
from mlpm.checks.delivery import (
    check_call_condition,
    check_call_decision,
    check_call_evidence,
    check_call_shape,
    check_in_range,
    check_week_runs,
)
from mlpm.checks.references import reference

R = reference("delivery")
exact_sprints_distribution = reference("influence").exact_sprints_distribution
START, END = "2026-06-01", "2026-09-21"


def _plain_rows(events: pd.DataFrame) -> list[tuple[str, str, dt.datetime]]:
    """The export as plain Python tuples, times parsed with datetime: no pandas in what follows."""
    return [(t, s, dt.datetime.strptime(a, "%Y-%m-%d %H:%M"))
            for t, s, a in zip(events["ticket_id"], events["status"], events["entered_at"], strict=True)]


def _plain_firsts(rows):
    first: dict[tuple[str, str], dt.datetime] = {}
    for ticket, status, at in rows:
        if (ticket, status) not in first or at < first[(ticket, status)]:
            first[(ticket, status)] = at
    return first


@pytest.mark.parametrize("seed", [91, 7, 23])
def test_flow_metrics_agree_with_a_plain_python_computation(seed):
    """Do cycle times, weekly throughput, WIP and time in column match loops over plain tuples?"""
    events = mlpm.datasets.board_events(seed=seed)
    rows = _plain_rows(events)
    first = _plain_firsts(rows)
    tickets = {t for t, _, _ in rows}
    cycle = {t: (first[(t, "Done")] - first[(t, "In progress")]).total_seconds() / 86400
             for t in tickets if (t, "Done") in first and (t, "In progress") in first}
    got = R.cycle_times(events)
    assert set(got.index) == set(cycle) and all(abs(got[t] - v) < 1e-9 for t, v in cycle.items())
    ordered = sorted(cycle.values())  # linear percentile by hand: position p (n - 1)
    for name, p in (("p50", 0.5), ("p85", 0.85)):
        pos = p * (len(ordered) - 1)
        low = int(pos)
        want = ordered[low] + (ordered[min(low + 1, len(ordered) - 1)] - ordered[low]) * (pos - low)
        assert abs(R.cycle_percentiles(got)[name] - want) < 1e-9

    start = dt.datetime(2026, 6, 1)
    weeks = [0] * 16
    for (_, s), at in first.items():
        if s == "Done" and start <= at < start + dt.timedelta(weeks=16):
            weeks[(at - start).days // 7] += 1
    assert R.weekly_throughput(events, START, END).tolist() == weeks

    def wip(moment):
        return sum(1 for t in tickets if (t, "In progress") in first and first[(t, "In progress")] <= moment
                   and not ((t, "Done") in first and first[(t, "Done")] <= moment))
    midnights = [start + dt.timedelta(days=k) for k in range(1, 113)]
    assert abs(R.average_wip(events, START, END) - sum(map(wip, midnights)) / 112) < 1e-9
    assert abs(R.littles_law_days(events, START, END) - (sum(map(wip, midnights)) / 112) / (sum(weeks) / 112)) < 1e-9

    by_ticket: dict[str, list[tuple[dt.datetime, str]]] = {}
    for t, s, at in rows:
        by_ticket.setdefault(t, []).append((at, s))
    totals = {c: 0.0 for c in R.ACTIVE}
    done = [t for t in tickets if (t, "Done") in first]
    for t in done:
        trail = sorted(by_ticket[t])
        for (t0, s), (t1, _) in zip(trail, trail[1:], strict=False):
            if s in totals:
                totals[s] += (t1 - t0).total_seconds() / 86400
    want = {c: v / len(done) for c, v in totals.items()}
    assert np.allclose(R.time_in_status(events).reindex(list(want)).to_numpy(), list(want.values()))


@pytest.mark.parametrize("seed", [91, 7, 23, 44])
def test_review_is_the_planted_bottleneck(seed):
    """Do done tickets wait longest in Review, whatever the seed?"""
    assert R.time_in_status(mlpm.datasets.board_events(seed=seed)).idxmax() == "Review"


def test_board_times_fall_in_working_hours_before_the_export():
    """Is every status change on a weekday between 09:00 and 17:00, before Monday's export?"""
    at = pd.to_datetime(mlpm.load("board_events")["entered_at"])
    assert (at.dt.day_of_week < 5).all() and at.dt.hour.between(9, 17).all()
    assert (at < pd.Timestamp("2026-09-21 08:00")).all()


def test_committed_forecast_matches_the_data_card():
    """Do 45 remaining items give 7 weeks at 50 % and 8 at 85 %, far from the percentile edges?"""
    counts = R.weekly_throughput(mlpm.load("board_events"), START, END)
    cumulative = exact_sprints_distribution(counts, 45).cumsum()
    assert cumulative[6] < 0.47 and 0.53 < cumulative[7] < 0.82 and cumulative[8] > 0.88
    assert R.average_weeks(counts, 45) == 7
    assert R.friday_of_week("2026-09-21", 8) == pd.Timestamp("2026-11-13")


@pytest.mark.parametrize("seed", [92, 3, 45])
def test_catalogue_history_decides_the_two_questions(seed):
    """Do the cancellation tables hold two years, and app_sessions too little for a year-on-year look?"""
    catalogue = mlpm.datasets.data_catalogue(seed=seed)
    assert R.history_weeks(catalogue, "subscriptions", "2026-09-21") >= 104
    assert R.history_weeks(catalogue, "cancellations", "2026-09-21") >= 104
    needed = (pd.Timestamp("2026-09-21") - (pd.Timestamp("2026-07-06") - pd.Timedelta(weeks=52))).days // 7
    assert R.history_weeks(catalogue, "app_sessions", "2026-09-21") < needed


def test_missing_sections_reads_headings_only():
    """Does only a '## ' heading count as a section, in any case, in the pinned order?"""
    assert R.missing_sections("## WHY\n### What changed\nHow it was tested\n## Feature flag ") == [
        "what_changed", "how_tested", "risk_rollback"]
    complete = mlpm.load("pull_requests").set_index("pr_id")["description"].map(R.missing_sections)
    assert {pr for pr, gaps in complete.items() if not gaps} == {"PR-415", "PR-424"}


SUPPORTS = {"kanban": {"a", "b"}, "scrum": {"c"}}
FLIPS = {"kanban": {"x"}, "scrum": {"y"}}


def test_a_call_is_judged_against_the_decision_made():
    """Does a defensible call pass, and does each weak part fail with its own message?"""
    call = {"decision": "kanban", "evidence": ["a", "b"], "would_change_if": "x"}
    check_call_shape(call, ["kanban", "scrum"], ["a", "b", "c"], ["x", "y"], "call")
    check_call_decision(call, ["kanban"], "call")
    check_call_evidence(call, SUPPORTS, "call")
    check_call_condition(call, FLIPS, "call")
    with pytest.raises(AssertionError, match="not a call these facts support"):
        check_call_decision({**call, "decision": "scrum"}, ["kanban"], "call")
    with pytest.raises(AssertionError, match="do not support the decision"):
        check_call_evidence({**call, "evidence": ["a", "c"]}, SUPPORTS, "call")
    with pytest.raises(AssertionError, match="at least 2"):
        check_call_evidence({**call, "evidence": ["a"]}, SUPPORTS, "call")
    with pytest.raises(AssertionError, match="would not change"):
        check_call_condition({**call, "would_change_if": "y"}, FLIPS, "call")
    with pytest.raises(AssertionError, match="should be a dict"):
        check_call_shape([call], ["kanban"], ["a"], ["x"], "call")
    with pytest.raises(AssertionError, match="should be a list"):
        check_call_shape({**call, "evidence": "a"}, ["kanban"], ["a", "b"], ["x"], "call")
    with pytest.raises(AssertionError, match="non-empty list"):
        check_call_shape({**call, "evidence": ["z"]}, ["kanban"], ["a", "b"], ["x"], "call")
    check_call_shape({**call, "evidence": ("a", "b")}, ["kanban"], ["a", "b"], ["x"], "call")  # a tuple is fine


def test_week_runs_accept_any_correct_simulation_and_refuse_wrong_ones():
    """Does a correct simulation pass (also from own counts), and a constant or late one fail?"""
    counts = [4, 7, 0, 9, 6]
    assert len(R.weeks_needed(counts, 30, 5000, 1)) == 5000
    exact = exact_sprints_distribution(counts, 30)
    check_week_runs(R.weeks_needed(counts, 30, 5000, 1), exact, 5000, "runs")
    check_week_runs(R.weeks_needed([5, 5], 30, 500, 1), exact, 500, "runs", also=[{6: 1.0}])
    with pytest.raises(AssertionError, match="same number of weeks"):
        check_week_runs(np.full(5000, 6), exact, 5000, "runs")
    with pytest.raises(AssertionError, match="more weeks than the history allows"):
        check_week_runs(R.weeks_needed(counts, 30, 5000, 1) + 1, exact, 5000, "runs")
    with pytest.raises(AssertionError, match="whole numbers"):
        check_week_runs(np.full(5000, 5.5), exact, 5000, "runs")


def test_threshold_range_names_which_side_is_wrong():
    """Is a threshold at the baseline refused as adding nothing, and one above the prototype as unreachable?"""
    check_in_range(0.44, 0.38, 0.47, "t")
    with pytest.raises(AssertionError, match="does not beat"):
        check_in_range(0.38, 0.38, 0.47, "t")
    with pytest.raises(AssertionError, match="never be done"):
        check_in_range(0.5, 0.38, 0.47, "t")
    with pytest.raises(AssertionError, match="should be a number"):
        check_in_range(True, 0.38, 0.47, "t")
